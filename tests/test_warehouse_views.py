"""The analyst's warehouse: derived columns, the views, the data dictionary and the example
queries of docs/warehouse.md, run on DuckDB and PostgreSQL against figures computed from the
reference records in tests/gold/."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import perfparse
from perfparse.extract.ocr.confidence import warning as ocr_warning
from perfparse.sink.arrow import arrow_tables
from perfparse.sink.derive import norm_text, outcome, region
from perfparse.sink.flatten import flatten_document
from perfparse.sink.schema import ALL_TABLES
from perfparse.sink.views import VIEWS
from perfparse.sink.warehouse import FileCommit, open_warehouse
from perfparse.validate.records import Document, Indicator, Value, Warning_

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "samples"
DOC = ROOT / "docs" / "warehouse.md"
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
CENT = Decimal("0.01")

Query = Callable[[str], list[dict[str, Any]]]


def sample_paths() -> list[Path]:
    """The text dumps and their PDF renderings: every form in two files."""
    return sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "pdf").glob("*.pdf"))


@pytest.fixture(scope="module")
def parsed() -> list[Document]:
    return [perfparse.parse(p) for p in sample_paths()]


@pytest.fixture(scope="module")
def gold() -> list[Document]:
    return [Document.model_validate(json.loads(p.read_text(encoding="utf-8"))) for p in GOLD]


def commits(docs: list[Document]) -> list[FileCommit]:
    return [FileCommit(d.source.sha256, arrow_tables(flatten_document(d)),
                       [{"path": p.relative_to(SAMPLES).as_posix(), "file": p.name,
                         "sha256": d.source.sha256, "format": d.source.format,
                         "status": "parsed"}], seen_before=False)
            for p, d in zip(sample_paths(), docs, strict=True)]


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def query(request: pytest.FixtureRequest, parsed: list[Document],
          tmp_path_factory: pytest.TempPathFactory) -> Query:
    if request.param == "duckdb":
        wh = open_warehouse(None, tmp_path_factory.mktemp("duck"))
        wh.write(commits(parsed))

        def run(sql: str) -> list[dict[str, Any]]:
            cur = wh.con.execute(sql)  # type: ignore[attr-defined]
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    else:
        import sqlalchemy as sa

        wh = open_warehouse(request.getfixturevalue("postgres").create_database(),
                            tmp_path_factory.mktemp("pg"))
        wh.write(commits(parsed))

        def run(sql: str) -> list[dict[str, Any]]:
            with wh.engine.connect() as conn:  # type: ignore[attr-defined]
                return [dict(r) for r in conn.execute(sa.text(sql)).mappings()]
    yield run
    wh.close()


def examples() -> dict[str, str]:
    """``-- example: NAME`` SQL blocks of docs/warehouse.md."""
    blocks = re.findall(r"```sql\n-- example: (\S+)\n(.*?)```", DOC.read_text(encoding="utf-8"),
                        re.S)
    return {name: sql.strip().rstrip(";") for name, sql in blocks}


def _dept(s: str | None) -> str | None:
    return "".join(unicodedata.normalize("NFKC", s).split()) if s else None


def _money(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(repr(x)).quantize(CENT)


def distinct_gold_forms(gold: list[Document]) -> list[Any]:
    """The reference forms, each printed form once: a form the contract marks as a
    duplicate of an earlier one in its file is left out (no two gold files share a form)."""
    return [f for d in gold for f in d.forms if f.duplicate_of is None]


def _total(form: Any) -> Any:
    return next((f for f in form.funds if f.line == "total"), None)


# --- the example queries ------------------------------------------------------------------

def test_the_docs_hold_the_examples_the_tests_check() -> None:
    assert set(examples()) == {"funds-by-department", "copies", "missed-indicators",
                               "outcomes", "lowest-scores", "review-queue",
                               "warning-to-indicator"}


def test_funds_by_department_count_each_form_once(query: Query, gold: list[Document]) -> None:
    expected: dict[tuple, list] = defaultdict(lambda: [0, None, None])
    for f in distinct_gold_forms(gold):
        row = expected[(_dept(f.project.department), f.fiscal_year, f.form_kind)]
        row[0] += 1
        t = _total(f)
        for i, x in ((1, t.annual if t else None), (2, t.executed if t else None)):
            if x is not None:
                row[i] = (row[i] or Decimal(0)) + _money(x)
    got = query(examples()["funds-by-department"])
    assert {(r["department"], r["fiscal_year"], r["form_kind"]):
            [r["forms"], r["funds_annual"], r["funds_executed"]] for r in got} == expected
    assert [r["department"] for r in got][-1] is None  # ORDER BY … NULLS LAST, both engines


def test_copies_of_one_form_share_a_key(query: Query, gold: list[Document]) -> None:
    [row] = query(examples()["copies"])
    assert row["format"] == "pdf"  # the text layer is chosen over the OCR text dumps
    assert row["distinct_forms"] == len(distinct_gold_forms(gold))
    assert row["copies"] == 2 * sum(len(d.forms) for d in gold)


def test_missed_indicators_match_the_reference(query: Query, gold: list[Document]) -> None:
    ops = {"=": lambda a, t: a == t, ">=": lambda a, t: a >= t, "<=": lambda a, t: a <= t}
    expected = sorted(
        (f.project.name, i.seq, i.name, i.target.raw, i.actual.raw)
        for f in distinct_gold_forms(gold) for i in f.indicators
        if i.target and i.actual and i.target.op in ops and i.actual.base_value is not None
        and i.target.base_unit == i.actual.base_unit
        and not ops[i.target.op](i.actual.base_value, i.target.base_value))
    got = query(examples()["missed-indicators"])
    assert [(r["project"], r["indicator"], r["target_raw"], r["actual_raw"]) for r in got] \
        == [(p, n, t, a) for p, _, n, t, a in expected]
    assert got  # the samples do hold a missed target (改版数量 =4, actual =3)


def test_outcomes_cover_every_self_evaluation_indicator(query: Query,
                                                        gold: list[Document]) -> None:
    got = query(examples()["outcomes"])
    assert sum(r["indicators"] for r in got) == sum(
        len(f.indicators) for f in distinct_gold_forms(gold) if f.form_kind == "self_evaluation")
    same = sum(1 for f in distinct_gold_forms(gold) for i in f.indicators
               if i.target and i.actual and i.target.value is None and i.actual.value is None
               and i.target.raw == i.actual.raw)
    assert {(r["met"], r["met_reason"]): r["indicators"] for r in got}[(True, "same-text")] == same


def test_lowest_scores_match_the_reference(query: Query, gold: list[Document]) -> None:
    scored = sorted((Decimal(repr(f.total_score)), f.project.name)
                    for f in distinct_gold_forms(gold)
                    if f.form_kind == "self_evaluation" and f.total_score is not None)
    got = query(examples()["lowest-scores"])
    assert [(r["total_score"], r["project"]) for r in got] == scored[:5]
    for r in got:
        assert r["met"] + r["missed"] + r["undecided"] > 0


def test_review_queue_counts_every_warning(query: Query, parsed: list[Document]) -> None:
    expected = Counter()
    for d in parsed:
        for w in d.warnings:
            expected[(d.source.file, w.code)] += 1
        for f in d.forms:
            for w in f.warnings:
                expected[(d.source.file, w.code)] += 1
    got = query(examples()["review-queue"])
    assert {(r["file"], r["code"]): r["warnings"] for r in got} == expected
    assert [r["warnings"] for r in got] == sorted((r["warnings"] for r in got), reverse=True)


def test_a_warning_joins_to_its_indicator(query: Query, parsed: list[Document]) -> None:
    got = query(examples()["warning-to-indicator"])
    assert got
    by_file = {d.source.file: d for d in parsed}
    for r in got:
        form = by_file[r["file"]].forms[r["form_index"]]
        messages = [w.message for w in form.warnings if w.code == "level-inferred"]
        assert any(m.startswith(f"{r['name']}:") for m in messages)


def test_every_warning_about_a_form_names_it(query: Query) -> None:
    rows = query("SELECT w.project_id, p.id FROM warnings w LEFT JOIN projects p "
                 "ON p.id = w.project_id")
    assert rows and all(r["id"] is not None for r in rows)


# --- the data dictionary ------------------------------------------------------------------

_SQL = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
        "money": "DECIMAL(18,2)", "points": "DECIMAL(12,4)", "date": "DATE", "json": "JSON",
        "timestamp": "TIMESTAMPTZ"}


def dictionary() -> dict[str, dict[str, str]]:
    """``### `name` `` sections of docs/warehouse.md → column → type."""
    out: dict[str, dict[str, str]] = {}
    for name, body in re.findall(r"^### `(\w+)`\n(.*?)(?=^#)", DOC.read_text(encoding="utf-8"),
                                 re.S | re.M):
        out[name] = dict(re.findall(r"^\| `(\w+)` \| ([\w(),]+) \|", body, re.M))
    return out


