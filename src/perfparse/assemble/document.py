"""Segments of one file → the contract document.

Document-level rules live here because they compare forms: a form printed
twice, and a printed money unit that the document's other forms contradict.
"""

from __future__ import annotations

from typing import Any

from perfparse.assemble.form import assemble_form
from perfparse.grammar import Grammar
from perfparse.grid import Grid
from perfparse.normalise.funds import MONEY
from perfparse.segment import Segment
from perfparse.validate.checks import cross_check
from perfparse.validate.records import Document
from perfparse.validate.repair import validate_form


def _mark_duplicates(forms: list[dict[str, Any]]) -> None:
    """A form whose printed rows repeat an earlier form's is a duplicate of it."""
    seen: dict[Any, int] = {}
    for f in forms:
        key = f.pop("_printed")
        if key in seen:
            f["duplicate_of"] = seen[key]
        else:
            seen[key] = f["form_index"]


def _fix_units(forms: list[dict[str, Any]], g: Grammar) -> None:
    units = {f["funds_unit"] for f in forms}
    for rule in g.labels.funds.implausible:
        if rule.treat_as not in units:
            continue
        for f in forms:
            amounts = [v for line in f["funds"] for k, v in line.items() if k in MONEY and v]
            scale = f["_multiplier"]
            if (f["funds_unit"] != rule.unit or not amounts
                    or min(amounts) / scale < rule.min_printed):
                continue
            for line in f["funds"]:
                for k in MONEY:
                    if line.get(k) is not None:
                        line[k] = round(line[k] / scale, 2)
            f["warnings"].append({
                "code": "unit-implausible", "field": "funds_unit",
                "message": f"header says {rule.unit} but amounts (smallest "
                           f"{min(amounts) / scale:,.2f}) read as {rule.treat_as}, as in the "
                           "document's other forms; amounts kept in 元 as printed"})


def assemble_document(grid: Grid, segments: list[Segment], g: Grammar, *,
                      sha256: str) -> Document:
    forms = [assemble_form(s, g, grid.file, i) for i, s in enumerate(segments)]
    _fix_units(forms, g)
    _mark_duplicates(forms)
    valid = []
    for f in forms:
        f.pop("_multiplier")
        f["warnings"] += cross_check(f, f.pop("_total_weight"))
        valid.append(validate_form(f))
    return Document.model_validate({
        "source": {"file": grid.file, "sha256": sha256, "format": grid.format},
        "forms": valid,
        "warnings": [{"code": c, "message": m} for c, m in grid.warnings],
    })
