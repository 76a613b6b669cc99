"""Write the gold documents (tests/gold/*.json) as Office files in samples/office/.

    python scripts/make_office_samples.py              # samples/office/
    python scripts/make_office_samples.py --fixtures   # also tests/fixtures/office/

The forms are the ones scripts/make_samples.py lays out for the PDFs (same cells, same
merged ranges), written as Excel and Word would hold them:

- 000 .xlsx: one sheet per form, after a 填报说明 notes sheet that is no form; a hidden
  sheet holds a stale copy of a form and hidden rows/columns hold stale values (all to be
  skipped);
- 001 .xlsx: every form on one sheet, one under the other;
- 004 .xlsx: one sheet per form (amounts in 万元); and 004 .xls,
  converted from it by LibreOffice;
- 002 and 003 .docx: titles as paragraphs, forms as Word tables with gridSpan/vMerge
  merges; and 002 .doc, converted from the .docx by LibreOffice.

Numbers are typed cells (amounts with a thousands format, rates as percent formats), dates
are date cells. Fixture: an .xlsx encrypted with a password (msoffcrypto-tool).

Needs openpyxl, python-docx, msoffcrypto-tool (the dev extra) and LibreOffice's soffice.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from datetime import datetime

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from make_samples import FAMILIES, GOLD, HEADINGS, ROOT, Part
from perfparse.extract.office.convert import convert

OUT = ROOT / "samples" / "office"
FIXTURES = ROOT / "tests" / "fixtures" / "office"
CREATED = datetime(2024, 3, 1)
SHEET_PER_FORM = {"000", "004"}
ONE_SHEET = {"001"}
WORD = {"002", "003"}
CONVERTED = {"004": ("xlsx", "xls"), "002": ("docx", "doc")}
FIXTURE_SEED = "000_053aada0b46687b9"

_NUMBER = re.compile(r"-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)%")
_DATES = [(re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "yyyy-mm-dd"),
          (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "yyyy/m/d"),
          (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"), 'yyyy"年"m"月"d"日"')]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def typed(text: str, dates: bool) -> tuple[object, str]:
    """A printed cell as the value Excel would hold and its number format. Dates become
    date cells only where asked: a date cell reads back as an ISO date, while an
    indicator's value keeps the text it was typed as (its raw value is scored)."""
    if _NUMBER.fullmatch(text):
        number = float(text.replace(",", ""))
        value = int(number) if number.is_integer() else number
        return value, "#,##0.00" if "," in text else "General"
    if m := _PERCENT.fullmatch(text):
        decimals = len(m.group(2) or "")
        return float(m.group(1)) / 100, "0." + "0" * decimals + "%" if decimals else "0%"
    for pattern, fmt in _DATES:
        if dates and (m := pattern.fullmatch(text)):
            return datetime(*(int(g) for g in m.groups())), fmt
    return text, "General"


def form_parts(gold: dict, stem: str) -> list[list[Part]]:
    """Each form's parts; a duplicate is the same printout again, styled as its original."""
    family = FAMILIES[stem[:3]]
    return [family(form, i if form["duplicate_of"] is None else form["duplicate_of"])
            for i, form in enumerate(gold["forms"])]


# ---------------------------------------------------------------- workbooks


