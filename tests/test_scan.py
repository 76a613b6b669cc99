"""Scanned PDFs and images: real OCR (RapidOCR's ONNX models from its wheel) into the grid.

The scans in samples/scan/ are made by scripts/make_scans.py from samples/pdf/. OCR takes
seconds per page, so by default the field-F1 targets are checked on the committed scans
(one document at 150 and 200 dpi, three page images, and in samples/scan/<producer>/ seven
pages of browser and LibreOffice prints scanned grey and in colour with a red seal, and
grey at 150 dpi);
PERFPARSE_SCAN_FULL=1 makes and scores every sample at both resolutions (about 100 pages:
several minutes).
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

import scorer
from perfparse import ParseError, parse, parse_bytes
from perfparse.assemble import assemble_document
from perfparse.extract.geometry import GridCell, TableGrid
from perfparse.extract.ocr.assign import place
from perfparse.extract.ocr.confidence import LOW, warning
from perfparse.extract.ocr.engine import TextBox, recognise
from perfparse.extract.ocr.ink import (
    bilevel,
    components,
    faint_ink,
    ink_mask,
    off_sheet,
    on_sheet,
)
from perfparse.extract.ocr.keystone import keystone
from perfparse.extract.ocr.missed import read_missed
from perfparse.extract.ocr.orient import WORK_SCALE, rotate, skew_angle, upright
from perfparse.extract.ocr.repair import repair
from perfparse.extract.ocr.rules import rulings
from perfparse.extract.ocr.scan import extract_image, page_inks, seal_lettering
from perfparse.extract.ocr.seal import Seal, seal_mask, seals, without_red_ink
from perfparse.extract.pdf.pdfium import OCR_DPI, render
from perfparse.extract.pdf.read import extract_pdf
from perfparse.extract.sniff import sniff
from perfparse.grammar import bundled_grammar, load_grammar
from perfparse.grid import Cell, Grid, Line, Table
from perfparse.segment import segment

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "samples" / "scan"
PDFS = ROOT / "samples" / "pdf"
ORIGINALS = ROOT / "samples" / "pdf"
GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT / "scripts"))
import make_scans  # noqa: E402

DOC = "003_8e24aa098cee1238"  # one form over three pages, checkboxes, two-level indicators
FULL = os.environ.get("PERFPARSE_SCAN_FULL") == "1"


def _score(tmp: Path, docs: dict[str, dict], gold: dict[str, dict]) -> dict:
    """Field F1 report of parsed documents against gold, both keyed by file name."""
    for kind, items in (("pred", docs), ("gold", gold)):
        (tmp / kind).mkdir(parents=True)
        for name, doc in items.items():
            (tmp / kind / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                                     encoding="utf-8")
    report = tmp / "report.json"
    scorer.main([str(tmp / "gold"), str(tmp / "pred"), "--json", str(report)])
    return json.loads(report.read_text(encoding="utf-8"))


def _gold(stem: str, file: str, pages: tuple[int, ...] | None = None,
          original: Path | None = None) -> dict:
    """The gold document renamed to ``file``; for some pages of the print ``original``
    (samples/pdf/<stem>.pdf by default), only the forms named on them."""
    doc = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    doc["source"]["file"] = file
    if pages is not None:
        pdf = pdfium.PdfDocument(original or ORIGINALS / f"{stem}.pdf")
        text = "".join("".join(pdf[no - 1].get_textpage().get_text_range().split())
                       for no in pages)
        doc["forms"] = [f for f in doc["forms"] if f["project"]["name"] in text]
    return doc


def _parsed(path: Path) -> dict:
    return parse(path).model_dump(mode="json")


def _page(path: Path, no: int = 1) -> np.ndarray:
    return np.asarray(render(pdfium.PdfDocument(path)[no - 1]).convert("L"))


# ---------------------------------------------------------------- field F1 on the scans


@pytest.mark.parametrize(("dpi", "target"), [(200, 0.97), (150, 0.95)])
def test_committed_scan_scores(tmp_path: Path, dpi: int, target: float) -> None:
    name = make_scans.scan_name(DOC, dpi)
    doc = _parsed(SCANS / name)
    assert doc["source"]["format"] == "pdf-scanned"
    rep = _score(tmp_path, {name: doc}, {name: _gold(DOC, name)})
    assert rep["f1"] >= target, rep["mismatches"][:10]
    assert rep["counts"]["indicators_matched"] == rep["counts"]["indicators_gold"] == 7
    # the ticked box of a checkbox row, which a tight OCR crop drops (extract.ocr.checkbox)
    assert doc["forms"][0]["project"]["nature"] == "经常性项目"


def test_page_images_score(tmp_path: Path) -> None:
    """PNG and JPEG pages, one turned 90° and one 180°, each holding one whole form."""
    docs, gold = {}, {}
    for spec in make_scans.PAGE_IMAGES:
        doc = _parsed(SCANS / spec.name)
        assert doc["source"]["format"] == "image"
        turned = [w for w in doc["warnings"] if w["code"] == "ocr-page-turned"]
        assert bool(turned) == bool(spec.turn), turned
        docs[spec.name] = doc
        gold[spec.name] = _gold(spec.stem, spec.name, (spec.page,))
        assert len(gold[spec.name]["forms"]) == 1
    rep = _score(tmp_path, docs, gold)
    assert rep["f1"] >= 0.95, rep["mismatches"][:10]


def test_a_black_and_white_tiff_reads_as_its_grey_scan_must(tmp_path: Path) -> None:
    """The committed 200-dpi grey scan made black and white by a scanner's threshold and
    stored as a CCITT group 4 TIFF, as fax and bulk scanners store pages."""
    scan = SCANS / make_scans.scan_name(DOC, 200)
    pages = [cv2.threshold(_page(scan, no), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
             for no in range(1, len(pdfium.PdfDocument(scan)) + 1)]
    name = f"{DOC}-bilevel-200dpi.tif"
    doc = parse_bytes(name, make_scans.group4_tiff(pages, 200)).model_dump(mode="json")
    assert doc["source"]["format"] == "image"
    rep = _score(tmp_path, {name: doc}, {name: _gold(DOC, name)})
    assert rep["f1"] >= 0.97, rep["mismatches"][:10]


def test_a_multi_page_tiffs_running_footers_do_not_part_a_table(tmp_path: Path) -> None:
    """A browser print's pages scanned into one TIFF: the date, URL and page number on
    every page are page furniture, as in an image-only PDF, so the indicator header left
    alone at a page's foot still runs on into its rows on the next page."""
    spec = make_scans.PRODUCER_SCANS[2]
    scan = SCANS / spec.path
    dpi = spec.variant.dpi
    pages = [render(page, dpi).convert("L") for page in pdfium.PdfDocument(scan)]
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="jpeg",
                  dpi=(dpi, dpi))
    name = f"{spec.stem}.tif"
    grid = extract_image(name, buf.getvalue())
    assert not [b.text for b in grid.blocks
                if isinstance(b, Line) and ("file:" in b.text or "/17" in b.text)]
    grammar = load_grammar()
    doc = assemble_document(grid, segment(grid, grammar), grammar, sha256="0" * 64)
    original = ORIGINALS / spec.producer / f"{spec.stem}.pdf"
    rep = _score(tmp_path, {name: doc.model_dump(mode="json")},
                 {name: _gold(spec.stem, name, spec.pages, original)})
    c = rep["counts"]
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"] > 30


