"""What must not stop a batch: a parser that segfaults, hangs or raises on one file, and
an ingest killed with SIGKILL halfway (the rerun must finish with no duplicate and no
missing row). Also the Dask engine, on a local cluster, against the same faults."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from perfparse.api import parse_bytes
from perfparse.ingest import IngestOptions, ingest
from perfparse.validate.records import Document
from test_ingest import PDFS, TEXTS, warehouse_rows


def misbehaving_parse(name: str, data: bytes) -> Document:
    """The real parser, except on files named to crash, hang or raise: injected through
    IngestOptions.parse_fn, the way a faulty PDF or OCR library would behave."""
    if "crash" in name:
        ctypes.string_at(0)  # SIGSEGV, as a crashing C extension would
    if "hang" in name:
        time.sleep(3600)
    if "boom" in name:
        raise RuntimeError("boom")
    return parse_bytes(name, data)


def faulty_corpus(root: Path) -> None:
    root.mkdir()
    for src in TEXTS:
        (root / src.name).write_bytes(src.read_bytes())
    for bad in ("crash", "hang", "boom"):
        (root / f"{bad}.txt").write_bytes(TEXTS[0].read_bytes() + f"\n{bad}\n".encode())


def distinct_copies(root: Path, n: int) -> None:
    """``n`` different files from the samples (trailing bytes differ)."""
    root.mkdir()
    samples = [*PDFS, *TEXTS]
    for i in range(n):
        src = samples[i % len(samples)]
        tail = b"\n" * (i + 1) if src.suffix == ".txt" else f"\n% {i}\n".encode()
        (root / f"{i:04d}_{src.name}").write_bytes(src.read_bytes() + tail)


def check_faults(summary, out: Path) -> None:
    rows = warehouse_rows(None, out)
    status = {m[0]: (m[2], m[3]) for m in rows["manifest"]}
    assert status["crash.txt"] == ("failed", "worker-crashed")
    assert status["hang.txt"] == ("failed", "timeout")
    assert status["boom.txt"] == ("failed", "internal-error")
    assert all(s != "failed" for p, (s, _) in status.items() if p.startswith("0"))
    assert summary.failed == 3 and summary.files == len(TEXTS) + 3
    assert {m[1] for m in rows["manifest"] if m[2] != "failed"} == {r[0] for r in rows["files"]}


def test_crash_hang_and_exception_fail_only_their_file(tmp_path: Path) -> None:
    faulty_corpus(tmp_path / "in")
    s = ingest(IngestOptions(tmp_path / "in", tmp_path / "out", workers=2, timeout=3,
                             parse_fn=misbehaving_parse))
    check_faults(s, tmp_path / "out")
    reasons = {p: r for p, _, r in s.failures}
    assert "SIGSEGV" in reasons["crash.txt"]
    assert "--timeout" in reasons["hang.txt"]
    assert "RuntimeError: boom" in reasons["boom.txt"]


def test_dask_local_cluster_same_function_same_rows(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask engine needs perfparse[distributed]")
    faulty_corpus(tmp_path / "in")
    s = ingest(IngestOptions(tmp_path / "in", tmp_path / "dask", workers=2, timeout=3,
                             engine="dask", parse_fn=misbehaving_parse))
    check_faults(s, tmp_path / "dask")
    ingest(IngestOptions(tmp_path / "in", tmp_path / "proc", workers=2, timeout=3,
                         parse_fn=misbehaving_parse))
    dask_rows, proc_rows = warehouse_rows(None, tmp_path / "dask"), \
        warehouse_rows(None, tmp_path / "proc")
    assert dask_rows == proc_rows


def _cli(root: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from perfparse.cli import app; app()", "ingest", str(root),
            "--out", str(out), "--workers", "1", *extra]


def _kill_after_first_commit(cmd: list[str], committed) -> None:
    """Start an ingest, SIGKILL it once ``committed()`` sees rows, and check that it was
    killed mid-run and left no worker process behind."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while not committed(proc):
            assert proc.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "no commit seen in 120 s"
            time.sleep(0.05)
        family = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    _, alive = psutil.wait_procs(family, timeout=15)
    assert not alive, f"workers outlived the killed ingest: {alive}"


