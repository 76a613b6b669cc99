"""The same forms printed by other producers: browsers, office suites, print drivers.

samples/pdf/<producer>/ holds the CI subset of the producer matrix that
scripts/make_producers.py makes from the gold documents (the whole matrix goes to
out/matrix/pdf/; scripts/score_matrix.py scores it). Only the committed files are read
here, so the tests need none of the producers installed. The small pure functions behind
it (page furniture, ruling lines cut by a page break, text painted outside its cell,
slanted watermark glyphs) are tested on hand-made input below.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from perfparse.assemble import assemble_document
from perfparse.extract.furniture import furniture
from perfparse.extract.geometry import Edge, TableGrid, find_tables
from perfparse.extract.glyphs import (
    Glyph,
    adopt_overflow,
    cell_text,
    free_runs,
    locate,
    paragraph_lines,
    slanted,
)
from perfparse.extract.pdf.columns import continues, reindex, union_columns
from perfparse.extract.pdf.read import _join_split_rows, _Page, extract_pdf
from perfparse.extract.pdf.split_rows import cut, join_split_row
from perfparse.extract.pdf.unruled import frame_only, unruled_rulings
from perfparse.grammar import load_grammar
from perfparse.grid import Block, Cell, Grid, Line, Table
from perfparse.segment import segment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import make_producers  # noqa: E402
import score_matrix  # noqa: E402

COMMITTED = ROOT / "samples" / "pdf"


@pytest.mark.parametrize("pdf", sorted(COMMITTED.rglob("*.pdf")), ids=lambda p: p.parent.name)
def test_both_readers_build_the_same_grid(pdf: Path) -> None:
    """PDFium (the default) and pdfminer read every producer's print into the same tables
    and free lines: glyph boxes, sizes, slant and page boxes are read alike."""
    data = pdf.read_bytes()
    a, b = extract_pdf(pdf.name, data), extract_pdf(pdf.name, data, engine="pdfplumber")
    assert [_shape(x) for x in a.blocks] == [_shape(x) for x in b.blocks]


def _shape(block: Block) -> object:
    if isinstance(block, Line):
        return block.text
    return [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in block.cells]


@pytest.mark.parametrize("producer", sorted(make_producers.COMMITTED_SET))
def test_producer_scores(producer: str) -> None:
    folder = COMMITTED / producer
    assert sorted(p.stem for p in folder.glob("*.pdf")) == sorted(
        make_producers.COMMITTED_SET[producer])
    rep = score_matrix.score_folder(folder)
    c = rep["counts"]
    assert rep["f1"] >= 0.99, rep["mismatches"][:10]
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"]
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"]


def test_committed_subset_is_small() -> None:
    files = [p for producer in make_producers.COMMITTED_SET
             for p in (COMMITTED / producer).glob("*.pdf")]
    assert sum(p.stat().st_size for p in files) < 3 * 2**20


@pytest.mark.parametrize(("producer", "furniture_text"), [
    ("chromium", "file://"), ("lo-xlsx", "第 1 页，共"), ("fpdf2-furniture", "预算管理一体化系统"),
    ("chromium-caption", "第 1 页，共"), ("lo-docx", "- 1 -")])
def test_running_headers_and_footers_are_dropped(producer: str, furniture_text: str) -> None:
    (path,) = (COMMITTED / producer).glob("*.pdf")
    grid = extract_pdf(path.name, path.read_bytes())
    lines = [b.text for b in grid.blocks if isinstance(b, Line)]
    cells = [c.text for t in grid.tables() for c in t.cells]
    for text in lines + cells:
        assert furniture_text.replace(" ", "") not in text.replace(" ", ""), text
        assert "内部资料" not in text  # the watermark, laid across the tables


# ---------------------------------------------------------------- small pure functions


def _page(*lines: tuple[str, float, float], table: tuple[float, float] = (100, 700)
          ) -> list[tuple[str | None, tuple[float, float, float, float]]]:
    """A page's items: one table (top, bottom) and free lines (text, top, height)."""
    return [(None, (40, table[0], 550, table[1]))] + [
        (text, (200, y, 300, y + h)) for text, y, h in lines]


def _kept(pages: list, dropped: list[set[int]]) -> list[list[str]]:
    return [[text for i, (text, _) in enumerate(items) if text and i not in d]
            for items, d in zip(pages, dropped, strict=True)]


