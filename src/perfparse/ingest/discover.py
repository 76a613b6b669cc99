"""Find input files under a directory and tell what each one is, by content."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from perfparse.errors import ParseError
from perfparse.extract.office.sniff import OFFICE_KINDS
from perfparse.extract.sniff import sniff
from perfparse.storable import storable

PARSEABLE = frozenset({"pdf", "image", "text", "html"}) | OFFICE_KINDS
_HEAD = 256 * 1024  # enough for sniff(), which looks at the first 200 kB at most
_CHUNK = 1024 * 1024
# Files read and hashed at once while planning: reads and sha256 release the GIL, so a
# network share's latency and the hashing overlap instead of taking turns.
HASH_THREADS = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path
    rel: str  # POSIX path relative to the ingest root, storable: the manifest's key
    size: int
    skip: tuple[str, str] | None = None  # (code, reason) of an entry that is not read


@dataclass(slots=True)
class Walk:
    files: list[Candidate]
    # Folders that could not be listed (relative, POSIX): what they held is unknown, not
    # gone, so a prune must not drop it.
    unreadable: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Identified:
    candidate: Candidate
    sha256: str | None
    format: str | None
    code: str | None = None  # set when the file cannot go to a parser
    reason: str | None = None
    skipped: bool = False  # not a file perfparse reads at all (a FIFO, a link out)


class NotRegularFile(OSError):
    pass


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading. Non-blocking, and checked on the open descriptor:
    a FIFO or device put in a file's place after discovery would block a plain open or
    read for ever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (a FIFO, socket or device)")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_NOT_A_FILE = ("not-a-file", "not a regular file (a FIFO, socket or device)")


def _look(p: Path, root: Path) -> tuple[int, tuple[str, str] | None]:
    """An entry's size, and why it is not read (None for a regular file in the archive)."""
    try:
        st = p.stat()
    except OSError as e:
        if p.is_symlink():
            return 0, ("broken-link", "a symbolic link whose target does not exist")
        return 0, ("unreadable", f"cannot read the file ({e.strerror}); check its permissions")
    if p.is_symlink() and not p.resolve().is_relative_to(root):
        return 0, ("link-outside", f"a symbolic link to {p.resolve()}, outside the archive; "
                   "links are followed only within it")
    if not stat.S_ISREG(st.st_mode):
        return 0, _NOT_A_FILE
    return st.st_size, None


def walk(root: Path) -> Walk:
    """Every entry under ``root`` (resolved) in a stable order, except hidden ones
    (``.git``, ``.DS_Store``). Entries that are not regular files inside the archive
    come with a ``skip`` reason; folders that cannot be listed are reported apart."""
    found: list[Candidate] = []
    unreadable: list[tuple[str, str]] = []

    def onerror(e: OSError) -> None:
        rel = Path(e.filename).relative_to(root).as_posix() if e.filename else "."
        unreadable.append((storable(rel), e.strerror or str(e)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = here / name
            size, skip = _look(p, root)
            # Names that are not UTF-8 (GBK zips) are keyed by a display form.
            found.append(Candidate(p, storable(p.relative_to(root).as_posix()), size, skip))
    return Walk(found, unreadable)


def identify(c: Candidate) -> Identified:
    """Hash the file and sniff its format; unusable files get a code and a reason."""
    if c.skip is not None:
        return Identified(c, None, None, *c.skip, skipped=True)
    h = hashlib.sha256()
    try:
        with open_regular(c.path) as f:
            head = f.read(_HEAD)
            h.update(head)
            for chunk in iter(lambda: f.read(_CHUNK), b""):
                h.update(chunk)
    except NotRegularFile:  # swapped for a FIFO or device since the walk
        return Identified(c, None, None, *_NOT_A_FILE, skipped=True)
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


def identify_all(cands: Iterable[Candidate], threads: int = HASH_THREADS) -> Iterator[Identified]:
    """:func:`identify` each candidate, in order, on ``threads`` threads, with at most
    ``4 × threads`` files in flight."""
    with ThreadPoolExecutor(threads, thread_name_prefix="perfparse-hash") as pool:
        window: deque[Future[Identified]] = deque()
        for c in cands:
            window.append(pool.submit(identify, c))
            if len(window) >= 4 * threads:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
