"""One segment → its form drafts (several when one table lists several projects).

Rows are read in order; each row goes to the reader of the section it opens
or continues: header fields, the 项目资金 block, goal texts, indicators, and
what is printed after the indicator table.
"""

from __future__ import annotations

from dataclasses import fields as dc_fields
from dataclasses import replace
from typing import Any

import regex

from perfparse.assemble.draft import FormDraft, provenance, warn
from perfparse.assemble.layout import choose_layout
from perfparse.assemble.project import project_record
from perfparse.extract.ocr.confidence import LOW
from perfparse.grammar import Grammar
from perfparse.normalise.align import NUMBER
from perfparse.normalise.columns import label_row
from perfparse.normalise.fields import assign, extra_pair, label_value_pairs
from perfparse.normalise.funds import FundsReader
from perfparse.normalise.goals import GoalsReader
from perfparse.normalise.govlevel import own_tier
from perfparse.normalise.indicators import IndicatorDraft, IndicatorReader, percent
from perfparse.normalise.values import ParsedValue, parse_amount, parse_score, quantity_like
from perfparse.segment import Row, Segment
from perfparse.validate.records import Warning_

_VALUE_FIELDS = tuple(f.name for f in dc_fields(ParsedValue))
_SPLIT = ("target_op", "target_number", "target_unit")
_SCORED = ("actual", "score")  # a table with these columns is a self-evaluation
_GLOSS = regex.compile(r"[（(][^()（）]*[)）]$")
_TOTAL_TOL = 0.011
_TARGET_OP_HEAD = "指标性质"  # where a comparator column's displaced cells are kept
_INLINE_LABEL_MAX = 12  # 某某：value in one cell is a label and its value


def _cell_confidence(row: Row) -> dict[str, float | None]:
    """Printed text → OCR confidence of the row's cells (None for a text layer or dump)."""
    return {rc.text: rc.cell.confidence for rc in row.cells if rc.cell is not None}


def _confidence(by_text: dict[str, float | None], texts: list[str]) -> float | None:
    """OCR confidence of a value printed in cells with these texts: the least certain
    of them. None for a text layer or dump, and when a text is not one printed cell
    of the row (joined from a row below or a page break): no confidence is better
    than a borrowed one."""
    got: list[float] = []
    for t in texts:
        c = by_text.get(t)
        if c is None:
            return None
        got.append(c)
    return min(got, default=None)


def _value(g: Grammar, cells: dict[str, str], role: str,
           confidence: dict[str, float | None],
           refs: dict[str, list[str]]) -> dict[str, Any] | None:
    if role == "target" and ("target_op" in cells or "target_unit" in cells
                             or ("target_number" in cells and "target" not in cells)):
        # Layouts printing comparator, number and unit in columns of their own (the
        # number under 指标值, or under a 目标值 head that names the whole target).
        op = cells.get("target_op", "")
        number = cells.get("target", cells.get("target_number", ""))
        raw = g.op_cells.get(g.key(op), op) + number + cells.get("target_unit", "")
        printed = [x for x in (op, number, cells.get("target_unit")) if x]
    else:
        raw = cells.get(role)
        printed = [raw] if raw else []
        if role == "actual" and raw and NUMBER.match(raw) and cells.get("actual_unit"):
            # One 计量单位 column printed before both value columns: a bare actual takes it.
            raw += cells["actual_unit"]
    if not raw:
        return None
    v = ParsedValue.fromstring(raw, g)
    # Cells of the row with this text, left to right: a target and an actual printed
    # alike (及时 | 及时) take the first and the next.
    ref = next((refs[t].pop(0) for t in printed if refs.get(t)), None)
    unit = cells.get("target_unit", "") if role == "target" else ""
    if v.value is None and (gloss := _GLOSS.search(unit)):
        # A unit column glossed in words (单位(文字描述): %(百分比)): the quantity is
        # read without the gloss, and raw keeps what was printed.
        v = replace(ParsedValue.fromstring(raw[: len(raw) - len(unit)] + unit[: gloss.start()],
                                           g), raw=raw)
    return {**{f: getattr(v, f) for f in _VALUE_FIELDS},
            "confidence": _confidence(confidence, printed), "ref": ref}


