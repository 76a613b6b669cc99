"""Render the gold documents (tests/gold/*.json) as born-digital PDFs in samples/pdf/.

    python scripts/make_samples.py              # samples/pdf/<stem>.pdf, one per gold document
    python scripts/make_samples.py --fixtures   # also tests/fixtures/pdf/

Each layout family of the seed documents is reproduced as an A4 form with a CJK font
embedded (Type0/Identity-H subsets, as Word/WPS exports write them), fully ruled tables,
merged cells where real forms merge them, and long tables running over pages: rows never
split, the indicator header row is repeated on the next page, and a merged level cell cut
by the break is drawn as two boxes (label on the first part only, or on both, alternating
by form). Seed 002's text layer says Kangxi radicals for some ideographs (项⽬), as many
real exports do. A form printed twice is rendered twice, identically. Nothing here leaves
a marker for the parser: it sees text and ruling lines, as in any Excel/Word/LibreOffice
export, and tests/fixtures/pdf/reportlab-form.pdf is the same form from another producer.

Fixtures: one-form, encrypted with an empty and with a real user password, truncated,
garbled (no ToUnicode map, Unicode CIDs: pdfminer reads ``(cid:…)``, pdfium the text),
no-form, reportlab-form.

Needs fpdf2, pikepdf and reportlab, and Debian's fonts-wqy-zenhei and fonts-dejavu-core.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pikepdf
from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
OUT = ROOT / "samples" / "pdf"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SYMBOL_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SYMBOLS = "☑☐"
TOKEN = r"[A-Za-z0-9.,%:/_\-+()=<>≥≤]+"  # never broken across lines

CREATED = datetime(2024, 3, 1, tzinfo=UTC)
PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 40.0, 48.0, 48.0
TABLE_W = PAGE_W - 2 * MARGIN_X
BODY_SIZE, LEADING, PAD = 9.0, 11.5, 3.5
MIN_ROW = 18.0


# ---------------------------------------------------------------- form description


@dataclass
class C:
    """One printed cell: text at (row, col) covering rowspan × colspan grid positions."""

    text: str
    row: int
    col: int
    rs: int = 1
    cs: int = 1
    align: str = "C"  # L, C or R
    repeat: bool = False  # print the label again on the part cut off by a page break


@dataclass
class Table:
    widths: list[float]  # fractions of the table width
    cells: list[C] = field(default_factory=list)
    header_row: int | None = None  # indicator header, repeated after a break below it

    @property
    def n_rows(self) -> int:
        return max(c.row + c.rs for c in self.cells)

    def add(self, row: int, *cells: tuple) -> None:
        for spec in cells:
            text, col, *rest = spec
            cs = rest[0] if rest else 1
            opts = rest[1] if len(rest) > 1 else {}
            self.cells.append(C(str(text), row, col, cs=cs, **opts))


@dataclass
class Part:
    """A title block plus its table; ``new_page`` starts it on a fresh page."""

    lines: list[tuple[str, float, str]]  # (text, size, align L/C/R or "LR" for a two-part line)
    table: Table
    new_page: bool = False


# ---------------------------------------------------------------- value printing


def money(v: float | None, style: int, wan: bool = False) -> str:
    if v is None:
        return ""
    if wan:
        return f"{v / 10000:.4f}".rstrip("0").rstrip(".")
    if style == 0:
        return f"{v:,.2f}"
    if style == 1:
        return f"{v:.2f}"
    return f"{v:.2f}".rstrip("0").rstrip(".")


def number(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def date(iso: str | None, style: int) -> str:
    if not iso:
        return ""
    y, m, d = (int(p) for p in iso.split("-"))
    return [iso, f"{y}/{m}/{d}", f"{y}年{m}月{d}日"][style % 3]


def raw(value: dict | None) -> str:
    return value["raw"] if value else ""


def fund(form: dict, line: str) -> dict:
    return next((f for f in form["funds"] if f["line"] == line), {})


def level_runs(indicators: list[dict], key) -> list[tuple[int, int]]:
    """(start, length) of runs of consecutive indicators sharing ``key``."""
    runs: list[tuple[int, int]] = []
    for i, ind in enumerate(indicators):
        if runs and key(indicators[runs[-1][0]]) == key(ind):
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def add_levels(t: Table, first_row: int, inds: list[dict], repeat: bool) -> None:
    """Level-1 cells in column 1 and level-2 cells in column 2, merged over their runs."""
    for start, n in level_runs(inds, lambda x: x["level1"]):
        t.cells.append(C(inds[start]["level1"], first_row + start, 1, rs=n, repeat=repeat))
    for start, n in level_runs(inds, lambda x: (x["level1"], x["level2"])):
        t.cells.append(C(inds[start]["level2"], first_row + start, 2, rs=n, repeat=repeat))


# ---------------------------------------------------------------- layout families


def target_form(form: dict, i: int) -> list[Part]:
    """Shanghai target declaration (seeds 000, 002): 6 columns."""
    p, style = form["project"], i % 3
    wan = form["funds_unit"] == "万元"
    t = Table([0.11, 0.22, 0.13, 0.22, 0.15, 0.17])
    nature_label = "项目类别" if i % 4 == 1 else "项目性质"  # some seeds print 项目类别 twice
    t.add(0, ("项目名称", 0), (p["name"], 1, 1, {"align": "L"}), (nature_label, 2),
          (p["nature"] or "", 3), ("项目类别", 4), (p["category"] or "", 5))
    t.add(1, ("主管部门", 0), (p["department"] or "", 1, 1, {"align": "L"}), ("实施单位", 2),
          (p["implementer"] or "", 3, 3, {"align": "L"}))
    t.add(2, ("计划开始日期", 0), (date(p["start_date"], style), 1), ("计划完成日期", 2),
          (date(p["end_date"], style), 3, 3))
    t.cells.append(C(f"项目资金\n({form['funds_unit']})", 3, 0, rs=4))
    tot, fis, car, oth = (fund(form, k) for k in ("total", "fiscal", "carryover", "other"))

    def m(f: dict, k: str) -> str:
        return money(f.get(k), style, wan)

    t.add(3, ("项目资金总额", 1), (m(tot, "project_total"), 2, 1, {"align": "R"}),
          ("年度资金申请总额", 3), (m(tot, "annual"), 4, 2, {"align": "R"}))
    t.add(4, ("其中：财政资金", 1), (m(fis, "project_total"), 2, 1, {"align": "R"}),
          ("其中：当年财政拨款", 3), (m(fis, "annual"), 4, 2, {"align": "R"}))
    t.add(5, ("", 1), ("", 2), ("上年结转资金", 3), (m(car, "annual"), 4, 2, {"align": "R"}))
    t.add(6, ("其他资金", 1), (m(oth, "project_total"), 2, 1, {"align": "R"}),
          ("其他资金", 3), (m(oth, "annual"), 4, 2, {"align": "R"}))
    t.cells.append(C("项目绩效目标", 7, 0, rs=2))
    years = f" ({form['fiscal_year']}年-{form['fiscal_year']}年)" if i % 2 == 0 else ""
    g = form["goals"]
    t.add(7, (f"项目总目标{years}", 1, 2), ("年度总体目标", 3, 3))
    t.add(8, (g["overall"] or "", 1, 2, {"align": "L"}), (g["annual"] or "", 3, 3, {"align": "L"}))
    inds = form["indicators"]
    repeat = i % 2 == 1
    t.cells.append(C("绩效指标", 9, 0, rs=len(inds) + 1, repeat=repeat))
    t.add(9, ("一级指标", 1), ("二级指标", 2), ("三级指标", 3),
          ("年度(/项目)指标值" if style != 1 else "年度指标值", 4, 2))
    t.header_row = 9
    add_levels(t, 10, inds, repeat)
    for k, ind in enumerate(inds):
        t.add(10 + k, (ind["name"], 3), (raw(ind["target"]), 4, 2))
    return [Part(title_lines(form), t)]


def title_lines(form: dict) -> list[tuple[str, float, str]]:
    return [(form["title"], 16, "C"), (f"({form['fiscal_year']}年度)", 11, "C")]


def selfeval_songjiang(form: dict, i: int) -> list[Part]:
    """Songjiang self-evaluation (seed 001): 9 columns, 分值/执行率/得分, 总分 row."""
    p = form["project"]
    t = Table([0.07, 0.1, 0.12, 0.14, 0.11, 0.11, 0.07, 0.08, 0.2])
    t.add(0, ("项目名称", 0), (p["name"], 1, 8, {"align": "L"}))
    t.add(1, ("主管部门", 0), (p["department"] or "", 1, 3), ("实施单位", 4),
          (p["implementer"] or "", 5, 4))
    t.cells.append(C(f"项目资金\n({form['funds_unit']})", 2, 0, rs=5))
    t.add(2, ("", 1, 2), ("年初预算数", 3), ("全年预算数", 4), ("全年执行数", 5), ("分值", 6),
          ("执行率", 7), ("得分", 8))
    rows = [("total", "年度资金总额"), ("fiscal", "其中：当年财政拨款"),
            ("carryover", "上年结转资金"), ("other", "其他资金")]
    for k, (line, label) in enumerate(rows):
        f = fund(form, line)
        rate = f.get("execution_rate")
        t.add(3 + k, (label, 1, 2, {"align": "L"}),
              (money(f.get("initial_budget"), 1 if k == 0 else 2), 3, 1, {"align": "R"}),
              (money(f.get("adjusted_budget"), 1 if k == 0 else 2), 4, 1, {"align": "R"}),
              (money(f.get("executed"), 0 if k == 0 else 2), 5, 1, {"align": "R"}),
              (number(f.get("weight")) if k == 0 else "—", 6),
              (f"{rate:.2f}%" if rate is not None else "", 7), (number(f.get("score")), 8))
    g = form["goals"]
    t.cells.append(C("年度总体目标", 7, 0, rs=2))
    t.add(7, ("预期目标", 1, 4), ("实际完成情况", 5, 4))
    t.add(8, (g["annual"] or "", 1, 4, {"align": "L"}), (g["actual"] or "", 5, 4, {"align": "L"}))
    inds = form["indicators"]
    repeat = i % 2 == 0
    t.cells.append(C("绩效指标", 9, 0, rs=len(inds) + 1, repeat=repeat))
    t.add(9, ("一级指标", 1), ("二级指标", 2), ("三级指标", 3), ("年度指标值", 4),
          ("实际完成值", 5), ("分值", 6), ("得分", 7), ("偏差原因分析及改进措施", 8))
    t.header_row = 9
    add_levels(t, 10, inds, repeat)
    for k, ind in enumerate(inds):
        t.add(10 + k, (ind["name"], 3), (raw(ind["target"]), 4), (raw(ind["actual"]), 5),
              (number(ind["weight"]), 6), (number(ind["score"]), 7),
              (ind["deviation_reason"] or "", 8, 1, {"align": "L"}))
    end = 10 + len(inds)
    weights = sum(ind["weight"] or 0 for ind in inds) + (fund(form, "total").get("weight") or 0)
    t.add(end, ("总分", 0, 6), (number(weights), 6), (f"{form['total_score']:.2f}", 7), ("", 8))
    return [Part(title_lines(form), t, new_page=i % 3 == 0)]


def selfeval_panzhihua(form: dict, i: int) -> list[Part]:
    """Panzhihua self-evaluation (seed 004): 8 columns, 万元, 完成率(%)."""
    p = form["project"]
    t = Table([0.07, 0.1, 0.11, 0.14, 0.17, 0.17, 0.1, 0.14])
    t.add(0, ("专项(项目)名称", 0, 2), (p["name"], 2, 6, {"align": "L"}))
    t.add(1, ("项目主管单位", 0, 2), (p["department"] or "", 2, 6, {"align": "L"}))
    t.add(2, ("项目实施单位", 0, 2), (p["implementer"] or "", 2, 6, {"align": "L"}))
    t.cells.append(C(f"项目资金\n({form['funds_unit']})", 3, 0, rs=5))
    t.add(3, ("", 1, 3), ("全年预算数", 4), ("实际完成数", 5), ("执行率(%)", 6, 2))
    wan = form["funds_unit"] == "万元"
    rows = [("total", "年度资金总额:"), ("fiscal_superior", "其中:上级财政资金"),
            ("fiscal_local", "本级财政资金"), ("other", "其他资金")]
    for k, (line, label) in enumerate(rows):
        f = fund(form, line)
        t.add(4 + k, (label, 1, 3, {"align": "L"}),
              (money(f.get("adjusted_budget"), 2, wan), 4), (money(f.get("executed"), 2, wan), 5),
              (number(f.get("execution_rate")), 6, 2))
    g = form["goals"]
    t.cells.append(C("年度总体目标", 8, 0, rs=2))
    t.add(8, ("年度设定目标", 1, 3), ("实际完成情况", 4, 4))
    t.add(9, (g["annual"] or "", 1, 3, {"align": "L"}), (g["actual"] or "", 4, 4, {"align": "L"}))
    inds = form["indicators"]
    repeat = i % 2 == 1
    t.cells.append(C("绩效指标", 10, 0, rs=len(inds) + 1, repeat=repeat))
    t.add(10, ("一级指标", 1), ("二级指标", 2), ("三级指标", 3), ("年度设定指标值", 4),
          ("实际完成值", 5), ("完成率(%)", 6), ("未完成原因和改进措施", 7))
    t.header_row = 10
    add_levels(t, 11, inds, repeat)
    for k, ind in enumerate(inds):
        rate = ind["completion_rate"]
        t.add(11 + k, (ind["name"], 3, 1, {"align": "L"}),
              (raw(ind["target"]), 4, 1, {"align": "L"}),
              (raw(ind["actual"]), 5, 1, {"align": "L"}),
              (f"{number(rate)}%" if rate is not None else "", 6),
              (ind["deviation_reason"] or "", 7, 1, {"align": "L"}))
    return [Part(title_lines(form), t, new_page=True)]


def checkboxes(options: list[str], chosen: str | None) -> str:
    return "  ".join(f"{o} {'☑' if o == chosen else '☐'}" for o in options)


def shanghai_2020(form: dict, i: int) -> list[Part]:
    """Shanghai 2020 three-part declaration (seed 003): overview, indicators, 制度保障."""
    p, g, year, unit = form["project"], form["goals"], form["fiscal_year"], form["funds_unit"]
    t = Table([0.16, 0.14, 0.16, 0.16, 0.16, 0.22])
    t.add(0, ("项目名称", 0), (p["name"], 1, 5, {"align": "L"}))
    t.add(1, ("项目类别", 0), (checkboxes(["一次性项目", "经常性项目", "中期预算试点项目"],
                                          p["nature"]), 1, 5, {"align": "L"}))
    t.add(2, ("项目负责人：", 0), (p["manager"] or "", 1), ("联系人：", 2), (p["contact"] or "", 3),
          ("联系电话：", 4), (p["phone"] or "", 5))
    t.add(3, ("起始日期：", 0), (p["start_date"] or "", 1, 2), ("结束日期：", 3),
          (p["end_date"] or "", 4, 2))
    t.add(4, ("项目概况", 0), (f"{p['name']}是面向市民的数字公共文化服务平台，"
                               f"{year}年计划进行平台运营工作。", 1, 5, {"align": "L"}))
    t.cells.append(C("项目立项情况", 5, 0, rs=3))
    for k, text in enumerate(["依据:上级部门关于构建现代公共文化服务体系的意见。",
                              "必要性:加强公共数字文化服务，保障“文化民生”。",
                              "可行性:主管单位掌握较丰富的行业资源和管理经验。"]):
        t.add(5 + k, (text, 1, 5, {"align": "L"}))
    tot, fis, loc = fund(form, "total"), fund(form, "fiscal"), fund(form, "fiscal_local")
    lines = [("二、当年预算：", tot.get("annual")), ("（一）财政拨款：", fis.get("annual")),
             ("1. 上级财政拨款：", None), ("2. 本级财政安排：", loc.get("annual")),
             ("3. 下级财政配套：", None), ("（二）其他资金：", None)]
    t.cells.append(C("项目资金", 8, 0, rs=len(lines) + 1))
    t.add(8, (f"一、项目总预算：{money(tot.get('project_total'), 2)}", 1, 5, {"align": "L"}))
    for k, (label, v) in enumerate(lines):
        t.add(9 + k, (label, 1, 2, {"align": "L"}), (money(v, 2), 3, 3, {"align": "L"}))
    r = 9 + len(lines)
    t.add(r, ("项目相关资源投入和制度建设情况", 0),
          ("由主管单位主管主办，以购买服务形式由专业公司完成项目运营。", 1, 5, {"align": "L"}))
    t.add(r + 1, ("项目总目标", 0), (g["overall"] or "", 1, 5, {"align": "L"}))
    t.add(r + 2, ("年度绩效目标", 0), (g["annual"] or "", 1, 5, {"align": "L"}))
    t.add(r + 3, ("需要说明的其他问题", 0), ("无", 1, 5, {"align": "L"}))
    unit_line = f"填报单位（盖章） {p['implementer']}"
    overview = Part([("附件3:", 11, "L"), (f"{form['title']}（项目总体情况）", 15, "C"),
                     (f"（ {year} 年）", 11, "C"), (f"{unit_line}|金额单位：{unit}", 10, "LR")], t)

    inds = form["indicators"]
    t2 = Table([0.1, 0.1, 0.16, 0.1, 0.1, 0.08, 0.09, 0.09, 0.09, 0.09])
    t2.add(0, ("项目构成", 0), ("主体活动（作业、任务）和对应产出的详细描述", 1),
           ("通过政府购买服务，委托专业公司完成项目的运营", 2, 8, {"align": "L"}))
    t2.cells.append(C("绩效目标", 1, 0, rs=len(inds) + 1))
    t2.add(1, ("一级目标", 1), ("二级目标", 2), ("三级目标", 3), ("目标值", 4), ("备 注", 5, 5))
    t2.header_row = 1
    for start, n in level_runs(inds, lambda x: x["level1"]):
        t2.cells.append(C(inds[start]["level1"], 2 + start, 1, rs=n))
    for k, ind in enumerate(inds):
        t2.add(2 + k, (f"{ind['level2']}（{ind['name']}）", 2, 1, {"align": "L"}), ("", 3),
               (raw(ind["target"]), 4), (ind["note"] or "", 5, 5, {"align": "L"}))
    r = 2 + len(inds)
    t2.cells.append(C("项目构成分解", r, 0, rs=2))
    for k, h in enumerate(["项目名称", "项目内容", "项目明细", "明细金额", "单价", "依据", "数量",
                           "依据", "备注"]):
        t2.add(r, (h, 1 + k))
    amount = money(tot.get("annual"), 2)
    for k, v in enumerate([f"{p['name']}内容运营", "内容运营", "内容运营_1", amount, amount, "",
                           "1", "", ""]):
        t2.add(r + 1, (v, 1 + k))
    t2.add(r + 2, ("金额合计", 0, 4), (amount, 4), *[("----", 5 + k) for k in range(5)])
    targets = Part([(f"{form['title']}（绩效目标）", 15, "C"), (f"（{year} 年）", 11, "C"),
                    (f"项目名称： {p['name']}", 10, "L"), (f"金额单位：{unit}", 10, "L")],
                   t2, new_page=True)

    t3 = Table([0.16, 0.22, 0.2, 0.14, 0.12, 0.16])
    t3.add(0, (f"项目名称：{p['name']}", 0, 6, {"align": "L"}))
    t3.add(1, ("制度保障", 0), ("文件名称", 1), ("具体措施", 2), ("保障阶段", 3, 3))
    for k, name in enumerate(["项目管理制度", "预算管理制度", "财务管理制度"]):
        r = 2 + 3 * k
        t3.cells.append(C(name, r, 0, rs=3))
        for j in range(3):
            mark = "☑" if j == 0 else "☐"
            doc = "《单位财务管理制度》" if j == 0 else ""
            t3.add(r + j, (doc, 1), (doc, 2), (f"立项和计划阶段 {mark}", 3),
                   (f"实施阶段 {mark}", 4), (f"收尾和完成阶段 {mark}", 5))
    rules = Part([("项目支出绩效目标申报表(制度保障)", 15, "C"), (f"({year} 年)", 11, "C")], t3,
                 new_page=True)
    return [overview, targets, rules]


FAMILIES = {"000": target_form, "002": target_form, "001": selfeval_songjiang,
            "003": shanghai_2020, "004": selfeval_panzhihua}
HEADINGS = {"002": "上海市绿化和市容宣传教育中心2023年度项目绩效目标汇总表"}
# Seed 002 is written with a look-alike text layer (see radical_text_layer).
RADICAL_DOCS = {"002"}
FIXTURE_SEED = "000_053aada0b46687b9"
RADICALS = {"目": "⽬", "长": "⻓", "门": "⻔", "见": "⻅", "用": "⽤", "工": "⼯", "高": "⾼",
            "行": "⾏", "人": "⼈", "方": "⽅", "生": "⽣", "车": "⻋", "马": "⻢"}


# ---------------------------------------------------------------- rendering


class Renderer:
    def __init__(self, repeat_header: bool = True) -> None:
        self.repeat_header = repeat_header  # print the indicator header again after a break
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creator("perfparse scripts/make_samples.py")
        self.pdf.set_creation_date(CREATED)  # the same bytes on every run
        self.pdf.add_font("cjk", fname=str(CJK_FONT))
        self.pdf.add_font("sym", fname=str(SYMBOL_FONT))
        self.pdf.set_font("cjk", size=BODY_SIZE)
        self.y = PAGE_H  # forces a first page
        self.part_no = 0

    # text measuring and wrapping ------------------------------------------------
    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split text into (font, run): the CJK font lacks the checkbox glyphs."""
        return [(("sym" if m[0] in SYMBOLS else "cjk"), m) for m in
                re.findall(f"[{SYMBOLS}]+|[^{SYMBOLS}]+", text)]

    def width(self, text: str) -> float:
        """Width at the current font size."""
        total = 0.0
        for font, run in self.runs(text):
            self.pdf.set_font(font)
            total += self.pdf.get_string_width(run)
        self.pdf.set_font("cjk")
        return total

    def put(self, x: float, y: float, text: str) -> None:
        for font, run in self.runs(text):
            self.pdf.set_font(font)
            self.pdf.text(x, y, run)
            x += self.pdf.get_string_width(run)
        self.pdf.set_font("cjk")

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        """Greedy wrap: CJK breaks anywhere, Latin/number runs stay whole."""
        self.pdf.set_font_size(size)
        out: list[str] = []
        for para in text.split("\n"):
            line = ""
            for tok in re.findall(rf"{TOKEN}|\s+|.", para):
                if self.width(line + tok) <= width or not line.strip():
                    line += tok
                else:
                    out.append(line.rstrip())
                    line = tok.lstrip()
            out.append(line.rstrip())
        return out

    def fit_size(self, text: str, width: float) -> float:
        """Shrink to fit, as Excel does, when a number or word is wider than its cell."""
        size = BODY_SIZE
        self.pdf.set_font_size(BODY_SIZE)
        longest = max(re.findall(TOKEN, text) or [""], key=len)
        while size > 5 and self.width(longest) * size / BODY_SIZE > width:
            size -= 0.5
        return size

    def layout_text(self, text: str, width: float, height: float) -> tuple[float, list[str]]:
        """Font size and lines for a cell: shrink to fit the width, then the height."""
        size = self.fit_size(text, width - 2 * PAD)
        while True:
            lines = self.wrap(text, width - 2 * PAD, size)
            if len(lines) * size * LEADING / BODY_SIZE + 2 * PAD <= height + 0.01 or size <= 6:
                return size, lines
            size -= 0.5

    def cell_height(self, c: C, width: float) -> float:
        size, lines = self.layout_text(c.text, width, PAGE_H / 2)
        return len(lines) * size * LEADING / BODY_SIZE + 2 * PAD

    # page handling --------------------------------------------------------------
    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = MARGIN_TOP

    def room(self) -> float:
        return PAGE_H - MARGIN_BOTTOM - self.y

    def text_line(self, text: str, size: float, align: str) -> None:
        self.pdf.set_font_size(size)
        base = self.y + size
        if align == "LR":
            left, right = text.split("|")
            self.put(MARGIN_X, base, left)
            self.put(PAGE_W - MARGIN_X - self.width(right), base, right)
        else:
            w = self.width(text)
            x = {"L": MARGIN_X, "C": (PAGE_W - w) / 2, "R": PAGE_W - MARGIN_X - w}[align]
            self.put(x, base, text)
        self.y += size * 1.9

    def render(self, parts: list[Part], heading: str | None,
               furniture: tuple[str, str, str] | None = None) -> bytes:
        """The parts as a PDF; ``furniture`` is :meth:`furnish`'s arguments, if any."""
        for n, part in enumerate(parts):
            heights, xs = self.measure(part.table)
            block = sum(s * 1.9 for _, s, _ in part.lines) + sum(heights[:3]) + 24
            if part.new_page or n == 0 or self.room() < block:
                self.new_page()
            else:
                self.y += 24
            if heading and n == 0:
                self.text_line(heading, 13, "C")
            for text, size, align in part.lines:
                self.text_line(text, size, align)
            self.draw_table(part.table, heights, xs, n)
        if furniture:
            self.furnish(*furniture)
        return bytes(self.pdf.output())

    def measure(self, t: Table) -> tuple[list[float], list[float]]:
        xs = [MARGIN_X]
        for w in t.widths:
            xs.append(xs[-1] + w * TABLE_W)
        heights = [MIN_ROW] * t.n_rows
        # Single-row cells first, then spans grow their last row if they still lack room.
        for c in sorted(t.cells, key=lambda c: c.rs):
            h = self.cell_height(c, xs[c.col + c.cs] - xs[c.col])
            have = sum(heights[c.row:c.row + c.rs])
            if h > have:
                heights[c.row + c.rs - 1] += h - have
        return heights, xs

    def draw_table(self, t: Table, heights: list[float], xs: list[float], part_no: int) -> None:
        """Place rows page by page; cells are drawn per page as the part they cover."""
        pages: list[list[int]] = [[]]  # rows drawn on each page, in order
        y = self.y
        for r in range(t.n_rows):
            # Keep the indicator header with the first indicator, as "keep with next" does.
            need = heights[r] + (heights[r + 1] if r == t.header_row else 0)
            if pages[-1] and PAGE_H - MARGIN_BOTTOM - y < need:
                pages.append([])
                y = MARGIN_TOP
                if self.repeat_header and t.header_row is not None and r > t.header_row:
                    pages[-1].append(t.header_row)
                    y += heights[t.header_row]
            pages[-1].append(r)
            y += heights[r]
        for n, rows in enumerate(pages):
            if n:
                self.new_page()
            self.draw_page_rows(t, heights, xs, self.y, rows, part_no)
        self.y = y

    def draw_page_rows(self, t: Table, heights: list[float], xs: list[float], top: float,
                       rows: list[int], part_no: int) -> None:
        ys = {}
        y = top
        for r in rows:
            ys[r] = y
            y += heights[r]
        header_again = t.header_row is not None and rows[0] == t.header_row and len(rows) > 1 \
            and rows[1] != t.header_row + 1
        # Alternate rect strokes and single lines, as different producers do.
        width = 0.5 if part_no % 2 == 0 else 0.75
        self.pdf.set_line_width(width)
        for c in t.cells:
            span = [r for r in rows if c.row <= r < c.row + c.rs]
            if not span:
                continue
            x0, x1 = xs[c.col], xs[c.col + c.cs]
            y0, y1 = ys[span[0]], ys[span[-1]] + heights[span[-1]]
            if part_no % 2 == 0:
                self.pdf.rect(x0, y0, x1 - x0, y1 - y0)
            else:
                for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)),
                             ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
                    self.pdf.line(*a, *b)
            # A span starting at a repeated header row (the 绩效指标 caption) is a continuation.
            first_part = c.row in span and not (header_again and c.row == rows[0] and c.rs > 1)
            if first_part or c.repeat:
                self.draw_text(c, x0, y0, x1, y1)

    def furnish(self, numbers: str, header: str, watermark: str) -> None:
        """Page furniture on every page: ``header`` as a running header over a rule,
        page numbers (``numbers``: ``dash`` for - N -, ``cn`` for 第 N 页 共 M 页) at the
        foot, and ``watermark`` in large light letters turned across the page."""
        total = self.pdf.page
        for no in range(1, total + 1):
            self.pdf.page = no
            self.pdf.set_font_size(8)
            self.put(MARGIN_X, 24, header)
            self.pdf.set_line_width(0.4)
            self.pdf.line(MARGIN_X, 28, PAGE_W - MARGIN_X, 28)
            foot = f"- {no} -" if numbers == "dash" else f"第 {no} 页 共 {total} 页"
            self.put((PAGE_W - self.width(foot)) / 2, PAGE_H - 22, foot)
            self.pdf.set_font_size(44)
            self.pdf.set_text_color(200)
            with self.pdf.rotation(30, PAGE_W / 2, PAGE_H / 2):
                self.put((PAGE_W - self.width(watermark)) / 2, PAGE_H / 2, watermark)
            self.pdf.set_text_color(0)
            self.pdf.set_font_size(BODY_SIZE)

    def draw_text(self, c: C, x0: float, y0: float, x1: float, y1: float) -> None:
        size, lines = self.layout_text(c.text, x1 - x0, y1 - y0)
        self.pdf.set_font_size(size)
        lead = size * LEADING / BODY_SIZE
        y = (y0 + y1) / 2 - len(lines) * lead / 2
        for line in lines:
            w = self.width(line)
            x = {"L": x0 + PAD, "C": (x0 + x1 - w) / 2, "R": x1 - PAD - w}[c.align]
            self.put(x, y + lead * 0.8, line)
            y += lead
        self.pdf.set_font_size(BODY_SIZE)


