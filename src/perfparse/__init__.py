"""perfparse: Chinese fiscal performance forms → validated records."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from perfparse.errors import ParseError

if TYPE_CHECKING:
    from perfparse.api import parse, parse_bytes
    from perfparse.sink.frames import to_frames
    from perfparse.validate.records import Document

__all__ = ["Document", "ParseError", "parse", "parse_bytes", "to_frames"]

# Loaded on first use: the parser (pydantic models, grammars) is not needed by an
# ingest's planning and writing process, and to_frames needs pandas and pyarrow.
_LAZY = {"parse": "perfparse.api", "parse_bytes": "perfparse.api",
         "Document": "perfparse.validate.records", "to_frames": "perfparse.sink.frames"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'perfparse' has no attribute {name!r}")
