"""One page's glyphs and ruling edges from pypdfium2, and page images for OCR.

The default reader: PDFium parses content streams in C, several times faster than
pdfminer in Python (scripts/bench_pdf.py), and gives the same facts — each glyph with its
box, size and matrix, each path with its segments. Coordinates are turned to a top-left
origin on the page as displayed (``/Rotate`` applied), like pdfplumber's.
"""

from __future__ import annotations

import ctypes
import math
import struct
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL.Image import Image

from perfparse.extract.geometry import Edge, straight
from perfparse.extract.glyphs import Glyph, slanted
from perfparse.limits import MAX_PIXELS

OCR_DPI = 200
# Form XObjects nest; print drivers wrap every page in one or two, never deeper than this.
MAX_FORM_DEPTH = 8

Matrix = tuple[float, float, float, float, float, float]  # PDF's [a b c d e f]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# PDFium reports a hyphen it judges to end a line (a word broken over two) as U+0002.
_TEXT = {0x02: "-"}
_SPACE, _BREAKS = 0x20, frozenset((0x0D, 0x0A))
_FOUR_FLOATS = struct.Struct("4f")  # FS_RECTF's layout

_P, _I = ctypes.c_void_p, ctypes.c_int
_PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
_MOVETO, _LINETO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO


def _plain(name: str, restype: type, *argtypes: type) -> ctypes._CFuncPtr:
    """PDFium's function ``name`` declared with plain pointer and number types: called
    per glyph and per path segment, pypdfium2's typed bindings spend more on converting
    arguments (2–4 µs a call) than PDFium spends on the work."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(
        ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value)


_unicode = _plain("FPDFText_GetUnicode", ctypes.c_uint, _P, _I)
_loose_box = _plain("FPDFText_GetLooseCharBox", _I, _P, _I, _P)
_generated = _plain("FPDFText_IsGenerated", _I, _P, _I)
_text_object = _plain("FPDFText_GetTextObject", _P, _P, _I)
_char_matrix = _plain("FPDFText_GetMatrix", _I, _P, _I, _P)
_font_size = _plain("FPDFText_GetFontSize", ctypes.c_double, _P, _I)
_count_objects = _plain("FPDFPage_CountObjects", _I, _P)
_object = _plain("FPDFPage_GetObject", _P, _P, _I)
_form_count_objects = _plain("FPDFFormObj_CountObjects", _I, _P)
_form_object = _plain("FPDFFormObj_GetObject", _P, _P, ctypes.c_ulong)
_object_type = _plain("FPDFPageObj_GetType", _I, _P)
_object_matrix = _plain("FPDFPageObj_GetMatrix", _I, _P, _P)
_draw_mode = _plain("FPDFPath_GetDrawMode", _I, _P, _P, _P)
_count_segments = _plain("FPDFPath_CountSegments", _I, _P)
_segment = _plain("FPDFPath_GetPathSegment", _P, _P, _I)
_segment_point = _plain("FPDFPathSegment_GetPoint", _I, _P, _P, _P)
_segment_type = _plain("FPDFPathSegment_GetType", _I, _P)
_segment_close = _plain("FPDFPathSegment_GetClose", _I, _P)


def read_page(page: pdfium.PdfPage) -> tuple[list[Glyph], list[Edge]]:
    """The page's printed glyphs (off-page and slanted ones dropped) and the straight pieces
    of its painted paths."""
    shown = _displayed(page)
    return _glyphs(page, shown), list(_edges(page, shown))


def _glyphs(page: pdfium.PdfPage, shown: Matrix) -> list[Glyph]:
    """Every printed glyph with its box, in top-left page coordinates. Off the page nobody
    sees a glyph: office suites paint a merged cell's label for the cell's whole height,
    also where a page break moved that part off the page."""
    a, b, c, d, e, f = shown
    height = page.get_height()
    text_page = page.get_textpage()  # held: PDFium frees the text page with this object
    raw = ctypes.cast(text_page.raw, ctypes.c_void_p).value
    # A page has tens of text objects and thousands of glyphs: each object's size and slant
    # is asked of its first glyph.
    sizes: dict[int, float | None] = {}
    rect = pdfium_c.FS_RECTF()
    box = ctypes.addressof(rect)
    corners = _FOUR_FLOATS.unpack_from  # left, top, right, bottom in one call
    out: list[Glyph] = []
    for i in range(pdfium_c.FPDFText_CountChars(text_page.raw)):
        code = _unicode(raw, i)
        if code in _BREAKS or (code == _SPACE and _generated(raw, i)):
            # Line breaks and spaces PDFium inferred from gaps: words apart are told by
            # their gap (glyphs._text), as for every reader. Printed spaces are kept.
            continue
        obj = _text_object(raw, i) or 0
        size = sizes[obj] if obj in sizes else sizes.setdefault(obj, _printed_size(raw, i))
        if size is None:
            continue
        _loose_box(raw, i, box)
        x0, y0, x1, y1 = corners(rect)
        ax, ay = a * x0 + c * y0 + e, b * x0 + d * y0 + f
        bx, by = a * x1 + c * y1 + e, b * x1 + d * y1 + f
        if not 0 <= (ay + by) / 2 <= height:
            continue
        # The box rises ``size`` from the font's descent line (the loose box's lower edge),
        # as pdfminer's does, whatever the font's ascent.
        low = max(ay, by)
        out.append(Glyph(_TEXT.get(code) or chr(code), min(ax, bx), low - size, max(ax, bx),
                         low, size))
    return out


def _printed_size(text_page: int, i: int) -> float | None:
    """The font size glyph ``i`` is printed at (producers such as cairo set size 1 and
    scale by the text matrix; a print driver's form may scale the page); None for a glyph
    turned off the page's axes (a watermark)."""
    m = pdfium_c.FS_MATRIX()
    if not _char_matrix(text_page, i, ctypes.addressof(m)) or slanted(m.a, m.b):
        return None
    return _font_size(text_page, i) * math.hypot(m.c, m.d)


def _displayed(page: pdfium.PdfPage) -> Matrix:
    """User space → top-left coordinates of the page as a viewer shows it. The box is
    PDFium's bounding box: its ``get_mediabox`` does not inherit a box from the page tree
    (most producers set it there once) and falls back to US Letter."""
    left, bottom, right, top = page.get_bbox()
    w, h = right - left, top - bottom
    turn = pdfium_c.FPDFPage_GetRotation(page.raw) % 4
    if turn == 1:  # 90° clockwise: X = y, Y = x
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)
    if turn == 2:  # X = w - x, Y = y
        return (-1.0, 0.0, 0.0, 1.0, w + left, -bottom)
    if turn == 3:  # X = h - y, Y = w - x
        return (0.0, -1.0, -1.0, 0.0, h + bottom, w + left)
    return (1.0, 0.0, 0.0, -1.0, -left, h + bottom)  # X = x, Y = h - y


