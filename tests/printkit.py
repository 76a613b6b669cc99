"""Helpers for printing the held-out sets' documents with real producers, shared by the builders
(tests/regions*/gold/_build.py): LibreOffice (Calc from openpyxl .xlsx, Writer from python-docx
.docx) and headless Chromium (HTML) into PDF, and the small table-laying helpers around them.

Only layout mechanics live here; every document's hand-typed values and its own table writer stay in
its builder. Import with tests/ on sys.path, as for `goldkit`."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl.styles import Alignment, Border, Font, Side

from goldkit import put

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FONT = "Noto Sans CJK SC"
THIN = Side(style="thin")


def W(x: float) -> float:
    """万元 → 元, rounded to the fen so that 1563.3 gives 15633000.0 (not 15632999.999…)."""
    return round(x * 10000, 2)


# ---------------------------------------------------------------- producers
def soffice_pdf(src: Path, out_pdf: Path) -> None:
    """Print an .xlsx/.docx to PDF with LibreOffice; a throwaway profile keeps runs independent."""
    with tempfile.TemporaryDirectory() as tmp:
        prof = Path(tmp) / "lo_profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=240)
        shutil.move(str(Path(tmp) / (src.stem + ".pdf")), out_pdf)


def save_pdf(book: Workbook | Document, src: Path, out_pdf: Path) -> None:
    """Save an openpyxl workbook or a python-docx document as ``src``; print it with LibreOffice."""
    book.save(src)
    soffice_pdf(src, out_pdf)


def chromium_pdf(html: str, src: Path, out_pdf: Path, header_footer: bool = False) -> None:
    """Write ``html`` to ``src`` and print it with headless Chromium. With ``header_footer``
    Chromium adds its default header/footer (date, <title>, the file URL of ``src``, `1/2`), so
    ``src`` is part of what is printed."""
    src.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        args = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={tmp}/profile"]
        if not header_footer:
            args.append("--no-pdf-header-footer")
        subprocess.run([*args, f"--print-to-pdf={out_pdf}", src.as_uri()],
                       check=True, capture_output=True, timeout=240)


# ---------------------------------------------------------------- level merging (all producers)
def rowspans(rows: Sequence[Sequence[Any]], k: int) -> dict[int, int]:
    """Row spans of column k over consecutive equal cells (within the same column-0 group)."""
    out, i = {}, 0
    while i < len(rows):
        n = 1
        while i + n < len(rows) and rows[i + n][k] == rows[i][k] and all(
                rows[i + n][j] == rows[i][j] for j in range(k)):
            n += 1
        out[i] = n
        i += n
    return out


# ---------------------------------------------------------------- Calc (openpyxl)
def borders(ws: Worksheet, r1: int, r2: int, ncol: int) -> None:
    """Thin rules round every cell of rows r1..r2, columns 1..ncol."""
    for row in ws.iter_rows(min_row=r1, max_row=r2, max_col=ncol):
        for c in row:
            c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def fonts(ws: Worksheet, size: float = 10, bold_rows: Collection[int] = ()) -> None:
    """One CJK font on every cell (Calc would otherwise substitute per glyph); bold_rows in bold."""
    for row in ws.iter_rows():
        for c in row:
            c.font = Font(name=FONT, size=size, bold=c.row in bold_rows)


def xl_levels(ws: Worksheet, rows: Sequence[Sequence[Any]], first_row: int, ncols_lev: int,
              cols: str = "ABCDEFGHIJ") -> None:
    """Indicator rows into a sheet from first_row: level cells merged down their runs."""
    for k in range(ncols_lev):
        for i, n in rowspans(rows, k).items():
            r = first_row + i
            put(ws, f"{cols[k]}{r}", rows[i][k], merge=f"{cols[k]}{r + n - 1}" if n > 1 else None)
    for i, row in enumerate(rows):
        for j, v in enumerate(row[ncols_lev:], start=ncols_lev):
            put(ws, f"{cols[j]}{first_row + i}", v if v != "" else None)


def fit_width(ws: Worksheet) -> None:
    """Print the sheet one page wide (as many pages tall as needed)."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def left(ws: Worksheet, ref: str) -> None:
    """Left-align one (long text) cell, still wrapped and centred vertically."""
    ws[ref].alignment = Alignment(wrap_text=True, vertical="center", horizontal="left")


def xl_heading(ws: Worksheet, last_col: str, title: str, year: str,
               unit: str | None = None) -> None:
    """The title and `（年度）` rows merged across A..last_col, then an optional unit row
    (`单位：元`) set flush right."""
    put(ws, "A1", title, merge=f"{last_col}1")
    put(ws, "A2", year, merge=f"{last_col}2")
    if unit is not None:
        put(ws, "A3", unit, merge=f"{last_col}3")
        ws["A3"].alignment = Alignment(horizontal="right")


