"""The table notations of other conversion and OCR tools: CSV, pipe rows without the
outer pipes, grid tables and LaTeX tabular.

Two kinds of test. Small hand-written inputs with their cells written out by hand, the
edge cases of each notation. And cross-format invariance: every bundled sample and
text or HTML layout document is written again in each notation (tests/dumpformats.py) and must parse
to the same records as the original (notations without spans: as the TAB dump of the
same grid, since merged cells become empty fields there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dumpformats import NOTATIONS, write
from perfparse import ParseError, parse_bytes
from perfparse.extract import extract
from perfparse.extract.text.dumps import extract_text
from perfparse.grid import Grid, Line, Table

HERE = Path(__file__).resolve().parent
# The seeds, and the text and HTML documents of the layout sets (held-out layouts of
# other regions); their spreadsheets and PDFs are not dumps.
SOURCES = sorted((HERE.parent / "samples").glob("*.txt")) + sorted(
    p for folder in ("layouts", "regions", "regions2", "regions3", "regions4")
    for p in (HERE / folder).iterdir()
    if p.suffix in (".html", ".md", ".txt") and p.name[:1].isdigit())
SPANS = ("grid", "latex")  # notations that print merged cells as one cell


def _cells(text: str, encoding: str = "utf-8") -> list[list[tuple[str, int, int, int, int]]]:
    grid = extract_text("t.txt", text.encode(encoding))
    return [[(c.text, c.row, c.col, c.rowspan, c.colspan) for c in b.cells]
            for b in grid.blocks if isinstance(b, Table)]


CASES: list[tuple[str, str, list[list[tuple[str, int, int, int, int]]]]] = [
    ("csv: quoted comma, doubled quote, line break; merged cells are empty fields",
     '项目名称,"培训,会议",项目类别\n"年度\n目标","说""好""",\n,,经常性项目\n',
     [[("项目名称", 0, 0, 1, 1), ("培训,会议", 0, 1, 1, 1), ("项目类别", 0, 2, 1, 1),
       ("年度目标", 1, 0, 1, 1), ('说"好"', 1, 1, 1, 1), ("经常性项目", 2, 2, 1, 1)]]),
    ("csv: an empty row ends a table, a quoted lone field is a line",
     'a,b,c\n1,2,3\n,,\n"注:x,y"\nd,e,f\n',
     [[("a", 0, 0, 1, 1), ("b", 0, 1, 1, 1), ("c", 0, 2, 1, 1), ("1", 1, 0, 1, 1),
       ("2", 1, 1, 1, 1), ("3", 1, 2, 1, 1)], [("d", 0, 0, 1, 1), ("e", 0, 1, 1, 1),
                                               ("f", 0, 2, 1, 1)]]),
    ("csv: a sheet's padded title row alone is a table row",
     "绩效自评表,,,,\n", [[("绩效自评表", 0, 0, 1, 1)]]),
    ("bare pipes: a leading pipe is an empty first cell",
     "一级指标 | 二级指标 | 三级指标\n | 数量指标 | 培训人次\n",
     [[("一级指标", 0, 0, 1, 1), ("二级指标", 0, 1, 1, 1), ("三级指标", 0, 2, 1, 1),
       ("数量指标", 1, 1, 1, 1), ("培训人次", 1, 2, 1, 1)]]),
    ("bare pipes: two columns with a separator line",
     "指标 | 值\n--- | ---\n满意度 | ≥90%\n",
     [[("指标", 0, 0, 1, 1), ("值", 0, 1, 1, 1)], [("满意度", 0, 0, 1, 1), ("≥90%", 0, 1, 1, 1)]]),
    ("grid: header rule, a cell over two columns, a cell over two rows, wrapped text",
     "+--------+------+------+\n"
     "| 一级指 | 二级 | 指标 |\n"
     "| 标     |      | 值   |\n"
     "+========+======+======+\n"
     "| 产出   | 数量 | 10   |\n"
     "|        +------+------+\n"
     "|        | 质量 | 95%  |\n"
     "+--------+------+------+\n"
     "| 满意度指标    | 90%  |\n"
     "+---------------+------+\n",
     [[("一级指标", 0, 0, 1, 1), ("二级", 0, 1, 1, 1), ("指标值", 0, 2, 1, 1),
       ("产出", 1, 0, 2, 1), ("数量", 1, 1, 1, 1), ("10", 1, 2, 1, 1), ("质量", 2, 1, 1, 1),
       ("95%", 2, 2, 1, 1), ("满意度指标", 3, 0, 1, 2), ("90%", 3, 2, 1, 1)]]),
    ("grid: drawn counting characters, not display columns; Latin words rejoin with a space",
     "+------+----------+\n"
     "| 项目名称 | Minhang  |\n"
     "|      | Times    |\n"
     "+------+----------+\n",
     [[("项目名称", 0, 0, 1, 1), ("Minhang Times", 0, 1, 1, 1)]]),
    ("grid: PrettyTable, a rule only under the header, one row a line",
     "+------+------+\n| 指标 | 值   |\n+------+------+\n| 数量 | 10   |\n| 质量 | 95%  |\n"
     "+------+------+\n",
     [[("指标", 0, 0, 1, 1), ("值", 0, 1, 1, 1), ("数量", 1, 0, 1, 1), ("10", 1, 1, 1, 1),
       ("质量", 2, 0, 1, 1), ("95%", 2, 1, 1, 1)]]),
    ("grid: tabulate's psql style",
     "+------+------+\n| 指标 | 值   |\n|------+------|\n| 数量 | 10   |\n| 质量 | 95%  |\n"
     "+------+------+\n",
     [[("指标", 0, 0, 1, 1), ("值", 0, 1, 1, 1), ("数量", 1, 0, 1, 1), ("10", 1, 1, 1, 1),
       ("质量", 2, 0, 1, 1), ("95%", 2, 1, 1, 1)]]),
    ("latex: multirow with empty cells below, multicolumn, escapes and comparators",
     "\\begin{tabular}{|c|c|c|}\n\\hline\n"
     "\\multirow{2}{*}{产出指标} & 完成率 & $\\geq$ 90\\% \\\\ \\cline{2-3}\n"
     " & 成本\\_A \\& B & \\leq 5万元 \\\\ \\hline\n"
     "\\multicolumn{2}{|c|}{\\textbf{满意度}} & $>$80 \\\\\n\\hline\n\\end{tabular}\n",
     [[("产出指标", 0, 0, 2, 1), ("完成率", 0, 1, 1, 1), ("≥ 90%", 0, 2, 1, 1),
       ("成本_A & B", 1, 1, 1, 1), ("≤ 5万元", 1, 2, 1, 1), ("满意度", 2, 0, 1, 2),
       (">80", 2, 2, 1, 1)]]),
    ("latex: as Mathpix writes it, spaces in the arguments and math in a cell",
     "\\begin{tabular}{|c|c|c|}\n\\hline 项目名称 & \\multicolumn{2}{|c|}{ 社区书屋 } \\\\\n"
     "\\hline \\multirow{2}{*}{ 资金 } & 年度 & 100 \\\\\n"
     "\\cline { 2 - 3 } & 其中：财政 & 50 \\\\\n"
     "\\hline 指标 & 满意度 & $\\geq 90 \\%$ \\\\\n\\hline\n\\end{tabular}",
     [[("项目名称", 0, 0, 1, 1), ("社区书屋", 0, 1, 1, 2), ("资金", 1, 0, 2, 1),
       ("年度", 1, 1, 1, 1), ("100", 1, 2, 1, 1), ("其中：财政", 2, 1, 1, 1), ("50", 2, 2, 1, 1),
       ("指标", 3, 0, 1, 1), ("满意度", 3, 1, 1, 1), ("≥90%", 3, 2, 1, 1)]]),
    ("latex: a cell over two rows and two columns, booktabs, a cell's own line breaks",
     "\\begin{tabular*}{\\textwidth}{@{}lll@{}}\\toprule\n"
     "\\multicolumn{2}{c}{\\multirow{2}{*}{项目资金}} & \\makecell{年度\\\\预算} \\\\[2pt]\n"
     "\\multicolumn{2}{c}{} & 100 \\\\ \\midrule\n"
     "a & b & c \\\\ \\bottomrule\n\\end{tabular*}",
     [[("项目资金", 0, 0, 2, 2), ("年度预算", 0, 2, 1, 1), ("100", 1, 2, 1, 1),
       ("a", 2, 0, 1, 1), ("b", 2, 1, 1, 1), ("c", 2, 2, 1, 1)]]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_notation_cells(text: str, expected: list[list[tuple[str, int, int, int, int]]]) -> None:
    assert _cells(text) == expected


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_csv_as_excel_saves_it(encoding: str) -> None:
    assert _cells("项目名称,测试项目,金额\r\n主管部门,某局,\"1,000.00\"\r\n", encoding) == [[
        ("项目名称", 0, 0, 1, 1), ("测试项目", 0, 1, 1, 1), ("金额", 0, 2, 1, 1),
        ("主管部门", 1, 0, 1, 1), ("某局", 1, 1, 1, 1), ("1,000.00", 1, 2, 1, 1)]]


@pytest.mark.parametrize("text", [
    "本项目资金1,200.00万元,已全部到位。\n执行情况良好, 无偏差。\n",
    "预算数1,200.00万元\n执行数1,150.00万元\n",
    "选择 A | B 两种方案之一。\n",
    "甲方 | 乙方\n双方协商一致\n",
    "He said, well, fine.\nShe said, no.\n",
    "+ 加分项:\n| 备注\n",
    # Wrapped prose with as many commas in each line: a space after them, or too few lines.
    "Levels are read by column, not vocabulary, so a shifted row, a merged cell,\n"
    "and a missing header, each in its own table, are all kept.\nDone, then.\n",
    "加强森林草原火灾预防,开展防火宣传40场次以上,组建扑火队伍15支,\n"
    "森林火灾受害率控制在0.9‰以内,不发生重特大森林火灾,全年巡护,\n",
])
def test_prose_stays_prose(text: str) -> None:
    grid = extract_text("p.txt", text.encode())
    assert all(isinstance(b, Line) for b in grid.blocks), grid.blocks


@pytest.mark.parametrize("text", [
    "\\begin{tabular}{cc} a & \\multirow{x}{*}{b",
    "\\begin{tabular}{cc}\\multicolumn{99999999}{c}{x} & \\\\ \\end{tabular}",
    "\\begin{tabular}{\\end{tabular}\\end{tabular}\\begin{tabular}",
    "+---+---+\n| a | b\n+---+\n| c |\n+---+---+\n",
    "+---+\n|\n+",
    '"unclosed,quote\n' + "x,y,z\n" * 50,
    "a | b | c\n" + "|" * 500 + "\n",
])
def test_malformed_tables_degrade(text: str) -> None:
    grid = extract_text("m.txt", text.encode())
    assert isinstance(grid, Grid)


def _record(grid_or_bytes: bytes) -> dict[str, Any]:
    doc = parse_bytes("d.txt", grid_or_bytes).model_dump(mode="json")
    doc["warnings"] = [w for w in doc["warnings"] if w["code"] != "encoding-detected"]
    return _without(doc, {"source", "provenance"})


def _without(x: Any, keys: set[str]) -> Any:
    if isinstance(x, dict):
        return {k: _without(v, keys) for k, v in x.items() if k not in keys}
    if isinstance(x, list):
        return [_without(v, keys) for v in x]
    return x


def _cell_shape(table: Table) -> list[tuple[str, int, int, int, int]]:
    """The cells with text, rows and columns numbered among the borders a drawing of the
    table shows: a column that every row spans (HTML allows one) has no border of its own
    in a grid table, and is one column with its neighbour there."""
    covered = {(r, k) for c in table.cells for r in range(c.row, c.row + c.rowspan)
               for k in range(c.col, c.col + c.colspan)}
    boxes = [(c.row, c.col, c.row + c.rowspan, c.col + c.colspan) for c in table.cells] + [
        (r, k, r + 1, k + 1) for r in range(table.n_rows) for k in range(table.n_cols)
        if (r, k) not in covered]
    ys = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    xs = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    return sorted((c.text, ys.index(c.row), xs.index(c.col),
                   ys.index(c.row + c.rowspan) - ys.index(c.row),
                   xs.index(c.col + c.colspan) - xs.index(c.col))
                  for c in table.cells if c.text)


def _shape(grid: Grid) -> list[Any]:
    return [b.text if isinstance(b, Line) else _cell_shape(b) for b in grid.blocks]


@pytest.mark.parametrize("notation", NOTATIONS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name[:12]}")
def test_same_records_in_every_notation(src: Path, notation: str) -> None:
    data = src.read_bytes()
    grid = extract(src.name, data)
    spans = any(c.rowspan > 1 or c.colspan > 1 for t in grid.tables() for c in t.cells)
    try:
        original = _record(data if notation in SPANS or not spans
                           else write(grid, "tsv").encode())
    except ParseError as e:
        pytest.fail(f"the original does not parse: {e}")
    converted = write(grid, notation)
    if notation in SPANS:  # the same grid, spans and all
        assert _shape(extract_text("c.txt", converted.encode())) == _shape(grid)
    for encoding in ("utf-8", "gb18030") if notation == "csv" else ("utf-8",):
        assert _record(converted.encode(encoding)) == original