def test_furniture_by_position_and_repetition() -> None:
    """A running header and page numbers go; the titles of the forms starting on pages 1
    and 3, under that header, stay."""
    title = [("财政项目支出绩效自评表", 60, 16), ("(2023年度)", 82, 11)]
    pages = [_page(("系统名称", 20, 8), *title, ("第 1 页，共 3 页", 800, 9)),
             _page(("系统名称", 20, 8), ("第 2 页，共 3 页", 800, 9), table=(40, 700)),
             _page(("系统名称", 21, 8), *title, ("第 3 页，共 3 页", 801, 9))]
    assert _kept(pages, furniture(pages)) == [[t for t, _, _ in title], [],
                                              [t for t, _, _ in title]]


def test_a_footer_ocr_reads_a_character_apart_is_still_furniture() -> None:
    """A scanned running footer is read a little differently on some pages (a trailing
    full stop, a character mistaken); it is one footer all the same, and the body's
    title, unlike it, stays."""
    footers = ["file:///tmp/print-x1/form.html", "file:///tmp/print-x1/form.html.",
               "file:///tmp/print-xl/form.html", "file:///tmp/print-x1/form.html"]
    pages = [_page(("财政项目支出绩效自评表", 60, 16), ("(2023年度)", 82, 11),
                   (f, 816, 9), table=(120, 700)) for f in footers]
    assert _kept(pages, furniture(pages)) == [["财政项目支出绩效自评表", "(2023年度)"]] * 4


def test_a_short_running_header_with_a_character_misread_is_still_furniture() -> None:
    """A five-character running header (an office suite prints the sheet's name) read
    with one character wrong on one page of four is still the header there; the titles
    of the forms, which differ from each other in one character too, stay."""
    def page(header: str, title: str) -> list:
        return _page((header, 20, 8), (title, 60, 16), table=(90, 700))
    titles = ["项目支出绩效自评表", "项目支出绩效目标表", "项目支出绩效自评表",
              "部门整体绩效自评表"]
    headers = ["绩效自评表", "绩效自评表", "继效自评表", "绩效自评表"]
    pages = [page(h, t) for h, t in zip(headers, titles, strict=True)]
    assert _kept(pages, furniture(pages)) == [[t] for t in titles]


def test_a_misread_part_of_a_running_header_goes_with_it() -> None:
    """A photographed page cut at the top: the header's date beside its title is read as
    nothing like the date of the other pages, and doubtfully; on the text line of the
    title that recurs, set apart from the body, it goes too. The form's title stays."""
    def page(date: str) -> list:
        items = _page(("财政项目支出绩效自评表", 60, 16), table=(90, 700))
        return [*items, (date, (30, 20, 110, 30)), ("项目支出绩效表", (300, 20, 380, 30))]
    pages = [page("12/1/26, 10:45 AM") for _ in range(3)] + [page("1V.4 A")]
    doubtful = [set(), set(), set(), {2}]  # the misread date, read with low confidence
    assert _kept(pages, furniture(pages, doubtful)) == [["财政项目支出绩效自评表"]] * 4
    # Read surely, it is text of its own (a clipped label painted beside the page number).
    assert _kept(pages, furniture(pages))[3] == ["财政项目支出绩效自评表", "1V.4 A"]


def test_a_running_header_a_photo_shifted_is_still_furniture() -> None:
    """Photographed pages: the sheet sits a little differently in each frame, and on one
    page the running header stands 18 pt higher than on the others; standing apart from
    the body there too, it is the same header. The form's title, close to the table, stays."""
    pages = [_page(("项目支出绩效表", y, 8), ("财政项目支出绩效自评表", 60, 16), table=(90, 700))
             for y in (20, 22, 19, 21, 2)]
    assert _kept(pages, furniture(pages)) == [["财政项目支出绩效自评表"]] * 5


def test_a_running_header_a_photo_shifted_against_the_table_is_still_furniture() -> None:
    """A photo shifted the sheet up in the frame: the page's header stands 12 pt higher
    than on the other pages and only a line's height above the table, not apart from it.
    The outermost row of the page, like the header found on the others, is the header."""
    pages = [_page(("绩效自评表", 37, 11), table=(60, 700)) for _ in range(4)]
    pages += [_page(("绩效自评表", 37, 11), ("财政项目支出绩效自评表", 75, 11), table=(88, 700)),
              _page(("绩效自评表", 25, 11), table=(48, 700))]
    assert _kept(pages, furniture(pages)) == [[]] * 4 + [["财政项目支出绩效自评表"], []]


