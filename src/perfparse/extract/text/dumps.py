"""OCR text dumps → grid: tab-separated rows, Markdown/pipe tables, HTML tables.

Consecutive row lines form one table; a blank line, a prose line or a Markdown
separator line ends it (in OCR dumps these mark page and table boundaries,
which the segmenter then joins or splits by content).
"""

from __future__ import annotations

import regex

from perfparse.extract.clean import clean_text
from perfparse.extract.text.decode import decode
from perfparse.extract.text.html_tables import html_blocks
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Grid, Line, Table

_TABLE_OPEN = regex.compile(r"<table\b", regex.I)
_TABLE_CLOSE = regex.compile(r"</table\s*>", regex.I)
_HTML_PAGE = regex.compile(r"<(html|body|!doctype)\b", regex.I)
_SEPARATOR = regex.compile(r"^[\s|:+\-=—]*$")  # |---|:--:| and --\t---- lines


def _split_row(line: str) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 2:
        return s.strip("|").split("|")
    return None


def _line_blocks(text: str, first_line: int, grammar: Grammar | None) -> list[Block]:
    blocks: list[Block] = []
    rows: list[tuple[int, list[str]]] = []

    def close() -> None:
        if rows:
            # Empty cells are left out: a cell's column keeps its position, and
            # OCR dumps are mostly empty cells.
            cells = [Cell(text, r, c) for r, (_, row) in enumerate(rows)
                     for c, t in enumerate(row) if t and (text := clean_text(t, grammar))]
            blocks.append(Table(cells, source_line=rows[0][0]))
            rows.clear()

    for i, raw in enumerate(text.split("\n")):
        lineno = first_line + i
        if not raw.strip() or ("-" in raw and _SEPARATOR.match(raw)):
            close()
            continue
        row = _split_row(raw)
        if row is None:
            close()
            t = clean_text(raw, grammar)
            if t:
                blocks.append(Line(t, source_line=lineno))
        else:
            rows.append((lineno, row))
    close()
    return blocks


def _split_tables(text: str) -> list[str]:
    """Text, <table>…</table>, text, …: the first </table> after each <table> closes it.
    Searched forward only, in linear time: a lazy regex from each of many unclosed
    "<table " to the end of the text is quadratic."""
    parts: list[str] = []
    pos = 0
    while (start := _TABLE_OPEN.search(text, pos)) and (
            end := _TABLE_CLOSE.search(text, start.end())):
        parts += [text[pos:start.start()], text[start.start():end.end()]]
        pos = end.end()
    return [*parts, text[pos:]]


def text_blocks(text: str, grammar: Grammar | None = None) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    line = 1
    for i, part in enumerate(_split_tables(text)):
        if i % 2:  # a table
            found = html_blocks(part, grammar)
            for b in found:
                b.source_line = line
            blocks += found
        elif _HTML_PAGE.search(part):
            blocks += html_blocks(part, grammar)
        else:
            blocks += _line_blocks(part, line, grammar)
        line += part.count("\n")
    return blocks


def extract_text(name: str, data: bytes, *, grammar: Grammar | None = None) -> Grid:
    text, encoding, replaced = decode(name, data)
    kind = "html" if _HTML_PAGE.search(text[:4096]) and "\t" not in text[:4096] else "text"
    grid = Grid(file=name, format=kind, blocks=text_blocks(text, grammar))
    if encoding not in ("utf-8", "utf-8-sig") or replaced:
        grid.warnings.append(("encoding-detected", f"decoded as {encoding}" + (
            f"; {replaced} undecodable byte{'s' if replaced > 1 else ''} replaced with �"
            if replaced else "")))
    return grid
