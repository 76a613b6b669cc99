"""A mixed hostile archive (issue 13): every case of tests/hostile_cases.py in a folder
of its own, beside good forms, with what a run over it must give each entry; and the
checks of a run's output against that. tests/test_hostile.py runs it on a small budget,
scripts/hostile_corpus.py on the issue's sizes, measuring each run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import hostile_cases as h
from perfparse.storable import storable

KEPT, FAILED, SKIPPED = "kept", "failed", "skipped"
GOOD = "good"


@dataclass(frozen=True, slots=True)
class Budget:
    """How large the bombs and batches are: the issue's sizes, or a CI-sized archive
    that still has every case."""

    long_text_files: int = 200  # 20-form dumps with 20,000-character goals
    deflate_mb: int = 1024
    whole_png: bool = True  # every pixel row present (else a header with token data)
    ruled_pages: int = 2_000
    fan_depth: int = 30


SMALL = Budget(long_text_files=6, deflate_mb=256, whole_png=False, ruled_pages=200)


@dataclass(frozen=True, slots=True)
class Entry:
    rel: str  # below the archive root, as the file system names it (may hold surrogates)
    ingest: str  # KEPT: its rows in the warehouse; FAILED, or SKIPPED (never read)
    parse: str  # KEPT: its .json written; FAILED or SKIPPED: none


@dataclass(frozen=True, slots=True)
class Made:
    """What a case put in its folder."""

    entries: list[Entry]
    unreadable: list[str] = field(default_factory=list)  # folders no run can list


@dataclass(frozen=True, slots=True)
class Context:
    samples: Path  # the repository's samples/ (good forms, and the self-evaluation dump)
    scratch: Path  # outside the archive: where links lead
    budget: Budget


def _files(folder: Path, files: dict[str, bytes], ingest: str, parse: str | None = None
           ) -> Made:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return Made([Entry(n, ingest, parse or ingest) for n in files])


Maker = Callable[[Path, Context], Made]


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    group: str
    what: str  # the case as the issue describes it
    before: str  # what the issue saw
    make: Maker
    grammars: bool = False  # needs the backtracking --grammars overlay


def _long_text(d: Path, c: Context) -> Made:
    return _files(d, {f"long-{i:03d}.txt": h.long_text_forms(i)
                      for i in range(c.budget.long_text_files)}, KEPT)


def _unreadable(d: Path, c: Context) -> Made:
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "stray.txt").write_bytes(h.form())
    (d / "locked").chmod(0)
    return Made([], ["locked"])


def _faults(make: Callable[[Path, Context], Path]) -> Maker:
    """A maker of one entry that no run may read: a link out, a FIFO, a socket."""
    def made(d: Path, c: Context) -> Made:
        d.mkdir(parents=True, exist_ok=True)
        return Made([Entry(make(d, c).name, SKIPPED, SKIPPED)])
    return made


def _broken_pdf(d: Path, c: Context) -> Made:
    pdf = sorted((c.samples / "pdf").glob("*.pdf"))[0].read_bytes()
    return _files(d, {"truncated.pdf": pdf[: len(pdf) // 2]}, FAILED)


CASES: list[Case] = [
    # writer run-stoppers
    Case("gbk-name", "writer", "non-UTF-8 file name (GBK zip)", "exit 2, write batch lost",
         lambda d, c: _files(d, {h.gbk_name("项目表.txt"): h.form()}, KEPT)),
    Case("amount-1e17", "writer", "amount ≥ 1e16 (DECIMAL overflow)", "exit 2, write batch lost",
         lambda d, c: _files(d, {"amount.txt": h.huge_amount()}, KEPT)),
    Case("weight-1e8", "writer", "weight ≥ 1e8 (DECIMAL overflow)", "exit 2, write batch lost",
         lambda d, c: _files(d, {"weight.txt": h.heavy_weight(
             (c.samples / "001_1eb78efaeb72a928.txt").read_text(encoding="utf-8"))}, KEPT)),
    Case("nul", "writer", "NUL byte in text", "exit 2 on PostgreSQL",
         lambda d, c: _files(d, {"nul.txt": h.nul_text()}, KEPT)),
    Case("long-text", "writer", "batch of ~1,100 long-text forms (DuckDB memory)",
         "OutOfMemory for ever: 200 files × 20 forms → 0 rows", _long_text),
    # memory bombs
    Case("span", "memory", "<td rowspan=100000 colspan=100000> (161 B)", "9 GB in 60 s",
         lambda d, c: _files(d, {"span.html": h.MARKUP["span"]}, FAILED)),
    Case("huge-page", "memory", "14400 pt PDF page (446 B)", "4.7 GB",
         lambda d, c: _files(d, {"huge-page.pdf": h.huge_page_pdf()}, FAILED)),
    Case("big-png", "memory", "13000² RGBA PNG", "3.3 GB",
         lambda d, c: _files(d, {"big.png": h.big_png(whole=c.budget.whole_png)}, FAILED)),
    Case("deflate", "memory", "PDF holding 1 GB of deflate", "3.1 GB",
         lambda d, c: _files(d, {"deflate.pdf": h.deflate_bomb_pdf(c.budget.deflate_mb)},
                             FAILED)),
    # time bombs
    Case("input", "time", "'<input ' × 20,000 (140 KB)", "over 5 min (28 KB: 17 s)",
         lambda d, c: _files(d, {"input.txt": h.MARKUP["input"]}, FAILED)),
    Case("table", "time", "'<table ' × 20,000", "quadratic",
         lambda d, c: _files(d, {"table.txt": h.MARKUP["table"]}, FAILED)),
    Case("tag", "time", "'<a' × 50,000 (open tag without end)", "(not in the issue)",
         lambda d, c: _files(d, {"tag.txt": h.MARKUP["tag"]}, FAILED)),
    Case("fan", "time", "XObject fanned out 2^30 times", "runs for ever",
         lambda d, c: _files(d, {"fan.pdf": h.xobject_fan_pdf(c.budget.fan_depth)}, FAILED)),
    Case("ruled", "time", "2,000 ruled empty pages (all to OCR)", "hours of OCR",
         lambda d, c: _files(d, {"ruled.pdf": h.ruled_pages_pdf(c.budget.ruled_pages)},
                             FAILED)),
    Case("pattern", "time", "user pattern (a|aa)+$ on a 43-char line", "hangs",
         lambda d, c: _files(d, {"pattern.txt": h.backtracking_line(43)}, FAILED),
         grammars=True),
    # parse stopped its batch on these
    Case("broken-pdf", "parse", "truncated PDF (PdfminerException, PdfiumError)",
         "parse: batch stopped",
         _broken_pdf),
    Case("long-name", "parse", "253-byte file name (+ .json: ENAMETOOLONG)",
         "parse: batch stopped",
         lambda d, c: _files(d, {"长" * 83 + ".txt": h.form()}, KEPT, FAILED)),
    # archive faults
    Case("link-out", "archive", "symlink leading out of the archive", "followed and ingested",
         _faults(lambda d, c: h.link_out(d, c.scratch / "outside"))),
    Case("fifo", "archive", "FIFO", "no manifest row", _faults(lambda d, c: h.fifo(d))),
    Case("socket", "archive", "socket", "no manifest row",
         _faults(lambda d, c: h.socket_file(d))),
    Case("unreadable", "archive", "unreadable subdirectory", "counted as deleted",
         _unreadable),
    # wrong but quiet
    Case("bom", "quiet", "UTF-16/32 with BOM", "rejected as binary",
         lambda d, c: _files(d, {f"{e}.txt": h.with_bom(e) for e in h.BOMS}, KEPT)),
    Case("big5", "quiet", "Big5 dump", "read as GB18030 garble",
         lambda d, c: _files(d, {"big5.txt": h.TRADITIONAL.encode("cp950")}, FAILED)),
    Case("stray", "quiet", "three stray bytes", "whole dump undecodable",
         lambda d, c: _files(d, {"stray.txt": h.stray_bytes()}, KEPT)),
    Case("infinity", "quiet", "400-digit target (Infinity)", "Infinity in JSON and JSONL",
         lambda d, c: _files(d, {"infinity.txt": h.form(target="9" * 400)}, KEPT)),
]
BY_KEY = {c.key: c for c in CASES}


def good_forms(samples: Path) -> list[Path]:
    """The repository's samples: text dumps, born-digital PDFs, scans and Office files."""
    return [*sorted(samples.glob("*.txt")), *sorted((samples / "pdf").glob("*.pdf")),
            *sorted(p for p in (samples / "scan").iterdir() if p.is_file()),
            *sorted((samples / "office").iterdir())]


