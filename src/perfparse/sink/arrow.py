"""Flat rows → Arrow tables with the declared types (for Parquet, DuckDB and pandas)."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyarrow as pa

from perfparse.sink.flatten import Row
from perfparse.sink.schema import (
    MONEY_PRECISION,
    MONEY_SCALE,
    POINTS_PRECISION,
    POINTS_SCALE,
    Column,
    TableSchema,
)

_ARROW = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "money": pa.decimal128(MONEY_PRECISION, MONEY_SCALE),
    "points": pa.decimal128(POINTS_PRECISION, POINTS_SCALE),
    "date": pa.date32(),
    "json": pa.string(),
    "timestamp": pa.timestamp("us", tz="UTC"),
}


def arrow_type(col: Column) -> pa.DataType:
    return _ARROW[col.kind]


def arrow_schema(table: TableSchema) -> pa.Schema:
    return pa.schema([pa.field(c.name, arrow_type(c)) for c in table.columns])


def to_arrow(table: TableSchema, rows: Iterable[Row]) -> pa.Table:
    rows = list(rows)
    columns = []
    for c in table.columns:
        values = [r.get(c.name) for r in rows]
        if c.kind == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        columns.append(pa.array(values, type=arrow_type(c)))
    return pa.Table.from_arrays(columns, schema=arrow_schema(table))
