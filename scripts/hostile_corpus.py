"""Hostile-corpus run of issue 13: what each hostile input costs a real run, and whether
one mixed hostile archive still ingests whole.

Builds every case of tests/hostile_archive.py (writer run-stoppers, memory and time
bombs, files that stopped `parse`, archive faults, wrong-but-quiet encodings) in a
work folder, then runs the real commands as subprocesses and measures each run: exit
code, wall seconds, peak memory of the whole process tree (PSS summed over the command
and every worker, sampled every 50 ms, so pages forked workers share count once) and
what was kept.

- per case: `perfparse ingest` and `perfparse parse` over the case beside one good form;
- run-level faults: --out inside the archive, --timeout inf, --prune over a folder that
  turned unreadable, two runs on one OUT at once, a damaged warehouse;
- mixed: every case and every sample (text, PDF, scan, Office) in one archive, ingested
  and parsed; checked against the issue's done-when (exit 0/1, every entry in the
  manifest, every good form in the warehouse, peak tree memory < 3 GB, `parse` writes
  every good result). The script exits 1 if any of that fails.

As root, runs over an archive holding an unreadable folder go through `unshare --user`,
where permissions bind root too.

    python scripts/hostile_corpus.py [--work DIR] [--cases KEY,...] [--no-cases]
                                     [--no-mixed] [--small] [--db URL] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from bench_ingest import sampled

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import hostile_archive as ha  # noqa: E402

PEAK_LIMIT_MB = 3 * 1024  # the bound on the mixed run's tree


@dataclass(slots=True)
class Run:
    cmd: str
    code: int
    seconds: float
    tree_mb: float  # peak PSS of the process tree
    worker_mb: float  # peak RSS of the largest child
    stderr_tail: str


def measure(cmd: list[str]) -> Run:
    # PSS at every sample: a bomb's peak is short, and these runs are not timed for speed.
    returncode, _, stderr, wall, peak = sampled(cmd, pss_every=1)
    mb = 1024 * 1024
    shown = " ".join(c for c in cmd if c not in (sys.executable, "-m"))
    return Run(shown, returncode, round(wall, 1), round(peak.tree / mb),
               round(peak.worker / mb), "\n".join(stderr.splitlines()[-3:]))


def ingest(archive: ha.Archive, out: Path, *extra: str, db: str | None = None
           ) -> tuple[Run, ha.IngestCheck | None]:
    db_args = ["--db", db] if db is not None else []
    run = measure(ha.command(archive, "ingest", archive.root, "--out", out, *extra, *db_args))
    done = (out / "manifest.json").exists() and run.code in (0, 1)
    return run, ha.check_ingest(archive, out) if done else None


def parse(archive: ha.Archive, out: Path) -> tuple[Run, ha.ParseCheck]:
    run = measure(ha.command(archive, "parse", archive.root, "--out", out))
    out.mkdir(parents=True, exist_ok=True)
    return run, ha.check_parse(archive, out)


def outcomes(check: ha.IngestCheck | None, prefix: str) -> str:
    """The manifest outcomes of the entries under ``prefix``, e.g. 'failed:too-large ×2'."""
    if check is None:
        return "-"
    got = Counter(status + (f":{code}" if code else "")
                  for p, (status, code) in check.outcome.items() if p.startswith(prefix))
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(got.items())) or "-"


def case_row(case: ha.Case, work: Path, ctx: ha.Context, good: Path, db: str | None) -> dict:
    """``case`` beside one good form: ingest, then parse."""
    here = work / case.key
    archive = ha.build(here / "archive", [case], [good], ha.Context(
        ctx.samples, here / "scratch", ctx.budget))
    run, check = ingest(archive, here / "out", db=db)
    prun, pcheck = parse(archive, here / "json")
    outcome = outcomes(check, case.key + "/")
    if archive.unreadable:  # no entry of its own: what counts is that the run says so
        outcome = ("folder reported unreadable" if "cannot read the folder" in run.stderr_tail
                   else "unreadable folder NOT reported")
    return row(case.group, case.key, case.what, case.before, run, check, archive, outcome,
               prun, pcheck)


def row(group: str, key: str, what: str, before: str, run: Run, check: ha.IngestCheck | None,
        archive: ha.Archive | None, outcome: str, prun: Run | None = None,
        pcheck: ha.ParseCheck | None = None) -> dict:
    should_keep = sum(e.ingest == ha.KEPT for e in archive.entries) if archive else 0
    should_write = sum(e.parse == ha.KEPT for e in archive.entries) if archive else 0
    return {
        "group": group, "case": key, "what": what, "before": before,
        "ingest": asdict(run), "outcome": outcome,
        "kept": f"{check.kept}/{should_keep}" if check else "-",
        "forms": check.forms if check else "-",
        "manifest": (f"{len(check.outcome)}/{len(check.outcome) + len(check.unlisted)}"
                     if check else "-"),
        "ingest_ok": bool(check and check.ok),
        "parse": asdict(prun) if prun else None,
        "written": f"{pcheck.written}/{should_write}" if pcheck else "-",
        "parse_ok": bool(pcheck and pcheck.ok),
        "problems": problems(check, pcheck),
    }


def problems(check: ha.IngestCheck | None, pcheck: ha.ParseCheck | None) -> list[str]:
    found = []
    if check is not None:
        found += [f"no manifest row: {p}" for p in check.unlisted]
        found += [f"manifest row of no entry: {p}" for p in check.strangers]
        found += [f"not in the warehouse: {p} ({check.outcome.get(p)})" for p in check.lost]
        found += [f"{check.invalid_jsonl} JSONL lines are not JSON"] if check.invalid_jsonl \
            else []
    if pcheck is not None:
        found += [f"parse did not write: {p}" for p in pcheck.missing]
        found += [f"parse left: {p}" for p in pcheck.leftovers]
    return found


def run_faults(work: Path, ctx: ha.Context, good: Path, db: str | None, *, prune: bool
               ) -> list[dict]:
    """Faults of a whole run rather than of a file."""
    rows = []
    base = work / "faults"

    def small(name: str) -> ha.Archive:
        return ha.build(base / name / "archive", [], [good, *ha.good_forms(ctx.samples)[1:3]],
                        ctx)

    archive = small("out-inside")
    run, _ = ingest(archive, archive.root / "out", db=db)
    rows.append(row("archive", "out-inside", "--out inside the archive",
                    "ingests its own exports", run, None, archive,
                    "refused" if run.code == 2 else "NOT refused"))

    archive = small("timeout-inf")
    run, check = ingest(archive, base / "timeout-inf" / "out", "--timeout", "inf", db=db)
    rows.append(row("archive", "timeout-inf", "--timeout inf", "crashes", run, check, archive,
                    outcomes(check, "")))

    rows += _prune_unreadable(small("prune"), base / "prune" / "out", db) if prune else []
    archive = small("concurrent")
    out = base / "concurrent" / "out"
    cmd = ha.command(archive, "ingest", archive.root, "--out", out, *(["--db", db] if db else []))
    second = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    run = measure(cmd)
    _, err = second.communicate()
    refused = "another perfparse ingest" in err + run.stderr_tail
    rows.append(row("archive", "concurrent", "two runs on one OUT at once",
                    "collide on export temp files (PostgreSQL)", run,
                    ha.check_ingest(archive, out), archive,
                    f"exits {sorted([run.code, second.returncode])}, "
                    f"{'one refused' if refused else 'NONE refused'}"))

    archive = small("damaged")
    out = base / "damaged" / "out"
    out.mkdir(parents=True)
    (out / "perfparse.duckdb").write_bytes(os.urandom(5000))
    run, _ = ingest(archive, out)
    rows.append(row("quiet", "damaged-warehouse", "corrupted warehouse",
                    "traceback, or 'another ingest may be writing'", run, None, archive,
                    "says damaged" if "damaged" in run.stderr_tail else run.stderr_tail))
    return rows


def _prune_unreadable(archive: ha.Archive, out: Path, db: str | None) -> list[dict]:
    """Ingest, then the folder holding the files turns unreadable, then --prune."""
    sub = archive.root / ha.GOOD
    ingest(archive, out, db=db)
    sub.chmod(0)
    archive.unreadable.append(ha.GOOD)
    try:
        run, check = ingest(archive, out, "--prune", db=db)
    finally:
        sub.chmod(0o755)
    return [row("archive", "prune-unreadable", "--prune with a folder turned unreadable",
                "its rows dropped, exit 0", run, check, archive,
                f"{len(check.outcome)} rows kept" if check else "-")]


def mixed(work: Path, ctx: ha.Context, db: str | None) -> tuple[list[dict], list[str]]:
    """Every case and every sample in one archive; returns the rows and what fails the
    issue's done-when."""
    archive = ha.build(work / "mixed" / "archive", ha.CASES, ha.good_forms(ctx.samples),
                       ha.Context(ctx.samples, work / "mixed" / "scratch", ctx.budget))
    run, check = ingest(archive, work / "mixed" / "out", db=db)
    prun, pcheck = parse(archive, work / "mixed" / "json")
    r = row("mixed", "mixed", f"{len(archive.entries)} entries, "
            f"{sum(e.rel.startswith(ha.GOOD + '/') for e in archive.entries)} good forms",
            "-", run, check, archive, outcomes(check, ""), prun, pcheck)
    failing = list(r["problems"])
    if run.code not in (0, 1):
        failing.append(f"ingest exit {run.code}")
    if max(run.tree_mb, prun.tree_mb) >= PEAK_LIMIT_MB:
        failing.append(f"peak tree memory {max(run.tree_mb, prun.tree_mb)} MB")
    if check is None:
        failing.append("ingest wrote no manifest")
    return [r], failing


