"""Label/value pairs of a form's header: 项目名称 | name | 项目性质 | nature …"""

from __future__ import annotations

from functools import lru_cache

import regex

from perfparse.grammar import Grammar
from perfparse.segment import Row

# Box glyphs as printed and as OCR reads them. 口 is an empty box only in a value that
# has real boxes too, and only where it closes an option (before the next numbered
# option or at the end) or opens one (at the start or after a space: 口经常性项目
# √一次性项目), never inside a word such as 人口.
_REAL_BOX = regex.compile(r"[☑☒■✓✔√▣☐□]|[（(]\s*[)）]")
_BOX = regex.compile(r"[（(]\s*[√✓✔]\s*[)）]|[（(]\s*[)）]|[☑☒■✓✔√▣☐□]"
                     r"|口(?=\s*\d+\s*[、.．)）]|\s*$)|(?<=\S)口(?=\s)|(?:^|(?<=\s))口(?=\S)")
_TICKED = frozenset("☑☒■✓✔√▣")
_NUMBERING = regex.compile(r"^\s*\d+\s*[、.．)）]\s*")


def checked(value: str) -> str:
    """The chosen option of a checkbox row (``1、一次性项目 ☐ 2、经常性项目 ☑`` →
    经常性项目): the text before the ticked box, without its numbering."""
    if not _REAL_BOX.search(value):
        return value
    boxes = list(_BOX.finditer(value))
    # Boxes printed before their options (☑经常性项目 □一次性项目) or after them.
    before = boxes[0].start() == len(value) - len(value.lstrip())
    ends = [m.start() for m in boxes[1:]] + [len(value)] if before else [m.start() for m in boxes]
    starts = [m.end() for m in boxes] if before else [0] + [m.end() for m in boxes[:-1]]
    for m, start, end in zip(boxes, starts, ends, strict=True):
        if any(c in _TICKED for c in m.group()):
            return _NUMBERING.sub("", value[start:end]).strip()
    return ""


def field_of(g: Grammar, text: str) -> str | None:
    return g.lookup(g.fields, text)


@lru_cache(maxsize=4)
def _inline_pattern(g: Grammar) -> regex.Pattern[str]:
    words = sorted({s for syn in g.labels.fields.values() for s in syn}, key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words)
    # A later label on the same line must be followed by a colon, so that words
    # such as 单位 inside a value are not read as labels.
    return regex.compile(rf"(?P<l>{alt})\s*(?:[（(](?:盖章|印章|签章|签字)[）)])?\s*(?P<c>[:：])?")


def split_inline(g: Grammar, text: str) -> list[tuple[str, str]]:
    """``填报单位（盖章） 某局 金额单位：元`` → [(填报单位, 某局), (金额单位, 元)]."""
    found = [m for m in _inline_pattern(g).finditer(text) if m.start() == 0 or m.group("c")]
    out: list[tuple[str, str]] = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append((m.group("l"), text[m.end():end].strip()))
    return out


_SPANNING = ("project.period",)  # values that may run over several cells


def _trailing_label(g: Grammar, col: int, text: str) -> list[tuple[int, str]]:
    """A cell ending in a label and its colon (``李四联系人：``) is a value and the next
    cell's label run together, as OCR reads two cells whose ruling it lost: two texts."""
    last = None
    for m in _inline_pattern(g).finditer(text):
        last = m
    if last is None or not last.group("c") or last.start() == 0 or text[last.end():].strip():
        return [(col, text)]
    return [(col, text[:last.start()].strip()), (col, last.group("l"))]


def label_value_pairs(g: Grammar, row: Row) -> list[tuple[str, str, int]]:
    """(field, value, column) for every field label in the row.

    The value is the next non-empty cell that is not itself a label; a label
    with a value in the same cell (``项目名称：某项目``) carries it inline.
    """
    texts = row.all_texts()
    if not texts:
        return []
    if row.is_line or len(texts) == 1:
        return [(f, v, 0) for lab, v in split_inline(g, texts[0][1])
                if (f := field_of(g, lab)) is not None]
    texts = [part for col, text in texts for part in _trailing_label(g, col, text)]
    out: list[tuple[str, str, int]] = []
    for i, (col, text) in enumerate(texts):
        f = field_of(g, text)
        value = ""
        if f is None:
            head, sep, tail = text.partition("：") if "：" in text else text.partition(":")
            if sep and (f := field_of(g, head)) is not None:
                value = tail.strip()
            else:
                continue
        elif f in _SPANNING:
            # A period printed over several cells: 20210301 | 到 | 20211130.
            rest = []
            for _, t in texts[i + 1:]:
                if field_of(g, t) is not None:
                    break
                rest.append(t)
            value = " ".join(rest)
        elif i + 1 < len(texts) and field_of(g, texts[i + 1][1]) is None:
            value = texts[i + 1][1]
        out.append((f, value, col))
    return out


def assign(g: Grammar, fields: dict[str, str], field: str, value: str) -> str:
    """Store ``value`` under ``field`` unless its vocabulary says it belongs elsewhere.

    Returns the field actually filled (a nature under a second 项目类别 label
    fills ``project.nature``).
    """
    value = checked(value)
    for pat in g.value_noise:
        value = pat.sub("", value)
    owner = g.vocab.get(g.key(value))
    if owner and owner != field and field in ("project.nature", "project.category"):
        field = owner
    if value and not fields.get(field):
        fields[field] = value
    return field


_LABEL_MAX = 16  # a longer first cell is a value or a sentence, not a label


def extra_pair(g: Grammar, row: Row) -> tuple[str, str] | None:
    """A printed label no contract field holds, and its value (项目概况 | text …).

    Kept in ``extras`` so that nothing printed is lost.
    """
    texts = row.texts()
    if len(texts) < 2:
        return None
    label = texts[0][1]
    if len(label) > _LABEL_MAX or any(ch.isdigit() for ch in label) or g.key(label) in g.captions:
        return None
    return label.rstrip("：:"), " ".join(t for _, t in texts[1:])
