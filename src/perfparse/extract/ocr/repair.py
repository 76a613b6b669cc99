"""Misreadings of the OCR that only one text can mean, put right.

- Amounts: in a 150–200 dpi scan a thousands comma and a decimal point look alike, and
  ``24,091,287.99`` comes back as ``24,091.287.99``. An amount has one decimal point, so
  the points between groups of three digits before it are commas.
- Checkboxes: the recogniser reads an empty box as the geometric square □, where forms
  (and the normaliser) use the ballot box ☐.
- Brackets: a thin closing bracket at the end of a cell's text is often not read at all
  (时效（运营服务及时性 for 时效（运营服务及时性）). A bracket opened and never closed
  before the cell ends can only be closed there; and a speck of the scan after a closing
  bracket, a per cent sign or an ideograph that ends the cell, or between a number and
  its unit, is read as a dot or a colon (≥600.00(次)., 100%., 相符., <3.00.(%)), where no
  form prints one (a Chinese sentence ends in 。).
- Units: the bracketed unit after a target's number, 个 in a small font, comes back as the
  arrow ↑ (=N(↑)); no unit is an arrow.
- Traditional characters: the recogniser was trained on both scripts, and reads a blurred
  or thresholded simplified character as its traditional form (財政項目, 績效, 報紙數量,
  年度預算); the forms are printed in simplified characters only. OpenCC's t2s turns
  them back, by phrase where one traditional character has two simplified ones.
"""

from __future__ import annotations

from functools import cache

import opencc
import regex

_AMOUNT = regex.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+\.\d{1,2}(?![\d.,])")
_UNCLOSED = regex.compile(r"([（(])[^（()）]+$")
_CLOSING = {"（": "）", "(": ")"}
_SPECK = regex.compile(r"(?<=[)）%％]|\p{Han})[.,·]$")
# ...or between a number's decimals and its bracketed unit (<3.00.(%)).
_UNIT_SPECK = regex.compile(r"(?<=\d\.\d+)[.,·](?=\s*[(（])")
# ...read as a colon only after a value (a label's own colon, 项目资金(元)：, stays).
_COLON_SPECK = regex.compile(r"(?<=\d\s*(?:[(（][^()（）]*[)）]|[%％]))[:：]$")
_ARROW_UNIT = regex.compile(r"(?<=\d[(（])↑(?=[)）])")


def _amount(m: regex.Match[str]) -> str:
    s = m.group(0)
    point = s.rfind(".")
    return s[:point].replace(".", ",") + s[point:]


@cache
def _simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def repair(text: str) -> str:
    text = _simplified().convert(text)
    if "." in text:
        text = _AMOUNT.sub(_amount, text)
    if m := _UNCLOSED.search(text):
        text += _CLOSING[m[1]]
    text = _COLON_SPECK.sub("", _SPECK.sub("", _UNIT_SPECK.sub("", text)))
    if "↑" in text:
        text = _ARROW_UNIT.sub("个", text)
    return text.replace("□", "☐")
