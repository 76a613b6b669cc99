"""Other regions' layouts, end to end, scored against the reference answers.

``layouts/`` holds the development set of shared/layouts: ten documents (saved web
pages, TAB and Markdown OCR dumps) that follow the project-level forms of regions
other than the seeds', with 14 forms and 144 indicators. ``regions/`` to ``regions6/``
hold eight more documents each in the layouts of still other regions (9, 11, 8, 11, 10 and
10 forms; 92, 86, 69, 75, 69 and 84 indicators; with .xlsx, .docx, born-digital and scanned
PDFs; regions6 PDFs only, printed by LibreOffice Calc and Writer and by Chromium), and
``regions7/`` six scans (grey 150/200 dpi, colour with a seal, photocopy; 8 forms, 65
indicators), each made as a held-out check before the parser was tuned on it (see their
READMEs). Each ``gold/``
holds the expected documents in the record contract. Each document is parsed with
:func:`perfparse.parse`, written as the CLI's ``parse --out`` writes it, and scored with
the vendored ``scorer.py`` (shared/eval/score.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scorer
from perfparse import parse
from perfparse.errors import ParseError

HERE = Path(__file__).resolve().parent
# (folder, documents, forms, indicators)
SETS = [("layouts", 10, 14, 144), ("regions", 8, 9, 92), ("regions2", 8, 11, 86),
        ("regions3", 8, 8, 69), ("regions4", 8, 11, 75), ("regions5", 8, 10, 69),
        ("regions6", 8, 10, 84), ("regions7", 6, 8, 65)]


def _documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name[:1].isdigit())


def _write(src: Path, out: Path) -> str | None:
    """Parse ``src`` into ``out/<name>.json`` the way ``perfparse parse --out`` does.

    Returns the parse error, if any, so the test can show it; a crash on one document
    is reported the same way, so the score of the others is still shown.
    """
    try:
        doc = parse(src)
    except ParseError as e:
        return f"{src.name}: {e.reason} [{e.code}]"
    except Exception as e:
        return f"{src.name}: crashed: {type(e).__name__}: {e}"
    text = json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1)
    (out / f"{src.name}.json").write_text(text + "\n", encoding="utf-8")
    return None


@pytest.mark.parametrize(("name", "n_docs", "forms", "indicators"), SETS)
def test_the_set_is_complete(name: str, n_docs: int, forms: int, indicators: int) -> None:
    docs = _documents(HERE / name)
    assert len(docs) == n_docs
    assert sorted(p.stem for p in docs) == sorted(p.stem for p in (HERE / name / "gold")
                                                  .glob("*.json"))


@pytest.mark.parametrize(("name", "n_docs", "forms", "indicators"), SETS)
def test_layouts_score(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                       n_docs: int, forms: int, indicators: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    errors = [e for e in (_write(src, out) for src in _documents(HERE / name)) if e]
    report = tmp_path / "report.json"
    scorer.main([str(HERE / name / "gold"), str(out), "--json", str(report)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    rep = json.loads(report.read_text(encoding="utf-8"))
    c = rep["counts"]
    detail = {"summary": summary, "parse errors": errors,
              "first mismatches": rep["mismatches"][:15]}
    # The development set scores 1.0000: a drop there is a regression a looser floor
    # let through once (a rule for one held-out layout that broke two of its documents).
    assert rep["f1"] >= (0.995 if name == "layouts" else 0.95), detail
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"] == forms, detail
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"] == indicators, \
        detail
    assert not errors, detail
