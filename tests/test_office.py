"""Office files: .xlsx/.xls workbooks and .docx/.doc documents into the one grid.

The samples (samples/office/) are made by scripts/make_office_samples.py from the gold
documents, the .xls/.doc ones converted by LibreOffice; the encrypted fixture too. Reading
.doc needs LibreOffice: those tests skip without it, except under CI, where it is an error.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

import scorer
from perfparse import ParseError, parse, parse_bytes
from perfparse.extract import extract
from perfparse.extract.office import convert as office_convert
from perfparse.extract.office.sheet import render
from perfparse.extract.sniff import sniff
from perfparse.grid import Line, Table

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "office"
DIRECT = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".xlsx", ".xls", ".docx"))
CONVERTED = sorted(SAMPLES.glob("*.doc"))
GOLD = ROOT / "tests" / "gold"
FIXTURES = ROOT / "tests" / "fixtures" / "office"


@pytest.fixture
def soffice() -> None:
    if office_convert.soffice() is None:
        msg = "LibreOffice not found: apt-get install -y libreoffice-calc libreoffice-writer"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


def _score(tmp_path: Path, files: list[Path]) -> dict:
    """Parse with the CLI and score against the gold renamed to each sample's file name."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", *map(str, files),
                        "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    gold.mkdir()
    for f in files:
        doc = json.loads((GOLD / f"{f.stem}.json").read_text(encoding="utf-8"))
        doc["source"]["file"] = f.name
        (gold / f"{f.name}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                             encoding="utf-8")
    report = tmp_path / "report.json"
    scorer.main([str(gold), str(out), "--json", str(report)])
    return json.loads(report.read_text(encoding="utf-8"))


def _assert_all_matched(rep: dict) -> None:
    c = rep["counts"]
    assert rep["f1"] >= 0.99, rep["mismatches"][:10]
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"]
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"]


def _xlsx(build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- end to end


def test_samples_score(tmp_path: Path) -> None:
    assert {p.suffix for p in DIRECT} == {".xlsx", ".xls", ".docx"}
    rep = _score(tmp_path, DIRECT)
    _assert_all_matched(rep)
    assert rep["counts"]["forms_gold"] == 21 + 10 + 8 + 8 + 5 + 1


def test_converted_doc_samples_score(tmp_path: Path, soffice: None) -> None:
    assert CONVERTED
    _assert_all_matched(_score(tmp_path, CONVERTED))


def test_formats_and_provenance() -> None:
    doc = parse(SAMPLES / "004_1143f0bba08cb0f0.xls")
    assert doc.source.format == "xlsx"
    assert parse(SAMPLES / "003_8e24aa098cee1238.docx").source.format == "docx"
    grid = extract("f.xlsx", (SAMPLES / "000_053aada0b46687b9.xlsx").read_bytes())
    notes, first = list(grid.tables())[:2]
    assert (notes.page, first.page) == (1, 2)  # the 填报说明 sheet, then 表1
    name = next(c for c in first.cells if c.text == "项目名称")
    assert (name.ref, name.row, name.col) == ("表1!A3", 2, 0)
    funds = next(c for c in first.cells if c.text.startswith("项目资金"))
    assert (funds.rowspan, funds.ref) == (4, "表1!A6")


# ---------------------------------------------------------------- format detection


def test_format_is_read_from_content(tmp_path: Path) -> None:
    for sample, fmt in (("000_053aada0b46687b9.xlsx", "xlsx"),
                        ("004_1143f0bba08cb0f0.xls", "xlsx"),
                        ("002_7f93d8ab5a9d0f21.docx", "docx")):
        renamed = tmp_path / f"{sample}.bin"
        renamed.write_bytes((SAMPLES / sample).read_bytes())
        doc = parse(renamed)
        assert (doc.source.format, doc.source.file) == (fmt, renamed.name)
        assert doc.forms


def test_sniff_reads_a_head_only() -> None:
    """Ingest sniffs the first 256 KB; a zip's central directory may lie beyond it."""
    for sample, kind in (("000_053aada0b46687b9.xlsx", "xlsx"), ("002_7f93d8ab5a9d0f21.docx",
                                                                   "docx"),
                         ("004_1143f0bba08cb0f0.xls", "xls"), ("002_7f93d8ab5a9d0f21.doc", "doc")):
        data = (SAMPLES / sample).read_bytes()
        assert sniff(sample, data) == kind
        # 16 KB: past the first streams' starts, short of these files' OLE2 directories
        assert sniff(sample, data[:16384]) == kind


def test_encrypted_workbook_is_a_clear_error() -> None:
    with pytest.raises(ParseError) as e:
        parse(FIXTURES / "encrypted.xlsx")
    assert (e.value.code, e.value.file) == ("encrypted", "encrypted.xlsx")
    assert "without a password" in e.value.reason


def test_zip_that_is_no_office_file_is_unsupported() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ParseError) as e:
        parse_bytes("archive.zip", buf.getvalue())
    assert e.value.code == "unsupported-format"


def test_workbook_without_a_form_is_no_form() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        wb.active["A1"] = "填报说明"
        wb.active["A2"] = "金额保留两位小数"

    with pytest.raises(ParseError) as e:
        parse_bytes("notes.xlsx", _xlsx(build))
    assert e.value.code == "no-form"


def test_missing_libreoffice_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office_convert, "soffice", lambda: None)
    with pytest.raises(ParseError) as e:
        parse(SAMPLES / "002_7f93d8ab5a9d0f21.doc")
    assert e.value.code == "converter-missing"
    assert "apt-get install libreoffice-writer" in e.value.reason