@pytest.mark.parametrize(("pixels", "black_and_white"), [
    ([0, 255], True),
    ([0, 255, 128], False),  # a grey scan
    ([30, 200, 255], False),  # a grey scan without pure black or white
])
def test_a_black_and_white_page_is_told_from_a_grey_one(pixels: list[int],
                                                          black_and_white: bool) -> None:
    rng = np.random.default_rng(7)
    page = rng.choice(np.array(pixels, np.uint8), size=(400, 300))
    assert bilevel(page) == black_and_white


@pytest.mark.skipif(not FULL, reason="set PERFPARSE_SCAN_FULL=1 for every sample (minutes)")
@pytest.mark.parametrize(("dpi", "target"), [(200, 0.97), (150, 0.95)])
def test_every_sample_scanned(tmp_path: Path, dpi: int, target: float) -> None:
    stems = sorted(p.stem for p in ORIGINALS.glob("*.pdf"))
    scans = tmp_path / "scans"
    scans.mkdir()
    docs, gold = {}, {}
    for stem in stems:
        name = make_scans.scan_name(stem, dpi)
        path = scans / name
        path.write_bytes(make_scans.image_pdf(
            make_scans.scanned_pages(ORIGINALS / f"{stem}.pdf", dpi), dpi))
        docs[name] = _parsed(path)
        gold[name] = _gold(stem, name)
    rep = _score(tmp_path / "score", docs, gold)
    print(f"{dpi} dpi: field F1 {rep['f1']:.4f}", rep["counts"])
    assert rep["f1"] >= target, rep["mismatches"][:20]


@pytest.mark.parametrize("spec", make_scans.PRODUCER_SCANS, ids=lambda s: str(s.path))
def test_producer_scans_score(tmp_path: Path, spec: make_scans.ProducerScan) -> None:
    """Pages of a Chromium and a LibreOffice print scanned grey and in colour, a red seal
    over the lower table rows: every form and indicator found, and nothing more (an OCR
    fragment such as `2033-131` or `质` alone in a row would be one indicator too many)."""
    name = spec.path.name
    doc = _parsed(SCANS / spec.path)
    original = ORIGINALS / spec.producer / f"{spec.stem}.pdf"
    rep = _score(tmp_path, {name: doc}, {name: _gold(spec.stem, name, spec.pages, original)})
    c = rep["counts"]
    assert rep["f1"] >= 0.95, rep["mismatches"][:10]
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"] >= 1
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"]


def test_text_under_a_grey_seal_is_named_in_a_warning(tmp_path: Path) -> None:
    """Under a grey seal's ink the recogniser drops or swaps characters at full
    confidence: each form a seal covers says so, quoting those cells, so no wrong value
    goes unwarned. A seal lifted off a colour scan leaves no such doubt."""
    grey, colour = make_scans.PRODUCER_SCANS[1], make_scans.PRODUCER_SCANS[0]
    doc = _parsed(SCANS / grey.path)
    sealed = {f["form_index"]: w["message"] for f in doc["forms"] for w in f["warnings"]
              if w["code"] == "text-under-seal"}
    assert sealed and all("a seal is stamped over" in m for m in sealed.values())
    gold = _gold(grey.stem, grey.path.name, grey.pages, ORIGINALS / grey.producer
                 / f"{grey.stem}.pdf")
    rep = _score(tmp_path, {grey.path.name: doc}, {grey.path.name: gold})
    warned = {f["form_index"] for f in doc["forms"] if f["warnings"]}
    wrong = {int(m["where"].split(" form ")[1].split()[0]) for m in rep["mismatches"]}
    assert wrong <= warned
    assert not [w for f in _parsed(SCANS / colour.path)["forms"] for w in f["warnings"]
                if w["code"] == "text-under-seal"]


def test_committed_scans_are_reproducible(tmp_path: Path) -> None:
    made = make_scans.make(tmp_path, list(make_scans.COMMITTED_PDFS), make_scans.PAGE_IMAGES)
    made += make_scans.make_producer_scans(tmp_path, make_scans.PRODUCER_SCANS)
    committed = sorted(p.relative_to(SCANS) for p in SCANS.rglob("*") if p.is_file())
    assert sorted(p.relative_to(tmp_path) for p in made) == committed
    stale = [p.name for p in made
             if p.read_bytes() != (SCANS / p.relative_to(tmp_path)).read_bytes()]
    assert not stale, f"samples/scan is stale: run scripts/make_scans.py ({stale})"
    assert sum(p.stat().st_size for p in made) < 6 * 2**20


# ---------------------------------------------------------------- the steps