def _indicator(g: Grammar, file: str, seq: int, d: IndicatorDraft) -> dict[str, Any]:
    c = d.cells
    conf = _cell_confidence(d.row)
    refs: dict[str, list[str]] = {}
    for rc in d.row.cells:
        if rc.cell is not None and rc.cell.ref and not rc.carried:
            refs.setdefault(rc.text, []).append(rc.cell.ref)
    return {
        "seq": seq, "level1": d.level1, "level2": d.level2, "name": c.get("name"),
        "target": _value(g, c, "target", conf, refs),
        "actual": _value(g, c, "actual", conf, refs),
        "weight": parse_score(c["weight"], grammar=g) if "weight" in c else None,
        "score": parse_score(c["score"], grammar=g) if "score" in c else None,
        "completion_rate": percent(c.get("completion_rate"), g),
        "deviation_reason": c.get("deviation_reason"), "note": c.get("note"),
        "extras": d.extras, "provenance": provenance(file, d.row),
    }


class _Reader:
    """The section state machine of one segment."""

    def __init__(self, seg: Segment, g: Grammar) -> None:
        self.g = g
        self.layout = choose_layout(seg, g)
        self.fields: dict[str, str] = {}
        self.extras: dict[str, str] = {}
        self.funds = FundsReader(g)
        self._title = seg.title or ""
        self.goals = GoalsReader(g)
        self.inds = IndicatorReader(g, self.layout)
        self.section = "header"
        self._extra_key: str | None = None
        self._prev: Row | None = None
        self.name_label: str | None = None  # the head's first label, 项目名称 misread

    def feed(self, row: Row) -> None:
        if row.all_texts():
            # The department may be printed above the fund block, and names the form's level
            # where the title does not.
            self.funds.own = own_tier(self.g, (self._title,
                                               self.fields.get("project.department", "")))
            self._row(row)
            self._prev = row

    def _row(self, row: Row) -> None:
        g, inds, funds = self.g, self.inds, self.funds
        texts = row.texts()
        if self.section in ("indicators", "after") and inds.is_total(row):
            inds.read_total(row)
            self.section = "after"
            return
        if self.section == "indicators":
            if row.is_line and inds.caption(row.joined()) and not self.goals.header(row):
                return  # the caption column beside the rows, printed without its rulings
            if not row.is_line and not self._ends_table(texts):
                if not inds.header(row):
                    inds.read(row)
                return
            self.section = "after"
        if any(funds.is_section(t) for _, t in texts):
            self.section = "funds"
            funds.open(row)
            if not funds.header(row):
                funds.read(row)
            return
        if inds.header(row, self._prev):
            self.section = "indicators"
            return
        if label_row(g, self.layout, row) is not None:
            return  # group heads of the indicator header printed in the row below
        if funds.header(row):
            self.section = "funds"  # the block's heads, its caption cut off by a page break
            return
        if self.goals.header(row):
            self.section = "goals"
            return
        if self.section == "funds":
            for _, t in texts:  # a unit wrapped under the block's caption: （万元）
                funds.set_unit(t)
            if funds.header(row) or funds.read(row):
                return
        if self.section == "goals" and self.goals.owns(row):
            self.goals.read(row)
            return
        if self.section != "after" and funds.read(row, needs_amount=True):
            return
        self._pairs(row, texts)

    def _misread_name(self, row: Row, value: str) -> bool:
        """Whether a label/value row no field's label names is the form's 项目名称 row,
        its label spoilt by OCR (哽自名称): read with doubt, and the first row of the
        head, where this form family prints the project's name, and as a label and its
        value alone."""
        conf = row.confidence()
        return conf is not None and conf < LOW and not self.fields and not self.extras \
            and self.section == "header" and len(row.texts()) == 2 \
            and self.g.lookup(self.g.fields, value) is None

    def _ends_table(self, texts: list[tuple[int, str]]) -> bool:
        """A row led by a label printed after the indicator table (评价结论, 注:…, 填表人)."""
        g = self.g
        if not texts:
            return False
        first = texts[0][1]
        label, colon, value = first.replace(":", "：").partition("：")
        if colon and value and len(label) <= _INLINE_LABEL_MAX and g.key(label) and \
                not g.name_prefix.match(first) and len(texts) <= 2:
            return True  # 批复单位：某局 | 批复日期：… printed under the table
        return any(g.key(x) in g.section_ends or g.section_end_pattern.search(g.key(x))
                   or (g.lookup(g.fields, x) is not None and not g.lookup(g.ind_columns, x)
                       and g.key(x) not in g.captions)  # 绩效目标 also captions the table
                   for x in {first, label})

    def _pairs(self, row: Row, texts: list[tuple[int, str]]) -> None:
        g = self.g
        pairs = label_value_pairs(g, row)
        if pairs:
            for f, v, _ in pairs:
                if f == "funds_unit":
                    self.funds.set_unit(f"({v})")
                elif f.startswith("goals."):
                    if v:
                        self.goals.texts.setdefault(f, v)
                else:
                    assign(g, self.fields, f, v)
            self._extra_key = None
            return
        if (extra := extra_pair(g, row)) is not None:
            if self._misread_name(row, extra[1]):
                self.fields["project.name"], self.name_label = extra[1], extra[0]
                return
            self._extra_key = key = extra[0]
            self.extras[key] = f"{self.extras[key]} {extra[1]}" if key in self.extras \
                else extra[1]
        elif self._extra_key is not None and len(texts) == 1:  # the value runs on
            self.extras[self._extra_key] += " " + texts[0][1]


