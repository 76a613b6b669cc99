"""The one grid model every extractor fills: tables of cells, and text lines between them."""

from perfparse.grid.model import Block, Cell, Grid, Line, Table

__all__ = ["Block", "Cell", "Grid", "Line", "Table"]
