"""Files in OUT: Parquet and JSONL per table, and ``manifest.json``.

Each table is ``parquet/<table>/part-<generation>.parquet`` (one or more parts; read the
folder as one dataset) and ``jsonl/<table>.jsonl``. A run that only adds content — a
first ingest, new files in an archive — appends: its rows leave the writer as it
commits them, in the JSONL lines the parse workers encoded, into one new part per table
and the end of each JSONL file, so exporting costs what the run added, not what the
warehouse holds. A run that removed rows (an edited, failed-again or pruned file), or a
warehouse another writer changed meanwhile, rewrites every table from the warehouse,
the one record of what was ingested. So does a table whose parts pile up
(``MAX_PARTS``).

An interrupted run leaves nothing half-written that counts: ``exports.json`` records
the warehouse generation the files hold, their parts and JSONL lengths, and is written
last; parts it does not list and JSONL bytes past its lengths are dropped by the next
run. The manifest table and ``manifest.json`` change with every run and are rewritten.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from perfparse.sink.arrow import arrow_schema, json_default, jsonl, rows_of
from perfparse.sink.schema import ALL_TABLES, DATA_TABLES, MANIFEST, TableSchema
from perfparse.sink.warehouse import FileCommit, Warehouse

ROWS_PER_BATCH = 4_096
# Rows a run's part gathers before writing them as one row group: a file's few hundred
# rows written alone made the writer spend more on Parquet than on the warehouse.
ROWS_PER_GROUP = 65_536
STATE = "exports.json"
FORMAT = 2  # 1: one parquet/<table>.parquet file, rewritten by every run that changed rows
# Parts per table before the table is rewritten as one: readers open every part.
MAX_PARTS = 64
_RUN_DIR = ".run"  # the parts of the run in progress


@dataclass(slots=True)
class TableFiles:
    """What ``exports.json`` records of one table's files."""

    rows: int = 0
    parts: list[str] = field(default_factory=list)
    jsonl_bytes: int = 0


State = dict[str, TableFiles]


def _dir(out: Path, table: TableSchema) -> Path:
    return out / "parquet" / table.name


def _jsonl_path(out: Path, table: TableSchema) -> Path:
    return out / "jsonl" / f"{table.name}.jsonl"


def _part_name(generation: int) -> str:
    return f"part-{generation:08d}.parquet"


def export_table(wh: Warehouse, table: TableSchema, out: Path, generation: int) -> TableFiles:
    """Rewrite the table's files whole from the warehouse: one part, and its JSONL."""
    folder, js_path = _dir(out, table), _jsonl_path(out, table)
    folder.mkdir(parents=True, exist_ok=True)
    js_path.parent.mkdir(parents=True, exist_ok=True)
    name = _part_name(generation)
    pq_tmp, js_tmp = folder / f"{name}.tmp", js_path.with_suffix(".tmp")
    schema = arrow_schema(table)
    files = TableFiles(parts=[name])
    with pq.ParquetWriter(pq_tmp, schema) as pw, js_tmp.open("wb") as jw:
        for batch in wh.batches(table, ROWS_PER_BATCH):
            data = pa.Table.from_batches([batch]).cast(schema)
            pw.write_table(data)
            files.jsonl_bytes += jw.write(jsonl(table, data.to_batches()))
            files.rows += data.num_rows
    os.replace(pq_tmp, folder / name)
    os.replace(js_tmp, js_path)
    _drop_unlisted(folder, files.parts)
    return files


def _drop_unlisted(folder: Path, parts: list[str]) -> None:
    """Remove the parts (and leftovers of a crashed run) that the state does not list."""
    for p in folder.iterdir():
        if p.name not in parts:
            p.unlink()


