"""`perfparse ingest` end to end on real files: a corpus mixing good files with corrupt,
empty, encrypted and junk ones; re-ingest; edits; the CLI; DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from perfparse.cli import app
from perfparse.ingest import IngestOptions, ingest
from perfparse.sink.schema import DATA_TABLES, MANIFEST
from perfparse.sink.warehouse import open_warehouse

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "samples").glob("*.txt"))
PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


def warehouse_rows(db: str | None, out: Path) -> dict[str, set[tuple]]:
    """Every data row (and the manifest's what-happened columns) as comparable tuples."""
    wh = open_warehouse(db, out)
    try:
        got: dict[str, set[tuple]] = {}
        for t in DATA_TABLES:
            json_cols = {c.name for c in t.columns if c.kind == "json"}
            got[t.name] = {
                tuple(json.dumps(json.loads(v), sort_keys=True) if k in json_cols and v else v
                      for k, v in r.items())
                for b in wh.batches(t, 5000) for r in b.to_pylist()}
        got["manifest"] = {(r["path"], r["sha256"], r["status"], r["code"], r["forms"],
                            r["indicators"], r["same_as"])
                           for b in wh.batches(MANIFEST, 5000) for r in b.to_pylist()}
        return got
    finally:
        wh.close()


def make_corpus(dest: Path, *, pdfs: int = 2) -> dict[str, str]:
    """Good files plus bad ones; returns path → expected status ("parsed" covers both
    parsed statuses) or failure code."""
    expect: dict[str, str] = {}
    (dest / "a" / "deeper").mkdir(parents=True)
    for i, src in enumerate(TEXTS):
        rel = f"a/{src.name}" if i % 2 else f"a/deeper/{src.name}"
        shutil.copy(src, dest / rel)
        expect[rel] = "parsed"
    for src in PDFS[:pdfs]:
        shutil.copy(src, dest / src.name)
        expect[src.name] = "parsed"
    shutil.copy(TEXTS[0], dest / "same-as-first.txt")
    expect["same-as-first.txt"] = "parsed"
    (dest / "empty.txt").write_bytes(b"")
    expect["empty.txt"] = "empty-file"
    (dest / "junk.bin").write_bytes(bytes(range(256)) * 64)
    expect["junk.bin"] = "unsupported-format"
    (dest / "prose.txt").write_text("这是一段说明文字，没有表格。\n", encoding="utf-8")
    expect["prose.txt"] = "no-form"
    if PDFS:
        data = PDFS[0].read_bytes()
        (dest / "truncated.pdf").write_bytes(data[: len(data) // 3])
        expect["truncated.pdf"] = "corrupt-pdf"
    (dest / ".hidden.txt").write_bytes(TEXTS[0].read_bytes())  # ignored: not in expect
    return expect


def encrypt_pdf(src: Path, dest: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf makes the encrypted PDF")
    with pikepdf.open(src) as pdf:
        pdf.save(dest, encryption=pikepdf.Encryption(user="secret", owner="owner"))


def status_of(entry: dict) -> str:
    return "parsed" if entry["status"] != "failed" else entry["code"]


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "in"
    expect = make_corpus(root)
    if PDFS:
        encrypt_pdf(PDFS[0], root / "locked.pdf")
        expect["locked.pdf"] = "encrypted"
    return root, expect


def test_every_file_is_in_the_manifest_with_its_status(corpus, tmp_path: Path) -> None:
    root, expect = corpus
    if not PDFS:
        pytest.skip("samples/pdf/ has no PDFs: the corrupt and encrypted cases need one")
    out = tmp_path / "out"
    s = ingest(IngestOptions(root, out, workers=2))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    got = {f["path"]: f for f in manifest["files"]}
    assert {p: status_of(f) for p, f in got.items()} == expect
    for f in got.values():
        assert len(f["sha256"]) == 64 and f["size_bytes"] >= 0 and f["seconds"] >= 0
        if f["status"] == "failed":
            assert f["reason"] and f["forms"] == 0
        else:
            assert f["forms"] > 0 and f["indicators"] > 0 and f["format"] in ("text", "pdf")
    twins = {"same-as-first.txt", "a/deeper/" + TEXTS[0].name}
    assert {(p, got[p]["same_as"]) for p in twins} == {  # walk order: root files first
        ("same-as-first.txt", None), ("a/deeper/" + TEXTS[0].name, "same-as-first.txt")}
    assert got["junk.bin"]["format"] == "binary"
    n_failed = sum(v not in ("parsed",) for v in expect.values())
    assert (s.files, s.failed, s.copies) == (len(expect), n_failed, 1)
    assert s.parsed + s.parsed_with_warnings == len(expect) - n_failed
    assert manifest["run"]["files"] == len(expect)
    rows = warehouse_rows(None, out)
    assert len(rows["files"]) == len(TEXTS) + 2  # a copy adds no rows
    assert sum(f["forms"] for f in got.values() if not f["same_as"]) == len(rows["projects"])
    for t in DATA_TABLES:
        lines = (out / "jsonl" / f"{t.name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(rows[t.name])


def exported(out: Path) -> dict[str, list[dict]]:
    """Every data table as exported, checked to say the same in Parquet (read as one
    dataset of parts) and JSONL; rows sorted by id."""
    got = {}
    for t in DATA_TABLES:
        lines = [json.loads(x) for x in
                 (out / "jsonl" / f"{t.name}.jsonl").read_text(encoding="utf-8").splitlines()]
        parquet = pq.read_table(out / "parquet" / t.name).to_pylist()
        lines.sort(key=lambda r: r["id"])
        parquet.sort(key=lambda r: r["id"])
        assert len(lines) == len(parquet), t.name
        for js, pq_row in zip(lines, parquet, strict=True):
            for k, v in pq_row.items():
                if isinstance(v, Decimal):
                    v = float(v)
                elif isinstance(v, datetime.date):
                    v = v.isoformat()
                elif k in ("extras",) and v is not None:
                    v = json.loads(v)
                assert js[k] == v, (t.name, js["id"], k)
        got[t.name] = lines
    return got


def parts(out: Path, table: str) -> dict[str, int]:
    """The table's Parquet parts: name → inode (a rewritten part is a new inode)."""
    return {p.name: p.stat().st_ino for p in (out / "parquet" / table).glob("*.parquet")}


def archive(tmp_path: Path, files: list[Path]) -> Path:
    """``tmp_path/in`` holding copies of ``files``."""
    root = tmp_path / "in"
    root.mkdir()
    for src in files:
        shutil.copy(src, root / src.name)
    return root


def test_a_run_that_only_adds_files_appends_to_the_exports(tmp_path: Path) -> None:
    root, out = archive(tmp_path, TEXTS[:2]), tmp_path / "out"
    ingest(IngestOptions(root, out, workers=2))
    before = parts(out, "indicators")
    jsonl = out / "jsonl" / "indicators.jsonl"
    head = jsonl.read_bytes()
    for src in TEXTS[2:]:
        shutil.copy(src, root / src.name)
    (root / "empty.txt").write_bytes(b"")  # a failure adds manifest rows, no data rows
    s = ingest(IngestOptions(root, out, workers=2))
    assert s.unchanged == 2 and s.failed == 1
    after = parts(out, "indicators")
    assert len(before) == 1 and len(after) == 2 and before.items() <= after.items()
    assert jsonl.read_bytes().startswith(head)
    got = exported(out)
    fresh = tmp_path / "fresh"
    ingest(IngestOptions(root, fresh, workers=1))
    assert got == exported(fresh)
    in_warehouse = warehouse_rows(None, out)
    for t in DATA_TABLES:
        assert len(got[t.name]) == len(in_warehouse[t.name]), t.name
    state = json.loads((out / "exports.json").read_text(encoding="utf-8"))
    assert state["tables"]["indicators"]["rows"] == len(got["indicators"])
    assert not (out / ".run").exists()


def test_a_run_that_replaces_rows_rewrites_the_exports(tmp_path: Path) -> None:
    root, out = archive(tmp_path, TEXTS[:2]), tmp_path / "out"
    ingest(IngestOptions(root, out, workers=1))
    first = parts(out, "indicators")
    shutil.copy(TEXTS[2], root / TEXTS[0].name)  # edited: its old rows must go
    ingest(IngestOptions(root, out, workers=1))
    again = parts(out, "indicators")
    assert len(again) == 1 and again.keys() != first.keys()
    fresh = tmp_path / "fresh"
    ingest(IngestOptions(root, fresh, workers=1))
    assert exported(out) == exported(fresh)


def test_what_an_interrupted_run_left_in_the_exports_is_dropped(tmp_path: Path) -> None:
    root, out = archive(tmp_path, TEXTS[:1]), tmp_path / "out"
    ingest(IngestOptions(root, out, workers=1))
    # A run killed while installing its parts: half a JSONL line, a part the state does
    # not list, its scratch folder.
    with (out / "jsonl" / "indicators.jsonl").open("ab") as f:
        f.write(b'{"id": "half a li')
    [part] = (out / "parquet" / "indicators").glob("*.parquet")
    shutil.copy(part, part.with_name("part-99999999.parquet"))
    (out / ".run").mkdir()
    (out / ".run" / "indicators.jsonl").write_bytes(b"{}\n")
    shutil.copy(TEXTS[1], root / TEXTS[1].name)
    ingest(IngestOptions(root, out, workers=1))
    assert "part-99999999.parquet" not in parts(out, "indicators")
    fresh = tmp_path / "fresh"
    ingest(IngestOptions(root, fresh, workers=1))
    assert exported(out) == exported(fresh)


def parse_beside_another_writer(name: str, data: bytes):
    """The real parser; a file that ends in ``OTHER-WRITER <url>`` also has its worker
    write a form of its own into that PostgreSQL warehouse meanwhile, as another ingest
    into that database would."""
    from perfparse.api import parse_bytes
    from perfparse.sink.arrow import arrow_tables
    from perfparse.sink.flatten import flatten_document
    from perfparse.sink.postgres_warehouse import PostgresWarehouse
    from perfparse.sink.warehouse import FileCommit

    doc = parse_bytes(name, data)
    _, marker, url = data.rpartition(b"\nOTHER-WRITER ")
    if marker:
        other = doc.model_copy(update={"source": doc.source.model_copy(
            update={"sha256": "0" * 64, "file": "elsewhere.txt"})})
        wh = PostgresWarehouse(url.decode())
        wh.write([FileCommit("0" * 64, arrow_tables(flatten_document(other)), [{
            "path": "elsewhere/elsewhere.txt", "file": "elsewhere.txt", "sha256": "0" * 64,
            "size_bytes": len(data), "format": "text", "status": "parsed", "forms": 1,
            "indicators": 1, "warnings": 0, "seconds": 0.0}], seen_before=False)])
        wh.close()
    return doc


def test_exports_hold_what_another_writer_added_during_the_run(
        tmp_path: Path, pg_url: str) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(TEXTS[0], root / TEXTS[0].name)
    ingest(IngestOptions(root, out, db=pg_url, workers=1))
    # The worker that parses this file writes into the warehouse meanwhile.
    (root / TEXTS[1].name).write_bytes(TEXTS[1].read_bytes() + b"\nOTHER-WRITER "
                                       + pg_url.encode())
    ingest(IngestOptions(root, out, db=pg_url, workers=1,
                         parse_fn=parse_beside_another_writer))
    got = exported(out)
    ids = {r["id"] for r in got["projects"]}
    assert any(i.startswith("0" * 64) for i in ids)  # the other writer's form
    in_warehouse = warehouse_rows(pg_url, out)
    for t in DATA_TABLES:
        assert len(got[t.name]) == len(in_warehouse[t.name]), t.name


def test_reingest_skips_and_force_adds_nothing(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    expect = make_corpus(root, pdfs=0)
    first = ingest(IngestOptions(root, out, workers=2))
    rows = warehouse_rows(None, out)
    again = ingest(IngestOptions(root, out, workers=2))
    assert again.unchanged == len(expect) == first.files
    assert again.parsed + again.parsed_with_warnings + again.failed == 0
    assert warehouse_rows(None, out) == rows
    forced = ingest(IngestOptions(root, out, workers=2, force=True))
    assert forced.unchanged == 0 and forced.failed == first.failed
    assert forced.forms == first.forms
    assert warehouse_rows(None, out) == rows


def test_retry_failed_reparses_only_failures(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    expect = make_corpus(root, pdfs=0)
    first = ingest(IngestOptions(root, out, workers=1))
    retry = ingest(IngestOptions(root, out, workers=1, retry_failed=True))
    assert retry.failed == first.failed > 0
    assert retry.unchanged == len(expect) - first.failed


def test_an_edited_file_replaces_its_rows(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "f.txt")
    ingest(IngestOptions(root, out, workers=1))
    shutil.copy(TEXTS[3], root / "f.txt")
    s = ingest(IngestOptions(root, out, workers=1))
    assert s.parsed + s.parsed_with_warnings == 1
    rows = warehouse_rows(None, out)
    assert len(rows["files"]) == 1 and len(rows["manifest"]) == 1
    fresh = tmp_path / "fresh"
    ingest(IngestOptions(root, fresh, workers=1))
    assert warehouse_rows(None, fresh) == rows



@pytest.mark.parametrize("warehouse", ["duckdb", "postgres"])
def test_files_gone_from_the_archive_are_kept_until_pruned(tmp_path: Path, warehouse: str,
                                                           request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue("pg_url") if warehouse == "postgres" else None
    root, out = tmp_path / "in", tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    for name, src in [("a.txt", TEXTS[0]), ("b.txt", TEXTS[1]), ("b-copy.txt", TEXTS[1]),
                      ("c.txt", TEXTS[2]), ("moved.txt", TEXTS[3]), ("d0.txt", TEXTS[4]),
                      ("d1.txt", TEXTS[4]), ("d2.txt", TEXTS[4])]:
        shutil.copy(src, root / name)
    ingest(IngestOptions(root, out, db=db, workers=2))
    before = warehouse_rows(db, out)
    (root / "a.txt").unlink()  # its content is nowhere else: rows go
    (root / "b.txt").unlink()  # b-copy.txt still holds the content: rows stay
    (root / "moved.txt").rename(root / "sub" / "moved.txt")
    (root / "d0.txt").unlink()  # d1 and d2 were recorded as its copies

    kept = ingest(IngestOptions(root, out, db=db, workers=2))
    assert (kept.missing, kept.pruned) == (4, 0)
    after = warehouse_rows(db, out)
    assert after["files"] == before["files"]
    assert {m[0] for m in after["manifest"]} == {m[0] for m in before["manifest"]} | {
        "sub/moved.txt"}

    pruned = ingest(IngestOptions(root, out, db=db, workers=2, prune=True))
    assert (pruned.missing, pruned.pruned) == (4, 4)
    fresh = tmp_path / "fresh"  # the same archive ingested from scratch
    fresh_db = request.getfixturevalue("pg_url") if warehouse == "postgres" else None
    ingest(IngestOptions(root, fresh, db=fresh_db, workers=2))
    want = warehouse_rows(fresh_db, fresh)
    got = warehouse_rows(db, out)
    assert got["manifest"] == want["manifest"] and len(got["manifest"]) == 5
    for t in DATA_TABLES:
        assert got[t.name] == want[t.name], t.name



def test_copies_of_an_edited_file_are_recorded_as_a_fresh_ingest_would(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "b.txt")
    ingest(IngestOptions(root, out, workers=1))
    shutil.copy(TEXTS[0], root / "a.txt")  # added later: a copy of b.txt, though first in order
    shutil.copy(TEXTS[0], root / "c.txt")
    ingest(IngestOptions(root, out, workers=1))
    assert {m[0]: m[6] for m in warehouse_rows(None, out)["manifest"]} == {
        "a.txt": "b.txt", "b.txt": None, "c.txt": "b.txt"}
    shutil.copy(TEXTS[1], root / "b.txt")  # the original now holds other content
    ingest(IngestOptions(root, out, workers=1))
    fresh = tmp_path / "fresh"
    ingest(IngestOptions(root, fresh, workers=1))
    assert warehouse_rows(None, out) == warehouse_rows(None, fresh)

def test_prune_refuses_an_empty_archive(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "a.txt")
    ingest(IngestOptions(root, out, workers=1))
    (root / "a.txt").unlink()
    result = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out), "--prune"])
    assert result.exit_code == 2
    assert "holds no files" in result.output and "mounted" in result.output
    assert len(warehouse_rows(None, out)["files"]) == 1


def test_cli_says_what_is_gone_and_prunes_on_request(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "a.txt")
    shutil.copy(TEXTS[1], root / "b.txt")
    ingest(IngestOptions(root, out, workers=1))
    (root / "b.txt").unlink()
    kept = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out)])
    assert kept.exit_code == 0, kept.output
    assert f"1 file ingested before is no longer under {root}" in kept.output
    assert "its rows are kept (--prune drops them)" in kept.output
    pruned = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out), "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert f"pruned 1 file no longer under {root}, with its rows" in pruned.output
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert [f["path"] for f in files] == ["a.txt"]

def test_postgres_matches_duckdb_and_reingest_adds_nothing(tmp_path: Path, pg_url: str) -> None:
    root = tmp_path / "in"
    make_corpus(root, pdfs=1)
    ingest(IngestOptions(root, tmp_path / "duck", workers=2))
    ingest(IngestOptions(root, tmp_path / "pg", db=pg_url, workers=2))
    in_pg = warehouse_rows(pg_url, tmp_path / "pg")
    assert in_pg == warehouse_rows(None, tmp_path / "duck")
    again = ingest(IngestOptions(root, tmp_path / "pg", db=pg_url, workers=2, force=True))
    assert again.unchanged == 0
    assert warehouse_rows(pg_url, tmp_path / "pg") == in_pg
    assert any((tmp_path / "pg" / "parquet" / "indicators").glob("*.parquet"))


def test_cli_reports_failures_by_name_and_exits_1(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    make_corpus(root, pdfs=0)
    result = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "failed empty.txt: the file is empty" in result.output
    assert "junk.bin" in result.output and "--retry-failed" in result.output
    assert f"warehouse: duckdb://{out.resolve()}/perfparse.duckdb" in result.output
    again = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "0 failed" in again.output and "unchanged since an earlier run" in again.output


def test_cli_rejects_a_bad_warehouse_url(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    result = CliRunner().invoke(app, ["ingest", str(root), "--out", str(tmp_path / "o"),
                                      "--db", "mysql://x"])
    assert result.exit_code == 2
    assert "postgresql://" in result.output


def test_a_failing_warehouse_stops_the_run_with_what_to_do(tmp_path: Path, pg_url: str) -> None:
    import psycopg

    from perfparse.sink.warehouse import WarehouseError

    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "a.txt")
    ingest(IngestOptions(root, tmp_path / "out", db=pg_url, workers=1))
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE indicators ADD CONSTRAINT refuse_all CHECK (false) NOT VALID")
    with pytest.raises(WarehouseError, match="run the same command again"):
        ingest(IngestOptions(root, tmp_path / "out", db=pg_url, workers=1, force=True))
    assert len(warehouse_rows(pg_url, tmp_path / "out")["indicators"]) > 0  # nothing half-done


def test_output_folder_inside_the_input_is_refused(tmp_path: Path) -> None:
    """Its exports would be read as input (issue 13): refused before anything is written."""
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(TEXTS[2], root / "a.txt")
    for out in (root / "out", root):
        r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out)])
        assert r.exit_code == 2 and "inside the archive" in r.output, r.output
    assert sorted(p.name for p in root.iterdir()) == ["a.txt"]


