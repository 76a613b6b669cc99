"""A form while it is assembled: a typed draft, turned into the contract's shape once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from perfparse.segment import Row
from perfparse.validate.records import Warning_


def warn(code: str, message: str, field_: str | None = None) -> Warning_:
    return Warning_(code=code, message=message, field=field_)


def provenance(file: str, row: Row) -> dict[str, Any]:
    ref = next((rc.cell.ref for rc in row.cells
                if rc.cell is not None and rc.cell.ref and not rc.carried), None)
    return {"file": file, "page": row.page, "row": row.row, "line": row.line, "ref": ref}


@dataclass(slots=True)
class FormDraft:
    form_index: int
    form_kind: str | None
    title: str | None
    fiscal_year: int | None
    layout: str | None
    start: Row
    file: str
    project: dict[str, Any] = field(default_factory=dict)
    funds_unit: str | None = None
    multiplier: float = 1.0  # the printed money unit's factor to 元
    funds: list[dict[str, Any]] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    total_score: float | None = None
    total_weight: float | None = None  # a 合计 row's weight total, for the cross-check
    extras: dict[str, str] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)
    duplicate_of: int | None = None

    def record(self) -> dict[str, Any]:
        """The contract's shape, ready for validation."""
        return {
            "form_index": self.form_index, "form_kind": self.form_kind, "title": self.title,
            "fiscal_year": self.fiscal_year, "duplicate_of": self.duplicate_of,
            "layout": self.layout, "project": self.project, "funds_unit": self.funds_unit,
            "funds": self.funds, "goals": self.goals, "indicators": self.indicators,
            "total_score": self.total_score, "extras": self.extras,
            "warnings": [w.model_dump() for w in self.warnings],
            "provenance": provenance(self.file, self.start),
        }
