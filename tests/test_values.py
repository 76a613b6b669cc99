"""Table-driven tests of perfparse.normalise.values, in the style of price-parser's.

The first part of VALUES is harvested from the reference answers in tests/gold/ (one row
per distinct shape); the rest are real-world shapes the seeds do not show, with
expected values worked out from spec/records.md ("A value object").
"""

from __future__ import annotations

import json
import re
from dataclasses import FrozenInstanceError, astuple
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from perfparse.grammar import (
    GrammarError,
    Values,
    bundled_grammar,
    load_grammar,
    read_yaml,
    validate_model,
)
from perfparse.normalise.values import (
    ParsedValue,
    parse_amount,
    parse_date,
    parse_percent,
    parse_score,
    parse_unit_header,
)

GOLD = Path(__file__).parent / "gold"

Row = tuple[str, str | None, float | None, float | None, str | None, float | None, str | None]


def null(raw: str) -> Row:
    """A cell that is not one quantity: only raw is kept."""
    return (raw, None, None, None, None, None, None)


# (input, op, value, value_max, unit, base_value, base_unit)
VALUES: list[Row] = [
    # --- shapes from the gold files ---
    ('=3.00(个)', '=', 3.0, None, '个', 3.0, '个'),
    ('=100.00(%)', '=', 100.0, None, '%', 100.0, '%'),
    ('1-2(秒)', 'range', 1.0, 2.0, '秒', 1.0, '秒'),
    ('≥20.00(万人次)', '>=', 20.0, None, '万人次', 200000.0, '人次'),
    ('≥ 80.00 (%)', '>=', 80.0, None, '%', 80.0, '%'),
    ('100%', None, 100.0, None, '%', 100.0, '%'),
    ('≥1.00(次)', '>=', 1.0, None, '次', 1.0, '次'),
    ('=104.00(人)', '=', 104.0, None, '人', 104.0, '人'),
    ('≥90.00(%)', '>=', 90.0, None, '%', 90.0, '%'),
    ('=12.00(个月)', '=', 12.0, None, '个月', 12.0, '个月'),
    ('=0.00(例)', '=', 0.0, None, '例', 0.0, '例'),
    ('=900.00(集)', '=', 900.0, None, '集', 900.0, '集'),
    ('=5300.00(分钟)', '=', 5300.0, None, '分钟', 5300.0, '分钟'),
    ('≥20.00(万户)', '>=', 20.0, None, '万户', 200000.0, '户'),
    ('≥90.00%', '>=', 90.0, None, '%', 90.0, '%'),
    ('=4.50(万份/周)', '=', 4.5, None, '万份/周', 45000.0, '份/周'),
    ('=325.00(份/周)', '=', 325.0, None, '份/周', 325.0, '份/周'),
    ('=12.00(期)', '=', 12.0, None, '期', 12.0, '期'),
    ('=8.00(个版面/周)', '=', 8.0, None, '个版面/周', 8.0, '个版面/周'),
    ('≥100.00 (%)', '>=', 100.0, None, '%', 100.0, '%'),
    ('=0.00 (%)', '=', 0.0, None, '%', 0.0, '%'),
    ('=1.00(份)', '=', 1.0, None, '份', 1.0, '份'),
    ('=2.00(次)', '=', 2.0, None, '次', 2.0, '次'),
    ('=100.00(人次)', '=', 100.0, None, '人次', 100.0, '人次'),
    ('=2.00(场)', '=', 2.0, None, '场', 2.0, '场'),
    ('≥1925.00(篇)', '>=', 1925.0, None, '篇', 1925.0, '篇'),
    ('>250.00(期)', '>', 250.0, None, '期', 250.0, '期'),
    ('>1300.00(条)', '>', 1300.0, None, '条', 1300.0, '条'),
    ('≥1000件', '>=', 1000.0, None, '件', 1000.0, '件'),
    ('≥90%', '>=', 90.0, None, '%', 90.0, '%'),
    ('=0.00(件)', '=', 0.0, None, '件', 0.0, '件'),
    ('>300.00(篇)', '>', 300.0, None, '篇', 300.0, '篇'),
    ('4套', None, 4.0, None, '套', 4.0, '套'),
    ('>90%', '>', 90.0, None, '%', 90.0, '%'),
    ('>=95%', '>=', 95.0, None, '%', 95.0, '%'),
    ('=0次', '=', 0.0, None, '次', 0.0, '次'),
    ('=4', '=', 4.0, None, None, 4.0, None),
    ('<=5%', '<=', 5.0, None, '%', 5.0, '%'),
    ('12', None, 12.0, None, None, 12.0, None),
    ('=100%', '=', 100.0, None, '%', 100.0, '%'),
    ('4个季度', None, 4.0, None, '个季度', 4.0, '个季度'),
    ('>=5万', '>=', 5.0, None, '万', 50000.0, None),
    ('12个月', None, 12.0, None, '个月', 12.0, '个月'),
    ('=12场次', '=', 12.0, None, '场次', 12.0, '场次'),
    ('=12个月', '=', 12.0, None, '个月', 12.0, '个月'),
    ('=24小时', '=', 24.0, None, '小时', 24.0, '小时'),
    ('<3.00 (%)', '<', 3.0, None, '%', 3.0, '%'),
    ('<24.00(小时)', '<', 24.0, None, '小时', 24.0, '小时'),
    ('>95.00(%)', '>', 95.0, None, '%', 95.0, '%'),
    ('≥200.00(学时)', '>=', 200.0, None, '学时', 200.0, '学时'),
    ('≥50.00(个)', '>=', 50.0, None, '个', 50.0, '个'),
    ('=100 (%)', '=', 100.0, None, '%', 100.0, '%'),
    ('≥90 (%)', '>=', 90.0, None, '%', 90.0, '%'),
    ('≥20.00(分钟)', '>=', 20.0, None, '分钟', 20.0, '分钟'),
    ('≤3.00(%)', '<=', 3.0, None, '%', 3.0, '%'),
    ('=6(篇)', '=', 6.0, None, '篇', 6.0, '篇'),
    ('≥1(次)', '>=', 1.0, None, '次', 1.0, '次'),
    ('=6(期)', '=', 6.0, None, '期', 6.0, '期'),
    ('≥13(份)', '>=', 13.0, None, '份', 13.0, '份'),
    ('=5.00(部)', '=', 5.0, None, '部', 5.0, '部'),
    ('≤24.00(小时)', '<=', 24.0, None, '小时', 24.0, '小时'),
    ('≥3000000', '>=', 3000000.0, None, None, 3000000.0, None),
    ('150万元', None, 150.0, None, '万元', 1500000.0, '元'),
    ('公众满意度≥90%', '>=', 90.0, None, '%', 90.0, '%'),
    ('110.40万元', None, 110.4, None, '万元', 1104000.0, '元'),
    ('达到群众满意≥90%', '>=', 90.0, None, '%', 90.0, '%'),
    ('群众满意度≥95%', '>=', 95.0, None, '%', 95.0, '%'),
    ('300张', None, 300.0, None, '张', 300.0, '张'),
    ('1场', None, 1.0, None, '场', 1.0, '场'),
    ('公众满意≥90%', '>=', 90.0, None, '%', 90.0, '%'),
    null('安全正常运行'),
    null('建立健全'),
    null('及时'),
    null('1080P'),
    null('14个街镇、工业区'),
    null('较2022年提升'),
    null('较2022年增长'),
    null('85%的人认为节目宣传效果较2022年提升'),
    null('85%的人认为节目播出效果较2022年提升'),
    null('2-7月完成'),
    null('8月完成'),
    null('每月2期'),
    null('较2022年有优化'),
    null('较2022年扩大'),
    null('100%（按实际要求完成）'),
    null('每年3月前完成'),
    null('较2022年提升10%'),
    null('3月底前'),
    null('1楼公共区域'),
    null('高'),
    null('是'),
    null('无'),
    null('完成项目建设4个,全面实现安全运营规范化'),
    null('2023年1月1日-2023年12月31日;按进度完成'),
    null('完成区人民政府网站1个全年运行管护'),
    null('宣传报道不文明行为短视频曝光数量1000次'),
    null('完成宣传报道不文明行为短视频曝光数量1000次'),
    null('按照仁和区创建全国文明城市指挥部办公室要求100%完成宣传报道和不文明行为曝光'),
    null('拍摄制作专题宣传片7部'),
    null('完成拍摄制作专题宣传片7部'),
    null('按照合同要求100%保质保量完成专题宣传片拍摄及制作'),
    null('发放新春促消活动券300张'),
    null('完成动车票兑换券1000张'),
    null('按活动方案,兑换发放的动车券1000张及新春促销活动券300张,确保活动圆满完成'),
    null('按活动方案,兑换发放的动车券1000张及新春促销活动券300张,活动圆满完成'),
    null('完成在沈阳市1场活动策划及现场活动执行'),
    null('2023年9月16日'),
    null('完成在乌鲁木齐市1场活动策划及现场活动执行'),
    # --- shapes the seeds do not show ---
    # full-width characters (NFKC): brackets, comparators, digits, percent sign
    ("=3.00（个）", "=", 3.0, None, "个", 3.0, "个"),
    ("≥80.00（%）", ">=", 80.0, None, "%", 80.0, "%"),
    ("≥９０％", ">=", 90.0, None, "%", 90.0, "%"),
    ("＞95%", ">", 95.0, None, "%", 95.0, "%"),
    ("＜5%", "<", 5.0, None, "%", 5.0, "%"),
    ("＝100％", "=", 100.0, None, "%", 100.0, "%"),
    ("≤5%", "<=", 5.0, None, "%", 5.0, "%"),
    ("≧85%", ">=", 85.0, None, "%", 85.0, "%"),
    ("≦5%", "<=", 5.0, None, "%", 5.0, "%"),
    ("=>90%", ">=", 90.0, None, "%", 90.0, "%"),
    # whitespace anywhere, markup the extractor should have removed
    ("≥ 90 %", ">=", 90.0, None, "%", 90.0, "%"),
    (" =12场次 ", "=", 12.0, None, "场次", 12.0, "场次"),
    ("$\\geq 90.00\\%$", ">=", 90.0, None, "%", 90.0, "%"),
    ("<p>≥90%</p>", ">=", 90.0, None, "%", 90.0, "%"),
    # comparator words, with and without a leading label
    ("不低于90%", ">=", 90.0, None, "%", 90.0, "%"),
    ("不少于3次", ">=", 3.0, None, "次", 3.0, "次"),
    ("大于等于95%", ">=", 95.0, None, "%", 95.0, "%"),
    ("不超过5%", "<=", 5.0, None, "%", 5.0, "%"),
    ("不高于24小时", "<=", 24.0, None, "小时", 24.0, "小时"),
    ("小于3秒", "<", 3.0, None, "秒", 3.0, "秒"),
    ("低于1%", "<", 1.0, None, "%", 1.0, "%"),
    ("高于80%", ">", 80.0, None, "%", 80.0, "%"),
    ("等于12个", "=", 12.0, None, "个", 12.0, "个"),
    ("满意度不低于90%", ">=", 90.0, None, "%", 90.0, "%"),
    ("满意度：≥90%", ">=", 90.0, None, "%", 90.0, "%"),
    ("服务对象（群众）满意度≥85%", ">=", 85.0, None, "%", 85.0, "%"),
    # thousands separators
    ("1,000", None, 1000.0, None, None, 1000.0, None),
    ("≥3,000,000", ">=", 3000000.0, None, None, 3000000.0, None),
    ("=1,200.50(元)", "=", 1200.5, None, "元", 1200.5, "元"),
    # magnifiers: scaled out of the unit, except where they are part of the unit
    ("10万份/周", None, 10.0, None, "万份/周", 100000.0, "份/周"),
    ("≥1.5亿元", ">=", 1.5, None, "亿元", 150000000.0, "元"),
    ("=2千人次", "=", 2.0, None, "千人次", 2000.0, "人次"),
    ("≤0.5万元", "<=", 0.5, None, "万元", 5000.0, "元"),
    ("3百万元", None, 3.0, None, "百万元", 3000000.0, "元"),
    ("≥5千克", ">=", 5.0, None, "千克", 5.0, "千克"),
    ("=12千米", "=", 12.0, None, "千米", 12.0, "千米"),
    # ranges
    ("80%-90%", "range", 80.0, 90.0, "%", 80.0, "%"),
    ("1~2小时", "range", 1.0, 2.0, "小时", 1.0, "小时"),
    ("1～2(小时)", "range", 1.0, 2.0, "小时", 1.0, "小时"),
    ("3至5(天)", "range", 3.0, 5.0, "天", 3.0, "天"),
    ("1秒-2秒", "range", 1.0, 2.0, "秒", 1.0, "秒"),
    ("2—3万人次", "range", 2.0, 3.0, "万人次", 20000.0, "人次"),
    # plain numbers and units
    ("0", None, 0.0, None, None, 0.0, None),
    ("0.5", None, 0.5, None, None, 0.5, None),
    ("3‰", None, 3.0, None, "‰", 3.0, "‰"),
    ("=2个百分点", "=", 2.0, None, "个百分点", 2.0, "个百分点"),
    ("≥100GB", ">=", 100.0, None, "GB", 100.0, "GB"),
    ("=5(台套)", "=", 5.0, None, "台套", 5.0, "台套"),
    ("≥35枚", ">=", 35.0, None, "枚", 35.0, "枚"),  # medals won
    ("=2对", "=", 2.0, None, "对", 2.0, "对"),
    ("≤3段", "<=", 3.0, None, "段", 3.0, "段"),
    # relative to another year or a baseline
    null("较2022年提升10%"),
    null("较上年增长≥10%"),
    null("同比增长≥5%"),
    # deadlines and dates
    null("3月底前"),
    null("12月31日前"),
    null("2023-12-31"),
    null("2023.12.31"),
    null("2023年1月-12月"),
    # several quantities or a sentence
    null("1000张及300张"),
    null("≥90%且≤95%"),
    null("3个,5人"),
    null("≥90%,≥95%"),
    null("达到80%以上"),
    # a comparator printed after the number is not in the contract's shape
    null("95%以上"),
    null("5%以内"),
    # a comparator and a range together, or a range with two different units
    null("≥1-2"),
    null("80%-90人"),
    # a unit that is not built from unit words
    null("5个工作组"),
    null("100分制"),
    # qualitative and Chinese numerals
    null("每月一次"),
    null("一次"),
    # malformed: none may raise
    null(""),
    null("   "),
    null(">="),
    null("%"),
    null("=-"),
    null("..5"),
    null("≥≥90"),
    null("=="),
    null("≥."),
    null("(%)"),
    null("=3.00("),
    null("90%%"),
    null("—"),
    null("1,2"),
    null("1,0000"),
    null("完成" + "1个月" * 3000),
    null("≥90%" * 500),
    # a measure word with its alternative in brackets is one unit, scaled as a whole
    ('≥210台(套)', '>=', 210.0, None, '台(套)', 210.0, '台(套)'),
    ('≥1.8万头(只)', '>=', 1.8, None, '万头(只)', 18000.0, '头(只)'),
]

