"""Pydantic v2 models of the record contract (``docs/records.md``, v1).

Serialising a :class:`Document` with ``model_dump(mode="json")`` gives exactly the
contract's shape; fields beyond the contract (``warnings``, ``provenance``,
``extras``) are allowed by it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SourceFormat = Literal["text", "pdf", "pdf-scanned", "html", "xlsx", "docx", "image"]
FormKind = Literal["target", "self_evaluation"]
Op = Literal["=", ">=", "<=", ">", "<", "range"]
FundLineKind = Literal[
    "total", "fiscal", "fiscal_superior", "fiscal_local", "fiscal_subordinate",
    "carryover", "special_account", "unit_own", "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Warning_(_Model):
    """A problem found while parsing; ``code`` is stable, ``message`` is for people."""

    code: str
    message: str
    field: str | None = None


class Provenance(_Model):
    """Where a record came from in the input, so a reviewer can find it."""

    file: str
    page: int | None = None
    row: int | None = None  # row in the page's table (0-based)
    line: int | None = None  # 1-based line of a text dump
    ref: str | None = None  # a spreadsheet's sheet and cell where the row begins (表1!A12)


class Value(_Model):
    raw: str
    op: Op | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    base_value: float | None = None
    base_unit: str | None = None
    confidence: float | None = None
    ref: str | None = None  # a spreadsheet's sheet and cell the value was printed in


class Project(_Model):
    name: str | None = None
    code: str | None = None
    nature: str | None = None
    category: str | None = None
    department: str | None = None
    implementer: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    manager: str | None = None
    contact: str | None = None
    phone: str | None = None


class FundLine(_Model):
    line: FundLineKind
    label: str
    project_total: float | None = None
    annual: float | None = None
    initial_budget: float | None = None
    adjusted_budget: float | None = None
    executed: float | None = None
    execution_rate: float | None = None
    weight: float | None = None
    score: float | None = None
    provenance: Provenance | None = None


class Goals(_Model):
    overall: str | None = None
    annual: str | None = None
    actual: str | None = None


class Indicator(_Model):
    seq: int = Field(ge=1)
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: Value | None = None
    actual: Value | None = None
    weight: float | None = None
    score: float | None = None
    completion_rate: float | None = None
    deviation_reason: str | None = None
    note: str | None = None
    extras: dict[str, str] = Field(default_factory=dict)
    provenance: Provenance | None = None


class Form(_Model):
    form_index: int = Field(ge=0)
    form_kind: FormKind | None = None
    title: str | None = None
    fiscal_year: int | None = Field(default=None, ge=1990, le=2100)
    duplicate_of: int | None = None
    layout: str | None = None  # the grammars/layouts template that parsed it
    project: Project = Field(default_factory=Project)
    funds_unit: str | None = None
    funds: list[FundLine] = Field(default_factory=list)
    goals: Goals = Field(default_factory=Goals)
    indicators: list[Indicator] = Field(default_factory=list)
    total_score: float | None = None
    extras: dict[str, str] = Field(default_factory=dict)
    warnings: list[Warning_] = Field(default_factory=list)
    provenance: Provenance | None = None

    @field_validator("funds")
    @classmethod
    def _one_line_per_kind(cls, v: list[FundLine]) -> list[FundLine]:
        kinds = [f.line for f in v]
        if len(kinds) != len(set(kinds)):
            raise ValueError(f"fund lines repeat a line kind: {kinds}")
        return v


class Source(_Model):
    file: str
    sha256: str
    format: SourceFormat


class Document(_Model):
    source: Source
    forms: list[Form] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)
