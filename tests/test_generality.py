"""The parser reads a form from its own structure, not from the files it was built on.

One neutral spec of a project (fields, funds, six indicators) is rendered as many
different forms: TAB / Markdown / HTML dumps, target forms and self-evaluations,
value columns in another order and under other header words, level labels that no
grammar lists (with and without a score suffix), one- and two-row headers, the
target in one cell or split over 指标性质/指标值/度量单位, and several title lines
(or none). The cases combine these axes so that every pair of values meets at
least once, and the expected records are derived from the spec — the builder
knows what it printed — never from the parser's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, product

import pytest

from perfparse import parse_bytes
from perfparse.validate.records import Form, Value

# --------------------------------------------------------------------------- the specs


@dataclass(frozen=True)
class Ind:
    """One indicator as the spec states it; ``op`` "" marks a qualitative target."""

    levels: tuple[str, str]  # (level1, level2) in the standard wording
    name: str
    op: str
    number: str  # the number, or the text of a qualitative target
    unit: str
    actual: str
    actual_value: float | None
    weight: float
    score: float
    reason: str = ""


@dataclass(frozen=True)
class Project:
    name: str
    department: str
    implementer: str
    goal: str
    outcome: str
    annual_wan: str  # a target form's 年度资金总额 in 万元
    budget: tuple[int, int, int]  # self-evaluation: 年初预算数, 全年预算数, 全年执行数 (元)
    rate: str
    fund_weight: float
    fund_score: float
    indicators: tuple[Ind, ...] = field(default_factory=tuple)

    @property
    def total_score(self) -> float:
        return round(self.fund_score + sum(i.score for i in self.indicators), 2)


RIVER = Project(
    name="青溪河岸线生态巡护项目", department="青溪县水务局", implementer="青溪县河湖管护中心",
    goal="全年巡护青溪河干支流岸线26公里以上，布设水质监测点位14个，保持岸线植被覆盖率稳定。",
    outcome="完成岸线巡护27.5公里，建成监测点位14个，岸线植被覆盖率达到64.2%。",
    annual_wan="45", budget=(420000, 450000, 432000), rate="96.00%", fund_weight=10,
    fund_score=9.6,
    indicators=(
        Ind(("产出指标", "数量指标"), "巡护河道长度", "≥", "26", "公里", "27.5公里", 27.5, 20, 20),
        Ind(("产出指标", "数量指标"), "布设水质监测点位", "=", "14", "个", "14个", 14, 15, 15),
        Ind(("产出指标", "质量指标"), "监测数据有效率", "≥", "92", "%", "95.5%", 95.5, 15, 15),
        Ind(("产出指标", "时效指标"), "巡护日志上报", "", "及时", "", "基本及时", None, 10, 8,
            "汛期个别日志延迟上报，已建立周报提醒机制"),
        Ind(("效益指标", "生态效益指标"), "岸线植被覆盖率", "≥", "63", "%", "64.2%", 64.2, 15, 15),
        Ind(("满意度指标", "服务对象满意度指标"), "沿岸居民满意度", "≥", "88", "%", "91%", 91,
            15, 15),
    ),
)

LUNCH = Project(
    name="山区小学营养午餐配送项目", department="石湾县教育局",
    implementer="石湾县学生营养餐管理中心",
    goal="为全县32所山区小学每日配送营养午餐，保证留样检测合格，学生营养状况得到改善。",
    outcome="全年配送覆盖32所学校，留样检测全部合格，配送准时率93%。",
    annual_wan="130", budget=(1280000, 1300000, 1274000), rate="98.00%", fund_weight=10,
    fund_score=9.8,
    indicators=(
        Ind(("产出指标", "数量指标"), "配送覆盖学校数", "=", "32", "所", "32所", 32, 20, 20),
        Ind(("产出指标", "质量指标"), "午餐留样检测合格率", "≥", "98", "%", "100%", 100, 15, 15),
        Ind(("产出指标", "时效指标"), "配送准时率", "≥", "95", "%", "93%", 93, 15, 13.5,
            "冬季道路结冰致部分班次延误，已增配备用车辆"),
        Ind(("产出指标", "成本指标"), "单餐配送成本", "≤", "6.5", "元", "6.2元", 6.2, 10, 10),
        Ind(("效益指标", "社会效益指标"), "学生营养状况", "", "明显改善", "", "明显改善", None,
            15, 15),
        Ind(("满意度指标", "服务对象满意度指标"), "学生家长满意度", "≥", "90", "%", "94%", 94,
            15, 15),
    ),
)

# --------------------------------------------------------------------------- the axes

FORMATS = ("tab", "md", "html")
KINDS = ("target", "self_evaluation")
OPS = {"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<"}

# Level labels no grammar lists (grammars/levels.yaml); printed as they stand.
UNSEEN_LEVELS = {
    "产出指标": "任务完成指标", "数量指标": "数量目标", "质量指标": "工作质量指标",
    "时效指标": "进度目标", "成本指标": "经费控制目标",
    "效益指标": "实施效果指标", "生态效益指标": "环境改善效果", "社会效益指标": "民生改善效果",
    "满意度指标": "公众满意度指标", "服务对象满意度指标": "群众获得感",
}
# level style → (rename the labels?, print a score suffix on level1?)
LEVEL_STYLES = {
    "standard": (False, False),
    "unseen": (True, False),
    "scored": (False, True),
    "unseen_scored": (True, True),
}

# Indicator value columns: (role, header label) in printed order, per form kind and style.
# A target form's plain style has no weight column at all.
COLUMN_STYLES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "target": {
        "canonical": [("name", "三级指标"), ("target", "年度指标值")],
        "permuted": [("name", "三级指标"), ("weight", "分值"), ("target", "年度指标值")],
        "synonyms": [("name", "指标名称"), ("target", "目标值"), ("weight", "权重")],
        "permuted_synonyms": [("name", "指标名称"), ("weight", "权重"), ("target", "年度目标值")],
    },
    "self_evaluation": {
        "canonical": [("name", "三级指标"), ("target", "年度指标值"), ("actual", "实际完成值"),
                      ("weight", "分值"), ("score", "得分"),
                      ("reason", "偏差原因分析及改进措施")],
        "permuted": [("name", "三级指标"), ("weight", "分值"), ("target", "年度指标值"),
                     ("actual", "全年实际值"), ("score", "得分"),
                     ("reason", "未完成原因分析")],
        "synonyms": [("name", "指标名称"), ("target", "目标值"), ("actual", "完成值"),
                     ("weight", "权重"), ("score", "得分"), ("reason", "偏差原因分析及改进措施")],
        "permuted_synonyms": [("name", "指标名称"), ("target", "年度目标值"), ("weight", "权重"),
                              ("score", "得分"), ("actual", "全年实际值"),
                              ("reason", "偏差原因分析及改进措施")],
    },
}
# title style → the title line per kind; None prints no title at all.
TITLES: dict[str, dict[str, str | None]] = {
    "target": {"usual": "项目支出绩效目标表", "variant": "项目支出绩效目标审批表", "none": None},
    "self_evaluation": {"usual": "项目支出绩效自评表", "variant": "项目自评表", "none": None},
}
YEAR = {"target": 2024, "self_evaluation": 2023}


@dataclass(frozen=True)
class Case:
    fmt: str
    kind: str
    columns: str
    levels: str
    header: str  # one_row | two_rows
    target_cells: int  # 1 | 3
    title: str

    @property
    def file_name(self) -> str:
        return f"form.{ {'tab': 'txt', 'md': 'md', 'html': 'html'}[self.fmt]}"

    @property
    def id(self) -> str:
        return (f"{self.fmt}-{self.kind}-{self.columns}-{self.levels}-{self.header}-"
                f"{self.target_cells}cell-title_{self.title}")


def _pairwise(axes: dict[str, tuple]) -> list[tuple]:
    """Greedy all-pairs: few rows in which every two values of two axes meet."""
    names = list(axes)

    def pairs(row: tuple) -> set[tuple]:
        return {(a, row[a], b, row[b]) for a, b in combinations(range(len(names)), 2)}

    todo = set().union(*(pairs(r) for r in product(*axes.values())))
    rows = []
    while todo:
        best = max(product(*axes.values()), key=lambda r: len(pairs(r) & todo))
        rows.append(best)
        todo -= pairs(best)
    return rows


# Format and kind form one axis, and so do header and target cells, so that each format
# and each kind meets every other value, and every header shape meets both kinds.
CASES = [
    Case(fk[0], fk[1], cols, lv, hc[0], hc[1], title)
    for fk, cols, lv, hc, title in _pairwise({
        "format_kind": tuple(product(FORMATS, KINDS)),
        "columns": tuple(COLUMN_STYLES["target"]),
        "levels": tuple(LEVEL_STYLES),
        "header_and_target_cells": tuple(product(("one_row", "two_rows"), (1, 3))),
        "title": ("usual", "variant", "none"),
    })
]

# --------------------------------------------------------------------------- the builder


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Row = list[Cell | None]  # None: covered by a merged cell above or to the left


def _num(x: float) -> str:
    return f"{x:g}"


def _span_row(cells: list[Cell], width: int) -> Row:
    """Cells left to right; the last one spans to the table's right edge."""
    row: Row = []
    for i, c in enumerate(cells):
        if i == len(cells) - 1:
            c.colspan = width - len(row)
        row += [c] + [None] * (c.colspan - 1)
    return row