def test_rulings_give_the_born_digital_grid() -> None:
    """Ruling lines found in a degraded 150-dpi scan build the same cells and spans as the
    vector lines of the original."""
    scan = SCANS / make_scans.scan_name(DOC, 150)
    original = extract_pdf(f"{DOC}.pdf", (ORIGINALS / f"{DOC}.pdf").read_bytes())
    unit = OCR_DPI / 72
    for no in (1, 2, 3):
        gray, _ = upright(_page(scan, no), unit)
        grids, mask = rulings(ink_mask(gray), unit)
        want = [t for t in original.tables() if t.page == no]
        assert [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells] for g in grids] == \
               [[(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] for t in want]
        for g, t in zip(grids, want, strict=True):  # same place on the page, within 2 pt
            assert np.allclose(g.bbox, t.bbox, atol=2.0)
        assert mask.any()


@pytest.mark.parametrize("no", [7, 11])
def test_the_desk_beside_a_photographed_sheet_is_no_ruling(no: int) -> None:
    """A page of a browser print photographed on a dark desk: once straightened, a strip of
    desk a few pixels wide is left along the image's edge, and its edge against the paper,
    long and straight, must not join the page's tables into one grid (without the desk
    taken off, neither page gives the born-digital cells)."""
    source = ORIGINALS / "chromium" / "001_1eb78efaeb72a928.pdf"
    original = extract_pdf(source.name, source.read_bytes())
    page = pdfium.PdfDocument(source)[no - 1]
    clean = np.asarray(page.render(scale=200 / 72, grayscale=True).to_pil().convert("L"))
    seed = f"{source.stem}/200/{no}/photo-200"
    unit = OCR_DPI / 72
    gray, _ = upright(make_scans.photographed(make_scans.degrade(clean, seed), seed), unit)
    grids, _ = rulings(on_sheet(ink_mask(gray), off_sheet(gray), unit), unit)
    want = [t for t in original.tables() if t.page == no]
    assert [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells] for g in grids] == \
           [[(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] for t in want]


@pytest.mark.parametrize("no", [3, 5, 6])
def test_broken_hairlines_of_a_fit_to_width_print_are_rulings(no: int) -> None:
    """LibreOffice's fit-to-width print of a wide sheet draws hairlines that a 150-dpi
    scan breaks every few points, a piece at a table's edge shorter than any run taken
    for a ruling: carried on across the breaks, they build the born-digital cells."""
    pdf = ORIGINALS / "lo-xlsx" / "001_1eb78efaeb72a928.pdf"
    original = extract_pdf(pdf.name, pdf.read_bytes())
    scan = make_scans.image_pdf(make_scans.scanned_pages(pdf, 150, pages=(no,)), 150)
    unit = OCR_DPI / 72
    gray, _ = upright(np.asarray(render(pdfium.PdfDocument(scan)[0]).convert("L")), unit)
    grids, _ = rulings(ink_mask(gray), unit)
    want = [t for t in original.tables() if t.page == no]
    assert [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells] for g in grids] == \
           [[(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] for t in want]


@pytest.mark.parametrize("no", [3, 4])
def test_rulings_a_lifted_seal_or_blur_broke_are_mended(no: int) -> None:
    """The same print scanned in colour at 150 dpi with a seal: where the seal's ring lay
    over a hairline, lifting the red leaves a break, and blur shortens a ruling short of
    the column line it ends on. Either way two rows read as one merged cell, unless the
    break is closed (no line crosses it) and the ruling carried on to that column line."""
    pdf = ORIGINALS / "lo-xlsx" / "001_1eb78efaeb72a928.pdf"
    original = extract_pdf(pdf.name, pdf.read_bytes())
    variant = make_scans.Variant(150, colour=True, seal=True)
    scan = make_scans.image_pdf(make_scans.scanned_pages(pdf, 150, variant, pages=(no,)), 150)
    unit = OCR_DPI / 72
    page = render(pdfium.PdfDocument(scan)[0]).convert("RGB")
    gray = np.asarray(Image.fromarray(without_red_ink(np.asarray(page))).convert("L"))
    grids, _ = rulings(ink_mask(upright(gray, unit)[0]), unit)
    want = [t for t in original.tables() if t.page == no]
    assert [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells] for g in grids] == \
           [[(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] for t in want]


def test_every_seal_on_a_grey_scan_of_a_dense_table_is_found() -> None:
    """On a grey scan the seal is found by its ring alone. Over a dense table the Hough
    transform proposes its centre up to 13 points off and its radius at the end of the
    range; the ring's band then smears over many radii unless the centre is looked for
    round the proposal, at every radius of a seal."""
    pdf = ORIGINALS / "chromium" / "001_1eb78efaeb72a928.pdf"
    unit = 150 / 72
    pages = make_scans.scanned_pages(pdf, 150, make_scans.Variant(150, colour=False, seal=True))
    found = [len(seals(ink_mask(upright(page, unit)[0]), unit)) for page in pages]
    assert found == [1] * len(pages)


def _packed_table_under_a_seal(seed: int, unit: float) -> np.ndarray:
    """A table of 12.5-pt rows packed with thin strokes (7-pt characters, 2 px), a grey
    seal stamped over it at (210, 200) pt: a 3-pt ring 59.5 pt in radius, lettering of
    thicker strokes along its arc, a star; scanned (blur, noise)."""
    rng = np.random.default_rng(seed)
    page = np.full((round(400 * unit), round(400 * unit)), 245, np.float32)

    def px(*pt: float) -> tuple[int, ...]:
        return tuple(round(v * unit) for v in pt)

    for y in np.arange(20, 380, 12.5):
        cv2.line(page, px(20, y), px(380, y), 40, 1)
        for x in np.arange(25, 375, 9):
            if rng.random() < 0.8:
                for _ in range(4):
                    a, b, n = x + rng.uniform(0, 6), y + 2 + rng.uniform(0, 7), 6 * rng.random()
                    end = (a + n, b) if rng.random() < 0.5 else (a, b + n)
                    cv2.line(page, px(a, b), px(*end), 30, 2)
    for x in (20, 100, 200, 260, 380):
        cv2.line(page, px(x, 20), px(x, 380), 40, 1)
    seal = np.zeros_like(page)
    (cx, cy), r = (210, 200), 59.5
    cv2.circle(seal, px(cx, cy), round((r - 1.5) * unit), 1.0, round(3.1 * unit))
    for k in range(9):
        t = np.radians(215 - 250 * k / 8)
        x, y = cx + (r - 17) * np.cos(t), cy - (r - 17) * np.sin(t)
        for _ in range(5):
            dx, dy = rng.uniform(-6, 6, 2)
            cv2.line(seal, px(x - dx, y - dy), px(x + dx, y + dy), 1.0, round(1.2 * unit))
    star = [px(cx + (0.34 if k % 2 == 0 else 0.136) * r * np.cos(np.radians(90 + 36 * k)),
               cy - (0.34 if k % 2 == 0 else 0.136) * r * np.sin(np.radians(90 + 36 * k)))
            for k in range(10)]
    cv2.fillPoly(seal, [np.array(star, np.int32)], 1.0)
    gray = cv2.GaussianBlur(page * (1 - 0.64 * seal), (0, 0), 0.8)
    return np.clip(gray + rng.normal(0, 5, gray.shape), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("seed", [0, 6, 14, 19, 24, 31, 38])
def test_text_packed_round_a_seal_makes_no_seal_of_its_own(seed: int) -> None:
    """Round a grey seal stamped over a packed table, text and rulings cover most of every
    circle once the page is shrunk for the search: a circle through them passed for a
    second seal (9 of seeds 0–39, these among them). A ring's band is thicker than any
    stroke of a character, so only such strokes are searched."""
    unit = 200 / 72
    found = seals(ink_mask(_packed_table_under_a_seal(seed, unit)), unit)
    assert [(round(s.x / unit), round(s.y / unit)) for s in found] in \
        ([(x, y)] for x in (209, 210, 211) for y in (199, 200, 201))
    assert abs(found[0].outer / unit - 59.5) < 3


def test_a_hairline_faint_under_a_cells_text_is_whole() -> None:
    """Four rows of a LibreOffice print's head, photographed at 200 dpi (a crop of
    ``make_scans.photographed``): the hairline under 项目名称 and its value is blurred to
    half the text's contrast, and the text darkens the threshold's window, so it broke
    into pieces and the two rows read as one merged cell (项目名称主管部门). Carried on over
    the marks a wider window finds, it is whole; without them it is not."""
    unit = 200 / 72
    gray = np.asarray(Image.open(ROOT / "tests" / "fixtures" / "scan"
                                 / "photo-rows-under-text.jpg").convert("L"))
    for faint, whole in ((faint_ink(gray, ink_mask(gray), unit), True), (None, False)):
        (grid,) = rulings(ink_mask(gray), unit, [], faint)[0]
        first = {c.col: c.rowspan for c in grid.cells if c.row == 0}
        assert (first[0] == first[1] == 1) == whole


def test_faint_marks_are_taken_on_photos_only() -> None:
    """A flatbed scan is lit evenly: its hairlines keep their contrast and no faint mark
    is taken; the same sheet photographed on a desk, lit unevenly, has them; so has no
    page of one bit a pixel."""
    unit = 200 / 72
    gray = np.asarray(Image.open(ROOT / "tests" / "fixtures" / "scan"
                                 / "photo-rows-under-text.jpg").convert("L"))
    on_desk = np.pad(gray, round(8 * unit), constant_values=50)
    assert page_inks(gray, unit)[1] is None
    assert page_inks(on_desk, unit)[1] is not None
    assert page_inks(on_desk, unit, one_bit=True)[1] is None


def test_a_grey_seals_faint_ink_carries_no_ruling_on() -> None:
    """A grey seal on a LibreOffice print scanned at 150 dpi (a crop of
    ``make_scans.stamp_seal``'s page): beside the black text under it the seal's grey
    lettering and ring are faint marks too, and rulings carried on over them cut cells
    that are not printed. Within a seal's ring only the ink carries them: the grid is
    the one read without faint marks at all. (Faint marks are taken on photos only: the
    crop lies on a dark desk here.)"""
    unit = 150 / 72
    gray = np.pad(np.asarray(Image.open(ROOT / "tests" / "fixtures" / "scan"
                                        / "grey-seal-over-table-150.jpg").convert("L")),
                  round(8 * unit), constant_values=50)
    ink, faint, stamps = page_inks(gray, unit)
    assert len(stamps) == 1 and faint is not None

    def shape(faint: np.ndarray | None) -> list[list[tuple[int, int, int, int]]]:
        return [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells]
                for g in rulings(ink, unit, stamps, faint)[0]]

    assert shape(faint) == shape(None)
    assert shape(faint_ink(gray, ink_mask(gray), unit)) != shape(None)


def test_a_ruling_under_a_seal_is_whole_however_wide_the_seal() -> None:
    """A grey seal's star (some 50 pt across) lies over a row's hairline: blurred, the
    hairline hardly darkens the star, so the ruling breaks there, wider than any break
    blur makes. No line crosses the break and it lies within the seal, so it is one ruling
    and the rows stay apart."""
    unit = 150 / 72
    page = np.full((round(500 * unit), round(500 * unit)), 255, np.float32)
    xs, ys = (60, 160, 440), (100, 130, 160, 190, 220, 250, 280)
    for x in xs:
        cv2.line(page, (round(x * unit), round(ys[0] * unit)), (round(x * unit),
                 round(ys[-1] * unit)), 120, 1)
    for y in ys:
        cv2.line(page, (round(xs[0] * unit), round(y * unit)), (round(xs[-1] * unit),
                 round(y * unit)), 120, 1)
    seal = np.zeros_like(page)
    centre, radius = (round(300 * unit), round(190 * unit)), round(60 * unit)
    cv2.circle(seal, centre, radius - round(1.5 * unit), 1.0, round(3 * unit))
    star = [(centre[0] + (0.34 if k % 2 == 0 else 0.14) * radius * np.sin(np.pi * k / 5),
             centre[1] - (0.34 if k % 2 == 0 else 0.14) * radius * np.cos(np.pi * k / 5))
            for k in range(10)]
    cv2.fillPoly(seal, [np.array(star, np.int32)], 1.0)
    # The seal's ink multiplies the page; the scanner blurs both.
    gray = cv2.GaussianBlur(page * (1 - 0.6 * seal), (0, 0), 0.8).astype(np.uint8)
    assert len(seals(ink_mask(gray), unit)) == 1
    (grid,) = rulings(ink_mask(gray), unit)[0]
    assert (len(grid.ys) - 1, len(grid.xs) - 1) == (len(ys) - 1, len(xs) - 1)
    assert all(c.rowspan == 1 and c.colspan == 1 for c in grid.cells)


def test_text_the_detector_missed_in_a_cell_is_read_from_its_ink() -> None:
    """Every line the detector found on a clean page leaves no ink unread in a cell; a
    line it did not find (here: taken out of its output) is read back from the ink, at
    its place, so the cell's value is whole."""
    unit = OCR_DPI / 72
    gray, _ = upright(_page(SCANS / make_scans.scan_name(DOC, 200), 1), unit)
    stamps = seals(ink_mask(gray), unit)
    grids, lines = rulings(ink_mask(gray), unit, stamps)
    erased = np.where(lines > 0, np.median(gray).astype(np.uint8), gray)
    boxes = recognise(erased)
    assert read_missed(boxes, grids, erased, unit, stamps) == boxes
    inside = [b for b in boxes if 2 <= len(b.text) <= 4 and any(
        g.xs[0] * unit < b.x0 and b.x1 < g.xs[-1] * unit
        and g.ys[0] * unit < b.top and b.bottom < g.ys[-1] * unit for g in grids)]
    assert len(inside) >= 3
    for lost in inside[:3]:
        back = read_missed([b for b in boxes if b != lost], grids, erased, unit, stamps)
        (found,) = [b for b in back if b not in boxes]
        assert found.text == lost.text
        assert lost.x0 <= found.x0 < found.x1 <= lost.x1  # the detector pads its boxes
        assert lost.top <= found.top < found.bottom <= lost.bottom


def test_a_comparator_alone_in_its_cell_is_read_though_the_detector_missed_it() -> None:
    """A comparator column (计算符号 | 目标值 | 单位): the detector often finds no line in a
    cell holding a lone ≥, half a character high. Its ink is read from the crop."""
    from PIL import ImageDraw, ImageFont
    unit = OCR_DPI / 72
    xs, top, bottom = (40, 140, 170, 230), 40, 62  # points
    img = Image.new("L", (round(280 * unit), round(100 * unit)), 255)
    draw = ImageDraw.Draw(img)
    for x in xs:
        draw.line([(x * unit, top * unit), (x * unit, bottom * unit)], fill=60, width=2)
    for y in (top, bottom):
        draw.line([(xs[0] * unit, y * unit), (xs[-1] * unit, y * unit)], fill=60, width=2)
    font = ImageFont.truetype(str(make_scans.CJK_FONT), round(10.5 * unit))
    for x, text in ((xs[0] + 4, "居民满意度"), (xs[1] + 9, "≥"), (xs[2] + 4, "90%")):
        draw.text((x * unit, (top + 5) * unit), text, fill=30, font=font)
    gray = cv2.GaussianBlur(np.asarray(img), (0, 0), 0.7)
    grids, lines = rulings(ink_mask(gray), unit)
    erased = np.where(lines > 0, np.uint8(255), gray)
    boxes = [b for b in recognise(erased) if not (xs[1] * unit < (b.x0 + b.x1) / 2 < xs[2] * unit)]
    assert {b.text for b in boxes} >= {"居民满意度", "90%"}
    found = [b for b in read_missed(boxes, grids, erased, unit, []) if b not in boxes]
    assert [b.text for b in found] == ["≥"]
    assert xs[1] * unit < found[0].x0 < found[0].x1 < xs[2] * unit


def test_seal_is_no_ruling_on_a_grey_scan() -> None:
    """A seal stamped over the table of a grey scan: its ring and star hold runs as
    straight as rulings, yet the grid is the born-digital one, cell for cell."""
    spec = make_scans.PRODUCER_SCANS[1]
    assert not spec.variant.colour and spec.variant.seal
    original = extract_pdf(spec.stem, (ORIGINALS / spec.producer / f"{spec.stem}.pdf")
                           .read_bytes())
    unit = OCR_DPI / 72
    gray, _ = upright(_page(SCANS / spec.path, 2), unit)
    assert seal_mask(ink_mask(gray), unit).any()
    grids, _ = rulings(ink_mask(gray), unit)
    want = [t for t in original.tables() if t.page == spec.pages[1]]
    assert [[(c.row, c.col, c.rowspan, c.colspan) for c in g.cells] for g in grids] == \
           [[(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] for t in want]


def test_no_seal_is_seen_in_dense_text() -> None:
    """Circles of a seal's size drawn through a block of dense text are mostly ink too;
    only a band with less ink beside it is a ring."""
    for no in (1, 2, 3):
        gray, _ = upright(_page(SCANS / make_scans.scan_name(DOC, 200), no), OCR_DPI / 72)
        assert not seal_mask(ink_mask(gray), OCR_DPI / 72).any(), no
    spec = make_scans.PRODUCER_SCANS[0]
    gray = np.asarray(Image.fromarray(without_red_ink(np.asarray(render(
        pdfium.PdfDocument(SCANS / spec.path)[0]).convert("RGB")))).convert("L"))
    assert not seal_mask(ink_mask(gray), OCR_DPI / 72).any()


def test_red_ink_turns_to_paper_and_black_stays() -> None:
    """Red seal ink becomes the (cream) paper; black text stays black, also under the
    seal, where the red channel shows how dark it is."""
    paper = np.array([247, 244, 235], np.uint8)
    page = np.tile(paper, (60, 90, 1))
    page[10:50, 10:14] = 20  # a black stroke
    page[20:24, 0:90] = (214, 40, 50)  # the seal's red ring across it
    page[20:24, 10:14] = (17, 3, 4)  # black under red: ink multiplies
    page[40:44, 30:60] = (232, 150, 150)  # light, unevenly inked red
    out = without_red_ink(page)
    red = np.zeros(page.shape[:2], bool)
    red[20:24] = red[40:44, 30:60] = True
    red[20:24, 10:14] = False
    assert (out[red] == paper).all()
    assert (out[20:24, 10:14] == 17).all()  # black under red: grey, as dark as it is
    red[20:24, 10:14] = True
    assert (out[~red] == page[~red]).all()  # the black stroke, the paper: untouched
    grey = np.tile(np.arange(256, dtype=np.uint8)[:, None, None], (1, 4, 3))
    assert without_red_ink(grey) is grey  # no red ink: the page as it is


INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                  "偏差原因分析及改进措施"]


def _form_with_fragment(fragment: str, col: int) -> Grid:
    """A self-evaluation whose indicator block has a row holding only ``fragment`` in
    column ``col``, between two indicators, its level cells spanning it: what a scan
    gives when a piece of text is read into a row of its own."""
    cells = [Cell("项目名称", 0, 0), Cell("测试项目", 0, 1, colspan=7)]
    cells += [Cell(t, 1, j) for j, t in enumerate(INDICATOR_HEAD)]
    cells += [Cell("产出指标", 2, 0, rowspan=3), Cell("数量指标", 2, 1, rowspan=3)]
    for r, values in ((2, ["改版数量", "=4", "=3", "6", "5", ""]), (3, [""] * 6),
                      (4, ["宣传策划完成度", "优秀", "优秀", "6", "6", ""])):
        cells += [Cell(fragment if r == 3 and j == col else v, r, j)
                  for j, v in enumerate(values, start=2)]
    return Grid(file="x.pdf", format="pdf-scanned",
                blocks=[Line("项目支出绩效自评表"), Table(cells)])


def test_marks_are_counted_past_what_sixteen_bit_labels_hold() -> None:
    """A dithered background is more marks than 16-bit labels count: all are labelled."""
    dots = np.zeros((600, 600), np.uint8)
    dots[::2, ::2] = 255  # 90 000 separate dots
    n, labels, stats, _ = components(dots)
    assert n - 1 == 90_000 and labels.max() == 90_000
    assert (stats[1:, cv2.CC_STAT_AREA] == 1).all()
    few = np.zeros((60, 60), np.uint8)
    few[10:12, 5:50] = few[30:40, 20:22] = 255
    n, labels, stats, _ = components(few)
    assert n == 3 and labels.dtype == np.uint16
    assert sorted(stats[1:, cv2.CC_STAT_AREA].tolist()) == [20, 90]


@pytest.mark.parametrize("fragment", ["2033-131", "00.0", "质"])
@pytest.mark.parametrize("col", [3, 4, 7], ids=["target", "actual", "deviation"])
def test_an_ocr_fragment_alone_in_a_row_is_no_indicator(fragment: str, col: int) -> None:
    """An indicator needs a name cell. The OCR path gives the born-digital grid (rulings
    as above, seals left out), so such rows come only from a page's own cells; this is
    the normaliser's side of the rule."""
    grammar = load_grammar()
    grid = _form_with_fragment(fragment, col)
    doc = assemble_document(grid, segment(grid, grammar), grammar, sha256="0" * 64)
    assert [i.name for f in doc.forms for i in f.indicators] == ["改版数量", "宣传策划完成度"]


@pytest.mark.parametrize("turn", [None, cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_180,
                                  cv2.ROTATE_90_COUNTERCLOCKWISE])
def test_quarter_and_half_turns_are_undone(turn: int | None) -> None:
    page = _page(SCANS / make_scans.scan_name(DOC, 200), 2)
    turned = page if turn is None else cv2.rotate(page, turn)
    upright_page, turns = upright(turned, OCR_DPI / 72)
    undo = {None: 0, cv2.ROTATE_90_CLOCKWISE: 3, cv2.ROTATE_180: 2,
            cv2.ROTATE_90_COUNTERCLOCKWISE: 1}[turn]
    assert turns == undo
    assert upright_page.shape == page.shape


def test_half_turns_are_told_from_text_not_from_rulings() -> None:
    """Every page of a scan, as scanned and turned over. The orientation classifier sees
    crops of text lines; a crop half ruling (a line in a tight cell) is read as turned as
    often as not, so rulings are painted out of the crops first."""
    scan = SCANS / make_scans.scan_name("002_7f93d8ab5a9d0f21", 200)
    for no in range(1, len(pdfium.PdfDocument(scan)) + 1):
        page = _page(scan, no)
        assert upright(page, OCR_DPI / 72)[1] == 0, no
        assert upright(cv2.rotate(page, cv2.ROTATE_180), OCR_DPI / 72)[1] == 2, no


def test_a_photocopy_the_orientation_classifier_is_split_on_is_read_the_right_way_up() -> None:
    """A page of the Chromium print photocopied (bold strokes, grey paper) and scanned:
    the classifier reads three of its five line crops as turned, with the characters'
    tops and bottoms cut off. The recogniser reads more characters surely the right way
    round, as printed and turned over."""
    pdf = PDFS / "chromium" / "001_1eb78efaeb72a928.pdf"
    (page,) = make_scans.scanned_pages(pdf, 200, make_scans.Variant(
        200, colour=False, seal=False, photocopy=True), pages=(6,))
    assert upright(page, 200 / 72)[1] == 0
    assert upright(cv2.rotate(page, cv2.ROTATE_180), 200 / 72)[1] == 2


def _grid_shapes(gray: np.ndarray) -> list[tuple[int, int, int]]:
    grids, _ = rulings(ink_mask(gray), OCR_DPI / 72)
    return sorted((len(g.xs), len(g.ys), len(g.cells)) for g in grids)


@pytest.mark.parametrize("no", [1, 4])
def test_a_photographed_page_gets_the_grid_of_its_scan(no: int) -> None:
    """A page photographed with the phone a little off square (make_scans.photographed:
    each corner up to 3 % off) is a trapezoid: no turn makes its rulings level, and the
    ruling finder breaks them into extra rows and columns. Undone, it has the grid of the
    flatbed scan of the same page."""
    page = _page(SCANS / make_scans.scan_name("002_7f93d8ab5a9d0f21", 200), no)
    photo = make_scans.photographed(page, f"002_7f93d8ab5a9d0f21/{no}")
    unit = OCR_DPI / 72
    assert _grid_shapes(upright(photo, unit)[0]) == _grid_shapes(upright(page, unit)[0])


@pytest.mark.parametrize(("no", "seed"), [(1, 0), (1, 1), (1, 5), (2, 0), (2, 4), (4, 4)])
def test_a_short_table_photographed_gets_the_grid_of_its_scan(no: int, seed: int) -> None:
    """A table that fills the top third of a photographed page (the last page of a
    document): its rows lie too close together to tell where they converge, but once the
    page is turned they are level and its columns lean. Made plumb, the columns give the
    grid of the flatbed scan (ruling finder on leaning columns: extra columns, cells cut)."""
    unit = OCR_DPI / 72
    page = upright(_page(SCANS / make_scans.scan_name("002_7f93d8ab5a9d0f21", 200), no),
                   unit)[0].copy()
    h, w = page.shape
    ruled = [y for y in range(int(0.3 * h)) if np.count_nonzero(page[y] < 128) > w / 3]
    page[ruled[-1] + 4:] = 255  # the table ends at a ruling under a third of the page down
    photo = make_scans.photographed(page, f"short/{no}/{seed}")
    assert _grid_shapes(upright(photo, unit)[0]) == _grid_shapes(page)


def test_a_flatbed_scan_is_not_warped() -> None:
    """Every page of the committed scans: their rulings are parallel once turned, so no
    keystone is found, seal or none."""
    f = WORK_SCALE / (OCR_DPI / 72)
    for scan in sorted(SCANS.rglob("*.pdf")):
        for no in range(1, len(pdfium.PdfDocument(scan)) + 1):
            page = _page(scan, no)
            small = ink_mask(cv2.resize(page, None, fx=f, fy=f, interpolation=cv2.INTER_AREA))
            small = rotate(small, skew_angle(small), fill=0)
            assert keystone(small, WORK_SCALE) is None, (scan.name, no)


@pytest.mark.parametrize("degrees", [-2.0, -0.6, 0.0, 0.8, 3.5])
def test_skew_is_measured(degrees: float) -> None:
    """make_scans turns each page by a random small angle; a second known turn adds to it."""
    page = _page(SCANS / make_scans.scan_name(DOC, 200), 2)
    base = skew_angle(_small_ink(page))
    h, w = page.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    turned = cv2.warpAffine(page, m, (w, h), borderValue=255)
    assert skew_angle(_small_ink(turned)) == pytest.approx(base + degrees, abs=0.1)


def _small_ink(gray: np.ndarray) -> np.ndarray:
    from perfparse.extract.ocr.orient import WORK_SCALE

    f = WORK_SCALE / (OCR_DPI / 72)
    return ink_mask(cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA))


