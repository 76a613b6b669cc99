"""The thread budget on a Dask cluster's workers (see :mod:`perfparse.budget`).

Each machine's cores are shared among the worker threads running on it, which only
the workers can count (their machines' cores) together with the scheduler (which
workers share a host). A worker plugin applies the budget on every worker, and on
those that join or restart later.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from distributed import Client, WorkerPlugin
from distributed.comm.addressing import get_address_host

from perfparse.budget import cores, use_threads, worker_threads

if TYPE_CHECKING:
    from distributed import Worker


class ThreadBudget(WorkerPlugin):
    name = "perfparse-thread-budget"

    def __init__(self, threads: int | None, slots_per_host: dict[str, int]) -> None:
        self.threads = threads  # the --threads override; None: cores // slots on the host
        self.slots_per_host = slots_per_host

    def setup(self, worker: Worker) -> None:
        slots = self.slots_per_host.get(get_address_host(worker.address), worker.state.nthreads)
        use_threads(self.threads or max(1, cores() // max(1, slots)))


def apply_budget(client: Client, threads: int | None) -> int:
    """Give every worker of ``client``'s cluster its budget; return the smallest one
    given (what the run reports)."""
    slots: Counter[str] = Counter()
    for addr, w in client.scheduler_info()["workers"].items():
        slots[get_address_host(addr)] += w["nthreads"]
    client.register_plugin(ThreadBudget(threads, dict(slots)))
    given = client.run(worker_threads)
    return min((n for n in given.values() if n), default=threads or 1)
