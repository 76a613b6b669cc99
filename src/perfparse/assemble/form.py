"""One segment → one form record (as a dict in the contract's shape).

Rows are read in order; each row goes to the reader of the section it opens
or continues: header fields, the 项目资金 block, goal texts, indicators.
"""

from __future__ import annotations

from dataclasses import fields as dc_fields
from typing import Any

from perfparse.assemble.layout import choose_layout
from perfparse.grammar import Grammar
from perfparse.normalise.fields import assign, extra_pair, label_value_pairs
from perfparse.normalise.funds import FundsReader
from perfparse.normalise.goals import GoalsReader
from perfparse.normalise.indicators import IndicatorDraft, IndicatorReader, percent
from perfparse.normalise.values import ParsedValue, parse_date, parse_score
from perfparse.segment import Row, Segment

Warn = dict[str, Any]
_VALUE_FIELDS = tuple(f.name for f in dc_fields(ParsedValue))


def _warn(code: str, message: str, field: str | None = None) -> Warn:
    return {"code": code, "message": message, "field": field}


def _provenance(file: str, row: Row) -> dict[str, Any]:
    return {"file": file, "page": row.page, "row": row.row, "line": row.line}


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
           confidence: dict[str, float | None]) -> dict[str, Any] | None:
    split = ("target_op", "target_number", "target_unit")
    if role == "target" and "target" not in cells and any(k in cells for k in split):
        # Layouts printing comparator, number and unit in columns of their own.
        op = cells.get("target_op", "")
        raw = g.op_cells.get(g.key(op), op) + cells.get("target_number", "") + cells.get(
            "target_unit", "")
        printed = [cells[k] for k in split if cells.get(k)]
    else:
        raw = cells.get(role)
        printed = [raw] if raw else []
    if not raw:
        return None
    v = ParsedValue.fromstring(raw)
    return {**{f: getattr(v, f) for f in _VALUE_FIELDS},
            "confidence": _confidence(confidence, printed)}


def _indicator(g: Grammar, file: str, seq: int, d: IndicatorDraft) -> dict[str, Any]:
    c = d.cells
    conf = _cell_confidence(d.row)
    return {
        "seq": seq, "level1": d.level1, "level2": d.level2, "name": c.get("name"),
        "target": _value(g, c, "target", conf), "actual": _value(g, c, "actual", conf),
        "weight": parse_score(c["weight"]) if "weight" in c else None,
        "score": parse_score(c["score"]) if "score" in c else None,
        "completion_rate": percent(c.get("completion_rate")),
        "deviation_reason": c.get("deviation_reason"), "note": c.get("note"),
        "provenance": _provenance(file, d.row),
    }


def _project(g: Grammar, fields: dict[str, str], warnings: list[Warn]) -> dict[str, Any]:
    p: dict[str, Any] = {k.split(".", 1)[1]: v for k, v in fields.items()
                         if k.startswith("project.")}
    name = p.get("name")
    if name and (m := g.project_code.match(name)):
        p["code"], p["name"] = m.group("code"), m.group("name")
    for k in ("start_date", "end_date"):
        if p.get(k):
            d = parse_date(p[k])
            if d is None:
                warnings.append(_warn("date-unreadable", f"{k} {p[k]!r} is not a date",
                                      f"project.{k}"))
            p[k] = d.isoformat() if d else None
    return p


def assemble_form(seg: Segment, g: Grammar, file: str, index: int) -> dict[str, Any]:
    layout, matched = choose_layout(seg, g)
    warnings: list[Warn] = []
    if not matched:
        warnings.append(_warn("layout-unknown", f"no layout template matched {seg.title!r}; "
                              f"read with {layout.name!r} — add a grammars/layouts file"))
    fields: dict[str, str] = {}
    funds = FundsReader(g)
    goals = GoalsReader(g)
    inds = IndicatorReader(g, layout)
    section = "header"
    extras: dict[str, str] = {}
    extra_key: str | None = None
    for row in seg.rows:
        texts = row.texts()
        if not row.all_texts():
            continue
        if section == "indicators":
            if inds.is_total(row):
                inds.read_total(row)
                section = "after"
                continue
            if not any(g.key(t) in g.section_ends for _, t in texts) and not inds.header(row):
                inds.read(row)
                continue
            section = "after"
        if any(funds.is_section(t) for _, t in texts):
            section = "funds"
            for _, t in texts:
                funds.set_unit(t)
            if not funds.header(row):
                funds.read(row)
            continue
        if inds.header(row):
            section = "indicators"
            continue
        if goals.header(row):
            section = "goals"
            continue
        if section == "funds" and (funds.header(row) or funds.read(row)):
            continue
        if section == "goals":
            goals.read(row)
            continue
        pairs = label_value_pairs(g, row)
        if pairs:
            for f, v, _ in pairs:
                if f == "funds_unit":
                    funds.set_unit(f"({v})")
                elif f.startswith("goals."):
                    goals.texts.setdefault(f, v)
                else:
                    assign(g, fields, f, v)
            extra_key = None
            continue
        if (extra := extra_pair(g, row)) is not None:
            extra_key = extra[0]
            extras[extra_key] = f"{extras[extra_key]} {extra[1]}" if extra_key in extras \
                else extra[1]
        elif extra_key is not None and len(texts) == 1:  # the value runs on in the next row
            extras[extra_key] += " " + texts[0][1]

    for f in ("project.name",):
        if f not in fields:
            warnings.append(_warn("field-missing", f"no {f} printed", f))
    if funds.shifted:
        warnings.append(_warn("column-shift-repaired", "fund amounts realigned to their "
                              f"columns on lines {', '.join(funds.shifted)}", "funds"))
    if inds.shifted:
        warnings.append(_warn("column-shift-repaired", f"{inds.shifted} indicator rows had "
                              "cells off their header columns; realigned by content",
                              "indicators"))
    inds.finish()
    indicators = []
    for d in inds.drafts:
        if "name" not in d.cells:
            warnings.append(_warn("indicator-unnamed", "an indicator row without a name was "
                                  f"skipped: {d.row.joined()[:60]!r}", "indicators"))
            continue
        for msg in d.inferred:
            warnings.append(_warn("level-inferred", msg, "indicators.level2"))
        indicators.append(_indicator(g, file, len(indicators) + 1, d))
    total = inds.total or {}
    return {
        "form_index": index, "form_kind": seg.kind, "title": seg.title,
        "fiscal_year": seg.fiscal_year, "duplicate_of": None, "layout": layout.name,
        "project": _project(g, fields, warnings),
        "funds_unit": funds.unit, "_multiplier": funds.multiplier,
        "funds": [{"line": d.line, "label": d.label, **d.values,
                   "provenance": _provenance(file, d.row) if d.row else None}
                  for d in funds.lines.values() if d.values],
        "goals": {k.split(".")[1]: v for k, v in goals.texts.items()},
        "indicators": indicators,
        "total_score": parse_score(total["score"]) if "score" in total else None,
        "_total_weight": parse_score(total["weight"]) if "weight" in total else None,
        "extras": extras,
        "warnings": warnings,
        "provenance": _provenance(file, seg.start),
        # What was printed, for spotting a form printed twice.
        "_printed": (seg.title, tuple(tuple(t for _, t in r.texts()) for r in seg.rows)),
    }