def export_manifest(wh: Warehouse, out: Path, summary: dict[str, Any]) -> Path:
    """``manifest.json``: this run's summary (``run``) and every input file ever ingested
    into this warehouse (``files``), with its status."""
    path = out / "manifest.json"
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write('{\n "run": '
                + json.dumps(summary, ensure_ascii=False, default=json_default)
                + ',\n "files": [')
        for i, row in enumerate(rows_of(MANIFEST, wh.batches(MANIFEST, ROWS_PER_BATCH))):
            f.write(("\n  " if i == 0 else ",\n  ")
                    + json.dumps(row, ensure_ascii=False, default=json_default))
        f.write("\n ]\n}\n")
    os.replace(tmp, path)
    return path


def _read_state(out: Path, url: str, generation: int) -> State | None:
    """The table files recorded in ``out`` if they hold this generation of this
    warehouse (and are all there), else None."""
    try:
        state = json.loads((out / STATE).read_text(encoding="utf-8"))
        if (state["format"] != FORMAT or state["warehouse"] != url
                or state["generation"] != generation):
            return None
        tables = {t.name: TableFiles(**state["tables"][t.name]) for t in ALL_TABLES}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for t in ALL_TABLES:
        f = tables[t.name]
        js = _jsonl_path(out, t)
        if (not all((_dir(out, t) / p).is_file() for p in f.parts)
                or not js.is_file() or js.stat().st_size < f.jsonl_bytes):
            return None
    return tables


