"""Indicator values, money, percents, scores and dates from cleaned cell text.

Modelled on the price-parser library: one value type, :class:`ParsedValue`, built
with :meth:`ParsedValue.fromstring`. A cell that states one quantity (an optional
leading label, an optional comparator, a number or a range, an optional unit,
optionally in brackets: ``公众满意度≥90%``, ``=3.00(个)``, ``1-2(秒)``) is parsed;
anything else keeps ``raw`` with every other field ``None``
(``spec/records.md``, "A value object").

All vocabulary — comparator spellings, range separators, magnifiers, unit words,
money units, date separators — is data in ``values.yaml`` of the run's grammar
(:class:`perfparse.grammar.Values`, overlays included), compiled to one regex per shape
the first time a grammar is used. Every function takes that grammar; without one, the
bundled grammar is used.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar, Values, bundled_grammar
from perfparse.validate.records import Op

# A thousands-grouped number must be tried first, or `1,000` would stop at `1`.
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_HAS_DIGIT = re.compile(r"[0-9０-９]")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _squash(s: str) -> str:
    """NFKC with all whitespace removed: the form every pattern is matched against."""
    return "".join(_nfkc(s).split())


def _alt(words: list[str]) -> str:
    """A regex alternation that tries longer spellings first (`>=` before `>`)."""
    uniq = sorted({_nfkc(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in uniq)


def _chars(words: list[str]) -> str:
    return "".join(re.escape(c) for c in sorted({c for w in words for c in _nfkc(w)}))


class _Compiled:
    """The patterns of one grammar, built once so that parsing never touches YAML."""

    def __init__(self, g: Values) -> None:
        self.ops = {_nfkc(s): op for op, spellings in g.comparators.items() for s in spellings}
        self.magnifiers = {_nfkc(k): Decimal(str(v)) for k, v in g.magnifiers.items()}
        self.money_units = {_nfkc(k): Decimal(str(v)) for k, v in g.money_units.items()}
        self.unscaled = tuple(_nfkc(u) for u in g.unscaled_units)
        self.relative = re.compile(_alt(g.relative_markers)) if g.relative_markers else None

        mag = _alt(list(g.magnifiers))
        word = f"(?:{_alt(g.units)})"
        per = f"(?:(?:{_alt(g.per_separators)}){word}{{1,2}})?" if g.per_separators else ""
        # Bounded repetition: unit words overlap (个/月/个月), and an unbounded run
        # would backtrack exponentially on long non-matching text.
        symbols = f"|{_alt(g.symbol_units)}" if g.symbol_units else ""
        opens = _chars([o for o, _ in g.brackets])
        closes = _chars([c for _, c in g.brackets])
        # A measure word may print its alternative in brackets (台(套), 头(只)): one unit.
        alt = f"(?:[{opens}]{word}{{1,2}}[{closes}])?" if g.brackets else ""
        unit = f"(?:(?:{mag})?{word}{{1,3}}{alt}{per}|{mag}{symbols})"
        signs = [s for s in self.ops if not s.isalpha()]
        label = f"[^0-9{_chars(signs + g.sentence_punctuation)}]*?"
        bracketed = f"|[{opens}](?P<bunit>{unit})[{closes}]" if g.brackets else ""
        # A comparator then a digit: a quantity as printed, whatever follows (=6:00(次)).
        self.quantity = re.compile(f"(?:{_alt(list(self.ops))})[0-9]")
        self.value = re.compile(
            f"(?:(?P<label>{label})(?P<op>{_alt(list(self.ops))}))?"
            f"(?P<lo>{_NUMBER})"
            f"(?:(?P<lo_unit>{unit})?(?:{_alt(g.range_separators)})(?P<hi>{_NUMBER}))?"
            f"(?:(?P<unit>{unit}){bracketed})?")

        self.scale = re.compile(f"(?P<mag>{mag})(?P<rest>.*)")
        currency = f"(?:{_alt(g.currency_symbols)})?" if g.currency_symbols else ""
        self.amount = re.compile(
            f"{currency}(?P<num>-?(?:{_NUMBER}))(?P<unit>{_alt(list(g.money_units))}|{mag})?")
        self.percent = re.compile(f"(?P<num>{_NUMBER})(?:{_alt(g.percent_signs)})?")
        score_units = f"(?:{_alt(g.score_units)})?" if g.score_units else ""
        self.score = re.compile(f"(?P<num>{_NUMBER}){score_units}")

        money = _alt(list(g.money_units))
        headers = [f"[{opens}](?P<bracketed>{money})[{closes}]"] if g.brackets else []
        if g.unit_header_markers:
            headers.append(f"(?:{_alt(g.unit_header_markers)}):?(?P<marked>{money})")
        self.header = re.compile("|".join(headers)) if headers else None
        self.header_exact = re.compile(money)

        sep = f"[{_chars(g.dates.separators)}]"
        day = f"(?:{_alt(g.dates.day_suffixes)})?" if g.dates.day_suffixes else ""
        self.date = re.compile(
            rf"(?:(?P<y>[0-9]{{4}}){sep}(?P<m>[0-9]{{1,2}}){sep}(?P<d>[0-9]{{1,2}}){day}"
            r"|(?P<cy>[0-9]{4})(?P<cm>[0-9]{2})(?P<cd>[0-9]{2}))"
            r"(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?")  # a time left by a spreadsheet export

    def split_unit(self, unit: str | None) -> tuple[Decimal, str | None]:
        """The magnifier factor of a unit and the unit without it (`万人次` → 1e4, `人次`)."""
        if unit is None or unit.startswith(self.unscaled):
            return Decimal(1), unit
        m = self.scale.fullmatch(unit)
        if m is None:
            return Decimal(1), unit
        return self.magnifiers[m["mag"]], m["rest"] or None


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """One indicator value (年度指标值 / 实际完成值) in the contract's value-object shape."""

    raw: str
    op: Op | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    base_value: float | None = None
    base_unit: str | None = None

    @classmethod
    def fromstring(cls, text: str, grammar: Grammar | None = None) -> ParsedValue:
        """Parse one cell; never raises on odd text, which just gives a null parse."""
        return _parse_value(text, grammar or bundled_grammar())


