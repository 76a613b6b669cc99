"""One grammar everywhere: a --grammars folder reaches value parsing, text cleaning and
every `perfparse ingest` worker, not only labels and layouts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from perfparse import parse_bytes
from perfparse.extract.clean import clean_text
from perfparse.grammar import load_grammar

# A target form of the bundled Shanghai layout, except where an overlay is needed: an
# unusual unit (标箱) and comparator (不得低于), a traditional 項, and 资金项目名称 for 项目名称.
FORM = """财政项目支出绩效目标申报表
(2024年度)
{name_label}\t内河港区集装箱码头改造項目\t项目性质\t经常性项目\t项目类别\t一般性项目
主管部门\t某区交通委员会\t实施单位\t某区港航事业发展中心
项目资金 (元)\t项目资金总额\t\t年度资金申请总额\t200,000.00
\t其中：财政资金\t\t其中：当年财政拨款\t200,000.00

\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值
绩效 指标\t产出指标\t数量指标\t集装箱吞吐量\t≥5万标箱
\t\t质量指标\t装卸设备完好率\t不得低于95%
\t满意度指标\t服务对象满意度指标\t货主满意度\t≥90(%)
"""


def _form(name_label: str = "项目名称") -> bytes:
    return FORM.format(name_label=name_label).encode()


def _overlay(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _targets(grammar_dir: Path | None) -> dict[str, tuple[str | None, float | None, str | None]]:
    doc = parse_bytes("f.txt", _form(), grammar=load_grammar(grammar_dir))
    return {i.name: (i.target.op, i.target.value, i.target.unit)
            for i in doc.forms[0].indicators if i.name and i.target}


def test_a_values_overlay_changes_how_values_parse(tmp_path: Path) -> None:
    before = _targets(None)
    assert before["集装箱吞吐量"] == (None, None, None)  # 标箱 is no unit of the bundled grammar
    assert before["装卸设备完好率"][0] == "<"  # read as 不得 + 低于

    _overlay(tmp_path, "values.yaml", 'units: ["标箱"]\ncomparators:\n  ">=": ["不得低于"]\n')
    after = _targets(tmp_path)
    assert after["集装箱吞吐量"] == (">=", 5.0, "万标箱")
    assert after["装卸设备完好率"] == (">=", 95.0, "%")
    assert after["货主满意度"] == before["货主满意度"] == (">=", 90.0, "%")


def test_a_lookalikes_overlay_changes_the_cleaned_text(tmp_path: Path) -> None:
    assert clean_text("码头改造項目") == "码头改造項目"
    g = load_grammar(_overlay(tmp_path, "lookalikes.yaml", 'map:\n  "項": "项"\n'))
    assert clean_text("码头改造項目", g) == "码头改造项目"
    assert clean_text("项⽬", g) == "项目"  # the bundled table still applies

    doc = parse_bytes("f.txt", _form(), grammar=g)
    assert doc.forms[0].project.name == "内河港区集装箱码头改造项目"


def _ingest(archive: Path, out: Path, grammars: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "perfparse", "ingest", str(archive), "--out",
                           str(out), "--workers", "1", "--grammars", str(grammars)],
                          capture_output=True, text=True, timeout=300)


def test_ingest_parses_with_the_grammars_folder(tmp_path: Path) -> None:
    form = _form("资金项目名称")
    without = parse_bytes("f.txt", form, grammar=load_grammar())
    assert without.forms[0].project.name is None

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "form.txt").write_bytes(form)
    grammars = _overlay(tmp_path / "g", "labels.yaml",
                        "fields:\n  project.name: ['资金项目名称']\n")
    r = _ingest(archive, tmp_path / "out", grammars)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = (tmp_path / "out" / "jsonl" / "projects.jsonl").read_text(encoding="utf-8")
    projects = [json.loads(line) for line in lines.splitlines()]
    assert [p["name"] for p in projects] == ["内河港区集装箱码头改造項目"]


def test_ingest_stops_on_a_broken_grammars_folder(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "form.txt").write_bytes(_form())
    grammars = _overlay(tmp_path / "g", "values.yaml", "units: [unclosed\n")
    r = _ingest(archive, tmp_path / "out", grammars)
    assert r.returncode == 2, r.stdout + r.stderr
    assert str(grammars / "values.yaml") in r.stderr
    assert not (tmp_path / "out" / "perfparse.duckdb").exists()  # failed before any work
