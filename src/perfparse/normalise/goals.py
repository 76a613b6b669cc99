"""Goal texts: 项目总目标 / 年度总体目标 (targets), 预期目标 / 实际完成情况 (self-evaluations).

A goal header row prints the labels; the texts follow in the next row(s),
each under its label's column. When a form prints a single goal text it is
the annual goal (contract rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfparse.grammar import Grammar
from perfparse.segment import Row

GOALS = ("goals.overall", "goals.annual", "goals.actual")
_MIN_TEXT = 4  # shorter cells in a goal text row are stray marks, not goals
_LABEL_MAX = 24  # a longer cell is a goal text, not a label


@dataclass(slots=True)
class GoalsReader:
    g: Grammar
    columns: dict[int, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    _last: str | None = None

    def header(self, row: Row) -> bool:
        """A row of goal labels with no text under them in the same row (other short
        labels may stand beside them: 项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标)."""
        texts = row.texts()
        found = {c: f for c, t in texts if (f := self.g.lookup(self.g.fields, t)) in GOALS}
        if not found or any(len(t) > _LABEL_MAX for _, t in texts):
            return False
        others = [t for c, t in texts if c not in found and self.g.key(t) not in self.g.captions]
        if others and len(found) < 2:
            return False
        # The caption column (年度总体目标 printed beside 预期目标) names the block,
        # not a column of its own, when more specific labels stand in the row.
        if len(found) > 1:
            first = min(found)
            if found[first] == "goals.annual" and "goals.annual" in list(found.values())[1:]:
                del found[first]
        self.columns = found
        return True

    def owns(self, row: Row) -> bool:
        """Whether the row holds goal texts: not a new label of its own standing left
        of the goal columns (2.项目实施内容及过程概述 | text)."""
        texts = [(c, t) for c, t in row.texts() if self.g.key(t) not in self.g.captions
                 and self.g.lookup(self.g.fields, t) not in GOALS]  # the block's own caption
        if not texts or not self.columns:
            return bool(texts)
        c, t = texts[0]
        return not (c < min(self.columns) and len(t) <= _LABEL_MAX and len(texts) > 1)

    def read(self, row: Row) -> None:
        cells = [(c, t) for c, t in row.texts()
                 if len(t) >= _MIN_TEXT and self.g.lookup(self.g.fields, t) is None]
        if not cells:
            return
        if len(cells) == 1:
            self._add(self._last or "goals.annual", cells[0][1])
            return
        for c, t in cells:
            self._add(self.columns.get(c) or self._nearest(c), t)

    def _nearest(self, col: int) -> str:
        if not self.columns:
            return "goals.annual"
        return self.columns[min(self.columns, key=lambda k: (abs(k - col), -k))]

    def _add(self, goal: str, text: str) -> None:
        # A text a page break split continues in the next row under the same label.
        self.texts[goal] = self.texts[goal] + text if goal in self.texts else text
        self._last = goal
