"""The parts of a multi-part form as OCR reads them: which lines join into one form.

The 2020 three-part declaration prints 项目总体情况, then 绩效目标, then 制度保障, each
under the form's title qualified by its part and each naming the project again. A 150-dpi
scan of a LibreOffice print misreads about one character in ten, in titles and names
alike. The titles, names and confidences below are as RapidOCR read such scans (the
project names are invented, misread the way the scans misread theirs); the expected
forms are what the printed pages hold.
"""

from __future__ import annotations

import pytest

from perfparse.assemble import assemble_document
from perfparse.grammar import load_grammar
from perfparse.grid import Cell, Grid, Line, Table
from perfparse.normalise.columns import header_columns
from perfparse.segment import flatten, segment

SURE, DOUBT = 0.99, 0.87  # OCR confidences either side of the 0.95 bar
FIRST = "财政项目支出绩效目标申报表（项目总体情况）"
GOALS = "财政项目支出绩效目标申报表（绩效目标）"


def _part(title: str, conf: float, name: str, name_conf: float, label: str) -> list:
    """A part: its title line, year line and a table naming the project, then one row."""
    return [Line(title, confidence=conf), Line("（2020年）", confidence=SURE),
            Table([Cell("项目名称", 0, 0, confidence=SURE),
                   Cell(name, 0, 1, confidence=name_conf),
                   Cell(label, 1, 0, confidence=SURE), Cell("无", 1, 1, confidence=SURE)])]


def _projects(*parts: list) -> list[str | None]:
    grid = Grid(file="x.pdf", format="pdf-scanned",
                blocks=[b for p in parts for b in p])
    return [s.project for s in segment(grid, load_grammar())]


PART_CASES = [
    # (the second part: title, its confidence, project name, the name's confidence;
    #  projects of the forms found, the first part naming 社区文化活动运营 read surely)
    (GOALS, SURE, "社区文化活动运营", SURE, ["社区文化活动运营"]),
    # a part title misread by a character, read with doubt: still the form's next part
    ("财政项目支出绩效目标申报表（横效目标）", DOUBT, "社区文化活动运营", SURE,
     ["社区文化活动运营"]),
    # the same misreading read surely is no part: a form of its own
    ("财政项目支出绩效目标申报表（横效目标）", SURE, "社区文化活动运营", SURE,
     ["社区文化活动运营", "社区文化活动运营"]),
    # 申报表 misread, so no title pattern holds: a doubtful …表（part） line still is one
    ("财政项目支出绩效目标率报表（绩效目标）", DOUBT, "社区文化活动运营", SURE,
     ["社区文化活动运营"]),
    # the part's name read with doubt, two characters of nine apart: the same project
    (GOALS, SURE, "社区文化活功运管", DOUBT, ["社区文化活动运营"]),
    # the same misreading read surely: another project's part
    (GOALS, SURE, "社区文化活功运管", SURE, ["社区文化活动运营", "社区文化活功运管"]),
    # the part's caption read into its name, the ruling between them lost in the scan
    ("项目支出绩效目标申报表(制度保障)", SURE, "社区文化活动运管制度保障", DOUBT,
     ["社区文化活动运营"]),
    # brackets of both widths, read surely (the print itself mixes them: 任务）, or a
    # photocopy's OCR): still the form's next part
    ("财政项目支出绩效目标申报表(绩效目标）", SURE, "社区文化活动运营", SURE,
     ["社区文化活动运营"]),
    ("财政项目支出绩效目标申报表（ 制度保障 )", SURE, "社区文化活动运营", SURE,
     ["社区文化活动运营"]),
    # read with doubt but three characters apart: another project
    (GOALS, SURE, "社区文化沽功运管", DOUBT, ["社区文化活动运营", "社区文化沽功运管"]),
]


@pytest.mark.parametrize(("title", "conf", "name", "name_conf", "expected"), PART_CASES)
def test_a_later_part_joins_its_form(title: str, conf: float, name: str, name_conf: float,
                                     expected: list[str]) -> None:
    first = _part(FIRST, SURE, "社区文化活动运营", SURE, "项目概况")
    assert _projects(first, _part(title, conf, name, name_conf, "项目构成")) == expected


