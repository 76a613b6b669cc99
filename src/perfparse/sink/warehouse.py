"""What the ingest needs from a warehouse, and how a ``--db`` URL picks one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from perfparse.sink.flatten import Row
from perfparse.sink.schema import TableSchema

if TYPE_CHECKING:
    import pyarrow as pa

    from perfparse.sink.arrow import ArrowTables

# 2: derived columns (form_key, clean dimensions, met, warning places), funds_unit_printed.
SCHEMA_VERSION = 2


class WarehouseError(Exception):
    """A warehouse that cannot be opened or used; the message says what to do."""


@dataclass(slots=True)
class FileCommit:
    """One file's outcome, written atomically: the manifest rows of every path holding
    that content, and the file's data rows — all of them, so rows it no longer yields go
    (none for a failed file) — or ``None`` to leave its rows alone (a copy of content
    ingested before).

    ``replaced`` are sha256s those paths held before; their rows are dropped once no
    path refers to them, so an edited file does not leave its old version behind.
    ``seen_before`` is False for content the warehouse has never held, which then has
    no rows to replace: skipping that search keeps a large first ingest linear.
    """

    sha256: str | None
    tables: ArrowTables | None
    manifest: list[Row]
    replaced: set[str] = field(default_factory=set)
    seen_before: bool = True
    # The data rows' JSONL export lines per table, encoded by the parse worker; None:
    # the exports encode them.
    lines: dict[str, bytes] | None = None


@dataclass(frozen=True, slots=True)
class KnownPath:
    sha256: str | None
    status: str
    format: str | None
    forms: int
    indicators: int
    warnings: int
    same_as: str | None = None  # the path whose parse this path's content repeats


KNOWN_COLUMNS = ("sha256", "status", "format", "forms", "indicators", "warnings", "same_as")


class Warehouse(Protocol):
    url: str
    # The ingest commits up to batch_files files at once, waiting up to batch_seconds
    # for them: what a crash can lose, traded for fewer, larger transactions.
    batch_files: int
    batch_seconds: float
    # What ``write`` raises when the rows are at fault rather than the warehouse (a value
    # it cannot convert, a transaction too large): the ingest then writes the files of
    # the group one by one, and a file still refused fails alone.
    data_errors: tuple[type[Exception], ...]
    # Transactions this object has committed: the exports tell their own run's writes
    # from another writer's by the generation.
    made: int

    def known(self) -> dict[str, KnownPath]:
        """Manifest so far: path → what was ingested from it."""
        ...

    def write(self, commits: Sequence[FileCommit]) -> None:
        """Write whole files; a reader never sees part of one."""
        ...

    def forget(self, paths: Sequence[str]) -> None:
        """Drop these paths' manifest rows, and the rows of content no path still
        holds, in one transaction."""
        ...

    def generation(self) -> int:
        """How many transactions have changed the warehouse: exports written at one
        generation are current while it holds."""
        ...

    def batches(self, table: TableSchema, rows_per_batch: int) -> Iterator[pa.RecordBatch]:
        """Stream a table for the exports, in memory that does not grow with it."""
        ...

    def close(self) -> None: ...


def open_warehouse(db: str | None, out: Path) -> Warehouse:
    """``None`` → DuckDB at ``OUT/perfparse.duckdb``; ``duckdb:///path`` → DuckDB there;
    ``postgresql://user@host:port/db`` → PostgreSQL."""
    if db is None:
        from perfparse.sink.duckdb_warehouse import DuckDBWarehouse

        return DuckDBWarehouse(out / "perfparse.duckdb")
    if db.startswith("duckdb:"):
        from perfparse.sink.duckdb_warehouse import DuckDBWarehouse

        # duckdb:///tmp/w.duckdb → /tmp/w.duckdb; duckdb:w.duckdb → w.duckdb
        return DuckDBWarehouse(Path(db.removeprefix("duckdb:").removeprefix("//")))
    if db.split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres"):
        from perfparse.sink.postgres_warehouse import PostgresWarehouse

        return PostgresWarehouse(db)
    raise WarehouseError(f"--db {db!r}: give postgresql://user@host:port/dbname or "
                         "duckdb:///path/to/file.duckdb (default: OUT/perfparse.duckdb)")
