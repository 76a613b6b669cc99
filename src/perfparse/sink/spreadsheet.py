"""``perfparse export``: the flat tables and the views of an OUT folder as CSV files or
one Excel workbook, for people who work in a spreadsheet rather than SQL.

Read from ``OUT/parquet/`` through :func:`perfparse.sink.views.open_exports`, so the
export is the same whichever warehouse the ingest wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from perfparse.sink.schema import ALL_TABLES
from perfparse.sink.views import VIEWS, open_exports

Format = Literal["csv", "xlsx"]
RELATIONS = [t.name for t in ALL_TABLES] + list(VIEWS)
WORKBOOK = "perfparse.xlsx"
_EXCEL_TEXT_MAX = 32_767  # characters Excel holds in one cell
_FETCH = 4_096


def export(out: Path, fmt: Format, to: Path) -> list[Path]:
    """Write every table and view of ``out`` into ``to``: ``<name>.csv`` each (UTF-8,
    header row) or one ``perfparse.xlsx`` with a sheet each. Returns the files written."""
    to.mkdir(parents=True, exist_ok=True)
    con = open_exports(out)
    try:
        if fmt == "csv":
            written = []
            for name in RELATIONS:
                path = to / f"{name}.csv"
                con.execute(f"COPY (SELECT * FROM {name}) TO '{_quoted(path)}' "
                            "(HEADER, DELIMITER ',')")
                written.append(path)
            return written
        return [_workbook(con, to / WORKBOOK)]
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _workbook(con: Any, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(v: Any) -> Any:
        if isinstance(v, datetime) and v.tzinfo is not None:
            return v.astimezone(UTC).replace(tzinfo=None)  # Excel has no time zones
        if isinstance(v, str):
            # Control characters are not allowed in the file's XML.
            return ILLEGAL_CHARACTERS_RE.sub("", v)[:_EXCEL_TEXT_MAX]
        return v

    def rows(name: str) -> Iterator[list[Any]]:
        cur = con.execute(f"SELECT * FROM {name}")
        yield [d[0] for d in cur.description]
        while batch := cur.fetchmany(_FETCH):
            yield from ([cell(v) for v in r] for r in batch)

    wb = Workbook(write_only=True)  # streams rows: memory stays flat however large
    for name in RELATIONS:
        ws = wb.create_sheet(name)
        for r in rows(name):
            ws.append(r)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path
