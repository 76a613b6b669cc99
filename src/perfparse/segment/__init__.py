"""Segmenter: a document's grid → one segment of rows per printed form."""

from perfparse.segment.forms import Segment, segment
from perfparse.segment.rows import Row, RowCell, flatten

__all__ = ["Row", "RowCell", "Segment", "flatten", "segment"]
