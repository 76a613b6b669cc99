"""Pick the grammars/layouts template a form is printed in."""

from __future__ import annotations

from perfparse.grammar import Grammar, Layout
from perfparse.segment import Segment

_LABEL_MAX = 24  # longer cells are values, not labels


def choose_layout(seg: Segment, g: Grammar) -> Layout | None:
    """The layout file whose title and labels match best, if any.

    No match is the common case, not an error: the normaliser reads a form from
    its own header, and a layout file only states what it must decide.
    """
    keys = {g.key(t) for row in seg.rows for _, t in row.texts() if len(t) <= _LABEL_MAX}
    best: tuple[int, Layout] | None = None
    for lay, title, _ in g.layout_patterns:
        if not title.search(seg.title or ""):
            continue
        m = lay.match
        if m.labels_all and not all(g.key(x) in keys for x in m.labels_all):
            continue
        hits = sum(g.key(x) in keys for x in m.labels_any)
        if m.labels_any and not hits:
            continue
        score = hits + len(m.labels_all)
        if best is None or score > best[0]:
            best = (score, lay)
    return best[1] if best is not None else None
