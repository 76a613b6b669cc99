"""Make scanned variants of the born-digital samples (samples/pdf/*.pdf).

    python scripts/make_scans.py                 # the committed set, in samples/scan/
    python scripts/make_scans.py --all --out D   # every sample at 150 and 200 dpi, in D

Each page is rasterised in gray at 150 or 200 dpi, turned by a small angle (±0.3–1.5°),
blurred a little, given sensor noise and dust specks, levelled to a white background as
scanners do, and stored as JPEG: image-only PDFs (one JPEG per page, no text layer), and
some single pages as PNG or JPEG files, one turned 90° and one 180°. Everything is seeded
by file name and page, so a run makes the same files every time.

A JPEG of a text-heavy A4 page is 150–300 KB, so the committed set is two documents as
PDFs plus three page images (under 6 MB); ``--all`` makes the full set for the complete
evaluation (tests/test_scan.py with PERFPARSE_SCAN_FULL=1, scripts/bench_scan.py).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT / "samples" / "pdf"
OUT = ROOT / "samples" / "scan"
DPIS = (150, 200)
QUALITY = 60
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


COMMITTED_PDFS = ("002_7f93d8ab5a9d0f21", "003_8e24aa098cee1238")
# Pages of 004 that each hold exactly one whole self-evaluation form.
PAGE_IMAGES = (PageImage("004_1143f0bba08cb0f0", 6, 150, 90, ".png"),
               PageImage("004_1143f0bba08cb0f0", 7, 200, 0, ".jpg"),
               PageImage("004_1143f0bba08cb0f0", 8, 200, 180, ".jpg"))


def scan_name(stem: str, dpi: int) -> str:
    return f"{stem}-{dpi}dpi.pdf"


def degrade(gray: np.ndarray, seed: str) -> np.ndarray:
    """A clean rendering → what a flatbed scanner returns for the printed page."""
    rng = np.random.default_rng(zlib.crc32(seed.encode()))
    h, w = gray.shape
    angle = float(rng.uniform(0.3, 1.5) * rng.choice([-1, 1]))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.5, 0.9)))
    noisy = img.astype(np.float32) + rng.normal(0, 8, img.shape).astype(np.float32)
    noisy[noisy > 200] = 255  # the scanner's white point: paper comes out white
    specks = rng.random(img.shape) < 0.0003
    noisy[specks] = rng.uniform(0, 120, int(specks.sum()))
    return np.clip(noisy, 0, 255).astype(np.uint8)


def scanned_pages(pdf: Path, dpi: int) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [degrade(np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil()
                                   .convert("L")), f"{pdf.stem}/{dpi}/{no}")
                for no, page in enumerate(doc, start=1)]
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
        h, w = gray.shape
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
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    stems = sorted(p.stem for p in PDFS.glob("*.pdf")) if a.all else list(COMMITTED_PDFS)
    for path in make(a.out, stems, PAGE_IMAGES):
        print(f"{path.stat().st_size / 1024:7.0f} KB  {path}")


if __name__ == "__main__":
    main()
