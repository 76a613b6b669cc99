"""Comma-separated rows (Excel/WPS "save as CSV") found among the lines of a dump.

A CSV file has no marker: it is recognised by content, a run of records with the same
number of fields (Excel and WPS pad every row to the sheet's width), read by the
standard ``csv`` module so quoted fields keep their commas, doubled quotes and line
breaks. Merged cells come out as empty fields, as in a TAB dump.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from perfparse.extract.text.runs import is_table_run

# A quoted field longer than this many lines is an unclosed quote in prose, not a cell.
_MAX_RECORD_LINES = 40


def _records(lines: list[str], taken: set[int]) -> Iterator[tuple[int, int, list[str] | None]]:
    """(first line, lines used, fields or None) for each record; None where the lines
    cannot be CSV: a TAB or pipe row, a line another reader took, an unclosed quote,
    a line without a comma."""
    i = 0
    while i < len(lines):
        line = lines[i]
        # A record starts with a comma in its line or with a quoted field, which may
        # hold line breaks before the first comma.
        if (i in taken or "\t" in line or line.lstrip().startswith("|")
                or ("," not in line and not line.startswith('"'))):
            yield i, 1, None
            i += 1
            continue
        feed = [s + "\n" for s in lines[i:i + _MAX_RECORD_LINES]]
        reader = csv.reader(feed)
        try:
            fields = next(reader)
        except (csv.Error, StopIteration):
            fields = None
        used = max(1, reader.line_num)
        raw = feed[:used]
        # A record over several lines must not run into a TAB row or another reader's
        # lines, and its quotes must pair up (else the quote was never closed).
        if used > 1 and (any("\t" in s or (j + i) in taken for j, s in enumerate(raw))
                         or sum(s.count('"') for s in raw) % 2):
            fields, used = None, 1
        yield i, used, fields
        i += used


def csv_rows(lines: list[str], taken: set[int]) -> dict[int, tuple[list[str], int]]:
    """Rows of the CSV tables among ``lines``: first line → (fields, lines the record
    spans). ``taken`` are lines another notation already read. Once one run is a
    table the text is a CSV file, where every line with a comma is a row, a lone one
    (a row cut off by a page break) too, and a record of one quoted field is a line."""
    records = [(i, used, fields) for i, used, fields in _records(lines, taken) if fields]
    found: dict[int, tuple[list[str], int]] = {}
    run: list[tuple[int, int, list[str]]] = []

    def close() -> None:
        # A comma or line break inside a field: it was quoted, as only CSV writers quote.
        quoted = any("," in f or "\n" in f for _, _, fields in run for f in fields)
        if run and is_table_run([fields for _, _, fields in run], marked=quoted, commas=True):
            found.update((i, (fields, used)) for i, used, fields in run)
        run.clear()

    for record in records:
        i, _, fields = record
        if run and (len(fields) != len(run[-1][2]) or run[-1][0] + run[-1][1] != i):
            close()
        run.append(record)
    close()
    if found:  # a quoted lone field is a line of text that holds a comma
        found.update((i, (fields, used)) for i, used, fields in records
                     if len(fields) > 1 or lines[i].startswith('"'))
    return found
