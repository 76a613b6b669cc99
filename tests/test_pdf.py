"""Born-digital PDFs: ruled tables with merged cells, page breaks, broken and garbled files.

The samples (samples/pdf/) and fixtures (tests/fixtures/pdf/) are made by
scripts/make_samples.py from the gold documents; the test reads only the committed files.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

import scorer
from perfparse import ParseError, parse
from perfparse.extract import DEFAULT_PDF_ENGINE, extract
from perfparse.extract.geometry import find_tables
from perfparse.extract.glyphs import (
    Glyph,
    adopt_sides,
    cell_text,
    free_lines,
    free_runs,
    locate,
)
from perfparse.extract.pdf.read import extract_pdf
from perfparse.extract.pdf.textlayer import garbled
from perfparse.grid import Grid, Line, Table
from perfparse.validate.records import Document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
GOLD = ROOT / "tests" / "gold"
UNIFIED = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF)]  # CJK unified ideographs


def _grid(name: str, engine: str = DEFAULT_PDF_ENGINE) -> Grid:
    path = ROOT / "samples" / "pdf" / name
    return extract_pdf(path.name, path.read_bytes(), engine=engine)


def _gold_for_pdfs(tmp: Path, stems: list[str]) -> Path:
    """The gold documents with ``source.file`` renamed to the PDF the scorer pairs them with."""
    tmp.mkdir()
    for stem in stems:
        doc = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        doc["source"]["file"] = f"{stem}.pdf"
        (tmp / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return tmp


def _score(tmp_path: Path, files: list[Path], engine: str) -> dict:
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", *map(str, files),
                        "--out", str(out), "--pdf-engine", engine],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    gold = _gold_for_pdfs(tmp_path / "gold", [f.stem for f in files])
    report = tmp_path / "report.json"
    scorer.main([str(gold), str(out), "--json", str(report)])
    return json.loads(report.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- end to end


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_samples_score(tmp_path: Path, engine: str) -> None:
    rep = _score(tmp_path, SAMPLES, engine)
    c = rep["counts"]
    assert rep["f1"] >= 0.99, rep["mismatches"][:10]
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"] == 45
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"] == 480


def test_camelot_engine_scores_the_same(tmp_path: Path) -> None:
    files = [ROOT / "samples" / "pdf" / "002_7f93d8ab5a9d0f21.pdf",
             ROOT / "samples" / "pdf" / "003_8e24aa098cee1238.pdf"]
    rep = _score(tmp_path, files, "camelot")
    assert rep["f1"] >= 0.99, rep["mismatches"][:10]
    assert rep["counts"]["indicators_matched"] == rep["counts"]["indicators_gold"] == 67


def test_engines_build_the_same_grid() -> None:
    a, b = _grid("002_7f93d8ab5a9d0f21.pdf"), _grid("002_7f93d8ab5a9d0f21.pdf", "camelot")
    assert [type(x) for x in a.blocks] == [type(x) for x in b.blocks]
    for x, y in zip(a.tables(), b.tables(), strict=True):
        assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in x.cells] == \
               [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in y.cells]


def test_pdf_recognised_by_content_not_extension() -> None:
    data = (FIXTURES / "one-form.pdf").read_bytes()
    assert extract("form.txt", data).format == "pdf"


def test_reportlab_export_reads_the_same() -> None:
    """Another producer's PDF of the same form (other fonts, other line drawing)."""
    ours, theirs = (_content(parse(FIXTURES / n).forms[0].model_dump(mode="json"))
                    for n in ("one-form.pdf", "reportlab-form.pdf"))
    assert theirs == ours
    assert len(theirs["indicators"]) == 8


def _content(x):
    """A dumped record without where-it-was-printed details (pages and boxes differ)."""
    if isinstance(x, dict):
        return {k: _content(v) for k, v in x.items() if k not in ("provenance", "warnings")}
    if isinstance(x, list):
        return [_content(v) for v in x]
    return x


