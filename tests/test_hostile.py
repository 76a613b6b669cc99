"""Hostile archives (issue 13): nothing one file can do stops a run or swamps the host.

Every hostile input is made here at test time and is tiny on disk. Each test names the
case of the issue it keeps fixed: writer run-stoppers, memory and time bombs, `parse`
stopping its batch, archive faults, and wrong-but-quiet decoding and JSON.
"""

from __future__ import annotations

import fcntl
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile_archive as ha
from hostile_cases import (
    MARKUP,
    TRADITIONAL,
    backtracking_line,
    big_png,
    deflate_bomb_pdf,
    fifo,
    form,
    gbk_name,
    huge_amount,
    huge_page_pdf,
    link_out,
    nul_text,
    ruled_pages_pdf,
    socket_file,
    stray_bytes,
    with_bom,
    write_overlay,
    xobject_fan_pdf,
)
from perfparse.cli import app
from perfparse.ingest import IngestOptions, PruneRefused, Refused, ingest
from perfparse.ingest.discover import identify, walk
from perfparse.ingest.pool import ProcessPool
from perfparse.ingest.task import Outcome, Task
from perfparse.sink.arrow import arrow_tables
from perfparse.sink.flatten import flatten_document
from perfparse.sink.schema import BY_NAME
from perfparse.sink.warehouse import FileCommit, Warehouse, WarehouseError, open_warehouse
from perfparse.validate.records import Document
from test_ingest import TEXTS, warehouse_rows

GOLD = sorted((Path(__file__).parent / "gold").glob("*.json"))

# --- the writer never fails a run for one file's data -------------------------------------

def hostile_document() -> Document:
    """A real document carrying what stopped every write: an amount of 1e16 元, a weight
    of 1e8, NaN/inf, NUL, a lone surrogate (a GBK file name) and a 25-digit sequence."""
    doc = Document.model_validate(json.loads(GOLD[3].read_text(encoding="utf-8")))
    f = doc.forms[0]
    f.funds[0].annual = 1e16
    f.indicators[0].weight = 1e8
    f.indicators[1].name = "满意度\x00指标"
    f.indicators[2].completion_rate = math.inf
    f.indicators[3].seq = 10**25
    f.extras["备注\udcff"] = "x\x00y"
    doc.source.file = "\udccf\udcee.txt"
    return doc


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Warehouse:
    db = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    wh = open_warehouse(db, tmp_path)
    yield wh
    wh.close()


def test_values_the_columns_cannot_hold_become_null_with_a_warning(warehouse: Warehouse) -> None:
    doc = hostile_document()
    tables = flatten_document(doc)
    row = {"path": "\\xcf\\xee.txt", "file": "x", "sha256": doc.source.sha256, "size_bytes": 1,
           "format": "text", "status": "parsed", "forms": 1, "indicators": 1, "warnings": 0,
           "seconds": 0.0}
    warehouse.write([FileCommit(doc.source.sha256, arrow_tables(tables), [row],
                                seen_before=False)])
    got = {t: [r for b in warehouse.batches(BY_NAME[t], 100) for r in b.to_pylist()]
           for t in ("fund_lines", "indicators", "warnings", "files")}
    assert got["fund_lines"][0]["annual"] is None
    ind = sorted(got["indicators"], key=lambda r: r["position"])
    assert ind[0]["weight"] is None and ind[1]["name"] == "满意度指标"
    assert ind[2]["completion_rate"] is None and ind[3]["seq"] is None
    assert got["files"][0]["file"] == "\\xcf\\xee.txt"
    fields = {w["field"] for w in got["warnings"] if w["code"] == "invalid-field"}
    assert {"fund_lines.0.annual", "indicators.0.weight", "indicators.2.completion_rate",
            "indicators.3.seq"} <= fields