def _level_labels(p: Project, style: str) -> list[tuple[str, str, str, str]]:
    """Per indicator: printed level1, printed level2, expected level1, expected level2."""
    rename, suffix = LEVEL_STYLES[style]
    group_weight: dict[str, float] = {}
    for i in p.indicators:
        group_weight[i.levels[0]] = group_weight.get(i.levels[0], 0) + i.weight
    groups = list(group_weight)
    out = []
    for i in p.indicators:
        l1, l2 = (UNSEEN_LEVELS[x] if rename else x for x in i.levels)
        printed = l1
        if suffix:  # alternate half- and full-width brackets
            w = _num(group_weight[i.levels[0]])
            printed += f"({w}分)" if groups.index(i.levels[0]) % 2 == 0 else f"（{w}分）"
        out.append((printed, l2, l1, l2))
    return out


def _columns(case: Case) -> list[tuple[str, str, str | None]]:
    """(role, label, group head or None) for every printed indicator column."""
    two = case.header == "two_rows"
    cols: list[tuple[str, str, str | None]] = [
        ("level1", "一级指标", "绩效指标" if two else None),
        ("level2", "二级指标", "绩效指标" if two else None),
    ]
    style = COLUMN_STYLES[case.kind][case.columns]
    for n, (role, label) in enumerate(style):
        beside = {r for r, _ in style[max(n - 1, 0):n + 2]}  # this column and its neighbours
        if role == "target" and case.target_cells == 3:
            group = label if two else None
            cols += [("target_op", "指标性质", group), ("target_number", "指标值", group),
                     ("target_unit", "度量单位", group)]
        elif two and role in ("weight", "score") and beside >= {"weight", "score"}:
            cols.append((role, label, "自评得分"))
        else:
            cols.append((role, label, "绩效指标" if two and role == "name" else None))
    return cols


