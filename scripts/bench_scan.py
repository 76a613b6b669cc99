"""Time the scan path against RapidOCR alone on the same pages.

    python scripts/bench_scan.py [FILES…] [--repeat N (3)] [--defaults] [--img2table]

FILES are scans (image-only PDFs or images; default: the PDFs in samples/scan/). For each
file, perfparse parses it end to end (perfparse.parse_bytes: render, orient, rulings,
OCR, cells, segment, normalise, validate), then RapidOCR alone reads the same page images
as perfparse renders them, with the engine settings perfparse uses; the two alternate
file by file so that the load of a shared machine hits both alike. Printed: s/page for
each, and their ratio (the issue's target: at most 1.2).

--defaults also times RapidOCR with its own default settings (full-size detection and the
per-line orientation classifier), the baseline for perfparse's engine settings.

--img2table compares the table finder with img2table 2.0 (RapidOCR backend) on the same
pages: s/page, and how many cells of the born-digital original's grid (samples/pdf) each
reproduces with the same position and span (structure) and also the same text. img2table
is no dependency of perfparse; install it in a separate venv with perfparse (it brings
opencv-contrib-python, which must not share an environment with opencv-python-headless).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageSequence
from rapidocr import RapidOCR

from perfparse.api import parse_bytes
from perfparse.extract.clean import clean_text
from perfparse.extract.geometry import find_tables
from perfparse.extract.glyphs import cell_text, locate
from perfparse.extract.ocr.engine import engine
from perfparse.extract.ocr.scan import ocr_page
from perfparse.extract.pdf.open import open_plumber
from perfparse.extract.pdf.pdfium import render
from perfparse.extract.pdf.plumber import read_page
from perfparse.grid import Table

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "samples" / "scan"
ORIGINALS = ROOT / "samples" / "pdf"


def page_images(path: Path) -> list[Image.Image]:
    """The page images perfparse OCRs for this file."""
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        doc = pdfium.PdfDocument(data)
        try:
            return [render(page) for page in doc]
        finally:
            doc.close()
    return [frame.copy() for frame in ImageSequence.Iterator(Image.open(io.BytesIO(data)))]


def rapidocr_alone(images: list[Image.Image], *, defaults: bool = False) -> float:
    """Seconds RapidOCR takes for these pages, reading them as perfparse's engine does."""
    t = time.perf_counter()
    for img in images:
        arr = np.asarray(img.convert("RGB"))
        if defaults:
            _default_engine()(arr)
        else:
            engine()(arr, use_det=True, use_cls=False, use_rec=True)
    return time.perf_counter() - t


@cache
def _default_engine() -> RapidOCR:
    return RapidOCR(params={"Global.log_level": "critical"})


def time_files(files: list[Path], repeat: int, defaults: bool) -> None:
    perf: list[float] = []
    alone: list[float] = []
    default: list[float] = []
    pages = 0
    warm = page_images(files[0])[:1]
    rapidocr_alone(warm)  # model loading is a one-off per process, not per page
    if defaults:
        rapidocr_alone(warm, defaults=True)
    for run in range(repeat):
        p = a = d = 0.0
        pages = 0
        for f in files:
            images = page_images(f)
            pages += len(images)
            data = f.read_bytes()
            # every other run reads RapidOCR first, so a burst of load on the shared
            # machine does not always fall on the same side
            if run % 2:
                a += rapidocr_alone(images)
            t = time.perf_counter()
            parse_bytes(f.name, data)
            p += time.perf_counter() - t
            if not run % 2:
                a += rapidocr_alone(images)
            if defaults:
                d += rapidocr_alone(images, defaults=True)
        perf.append(p / pages)
        alone.append(a / pages)
        default.append(d / pages)
    mp, ma = statistics.median(perf), statistics.median(alone)
    print(f"{len(files)} files, {pages} pages, median of {repeat} run(s)")
    print(f"perfparse end to end      {mp:6.2f} s/page")
    print(f"rapidocr alone            {ma:6.2f} s/page  (perfparse's engine settings)")
    if defaults:
        print(f"rapidocr, its defaults    {statistics.median(default):6.2f} s/page")
    print(f"ratio perfparse/rapidocr  {mp / ma:6.2f}  (target <= 1.2)")


# ---------------------------------------------------------------- img2table comparison


Key = tuple[int, int, int, int]