def _objects(page: int, form: int | None, m: Matrix, depth: int
             ) -> Iterator[tuple[int, Matrix]]:
    """Every path object with the matrix from its space to the displayed page, inside
    forms too."""
    if form is None:
        n, get, owner = _count_objects(page), _object, page
    else:
        n, get, owner = _form_count_objects(form), _form_object, form
    fs = pdfium_c.FS_MATRIX()
    matrix = ctypes.addressof(fs)
    for k in range(n):
        obj = get(owner, k)
        kind = _object_type(obj)
        if kind != _PATH and kind != _FORM:
            continue
        _object_matrix(obj, matrix)
        own = _compose((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), m)
        if kind == _PATH:
            yield obj, own
        elif depth < MAX_FORM_DEPTH:
            yield from _objects(page, obj, own, depth + 1)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _edges(page: pdfium.PdfPage, shown: Matrix) -> Iterator[Edge]:
    """Each straight, axis-aligned piece of every path that is stroked or filled (a thin
    filled rectangle is how browsers draw a border; its four sides are edges, as
    pdfplumber makes of a rectangle)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    pfill, pstroke, px, py = map(ctypes.addressof, (fill, stroke, x, y))
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    for path, (a, b, c, d, e, f) in _objects(raw, None, shown, 0):
        _draw_mode(path, pfill, pstroke)
        if not stroke.value and fill.value == pdfium_c.FPDF_FILLMODE_NONE:
            continue  # a clipping path, painted nowhere
        start = prev = None
        for k in range(_count_segments(path)):
            seg = _segment(path, k)
            _segment_point(seg, px, py)
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = _segment_type(seg)
            if kind == _MOVETO:
                start = point
            elif kind == _LINETO and prev is not None and (edge := straight(prev, point)):
                yield edge
            prev = point
            if _segment_close(seg) and start is not None:
                if edge := straight(point, start):
                    yield edge
                prev = start


def render_dpi(page: pdfium.PdfPage) -> float:
    """OCR_DPI, or less for a page so large (PDF allows 200 × 200 inches) that it would
    exceed the pixel budget: 14400 pt squared at 200 dpi is 1.6 billion pixels."""
    width, height = page.get_size()
    return min(OCR_DPI, 72 * math.sqrt(MAX_PIXELS / max(1.0, width * height)))


def render(page: pdfium.PdfPage, dpi: float = OCR_DPI) -> Image:
    return page.render(scale=dpi / 72).to_pil()


def textless(page: pdfium.PdfPage) -> bool:
    """Whether a page draws something but no text: OCR's work, unless it is only rulings.
    Stops at the first text object, which on a born-digital page comes early."""
    drawn = False
    for kind in _kinds(ctypes.cast(page.raw, ctypes.c_void_p).value, None, 2):
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            return False
        drawn = True
    return drawn


def _kinds(page: int, form: int | None, depth: int) -> Iterator[int]:
    """The kinds of the page's objects, and of those inside its forms ``depth`` deep."""
    if form is None:
        n, get, owner = _count_objects(page), _object, page
    else:
        n, get, owner = _form_count_objects(form), _form_object, form
    for k in range(n):
        obj = get(owner, k)
        kind = _object_type(obj)
        yield kind
        if kind == _FORM and depth > 1:
            yield from _kinds(page, obj, depth - 1)


def has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
