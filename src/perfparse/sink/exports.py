"""Files in OUT, streamed from the warehouse after a run: Parquet and JSONL per table,
and ``manifest.json``.

They are rewritten whole from the warehouse, which is the one record of what was
ingested, so an interrupted run leaves nothing half-written here: a file is
replaced only once its new version is complete. ``exports.json`` records the
warehouse generation they hold, so a run that changed nothing rewrites only
``manifest.json`` (its run summary) instead of every table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from perfparse.sink.arrow import arrow_schema, rows_of
from perfparse.sink.schema import ALL_TABLES, MANIFEST, TableSchema
from perfparse.sink.warehouse import Warehouse

ROWS_PER_BATCH = 4_096
STATE = "exports.json"


def _json_default(v: Any) -> Any:
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    raise TypeError(f"cannot write {type(v).__name__} to JSON")


def export_table(wh: Warehouse, table: TableSchema, out: Path) -> int:
    """Write ``out/parquet/<table>.parquet`` and ``out/jsonl/<table>.jsonl``; return rows."""
    pq_path = out / "parquet" / f"{table.name}.parquet"
    js_path = out / "jsonl" / f"{table.name}.jsonl"
    for p in (pq_path, js_path):
        p.parent.mkdir(parents=True, exist_ok=True)
    pq_tmp, js_tmp = pq_path.with_suffix(".tmp"), js_path.with_suffix(".tmp")
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(pq_tmp, schema) as pw, js_tmp.open("w", encoding="utf-8") as jw:
        def tee() -> Iterator[pa.RecordBatch]:
            for batch in wh.batches(table, ROWS_PER_BATCH):
                batch = pa.Table.from_batches([batch]).cast(schema)
                pw.write_table(batch)
                yield from batch.to_batches()

        for row in rows_of(table, tee()):
            jw.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
            n += 1
    os.replace(pq_tmp, pq_path)
    os.replace(js_tmp, js_path)
    return n


def export_manifest(wh: Warehouse, out: Path, summary: dict[str, Any]) -> Path:
    """``manifest.json``: this run's summary (``run``) and every input file ever ingested
    into this warehouse (``files``), with its status."""
    path = out / "manifest.json"
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write('{\n "run": '
                + json.dumps(summary, ensure_ascii=False, default=_json_default)
                + ',\n "files": [')
        for i, row in enumerate(rows_of(MANIFEST, wh.batches(MANIFEST, ROWS_PER_BATCH))):
            f.write(("\n  " if i == 0 else ",\n  ")
                    + json.dumps(row, ensure_ascii=False, default=_json_default))
        f.write("\n ]\n}\n")
    os.replace(tmp, path)
    return path


def _current(out: Path, url: str, generation: int) -> dict[str, int] | None:
    """Row counts of the table files in ``out`` if they hold this generation of this
    warehouse (and are all there), else None."""
    try:
        state = json.loads((out / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (not isinstance(state, dict) or state.get("warehouse") != url
            or state.get("generation") != generation):
        return None
    paths = [out / kind / f"{t.name}.{kind}" for t in ALL_TABLES for kind in ("parquet", "jsonl")]
    rows = state.get("rows")
    return rows if isinstance(rows, dict) and all(p.exists() for p in paths) else None


def export_all(wh: Warehouse, out: Path, summary: dict[str, Any]) -> dict[str, int]:
    """Write the table files unless they are current, then ``manifest.json``; return the
    row count per table."""
    # Read before exporting: a write that lands meanwhile makes the next run export again.
    generation = wh.generation()
    counts = _current(out, wh.url, generation)
    if counts is None:
        (out / STATE).unlink(missing_ok=True)
        counts = {t.name: export_table(wh, t, out) for t in ALL_TABLES}
        tmp = (out / STATE).with_suffix(".tmp")
        tmp.write_text(json.dumps({"warehouse": wh.url, "generation": generation,
                                   "rows": counts}) + "\n", encoding="utf-8")
        os.replace(tmp, out / STATE)
    export_manifest(wh, out, summary)
    return counts
