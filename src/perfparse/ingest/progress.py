"""A rich progress bar for ingest runs: files done, files/s, failures, and one line
per failed file naming it, the reason and what to do."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from perfparse.ingest.task import FAILED, SKIPPED

MAX_PRINTED_FAILURES = 50


class _Rate(ProgressColumn):
    """Files per second since the start: rich's own windowed speed jumps about, as
    files are committed (and advance the bar) in batches."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time or task.elapsed
        rate = task.completed / elapsed if elapsed else 0.0
        return Text(f"{rate:6.1f} files/s", style="cyan")


class _Failures(ProgressColumn):
    def render(self, task: Task) -> Text:
        n = task.fields.get("failed", 0)
        return Text(f"{n} failed", style="red" if n else "green")


class RichProgress:
    """Implements :class:`perfparse.ingest.run.Progress` on a console (stderr by default)."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _Rate(),
                            _Failures(), TimeElapsedColumn(), TextColumn("eta"),
                            TimeRemainingColumn(), console=self.console,
                            # Files finish a few per second: 10 redraws/s would
                            # only spend the CPU the parsers need.
                            refresh_per_second=2)
        self.task_id = self.bar.add_task("ingest", total=None, failed=0)
        self.failed = 0

    def __enter__(self) -> RichProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def start(self, total: int) -> None:
        self.bar.update(self.task_id, total=total)

    def advance(self, path: str, status: str, reason: str | None) -> None:
        if status == SKIPPED:
            self.bar.console.print(f"[yellow]skipped[/yellow] {escape(path)}: "
                                   f"{escape(reason or '')}", highlight=False, soft_wrap=True)
        if status == FAILED:
            self.failed += 1
            if self.failed <= MAX_PRINTED_FAILURES:
                self.bar.console.print(f"[red]failed[/red] {escape(path)}: {escape(reason or '')}",
                                       highlight=False, soft_wrap=True)
            elif self.failed == MAX_PRINTED_FAILURES + 1:
                self.bar.console.print("… more failures: see OUT/manifest.json "
                                       "(status \"failed\")", highlight=False, soft_wrap=True)
        self.bar.update(self.task_id, advance=1, failed=self.failed)