def test_cells_carry_confidence_and_merged_cells_are_stored_once() -> None:
    grid = extract_image("p.jpg", (SCANS / make_scans.PAGE_IMAGES[1].name).read_bytes())
    assert grid.format == "image"
    tables = list(grid.tables())
    assert tables
    for t in tables:
        for c in t.cells:
            assert (c.confidence is None) == (c.text == "")
            assert c.confidence is None or 0.0 < c.confidence <= 1.0
        assert len({(c.row, c.col) for c in t.cells}) == len(t.cells)
        assert any(c.rowspan > 1 for c in t.cells) and any(c.colspan > 1 for c in t.cells)
    first = grid.blocks[0]
    assert not isinstance(first, Table) and "绩效自评表" in first.text


def test_a_doubtful_value_is_named_in_a_warning() -> None:
    """A value struck twice, a little apart (the sheet slipped in the scanner): the cell
    keeps the OCR's low confidence and the grid warns, naming the value as read."""
    spec = make_scans.PAGE_IMAGES[1]
    scan = SCANS / spec.name
    clean = extract_image(scan.name, scan.read_bytes())
    target = next(c for t in clean.tables() for c in t.cells if c.text == "100%")
    gray = np.asarray(Image.open(scan).convert("L")).copy()
    x0, y0, x1, y1 = (round(v * spec.dpi / 72) + d for v, d in zip(target.bbox, (5, 5, -5, -5),
                                                                     strict=True))
    cell = gray[y0:y1, x0:x1]
    ghost = np.full_like(cell, 255)
    ghost[13:, 13:] = cell[:-13, :-13]
    gray[y0:y1, x0:x1] = np.minimum(cell, ghost)
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "PNG", dpi=(spec.dpi, spec.dpi))
    grid = extract_image("struck-twice.png", buf.getvalue())
    struck = next(c for t in grid.tables() for c in t.cells
                  if (c.row, c.col, c.page) == (target.row, target.col, target.page))
    assert struck.confidence is not None and struck.confidence < LOW
    assert target.confidence is not None and target.confidence >= LOW
    msgs = [m for code, m in grid.warnings if code == "low-ocr-confidence"]
    assert any(f"row {target.row} col {target.col}: {struck.text!r}" in m for m in msgs), msgs


