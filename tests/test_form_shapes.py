"""Shapes of printed fields, fund blocks and rows, each as a tiny form and what it must give.

Every form here is invented; the expected values are what the printed cells say under the
record contract (spec/records.md), written by hand.
"""

from __future__ import annotations

from typing import Any

import pytest

from perfparse import parse_bytes
from perfparse.validate.records import Form

HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"
ROWS = ("产出指标\t数量指标\t巡查次数\t≥12次\t12次\t40\t40\n"
        "效益指标\t社会效益指标\t隐患整改率\t100%\t95%\t50\t45\n")


def form(head: str, rows: str = ROWS, header: str = HEADER,
         title: str = "项目支出绩效自评表") -> Form:
    text = f"{title}\n（2023年度）\n{head}\n{header}\n{rows}"
    doc = parse_bytes("shape.txt", text.encode())
    assert len(doc.forms) == 1
    return doc.forms[0]


def funds(f: Form) -> dict[str, dict[str, Any]]:
    return {x.line: {k: v for k, v in x.model_dump().items()
                     if v is not None and k not in ("line", "label", "provenance")}
            for x in f.funds}


PROJECT_CASES = [
    # (printed header rows, project fields expected)
    ("项目名称\t33010023X000000012345-城区巡查经费",
     {"code": "33010023X000000012345", "name": "城区巡查经费"}),
    ("项目名称\t民生保障类-城区巡查经费", {"category": "民生保障类", "name": "城区巡查经费"}),
    ("项目名称\t城区巡查经费\t项目负责人及电话\t李四0571-8765432",
     {"manager": "李四", "phone": "0571-8765432"}),
    ("项目名称\t城区巡查经费\n实施期\t2023.03-2024.02",
     {"start_date": "2023-03-01", "end_date": "2024-02-29"}),
    ("项目名称\t城区巡查经费\n项目期\t2023-2025",
     {"start_date": "2023-01-01", "end_date": "2025-12-31"}),
    ("项目名称\t城区巡查经费\n实施期限\t2024年1月-2024年12月",
     {"start_date": "2024-01-01", "end_date": "2024-12-31"}),
    ("项目名称\t城区巡查经费\n项目起止日期\t2024年3月1日—2024年12月31日",
     {"start_date": "2024-03-01", "end_date": "2024-12-31"}),
    ("项目名称\t城区巡查经费\n项目起止时间\t20230301\t到\t20231130",
     {"start_date": "2023-03-01", "end_date": "2023-11-30"}),
    ("项目名称\t城区巡查经费\n项目类别\t1、专项项目 □ 2、部门预算项目 ☑",
     {"category": "部门预算项目"}),
    ("项目名称\t城区巡查经费\n项目类型\t1、一次性项目 口 2、常年性项目 ☑",
     {"nature": "常年性项目"}),
    ("项目名称\t城区巡查经费\n实施(主管)单位\t某区城管局",
     {"department": "某区城管局", "implementer": "某区城管局"}),
    ("项目名称\t城区巡查经费\n填报单位:(盖章)某区城管局",
     {"implementer": "某区城管局"}),
    # OCR lost the ruling between a value and the next label: 李四联系人： | 王五.
    ("项目名称\t城区巡查经费\n项目负责人\t李四联系人：\t王五\t联系电话\t0571-8765432",
     {"manager": "李四", "contact": "王五", "phone": "0571-8765432"}),
]


@pytest.mark.parametrize(("head", "expected"), PROJECT_CASES)
def test_project_fields(head: str, expected: dict[str, str]) -> None:
    p = form(head).project.model_dump(mode="json")
    assert {k: p[k] for k in expected} == expected


