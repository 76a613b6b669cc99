"""The per-file function every engine runs: one file → an :class:`Outcome`.

It parses, flattens and converts to Arrow in the worker, so the one process that
writes the warehouse only moves tables; and it never raises, so one bad file is one
failed row.
"""

from __future__ import annotations

import json
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from perfparse.errors import GrammarError, ParseError, PatternTimeout
from perfparse.extract import DEFAULT_PDF_ENGINE
from perfparse.ingest.discover import open_regular
from perfparse.sink.flatten import flatten_document
from perfparse.storable import storable, storable_json

if TYPE_CHECKING:
    from perfparse.sink.arrow import ArrowTables
    from perfparse.validate.records import Document

# (file name, bytes) → Document; injectable so tests can make a worker crash or hang.
ParseFn = Callable[[str, bytes], "Document"]

FAILED = "failed"
PARSED = "parsed"
WITH_WARNINGS = "parsed-with-warnings"
SKIPPED = "skipped"  # not a file to read (a FIFO, a link out of the archive): no parse


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    rel: str
    sha256: str
    format: str
    size: int
    pdf_engine: str = DEFAULT_PDF_ENGINE
    grammars: str | None = None  # the --grammars folder, loaded (and cached) by each worker
    # "rows": flat rows for a warehouse (ingest); "json": the document's JSON text (parse)
    output: Literal["rows", "json"] = "rows"


@dataclass(slots=True)
class Outcome:
    task: Task
    status: str
    sha256: str
    format: str
    code: str | None = None
    reason: str | None = None
    detail: str | None = None
    forms: int = 0
    indicators: int = 0
    warnings: int = 0
    seconds: float = 0.0
    # The file's rows (task output "rows", parsed); None: it has none. Not made empty
    # here: `perfparse parse` runs without pyarrow.
    tables: ArrowTables | None = None
    lines: dict[str, bytes] | None = None  # the tables' JSONL export lines
    document: str | None = None  # the JSON text, for a task with output "json"


def failed(task: Task, code: str, reason: str, *, detail: str | None = None,
           seconds: float = 0.0) -> Outcome:
    return Outcome(task, FAILED, task.sha256, task.format, code, reason, detail,
                   seconds=seconds)


def check_grammars(folder: Path) -> None:
    """Raise :class:`GrammarError`, naming the file, if ``folder`` does not load over the
    bundled grammars."""
    from perfparse.grammar import load_grammar

    load_grammar(folder)


def process_file(task: Task, parse_fn: ParseFn | None = None) -> Outcome:
    # Imported here, in the worker: the parent that plans and writes never parses,
    # and its memory counts against the whole ingest's.
    from perfparse.api import parse_bytes
    from perfparse.grammar import load_grammar

    start = time.perf_counter()
    try:
        with open_regular(Path(task.path)) as f:
            data = f.read()
        name = storable(Path(task.path).name)
        if parse_fn is None:
            grammar = load_grammar(Path(task.grammars)) if task.grammars else None
            doc = parse_bytes(name, data, pdf_engine=task.pdf_engine, grammar=grammar)
        else:
            doc = parse_fn(name, data)
        del data  # a large file's bytes are not needed while its rows are made
        if task.output == "json":
            return _as_json(task, doc, time.perf_counter() - start)
        # Ingest only: parse runs without pyarrow.
        from perfparse.sink.arrow import arrow_tables, jsonl
        from perfparse.sink.schema import DATA_TABLES

        tables = flatten_document(doc)
        n_warn, n_ind = tables["files"][0]["warnings"], len(tables["indicators"])
        try:
            arrow = arrow_tables(tables)
            # Encoded here, where the cores are, rather than by the one exporting process.
            lines = {t.name: jsonl(t, arrow[t.name].to_batches()) for t in DATA_TABLES}
        # Arrow's errors derive from these: a value no sanitising foresaw, which a column
        # refuses. The file fails alone, like any other.
        except (ValueError, TypeError, ArithmeticError) as e:
            first_line = str(e).strip().split("\n", 1)[0][:300]
            return failed(task, "unstorable", f"the warehouse columns refuse this file's "
                          f"rows ({type(e).__name__}: {first_line}). This is a bug: please "
                          "report it with the file attached", seconds=time.perf_counter() - start)
    except ParseError as e:
        return failed(task, e.code, e.reason, seconds=time.perf_counter() - start)
    except MemoryError:
        return _too_large(task, time.perf_counter() - start)
    except PatternTimeout as e:
        return failed(task, "pattern-timeout", f"{e}; fix or remove that pattern in the "
                      "--grammars folder", seconds=time.perf_counter() - start)
    except GrammarError as e:  # checked before the run, so a worker that cannot see it
        return failed(task, "grammar-unreadable", f"{e}; the --grammars folder must be "
                      "readable by every worker", seconds=time.perf_counter() - start)
    except OSError as e:
        return failed(task, "unreadable", f"cannot read the file ({e.strerror}); it may have "
                      "been moved or deleted during the run", seconds=time.perf_counter() - start)
    except Exception as e:
        if _out_of_memory(e):
            return _too_large(task, time.perf_counter() - start)
        return failed(task, "internal-error",
                      f"perfparse failed on this file ({type(e).__name__}: {e}). This is a bug: "
                      "please report it with the file attached (traceback in the manifest's "
                      "detail column)",
                      detail=traceback.format_exc(), seconds=time.perf_counter() - start)
    return Outcome(
        task, WITH_WARNINGS if n_warn else PARSED, doc.source.sha256, doc.source.format,
        forms=len(doc.forms), indicators=n_ind, warnings=n_warn,
        seconds=time.perf_counter() - start, tables=arrow, lines=lines)


# How C++ libraries (onnxruntime, OpenCV) report an allocation that the memory cap
# refused, wrapped in their own exception types.
_NATIVE_OOM = ("std::bad_alloc", "Insufficient memory", "Failed to allocate memory")
TOO_LARGE = "too-large"


def _out_of_memory(e: BaseException) -> bool:
    while e is not None:
        if isinstance(e, MemoryError) or any(m in str(e) for m in _NATIVE_OOM):
            return True
        e = e.__cause__ or e.__context__
    return False


def _too_large(task: Task, seconds: float) -> Outcome:
    return failed(task, TOO_LARGE, "parsing this file needed more memory than one file may "
                  f"use ({_max_memory_text()}); if it is a genuine form, rerun with a larger "
                  "--max-memory and --retry-failed", seconds=seconds)


def _max_memory_text() -> str:
    """This process's data-memory cap, for messages."""
    soft, _ = resource.getrlimit(resource.RLIMIT_DATA)
    return "no limit set" if soft == resource.RLIM_INFINITY else f"{soft >> 20} MiB"


def _as_json(task: Task, doc: Document, seconds: float) -> Outcome:
    n_warn = len(doc.warnings) + sum(len(f.warnings) for f in doc.forms)
    return Outcome(
        task, WITH_WARNINGS if n_warn else PARSED, doc.source.sha256, doc.source.format,
        forms=len(doc.forms), indicators=sum(len(f.indicators) for f in doc.forms),
        warnings=n_warn, seconds=seconds,
        document=json.dumps(storable_json(doc.model_dump(mode="json")), ensure_ascii=False,
                            indent=1))