def _kind(seg: Segment, reader: _Reader) -> str | None:
    """The title's kind; with no title, the columns': actual values or scores make a
    self-evaluation. A matching layout file says it outright."""
    if reader.layout is not None:
        return reader.layout.form_kind
    if seg.kind is not None:
        return seg.kind
    roles = {c.role for c in reader.inds.columns}
    return "self_evaluation" if roles & set(_SCORED) else "target"


def _groups(drafts: list[IndicatorDraft]) -> tuple[list[list[IndicatorDraft]], str | None]:
    """Drafts split at each row that names a project (several projects in one table);
    also the department of a total row that names a unit but no project."""
    groups: list[list[IndicatorDraft]] = [[]]
    department: str | None = None
    for d in drafts:
        if d.project.get("project.name"):
            if groups[-1]:
                groups.append([])
        elif d.project and "name" not in d.cells:
            department = department or d.project.get("project.implementer") \
                or d.project.get("project.filer")
            continue
        groups[-1].append(d)
    return groups, department


def assemble_forms(seg: Segment, g: Grammar, file: str, first_index: int) -> list[FormDraft]:
    r = _Reader(seg, g)
    for row in seg.rows:
        r.feed(row)
    inds = r.inds
    inds.finish()
    kind = _kind(seg, r)
    funds = r.funds
    if inds.fund_row is not None:
        total = funds.draft(seg.start, "total", "预算执行率")
        for col in ("weight", "score"):
            if col in inds.fund_row:
                funds.put(total, col, inds.fund_row[col])
    funds.finish(kind)
    groups, department = _groups(inds.drafts) if inds.has_project_columns else (
        [inds.drafts], None)
    total = inds.total or {}
    forms: list[FormDraft] = []
    carried: dict[str, str] = {}  # a merged project column (单位名称) printed once
    for n, drafts in enumerate(groups):
        warnings: list[Warning_] = []
        fields = dict(r.fields)
        lead = drafts[0].project if drafts else {}
        for role in ("project.implementer", "project.department", "project.filer"):
            if role in lead:
                carried[role] = lead[role]
            elif role in carried:
                lead = {**lead, role: carried[role]}
        for role, text in lead.items():
            if role.startswith(("project.", "goals.")):
                fields[role] = text
        if department:
            fields.setdefault("project.department", department)
        form = FormDraft(
            form_index=first_index + n, form_kind=kind, title=seg.title,
            fiscal_year=seg.fiscal_year, layout=r.layout.name if r.layout else None,
            start=drafts[0].row if n and drafts else seg.start, file=file,
            funds_unit=funds.unit, multiplier=funds.multiplier,
            goals={k.split(".")[1]: v for k, v in r.goals.texts.items()},
            extras=dict(r.extras), warnings=warnings)
        form.goals.update({k.split(".")[1]: v for k, v in lead.items()
                           if k.startswith("goals.")})
        if set(form.goals) == {"overall"}:  # a form's only goal text is its annual goal
            form.goals = {"annual": form.goals["overall"]}
        form.project = project_record(g, fields, warnings)
        form.funds = _fund_lines(funds, file, lead, g)
        _read_indicators(form, g, file, drafts, inds)
        if n == len(groups) - 1:
            _totals(form, {k: parse_score(v, grammar=g) for k, v in total.items()})
        if r.name_label is not None and n == 0:
            warnings.append(warn("name-label-misread", f"the first label of the form's head "
                                 f"read {r.name_label!r}: its value taken as project.name",
                                 "project.name"))
        if not form.project.get("name"):
            if form.indicators and seg.title and (m := g.title_name.match(seg.title)):
                form.project["name"] = m.group("name")
                warnings.append(warn("name-from-title", "no 项目名称 printed; project.name "
                                     f"{m.group('name')!r} read from the title", "project.name"))
            else:
                warnings.append(warn("field-missing", "no project.name printed", "project.name"))
        if funds.shifted:
            warnings.append(warn("column-shift-repaired", "fund amounts realigned to their "
                                 f"columns on lines {', '.join(funds.shifted)}", "funds"))
        forms.append(form)
    return forms


