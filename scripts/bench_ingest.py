"""Benchmark `perfparse ingest`: throughput and peak memory as the corpus grows.

Builds a corpus of distinct files from the samples (each copy gets different
trailing bytes, so every sha256 differs and nothing is skipped as a duplicate),
then runs the real command on the first 200 and on all 2,000 files with 1 and 2
workers, into a fresh DuckDB warehouse each time. ``--samples samples/scan`` builds
the corpus from scanned PDFs and images instead (OCR: use sizes like 14). Prints the
thread budget each run gave its workers (OCR and OpenCV threads per worker),
files/s and forms/s (over the parse-and-write phase, from the run's manifest), wall
time (with start-up and exports), the peak memory of the ingest process (RSS), of its
largest worker (RSS) and of the whole process tree (PSS), and the cores that other processes on the
machine used meanwhile ("other load"), sampled every 50 ms (PSS every 0.5 s).

Other load on the machine skews the 2-worker figure, so the script measures how
well two plain parse loops scale here ("machine check") before and after the runs,
prints the worker CPU seconds per file of every run (two workers on two vCPUs that
share a physical core each need more CPU per file than one alone), and with
``--repeat N`` runs every size and worker count N times, interleaved, and takes the
ratio of the medians.

    python scripts/bench_ingest.py [--sizes 200,2000] [--workers 1,2] [--repeat N]
                                   [--samples DIR ...] [--threads N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TEXT_KINDS = {".txt", ".md", ".html", ".htm"}


def build_corpus(samples: list[Path], dest: Path, n: int) -> None:
    """``n`` distinct files: sample i % len(samples), made unique by trailing bytes that
    parsers ignore (blank lines after a text dump, a comment after a PDF's %%EOF)."""
    dest.mkdir(parents=True)
    for i in range(n):
        src = samples[i % len(samples)]
        copy = i // len(samples) + 1
        tail = b"\n" * copy if src.suffix.lower() in TEXT_KINDS else f"\n% copy {copy}\n".encode()
        (dest / f"{i:05d}_{src.name}").write_bytes(src.read_bytes() + tail)


def subset(corpus: Path, dest: Path, n: int) -> None:
    dest.mkdir(parents=True)
    for p in sorted(corpus.iterdir())[:n]:
        os.link(p, dest / p.name)


class Sampler(threading.Thread):
    """Every 50 ms: peak RSS of the ingest process and of its largest worker, CPU time
    used by the tree, and CPU time used by everything else on the machine (other load
    makes the 2-worker figure look worse than it is). Every ``pss_every`` samples (0.5 s
    by default): peak PSS of the whole process tree (PSS splits pages that forked
    workers share, so the sum is not inflated). PSS is read from smaps, which walks
    every mapping: read every 50 ms it took the sampler to a quarter of a core, which
    the 2-worker runs then lacked."""

    def __init__(self, pid: int, pss_every: int = 10) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.pss_every = pss_every  # in samples
        self.main = self.worker = self.tree = 0
        self.cpu: dict[int, float] = {}  # pid → CPU seconds last seen
        self.machine0 = self._machine_busy()
        self.machine = 0.0
        self.halt = threading.Event()

    @staticmethod
    def _machine_busy() -> float:
        t = psutil.cpu_times()
        return t.user + t.nice + t.system + t.irq + t.softirq + getattr(t, "steal", 0.0)

    def run(self) -> None:
        tick = 0
        while not self.halt.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                main = self.proc.memory_info().rss
                kids = [p.memory_info().rss for p in procs[1:]]
                if tick % self.pss_every == 0:
                    self.tree = max(self.tree, sum(p.memory_full_info().pss for p in procs))
                for p in procs:
                    c = p.cpu_times()
                    self.cpu[p.pid] = c.user + c.system
            except psutil.Error:
                self.halt.wait(0.05)
                continue
            tick += 1
            self.main = max(self.main, main)
            self.worker = max(self.worker, *kids, 0)
            self.machine = self._machine_busy() - self.machine0
            self.halt.wait(0.05)

    def other_cores(self, wall: float) -> float:
        return max(0.0, self.machine - sum(self.cpu.values())) / wall

    def cpu_split(self) -> tuple[float, float]:
        """CPU seconds of the ingest process itself and of everything it started."""
        main = self.cpu.get(self.proc.pid, 0.0)
        return main, sum(self.cpu.values()) - main


def sampled(cmd: list[str], pss_every: int = 10) -> tuple[int, str, str, float, Sampler]:
    """Run ``cmd`` to its end with its process tree sampled: exit code, stdout, stderr,
    wall seconds and the sampler (peaks, CPU)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="backslashreplace")
    peak = Sampler(proc.pid, pss_every)
    peak.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    peak.halt.set()
    peak.join()
    return proc.returncode, stdout, stderr, wall, peak


def run_ingest(corpus: Path, out: Path, workers: int, threads: int | None) -> dict:
    cmd = [sys.executable, "-c", "from perfparse.cli import app; app()", "ingest", str(corpus),
           "--out", str(out), "--workers", str(workers),
           *(["--threads", str(threads)] if threads else [])]
    returncode, stdout, stderr, wall, peak = sampled(cmd)
    if returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({returncode}):\n{stdout}\n{stderr}")
    run = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run"]
    mb = 1024 * 1024
    main_cpu, worker_cpu = peak.cpu_split()
    return {"files": run["files"], "forms": run["forms"], "seconds": run["seconds"],
            "threads": run["threads"],
            "wall": wall, "failed": run["failed"], "main_mb": peak.main / mb,
            "worker_mb": peak.worker / mb, "tree_mb": peak.tree / mb,
            "other_cores": peak.other_cores(wall), "main_cpu": main_cpu,
            "worker_cpu_per_file": worker_cpu / run["files"]}


def machine_check() -> float:
    """Throughput of two parse loops at once over one loop: what 2 workers can hope for.
    On the text samples whatever the corpus: it measures the machine, in seconds."""
    samples = sorted((ROOT / "samples").glob("*.txt"))
    code = ("import sys, time, perfparse\nfiles = sys.argv[1:]\nperfparse.parse(files[0])\n"
            "t = time.perf_counter()\nfor _ in range(6):\n    for f in files: perfparse.parse(f)\n"
            "print(time.perf_counter() - t)\n")
    args = [sys.executable, "-c", code, *map(str, samples)]

    def timed(k: int) -> float:
        procs = [subprocess.Popen(args, stdout=subprocess.PIPE, text=True) for _ in range(k)]
        return max(float(p.communicate()[0]) for p in procs)

    one = timed(1)
    return 2 * one / timed(2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=Path, nargs="+",
                    default=[ROOT / "samples", ROOT / "samples" / "pdf"],
                    help="folders whose files are the samples (not searched recursively); "
                         "add samples/scan for scans, which take seconds of OCR per page")
    ap.add_argument("--sizes", default="200,2000")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per size and worker count, interleaved; ratios use medians")
    ap.add_argument("--threads", type=int,
                    help="threads per worker (perfparse ingest --threads); default: the "
                         "budget perfparse picks, cores // workers")
    ap.add_argument("--keep", type=Path, help="keep the corpus and outputs in this folder")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    worker_counts = [int(w) for w in args.workers.split(",")]
    samples = sorted(p for d in args.samples for p in d.iterdir()
                     if p.is_file() and not p.name.startswith("."))
    if not samples:
        raise SystemExit(f"no sample files in {', '.join(map(str, args.samples))}")

    work = args.keep or Path(tempfile.mkdtemp(prefix="perfparse-bench-"))
    try:
        corpus = work / f"corpus-{sizes[-1]}"
        if not corpus.exists():
            build_corpus(samples, corpus, sizes[-1])
        print(f"corpus: {sizes[-1]} files from {len(samples)} samples in {work}", flush=True)
        print(f"machine check: 2 parse loops at once run {machine_check():.2f}x one "
              "loop's throughput (2.0 = two idle cores)", flush=True)
        print(f"{'files':>6} {'workers':>7} {'threads':>7} {'files/s':>8} {'forms/s':>8} "
              f"{'wall s':>7} {'failed':>6} {'main MB':>8} {'worker MB':>9} {'tree PSS MB':>11} "
              f"{'main CPU s':>10} {'worker CPU s/file':>17} {'other load':>10}", flush=True)
        rates: dict[tuple[int, int], list[float]] = {}
        for _ in range(args.repeat):
            for n in sizes:
                src = corpus if n == sizes[-1] else work / f"corpus-{n}"
                if not src.exists():
                    subset(corpus, src, n)
                for w in worker_counts:
                    out = work / f"out-{n}-{w}"
                    shutil.rmtree(out, ignore_errors=True)
                    r = run_ingest(src, out, w, args.threads)
                    rate = r["files"] / r["seconds"]
                    rates.setdefault((n, w), []).append(rate)
                    print(f"{r['files']:>6} {w:>7} {r['threads']:>7} {rate:>8.2f} "
                          f"{r['forms'] / r['seconds']:>8.2f} {r['wall']:>7.1f} {r['failed']:>6} "
                          f"{r['main_mb']:>8.0f} {r['worker_mb']:>9.0f} {r['tree_mb']:>11.0f} "
                          f"{r['main_cpu']:>10.1f} {r['worker_cpu_per_file']:>17.3f} "
                          f"{r['other_cores']:>10.2f}", flush=True)
        print(f"machine check: 2 parse loops at once run {machine_check():.2f}x one "
              "loop's throughput (after the runs)", flush=True)
        for n in sizes:
            if (n, 1) in rates and (n, 2) in rates:
                one, two = statistics.median(rates[n, 1]), statistics.median(rates[n, 2])
                print(f"{n} files: 2 workers = {two / one:.2f}x 1 worker (median files/s "
                      f"{two:.2f} vs {one:.2f} over {len(rates[n, 1])} run(s) each)", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
