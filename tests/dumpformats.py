"""Writers of the table notations the text extractor reads, for cross-format tests.

Each takes a document's grid (as the extractor read its HTML, TAB or Markdown original)
and writes it again as CSV, pipe rows without the outer pipes, a grid table or a LaTeX
tabular, the way the tools that produce them do (Excel pads rows and quotes fields with
commas and line breaks; pandoc wraps long cells over several lines; Mathpix writes
``\\multirow``/``\\multicolumn`` and ``$\\geq$``). Parsing the result must give what
parsing the original gave; for CSV and pipe rows, which have no merged cells, what the
TAB dump of the same grid (``write(grid, "tsv")``) gives.
"""

from __future__ import annotations

import csv
import io

import regex

from perfparse.extract.text.grid_tables import display_width
from perfparse.grid import Cell, Grid, Line, Table

NOTATIONS = ("csv", "bare_pipes", "grid", "latex")
# Cells wider than this are wrapped, in a grid table over several lines, in a CSV field
# with line breaks (Alt+Enter in Excel).
WRAP = 12
_HAN = regex.compile(r"\p{Han}")


def _matrix(table: Table) -> list[list[Cell | None]]:
    """Each position's cell if the cell starts there, else None."""
    grid: list[list[Cell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        grid[c.row][c.col] = c
    return grid


def _owner(table: Table) -> dict[tuple[int, int], Cell]:
    """The cell covering each position."""
    return {(r, k): c for c in table.cells for r in range(c.row, c.row + c.rowspan)
            for k in range(c.col, c.col + c.colspan)}


def _breaks(text: str) -> list[int]:
    """Where a line may break: at a space (dropped), or beside a Chinese character,
    where the reader's cleaning drops the space it rejoins lines with."""
    return [i for i in range(1, len(text))
            if text[i] == " " or _HAN.match(text[i - 1]) or _HAN.match(text[i])]


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display columns where it can break."""
    lines: list[str] = []
    while display_width(text) > width:
        breaks = _breaks(text)
        if not breaks:
            break
        fits = [i for i in breaks if display_width(text[:i]) <= width] or breaks[:1]
        lines.append(text[:fits[-1]].rstrip())
        text = text[fits[-1]:].lstrip()
    return [*lines, text]


def _in_cell_break(text: str) -> str:
    """A long cell with a line break in its middle (Alt+Enter in Excel), not beside a
    space, which the reader's cleaning would then lose."""
    mid = len(text) // 2
    if len(text) <= WRAP or " " in text[mid - 1:mid + 1]:
        return text
    return text[:mid] + "\n" + text[mid:]


def _csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in _matrix(table):
        writer.writerow(["" if c is None else _in_cell_break(c.text) for c in row])
    return out.getvalue().replace("\r\n", "\n")


def _tsv(table: Table) -> str:
    return "\n".join("\t".join("" if c is None else c.text for c in row)
                     for row in _matrix(table)) + "\n"


def _bare_pipes(table: Table) -> str:
    return "\n".join(" | ".join("" if c is None else c.text for c in row).rstrip()
                     for row in _matrix(table)) + "\n"


def _latex_text(text: str) -> str:
    for ch in "\\{}":
        assert ch not in text, text
    text = regex.sub(r"([%&_#$])", r"\\\1", text)
    return text.replace("≥", "$\\geq$").replace("≤", "$\\leq$")


def _latex(table: Table) -> str:
    owner = _owner(table)
    lines = [f"\\begin{{tabular}}{{|{'c|' * table.n_cols}}}", "\\hline"]
    for r, row in enumerate(_matrix(table)):
        fields: list[str] = []
        k = 0
        while k < table.n_cols:
            cell = row[k] or owner.get((r, k))
            if cell is None:  # a ragged HTML row: nothing printed there
                fields.append("")
                k += 1
                continue
            text = _latex_text(cell.text) if cell.row == r else ""  # under a \multirow
            if cell.row == r and cell.rowspan > 1:
                text = f"\\multirow{{{cell.rowspan}}}{{*}}{{{text}}}"
            if cell.colspan > 1:
                text = f"\\multicolumn{{{cell.colspan}}}{{|c|}}{{{text}}}"
            fields.append(text)
            k += cell.colspan
        lines.append(" & ".join(fields) + " \\\\")
        # \cline under the cells that end here, \hline under a row all of whose cells do.
        ending = [c for c in table.cells if c.row + c.rowspan == r + 1]
        if sum(c.colspan for c in ending) == table.n_cols:
            lines.append("\\hline")
        else:
            lines += [f"\\cline{{{c.col + 1}-{c.col + c.colspan}}}" for c in ending]
    return "\n".join([*lines, "\\end{tabular}"]) + "\n"


def _grid(table: Table) -> str:
    """A pandoc-style grid table; positions no cell covers (ragged HTML rows) are drawn
    as empty cells."""
    owner = _owner(table)
    cells = list(table.cells) + [Cell("", r, k) for r in range(table.n_rows)
                                 for k in range(table.n_cols) if (r, k) not in owner]
    unbreakable = {id(c): max(display_width(w) for w in wrap(c.text, 1)) for c in cells}
    widths = [3] * table.n_cols
    for c in cells:
        if c.colspan == 1:
            widths[c.col] = max(widths[c.col], min(WRAP, display_width(c.text)),
                                unbreakable[id(c)])
    for c in cells:  # a spanning cell widens its last column when its words do not fit
        inside = sum(widths[c.col:c.col + c.colspan]) + 3 * (c.colspan - 1)
        widths[c.col + c.colspan - 1] += max(0, unbreakable[id(c)] - inside)

    def inner(c: Cell) -> int:
        return sum(widths[c.col:c.col + c.colspan]) + 3 * (c.colspan - 1)

    texts = {id(c): wrap(c.text, inner(c)) for c in cells}
    heights = [1] * table.n_rows
    for c in sorted(cells, key=lambda c: c.rowspan):
        need = len(texts[id(c)]) - (sum(heights[c.row:c.row + c.rowspan]) + c.rowspan - 1)
        heights[c.row + c.rowspan - 1] += max(0, need)
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + 3)
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + h + 1)
    canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    for c in cells:
        x0, x1, y0, y1 = xs[c.col], xs[c.col + c.colspan], ys[c.row], ys[c.row + c.rowspan]
        rule = "=" if c.row + c.rowspan == 1 else "-"
        # A corner other cells put on this cell's border stays.
        for x in range(x0 + 1, x1):
            canvas[y0][x] = canvas[y0][x] if canvas[y0][x] in "+=" else "-"
            canvas[y1][x] = canvas[y1][x] if canvas[y1][x] in "+=" else rule
        for y in range(y0 + 1, y1):
            for x in (x0, x1):
                canvas[y][x] = canvas[y][x] if canvas[y][x] == "+" else "|"
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            canvas[y][x] = "+"
        for k, line in enumerate(texts[id(c)]):
            x = x0 + 2
            for ch in line:
                canvas[y0 + 1 + k][x] = ch
                if display_width(ch) == 2:
                    canvas[y0 + 1 + k][x + 1] = ""
                x += display_width(ch)
    return "\n".join("".join(row).rstrip() for row in canvas) + "\n"


_WRITERS = {"tsv": _tsv, "csv": _csv, "bare_pipes": _bare_pipes, "grid": _grid, "latex": _latex}


def _line(text: str, notation: str) -> str:
    """A free line; a CSV writer quotes one that holds a comma or a quote."""
    if notation != "csv":
        return text + "\n"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([text])
    return out.getvalue()


def write(grid: Grid, notation: str) -> str:
    """The document in ``notation``: free lines as they are, tables rewritten, a blank
    line between blocks (as between the tables of a dump)."""
    return "\n".join(_line(b.text, notation) if isinstance(b, Line) else _WRITERS[notation](b)
                     for b in grid.blocks)
