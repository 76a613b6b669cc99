"""HTML (MinerU ``<table>`` output, saved web pages) → grid blocks.

Cells keep their rowspan/colspan and are placed on the table's true grid, as a
browser would lay them out; text outside tables becomes lines, split at block
elements.
"""

from __future__ import annotations

from html.parser import HTMLParser

from perfparse.extract.clean import clean_text
from perfparse.extract.text.spans import lay_out
from perfparse.grammar import Grammar
from perfparse.grid import Block, Line

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
                self.blocks.append(lay_out(self._rows))
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


def html_blocks(markup: str, grammar: Grammar | None = None) -> list[Block]:
    b = _Builder(grammar)
    b.feed(markup)
    b.close()
    return b.blocks
