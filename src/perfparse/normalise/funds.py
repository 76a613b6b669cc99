"""The 项目资金 block → fund lines, money in 元.

Two printed shapes: a column header (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
执行率 | 得分) over lines of amounts, or label/amount pairs side by side
(项目资金总额 | amount | 年度资金申请总额 | amount) where each label names its
column. OCR may shift a line's amounts off their header columns; they are then
realigned in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from perfparse.grammar import Grammar
from perfparse.normalise.values import parse_amount, parse_percent, parse_score, parse_unit_header
from perfparse.segment import Row

MONEY = ("project_total", "annual", "initial_budget", "adjusted_budget", "executed")


@dataclass(slots=True)
class FundDraft:
    line: str
    label: str
    values: dict[str, float] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    row: Row | None = None


@dataclass(slots=True)
class FundsReader:
    g: Grammar
    unit: str | None = None
    multiplier: float = 1.0
    columns: dict[int, str] = field(default_factory=dict)  # header column → fund column
    annual_col: int | None = None  # pair layouts: labels from here rightwards fill `annual`
    lines: dict[str, FundDraft] = field(default_factory=dict)
    shifted: list[str] = field(default_factory=list)

    def is_section(self, text: str) -> bool:
        return self.g.lookup(self.g.fund_section, text) is not None

    def set_unit(self, text: str) -> None:
        unit, mult = parse_unit_header(text)
        if unit and self.unit is None:
            self.unit, self.multiplier = unit, mult

    def header(self, row: Row) -> bool:
        """Read a column header row; False if the row is not one."""
        texts = row.texts()
        cols = {c: k for c, t in texts if (k := self.g.lookup(self.g.fund_columns, t))}
        if len(cols) < 2 or any(parse_amount(t) is not None for _, t in texts):
            return False
        self.columns = cols
        return True

    def line_label(self, text: str) -> tuple[str, str | None] | None:
        return self.g.lookup(self.g.fund_lines, split_inline(text)[0])

    def read(self, row: Row) -> bool:
        """Read a fund line row; False if no fund line label is in it."""
        texts = row.texts()
        labelled = [(i, c, t, hit) for i, (c, t) in enumerate(texts)
                    if (hit := self.line_label(t)) is not None]
        if not labelled:
            return False
        if self.columns:
            i, col, text, (line, _) = labelled[0]
            self._columns_line(row, line, _label(text), texts[i + 1:])
        else:
            for n, (i, col, text, (line, column)) in enumerate(labelled):
                stop = labelled[n + 1][0] if n + 1 < len(labelled) else len(texts)
                self._pair(row, line, column, col, text, texts[i + 1:stop])
        return True

    def _draft(self, row: Row, line: str, label: str) -> FundDraft:
        d = self.lines.get(line)
        if d is None:
            d = self.lines[line] = FundDraft(line, label, row=row)
        return d

    def _put(self, d: FundDraft, column: str, text: str) -> None:
        if column in d.values:
            return
        if column in MONEY:
            v = parse_amount(text, self.multiplier)
        elif column == "execution_rate":
            v = parse_percent(text)
        else:
            v = parse_score(text)
        if v is not None:
            d.values[column] = v
            d.raw[column] = text

    def _columns_line(self, row: Row, line: str, label: str,
                      cells: list[tuple[int, str]]) -> None:
        d = self._draft(row, line, label)
        header = sorted(self.columns)
        if all(c in self.columns for c, _ in cells):
            for c, t in cells:
                self._put(d, self.columns[c], t)
            return
        # Shifted by OCR: the amounts keep their order, so the nearest header
        # column at or after the previous one takes each.
        self.shifted.append(label)
        k = 0
        for c, t in cells:
            while k + 1 < len(header) and abs(header[k + 1] - c) < abs(header[k] - c):
                k += 1
            self._put(d, self.columns[header[k]], t)
            k += 1
            if k >= len(header):
                break

    def _pair(self, row: Row, line: str, column: str | None, col: int, text: str,
              cells: list[tuple[int, str]]) -> None:
        if column == "annual" and self.annual_col is None:
            self.annual_col = col
        if column is None:
            column = ("annual" if self.annual_col is None or col >= self.annual_col
                      else "project_total")
        label, inline = split_inline(text)
        amounts = ([inline] if inline else []) + [t for _, t in cells]
        for t in amounts:
            if parse_amount(t, self.multiplier) is not None:
                self._put(self._draft(row, line, _label(label)), column, t)
                break


def _label(text: str) -> str:
    return text.rstrip("：: ").strip()


@lru_cache(maxsize=65536)
def split_inline(text: str) -> tuple[str, str | None]:
    """``一、项目总预算：150000`` → (一、项目总预算, 150000); other text → (text, None)."""
    head, sep, tail = text.replace(":", "：").rpartition("：")
    if sep and tail.strip() and parse_amount(tail) is not None:
        return head, tail.strip()
    return text, None