assert len(VALUES) >= 80


@pytest.mark.parametrize(("text", "op", "value", "value_max", "unit", "base_value", "base_unit"),
                         VALUES, ids=[repr(r[0])[:40] for r in VALUES])
def test_fromstring(text: str, op: str | None, value: float | None, value_max: float | None,
                    unit: str | None, base_value: float | None, base_unit: str | None) -> None:
    parsed = ParsedValue.fromstring(text)
    assert parsed == ParsedValue(text.strip(), op, value, value_max, unit, base_value, base_unit)


def _gold_values() -> list[dict[str, Any]]:
    values = []
    for f in sorted(GOLD.glob("*.json")):
        for form in json.loads(f.read_text(encoding="utf-8"))["forms"]:
            for ind in form["indicators"]:
                values += [v for v in (ind["target"], ind["actual"]) if v is not None]
    return values


def test_every_gold_value() -> None:
    """Every target/actual of the reference answers, not only one row per shape."""
    gold = _gold_values()
    assert gold
    wrong = [(g, p) for g in gold
             if (p := ParsedValue.fromstring(g["raw"])) != ParsedValue(**g)]
    assert not wrong, wrong[:5]


def test_parsed_value_is_frozen_and_cached() -> None:
    a = ParsedValue.fromstring("≥90%")
    assert a is ParsedValue.fromstring("≥90%")
    with pytest.raises(FrozenInstanceError):
        a.value = 1.0  # type: ignore[misc]
    assert astuple(a) == ("≥90%", ">=", 90.0, None, "%", 90.0, "%")


