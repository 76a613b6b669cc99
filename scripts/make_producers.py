"""The reference forms printed by the producers real archives hold: the PDF matrix.

    python scripts/make_producers.py                       # every producer, in out/matrix/pdf/
    python scripts/make_producers.py --only chromium gs    # some of them
    python scripts/make_producers.py --committed           # the CI subset, in samples/pdf/

Everything is made from the reference answers (tests/gold/*.json) through the layouts of
scripts/make_samples.py (the same cells and merged ranges), never from parser output.
Producers (folder names):

- ``fpdf2``: samples/pdf as it is (header row repeated after a break);
- ``fpdf2-furniture``: the same with a running header over a rule, ``- N -`` or
  ``第 N 页 共 M 页`` page numbers, a diagonal watermark, no repeated header row;
- ``chromium``: an HTML rendering printed by headless Chromium with its own header and
  footer (date, title, file URL, ``N/M``); rows never split, no header row repeated;
- ``chromium-caption``: the vertical 绩效指标 caption in a column of its own left of the
  indicator header, that header repeated after a break (``<thead>``), CSS page boxes with
  a running header and ``第 N 页，共 M 页``, and a watermark over the tables;
- ``chromium-radicals``: ``chromium`` whose text says Kangxi radicals for some ideographs;
- ``chromium-open``: ``chromium`` with tables styled without their outer frame (CSS
  ``border-style: hidden``), as "inside borders only" prints them;
- ``chromium-rows``: ``chromium`` with row rules only (no vertical borders), and
  ``chromium-bare``: with no borders at all, as a Word table with its borders off or an
  HTML page whose stylesheet was lost prints them;
- ``cairo``: ``chromium`` re-written by poppler's cairo backend (borders become paths);
- ``lo-xlsx``: the scripts/make_office_samples.py workbook exported by LibreOffice Calc,
  fitted to the page width, footer ``第 N 页，共 M 页``;
- ``lo-docx``: the Word rendering exported by LibreOffice Writer, footer ``- N -``;
- ``gs``: ``lo-xlsx`` re-distilled by Ghostscript (``gs -sDEVICE=pdfwrite``).

Needs chromium, libreoffice-calc, libreoffice-writer, ghostscript, poppler-utils and
fonts-noto-cjk (Debian), besides what make_samples.py and make_office_samples.py need.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.utils import get_column_letter

from make_office_samples import word_document, workbook
from make_samples import (
    GOLD,
    HEADINGS,
    RADICALS,
    ROOT,
    C,
    Part,
    Renderer,
    Table,
    document_parts,
    render_document,
)
from perfparse.extract.office.convert import convert

OUT = ROOT / "out" / "matrix" / "pdf"
COMMITTED = ROOT / "samples" / "pdf"
# The CI subset (samples/pdf/<producer>/, about 2 MB): one document per producer, chosen
# so that together they hold every layout family, break and furniture case.
COMMITTED_SET: dict[str, tuple[str, ...]] = {
    "fpdf2-furniture": ("004_1143f0bba08cb0f0",),  # 第 N 页 共 M 页, header rule, watermark
    "chromium": ("001_1eb78efaeb72a928",),  # a caption painted off its cut cell, N/M footer
    "chromium-caption": ("002_7f93d8ab5a9d0f21",),  # caption column, <thead>, CSS page boxes
    "chromium-radicals": ("003_8e24aa098cee1238",),
    "cairo": ("003_8e24aa098cee1238",),
    "chromium-open": ("001_1eb78efaeb72a928",),  # frameless: one-cell top rows, page breaks
    "chromium-rows": ("001_1eb78efaeb72a928",),  # row rules only; a header alone at a page foot
    "lo-xlsx": ("001_1eb78efaeb72a928",),  # all forms on one sheet: breaks, clipped labels
    "lo-docx": ("004_1143f0bba08cb0f0",),
    "gs": ("000_053aada0b46687b9",),
}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
WATERMARK = "内部资料 注意保密"
RUNNING_HEADER = "预算管理一体化系统 · 项目支出绩效管理"
TIMEOUT_S = 300
CAPTION = "绩效指标"


# ---------------------------------------------------------------- HTML


def caption_column(t: Table) -> Table:
    """The form with its 绩效指标 caption in a narrow column of its own left of the
    indicator header: every other cell moves one column right, and the labels of column 0
    outside the indicator block take the new column too."""
    caption = next((c for c in t.cells if c.text == CAPTION and c.col == 0 and c.rs > 1), None)
    if caption is None:
        return t
    block = range(caption.row, caption.row + caption.rs)
    out = Table([0.04, *(w * 0.96 for w in t.widths)], header_row=t.header_row)
    for c in t.cells:
        if c is caption:
            out.cells.append(C(c.text, c.row, 0, rs=c.rs))
        elif c.col == 0 and c.row not in block:
            out.cells.append(C(c.text, c.row, 0, c.rs, c.cs + 1, c.align, c.repeat))
        else:
            out.cells.append(C(c.text, c.row, c.col + 1, c.rs, c.cs, c.align, c.repeat))
    return out


def html_rows(cells: list[C], lo: int, hi: int) -> str:
    """Rows ``lo``..``hi`` - 1 as <tr>s, spans cut at ``hi``."""
    out = []
    for r in range(lo, hi):
        tds = []
        for c in sorted((c for c in cells if c.row == r), key=lambda c: c.col):
            align = {"L": "left", "C": "center", "R": "right"}[c.align]
            cls = ' class="v"' if c.text == CAPTION and c.rs > 1 else ""
            text = html.escape(c.text).replace("\n", "<br>")
            tds.append(f'<td rowspan="{min(c.rs, hi - r)}" colspan="{c.cs}" '
                       f'style="text-align:{align}"{cls}>{text}</td>')
        out.append(f"<tr>{''.join(tds)}</tr>")
    return "".join(out)


def html_table(t: Table, thead: bool) -> str:
    """``t`` as HTML; with ``thead`` the rows from the indicator header on are a second
    table whose header row the browser repeats on each page it runs over. A cell can span
    from a <thead> into the body in no browser, so there the caption starts below the
    header row, which shows its column empty."""
    cols = "<colgroup>" + "".join(f'<col style="width:{w * 100:.3f}%">'
                                  for w in t.widths) + "</colgroup>"
    h = t.header_row
    if not thead or h is None:
        return f"<table>{cols}{html_rows(t.cells, 0, t.n_rows)}</table>"
    head = [C("" if c.rs > 1 else c.text, c.row, c.col, 1, c.cs, c.align)
            for c in t.cells if c.row == h]
    body = [C(c.text, h + 1, c.col, c.rs - 1, c.cs, c.align) if c.row == h else c
            for c in t.cells if c.row > h or (c.row == h and c.rs > 1)]
    return (f"<table>{cols}{html_rows(t.cells, 0, h)}</table>"
            f'<table class="cont">{cols}<thead>{html_rows(head, h, h + 1)}</thead>'
            f"<tbody>{html_rows(body, h + 1, t.n_rows)}</tbody></table>")


STYLE = """
@page { size: A4; margin: 18mm 14mm 18mm 14mm; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif;
       font-size: 9pt; margin: 0; }
