"""``perfparse review OUT``: a static HTML report in ``OUT/review/`` that puts each
document's source beside what was read from it.

``index.html`` lists the documents, most warnings first; each document gets a page
with its source on the left (PDF pages as images with a box per value, other sources
as their table rows) and its forms on the right. Every value links to where it was
printed: its element carries the page box as ``data-bbox="x0,top,x1,bottom"`` in PDF
points and ``data-page``, and a click highlights the box or cell (CSS ``:target``, no
script, so the report opens from disk or any static host). Values with a warning or
read by OCR with low confidence are marked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from perfparse.extract.ocr.confidence import LOW
from perfparse.grid import Line, Table
from perfparse.review.source import Locator, Source, Spot, cell_id, load_source
from perfparse.sink.views import open_exports

Row = dict[str, Any]

CSS = """
body{font:14px/1.4 system-ui,'Noto Sans CJK SC',sans-serif;margin:0;color:#222}
header{padding:8px 16px;border-bottom:1px solid #ccc;background:#f7f7f7}
header h1{font-size:18px;margin:4px 0}
.review{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);height:calc(100vh - 90px)}
.source,.record{overflow:auto;padding:8px 16px}
.source{border-right:1px solid #ccc;background:#eee}
.sheet{position:relative;margin:0 auto 4px;max-width:900px;background:#fff}
.sheet img{display:block;width:100%;height:auto}
.box{position:absolute;border:1px solid rgba(0,90,200,.35);box-sizing:border-box}
.box.warn,.box.low{border:2px solid #e08000}
.box:target{border:3px solid #d00;background:rgba(255,220,0,.35)}
figcaption{text-align:center;color:#666;margin-bottom:12px}
table{border-collapse:collapse;margin:4px 0 12px}
td,th{border:1px solid #bbb;padding:2px 4px;vertical-align:top}
table.src{background:#fff}
table.funds td:nth-child(2){white-space:nowrap}
td:target{outline:3px solid #d00;background:#ffef9e}
.val{color:#0645ad;text-decoration:none;border-bottom:1px dotted #0645ad}
.val.warn,tr.warn td{background:#fde2c8}
.val.low{background:#ffd6d6;font-weight:bold}
.warnings li{background:#fde2c8;margin:2px 0;padding:2px 4px;list-style:none}
.problem{background:#ffd6d6;padding:8px}
article.form{border-top:2px solid #888;margin-top:12px}
.met-true{color:#080}.met-false{color:#c00;font-weight:bold}
"""

PROJECT_FIELDS = (("name", "项目名称"), ("code", "项目编码"), ("department", "主管部门"),
                  ("implementer", "实施单位"), ("nature", "项目性质"),
                  ("category", "项目类别"), ("manager", "项目负责人"))
AMOUNTS = ("project_total", "annual", "initial_budget", "adjusted_budget", "executed",
           "execution_rate", "weight", "score")


@dataclass(slots=True)
class ReviewSummary:
    folder: Path
    documents: int
    pages: int  # page images rendered
    problems: list[str]  # documents whose source could not be shown, with why


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> list[Row]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _slug(sha256: str) -> str:
    return sha256[:16]


def write_review(out: Path, root: Path | None = None) -> ReviewSummary:
    """Write ``out/review/``. ``root`` is the ingested folder (default: the last run's,
    from ``out/manifest.json``); sources are read from it by their manifest paths."""
    if root is None:
        root = Path(json.loads((out / "manifest.json").read_text(encoding="utf-8"))
                    ["run"]["root"])
    folder = out / "review"
    folder.mkdir(parents=True, exist_ok=True)
    con = open_exports(out)
    try:
        docs = _rows(con, """
            SELECT f.id, f.file, f.format, f.forms, f.indicators, f.warnings,
                   min(m.path) AS path
            FROM files f JOIN manifest m ON m.sha256 = f.id
            GROUP BY f.id, f.file, f.format, f.forms, f.indicators, f.warnings
            ORDER BY f.warnings DESC, f.file, f.id""")
        problems, pages = [], 0
        for d in docs:
            source = load_source(root / d["path"], d["id"], d["format"], folder / "img")
            if source.problem:
                problems.append(f"{d['path']}: {source.problem}")
            pages += len(source.images)
            d["problem"] = source.problem
            page = _document_page(con, d, source)
            (folder / f"{_slug(d['id'])}.html").write_text(page, encoding="utf-8")
        (folder / "index.html").write_text(_index(docs), encoding="utf-8")
    finally:
        con.close()
    return ReviewSummary(folder, len(docs), pages, problems)


def _html(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _index(docs: list[Row]) -> str:
    rows = "".join(
        f'<tr><td><a href="{_slug(d["id"])}.html">{escape(d["path"])}</a></td>'
        f'<td>{escape(d["format"])}</td><td>{d["forms"]}</td><td>{d["indicators"]}</td>'
        f'<td class="n-warnings">{d["warnings"]}</td>'
        f'<td>{escape(d["problem"] or "")}</td></tr>\n' for d in docs)
    return _html("perfparse review", (
        "<header><h1>perfparse review</h1><p>Documents by number of warnings; open one to "
        "see its source beside what was read.</p></header>\n<main style=\"padding:8px 16px\">"
        '<table id="documents"><thead><tr><th>file</th><th>format</th><th>forms</th>'
        "<th>indicators</th><th>warnings</th><th>source</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody></table></main>"))


class _Boxes:
    """The boxes drawn on page images, one per located value; numbered in order."""

    def __init__(self) -> None:
        self.by_page: dict[int, list[tuple[str, Spot, str, str]]] = {}
        self.n = 0

    def add(self, spot: Spot, label: str, cls: str) -> str:
        self.n += 1
        box_id = f"b{self.n}"
        self.by_page.setdefault(spot.page, []).append((box_id, spot, label, cls))
        return box_id


class _Page:
    """One document page's HTML, built form by form."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.locator = Locator(source.grid) if source.grid else None
        self.images = bool(source.images)
        self.boxes = _Boxes()

    def value(self, text: Any, spot: Spot | None, cls: str = "") -> str:
        """A value's element, linked to where it was printed when that was found."""
        if text is None:
            return ""
        shown = escape(str(text))
        klass = f"val {cls}".strip()
        if spot is None or (self.images and spot.bbox is None):
            return f'<span class="{klass}">{shown}</span>'
        if self.images:
            assert spot.bbox is not None
            target = self.boxes.add(spot, str(text), cls)
            bbox = ",".join(f"{x:.1f}" for x in spot.bbox)
            return (f'<a class="{klass}" href="#{target}" data-bbox="{bbox}" '
                    f'data-page="{spot.page}">{shown}</a>')
        return (f'<a class="{klass}" href="#{spot.cell_id}" data-cell="{spot.cell_id}" '
                f'data-page="{spot.page}">{shown}</a>')

    def source_html(self) -> str:
        if self.source.problem:
            return f'<p class="problem">{escape(self.source.problem)}</p>'
        if self.images:
            return "\n".join(self._image(img) for img in self.source.images)
        assert self.source.grid is not None
        parts = []
        for block, b in enumerate(self.source.grid.blocks):
            if isinstance(b, Line):
                parts.append(f'<p class="line">{escape(b.text)}</p>')
            elif isinstance(b, Table):
                parts.append(_source_table(block, b))
        return "\n".join(parts)

    def _image(self, img: Any) -> str:
        boxes = []
        for box_id, spot, label, cls in self.boxes.by_page.get(img.page, []):
            x0, top, x1, bottom = spot.bbox
            style = (f"left:{100 * x0 / img.width:.3f}%;top:{100 * top / img.height:.3f}%;"
                     f"width:{100 * (x1 - x0) / img.width:.3f}%;"
                     f"height:{100 * (bottom - top) / img.height:.3f}%")
            klass = f"box {cls}".strip()
            boxes.append(f'<div class="{klass}" id="{box_id}" style="{style}" '
                         f'title="{escape(label)}"></div>')
        return (f'<figure id="page-{img.page}"><div class="sheet" data-width="{img.width:.2f}" '
                f'data-height="{img.height:.2f}"><img src="{escape(img.file)}" '
                f'alt="page {img.page}">{"".join(boxes)}</div>'
                f"<figcaption>page {img.page}</figcaption></figure>")


def _source_table(block: int, t: Table) -> str:
    rows = []
    for r, cells in enumerate(t.rows()):
        tds = "".join(
            f'<td id="{cell_id(block, c)}"'
            + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            + f">{escape(c.text)}</td>" for c in cells)
        rows.append(f'<tr id="r{block}-{r}">{tds}</tr>')
    where = f"line {t.source_line}" if t.source_line is not None else f"page {t.page}"
    return f'<table class="src" data-page="{t.page}" title="{where}">{"".join(rows)}</table>'


def _document_page(con: Any, d: Row, source: Source) -> str:
    sha = d["id"]
    projects = _rows(con, "SELECT * FROM projects WHERE sha256 = ? ORDER BY form_index", [sha])
    funds = _rows(con, "SELECT * FROM fund_lines WHERE sha256 = ? ORDER BY form_index, "
                  "position", [sha])
    inds = _rows(con, "SELECT * FROM indicators WHERE sha256 = ? ORDER BY form_index, "
                 "position", [sha])
    warns = _rows(con, "SELECT * FROM warnings WHERE sha256 = ? ORDER BY form_index NULLS "
                  "FIRST, position", [sha])
    page = _Page(source)
    doc_warnings = [w for w in warns if w["project_id"] is None]
    forms = "\n".join(_form(page, p, [f for f in funds if f["project_id"] == p["id"]],
                            [i for i in inds if i["project_id"] == p["id"]],
                            [w for w in warns if w["project_id"] == p["id"]])
                      for p in projects)
    # Built before the source: a box is drawn for each value the record places.
    record = _warnings_list(doc_warnings, "Document warnings") + forms
    header = (f'<header><a href="index.html">← all documents</a><h1>{escape(d["path"])}</h1>'
              f'<p>{escape(d["format"])} · {d["forms"]} forms · {d["indicators"]} indicators '
              f'· {d["warnings"]} warnings</p></header>')
    return _html(f"{d['path']} — perfparse review",
                 f'{header}\n<main class="review"><section class="source">'
                 f'{page.source_html()}</section>\n<section class="record">{record}'
                 "</section></main>")


def _warnings_list(warns: list[Row], title: str) -> str:
    if not warns:
        return ""
    items = "".join(
        f'<li data-code="{escape(w["code"])}"'
        + (f' data-indicator="{escape(w["indicator_id"])}"' if w["indicator_id"] else "")
        + f'><b>{escape(w["code"])}</b> {escape(w["message"])}'
        + (f' <i>({escape(w["field"])})</i>' if w["field"] else "") + "</li>"
        for w in warns)
    return f'<h3>{escape(title)}</h3><ul class="warnings">{items}</ul>'


def _form(page: _Page, p: Row, funds: list[Row], inds: list[Row], warns: list[Row]) -> str:
    loc = page.locator
    warned = {w["indicator_id"] for w in warns if w["indicator_id"]}
    warned_fields = {w["field"] for w in warns if w["field"]}
    fields = []
    for key, label in PROJECT_FIELDS:
        if p[key] is None:
            continue
        spot = loc.find_text(p[key], p["page"], p["line"]) if loc else None
        cls = "warn" if f"project.{key}" in warned_fields else ""
        fields.append(f"<tr><th>{label}</th><td>{page.value(p[key], spot, cls)}</td></tr>")
    fund_rows = []
    for f in funds:
        found = loc.row_cells(f["page"], f["row"], f["source_line"], [f["label"]]) if loc \
            else None
        spot = (loc.spot(found, f["label"]) or loc.spot(found, None)) if loc else None
        amounts = "".join(f"<td>{'' if f[k] is None else escape(str(f[k]))}</td>"
                          for k in AMOUNTS)
        fund_rows.append(f'<tr id="{_html_id(f["id"])}"><td>{escape(f["line"])}</td>'
                         f"<td>{page.value(f['label'], spot)}</td>{amounts}</tr>")
    ind_rows = []
    for i in inds:
        found = loc.row_cells(i["page"], i["row"], i["source_line"],
                              [i["name"], i["target_raw"], i["actual_raw"]]) if loc else None
        cells, taken = [], set()
        for key, conf in (("name", None), ("target_raw", "target_confidence"),
                          ("actual_raw", "actual_confidence")):
            spot = loc.spot(found, i[key], taken) if loc and i[key] else None
            low = conf is not None and i[conf] is not None and i[conf] < LOW
            cls = "low" if low else ("warn" if i["id"] in warned else "")
            title = f' title="OCR confidence {i[conf]:.2f}"' if low else ""
            cells.append(f"<td{title}>{page.value(i[key], spot, cls)}</td>")
        met = "" if i["met"] is None else str(i["met"]).lower()
        ind_rows.append(
            f'<tr id="{_html_id(i["id"])}"' + (' class="warn"' if i["id"] in warned else "")
            + f'><td>{i["seq"]}</td><td>{escape(i["level1"] or "")}</td>'
            f'<td>{escape(i["level2"] or "")}</td>{"".join(cells)}'
            f'<td class="met-{met or "null"}" title="{escape(i["met_reason"] or "")}">'
            f'{met or "–"}</td><td>{_num(i["weight"])}</td><td>{_num(i["score"])}</td></tr>')
    head = (f'<article class="form" id="{_html_id(p["id"])}" data-form-key="{p["form_key"]}">'
            f'<h2>form {p["form_index"]}: {escape(p["title"] or "")}</h2>'
            f'<p>{escape(p["form_kind"] or "")} · {p["fiscal_year"] or ""} · key '
            f'<code>{p["form_key"]}</code>'
            + (f' · duplicate of form {p["duplicate_of"]}' if p["duplicate_of"] is not None
               else "") + "</p>")
    fund_head = "".join(f"<th>{k}</th>" for k in AMOUNTS)
    return (head + _warnings_list(warns, "Warnings")
            + f'<table class="project">{"".join(fields)}</table>'
            + (f'<table class="funds"><tr><th>line</th><th>label</th>{fund_head}</tr>'
               f'{"".join(fund_rows)}</table>' if fund_rows else "")
            + ('<table class="indicators"><tr><th>#</th><th>一级</th><th>二级</th>'
               "<th>三级指标</th><th>target</th><th>actual</th><th>met</th><th>weight</th>"
               f'<th>score</th></tr>{"".join(ind_rows)}</table>' if ind_rows else "")
            + "</article>")


def _num(x: Any) -> str:
    return "" if x is None else escape(f"{x:g}" if isinstance(x, float) else str(x))


def _html_id(record_id: str) -> str:
    """``<sha256>:3:ind:7`` → ``r3-ind-7``: unique within the document's page."""
    return "r" + "-".join(record_id.split(":")[1:])
