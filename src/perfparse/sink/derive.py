"""Columns the warehouse adds to what was read: clean dimensions, a content key per form,
each indicator's outcome, and where a warning points.

They are computed here, once per row at flatten time, rather than in SQL: NFKC
normalisation and unit-aware comparison have no portable SQL form (DuckDB has no NFKC),
and a value computed in one place cannot differ between DuckDB and PostgreSQL.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from perfparse.validate.records import Form, Indicator, Value

# NFKC leaves these as printed; a form retyped in another program often swaps them.
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
                         "『": '"', "』": '"', "〔": "(", "〕": ")", "【": "[", "】": "]"})
_SPACE = re.compile(r"\s+")


def norm_text(s: str | None) -> str | None:
    """``…融媒体中心（汇总）`` and ``…融媒体中心 (汇总)`` → one spelling: NFKC (full-width
    letters, digits and brackets to ASCII), curly quotes and CJK brackets unified, no
    whitespace. None for an empty text."""
    if s is None:
        return None
    out = _SPACE.sub("", unicodedata.normalize("NFKC", s).translate(_QUOTES))
    return out or None


# Leading administrative names: province (省/自治区), city (市/州/盟/地区), then a
# district or county (区/县/旗). A party body (中共上海市…区委) names its place after 中共.
_REGION = re.compile(r"(?:中共)?((?:\w{2,7}?(?:省|自治区))?(?:\w{2,4}?(?:市|自治州|州|盟|地区))?"
                     r"(?:\w{1,4}?(?:区|县|旗))?)")


def region(department: str | None) -> str | None:
    """The place a department's name starts with (``上海市闵行区融媒体中心`` →
    ``上海市闵行区``), or None when it starts with no place name."""
    if not department:
        return None
    m = _REGION.match(department)
    return m.group(1) if m and m.group(1) else None


def form_key(form: Form, amounts: Iterable[object]) -> str:
    """A key shared by every copy of one printed form, whatever file or format it came
    from: its kind, year, normalised project name, code and department, and the total
    line's amounts (exact decimals in 元). 16 hex digits of a sha256."""
    p = form.project
    parts = [form.form_kind, form.fiscal_year, norm_text(p.name), norm_text(p.code),
             norm_text(p.department), *(None if a is None else str(a) for a in amounts)]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


# --- indicator outcome ------------------------------------------------------------------------

# Why ``met`` is what it is. True/False come with how they were decided; null with why not.
COMPARED = "compared"  # both numbers, compared with the target's comparator or range
EQUAL = "equal"  # no comparator printed, but the actual equals the target: met under any
SAME_TEXT = "same-text"  # qualitative, the actual reads exactly as the target
NO_TARGET = "no-target"
NO_ACTUAL = "no-actual"  # a target declaration, or a self-evaluation that left it blank
QUALITATIVE = "qualitative"  # a side is not one number (及时, 较上年提升, a sentence)
UNITS_DIFFER = "units-differ"
NO_COMPARATOR = "no-comparator"  # numbers differ and no comparator says which way is good
ACTUAL_RANGE = "actual-range"

_EPS = 1e-9


def outcome(ind: Indicator) -> tuple[bool | None, str]:
    """``(met, reason)``: whether the actual value meets the target, where the two are
    comparable. Units compare after 万/亿 are scaled out (``base_unit``); a side printed
    without a unit is read in the other side's unit, as forms that print the unit in
    the header do."""
    t, a = ind.target, ind.actual
    if t is None:
        return None, NO_TARGET
    if a is None:
        return None, NO_ACTUAL
    if t.base_value is None or a.base_value is None:
        same = (t.raw == a.raw or norm_text(t.raw) == norm_text(a.raw))
        return (True, SAME_TEXT) if same else (None, QUALITATIVE)
    if t.base_unit and a.base_unit and t.base_unit != a.base_unit:
        return None, UNITS_DIFFER
    if a.op == "range":
        return None, ACTUAL_RANGE
    return _compare(t, a.base_value)


def _compare(t: Value, x: float) -> tuple[bool | None, str]:
    v = t.base_value
    assert v is not None
    if t.op == "range":
        if t.value_max is None:
            return None, QUALITATIVE
        hi = t.value_max * (v / t.value if t.value else 1.0)  # in the base unit, as v
        return v - _EPS <= x <= hi + _EPS, COMPARED
    if t.op is None:
        return (True, EQUAL) if abs(x - v) <= _EPS else (None, NO_COMPARATOR)
    met = {"=": abs(x - v) <= _EPS, ">=": x >= v - _EPS, "<=": x <= v + _EPS,
           ">": x > v + _EPS, "<": x < v - _EPS}[t.op]
    return met, COMPARED


