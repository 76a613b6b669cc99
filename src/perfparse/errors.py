"""Errors that name the file and the reason, for a batch to record and move past."""

from __future__ import annotations


class ParseError(Exception):
    """An input that cannot be turned into forms.

    ``code`` is stable (for manifests and exit reasons); ``reason`` is for people
    and says what to do next where there is something to do.
    """

    def __init__(self, file: str, code: str, reason: str) -> None:
        super().__init__(f"{file}: {reason} [{code}]")
        self.file = file
        self.code = code
        self.reason = reason


class GrammarError(Exception):
    """A grammar file that is missing, not YAML, or not of the expected shape.

    Here rather than in :mod:`perfparse.grammar` so that the ingest process can report
    one without importing the parser.
    """


class OverBudget(Exception):
    """An input over one of the budgets of :mod:`perfparse.limits` (pixels, pages,
    decompressed bytes, table positions), found before the work it would cost. The
    parse turns it into that file's :class:`ParseError`; the extractor that finds it
    need not know the file's name."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class PatternTimeout(Exception):
    """A grammar pattern that ran past its time limit on one text: a pattern that
    backtracks without bound (``(a|aa)+$``) would otherwise hang the parse."""
