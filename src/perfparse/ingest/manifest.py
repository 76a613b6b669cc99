"""Manifest rows: one per input path, saying what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePosixPath

from perfparse.ingest.discover import Identified
from perfparse.ingest.task import FAILED, SKIPPED, Outcome
from perfparse.sink.arrow import empty_tables
from perfparse.sink.flatten import Row
from perfparse.sink.warehouse import FileCommit, KnownPath
from perfparse.storable import storable


@cache
def perfparse_version() -> str:
    try:
        return version("perfparse")
    except PackageNotFoundError:
        return "unknown"


def _row(rel: str, sha: str | None, size: int, fmt: str | None, run_id: str, **kw) -> Row:
    row: Row = {
        "path": rel, "file": PurePosixPath(rel).name, "sha256": sha, "size_bytes": size,
        "format": fmt, "status": FAILED, "code": None, "reason": None, "detail": None,
        "forms": 0, "indicators": 0, "warnings": 0, "seconds": 0.0, "same_as": None,
        "run_id": run_id, "ingested_at": datetime.now(UTC),
        "perfparse_version": perfparse_version(),
    }
    row.update(kw)
    # A reason quoting a parser's message can carry anything the file held.
    return {k: storable(v) if isinstance(v, str) else v for k, v in row.items()}


def from_outcome(o: Outcome, run_id: str) -> Row:
    return _row(o.task.rel, o.sha256, o.task.size, o.format, run_id, status=o.status,
                code=o.code, reason=o.reason, detail=o.detail, forms=o.forms,
                indicators=o.indicators, warnings=o.warnings, seconds=round(o.seconds, 4))


@dataclass(frozen=True, slots=True)
class Original:
    """The first path with some content and what its parse gave: all a later path
    with the same content repeats. Kept per file of a run instead of its whole
    manifest row, so the planner's memory stays small as the corpus grows."""

    path: str
    result: KnownPath
    code: str | None = None
    reason: str | None = None

    @classmethod
    def of(cls, row: Row) -> Original:
        return cls(row["path"], KnownPath(row["sha256"], row["status"], row["format"],
                                          row["forms"], row["indicators"], row["warnings"],
                                          row["same_as"]),
                   row["code"], row["reason"])


def copy_of(ident: Identified, first: Original, run_id: str) -> Row:
    """A path whose content was parsed under another path: same result, no second parse."""
    r = first.result
    return _row(ident.candidate.rel, ident.sha256, ident.candidate.size, r.format, run_id,
                status=r.status, code=first.code, reason=first.reason, forms=r.forms,
                indicators=r.indicators, warnings=r.warnings, same_as=first.path)


def unstorable(c: FileCommit, e: Exception) -> FileCommit:
    """``c`` as a failed file whose rows the warehouse refused (``e``): its manifest rows
    say why, and it keeps no data rows."""
    first_line = str(e).strip().split("\n", 1)[0][:300]
    rows = [{**r, "status": FAILED, "code": "unstorable", "forms": 0, "indicators": 0,
             "warnings": 0, "reason": f"the warehouse refused this file's rows "
             f"({type(e).__name__}: {first_line}). This is a bug: please report it with the "
             "file attached"} for r in c.manifest]
    tables = None if c.tables is None else empty_tables()
    return FileCommit(c.sha256, tables, rows, c.replaced, c.seen_before)


def unusable(ident: Identified, run_id: str) -> Row:
    """A file no parser was given: empty, unreadable, or not a form format (failed), or
    not a file perfparse reads at all (skipped)."""
    return _row(ident.candidate.rel, ident.sha256, ident.candidate.size, ident.format, run_id,
                status=SKIPPED if ident.skipped else FAILED, code=ident.code,
                reason=ident.reason)