def _norm(s: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def _perfparse_tables(img: Image.Image, page: int) -> list[dict[Key, str]]:
    return [{(c.row, c.col, c.rowspan, c.colspan): _norm(c.text) for c in b.cells}
            for b in ocr_page(img, page) if isinstance(b, Table)]


def _img2table_tables(img: Image.Image) -> list[dict[Key, str]]:
    from img2table.document import Image as I2TImage

    buf = io.BytesIO()
    img.convert("L").save(buf, "PNG")
    doc = I2TImage(src=buf.getvalue(), detect_rotation=True)
    out = []
    for t in sorted(doc.extract_tables(ocr=_img2table_ocr()), key=lambda t: t.bbox.y1):
        spans: dict[tuple[int, int, int, int], list[tuple[int, int]]] = {}
        texts: dict[tuple[int, int, int, int], str | None] = {}
        for i, row in enumerate(t.content.values()):
            for j, cell in enumerate(row):
                box = (cell.bbox.x1, cell.bbox.y1, cell.bbox.x2, cell.bbox.y2)
                spans.setdefault(box, []).append((i, j))
                texts[box] = cell.value
        grid = {}
        for box, where in spans.items():
            i0, j0 = min(i for i, _ in where), min(j for _, j in where)
            i1, j1 = max(i for i, _ in where), max(j for _, j in where)
            grid[(i0, j0, i1 - i0 + 1, j1 - j0 + 1)] = _norm(texts[box])
        out.append(grid)
    return out


@cache
def _img2table_ocr():
    from img2table.ocr import RapidOCR as I2TRapidOCR

    return I2TRapidOCR(params={"Rec.lang_type": "ch", "Global.log_level": "critical"})


def _agreement(ref: list[dict[Key, str]], got: list[dict[Key, str]]) -> tuple[int, int, int]:
    """Cells of the reference tables found with the same position and span, and of those
    the ones with the same text; tables are paired top to bottom."""
    total = same_place = same_text = 0
    for k, table in enumerate(ref):
        other = got[k] if k < len(got) else {}
        for key, text in table.items():
            total += 1
            if key in other:
                same_place += 1
                same_text += other[key] == text
    return total, same_place, same_text


def _original_pages(scan: Path) -> Iterator[list[dict[Key, str]]]:
    """Per page, the born-digital original's tables as the PDF path builds them before it
    renumbers the columns of a table continued over a page break (which OCR, reading one
    page at a time, does not do)."""
    stem = scan.name.split("-")[0]
    with open_plumber(f"{stem}.pdf", (ORIGINALS / f"{stem}.pdf").read_bytes()) as pdf:
        for page in pdf.pages:
            glyphs, edges = read_page(page)
            grids = find_tables(edges)
            texts, _ = locate(glyphs, grids)
            yield [{(c.row, c.col, c.rowspan, c.colspan): _norm(clean_text(cell_text(gs)))
                    for c, gs in zip(g.cells, ts, strict=True)}
                   for g, ts in zip(grids, texts, strict=True)]


def compare_img2table(files: list[Path]) -> None:
    totals = {"perfparse": [0, 0, 0, 0.0], "img2table": [0, 0, 0, 0.0]}
    pages = 0
    for f in files:
        if f.suffix != ".pdf":
            continue  # page images have no one-to-one original page list here
        for no, (img, ref) in enumerate(zip(page_images(f), _original_pages(f), strict=True),
                                        start=1):
            pages += 1
            for name, read in (("perfparse", lambda i=img, n=no: _perfparse_tables(i, n)),
                               ("img2table", lambda i=img: _img2table_tables(i))):
                t = time.perf_counter()
                got = read()
                totals[name][3] += time.perf_counter() - t
                for k, v in enumerate(_agreement(ref, got)):
                    totals[name][k] += v
    print(f"\ntable finders on {pages} pages (cells of the born-digital grids)")
    for name, (total, place, text, secs) in totals.items():
        print(f"{name:10s} {secs / pages:5.2f} s/page  structure {place}/{total} "
              f"({place / total:.1%})  structure+text {text}/{total} ({text / total:.1%})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--defaults", action="store_true",
                    help="also time RapidOCR with its default settings")
    ap.add_argument("--img2table", action="store_true",
                    help="compare table finding with img2table (must be installed)")
    a = ap.parse_args(argv)
    files = a.files or sorted(SCANS.glob("*.pdf"))
    time_files(files, a.repeat, a.defaults)
    if a.img2table:
        compare_img2table(files)


if __name__ == "__main__":
    main()
