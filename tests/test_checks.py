"""Cross-checks warn about numbers that do not add up, and keep them as printed."""

from __future__ import annotations

from perfparse import parse_bytes

SELF_EVAL = """财政项目支出绩效自评表
(2023年度)
项目名称\t核对项目
主管部门\t某部\t\t\t实施单位\t某中心
项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t1000\t1000\t800\t10\t90.00%\t9
\t其中：当年财政拨款\t900\t900\t800\t—\t\t
\t上年结转资金\t0\t0\t0\t—\t\t
\t其他资金\t0\t0\t0\t—\t\t
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t完成数\t=10个\t=9个\t50\t45\t一项未完成
满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t30\t30\t
总分\t\t\t\t\t100\t85\t
"""


def test_cross_checks_warn_and_keep_printed_numbers() -> None:
    f = parse_bytes("check.txt", SELF_EVAL.encode()).forms[0]
    codes = {w.code for w in f.warnings}
    # 45 + 30 + 9 = 84, printed 85; weights 50 + 30 + 10 = 90, printed 100;
    # 900 + 0 + 0 ≠ 1000; 800 / 1000 = 80 %, printed 90 %.
    assert {"score-sum-mismatch", "weight-sum-mismatch", "fund-identity-mismatch",
            "execution-rate-mismatch"} <= codes
    assert f.total_score == 85.0
    total = {x.line: x for x in f.funds}["total"]
    assert (total.adjusted_budget, total.executed, total.execution_rate) == (1000.0, 800.0, 90.0)
    assert (total.weight, total.score) == (10.0, 9.0)
    ind = f.indicators[0]
    assert (ind.weight, ind.score, ind.deviation_reason) == (50.0, 45.0, "一项未完成")
    assert ind.actual is not None and ind.actual.value == 9.0


def test_numbers_that_add_up_give_no_warning() -> None:
    good = (SELF_EVAL.replace("\t900\t900\t800\t", "\t1000\t1000\t800\t")
            .replace("90.00%", "80.00%").replace("\t100\t85\t", "\t90\t84\t"))
    f = parse_bytes("check.txt", good.encode()).forms[0]
    assert not {w.code for w in f.warnings} & {"score-sum-mismatch", "weight-sum-mismatch",
                                               "fund-identity-mismatch",
                                               "execution-rate-mismatch"}


def test_a_form_whose_indicator_table_was_lost_says_so() -> None:
    # The indicator rows printed as prose, as a PDF without table rulings reads.
    lost = SELF_EVAL.split("一级指标")[0] + "一级指标 二级指标 三级指标 年度指标值\n"
    f = parse_bytes("lost.txt", lost.encode()).forms[0]
    assert not f.indicators
    assert "no-indicators" in {w.code for w in f.warnings}
    assert "no-indicators" not in {w.code for w in parse_bytes(
        "check.txt", SELF_EVAL.encode()).forms[0].warnings}
