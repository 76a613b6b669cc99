"""End to end on the bundled OCR text dumps, scored against the reference answers.

``scorer.py`` beside this file is shared/eval/score.py, vendored unchanged so the
accuracy tests run from a clean clone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import scorer

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLD = ROOT / "tests" / "gold"


def test_seeds_score(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", *map(str, SAMPLES),
                        "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    report = tmp_path / "report.json"
    scorer.main([str(GOLD), str(out), "--json", str(report)])
    rep = json.loads(report.read_text(encoding="utf-8"))
    c = rep["counts"]
    assert rep["f1"] >= 0.99, rep["mismatches"][:10]
    assert c["forms_matched"] == c["forms_gold"] == c["forms_pred"] == 45
    assert c["indicators_matched"] == c["indicators_gold"] == c["indicators_pred"] == 480


def test_provenance_points_back_to_the_line() -> None:
    from perfparse import parse

    src = ROOT / "samples" / "001_1eb78efaeb72a928.txt"
    doc = parse(src)
    lines = src.read_text(encoding="utf-8").split("\n")
    for ind in doc.forms[0].indicators:
        assert ind.provenance is not None and ind.provenance.line is not None
        assert ind.name in lines[ind.provenance.line - 1].replace(" ", "")


def test_unit_implausible_warning_and_duplicate() -> None:
    from perfparse import parse

    doc = parse(ROOT / "samples" / "000_053aada0b46687b9.txt")
    f17 = doc.forms[17]
    assert f17.funds_unit == "万元"
    assert {f.line: f.annual for f in f17.funds}["total"] == 123475.0
    assert any(w.code == "unit-implausible" for w in f17.warnings)
    assert doc.forms[4].duplicate_of == 3
    assert doc.forms[3].duplicate_of is None
