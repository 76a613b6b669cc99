"""Process-level settings for batch runs (CLI commands and ingest workers).

Parsing allocates many small, short-lived objects; with CPython's default
generation-0 threshold (700) the collector runs every few rows and costs
about a sixth of the run. Long-lived state (grammars, compiled patterns) is
frozen out of collection once loaded. A library call never changes these:
only the entry points that own the process do.
"""

from __future__ import annotations

import gc

_GEN0 = 50_000


def tune_gc() -> None:
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(_GEN0, gen1, gen2)
