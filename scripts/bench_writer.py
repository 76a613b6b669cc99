"""Benchmark the ingest process alone: files/s it plans, writes and exports when the
parsing costs it nothing, i.e. how many workers it can keep up with.

Builds a corpus of distinct files from the samples (as bench_ingest.py does), parses
each sample once and makes every file's rows from its sample's document under the
file's own sha256 (so ids differ as they would), all before timing. Then runs the real
``ingest`` with an engine that hands those results back at once: what is timed is the
ingest process's own work (walking, hashing, planning, warehouse commits, exports).

Into DuckDB (a fresh OUT per run). Prints files/s of the parse-and-write phase (the
run's ``seconds``), the export's seconds, and the CPU seconds the process used, per run.

    python scripts/bench_writer.py [--files 2000] [--repeat 3] [--samples DIR ...]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import ROOT, build_corpus
from perfparse.api import parse_bytes
from perfparse.ingest import IngestOptions, ingest
from perfparse.ingest.discover import identify, walk
from perfparse.ingest.task import Outcome, Task, process_file
from perfparse.validate.records import Document


class Replay:
    """An engine whose results were computed before the run: yields them at once."""

    threads = 1

    def __init__(self, outcomes: dict[str, Outcome]) -> None:
        self.outcomes = outcomes

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        for t in tasks:
            o = self.outcomes[t.sha256]
            o.task = t
            yield o

    def close(self) -> None:
        pass


def preparse(corpus: Path, samples: list[Path]) -> dict[str, Outcome]:
    """Every corpus file's outcome, keyed by sha256: its sample parsed once, flattened
    under the file's own hash by the same per-file function the workers run."""
    docs: dict[str, Document] = {}
    for s in samples:
        docs[s.name] = parse_bytes(s.name, s.read_bytes())

    def reuse(name: str, data: bytes) -> Document:
        doc = docs[name.split("_", 1)[1]]
        sha = hashlib.sha256(data).hexdigest()
        return doc.model_copy(update={"source": doc.source.model_copy(update={"sha256": sha})})

    outcomes = {}
    for c in walk(corpus).files:
        ident = identify(c)
        assert ident.sha256 is not None and ident.format is not None
        task = Task(str(c.path), c.rel, ident.sha256, ident.format, c.size)
        outcomes[ident.sha256] = process_file(task, reuse)
    return outcomes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--samples", type=Path, nargs="+",
                    default=[ROOT / "samples", ROOT / "samples" / "pdf"])
    args = ap.parse_args()
    samples = sorted(p for d in args.samples for p in d.iterdir()
                     if p.is_file() and not p.name.startswith("."))
    work = Path(tempfile.mkdtemp(prefix="perfparse-bench-writer-"))
    try:
        corpus = work / "corpus"
        build_corpus(samples, corpus, args.files)
        t = time.perf_counter()
        outcomes = preparse(corpus, samples)
        rows = sum(len(v) for o in outcomes.values() for v in o.tables.values())
        print(f"corpus: {args.files} files from {len(samples)} samples, {rows} rows, "
              f"pre-parsed in {time.perf_counter() - t:.1f} s (not timed below)", flush=True)
        print(f"{'run':>3} {'files/s':>8} {'write s':>8} {'export s':>9} {'CPU s':>6}",
              flush=True)
        rates = []
        for i in range(args.repeat):
            out = work / f"out-{i}"
            cpu0 = resource.getrusage(resource.RUSAGE_SELF)
            t = time.perf_counter()
            s = ingest(IngestOptions(corpus, out), engine=Replay(outcomes))
            total = time.perf_counter() - t
            cpu1 = resource.getrusage(resource.RUSAGE_SELF)
            cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
            assert s.failed == 0 and s.parsed + s.parsed_with_warnings == args.files, s
            rates.append(s.files / s.seconds)
            print(f"{i + 1:>3} {rates[-1]:>8.0f} {s.seconds:>8.2f} {total - s.seconds:>9.2f} "
                  f"{cpu:>6.2f}", flush=True)
            shutil.rmtree(out)
        print(f"writer: median {statistics.median(rates):.0f} files/s over {args.repeat} runs "
              f"of {args.files} files into DuckDB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
