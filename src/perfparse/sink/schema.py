"""The flat tables' columns, declared once.

Every sink derives its types from here: Arrow (Parquet, DataFrames), DuckDB DDL
and SQLAlchemy tables for PostgreSQL, so a column cannot drift between them. A
warehouse made by an older perfparse gets the columns added since then (NULL in
its old rows) when it is opened; new columns go at the end of their table.
Money is DECIMAL(18,2) in 元; weights and scores DECIMAL(12,4), exact for
every printed value; dates are DATE; ``json`` columns hold dicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["str", "int", "float", "bool", "money", "points", "date", "json", "timestamp"]

MONEY_PRECISION, MONEY_SCALE = 18, 2
POINTS_PRECISION, POINTS_SCALE = 12, 4


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class TableSchema:
    name: str
    columns: tuple[Column, ...]
    key: str = "id"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(spec: str) -> tuple[Column, ...]:
    """``"id:str sha256:str …"`` → columns; keeps the tables below readable."""
    out = []
    for item in spec.split():
        name, kind = item.split(":")
        out.append(Column(name, kind))  # type: ignore[arg-type]
    return tuple(out)


def _value(prefix: str) -> str:
    return (f"{prefix}_raw:str {prefix}_op:str {prefix}_value:float {prefix}_value_max:float "
            f"{prefix}_unit:str {prefix}_base_value:float {prefix}_base_unit:str")


FILES = TableSchema("files", _cols(
    "id:str file:str format:str forms:int indicators:int warnings:int"))

PROJECTS = TableSchema("projects", _cols(
    "id:str sha256:str file:str form_index:int form_kind:str title:str fiscal_year:int "
    "duplicate_of:int layout:str name:str code:str nature:str category:str department:str "
    "implementer:str start_date:date end_date:date manager:str contact:str phone:str "
    "funds_unit_printed:str funds_total_project:money funds_total_annual:money "
    "funds_total_initial:money funds_total_adjusted:money funds_total_executed:money "
    "funds_execution_rate:float goal_overall:str goal_annual:str goal_actual:str "
    "total_score:points indicators:int warnings:int extras:json page:int line:int "
    # Derived (sink/derive.py): the content key and clean dimensions.
    "form_key:str department_norm:str implementer_norm:str region:str"))

FUND_LINES = TableSchema("fund_lines", _cols(
    "id:str sha256:str project_id:str form_index:int position:int line:str label:str "
    "project_total:money annual:money initial_budget:money adjusted_budget:money "
    "executed:money execution_rate:float weight:points score:points page:int row:int "
    "source_line:int"))

INDICATORS = TableSchema("indicators", _cols(
    "id:str sha256:str project_id:str form_index:int position:int seq:int level1:str "
    f"level2:str name:str {_value('target')} {_value('actual')} weight:points score:points "
    "completion_rate:float deviation_reason:str note:str extras:json page:int row:int "
    # Added after the first release: last, so an older warehouse gains them in place.
    "target_confidence:float actual_confidence:float "
    "met:bool met_reason:str source_line:int"))

SCORES = TableSchema("scores", _cols(
    "id:str sha256:str project_id:str form_index:int kind:str ref:str label:str "
    "weight:points score:points"))

WARNINGS = TableSchema("warnings", _cols(
    "id:str sha256:str project_id:str form_index:int position:int code:str message:str "
    "field:str indicator_id:str fund_line_id:str page:int row:int confidence:float"))

# One row per input path: the run manifest. Keyed by path, not content, so two
# copies of one file are both accounted for.
MANIFEST = TableSchema("manifest", _cols(
    "path:str file:str sha256:str size_bytes:int format:str status:str code:str reason:str "
    "detail:str forms:int indicators:int warnings:int seconds:float same_as:str run_id:str "
    "ingested_at:timestamp perfparse_version:str"), key="path")

DATA_TABLES: tuple[TableSchema, ...] = (FILES, PROJECTS, FUND_LINES, INDICATORS, SCORES,
                                        WARNINGS)
ALL_TABLES: tuple[TableSchema, ...] = (*DATA_TABLES, MANIFEST)
BY_NAME = {t.name: t for t in ALL_TABLES}


def missing_columns(have: set[tuple[str, str]]) -> list[tuple[TableSchema, Column]]:
    """The columns a warehouse holding these (table, column) pairs lacks: those added
    since an older perfparse made it."""
    return [(t, c) for t in ALL_TABLES for c in t.columns if (t.name, c.name) not in have]


def file_column(table: TableSchema) -> str:
    """The column that ties a data row to its source file's sha256."""
    return "id" if table is FILES else "sha256"