def test_confidence_warning_rule() -> None:
    assert warning("page 2 row 5 col 4", "≥90%", 0.61) == (
        "low-ocr-confidence", "page 2 row 5 col 4: '≥90%' confidence 0.61")
    assert warning("page 1 line", "x", LOW) is None
    assert warning("page 1 row 0 col 0", "", 0.2) is None


def test_ocr_misreadings_with_one_meaning_are_repaired() -> None:
    assert repair("24,091.287.99") == "24,091,287.99"
    assert repair("1.234.56") == "1,234.56"
    for kept in ("24,091.28", "2023.12.31", "3.10.0", "=100.00(%)"):
        assert repair(kept) == kept
    assert repair("一次性项目□经常性项目☑") == "一次性项目☐经常性项目☑"
    # a closing bracket not read at the end of a cell
    assert repair("时效（运营服务及时性") == "时效（运营服务及时性）"
    assert repair("阅读量(平均值") == "阅读量(平均值)"
    assert repair("≥600.00(次).") == "≥600.00(次)"  # a speck read as a dot
    assert repair("100%.") == "100%"  # ...after a per cent sign (a photocopy's toner)
    assert repair("=12.00(个月):") == "=12.00(个月)"  # ...or as a colon
    assert repair("相符.") == "相符"  # ...after a word
    assert repair("<3.00.(%)") == "<3.00(%)"  # ...between a number and its unit
    assert repair("=1.00(↑)") == "=1.00(个)"  # the unit 个 read as an arrow
    assert repair("≥3（↑）") == "≥3（个）"
    # simplified print read as traditional characters (a black-and-white scan's strokes)
    assert repair("財政項目支出績效自评表") == "财政项目支出绩效自评表"
    assert repair("按每月实际數量") == "按每月实际数量"
    assert repair("全年財政預算经费") == "全年财政预算经费"
    assert repair("4个季讀") == "4个季读"  # traditional for 读, not the 度 printed: no better
    for kept in ("乾隆", "（一）财政拨款：", "社会效益（线上活动参与总人次）", "≥600.00(次)", "（",
                 "↑", "(↑)", "项目资金(元)：", "0.5%", "3.00(%)", "完成。", "1.(个)",
                 "www.example.gov.cn", "2023.12.31"):
        assert repair(kept) == kept