p { margin: 0 0 4pt 0; }
.t1 { font-size: 16pt; text-align: center; } .t2 { font-size: 11pt; text-align: center; }
.lr { display: flex; justify-content: space-between; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.cont { margin-top: -0.5pt; }
td { border: 0.75pt solid #000; padding: 3pt; vertical-align: middle; word-break: break-all; }
tr { break-inside: avoid; }
td.v { writing-mode: vertical-rl; text-orientation: upright; letter-spacing: 4pt; }
.part { margin-top: 18pt; } .new { break-before: page; }
"""
FURNITURE_STYLE = f"""
@page {{
  @top-center {{ content: "{RUNNING_HEADER}"; font-size: 8pt; border-bottom: 0.5pt solid #000; }}
  @bottom-center {{ content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; }}
}}
.wm {{ position: fixed; top: 45%; left: 10%; font-size: 44pt; color: rgba(0, 0, 0, 0.13);
      transform: rotate(-30deg); white-space: nowrap; }}
"""


def html_document(parts: list[Part], heading: str | None, variant: str) -> str:
    caption = variant == "chromium-caption"
    body = [f'<div class="wm">{WATERMARK}</div>'] if caption else []
    if heading:
        body.append(f'<p class="t1" style="font-size:13pt">{html.escape(heading)}</p>')
    for n, part in enumerate(parts):
        cls = "part new" if part.new_page and n else "part"
        body.append(f'<div class="{cls}">')
        for text, size, align in part.lines:
            if align == "LR":
                left, right = (html.escape(s) for s in text.split("|"))
                body.append(f'<p class="lr"><span>{left}</span><span>{right}</span></p>')
            else:
                a = {"L": "left", "C": "center", "R": "right"}[align]
                body.append(f'<p style="font-size:{size}pt;text-align:{a}">'
                            f"{html.escape(text)}</p>")
        t = caption_column(part.table) if caption else part.table
        body.append(html_table(t, thead=caption) + "</div>")
    text = "".join(body)
    if variant == "chromium-radicals":
        text = text.translate(str.maketrans(RADICALS))
    style = STYLE + (FURNITURE_STYLE if caption else "") + BORDERS.get(variant, "")
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>项目支出绩效表</title><style>{style}</style></head>"
            f"<body>{text}</body></html>")


def chromium_pdf(page: str, css_furniture: bool) -> bytes:
    """Headless Chromium's print of ``page``: its own header and footer (date, title, URL,
    ``N/M``), or none where the page draws its own in CSS page boxes (``css_furniture``)."""
    with tempfile.TemporaryDirectory(prefix="perfparse-chromium-") as tmp:
        src, out = Path(tmp) / "form.html", Path(tmp) / "form.pdf"
        src.write_text(page, encoding="utf-8")
        flags = ["--no-pdf-header-footer"] if css_furniture else []
        subprocess.run(["chromium", *CHROMIUM_FLAGS, *flags, f"--user-data-dir={tmp}/profile",
                        f"--print-to-pdf={out}", src.as_uri()], check=True,
                       capture_output=True, timeout=TIMEOUT_S)
        return out.read_bytes()


# ---------------------------------------------------------------- other producers


def tool(cmd: list[str], data: bytes, suffix: str = ".pdf") -> bytes:
    """Run a converter ``cmd`` with ``{in}``/``{out}`` replaced by files; its output."""
    with tempfile.TemporaryDirectory(prefix="perfparse-producer-") as tmp:
        src, out = Path(tmp) / f"in{suffix}", Path(tmp) / "out.pdf"
        src.write_bytes(data)
        subprocess.run([a.replace("{in}", str(src)).replace("{out}", str(out)) for a in cmd],
                       check=True, capture_output=True, timeout=TIMEOUT_S)
        return out.read_bytes()


def fit_rows(ws) -> None:
    """Row heights that show every wrapped text, as Excel's autofit leaves them (files
    written by scripts carry none, and LibreOffice then prints the text over its neighbours).
    Widths: a column width unit is about 5.6 pt; 11-pt text, CJK a full em wide."""
    merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    heights: dict[int, float] = {}
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value]
    spans = {c: merged.get((c.row, c.column)) for c in cells}
    for c in sorted(cells, key=lambda c: (m.max_row - m.min_row) if (m := spans[c]) else 0):
        m = spans[c]
        cols = range(c.column, (m.max_col if m else c.column) + 1)
        rows = range(c.row, (m.max_row if m else c.row) + 1)
        width = sum((ws.column_dimensions[get_column_letter(k)].width or 8.43) * 5.6
                    for k in cols) - 6
        lines = sum(math.ceil(max(1.0, sum(11 if ord(ch) > 0x2E7F else 6 for ch in part))
                              / width) for part in c.value.split("\n"))
        need = lines * 14.5 + 3
        have = sum(heights.get(r, 15.0) for r in rows)
        if need > have:
            heights[rows[-1]] = heights.get(rows[-1], 15.0) + need - have
    for r, h in heights.items():
        ws.row_dimensions[r].height = round(h, 1)


def print_ready_workbook(gold: dict, stem: str) -> bytes:
    """The workbook as people set it up for printing: rows fitted to their text, A4,
    fitted to one page wide, the page number footer."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook(gold, stem)))
    for ws in wb.worksheets:
        fit_rows(ws)
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.oddHeader.right.text = "&A"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _field(run, instr: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``run``."""
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == instr else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def print_ready_document(gold: dict, stem: str) -> bytes:
    """The Word rendering with ``- N -`` page numbers in the footer, a running header, and
    rows kept whole over page breaks (``cantSplit``, as form templates set them: a row
    whose text is cut in two by a break is not read back as one row)."""
    d = docx.Document(io.BytesIO(word_document(gold, stem)))
    for table in d.tables:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    section = d.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    foot = section.footer.paragraphs[0]
    foot.alignment = 1  # centred
    foot.add_run("- ")
    _field(foot.add_run(), "PAGE")
    foot.add_run(" -")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def lo_pdf(data: bytes, kind: str) -> bytes:
    return convert(f"form.{kind}", data, kind, "pdf")


# Border styles of the Chromium variants that draw fewer rulings than the page's table.
BORDERS = {"chromium-open": "table { border-style: hidden; }",
           "chromium-rows": "td { border-left: none !important; border-right: none !important; }",
           "chromium-bare": "table, td { border: none !important; }"}


def chromium_variant(name: str) -> Callable[[dict, str], bytes]:
    return lambda gold, stem: chromium_pdf(html_document(
        document_parts(gold, stem), HEADINGS.get(stem[:3]), name), css_furniture=False)


PRODUCERS: dict[str, Callable[[dict, str], bytes]] = {
    "fpdf2": render_document,
    "fpdf2-furniture": lambda gold, stem: Renderer(repeat_header=False).render(
        document_parts(gold, stem), HEADINGS.get(stem[:3]),
        ("cn" if int(stem[:3]) % 2 else "dash", RUNNING_HEADER, WATERMARK)),
    "chromium": lambda gold, stem: chromium_pdf(html_document(
        document_parts(gold, stem), HEADINGS.get(stem[:3]), "chromium"), css_furniture=False),
    "chromium-caption": lambda gold, stem: chromium_pdf(html_document(
        document_parts(gold, stem), HEADINGS.get(stem[:3]), "chromium-caption"),
        css_furniture=True),
    "chromium-radicals": lambda gold, stem: chromium_pdf(html_document(
        document_parts(gold, stem), HEADINGS.get(stem[:3]), "chromium-radicals"),
        css_furniture=False),
    **{name: chromium_variant(name) for name in BORDERS},
    "cairo": lambda gold, stem: tool(["pdftocairo", "-pdf", "{in}", "{out}"],
                                     PRODUCERS["chromium"](gold, stem)),
    "lo-xlsx": lambda gold, stem: lo_pdf(print_ready_workbook(gold, stem), "xlsx"),
    "lo-docx": lambda gold, stem: lo_pdf(print_ready_document(gold, stem), "docx"),
    "gs": lambda gold, stem: tool(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                                   "-sDEVICE=pdfwrite", "-o", "{out}", "{in}"],
                                  PRODUCERS["lo-xlsx"](gold, stem)),
}


def make(out: Path, producers: dict[str, tuple[str, ...] | None]) -> list[Path]:
    """``out/<producer>/<stem>.pdf`` for each producer and stem (None: every document)."""
    docs = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in sorted(GOLD.glob("*.json"))}
    written = []
    for name, stems in producers.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for stem in stems or docs:
            path = out / name / f"{stem}.pdf"
            path.write_bytes(PRODUCERS[name](docs[stem], stem))
            written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=sorted(PRODUCERS), help="these producers")
    ap.add_argument("--committed", action="store_true",
                    help="the CI subset into samples/pdf/<producer>/")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if a.committed:
        chosen: dict[str, tuple[str, ...] | None] = dict(COMMITTED_SET)
        out = COMMITTED
    else:
        chosen = dict.fromkeys(a.only or PRODUCERS)
        out = a.out
    for path in make(out, chosen):
        print(f"{path.stat().st_size / 1024:7.0f} KB  {path}")


if __name__ == "__main__":
    main()