def document_parts(gold: dict, stem: str) -> list[Part]:
    family = FAMILIES[stem[:3]]
    # A duplicate is the same printout again, so it takes its original's styling too.
    return [p for i, form in enumerate(gold["forms"])
            for p in family(form, i if form["duplicate_of"] is None else form["duplicate_of"])]


def render_document(gold: dict, stem: str) -> bytes:
    data = Renderer().render(document_parts(gold, stem), HEADINGS.get(stem[:3]))
    return radical_text_layer(data) if stem[:3] in RADICAL_DOCS else data


# ---------------------------------------------------------------- fixtures


def tounicode(font) -> dict[int, int]:
    """A ToUnicode CMap's one-to-one entries (the only kind fpdf2 writes): code → code point."""
    text = font.ToUnicode.read_bytes().decode("ascii")
    return {int(a, 16): int(b, 16) for a, b in
            re.findall(r"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>$", text, re.M)}


def widths(w) -> dict[int, float]:
    """A CIDFont /W array (``c [w…]`` and ``c_first c_last w`` forms) as CID → width."""
    out: dict[int, float] = {}
    items, k = list(w), 0
    while k < len(items):
        first = int(items[k])
        if isinstance(items[k + 1], pikepdf.Array):
            out.update({first + j: float(v) for j, v in enumerate(items[k + 1])})
            k += 2
        else:
            out.update({c: float(items[k + 2]) for c in range(first, int(items[k + 1]) + 1)})
            k += 3
    return out