def _resume_and_compare(root: Path, tmp_path: Path, db: str | None, ref_db: str | None,
                        committed) -> None:
    out, ref = tmp_path / "out", tmp_path / "ref"
    db_args = ["--db", db] if db else []
    _kill_after_first_commit(_cli(root, out, *db_args), committed)
    partial = warehouse_rows(db, out)
    n_files = len(list(root.iterdir()))
    assert 0 < len(partial["manifest"]) < n_files, "the kill did not land mid-run"
    done = subprocess.run(_cli(root, out, *db_args), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{len(partial['manifest'])} unchanged" in done.stdout
    ref_args = ["--db", ref_db] if ref_db else []
    clean = subprocess.run(_cli(root, ref, *ref_args), capture_output=True, text=True)
    # Exit 1 names failed files; the corrupt marker file is one.
    assert clean.returncode == int((root / "0000-corrupt.pdf").exists()), clean.stderr
    resumed, uninterrupted = warehouse_rows(db, out), warehouse_rows(ref_db, ref)
    assert len(resumed["manifest"]) == n_files
    assert resumed == uninterrupted


def _corpus_size() -> int:
    # Long enough, at one worker, that the kill lands well before the end (PDFium reads a
    # sample PDF in about a tenth of a second).
    return 64 if PDFS else 300


def test_kill9_then_rerun_equals_an_uninterrupted_run_duckdb(tmp_path: Path) -> None:
    root = tmp_path / "in"
    distinct_copies(root, _corpus_size())
    # The first commit's marker: larger than any sample, so it is handed out first (largest
    # files go first), and a PDF with no body fails at once.
    (root / "0000-corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\0" * (8 << 20))
    lines: list[str] = []

    def committed(proc: subprocess.Popen) -> bool:
        # Progress lines are printed after their batch commits; DuckDB's lock keeps
        # other processes out while the ingest runs, so the log is the signal.
        os.set_blocking(proc.stderr.fileno(), False)
        chunk = proc.stderr.read()
        if chunk:
            lines.append(chunk.decode(errors="replace"))
        return "0000-corrupt.pdf" in "".join(lines)

    _resume_and_compare(root, tmp_path, None, None, committed)


def test_kill9_then_rerun_equals_an_uninterrupted_run_postgres(tmp_path: Path, postgres) -> None:
    import psycopg

    root = tmp_path / "in"
    distinct_copies(root, _corpus_size())
    db, ref_db = postgres.create_database(), postgres.create_database()

    def committed(proc: subprocess.Popen) -> bool:
        with psycopg.connect(db) as conn:
            try:
                return conn.execute("SELECT count(*) FROM manifest").fetchone()[0] > 0
            except psycopg.errors.UndefinedTable:
                return False

    _resume_and_compare(root, tmp_path, db, ref_db, committed)


def test_dask_engine_on_a_running_cluster_by_address(tmp_path: Path) -> None:
    """``--scheduler tcp://…``: the path a real cluster takes, here a local one."""
    distributed = pytest.importorskip("distributed",
                                      reason="the dask engine needs perfparse[distributed]")
    root = tmp_path / "in"
    root.mkdir()
    for src in TEXTS:
        (root / src.name).write_bytes(src.read_bytes())
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        s = ingest(IngestOptions(root, tmp_path / "dask", engine="dask",
                                 scheduler=cluster.scheduler_address))
    assert s.failed == 0 and s.parsed + s.parsed_with_warnings == len(TEXTS)
    ingest(IngestOptions(root, tmp_path / "proc", workers=1))
    assert warehouse_rows(None, tmp_path / "dask") == warehouse_rows(None, tmp_path / "proc")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_cluster_of_separate_processes_survives_a_killed_worker(tmp_path: Path) -> None:
    """How a cluster of several machines runs: `dask scheduler` and two `dask worker`
    processes started from the command line (configured as the engine's doc asks), and
    `perfparse ingest --scheduler`. One worker is SIGKILLed while it parses a file: the
    run finishes on the other, every file has its one manifest row, the file that was
    lost fails as worker-crashed (Dask cannot tell a lost machine from a crashing file),
    and --retry-failed then leaves the warehouse equal to a local run's."""
    distributed = pytest.importorskip("distributed",
                                      reason="the dask engine needs perfparse[distributed]")
    dask_cli = Path(sys.executable).parent / "dask"
    assert dask_cli.exists(), f"no dask command beside {sys.executable}"
    root = tmp_path / "in"
    distinct_copies(root, 24)
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0",
           "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0"}
    logs = (tmp_path / "dask.log").open("wb")
    procs = [subprocess.Popen([str(dask_cli), "scheduler", "--host", "127.0.0.1", "--port",
                               address.rsplit(":", 1)[1], "--no-dashboard"],
                              env=env, stdout=logs, stderr=logs)]
    try:
        procs += [subprocess.Popen([str(dask_cli), "worker", address, "--nthreads", "1",
                                    "--no-nanny", "--no-dashboard", "--name", f"w{i}"],
                                   env=env, stdout=logs, stderr=logs) for i in range(2)]
        victim = procs[1]
        with distributed.Client(address, timeout=60) as watch:
            watch.wait_for_workers(2, timeout=60)
            addr = next(a for a, w in watch.scheduler_info()["workers"].items()
                        if w["name"] == "w0")
            cmd = [sys.executable, "-c", "from perfparse.cli import app; app()", "ingest",
                   str(root), "--out", str(tmp_path / "dask"), "--engine", "dask",
                   "--scheduler", address]
            run = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
            deadline = time.monotonic() + 180
            # Mid-run: files done already, and one in the victim's hands.
            while not (sum(watch.run(lambda dask_worker: dask_worker.state.executed_count)
                           .values()) >= 3 and watch.processing([addr])[addr]):
                assert run.poll() is None, "the ingest ended before a worker was killed"
                assert time.monotonic() < deadline, "the cluster ran no file in 180 s"
                time.sleep(0.05)
        victim.kill()
        stdout, stderr = run.communicate(timeout=300)
        assert victim.wait() == -signal.SIGKILL
        assert run.returncode == 1, stderr  # exit 1: a file failed
        rows = warehouse_rows(None, tmp_path / "dask")
        assert sorted(m[0] for m in rows["manifest"]) == sorted(p.name for p in root.iterdir())
        lost = [m for m in rows["manifest"] if m[2] == "failed"]
        # The file in the victim's hands; none if it finished it just before the kill.
        assert [m[3] for m in lost] in ([], ["worker-crashed"]), stdout + stderr
        again = subprocess.run([*cmd, "--retry-failed"], capture_output=True, text=True,
                               timeout=300)
        assert again.returncode == 0, again.stderr
        assert f"0 failed, {24 - len(lost)} unchanged" in again.stdout, again.stdout
    finally:
        for p in procs:
            p.kill()
            p.wait()
        logs.close()
    ingest(IngestOptions(root, tmp_path / "local", workers=2))
    assert warehouse_rows(None, tmp_path / "dask") == warehouse_rows(None, tmp_path / "local")
