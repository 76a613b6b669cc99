"""Helpers for writing reference answers by hand, shared by the held-out sets' builders
(tests/regions*/gold/_build*.py): each value is typed from the document as printed; these
only lay the typed values out in the record contract's shape and write the files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

FUND_COLUMNS = ("project_total", "annual", "initial_budget", "adjusted_budget", "executed",
                "execution_rate", "weight", "score")
W = 10000.0  # 万元 → 元


def V(raw: str, op: str | None, value: float | None, unit: str | None,
      vmax: float | None = None) -> dict[str, Any]:
    """A value object; a leading 万/亿 in the unit is scaled into base_value/base_unit."""
    bv, bu = value, unit
    if unit and value is not None and len(unit) > 1 and unit[0] in "万亿":
        bv, bu = round(value * (10000 if unit[0] == "万" else 100000000), 6), unit[1:]
    return {"raw": raw, "op": op, "value": value, "value_max": vmax, "unit": unit,
            "base_value": bv, "base_unit": bu}


def Q(raw: str) -> dict[str, Any]:
    """A value object that states no single quantity."""
    return V(raw, None, None, None)


def fund(line: str, label: str, **columns: float | None) -> dict[str, Any]:
    return {"line": line, "label": label, **{k: columns.get(k) for k in FUND_COLUMNS}}


def ind(l1: str | None, l2: str | None, name: str, target: dict[str, Any] | None = None,
        actual: dict[str, Any] | None = None, weight: float | None = None,
        score: float | None = None, reason: str | None = None, note: str | None = None,
        extras: dict[str, str] | None = None,
        completion_rate: float | None = None) -> dict[str, Any]:
    return {"level1": l1, "level2": l2, "name": name, "target": target, "actual": actual,
            "weight": weight, "score": score, "completion_rate": completion_rate,
            "deviation_reason": reason, "note": note, "extras": extras or {}}


def project(name: str, department: str | None = None, implementer: str | None = None,
            code: str | None = None, nature: str | None = None, category: str | None = None,
            start: str | None = None, end: str | None = None, manager: str | None = None,
            contact: str | None = None, phone: str | None = None) -> dict[str, Any]:
    return {"name": name, "code": code, "nature": nature, "category": category,
            "department": department, "implementer": implementer, "start_date": start,
            "end_date": end, "manager": manager, "contact": contact, "phone": phone}


def form(kind: str, title: str | None, year: int | None, proj: dict[str, Any],
         unit: str | None, funds: list[dict[str, Any]], goals: dict[str, str],
         inds: list[dict[str, Any]], total: float | None = None,
         extras: dict[str, str] | None = None) -> dict[str, Any]:
    return {"form_kind": kind, "title": title, "fiscal_year": year, "duplicate_of": None,
            "project": proj, "funds_unit": unit, "funds": funds,
            "goals": {k: goals.get(k) for k in ("overall", "annual", "actual")},
            "indicators": [{"seq": i, **x} for i, x in enumerate(inds, 1)],
            "total_score": total, "extras": extras or {}}


def doc(docs: Path, gold: Path, fname: str, fmt: str, forms: list[dict[str, Any]]) -> None:
    """Write gold/<stem>.json for the document docs/<fname> (its sha256 over its bytes)."""
    data = (docs / fname).read_bytes()
    for i, f in enumerate(forms):
        f["form_index"] = i
    d = {"source": {"file": fname, "sha256": hashlib.sha256(data).hexdigest(), "format": fmt},
         "forms": forms}
    (gold / (Path(fname).stem + ".json")).write_text(
        json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def tab(rows: list[Any]) -> str:
    """TAB-separated dump text from rows (a list of cells, or a line of its own)."""
    return "\n".join("\t".join(r) if isinstance(r, (list, tuple)) else r for r in rows) + "\n"


def put(ws: Any, ref: str, value: Any, fmt: str | None = None, merge: str | None = None,
        bold: bool = False) -> None:
    """Set one worksheet cell as a form prints it (wrapped, centred, maybe merged)."""
    from openpyxl.styles import Alignment, Font

    c = ws[ref]
    c.value = value
    if isinstance(value, str) and value.startswith("="):
        c.data_type = "s"  # typed text such as `=46座`, not a formula
    c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    if fmt:
        c.number_format = fmt
    if bold:
        c.font = Font(bold=True)
    if merge:
        ws.merge_cells(f"{ref}:{merge}")