def unicode_cids(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Re-encode a page's Type0 fonts with Unicode values as CIDs and no ToUnicode map.

    Some Chinese reporting tools write fonts this way (CIDSystemInfo Adobe-UCS, no
    ToUnicode): pdfminer then reads ``(cid:…)`` while pdfium reads the text, which is
    the fallback the extractor must take.
    """
    recode: dict[str, dict[int, int]] = {}
    for name, font in page.Resources.Font.items():
        cmap = tounicode(font)
        desc = font.DescendantFonts[0]
        old_map = desc.CIDToGIDMap.read_bytes()
        new_map = bytearray(2 * 65536)
        old_w, new_w = widths(desc.W), []
        for cid, u in cmap.items():
            new_map[2 * u:2 * u + 2] = old_map[2 * cid:2 * cid + 2]
            new_w += [u, [old_w.get(cid, float(desc.DW))]]
        desc.CIDToGIDMap = pdf.make_stream(bytes(new_map))
        desc.W = pikepdf.Array(new_w)
        del font["/ToUnicode"]
        recode[name] = cmap

    def re_encode(s: pikepdf.String, cmap: dict[int, int]) -> pikepdf.String:
        b = bytes(s)
        codes = [cmap.get(int.from_bytes(b[k:k + 2], "big"), 0) for k in range(0, len(b), 2)]
        return pikepdf.String(b"".join(c.to_bytes(2, "big") for c in codes))

    ops, font = [], ""
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "Tf":
            font = str(operands[0])
        elif str(op) == "Tj":
            operands = [re_encode(operands[0], recode[font])]
        elif str(op) == "TJ":
            operands = [pikepdf.Array([re_encode(x, recode[font])
                                       if isinstance(x, pikepdf.String) else x
                                       for x in operands[0]])]
        ops.append((operands, op))
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def radical_text_layer(data: bytes) -> bytes:
    """Make the text layer say Kangxi radicals / radical supplements for some ideographs.

    Fonts that map one glyph to both code points lead exporters to write the radical in
    ToUnicode (项⽬ for 项目, ⻓效 for 长效); the page looks the same.
    """
    with pikepdf.open(BytesIO(data)) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if "/ToUnicode" not in font:
                    continue
                text = font.ToUnicode.read_bytes().decode("ascii")
                for ideograph, radical in RADICALS.items():
                    text = re.sub(rf"> <{ord(ideograph):04X}>$", f"> <{ord(radical):04X}>",
                                  text, flags=re.M)
                font.ToUnicode = pdf.make_stream(text.encode("ascii"))
        out = BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def reportlab_form(form: dict) -> bytes:
    """The same target form through another producer (reportlab platypus: simple TrueType
    subset fonts, grid lines drawn per cell side, spans by SPAN commands), to show the
    extractor depends on no detail of the fpdf2 renderer above."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(TTFont("wqy", str(CJK_FONT), subfontIndex=0))
    body = ParagraphStyle("body", fontName="wqy", fontSize=9, leading=11, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=20, alignment=1)
    (part,) = target_form(form, 0)
    t = part.table
    data = [["" for _ in t.widths] for _ in range(t.n_rows)]
    spans = []
    for c in t.cells:
        data[c.row][c.col] = Paragraph(c.text.replace("\n", "<br/>"), body)
        if c.rs > 1 or c.cs > 1:
            spans.append(("SPAN", (c.col, c.row), (c.col + c.cs - 1, c.row + c.rs - 1)))
    table = RLTable(data, colWidths=[w * TABLE_W for w in t.widths],
                    style=[("GRID", (0, 0), (-1, -1), 0.6, "black"),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans])
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=True)
    doc.build([Paragraph(text, title if size > 12 else body) for text, size, _ in part.lines]
              + [Spacer(1, 6), table])
    return out.getvalue()


