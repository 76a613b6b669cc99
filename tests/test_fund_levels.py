"""Fund lines named by a government level are read against the form's own level
(perfparse.normalise.govlevel): the same 市级资金 is the form's own money on a 市 form
and a superior's on a 区 form."""

from __future__ import annotations

import pytest

from perfparse.grammar import load_grammar
from perfparse.normalise.govlevel import line_by_level, own_tier

G = load_grammar()


@pytest.mark.parametrize(("place", "label", "line"), [
    ("某某市市级财政项目支出绩效自评表", "其中：中央和省级补助资金", "fiscal_superior"),
    ("某某市市级财政项目支出绩效自评表", "市级资金", "fiscal_local"),
    ("某某市市级财政项目支出绩效自评表", "县（区）级配套资金", "fiscal_subordinate"),
    ("某某市某某区项目支出绩效自评表", "其中：市级补助资金", "fiscal_superior"),
    ("某某市某某区项目支出绩效自评表", "区级财政资金", "fiscal_local"),
    ("某某州州级项目支出绩效目标申报表", "县市配套资金", "fiscal_subordinate"),
    ("某某市农业农村局", "其中：中央及自治区补助资金", "fiscal_superior"),
    ("某某自治区某某厅", "其中：中央及自治区补助资金", "fiscal_local"),
    ("第某师某某市农业农村局", "师市本级资金", "fiscal_local"),
    # a bare level before a 财政 word names the account; offices are no money
    ("某某市某某区项目支出绩效自评表", "区财政拨款", None),
    ("某某市某某区项目支出绩效自评表", "市级主管部门", None),
    # no place name, no own level: the label lists decide
    ("项目支出绩效自评表", "市级资金", None),
])
def test_line_by_level(place: str, label: str, line: str | None) -> None:
    assert line_by_level(G, label, own_tier(G, (place,))) == line


def test_own_level_skips_words_that_are_no_place() -> None:
    # 乡村振兴局 holds 乡, but no place name ends there: the unit is the city.
    assert own_tier(G, ("某某市乡村振兴局",)) == own_tier(G, ("某某市",))
    assert own_tier(G, ("", "某某县农业农村局")) == own_tier(G, ("某某县",))