@lru_cache(maxsize=65536)  # forms repeat the same few dozen value cells
def _parse_value(text: str, grammar: Grammar) -> ParsedValue:
    raw = text.strip()
    if not _HAS_DIGIT.search(raw):
        return ParsedValue(raw)
    c = _compile(grammar)
    m = c.value.fullmatch(_squash(clean_text(raw, grammar)))
    if m is None:
        return ParsedValue(raw)
    label, op, hi, lo_unit = m["label"], m["op"], m["hi"], m["lo_unit"]
    unit = m["unit"] or m["bunit"]
    if label and c.relative and c.relative.search(label):
        return ParsedValue(raw)
    if hi is not None and op is not None:
        return ParsedValue(raw)  # `≥1-2`: a comparator and a range is not one quantity
    if lo_unit is not None and lo_unit != unit:
        return ParsedValue(raw)
    lo = Decimal(m["lo"].replace(",", ""))
    factor, base_unit = c.split_unit(unit)
    return ParsedValue(
        raw=raw,
        op="range" if hi is not None else c.ops[op] if op is not None else None,
        value=float(lo),
        value_max=float(hi.replace(",", "")) if hi is not None else None,
        unit=unit,
        base_value=float(lo * factor),
        base_unit=base_unit,
    )


def quantity_like(text: str, grammar: Grammar | None = None) -> bool:
    """Whether ``text`` opens with a comparator and a digit: a quantity as printed, so a
    value that does not parse is a misreading, not a sentence."""
    return bool(_compiled(grammar).quantity.match(_squash(text)))


def parse_amount(text: str, multiplier: float = 1.0, *,
                 grammar: Grammar | None = None) -> float | None:
    """A money cell in 元; a unit in the cell (`150万元`) wins over the header's ``multiplier``."""
    c = _compiled(grammar)
    m = c.amount.fullmatch(_squash(text))
    if m is None:
        return None
    unit = m["unit"]
    if unit is None:
        factor = Decimal(str(multiplier))
    else:
        factor = c.money_units[unit] if unit in c.money_units else c.magnifiers[unit]
    return float(Decimal(m["num"].replace(",", "")) * factor)


def parse_percent(text: str, *, grammar: Grammar | None = None) -> float | None:
    """A percentage cell as its number: `100.00%` → 100.0, `44.04` → 44.04."""
    m = _compiled(grammar).percent.fullmatch(_squash(text))
    return float(m["num"].replace(",", "")) if m else None


def parse_score(text: str, *, grammar: Grammar | None = None) -> float | None:
    """A weight or score cell (分值 / 权重 / 得分): `5`, `98.00`, `5分`; `—` → None."""
    m = _compiled(grammar).score.fullmatch(_squash(text))
    return float(m["num"].replace(",", "")) if m else None


def parse_date(text: str, *, grammar: Grammar | None = None) -> date | None:
    """A printed date with a day (`2023/1/1`, `2023年1月1日`); a month alone is not a date."""
    m = _compiled(grammar).date.fullmatch(_squash(text))
    if m is None:
        return None
    y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["cy"], m["cm"], m["cd"])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:  # 2023-02-30
        return None


def parse_unit_header(text: str, *,
                      grammar: Grammar | None = None) -> tuple[str | None, float]:
    """The money unit a header prints (`项目资金 (万元)`, `金额单位：元`) and its factor to 元."""
    c = _compiled(grammar)
    s = _squash(text)
    m = c.header_exact.fullmatch(s) or (c.header.search(s) if c.header else None)
    if m is None:
        return None, 1.0
    unit = m[0] if m.re is c.header_exact else m["bracketed"] or m["marked"]
    return unit, float(c.money_units[unit])


def _compiled(grammar: Grammar | None) -> _Compiled:
    return _compile(grammar or bundled_grammar())


@lru_cache(maxsize=8)  # keyed by the Grammar object, which load_grammar caches in turn
def _compile(grammar: Grammar) -> _Compiled:
    return _Compiled(grammar.values)
