"""One :class:`Document` → rows of the flat tables (spec/records.md, "Flat exports").

Ids are ``<sha256>:<form position>[:<table>:<row position>]``: the same file
always yields the same ids, so re-ingesting it updates rows instead of adding
them. Positions are list positions rather than printed numbers (``seq``,
``form_index``), which a faulty form could repeat.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfparse.sink.schema import MONEY_SCALE, POINTS_SCALE

if TYPE_CHECKING:
    from perfparse.validate.records import Document, Form, FundLine, Indicator, Value

Row = dict[str, Any]
Tables = dict[str, list[Row]]

_MONEY_Q = Decimal(1).scaleb(-MONEY_SCALE)
_POINTS_Q = Decimal(1).scaleb(-POINTS_SCALE)


def _decimal(x: float | None, quantum: Decimal) -> Decimal | None:
    if x is None or not math.isfinite(x):
        return None
    # repr() gives the shortest text that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055.
    return Decimal(repr(x)).quantize(quantum)


def money(x: float | None) -> Decimal | None:
    return _decimal(x, _MONEY_Q)


def points(x: float | None) -> Decimal | None:
    return _decimal(x, _POINTS_Q)


def form_id(sha256: str, form_pos: int) -> str:
    return f"{sha256}:{form_pos}"


def flatten_document(doc: Document) -> Tables:
    sha = doc.source.sha256
    tables: Tables = {"files": [], "projects": [], "fund_lines": [], "indicators": [],
                      "scores": [], "warnings": []}
    n_warnings = len(doc.warnings)
    for pos, form in enumerate(doc.forms):
        pid = form_id(sha, pos)
        tables["projects"].append(_project(doc, form, pid))
        tables["fund_lines"] += [_fund_line(sha, pid, form, i, f) for i, f in enumerate(form.funds)]
        tables["indicators"] += [_indicator(sha, pid, form, i, ind)
                                 for i, ind in enumerate(form.indicators)]
        tables["scores"] += _scores(sha, pid, form)
        tables["warnings"] += [
            {"id": f"{pid}:warn:{i}", "sha256": sha, "project_id": pid,
             "form_index": form.form_index, "position": i, "code": w.code,
             "message": w.message, "field": w.field}
            for i, w in enumerate(form.warnings)]
        n_warnings += len(form.warnings)
    tables["warnings"] += [
        {"id": f"{sha}:doc:warn:{i}", "sha256": sha, "project_id": None, "form_index": None,
         "position": i, "code": w.code, "message": w.message, "field": w.field}
        for i, w in enumerate(doc.warnings)]
    tables["files"].append({
        "id": sha, "file": doc.source.file, "format": doc.source.format,
        "forms": len(doc.forms), "indicators": len(tables["indicators"]),
        "warnings": n_warnings})
    return tables


def _project(doc: Document, form: Form, pid: str) -> Row:
    total = next((f for f in form.funds if f.line == "total"), None)
    p = form.project
    prov = form.provenance
    return {
        "id": pid, "sha256": doc.source.sha256, "file": doc.source.file,
        "form_index": form.form_index, "form_kind": form.form_kind, "title": form.title,
        "fiscal_year": form.fiscal_year, "duplicate_of": form.duplicate_of,
        "layout": form.layout, "name": p.name, "code": p.code, "nature": p.nature,
        "category": p.category, "department": p.department, "implementer": p.implementer,
        "start_date": p.start_date, "end_date": p.end_date, "manager": p.manager,
        "contact": p.contact, "phone": p.phone, "funds_unit": form.funds_unit,
        "funds_total_project": money(total.project_total) if total else None,
        "funds_total_annual": money(total.annual) if total else None,
        "funds_total_initial": money(total.initial_budget) if total else None,
        "funds_total_adjusted": money(total.adjusted_budget) if total else None,
        "funds_total_executed": money(total.executed) if total else None,
        "funds_execution_rate": total.execution_rate if total else None,
        "goal_overall": form.goals.overall, "goal_annual": form.goals.annual,
        "goal_actual": form.goals.actual, "total_score": points(form.total_score),
        "indicators": len(form.indicators), "warnings": len(form.warnings),
        "extras": dict(form.extras),
        "page": prov.page if prov else None, "line": prov.line if prov else None,
    }


def _fund_line(sha: str, pid: str, form: Form, pos: int, f: FundLine) -> Row:
    prov = f.provenance
    return {
        "id": f"{pid}:fund:{pos}", "sha256": sha, "project_id": pid,
        "form_index": form.form_index, "position": pos, "line": f.line, "label": f.label,
        "project_total": money(f.project_total), "annual": money(f.annual),
        "initial_budget": money(f.initial_budget), "adjusted_budget": money(f.adjusted_budget),
        "executed": money(f.executed), "execution_rate": f.execution_rate,
        "weight": points(f.weight), "score": points(f.score),
        "page": prov.page if prov else None, "row": prov.row if prov else None,
    }


def _value_cols(prefix: str, v: Value | None) -> Row:
    return {
        f"{prefix}_raw": v.raw if v else None, f"{prefix}_op": v.op if v else None,
        f"{prefix}_value": v.value if v else None,
        f"{prefix}_value_max": v.value_max if v else None,
        f"{prefix}_unit": v.unit if v else None,
        f"{prefix}_base_value": v.base_value if v else None,
        f"{prefix}_base_unit": v.base_unit if v else None,
        f"{prefix}_confidence": v.confidence if v else None,
    }


def _indicator(sha: str, pid: str, form: Form, pos: int, ind: Indicator) -> Row:
    prov = ind.provenance
    return {
        "id": f"{pid}:ind:{pos}", "sha256": sha, "project_id": pid,
        "form_index": form.form_index, "position": pos, "seq": ind.seq,
        "level1": ind.level1, "level2": ind.level2, "name": ind.name,
        **_value_cols("target", ind.target), **_value_cols("actual", ind.actual),
        "weight": points(ind.weight), "score": points(ind.score),
        "completion_rate": ind.completion_rate, "deviation_reason": ind.deviation_reason,
        "note": ind.note, "extras": dict(ind.extras),
        "page": prov.page if prov else None, "row": prov.row if prov else None,
    }


def _scores(sha: str, pid: str, form: Form) -> list[Row]:
    """Scored lines: budget execution (fund lines with 分值/得分), indicators, total."""
    def row(kind: str, ref: str | None, label: str | None, weight: float | None,
            score: float | None, key: str) -> Row:
        return {"id": f"{pid}:score:{key}", "sha256": sha, "project_id": pid,
                "form_index": form.form_index, "kind": kind, "ref": ref, "label": label,
                "weight": points(weight), "score": points(score)}

    out = [row("budget", f.line, f.label, f.weight, f.score, f"fund:{i}")
           for i, f in enumerate(form.funds) if f.weight is not None or f.score is not None]
    out += [row("indicator", str(ind.seq), ind.name, ind.weight, ind.score, f"ind:{i}")
            for i, ind in enumerate(form.indicators)
            if ind.weight is not None or ind.score is not None]
    if form.total_score is not None:
        out.append(row("total", None, "总分", None, form.total_score, "total"))
    return out