def test_the_ingest_process_itself_does_not_load_the_parser() -> None:
    """Only workers parse; the planning and writing process stays small, since its
    memory counts in every run's peak."""
    code = ("import sys, perfparse.cli, perfparse.ingest.run, perfparse.ingest.pool, "
            "perfparse.ingest.progress, perfparse.sink.duckdb_warehouse\n"
            "print(sorted(m for m in ('perfparse.api', 'perfparse.normalise', 'pydantic', "
            "'pdfplumber', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


_BUDGET_ENV = ("PERFPARSE_THREADS", "OPENCV_FOR_THREADS_NUM")


def budget_checking_parse(name: str, data: bytes):
    """The real parser, in a worker that must have the thread budget its file's name
    states ("threads3-….txt": 3) set for every library before it parses."""
    from perfparse.api import parse_bytes

    want = name.split("-", 1)[0].removeprefix("threads")
    got = {k: os.environ.get(k) for k in _BUDGET_ENV}
    if set(got.values()) != {want}:
        raise RuntimeError(f"thread budget {got}, want {want} for each")
    return parse_bytes(name, data)


def test_each_worker_gets_its_share_of_the_cores_or_the_threads_asked(tmp_path: Path) -> None:
    from perfparse.budget import cores

    for workers, threads, want in ((1, None, cores()), (2, None, max(1, cores() // 2)),
                                   (2, 3, 3)):
        root = tmp_path / f"in-{workers}-{threads}"
        root.mkdir()
        (root / f"threads{want}-a.txt").write_bytes(TEXTS[0].read_bytes())
        s = ingest(IngestOptions(root, tmp_path / f"out-{workers}-{threads}", workers=workers,
                                 threads=threads, parse_fn=budget_checking_parse))
        assert s.failed == 0, s.failures
        assert s.threads == want
