"""Indicator rows → indicators with their levels, values, weights and scores.

Rows are read by content, not only by column: OCR drops and inserts empty
cells, so a row's printed cells are first stripped of captions and level
labels (recognised from the level vocabulary), and the rest are aligned to
the header's roles by an order-preserving match that weighs what each cell
looks like (a score is a number, a name is not) and how far it sits from its
column. Merged level cells are carried down; a level a page break cut off is
inferred from cues in the name (及时性 → 时效指标).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from perfparse.grammar import Grammar, Layout
from perfparse.normalise.values import parse_percent, parse_score
from perfparse.segment import Row

TEXT_ROLES = ("deviation_reason", "note")
_NUMBER = regex.compile(r"^\s*[-+]?\d+(\.\d+)?\s*(分)?\s*$")
_PERCENT = regex.compile(r"^\s*\d+(\.\d+)?\s*[%％]?\s*$")
_SKIP_COST = {"name": 6.0, "target": 1.5, "actual": 1.2, "weight": 1.0, "score": 1.0}


@dataclass(slots=True)
class IndicatorDraft:
    level1: str | None
    level2: str | None
    cells: dict[str, str]  # role → printed text
    row: Row
    explicit: bool = False  # the row printed its own level label
    inferred: list[str] = field(default_factory=list)  # warning messages


@lru_cache(maxsize=65536)
def _fit(role: str, text: str) -> float:
    """How well a cell's look fits a role (higher is better)."""
    numeric = bool(_NUMBER.match(text))
    if role in ("weight", "score"):
        return 2.0 if numeric else -4.0
    if role == "completion_rate":
        return 2.0 if _PERCENT.match(text) else -4.0
    if role == "name":
        return -3.0 if numeric else 0.5
    if role in TEXT_ROLES:
        return -1.5 if numeric else 0.2
    if role == "target_op":
        return 1.0 if len(text) <= 4 and not any(ch.isdigit() for ch in text) else -3.0
    if role == "target_unit":
        return 0.5 if len(text) <= 6 and not any(ch.isdigit() for ch in text) else -3.0
    return 0.0


def align(cells: list[tuple[int, str]], roles: list[tuple[int, str]]) -> dict[str, str] | None:
    """Order-preserving assignment of cells to roles with the best total fit.

    Returns None when there are more cells than roles.
    """
    n, m = len(cells), len(roles)
    if n > m:
        return None
    if n == 0:
        return {}
    # The common rows need no search: every cell in its own column (trailing
    # text columns such as 偏差原因 left empty), or as many cells as columns.
    head = roles[:n]
    if (n == m or all(r in TEXT_ROLES for _, r in roles[n:])) and all(
            _fit(r, t) >= 0 and (n == m or c == rc)
            for (c, t), (rc, r) in zip(cells, head, strict=True)):
        return {r: t for (_, t), (_, r) in zip(cells, head, strict=True)}
    shift = cells[0][0] - roles[0][0]
    neg = float("-inf")
    # best[i][j]: best score placing the first i cells among the first j roles.
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] - _SKIP_COST.get(roles[j - 1][1], 0.3)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            col, text = cells[i - 1]
            rcol, role = roles[j - 1]
            use = best[i - 1][j - 1] + _fit(role, text) - 0.25 * abs(col - rcol - shift)
            skip = best[i][j - 1] - _SKIP_COST.get(role, 0.3) if j > i else neg
            best[i][j], take[i][j] = (use, True) if use >= skip else (skip, False)
    out: dict[str, str] = {}
    i, j = n, m
    while i > 0:
        if take[i][j]:
            out[roles[j - 1][1]] = cells[i - 1][1]
            i -= 1
        j -= 1
    return out


