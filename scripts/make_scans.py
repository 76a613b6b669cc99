"""Make scanned variants of the born-digital samples (samples/pdf/*.pdf).

    python scripts/make_scans.py                 # the committed set, in samples/scan/
    python scripts/make_scans.py --all --out D   # every sample at 150 and 200 dpi, in D
    python scripts/make_scans.py --producers     # every producer × scan variant, in
                                                 # out/matrix/scan/<producer>-<variant>/
    python scripts/make_scans.py --producers --only lo-xlsx --variants colour-seal-200

Each page is rasterised in gray at 150 or 200 dpi, turned by a small angle (±0.3–1.5°),
blurred a little, given sensor noise and dust specks, levelled to a white background as
scanners do, and stored as JPEG: image-only PDFs (one JPEG per page, no text layer), and
some single pages as PNG or JPEG files, one turned 90° and one 180°. Everything is seeded
by file name and page, so a run makes the same files every time.

The producers' prints (scripts/make_producers.py: out/matrix/pdf/<producer>/ when made,
else the committed samples/pdf/<producer>/) are scanned in the variants of ``VARIANTS``:
grey or colour (on slightly yellow paper), at 150, 200 or 300 dpi, some with a red round
official seal (公章: ring, text along the upper arc, star) stamped over the lower part of
the table text, as offices stamp the forms they file. ``PRODUCER_SCANS`` is the
committed subset in samples/scan/<producer>/: a few single pages, each holding whole forms.

A JPEG of a text-heavy A4 page is 100–300 KB, so the committed set is two documents as
PDFs, three page images and seven pages of producers' prints (about 5 MB); ``--all`` makes
the full set for the complete evaluation (tests/test_scan.py with PERFPARSE_SCAN_FULL=1,
scripts/bench_scan.py).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from make_samples import CJK_FONT

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT / "samples" / "pdf"
OUT = ROOT / "samples" / "scan"
MATRIX_PDF = ROOT / "out" / "matrix" / "pdf"
MATRIX_SCAN = ROOT / "out" / "matrix" / "scan"
DPIS = (150, 200)
QUALITY = 60
PAPER = np.array([248, 245, 236], np.float32) / 255  # a colour scanner sees office paper cream
SEAL_INK = np.array([214, 38, 48], np.float32) / 255
SEAL_MM = 42.0  # diameter of a unit's 公章
SEAL_RING_MM = 1.1
SEAL_TEXT = "某某市某某区财政局"
_CREATED = re.compile(rb"(?<=/CreationDate\(D:)\d{14}")
_FILE_ID = re.compile(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]")


@dataclass(frozen=True)
class PageImage:
    """One page of a sample stored as an image file of its own."""

    stem: str
    page: int  # 1-based
    dpi: int
    turn: int  # degrees clockwise: 0, 90, 180 or 270
    suffix: str  # .png or .jpg

    @property
    def name(self) -> str:
        turned = f"-turned{self.turn}" if self.turn else ""
        return f"{self.stem}-p{self.page}-{self.dpi}dpi{turned}{self.suffix}"


@dataclass(frozen=True)
class Variant:
    """How a printed page is scanned."""

    dpi: int
    colour: bool
    seal: bool
    # Black and white, one bit a pixel, as a fax or an archive's bulk scanner stores pages
    # (a multi-page TIFF with CCITT group 4 compression).
    bilevel: bool = False
    # A photocopy of the print scanned: toner thickens strokes and greys the paper
    # unevenly, and no white point levels it back.
    photocopy: bool = False
    # Photographed with a phone held a little off square: the page a trapezoid, lit
    # unevenly, on a dark desk.
    photo: bool = False

    @property
    def name(self) -> str:
        ink = ("colour" if self.colour else "bilevel" if self.bilevel
               else "photocopy" if self.photocopy else "photo" if self.photo else "grey")
        return f"{ink}{'-seal' if self.seal else ''}-{self.dpi}"

    @property
    def seed(self) -> str:
        """Added to the page's seed; none for plain grey, so the first scans stay as made."""
        plain = not (self.colour or self.seal or self.bilevel or self.photocopy or self.photo)
        return "" if plain else f"/{self.name}"


GREY = Variant(200, colour=False, seal=False)
# Every dpi of the committed scans grey, grey with a seal and colour with a seal, and the
# 300 dpi archives keep for legal copies, grey and colour with a seal.
VARIANTS = (*(Variant(dpi, colour, seal) for dpi in DPIS
              for colour, seal in ((False, False), (False, True), (True, True))),
            Variant(300, colour=False, seal=False), Variant(300, colour=True, seal=True),
            Variant(200, colour=False, seal=False, bilevel=True),
            Variant(200, colour=False, seal=False, photocopy=True),
            Variant(200, colour=False, seal=False, photo=True))