def test_a_title_on_every_page_is_no_furniture() -> None:
    """One form per page: its title and year line recur in the same place on every page,
    but the title sits close to the line under it, as no running header does."""
    pages = [_page(("财政项目支出绩效自评表", 50, 16), ("(2023年度)", 72, 11)) for _ in range(4)]
    assert furniture(pages) == [set()] * 4


def _box(x0: float, top: float, x1: float, bottom: float) -> list[tuple]:
    return [("h", x0, top, x1, top), ("h", x0, bottom, x1, bottom),
            ("v", x0, top, x0, bottom), ("v", x1, top, x1, bottom)]


def test_rulings_cut_by_a_page_break_are_closed() -> None:
    # The part of a table at the top of a page: the split row has no top border, and the
    # merged caption column (0–30) has neither top nor bottom border on this page.
    edges = [("v", 0, 50, 0, 110), ("v", 30, 50, 30, 110)]
    for x0, x1 in ((30, 100), (100, 200)):
        edges += [("v", x0, 50, x0, 110), ("v", x1, 50, x1, 110)]
    edges += [("h", 30, 80, 200, 80), ("h", 30, 110, 200, 110)]
    (table,) = find_tables(edges)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
        (0, 0, 2, 1), (0, 1, 1, 1), (0, 2, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)]


def test_cells_cut_beside_a_border_the_break_left_whole_are_closed() -> None:
    """The part of a table at the foot of a page: the caption (0–30) and a level label's
    cell (30–130, wider than a line is drawn on over) run on to the next page, so
    neither has a bottom border; the row's other cells (130–250) have theirs. All three
    cells of the last row are whole."""
    edges = [("h", 0, 50, 250, 50), ("h", 0, 80, 250, 80), ("h", 130, 110, 250, 110)]
    edges += [("v", x, 50, x, 110) for x in (0, 30, 130, 250)]
    (table,) = find_tables(edges)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in table.cells] == [
        (0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)]


def _glyphs(text: str, x: float, top: float, size: float = 10) -> list[Glyph]:
    return [Glyph(ch, x + k * size, top, x + (k + 1) * size, top + size, size)
            for k, ch in enumerate(text)]


def test_text_painted_outside_a_cut_cell_goes_back_into_it() -> None:
    """A vertical caption painted under the header row it labels, and a level label over
    the top of the next part; a line of text under the table stays free, and so does the
    next form's title under that line, though it would fit the empty cell above."""
    (table,) = find_tables(_box(0, 50, 40, 70) + _box(40, 50, 200, 70))
    caption = [g for k, ch in enumerate("绩效指标") for g in _glyphs(ch, 15, 300 + 12 * k)]
    note = _glyphs("填报人：张三", 0, 500)
    title = _glyphs("绩效目标申报表", 60, 540)
    per_table, outside = locate(caption + note + title, [table])
    left = adopt_overflow([table], per_table, free_runs(outside))
    assert [cell_text(g) for g in per_table[0]] == ["绩效指标", ""]
    assert ["".join(g.text for g in run) for run in left] == ["填报人：张三", "绩效目标申报表"]


def test_slanted_glyphs_are_watermarks() -> None:
    assert slanted(0.866, 0.5)  # turned 30°
    assert not slanted(1, 0)
    assert not slanted(0, 1)  # turned 90°: vertical text


def _word(text: str, x: float, y: float) -> list[Glyph]:
    return [Glyph(ch, x + 9 * k, y, x + 9 * (k + 1), y + 9, 9.0) for k, ch in enumerate(text)]


def _unruled_cells(runs: list[list[Glyph]], edges: list[Edge] | None = None
                   ) -> dict[tuple[int, int, int], str]:
    """(row, column, rowspan) → text of each cell holding text of the one table ``runs``
    make with ``edges`` and the rulings read from their alignment; no text is left out."""
    edges = edges or []
    (table,) = find_tables(edges + unruled_rulings(runs, edges))
    (texts,), outside = locate([g for r in runs for g in r], [table])
    assert not outside
    return {(c.row, c.col, c.rowspan): cell_text(gs)
            for c, gs in zip(table.cells, texts, strict=True) if gs}


def _rows(cells: dict[tuple[int, int, int], str]) -> list[list[str]]:
    return [[text for (r, _, _), text in sorted(cells.items()) if r == row]
            for row in sorted({r for r, _, _ in cells})]


