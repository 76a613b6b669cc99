"""The distributed engine: the same per-file function on a Dask cluster.

Without a scheduler address it starts a LocalCluster of worker processes; with
``tcp://host:8786`` it uses a running cluster whose workers have perfparse
installed and can read the input paths (a shared file system). Only the path
travels to the worker, and only flat rows come back.

A crash kills a Dask worker; its nanny starts a new one and the scheduler gives
up on the task (``KilledWorker``), which becomes a failed file here. A real
cluster should run its scheduler with ``allowed-failures: 0`` and
``worker-saturation: 1.0`` (as the local cluster does), or a crashing file is
retried on other workers and files queued beside it may be blamed. A hang is
caught by the task itself, which waits for the parse on a thread with a deadline
and then asks to have its worker restarted to free the stuck thread.
"""

from __future__ import annotations

import logging
import math
import threading
import time
import uuid
from collections.abc import Iterable, Iterator

from perfparse.ingest.task import Outcome, ParseFn, Task, failed, process_file

_RESTART = "restart-worker"


def run_with_deadline(task: Task, parse_fn: ParseFn | None, timeout: float) -> Outcome:
    from distributed import get_worker

    box: list[Outcome] = []
    t = threading.Thread(target=lambda: box.append(process_file(task, parse_fn)), daemon=True)
    start = time.monotonic()
    t.start()
    t.join(None if math.isinf(timeout) else timeout)  # join(inf) overflows
    if box:
        return box[0]
    out = failed(task, "timeout",
                 f"parsing took longer than {timeout:g} s and was stopped; if the file is just "
                 "large, rerun with a larger --timeout and --retry-failed",
                 seconds=time.monotonic() - start)
    out.detail = f"{_RESTART} {get_worker().address}"
    return out


class DaskPool:
    def __init__(self, workers: int, timeout: float, parse_fn: ParseFn | None = None,
                 scheduler: str | None = None, threads: int | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        from perfparse.ingest.dask_budget import apply_budget

        self.timeout = timeout
        self.parse_fn = parse_fn
        self.cluster = None
        if scheduler is None:
            # A crash is a property of the file: retrying it on another worker only kills
            # that one too. And one task per worker thread, the rest queued on the
            # scheduler, so a dying worker takes down no file but its own.
            with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                                  "distributed.scheduler.worker-saturation": 1.0}):
                # Its log lines would tear through the progress bar; the manifest
                # records every failure they would report.
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            silence_logs=logging.CRITICAL)
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)
        self.threads = apply_budget(self.client, threads)
        self.slots = max(1, sum(self.client.nthreads().values()))

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        from distributed import as_completed

        pending = iter(tasks)
        futures: dict[object, Task] = {}
        done = as_completed()

        def submit_next() -> bool:
            task = next(pending, None)
            if task is None:
                return False
            f = self.client.submit(run_with_deadline, task, self.parse_fn, self.timeout,
                                   key=f"perfparse-{task.sha256[:16]}-{uuid.uuid4().hex[:8]}",
                                   pure=False)
            futures[f] = task
            done.add(f)
            return True

        # One task per worker thread: the scheduler hands a small group like this to the
        # workers at once rather than queueing it, and a worker that dies fails every
        # task it holds (a cluster test lost two files with one killed worker holding
        # two). A result's round trip idles a thread for milliseconds, against seconds
        # of parsing.
        for _ in range(self.slots):
            if not submit_next():
                break
        for f in done:
            task = futures.pop(f)
            yield self._outcome(f, task)
            f.release()
            submit_next()

    def _outcome(self, f, task: Task) -> Outcome:
        from distributed import KilledWorker

        try:
            out: Outcome = f.result()
        except KilledWorker:
            return failed(task, "worker-crashed",
                          "the Dask worker died while parsing this file; the batch went on "
                          "without it. Run `perfparse parse` on the file to see the error, and "
                          "report it with the file attached")
        except Exception as e:
            return failed(task, "internal-error", f"the Dask task failed ({type(e).__name__}: "
                          f"{e}); check that the workers run the same perfparse version and "
                          "can read the input path")
        if out.detail and out.detail.startswith(_RESTART):
            self.client.restart_workers([out.detail.split()[1]], raise_for_error=False)
            out.detail = None
        return out

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
