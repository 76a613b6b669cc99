"""The embedded default warehouse: one DuckDB file."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from perfparse.sink.arrow import arrow_schema, to_arrow
from perfparse.sink.schema import (
    ALL_TABLES,
    DATA_TABLES,
    MANIFEST,
    MONEY_PRECISION,
    MONEY_SCALE,
    POINTS_PRECISION,
    POINTS_SCALE,
    TableSchema,
    file_column,
    missing_columns,
)
from perfparse.sink.views import create_views
from perfparse.sink.warehouse import (
    KNOWN_COLUMNS,
    SCHEMA_VERSION,
    FileCommit,
    KnownPath,
    WarehouseError,
)

_SQL_TYPE = {
    "str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
    "money": f"DECIMAL({MONEY_PRECISION},{MONEY_SCALE})",
    "points": f"DECIMAL({POINTS_PRECISION},{POINTS_SCALE})",
    "date": "DATE", "json": "JSON", "timestamp": "TIMESTAMPTZ",
}


# Enough for a checkpoint of tables holding long texts (at 32 MB a few hundred forms with
# 20 kB goal texts could never be committed); DuckDB takes only what it needs.
MEMORY_LIMIT_MB = 512
# Committed rows are checkpointed into the file once the log holds this much. DuckDB's
# 16 MB checkpointed every few commit groups and was a third of the writer's CPU; rows
# not yet checkpointed stay in memory, so the log must stay well inside the limit.
CHECKPOINT_SHARE = 4  # of the memory limit
# A transaction's new rows must fit in the memory limit when it commits (DuckDB does
# not spill them then), so a group of files larger than this is split in halves.
TRANSACTION_BYTES = 32 * 1024 * 1024


def _ddl(t: TableSchema) -> str:
    """Only the manifest gets a primary key (one per file, for INSERT OR REPLACE). A
    data table's ids are unique by construction, since a file's rows are replaced
    whole; a key index there would be held in memory and grow with the warehouse."""
    cols = ", ".join(f'"{c.name}" {_SQL_TYPE[c.kind]}'
                     + (" PRIMARY KEY" if t is MANIFEST and c.name == t.key else "")
                     for c in t.columns)
    return f"CREATE TABLE IF NOT EXISTS {t.name} ({cols})"


def _concat(t: TableSchema, parts: list[pa.Table]) -> pa.Table:
    # No copy: the result's chunks are the parts' own.
    return pa.concat_tables(parts) if parts else arrow_schema(t).empty_table()


def _size(t: pa.Table) -> int:
    # Its buffers' bytes: nbytes would walk every value of a table of many slices.
    return t.get_total_buffer_size()


class DuckDBWarehouse:
    # A DuckDB transaction costs ~25 ms of CPU however small, so files are committed
    # in groups; a group is still all-or-nothing, so no reader sees half a file.
    batch_files = 100
    batch_seconds = 3.0
    # A COMMIT that runs out of memory raises TransactionException; with one writer
    # there is no conflict for it to mean instead.
    data_errors = (duckdb.ConversionException, duckdb.OutOfRangeException,
                   duckdb.InvalidInputException, duckdb.OutOfMemoryException,
                   duckdb.TransactionException)

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.url = f"duckdb://{path.resolve()}"
        self.made = 0
        try:
            # One thread: the cores belong to the parsers, and the writes are small.
            # A memory limit: by default DuckDB caches up to 80% of RAM, and the
            # ingest's memory must stay flat as the warehouse grows (it spills).
            self.con = duckdb.connect(str(path), config={
                "threads": 1, "memory_limit": f"{MEMORY_LIMIT_MB}MB",
                "checkpoint_threshold": f"{MEMORY_LIMIT_MB // CHECKPOINT_SHARE}MB"})
            self._setup(path)
        # What a damaged file raises, at open or at its first reads; not every duckdb.Error
        # (a CatalogError is a perfparse bug, not the file's).
        except (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException) as e:
            if "lock" in str(e).lower():
                raise WarehouseError(f"cannot open {path}: {e}. Another perfparse ingest may "
                                     "be writing to it; wait for it or use another --out.") from e
            raise WarehouseError(f"cannot open {path}: it is damaged or not a DuckDB database "
                                 f"({e}). Move it away and ingest again into a new one (the "
                                 "Parquet and JSONL files beside it hold its last export).") from e

    def _setup(self, path: Path) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS perfparse_meta "
                         "(key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = self.con.execute(
            "SELECT value FROM perfparse_meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO perfparse_meta VALUES ('schema_version', ?)",
                             [str(SCHEMA_VERSION)])
        elif row[0] != str(SCHEMA_VERSION):
            raise WarehouseError(f"{path} holds perfparse schema v{row[0]}, this perfparse "
                                 f"writes v{SCHEMA_VERSION}: ingest into a new --out.")
        self.con.execute("INSERT OR IGNORE INTO perfparse_meta VALUES ('generation', '0')")
        for t in ALL_TABLES:
            self.con.execute(_ddl(t))
        self._add_new_columns()
        create_views(self.con.execute)

    def _add_new_columns(self) -> None:
        """A warehouse from an older perfparse lacks the columns added since."""
        new = missing_columns(set(self.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns").fetchall()))
        for t, c in new:
            self.con.execute(f'ALTER TABLE {t.name} ADD COLUMN "{c.name}" {_SQL_TYPE[c.kind]}')
        if new:  # the exports lack them too
            self._next_generation()

    def known(self) -> dict[str, KnownPath]:
        rows = self.con.execute(f"SELECT path, {', '.join(KNOWN_COLUMNS)} FROM manifest"
                                ).fetchall()
        return {r[0]: KnownPath(*r[1:]) for r in rows}

    def write(self, commits: Sequence[FileCommit]) -> None:
        """All ``commits`` in one transaction: DuckDB has one writer, and committing
        per file would make that writer the bottleneck of a parallel ingest. A group
        whose rows exceed ``TRANSACTION_BYTES`` is written as two halves."""
        if not commits:
            return
        incoming = {t.name: _concat(t, [c.tables[t.name] for c in commits if c.tables])
                    for t in DATA_TABLES}
        if len(commits) > 1 and sum(_size(a) for a in incoming.values()) > TRANSACTION_BYTES:
            half = len(commits) // 2
            self.write(commits[:half])
            self.write(commits[half:])
            return
        shas = sorted({c.sha256 for c in commits if c.sha256 and c.tables is not None})
        stale = [s for s in shas if any(c.seen_before for c in commits if c.sha256 == s)]
        con = self.con
        con.execute("BEGIN")
        try:
            for t in DATA_TABLES:
                if stale:
                    con.execute(f"DELETE FROM {t.name} WHERE {file_column(t)} IN "
                                "(SELECT unnest(?::VARCHAR[]))", [stale])
                if incoming[t.name].num_rows:
                    self._insert(t, incoming[t.name])
            manifest = to_arrow(MANIFEST, [r for c in commits for r in c.manifest])
            con.register("incoming_manifest", manifest)
            cols = ", ".join(f'"{n}"' for n in MANIFEST.names)
            con.execute(f"INSERT OR REPLACE INTO manifest ({cols}) "
                        f"SELECT {cols} FROM incoming_manifest")
            con.unregister("incoming_manifest")
            replaced = sorted({s for c in commits for s in c.replaced} - set(shas))
            if replaced:
                self._drop_orphans(replaced)
            self._next_generation()
            con.execute("COMMIT")
            self.made += 1
        except BaseException:
            # A COMMIT that failed (out of memory) has ended the transaction already.
            with contextlib.suppress(duckdb.TransactionException):
                con.execute("ROLLBACK")
            raise

    def forget(self, paths: Sequence[str]) -> None:
        if not paths:
            return
        con = self.con
        con.execute("BEGIN")
        try:
            shas = [s for (s,) in con.execute(
                "SELECT DISTINCT sha256 FROM manifest WHERE sha256 IS NOT NULL AND path IN "
                "(SELECT unnest(?::VARCHAR[]))", [list(paths)]).fetchall()]
            con.execute("DELETE FROM manifest WHERE path IN (SELECT unnest(?::VARCHAR[]))",
                        [list(paths)])
            if shas:
                self._drop_orphans(sorted(shas))
            self._next_generation()
            con.execute("COMMIT")
            self.made += 1
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def generation(self) -> int:
        # fetchall, not fetchone: a half-read result would block the export's reader.
        [(value,)] = self.con.execute(
            "SELECT value FROM perfparse_meta WHERE key = 'generation'").fetchall()
        return int(value)

    def _next_generation(self) -> None:
        self.con.execute("UPDATE perfparse_meta SET value = CAST(CAST(value AS BIGINT) + 1 "
                         "AS VARCHAR) WHERE key = 'generation'")

    def _insert(self, t: TableSchema, data: pa.Table) -> None:
        self.con.register("incoming", data)
        cols = ", ".join(f'"{n}"' for n in t.names)  # by name: older tables order differently
        self.con.execute(f"INSERT INTO {t.name} ({cols}) SELECT {cols} FROM incoming")
        self.con.unregister("incoming")

    def _drop_orphans(self, shas: list[str]) -> None:
        orphans = [s for (s,) in self.con.execute(
            "SELECT s FROM unnest(?::VARCHAR[]) AS u(s) "
            "WHERE s NOT IN (SELECT sha256 FROM manifest WHERE sha256 IS NOT NULL)",
            [shas]).fetchall()]
        for t in DATA_TABLES:
            if orphans:
                self.con.execute(f"DELETE FROM {t.name} WHERE {file_column(t)} IN "
                                 "(SELECT unnest(?::VARCHAR[]))", [orphans])

    def batches(self, table: TableSchema, rows_per_batch: int) -> Iterator[pa.RecordBatch]:
        cols = ", ".join(f'"{n}"' for n in table.names)
        # Insertion order, not ORDER BY: a sort would hold the whole table in memory.
        yield from self.con.sql(f"SELECT {cols} FROM {table.name}"
                                ).to_arrow_reader(rows_per_batch)

    def close(self) -> None:
        self.con.close()