# (text, header multiplier, yuan)
AMOUNTS: list[tuple[str, float, float | None]] = [
    ("900,000.00", 1.0, 900000.0),
    ("1,015,077", 1.0, 1015077.0),
    ("1,028,667.23", 1.0, 1028667.23),
    ("24,091,287.99", 1.0, 24091287.99),
    ("384583.34", 1.0, 384583.34),
    ("10805000.00", 1.0, 10805000.0),
    ("0", 1.0, 0.0),
    ("0.00", 1.0, 0.0),
    ("0", 10000.0, 0.0),
    ("11.8", 1.0, 11.8),
    ("11.8", 10000.0, 118000.0),
    ("30", 10000.0, 300000.0),
    ("150万元", 1.0, 1500000.0),
    ("150万元", 10000.0, 1500000.0),  # the unit in the cell wins over the header's
    ("200元", 10000.0, 200.0),
    ("11.8万元", 1.0, 118000.0),
    ("0.43万元", 1.0, 4300.0),
    ("110.40万元", 1.0, 1104000.0),
    ("30万", 1.0, 300000.0),
    ("5千元", 1.0, 5000.0),
    ("1.5亿元", 1.0, 150000000.0),
    ("１２３", 1.0, 123.0),
    ("１２３．４５", 1.0, 123.45),
    ("１５０万元", 1.0, 1500000.0),
    ("￥1,000.00", 1.0, 1000.0),
    ("¥ 1,000", 1.0, 1000.0),
    ("  300,000.00 ", 1.0, 300000.0),
    ("300 000.00", 1.0, 300000.0),
    ("-1,000.00", 1.0, -1000.0),
    ("—", 1.0, None),
    ("-", 1.0, None),
    ("－", 1.0, None),
    ("", 1.0, None),
    ("/", 1.0, None),
    ("无", 1.0, None),
    ("100%", 1.0, None),
    ("1,2", 1.0, None),
    ("12万人次", 1.0, None),
    ("约150万元", 1.0, None),
]


