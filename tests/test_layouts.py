"""A new province's layout is a YAML file, not code; broken grammars fail clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from perfparse import parse_bytes
from perfparse.grammar import GrammarError, load_grammar

PROVINCE_FORM = """项目支出绩效目标表
（2024年度）
项目名称\t51000021R000000019951-工资性支出
主管部门\t某省财政厅\t实施单位\t某省财政厅机关
项目资金（万元）\t年度资金总额\t150
\t其中：财政拨款\t150
一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重
产出指标\t数量指标\t发放人数\t≥\t90\t人\t20
\t\t发放完成率\t=\t100\t%\t20
\t时效指标\t发放及时性\t定性\t及时\t\t10
满意度指标\t服务对象满意度指标\t群众满意度\t≥\t90\t%\t10
"""

PROVINCE_LAYOUT = """\
name: province-x-target
description: 某省 项目支出绩效目标表 (指标性质 / 指标值 / 度量单位 / 权重 in columns of their own)
match:
  title: '绩效目标表'
  labels_all: ['指标性质', '度量单位']
form_kind: target
indicator_columns: [level1, level2, name, target_op, target_number, target_unit, weight]
"""


def test_new_layout_from_yaml(tmp_path: Path) -> None:
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "province-x.yaml").write_text(PROVINCE_LAYOUT, encoding="utf-8")
    without = parse_bytes("p.txt", PROVINCE_FORM.encode(), grammar=load_grammar())
    assert without.forms[0].layout != "province-x-target"  # read by the national family

    doc = parse_bytes("p.txt", PROVINCE_FORM.encode(), grammar=load_grammar(tmp_path))
    f = doc.forms[0]
    assert f.layout == "province-x-target"
    assert f.indicators == without.forms[0].indicators
    assert (f.project.code, f.project.name) == ("51000021R000000019951", "工资性支出")
    assert f.fiscal_year == 2024
    assert {x.line: x.annual for x in f.funds} == {"total": 1500000.0, "fiscal": 1500000.0}
    got = [(i.level1, i.level2, i.name, i.target.raw if i.target else None, i.weight)
           for i in f.indicators]
    assert got == [
        ("产出指标", "数量指标", "发放人数", "≥90人", 20.0),
        ("产出指标", "数量指标", "发放完成率", "=100%", 20.0),
        ("产出指标", "时效指标", "发放及时性", "及时", 10.0),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 10.0),
    ]
    t = f.indicators[0].target
    assert t is not None and (t.op, t.value, t.unit) == (">=", 90.0, "人")


# A province whose header names its columns in words no synonym lists, and whose
# title says nothing of the kind: only a layout file can say what they are.
OWN_WORDS_FORM = """项目名称\t河道保洁
一级指标\t二级指标\t三级指标\t考核标准值\t核定结果\t考核分
产出指标\t数量指标\t保洁河道长度\t≥12公里\t12.5公里\t30
效益指标\t生态效益指标\t水面漂浮物清除率\t≥95%\t96%\t30
"""

OWN_WORDS_LAYOUT = """\
name: own-words
match:
  title: ''
  labels_all: ['考核标准值', '核定结果']
form_kind: self_evaluation
columns: {考核标准值: target, 核定结果: actual, 考核分: score}
"""


def test_a_layout_file_states_column_roles_and_kind(tmp_path: Path) -> None:
    without = parse_bytes("w.txt", OWN_WORDS_FORM.encode(), grammar=load_grammar()).forms[0]
    assert without.indicators[0].actual is None  # 核定结果 is an unknown column: kept as extra
    assert without.indicators[0].extras["核定结果"] == "12.5公里"

    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "own.yaml").write_text(OWN_WORDS_LAYOUT, encoding="utf-8")
    f = parse_bytes("w.txt", OWN_WORDS_FORM.encode(), grammar=load_grammar(tmp_path)).forms[0]
    assert (f.layout, f.form_kind) == ("own-words", "self_evaluation")
    first = f.indicators[0]
    assert first.target is not None and first.target.raw == "≥12公里"
    assert first.actual is not None and first.actual.value == 12.5
    assert [i.score for i in f.indicators] == [30.0, 30.0]


def test_cli_takes_the_extra_grammar_folder(tmp_path: Path) -> None:
    (tmp_path / "g" / "layouts").mkdir(parents=True)
    (tmp_path / "g" / "layouts" / "x.yaml").write_text(PROVINCE_LAYOUT, encoding="utf-8")
    src = tmp_path / "form.txt"
    src.write_text(PROVINCE_FORM, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "perfparse", "parse", str(src), "--grammars",
                        str(tmp_path / "g")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert '"layout": "province-x-target"' in r.stdout


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\nmatch: {title: 'a'}\nform_kind: target\nindicator_columns: [name]\nbogus: 1\n",
     "bogus"),
    ("name: x\nmatch: {title: 'a'}\nform_kind: tarrget\nindicator_columns: [name]\n",
     "form_kind"),
    ("name: x\nmatch: {title: '(unclosed'}\nform_kind: target\nindicator_columns: [name]\n",
     "match.title"),
    ("name: [unclosed\n", "not valid YAML"),
])
def test_broken_layout_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "layouts").mkdir()
    bad = tmp_path / "layouts" / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(GrammarError) as e:
        load_grammar(tmp_path)
    assert str(bad) in str(e.value) and message in str(e.value)
