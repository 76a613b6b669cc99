"""The library's front door: one input file in, one contract :class:`Document` out.

extract → grid → segment → normalise → assemble → validate; each step lives in
the package of the same name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from perfparse.assemble import assemble_document
from perfparse.errors import OverBudget, ParseError
from perfparse.extract import DEFAULT_PDF_ENGINE, extract
from perfparse.grammar import Grammar, load_grammar
from perfparse.segment import segment
from perfparse.validate.records import Document


def parse_bytes(name: str, data: bytes, *, pdf_engine: str = DEFAULT_PDF_ENGINE,
                grammar: Grammar | None = None) -> Document:
    """Parse one file's bytes; ``name`` is what records and errors call the file.

    Raises :class:`ParseError` when the input holds no form at all; a form with
    problems is still returned, with warnings.
    """
    grammar = grammar or load_grammar()
    try:
        grid = extract(name, data, pdf_engine=pdf_engine, grammar=grammar)
    except OverBudget as e:
        raise ParseError(name, e.code, e.reason) from None
    segments = segment(grid, grammar)
    if not segments:
        raise ParseError(name, "no-form", "no performance form found (no form title, 项目名称 "
                         "field or indicator table)")
    doc = assemble_document(grid, segments, grammar, sha256=hashlib.sha256(data).hexdigest())
    if not doc.forms:
        if any(s.title for s in segments):
            raise ParseError(name, "incomplete-form", "a form title is printed but no form "
                             "table follows it (a truncated file?); check the file is complete")
        raise ParseError(name, "no-form", "no performance form found (no form title, 项目名称 "
                         "field or indicator table)")
    return doc


def parse(path: str | Path, *, pdf_engine: str = DEFAULT_PDF_ENGINE,
          grammar: Grammar | None = None) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ParseError(p.name, "unreadable", f"cannot read the file: {e.strerror}") from e
    return parse_bytes(p.name, data, pdf_engine=pdf_engine, grammar=grammar)