# ---------------------------------------------------------------- the grid


def test_first_page_blocks_and_spans() -> None:
    grid = _grid("000_053aada0b46687b9.pdf")
    first = [b for b in grid.blocks if b.page == 1]
    assert [b.text for b in first[:2] if isinstance(b, Line)] == ["财政项目支出绩效目标申报表",
                                                                   "(2023年度)"]
    table = first[2]
    assert isinstance(table, Table) and table.page == 1 and table.bbox is not None
    at = {(c.row, c.col): c for c in table.cells}
    assert at[(0, 1)].text == "“全闵预约”公共服务技术平台建设项目（第二年）"
    assert (at[(3, 0)].text, at[(3, 0)].rowspan) == ("项目资金(元)", 4)
    assert (at[(3, 4)].text, at[(3, 4)].colspan) == ("900,000.00", 2)
    assert (at[(9, 0)].text, at[(9, 0)].rowspan) == ("绩效指标", 9)
    assert (at[(10, 1)].text, at[(10, 1)].rowspan) == ("产出指标", 4)
    assert (at[(12, 2)].text, at[(12, 2)].rowspan) == ("时效指标", 2)
    assert (3, 1) not in at or at[(3, 1)].text == "项目资金总额"
    assert not any(c.row == 4 and c.col == 0 for c in table.cells)  # merged cells stored once
    tops = [b.bbox[1] for b in first if b.bbox]
    assert tops == sorted(tops)


def test_break_inside_indicators_repeats_header_and_shares_columns() -> None:
    grid = _grid("001_1eb78efaeb72a928.pdf")
    p1 = [b for b in grid.blocks if isinstance(b, Table) and b.page == 1][-1]
    p2 = next(b for b in grid.blocks if isinstance(b, Table) and b.page == 2)
    assert p1.n_cols == p2.n_cols == 9
    header = [c.text for c in p2.rows()[0] if c.col > 0]
    assert header[:3] == ["一级指标", "二级指标", "三级指标"]
    assert {c.text for c in p2.rows()[1]} >= {"效益指标", "可持续影响指标", "长效机制健全性"}


def test_continuation_takes_the_column_lines_of_the_part_before() -> None:
    grid = _grid("000_053aada0b46687b9.pdf")
    p2 = next(b for b in grid.blocks if isinstance(b, Table) and b.page == 2)
    assert p2.n_cols == 6  # its own lines give 5; the part on page 1 has 6
    value = next(c for c in p2.cells if c.text == "100%")
    assert (value.col, value.colspan) == (4, 2)


def test_cut_level_cell_keeps_its_part_on_the_next_page() -> None:
    grid = _grid("004_1143f0bba08cb0f0.pdf")
    p2 = next(b for b in grid.blocks if isinstance(b, Table) and b.page == 2)
    row1 = {c.col: c for c in p2.rows()[1]}
    assert row1[1].text == ""  # the 产出指标 cell cut by the break, label on page 1 only
    assert row1[2].text == "时效指标"


def test_free_text_lines_split_at_wide_gaps() -> None:
    grid = _grid("003_8e24aa098cee1238.pdf")
    lines = [b.text for b in grid.blocks if isinstance(b, Line) and b.page == 1]
    assert "填报单位（盖章）上海市闵行区文化和旅游局" in lines
    assert "金额单位：元" in lines


def test_lookalike_text_layer_is_mapped_back() -> None:
    path = ROOT / "samples" / "pdf" / "002_7f93d8ab5a9d0f21.pdf"
    raw = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    assert "项⽬" in raw  # the sample's text layer carries Kangxi radicals
    grid = _grid(path.name)
    texts = "".join(c.text for t in grid.tables() for c in t.cells)
    assert "项目" in texts and not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in texts)