def test_neighbouring_projects_stay_apart_though_read_with_doubt() -> None:
    """一期 and 二期 of one project, each printed in full: each first part opens a form,
    and a part repeating a part its form printed already is another project's."""
    one = _part(FIRST, SURE, "河道整治工程一期", DOUBT, "项目概况")
    two = _part(FIRST, SURE, "河道整治工程二期", DOUBT, "项目概况")
    assert _projects(one, _part(GOALS, SURE, "河道整治工程一期", DOUBT, "项目构成"), two,
                     _part(GOALS, SURE, "河道整治工程二期", DOUBT, "项目构成")) == [
        "河道整治工程一期", "河道整治工程二期"]
    # only the 绩效目标 parts printed, one per project
    assert _projects(_part(GOALS, SURE, "河道整治工程一期", DOUBT, "项目构成"),
                     _part(GOALS, SURE, "河道整治工程二期", DOUBT, "项目构成")) == [
        "河道整治工程一期", "河道整治工程二期"]


HEAD = ["绩效目标", "一级目标", "二级目标", "三级目标", "目标值", "备注"]


@pytest.mark.parametrize(("read", "conf", "role"), [
    ("三级目标", SURE, "name"),
    ("三缘自标", DOUBT, "name"),            # two characters misread: the layout's column
    # Read surely, a head the grammar does not know; with no head naming the indicator, the
    # one right of the levels names it all the same (columns._name_after_levels).
    ("三缘自标", SURE, "name"),
])
def test_a_misread_head_takes_the_layouts_role(read: str, conf: float, role: str) -> None:
    """The three-part form's layout lists its indicator columns; a head OCR misread past
    recognition, where every other head stands in the layout's order, is that column."""
    g = load_grammar()
    layout = next(lay for lay in g.layouts if lay.name == "shanghai-target-2020")
    cells = [Cell(read if t == "三级目标" else t, 0, j, confidence=conf if t == "三级目标"
                  else SURE) for j, t in enumerate(HEAD)]
    (row,) = flatten(Grid(file="x.pdf", format="pdf-scanned", blocks=[Table(cells)]))
    cols = header_columns(g, layout, row)
    assert cols is not None
    assert {c.col: c.role for c in cols}[3] == role


@pytest.mark.parametrize(("conf", "warned"), [(SURE, False), (0.61, True)])
def test_a_form_read_with_doubt_says_so(conf: float, warned: bool) -> None:
    """Each form carries the warning for the cells OCR doubted in it, quoting them."""
    g = load_grammar()
    cells = [Cell("项目名称", 0, 0, confidence=SURE), Cell("社区文化活动运营", 0, 1,
                                                          confidence=SURE),
             Cell("项目总目标", 1, 0, confidence=SURE), Cell("全年开展活动12场", 1, 1,
                                                             confidence=conf)]
    grid = Grid(file="x.pdf", format="pdf-scanned",
                blocks=[Line(GOALS.replace("（绩效目标）", ""), confidence=SURE),
                        Table(cells)])
    doc = assemble_document(grid, segment(grid, g), g, sha256="0" * 64)
    (form,) = doc.forms
    doubts = [w.message for w in form.warnings if w.code == "low-ocr-confidence"]
    assert bool(doubts) == warned
    if warned:
        assert "'全年开展活动12场' 0.61" in doubts[0]


def test_a_project_name_run_into_its_label_starts_a_form() -> None:
    """A table printed without borders reads 项目名称 and its value as one line: the
    form's title over it is a new form, not a running header of the form before."""
    first = [Line("财政项目支出绩效目标申报表"), Line("项目名称：道路养护"),
             Table([Cell("项目类别", 0, 0), Cell("专项", 0, 1)])]
    second = [Line("财政项目支出绩效目标申报表"), Line("项目名称人才培训"),
              Table([Cell("项目类别", 0, 0), Cell("一次性", 0, 1)])]
    assert _projects(first, second) == ["道路养护", "人才培训"]


SELF = "财政项目支出绩效自评表"


def _self_form(label: str, label_conf: float, name: str) -> list:
    """A self-evaluation form's title, year and head as OCR read them."""
    return [Line(SELF, confidence=SURE), Line("(2023年度)", confidence=SURE),
            Table([Cell(label, 0, 0, confidence=label_conf),
                   *(Cell(t, r, c, confidence=SURE) for r, c, t in (
                       (0, 1, name), (1, 0, "主管部门"), (1, 1, "某区文化局"),
                       (2, 0, "实施单位"), (2, 1, "某区图书馆")))])]


