"""Born-digital PDFs → :class:`Grid`.

Per page: glyphs and ruling lines come from PDFium (engine ``pdfium``, the default) or
pdfplumber's pdfminer layout (``pdfplumber``); tables are rebuilt from the ruling-line
geometry by our own small functions (extract.geometry), which also recover rowspan/colspan,
or taken from Camelot (``camelot``), and glyphs are placed into cells by position
(extract.glyphs). Text outside tables becomes :class:`Line` blocks. A page whose text layer
is unreadable falls back to the other reader's text, then to OCR, with a warning either
way. Tables are not stitched across pages here: the segmenter joins a form's tables for
every extractor.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import pairwise

import pypdfium2 as pdfium

from perfparse.errors import OverBudget
from perfparse.extract import DEFAULT_PDF_ENGINE, PDF_ENGINES
from perfparse.extract.clean import clean_text
from perfparse.extract.furniture import Item, block_items, doubtful_items, furniture
from perfparse.extract.geometry import Edge, TableGrid, find_tables
from perfparse.extract.glyphs import (
    BBox,
    Glyph,
    adopt_overflow,
    adopt_sides,
    cell_text,
    free_runs,
    locate,
    paragraph_lines,
    run_lines,
)
from perfparse.extract.pdf import pdfium as pdfium_reader
from perfparse.extract.pdf.columns import continues, reindex, union_columns
from perfparse.extract.pdf.open import open_pdfium, open_plumber
from perfparse.extract.pdf.pdfium import has_images, render, render_dpi, textless
from perfparse.extract.pdf.split_rows import cut, join_split_row
from perfparse.extract.pdf.textlayer import garbled
from perfparse.extract.pdf.unruled import frame_only, unruled_rulings
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Grid, Line, Table
from perfparse.limits import MAX_OCR_PAGES, MAX_PAGES

MIN_GUESSED_ROWS = 3  # fewer, a table read from its text's alignment must run on


@dataclass
class _Page:
    """One page on its way to blocks: its tables, their glyphs, its free text as runs of
    glyphs and, once page furniture is gone, as lines."""

    no: int
    tables: list[TableGrid] = field(default_factory=list)
    texts: list[list[list[Glyph]]] = field(default_factory=list)
    runs: list[list[Glyph]] = field(default_factory=list)
    lines: list[tuple[str, BBox]] = field(default_factory=list)
    ocr: list[Block] | None = None
    edges: list[Edge] = field(default_factory=list)
    # per table: drawn from the text's alignment (extract.pdf.unruled), not by rulings;
    # empty until a page's table is guessed
    guessed: list[bool] = field(default_factory=list)

    def guesses(self) -> list[bool]:
        return self.guessed or [False] * len(self.tables)


def extract_pdf(name: str, data: bytes, *, engine: str = DEFAULT_PDF_ENGINE,
                grammar: Grammar | None = None) -> Grid:
    if engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; one of {', '.join(PDF_ENGINES)}")
    doc = open_pdfium(name, data)
    try:
        sheets = _load_pages(doc)
        grid = Grid(file=name, format="pdf")
        camelot = None
        if engine == "camelot":
            from perfparse.extract.pdf.camelot import camelot_grids

            camelot = camelot_grids(data, [page.get_height() for page in sheets])
        pages: list[_Page] = []
        with ExitStack() as stack:
            readers = _Readers(name, data, sheets, stack, engine)
            for no, sheet in enumerate(sheets, start=1):
                glyphs, edges = readers.read(no)
                tables = camelot.get(no, []) if camelot is not None else find_tables(edges)
                readable = _readable(grid, readers, sheet, no, glyphs, bool(tables))
                if readable is None:
                    pages.append(_Page(no, ocr=_ocr(grid, sheet, no, grammar)))
                    continue
                texts, outside = locate(readable, tables)
                pages.append(_Page(no, tables, texts, free_runs(outside), edges=edges))
        _drop_furniture(pages)
        for p in pages:
            p.tables, p.texts, runs = adopt_sides(p.tables, p.texts, p.runs)
            runs = adopt_overflow(p.tables, p.texts, runs)
            if p.ocr is None:
                runs = _unframed(p, runs)
            if p.ocr is None:
                runs = _add_unruled(p, runs)
            p.lines = paragraph_lines(runs)
        _drop_lone_guesses(pages)
        _join_split_rows(_align_continued(pages))
        if unruled := [p.no for p in pages if any(p.guessed)]:
            grid.warnings.append(("unruled-table", f"pages {_ranges(unruled)}: tables without "
                                  "column rulings, read by the alignment of their text"))
        for p in pages:
            grid.blocks.extend(p.ocr if p.ocr is not None else page_blocks(p, grammar))
        if pages and all(p.ocr is not None for p in pages):
            grid.format = "pdf-scanned"
        return grid
    finally:
        doc.close()


def _add_unruled(p: _Page, runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """The page's tables with those its free ``runs`` make (a table printed without
    rulings, alone or beside a ruled one, which stays as it is), with the page's rules
    outside its tables; the runs left free."""
    if not (drawn := unruled_rulings(runs, p.edges)):
        return runs  # most pages: every table ruled, nothing left that reads as one
    edges = [e for e in p.edges if not any(_overlap(e[1:], t.bbox) for t in p.tables)]
    if p.tables and not (drawn := unruled_rulings(runs, edges)):
        return runs
    new = [n for n in find_tables(edges + drawn)
           if not any(_overlap(n.bbox, t.bbox) for t in p.tables)]
    if not new:
        return runs
    texts, outside = locate([g for r in runs for g in r], new)
    order = sorted(zip(p.tables + new, p.texts + texts,
                       [False] * len(p.tables) + [True] * len(new), strict=True),
                   key=lambda t: t[0].bbox[1])
    p.tables, p.texts, p.guessed = (list(c) for c in zip(*order, strict=True))
    return free_runs(outside)


def _overlap(a: BBox, b: BBox) -> bool:
    """Whether box (or segment) ``a`` touches box ``b``."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _drop_lone_guesses(pages: list[_Page]) -> None:
    """In a document whose tables are ruled, back to free lines: every table read from the
    alignment of its text with fewer than MIN_GUESSED_ROWS rows (a web page's footer, a
    signature line set in columns). Where nothing is ruled, such a table is a form's first
    rows or its header row left at a page's foot, and stays."""
    if all(g for p in pages for g in p.guesses()):
        return
    for p in pages:
        lone = [g and len(t.ys) - 1 < MIN_GUESSED_ROWS
                for t, g in zip(p.tables, p.guesses(), strict=True)]
        if not any(lone):
            continue
        freed = [gl for x, f in zip(p.texts, lone, strict=True) if f for cell in x for gl in cell]
        p.lines = sorted(p.lines + paragraph_lines(free_runs(freed)), key=lambda lb: lb[1][1])
        p.tables, p.texts, p.guessed = (
            [v for v, f in zip(seq, lone, strict=True) if not f]
            for seq in (p.tables, p.texts, p.guessed))


