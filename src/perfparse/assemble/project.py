"""Printed project fields → the contract's project: codes and classes split off the
name, a period split into two dates, a name and a phone printed in one cell."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

import regex

from perfparse.assemble.draft import warn
from perfparse.grammar import Grammar
from perfparse.normalise.values import parse_date
from perfparse.validate.records import Warning_

_PEOPLE = ("manager", "contact")


def _bound(m: regex.Match[str], *, end: bool) -> date | None:
    y = int(m["y"])
    month, day = m["m"] or m["cm"], m["d"] or m["cd"]
    if month is None:
        return date(y, 12, 31) if end else date(y, 1, 1)
    mo = int(month)
    if not 1 <= mo <= 12:
        return None
    d = int(day) if day else (calendar.monthrange(y, mo)[1] if end else 1)
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _period(g: Grammar, text: str) -> tuple[date | None, date | None]:
    """A period's first and last date (2024.03-2025.02, 2024年1月1日至2024年12月31日); a
    period printed as one year or month (2023) runs through it."""
    found = list(g.period_date.finditer(text))
    if not found:
        return None, None
    return _bound(found[0], end=False), _bound(found[-1], end=True)


def _person(g: Grammar, text: str) -> tuple[str, str | None]:
    """``王某0376-1234567`` → (王某, 0376-1234567); a label printed after the name
    (王某填报日期：…) ends it."""
    text = g.next_label.split(text, maxsplit=1)[0]
    m = g.phone.search(text)
    if m is None:
        return text.strip(), None
    return (text[:m.start()] + text[m.end():]).strip(" ：:，,/"), m.group()


def project_record(g: Grammar, fields: dict[str, str], warnings: list[Warning_]
                   ) -> dict[str, Any]:
    p: dict[str, Any] = {k.split(".", 1)[1]: v for k, v in fields.items()
                         if k.startswith("project.")}
    name = p.get("name")
    if name and (m := g.project_code.match(name)):
        p["code"], p["name"] = m.group("code"), m.group("name")
    elif name and (m := g.project_class.match(name)):
        p.setdefault("category", m.group("category"))
        p["name"] = m.group("name")
    if filer := p.pop("filer", None):
        p.setdefault("implementer", filer)
    if budget_unit := p.pop("budget_unit", None):
        p.setdefault("department", budget_unit)
    if owner := p.pop("owner", None):
        p.setdefault("department", owner)
        p.setdefault("implementer", owner)
    if both := p.pop("manager_phone", None):
        manager, phone = _person(g, both)
        p.setdefault("manager", manager or None)
        if phone:
            p.setdefault("phone", phone)
    for k in _PEOPLE:  # a name cell that runs on into the next printed label's value
        if p.get(k):
            p[k] = _person(g, p[k])[0] or None
    if p.get("phone") and (m := g.phone.search(p["phone"])):
        p["phone"] = m.group()
    if period := p.pop("period", None):
        start, end = _period(g, period)
        if start is None:
            warnings.append(warn("date-unreadable", f"period {period!r} is not a date range",
                                 "project.start_date"))
        p.setdefault("start_date", start.isoformat() if start else None)
        p.setdefault("end_date", end.isoformat() if end else None)
    for k in ("start_date", "end_date"):
        if isinstance(p.get(k), str):
            d = parse_date(p[k], grammar=g)
            if d is None and (m := g.period_date.search(p[k])):
                d = _bound(m, end=k == "end_date")  # printed to the month: 2023年1月
            if d is None:
                warnings.append(warn("date-unreadable", f"{k} {p[k]!r} is not a date",
                                     f"project.{k}"))
            p[k] = d.isoformat() if d else None
    return p
