"""Benchmark the ingest process alone: files/s it plans, writes and exports when the
parsing costs it nothing, i.e. how many workers it can keep up with.

Builds a corpus of distinct files from the samples (as bench_ingest.py does), parses
each sample once and makes every file's rows from its sample's document under the
file's own sha256 (so ids differ as they would), all before timing. Then runs the real
``ingest`` with an engine that hands those results back at once: what is timed is the
ingest process's own work (walking, hashing, planning, warehouse commits, exports).

Into DuckDB (a fresh OUT per run). Prints, per run, files/s of the parse-and-write phase
(the run's ``seconds``: warehouse commits and the exports appended as they go) and files
per CPU second of the whole run, exports included (what one free core would give: other
load on the machine lowers files/s, not this); then the seconds the run spent on its
exports after the last write ("export s") against rewriting every table from the
warehouse, which a run that replaces rows does ("rewrite s").

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
from perfparse.sink.exports import STATE, export_all
from perfparse.sink.warehouse import open_warehouse
from perfparse.validate.records import Document


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


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
        print(f"{'run':>3} {'write files/s':>13} {'per CPU s':>9} {'export s':>8} "
              f"{'rewrite s':>9}", flush=True)
        rates, per_cpu = [], []
        for i in range(args.repeat):
            out = work / f"out-{i}"
            cpu, t = _cpu(), time.perf_counter()
            s = ingest(IngestOptions(corpus, out), engine=Replay(outcomes))
            cpu, wall = _cpu() - cpu, time.perf_counter() - t
            assert s.failed == 0 and s.parsed + s.parsed_with_warnings == args.files, s
            rates.append(s.files / s.seconds)
            per_cpu.append(s.files / cpu)
            # What the run's appended exports cost after the last write, against
            # rewriting every table from the warehouse (what a run that replaced rows does).
            (out / STATE).unlink()
            t = time.perf_counter()
            wh = open_warehouse(None, out)
            export_all(wh, out, s.run_record())
            wh.close()
            print(f"{i + 1:>3} {rates[-1]:>13.0f} {per_cpu[-1]:>9.0f} {wall - s.seconds:>8.2f} "
                  f"{time.perf_counter() - t:>9.2f}", flush=True)
            shutil.rmtree(out)
        print(f"writer: median {statistics.median(rates):.0f} files/s, "
              f"{statistics.median(per_cpu):.0f} files per CPU second, over {args.repeat} runs "
              f"of {args.files} files into DuckDB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