@pytest.mark.parametrize("rules", [False, True])
def test_a_table_without_column_rulings_is_read_by_its_text(rules: bool) -> None:
    """No borders at all, or row rules only: the columns are the white bands the text
    leaves open, the rows the rules or the gaps between lines; a label centred between
    two rows crosses their line, so its cell spans both."""
    words = [("一级指标", 40, 100), ("三级指标", 140, 100), ("指标值", 240, 100),
             ("产出指标", 40, 130), ("巡查次数", 140, 120), ("≥12次", 240, 120),
             ("整改率", 140, 140), ("100%", 240, 140),
             ("效益指标", 40, 160), ("满意度", 140, 160), ("≥90%", 240, 160)]
    runs = [_word(*w) for w in words]
    edges = [("h", 35.0, y, 300.0, y) for y in (96, 114, 154, 174)] + [
        ("h", 130.0, 134.0, 300.0, 134.0)] if rules else []
    assert _unruled_cells(runs, edges) == {
        (0, 0, 1): "一级指标", (0, 1, 1): "三级指标", (0, 2, 1): "指标值",
        (1, 0, 2): "产出指标", (1, 1, 1): "巡查次数", (1, 2, 1): "≥12次",
        (2, 1, 1): "整改率", (2, 2, 1): "100%",
        (3, 0, 1): "效益指标", (3, 1, 1): "满意度", (3, 2, 1): "≥90%"
    }


# A borderless table's rows, as HTML centres its cells (``middle``) and Word sets them at
# their tops (``top``): (text, x, top of its first line in each alignment); a wrapped cell's
# lines stand 12.8 pt apart, two rows' texts 10 pt.
BORDERLESS = [
    ("一级指标", 40, 81.0, 81.0), ("三级指标", 140, 81.0, 81.0), ("指标值", 240, 81.0, 81.0),
    ("巡查次数", 140, 100.0, 100.0), ("≥12次", 240, 100.0, 100.0),
    ("整改完成", 140, 119.0, 119.0), ("率", 140, 131.8, 131.8), ("85%", 240, 125.4, 119.0),
    ("办结率", 140, 150.8, 150.8), ("100%", 240, 150.8, 150.8),
    ("满意度", 140, 169.8, 169.8), ("≥90%", 240, 169.8, 169.8),
    ("投诉率", 140, 188.8, 188.8), ("≤1%", 240, 188.8, 188.8),
    # over three rows, inside the middle one; over two, in the gap between them
    ("产出指标", 40, 125.4, 100.0), ("效益指标", 40, 179.3, 169.8),
]


@pytest.mark.parametrize("align", ["middle", "top"])
def test_a_table_with_no_rules_at_all_has_the_rows_its_cells_align_to(align: str) -> None:
    """No rule anywhere: a wrapped name stays one cell however its lines fall beside the
    other columns, and a level label spans the rows it is aligned with."""
    runs = [_word(text, x, middle if align == "middle" else top)
            for text, x, middle, top in BORDERLESS]
    assert _unruled_cells(runs) == {
        (0, 0, 1): "一级指标", (0, 1, 1): "三级指标", (0, 2, 1): "指标值",
        (1, 0, 3): "产出指标", (1, 1, 1): "巡查次数", (1, 2, 1): "≥12次",
        (2, 1, 1): "整改完成率", (2, 2, 1): "85%",
        (3, 1, 1): "办结率", (3, 2, 1): "100%",
        (4, 0, 2): "效益指标", (4, 1, 1): "满意度", (4, 2, 1): "≥90%",
        (5, 1, 1): "投诉率", (5, 2, 1): "≤1%"
    }


def test_a_value_between_rows_is_in_its_own_row_not_centred_over_others() -> None:
    """A tall note on the right starts the last row; the values before it, one row each,
    are no cell merged over the rows around them, however their middles happen to fall;
    and a first column with a text on one line only is a column all the same."""
    words = [("名称", 40, 81.0), ("指标值", 140, 81.0), ("说明", 240, 81.0),
             ("甲类项目", 40, 100.0), ("3", 140, 100.0), ("乙类项目", 40, 131.5), ("3", 140, 131.5),
             ("丙类项目", 40, 163.0), ("2", 140, 163.0), ("丁类项目", 40, 203.2),
             ("1.5", 140, 203.2), ("有待提高", 240, 184.0), ("还有上升", 240, 196.8),
             ("空间不足", 240, 209.6), ("需要改进", 240, 222.4)]
    runs = [_word(*w) for w in words]
    assert _unruled_cells(runs) == {
        (0, 0, 1): "名称", (0, 1, 1): "指标值", (0, 2, 1): "说明",
        (1, 0, 1): "甲类项目", (1, 1, 1): "3", (2, 0, 1): "乙类项目", (2, 1, 1): "3",
        (3, 0, 1): "丙类项目", (3, 1, 1): "2", (4, 0, 1): "丁类项目",
        (4, 1, 1): "1.5", (4, 2, 1): "有待提高还有上升空间不足需要改进"
    }


