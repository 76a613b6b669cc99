"""Command line: a thin layer over the library (see :mod:`perfparse.api`)."""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from perfparse.budget import WORKER_MB, default_workers
from perfparse.errors import GrammarError
from perfparse.extract import DEFAULT_PDF_ENGINE, PDF_ENGINES
from perfparse.limits import MAX_MEMORY_MB
from perfparse.storable import storable

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese fiscal performance forms → validated JSON records.")



def _version(show: bool) -> None:
    if show:
        from importlib.metadata import version

        typer.echo(f"perfparse {version('perfparse')}")
        raise typer.Exit()


@app.callback()
def _main(
    _show_version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")]
    = False,
) -> None:
    """Chinese fiscal performance forms (绩效目标申报表 / 绩效自评表) → validated JSON records.

    Commands: parse (files → JSON documents), ingest (a folder → warehouse tables),
    export (tables and views → CSV / Excel), review (a static HTML report).
    """


_GRAMMARS = typer.Option("--grammars", help="Extra grammar folder (labels, levels, values, "
                         "lookalikes, layouts/ YAML) laid over the bundled grammars/, e.g. a "
                         "new province's layout.")


_TIMEOUT = typer.Option("--timeout", min=1, help="Seconds one file may take before it is "
                        "stopped and marked failed (inf: no limit).")
_MAX_MEMORY = typer.Option("--max-memory", min=64, help="MiB of memory one file's parse may "
                           "use; a file needing more fails alone (too-large).")


def _load(extra: Path | None):
    from perfparse.grammar import load_grammar

    try:
        return load_grammar(extra)
    except GrammarError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e


@app.command("parse")
def parse_cmd(
    files: Annotated[list[Path], typer.Argument(
        help="Input files or folders (every file under them): PDFs, images, Office files, "
             "OCR text dumps (tab/Markdown/HTML); format read from content.")],
    out: Annotated[Path | None, typer.Option("--out", help="Write OUT/<input file name>.json "
                                             "per input instead of printing.")] = None,
    pdf_engine: Annotated[str, typer.Option("--pdf-engine",
                                            help=f"PDF table backend: {', '.join(PDF_ENGINES)}.")]
    = DEFAULT_PDF_ENGINE,
    grammars: Annotated[Path | None, _GRAMMARS] = None,
    timeout: Annotated[float, _TIMEOUT] = 300.0,
    max_memory: Annotated[int, _MAX_MEMORY] = MAX_MEMORY_MB,
) -> None:
    """Parse FILES into documents in the record contract (docs/records.md).

    Without --out a single FILE's JSON goes to stdout; with --out one
    <name>.json per input is written (inputs sharing a name get their folders in
    it: a__x.txt.json, b__x.txt.json). Warnings and errors go to stderr, one line
    each, naming the file. For a warehouse of a whole folder, use ingest.

    Each file is parsed in a worker process under --timeout and --max-memory, so a
    file that hangs, crashes or swells fails alone; a result is written whole or
    not at all.

    Exit codes: 0 all files parsed; 1 at least one file failed or a folder could
    not be read (the others are still written); 2 bad usage or a broken grammar file.
    """
    from perfparse.ingest.pool import ProcessPool
    from perfparse.ingest.task import FAILED, Task

    _load(grammars)  # a broken grammar is a usage error, before any file is read
    _check_timeout(timeout)
    if pdf_engine not in PDF_ENGINES:
        typer.echo(f"error: --pdf-engine must be one of {', '.join(PDF_ENGINES)}", err=True)
        raise typer.Exit(2)
    files, unreadable = _inputs(files)
    if out is None and len(files) != 1:
        typer.echo(f"error: give --out DIR when parsing more than one file ({len(files)} "
                   "given); to load a folder into a warehouse: perfparse ingest FOLDER --out "
                   "DIR", err=True)
        raise typer.Exit(2)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    names = _output_names(files)
    folder = str(grammars.resolve()) if grammars is not None else None
    tasks = {str(f): Task(str(f), str(f), "", "", 0, pdf_engine, folder, output="json")
             for f in files}
    by_task = {str(f): f for f in files}
    pool = ProcessPool(min(len(files), default_workers()), timeout, max_memory=max_memory)
    failed = 0
    for o in pool.run(tasks.values()):
        f = by_task[o.task.path]
        name = storable(f.name)
        if o.status == FAILED or o.document is None:
            failed += 1
            typer.echo(f"error: {name}: {o.reason} [{o.code}]", err=True)
            continue
        doc = json.loads(o.document)
        for w in doc["warnings"]:
            typer.echo(f"warning: {name}: {w['message']} [{w['code']}]", err=True)
        for form in doc["forms"]:
            for w in form["warnings"]:
                typer.echo(f"warning: {name}: form {form['form_index']}: {w['message']} "
                           f"[{w['code']}]", err=True)
        if out is None:
            sys.stdout.write(o.document + "\n")
            continue
        try:
            _write_whole(out / names[f], o.document + "\n")
        except OSError as e:
            failed += 1
            typer.echo(f"error: {name}: cannot write {storable(str(out / names[f]))} "
                       f"({e.strerror}) [unwritable]", err=True)
    if failed or unreadable:
        raise typer.Exit(1)


