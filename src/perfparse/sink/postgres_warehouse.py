"""PostgreSQL warehouse (SQLAlchemy 2 Core + psycopg 3): one transaction per file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert

from perfparse.sink.arrow import rows_of, to_arrow
from perfparse.sink.flatten import Row
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


def _sql_type(kind: str) -> sa.types.TypeEngine:
    return {
        "str": sa.Text(), "int": sa.BigInteger(), "float": sa.Double(),
        "bool": sa.Boolean(),
        "money": sa.Numeric(MONEY_PRECISION, MONEY_SCALE),
        "points": sa.Numeric(POINTS_PRECISION, POINTS_SCALE),
        "date": sa.Date(), "json": JSONB(), "timestamp": sa.DateTime(timezone=True),
    }[kind]


def _metadata() -> tuple[sa.MetaData, dict[str, sa.Table], sa.Table]:
    md = sa.MetaData()
    tables = {}
    for t in ALL_TABLES:
        cols = [sa.Column(c.name, _sql_type(c.kind), primary_key=c.name == t.key)
                for c in t.columns]
        table = sa.Table(t.name, md, *cols)
        if t is not MANIFEST and file_column(t) != t.key:
            sa.Index(f"{t.name}_sha256_idx", table.c.sha256)
        tables[t.name] = table
    sa.Index("manifest_sha256_idx", tables["manifest"].c.sha256)
    meta = sa.Table("perfparse_meta", md, sa.Column("key", sa.Text(), primary_key=True),
                    sa.Column("value", sa.Text()))
    return md, tables, meta


def engine_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` → the psycopg 3 driver SQLAlchemy should use."""
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


class PostgresWarehouse:
    # One transaction per file whatever the batch; batching only spares the queue.
    batch_files = 32
    batch_seconds = 0.0
    data_errors = (sa.exc.DataError,)  # SQLSTATE class 22: a value the column refuses

    def __init__(self, url: str) -> None:
        self.url = url
        self.made = 0
        self.engine = sa.create_engine(engine_url(url), pool_pre_ping=True)
        md, self.tables, self.meta = _metadata()
        meta = self.meta
        try:
            with self.engine.begin() as conn:
                # Two ingests starting at once would race on CREATE TABLE.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7405301)"))
                md.create_all(conn, checkfirst=True)
                version = conn.execute(sa.select(meta.c.value).where(
                    meta.c.key == "schema_version")).scalar()
                if version is None:
                    conn.execute(meta.insert().values(key="schema_version",
                                                      value=str(SCHEMA_VERSION)))
                conn.execute(pg_insert(meta).values(key="generation", value="0")
                             .on_conflict_do_nothing())
                self._add_new_columns(conn)
                create_views(lambda sql: conn.execute(sa.text(sql)))
        except sa.exc.OperationalError as e:
            raise WarehouseError(f"cannot connect to {url}: {e.orig}. Check that the server "
                                 "runs and the URL's user, host, port and database.") from e
        if version is not None and version != str(SCHEMA_VERSION):
            raise WarehouseError(f"{url} holds perfparse schema v{version}, this perfparse "
                                 f"writes v{SCHEMA_VERSION}: use a new database.")

    def _add_new_columns(self, conn: sa.Connection) -> None:
        """A warehouse from an older perfparse lacks the columns added since."""
        insp = sa.inspect(conn)
        new = missing_columns({(t.name, c["name"]) for t in ALL_TABLES
                               for c in insp.get_columns(t.name)})
        for t, c in new:
            type_sql = _sql_type(c.kind).compile(dialect=conn.dialect)
            conn.execute(sa.text(f'ALTER TABLE {t.name} ADD COLUMN "{c.name}" {type_sql}'))
        if new:  # the exports lack them too
            self._next_generation(conn)

    def known(self) -> dict[str, KnownPath]:
        m = self.tables["manifest"]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(m.c.path, *(m.c[n] for n in KNOWN_COLUMNS))).all()
        return {r[0]: KnownPath(*r[1:]) for r in rows}

    def write(self, commits: Sequence[FileCommit]) -> None:
        for c in commits:
            with self.engine.begin() as conn:
                self._write_one(conn, c)
            self.made += 1

    def _write_one(self, conn: sa.Connection, c: FileCommit) -> None:
        if c.sha256 and c.tables is not None:
            for t in DATA_TABLES:
                rows = list(rows_of(t, c.tables[t.name].to_batches()))
                table = self.tables[t.name]
                col = table.c[file_column(t)]
                if rows:
                    self._upsert(conn, t, rows)
                if c.seen_before:
                    # Rows this file no longer yields (or all, if it failed this time).
                    conn.execute(table.delete().where(
                        col == c.sha256, table.c.id.not_in([r["id"] for r in rows])))
        self._upsert(conn, MANIFEST, c.manifest)
        for old in c.replaced - {c.sha256}:
            self._drop_if_orphan(conn, old)
        self._next_generation(conn)

    def forget(self, paths: Sequence[str]) -> None:
        if not paths:
            return
        m = self.tables["manifest"]
        with self.engine.begin() as conn:
            shas = conn.execute(sa.select(m.c.sha256).distinct().where(
                m.c.path.in_(paths), m.c.sha256.is_not(None))).scalars().all()
            conn.execute(m.delete().where(m.c.path.in_(paths)))
            for sha in shas:
                self._drop_if_orphan(conn, sha)
            self._next_generation(conn)
        self.made += 1

    def generation(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(self.meta.c.value).where(
                self.meta.c.key == "generation")).scalar_one())

    def _next_generation(self, conn: sa.Connection) -> None:
        m = self.meta
        conn.execute(m.update().where(m.c.key == "generation").values(
            value=sa.cast(sa.cast(m.c.value, sa.BigInteger) + 1, sa.Text)))

    def _drop_if_orphan(self, conn: sa.Connection, sha: str) -> None:
        """Drop the data rows of content no manifest path holds any more."""
        m = self.tables["manifest"]
        if conn.execute(sa.select(m.c.path).where(m.c.sha256 == sha).limit(1)).first() is None:
            for t in DATA_TABLES:
                table = self.tables[t.name]
                conn.execute(table.delete().where(table.c[file_column(t)] == sha))

    def _upsert(self, conn: sa.Connection, t: TableSchema, rows: list[Row]) -> None:
        table = self.tables[t.name]
        stmt = pg_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.key],
            set_={n: stmt.excluded[n] for n in t.names if n != t.key})
        conn.execute(stmt, rows)

    def batches(self, table: TableSchema, rows_per_batch: int) -> Iterator[pa.RecordBatch]:
        t = self.tables[table.name]
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=rows_per_batch).execute(
                sa.select(t).order_by(t.c[table.key]))
            for part in result.mappings().partitions():
                yield from to_arrow(table, [dict(r) for r in part]).to_batches()

    def close(self) -> None:
        self.engine.dispose()
