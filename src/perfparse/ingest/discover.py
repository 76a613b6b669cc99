"""Find input files under a directory and tell what each one is, by content."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from perfparse.errors import ParseError
from perfparse.extract.office.sniff import OFFICE_KINDS
from perfparse.extract.sniff import sniff

PARSEABLE = frozenset({"pdf", "image", "text", "html"}) | OFFICE_KINDS
_HEAD = 256 * 1024  # enough for sniff(), which looks at the first 200 kB at most
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path
    rel: str  # POSIX path relative to the ingest root: the manifest's key
    size: int


@dataclass(frozen=True, slots=True)
class Identified:
    candidate: Candidate
    sha256: str | None
    format: str | None
    code: str | None = None  # set when the file cannot go to a parser
    reason: str | None = None


def walk(root: Path, exclude: Path | None = None) -> list[Candidate]:
    """Every regular file under ``root`` in a stable order, except hidden ones (``.git``,
    ``.DS_Store``) and anything under ``exclude`` (the output folder, if inside root)."""
    skip = exclude.resolve() if exclude else None
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (skip is None or (here / d).resolve() != skip))
        for name in sorted(filenames):
            p = here / name
            if name.startswith(".") or not p.is_file():
                continue
            found.append(Candidate(p, p.relative_to(root).as_posix(), p.stat().st_size))
    return found


def identify(c: Candidate) -> Identified:
    """Hash the file and sniff its format; unusable files get a code and a reason."""
    h = hashlib.sha256()
    try:
        with c.path.open("rb") as f:
            head = f.read(_HEAD)
            h.update(head)
            for chunk in iter(lambda: f.read(_CHUNK), b""):
                h.update(chunk)
    except OSError as e:
        return Identified(c, None, None, "unreadable",
                          f"cannot read the file ({e.strerror}); check its permissions")
    sha = h.hexdigest()
    try:
        kind = sniff(c.path.name, head)
    except ParseError as e:
        return Identified(c, sha, None, e.code, e.reason)
    if kind not in PARSEABLE:
        return Identified(c, sha, kind, "unsupported-format",
                          f"not a form document ({kind}); perfparse reads PDFs, images and "
                          "OCR text/HTML/Markdown dumps — convert it to one of those or "
                          "move it out of the folder")
    return Identified(c, sha, kind)
