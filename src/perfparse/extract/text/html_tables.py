"""HTML (MinerU ``<table>`` output, saved web pages) → grid blocks.

Cells keep their rowspan/colspan and are placed on the table's true grid, as a
browser would lay them out; text outside tables becomes lines, split at block
elements.
"""

from __future__ import annotations

from html.parser import HTMLParser

from perfparse.errors import OverBudget
from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Line, Table
from perfparse.limits import MAX_TABLE_CELLS

_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "title"}
_SKIP_TAGS = {"script", "style", "head"}


class _Builder(HTMLParser):
    def __init__(self, grammar: Grammar | None) -> None:
        super().__init__(convert_charrefs=True)
        self.grammar = grammar
        self.blocks: list[Block] = []
        self._line: list[str] = []
        self._rows: list[list[tuple[str, int, int]]] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._skip = 0
        self._depth = 0  # nested tables are flattened into their parent cell

    def _flush_line(self) -> None:
        text = clean_text("".join(self._line), self.grammar)
        if text:
            self.blocks.append(Line(text))
        self._line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush_line()
                self._rows = []
        elif self._depth > 1:
            return
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []
            self._span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag == "input" and (a.get("type") or "").lower() == "checkbox":
            self._text("☑" if "checked" in a else "☐")
        elif tag in _BLOCK_TAGS and self._cell is None:
            self._flush_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            self._depth -= 1
            if self._depth == 0 and self._rows is not None:
                self.blocks.append(_layout(self._rows))
                self._rows = None
        elif self._depth > 1:
            return
        elif tag in ("td", "th") and self._cell is not None and self._rows is not None:
            if not self._rows:
                self._rows.append([])
            self._rows[-1].append((clean_text("".join(self._cell), self.grammar), *self._span))
            self._cell = None
        elif tag in _BLOCK_TAGS and self._cell is None:
            self._flush_line()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, s: str) -> None:
        (self._cell if self._cell is not None else self._line).append(s)

    def close(self) -> None:
        super().close()
        self._flush_line()


def _int(v: str | None) -> int:
    try:
        return max(1, int(v or 1))
    except ValueError:
        return 1


# Browsers honour colspan up to 1000 and rowspan up to 65534; no form is wider than this.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


def _layout(rows: list[list[tuple[str, int, int]]]) -> Table:
    """Place cells on the grid, skipping positions taken by spans from above.

    Spans are clamped as a browser clamps them, and rowspans to the table's last row,
    so that a 161-byte ``<td rowspan=100000 colspan=100000>`` is one cell over the rows
    and columns that exist, not ten billion positions. The positions the spans cover
    (what the rows of the segmenter carry) are counted, and a table over
    ``MAX_TABLE_CELLS`` is refused.
    """
    busy: dict[int, int] = {}  # column → the first row below the spans covering it
    cells: list[Cell] = []
    covered = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while busy.get(c, 0) > r:
                c += 1
            rowspan = min(rowspan, _MAX_ROWSPAN, len(rows) - r)
            # Past the widest a browser draws, a cell takes one column.
            colspan = max(1, min(colspan, _MAX_COLSPAN - c))
            covered += rowspan + colspan
            if covered > MAX_TABLE_CELLS:
                raise OverBudget("too-large", f"an HTML table's merged cells cover more than "
                                 f"{MAX_TABLE_CELLS:,} positions; split the table or the file")
            cells.append(Cell(text, r, c, rowspan, colspan))
            for j in range(c, c + colspan):
                busy[j] = max(busy.get(j, 0), r + rowspan)
            c += colspan
    return Table(cells)


def html_blocks(markup: str, grammar: Grammar | None = None) -> list[Block]:
    b = _Builder(grammar)
    b.feed(markup)
    b.close()
    return b.blocks
