"""OCR confidence of a cell or line, and the warning that names a doubtful value.

A cell's confidence is that of its least certain text line: one misread line is enough
to make the value wrong, and averaging would hide it behind the lines read well.
"""

from __future__ import annotations

import math

# Measured on the 94 pages of every sample scanned at 150 and 200 dpi, against the cells
# of the born-digital originals: of cells read at 0.95 or more, 1 % are wrong (72 of
# 7462); of those read below, 27 % (33 of 121). So a value below is worth a look.
LOW = 0.95


def combine(scores: list[float]) -> float | None:
    """The confidence of a value read from these text lines; None when nothing was read."""
    return round(min(scores), 3) if scores else None


def warning(where: str, text: str, confidence: float | None) -> tuple[str, str] | None:
    """A ``low-ocr-confidence`` warning for a value read with doubt, else None."""
    if confidence is None or confidence >= LOW or not text:
        return None
    shown = math.floor(confidence * 100) / 100  # 0.949 shows as 0.94, below the bar
    return ("low-ocr-confidence", f"{where}: {text!r} confidence {shown:.2f}")