def _totals(form: FormDraft, printed: dict[str, float | None]) -> None:
    """A 合计 / 总分 row's numbers: by their columns, and where a lone number stands in
    the other column, by what it adds up to (weights sum to the weight total)."""
    score, weight = printed.get("score"), printed.get("weight")
    weights = [i["weight"] for i in form.indicators if i["weight"] is not None]
    scores = [i["score"] for i in form.indicators if i["score"] is not None]
    fund = next((f for f in form.funds if f["line"] == "total"), {})
    weight_sum = sum(weights) + (fund.get("weight") or 0.0)
    score_sum = sum(scores) + (fund.get("score") or 0.0)
    if score is not None and weight is None and not scores and weights \
            and abs(score - weight_sum) <= _TOTAL_TOL:
        score, weight = None, score
    elif weight is not None and score is None and scores \
            and abs(weight - weight_sum) > _TOTAL_TOL and abs(weight - score_sum) <= _TOTAL_TOL:
        score, weight = weight, None
    form.total_score, form.total_weight = score, weight


def _fund_lines(funds: FundsReader, file: str, lead: dict[str, str],
                g: Grammar) -> list[dict[str, Any]]:
    lines = [{"line": d.line, "label": d.label, **d.values,
              "provenance": provenance(file, d.row) if d.row else None}
             for d in funds.lines.values() if d.values]
    if "fund.budget" in lead and not lines:
        # A multi-project table's 预算数 column: each project's own year budget.
        amount = parse_amount(lead["fund.budget"], funds.multiplier, grammar=g)
        if amount is not None:
            lines.append({"line": "total", "label": "预算数", "annual": amount})
    return lines


def _comparator(g: Grammar, text: str) -> bool:
    """A word the grammar maps to a comparator, or a sign the value parser reads as one
    (full-width ≧ ═ as OCR prints them)."""
    return bool(g.op_cells.get(g.key(text))) or ParsedValue.fromstring(
        f"{text}1", g).op is not None


def _target_in_parts(g: Grammar, drafts: list[IndicatorDraft]) -> None:
    """A target head over its parts in sub-columns (年度指标值 over 指标方向 | 指标值 |
    计量单位) keeps its role on the first, whose sub-head names no part: printing
    comparators (or 定性 where there is none), that column is the comparator's; printing
    directions (正向), it is the indicator's direction, an extra."""
    cells = [d.cells["target"] for d in drafts if "target" in d.cells]
    if not cells or not any("target_number" in d.cells for d in drafts) \
            or any("target_op" in d.cells for d in drafts):
        return
    if any(ch.isdigit() for t in cells for ch in t):
        return  # values of their own: the target column beside a 指标值 one
    ops = all(_comparator(g, t) or g.key(t) in g.op_cells for t in cells)
    for d in drafts:
        if "target" in d.cells:
            text = d.cells.pop("target")
            if ops:
                d.cells["target_op"] = text
            else:
                d.extras[_TARGET_OP_HEAD] = text