@pytest.mark.parametrize(("texts", "table"), [
    (["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"], True),
    (["填表人：张三", "联系电话：123", "填报日期：2023年", "单位负责人签字："], False),
    (["(2023年度)", "单位：元"], False),
])
def test_a_header_row_alone_at_a_pages_foot_is_a_table(texts: list[str], table: bool) -> None:
    """With no rule anywhere, one line of many texts side by side is a table's header row
    a page break parted from its body; a signature line or a heading and its date is
    not."""
    runs = [_word(text, 40 + 100 * k, 700.0) for k, text in enumerate(texts)]
    tables = find_tables(unruled_rulings(runs, []))
    assert len(tables) == int(table)
    if table:
        (texts_in,), outside = locate([g for r in runs for g in r], tables)
        assert not outside and [cell_text(gs) for gs in texts_in] == texts


def test_an_indicator_table_under_rows_of_labels_keeps_its_own_columns() -> None:
    """No rule anywhere: a project's rows of label and long value stand over the indicator
    table's header row, whose columns the values cross; the header row starts a section
    with its own columns, and both are one table."""
    words = [("项目名称", 40, 20.0), ("城区公共文化设施运营维护服务项目", 130, 20.0),
             ("主管部门", 40, 40.0), ("区文化和旅游局机关", 130, 40.0),
             ("实施单位", 40, 60.0), ("区公共文化服务中心", 130, 60.0),
             ("年度目标", 40, 80.0), ("全年开展公共文化活动二十场次以上", 130, 80.0),
             ("一级指标", 40, 110.0), ("二级指标", 120, 110.0), ("三级指标", 200, 110.0),
             ("指标值", 280, 110.0), ("分值", 360, 110.0),
             ("产出指标", 40, 139.5), ("数量指标", 120, 139.5), ("完成数", 200, 130.0),
             ("≥5个", 280, 130.0), ("10", 360, 130.0), ("达标数", 200, 149.0),
             ("≥3个", 280, 149.0), ("20", 360, 149.0)]
    runs = [_word(*w) for w in words]
    assert _rows(_unruled_cells(runs)) == [
        ["项目名称", "城区公共文化设施运营维护服务项目"], ["主管部门", "区文化和旅游局机关"],
        ["实施单位", "区公共文化服务中心"], ["年度目标", "全年开展公共文化活动二十场次以上"],
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
        ["产出指标", "数量指标", "完成数", "≥5个", "10"], ["达标数", "≥3个", "20"]]


@pytest.mark.parametrize("sides", [False, True])
def test_a_table_drawn_as_a_frame_round_rows_gets_its_columns(sides: bool) -> None:
    """The table's frame and row rules are printed, the cells' left and right borders not
    (``<table border>`` with ``td { border-left/right: none }``): one column as rulings go.
    Its text's alignment gives the columns; a table with its cells' sides is left alone."""
    rows = [[("一级指标", 40), ("三级指标", 140), ("指标值", 240)],
            [("产出指标", 40), ("巡查次数", 140), ("≥12次", 240)],
            [("效益指标", 40), ("满意度", 140), ("≥90%", 240)]]
    edges = _box(30, 90, 300, 150) + [("h", 30.0, y, 300.0, y) for y in (110.0, 130.0)]
    if sides:
        edges += [("v", x, 90.0, x, 150.0) for x in (130.0, 230.0)]
    runs = [_word(text, x, 95.0 + 20 * r) for r, row in enumerate(rows) for text, x in row]
    (table,) = find_tables(edges)
    (texts,), _ = locate([g for run in runs for g in run], [table])
    assert frame_only(table, texts) == (not sides)
    if sides:
        return
    assert _rows(_unruled_cells(runs, edges)) == [[text for text, _ in row] for row in rows]


RULED = [["项目名称", "巡查项目"], ["主管部门", "城管局"]]


