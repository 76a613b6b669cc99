"""The 项目资金 block → fund lines, money in 元.

Printed shapes, all read by the same reader:
- a column header (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) over
  lines of amounts; OCR may shift a line's amounts off their header columns, and
  they are then realigned in order;
- group heads over label/amount pairs (预算安排情况 | 资金执行情况 over
  预算数 412.68 | 执行数 405.30): an amount belongs to the group its label sits under;
- label/amount pairs side by side (项目资金总额 | amount | 年度资金申请总额 | amount):
  the left pair is the project total, the right one the year's;
- a label printed with a column's name (年度预算执行率 | 100%, 分值 | 10分): the
  total line's rate, weight or score.
A score annotation on the block's caption (预算执行情况(20分)) is the total line's
weight when no column prints one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from perfparse.grammar import Grammar
from perfparse.normalise.govlevel import line_by_level
from perfparse.normalise.values import parse_amount, parse_percent, parse_score, parse_unit_header
from perfparse.segment import Row

MONEY = ("project_total", "annual", "initial_budget", "adjusted_budget", "executed", "budget")
_TOTAL_COLUMNS = ("execution_rate", "weight", "score")
_LINE_LABEL_MAX = 20  # a longer cell is a sentence, not a fund line's label
_CAPTION_WEIGHT = regex.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


@dataclass(slots=True)
class FundDraft:
    line: str
    label: str
    values: dict[str, float] = field(default_factory=dict)
    # Amounts as printed, read in 元 once the block's unit is known (it may be printed
    # after them: 项目资金 | … over （万元） | …).
    amounts: dict[str, str] = field(default_factory=dict)
    row: Row | None = None


@dataclass(slots=True)
class FundsReader:
    g: Grammar
    unit: str | None = None
    multiplier: float = 1.0
    columns: dict[int, str] = field(default_factory=dict)  # header column → fund column
    annual_col: int | None = None  # pair layouts: labels from here rightwards fill `annual`
    caption_weight: float | None = None
    blocks: dict[int, str] = field(default_factory=dict)  # side-by-side blocks: col → column
    over: dict[int, tuple[str, str]] = field(default_factory=dict)  # labels over amounts
    # A transposed block: fund line labels head the columns (年度资金总额 | 其中：财政拨款 |
    # 其他资金 | 分值 | 得分) and each row is led by an amount column's name (预算数 / 执行数
    # / 执行率). Column → its line (and label), or → a column of the total line (分值).
    across: dict[int, tuple[str, str]] = field(default_factory=dict)
    caption: str | None = None
    lines: dict[str, FundDraft] = field(default_factory=dict)
    shifted: list[str] = field(default_factory=list)
    own: int | None = None  # the form's government tier (govlevel): whose money is 市级资金

    def is_section(self, text: str) -> bool:
        return self.g.lookup(self.g.fund_section, text) is not None

    def open(self, row: Row) -> None:
        """The block's caption row: its unit and score annotation."""
        for _, t in row.texts():
            self.set_unit(t)
            if self.is_section(t):
                self.caption = _label(t)
                if m := _CAPTION_WEIGHT.search(t):
                    self.caption_weight = float(m.group(1))

    def set_unit(self, text: str) -> None:
        unit, mult = parse_unit_header(text, grammar=self.g)
        if unit and self.unit is None:
            self.unit, self.multiplier = unit, mult

    def header(self, row: Row) -> bool:
        """Read a column header row; False if the row is not one."""
        texts = row.texts()
        # A header prints no amount, nor a label with its amount after a colon (资金总额: 86.4).
        if any(self._number(t) or parse_score(t, grammar=self.g) is not None
               or parse_percent(t, grammar=self.g) is not None
               or self._number(split_inline(t, self.g)[1] or "") for _, t in texts):
            return False
        lines = {c: (hit[0], _label(t)) for c, t in texts
                 if (hit := self.line_label(t, loose=True)) is not None}
        if len({line for line, _ in lines.values()}) >= 2:
            # Labels over a single row of amounts (合计 | 财政拨款 | 其他资金, then 45 | 45 | 0)
            # are read as before; rows led by a column name fill the named column.
            self.over = dict(lines)
            for c, t in texts:
                column = self.g.lookup(self.g.fund_columns, t)
                if c in lines:
                    self.across[c] = lines[c]
                elif column in _TOTAL_COLUMNS:
                    self.across[c] = ("total", str(column))
            return True
        cols = {c: k for c, t in texts if (k := self.g.lookup(self.g.fund_columns, t))}
        # One amount column is a header too when a cell heads the label column beside it
        # (资金来源 | 年度预算数), unless that column's name is also a line's (年度资金总额).
        if not cols:
            return False
        if len(cols) == 1 and (any(c in lines for c in cols) or not any(
                self.is_section(t) and c not in cols for c, t in texts[1:])):
            return False
        self.columns = cols
        return True

    def _across_row(self, row: Row, texts: list[tuple[int, str]]) -> bool:
        """A row of a transposed block: its leading column name, then each line's amount
        under that line's label (and the total line's 分值/得分 under theirs)."""
        if not self.across or not texts:
            return False
        column = self.g.lookup(self.g.fund_columns, texts[0][1])
        if column not in (*MONEY, "execution_rate"):
            return False
        for c, t in texts[1:]:
            if c in self.across:
                line, label = self.across[c]
                if line == "total" and label in _TOTAL_COLUMNS:
                    self.put(self.draft(row, "total", label), label, t)
                else:
                    self.put(self.draft(row, line, label), column, t)
        return True

    def line_label(self, text: str, *, loose: bool = False) -> tuple[str, str | None] | None:
        """The fund line a label names; ``loose`` (inside the block) also by a word in it."""
        label = split_inline(text, self.g)[0]
        if (line := line_by_level(self.g, label, self.own)) is not None:
            return line, None
        hit = self.g.lookup(self.g.fund_lines, label)
        if hit is None and loose and len(label) <= _LINE_LABEL_MAX:
            k = self.g.key(label)
            hit = next(((line, None) for w, line in self.g.fund_words if w in k), None)
        return hit

    def read(self, row: Row, *, needs_amount: bool = False) -> bool:
        """Read a fund line row; False if no fund line label is in it (or, with
        ``needs_amount``, no amount: a label printed outside the block)."""
        texts = row.texts()
        if self._across_row(row, texts) or self._column_row(row, texts):
            return True
        if len(texts) == 2 and self.is_section(texts[0][1]) \
                and self._written_out(row, "total", "budget", texts[1][1]):
            return True  # the block's caption beside the block written out
        # A word inside a label names a line only where a label stands: inside the block,
        # or after 其中, and left of the amount columns (a note beside them is no line).
        first = min(self.columns, default=None)
        labelled = [(i, c, t, hit) for i, (c, t) in enumerate(texts)
                    if (hit := self.line_label(
                        t, loose=(not needs_amount or bool(self.blocks) or _sub_line(t))
                        and (first is None or c < first))) is not None]
        if not labelled:
            return self._under_labels(row, texts) or self._total_columns(row, texts) \
                or self._unlabelled(row, texts, needs_amount)
        if needs_amount and not any(self._number(t) for _, t in texts):
            return False
        if len(labelled) >= 2 and not any(self._number(t) or split_inline(t, self.g)[1]
                                          for _, t in texts):
            # Labels over a row of amounts (合计 | 财政拨款 | 其他资金, then 45 | 45 | 0).
            self.over = {c: (line, _label(t)) for _, c, t, (line, _) in labelled}
            return True
        for _, _, text, _ in labelled:  # 资金总额(万元): a label may carry the unit
            self.set_unit(text)
        if self.columns:
            i, col, text, (line, _) = labelled[0]
            self._columns_line(row, line, _label(text), texts[i:], col)
            return True
        if len(labelled) > 1 and self.annual_col is None and labelled[0][3][1] != "annual" \
                and labelled[0][3][0] == labelled[1][3][0]:
            self.annual_col = labelled[1][1]  # one line printed twice: the right is the year's
        row_column: str | None = None
        for n, (i, col, text, (line, column)) in enumerate(labelled):
            stop = labelled[n + 1][0] if n + 1 < len(labelled) else len(texts)
            if column is None and _sub_line(text):
                column = row_column  # 其中 beside its total: the total's column
            used = self._pair(row, line, column, col, text, texts[i + 1:stop])
            row_column = row_column or used
        self._total_columns(row, texts)
        return True

    def _column_row(self, row: Row, texts: list[tuple[int, str]]) -> bool:
        """A row led by an amount column's name (项目实际支出金额 | 401 | 其中：财政拨款 |
        288): the amounts of the total line and of its 其中 lines in that column."""
        if not texts or self.line_label(texts[0][1]) is not None:
            return False
        column = self.g.lookup(self.g.fund_columns, texts[0][1])
        if column not in MONEY or not any(self._number(t) for _, t in texts[1:]) or any(
                self.g.lookup(self.g.fund_columns, t) is not None for _, t in texts[1:]):
            return False  # several columns named in one row: blocks side by side
        self.set_unit(texts[0][1])
        line, label = "total", _label(texts[0][1])
        for _, t in texts[1:]:
            if self._number(t):
                self.put(self.draft(row, line, label), column, t)
            elif (hit := self.line_label(t, loose=True)) is not None:
                line, label = hit[0], _label(t)
        return True

    def _under_labels(self, row: Row, texts: list[tuple[int, str]]) -> bool:
        """Amounts under the fund line labels of the row above."""
        over, self.over = self.over, {}
        hits = [(over[c], t) for c, t in texts if c in over and self._number(t)]
        for (line, label), t in hits:
            self.put(self.draft(row, line, label), "budget", t)
        return bool(hits)

    def _unlabelled(self, row: Row, texts: list[tuple[int, str]], outside: bool) -> bool:
        """Amounts under the block's column heads with no line label: the total line."""
        values = [(c, t) for c, t in texts if self._value(t)]
        if outside or not self.columns or not any(self._number(t) for _, t in values) \
                or not all(c in self.columns for c, _ in values):
            return False
        d = self.draft(row, "total", self.caption or "合计")
        for c, t in values:
            self.put(d, self.columns[c], t)
        return True

    def _number(self, text: str) -> bool:
        return parse_amount(text, grammar=self.g) is not None

    def _total_columns(self, row: Row, texts: list[tuple[int, str]]) -> bool:
        """Pairs naming a column of the total line: 年度预算执行率 | 100% | 分值 | 10分, or
        blocks side by side (计划投资额 | 640 | 实际使用情况 | 598), whose 其中 lines
        below fill the same columns."""
        pairs = [(c, t, column, texts[i + 1][1]) for i, (c, t) in enumerate(texts[:-1])
                 if (column := self.g.lookup(self.g.fund_columns, t)) is not None
                 and self._value(texts[i + 1][1])]
        money = [p for p in pairs if p[2] in MONEY or p[2] == "extra"]
        if len(money) >= 2:
            self.blocks = {c: column for c, _, column, _ in money}
        found = False
        for _, t, column, value in pairs:
            if column in _TOTAL_COLUMNS or (len(money) >= 2 and column in MONEY):
                self.set_unit(t)
                self.put(self.draft(row, "total", _label(t)), column, value)
                found = True
        return found

    def draft(self, row: Row, line: str, label: str) -> FundDraft:
        d = self.lines.get(line)
        if d is None:
            d = self.lines[line] = FundDraft(line, label, row=row)
        return d

    def put(self, d: FundDraft, column: str, text: str) -> None:
        if column in d.values or column in d.amounts or column not in (*MONEY, *_TOTAL_COLUMNS):
            return
        if column in MONEY:
            if parse_amount(text, grammar=self.g) is not None:
                d.amounts[column] = text
            return
        if column == "execution_rate":
            v = parse_percent(text, grammar=self.g)
        else:
            v = parse_score(text, grammar=self.g)
        if v is not None:
            d.values[column] = v

    def _columns_line(self, row: Row, line: str, label: str,
                      labelled: list[tuple[int, str]], col: int) -> None:
        """``labelled``: the line's label cell and the cells after it."""
        d = self.draft(row, line, label)
        header = sorted(self.columns)
        cells = labelled[1:]
        if any(not self._value(t) for _, t in cells) or col in self.columns:
            # Group heads over label/amount pairs: each amount goes to the group
            # its label stands under.
            group: str | None = None
            for c, t in labelled:
                if not self._value(t):
                    group = self.columns.get(max((h for h in header if h <= c), default=-1))
                elif c in self.columns:
                    self.put(d, self.columns[c], t)
                elif group is not None:
                    self.put(d, group, t)
                    group = None
            return
        if all(c in self.columns for c, _ in cells):
            for c, t in cells:
                self.put(d, self.columns[c], t)
            return
        # Shifted by OCR: the amounts keep their order. As many as the heads go to them
        # in order; otherwise the nearest head at or after the previous one takes each.
        self.shifted.append(label)
        if len(cells) == len(header):
            for (_, t), h in zip(cells, header, strict=True):
                self.put(d, self.columns[h], t)
            return
        k = 0
        for c, t in cells:
            while k + 1 < len(header) and abs(header[k + 1] - c) < abs(header[k] - c):
                k += 1
            self.put(d, self.columns[header[k]], t)
            k += 1
            if k >= len(header):
                break

    def _value(self, text: str) -> bool:
        """A cell that stands for a value (an amount, a rate, a score, or a printed
        nothing)."""
        return self._number(text) or self.g.placeholder.fullmatch(text) is not None \
            or parse_percent(text, grammar=self.g) is not None \
            or parse_score(text, grammar=self.g) is not None

    def _pair(self, row: Row, line: str, column: str | None, col: int, text: str,
              cells: list[tuple[int, str]]) -> str:
        """Put the amount after a label; returns the column it went to."""
        if self.blocks:
            column = self.blocks[max((c for c in self.blocks if c <= col), default=min(
                self.blocks))]
        elif self.annual_col is not None:
            column = "annual" if col >= self.annual_col else "project_total"
        elif column == "annual":
            self.annual_col = col
        column = column or "annual"
        label, inline = split_inline(text, self.g)
        amounts = ([inline] if inline else []) + [t for _, t in cells]
        for t in amounts:
            if parse_amount(t, self.multiplier, grammar=self.g) is not None:
                self.put(self.draft(row, line, _label(label)), column, t)
                return column
        for t in amounts:
            if self._written_out(row, line, column, t):
                break
        return column

    def _written_out(self, row: Row, line: str, column: str, text: str) -> bool:
        """Read ``text`` if it is the block written out in one cell beside its label (总额
        1860万元 一、财政拨款：1420万元（其中：…）): each part to the line its label names,
        the sum, which comes first, to ``line`` when its own words name none."""
        parts = composition(text, self.g)
        if len(parts) < 2:
            return False
        for k, (part, amount) in enumerate(parts):
            hit = self.line_label(part, loose=True)
            part_line = hit[0] if hit else line if k == 0 else None
            if part_line is not None:
                self.put(self.draft(row, part_line, part or line), column, amount)
        return True

    def finish(self, kind: str | None) -> None:
        """Amounts in 元 by the block's unit; 预算数 is the year's budget of a target form
        and the adjusted budget of a self-evaluation; the caption's score annotation is
        the total line's weight."""
        for d in self.lines.values():
            for column, text in d.amounts.items():
                amount = parse_amount(text, self.multiplier, grammar=self.g)
                if amount is not None:
                    d.values[column] = amount
            if "budget" in d.values:
                budget = d.values.pop("budget")
                d.values.setdefault("annual" if kind == "target" else "adjusted_budget", budget)
        total = self.lines.get("total")
        if total is not None and self.caption_weight is not None and total.values:
            total.values.setdefault("weight", self.caption_weight)


