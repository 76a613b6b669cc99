"""One ingest run: discover → skip what is done → parse in an engine → write → export.

The warehouse is the checkpoint. A file counts as done only once its rows and its
manifest row are committed together, so after a crash or ``kill -9`` the same
command picks up exactly the files that were not committed, and re-ingesting the
same content replaces rows by their stable ids instead of adding to them.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing as mp
import queue
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from perfparse.budget import default_workers
from perfparse.extract import DEFAULT_PDF_ENGINE
from perfparse.ingest import manifest
from perfparse.ingest.discover import Candidate, Identified, identify, identify_all, walk
from perfparse.ingest.task import (
    FAILED,
    PARSED,
    SKIPPED,
    WITH_WARNINGS,
    Outcome,
    ParseFn,
    Task,
    check_grammars,
)
from perfparse.limits import MAX_MEMORY_MB
from perfparse.sink.arrow import empty_tables
from perfparse.sink.flatten import Row
from perfparse.sink.warehouse import (
    FileCommit,
    KnownPath,
    Warehouse,
    WarehouseError,
    open_warehouse,
)

if TYPE_CHECKING:
    from perfparse.sink.exports import RunExport

Engine = Literal["process", "dask"]
UNCHANGED = "unchanged"
MAX_LISTED_FAILURES = 100


@dataclass(slots=True)
class IngestOptions:
    root: Path
    out: Path
    db: str | None = None
    workers: int = field(default_factory=default_workers)  # what the cores and memory hold
    # OCR and OpenCV threads per worker; None: the cores shared out among the workers
    threads: int | None = None
    engine: Engine = "process"
    scheduler: str | None = None  # dask only: tcp://host:8786; None starts a local cluster
    timeout: float = 300.0  # seconds one file may take
    force: bool = False  # re-parse files whose content was ingested before
    retry_failed: bool = False  # re-parse files that failed before
    prune: bool = False  # forget files ingested before that are no longer under root
    # --prune refuses to drop more than this share of the files ingested before (a
    # half-mounted share looks like a mass deletion); 1.0 allows any
    prune_max_share: float = 0.5
    pdf_engine: str = DEFAULT_PDF_ENGINE
    grammars: Path | None = None  # a grammar folder laid over the bundled one (--grammars)
    parse_fn: ParseFn | None = None  # replaces perfparse's parser (tests use it)
    export: bool = True  # write JSONL, Parquet and manifest.json to OUT afterwards
    max_memory: int | None = MAX_MEMORY_MB  # MiB one parse worker may use (process engine)


@dataclass(slots=True)
class IngestSummary:
    run_id: str
    root: str
    warehouse: str
    engine: str
    workers: int
    threads: int = 1  # per worker (OCR, OpenCV): the smallest budget any worker got
    files: int = 0
    unchanged: int = 0
    parsed: int = 0
    parsed_with_warnings: int = 0
    failed: int = 0
    skipped: int = 0  # entries that are not files to read: FIFOs, links out of the archive
    copies: int = 0  # paths whose content another path of the corpus already had
    missing: int = 0  # paths ingested before that are no longer under root
    pruned: int = 0  # of those, forgotten by this run (--prune)
    forms: int = 0
    indicators: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # path, code, reason
    # folders that could not be listed (path, error): their files keep their rows
    unreadable_dirs: list[tuple[str, str]] = field(default_factory=list)
    exported_rows: dict[str, int] = field(default_factory=dict)

    def run_record(self) -> dict:
        """The summary for manifest.json, whose ``files`` list has the per-file details."""
        return {k: v for k, v in asdict(self).items() if k not in ("failures", "exported_rows")}


class Refused(Exception):
    """A run refused before anything is written; the message says why and what to do."""


class PruneRefused(Refused):
    """--prune that would drop every file, or more than its share of them: more likely
    an unmounted or half-mounted archive than a deliberate wipe, so nothing is dropped."""


class ParseEngine(Protocol):
    """Runs tasks somewhere (worker processes, a Dask cluster) and yields an
    :class:`Outcome` per task, in any order."""

    threads: int  # OCR and OpenCV threads each worker was given

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]: ...
    def close(self) -> None: ...


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, path: str, status: str, reason: str | None) -> None: ...


class _Quiet:
    def start(self, total: int) -> None:
        pass

    def advance(self, path: str, status: str, reason: str | None) -> None:
        pass


# Raised while rows are converted for the warehouse (Arrow's errors derive from these):
# the rows are at fault, not the warehouse.
_CONVERSION_ERRORS = (ValueError, TypeError, ArithmeticError, MemoryError)


class _Writer(threading.Thread):
    """Commits results on its own thread so the engine's workers never wait on the
    database, batching whatever has queued up meanwhile."""

    _STOP = object()

    def __init__(self, wh: Warehouse, summary: IngestSummary, progress: Progress,
                 export: RunExport | None) -> None:
        super().__init__(name="perfparse-writer", daemon=True)
        self.wh, self.summary, self.progress, self.export = wh, summary, progress, export
        # Bounded, so a slow database holds back the engine instead of filling memory.
        self.q: queue.Queue = queue.Queue(maxsize=2 * wh.batch_files)
        self.error: BaseException | None = None

    def put(self, item: FileCommit | str) -> None:
        """A commit, or the path of a file skipped as unchanged."""
        while True:
            if self.error is not None:
                raise self.error
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        self.put(self._STOP)  # type: ignore[arg-type]
        self.join()
        if self.error is not None:
            raise self.error

    def run(self) -> None:
        stop = False
        while not stop:
            items = self._next_batch()
            stop = items[-1] is self._STOP
            commits = [i for i in items if isinstance(i, FileCommit)]
            try:
                written = self._write(commits)
            except Exception as e:
                self.error = WarehouseError(
                    f"writing to {self.wh.url} failed ({type(e).__name__}: {e}). Files "
                    "committed before are kept: fix the warehouse and run the same command "
                    "again to continue")
                self.error.__cause__ = e
                return
            if self.export is not None:
                try:
                    self.export.add(written)
                except Exception as e:  # a bug: stop the run rather than hang it
                    self.error = e
                    return
            for i in items:
                if isinstance(i, str):
                    self.summary.unchanged += 1
                    self.progress.advance(i, UNCHANGED, None)
            for c in written:
                for row in c.manifest:
                    self._count(row)

    def _write(self, commits: list[FileCommit]) -> list[FileCommit]:
        """Write a group; if the warehouse refuses its rows (not the warehouse failing:
        that stops the run), write its files one at a time, so that a file whose rows
        cannot be stored fails alone (recorded as failed, without rows) and the others
        go in. Returns what was written."""
        try:
            self.wh.write(commits)
            return commits
        except (*self.wh.data_errors, *_CONVERSION_ERRORS) as e:
            if len(commits) == 1:
                refused = manifest.unstorable(commits[0], e)
                self.wh.write([refused])
                return [refused]
        return [w for c in commits for w in self._write([c])]

    def _next_batch(self) -> list:
        """Wait for one item, then gather more for up to the warehouse's batch time."""
        items = [self.q.get()]
        deadline = time.monotonic() + self.wh.batch_seconds
        while len(items) < self.wh.batch_files and items[-1] is not self._STOP:
            try:
                items.append(self.q.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                break
        return items

    def _count(self, row: Row) -> None:
        s = self.summary
        status = row["status"]
        if status == PARSED:
            s.parsed += 1
        elif status == WITH_WARNINGS:
            s.parsed_with_warnings += 1
        elif status == SKIPPED:
            s.skipped += 1
        else:
            s.failed += 1
            if len(s.failures) < MAX_LISTED_FAILURES:
                s.failures.append((row["path"], row["code"], row["reason"]))
        if row["same_as"]:
            s.copies += 1
        else:
            s.forms += row["forms"]
            s.indicators += row["indicators"]
        self.progress.advance(row["path"], status, row["reason"])


@dataclass(slots=True)
class _Waiting:
    replaced: set[str]
    copies: list[tuple[Identified, set[str]]] = field(default_factory=list)


class _Planner:
    """Decides per file: skip, record without parsing, or hand to the engine."""

    def __init__(self, opts: IngestOptions, known: dict[str, KnownPath], run_id: str,
                 writer: _Writer) -> None:
        self.opts, self.known, self.run_id, self.writer = opts, known, run_id, writer
        # Absolute, since workers (a Dask cluster's too) may not share this one's cwd.
        self.grammars = str(opts.grammars.resolve()) if opts.grammars is not None else None
        self.good_before = {} if opts.force else {
            k.sha256: manifest.Original(path, k) for path, k in known.items()
            if k.sha256 and k.status in (PARSED, WITH_WARNINGS)}
        # Content whose old path now holds something else: its rows may be dropped as
        # orphans at any moment, so another path holding it is parsed, not copied.
        self.replaced: set[str] = set()
        self.in_flight: dict[str, _Waiting] = {}
        self.seen_before = {k.sha256 for k in known.values() if k.sha256}
        self.parsed_now: dict[str, manifest.Original] = {}

    def tasks(self, cands: list[Candidate]) -> Iterator[Task]:
        for ident in identify_all(cands):
            c, sha = ident.candidate, ident.sha256
            k = self.known.get(c.rel)
            if (k is not None and k.sha256 == sha and not self.opts.force
                    and not (self.opts.retry_failed and k.status == FAILED)):
                self.writer.put(c.rel)
                continue
            replaced = {k.sha256} if k is not None and k.sha256 and k.sha256 != sha else set()
            self.replaced |= replaced
            if ident.code is not None or sha is None:
                self._commit(None, [manifest.unusable(ident, self.run_id)], replaced)
            elif sha in self.in_flight:
                self.in_flight[sha].copies.append((ident, replaced))
            elif sha in self.parsed_now:
                self._commit(sha, [manifest.copy_of(ident, self.parsed_now[sha], self.run_id)],
                             replaced)
            elif sha in self.good_before and sha not in self.replaced:
                self._commit(sha, [manifest.copy_of(ident, self.good_before[sha], self.run_id)],
                             replaced)
            else:
                self.in_flight[sha] = _Waiting(replaced)
                assert ident.format is not None
                yield Task(str(c.path), c.rel, sha, ident.format, c.size, self.opts.pdf_engine,
                           self.grammars)

    def _commit(self, sha: str | None, rows: list[Row], replaced: set[str]) -> None:
        self.writer.put(FileCommit(sha, None, rows, replaced))

    def done(self, o: Outcome) -> FileCommit:
        waiting = self.in_flight.pop(o.task.sha256, _Waiting(set()))
        row = manifest.from_outcome(o, self.run_id)
        first = self.parsed_now[o.task.sha256] = manifest.Original.of(row)
        rows = [row] + [manifest.copy_of(ident, first, self.run_id) for ident, _ in waiting.copies]
        replaced = waiting.replaced.union(*(r for _, r in waiting.copies))
        if o.sha256 != o.task.sha256:  # the file changed while queued: its old rows go
            replaced.add(o.task.sha256)
        # A failed file keeps no rows: its earlier ones go.
        tables = o.tables if o.tables is not None else empty_tables()
        return FileCommit(o.sha256, tables, rows, replaced,
                          seen_before=o.sha256 in self.seen_before, lines=o.lines)


def _unhook_copies(wh: Warehouse, cands: list[Candidate], known: dict[str, KnownPath],
                   gone: list[str]) -> set[str]:
    """Forget the paths that go (--prune) and every path recorded as a copy of one
    that goes or now holds other content, so those copies are planned as new files:
    parsed again, or copied from a path that still holds their content, exactly as a
    fresh ingest of the archive would record them. Returns the old content of the
    edited originals, which the planner must parse rather than copy. Runs before
    planning, so a file that moved is not recorded as a copy of its old path."""
    here = {c.rel: c for c in cands}
    originals = {k.same_as for k in known.values() if k.same_as} - set(gone)
    # Hashed twice (here and when planned), but only originals that have copies.
    edited = {p: known[p].sha256 for p in originals
              if p in here and p in known and identify(here[p]).sha256 != known[p].sha256}
    unhooked = set(gone) | edited.keys()
    redo = [p for p, k in known.items() if k.same_as in unhooked and p not in unhooked]
    if gone or redo:
        wh.forget([*gone, *redo])
        for p in [*gone, *redo]:
            del known[p]
    return {sha for sha in edited.values() if sha}


def _engine(opts: IngestOptions) -> ParseEngine:
    if opts.engine == "dask":
        from perfparse.ingest.dask_engine import DaskPool

        return DaskPool(opts.workers, opts.timeout, opts.parse_fn, opts.scheduler, opts.threads)
    from perfparse.ingest.pool import ProcessPool

    return ProcessPool(opts.workers, opts.timeout, opts.parse_fn, opts.max_memory, opts.threads)


def ingest(opts: IngestOptions, progress: Progress | None = None,
           engine: ParseEngine | None = None) -> IngestSummary:
    """Ingest every file under ``opts.root`` into the warehouse; see the module doc.
    ``engine`` replaces the one ``opts.engine`` names (scripts/bench_writer.py hands
    back results parsed beforehand, to measure this process alone).

    Raises :class:`perfparse.errors.GrammarError` before anything is written if
    ``opts.grammars`` does not load.
    """
    started = time.perf_counter()
    if opts.grammars is not None:
        # Loaded once in a short-lived process: this one never imports the parser.
        with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as check:
            check.submit(check_grammars, opts.grammars).result()
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"
    root = opts.root.resolve()
    if opts.out.resolve().is_relative_to(root):
        raise Refused(f"--out {opts.out} is inside the archive {root}, so a run would read "
                      "its own exports as input: give an --out outside it")
    opts.out.mkdir(parents=True, exist_ok=True)
    progress = progress or _Quiet()
    with _lock(opts.out):
        wh = open_warehouse(opts.db, opts.out)
        try:
            return _run(opts, root, wh, run_id, progress, started, engine)
        finally:
            wh.close()


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """Hold OUT for this run, whatever the warehouse: two runs would tear each other's
    exports (DuckDB locks only its own file, PostgreSQL nothing in OUT)."""
    with (out / ".perfparse.lock").open("a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Refused(f"another perfparse ingest is writing to {out}; wait for it to "
                          "finish, or give another --out") from None
        yield  # the lock goes with the file's descriptor, however the run ends


def _run(opts: IngestOptions, root: Path, wh: Warehouse, run_id: str, progress: Progress,
         started: float, engine: ParseEngine | None) -> IngestSummary:
    summary = IngestSummary(run_id, str(root), wh.url, opts.engine, opts.workers)
    found = walk(root)
    cands = found.files
    summary.files = len(cands)
    summary.unreadable_dirs = found.unreadable
    known = wh.known()
    # What an unreadable folder holds is unknown, not gone: its files are not missing.
    unseen = tuple("" if d == "." else d + "/" for d, _ in found.unreadable)
    missing = sorted(p for p in known.keys() - {c.rel for c in cands}
                     if not (unseen and p.startswith(unseen)))
    summary.missing = len(missing)
    if opts.prune and missing and not cands:
        raise PruneRefused(
            f"{root} holds no files, so --prune would drop all {len(missing)} files "
            f"ingested into {wh.url}. Check that the archive is mounted; to start "
            "over on purpose, use a new --out or database.")
    if opts.prune and len(missing) > opts.prune_max_share * len(known):
        raise PruneRefused(
            f"--prune would drop {len(missing)} of the {len(known)} files ingested into "
            f"{wh.url}, more than {opts.prune_max_share:.0%} of them. Check that the "
            "whole archive is mounted; to prune them anyway, add --prune-max-share 1.")
    gone = missing if opts.prune else []
    stale = _unhook_copies(wh, cands, known, gone)
    summary.pruned = len(gone)
    progress.start(len(cands))
    export = None
    if opts.export:
        from perfparse.sink.exports import RunExport

        export = RunExport(wh, opts.out)
    writer = _Writer(wh, summary, progress, export)
    planner = _Planner(opts, known, run_id, writer)
    planner.replaced |= stale
    writer.start()
    engine = engine or _engine(opts)
    summary.threads = engine.threads
    try:
        # Largest first: a big scan started last would keep one worker busy while the
        # others sit idle at the end of the run. Sizes stand in for the work; the sort is
        # stable, so of identical files (equal sizes) the first in walk order is parsed.
        for outcome in engine.run(planner.tasks(sorted(cands, key=lambda c: -c.size))):
            writer.put(planner.done(outcome))
    finally:
        engine.close()
        writer.finish()
    summary.seconds = round(time.perf_counter() - started, 3)
    if export is not None:
        summary.exported_rows = export.finish(summary.run_record())
    return summary