def test_lookalike_table_covers_the_radical_blocks() -> None:
    table = yaml.safe_load((ROOT / "grammars" / "lookalikes.yaml").read_text(encoding="utf-8"))
    m = table["map"]
    for cp in range(0x2E81, 0x2EF4):
        ch = chr(cp)
        if unicodedata.category(ch) != "Cn":
            assert ch in m, f"U+{cp:04X} unmapped"
            assert any(a <= ord(m[ch]) <= b for a, b in UNIFIED), f"U+{cp:04X}"
    for cp in range(0x2F00, 0x2FD6):
        assert m[chr(cp)] == unicodedata.normalize("NFKC", chr(cp))


# ---------------------------------------------------------------- broken and odd files


def test_garbled_font_falls_back_to_the_other_reader() -> None:
    """A font without a ToUnicode map: pdfminer reads (cid:…), PDFium the text. The
    pdfplumber engine falls back to PDFium's text and says so; the default reads it."""
    data = (FIXTURES / "garbled-font.pdf").read_bytes()
    grid = extract_pdf("g.pdf", data, engine="pdfplumber")
    assert [code for code, _ in grid.warnings] == ["garbled-text-layer"]
    assert "used pdfium's text" in grid.warnings[0][1]
    assert extract_pdf("g.pdf", data).warnings == []
    for doc in (parse(FIXTURES / "garbled-font.pdf", pdf_engine="pdfplumber"),
                parse(FIXTURES / "garbled-font.pdf")):
        _same_first_form(doc)


def _same_first_form(doc: Document) -> None:
    gold = json.loads((GOLD / "000_053aada0b46687b9.json").read_text(encoding="utf-8"))
    form = doc.forms[0]
    assert form.project.name == gold["forms"][0]["project"]["name"]
    assert [i.name for i in form.indicators] == [i["name"] for i in gold["forms"][0]["indicators"]]


def test_image_only_page_goes_to_ocr(tmp_path: Path) -> None:
    page = pdfium.PdfDocument(FIXTURES / "one-form.pdf")[0]
    scan = tmp_path / "scan.pdf"
    page.render(scale=100 / 72).to_pil().convert("RGB").save(scan, "PDF", resolution=100)
    grid = extract_pdf(scan.name, scan.read_bytes())
    codes = [code for code, _ in grid.warnings]
    assert codes[0] == "no-text-layer"
    assert grid.format == "pdf-scanned"
    assert codes[1:] == ["ocr-unavailable"] or grid.blocks


def test_empty_user_password_opens() -> None:
    doc = parse(FIXTURES / "encrypted-empty-password.pdf")
    assert doc.source.format == "pdf" and len(doc.forms[0].indicators) == 8


@pytest.mark.parametrize(("name", "code", "hint"), [
    ("encrypted-with-password.pdf", "encrypted", "decrypted copy"),
    ("truncated.pdf", "corrupt-pdf", "re-export"),
    ("no-form.pdf", "no-form", "no performance form"),
])
def test_broken_pdfs_raise_clear_errors(name: str, code: str, hint: str) -> None:
    with pytest.raises(ParseError) as e:
        parse(FIXTURES / name)
    assert (e.value.file, e.value.code) == (name, code)
    assert hint in e.value.reason


def test_cli_reports_each_file_without_traceback(tmp_path: Path) -> None:
    files = sorted(FIXTURES.glob("*.pdf"))
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", *map(str, files),
                        "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    for name in ("encrypted-with-password.pdf", "truncated.pdf", "no-form.pdf"):
        assert f"error: {name}:" in r.stderr
    assert (tmp_path / "garbled-font.pdf.json").is_file()


# ---------------------------------------------------------------- small pure functions


def _box(x0: float, top: float, x1: float, bottom: float) -> list[tuple]:
    return [("h", x0, top, x1, top), ("h", x0, bottom, x1, bottom),
            ("v", x0, top, x0, bottom), ("v", x1, top, x1, bottom)]


