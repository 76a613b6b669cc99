"""Command line: a thin layer over the library (see :mod:`perfparse.api`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from perfparse.api import parse
from perfparse.errors import ParseError
from perfparse.extract import PDF_ENGINES
from perfparse.grammar import GrammarError, load_grammar

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese fiscal performance forms → validated JSON records.")

_GRAMMARS = typer.Option("--grammars", help="Extra grammar folder (labels/levels/layouts YAML) "
                         "laid over the bundled grammars/, e.g. a new province's layout.")


def _load(extra: Path | None):
    try:
        return load_grammar(extra)
    except GrammarError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e


@app.command("parse")
def parse_cmd(
    files: Annotated[list[Path], typer.Argument(help="Input files: PDFs, images, OCR text dumps "
                                                "(tab/Markdown/HTML). Format is read from content.")],
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
    grammar = _load(grammars)
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
