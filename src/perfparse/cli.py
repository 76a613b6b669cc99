"""Command line: a thin layer over the library (see :mod:`perfparse.api`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from perfparse.errors import GrammarError, ParseError
from perfparse.extract import PDF_ENGINES
from perfparse.runtime import tune_gc

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese fiscal performance forms → validated JSON records.")



@app.callback()
def _main() -> None:
    """Chinese fiscal performance forms (绩效目标申报表 / 绩效自评表) → validated JSON records.

    Commands: parse (files → JSON documents), ingest (a folder → warehouse tables).
    """


_GRAMMARS = typer.Option("--grammars", help="Extra grammar folder (labels, levels, values, "
                         "lookalikes, layouts/ YAML) laid over the bundled grammars/, e.g. a "
                         "new province's layout.")


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
        help="Input files: PDFs, images, OCR text dumps (tab/Markdown/HTML); format read "
             "from content.")],
    out: Annotated[Path | None, typer.Option("--out", help="Write OUT/<input file name>.json "
                                             "per input instead of printing.")] = None,
    pdf_engine: Annotated[str, typer.Option("--pdf-engine",
                                            help=f"PDF table backend: {', '.join(PDF_ENGINES)}.")]
    = "pdfplumber",
    grammars: Annotated[Path | None, _GRAMMARS] = None,
) -> None:
    """Parse FILES into documents in the record contract (spec/records.md).

    Without --out a single FILE's JSON goes to stdout; with --out one
    <name>.json per input is written. Warnings and errors go to stderr, one line
    each, naming the file.

    Exit codes: 0 all files parsed; 1 at least one file failed (the others are
    still written); 2 bad usage or a broken grammar file.
    """
    from perfparse.api import parse

    grammar = _load(grammars)
    tune_gc()
    if pdf_engine not in PDF_ENGINES:
        typer.echo(f"error: --pdf-engine must be one of {', '.join(PDF_ENGINES)}", err=True)
        raise typer.Exit(2)
    if out is None and len(files) != 1:
        typer.echo("error: give --out DIR when parsing more than one file", err=True)
        raise typer.Exit(2)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for f in files:
        try:
            doc = parse(f, pdf_engine=pdf_engine, grammar=grammar)
        except ParseError as e:
            failed += 1
            typer.echo(f"error: {e.file}: {e.reason} [{e.code}]", err=True)
            continue
        for w in doc.warnings:
            typer.echo(f"warning: {f.name}: {w.message} [{w.code}]", err=True)
        for form in doc.forms:
            for w in form.warnings:
                typer.echo(f"warning: {f.name}: form {form.form_index}: {w.message} [{w.code}]",
                           err=True)
        text = json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1)
        if out is None:
            sys.stdout.write(text + "\n")
        else:
            (out / f"{f.name}.json").write_text(text + "\n", encoding="utf-8")
    if failed:
        raise typer.Exit(1)


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
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parallel parsers "
                                         "(default: CPU count).")] = os.cpu_count() or 1,
    engine: Annotated[str, typer.Option("--engine", help="process (default: local worker "
                                        "processes) or dask.")] = "process",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. "
                                                  "tcp://10.0.0.5:8786; without it --engine "
                                                  "dask starts a local cluster.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds one file may "
                                           "take before it is stopped and marked failed.")]
    = 300.0,
    force: Annotated[bool, typer.Option("--force", help="Re-parse files already ingested.")]
    = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Re-parse files that "
                                               "failed before.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Forget files ingested before that "
                                        "are no longer under ROOT, with their rows.")] = False,
    pdf_engine: Annotated[str, typer.Option("--pdf-engine",
                                            help=f"PDF table backend: {', '.join(PDF_ENGINES)}.")]
    = "pdfplumber",
    grammars: Annotated[Path | None, _GRAMMARS] = None,
) -> None:
    """Ingest every file under ROOT into a warehouse, incrementally.

    Files whose content (sha256) was ingested before are skipped; an interrupted
    run is finished by running the same command again. Every file gets a manifest
    row (status parsed / parsed-with-warnings / failed, with the reason). Files
    removed from ROOT keep their rows unless --prune is given. Files ingested before
    are not parsed again with a changed --grammars unless --force is given.

    Exit codes: 0 every file of this run parsed; 1 some failed (the rest are in);
    2 bad usage, a broken grammar file or a warehouse that cannot be used.
    """
    from perfparse.ingest import IngestOptions, PruneRefused, ingest
    from perfparse.ingest.progress import RichProgress
    from perfparse.sink.warehouse import WarehouseError

    if engine not in ("process", "dask"):
        typer.echo("error: --engine must be process or dask", err=True)
        raise typer.Exit(2)
    if pdf_engine not in PDF_ENGINES:
        typer.echo(f"error: --pdf-engine must be one of {', '.join(PDF_ENGINES)}", err=True)
        raise typer.Exit(2)
    opts = IngestOptions(root=root, out=out, db=db, workers=workers, engine=engine,  # type: ignore[arg-type]
                         scheduler=scheduler, timeout=timeout, force=force,
                         retry_failed=retry_failed, prune=prune, pdf_engine=pdf_engine,
                         grammars=grammars)
    try:
        with RichProgress() as progress:
            s = ingest(opts, progress)
    except (GrammarError, WarehouseError, PruneRefused) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    except KeyboardInterrupt:
        typer.echo("interrupted: files finished so far are saved; run the same command again "
                   "to ingest the rest", err=True)
        raise typer.Exit(130) from None
    done = s.files - s.unchanged
    typer.echo(f"{s.files} files: {s.parsed} parsed, {s.parsed_with_warnings} parsed with "
               f"warnings, {s.failed} failed, {s.unchanged} unchanged since an earlier run"
               + (f", {s.copies} copies of other files" if s.copies else ""))
    if done:
        typer.echo(f"{s.forms} forms, {s.indicators} indicators in {s.seconds:.1f} s "
                   f"({done / s.seconds:.1f} files/s, {s.workers} {s.engine} workers)")
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
    if s.failed:
        typer.echo(f"{s.failed} file{'s' if s.failed > 1 else ''} failed: see the lines above "
                   "and the manifest (status \"failed\"); fix or remove them, then rerun with "
                   "--retry-failed", err=True)
        raise typer.Exit(1)
