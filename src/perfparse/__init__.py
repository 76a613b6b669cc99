"""perfparse: Chinese fiscal performance forms → validated records."""

from typing import TYPE_CHECKING, Any

from perfparse.api import parse, parse_bytes
from perfparse.errors import ParseError
from perfparse.validate.records import Document

if TYPE_CHECKING:
    from perfparse.sink.frames import to_frames

__all__ = ["Document", "ParseError", "parse", "parse_bytes", "to_frames"]


def __getattr__(name: str) -> Any:
    # to_frames needs pandas and pyarrow; loading them on first use keeps
    # `import perfparse` (and every parse worker) light.
    if name == "to_frames":
        from perfparse.sink.frames import to_frames

        return to_frames
    raise AttributeError(f"module 'perfparse' has no attribute {name!r}")