def make_fixtures() -> None:
    """Broken PDFs for the error paths, from a one-page form (seed 000's first form)."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    gold = json.loads((GOLD / f"{FIXTURE_SEED}.json").read_text(encoding="utf-8"))
    form = render_document({"forms": gold["forms"][:1]}, FIXTURE_SEED)
    (FIXTURES / "one-form.pdf").write_bytes(form)
    (FIXTURES / "reportlab-form.pdf").write_bytes(reportlab_form(gold["forms"][0]))
    with pikepdf.open(BytesIO(form)) as pdf:
        pdf.save(FIXTURES / "encrypted-empty-password.pdf",
                 encryption=pikepdf.Encryption(user="", owner="owner-secret", R=6))
        pdf.save(FIXTURES / "encrypted-with-password.pdf",
                 encryption=pikepdf.Encryption(user="user-secret", owner="owner-secret", R=6))
        unicode_cids(pdf, pdf.pages[0])
        pdf.save(FIXTURES / "garbled-font.pdf")
    (FIXTURES / "truncated.pdf").write_bytes(form[: len(form) // 3])
    no_form = Renderer()
    no_form.new_page()
    for text in ("关于2023年度项目支出绩效自评工作的通知", "各预算单位：",
                 "请于3月31日前完成项目支出绩效自评，并报送自评表。"):
        no_form.text_line(text, 12, "L")
    (FIXTURES / "no-form.pdf").write_bytes(bytes(no_form.pdf.output()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", action="store_true", help="also write tests/fixtures/pdf/")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for f in sorted(GOLD.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        (OUT / f"{f.stem}.pdf").write_bytes(render_document(gold, f.stem))
        print(f"{OUT / f.stem}.pdf")
    if args.fixtures:
        make_fixtures()
        print(FIXTURES)


if __name__ == "__main__":
    main()
