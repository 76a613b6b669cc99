"""Pipe tables written without the outer pipes (``a | b | c``), as GFM allows and some
OCR tools print them.

Without a leading ``|`` a line with a pipe may be prose, so a line is a row only inside
a run of lines with the same number of pipes, or next to a ``---|---`` separator. In such
a run a line that starts (or ends) with ``|`` has an empty first (or last) cell: a row of
the same table with outer pipes would have two pipes more.
"""

from __future__ import annotations

import regex

from perfparse.extract.text.runs import is_table_run

_SEPARATOR = regex.compile(r"^\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")


def _pipes(line: str) -> int:
    return 0 if "\t" in line else line.count("|")


def _outer(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.endswith("|")


def bare_pipe_rows(lines: list[str]) -> set[int]:
    """Lines that are rows (or separators) of pipe tables without outer pipes. Once one
    run is a table, every line with a pipe that is not a row with outer pipes is a row,
    a lone one (a row cut off by a page break) too."""
    found: set[int] = set()
    run: list[int] = []
    separator = False
    width = 0  # pipes in the run's rows; separators may be drawn with fewer or more

    def close() -> None:
        nonlocal separator, width
        rows = [lines[i].strip().split("|") for i in run if not _SEPARATOR.match(lines[i])]
        bare = any(not lines[i].lstrip().startswith("|") for i in run)
        if bare and is_table_run(rows, marked=separator):
            found.update(run)
        run.clear()
        separator, width = False, 0

    for i, line in enumerate(lines):
        n = _pipes(line)
        if not n:
            close()
            continue
        is_sep = bool(_SEPARATOR.match(line))
        if not is_sep:
            if width and n != width:
                close()
            width = n
        run.append(i)
        separator = separator or is_sep
    close()
    if found:
        found.update(i for i, line in enumerate(lines) if _pipes(line) and not _outer(line))
    return found