def _write_state(out: Path, url: str, generation: int, tables: State) -> None:
    tmp = (out / STATE).with_suffix(".tmp")
    state = {"format": FORMAT, "warehouse": url, "generation": generation,
             "tables": {name: {"rows": f.rows, "parts": f.parts, "jsonl_bytes": f.jsonl_bytes}
                        for name, f in tables.items()}}
    tmp.write_text(json.dumps(state, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out / STATE)


def _begin(out: Path) -> None:
    """The files are in flux until the new state is written."""
    (out / STATE).unlink(missing_ok=True)
    for old in (out / "parquet").glob("*.parquet"):  # an older perfparse's single files
        old.unlink()


def _rewrite(wh: Warehouse, out: Path, generation: int) -> State:
    _begin(out)
    tables = {t.name: export_table(wh, t, out, generation) for t in ALL_TABLES}
    _write_state(out, wh.url, generation, tables)
    return tables


def export_all(wh: Warehouse, out: Path, summary: dict[str, Any]) -> dict[str, int]:
    """Rewrite the table files unless they hold the warehouse as it is, then
    ``manifest.json``; return the row count per table."""
    # Read before exporting: a write that lands meanwhile makes the next run export again.
    generation = wh.generation()
    tables = _read_state(out, wh.url, generation) or _rewrite(wh, out, generation)
    export_manifest(wh, out, summary)
    return {name: f.rows for name, f in tables.items()}


class RunExport:
    """The exports of one ingest run, appended to as the writer commits (see the module
    doc). Made before the run's first write; ``add`` runs on the writer's thread."""

    def __init__(self, wh: Warehouse, out: Path) -> None:
        self.wh, self.out = wh, out
        self.start_generation, self.start_made = wh.generation(), wh.made
        empty = {t.name: TableFiles() for t in ALL_TABLES}
        self.base = (_read_state(out, wh.url, self.start_generation)
                     or (empty if self.start_generation == 0 else None))
        self.appending = self.base is not None
        self.run_dir = out / _RUN_DIR
        shutil.rmtree(self.run_dir, ignore_errors=True)  # an interrupted run's parts
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.pending: dict[str, list[pa.Table]] = {t.name: [] for t in DATA_TABLES}
        self.pending_rows = dict.fromkeys(self.pending, 0)
        self.jsonl: dict[str, BinaryIO] = {}
        self.added = {t.name: TableFiles() for t in DATA_TABLES}

    def add(self, commits: list[FileCommit]) -> None:
        """Append the rows of these written files, or give up appending if one of them
        replaced rows."""
        if not self.appending:
            return
        try:
            self._add(commits)
        except OSError:  # OUT full or gone: the rewrite at the end says so, or succeeds
            self._stop_appending()

    def _add(self, commits: list[FileCommit]) -> None:
        for c in commits:
            if c.tables is None:  # a copy of content written before: no rows of its own
                continue
            if c.seen_before or c.replaced:
                self._stop_appending()
                return
            for t in DATA_TABLES:
                data = c.tables[t.name]
                if data.num_rows:
                    self._append(t, data, None if c.lines is None else c.lines[t.name])

    def _append(self, t: TableSchema, data: pa.Table, lines: bytes | None) -> None:
        if t.name not in self.parquet:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            self.parquet[t.name] = pq.ParquetWriter(self.run_dir / f"{t.name}.parquet",
                                                    arrow_schema(t))
            self.jsonl[t.name] = (self.run_dir / f"{t.name}.jsonl").open("wb")
        self.pending[t.name].append(data)
        self.pending_rows[t.name] += data.num_rows
        added = self.added[t.name]
        added.rows += data.num_rows
        if self.pending_rows[t.name] >= ROWS_PER_GROUP:
            self._flush(t.name)
        added.jsonl_bytes += self.jsonl[t.name].write(
            lines if lines is not None else jsonl(t, data.to_batches()))

    def _flush(self, name: str) -> None:
        if self.pending[name]:
            self.parquet[name].write_table(pa.concat_tables(self.pending[name]))
            self.pending[name], self.pending_rows[name] = [], 0

    def _close(self) -> None:
        for name, w in self.parquet.items():
            if self.appending:
                self._flush(name)
            w.close()
        self.pending = {name: [] for name in self.pending}
        self.pending_rows = dict.fromkeys(self.pending, 0)
        for f in self.jsonl.values():
            f.close()

    def _stop_appending(self) -> None:
        self.appending = False
        self._close()
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def finish(self, summary: dict[str, Any]) -> dict[str, int]:
        """Install the run's parts, or rewrite the tables; then ``manifest.json``. Returns
        the row count per table."""
        try:
            self._close()
        except OSError:  # the last rows could not be written: the rewrite says why
            self.appending = False
        generation = self.wh.generation()
        others_wrote = generation != self.start_generation + self.wh.made - self.start_made
        if self.appending and not others_wrote and self.base is not None:
            tables = self._install(self.base, generation)
        else:
            tables = _rewrite(self.wh, self.out, generation)
        shutil.rmtree(self.run_dir, ignore_errors=True)
        export_manifest(self.wh, self.out, summary)
        return {name: f.rows for name, f in tables.items()}

    def _install(self, base: State, generation: int) -> State:
        _begin(self.out)
        tables: State = {}
        for t in DATA_TABLES:
            old, new = base[t.name], self.added[t.name]
            if len(old.parts) >= MAX_PARTS:
                tables[t.name] = export_table(self.wh, t, self.out, generation)
                continue
            folder, name = _dir(self.out, t), _part_name(generation)
            folder.mkdir(parents=True, exist_ok=True)
            parts = [*old.parts, name] if new.rows or not old.parts else old.parts
            if new.rows:
                os.replace(self.run_dir / f"{t.name}.parquet", folder / name)
            elif not old.parts:  # a table read as a dataset needs one part for its schema
                pq.write_table(arrow_schema(t).empty_table(), folder / name)
            _drop_unlisted(folder, parts)
            js_path = _jsonl_path(self.out, t)
            js_path.parent.mkdir(parents=True, exist_ok=True)
            with js_path.open("ab") as js:
                js.truncate(old.jsonl_bytes)  # what an interrupted run appended
                if new.rows:
                    with (self.run_dir / f"{t.name}.jsonl").open("rb") as src:
                        shutil.copyfileobj(src, js)
            tables[t.name] = TableFiles(old.rows + new.rows, parts,
                                        old.jsonl_bytes + new.jsonl_bytes)
        tables[MANIFEST.name] = export_table(self.wh, MANIFEST, self.out, generation)
        _write_state(self.out, self.wh.url, generation, tables)
        return tables