FUND_CASES = [
    # a caption with a score annotation, 预算数 in a self-evaluation = adjusted budget
    ("项目名称\t巡查经费\n预算执行情况(万元)(20分)\t预算数\t执行数\t执行率\t得分\n"
     "年度资金总额\t40\t38\t95%\t19",
     {"total": {"adjusted_budget": 400000.0, "executed": 380000.0, "execution_rate": 95.0,
                "weight": 20.0, "score": 19.0}}),
    # label/amount pairs under group heads
    ("项目名称\t巡查经费\n预算执行情况\t预算安排情况\t\t资金执行情况\t\t预算执行进度(%)\n"
     "\t预算数\t30\t执行数\t27\t90\n\t其中:财政资金\t30\t其中:财政资金\t27",
     {"total": {"adjusted_budget": 30.0, "executed": 27.0, "execution_rate": 90.0},
      "fiscal": {"adjusted_budget": 30.0, "executed": 27.0}}),
    # left pair = project total, right pair = the year's
    ("项目名称\t巡查经费\n项目资金(万元)\t中期资金总额:\t90\t年度资金总额:\t30\n"
     "\t其中:财政拨款\t90\t其中:财政拨款\t30",
     {"total": {"project_total": 900000.0, "annual": 300000.0},
      "fiscal": {"project_total": 900000.0, "annual": 300000.0}}),
    # 本级 / 上级 with no total, amounts with 万
    ("项目名称\t巡查经费\n年度本级预算金额\t12.5万\t该项目支出上级资金\t3万",
     {"fiscal_local": {"annual": 125000.0}, "fiscal_superior": {"annual": 30000.0}}),
    # blocks side by side, named by their column, with their 其中 lines below
    ("项目名称\t巡查经费\n计划投资额(万元)\t\t50\t实际到位资金(万元)\t\t48\t实际使用情况(万元)\t\t45\n"
     "其中:\t上级补助\t20\t其中:\t上级补助\t20\t其中:\t上级补助\t18",
     {"total": {"project_total": 500000.0, "executed": 450000.0},
      "fiscal_superior": {"project_total": 200000.0, "executed": 180000.0}}),
    # fund line labels over a row of amounts
    ("项目名称\t巡查经费\n项目资金(万元)\t合计\t1、市级财政拨款\t2、其他资金\n\t30\t28\t2",
     {"total": {"adjusted_budget": 300000.0}, "fiscal": {"adjusted_budget": 280000.0},
      "other": {"adjusted_budget": 20000.0}}),
    # an amount row under the block's heads, with no line label and a note beside it
    ("项目名称\t巡查经费\n资金情况(万元)\t全年预算数\t全年执行数\t执行率\t备注\n"
     "\t12\t11.4\t95%\t结余资金已收回",
     {"total": {"adjusted_budget": 120000.0, "executed": 114000.0, "execution_rate": 95.0}}),
    # a rate and a weight printed as label/value pairs of the total line
    ("项目名称\t巡查经费\n项目资金\t项目总预算\t20\n\t年度预算执行率\t100%\t分值\t10分",
     {"total": {"project_total": 20.0, "execution_rate": 100.0, "weight": 10.0}}),
    # transposed: the lines head the columns, each row is led by a column's name
    ("项目名称\t巡查经费\n年度预算执行情况(万元)\t\t年度资金总额\t其中:财政拨款\t其他资金\t分值\t得分\n"
     "\t预算数\t40\t36\t4\t10\t9.5\n\t执行数\t38\t35\t3\n\t执行率\t95%\t97.22%\t75%",
     {"total": {"adjusted_budget": 400000.0, "executed": 380000.0, "execution_rate": 95.0,
                "weight": 10.0, "score": 9.5},
      "fiscal": {"adjusted_budget": 360000.0, "executed": 350000.0, "execution_rate": 97.22},
      "other": {"adjusted_budget": 40000.0, "executed": 30000.0, "execution_rate": 75.0}}),
    # one amount column, headed beside the label column's own head
    ("项目名称\t巡查经费\n资金情况(万元)\t资金来源\t年度预算数\n\t资金总额\t30\n\t其中:财政资金\t25",
     {"total": {"adjusted_budget": 300000.0}, "fiscal": {"adjusted_budget": 250000.0}}),
    # one row of lines, each with its amount after a colon, and some left blank
    ("项目名称\t巡查经费\n项目资金申请(万元)\t资金总额: 30\t财政拨款: 28\t事业收入:\t其他: 2",
     {"total": {"annual": 300000.0}, "fiscal": {"annual": 280000.0},
      "other": {"annual": 20000.0}}),
    # the block written out in one cell beside its caption, parts nested, units in it
    ("项目名称\t巡查经费\n年度资金总额及构成\t总额50万元 一、财政拨款：40万元（其中：上级补助："
     "30万元；本级财政：10万元） 二、其他资金：10万元",
     {"total": {"adjusted_budget": 500000.0}, "fiscal": {"adjusted_budget": 400000.0},
      "fiscal_superior": {"adjusted_budget": 300000.0},
      "fiscal_local": {"adjusted_budget": 100000.0}, "other": {"adjusted_budget": 100000.0}}),
    # ...beside a line's label, the sum unnamed
    ("项目名称\t巡查经费\n项目资金\t年度资金总额\t35万元，其中财政拨款30万元、其他资金5万元",
     {"total": {"annual": 350000.0}, "fiscal": {"annual": 300000.0},
      "other": {"annual": 50000.0}}),
    # a description's amounts beside no fund label are no fund lines
    ("项目名称\t巡查经费\n项目概况\t总投资60万元，其中财政拨款40万元，建设道路2公里",
     {}),
]


@pytest.mark.parametrize(("head", "expected"), FUND_CASES)
def test_fund_shapes(head: str, expected: dict[str, dict[str, float]]) -> None:
    assert funds(form(head)) == expected