def test_a_group_larger_than_duckdb_memory_is_committed_in_parts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """~1,100 long-text forms in one commit group ran DuckDB out of memory, for ever."""
    from perfparse.sink import duckdb_warehouse

    # The old limit, and a budget to match; one transaction of all 48 MB would not fit.
    monkeypatch.setattr(duckdb_warehouse, "MEMORY_LIMIT_MB", 32)
    monkeypatch.setattr(duckdb_warehouse, "TRANSACTION_BYTES", 4 * 1024 * 1024)
    base = Document.model_validate(json.loads(GOLD[3].read_text(encoding="utf-8")))
    wh = open_warehouse(None, tmp_path)
    commits = []
    for i in range(80):
        doc = base.model_copy(deep=True)
        doc.source.sha256 = f"{i:064x}"
        doc.forms = [doc.forms[0].model_copy(deep=True) for _ in range(10)]
        for f in doc.forms:
            f.goals.overall = "绩效目标" * 5_000
        row = {"path": f"f{i}", "file": "x", "sha256": doc.source.sha256, "size_bytes": 1,
               "format": "text", "status": "parsed", "forms": 10, "indicators": 0,
               "warnings": 0, "seconds": 0.0}
        commits.append(FileCommit(doc.source.sha256, arrow_tables(flatten_document(doc)), [row],
                                  seen_before=False))
    wh.write(commits)
    assert wh.con.execute("SELECT count(*) FROM projects").fetchone() == (800,)
    wh.close()


def undated_parse(name: str, data: bytes) -> Document:
    """The real parser, except that a file named 'refused' yields a value its column
    refuses (a date that is not one): what no sanitising foresaw."""
    from perfparse.api import parse_bytes

    doc = parse_bytes(name, data)
    if "refused" in name:
        doc.forms[0].project.start_date = "not a date"  # type: ignore[assignment]
    return doc