def _write_whole(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file beside it, so an interrupted or failed
    write leaves the previous result, never a torn one (the temporary name is short:
    ``path``'s own may be near the file system's limit)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                     prefix=".perfparse-", suffix=".tmp", delete=False) as f:
        tmp = Path(f.name)
        try:
            f.write(text)
        except BaseException:
            f.close()
            tmp.unlink()
            raise
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink()
        raise


def _check_timeout(timeout: float) -> None:
    if math.isnan(timeout):
        typer.echo("error: --timeout must be a number of seconds (inf: no limit)", err=True)
        raise typer.Exit(2)


def _inputs(paths: list[Path]) -> tuple[list[Path], int]:
    """Folders expanded to the files under them (hidden ones skipped, as ingest does);
    a path given twice is read once. Also returns how many folders could not be listed:
    their files are missing from the batch, which must not look complete."""
    from perfparse.ingest.discover import walk

    seen: dict[Path, Path] = {}
    unreadable = 0
    for p in paths:
        found = [p]
        if p.is_dir():
            listed = walk(p.resolve())
            for c in listed.files:
                if c.skip is not None:  # a FIFO, a link out of the folder: never opened
                    typer.echo(f"skipped: {c.rel}: {c.skip[1]} [{c.skip[0]}]", err=True)
            for folder, why in listed.unreadable:
                typer.echo(f"error: cannot read the folder {p / folder} ({why}): its files "
                           "are not parsed", err=True)
            unreadable += len(listed.unreadable)
            found = [c.path for c in listed.files if c.skip is None]
        if p.is_dir() and not found:
            typer.echo(f"error: {p} holds no files", err=True)
            raise typer.Exit(2)
        for f in found:
            seen.setdefault(f.resolve(), f)
    return list(seen.values()), unreadable


def _output_names(files: list[Path]) -> dict[Path, str]:
    """``<input file name>.json``; inputs that share a file name are told apart by their
    path below the folder they have in common, so no result overwrites another."""
    count = Counter(f.name for f in files)
    clash = [f.resolve() for f in files if count[f.name] > 1]
    base = Path(os.path.commonpath(clash)) if clash else Path("/")
    names = {f: ("__".join(f.resolve().relative_to(base).parts) if count[f.name] > 1
                 else f.name) for f in files}
    # A file whose own name looks like a joined path (a__x.txt) can still meet one.
    taken = Counter(names.values())
    return {f: (f"{n}.{i}" if taken[n] > 1 else n) + ".json"
            for i, (f, n) in enumerate(names.items())}