@pytest.mark.parametrize(("label", "conf", "names", "warned"), [
    ("项目名称", SURE, ["社区书屋运营", "古籍修复"], False),
    # 项目名称 misread by two characters of four, with doubt (a black-and-white scan)
    ("哽自名称", 0.83, ["社区书屋运营", "古籍修复"], True),
    # the same read surely: a label of its own, not the name, so the second form names no
    # project and, with no indicators either, holds nothing a record could carry
    ("哽自名称", SURE, ["社区书屋运营"], False),
])
def test_a_form_whose_name_label_ocr_spoilt_is_a_form_of_its_own(
        label: str, conf: float, names: list[str | None], warned: bool) -> None:
    """The title repeated over a head that prints 主管部门 again is the next form, not a
    running page header of the form before, though OCR spoilt its 项目名称 label; a
    label read with doubt heading the head is that label, and says so."""
    g = load_grammar()
    grid = Grid(file="x.pdf", format="pdf-scanned",
                blocks=[*_self_form("项目名称", SURE, "社区书屋运营"),
                        *_self_form(label, conf, "古籍修复")])
    segments = segment(grid, g)
    assert len(segments) == 2
    doc = assemble_document(grid, segments, g, sha256="0" * 64)
    assert [f.project.name for f in doc.forms] == names
    assert doc.forms[0].project.implementer == "某区图书馆"
    assert any(w.code == "name-label-misread" for f in doc.forms for w in f.warnings) == warned


def test_a_running_title_over_the_rest_of_a_form_joins_it() -> None:
    """The title printed again at the top of the next page over rows of the head the form
    had not printed yet (a page break inside its head) is a running header."""
    first = [Line(SELF), Table([Cell("项目名称", 0, 0), Cell("社区书屋运营", 0, 1),
                                Cell("主管部门", 1, 0), Cell("某区文化局", 1, 1)])]
    rest = [Line(SELF), Table([Cell("实施单位", 0, 0), Cell("某区图书馆", 0, 1)])]
    assert _projects(first, rest) == ["社区书屋运营"]


SELF_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "备注"]


@pytest.mark.parametrize(("read", "conf", "role"), [
    ("得分", SURE, "score"),
    # one character misread, surely (a black-and-white scan): the one role the row lacks
    ("博分", 0.98, "score"),
    ("博分", DOUBT, "score"),
    # printed so in a text layer: a head of the table's own, not a misreading
    ("博分", None, "extra:博分"),
    # one character from 分值 (weight) and from 得分 (score): either, so neither
    ("得值", SURE, "extra:得值"),
])
def test_a_short_head_misread_takes_the_role_its_row_lacks(read: str, conf: float | None,
                                                           role: str) -> None:
    """Two-character heads lie one character from each other, too near to snap alone;
    in a header row naming every other role, a misread one is the role left open."""
    g = load_grammar()
    cells = [Cell(read if t == "得分" else t, 0, j, confidence=conf if t == "得分"
                  else (SURE if conf is not None else None)) for j, t in enumerate(SELF_HEAD)]
    (row,) = flatten(Grid(file="x.pdf", format="pdf-scanned", blocks=[Table(cells)]))
    cols = header_columns(g, None, row)
    assert cols is not None
    assert {c.col: c.role for c in cols}[6] == role


def test_a_misread_head_takes_no_role_the_row_names_already() -> None:
    """A head one character from 得分 beside a 得分 read as printed stays what it says."""
    g = load_grammar()
    cells = [Cell(t, 0, j, confidence=SURE) for j, t in enumerate([*SELF_HEAD, "博分"])]
    (row,) = flatten(Grid(file="x.pdf", format="pdf-scanned", blocks=[Table(cells)]))
    cols = header_columns(g, None, row)
    assert cols is not None
    assert [c.role for c in cols if c.role == "score"] == ["score"]
    assert {c.col: c.role for c in cols}[8] == "extra:博分"


def test_a_doubtful_row_of_many_cells_under_a_title_names_no_project() -> None:
    """The rule above takes a label and its value alone: a title over a row of an
    indicator table read with doubt (a photo) is not a head whose name OCR spoilt."""
    g = load_grammar()
    row = ["媒体采编成本减少", "减少", "减少", "10", "10"]
    grid = Grid(file="x.pdf", format="pdf-scanned", blocks=[
        Line(SELF, confidence=SURE),
        Table([Cell(t, 0, j, confidence=0.79 if j == 0 else SURE) for j, t in enumerate(row)])])
    doc = assemble_document(grid, segment(grid, g), g, sha256="0" * 64)
    assert [f.project.name for f in doc.forms if f.project.name] == []
