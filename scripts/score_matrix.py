"""Score every producer × variant folder of the matrix against the reference answers.

    python scripts/score_matrix.py                      # out/matrix/pdf/* and out/matrix/scan/*
    python scripts/score_matrix.py samples/pdf/chromium out/matrix/scan/grey-200

Each folder holds ``<stem>….pdf`` files (born-digital or scanned); each is parsed, paired
with tests/gold/<stem>.json and scored by tests/scorer.py. Prints one line per folder:
field F1, forms and indicators matched of the reference's, and the parser's own counts.
``--details N`` prints each folder's first N mismatches.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import scorer  # noqa: E402
from perfparse import ParseError, parse  # noqa: E402

GOLD = ROOT / "tests" / "gold"
MATRIX = ROOT / "out" / "matrix"


def gold_for(path: Path) -> dict:
    """The reference document for ``path`` (named after its first 20 characters), renamed
    to it."""
    stem = path.name[:20]
    doc = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    doc["source"]["file"] = path.name
    return doc


def score_folder(folder: Path, stems: list[str] | None = None,
                 reference: Callable[[Path], dict] = gold_for) -> dict:
    """The scorer's report for every file of ``folder`` (or those of the reference
    ``stems``) against its ``reference``."""
    with tempfile.TemporaryDirectory(prefix="perfparse-matrix-") as tmp:
        pred, gold = Path(tmp) / "pred", Path(tmp) / "gold"
        pred.mkdir()
        gold.mkdir()
        for path in sorted(p for p in folder.iterdir() if p.is_file()
                           and (not stems or p.name[:20] in stems)):
            ref = reference(path)
            (gold / f"{path.name}.json").write_text(json.dumps(ref, ensure_ascii=False),
                                                    encoding="utf-8")
            try:
                doc = parse(path).model_dump(mode="json")
            except ParseError as e:  # scored as a document with no form
                print(f"  {path.name}: {e.code}: {e.reason}", file=sys.stderr)
                doc = {"source": {"file": path.name}, "forms": []}
            (pred / f"{path.name}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                                    encoding="utf-8")
        report = Path(tmp) / "report.json"
        with contextlib.redirect_stdout(io.StringIO()):  # its per-field table, not wanted here
            scorer.main([str(gold), str(pred), "--json", str(report)])
        return json.loads(report.read_text(encoding="utf-8"))


def line(name: str, rep: dict) -> str:
    c = rep["counts"]
    return (f"{name:28s} F1 {rep['f1']:.4f}  forms {c['forms_matched']}/{c['forms_gold']} "
            f"(pred {c['forms_pred']})  indicators {c['indicators_matched']}/"
            f"{c['indicators_gold']} (pred {c['indicators_pred']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--details", type=int, default=0, help="mismatches shown per folder")
    ap.add_argument("--stems", nargs="*", help="only the files of these references "
                    "(e.g. 002_7f93d8ab5a9d0f21): scans take seconds a page")
    a = ap.parse_args()
    folders = a.folders or sorted(p for kind in ("pdf", "scan") if (MATRIX / kind).is_dir()
                                  for p in (MATRIX / kind).iterdir() if p.is_dir())
    for folder in folders:  # a line as each folder is done: a scan folder takes minutes
        rep = score_folder(folder, a.stems)
        print(line(f"{folder.parent.name}/{folder.name}", rep), flush=True)
        for m in rep["mismatches"][:a.details]:
            print("   ", m, flush=True)


if __name__ == "__main__":
    main()