def xl_finish(ws: Worksheet, *, rows: tuple[int, int], ncol: int, size: float, title_pt: float,
              title_height: float, landscape: bool = False, footer: bool = False) -> None:
    """Make a filled sheet printable: thin rules over rows[0]..rows[1] × ncol columns, FONT at
    ``size`` with a bold title of ``title_pt`` in A1, A4 one page wide, and with ``footer`` the
    footer `第 &P 页 共 &N 页`."""
    borders(ws, rows[0], rows[1], ncol)
    fonts(ws, size)
    ws["A1"].font = Font(name=FONT, size=title_pt, bold=True)
    ws.row_dimensions[1].height = title_height
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    fit_width(ws)
    if footer:
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"


# ---------------------------------------------------------------- Writer (python-docx)
def docx_base(size: float = 10, landscape: bool = False) -> Document:
    """An A4 document whose Normal style is FONT at ``size`` pt (east-Asian font set too)."""
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    sec.left_margin = sec.right_margin = Mm(18)
    sec.top_margin = sec.bottom_margin = Mm(20)
    st = d.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return d


def dcell(t: Table, r: int, c: int, text: str, to: tuple[int, int] | None = None,
          bold: bool = False) -> _Cell:
    """Set a centred table cell, merged through cell ``to`` when given."""
    x = t.cell(r, c)
    if to is not None:
        x = x.merge(t.cell(*to))
    x.text = text
    for p in x.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in p.runs:
            run.bold = bold
    return x


def row_props(row: _Row, height_mm: float | None = None, header: bool = False) -> None:
    """A minimum row height and/or the repeated-header-row flag (w:tblHeader)."""
    trPr = row._tr.get_or_add_trPr()
    if height_mm:
        h = OxmlElement("w:trHeight")
        h.set(qn("w:val"), str(int(height_mm * 56.7)))
        h.set(qn("w:hRule"), "atLeast")
        trPr.append(h)
    if header:
        trPr.append(OxmlElement("w:tblHeader"))


def docx_levels(t: Table, rows: Sequence[Sequence[str]], first_row: int, nlev: int,
                height_mm: float | None = None) -> None:
    """Indicator rows into a Word table from first_row: the first nlev cells merged down their
    runs, then the rest cell by cell, each row at least height_mm tall."""
    for k in range(nlev):
        for i, n in rowspans(rows, k).items():
            r = first_row + i
            dcell(t, r, k, rows[i][k], (r + n - 1, k) if n > 1 else None)
    for i, row in enumerate(rows):
        for c, v in enumerate(row[nlev:], start=nlev):
            dcell(t, first_row + i, c, v)
        if height_mm:
            row_props(t.rows[first_row + i], height_mm=height_mm)


def widths(t: Table, mm: Sequence[float]) -> None:
    """Fixed column widths (Writer reads the cell widths)."""
    for row in t.rows:
        for c, w in zip(row.cells, mm, strict=True):
            c.width = Mm(w)
    for c, w in zip(t.columns, mm, strict=True):
        c.width = Mm(w)


def vcenter(t: Table) -> None:
    """Centre every cell vertically (where no vAlign is set yet)."""
    for row in t.rows:
        for c in row.cells:
            tcPr = c._tc.get_or_add_tcPr()
            if tcPr.find(qn("w:vAlign")) is None:
                v = OxmlElement("w:vAlign")
                v.set(qn("w:val"), "center")
                tcPr.append(v)


def page_footer(d: Document) -> None:
    """Footer `第 {PAGE} 页 共 {NUMPAGES} 页` with real Writer fields."""
    p = d.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    for instr, after in (("PAGE", " 页 共 "), ("NUMPAGES", " 页")):
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), instr)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        p._p.append(fld)
        p.add_run(after)


def para(d: Document, text: str, bold: bool = False, center: bool = False,
         size: float | None = None, page_break_before: bool = False) -> Paragraph:
    """A one-run paragraph (a title, a caption, a signature line)."""
    p = d.add_paragraph()
    if page_break_before:
        p.paragraph_format.page_break_before = True
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


# ---------------------------------------------------------------- Chromium (HTML)
def html_rows(rows: Sequence[Sequence[Any]], nlev: int,
              row_attrs: Mapping[int, str] | None = None) -> str:
    """<tr>s for indicator rows whose first nlev cells are level cells merged with rowspan;
    row_attrs maps a row's index to text put inside its <tr> tag (e.g. ` class="x"`)."""
    spans = [rowspans(rows, k) for k in range(nlev)]
    trs = []
    for i, row in enumerate(rows):
        tds = [f'<td rowspan="{spans[k][i]}">{row[k]}</td>' for k in range(nlev) if i in spans[k]]
        tds += [f"<td>{x}</td>" for x in row[nlev:]]
        attrs = (row_attrs or {}).get(i, "")
        trs.append(f"<tr{attrs}>" + "".join(tds) + "</tr>")
    return "\n".join(trs)


def html_fund_rows(rows: Sequence[Sequence[str]], sep: str = "\n") -> str:
    """<tr>s for fund lines: the label over two cells, then one cell per amount column."""
    return sep.join('<tr><td colspan="2">' + r[0] + "</td>"
                    + "".join(f"<td>{x}</td>" for x in r[1:]) + "</tr>" for r in rows)
