"""Views over the flat tables for the common questions, in SQL that DuckDB and
PostgreSQL both run unchanged (docs/warehouse.md documents each one).

The warehouses create them when they open, and ``open_exports`` lays them over the
Parquet files of an OUT folder, so ``perfparse export`` and ``perfparse review`` read
the same views whichever warehouse the ingest wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from perfparse.sink.schema import ALL_TABLES

if TYPE_CHECKING:
    import duckdb

# Which copy of a form the views read, best first: a text layer or a spreadsheet's
# cells (exact) over an OCR text dump over perfparse's own OCR; then the copy with
# fewer warnings on the form, then on its file; then the first in file and form order,
# so the choice is the same on every run.
SOURCE_RANK = """CASE f.format WHEN 'pdf' THEN 0 WHEN 'xlsx' THEN 0 WHEN 'docx' THEN 0
                      WHEN 'text' THEN 1 WHEN 'html' THEN 1 ELSE 2 END"""

VIEWS: dict[str, str] = {
    # One row per distinct form (copies share form_key), read from its best copy.
    "forms": f"""
WITH ranked AS (
    SELECT p.*, f.format,
           ROW_NUMBER() OVER (PARTITION BY p.form_key ORDER BY {SOURCE_RANK}, p.warnings,
                              f.warnings, p.sha256, p.form_index) AS choice
    FROM projects p JOIN files f ON f.id = p.sha256),
copies AS (
    SELECT form_key, COUNT(*) AS copies, COUNT(DISTINCT sha256) AS files,
           string_agg(file || '#' || CAST(form_index AS VARCHAR), ' | '
                      ORDER BY file, form_index) AS sources
    FROM projects GROUP BY form_key)
SELECT r.form_key, r.id AS project_id, r.sha256, r.file, r.format, r.form_index,
       r.form_kind, r.fiscal_year, r.name, r.code, r.department, r.department_norm,
       r.implementer, r.implementer_norm, r.region, r.funds_unit_printed,
       r.funds_total_project, r.funds_total_annual, r.funds_total_initial,
       r.funds_total_adjusted, r.funds_total_executed, r.funds_execution_rate,
       r.total_score, r.indicators, r.warnings, c.copies, c.files, c.sources
FROM ranked r JOIN copies c ON c.form_key = r.form_key
WHERE r.choice = 1""",
    "funds_by_department_year": """
SELECT department_norm AS department, region, fiscal_year, form_kind, COUNT(*) AS forms,
       SUM(funds_total_project) AS funds_project, SUM(funds_total_annual) AS funds_annual,
       SUM(funds_total_executed) AS funds_executed
FROM forms
GROUP BY department_norm, region, fiscal_year, form_kind""",
    "indicator_outcomes": """
SELECT fo.form_key, fo.project_id, fo.department_norm AS department, fo.fiscal_year,
       fo.form_kind, fo.name AS project, i.id AS indicator_id, i.seq, i.level1, i.level2,
       i.name AS indicator, i.target_raw, i.actual_raw, i.met, i.met_reason,
       i.completion_rate, i.weight, i.score
FROM forms fo JOIN indicators i ON i.project_id = fo.project_id""",
    "project_scores": """
SELECT fo.form_key, fo.project_id, fo.department_norm AS department, fo.fiscal_year,
       fo.name AS project, fo.total_score, SUM(i.weight) AS indicator_weight,
       SUM(i.score) AS indicator_score, COUNT(i.id) AS indicators,
       COUNT(i.id) FILTER (WHERE i.met) AS met,
       COUNT(i.id) FILTER (WHERE NOT i.met) AS missed,
       COUNT(i.id) FILTER (WHERE i.met IS NULL) AS undecided
FROM forms fo LEFT JOIN indicators i ON i.project_id = fo.project_id
WHERE fo.form_kind = 'self_evaluation'
GROUP BY fo.form_key, fo.project_id, fo.department_norm, fo.fiscal_year, fo.name,
         fo.total_score""",
    # Every warning of every copy: a reviewer corrects files, not distinct forms.
    "review_items": """
SELECT w.id AS warning_id, fi.file, fi.format, w.sha256, w.project_id, p.form_key,
       p.name AS project, w.form_index, w.code, w.field, w.indicator_id,
       i.name AS indicator, w.fund_line_id, w.page, w.row, w.confidence, w.message
FROM warnings w JOIN files fi ON fi.id = w.sha256
LEFT JOIN projects p ON p.id = w.project_id
LEFT JOIN indicators i ON i.id = w.indicator_id""",
}


def create_views(execute: Callable[[str], object]) -> None:
    """(Re)create every view with ``execute(sql)``. Dropped first, dependants before
    what they read: PostgreSQL cannot replace a view whose columns changed."""
    for name in reversed(VIEWS):
        execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in VIEWS.items():
        execute(f"CREATE VIEW {name} AS {sql.strip()}")


def open_exports(out: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB over ``OUT/parquet/`` with the tables and the views, whatever
    warehouse the ingest wrote: what ``export`` and ``review`` read."""
    import duckdb

    folder = out / "parquet"
    missing = [t.name for t in ALL_TABLES if not any((folder / t.name).glob("*.parquet"))]
    if missing:
        raise FileNotFoundError(f"{folder} lacks the parts of {', '.join(missing)}: is {out} "
                                "the --out of a perfparse ingest?")
    con = duckdb.connect(config={"threads": 1})
    for t in ALL_TABLES:
        parts = str(folder / t.name / "*.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {t.name} AS SELECT * FROM read_parquet('{parts}')")
    create_views(con.execute)
    return con