@pytest.mark.parametrize(("text", "multiplier", "expected"), AMOUNTS)
def test_parse_amount(text: str, multiplier: float, expected: float | None) -> None:
    assert parse_amount(text, multiplier) == expected


PERCENTS: list[tuple[str, float | None]] = [
    ("100.00%", 100.0),
    ("100.0%", 100.0),
    ("44.04", 44.04),
    ("44.04%", 44.04),
    ("3.64%", 3.64),
    ("0.00%", 0.0),
    ("0", 0.0),
    ("99%", 99.0),
    ("１００％", 100.0),
    ("100.00 %", 100.0),
    ("—", None),
    ("", None),
    ("%", None),
    ("≥90%", None),
    ("未完成", None),
]


@pytest.mark.parametrize(("text", "expected"), PERCENTS)
def test_parse_percent(text: str, expected: float | None) -> None:
    assert parse_percent(text) == expected


SCORES: list[tuple[str, float | None]] = [
    ("5", 5.0),
    ("10", 10.0),
    ("98.00", 98.0),
    ("90.5", 90.5),
    ("1.5", 1.5),
    ("0", 0.0),
    ("10分", 10.0),
    ("１０", 10.0),
    (" 8 ", 8.0),
    ("—", None),
    ("-", None),
    ("/", None),
    ("", None),
    ("满分", None),
]