@dataclass(frozen=True)
class ProducerScan:
    """Some pages of a producer's print (samples/pdf/<producer>/<stem>.pdf) scanned."""

    producer: str
    stem: str
    pages: tuple[int, ...]  # 1-based
    variant: Variant

    @property
    def path(self) -> Path:
        pages = "-".join(map(str, self.pages))
        return Path(self.producer) / f"{self.stem}-p{pages}-{self.variant.name}.pdf"


COMMITTED_PDFS = ("002_7f93d8ab5a9d0f21", "003_8e24aa098cee1238")
# Pages holding whole forms only (the reference is cut to the forms named on them): the
# last page of the LibreOffice print, one form; Chromium's pages 3–4, a form over a break;
# its pages 8–11, a form whose indicator header is left alone at a page's foot, the
# caption column's 绩效指标 painted far below it.
PRODUCER_SCANS = (ProducerScan("lo-xlsx", "001_1eb78efaeb72a928", (7,), Variant(200, True, True)),
                  ProducerScan("chromium", "001_1eb78efaeb72a928", (3, 4),
                               Variant(200, False, True)),
                  ProducerScan("chromium", "001_1eb78efaeb72a928", (8, 9, 10, 11),
                               Variant(150, False, False)))
# Pages of 004 that each hold exactly one whole self-evaluation form.
PAGE_IMAGES = (PageImage("004_1143f0bba08cb0f0", 6, 150, 90, ".png"),
               PageImage("004_1143f0bba08cb0f0", 7, 200, 0, ".jpg"),
               PageImage("004_1143f0bba08cb0f0", 8, 200, 180, ".jpg"))


def scan_name(stem: str, dpi: int) -> str:
    return f"{stem}-{dpi}dpi.pdf"


def degrade(page: np.ndarray, seed: str) -> np.ndarray:
    """A clean rendering (gray, or RGB) → what a flatbed scanner returns for the printed
    page."""
    rng = np.random.default_rng(zlib.crc32(seed.encode()))
    h, w = page.shape[:2]
    angle = float(rng.uniform(0.3, 1.5) * rng.choice([-1, 1]))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.5, 0.9)))
    noisy = img.astype(np.float32) + rng.normal(0, 8, img.shape).astype(np.float32)
    noisy[noisy > 200] = 255  # the scanner's white point: paper comes out white
    specks = rng.random(img.shape[:2]) < 0.0003
    dust = rng.uniform(0, 120, int(specks.sum()))
    noisy[specks] = dust if img.ndim == 2 else dust[:, None]
    if img.ndim == 3:
        noisy *= PAPER
    return np.clip(noisy, 0, 255).astype(np.uint8)


def photocopied(gray: np.ndarray, seed: str) -> np.ndarray:
    """``gray`` as a copier gives it back: strokes a pixel bolder, the paper a grey that
    lightens across the sheet (the drum's uneven charge), toner noise over all of it."""
    rng = np.random.default_rng(zlib.crc32(f"{seed}/copy".encode()))
    bold = cv2.erode(gray, np.ones((2, 2), np.uint8))
    paper = np.linspace(*sorted(rng.uniform(200, 230, 2)), gray.shape[1], dtype=np.float32)
    out = bold.astype(np.float32) / 255 * paper[None, :] + rng.normal(0, 10, gray.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def photographed(gray: np.ndarray, seed: str) -> np.ndarray:
    """``gray`` as a phone photographs it: each corner of the sheet up to 3 % of the
    page off where a square shot puts it (a keystone), on a dark desk, brighter where
    the light falls."""
    rng = np.random.default_rng(zlib.crc32(f"{seed}/photo".encode()))
    h, w = gray.shape
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    moved = np.float32(corners + rng.uniform(-0.03, 0.03, (4, 2)) * [w, h])
    out = cv2.warpPerspective(gray, cv2.getPerspectiveTransform(corners, moved), (w, h),
                              borderValue=90).astype(np.float32)
    yy, xx = np.mgrid[:h, :w].astype(np.float32)
    cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    out *= 0.75 + 0.25 * np.exp(-2 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2))
    out += rng.normal(0, 6, out.shape).astype(np.float32)
    return np.clip(cv2.GaussianBlur(out, (0, 0), 0.9), 0, 255).astype(np.uint8)


