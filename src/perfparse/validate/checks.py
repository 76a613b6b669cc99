"""Cross-checks on an assembled form. They only warn: printed numbers stay as printed."""

from __future__ import annotations

from typing import Any

from perfparse.validate.records import Warning_

_TOL = 0.011
_RATE_TOL = 0.6  # percentage points: forms round the rate, and some print it truncated
_PARTS = ("fiscal", "carryover", "other")


def _w(code: str, field: str, message: str) -> Warning_:
    return Warning_(code=code, field=field, message=message)


def _sum(xs: list[float | None]) -> float | None:
    vals = [x for x in xs if x is not None]
    return round(sum(vals), 2) if vals else None


def cross_check(form: dict[str, Any], total_weight: float | None) -> list[Warning_]:
    out: list[Warning_] = []
    inds = form["indicators"]
    if not inds:
        # Every form of the family states its indicators; none read means their table
        # was lost (unruled, cut off, unreadable), and a reviewer must look.
        out.append(_w("no-indicators", "indicators",
                      "no performance indicator was read for this form: its indicator table "
                      "is missing, cut off or not recognised as a table; check the source"))
    funds = {f["line"]: f for f in form["funds"]}
    budget = funds.get("total") or next(iter(funds.values()), {})
    total = form.get("total_score")
    scores = _sum([i["score"] for i in inds])
    if total is not None and scores is not None:
        got = round(scores + (budget.get("score") or 0.0), 2)
        if abs(got - total) > _TOL:
            out.append(_w("score-sum-mismatch", "total_score",
                          f"indicator scores + budget score = {got:g}, printed 总分 {total:g}"))
    weights = _sum([i["weight"] for i in inds])
    if weights is not None and (total_weight is not None or budget.get("weight") is not None):
        got = round(weights + (budget.get("weight") or 0.0), 2)
        expected = total_weight if total_weight is not None else 100.0
        if abs(got - expected) > _TOL:
            out.append(_w("weight-sum-mismatch", "indicators.weight",
                          f"weights add up to {got:g}, expected {expected:g}"))
    if "total" in funds and all(p in funds for p in _PARTS):
        for col in ("project_total", "annual", "initial_budget", "adjusted_budget", "executed"):
            parts = [funds[p].get(col) for p in _PARTS]
            t = funds["total"].get(col)
            if t is not None and all(x is not None for x in parts):
                s = round(sum(parts), 2)  # type: ignore[arg-type]
                if abs(s - t) > _TOL:
                    out.append(_w("fund-identity-mismatch", f"funds.total.{col}",
                                  f"{col}: total {t:,.2f} ≠ fiscal + carryover + other "
                                  f"{s:,.2f}"))
    for f in form["funds"]:
        rate, ex, adj = f.get("execution_rate"), f.get("executed"), f.get("adjusted_budget")
        if rate is not None and ex is not None and adj:
            got = round(ex / adj * 100, 2)
            if abs(got - rate) > _RATE_TOL:
                out.append(_w("execution-rate-mismatch", f"funds.{f['line']}.execution_rate",
                              f"executed/adjusted = {got:g}%, printed {rate:g}%"))
    return out
