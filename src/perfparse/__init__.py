"""perfparse: Chinese fiscal performance forms → validated records."""

from perfparse.api import parse, parse_bytes
from perfparse.errors import ParseError
from perfparse.validate.records import Document

__all__ = ["Document", "ParseError", "parse", "parse_bytes"]