@app.command("ingest")
def ingest_cmd(
    root: Annotated[Path, typer.Argument(help="Folder to ingest, searched recursively; formats "
                                         "are read from content.", exists=True,
                                         file_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="Output folder: perfparse.duckdb, "
                                      "manifest.json, jsonl/ and parquet/.")]
    = Path("perfparse-out"),
    db: Annotated[str | None, typer.Option("--db", help="Warehouse URL instead of "
                                           "OUT/perfparse.duckdb: postgresql://user@host:port/db"
                                           " or duckdb:///path.duckdb.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Parallel parsers (default: one per core, fewer if their "
        f"memory, about {WORKER_MB} MB each for scans, would not fit).")] = None,
    threads: Annotated[int | None, typer.Option(
        "--threads", min=1, help="Threads each parser gives OCR and OpenCV (default: "
        "cores // workers, at least 1).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="process (default: local worker "
                                        "processes) or dask.")] = "process",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. "
                                                  "tcp://10.0.0.5:8786; without it --engine "
                                                  "dask starts a local cluster.")] = None,
    timeout: Annotated[float, _TIMEOUT] = 300.0,
    max_memory: Annotated[int, _MAX_MEMORY] = MAX_MEMORY_MB,
    force: Annotated[bool, typer.Option("--force", help="Re-parse files already ingested.")]
    = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Re-parse files that "
                                               "failed before.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Forget files ingested before that "
                                        "are no longer under ROOT, with their rows.")] = False,
    prune_max_share: Annotated[float, typer.Option(
        "--prune-max-share", min=0, max=1, help="--prune refuses to drop more than this share "
        "of the files ingested before (an archive only half mounted looks like a mass "
        "deletion); 1 allows any.")] = 0.5,
    pdf_engine: Annotated[str, typer.Option("--pdf-engine",
                                            help=f"PDF table backend: {', '.join(PDF_ENGINES)}.")]
    = DEFAULT_PDF_ENGINE,
    grammars: Annotated[Path | None, _GRAMMARS] = None,
) -> None:
    """Ingest every file under ROOT into a warehouse, incrementally.

    Files whose content (sha256) was ingested before are skipped; an interrupted
    run is finished by running the same command again. Every file gets a manifest
    row (status parsed / parsed-with-warnings / failed, with the reason; skipped for
    FIFOs, devices and links leading out of ROOT, which are never opened). Files
    removed from ROOT keep their rows unless --prune is given; files in a folder
    that cannot be read are not taken as removed. Files ingested before are not
    parsed again with a changed --grammars unless --force is given.

    Exit codes: 0 every file of this run parsed; 1 some failed or a folder could
    not be read (the rest are in); 2 bad usage, a broken grammar file or a warehouse
    that cannot be used.
    """
    from perfparse.ingest import IngestOptions, Refused, ingest
    from perfparse.ingest.progress import RichProgress
    from perfparse.sink.warehouse import WarehouseError

    if engine not in ("process", "dask"):
        typer.echo("error: --engine must be process or dask", err=True)
        raise typer.Exit(2)
    if pdf_engine not in PDF_ENGINES:
        typer.echo(f"error: --pdf-engine must be one of {', '.join(PDF_ENGINES)}", err=True)
        raise typer.Exit(2)
    _check_timeout(timeout)
    opts = IngestOptions(root=root, out=out, db=db, workers=workers or default_workers(),
                         threads=threads, engine=engine,  # type: ignore[arg-type]
                         scheduler=scheduler, timeout=timeout, force=force,
                         retry_failed=retry_failed, prune=prune,
                         prune_max_share=prune_max_share, pdf_engine=pdf_engine,
                         grammars=grammars, max_memory=max_memory)
    try:
        with RichProgress() as progress:
            s = ingest(opts, progress)
    except (GrammarError, WarehouseError, Refused) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    except KeyboardInterrupt:
        typer.echo("interrupted: files finished so far are saved; run the same command again "
                   "to ingest the rest", err=True)
        raise typer.Exit(130) from None
    done = s.files - s.unchanged
    typer.echo(f"{s.files} files: {s.parsed} parsed, {s.parsed_with_warnings} parsed with "
               f"warnings, {s.failed} failed, {s.unchanged} unchanged since an earlier run"
               + (f", {s.skipped} skipped (not regular files)" if s.skipped else "")
               + (f", {s.copies} copies of other files" if s.copies else ""))
    if done:
        typer.echo(f"{s.forms} forms, {s.indicators} indicators in {s.seconds:.1f} s "
                   f"({done / s.seconds:.1f} files/s, {s.workers} {s.engine} workers, "
                   f"{s.threads} thread{'s' if s.threads > 1 else ''} each)")
    else:
        typer.echo("nothing new to ingest (--force re-parses, --retry-failed retries failures)")
    if s.pruned:
        many = s.pruned > 1
        typer.echo(f"pruned {s.pruned} file{'s' if many else ''} no longer under {root}, with "
                   f"{'their' if many else 'its'} rows")
    elif s.missing:
        many = s.missing > 1
        typer.echo(f"{s.missing} file{'s' if many else ''} ingested before "
                   f"{'are' if many else 'is'} no longer under {root}; "
                   f"{'their' if many else 'its'} rows are kept (--prune drops them)")
    typer.echo(f"warehouse: {s.warehouse}")
    if s.exported_rows:
        typer.echo(f"files: {out / 'manifest.json'}, {out / 'jsonl'}/, {out / 'parquet'}/")
    for folder, why in s.unreadable_dirs:
        typer.echo(f"error: cannot read the folder {folder} ({why}): files ingested from it "
                   "keep their rows; fix its permissions or mount and run again", err=True)
    if s.failed:
        typer.echo(f"{s.failed} file{'s' if s.failed > 1 else ''} failed: see the lines above "
                   "and the manifest (status \"failed\"); fix or remove them, then rerun with "
                   "--retry-failed", err=True)
    if s.failed or s.unreadable_dirs:
        raise typer.Exit(1)


