"""Grid tables (reStructuredText, pandoc, ``tabulate``'s "grid"): ``+---+`` borders, ``|``
walls, a cell's text wrapped over several lines of its row, ``+===+`` under the header,
and a merged cell where a border segment is missing; and the boxes of PrettyTable and
``tabulate``'s "psql", ruled only under the header, one row a line.

Cells are found as docutils finds them: from each top-left corner, right along the top
border to a corner whose wall runs down to a bottom border that runs back left to a wall
that runs back up. Positions are display columns (a Chinese character takes two, as the
tools that draw these tables pad it); a table drawn counting characters instead is read
that way when display columns do not close its cells.
"""

from __future__ import annotations

import unicodedata

import regex

from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar
from perfparse.grid import Cell, Table

_BORDER = regex.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_PSQL_RULE = regex.compile(r"^(\s*)\|([-=:]+(?:\+[-=:]+)*)\|(\s*)$")  # |----+----|
_FILLER = "\0"  # the second column of a wide character
# Finding cells walks borders from every corner; a drawing larger than this is not a form.
_MAX_AREA = 500_000


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide (CJK) characters."""
    return len(text) if text.isascii() else len(text) + sum(map(_wide, text))


def _canvas(lines: list[str], wide: bool) -> list[str]:
    rows = [line if not wide or line.isascii()
            else "".join(c + _FILLER if _wide(c) else c for c in line) for line in lines]
    width = max(map(len, rows))
    return [r.ljust(width) for r in rows]


def _cells(canvas: list[str]) -> list[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of each cell found from the top-left corner."""
    height = len(canvas)

    def wall_up(top: int, bottom: int, left: int) -> bool:
        return all(canvas[k][left] in "|+" for k in range(top + 1, bottom))

    def border_left(bottom: int, left: int, right: int) -> bool:
        return canvas[bottom][left] == "+" and all(
            canvas[bottom][k] in "-=:+" for k in range(left + 1, right))

    def close(top: int, left: int) -> tuple[int, int] | None:
        for right in range(left + 1, len(canvas[top])):
            if canvas[top][right] == "+":
                for bottom in range(top + 1, height):
                    ch = canvas[bottom][right]
                    if ch == "+" and border_left(bottom, left, right) and wall_up(
                            top, bottom, left):
                        return bottom, right
                    if ch not in "+|":
                        break
            elif canvas[top][right] not in "-=:":
                return None
        return None

    start = canvas[0].index("+")
    todo, seen = [(0, start)], set()
    found: list[tuple[int, int, int, int]] = []
    while todo:
        corner = todo.pop()
        if corner in seen:
            continue
        seen.add(corner)
        if (end := close(*corner)) is not None:
            found.append((*corner, *end))
            todo += [(corner[0], end[1]), (end[0], corner[1])]
    return found


def _table(canvas: list[str], found: list[tuple[int, int, int, int]],
           grammar: Grammar | None) -> Table | None:
    """The cells on the table's grid, or None unless they tile it (a drawing whose walls
    do not meet its borders in these columns)."""
    row_of = {y: i for i, y in enumerate(sorted({c[0] for c in found} | {c[2] for c in found}))}
    col_of = {x: i for i, x in enumerate(sorted({c[1] for c in found} | {c[3] for c in found}))}
    cells = []
    for top, left, bottom, right in found:
        # A wrapped line rejoins its cell with a space; cleaning drops it between
        # Chinese characters, where the tools break lines without one.
        text = " ".join(canvas[k][left + 1:right].replace(_FILLER, "").strip()
                        for k in range(top + 1, bottom))
        cells.append(Cell(clean_text(text, grammar), row_of[top], col_of[left],
                          row_of[bottom] - row_of[top], col_of[right] - col_of[left]))
    if not cells or sum(c.rowspan * c.colspan for c in cells) != (
            (len(row_of) - 1) * (len(col_of) - 1)):
        return None
    return Table(sorted(cells, key=lambda c: (c.row, c.col)))


def _one_line_rows(drawing: list[str]) -> list[str]:
    """PrettyTable and tabulate's "psql" style rule only under a one-line header, with
    each line of the body a row (a grid table would rule between its rows): the body's
    rows get the rules they leave out."""
    drawing = [_PSQL_RULE.sub(r"\1+\2+\3", line) for line in drawing]
    borders = [k for k, line in enumerate(drawing) if _BORDER.match(line)]
    if (borders != [0, 2, len(drawing) - 1] or len(drawing) < 6
            or any("+" in line for line in drawing[3:-1])):
        return drawing
    rule = drawing[2].replace("=", "-")
    return [*drawing[:3], *(x for line in drawing[3:-2] for x in (line, rule)),
            *drawing[-2:]]


def grid_table_at(lines: list[str], i: int,
                  grammar: Grammar | None = None) -> tuple[Table, int] | None:
    """The grid table whose top border is ``lines[i]``, and the lines it takes."""
    if not _BORDER.match(lines[i]):
        return None
    end = i + 1
    while end < len(lines) and lines[end].lstrip()[:1] in ("+", "|"):
        end += 1
    while end > i and not _BORDER.match(lines[end - 1]):
        end -= 1
    drawing = _one_line_rows([line.rstrip() for line in lines[i:end]])
    if len(drawing) < 3 or len(drawing) * max(map(len, drawing)) * 2 > _MAX_AREA:
        return None
    for wide in (True, False):
        canvas = _canvas(drawing, wide)
        if (table := _table(canvas, _cells(canvas), grammar)) is not None:
            return table, end - i
    return None
