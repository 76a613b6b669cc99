"""Flat rows → Arrow tables with the declared types (for Parquet, DuckDB and pandas),
and back."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyarrow as pa

from perfparse.sink.flatten import Row, Tables
from perfparse.sink.schema import (
    DATA_TABLES,
    MONEY_PRECISION,
    MONEY_SCALE,
    POINTS_PRECISION,
    POINTS_SCALE,
    Column,
    TableSchema,
)

# A file's data tables in Arrow: table name → its rows.
ArrowTables = dict[str, pa.Table]

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


def arrow_tables(tables: Tables) -> ArrowTables:
    """A file's rows as Arrow tables. Made in the parse worker: converting rows is most of
    what writing them costs, and the one process that writes must not do it for all."""
    return {t.name: to_arrow(t, tables[t.name]) for t in DATA_TABLES}


def empty_tables() -> ArrowTables:
    return {t.name: arrow_schema(t).empty_table() for t in DATA_TABLES}


def rows_of(table: TableSchema, batches: Iterable[pa.RecordBatch]) -> Iterator[Row]:
    """Rows back from Arrow, JSON columns decoded."""
    json_cols = [c.name for c in table.columns if c.kind == "json"]
    for batch in batches:
        for row in batch.to_pylist():
            for c in json_cols:
                if isinstance(row[c], str):
                    row[c] = json.loads(row[c])
            yield row


def json_default(v: Any) -> Any:
    """The JSON form of what Arrow hands back: exact decimals as numbers, ISO dates."""
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    raise TypeError(f"cannot write {type(v).__name__} to JSON")


def jsonl(table: TableSchema, batches: Iterable[pa.RecordBatch]) -> bytes:
    """The JSONL export lines of these rows. The one encoding of a row: the parse worker
    makes its file's lines with it, and a full export re-reads the warehouse through it."""
    return "".join(json.dumps(row, ensure_ascii=False, default=json_default) + "\n"
                   for row in rows_of(table, batches)).encode("utf-8")
