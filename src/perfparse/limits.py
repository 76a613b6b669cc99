"""What one input file may cost: the budgets that keep a hostile or broken file from
taking the host down with it.

A budget is checked before the work it bounds (a page's pixel count before it is
rendered, an image's before it is decoded), so a file over budget fails alone with a
clear code instead of swapping the machine until the per-file timeout fires. The
worker processes of ``perfparse parse`` and ``perfparse ingest`` also cap their memory
(``--max-memory``), which catches whatever no budget foresaw.

Each budget can be set in the environment (``PERFPARSE_MAX_PIXELS=…``), which worker
processes inherit; the defaults fit every real form seen so far with a wide margin.
"""

from __future__ import annotations

import os


def _setting(name: str, default: int) -> int:
    try:
        return int(os.environ.get(f"PERFPARSE_{name}", default))
    except ValueError:
        return default


# Pixels of one rendered page or decoded image: an A4 page at 300 dpi is 8.7 million,
# an A3 one 17.4 million. Larger pages are rendered at a lower resolution.
MAX_PIXELS = _setting("MAX_PIXELS", 40_000_000)
# Pages of one PDF or multi-page image.
MAX_PAGES = _setting("MAX_PAGES", 1_000)
# Pages of one PDF with no text to read, which would go to OCR (2–3 s a page: more than
# this would not finish within the default per-file timeout anyway).
MAX_OCR_PAGES = _setting("MAX_OCR_PAGES", 120)
# Positions one HTML table's cells cover (each its rowspan plus its colspan, after spans
# are clamped to the table): the rows below carry a merged cell, so this bounds them.
MAX_TABLE_CELLS = _setting("MAX_TABLE_CELLS", 1_000_000)
# Seconds one grammar pattern may run on one text (a user's pattern can backtrack
# exponentially on a long cell).
PATTERN_SECONDS = 1.0
# Data memory of one parse worker, in MiB (the --max-memory default). It counts address
# space a worker maps writable, not only what it touches: OCR workers on samples/scan
# peaked at 1188 MiB of it (990 MiB RSS), and at 1536 some 200-dpi pages failed with
# std::bad_alloc. It also bounds what a decompression bomb can take.
MAX_MEMORY_MB = _setting("MAX_MEMORY_MB", 2_048)
