"""The text extractor on the dump flavours users bring: tabs, Markdown, HTML, encodings."""

from __future__ import annotations

import pytest

from perfparse import parse_bytes
from perfparse.extract.clean import clean_text
from perfparse.extract.text.dumps import extract_text
from perfparse.grid import Line, Table

FORM_TSV = """财政项目支出绩效目标申报表
(2023年度)
项目名称\t测试项目\t项目性质\t经常性项目\t项目类别\t特定目标类
主管部门\t某局\t实施单位\t某中心
计划开始日期\t2023年1月1日\t计划完成日期\t2023/12/31
项目资金 (元)\t项目资金总额\t\t年度资金申请总额\t1,000.00
\t其中：财政资金\t\t其中：当年财政拨款\t1,000.00
\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值
绩效 指标\t产出指标\t数量指标\t培训人次\t$\\geq 90.00\\%$
\t\t时效指标\t完成及时性\t及时
\t满意度指标\t服务对象满意度 指 标\t满意度\t≥ 80.00 (%)
"""


def _form(data: bytes):
    doc = parse_bytes("x.txt", data)
    assert len(doc.forms) == 1
    return doc.forms[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings(encoding: str) -> None:
    f = _form(FORM_TSV.encode(encoding))
    assert f.project.name == "测试项目"
    assert f.project.start_date is not None and f.project.start_date.isoformat() == "2023-01-01"
    assert [i.name for i in f.indicators] == ["培训人次", "完成及时性", "满意度"]
    assert f.indicators[0].target is not None and f.indicators[0].target.op == ">="
    assert f.indicators[0].target.value == 90.0
    assert f.indicators[2].level2 == "服务对象满意度指标"


def test_markdown_pipe_tables() -> None:
    md = "\n".join("| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line
                   for line in FORM_TSV.splitlines())
    md = md.replace("| 项目名称", "| 项目名称", 1)
    lines = md.splitlines()
    lines.insert(3, "|---|---|---|---|---|---|")
    f = _form("\n".join(lines).encode())
    assert f.project.category == "特定目标类"
    assert [i.level1 for i in f.indicators] == ["产出指标", "产出指标", "满意度指标"]
    assert {x.line: x.annual for x in f.funds} == {"total": 1000.0, "fiscal": 1000.0}


HTML = """<html><body><h2>项目支出绩效自评表</h2><p>(2023年度)</p>
<table>
<tr><td>项目名称</td><td colspan="3">网页项目</td></tr>
<tr><td>项目类别</td><td colspan="3">一次性项目 <input type="checkbox"/> 经常性项目
 <input checked="" type="checkbox"/></td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>
<td>分值</td><td>得分</td></tr>
<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>培训班次</td><td>≥8次</td>
<td>8次</td><td>50</td><td>50</td></tr>
<tr><td>培训人数</td><td>=100人</td><td>90人</td><td>40</td><td>36</td></tr>
<tr><td>总分</td><td></td><td></td><td></td><td></td><td>90</td><td>88</td></tr>
</table></body></html>"""


def test_html_rowspan_carried_and_checkbox() -> None:
    grid = extract_text("p.html", HTML.encode())
    tables = [b for b in grid.blocks if isinstance(b, Table)]
    assert [b.text for b in grid.blocks if isinstance(b, Line)][:2] == ["项目支出绩效自评表",
                                                                         "(2023年度)"]
    spans = {(c.text, c.rowspan) for c in tables[0].cells if c.rowspan > 1}
    assert spans == {("产出指标", 2), ("数量指标", 2)}
    f = _form(HTML.encode())
    assert f.form_kind == "self_evaluation"
    assert f.project.nature == "经常性项目"
    assert [(i.name, i.level1, i.level2) for i in f.indicators] == [
        ("培训班次", "产出指标", "数量指标"), ("培训人数", "产出指标", "数量指标")]
    assert [i.score for i in f.indicators] == [50.0, 36.0]
    assert f.total_score == 88.0
    assert any(w.code == "score-sum-mismatch" for w in f.warnings)  # 50 + 36 ≠ 88


@pytest.mark.parametrize(("raw", "clean"), [
    ("<p>有效利用</p>", "有效利用"),
    ("$\\geq 90.00\\%$", "≥90.00%"),
    ("$\\leq 5\\%$", "≤5%"),
    ("满意度 指 标", "满意度指标"),
    ("项⽬名称", "项目名称"),
    ("一次性项目 <input type=\"checkbox\"/> 经常性项目 <input checked=\"\" type=\"checkbox\"/>",
     "一次性项目☐经常性项目☑"),
    ("Minhang Times 12 期", "Minhang Times 12期"),
    ("a<br/>b", "ab"),
    ("&lt;3.00%", "<3.00%"),
])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