def test_spans_from_ruling_lines() -> None:
    # A 2×3 table whose top row is one merged cell, drawn as per-cell boxes whose shared
    # sides are 0.8 pt apart (as thin filled rectangles come out), plus a framed note.
    edges = _box(0, 0, 300, 20)
    for k in range(3):
        edges += _box(k * 100 + 0.8, 20.8, (k + 1) * 100, 40)
    edges += _box(0, 100, 300, 130)
    (table,) = find_tables(edges)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == \
        [(0, 0, 1, 3), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)]


def test_region_without_a_closing_line_is_no_cell() -> None:
    edges = [("h", 0, 0, 200, 0), ("h", 0, 20, 200, 20), ("h", 0, 40, 100, 40),
             ("v", 0, 0, 0, 40), ("v", 100, 0, 100, 40), ("v", 200, 0, 200, 20)]
    (table,) = find_tables(edges)
    assert [(c.row, c.col) for c in table.cells] == [(0, 0), (0, 1), (1, 0)]


def test_a_hidden_outer_frame_is_drawn_from_the_inner_lines() -> None:
    # CSS border-style: hidden: only the inner lines, run out to the frame. The top row
    # is one label and one long cell, so only one column line reaches the top.
    edges = [("h", 0, 20, 300, 20), ("h", 0, 40, 300, 40),
             ("v", 100, 0, 100, 60), ("v", 200, 20, 200, 60)]
    (table,) = find_tables(edges)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
        (0, 0, 1, 1), (0, 1, 1, 2), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1),
        (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]
    assert table.bbox == (0, 0, 300, 60)


def test_text_beside_a_frameless_table_is_its_edge_column() -> None:
    # A caption column whose cell has no line of its own: its text, set vertically, is
    # left beside the table; a title above the table stays a free line.
    (table,) = find_tables(_box(40, 0, 140, 20) + _box(40, 20, 140, 40) + _box(40, 40, 140, 60))
    caption = [Glyph(ch, 25, 18 + 10 * k, 35, 28 + 10 * k, 10) for k, ch in enumerate("指标")]
    title = _glyphs("标题", 40, -30)
    per_table, outside = locate(_glyphs("名称", 45, 5) + caption + title, [table])
    (grid,), (texts,), left = adopt_sides([table], per_table, free_runs(outside))
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in grid.cells] == [
        (0, 0, 3, 1), (0, 1, 1, 1), (1, 1, 1, 1), (2, 1, 1, 1)]
    assert [cell_text(t) for t in texts] == ["指标", "名称", "", ""]
    assert [cell_text(r) for r in left] == ["标题"]


def _glyphs(text: str, x: float, top: float, size: float = 10) -> list[Glyph]:
    return [Glyph(ch, x + k * size, top, x + (k + 1) * size, top + size, size)
            for k, ch in enumerate(text)]


def test_cell_text_joins_wrapped_lines() -> None:
    assert cell_text(_glyphs("App", 0, 0) + _glyphs("平台", 0, 12)) == "App平台"
    assert cell_text(_glyphs("full", 0, 0) + _glyphs("time", 0, 12)) == "full time"
    assert cell_text(_glyphs("绩效", 0, 12) + _glyphs("指标", 0, 24)) == "绩效指标"
    doubled = _glyphs("项目", 0, 0) + _glyphs("项目", 0.4, 0)  # fake bold prints twice
    assert cell_text(doubled) == "项目"


def test_glyphs_outside_tables_become_lines() -> None:
    (table,) = find_tables(_box(0, 50, 100, 70) + _box(100, 50, 200, 70))
    glyphs = _glyphs("标题", 0, 10) + _glyphs("金额单位", 150, 10) + _glyphs("名称", 5, 55)
    per_table, outside = locate(glyphs, [table])
    assert [cell_text(g) for g in per_table[0]] == ["名称", ""]
    assert [t for t, _ in free_lines(outside)] == ["标题", "金额单位"]


def test_garbled_share() -> None:
    assert garbled(["(cid:12)", "(cid:13)", "项"])
    assert garbled(["\ufffd"] * 3 + ["a"])
    assert not garbled(["项", "目", " ", "☑"])
    assert not garbled([])
