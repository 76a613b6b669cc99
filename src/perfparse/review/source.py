"""The source of one document as a reviewer sees it, and where each value was printed.

A record keeps the page and table row each indicator and fund line came from (and the
line of a text dump), not the cell: the cell is found again here by reading the source
with the same extractor and matching the value's text in that row. PDF pages (and
scanned PDF pages) are rendered to images, boxes in the page's points; other sources
show their table rows, and a value points at its cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from perfparse.grid import Cell, Grid, Table
from perfparse.grid.model import BBox
from perfparse.sink.derive import norm_text

RENDER_SCALE = 1.5  # 108 dpi: table text readable, a 47-page run is a few MB of PNG


@dataclass(frozen=True, slots=True)
class PageImage:
    page: int
    file: str  # relative to the review folder
    width: float  # points
    height: float


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a value was printed: a box on a page image, and/or a cell of the source rows."""

    page: int
    bbox: BBox | None
    cell_id: str | None


@dataclass(slots=True)
class Source:
    grid: Grid | None
    images: list[PageImage] = field(default_factory=list)
    problem: str | None = None  # why the source cannot be shown


def cell_id(block: int, c: Cell) -> str:
    return f"c{block}-{c.row}-{c.col}"


def load_source(path: Path, sha256: str, fmt: str, img_dir: Path) -> Source:
    """Read the file again and, for PDFs, render its pages into ``img_dir``. A file
    that is gone or has changed since it was ingested is reported, not guessed at."""
    import hashlib

    from perfparse.errors import ParseError
    from perfparse.extract import extract

    try:
        data = path.read_bytes()
    except OSError as e:
        return Source(None, problem=f"source {path} cannot be read ({e.strerror})")
    if hashlib.sha256(data).hexdigest() != sha256:
        return Source(None, problem=f"source {path} has changed since it was ingested; "
                      "ingest it again to review it")
    try:
        grid = extract(path.name, data)
    except ParseError as e:
        return Source(None, problem=f"source cannot be read again: {e.reason}")
    images = _render_pdf(data, sha256, img_dir) if fmt in ("pdf", "pdf-scanned") else []
    return Source(grid, images)


def _render_pdf(data: bytes, sha256: str, img_dir: Path) -> list[PageImage]:
    import pypdfium2 as pdfium

    img_dir.mkdir(parents=True, exist_ok=True)
    out = []
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            width, height = page.get_size()
            name = f"{sha256[:16]}-p{i + 1}.png"
            # Gray: the forms are black on white, and the PNGs are a third the size.
            page.render(scale=RENDER_SCALE, grayscale=True).to_pil().save(img_dir / name)
            out.append(PageImage(i + 1, f"{img_dir.name}/{name}", width, height))
            page.close()
    finally:
        pdf.close()
    return out


def _tables(grid: Grid) -> Iterable[tuple[int, Table]]:
    return ((i, b) for i, b in enumerate(grid.blocks) if isinstance(b, Table))


def _union(cells: list[Cell]) -> BBox | None:
    boxes = [c.bbox for c in cells if c.bbox is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def _matches(cell_text: str, value: str) -> bool:
    c, v = norm_text(cell_text), norm_text(value)
    return bool(c and v) and (c == v or (len(c) > 1 and c in v))  # type: ignore[operator]


def _printing(cells: list[Cell], value: str, taken: set[int]) -> list[Cell]:
    """The cells that print ``value``, leaving out those an earlier value of the row took
    (a target and an actual that read the same): the one that reads as it; else the run
    of adjacent cells it was joined from (comparator, number and unit columns); else one
    that holds it among other text (``时效（运营服务及时性）`` for 运营服务及时性)."""
    v = norm_text(value)
    if not v:
        return []
    texts = [(c, norm_text(c.text) or "") for c in sorted(cells, key=lambda c: c.col)
             if c.col not in taken]
    exact = [c for c, t in texts if t == v]
    if exact:
        return exact[:1]
    for start in range(len(texts)):
        run: list[Cell] = []
        for c, t in texts[start:]:
            if not t or t not in v or (run and c.col != run[-1].col + run[-1].colspan):
                break
            run.append(c)
            if norm_text("".join(x.text for x in run)) == v:
                return run
    return [c for c, t in texts if len(v) > 1 and v in t][:1]


class Locator:
    """Finds the printed cell of a value, given the page, row and line its record names."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.tables = list(_tables(grid))

    def row_cells(self, page: int | None, row: int | None, line: int | None,
                  hint: Iterable[str | None]) -> tuple[int, list[Cell]] | None:
        """The table row a record came from: by its dump line where there is one, else
        the row of that number on that page whose cells best match ``hint``."""
        candidates = []
        for block, t in self.tables:
            if line is not None and t.source_line is not None:
                r = line - t.source_line
                if 0 <= r < t.n_rows:
                    return block, [c for c in t.cells if c.row == r]
            elif row is not None and t.page == page and row < t.n_rows:
                candidates.append((block, [c for c in t.cells if c.row == row]))
        texts = [h for h in hint if h]
        scored = [(sum(any(_matches(c.text, h) for c in cells) for h in texts), i)
                  for i, (_, cells) in enumerate(candidates)]
        return candidates[max(scored)[1]] if scored else None

    def spot(self, found: tuple[int, list[Cell]] | None, value: str | None,
             taken: set[int] | None = None) -> Spot | None:
        """The cells of a found row that print ``value`` (several for a value joined from
        separate comparator, number and unit columns), or the whole row for no value.
        The columns used are added to ``taken``."""
        if found is None:
            return None
        block, cells = found
        hit = cells if value is None else _printing(cells, value, taken or set())
        if not hit:
            return None
        if taken is not None:
            taken.update(c.col for c in hit)
        first = min(hit, key=lambda c: c.col)
        return Spot(first.page, _union(hit), cell_id(block, first))

    def find_text(self, value: str | None, page: int | None, line: int | None) -> Spot | None:
        """A project field: the first cell from the form's start (its page, or its line
        in a dump) that reads as the value or ends with it (``项目名称：X`` in one cell)."""
        v = norm_text(value)
        if not v:
            return None
        for block, t in self.tables:
            if (line is not None and t.source_line is not None
                    and t.source_line + t.n_rows <= line) or (page is not None and t.page < page):
                continue
            for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
                ct = norm_text(c.text)
                if ct and (ct == v or ct.endswith(v)):
                    return Spot(c.page, c.bbox, cell_id(block, c))
        return None
