"""OCR text dumps → grid: tab-separated rows, Markdown/pipe tables (with or without the
outer pipes), CSV, grid tables, HTML and LaTeX tables.

Consecutive row lines form one table; a blank line, a prose line or a Markdown
separator line ends it (in OCR dumps these mark page and table boundaries,
which the segmenter then joins or splits by content). HTML and LaTeX tables are cut out
of the text first; grid tables are read where their top border starts.
"""

from __future__ import annotations

import regex

from perfparse.extract.clean import clean_text
from perfparse.extract.text.csv_tables import csv_rows
from perfparse.extract.text.decode import decode
from perfparse.extract.text.grid_tables import grid_table_at
from perfparse.extract.text.html_tables import html_blocks
from perfparse.extract.text.latex_tables import find_tabular, latex_table
from perfparse.extract.text.pipe_rows import bare_pipe_rows
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Grid, Line, Table

_TABLE_OPEN = regex.compile(r"<table\b", regex.I)
_TABLE_CLOSE = regex.compile(r"</table\s*>", regex.I)
_HTML_PAGE = regex.compile(r"<(html|body|!doctype)\b", regex.I)
_SEPARATOR = regex.compile(r"^[\s|:+\-=—]*$")  # |---|:--:| and --\t---- lines


def _split_row(line: str, bare_pipes: bool) -> list[str] | None:
    if "\t" in line:
        return line.split("\t")
    s = line.strip()
    if bare_pipes:  # a pipe at either end is a wall of an empty first or last cell
        return s.split("|")
    if s.startswith("|") and s.count("|") >= 2:
        return s.strip("|").split("|")
    return None


def _line_blocks(text: str, first_line: int, grammar: Grammar | None) -> list[Block]:
    lines = text.split("\n")
    bare = bare_pipe_rows(lines)
    records = csv_rows(lines, bare)
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

    i = 0
    while i < len(lines):
        raw, lineno, bare_row = lines[i], first_line + i, i in bare
        if raw.lstrip().startswith("+") and (drawn := grid_table_at(lines, i, grammar)):
            close()
            drawn[0].source_line = lineno
            blocks.append(drawn[0])
            i += drawn[1]
            continue
        if i in records:
            fields, used = records[i]
            i += used
            if not any(f.strip() for f in fields):  # a sheet's empty row: a blank line
                close()
            elif len(fields) > 1:
                rows.append((lineno, fields))
            else:
                close()
                if t := clean_text(fields[0], grammar):
                    blocks.append(Line(t, source_line=lineno))
            continue
        i += 1
        if not raw.strip() or ("-" in raw and _SEPARATOR.match(raw)):
            close()
            continue
        row = _split_row(raw, bare_row)
        if row is None:
            close()
            t = clean_text(raw, grammar)
            if t:
                blocks.append(Line(t, source_line=lineno))
        else:
            rows.append((lineno, row))
    close()
    return blocks


def _html_table(text: str, pos: int) -> tuple[int, int] | None:
    """The first ``<table>``…``</table>`` at or after ``pos``: the first </table> after
    the <table> closes it. Searched forward only, in linear time: a lazy regex from each
    of many unclosed "<table " to the end of the text is quadratic."""
    if (start := _TABLE_OPEN.search(text, pos)) and (
            end := _TABLE_CLOSE.search(text, start.end())):
        return start.start(), end.end()
    return None


def _split_tables(text: str) -> list[tuple[str, str]]:
    """(kind, part) in order: ``text`` between tables, ``html`` and ``latex`` tables.
    Each finder looks again only once the table it found has been passed, and a finder
    that found nothing finds nothing further on, so the text is scanned a few times."""
    parts: list[tuple[str, str]] = []
    pos = 0
    finders = {"html": _html_table, "latex": find_tabular}
    found = {kind: find(text, 0) for kind, find in finders.items()}
    while live := [(span, kind) for kind, span in found.items() if span is not None]:
        (start, end), kind = min(live)
        parts += [("text", text[pos:start]), (kind, text[start:end])]
        pos = end
        for k, span in found.items():
            if span is not None and span[0] < pos:
                found[k] = finders[k](text, pos)
    return [*parts, ("text", text[pos:])]


def text_blocks(text: str, grammar: Grammar | None = None) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    line = 1
    for kind, part in _split_tables(text):
        if kind == "text":
            blocks += (html_blocks(part, grammar) if _HTML_PAGE.search(part)
                       else _line_blocks(part, line, grammar))
        else:
            found = (html_blocks(part, grammar) if kind == "html"
                     else [t] if (t := latex_table(part, grammar)) else [])
            for b in found:
                b.source_line = line
            blocks += found
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