# ---------------------------------------------------------------- cells


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (900000.0000001, "#,##0.00", "900000"),
    (0.1 + 0.2, "General", "0.3"),
    (1234567, "General", "1234567"),
    (0.95, "0%", "95%"),
    (0.9512, "0.00%", "95.12%"),
    (12.5, '0.00"万元"', "12.5万元"),
    (3, '[Red]0.0;[Blue]-0.0', "3"),
    (datetime(2023, 9, 16), 'yyyy"年"m"月"d"日"', "2023-09-16"),
    (True, "General", "TRUE"),
])
def test_typed_cells_render_exactly(value: object, fmt: str, shown: str) -> None:
    assert render(value, fmt) == shown


def test_sheet_layout_hidden_merged_and_formulas() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        ws.title = "Data 1"
        ws["A1"] = "标题"
        ws.merge_cells("A1:D1")
        ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "项目资金\n(元)", "旧值", "全年预算数", 100
        ws.column_dimensions["B"].hidden = True
        ws["A3"], ws["C3"] = "stale", "隐藏行"
        ws.row_dimensions[3].hidden = True
        ws["C4"] = "=D2*2"  # openpyxl stores no result
        ws.merge_cells("A2:A4")
        hidden = wb.create_sheet("old")
        hidden["A1"] = "不应读取"
        hidden.sheet_state = "hidden"

    grid = extract("t.xlsx", _xlsx(build))
    (table,) = grid.blocks
    assert isinstance(table, Table)
    at = {(c.row, c.col): c for c in table.cells}
    assert (at[(0, 0)].text, at[(0, 0)].colspan) == ("标题", 3)  # hidden column B not counted
    assert (at[(1, 0)].text, at[(1, 0)].rowspan) == ("项目资金(元)", 2)
    assert at[(1, 2)].text == "100" and at[(1, 2)].ref == "'Data 1'!D2"
    assert "旧值" not in {c.text for c in table.cells} and table.n_rows == 3
    assert [code for code, _ in grid.warnings] == ["formula-not-computed"]
    assert "'Data 1'!C4" in grid.warnings[0][1]


def test_docx_blocks_keep_order_and_spans() -> None:
    grid = extract("d.docx", (SAMPLES / "003_8e24aa098cee1238.docx").read_bytes())
    lines = [b.text for b in grid.blocks[:4]]
    assert lines[:3] == ["附件3:", "财政项目支出绩效目标申报表（项目总体情况）", "（2020年）"]
    assert all(isinstance(b, Line) for b in grid.blocks[:4])
    table = grid.blocks[4]
    assert isinstance(table, Table)
    at = {(c.row, c.col): c for c in table.cells}
    assert (at[(0, 1)].text, at[(0, 1)].colspan) == ("闵行文化云项目运营", 5)
    assert (at[(5, 0)].text, at[(5, 0)].rowspan) == ("项目立项情况", 3)


def test_ingest_accounts_for_every_file_of_a_mixed_archive(tmp_path: Path, soffice: None) -> None:
    """A department's archive as it comes: a dump, a PDF, a scan and every Office format,
    one file of each; each is parsed and its forms reach the warehouse."""
    from perfparse.ingest import IngestOptions, ingest

    samples = ROOT / "samples"
    office = {".xlsx": "xlsx", ".xls": "xlsx", ".docx": "docx", ".doc": "docx"}
    picks = {samples / "003_8e24aa098cee1238.txt": "text",
             samples / "pdf" / "003_8e24aa098cee1238.pdf": "pdf",
             samples / "scan" / "003_8e24aa098cee1238-200dpi.pdf": "pdf-scanned",
             **{p: office[p.suffix] for p in sorted((samples / "office").iterdir())}}
    archive = tmp_path / "archive"
    archive.mkdir()
    expect = {}
    for i, (p, fmt) in enumerate(picks.items()):  # distinct names: samples share stems
        (archive / f"{i:02d}-{p.name}").write_bytes(p.read_bytes())
        expect[f"{i:02d}-{p.name}"] = fmt
    out = tmp_path / "out"
    s = ingest(IngestOptions(archive, out, workers=2))
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert s.failed == 0, [f.get("reason") for f in files]
    assert {f["path"]: f["format"] for f in files} == expect
    assert all(f["forms"] > 0 and f["indicators"] > 0 for f in files)


def test_a_value_names_the_sheet_and_cell_it_was_printed_in() -> None:
    path = SAMPLES / "004_1143f0bba08cb0f0.xlsx"
    book = openpyxl.load_workbook(path, data_only=True)
    for form in parse(path).forms:
        for ind in form.indicators:
            for v in (ind.target, ind.actual):
                if v is None or v.ref is None:
                    continue
                sheet, cell = v.ref.rsplit("!", 1)
                printed = str(book[sheet.strip("'")][cell].value).replace("\n", "")
                assert printed.replace(" ", "") in v.raw.replace(" ", "") or \
                    v.raw.replace(" ", "") in printed.replace(" ", ""), (v.ref, v.raw, printed)
            assert ind.provenance is not None and ind.provenance.ref