def _unframed(p: _Page, runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """``runs`` with the text of the page's tables drawn as a frame round rows, which are
    dropped: their columns are found in the alignment of their text, with the rules they
    have (extract.pdf.unruled)."""
    framed = [frame_only(t, x) for t, x in zip(p.tables, p.texts, strict=True)]
    if not any(framed):
        return runs
    freed = [g for x, f in zip(p.texts, framed, strict=True) if f for cell in x for g in cell]
    p.tables = [t for t, f in zip(p.tables, framed, strict=True) if not f]
    p.texts = [x for x, f in zip(p.texts, framed, strict=True) if not f]
    return runs + free_runs(freed)


class _Readers:
    """The engine's reader of a page's glyphs and edges, and the other reader for pages
    whose text the first cannot read (opened only when one is met)."""

    def __init__(self, name: str, data: bytes, sheets: list[pdfium.PdfPage], stack: ExitStack,
                 engine: str) -> None:
        self.name, self.data, self.sheets, self.stack = name, data, sheets, stack
        self.first = "pdfplumber" if engine == "pdfplumber" else "pdfium"
        self._plumber = None

    def read(self, no: int, reader: str | None = None) -> tuple[list[Glyph], list[Edge]]:
        if (reader or self.first) == "pdfium":
            return pdfium_reader.read_page(self.sheets[no - 1])
        # pdfminer is imported only for a page that needs it: PDFium reads the rest.
        from perfparse.extract.pdf import plumber as plumber_reader

        if self._plumber is None:
            self._plumber = self.stack.enter_context(open_plumber(self.name, self.data))
        return plumber_reader.read_page(self._plumber.pages[no - 1])

    @property
    def other(self) -> str:
        return "pdfplumber" if self.first == "pdfium" else "pdfium"


def _ranges(pages: list[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    spans: list[list[int]] = []
    for n in pages:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _load_pages(doc: pdfium.PdfDocument) -> list[pdfium.PdfPage]:
    """Every page, loaded once; refused, before any page is laid out, a PDF over the page
    budgets (limits): too many pages, or more pages without text (all bound for OCR) than
    could be read in the time a file has."""
    if len(doc) > MAX_PAGES:
        raise OverBudget("too-many-pages", f"the PDF has {len(doc)} pages, more than "
                         f"{MAX_PAGES}; split it")
    sheets = [doc[i] for i in range(len(doc))]
    n = sum(map(textless, sheets))
    if n > MAX_OCR_PAGES:
        raise OverBudget("too-many-pages", f"{n} pages have no text layer and would need "
                         f"OCR, more than {MAX_OCR_PAGES}; split the PDF")
    return sheets


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers and footers (extract.furniture) from every page, text layer
    or OCR, before they can hide a table's continuation or join the text of a form."""
    items: list[list[Item]] = []
    doubtful: list[set[int]] = []
    for p in pages:
        if p.ocr is not None:
            items.append(block_items(p.ocr))
            doubtful.append(doubtful_items(p.ocr))
        else:
            items.append([(None, t.bbox) for t in p.tables]
                         + [(text, box) for text, box in run_lines(p.runs)])
            doubtful.append(set())
    for p, drop in zip(pages, furniture(items, doubtful), strict=True):
        if p.ocr is not None:
            p.ocr = [b for k, b in enumerate(p.ocr) if k not in drop]
        else:
            first = len(p.tables)
            p.runs = [run for k, run in enumerate(p.runs, start=first) if k not in drop]


def _align_continued(pages: list[_Page]) -> list[tuple[_Page, _Page]]:
    """Give each table continued over page breaks one column numbering (columns); the
    pairs of pages whose tables continue each other."""
    chain: list[tuple[_Page, int]] = []
    pairs: list[tuple[_Page, _Page]] = []
    for prev, page in pairwise(pages):
        if _continues(prev, page):
            pairs.append((prev, page))
            chain = chain or [(prev, len(prev.tables) - 1)]
            chain.append((page, 0))
            if len(page.tables) == 1:
                continue  # it may run on over the next break too
        _reindex(chain)
        chain = []
    _reindex(chain)
    return pairs


def _continues(prev: _Page, page: _Page) -> bool:
    if not prev.tables or not page.tables:
        return False
    last, first = prev.tables[-1], page.tables[0]
    return continues(last, [b for _, b in prev.lines if b[1] >= last.ys[-1]],
                     first, [b for _, b in page.lines if b[3] <= first.ys[0]])


def _join_split_rows(pairs: list[tuple[_Page, _Page]]) -> None:
    """Join each row a page break split in two (extract.pdf.split_rows) between the pages
    of ``pairs``, whose tables continue each other."""
    for prev, page in pairs:
        # Where the rulings were guessed from the text, no rule tells a cut row.
        if prev.ocr is None and page.ocr is None and not prev.guesses()[-1] \
                and not page.guesses()[0] and cut(prev.tables[-1], prev.edges, bottom=True) \
                and cut(page.tables[0], page.edges, bottom=False):
            joined = join_split_row(prev.tables[-1], prev.texts[-1], page.tables[0],
                                    page.texts[0])
            if joined is not None:
                page.tables[0], page.texts[0] = joined


def _reindex(chain: list[tuple[_Page, int]]) -> None:
    if len(chain) < 2:
        return
    xs = union_columns([p.tables[k] for p, k in chain])
    for p, k in chain:
        p.tables[k] = reindex(p.tables[k], xs)


def _readable(grid: Grid, readers: _Readers, page: pdfium.PdfPage, no: int,
              glyphs: list[Glyph], has_tables: bool) -> list[Glyph] | None:
    """The page's glyphs from the first reader whose text is usable; None if OCR is needed.

    A page without glyphs needs OCR when it shows an image (a scan) or a ruled table (text
    drawn as outlines); otherwise it is blank.
    """
    if glyphs and not garbled(g.text for g in glyphs):
        return glyphs
    if not glyphs and not has_tables and not has_images(page):
        return glyphs
    fallback, _ = readers.read(no, readers.other)
    if fallback and not garbled(g.text for g in fallback):
        grid.warnings.append(("garbled-text-layer", f"page {no}: text layer unreadable by "
                              f"{readers.first} (font without a Unicode map); used "
                              f"{readers.other}'s text"))
        return fallback
    reason = "no text layer" if not glyphs else "text layer unreadable by pdfminer and pdfium"
    grid.warnings.append(("garbled-text-layer" if glyphs else "no-text-layer",
                          f"page {no}: {reason}; reading it by OCR"))
    return None


def _ocr(grid: Grid, page: pdfium.PdfPage, no: int, grammar: Grammar | None) -> list[Block]:
    try:
        from perfparse.extract.ocr.scan import ocr_page
    except ImportError as e:
        grid.warnings.append(("ocr-unavailable", f"page {no}: OCR is not installed ({e}); "
                              "install perfparse[scan] to read this page"))
        return []
    dpi = render_dpi(page)
    return ocr_page(render(page, dpi), no, dpi=dpi, warnings=grid.warnings, grammar=grammar)


def page_blocks(page: _Page, grammar: Grammar | None = None) -> list[Block]:
    """One page's tables and free lines, top to bottom."""
    placed: list[tuple[float, Block]] = []
    for table, texts, guessed in zip(page.tables, page.texts, page.guesses(), strict=True):
        cells = [Cell(clean_text(cell_text(gs), grammar), c.row, c.col, c.rowspan, c.colspan,
                      page.no, c.bbox) for c, gs in zip(table.cells, texts, strict=True)]
        placed.append((table.bbox[1], Table(cells, page=page.no, bbox=table.bbox,
                                            guessed=guessed)))
    for text, bbox in page.lines:
        if cleaned := clean_text(text, grammar):
            placed.append((bbox[1], Line(cleaned, page=page.no, bbox=bbox)))
    placed.sort(key=lambda tb: tb[0])
    return [b for _, b in placed]
