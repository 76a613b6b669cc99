"""Property-based fuzz of the text and HTML paths (issue 13): any input gives a Document or
a ParseError, within time and memory bounds.

A small budget by default, for CI; ``PERFPARSE_FUZZ_EXAMPLES=20000 pytest
tests/test_fuzz.py`` runs a long fuzz.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from perfparse import ParseError, parse_bytes

EXAMPLES = int(os.environ.get("PERFPARSE_FUZZ_EXAMPLES", "150"))
# Seconds one input may take: the slowest real dumps parse in well under one.
DEADLINE_MS = 3000

# Pieces of what the text path meets: HTML of OCR tools with spans and checkboxes, tab,
# Markdown, CSV, grid and LaTeX tables, LaTeX comparators, form labels and numbers, and
# the hostile cases.
TOKENS = [
    "<table>", "</table>", "<table ", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
    "<td rowspan=70000 colspan=2000>", "<td colspan=3>", "<td rowspan=2>", "<input ",
    "<input checked>", '<input type="checkbox" checked="">', "<a", "<p>", "</p>", "<br>",
    "<!--", "-->", "<html>", "<body>", "<!doctype html>", "&amp;", "&#0;", "&#xd800;",
    "$\\geq 90\\%$", "$", "\\text{", "\t", "\n", "\r", "|", "|---|---|", " | ", "---|---",
    ",", '"', ",,", "+----+----+", "+====+", "|    |", "\\begin{tabular}{|c|c|}",
    "\\end{tabular}", "&", "\\\\", "\\hline", "\\cline{1-2}", "\\multirow{2}{*}{",
    "\\multicolumn{3}{c}{", "}", "{", "\\&", "\\%",
    "财政项目支出绩效目标申报表", "绩效自评表", "(2024年度)", "项目名称", "项目资金",
    "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "满意度指标",
    "100,000.00", "≥95%", "9" * 40, "万元",
    "\x00", "\ufeff", "\u3000", " ", "項⽬",
]
markup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)),
                  max_size=300).map("".join)
encodings = st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"])


@contextmanager
def memory_cap(extra_bytes: int) -> Iterator[None]:
    """Cap this process's data memory at its present size plus ``extra_bytes`` for the
    block, so that a bomb fails the test with MemoryError instead of taking the host."""
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    with open("/proc/self/status", encoding="ascii") as f:
        data_kb = next(int(line.split()[1]) for line in f if line.startswith("VmData:"))
    resource.setrlimit(resource.RLIMIT_DATA, (data_kb * 1024 + extra_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


@pytest.fixture(scope="module", autouse=True)
def _readers_imported() -> None:
    """The first input of a family (image, PDF, text) pays for importing its readers,
    a second and more on a busy machine: paid here, so the deadline times the inputs."""
    for data in (b"MM\x00*", b"%PDF-1.7\n", b"x"):
        with suppress(ParseError):
            parse_bytes("warm.txt", data)


def parses_or_refuses(data: bytes) -> None:
    with memory_cap(1 << 30), suppress(ParseError):
        parse_bytes("fuzz.txt", data)


_SETTINGS = settings(max_examples=EXAMPLES, deadline=DEADLINE_MS, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_SETTINGS
@given(markup, encodings)
def test_any_markup_gives_a_document_or_a_parse_error(text: str, encoding: str) -> None:
    parses_or_refuses(text.encode(encoding, "replace"))


@_SETTINGS
@given(st.binary(max_size=4000))
@example(b"MM\x00*")  # a TIFF header: 5.8 s when it was the first image (the readers' import)
def test_any_bytes_give_a_document_or_a_parse_error(data: bytes) -> None:
    parses_or_refuses(data)