def _header_rows(cols: list[tuple[str, str, str | None]], two_rows: bool) -> list[Row]:
    if not two_rows:
        return [[Cell(label) for _, label, _ in cols]]
    top: Row = []
    bottom: Row = []
    k = 0
    while k < len(cols):
        group = cols[k][2]
        if group is None:
            top.append(Cell(cols[k][1], rowspan=2))
            bottom.append(None)
            k += 1
            continue
        n = 1
        while k + n < len(cols) and cols[k + n][2] == group:
            n += 1
        top += [Cell(group, colspan=n)] + [None] * (n - 1)
        bottom += [Cell(label) for _, label, _ in cols[k:k + n]]
        k += n
    return [top, bottom]


def _indicator_cells(ind: Ind, cols: list[tuple[str, str, str | None]], l1: str,
                     l2: str) -> list[str]:
    target_one = ind.op + ind.number + ind.unit
    values = {
        "level1": l1, "level2": l2, "name": ind.name, "target": target_one,
        "target_op": ind.op or "定性", "target_number": ind.number, "target_unit": ind.unit,
        "actual": ind.actual, "weight": _num(ind.weight), "score": _num(ind.score),
        "reason": ind.reason,
    }
    return [values[role] for role, _, _ in cols]


def _form_rows(case: Case, p: Project) -> tuple[list[Row], int]:
    """The table rows of one project's form, and the table width."""
    cols = _columns(case)
    self_eval = case.kind == "self_evaluation"
    width = max(len(cols), 8 if self_eval else 4)
    rows: list[Row] = [
        _span_row([Cell("项目名称"), Cell(p.name)], width),
        _span_row([Cell("主管部门"), Cell(p.department), Cell("实施单位"), Cell(p.implementer)],
                  width),
    ]
    if self_eval:
        a, b, c = (f"{x:.2f}" for x in p.budget)
        rows += [
            _span_row([Cell("项目资金（元）", rowspan=3), Cell(""), *map(Cell, (
                "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))], width),
            [None, *_span_row([Cell("年度资金总额"), *map(Cell, (
                a, b, c, _num(p.fund_weight), p.rate, _num(p.fund_score)))], width - 1)],
            [None, *_span_row([Cell("其中：财政拨款"), *map(Cell, (
                a, b, c, "—", "—", "—"))], width - 1)],
            _span_row([Cell("年度绩效目标"), Cell(p.goal)], width),
            _span_row([Cell("实际完成情况"), Cell(p.outcome)], width),
        ]
    else:
        rows += [
            _span_row([Cell("项目资金（万元）", rowspan=2), Cell("年度资金总额"),
                       Cell(p.annual_wan)], width),
            [None, *_span_row([Cell("其中：财政拨款"), Cell(p.annual_wan)], width - 1)],
            _span_row([Cell("年度绩效目标"), Cell(p.goal)], width),
        ]
    rows += [r + [None] * (width - len(r)) for r in _header_rows(cols, case.header == "two_rows")]
    labels = _level_labels(p, case.levels)
    for n, ind in enumerate(p.indicators):
        l1, l2 = labels[n][0], labels[n][1]
        texts = _indicator_cells(ind, cols, l1, l2)
        row: Row = [Cell(t) for t in texts] + [Cell("") for _ in range(width - len(cols))]
        for k, key in ((0, lambda m: labels[m][0]), (1, lambda m: labels[m][:2])):
            if n and key(n) == key(n - 1):
                row[k] = None  # merged with the cell above
            else:
                span = 1
                while n + span < len(labels) and key(n + span) == key(n):
                    span += 1
                row[k] = Cell(texts[k], rowspan=span)
        rows.append(row)
    if self_eval:
        total = [Cell("") for _ in range(width)]
        total[0] = Cell("总分")
        roles = [role for role, _, _ in cols]
        total[roles.index("weight")] = Cell("100")
        total[roles.index("score")] = Cell(_num(p.total_score))
        rows.append(list(total))
    return rows, width


def _render(fmt: str, title_lines: list[str], rows: list[Row]) -> str:
    if fmt == "html":
        body = []
        for r in rows:
            tds = []
            for c in r:
                if c is None:
                    continue
                attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                    f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                tds.append(f"<td{attrs}>{c.text}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        head = "".join(f"<p>{t}</p>\n" for t in title_lines)
        return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n'
                f'{head}<table border="1">\n' + "\n".join(body) + "\n</table>\n</body></html>\n")
    texts = [["" if c is None else c.text for c in r] for r in rows]
    if fmt == "tab":  # OCR dumps print a merged cell once and leave the rest empty
        return "\n".join([*title_lines, *("\t".join(t) for t in texts)]) + "\n"
    lines = ["| " + " | ".join(t) + " |" for t in texts]
    lines.insert(1, "|" + "---|" * len(texts[0]))
    return "\n".join([*title_lines, "", *lines]) + "\n" if title_lines else "\n".join(lines) + "\n"


def build(case: Case, projects: tuple[Project, ...] = (RIVER,)) -> bytes:
    """The text dump of ``case`` holding one form per project, all in one table."""
    title = TITLES[case.kind][case.title]
    title_lines = [title, f"（{YEAR[case.kind]}年度）"] if title else []
    parts = [_form_rows(case, p) for p in projects]
    width = max(w for _, w in parts)
    rows = [r + [Cell("")] * (width - len(r)) for rs, _ in parts for r in rs]
    return _render(case.fmt, title_lines, rows).encode("utf-8")


# --------------------------------------------------------------------------- the expectations


def _check_form(form: Form, case: Case, p: Project) -> None:
    printed = {role for role, _, _ in _columns(case)}
    self_eval = case.kind == "self_evaluation"
    assert form.form_kind == case.kind
    assert form.project.name == p.name

    levels = [(e1, e2, i.name) for i, (_, _, e1, e2) in
              zip(p.indicators, _level_labels(p, case.levels), strict=True)]
    assert [(i.level1, i.level2, i.name) for i in form.indicators] == levels

    def value(v: Value | None) -> tuple[str, str | None, float | None, str | None] | None:
        return None if v is None else (v.raw, v.op, v.value, v.unit)

    targets = [(i.op + i.number + i.unit, OPS.get(i.op), float(i.number) if i.op else None,
                i.unit or None) for i in p.indicators]
    assert [value(i.target) for i in form.indicators] == targets

    actuals = [(i.actual, i.actual_value) if self_eval else None for i in p.indicators]
    assert [(i.actual.raw, i.actual.value) if i.actual else None
            for i in form.indicators] == actuals

    weights = [i.weight if "weight" in printed else None for i in p.indicators]
    scores = [i.score if self_eval else None for i in p.indicators]
    assert [i.weight for i in form.indicators] == weights
    assert [i.score for i in form.indicators] == scores
    reasons = [(i.reason or None) if self_eval else None for i in p.indicators]
    assert [i.deviation_reason for i in form.indicators] == reasons

    assert form.total_score == (p.total_score if self_eval else None)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_form_variant(case: Case) -> None:
    doc = parse_bytes(case.file_name, build(case))
    assert len(doc.forms) == 1
    _check_form(doc.forms[0], case, RIVER)


TWO_PROJECT_CASES = [Case(fmt, kind, "canonical", "standard", "one_row", 1, "usual")
                     for fmt in FORMATS for kind in KINDS]


@pytest.mark.parametrize("case", TWO_PROJECT_CASES, ids=lambda c: f"{c.fmt}-{c.kind}")
def test_two_projects_in_one_table(case: Case) -> None:
    """Two 项目名称 blocks one after the other, under one title: two forms."""
    doc = parse_bytes(case.file_name, build(case, (RIVER, LUNCH)))
    assert [f.project.name for f in doc.forms] == [RIVER.name, LUNCH.name]
    for form, p in zip(doc.forms, (RIVER, LUNCH), strict=True):
        _check_form(form, case, p)


def test_the_cases_cover_every_pair() -> None:
    """The table stays a real combination of the axes as it is edited."""
    assert 24 <= len(CASES) <= 40
    for kind in KINDS:
        mine = [c for c in CASES if c.kind == kind]
        assert {c.fmt for c in mine} == set(FORMATS)
        assert {c.columns for c in mine} == set(COLUMN_STYLES[kind])
        assert {c.levels for c in mine} == set(LEVEL_STYLES)
        assert len({(c.header, c.target_cells) for c in mine}) == 4
        assert {c.title for c in mine} == set(TITLES[kind])