@pytest.mark.parametrize(("read", "word"), [
    ("起始白期：", "起始日期"),      # 日 read as 白, a colon after
    ("项自负责人", "项目负责人"),    # 目 read as 自
    ("喷目资金", "项目资金"),
    ("社会效篮", "社会效益"),
    ("影编力目标", "影响力目标"),
    ("喷目构成分解", "项目构成分解"),  # the table printed after the indicators: it ends them
    ("项目名称", None),              # a word already
    ("项自类制", None),              # two of four characters misread: too far to tell
    ("建立键全", None),              # a value, near no word
    ("满雄度", None),                # three characters: too short to tell
    ("项目名称你", "项目名称"),      # a stray mark at the cell's edge read as a character
    ("一项目名称", "项目名称"),
    ("项目名称称", "项目名称"),
    ("产出指标1", "产出指标"),
    ("服务提供及时性", None),        # an indicator's name: no word with a character taken out
    ("项目名", None),                # a character short: too short to tell
    ("二级自标", "二级指标"),        # as near 二级目标: both head the level-2 column
    ("三级筒标", "三级指标"),
    ("产出自标", None),              # as near 产出目标 and 产出指标, levels kept as printed
])
def test_a_label_misread_by_a_character_is_the_word_it_must_be(read: str,
                                                               word: str | None) -> None:
    assert bundled_grammar().nearest_word(read) == word


