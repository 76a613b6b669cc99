"""Segments of one file → the contract document.

Document-level rules live here because they compare forms: a form printed
twice, and a printed money unit that the document's other forms contradict.
Segments that hold neither a project nor an indicator (a web page's index
table, an attachment list) are not forms. A form read from cells OCR doubted says
so itself: the document's warnings name every doubtful cell of the file, but a
reviewer of one form must not have to search them for its own.
"""

from __future__ import annotations

import json
from typing import Any

from perfparse.assemble.draft import FormDraft, warn
from perfparse.assemble.form import assemble_forms
from perfparse.extract.ocr.confidence import LOW
from perfparse.grammar import Grammar
from perfparse.grid import Cell, Grid, Table
from perfparse.normalise.funds import MONEY
from perfparse.segment import Segment
from perfparse.validate.checks import cross_check
from perfparse.validate.records import Document, Warning_
from perfparse.validate.repair import validate_form

_DOUBTS_SHOWN = 5  # the least certain cells a form's warning quotes


def _content(f: FormDraft) -> str:
    """What a form says, without where it was printed: copies of a form say the same."""
    def plain(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: plain(v) for k, v in x.items() if k not in _PLACE}
        return [plain(v) for v in x] if isinstance(x, list) else x

    return json.dumps(plain([f.form_kind, f.fiscal_year, f.project, f.funds, f.goals,
                             f.indicators, f.total_score]), ensure_ascii=False, sort_keys=True)


def _mark_duplicates(forms: list[FormDraft]) -> None:
    """A form saying what an earlier form of the file says is a duplicate of it (a form
    printed twice); forms with no project or indicators are never matched."""
    seen: dict[str, int] = {}
    names = [f.project.get("name") for f in forms]
    for f in forms:
        if not (f.project.get("name") or f.indicators) or names.count(f.project.get("name")) < 2:
            continue  # only forms sharing a name can be copies: skip the costly comparison
        key = _content(f)
        if key in seen:
            f.duplicate_of = seen[key]
        else:
            seen[key] = f.form_index


_PLACE = ("provenance", "confidence", "ref", "seq")  # where a value was printed, not what


def _fix_units(forms: list[FormDraft], g: Grammar) -> None:
    units = {f.funds_unit for f in forms}
    for rule in g.labels.funds.implausible:
        if rule.treat_as not in units:
            continue
        for f in forms:
            amounts = [v for line in f.funds for k, v in line.items() if k in MONEY and v]
            scale = f.multiplier
            if (f.funds_unit != rule.unit or not amounts
                    or min(amounts) / scale < rule.min_printed):
                continue
            for line in f.funds:
                for k in MONEY:
                    if line.get(k) is not None:
                        line[k] = round(line[k] / scale, 2)
            f.warnings.append(warn(
                "unit-implausible",
                f"header says {rule.unit} but amounts (smallest {min(amounts) / scale:,.2f}) "
                f"read as {rule.treat_as}, as in the document's other forms; amounts kept in "
                "元 as printed", "funds_unit"))


def _is_form(f: FormDraft) -> bool:
    """A titled form needs a project or indicators; with no title, a 项目名称 alone
    (an index table's row, a fragment) is not yet a form: a table must come with it."""
    if f.title is not None:
        return bool(f.project.get("name") or f.indicators)
    return bool(f.project.get("name") and (f.indicators or f.funds))


def _doubts(s: Segment) -> Warning_ | None:
    """One ``low-ocr-confidence`` warning for the cells and lines of a segment OCR read
    with doubt, quoting the least certain; None when there are none."""
    seen: dict[tuple[int, ...], tuple[float, str]] = {}  # (block[, row, col]) → doubt
    for row in s.rows:
        if row.is_line:
            if row.line_confidence is not None and row.line_confidence < LOW:
                seen[(row.block,)] = (row.line_confidence, row.joined())
            continue
        for rc in row.cells:
            c = rc.cell
            if c is not None and not rc.carried and c.confidence is not None \
                    and c.confidence < LOW:
                seen[(row.block, c.row, c.col)] = (c.confidence, c.text)
    if not seen:
        return None
    least = sorted(seen.values())[:_DOUBTS_SHOWN]
    quoted = ", ".join(f"{text!r} {conf:.2f}" for conf, text in least)
    return warn("low-ocr-confidence",
                f"{len(seen)} cells of this form read by OCR with confidence below {LOW}; "
                f"their values may be misread (least certain: {quoted})")


def _sealed(s: Segment) -> Warning_ | None:
    """A ``text-under-seal`` warning for a form whose cells a seal lies over on a grey
    scan, quoting them: there the recogniser drops or swaps characters with full
    confidence, so no ``low-ocr-confidence`` would tell."""
    seen: dict[tuple[int, int, int], Cell] = {}
    for row in s.rows:
        for rc in row.cells:
            c = rc.cell
            if c is not None and not rc.carried and c.under_seal:
                seen[(row.block, c.row, c.col)] = c
    if not seen:
        return None
    pages = sorted({c.page for c in seen.values()})
    quoted = ", ".join(repr(c.text) for c in list(seen.values())[:_DOUBTS_SHOWN] if c.text)
    return warn("text-under-seal",
                f"a seal is stamped over {len(seen)} cells of this form "
                f"({'pages' if len(pages) > 1 else 'page'} {', '.join(map(str, pages))}); "
                f"their text was read through its ink and may have lost or changed "
                f"characters: {quoted}")


def _guessed(s: Segment, grid: Grid) -> Warning_ | None:
    """An ``unruled-table`` warning for a form read from a table printed without column
    rulings: its cells were placed by the text's alignment, which merged cells and wrapped
    lines can mislead."""
    pages = sorted({r.page for r in s.rows if isinstance(b := grid.blocks[r.block], Table)
                    and b.guessed})
    if not pages:
        return None
    return warn("unruled-table",
                f"the table of this form ({'pages' if len(pages) > 1 else 'page'} "
                f"{', '.join(map(str, pages))}) has no column "
                "rulings; its cells were placed by the alignment of the text: check levels "
                "spanning several rows and names wrapped over two lines")


def assemble_document(grid: Grid, segments: list[Segment], g: Grammar, *,
                      sha256: str) -> Document:
    forms: list[FormDraft] = []
    unread: list[str] = []
    for s in segments:
        drafts = [f for f in assemble_forms(s, g, grid.file, len(forms)) if _is_form(f)]
        # A titled segment holding a table (rows of two cells or more) was a form: say so
        # if none could be read from it (a page heading above the forms holds no table).
        if not drafts and s.title is not None and any(len(r.texts()) > 1 for r in s.rows):
            unread.append(f"page {s.start.page} ({s.title})")
        doubts = [w for w in (_doubts(s), _sealed(s), _guessed(s, grid))
                  if w is not None] if drafts else []
        for f in drafts:
            f.form_index = len(forms)
            f.warnings.extend(doubts)
            forms.append(f)
    _fix_units(forms, g)
    _mark_duplicates(forms)
    valid = []
    for f in forms:
        record = f.record()
        record["warnings"] += [w.model_dump() for w in cross_check(record, f.total_weight)]
        valid.append(validate_form(record))
    return Document.model_validate({
        "source": {"file": grid.file, "sha256": sha256, "format": grid.format},
        "forms": valid,
        "warnings": [{"code": c, "message": m} for c, m in grid.warnings] + ([{
            "code": "form-unread",
            "message": f"{len(unread)} forms titled as such were found but neither a project "
                       f"nor indicators could be read from them: {', '.join(unread)}"}]
            if unread else []),
    })
