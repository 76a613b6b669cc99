"""Checkbox rows (项目类别 一次性项目 ☐ 经常性项目 ☑ …) read again with a margin.

In the tight crop the detector cuts around a text line, the recogniser reads an empty box
but often drops the ticked one beside it, which loses the very option the form chose. With
a margin of a quarter of the line's height around it, the same line reads with every box;
so lines that show a box are read once more, and the reading with more boxes is kept.
"""

from __future__ import annotations

import numpy as np

from perfparse.extract.ocr.engine import TextBox, read_line

BOXES = ("□", "☐", "☑", "☒")
MARGIN = 0.25  # of the line's height


def reread_checkbox_lines(boxes: list[TextBox], image: np.ndarray) -> list[TextBox]:
    out = []
    for b in boxes:
        if any(m in b.text for m in BOXES):
            pad = int(MARGIN * (b.bottom - b.top))
            crop = image[max(0, int(b.top) - pad):int(b.bottom) + pad + 1,
                         max(0, int(b.x0) - pad):int(b.x1) + pad + 1]
            text, score = read_line(crop)
            if _marks(text) > _marks(b.text):
                b = b._replace(text=text, score=score)
        out.append(b)
    return out


def _marks(text: str) -> int:
    return sum(text.count(m) for m in BOXES)