def _comparator_column(g: Grammar, drafts: list[IndicatorDraft]) -> str | None:
    """A column whose cells are all comparators (≥, ≤, =) is the comparator column,
    whatever its head says (指标方向 | 指标性质 holding 正向 / 反向): returns its head."""
    ops = [d.cells["target_op"] for d in drafts if "target_op" in d.cells]
    if ops and not any(_comparator(g, t) for t in ops):
        # 指标性质 holding only 正向 / 反向 / 定性 names the indicator's direction, not a
        # comparator: the value is the number and unit alone, the direction an extra.
        for d in drafts:
            if "target_op" in d.cells:
                d.extras[_TARGET_OP_HEAD] = d.cells.pop("target_op")
    labels = dict.fromkeys(k for d in drafts for k in d.extras)
    for label in labels:
        cells = [d.extras[label] for d in drafts if label in d.extras]
        if cells and all(_comparator(g, t) for t in cells) \
                and not (ops and all(_comparator(g, t) for t in ops)):
            for d in drafts:
                if "target_op" in d.cells:
                    d.extras[_TARGET_OP_HEAD] = d.cells.pop("target_op")
                if label in d.extras:
                    d.cells["target_op"] = d.extras.pop(label)
            return label
    return None


def _target_column(g: Grammar, drafts: list[IndicatorDraft],
                   inds: IndicatorReader) -> str | None:
    """A table whose heads name no target column: the first extra column whose cells
    are mostly quantities (≥90%, =12个) holds the targets. Returns its head."""
    if not drafts or any(c.role in ("target", *_SPLIT) for c in inds.columns):
        return None
    for c in inds.columns:
        label = c.label
        if not c.role.startswith("extra") or not any(label in d.extras for d in drafts):
            continue
        parsed = [ParsedValue.fromstring(d.extras[label], g).value is not None
                  for d in drafts if label in d.extras]
        if sum(parsed) * 2 >= len(drafts):
            for d in drafts:
                if label in d.extras:
                    d.cells["target"] = d.extras.pop(label)
            return label
    return None


def _read_indicators(form: FormDraft, g: Grammar, file: str, drafts: list[IndicatorDraft],
                     inds: IndicatorReader) -> None:
    w = form.warnings
    if moved := [d.cells.get("name", "?") for d in drafts if d.shifted]:
        w.append(warn("column-shift-repaired", f"{len(moved)} indicator rows had cells off "
                      f"their header columns, realigned by content: {'、'.join(moved[:5])}"
                      f"{'…' if len(moved) > 5 else ''}", "indicators"))
    for label in inds.unknown_levels:
        w.append(warn("level-unknown", f"level label {label!r} is in no grammar; kept as "
                      "printed (add it to levels.yaml if it is a synonym)", "indicators.level1"))
    _target_in_parts(g, drafts)
    _comparator_column(g, drafts)
    if (label := _target_column(g, drafts, inds)) is not None:
        w.append(warn("target-column-guessed", f"no column head names the target; the "
                      f"values of column {label!r} were read as the targets",
                      "indicators.target"))
    for d in drafts:
        if "name" not in d.cells:
            w.append(warn("indicator-unnamed", "an indicator row without a name was "
                          f"skipped: {d.row.joined()[:60]!r}", "indicators"))
            continue
        for msg in d.inferred:
            w.append(warn("level-inferred", msg, "indicators.level2"))
        ind = _indicator(g, file, len(form.indicators) + 1, d)
        form.indicators.append(ind)
        for role in ("target", "actual"):
            v = ind.get(role)
            if v and v.get("value") is None and quantity_like(v.get("raw") or "", g):
                w.append(warn("value-unreadable", f"{role} {v['raw']!r} of {ind['name']!r} "
                              "is printed as a quantity but reads as no number (a misread "
                              "digit or point?)", f"indicators.{role}"))