@dataclass(slots=True)
class IndicatorReader:
    g: Grammar
    layout: Layout
    roles: list[tuple[int, str]] = field(default_factory=list)  # (header column, role)
    level1: str | None = None
    level2: str | None = None
    drafts: list[IndicatorDraft] = field(default_factory=list)
    total: dict[str, str] | None = None
    shifted: int = 0
    _split: regex.Pattern[str] | None = None
    _block: int | None = None  # grid block of the last row: a change is a page break
    _pending: tuple[str, str] | None = None  # a text fragment waiting for its row

    def __post_init__(self) -> None:
        self.roles = [(i, r) for i, r in enumerate(self.layout.indicator_columns)
                      if r not in ("level1", "level2")]
        self._split = (regex.compile(self.layout.level2_name_pattern)
                       if self.layout.level2_name_pattern else None)

    def header(self, row: Row) -> bool:
        texts = row.texts()
        roles = [(c, r) for c, t in texts if (r := self.g.lookup(self.g.ind_columns, t))]
        if len(roles) < 3 or not {"name", "level2"} & {r for _, r in roles}:
            return False
        self.roles = [(c, r) for c, r in roles if r not in ("level1", "level2")]
        for _, t in texts:  # a level1 label floated into the caption column
            if self.g.key(t) in self.g.level1:
                self.level1, self.level2 = self.g.level1[self.g.key(t)], None
        return True

    def is_total(self, row: Row) -> bool:
        texts = row.texts()
        return bool(texts) and self.g.key(texts[0][1]) in self.g.total_row

    def read_total(self, row: Row) -> None:
        numbers = [(c, t) for c, t in row.texts()[1:] if parse_score(t) is not None]
        scored = [(c, r) for c, r in self.roles if r in ("weight", "score")]
        self.total = align(numbers, scored) if scored else None
        if self.total is None and numbers:
            self.total = {"score": numbers[-1][1]}

    def read(self, row: Row) -> None:
        after_break = self._block is not None and row.block != self._block
        self._block = row.block
        cells = [(c, t) for c, t in row.all_texts() if self.g.key(t) not in self.g.captions]
        levels: list[str] = []
        while cells and len(levels) < 2 and self._is_level(cells[0][1], levels):
            levels.append(cells.pop(0)[1])
        self._set_levels(levels)
        if levels and after_break:
            self._reclaim(row.block)
        if not cells:
            return
        if self._split is not None:
            m = self._split.match(cells[0][1])
            if m:
                self.level2 = m.group("level2")
                cells[0] = (cells[0][0], m.group("name"))
        roles = self.roles
        if len(cells) == 1 and self.drafts and not levels and (role := self._text_role(cells[0])):
            last = self.drafts[-1]
            if role in last.cells:  # the rest of a text the row above began
                last.cells[role] += cells[0][1]
            else:  # the start of a text whose row follows (printed before a page break)
                self._pending = (role, cells[0][1])
            return
        assigned = align(cells, roles)
        if assigned is None:  # more cells than columns: join the overflow into the last
            head = cells[: len(roles) - 1]
            tail = "".join(t for _, t in cells[len(roles) - 1:])
            assigned = align([*head, (cells[len(roles) - 1][0], tail)], roles) or {}
        if [c for c, _ in cells] != [c for c, r in roles if r in assigned][: len(cells)]:
            self.shifted += 1
        if self._pending is not None:
            role, text = self._pending
            self._pending = None
            if role in assigned:
                assigned[role] = text + assigned[role]
            else:
                self.drafts[-1].cells[role] = text
        d = IndicatorDraft(self.level1, self.level2, assigned, row, explicit=bool(levels))
        if d.level2 is None and "name" in assigned:
            self._cue(d)
        self.drafts.append(d)

    def _text_role(self, cell: tuple[int, str]) -> str | None:
        """The text column a lone cell belongs to: a text a page break split in two."""
        text_cols = [(c, r) for c, r in self.roles if r in TEXT_ROLES]
        if not text_cols or cell[0] < min(c for c, _ in text_cols) - 1:
            return None
        return min(text_cols, key=lambda cr: abs(cr[0] - cell[0]))[1]

    def _reclaim(self, block: int) -> None:
        """Rows printed just before a page break whose merged level label was printed
        after it: trailing unlabelled rows whose names cue the new level2 take it."""
        for d in reversed(self.drafts):
            if d.explicit or d.row.block == block or d.level2 == self.level2:
                break
            cue = self._cue_of(d.cells.get("name", ""))
            if cue is None or self.g.key(cue[1]) != self.g.key(self.level2 or ""):
                break
            d.level1, d.level2 = self.level1, self.level2
            d.inferred.append(f"{d.cells.get('name')}: level2 {self.level2} (label printed "
                              f"after the page break, cue {cue[0]!r})")

    def finish(self) -> None:
        """Close the table: place a waiting text fragment; give rows printed above
        the first level label (a merged cell whose text sits lower) that label."""
        if self._pending is not None and self.drafts:
            role, text = self._pending
            last = self.drafts[-1].cells
            last[role] = last.get(role, "") + text
            self._pending = None
        first = next((d for d in self.drafts if d.level1), None)
        for d in self.drafts:
            if d.level1 or first is None:
                break
            d.level1, d.level2 = first.level1, d.level2 or first.level2
            d.inferred.append(f"{d.cells.get('name')}: levels taken from the merged label "
                              "printed below")

    def _is_level(self, text: str, levels: list[str]) -> bool:
        k = self.g.key(text)
        return k in self.g.level1 or k in self.g.level2

    def _set_levels(self, levels: list[str]) -> None:
        g = self.g
        if len(levels) == 2:
            self.level1, self.level2 = levels[0], levels[1]
            return
        if not levels:
            return
        text = levels[0]
        k = g.key(text)
        current = g.key(self.level1 or "")
        if k == current:  # the merged level1 label printed again: level2 carries on
            return
        if k in g.level2 and (k in g.children.get(current, set()) or k not in g.level1):
            self.level2 = text
            parent = g.level2[k][1]
            if k not in g.children.get(current, set()):
                self.level1 = parent
        else:
            self.level1, self.level2 = text, None

    def _cue_of(self, name: str) -> tuple[str, str] | None:
        return next(((cue, l2) for cue, l2 in self.g.cues if cue in name), None)

    def _cue(self, d: IndicatorDraft) -> None:
        name = d.cells["name"]
        if (cue := self._cue_of(name)) is not None:
            d.level2 = cue[1]
            d.inferred.append(f"{name}: level2 inferred as {cue[1]} from {cue[0]!r}")


def percent(text: str | None) -> float | None:
    return None if text is None else parse_percent(text)
