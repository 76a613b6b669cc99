"""Text-path throughput: parse the bundled seed dumps repeatedly in one process.

    python scripts/bench_text.py [--seconds 10]

Prints forms/s per core (CPU time of this process, so other load on the machine does
not skew it) for the whole pipeline and the time per stage (extract → segment →
normalise+assemble+validate). Per-string caches (cleaning, value parsing) are
cleared before every pass (unless --warm), so repeated inputs do not flatter the figure.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from perfparse.assemble import assemble_document
from perfparse.extract import extract
from perfparse.extract.clean import clean_text
from perfparse.grammar import load_grammar
from perfparse.normalise.values import _parse_value
from perfparse.runtime import tune_gc
from perfparse.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warm", action="store_true",
                    help="keep per-string caches across passes, as a long batch run does")
    a = ap.parse_args()
    files = [(p.name, p.read_bytes()) for p in sorted((ROOT / "samples").glob("*.txt"))]
    g = load_grammar()
    tune_gc()  # as `perfparse parse` and `perfparse ingest` workers do
    stages = {"extract": 0.0, "segment": 0.0, "normalise+assemble+validate": 0.0}
    forms = passes = 0
    start = time.process_time()
    while time.process_time() - start < a.seconds:
        if not a.warm:
            clean_text.cache_clear()
            _parse_value.cache_clear()
        for name, data in files:
            t0 = time.process_time()
            grid = extract(name, data)
            t1 = time.process_time()
            segs = segment(grid, g)
            t2 = time.process_time()
            doc = assemble_document(grid, segs, g, sha256=hashlib.sha256(data).hexdigest())
            t3 = time.process_time()
            stages["extract"] += t1 - t0
            stages["segment"] += t2 - t1
            stages["normalise+assemble+validate"] += t3 - t2
            forms += len(doc.forms)
        passes += 1
    total = sum(stages.values())
    print(f"{passes} passes over {len(files)} seed files, {forms} forms in {total:.2f} s "
          f"(one process, one core)")
    print(f"throughput: {forms / total:,.0f} forms/s")
    for k, v in stages.items():
        print(f"  {k:30s} {v / forms * 1e6:8.0f} µs/form  {v / total:6.1%}")


if __name__ == "__main__":
    main()