_OUT_ARG = typer.Argument(help="The --out folder of a perfparse ingest.", exists=True,
                          file_okay=False)


@app.command("export")
def export_cmd(
    out: Annotated[Path, _OUT_ARG],
    fmt: Annotated[str, typer.Option("--format", help="csv (a file per table and view) or "
                                     "xlsx (one workbook, a sheet each).")] = "csv",
    to: Annotated[Path | None, typer.Option("--to", help="Folder to write into (default: "
                                            "OUT/export).")] = None,
) -> None:
    """Export the flat tables and the views (forms, funds_by_department_year,
    indicator_outcomes, project_scores, review_items) of an ingest's OUT folder.

    Exit codes: 0 written; 2 bad usage or OUT is not an ingest's output.
    """
    from perfparse.sink.spreadsheet import export

    if fmt not in ("csv", "xlsx"):
        typer.echo("error: --format must be csv or xlsx", err=True)
        raise typer.Exit(2)
    try:
        written = export(out, fmt, to or out / "export")  # type: ignore[arg-type]
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    where = written[0].parent
    typer.echo(f"{len(written)} file{'s' if len(written) > 1 else ''} in {where}/: "
               + ", ".join(p.name for p in written))


@app.command("review")
def review_cmd(
    out: Annotated[Path, _OUT_ARG],
    root: Annotated[Path | None, typer.Option("--root", help="Where the ingested files are "
                                              "now (default: the folder the last ingest "
                                              "read).")] = None,
) -> None:
    """Write a static HTML report to OUT/review/: index.html lists the documents by
    number of warnings, and each document's page shows its source (PDF pages as
    images, other files as their table rows) beside what was read, every value
    linked to where it was printed, warnings and low-confidence values marked.
    Opens from disk: no server.

    Exit codes: 0 written (sources that could not be shown are listed); 2 OUT is not
    an ingest's output.
    """
    from perfparse.review import write_review

    try:
        s = write_review(out, root)
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    for p in s.problems:
        typer.echo(f"not shown: {p}", err=True)
    typer.echo(f"{s.documents} documents, {s.pages} page images: {s.folder / 'index.html'}")