def test_a_file_whose_rows_are_refused_fails_alone(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i, src in enumerate(TEXTS[:3]):
        shutil.copy(src, root / f"{i}.txt")
    (root / "refused.txt").write_bytes(form())
    s = ingest(IngestOptions(root, tmp_path / "out", workers=2, parse_fn=undated_parse))
    status = {m[0]: (m[2], m[3]) for m in warehouse_rows(None, tmp_path / "out")["manifest"]}
    assert status["refused.txt"] == ("failed", "unstorable")
    assert all(status[f"{i}.txt"][0] != "failed" for i in range(3))
    assert s.failed == 1


def test_numbers_too_large_for_the_warehouse_and_infinity(tmp_path: Path) -> None:
    """1e17 元 and a 400-digit target (inf) are stored as null with warnings; the JSON of
    `parse` and the JSONL exports stay valid JSON (no Infinity)."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "big.txt").write_bytes(huge_amount())
    r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(tmp_path / "out"),
                                 "--workers", "1"])
    assert r.exit_code == 0, r.output
    for table in ("indicators", "fund_lines", "warnings"):
        for line in (tmp_path / "out" / "jsonl" / f"{table}.jsonl").read_text().splitlines():
            ha.strict_json(line)
    warnings = [json.loads(x) for x in
                (tmp_path / "out" / "jsonl" / "warnings.jsonl").read_text().splitlines()]
    assert {w["field"] for w in warnings if w["code"] == "invalid-field"} >= {
        "fund_lines.0.annual", "indicators.0.target_value"}
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(root / "big.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = ha.strict_json(r.stdout)
    assert doc["forms"][0]["indicators"][0]["target"]["value"] is None


# --- archive faults -------------------------------------------------------------------------

def test_links_out_fifos_and_sockets_get_a_skipped_row(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "good.txt")
    link_out(root, tmp_path / "secret")
    (root / "link-in.txt").symlink_to(root / "good.txt")
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere")
    fifo(root)
    socket_file(root)
    r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(tmp_path / "out"),
                                 "--workers", "1", "--timeout", "30"])
    assert r.exit_code == 0, r.output
    assert "skipped" in r.output
    got = {m[0]: (m[2], m[3]) for m in warehouse_rows(None, tmp_path / "out")["manifest"]}
    assert got["link-out.txt"] == ("skipped", "link-outside")
    assert got["dangling.txt"] == ("skipped", "broken-link")
    assert got["pipe.txt"] == ("skipped", "not-a-file")
    assert got["sock"] == ("skipped", "not-a-file")
    assert got["link-in.txt"][0] != "failed"  # a link within the archive is followed


def test_a_file_swapped_for_a_fifo_after_discovery_does_not_block(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_bytes(form())
    [cand] = walk(root.resolve()).files
    (root / "a.txt").unlink()
    os.mkfifo(root / "a.txt")  # no writer: a plain open() would wait for ever
    started = time.monotonic()
    ident = identify(cand)
    assert time.monotonic() - started < 5
    assert (ident.code, ident.skipped) == ("not-a-file", True)


def test_a_non_utf8_file_name_is_ingested_and_parsed(tmp_path: Path) -> None:
    """A GBK name from an unpacked zip stopped every write (UnicodeEncodeError) and left
    a 0-byte .json from `parse`."""
    root = tmp_path / "in"
    root.mkdir()
    name = gbk_name("项目表.txt")
    (root / name).write_bytes(form())
    out = tmp_path / "out"
    s = ingest(IngestOptions(root, out, workers=1))
    assert s.parsed + s.parsed_with_warnings == 1, s.failures
    [(path, *_)] = warehouse_rows(None, out)["manifest"]
    # The bytes that are not UTF-8 are shown as escapes (\xc4\xbf happens to be: Ŀ).
    assert path == os.fsencode(name).decode("utf-8", "backslashreplace")
    assert path == "\\xcf\\xeeĿ\\xb1\\xed.txt"
    assert ingest(IngestOptions(root, out, workers=1)).unchanged == 1
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(root / name), "--out",
                        str(tmp_path / "json")], capture_output=True)
    assert r.returncode == 0, r.stderr
    [written] = (tmp_path / "json").iterdir()
    assert written.name == name + ".json" and ha.strict_json(written.read_text("utf-8"))


def test_an_unreadable_folder_is_an_error_not_a_deletion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    shutil.copy(TEXTS[0], root / "a.txt")
    shutil.copy(TEXTS[1], root / "sub" / "b.txt")
    shutil.copy(TEXTS[2], root / "sub" / "c.txt")
    ingest(IngestOptions(root, out, workers=1))
    real = os.scandir

    def scandir(path: str | os.PathLike = ".") -> object:
        # As root in CI, chmod 000 would not stop us: fail the listing the way it would.
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(out), "--prune",
                                 "--prune-max-share", "1"])
    assert r.exit_code == 1, r.output
    assert "cannot read the folder sub (Permission denied)" in r.output
    assert {m[0] for m in warehouse_rows(None, out)["manifest"]} == {
        "a.txt", "sub/b.txt", "sub/c.txt"}


def test_parse_says_when_a_folder_cannot_be_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`parse` over a folder skipped an unreadable subfolder and exited 0."""
    root, out = tmp_path / "in", tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(form())
    (root / "sub" / "b.txt").write_bytes(form())
    real = os.scandir

    def scandir(path: str | os.PathLike = ".") -> object:
        if Path(path).name == "sub":  # as the test for ingest: root ignores chmod 000
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = CliRunner().invoke(app, ["parse", str(root), "--out", str(out)])
    assert r.exit_code == 1, r.output
    assert f"cannot read the folder {root / 'sub'} (Permission denied)" in r.output
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.json"]


def test_prune_refuses_to_drop_most_of_the_archive(tmp_path: Path) -> None:
    """A mount point holding one stray file would lose every row."""
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for i, src in enumerate(TEXTS[:4]):
        shutil.copy(src, root / f"{i}.txt")
    ingest(IngestOptions(root, out, workers=2))
    for i in range(4):
        (root / f"{i}.txt").unlink()
    (root / "stray.txt").write_bytes(form())
    with pytest.raises(PruneRefused, match="--prune-max-share"):
        ingest(IngestOptions(root, out, workers=1, prune=True))
    assert len(warehouse_rows(None, out)["files"]) == 4
    s = ingest(IngestOptions(root, out, workers=1, prune=True, prune_max_share=1.0))
    assert s.pruned == 4


def test_two_runs_on_one_out_are_refused(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "a.txt").write_bytes(form())
    out.mkdir()
    with (out / ".perfparse.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running ingest holds it
        with pytest.raises(Refused, match="another perfparse ingest"):
            ingest(IngestOptions(root, out, workers=1))
    assert ingest(IngestOptions(root, out, workers=1)).files == 1


def test_timeout_inf_means_no_limit_and_nan_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_bytes(form())
    r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(tmp_path / "out"),
                                 "--workers", "1", "--timeout", "inf"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["ingest", str(root), "--out", str(tmp_path / "out"),
                                 "--timeout", "nan"])
    assert r.exit_code == 2 and "--timeout" in r.output


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_warehouse_says_so(tmp_path: Path, damage: str) -> None:
    out = tmp_path / "out"
    open_warehouse(None, out).close()
    db = out / "perfparse.duckdb"
    data = db.read_bytes()
    db.write_bytes(os.urandom(5000) if damage == "garbage" else data[: len(data) // 2])
    with pytest.raises(WarehouseError, match="damaged or not a DuckDB database"):
        open_warehouse(None, out)


# --- bounded memory and time per file; parse goes on ----------------------------------------

def greedy_parse(name: str, data: bytes) -> Document:
    """The real parser, except on a file named 'greedy', which allocates as a
    decompression bomb would."""
    from perfparse.api import parse_bytes

    if "greedy" in name:
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
        del hoard
    return parse_bytes(name, data)


def test_a_file_over_the_memory_cap_fails_alone(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(TEXTS[0], root / "good.txt")
    (root / "greedy.txt").write_bytes(form())
    s = ingest(IngestOptions(root, tmp_path / "out", workers=1, max_memory=768,
                             parse_fn=greedy_parse))
    status = {m[0]: (m[2], m[3]) for m in warehouse_rows(None, tmp_path / "out")["manifest"]}
    assert status["greedy.txt"] == ("failed", "too-large")
    assert status["good.txt"][0] != "failed"
    assert s.failed == 1


_HEAP_BROKEN = False


def native_oom_parse(name: str, data: bytes) -> Document:
    """The real parser, except that a file named 'oom' fails as onnxruntime does under the
    cap, wrapping std::bad_alloc in its own exception, and leaves the process unable to
    allocate (as seen: the worker's next files failed the same way at once). It also
    fails any file in a worker whose Arrow allocator reserves more than it needs."""
    global _HEAP_BROKEN
    import pyarrow as pa

    from perfparse.api import parse_bytes

    assert pa.default_memory_pool().backend_name == "system", "mimalloc under the cap"
    if _HEAP_BROKEN or "oom" in name:
        _HEAP_BROKEN = True
        try:
            raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Status "
                               "Message: std::bad_alloc")
        except RuntimeError as e:
            raise ValueError("ONNXRuntimeError: see above") from e
    return parse_bytes(name, data)


def test_a_native_out_of_memory_fails_its_file_and_replaces_the_worker(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    # The largest file is handed out first: the worker breaks on its first file.
    (root / "oom.txt").write_bytes(TEXTS[0].read_bytes() * 3)
    for i, src in enumerate(TEXTS):
        shutil.copy(src, root / f"good{i}.txt")
    s = ingest(IngestOptions(root, tmp_path / "out", workers=1, max_memory=2048,
                             parse_fn=native_oom_parse))
    status = {m[0]: (m[2], m[3]) for m in warehouse_rows(None, tmp_path / "out")["manifest"]}
    assert status.pop("oom.txt") == ("failed", "too-large")
    assert all(st != "failed" for st, _ in status.values()), status
    assert s.failed == 1


def test_parse_goes_on_past_a_hang_a_bad_pattern_and_bad_files(tmp_path: Path) -> None:
    """`parse` had no timeout, stopped at the first error that was not a ParseError and
    hung on a user pattern like (a|aa)+$; now each file fails alone and the others are
    written."""
    grammars = write_overlay(tmp_path / "g")
    bomb = tmp_path / "bomb.txt"
    bomb.write_bytes(backtracking_line(61))
    good = tmp_path / "good.txt"
    good.write_bytes(form())
    out = tmp_path / "out"
    started = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(bomb), str(good),
                        "--out", str(out), "--grammars", str(grammars)],
                       capture_output=True, text=True)
    assert time.monotonic() - started < 60
    assert r.returncode == 1, r.stderr
    assert "[pattern-timeout]" in r.stderr and "(a|aa)+$" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.txt.json"]


def test_parse_stops_a_file_past_its_timeout(tmp_path: Path) -> None:
    scan = sorted((Path(__file__).resolve().parents[1] / "samples" / "scan").glob("*.pdf"))
    if not scan:
        pytest.skip("no scanned samples")
    pytest.importorskip("rapidocr", reason="OCR needs perfparse[scan]")
    good = tmp_path / "good.txt"
    good.write_bytes(form())
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(scan[0]), str(good),
                        "--out", str(out), "--timeout", "1"], capture_output=True, text=True)
    assert r.returncode == 1
    assert f"error: {scan[0].name}: parsing took longer than 1 s" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.txt.json"]