def _cid_pdf(ruled: bool, texts: list[tuple[str, float, float]]) -> bytes:
    """A real PDF (reportlab, a CID font, so no font file is needed) holding, if ``ruled``,
    a ruled table of a project's labels and values, and ``texts`` (text, x, top) with no
    rule near them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    page.setFont("STSong-Light", 10)
    if ruled:
        for y in (100, 120, 140):
            page.line(40, 842 - y, 300, 842 - y)
        for x in (40, 150, 300):
            page.line(x, 842 - 100, x, 842 - 140)
        for r, row in enumerate(RULED):
            for k, text in enumerate(row):
                page.drawString(45 + 110 * k, 842 - (114 + 20 * r), text)
    for text, x, top in texts:
        page.drawString(x, 842 - top, text)
    page.save()
    return out.getvalue()


def _tables(grid: Grid) -> list[list[list[str]]]:
    return [[[c.text for c in t.cells if c.row == r] for r in range(t.n_rows)]
            for t in grid.blocks if isinstance(t, Table)]


def test_a_table_printed_without_rules_under_a_ruled_one_is_read() -> None:
    """A ruled table of a project's labels and values, and under it an indicator table
    printed with no rule at all. Both are tables; only the second is a guess, and the page
    says so."""
    bare = [["一级指标", "三级指标", "指标值"], ["产出指标", "巡查次数", "≥12次"],
            ["效益指标", "满意度", "≥90%"]]
    grid = extract_pdf("two-tables.pdf", _cid_pdf(True, [
        (text, 40 + 100 * k, 200 + 20 * r) for r, row in enumerate(bare)
        for k, text in enumerate(row)]))
    assert [t.guessed for t in grid.blocks if isinstance(t, Table)] == [False, True]
    assert _tables(grid) == [RULED, bare]
    assert [code for code, _ in grid.warnings] == ["unruled-table"]


@pytest.mark.parametrize("ruled", [True, False])
def test_two_rows_of_texts_side_by_side_are_a_table_only_where_nothing_is_ruled(
        ruled: bool) -> None:
    """Two rows of texts side by side under a ruled form are a web page's footer, free
    lines with no warning; with nothing ruled in the file they are a form's first rows (the
    rest on the next page), a table."""
    footer = [("主办：县人民政府办公室", 40, 700), ("承办：县大数据中心", 200, 700),
              ("地址：县城关镇", 40, 720), ("备案号：00000号", 200, 720)]
    grid = extract_pdf("footer.pdf", _cid_pdf(ruled, footer))
    rows = [["主办：县人民政府办公室", "承办：县大数据中心"], ["地址：县城关镇", "备案号：00000号"]]
    assert _tables(grid) == ([RULED] if ruled else [rows])
    assert [code for code, _ in grid.warnings] == ([] if ruled else ["unruled-table"])


def _table(page: int, edges: list[float], rows: list[list[str]]) -> Table:
    """A ruled table on ``page`` whose columns run between ``edges``, 20 pt per row."""
    return Table([Cell(text, r, c, page=page, bbox=(edges[c], 20.0 * r, edges[c + 1],
                                                     20.0 * (r + 1)))
                  for r, row in enumerate(rows) for c, text in enumerate(row)], page=page)


def _grid(xs: list[float], top: float = 60.0) -> TableGrid:
    """A one-row ruled grid with column lines at ``xs``."""
    return find_tables([("v", x, top, x, top + 20) for x in xs]
                       + [("h", xs[0], y, xs[-1], y) for y in (top, top + 20)])[0]


@pytest.mark.parametrize(("after", "beside", "over", "continued"), [
    ([76.0, 127.0, 190.0, 262.0, 318.0], [], [], True),           # the same columns
    ([40.0, 76.0, 127.0, 190.0, 262.0, 300.0, 318.0], [], [], True),  # + caption column, a split
    ([40.0, 76.0, 127.0, 190.0, 262.0, 318.0], [(50.0, 600.0, 62.0, 640.0)], [], True),
    ([40.0, 76.0, 127.0, 190.0, 262.0, 318.0], [], [(150.0, 600.0, 250.0, 612.0)], False),
    ([40.0, 150.0, 400.0], [], [], False),                          # another table
])
def test_a_table_continued_with_other_columns_is_one_table(
        after: list[float], beside: list[tuple[float, float, float, float]],
        over: list[tuple[float, float, float, float]], continued: bool) -> None:
    """The indicator rows run on to the next page in a table drawn with an empty caption
    column on its left, where the caption's cell ended on the page before, or with a line
    splitting a column: it keeps nearly all the column lines, so it continues the table
    and shares its column numbering. The caption, set beside the columns under the part
    before, does not part them; a title over the columns does."""
    before = _grid([76.0, 127.0, 190.0, 262.0, 318.0])
    assert continues(before, beside + over, _grid(after), []) == continued
    if continued:
        xs = union_columns([before, _grid(after)])
        name = [c.col for c in reindex(before, xs).cells if c.bbox[0] == 190.0]
        assert name == [c.col for c in reindex(_grid(after), xs).cells if c.bbox[0] == 190.0]


def test_the_caption_beside_the_rows_does_not_end_the_table() -> None:
    """The vertical 绩效指标 caption, its column unruled, lands as a line of its own
    between the indicator header at a page's foot and the rows on the next page: it is the
    table's caption, and the rows after it are the form's indicators."""
    edges = [76.0, 127.0, 190.0, 262.0, 318.0]
    form = [Line("财政项目支出绩效自评表", page=1),
            _table(1, [76.0, 190.0, 318.0], [["项目名称", "宣传推广"]]),
            _table(1, edges, [["一级指标", "二级指标", "三级指标", "年度指标值"]]),
            Line("绩效指标", page=1),
            _table(2, edges, [["产出指标", "数量指标", "印刷数量", "12"],
                              ["", "", "发放月份", "按月"]])]
    grid = Grid(file="x.pdf", format="pdf", blocks=form)
    g = load_grammar()
    doc = assemble_document(grid, segment(grid, g), g, sha256="0" * 64)
    (f,) = doc.forms
    assert [(i.level1, i.level2, i.name) for i in f.indicators] == [
        ("产出指标", "数量指标", "印刷数量"), ("产出指标", "数量指标", "发放月份")]


@pytest.mark.parametrize("printed", [False, True])
def test_a_row_a_page_break_split_is_one_row(printed: bool) -> None:
    """A row too tall for the page's foot is printed in two parts: 可持续影响指 and the
    indicator's name at the foot, 标 at the head of the next page, where the table's
    bottom and top are not printed. The two parts are one row again, the text read in
    order. A table cut between two rows prints both lines: its rows stay as they are."""
    head = _box(0, 700, 100, 720) + _box(100, 700, 300, 720) + _box(0, 720, 100, 800) \
        + _box(100, 720, 300, 800)
    tail = _box(0, 40, 100, 60) + _box(100, 40, 300, 60) + _box(0, 60, 100, 80) \
        + _box(100, 60, 300, 80)
    (before,) = find_tables(head)
    (after,) = find_tables(tail)
    if not printed:  # the page edge closed them: no line of their own
        head = [e for e in head if not (e[0] == "h" and e[2] == 800)]
        tail = [e for e in tail if not (e[0] == "h" and e[2] == 40)]
    assert cut(before, head, bottom=True) != printed
    assert cut(after, tail, bottom=False) != printed
    if printed:
        return
    before_texts = locate(_glyphs("二级指标", 2, 705, 8) + _glyphs("三级指标", 102, 705, 8)
                          + _glyphs("可持续影响指", 2, 730, 8)
                          + _glyphs("制度健全性", 102, 730, 8), [before])[0][0]
    after_texts = locate(_glyphs("标", 2, 45, 8) + _glyphs("满意度指标", 2, 65, 8)
                         + _glyphs("乘客满意度", 102, 65, 8), [after])[0][0]
    joined = join_split_row(before, before_texts, after, after_texts)
    assert joined is not None
    grid, texts = joined
    assert [cell_text(gs) for gs in before_texts] == ["二级指标", "三级指标",
                                                      "可持续影响指标", "制度健全性"]
    assert len(grid.ys) == 2
    assert [cell_text(gs) for gs in texts] == ["满意度指标", "乘客满意度"]


@pytest.mark.parametrize("guessed", [False, True])
def test_a_row_is_joined_over_a_page_break_only_where_rules_tell_it_was_cut(
        guessed: bool) -> None:
    """A ruled table whose rows lack their line at the page's foot and head had a row cut
    in two. A table printed with no rules at all lacks every line: its rulings are
    guessed from the text, and a header row at one page's foot and the first row at the
    next one's head are two rows (a borderless print: 一级指标 | … read 一级指标产出指标)."""
    cells = _box(0, 760, 100, 780) + _box(100, 760, 300, 780)
    rest = _box(0, 40, 100, 60) + _box(100, 40, 300, 60) + _box(0, 60, 100, 80) \
        + _box(100, 60, 300, 80)
    (before,), (after,) = find_tables(cells), find_tables(rest)
    before_texts = locate(_glyphs("一级指标", 2, 765, 8) + _glyphs("三级指标", 102, 765, 8),
                          [before])[0][0]
    after_texts = locate(_glyphs("产出指标", 2, 45, 8) + _glyphs("印刷数量", 102, 45, 8)
                         + _glyphs("发放月份", 102, 65, 8), [after])[0][0]
    printed = ([], []) if guessed else (  # the page edges closed the ruled table's cut row
        [e for e in cells if not (e[0] == "h" and e[2] == 780)],
        [e for e in rest if not (e[0] == "h" and e[2] == 40)])
    prev = _Page(1, [before], [before_texts], edges=printed[0], guessed=[guessed])
    page = _Page(2, [after], [after_texts], edges=printed[1], guessed=[guessed])
    _join_split_rows([(prev, page)])
    assert [cell_text(gs) for gs in prev.texts[0]] == (
        ["一级指标", "三级指标"] if guessed else ["一级指标产出指标", "三级指标印刷数量"])


