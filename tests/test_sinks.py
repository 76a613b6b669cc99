"""Flat tables, to_frames, warehouses (real DuckDB and PostgreSQL) and the OUT exports,
on the reference documents in tests/gold/."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import perfparse
from perfparse.sink.arrow import arrow_tables, empty_tables
from perfparse.sink.exports import export_all
from perfparse.sink.flatten import flatten_document
from perfparse.sink.schema import DATA_TABLES, MANIFEST
from perfparse.sink.warehouse import FileCommit, Warehouse, WarehouseError, open_warehouse
from perfparse.validate.records import Document

GOLD = sorted((Path(__file__).parent / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [Document.model_validate(json.loads(p.read_text(encoding="utf-8"))) for p in GOLD]


def manifest_row(doc: Document, path: str | None = None) -> dict:
    n_ind = sum(len(f.indicators) for f in doc.forms)
    return {"path": path or doc.source.file, "file": doc.source.file,
            "sha256": doc.source.sha256, "size_bytes": 1, "format": doc.source.format,
            "status": "parsed", "forms": len(doc.forms), "indicators": n_ind, "warnings": 0,
            "seconds": 0.0}


def commit(doc: Document, path: str | None = None, *, seen_before: bool = True) -> FileCommit:
    return FileCommit(doc.source.sha256, arrow_tables(flatten_document(doc)),
                      [manifest_row(doc, path)], seen_before=seen_before)


def rows(wh: Warehouse, table: str) -> list[dict]:
    t = next(t for t in (*DATA_TABLES, MANIFEST) if t.name == table)
    return [r for b in wh.batches(t, 1000) for r in b.to_pylist()]


def counts(wh: Warehouse) -> dict[str, int]:
    return {t.name: len(rows(wh, t.name)) for t in DATA_TABLES}


# --- flat tables ---------------------------------------------------------------------------

def test_ids_are_stable_unique_and_derived_from_sha256(docs: list[Document]) -> None:
    seen: set[str] = set()
    for doc in docs:
        first, again = flatten_document(doc), flatten_document(doc)
        assert first == again
        for name, table_rows in first.items():
            ids = [r["id"] for r in table_rows]
            assert all(i.startswith(doc.source.sha256) for i in ids), name
            assert not seen & set(ids)
            seen |= set(ids)


def test_rows_follow_the_documents(docs: list[Document]) -> None:
    doc = docs[0]
    t = flatten_document(doc)
    assert len(t["projects"]) == len(doc.forms)
    assert len(t["indicators"]) == sum(len(f.indicators) for f in doc.forms)
    assert len(t["fund_lines"]) == sum(len(f.funds) for f in doc.forms)
    form, proj = doc.forms[0], t["projects"][0]
    assert proj["name"] == form.project.name and proj["start_date"] == form.project.start_date
    total = next(f for f in form.funds if f.line == "total")
    assert proj["funds_total_annual"] == Decimal(repr(total.annual)).quantize(Decimal("0.01"))
    ind = t["indicators"][0]
    assert (ind["level1"], ind["name"], ind["target_raw"]) == (
        form.indicators[0].level1, form.indicators[0].name, form.indicators[0].target.raw)
    assert all(r["project_id"] == proj["id"] for r in t["indicators"]
               if r["form_index"] == form.form_index)


def test_scores_hold_budget_indicator_and_total_lines(docs: list[Document]) -> None:
    doc = next(d for d in docs if any(f.total_score is not None for f in d.forms))
    form = next(f for f in doc.forms if f.total_score is not None)
    scores = [r for r in flatten_document(doc)["scores"] if r["form_index"] == form.form_index]
    kinds = {r["kind"] for r in scores}
    assert {"indicator", "total"} <= kinds
    total = next(r for r in scores if r["kind"] == "total")
    assert total["score"] == Decimal(repr(form.total_score)).quantize(Decimal("0.0001"))
    scored = [i for i in form.indicators if i.score is not None or i.weight is not None]
    assert sum(r["kind"] == "indicator" for r in scores) == len(scored)


def test_money_is_exact_decimal() -> None:
    from perfparse.sink.flatten import money

    assert money(0.1) == Decimal("0.10")
    assert money(384583.34) == Decimal("384583.34")
    assert money(1500000.0) == Decimal("1500000.00")
    assert money(None) is None and money(float("nan")) is None


def test_to_frames_is_typed(docs: list[Document]) -> None:
    frames = perfparse.to_frames(docs)
    assert set(frames) == {"files", "projects", "fund_lines", "indicators", "scores",
                           "warnings"}
    assert len(frames["files"]) == len(docs)
    assert len(frames["indicators"]) == sum(len(f.indicators) for d in docs for f in d.forms)
    p = frames["projects"]
    assert p["funds_total_annual"].dtype == pd.ArrowDtype(pa.decimal128(18, 2))
    assert p["start_date"].dtype == pd.ArrowDtype(pa.date32())
    assert frames["indicators"]["seq"].dtype == pd.ArrowDtype(pa.int64())
    assert frames["indicators"]["id"].is_unique


def test_to_frames_of_nothing_has_the_columns() -> None:
    frames = perfparse.to_frames([])
    assert all(len(f) == 0 for f in frames.values())
    assert "funds_total_annual" in frames["projects"].columns


# --- warehouses ------------------------------------------------------------------------------

@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Warehouse:
    if request.param == "duckdb":
        wh = open_warehouse(None, tmp_path)
    else:
        wh = open_warehouse(request.getfixturevalue("pg_url"), tmp_path)
    yield wh
    wh.close()


def test_rewriting_files_adds_no_rows(warehouse: Warehouse, docs: list[Document]) -> None:
    warehouse.write([commit(d, seen_before=False) for d in docs])
    before = counts(warehouse)
    assert before["files"] == len(docs) and before["indicators"] > 0
    warehouse.write([commit(d) for d in docs])
    assert counts(warehouse) == before
    assert len(rows(warehouse, "manifest")) == len(docs)


def test_a_file_that_yields_fewer_rows_loses_the_rest(warehouse: Warehouse,
                                                     docs: list[Document]) -> None:
    doc = docs[0]
    warehouse.write([commit(doc, seen_before=False)])
    shorter = doc.model_copy(deep=True)
    shorter.forms = shorter.forms[:1]
    warehouse.write([commit(shorter)])
    assert len(rows(warehouse, "projects")) == 1
    assert len(rows(warehouse, "indicators")) == len(doc.forms[0].indicators)


def test_a_failed_reparse_removes_the_rows(warehouse: Warehouse, docs: list[Document]) -> None:
    doc = docs[1]
    warehouse.write([commit(doc, seen_before=False)])
    failed = dict(manifest_row(doc), status="failed", code="timeout", reason="too slow",
                  forms=0, indicators=0)
    warehouse.write([FileCommit(doc.source.sha256, empty_tables(), [failed])])
    assert counts(warehouse) == {t.name: 0 for t in DATA_TABLES}
    assert rows(warehouse, "manifest")[0]["status"] == "failed"


def test_an_edited_file_leaves_no_old_version(warehouse: Warehouse,
                                              docs: list[Document]) -> None:
    a, b = docs[2], docs[3]
    warehouse.write([commit(a, "x.txt", seen_before=False)])
    edited = commit(b, "x.txt", seen_before=False)
    edited.replaced = {a.source.sha256}
    warehouse.write([edited])
    assert {r["id"] for r in rows(warehouse, "files")} == {b.source.sha256}
    assert {r["sha256"] for r in rows(warehouse, "indicators")} == {b.source.sha256}


def test_old_version_stays_while_another_path_holds_it(warehouse: Warehouse,
                                                       docs: list[Document]) -> None:
    a, b = docs[2], docs[3]
    warehouse.write([commit(a, "x.txt", seen_before=False)])
    warehouse.write([FileCommit(a.source.sha256, None, [manifest_row(a, "copy-of-x.txt")])])
    edited = commit(b, "x.txt", seen_before=False)
    edited.replaced = {a.source.sha256}
    warehouse.write([edited])
    assert {r["id"] for r in rows(warehouse, "files")} == {a.source.sha256, b.source.sha256}


def test_typed_columns_in_postgres(pg_url: str, tmp_path: Path, docs: list[Document]) -> None:
    import sqlalchemy as sa

    wh = open_warehouse(pg_url, tmp_path)
    wh.write([commit(docs[0], seen_before=False)])
    with wh.engine.connect() as conn:  # type: ignore[attr-defined]
        types = dict(conn.execute(sa.text(
            "SELECT table_name || '.' || column_name, data_type || coalesce('(' || "
            "numeric_precision || ',' || numeric_scale || ')', '') "
            "FROM information_schema.columns WHERE table_schema = 'public'")).all())
        annual = conn.execute(sa.text("SELECT funds_total_annual FROM projects LIMIT 1")
                              ).scalar()
    wh.close()
    assert types["projects.funds_total_annual"] == "numeric(18,2)"
    assert types["fund_lines.executed"] == "numeric(18,2)"
    assert types["indicators.score"] == "numeric(12,4)"
    assert types["projects.start_date"] == "date"
    assert types["indicators.extras"] == "jsonb"
    assert types["manifest.ingested_at"] == "timestamp with time zone"
    assert isinstance(annual, Decimal)


def test_postgres_commits_each_file_whole(pg_url: str, tmp_path: Path,
                                          docs: list[Document]) -> None:
    """A file whose rows cannot all be written leaves no row at all behind."""
    wh = open_warehouse(pg_url, tmp_path)
    good = commit(docs[0], seen_before=False)
    tables = flatten_document(docs[1])
    tables["indicators"][-1]["name"] = "a NUL \x00"  # fails after projects went in
    bad = FileCommit(docs[1].source.sha256, arrow_tables(tables), [manifest_row(docs[1])],
                     seen_before=False)
    with pytest.raises(Exception, match="NUL"):
        wh.write([good, bad])
    got = {r["sha256"] for r in rows(wh, "projects")}
    wh.close()
    assert got == {docs[0].source.sha256}


def test_duckdb_schema_version_is_checked(tmp_path: Path) -> None:
    import duckdb

    open_warehouse(None, tmp_path).close()
    con = duckdb.connect(str(tmp_path / "perfparse.duckdb"))
    con.execute("UPDATE perfparse_meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(WarehouseError, match="new --out"):
        open_warehouse(None, tmp_path)


def test_bad_db_url_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="postgresql://"):
        open_warehouse("mysql://x", tmp_path)


def test_unreachable_postgres_names_the_url(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="cannot connect"):
        open_warehouse("postgresql://nobody@127.0.0.1:9/none?connect_timeout=2", tmp_path)


# --- exports ---------------------------------------------------------------------------------

def test_exports_match_the_warehouse(warehouse: Warehouse, docs: list[Document],
                                     tmp_path: Path) -> None:
    warehouse.write([commit(d, seen_before=False) for d in docs])
    out = tmp_path / "out"
    got = export_all(warehouse, out, {"run_id": "r1"})
    expected = counts(warehouse)
    for name, n in expected.items():
        assert got[name] == n
        table = pq.read_table(out / "parquet" / name)
        assert table.num_rows == n
        lines = (out / "jsonl" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == n
    [part] = (out / "parquet" / "fund_lines").glob("*.parquet")
    schema = pq.read_schema(part)
    assert schema.field("executed").type == pa.decimal128(18, 2)
    first = json.loads((out / "jsonl" / "projects.jsonl").read_text(encoding="utf-8")
                       .splitlines()[0])
    assert isinstance(first["extras"], dict)
    assert first["start_date"] is None or len(first["start_date"]) == 10
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run"] == {"run_id": "r1"}
    assert sorted(f["path"] for f in manifest["files"]) == sorted(d.source.file for d in docs)
    assert not list(out.rglob("*.tmp"))


def test_exports_are_rewritten_only_when_the_warehouse_changed(
        warehouse: Warehouse, docs: list[Document], tmp_path: Path) -> None:
    g0 = warehouse.generation()
    warehouse.write([commit(docs[0], seen_before=False)])
    assert warehouse.generation() == g0 + 1
    out = tmp_path / "out"
    first = export_all(warehouse, out, {"run_id": "r1"})
    [parquet] = (out / "parquet" / "indicators").glob("*.parquet")
    stamp = (parquet.stat().st_ino, parquet.stat().st_mtime_ns)  # a rewrite is a new inode

    again = export_all(warehouse, out, {"run_id": "r2"})  # nothing written since
    assert again == first and (parquet.stat().st_ino, parquet.stat().st_mtime_ns) == stamp
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run"]["run_id"] == "r2"  # the run summary is always new

    (out / "jsonl" / "scores.jsonl").unlink()  # a missing file is written again
    export_all(warehouse, out, {"run_id": "r3"})
    assert (out / "jsonl" / "scores.jsonl").exists()

    warehouse.write([commit(docs[1], seen_before=False)])
    grown = export_all(warehouse, out, {"run_id": "r4"})
    assert grown["indicators"] > first["indicators"]
    assert pq.read_table(parquet.parent).num_rows == grown["indicators"]

    warehouse.forget([docs[1].source.file])
    assert export_all(warehouse, out, {"run_id": "r5"}) == first
    assert pq.read_table(parquet.parent).num_rows == first["indicators"]


@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_a_warehouse_from_before_the_confidence_columns_gains_them(
        kind: str, docs: list[Document], tmp_path: Path, request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue("pg_url") if kind == "postgres" else None
    old = open_warehouse(db, tmp_path)
    old.write([commit(docs[0], seen_before=False)])
    if kind == "duckdb":
        for col in ("target_confidence", "actual_confidence"):
            old.con.execute(f"ALTER TABLE indicators DROP COLUMN {col}")  # type: ignore[attr-defined]
    else:
        import sqlalchemy as sa

        with old.engine.begin() as conn:  # type: ignore[attr-defined]
            conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN target_confidence, "
                                 "DROP COLUMN actual_confidence"))
    before = old.generation()
    old.close()

    wh = open_warehouse(db, tmp_path)
    try:
        assert wh.generation() == before + 1  # exports made before lack the columns
        wh.write([commit(docs[1], seen_before=False)])
        got = rows(wh, "indicators")
        assert {r["sha256"] for r in got} == {docs[0].source.sha256, docs[1].source.sha256}
        assert all("target_confidence" in r for r in got)
    finally:
        wh.close()


def test_ocr_confidence_reaches_the_indicator_rows() -> None:
    samples = Path(__file__).parents[1] / "samples"
    scanned = perfparse.parse(samples / "scan" / "003_8e24aa098cee1238-200dpi.pdf")
    targets = [r["target_confidence"] for r in flatten_document(scanned)["indicators"]
               if r["target_raw"]]
    assert targets and all(c is not None and 0.0 < c <= 1.0 for c in targets)
    dump = perfparse.parse(samples / "003_8e24aa098cee1238.txt")  # no OCR: no confidence
    assert {r["target_confidence"] for r in flatten_document(dump)["indicators"]} == {None}
