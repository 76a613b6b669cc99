"""One :class:`Document` → rows of the flat tables (docs/records.md, "Flat exports").

Ids are ``<sha256>:<form position>[:<table>:<row position>]``: the same file
always yields the same ids, so re-ingesting it updates rows instead of adding
them. Positions are list positions rather than printed numbers (``seq``,
``form_index``), which a faulty form could repeat.

Every value is made to fit its column here, in the worker, so that one file's data
can never fail a warehouse write: text loses NUL and lone surrogates, and a number the
column cannot hold (an amount of 1e16 元 or more, a weight of 1e8, NaN, infinity)
becomes null with an ``invalid-field`` warning naming it. The column is not widened:
such numbers are misreads, and the JSON record keeps them as printed.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfparse.sink.derive import (
    Place,
    document_place,
    form_key,
    form_place,
    norm_text,
    outcome,
    region,
)
from perfparse.sink.schema import (
    BY_NAME,
    MONEY_PRECISION,
    MONEY_SCALE,
    POINTS_PRECISION,
    POINTS_SCALE,
)
from perfparse.storable import storable, storable_json

if TYPE_CHECKING:
    from perfparse.validate.records import (
        Document,
        Form,
        FundLine,
        Indicator,
        Value,
        Warning_,
    )

Row = dict[str, Any]
Tables = dict[str, list[Row]]

_MONEY_Q = Decimal(1).scaleb(-MONEY_SCALE)
_POINTS_Q = Decimal(1).scaleb(-POINTS_SCALE)
# DECIMAL(p, s) holds |x| < 10^(p-s); checked before quantize, which would raise on a
# value needing more digits than the decimal context's precision.
_MONEY_MAX = 10.0 ** (MONEY_PRECISION - MONEY_SCALE)
_POINTS_MAX = 10.0 ** (POINTS_PRECISION - POINTS_SCALE)


def _decimal(x: float | None, quantum: Decimal, limit: float) -> Decimal | None:
    if x is None or not math.isfinite(x) or abs(x) >= limit:
        return None
    # repr() gives the shortest text that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055.
    return Decimal(repr(x)).quantize(quantum)


def money(x: float | None) -> Decimal | None:
    """DECIMAL(18,2) 元, or None for a number that column cannot hold."""
    return _decimal(x, _MONEY_Q, _MONEY_MAX)


def points(x: float | None) -> Decimal | None:
    """DECIMAL(12,4), or None for a number that column cannot hold."""
    return _decimal(x, _POINTS_Q, _POINTS_MAX)


_TO_COLUMN = {"money": money, "points": points}
_INT_MAX = 2**63  # BIGINT; a printed sequence number can be any length


def form_id(sha256: str, form_pos: int) -> str:
    return f"{sha256}:{form_pos}"


def flatten_document(doc: Document) -> Tables:
    sha = doc.source.sha256
    tables: Tables = {"files": [], "projects": [], "fund_lines": [], "indicators": [],
                      "scores": [], "warnings": []}
    n_warnings = len(doc.warnings)
    pids = [form_id(sha, pos) for pos in range(len(doc.forms))]
    for form, pid in zip(doc.forms, pids, strict=True):
        tables["projects"].append(_project(doc, form, pid))
        tables["fund_lines"] += [_fund_line(sha, pid, form, i, f) for i, f in enumerate(form.funds)]
        tables["indicators"] += [_indicator(sha, pid, form, i, ind)
                                 for i, ind in enumerate(form.indicators)]
        tables["scores"] += _scores(sha, pid, form)
        tables["warnings"] += [
            _warning(f"{pid}:warn:{i}", sha, i, w, form.form_index,
                     form_place(form, pid, w.message, w.field))
            for i, w in enumerate(form.warnings)]
        n_warnings += len(form.warnings)
    index_of = dict(zip(pids, (f.form_index for f in doc.forms), strict=True))
    for i, w in enumerate(doc.warnings):
        place = document_place(doc.forms, pids, w.message)
        tables["warnings"].append(_warning(f"{sha}:doc:warn:{i}", sha, i, w,
                                           index_of.get(place.project_id), place))
    tables["files"].append({
        "id": sha, "file": doc.source.file, "format": doc.source.format,
        "forms": len(doc.forms), "indicators": len(tables["indicators"]),
        "warnings": n_warnings})
    _make_storable(tables)
    return tables


def _make_storable(tables: Tables) -> None:
    """Fit every value to its column's type (module doc); a number that does not fit is
    nulled and gets an ``invalid-field`` warning on its form, counted like the others."""
    dropped: list[tuple[Row, str, str]] = []  # (row, field, message)
    for name, rows in tables.items():
        cols = BY_NAME[name].columns
        for pos, row in enumerate(rows):
            for c in cols:
                v = row.get(c.name)
                if v is None:
                    continue
                if c.kind == "str":
                    row[c.name] = storable(v)
                elif c.kind == "json":
                    row[c.name] = storable_json(v)
                elif (c.kind in _TO_COLUMN or (c.kind == "float" and not math.isfinite(v))
                      or (c.kind == "int" and not -_INT_MAX <= v < _INT_MAX)):
                    fitted = _TO_COLUMN[c.kind](v) if c.kind in _TO_COLUMN else None
                    row[c.name] = fitted
                    # Score rows and a project's fund totals repeat values of the fund
                    # lines and indicators, which are warned about already.
                    derived = name == "scores" or c.name.startswith("funds_")
                    if fitted is None and not derived:
                        dropped.append((row, f"{name}.{pos}.{c.name}",
                                        f"{c.name} {v:g} does not fit the warehouse column; "
                                        "stored as null"))
    if not dropped:
        return
    sha = tables["files"][0]["id"]
    projects = {p["id"]: p for p in tables["projects"]}
    for row, field, message in dropped:
        pid = row.get("project_id", row["id"])
        owner = projects.get(pid)  # None: a value of the document, not of one form
        pos = owner["warnings"] if owner else sum(w["project_id"] is None
                                                  for w in tables["warnings"])
        warning = dict.fromkeys(BY_NAME["warnings"].names)
        warning.update(
            id=f"{pid}:warn:{pos}" if owner else f"{sha}:doc:warn:{pos}", sha256=sha,
            project_id=pid if owner else None, form_index=row.get("form_index"),
            position=pos, code="invalid-field", message=message, field=field,
            page=row.get("page"), row=row.get("row"),
            indicator_id=row["id"] if field.startswith("indicators.") else None,
            fund_line_id=row["id"] if field.startswith("fund_lines.") else None)
        tables["warnings"].append(warning)
        if owner:
            owner["warnings"] += 1
        tables["files"][0]["warnings"] += 1


def _warning(wid: str, sha: str, pos: int, w: Warning_, form_index: int | None,
             place: Place) -> Row:
    return {"id": wid, "sha256": sha, "project_id": place.project_id,
            "form_index": form_index, "position": pos, "code": w.code, "message": w.message,
            "field": w.field or place.field, "indicator_id": place.indicator_id,
            "fund_line_id": place.fund_line_id, "page": place.page, "row": place.row,
            "confidence": place.confidence}


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
        "contact": p.contact, "phone": p.phone, "funds_unit_printed": form.funds_unit,
        "funds_total_project": total.project_total if total else None,
        "funds_total_annual": total.annual if total else None,
        "funds_total_initial": total.initial_budget if total else None,
        "funds_total_adjusted": total.adjusted_budget if total else None,
        "funds_total_executed": total.executed if total else None,
        "funds_execution_rate": total.execution_rate if total else None,
        "goal_overall": form.goals.overall, "goal_annual": form.goals.annual,
        "goal_actual": form.goals.actual, "total_score": form.total_score,
        "indicators": len(form.indicators), "warnings": len(form.warnings),
        "extras": dict(form.extras),
        "page": prov.page if prov else None, "line": prov.line if prov else None,
        "form_key": form_key(form, [money(getattr(total, k)) if total else None
                                    for k in ("project_total", "annual", "initial_budget",
                                              "adjusted_budget", "executed")]),
        "department_norm": norm_text(p.department),
        "implementer_norm": norm_text(p.implementer),
        "region": region(norm_text(p.department) or norm_text(p.implementer)),
    }


def _fund_line(sha: str, pid: str, form: Form, pos: int, f: FundLine) -> Row:
    prov = f.provenance
    return {
        "id": f"{pid}:fund:{pos}", "sha256": sha, "project_id": pid,
        "form_index": form.form_index, "position": pos, "line": f.line, "label": f.label,
        "project_total": f.project_total, "annual": f.annual,
        "initial_budget": f.initial_budget, "adjusted_budget": f.adjusted_budget,
        "executed": f.executed, "execution_rate": f.execution_rate,
        "weight": f.weight, "score": f.score,
        "page": prov.page if prov else None, "row": prov.row if prov else None,
        "source_line": prov.line if prov else None,
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
        "weight": ind.weight, "score": ind.score,
        "completion_rate": ind.completion_rate, "deviation_reason": ind.deviation_reason,
        "note": ind.note, "extras": dict(ind.extras),
        "page": prov.page if prov else None, "row": prov.row if prov else None,
        **dict(zip(("met", "met_reason"), outcome(ind), strict=True)),
        "source_line": prov.line if prov else None,
    }


def _scores(sha: str, pid: str, form: Form) -> list[Row]:
    """Scored lines: budget execution (fund lines with 分值/得分), indicators, total."""
    def row(kind: str, ref: str | None, label: str | None, weight: float | None,
            score: float | None, key: str) -> Row:
        return {"id": f"{pid}:score:{key}", "sha256": sha, "project_id": pid,
                "form_index": form.form_index, "kind": kind, "ref": ref, "label": label,
                "weight": weight, "score": score}

    out = [row("budget", f.line, f.label, f.weight, f.score, f"fund:{i}")
           for i, f in enumerate(form.funds) if f.weight is not None or f.score is not None]
    out += [row("indicator", str(ind.seq), ind.name, ind.weight, ind.score, f"ind:{i}")
            for i, ind in enumerate(form.indicators)
            if ind.weight is not None or ind.score is not None]
    if form.total_score is not None:
        out.append(row("total", None, "总分", None, form.total_score, "total"))
    return out