def test_one_unit_column_serves_the_target_and_a_bare_actual() -> None:
    f = form("项目名称\t巡查经费", "产出指标\t数量指标\t巡查次数\t次\t≥12\t12\t40\t40\n",
             "一级指标\t二级指标\t三级指标\t计量单位\t年度指标值\t实际完成值\t分值\t得分")
    ind = f.indicators[0]
    assert (ind.target.raw, ind.target.value, ind.target.unit) == ("≥12次", 12.0, "次")
    assert (ind.actual.raw, ind.actual.value, ind.actual.unit) == ("12次", 12.0, "次")


def test_a_direction_column_is_no_comparator_and_a_weight_may_be_a_share() -> None:
    f = form("项目名称\t巡查经费", "产出指标\t数量指标\t巡查次数\t正向\t12\t次\t15%\n"
             "产出指标\t时效指标\t完成时间\t定性\t年底前\t\t10%\n",
             "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t权重",
             title="项目支出绩效目标表")
    first, second = f.indicators
    assert (first.target.raw, first.target.op, first.target.value) == ("12次", None, 12.0)
    assert first.weight == 15.0 and first.extras == {"指标性质": "正向"}
    assert (second.target.raw, second.target.value, second.weight) == ("年底前", None, 10.0)


def test_a_comparator_column_is_found_by_its_cells_beside_a_direction_column() -> None:
    """指标性质 holding directions (正向) and 指标方向 holding the comparators, heads the other
    way round from their usual sense: the comparators are the target's, the directions
    an extra."""
    f = form("项目名称\t巡查经费", "产出指标\t数量指标\t巡查次数\t正向\t≥\t12\t次\t15\n"
             "产出指标\t质量指标\t合格率\t正向\t=\t100\t%\t10\n",
             "一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值",
             title="项目支出绩效目标表")
    first, second = f.indicators
    assert (first.target.raw, first.target.op, first.target.value) == ("≥12次", ">=", 12.0)
    assert (second.target.op, second.target.value) == ("=", 100.0)
    assert first.extras == {"指标性质": "正向"}


def test_a_comparator_ocr_read_as_two_strokes_is_equal() -> None:
    """A lone = in a comparator column of a scan comes back from OCR as 二."""
    f = form("项目名称\t巡查经费", "产出指标\t质量指标\t合格率\t二\t100\t%\t10\n"
             "产出指标\t数量指标\t巡查次数\t≥\t12\t次\t10\n",
             "一级指标\t二级指标\t三级指标\t计算符号\t目标值\t度量单位\t分值",
             title="项目支出绩效目标表")
    first, second = f.indicators
    assert (first.target.raw, first.target.op, first.target.value) == ("=100%", "=", 100.0)
    assert (second.target.raw, second.target.op) == ("≥12次", ">=")


@pytest.mark.parametrize(("first", "ops", "extra"), [
    (("≥", "定性"), (">=", None), None),
    (("正向", "正向"), (None, None), "正向"),
])
def test_a_target_head_over_its_parts_keeps_its_role_on_the_first(
        first: tuple[str, str], ops: tuple[str | None, str | None], extra: str | None) -> None:
    """年度指标值 over 指标方向 | 指标值 | 计量单位: the group head's role stays on the first
    sub-column, whose head names no part. Printing comparators it is the comparator (定性
    for none); printing directions, the indicator's direction, kept as an extra."""
    header = ("一级指标\t二级指标\t三级指标\t年度指标值\t\t\t分值\n"
              "\t\t\t指标方向\t指标值\t计量单位\t")
    rows = (f"产出指标\t数量指标\t新增学位\t{first[0]}\t540\t个\t10\n"
            f"产出指标\t时效指标\t开园时间\t{first[1]}\t9月1日前\t\t10\n")
    f = form("项目名称\t巡查经费", rows, header, title="项目支出绩效目标表")
    one, two = f.indicators
    assert (one.target.op, one.target.value, one.target.unit) == (ops[0], 540.0, "个")
    assert one.target.raw == ("≥540个" if ops[0] else "540个")
    assert (two.target.raw, two.target.op) == ("9月1日前", ops[1])
    assert one.extras == ({"指标性质": extra} if extra else {})


def test_budget_execution_row_of_the_indicator_table_is_the_fund_lines_score() -> None:
    rows = ROWS + "预算执行率\t预算执行率\t预算执行率\t100%\t95%\t10\t9.5\n"
    f = form("项目名称\t巡查经费", rows=rows)
    assert [i.name for i in f.indicators] == ["巡查次数", "隐患整改率"]
    assert funds(f)["total"] == {"weight": 10.0, "score": 9.5}


