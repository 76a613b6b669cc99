"""One page's glyphs and ruling edges from pdfplumber's pdfminer layout (``--pdf-engine
pdfplumber``, and the fallback of the default PDFium reader).

Walks ``page.layout`` (pdfminer's LTPage, which pdfplumber builds) rather than
``page.chars``/``page.edges``: those wrap every object in a dict of resolved attributes,
which costs more than reading the page itself. Coordinates are turned to pdfplumber's
top-left origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTRect
from pdfplumber.page import Page

from perfparse.extract.geometry import Edge, straight
from perfparse.extract.glyphs import Glyph, slanted


def _walk(obj) -> Iterator:
    for child in obj:
        if isinstance(child, LTChar | LTCurve):
            yield child
        elif isinstance(child, LTContainer):  # Form XObjects (LTFigure) nest their objects
            yield from _walk(child)


def read_page(page: Page) -> tuple[list[Glyph], list[Edge]]:
    height = float(page.height)
    glyphs: list[Glyph] = []
    edges: list[Edge] = []
    for obj in _walk(page.layout):
        if isinstance(obj, LTChar):
            # Off the page nobody sees it: office suites paint a merged cell's label for the
            # cell's whole height, also where a page break moved that part off the page.
            off_page = not (0 <= (obj.y0 + obj.y1) / 2 <= height)
            if off_page or slanted(obj.matrix[0], obj.matrix[1]):
                continue
            glyphs.append(Glyph(obj.get_text(), obj.x0, height - obj.y1, obj.x1,
                                height - obj.y0, obj.size))
        elif isinstance(obj, LTRect):
            x0, y0, x1, y1 = obj.bbox
            top, bottom = height - y1, height - y0
            edges += [("h", x0, top, x1, top), ("h", x0, bottom, x1, bottom),
                      ("v", x0, top, x0, bottom), ("v", x1, top, x1, bottom)]
        else:  # LTLine and LTCurve: every straight piece of the path
            for (ax, ay), (bx, by) in pairwise(obj.pts):
                if edge := straight((ax, height - ay), (bx, height - by)):
                    edges.append(edge)
    return glyphs, edges
