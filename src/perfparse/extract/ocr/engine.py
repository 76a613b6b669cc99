"""The OCR engine: one RapidOCR per process, built on first use and reused for every page.

RapidOCR's PP-OCR detection, recognition and orientation models are ONNX files inside its
wheel, run by onnxruntime on the CPU, so nothing is downloaded at run time.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any, NamedTuple

import numpy as np
from rapidocr import RapidOCR

from perfparse.budget import worker_threads

# Detection on the full 200-dpi page costs more than recognising every line found; at a
# long side of 1280 px it finds the same lines, and recognition still reads the full-size
# crops. See scripts/bench_scan.py for the figures behind this choice.
PARAMS: dict[str, Any] = {
    "Global.log_level": "critical",
    "Det.limit_type": "max",
    "Det.limit_side_len": 1280,
}


class TextBox(NamedTuple):
    """One recognised text line: its axis-aligned box in image pixels and its score."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float


# A weighted share of crops read as turned this far from even is the classifier's
# decision; nearer, the recogniser reads the crops both ways round (a tenth of a second).
CLEAR_VOTE = 0.2


@cache
def engine() -> RapidOCR:
    # rapidocr logs INFO lines on start-up and a warning per blank image on its own logger,
    # which would mix into a CLI's JSON on stderr/stdout.
    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
    threads = worker_threads()
    if threads is None:
        return RapidOCR(params=PARAMS)
    # onnxruntime's default pool has a thread per core in every worker: N workers would
    # run N x cores threads (see perfparse.budget). rapidocr ignores counts above the
    # core count.
    return RapidOCR(params={**PARAMS, "EngineConfig.onnxruntime.intra_op_num_threads": threads})


def recognise(image: np.ndarray) -> list[TextBox]:
    """Every text line on a page image (gray or BGR), in the engine's order."""
    # The switches stick to the engine between calls, so every call sets all of them;
    # no per-line classifier: pages are turned upright as a whole first (orient).
    out = engine()(image, use_det=True, use_cls=False, use_rec=True, return_word_box=False)
    if out.boxes is None or out.txts is None:
        return []
    boxes: list[TextBox] = []
    for quad, text, score in zip(out.boxes, out.txts, out.scores, strict=True):
        xs, ys = quad[:, 0], quad[:, 1]
        boxes.append(TextBox(text, float(xs.min()), float(ys.min()), float(xs.max()),
                             float(ys.max()), float(score)))
    return boxes


def read_line(crop: np.ndarray) -> tuple[str, float]:
    """Recognise one text line already cut out (no detection)."""
    out = engine()(crop, use_det=False, use_cls=False, use_rec=True, return_word_box=False)
    if not out.txts:
        return "", 0.0
    return out.txts[0], float(out.scores[0])


def upside_down(crops: list[np.ndarray]) -> bool:
    """Whether the text lines cut out in ``crops`` read upside down.

    The orientation classifier decides when its vote is clear. When it is split near
    evenly (crops of a photocopy's bold strokes, a line of Latin letters), each crop
    is recognised both ways round, and the way round in which the recogniser reads more
    characters surely wins: a line read upside down comes back as a few doubtful
    characters or none (a score alone would favour one sure character over five).
    """
    votes = []
    for crop in crops:
        res = engine()(crop, use_det=False, use_cls=True, use_rec=False, return_word_box=False)
        label, score = res.cls_res[0]
        votes.append(float(score) if "180" in label else 0.0)
    share = sum(votes) / len(votes) if votes else 0.0
    if abs(share - 0.5) >= CLEAR_VOTE:
        return share > 0.5
    return sum(_surely_read(np.ascontiguousarray(crop[::-1, ::-1])) - _surely_read(crop)
               for crop in crops) > 0


def _surely_read(crop: np.ndarray) -> float:
    text, score = read_line(crop)
    return len(text) * score