@pytest.mark.parametrize(("read", "cell"), [
    ("项目名.称", "项目名称"),          # a speck of a photocopy's toner, read surely
    ("实施,单位", "实施单位"),
    ("项目名称", "项目名称"),
    ("上海市.某某区", "上海市.某某区"),  # no label: a value is never changed
    ("1.上级财政拨款", "1.上级财政拨款"),
])
def test_a_speck_read_into_a_label_at_full_confidence_is_dropped(read: str, cell: str) -> None:
    grid = TableGrid([0, 100, 200], [0, 20], [GridCell(0, 0, 1, 1, (0, 0, 100, 20)),
                                               GridCell(0, 1, 1, 1, (100, 0, 200, 20))])
    boxes = [TextBox(read, 10, 4, 60, 16, 0.98), TextBox("某某", 110, 4, 150, 16, 0.99)]
    (table,), _ = place(boxes, [grid], 1.0, 1)
    assert [c.text for c in table.cells] == [cell, "某某"]


@pytest.mark.parametrize(("box", "adopted"), [
    (TextBox("绩效指标", 4, 300, 16, 340, 0.99), True),  # stacked, read whole
    (TextBox("臻", 4, 300, 16, 324, 0.89), True),        # stacked, read as one character
    (TextBox("第1页", 2, 300, 18, 312, 0.99), False),    # a running footer
    (TextBox("1", 6, 300, 12, 316, 0.99), False),        # a page number alone
    (TextBox("多", 8, 300, 12, 316, 0.40), False),       # a speck, narrower than a character
    (TextBox("绩效指标", 24, 300, 36, 340, 0.99), False),  # under a cell that is not empty
])
def test_a_caption_painted_below_a_page_foot_header_is_its_empty_cell(box: TextBox,
                                                                      adopted: bool) -> None:
    """A browser paints a merged caption cell cut by a page break in the middle of the
    whole cell, far below the header row left at the page's foot; as a free line it would
    end the table before its rows on the next page."""
    grid = TableGrid([0, 20, 60], [0, 20], [GridCell(0, 0, 1, 1, (0, 0, 20, 20)),
                                             GridCell(0, 1, 1, 1, (20, 0, 60, 20))])
    head = TextBox("一级指标", 24, 4, 56, 16, 0.99)
    blocks, _ = place([head, box], [grid], 1.0, 1)
    table = blocks[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.cells] == [box.text if adopted else "", "一级指标"]
    assert [b.text for b in blocks[1:]] == ([] if adopted else [box.text])