def test_the_dictionary_documents_every_table_column() -> None:
    docs = dictionary()
    for t in ALL_TABLES:
        assert docs[t.name] == {c.name: _SQL[c.kind] for c in t.columns}, t.name


def test_the_dictionary_documents_every_view_column(query: Query) -> None:
    docs = dictionary()
    for view in VIEWS:
        columns = list(query(f"SELECT * FROM {view} LIMIT 1")[0])
        assert list(docs[view]) == columns, view


# --- derived columns ------------------------------------------------------------------------

def test_names_normalise_across_widths_brackets_and_spaces() -> None:
    assert norm_text("上海市闵行区融媒体中心（汇总）") == norm_text("上海市闵行区融媒体中心 (汇总)")
    assert norm_text("“全闵预约”平台") == norm_text('"全闵预约"平台')
    assert norm_text("  ") is None


@pytest.mark.parametrize(("dept", "place"), [
    ("上海市闵行区融媒体中心", "上海市闵行区"), ("上海市绿化和市容管理局", "上海市"),
    ("中共上海市松江区委宣传部", "上海市松江区"), ("攀枝花市仁和区融媒体中心", "攀枝花市仁和区"),
    ("四川省财政厅", "四川省"), ("融媒体中心", None)])
def test_region_is_the_leading_place_name(dept: str, place: str | None) -> None:
    assert region(dept) == place


