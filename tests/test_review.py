"""``perfparse review`` (the static HTML report), ``perfparse export`` and the small CLI
items: --version, parse's output names and folders."""

from __future__ import annotations

import csv
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import perfparse
from perfparse.cli import app
from perfparse.sink.arrow import arrow_tables
from perfparse.sink.derive import norm_text
from perfparse.sink.exports import export_all
from perfparse.sink.flatten import flatten_document
from perfparse.sink.spreadsheet import RELATIONS
from perfparse.sink.warehouse import FileCommit, open_warehouse

SAMPLES = Path(__file__).parents[1] / "samples"
PDF = "pdf/001_1eb78efaeb72a928.pdf"
TEXT = "002_7f93d8ab5a9d0f21.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ingest's OUT folder over one text dump and one PDF (DuckDB + Parquet exports)."""
    folder = tmp_path_factory.mktemp("out")
    wh = open_warehouse(None, folder)
    for rel in (TEXT, PDF):
        doc = perfparse.parse(SAMPLES / rel)
        wh.write([FileCommit(doc.source.sha256, arrow_tables(flatten_document(doc)),
                             [{"path": rel, "file": doc.source.file, "sha256": doc.source.sha256,
                               "format": doc.source.format, "status": "parsed"}],
                             seen_before=False)])
    export_all(wh, folder, {"run_id": "test", "root": str(SAMPLES)})
    wh.close()
    result = runner.invoke(app, ["review", str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.output
    return folder


class Elements(HTMLParser):
    """Every element's tag, attributes and text (the text of its own subtree)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str], list[str]]] = []
        self.open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.found.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in ("img", "meta", "br"):
            self.open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for t in self.open:
            t.append(data)

    def select(self, tag: str, attr: str | None = None) -> list[tuple[dict[str, str], str]]:
        return [(a, "".join(t)) for g, a, t in self.found
                if g == tag and (attr is None or attr in a)]

    def by_id(self) -> dict[str, tuple[str, dict[str, str], str]]:
        return {a["id"]: (g, a, "".join(t)) for g, a, t in self.found if "id" in a}


def page_of(out: Path, rel: str) -> Elements:
    index = Elements((out / "review" / "index.html").read_text(encoding="utf-8"))
    href = next(a["href"] for a, text in index.select("a") if text == rel)
    return Elements((out / "review" / href).read_text(encoding="utf-8"))


def test_index_lists_documents_by_warnings(out: Path) -> None:
    index = Elements((out / "review" / "index.html").read_text(encoding="utf-8"))
    counts = [int(t) for a, t in index.select("td") if a.get("class") == "n-warnings"]
    assert len(counts) == 2 and counts == sorted(counts, reverse=True)
    for a, _ in index.select("a"):
        assert (out / "review" / a["href"]).exists()


def test_pdf_values_link_to_boxes_over_the_printed_text(out: Path) -> None:
    import pdfplumber

    page = page_of(out, PDF)
    ids = page.by_id()
    values = page.select("a", "data-bbox")
    assert len(values) > 400
    pdf = pdfplumber.open(SAMPLES / PDF)
    for a, text in values:
        tag, box, _ = ids[a["href"].removeprefix("#")]
        assert tag == "div" and "box" in box["class"]
        x0, top, x1, bottom = map(float, a["data-bbox"].split(","))
        p = pdf.pages[int(a["data-page"]) - 1]
        style = dict(kv.split(":") for kv in box["style"].split(";"))
        assert float(style["left"].rstrip("%")) == pytest.approx(100 * x0 / p.width, abs=0.01)
        assert float(style["top"].rstrip("%")) == pytest.approx(100 * top / p.height, abs=0.01)
        # The words pdfplumber finds inside the box print the value (independently of the
        # grid the report was built from).
        inside = norm_text(p.crop((x0, top, x1, bottom), strict=False).extract_text()) or ""
        assert norm_text(text) in inside, (text, inside)
    images = [img["src"] for img, _ in page.select("img")]
    assert len(images) == len(pdf.pages)
    assert all((out / "review" / src).is_file() for src in images)


def test_text_values_link_to_their_source_cells(out: Path) -> None:
    page = page_of(out, TEXT)
    ids = page.by_id()
    values = page.select("a", "data-cell")
    assert len(values) > 100
    for a, text in values:
        tag, _, cell = ids[a["data-cell"]]
        assert tag == "td" and a["href"] == f"#{a['data-cell']}"
        c, v = norm_text(cell) or "", norm_text(text) or ""
        assert v in c or c in v, (text, cell)


def test_warnings_are_listed_and_their_indicators_marked(out: Path) -> None:
    page = page_of(out, TEXT)
    items = page.select("li", "data-code")
    assert {a["data-code"] for a, _ in items} >= {"level-inferred"}
    marked = {a["id"] for a, _ in page.select("tr") if a.get("class") == "warn"}
    for a, _ in items:
        if "data-indicator" in a:
            assert "r" + "-".join(a["data-indicator"].split(":")[1:]) in marked


def _browser():  # pragma: no cover - needs Chromium and its driver
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (chromium and driver):
        if os.environ.get("CI"):  # .ci/run installs both: their absence there is a failure
            pytest.fail("chromium / chromedriver missing: apt-get install chromium chromium-driver")
        pytest.skip("apt-get install chromium chromium-driver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=opts)


def test_review_in_headless_chromium(out: Path) -> None:
    from selenium.webdriver.common.by import By

    b = _browser()
    try:
        index = (out / "review" / "index.html").as_uri()
        b.get(index)
        b.find_element(By.LINK_TEXT, PDF).click()
        value = b.find_elements(By.CSS_SELECTOR, "a.val[data-bbox]")[40]
        value.click()
        box_id = value.get_attribute("href").split("#")[1]
        assert b.execute_script("return location.hash") == f"#{box_id}"
        box = b.find_element(By.ID, box_id)
        sheet = box.find_element(By.XPATH, "..")
        img = sheet.find_element(By.TAG_NAME, "img")
        assert b.execute_script("return arguments[0].complete && arguments[0].naturalWidth",
                                img) > 0
        # The highlight lands where the value's PDF box is, scaled to the drawn image.
        x0, top, x1, bottom = map(float, value.get_attribute("data-bbox").split(","))
        width = float(sheet.get_attribute("data-width"))
        height = float(sheet.get_attribute("data-height"))
        ir, br = img.rect, box.rect
        assert br["x"] - ir["x"] == pytest.approx(x0 / width * ir["width"], abs=1.5)
        assert br["y"] - ir["y"] == pytest.approx(top / height * ir["height"], abs=1.5)
        assert br["width"] == pytest.approx((x1 - x0) / width * ir["width"], abs=1.5)
        assert br["height"] == pytest.approx((bottom - top) / height * ir["height"], abs=1.5)
        assert b.execute_script(
            "return getComputedStyle(arguments[0]).borderTopColor", box) == "rgb(221, 0, 0)"
        severe = [e for e in b.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []
    finally:
        b.quit()


# --- export -------------------------------------------------------------------------------

def test_export_csv_and_xlsx(out: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["export", str(out), "--to", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "forms.csv").open(encoding="utf-8") as f:
        forms = list(csv.DictReader(f))
    assert len(forms) == len({r["form_key"] for r in forms}) > 0
    result = runner.invoke(app, ["export", str(out), "--format", "xlsx", "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "perfparse.xlsx", read_only=True)
    assert wb.sheetnames == RELATIONS
    assert sum(1 for _ in wb["forms"].iter_rows()) == len(forms) + 1


def test_export_of_a_folder_that_is_no_ingest_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 2 and "perfparse ingest" in result.output


# --- small CLI items --------------------------------------------------------------------

def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and re.fullmatch(r"perfparse \d+\.\d+\.\d+\S*\n", result.output)


def test_parse_never_overwrites_one_result_with_another(tmp_path: Path) -> None:
    for d, src in (("a", "003_8e24aa098cee1238.txt"), ("b", "004_1143f0bba08cb0f0.txt")):
        (tmp_path / d).mkdir()
        shutil.copy(SAMPLES / src, tmp_path / d / "x.txt")
    result = runner.invoke(app, ["parse", str(tmp_path / "a" / "x.txt"),
                                 str(tmp_path / "b" / "x.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path / "o")) == ["a__x.txt.json", "b__x.txt.json"]


def test_parse_reads_a_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / TEXT, tmp_path / "in")
    result = runner.invoke(app, ["parse", str(tmp_path / "in")])
    assert result.exit_code == 0 and '"file": "002_7f93d8ab5a9d0f21.txt"' in result.stdout
    shutil.copy(SAMPLES / "003_8e24aa098cee1238.txt", tmp_path / "in")
    result = runner.invoke(app, ["parse", str(tmp_path / "in")])
    assert result.exit_code == 2 and "perfparse ingest" in result.output