@pytest.mark.parametrize(("total_row", "score"), [
    ("总分\t\t\t\t\t100\t94.5", 94.5),  # both, in their columns
    ("总分\t\t\t\t\t\t94.5", 94.5),      # the score alone
    ("合计\t\t\t\t\t94.5", 94.5),        # a lone score in the weight column
])
def test_total_row(total_row: str, score: float) -> None:
    rows = ROWS.replace("\t45\n", "\t44.5\n") + total_row + "\n"
    f = form("项目名称\t巡查经费\n项目资金\t年度资金总额\t10\t分值\t10\t得分\t10", rows=rows)
    assert f.total_score == score


def test_a_weight_total_on_a_target_form_is_no_score() -> None:
    header = "一级指标\t二级指标\t三级指标\t指标值\t分值"
    rows = ("产出指标\t数量指标\t巡查次数\t≥12次\t60\n"
            "效益指标\t社会效益指标\t隐患整改率\t100%\t40\n合计\t\t\t\t100\n")
    f = form("项目名称\t巡查经费", rows=rows, header=header, title="项目支出绩效目标表")
    assert f.total_score is None and [i.weight for i in f.indicators] == [60.0, 40.0]


def test_placeholders_and_empty_level_rows_are_not_indicators() -> None:
    rows = ("产出指标(50分)\t数量指标\t指标1:巡查次数\t≥12次\t12次\t40\t40\n"
            "\t\t……\n\t\t指标2:\n效益指标(50分)\t经济效益指标\n"
            "\t社会效益指标\t隐患整改率\t100%\t95%\t50\t45\n")
    f = form("项目名称\t巡查经费", rows=rows)
    assert [(i.level1, i.level2, i.name) for i in f.indicators] == [
        ("产出指标", "数量指标", "巡查次数"), ("效益指标", "社会效益指标", "隐患整改率")]


def test_a_form_with_no_title_is_found_by_its_fields_and_table() -> None:
    doc = parse_bytes("t.txt", f"项目名称\t巡查经费\n{HEADER}\n{ROWS}".encode())
    assert [(f.project.name, f.form_kind, len(f.indicators)) for f in doc.forms] == [
        ("巡查经费", "self_evaluation", 2)]


def test_a_notice_sentence_naming_the_form_is_no_title() -> None:
    text = "关于报送2023年度项目支出绩效自评表的通知\n请各单位于3月底前报送项目支出绩效自评表。\n"
    with pytest.raises(Exception) as e:
        parse_bytes("n.txt", text.encode())
    assert getattr(e.value, "code", None) == "no-form"


def test_a_table_with_no_target_head_takes_its_column_of_quantities() -> None:
    header = "一级指标\t二级指标\t三级指标\t指标解释\t全区\t甲镇\t乙镇"
    rows = ("产出指标\t数量指标\t巡查次数\t反映巡查频次\t≥12次\t6次\t6次\n"
            "效益指标\t社会效益指标\t隐患整改率\t反映整改情况\t≥95%\t95%\t95%\n")
    f = form("项目名称\t巡查经费", rows=rows, header=header, title="项目支出绩效目标表")
    assert [i.target.raw if i.target else None for i in f.indicators] == ["≥12次", "≥95%"]
    assert "target-column-guessed" in {w.code for w in f.warnings}


def test_a_single_goal_text_is_the_annual_goal() -> None:
    f = form("项目名称\t巡查经费\n总体目标\t全年巡查城区道路，整改安全隐患。")
    assert (f.goals.overall, f.goals.annual) == (None, "全年巡查城区道路，整改安全隐患。")


@pytest.mark.parametrize("name_head", ["三@指标", "绩效指标明细", "考核内容项"])
def test_the_head_right_of_the_levels_names_the_indicator(name_head: str) -> None:
    """A name head OCR misread, or a synonym the grammar lacks: the indicator's name
    follows its levels in every layout of the family."""
    f = form("项目名称\t城区巡查经费", header=HEADER.replace("三级指标", name_head))
    assert [(i.level2, i.name, i.target.raw) for i in f.indicators] == [
        ("数量指标", "巡查次数", "≥12次"), ("社会效益指标", "隐患整改率", "100%")]


@pytest.mark.parametrize(("target", "warned"), [
    ("=6:00(次)", True),     # a point read as a colon: printed as a quantity, no number
    ("=1O0(%)", True),      # ...and inside a number
    ("不低于9O%", True),     # a letter O for a zero
    ("=6.00(次)", False),
    ("≥90%", False),
    ("按计划实施", False),   # a sentence is no quantity
    ("≥良好", False),
])
def test_a_quantity_that_reads_as_no_number_is_warned(target: str, warned: bool) -> None:
    row = f"产出指标\t数量指标\t巡查次数\t{target}\t12次\t40\t40\n"
    f = form("项目名称\t城区巡查经费", rows=row)
    assert f.indicators[0].target is not None and f.indicators[0].target.raw == target
    found = [w for w in f.warnings if w.code == "value-unreadable"]
    assert bool(found) == warned, [w.message for w in f.warnings]