def test_parse_output_is_never_torn_and_a_long_name_fails_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    long = tmp_path / ("长" * 83 + ".txt")  # 253 bytes: fits, but not with .json added
    long.write_bytes(form())
    good = tmp_path / "good.txt"
    good.write_bytes(form())
    (out / "good.txt.json").write_text("previous result\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(long), str(good),
                        str(empty), "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 1
    assert "File name too long" in r.stderr and "[unwritable]" in r.stderr
    assert "[empty-file]" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.txt.json"]  # no temp file left
    assert ha.strict_json((out / "good.txt.json").read_text("utf-8"))


# --- memory and time bombs in the extractors ------------------------------------------------

def isolated(tmp_path: Path, name: str, data: bytes, *, timeout: float = 60) -> Outcome:
    """Parse in a worker under a time and memory cap, as `parse` and `ingest` do: were a
    bomb to go off again, it must not take the test run (or the host) with it."""
    f = tmp_path / name
    f.write_bytes(data)
    [out] = ProcessPool(1, timeout, max_memory=1024).run(
        [Task(str(f), name, "", "", 0, output="json")])
    return out


def test_a_huge_page_is_rendered_within_the_pixel_budget() -> None:
    """A 687-byte PDF with a 14400 pt page took 4.7 GB to render for OCR."""
    import pypdfium2 as pdfium

    from perfparse.extract.pdf.pdfium import render_dpi
    from perfparse.limits import MAX_PIXELS

    doc = pdfium.PdfDocument(huge_page_pdf(14400))
    dpi = render_dpi(doc[0])
    assert (14400 * dpi / 72) ** 2 <= MAX_PIXELS * 1.001 and dpi < 40


def test_an_xobject_fanned_out_without_end_fails_alone_in_bounded_time(
        tmp_path: Path) -> None:
    """Each form draws the one below it twice, 30 deep: 2^30 draws ran for ever (and
    pdfium, which expands forms as it loads a page, grows without end): the file fails
    under the worker's memory cap or timeout, and nothing else with it."""
    started = time.monotonic()
    out = isolated(tmp_path, "fan.pdf", xobject_fan_pdf(30), timeout=20)
    assert time.monotonic() - started < 60
    assert out.status == "failed"
    assert out.code in ("worker-crashed", "too-large", "timeout"), out.reason


def test_many_pages_bound_for_ocr_are_refused_before_any_is_read(tmp_path: Path) -> None:
    """2,000 ruled, textless pages all went to OCR, hours of work."""
    from perfparse.limits import MAX_OCR_PAGES

    started = time.monotonic()
    out = isolated(tmp_path, "ruled.pdf", ruled_pages_pdf(MAX_OCR_PAGES + 30))
    assert out.code == "too-many-pages" and "OCR" in out.reason
    assert time.monotonic() - started < 30


def test_an_image_over_the_pixel_budget_is_refused_before_decoding(tmp_path: Path) -> None:
    """A 685 kB 13000² RGBA PNG took 3.3 GB; here only its header is real."""
    out = isolated(tmp_path, "big.png", big_png(13000))
    assert out.code == "too-large" and "13000 × 13000" in out.reason


def test_a_deflate_bomb_fails_alone_under_the_memory_cap(tmp_path: Path) -> None:
    """A 1 MB PDF inflating to 1 GB took 3.1 GB; under --max-memory it fails alone."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(deflate_bomb_pdf(1024))
    good = tmp_path / "good.txt"
    good.write_bytes(form())
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(bomb), str(good),
                        "--out", str(out), "--max-memory", "600"], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 1
    assert "error: bomb.pdf:" in r.stderr
    # MemoryError in Python, or an abort in pdfium's C++ when it meets the cap
    assert "[too-large]" in r.stderr or "600 MiB" in r.stderr, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.txt.json"]


@pytest.mark.parametrize("case", sorted(MARKUP))
def test_markup_that_took_minutes_or_gigabytes_takes_moments(tmp_path: Path, case: str) -> None:
    """Super-linear cleanup regexes (28 kB of '<input ' took 17 s, 140 kB over 5 min),
    quadratic '<table ' splitting, and a 161-byte rowspan=colspan=100000 cell (9 GB)."""
    out = isolated(tmp_path, "x.txt", MARKUP[case], timeout=30)
    assert out.code == "no-form" and out.seconds < 5, (out.code, out.seconds)


def test_spans_are_clamped_to_the_table() -> None:
    from perfparse.extract.text.html_tables import html_blocks

    [table] = html_blocks("<table><tr><td rowspan=100000 colspan=100000>x</td><td>y</td>"
                          "</tr><tr><td>z</td></tr></table>")
    assert (table.n_rows, table.n_cols) == (2, 1001)
    assert [(c.text, c.row, c.col, c.rowspan) for c in table.cells] == [
        ("x", 0, 0, 2), ("y", 0, 1000, 1), ("z", 1, 1000, 1)]


# --- wrong but quiet: encodings -------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(encoding: str) -> None:
    from perfparse import parse_bytes

    doc = parse_bytes("x.txt", with_bom(encoding))
    assert doc.forms[0].project.name == "码头改造项目"


def test_big5_is_not_read_as_gb18030_garble() -> None:
    from perfparse.extract.text.decode import decode

    assert decode("x.txt", TRADITIONAL.encode("cp950"))[:2] == (TRADITIONAL, "big5")
    simplified = form().decode()
    assert decode("x.txt", simplified.encode("gb18030"))[:2] == (simplified, "gb18030")


def test_a_few_stray_bytes_are_replaced_with_a_warning() -> None:
    from perfparse import parse_bytes

    doc = parse_bytes("x.txt", stray_bytes())
    assert doc.forms[0].project.name == "码头改造项目"
    assert [w.message for w in doc.warnings if w.code == "encoding-detected"] == [
        "decoded as utf-8; 3 undecodable bytes replaced with �"]


def test_a_nul_byte_in_a_dump_is_replaced_with_a_warning() -> None:
    """One NUL made a whole dump 'binary' (unsupported-format)."""
    from perfparse import parse_bytes

    doc = parse_bytes("x.txt", nul_text())
    assert doc.forms[0].project.name == "码头\ufffd改造项目"
    assert [w.message for w in doc.warnings if w.code == "encoding-detected"] == [
        "decoded as utf-8; 1 undecodable byte replaced with �"]


# --- all of it at once ----------------------------------------------------------------------

def test_a_mixed_hostile_archive_is_ingested_and_parsed_whole(tmp_path: Path) -> None:
    """Every case above in one archive beside good forms, on a small budget (the issue's
    sizes and the measurements: scripts/hostile_corpus.py): ingest ends with exit 1,
    every entry in the manifest and every good form in the warehouse; parse writes
    every good result."""
    cases = [c for c in ha.CASES
             if c.key != "unreadable" or ha.unreadable_folders_work()]
    samples = Path(__file__).resolve().parents[1] / "samples"
    good = [*sorted(samples.glob("*.txt")), sorted((samples / "pdf").glob("*.pdf"))[0]]
    archive = ha.build(tmp_path / "archive", cases, good,
                       ha.Context(samples, tmp_path / "scratch", ha.SMALL))
    limits = ["--max-memory", "768", "--timeout", "60"]
    try:
        r = subprocess.run(ha.command(archive, "ingest", archive.root, "--out",
                                      tmp_path / "out", *limits), capture_output=True, text=True)
        assert r.returncode == 1, r.stderr
        check = ha.check_ingest(archive, tmp_path / "out")
        r = subprocess.run(ha.command(archive, "parse", archive.root, "--out",
                                      tmp_path / "json", *limits), capture_output=True, text=True)
        assert r.returncode == 1, r.stderr
        parsed = ha.check_parse(archive, tmp_path / "json")
    finally:
        for locked in archive.unreadable:
            (archive.root / locked).chmod(0o755)
    assert (check.unlisted, check.strangers, check.lost, check.invalid_jsonl) == ([], [], [], 0)
    assert check.kept == sum(e.ingest == ha.KEPT for e in archive.entries)
    assert (parsed.missing, parsed.leftovers) == ([], [])