def table(rows: list[dict]) -> str:
    head = ("| group | case | before (issue) | ingest exit | s | peak tree MB | kept | forms "
            "| manifest rows | the case's files | parse exit | s | peak tree MB | written |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        i, p = r["ingest"], r["parse"]
        lines.append(
            f"| {r['group']} | {r['what']} | {r['before']} | {i['code']} | {i['seconds']} "
            f"| {i['tree_mb']} | {r['kept']} | {r['forms']} | {r['manifest']} "
            f"| {r['outcome']} | {p['code'] if p else '-'} | {p['seconds'] if p else '-'} "
            f"| {p['tree_mb'] if p else '-'} | {r['written']} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, help="work folder (default: a temporary one, removed)")
    ap.add_argument("--samples", type=Path, default=ROOT / "samples")
    ap.add_argument("--cases", help="comma-separated case keys (default: all)")
    ap.add_argument("--no-cases", action="store_true", help="skip the per-case runs")
    ap.add_argument("--no-faults", action="store_true", help="skip the run-level faults")
    ap.add_argument("--no-mixed", action="store_true", help="skip the mixed archive")
    ap.add_argument("--small", action="store_true", help="CI-sized bombs and batches")
    ap.add_argument("--db", help="PostgreSQL URL for the warehouse (default: DuckDB in OUT)")
    ap.add_argument("--json", type=Path, help="write the rows here too")
    args = ap.parse_args()
    budget = ha.SMALL if args.small else ha.Budget()
    cases = [ha.BY_KEY[k] for k in args.cases.split(",")] if args.cases else ha.CASES
    if not ha.unreadable_folders_work():
        print("no user namespaces here: the unreadable-folder cases are left out")
        cases = [c for c in cases if c.key != "unreadable"]
    work = args.work or Path(tempfile.mkdtemp(prefix="perfparse-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    ctx = ha.Context(args.samples, work / "scratch", budget)
    good = ha.good_forms(args.samples)[0]
    rows: list[dict] = []
    failing: list[str] = []
    try:
        if not args.no_cases:
            for c in cases:
                rows.append(case_row(c, work / "cases", ctx, good, args.db))
                print(table(rows[-1:]).splitlines()[-1], flush=True)
        if not args.no_faults:
            rows += run_faults(work, ctx, good, args.db, prune=ha.unreadable_folders_work())
        if not args.no_mixed:
            got, failing = mixed(work, ctx, args.db)
            rows += got
    finally:
        if args.work is None:
            _remove(work)
    print(f"\n{table(rows)}\n")
    for r in rows:
        for p in r["problems"]:
            print(f"{r['case']}: {p}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.no_mixed:
        print("mixed archive: " + ("meets the done-when" if not failing else
                                  "FAILS the done-when: " + "; ".join(failing)))
        sys.exit(1 if failing else 0)


def _remove(work: Path) -> None:
    """Remove the work folder, unreadable folders and all (top-down: each folder is
    made readable before the walk goes into it)."""
    for d, dirs, _ in os.walk(work):
        for sub in dirs:
            os.chmod(Path(d, sub), 0o755)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
