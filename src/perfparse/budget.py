"""How many parse workers a machine holds, and how many threads each may use.

onnxruntime (OCR) and OpenCV each start a thread per core unless told
otherwise, so N workers on C cores would run N × C busy threads that fight for the
cores and their caches: on two cores two OCR workers were slower than one. Each
worker therefore gets ``cores // workers`` threads (at least one) for every one of
those libraries, set before they load.

Memory bounds the workers as well as cores: an OCR worker's models and one page's
images take several hundred MB, and workers that do not fit swap the host.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

# Peak memory of one OCR worker: 876 MB RSS on samples/scan (scripts/bench_ingest.py
# --samples samples/scan, worker MB column), models included. What each default worker
# is assumed to need, so that scans cannot swap the host.
WORKER_MB = 900
# The worker's thread budget, read by the OCR engine when it is built.
THREADS_ENV = "PERFPARSE_THREADS"
# Read by OpenCV when it loads. Not OpenMP's or BLAS's variables: at 1, numpy's OpenBLAS
# (which reads OMP_NUM_THREADS too) reserved 0.7 GB more address space, which --max-memory
# counts, and OCR of 200-dpi pages failed with std::bad_alloc under a 1536 MiB cap;
# the parser makes no BLAS call large enough to thread, and onnxruntime's CPU build
# does not use OpenMP.
_LIBRARY_ENV = ("OPENCV_FOR_THREADS_NUM",)


def cores() -> int:
    """Cores this process may run on: its CPU affinity (taskset, a batch scheduler's
    slot), lowered by a cgroup CPU quota (a container's --cpus)."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    n = n or 1
    with contextlib.suppress(OSError, ValueError):
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
        if quota != "max":
            n = min(n, max(1, int(quota) // int(period)))
    return n


def available_mb() -> int | None:
    """Memory that new processes can take without swapping (MemAvailable, lowered by a
    cgroup limit), in MiB; None where the system does not say."""
    avail = None
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/meminfo", encoding="ascii") as f:
            line = next(ln for ln in f if ln.startswith("MemAvailable:"))
        avail = int(line.split()[1]) // 1024
    with contextlib.suppress(OSError, ValueError):
        limit, used = (Path("/sys/fs/cgroup", n).read_text().strip()
                       for n in ("memory.max", "memory.current"))
        if limit != "max":
            room = (int(limit) - int(used)) >> 20
            avail = room if avail is None else min(avail, room)
    return avail


def default_workers() -> int:
    """As many workers as there are cores, or fewer if their memory does not fit."""
    mb = available_mb()
    by_memory = cores() if mb is None else mb // WORKER_MB
    return max(1, min(cores(), by_memory))


def threads_per_worker(workers: int) -> int:
    return max(1, cores() // max(1, workers))


def use_threads(n: int) -> None:
    """Give this worker process ``n`` threads per library. Called first thing in a
    worker, before the parser imports numpy, OpenCV or onnxruntime, which read their
    thread counts when they load; OpenCV is also set directly in case it already has."""
    for name in (THREADS_ENV, *_LIBRARY_ENV):
        os.environ[name] = str(n)
    if "cv2" in sys.modules:
        sys.modules["cv2"].setNumThreads(n)


def worker_threads() -> int | None:
    """The budget set by :func:`use_threads` in this process, or None (a library
    caller's process: the libraries keep their own defaults)."""
    try:
        return max(1, int(os.environ[THREADS_ENV]))
    except (KeyError, ValueError):
        return None