def _v(raw: str, op: str | None, value: float | None, unit: str | None = None,
       base: float | None = None, base_unit: str | None = None,
       value_max: float | None = None) -> Value:
    return Value(raw=raw, op=op, value=value, value_max=value_max, unit=unit,
                 base_value=value if base is None else base,
                 base_unit=unit if base_unit is None else base_unit)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    (_v(">=95%", ">=", 95, "%"), _v("96%", None, 96, "%"), (True, "compared")),
    (_v(">=95%", ">=", 95, "%"), _v("90", None, 90), (False, "compared")),
    (_v("<=5%", "<=", 5, "%"), _v("<=5%", "<=", 5, "%"), (True, "compared")),
    (_v("1-2(秒)", "range", 1, "秒", value_max=2), _v("1.5秒", None, 1.5, "秒"),
     (True, "compared")),
    (_v("150万元", None, 150, "万元", 1_500_000, "元"), _v("48.62万元", None, 48.62, "万元",
                                                      486_200, "元"), (None, "no-comparator")),
    (_v("12个月", None, 12, "个月"), _v("12个月", None, 12, "个月"), (True, "equal")),
    (_v("=3个", "=", 3, "个"), _v("3次", None, 3, "次"), (None, "units-differ")),
    (_v("及时", None, None), _v("及时", None, None), (True, "same-text")),
    (_v("良好", None, None), _v(">=95%", ">=", 95, "%"), (None, "qualitative")),
    (_v("=3个", "=", 3, "个"), None, (None, "no-actual")),
])
def test_indicator_outcome(target: Value, actual: Value | None,
                           expected: tuple[bool | None, str]) -> None:
    assert outcome(Indicator(seq=1, target=target, actual=actual)) == expected


def test_an_ocr_warning_points_at_its_indicator_field_and_project_field() -> None:
    doc = perfparse.parse(SAMPLES / "pdf" / "001_1eb78efaeb72a928.pdf")
    pages = [{p.page for p in (f.provenance, *(i.provenance for i in f.indicators)) if p}
             for f in doc.forms]
    # A form alone on its first page: a cell there can only be that form's.
    n, form = next((n, f) for n, f in enumerate(doc.forms)
                   if all(f.provenance.page not in other
                          for m, other in enumerate(pages) if m != n))
    ind = form.indicators[2]
    prov = ind.provenance
    assert prov is not None and prov.page is not None and prov.row is not None
    low = [ocr_warning(f"page {prov.page} row {prov.row} col 4", ind.target.raw, 0.81),
           ocr_warning(f"page {form.provenance.page} row 1 col 3", form.project.implementer,
                       0.7)]
    doc.warnings += [Warning_(code=c, message=m) for c, m in filter(None, low)]
    rows = flatten_document(doc)["warnings"][-2:]
    pid = f"{doc.source.sha256}:{n}"
    assert (rows[0]["project_id"], rows[0]["indicator_id"], rows[0]["field"],
            rows[0]["confidence"], rows[0]["form_index"]) == (
        pid, f"{pid}:ind:2", "indicators.target", 0.81, form.form_index)
    assert (rows[1]["project_id"], rows[1]["field"], rows[1]["confidence"]) == (
        pid, "project.implementer", 0.7)