@dataclass(slots=True)
class Archive:
    root: Path
    entries: list[Entry] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    grammars: Path | None = None  # the --grammars overlay its runs need, if any


def build(root: Path, cases: list[Case], good: list[Path], ctx: Context) -> Archive:
    """``root`` holding each case in a folder named by its key and the ``good`` forms in
    good/; a --grammars overlay in ``ctx.scratch`` if a case needs one."""
    archive = Archive(root)
    for c in cases:
        made = c.make(root / c.key, ctx)
        archive.entries += [Entry(f"{c.key}/{e.rel}", e.ingest, e.parse) for e in made.entries]
        archive.unreadable += [f"{c.key}/{u}" for u in made.unreadable]
        if c.grammars:
            archive.grammars = h.write_overlay(ctx.scratch / "grammars")
    (root / GOOD).mkdir(parents=True, exist_ok=True)
    for p in good:
        shutil.copy(p, root / GOOD / p.name)
        archive.entries.append(Entry(f"{GOOD}/{p.name}", KEPT, KEPT))
    return archive


def unreadable_folders_work() -> bool:
    """Whether a chmod-000 folder can be made unreadable to a run: as root only in a
    user namespace (``unshare --user``: root there owns nothing here), which some
    containers forbid."""
    if os.geteuid() != 0:
        return True
    try:
        return subprocess.run(["unshare", "--user", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


def command(archive: Archive, *args: str | Path) -> list[str]:
    """``perfparse ARGS`` over ``archive``: with its --grammars overlay, and, as root,
    in a user namespace if it holds an unreadable folder."""
    cmd = [sys.executable, "-m", "perfparse", *map(str, args)]
    if archive.grammars is not None:
        cmd += ["--grammars", str(archive.grammars)]
    return ["unshare", "--user", *cmd] if archive.unreadable and os.geteuid() == 0 else cmd


def strict_json(text: str) -> object:
    """json.loads that refuses NaN and Infinity, as every other JSON reader does."""
    def refuse(name: str) -> object:
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


@dataclass(slots=True)
class IngestCheck:
    """An ingest's OUT against the archive: what went where it should not."""

    outcome: dict[str, tuple[str, str | None]]  # manifest path → (status, code)
    unlisted: list[str]  # entries without a manifest row
    strangers: list[str]  # manifest rows of no entry (from an unreadable folder, say)
    lost: list[str]  # entries that should be in the warehouse and are not
    kept: int  # entries in the warehouse
    forms: int  # forms in the warehouse
    invalid_jsonl: int  # JSONL lines no strict JSON reader takes

    @property
    def ok(self) -> bool:
        return not (self.unlisted or self.strangers or self.lost or self.invalid_jsonl)


def check_ingest(archive: Archive, out: Path) -> IngestCheck:
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    outcome = {f["path"]: (f["status"], f["code"]) for f in files}
    want = {storable(e.rel): e for e in archive.entries}
    kept = {p for p, (status, _) in outcome.items() if status.startswith("parsed")}
    invalid = 0
    for jsonl in (out / "jsonl").glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            try:
                strict_json(line)
            except ValueError:
                invalid += 1
    projects = out / "jsonl" / "projects.jsonl"
    return IngestCheck(
        outcome, sorted(want.keys() - outcome.keys()), sorted(outcome.keys() - want.keys()),
        sorted(p for p, e in want.items() if e.ingest == KEPT and p not in kept),
        len(kept & want.keys()), len(projects.read_text(encoding="utf-8").splitlines()),
        invalid)


@dataclass(slots=True)
class ParseCheck:
    missing: list[str]  # results that should have been written and are not (or torn)
    written: int  # of the entries' results, how many are whole JSON documents
    leftovers: list[str]  # files in OUT that are no entry's result (temporary files)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.leftovers)


def check_parse(archive: Archive, out: Path) -> ParseCheck:
    """``perfparse parse ARCHIVE --out OUT``: every result it should write is whole JSON,
    and nothing else is there. File names are unique across the archive's folders."""
    results = {e.rel.rsplit("/", 1)[-1] + ".json": e for e in archive.entries}
    written = set()
    for p in out.iterdir():
        try:
            strict_json(p.read_text(encoding="utf-8"))
            written.add(p.name)
        except (ValueError, OSError):
            continue
    return ParseCheck(
        sorted(storable(n) for n, e in results.items() if e.parse == KEPT and n not in written),
        len(written & results.keys()),
        sorted(storable(p.name) for p in out.iterdir() if p.name not in results))