def stamp_seal(rgb: np.ndarray, dpi: int, rng: np.random.Generator) -> np.ndarray:
    """``rgb`` with a red round seal pressed over the lower part of its table text: the
    ink multiplies the page (black text under it stays black), unevenly inked, turned a
    little as a hand stamps it."""
    d = round(SEAL_MM / 25.4 * dpi)
    ring = round(SEAL_RING_MM / 25.4 * dpi)
    layer = Image.new("L", (d, d), 0)
    draw = ImageDraw.Draw(layer)
    draw.ellipse((0, 0, d - 1, d - 1), outline=255, width=ring)
    c = d / 2
    star = [(c + (0.17 if k % 2 == 0 else 0.068) * d * math.cos(math.radians(90 + 36 * k)),
             c - (0.17 if k % 2 == 0 else 0.068) * d * math.sin(math.radians(90 + 36 * k)))
            for k in range(10)]
    draw.polygon(star, fill=255)
    size = round(0.12 * d)
    font = ImageFont.truetype(str(CJK_FONT), size)
    radius = c - ring - 0.65 * size
    for k, ch in enumerate(SEAL_TEXT):  # clockwise along the upper arc, tops outward
        theta = 215 - 250 * k / (len(SEAL_TEXT) - 1)
        glyph = Image.new("L", (2 * size, 2 * size), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(theta - 90, resample=Image.Resampling.BICUBIC)
        x = c + radius * math.cos(math.radians(theta)) - size
        y = c - radius * math.sin(math.radians(theta)) - size
        layer.paste(255, (round(x), round(y)), glyph)
    layer = layer.rotate(float(rng.uniform(-15, 15)), resample=Image.Resampling.BICUBIC)
    density = np.asarray(layer, np.float32) / 255
    uneven = cv2.GaussianBlur(rng.uniform(0.55, 1.0, density.shape).astype(np.float32),
                              (0, 0), d / 40)
    density *= np.clip(uneven * 1.3, 0, 1)

    # The table is where the rows across a third of the page are dark: its rulings. A page
    # without (hairlines a low dpi renders light, a page of text) is stamped over its ink.
    dark = rgb.min(axis=2) < 128
    h, w = dark.shape
    ys = np.nonzero(dark.sum(axis=1) > w / 3)[0]
    if ys.size == 0:
        ys = np.nonzero((rgb.min(axis=2) < 200).any(axis=1))[0]
    if ys.size == 0:
        ys = np.array([h // 3, 2 * h // 3])
    xs = np.nonzero(dark[ys].any(axis=0))[0]
    if xs.size == 0:
        xs = np.array([w // 4, 3 * w // 4])
    cx = int(np.clip(xs.min() + rng.uniform(0.55, 0.8) * np.ptp(xs), c, w - c))
    cy = int(np.clip(ys.min() + rng.uniform(0.65, 0.85) * np.ptp(ys), c, h - c))
    x0, y0 = cx - d // 2, cy - d // 2
    out = rgb.astype(np.float32)
    patch = out[y0:y0 + d, x0:x0 + d]
    patch *= 1 - density[..., None] * (1 - SEAL_INK)
    return out.astype(np.uint8)


def scanned_pages(pdf: Path, dpi: int, variant: Variant | None = None,
                  pages: tuple[int, ...] | None = None) -> list[np.ndarray]:
    """Pages of ``pdf`` (all, or the 1-based ``pages``) scanned in ``variant``'s way (plain
    grey by default) at ``dpi``."""
    v = variant or GREY
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for no, page in enumerate(doc, start=1):
            if pages is not None and no not in pages:
                continue
            seed = f"{pdf.stem}/{dpi}/{no}{v.seed}"
            if v.seal:
                rgb = stamp_seal(np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB")),
                                 dpi, np.random.default_rng(zlib.crc32(f"{seed}/seal".encode())))
                clean = rgb if v.colour else np.asarray(Image.fromarray(rgb).convert("L"))
            else:
                clean = np.asarray(page.render(scale=dpi / 72, grayscale=not v.colour).to_pil()
                                   .convert("RGB" if v.colour else "L"))
            scanned = degrade(clean, seed)
            if v.photocopy:
                scanned = photocopied(scanned, seed)
            if v.photo:
                scanned = photographed(scanned, seed)
            if v.bilevel:  # the scanner's own threshold, between paper and ink
                scanned = cv2.threshold(scanned, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
            out.append(scanned)
        return out
    finally:
        doc.close()


def jpeg(gray: np.ndarray, dpi: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "JPEG", quality=QUALITY, dpi=(dpi, dpi))
    return buf.getvalue()


def image_pdf(pages: list[np.ndarray], dpi: int) -> bytes:
    """An image-only PDF: each page one full-page JPEG and nothing else."""
    doc = pdfium.PdfDocument.new()
    for gray in pages:
        h, w = gray.shape[:2]
        width, height = w * 72 / dpi, h * 72 / dpi
        page = doc.new_page(width, height)
        image = pdfium.PdfImage.new(doc)
        image.load_jpeg(io.BytesIO(jpeg(gray, dpi)), inline=True)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page.insert_obj(image)
        page.gen_content()
    buf = io.BytesIO()
    doc.save(buf)
    # pdfium stamps the time and a random file /ID; a fixed date and an /ID derived from
    # the content (same lengths, so the xref offsets hold) keep runs identical.
    data = _CREATED.sub(b"20240301000000", buf.getvalue())
    digest = hashlib.md5(data[:data.rfind(b"trailer")]).hexdigest().upper().encode()
    return _FILE_ID.sub(b"/ID[<" + digest + b"><" + digest + b">]", data)


def group4_tiff(pages: list[np.ndarray], dpi: int) -> bytes:
    """A multi-page black-and-white TIFF, CCITT group 4, as fax and bulk scanners write."""
    images = [Image.fromarray(page).convert("1") for page in pages]
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:],
                   compression="group4", dpi=(dpi, dpi))
    return buf.getvalue()


def page_image(spec: PageImage) -> bytes:
    gray = scanned_pages(PDFS / f"{spec.stem}.pdf", spec.dpi)[spec.page - 1]
    turn = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
            270: cv2.ROTATE_90_COUNTERCLOCKWISE}.get(spec.turn)
    if turn is not None:
        gray = cv2.rotate(gray, turn)
    if spec.suffix == ".jpg":
        return jpeg(gray, spec.dpi)
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "PNG", optimize=True, dpi=(spec.dpi, spec.dpi))
    return buf.getvalue()


def producer_scan(source: Path, spec: ProducerScan) -> bytes:
    """``spec``'s pages of the producer's print ``source`` as an image-only PDF."""
    v = spec.variant
    return image_pdf(scanned_pages(source, v.dpi, v, spec.pages), v.dpi)


def make_producer_scans(out: Path, specs: tuple[ProducerScan, ...]) -> list[Path]:
    """The committed producer scans (out/<producer>/…) from samples/pdf/<producer>/."""
    written = []
    for spec in specs:
        path = out / spec.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(producer_scan(PDFS / spec.producer / f"{spec.stem}.pdf", spec))
        written.append(path)
    return written


def make_matrix(out: Path, producers: list[str] | None = None,
                variants: tuple[Variant, ...] = VARIANTS) -> list[Path]:
    """The producers' prints (all, or ``producers``) scanned in each of ``variants``:
    ``out/<producer>-<variant>/``, whole documents, named as their prints (so
    scripts/score_matrix.py pairs them with their references)."""
    written = []
    for folder in sorted(p for p in PDFS.iterdir() if p.is_dir()):
        if producers and folder.name not in producers:
            continue
        made = MATRIX_PDF / folder.name
        source = made if made.is_dir() else folder
        for pdf in sorted(source.glob("*.pdf")):
            for v in variants:
                path = out / f"{folder.name}-{v.name}" / pdf.name
                path.parent.mkdir(parents=True, exist_ok=True)
                pages = scanned_pages(pdf, v.dpi, v)
                if v.bilevel:
                    path = path.with_suffix(".tif")
                    path.write_bytes(group4_tiff(pages, v.dpi))
                else:
                    path.write_bytes(image_pdf(pages, v.dpi))
                written.append(path)
    return written


def make(out: Path, stems: list[str], images: tuple[PageImage, ...]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in stems:
        for dpi in DPIS:
            path = out / scan_name(stem, dpi)
            path.write_bytes(image_pdf(scanned_pages(PDFS / f"{stem}.pdf", dpi), dpi))
            written.append(path)
    for spec in images:
        path = out / spec.name
        path.write_bytes(page_image(spec))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="every sample, not the committed set")
    ap.add_argument("--producers", action="store_true",
                    help=f"every producer × variant, into {MATRIX_SCAN.relative_to(ROOT)}/")
    ap.add_argument("--only", nargs="*", help="with --producers: these producers")
    ap.add_argument("--variants", nargs="*", choices=[v.name for v in VARIANTS],
                    help="with --producers: these variants")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args(argv)
    if a.producers:
        chosen = tuple(v for v in VARIANTS if not a.variants or v.name in a.variants)
        written = make_matrix(a.out or MATRIX_SCAN, a.only, chosen)
    else:
        stems = sorted(p.stem for p in PDFS.glob("*.pdf")) if a.all else list(COMMITTED_PDFS)
        out = a.out or OUT
        written = make(out, stems, PAGE_IMAGES)
        if not a.all:
            written += make_producer_scans(out, PRODUCER_SCANS)
    for path in written:
        print(f"{path.stat().st_size / 1024:7.0f} KB  {path}")


if __name__ == "__main__":
    main()