def write_part(ws, part: Part, top: int, heading: str | None) -> int:
    """Lay one part (title lines, then its table) from row ``top``; returns the next free row."""
    width = len(part.table.widths)
    lines = ([(heading, 13.0, "C")] if heading else []) + part.lines
    for text, _size, align in lines:
        if align == "LR":  # 填报单位 on the left, 金额单位 on the right, as in the PDF
            left, right = text.split("|")
            ws.cell(top, 1, left)
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width - 2)
            ws.cell(top, width - 1, right)
            ws.merge_cells(start_row=top, start_column=width - 1, end_row=top, end_column=width)
        else:
            ws.cell(top, 1, text).alignment = Alignment(horizontal="center")
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
        top += 1
    for c in part.table.cells:
        r0, c0 = top + c.row, 1 + c.col
        header = part.table.header_row
        value, fmt = typed(c.text, dates=header is None or c.row < header)
        cell = ws.cell(r0, c0, value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a printed target such as =100%, typed as text ('=100%)
        cell.number_format = fmt
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r in range(r0, r0 + c.rs):
            for k in range(c0, c0 + c.cs):
                ws.cell(r, k).border = BOX
        if c.rs > 1 or c.cs > 1:
            ws.merge_cells(start_row=r0, start_column=c0, end_row=r0 + c.rs - 1,
                           end_column=c0 + c.cs - 1)
    for k, w in enumerate(part.table.widths, 1):
        ws.column_dimensions[get_column_letter(k)].width = max(ws.column_dimensions[
            get_column_letter(k)].width or 0, round(w * 90))
    return top + part.table.n_rows + 1


def stale_row(ws, row: int) -> None:
    """A hidden row of out-of-date values under the indicators, as people keep them."""
    ws.cell(row, 4, "旧版指标（已作废）")
    ws.cell(row, 5, 12345)
    ws.row_dimensions[row].hidden = True


def workbook(gold: dict, stem: str) -> bytes:
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = CREATED
    ws = wb.active
    forms_parts = form_parts(gold, stem)
    heading = HEADINGS.get(stem[:3])
    if stem[:3] in ONE_SHEET:
        ws.title = "绩效自评表"
        top = 1
        for n, part in enumerate(p for parts in forms_parts for p in parts):
            top = write_part(ws, part, top, heading if n == 0 else None) + 1
        return _save(wb)
    ws.title = "填报说明"
    ws["A1"] = "填报说明"
    ws["A2"] = "1. 金额保留两位小数；2. 指标值请按申报口径填写。"
    for n, fparts in enumerate(forms_parts):
        fs = wb.create_sheet(f"表{n + 1}")
        top = 1
        for k, part in enumerate(fparts):
            top = write_part(fs, part, top, heading if n == 0 and k == 0 else None)
        if n == 0:
            # A hidden column of last year's figures beside the form.
            last = len(fparts[0].table.widths) + 2
            fs.cell(5, last, 99999)
            fs.column_dimensions[get_column_letter(last)].hidden = True
    if stem[:3] == "000":
        old = wb.create_sheet("旧版")
        write_part(old, forms_parts[0][0], 1, None)
        old.sheet_state = "hidden"
        stale_row(wb["表1"], wb["表1"].max_row + 1)
    return _save(wb)


def _save(wb: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- Word documents


def word_document(gold: dict, stem: str) -> bytes:
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = CREATED
    d.core_properties.author = d.core_properties.last_modified_by = "perfparse"
    heading = HEADINGS.get(stem[:3])
    for n, part in enumerate(p for parts in form_parts(gold, stem) for p in parts):
        if n:
            d.add_paragraph("")
        lines = ([(heading, 13.0, "C")] if heading and n == 0 else []) + part.lines
        for text, _size, align in lines:
            p = d.add_paragraph(text.replace("|", "\t\t"))
            if align == "C":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        t = part.table
        table = d.add_table(rows=t.n_rows, cols=len(t.widths))
        table.style = "Table Grid"
        for c in t.cells:
            cell = table.cell(c.row, c.col)
            if c.rs > 1 or c.cs > 1:
                cell = cell.merge(table.cell(c.row + c.rs - 1, c.col + c.cs - 1))
            cell.text = c.text
    d.add_paragraph("")  # Word always ends a body with a paragraph, also after a table
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- fixtures


def make_fixtures() -> None:
    """An .xlsx encrypted with a password (an OLE2 file holding EncryptionInfo)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    FIXTURES.mkdir(parents=True, exist_ok=True)
    gold = json.loads((GOLD / f"{FIXTURE_SEED}.json").read_text(encoding="utf-8"))
    plain = workbook({"forms": gold["forms"][:1]}, FIXTURE_SEED)
    with (FIXTURES / "encrypted.xlsx").open("wb") as out:
        OOXMLFile(io.BytesIO(plain)).encrypt("user-secret", out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", action="store_true", help="also write tests/fixtures/office/")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for f in sorted(GOLD.glob("*.json")):
        gold, seed = json.loads(f.read_text(encoding="utf-8")), f.stem[:3]
        ext = "docx" if seed in WORD else "xlsx"
        data = word_document(gold, f.stem) if ext == "docx" else workbook(gold, f.stem)
        (OUT / f"{f.stem}.{ext}").write_bytes(data)
        print(OUT / f"{f.stem}.{ext}")
        if seed in CONVERTED:
            src, target = CONVERTED[seed]
            (OUT / f"{f.stem}.{target}").write_bytes(convert(f.name, data, src, target))
            print(OUT / f"{f.stem}.{target}")
    if args.fixtures:
        make_fixtures()
        print(FIXTURES)


if __name__ == "__main__":
    main()