def _sub_line(text: str) -> bool:
    """其中：… names a part of the line above or beside it."""
    return text.lstrip().startswith("其中")


def _label(text: str) -> str:
    return text.rstrip("：: ").strip()


# One part of a fund block written out in a cell: a label, maybe a colon, an amount with
# its unit (总额1860万元 一、财政拨款：1420万元（其中：上级财政资金：1100万元；…）).
_PART = regex.compile(r"(?P<label>[^\d：:，,、；;。（）()\s]*?)\s*[：:]?\s*"
                      r"(?P<amount>\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元))")


def composition(text: str, g: Grammar) -> list[tuple[str, str]]:
    """A fund block written out in one cell → its (label, amount) parts in order: labels
    without their enumerators (一、, 1.), amounts with their units. Every amount must carry
    a money unit: a sentence's other numbers (2个乡镇, 第3期) are no part."""
    parts = []
    for m in _PART.finditer(text):
        amount = m["amount"].replace(" ", "")
        if parse_amount(amount, grammar=g) is not None:
            parts.append((m["label"].lstrip(".．"), amount))
    return parts


@lru_cache(maxsize=65536)
def split_inline(text: str, g: Grammar) -> tuple[str, str | None]:
    """``一、项目总预算：150000`` → (一、项目总预算, 150000); other text → (text, None)."""
    head, sep, tail = text.replace(":", "：").rpartition("：")
    if sep and tail.strip() and parse_amount(tail, grammar=g) is not None:
        return head, tail.strip()
    return text, None