@pytest.mark.parametrize(("text", "expected"), SCORES)
def test_parse_score(text: str, expected: float | None) -> None:
    assert parse_score(text) == expected


DATES: list[tuple[str, date | None]] = [
    ("2023-01-01", date(2023, 1, 1)),
    ("2023-12-31", date(2023, 12, 31)),
    ("2020-01-01", date(2020, 1, 1)),
    ("2023/1/1", date(2023, 1, 1)),
    ("2023/12/31", date(2023, 12, 31)),
    ("2023年1月1日", date(2023, 1, 1)),
    ("2023年3月31日", date(2023, 3, 31)),
    ("2023年1月1号", date(2023, 1, 1)),
    ("2023 年 1 月 1 日", date(2023, 1, 1)),
    ("2023.1.1", date(2023, 1, 1)),
    ("２０２３－０１－０１", date(2023, 1, 1)),
    ("2023-01-01 00:00:00", date(2023, 1, 1)),
    ("20230101", date(2023, 1, 1)),
    ("2023年1月", None),  # no day: not a date
    ("2023-01", None),
    ("2023", None),
    ("2023-02-30", None),
    ("2023-13-01", None),
    ("2023年1月1日-2023年12月31日", None),
    ("3月底前", None),
    ("—", None),
    ("", None),
    ("garbage", None),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


HEADERS: list[tuple[str, tuple[str | None, float]]] = [
    ("项目资金 (万元)", ("万元", 10000.0)),
    ("项目资金 (元)", ("元", 1.0)),
    ("项目资金（元）", ("元", 1.0)),
    ("项目资金（万元）", ("万元", 10000.0)),
    ("金额单位：万元", ("万元", 10000.0)),
    ("金额单位：元", ("元", 1.0)),
    ("金额单位:元", ("元", 1.0)),
    ("填报单位（盖章） 上海市闵行区文化和旅游局 金额单位：元", ("元", 1.0)),
    ("（单位：万元）", ("万元", 10000.0)),
    ("单位：亿元", ("亿元", 100000000.0)),
    ("年度资金总额（千元）", ("千元", 1000.0)),
    ("万元", ("万元", 10000.0)),
    ("元", ("元", 1.0)),
    ("执行率(%)", (None, 1.0)),
    ("项目资金", (None, 1.0)),
    ("实施单位", (None, 1.0)),
    ("年初预算数", (None, 1.0)),
    ("", (None, 1.0)),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS)
def test_parse_unit_header(text: str, expected: tuple[str | None, float]) -> None:
    assert parse_unit_header(text) == expected


def _bundled() -> dict[str, Any]:
    path = Path(__file__).parents[1] / "grammars" / "values.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "values.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_default_grammar_is_loaded_once() -> None:
    assert bundled_grammar() is bundled_grammar()
    assert isinstance(bundled_grammar().values, Values)


def test_a_grammar_is_data(tmp_path: Path) -> None:
    """Vocabulary lives in the YAML: a unit added in an overlay is parsed, with no code
    change."""
    _write(tmp_path, {"units": ["P"]})
    grammar = load_grammar(tmp_path)
    assert ParsedValue.fromstring("1080P", grammar).unit == "P"
    assert ParsedValue.fromstring("1080P").unit is None


@pytest.mark.parametrize(("change", "named"), [
    ({"unknown_key": 1}, "unknown_key"),
    ({"comparators": {"≥=": ["≥"]}}, "comparators"),
    ({"magnifiers": {"万": -1}}, "magnifiers"),
    ({"comparators": {}}, "comparators"),
    ({"units": []}, "units"),
    ({"dates": {"separators": ["-"], "typo": []}}, "dates.typo"),
    ({"comparators": {">=": ["≥"], "<=": ["≥"]}}, "both"),
])
def test_bad_grammar_names_file_and_key(tmp_path: Path, change: dict[str, object],
                                        named: str) -> None:
    path = _write(tmp_path, {**_bundled(), **change})
    with pytest.raises(GrammarError, match=re.escape(named)) as e:
        validate_model(Values, path, read_yaml(path))
    assert str(path) in str(e.value)


def test_a_bad_overlay_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, {"magnifiers": {"万": -1}})
    with pytest.raises(GrammarError, match="magnifiers") as e:
        load_grammar(tmp_path)
    assert str(path) in str(e.value)


@pytest.mark.parametrize("text", ["comparators: [unclosed", "- just\n- a list\n"])
def test_bad_yaml_names_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GrammarError, match=r"values\.yaml"):
        load_grammar(tmp_path)
