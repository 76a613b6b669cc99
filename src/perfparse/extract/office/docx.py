"""Word 2007+ documents (.docx) → grid blocks, read from the document's XML.

Paragraphs of the body become lines and tables become tables, in document order (titles,
单位：万元 and 填表人 lines around a form keep their place). Table cells are laid on the
table's grid as Word does: ``gridBefore`` skips leading grid columns, ``gridSpan`` is a
colspan and a ``vMerge`` run a rowspan, stored once at its top. A table nested in a cell
is flattened into that cell's text, as the HTML reader does. The standard library's
ElementTree is enough for this; python-docx's cell API repeats merged cells and hides
where they start.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Line, Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Properties, deleted text, field codes, and a drawing's legacy copy (mc:Fallback repeats
# the mc:Choice text box) hold no printed text.
_SKIP = {_W + t for t in ("pPr", "rPr", "tcPr", "trPr", "tblPr", "tblGrid", "sectPr", "del",
                          "instrText", "delInstrText")} | {_MC_FALLBACK}
# Checkbox glyphs of the symbol fonts forms use (Wingdings þ/¨, Wingdings 2 R/£), and the
# ☒ of Word's checkbox content control, as the grid's ☑/☐.
_SYMBOLS = {"F0FE": "☑", "F0A8": "☐", "F052": "☑", "F0A3": "☐", "F053": "☑", "F054": "☑",
            "F06F": "☐"}
_MARKS = str.maketrans({"☒": "☑"})


def _val(el: ET.Element | None, tag: str) -> str | None:
    found = el.find(_W + tag) if el is not None else None
    return None if found is None else found.get(_W + "val", "")


def _text(el: ET.Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "sym":
            out.append(_SYMBOLS.get((child.get(_W + "char") or "").upper(), ""))
        else:
            _text(child, out)
            if tag in (_W + "p", _W + "tr"):
                out.append("\n")


def _clean(parts: list[str], grammar: Grammar | None) -> str:
    # A paragraph or line break inside a cell separates words; between Chinese characters
    # clean_text drops the space again.
    return clean_text("".join(parts).translate(_MARKS).replace("\n", " "), grammar)


def _table(tbl: ET.Element, grammar: Grammar | None) -> Table:
    cells: list[list] = []  # [text, row, col, rowspan, colspan]; rowspans grow below
    open_merge: dict[int, list] = {}  # grid column → the cell a vMerge run started
    for r, tr in enumerate(tbl.findall(_W + "tr")):
        col = int(_val(tr.find(_W + "trPr"), "gridBefore") or 0)
        for tc in tr.findall(_W + "tc"):
            props = tc.find(_W + "tcPr")
            span = int(_val(props, "gridSpan") or 1)
            merge = _val(props, "vMerge")
            if merge is not None and merge != "restart" and col in open_merge:
                open_merge[col][3] += 1  # a continuation: the cell above grows
            else:
                parts: list[str] = []
                _text(tc, parts)
                cell = [_clean(parts, grammar), r, col, 1, span]
                cells.append(cell)
                if merge == "restart":
                    open_merge[col] = cell
                else:
                    open_merge.pop(col, None)
            col += span
    return Table([Cell(t, row, col, rs, cs) for t, row, col, rs, cs in cells if t])


def _blocks(parent: ET.Element, out: list[Block], grammar: Grammar | None) -> None:
    for child in parent:
        if child.tag == _W + "p":
            parts: list[str] = []
            _text(child, parts)
            if text := _clean(parts, grammar):
                out.append(Line(text))
        elif child.tag == _W + "tbl":
            table = _table(child, grammar)
            if table.cells:
                out.append(table)
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            _blocks(child, out, grammar)  # content controls wrap paragraphs and tables


def _main_part(z: zipfile.ZipFile) -> str:
    types = ET.fromstring(z.read("[Content_Types].xml"))
    for o in types.iter(_CT + "Override"):
        if (o.get("ContentType") or "").endswith(".main+xml"):
            return (o.get("PartName") or "").lstrip("/")
    return "word/document.xml"


def read_docx(data: bytes, grammar: Grammar | None = None) -> list[Block]:
    """The body's paragraphs and tables in order. Raises zipfile/XML errors on a file
    that cannot be read: the caller then converts it with LibreOffice."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read(_main_part(z)))
    body = root.find(_W + "body")
    blocks: list[Block] = []
    if body is not None:
        _blocks(body, blocks, grammar)
    return blocks
