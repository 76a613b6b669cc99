"""Pipe tables written without the outer pipes (``a | b | c``), as GFM allows and some
OCR tools print them.

Without a leading ``|`` a line with a pipe may be prose, so a line is a row only inside
a run of lines with the same number of pipes, or next to a ``---|---`` separator.
"""

from __future__ import annotations

import regex

from perfparse.extract.text.runs import is_table_run

_SEPARATOR = regex.compile(r"^\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")


def _pipes(line: str) -> int:
    s = line.strip()
    if "\t" in s or s.startswith("|"):
        return 0
    return s.count("|")


def bare_pipe_rows(lines: list[str]) -> set[int]:
    """Lines that are rows (or separators) of pipe tables without outer pipes."""
    found: set[int] = set()
    run: list[int] = []
    separator = False
    width = 0  # pipes in the run's rows; separators may be drawn with fewer or more

    def close() -> None:
        nonlocal separator, width
        rows = len(run) - sum(bool(_SEPARATOR.match(lines[i])) for i in run)
        if rows and is_table_run(rows, width + 1, separator=separator):
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
    return found
