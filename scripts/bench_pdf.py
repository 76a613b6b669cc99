"""Seconds per page on the same PDFs, in one run: perfparse end to end vs the table finders.

    python scripts/bench_pdf.py                 # the browser and LibreOffice prints in samples/pdf/
    python scripts/bench_pdf.py a.pdf b.pdf --repeat 3

Prints perfparse end-to-end (extract → validate, default engine), the pypdfium2 read
floor (every page's text, char boxes and page objects: what any reader of the file pays),
pdfplumber ``extract_tables()`` and camelot lattice s/page, and the ratios. Each figure is the best
of ``--repeat`` passes over all files, after one warm-up parse (imports, grammar loading),
so the ratios compare steady-state work on this machine at this moment.
"""

from __future__ import annotations

import argparse
import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import camelot
import pdfplumber
import pypdfium2 as pdfium

from perfparse import parse

ROOT = Path(__file__).resolve().parents[1]
# The committed prints of scripts/make_producers.py that real archives hold most.
BROWSER_AND_OFFICE = ("chromium", "chromium-caption", "chromium-radicals", "lo-xlsx", "lo-docx")


def perfparse_run(files: list[Path]) -> None:
    for f in files:
        parse(f)


def pdfium_floor(files: list[Path]) -> None:
    for f in files:
        doc = pdfium.PdfDocument(f)
        for page in doc:
            text = page.get_textpage()
            text.get_text_range()
            for i in range(text.count_chars()):
                text.get_charbox(i)
            for _ in page.get_objects(max_depth=2):
                pass
        doc.close()


def plumber_run(files: list[Path]) -> None:
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_tables()


def camelot_run(files: list[Path]) -> None:
    for f in files:
        camelot.read_pdf(str(f), pages="all", flavor="lattice")


def best_of(run: Callable[[list[Path]], None], files: list[Path], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run(files)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=1, help="passes per tool; the best is kept")
    args = ap.parse_args()
    files = args.files or sorted(f for producer in BROWSER_AND_OFFICE
                                 for f in (ROOT / "samples" / "pdf" / producer).glob("*.pdf"))
    pages = sum(len(pdfium.PdfDocument(f)) for f in files)
    logging.getLogger("camelot").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    parse(files[0])  # warm-up: imports and grammar loading are paid once per process
    per_page = {
        "perfparse end-to-end": best_of(perfparse_run, files, args.repeat) / pages,
        "pypdfium2 read floor": best_of(pdfium_floor, files, args.repeat) / pages,
        "pdfplumber extract_tables": best_of(plumber_run, files, args.repeat) / pages,
        "camelot lattice": best_of(camelot_run, files, args.repeat) / pages,
    }
    print(f"{len(files)} files, {pages} pages, best of {args.repeat}")
    for name, s in per_page.items():
        print(f"  {name:28s} {s:.4f} s/page")
    ours = per_page["perfparse end-to-end"]
    print(f"  perfparse / read floor          {ours / per_page['pypdfium2 read floor']:.1f}x")
    print(f"  camelot lattice / perfparse     {per_page['camelot lattice'] / ours:.1f}x")
    print(f"  pdfplumber tables / perfparse   {per_page['pdfplumber extract_tables'] / ours:.1f}x")


if __name__ == "__main__":
    main()
