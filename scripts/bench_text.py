"""Text-path throughput: parse the bundled seed dumps repeatedly in one process.

    python scripts/bench_text.py [--seconds 10]

Prints forms/s per core (CPU time of this process, so other load on the machine does
not skew it) for the whole pipeline and the time per stage (extract → segment →
normalise+assemble+validate), twice in one run: "cold", with every per-string cache
(cleaning, value parsing, label lookups, cell fits) cleared before each pass, so repeated
inputs do not flatter the figure; and "warm", with the caches kept, as in a long batch
over many files of the same layouts.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from perfparse.assemble import assemble_document
from perfparse.extract import extract
from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar, load_grammar
from perfparse.normalise.align import fit
from perfparse.normalise.funds import split_inline
from perfparse.normalise.values import _parse_value
from perfparse.runtime import tune_gc
from perfparse.segment import segment

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("extract", "segment", "normalise+assemble+validate")


def _clear(g: Grammar) -> None:
    for cached in (clean_text, _parse_value, split_inline, fit):
        cached.cache_clear()
    g._keys.clear()
    g._lookups.clear()


def run(files: list[tuple[str, bytes]], g: Grammar, seconds: float, cold: bool) -> None:
    spent = dict.fromkeys(STAGES, 0.0)
    forms = passes = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        if cold:
            _clear(g)
        for name, data in files:
            t0 = time.process_time()
            grid = extract(name, data)
            t1 = time.process_time()
            segs = segment(grid, g)
            t2 = time.process_time()
            doc = assemble_document(grid, segs, g, sha256=hashlib.sha256(data).hexdigest())
            t3 = time.process_time()
            spent["extract"] += t1 - t0
            spent["segment"] += t2 - t1
            spent["normalise+assemble+validate"] += t3 - t2
            forms += len(doc.forms)
        passes += 1
    total = sum(spent.values())
    print(f"{'cold' if cold else 'warm'}: {forms / total:,.0f} forms/s per core "
          f"({passes} passes, {forms} forms, {total:.2f} s CPU)")
    for k, v in spent.items():
        print(f"  {k:30s} {v / forms * 1e6:8.0f} µs/form  {v / total:6.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0, help="CPU seconds per mode")
    a = ap.parse_args()
    files = [(p.name, p.read_bytes()) for p in sorted((ROOT / "samples").glob("*.txt"))]
    g = load_grammar()
    tune_gc()  # as `perfparse parse` and `perfparse ingest` workers do
    print(f"{len(files)} seed files, one process")
    run(files, g, a.seconds, cold=True)
    run(files, g, a.seconds, cold=False)


if __name__ == "__main__":
    main()