def test_images_recognised_by_content_and_unreadable_ones_refused() -> None:
    data = (SCANS / make_scans.PAGE_IMAGES[2].name).read_bytes()
    assert sniff("scan.txt", data) == "image"
    with pytest.raises(ParseError, match="cannot decode"):
        parse_bytes("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)


def test_sixteen_bit_and_transparent_images_read_as_paper() -> None:
    """Pillow's own conversion clips 16-bit scans to white and turns transparent pixels
    black; both must come out as the page they show."""
    spec = make_scans.PAGE_IMAGES[1]
    page = np.asarray(Image.open(SCANS / spec.name).convert("L"))
    ink_only = np.zeros((*page.shape, 4), np.uint8)
    ink_only[..., 3] = 255 - page  # black ink on transparent paper
    for img in (Image.fromarray(page.astype(np.uint16) * 257), Image.fromarray(ink_only)):
        buf = io.BytesIO()
        img.save(buf, "PNG", dpi=(spec.dpi, spec.dpi))
        grid = extract_image(f"{img.mode}.png", buf.getvalue())
        assert [b.text for b in grid.blocks[:1]] == ["项目支出绩效自评表"], img.mode
        assert sum(len(t.cells) for t in grid.tables()) > 50


def test_multi_page_tiff_gives_pages_in_order() -> None:
    """Two pages in one TIFF: the first a 400-dpi scan (read at 300), the second turned."""
    first, second = (Image.open(SCANS / spec.name).convert("L")
                     for spec in make_scans.PAGE_IMAGES[1:])
    first = first.resize((first.width * 2, first.height * 2), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    first.save(buf, "TIFF", save_all=True, append_images=[second], compression="jpeg",
               dpi=(400, 400))
    grid = extract_image("two-pages.tif", buf.getvalue())
    assert sorted({b.page for b in grid.blocks}) == [1, 2]
    for page in (1, 2):
        assert next(b for b in grid.blocks if b.page == page).text == "项目支出绩效自评表"
    assert [m for c, m in grid.warnings if c == "ocr-page-turned"] == [
        "page 2: turned 180° clockwise to read it"]
    table = next(grid.tables())
    assert table.bbox is not None and 500 < table.bbox[2] < 596  # points of an A4 page


SEAL = Seal(500.0, 500.0, 116.0, 125.0)  # pixels: a 42-mm seal at 150 dpi
SURE_NAME = TextBox("媒体融合项目经费", 300.0, 420.0, 440.0, 440.0, 0.99)
LETTERING = [
    # (box read beside SURE_NAME, a seal's own lettering)
    (TextBox(":D5 1.↓", 445.0, 421.0, 520.0, 439.0, 0.62), True),   # marks and letters
    (TextBox("V0", 445.0, 421.0, 470.0, 439.0, 0.55), True),
    (TextBox(">95.00(%)", 445.0, 421.0, 520.0, 439.0, 0.62), False),  # a value
    (TextBox("满意度", 445.0, 421.0, 500.0, 439.0, 0.62), False),     # ideographs: text
    (TextBox(":D5 1.↓", 445.0, 421.0, 520.0, 439.0, 0.97), False),  # read surely
    (TextBox(":D5 1.↓", 445.0, 481.0, 480.0, 499.0, 0.62), False),  # on the star
    (TextBox(":D5 1.↓", 445.0, 560.0, 520.0, 578.0, 0.62), False),  # alone on its line
    (TextBox(":D5 1.↓", 700.0, 421.0, 770.0, 439.0, 0.62), False),  # outside the seal
]


@pytest.mark.parametrize(("box", "dropped"), LETTERING)
def test_a_grey_seals_own_lettering_is_no_text(box: TextBox, dropped: bool) -> None:
    """Along its arc a seal's characters, turned, come back from the recogniser as marks
    and letters read with doubt beside the cell text they lie over: they are dropped.
    Values, ideographs, sure readings, and lines elsewhere stay."""
    assert seal_lettering(box, [SURE_NAME, box], [SEAL]) == dropped
