"""The default engine: worker processes that a bad file can crash or hang without
stopping the batch.

``concurrent.futures`` cannot do this: a segfault breaks the whole executor and a
hung task cannot be stopped. Here each worker has its own pipe and runs one file
at a time, so the parent always knows which file a dead or overdue worker held,
records it as failed, kills the worker and starts another.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing as mp
import pickle
import resource
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait

import pyarrow as pa

from perfparse.budget import threads_per_worker, use_threads
from perfparse.ingest.task import TOO_LARGE, Outcome, ParseFn, Task, failed, process_file
from perfparse.runtime import tune_gc

# A worker that has parsed this many files is replaced, so a slow leak in a PDF or
# OCR library cannot grow without bound over a long batch.
MAX_TASKS_PER_WORKER = 500
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when its parent (the fork server, which
    exits with the ingest) dies, so a ``kill -9``'d ingest leaves no worker behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def cap_memory(megabytes: int | None) -> None:
    """Limit this process's data memory (heap and private mappings: what a decompression
    bomb or a huge render allocates), so that a file wanting more fails with MemoryError
    instead of swapping the host. RLIMIT_DATA rather than RLIMIT_AS: the OCR runtime
    reserves address space it never touches."""
    if megabytes is not None:
        # Arrow's default allocator (mimalloc) reserves a 1 GiB writable arena on its first
        # allocation, half of the default limit, for the few kilobytes of a file's rows:
        # OCR workers then failed with std::bad_alloc. The system allocator reserves
        # what it is asked for.
        pa.set_memory_pool(pa.system_memory_pool())
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _worker_main(conn: Connection, parse_fn: ParseFn | None, max_memory: int | None,
                 threads: int) -> None:
    _die_with_parent()
    use_threads(threads)  # before the parser loads the libraries that read it
    cap_memory(max_memory)
    tune_gc()  # the worker owns its process: parse-friendly collector settings
    # Ctrl-C is the parent's to handle: it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        conn.send(process_file(task, parse_fn))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, parse_fn: ParseFn | None,
                 max_memory: int | None, threads: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main,
                                args=(child, parse_fn, max_memory, threads), daemon=True)
        self.proc.start()
        child.close()
        self.queued: deque[Task] = deque()  # sent, not yet answered; the head is running
        self.started = 0.0  # when the head task started (as far as the parent can tell)
        self.sent = 0
        self.dead = False

    def send(self, task: Task) -> None:
        if not self.queued:
            self.started = time.monotonic()
        self.queued.append(task)
        self.sent += 1
        try:
            self.conn.send(task)
        except OSError:
            # It died on the file it holds; the parent sees the exit and hands this
            # task, still queued here, to another worker.
            self.dead = True

    def finished_head(self) -> Task:
        task = self.queued.popleft()
        self.started = time.monotonic()
        return task

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class ProcessPool:
    """``run(tasks)`` yields one :class:`Outcome` per task, in completion order."""

    # Each worker holds its next file while parsing one, so it never waits for the
    # parent, which may be busy (the database writer thread holds the GIL at times).
    DEPTH = 2

    def __init__(self, workers: int, timeout: float, parse_fn: ParseFn | None = None,
                 max_memory: int | None = None, threads: int | None = None) -> None:
        """``timeout`` in seconds per file (``inf``: none); ``max_memory`` in MiB per
        worker (None: no cap); ``threads`` per worker for OCR and OpenCV (None:
        the cores shared out among the workers)."""
        self.n = max(1, workers)
        self.threads = threads or threads_per_worker(self.n)
        self.timeout = timeout
        self.parse_fn = parse_fn
        self.max_memory = max_memory
        # forkserver, not fork: the parent holds database connections and threads that
        # a forked child must not inherit; workers fork from a clean server that has
        # already imported the parser (the parent never does), so replacing one costs
        # milliseconds.
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["perfparse.api", "perfparse.ingest.task"])

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        pending = iter(tasks)
        retry: deque[Task] = deque()  # queued behind a file that killed its worker
        workers = [self._worker() for _ in range(self.n)]
        exhausted = False
        try:
            while True:
                for w in workers:
                    while (len(w.queued) < self.DEPTH and w.sent < MAX_TASKS_PER_WORKER
                           and not w.dead):
                        task = retry.popleft() if retry else next(pending, None)
                        if task is None:
                            exhausted = True
                            break
                        w.send(task)
                if exhausted and not retry and not any(w.queued for w in workers):
                    return
                yield from self._collect(workers, retry)
        finally:
            for w in workers:
                w.stop(kill=bool(w.queued))

    def _collect(self, workers: list[_Worker], retry: deque[Task]) -> Iterator[Outcome]:
        busy = [w for w in workers if w.queued]
        next_deadline = min(w.started for w in busy) + self.timeout
        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                         timeout=None if math.isinf(self.timeout)
                         else max(0.0, next_deadline - time.monotonic())))
        for i, w in enumerate(workers):
            if not w.queued:
                continue
            if w.conn in ready:
                try:
                    out: Outcome = w.conn.recv()
                except (EOFError, OSError, pickle.UnpicklingError):
                    w.proc.join(timeout=5)
                    yield self._replace(workers, i, retry, self._crashed(w))
                    continue
                if out.code == TOO_LARGE:
                    # A C++ library that hit the cap may have left its heap or its
                    # session half-built: later files in this worker failed the same way
                    # in a fraction of a second. A fresh worker takes the queued files.
                    yield self._replace(workers, i, retry, out)
                    continue
                w.finished_head()
                if not w.queued and w.sent >= MAX_TASKS_PER_WORKER:
                    w.stop(kill=False)
                    workers[i] = self._worker()
                yield out
            elif w.proc.sentinel in ready:
                w.proc.join(timeout=5)
                yield self._replace(workers, i, retry, self._crashed(w))
            elif time.monotonic() - w.started > self.timeout:
                w.proc.kill()
                yield self._replace(workers, i, retry, failed(
                    w.queued[0], "timeout",
                    f"parsing took longer than {self.timeout:g} s and was stopped; if the file "
                    "is just large, rerun with a larger --timeout and --retry-failed",
                    seconds=time.monotonic() - w.started))

    def _replace(self, workers: list[_Worker], i: int, retry: deque[Task],
                 out: Outcome) -> Outcome:
        """Retire a dead or stopped worker: its running file gets ``out``, the files
        queued behind it go to other workers."""
        w = workers[i]
        w.finished_head()
        retry.extend(w.queued)
        w.queued.clear()
        w.stop(kill=True)
        workers[i] = self._worker()
        return out

    def _worker(self) -> _Worker:
        return _Worker(self.ctx, self.parse_fn, self.max_memory, self.threads)

    def close(self) -> None:
        """Nothing to release: ``run`` stops its workers when it ends, however it ends."""

    def _crashed(self, w: _Worker) -> Outcome:
        # A C library (pdfium, OpenCV) that cannot allocate under the cap aborts the process.
        cap = (f" (or ran out of the {self.max_memory} MiB one file may use: --max-memory)"
               if self.max_memory is not None and w.proc.exitcode == -signal.SIGABRT else "")
        return failed(w.queued[0], "worker-crashed",
                      f"the parser process died ({_death(w.proc.exitcode)}){cap} while reading "
                      "this file; the batch went on without it. Run `perfparse parse` on the "
                      "file to see the error, and report it with the file attached",
                      seconds=time.monotonic() - w.started)