FULL = "根据财政局关于开展绩效自评工作的通知现将自评结果公示如下"  # a line the margin ended
PARAGRAPHS = [
    # (lines as (text, x, top) in 10-pt type; the free lines read)
    ([(FULL, 0, 100), ("公示期七天", 0, 112)], [FULL + "公示期七天"]),
    # a number does not fit at a line's end: the line wraps before it, short of the margin
    ([(FULL, 0, 100), ("公示期为七个工作日监督举报电话:0376-", 0, 112), ("8635127。", 0, 124)],
     [FULL + "公示期为七个工作日监督举报电话:0376-8635127。"]),
    ([(FULL[:-1] + "。", 0, 100), ("公示期七天", 0, 112)], [FULL[:-1] + "。", "公示期七天"]),
    ([(FULL, 0, 100), ("公示期七天", 0, 140)], [FULL, "公示期七天"]),  # far below
    ([("项目支出绩效自评表", 100, 100), ("（2023年度）", 120, 112)],
     ["项目支出绩效自评表", "（2023年度）"]),
    ([("填报单位：某某局", 0, 100), ("单位：万元", 240, 100), ("项目名称：道路养护", 0, 112)],
     ["填报单位：某某局", "单位：万元", "项目名称：道路养护"]),
]


@pytest.mark.parametrize(("lines", "read"), PARAGRAPHS)
def test_the_lines_of_a_wrapped_paragraph_are_one(lines: list[tuple[str, float, float]],
                                                  read: list[str]) -> None:
    """A browser wraps a paragraph at the text's right margin, a number or word whole:
    its lines are one line of free text again, so that a 监督电话 or a name it cut reads
    whole. A sentence's end, a centred title, a line of label and value, and a line far
    below end it."""
    runs = free_runs([g for text, x, top in lines for g in _glyphs(text, x, top, 10)])
    assert [text for text, _ in paragraph_lines(runs)] == read


def test_a_titled_form_nothing_could_be_read_from_is_named() -> None:
    """A form's title over a table from which neither a project nor indicators can be
    read (a table printed without borders, cut into loose lines and fragments) is no form,
    but the document says it was there; a page heading over the forms, with a line and
    a one-cell table below it, is not named."""
    g = load_grammar()

    def unread(blocks: list[Block]) -> list[str]:
        grid = Grid(file="x.pdf", format="pdf", blocks=blocks)
        doc = assemble_document(grid, segment(grid, g), g, sha256="0" * 64)
        return [w.message for w in doc.warnings if w.code == "form-unread"]

    title = Line("财政项目支出绩效自评表", page=3)
    loose = _table(3, [0.0, 100.0, 200.0], [["名", "称"], ["一级", "二级"]])
    assert unread([title, loose]) == [
        "1 forms titled as such were found but neither a project nor indicators could be "
        "read from them: page 3 (财政项目支出绩效自评表)"]
    heading = [Line("某某局2023年度项目支出绩效自评表", page=1),
               Line("发布时间：2024-08-26", page=1), _table(1, [0.0, 200.0], [["报表编号：1"]])]
    assert unread(heading) == []