# --- where a warning points -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Place:
    """What a warning concerns, as far as can be told; None where it cannot."""

    project_id: str | None = None
    indicator_id: str | None = None
    fund_line_id: str | None = None
    field: str | None = None
    page: int | None = None
    row: int | None = None
    confidence: float | None = None


# The document-level warnings the extractors give locate a cell or page only in their
# message (``page 2 row 7 col 4: '95%' confidence 0.81``); these read it back.
_CELL = re.compile(r"page (\d+) row (\d+) col \d+: (.+) confidence ([\d.]+)$")
_LINE = re.compile(r"page (\d+) line: (.+) confidence ([\d.]+)$")
_PAGE = re.compile(r"page (\d+):")
_ITEM = re.compile(r"indicators\.(\d+)(?:\.(\w+))?")

_IND_FIELDS = ("name", "level1", "level2", "weight", "score", "completion_rate",
               "deviation_reason", "note")
_PROJECT_FIELDS = ("name", "code", "nature", "category", "department", "implementer",
                   "manager", "contact", "phone")


def _literal(s: str) -> str:
    try:
        v = ast.literal_eval(s)
    except (ValueError, SyntaxError):
        return s
    return v if isinstance(v, str) else s


def form_place(form: Form, pid: str, message: str, field: str | None) -> Place:
    """A form's own warning: the indicator it names, by list position in a field path
    (``indicators.3.target``) or by a message that starts with the indicator's name."""
    m = _ITEM.match(field or "")
    if m and int(m.group(1)) < len(form.indicators):
        return Place(pid, f"{pid}:ind:{m.group(1)}", field=field)
    named = [i for i, ind in enumerate(form.indicators)
             if ind.name and message.startswith(f"{ind.name}:")]
    if len(named) == 1:
        return Place(pid, f"{pid}:ind:{named[0]}", field=field)
    return Place(pid, field=field)


def document_place(forms: list[Form], pids: list[str], message: str) -> Place:
    """A document-level warning about one cell, line or page: the form, indicator or fund
    line printed there, and the field whose value is the cell's text."""
    if m := _CELL.match(message):
        page, row, text, conf = int(m[1]), int(m[2]), _literal(m[3]), float(m[4])
        return _at_row(forms, pids, page, row, text, conf)
    if m := _LINE.match(message):
        page, text, conf = int(m[1]), _literal(m[2]), float(m[3])
        return _on_page(forms, pids, page, text, conf)
    if m := _PAGE.match(message):
        return _on_page(forms, pids, int(m[1]), None, None)
    return Place()


def _value_text(v: Value | None) -> str | None:
    return v.raw if v else None


def _at_row(forms: list[Form], pids: list[str], page: int, row: int, text: str,
            conf: float) -> Place:
    for form, pid in zip(forms, pids, strict=True):
        for i, ind in enumerate(form.indicators):
            p = ind.provenance
            if p is None or (p.page, p.row) != (page, row):
                continue
            texts = {"target": _value_text(ind.target), "actual": _value_text(ind.actual),
                     **{f: getattr(ind, f) for f in _IND_FIELDS}}
            field = next((f for f, v in texts.items() if v is not None
                          and norm_text(str(v)) == norm_text(text)), None)
            return Place(pid, f"{pid}:ind:{i}", None,
                         f"indicators.{field}" if field else None, page, row, conf)
        for i, f in enumerate(form.funds):
            p = f.provenance
            if p is not None and (p.page, p.row) == (page, row):
                return Place(pid, None, f"{pid}:fund:{i}", f"funds.{f.line}", page, row, conf)
    return _on_page(forms, pids, page, text, conf, row)


def _pages(form: Form) -> set[int]:
    provs = [form.provenance] + [i.provenance for i in form.indicators] + [
        f.provenance for f in form.funds]
    return {p.page for p in provs if p is not None and p.page is not None}


def _on_page(forms: list[Form], pids: list[str], page: int, text: str | None,
             conf: float | None, row: int | None = None) -> Place:
    """A cell outside any indicator or fund row (a project field), a free line or a whole
    page: the form on that page whose project field reads as the text, else the one
    form printed on the page."""
    here = [(f, pid) for f, pid in zip(forms, pids, strict=True) if page in _pages(f)]
    if text is not None:
        for f, pid in here:
            field = next((k for k in _PROJECT_FIELDS if norm_text(getattr(f.project, k))
                          == norm_text(text)), None)
            if field:
                return Place(pid, field=f"project.{field}", page=page, row=row,
                             confidence=conf)
    pid = here[0][1] if len(here) == 1 else None
    return Place(pid, page=page, row=row, confidence=conf)
