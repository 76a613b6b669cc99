"""Fund lines named by a government level, placed against the form's own level.

Forms name their money by who pays it (其中：中央和省级补助资金, 市级资金, 县（区）级配套资金,
州本级资金). Whether 市级资金 is the form's own money or a superior's depends on whose form
it is, so the line is read against the form's own level, the lowest administrative unit
in the place name its title or department starts with (重庆市渝北区… → 区): the own level
is fiscal_local, a higher one fiscal_superior, a lower one fiscal_subordinate. A label
naming several levels (中央和省级, 县市) is read by the lowest: that is where the money
of the line ends up nearest the form.
"""

from __future__ import annotations

import regex

from perfparse.grammar import Grammar

_LINES = {-1: "fiscal_superior", 0: "fiscal_local", 1: "fiscal_subordinate"}


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def own_tier(g: Grammar, texts: tuple[str, ...]) -> int | None:
    """The tier of the lowest unit in the place name the first of ``texts`` that starts
    with one begins with (a title, then a department); None when none does."""
    return g.memo("gov-own", "\x00".join(texts), lambda: _own_tier(g, texts))


def _own_tier(g: Grammar, texts: tuple[str, ...]) -> int | None:
    tiers = g.gov_tiers
    # A unit is a short name ending in a level word (渝北区, 石河子市, 第八师).
    unit = regex.compile(rf"\G[^\W\d_]{{1,7}}?({_alternation(list(tiers))})")
    for text in texts:
        found = [tiers[m.group(1)] for m in unit.finditer(g.key(text))]
        if found:
            return max(found)
    return None


def line_by_level(g: Grammar, label: str, own: int | None) -> str | None:
    """fiscal_superior / fiscal_local / fiscal_subordinate for a label naming a government
    level (its level words lead it, then a money word); None for any other label.

    A single level word that neither carries 级 nor stands before anything but a
    财政 word (区财政拨款) is left to the label lists: it names the account, not the payer."""
    if own is None:
        return None
    return g.memo("gov-line", f"{own}\x00{label}", lambda: _line_by_level(g, label, own))


def _line_by_level(g: Grammar, label: str, own: int) -> str | None:
    tiers = g.gov_tiers
    words = _alternation(list(tiers))
    level = rf"(?:(?P<w>{words})|[（(](?P<w>{words})[）)])(?P<j>本?级)?[和及、与]?"
    lead = regex.compile(rf"^(?:{level})+(?P<rest>.*)$")
    m = lead.match(g.key(label))
    if m is None or not g.gov_money.search(m.group("rest")):
        return None
    levels = [tiers[w] for w in m.captures("w")]
    if len(levels) == 1 and not m.group("j") and m.group("rest").startswith("财政"):
        return None
    return _LINES[max(-1, min(1, max(levels) - own))]
