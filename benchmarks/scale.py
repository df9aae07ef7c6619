"""Speed at scale (issue 11 §3): every figure of the issue's table in ONE table.

Each row is measured through courtapp and beside a bare baseline run in the
same process on the same database, with the ratio and the issue's target:

- import (interchange v1 JSON Lines, a fresh database, one transaction) in
  cases/s and its peak RSS, for the file and for a file twice as large (memory
  should stay flat); baseline: ``json.loads`` of every line (reading the file);
- export in cases/s; baseline: the SQL statements export issued, replayed on a
  raw DB-API cursor;
- ``courtapp daily`` (on a copy of the database: it writes) with the number of
  changes it made; baseline: its SELECT statements replayed raw;
- name-prefix search, the 10 commonest one-character prefixes: the first page
  the Cases screen shows (median and p95); baseline: its SQL replayed raw;
- exact lookups by case number and by id; baseline: one raw ``SELECT`` on an
  open connection;
- list paging to the last row (every listing, 200 a page); baseline: one raw
  ``SELECT`` of the same rows;
- the monthly report (every court); baseline: its SQL replayed raw;
- issuing pages/s: ``benchmarks/notices.py`` (bare ReportLab against the
  register's renderer) is run and its lines are shown under the table.

The database is built once with ``courtapp demo --cases N`` (SQLite file
``benchmarks/bench-N.db`` unless ``--database URL``).  The default N = 20,000
runs in a few minutes; the issue's figures are for ``--cases 1000000``.

    python benchmarks/scale.py [--cases N] [--database URL] [--import-cases K]
                               [--samples S] [--rebuild] [--skip-notices]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from reports import Recorder, replay  # noqa: E402

ROWS: list[tuple[str, str, str, str, str]] = []
#: The rows ``--only`` can choose.
SECTIONS = ("import", "export", "daily", "search", "exact", "paging", "monthly", "notices")


def ms(fn: Callable[[], Any], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]


def add(label: str, app: str, base: str, ratio: float, target: str) -> None:
    ROWS.append((label, app, base, f"{ratio:.1f}x", target))
    print(f"  {label}: {app} | baseline {base} | {ratio:.1f}x | target {target}", flush=True)


def write_import_file(path: Path, n: int, seed: int) -> None:
    """``n`` cases with their listings, as ``courtapp export --jsonl`` writes them,
    from a demo court whose case numbers are not in the benchmark database."""
    from courtapp.core.domain.demo_court import DemoGenerator
    from courtapp.core.domain.listing import ListingStatus
    from courtapp.core.interchange import dump_case

    gen = DemoGenerator(seed=seed, today=date.today(), months=24)
    with path.open("w", encoding="utf-8") as f:
        for _ in range(n):
            c = gen.case()
            c.listings = [p.listing for p in gen.life(c).listings
                          if p.listing.status is not ListingStatus.DRAFT]
            f.write(json.dumps(dump_case(c), ensure_ascii=False) + "\n")


def child_import(url: str, path: str) -> None:
    """Run in a child process: one import; prints seconds and peak RSS as JSON."""
    import resource

    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import cases

    ctx = open_database(url)
    t, cpu = time.perf_counter(), time.process_time()
    n = cases.import_file(ctx.uow(), console_actor("bench"), Path(path))
    s, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(json.dumps({"cases": len(n), "seconds": s, "cpu": cpu,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def scratch_url(base: str | None, name: str, tmp: Path) -> tuple[str, Callable[[], None]]:
    """A fresh empty database for the import: a SQLite file, or a new PostgreSQL database."""
    if base is None or base.startswith("sqlite"):
        f = tmp / f"{name}.db"
        return f"sqlite+pysqlite:///{f}", lambda: None
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    u = make_url(base)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    db = f"{u.database}_{name}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{db}"'))
        c.execute(text(f'CREATE DATABASE "{db}"'))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()
    return u.set(database=db).render_as_string(hide_password=False), drop


def bench_import(args: argparse.Namespace, tmp: Path) -> None:
    print("import (a fresh database each run)", flush=True)
    results = []
    for factor in (1, 2):
        n = args.import_cases * factor
        f = tmp / f"import-{n}.jsonl"
        write_import_file(f, n, seed=77 + factor)
        t = time.process_time()
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                json.loads(line)
        bare = time.process_time() - t
        url, drop = scratch_url(args.database, f"imp{factor}", tmp)
        try:
            done = subprocess.run([sys.executable, __file__, "--child-import", url, str(f)],
                                  capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"the import of {f} failed:\n{done.stderr}")
            out = done.stdout
        finally:
            drop()
        r = json.loads(out.strip().splitlines()[-1])
        results.append(r)
        add(f"import {n:,} cases (cases per CPU s; wall; peak RSS)",
            f"{n / r['cpu']:,.0f}/s; {n / r['seconds']:,.0f}/s wall; {r['rss_mb']:.0f} MB",
            f"{n / bare:,.0f}/s (json.loads, CPU)", r["cpu"] / bare, "≥ 5,000/s; RSS flat in file size")


#: The columns of a row of the case list (``CaseSummary``), for the raw baselines.
LIST_COLUMNS = ("c.id, c.case_number, c.court_name, c.filed_on, c.judge, c.applicant_names, "
                "c.respondent_names, c.due_fen, c.outstanding_fen, c.notice_deadline, c.performed, "
                "c.partly_performed, c.notice_issued_on, c.notice_served_on, c.version")


def _exact_row(ctx: Any, actor: Any, cur: Any, label: str, sample: list[str], sql: str,
               params: Callable[[str], tuple[str, ...]], limit: int) -> None:
    from courtapp.core.services import cases as svc

    query = [svc.SearchQuery(text=v) for v in sample]

    def app(i: int) -> list[int]:
        if limit == 20:  # the counter's case lookup (ui/counter/intake.py)
            return [s.id for s in svc.search_cases(ctx.uow(), actor, query[i], limit=20)]
        return [s.id for s in svc.cases_page(ctx.uow(), actor, query[i], limit=limit).rows]

    def raw(i: int) -> list[int]:
        cur.execute(sql, params(sample[i]))
        return [r[0] for r in cur.fetchall()][:limit]
    for i in range(min(len(sample), 20)):  # the same rows, and warm caches on both sides
        got, expected = app(i), raw(i)
        if got != expected:
            raise SystemExit(f"exact lookup {sample[i]!r}: courtapp gave {got}, the raw SQL {expected}")
    a = [ms(lambda i=i: app(i))[0] for i in range(len(sample))]
    r = [ms(lambda i=i: raw(i))[0] for i in range(len(sample))]
    add(f"exact lookup by {label} (median of {len(sample)}; p95)",
        f"{statistics.median(a):.3f} ms; {p95(a):.3f} ms",
        f"{statistics.median(r):.3f} ms; {p95(r):.3f} ms (raw SQL, open connection)",
        statistics.median(a) / statistics.median(r), "≤ 2x raw")


def bench_exact(args: argparse.Namespace, ctx: Any, actor: Any, rng: random.Random,
                numbers: list[str], ids: list[int]) -> None:
    """Exact lookups as the issue means them: what the user types into the case
    list's search box (the Cases screen, the counter's case lookup) — a whole
    case number, an 18-character resident ID, a credit code — and the first page
    of the list it gives (no count).  Baseline: hand-written SQL giving the same
    rows, on an open DB-API connection; the ids of both are compared."""
    from courtapp.core.services import cases as svc

    print("exact lookups", flush=True)
    n = args.lookups
    with ctx.engine.connect() as c:
        ric = [r[0] for r in c.execute(text(
            "SELECT DISTINCT p.id_number FROM persons p JOIN case_parties cp ON cp.person_id = p.id "
            "WHERE p.id_number IS NOT NULL"))]
        uscc = [r[0] for r in c.execute(text(
            "SELECT DISTINCT p.credit_code FROM persons p JOIN case_parties cp ON cp.person_id = p.id "
            "WHERE p.credit_code IS NOT NULL"))]
    raw_conn = ctx.engine.raw_connection()
    cur = raw_conn.cursor()
    q = "?" if ctx.engine.dialect.paramstyle == "qmark" else "%s"
    by_number = (f"SELECT {LIST_COLUMNS} FROM cases c WHERE c.case_number = {q} "
                 "ORDER BY c.id DESC LIMIT 201")
    # A person's number finds the cases naming the person, and the cases of an
    # entity whose officer the person is; 18 characters may be either kind.
    match = f"(p.id_number = {q} OR p.credit_code = {q})"
    by_person = (f"SELECT {LIST_COLUMNS} FROM cases c WHERE c.id IN ("
                 "SELECT cp.case_id FROM case_parties cp JOIN persons p ON p.id = cp.person_id "
                 f"WHERE {match} UNION SELECT cp.case_id FROM case_parties cp "
                 "JOIN officers o ON o.entity_id = cp.person_id JOIN persons p ON p.id = o.person_id "
                 f"WHERE {match}) ORDER BY c.id DESC LIMIT 201")
    for label, values, sql, params, limit in (
            ("case number", numbers, by_number, lambda v: (v,), 200),
            ("resident ID", ric, by_person, lambda v: (v, v, v, v), 200),
            ("credit code", uscc, by_person, lambda v: (v, v, v, v), 200),
            ("case number, counter (20 rows)", numbers, by_number.replace("201", "21"),
             lambda v: (v,), 20)):
        if values:
            _exact_row(ctx, actor, cur, label, [rng.choice(values) for _ in range(n)], sql, params,
                       limit)

    # Not the measure: loading one whole case for the case form.
    one = f"SELECT * FROM cases WHERE id = {q}"
    sample_ids = [rng.choice(ids) for _ in range(n)]
    a = [ms(lambda v=v: svc.get_case(ctx.uow(), actor, case_id=v))[0] for v in sample_ids]
    r = [ms(lambda v=v: cur.execute(one, (v,)).fetchall())[0] for v in sample_ids]
    add(f"load a whole case (get_case by id, median of {n})", f"{statistics.median(a):.3f} ms",
        f"{statistics.median(r):.3f} ms (its case row alone, raw)",
        statistics.median(a) / statistics.median(r), "(not in the issue's table)")
    cur.close()
    raw_conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--database", help="URL (default: SQLite file benchmarks/bench-<N>.db)")
    ap.add_argument("--import-cases", type=int, default=5000)
    ap.add_argument("--samples", type=int, default=100)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--skip-notices", action="store_true")
    ap.add_argument("--lookups", type=int, default=200, help="exact lookups per row (median)")
    ap.add_argument("--only", type=lambda v: set(v.split(",")), default=set(), metavar="ROWS",
                    help="measure only these rows, comma-separated: " + ",".join(SECTIONS))
    ap.add_argument("--child-import", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.only - set(SECTIONS):
        ap.error(f"--only: unknown {', '.join(sorted(args.only - set(SECTIONS)))}")

    def want(section: str) -> bool:
        return not args.only or section in args.only
    if args.child_import:
        child_import(*args.child_import)
        return 0

    url = args.database or f"sqlite+pysqlite:///{HERE / f'bench-{args.cases}.db'}"
    db_file = None if args.database else HERE / f"bench-{args.cases}.db"
    if db_file is not None and args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)

    from courtapp.core.context import open_database
    from courtapp.core.domain.paging import every
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.interchange import dump_case
    from courtapp.core.reports.monthly import Month
    from courtapp.core.services import cases as svc
    from courtapp.core.services import daily, listing, reports

    ctx = open_database(url)
    actor = console_actor("bench")
    have = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    if have < args.cases:
        print(f"building: courtapp demo --cases {args.cases - have:,}", flush=True)
        subprocess.run([sys.executable, "-m", "courtapp", "--database", url, "demo",
                        "--cases", str(args.cases - have), "--batch", "10000"], check=True)
        with ctx.engine.connect() as c:
            c.execute(text("ANALYZE"))
            c.commit()
    total = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    print(f"database: {ctx.safe_url} — {total:,} cases; {os.cpu_count()} CPUs", flush=True)
    rec = Recorder(ctx.engine)
    rng = random.Random(11)
    with ctx.engine.connect() as c:
        numbers = [r[0] for r in c.execute(text("SELECT case_number FROM cases ORDER BY id"))]
        ids = [r[0] for r in c.execute(text("SELECT id FROM cases ORDER BY id"))]

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if want("import"):
            bench_import(args, tmp)

        # ---------------------------------------------------------------- export
        if want("export"):
            print("export", flush=True)
            some = numbers[: args.import_cases]

            def export() -> None:
                for c in svc.export_cases(ctx.uow(), actor, some):
                    json.dumps(dump_case(c), ensure_ascii=False)
            cpu = time.process_time()
            t = ms(export)[0]
            cpu = time.process_time() - cpu
            raw = replay(ctx.engine, rec.record(export))
            b = ms(raw)[0]
            add(f"export {len(some):,} cases (cases/s; per CPU s)",
                f"{len(some) / t * 1000:,.0f}/s; {len(some) / cpu:,.0f}/s CPU",
                f"{len(some) / b * 1000:,.0f}/s (its SQL raw)", t / b, "≥ 5,000/s")

        # ---------------------------------------------------------------- daily
        if want("daily"):
            print("daily", flush=True)
            if db_file is not None:
                copy = tmp / "daily.db"
                shutil.copy(db_file, copy)
                dctx = open_database(f"sqlite+pysqlite:///{copy}")
            else:
                dctx = ctx  # PostgreSQL: on the database itself (the run is idempotent)
            drec = Recorder(dctx.engine)
            summary: list[Any] = []
            t0 = time.perf_counter()
            stmts = drec.record(lambda: summary.append(daily.run_daily(dctx.uow(), actor, date.today())))
            t = (time.perf_counter() - t0) * 1000
            s = summary[0]
            changes = len(s.published) + len(s.cancelled) + len(s.expired) + len(s.permissions_ended)
            selects = [(q, p) for q, p in stmts if q.lstrip().upper().startswith("SELECT")]
            drec_ms = ms(replay(dctx.engine, selects))[0]
            add(f"daily, {changes:,} changes ({len(stmts):,} statements)", f"{t / 1000:.2f} s",
                f"{drec_ms / 1000:.2f} s (its SELECTs raw)", t / drec_ms if drec_ms else 0.0,
                "≤ 10 s for 10,000 changes")

        # ---------------------------------------------------------------- search
        if want("search"):
            print("name-prefix search", flush=True)
            with ctx.engine.connect() as c:
                prefixes = [r[0] for r in c.execute(text(
                    "SELECT substr(name, 1, 1) AS p FROM persons GROUP BY p ORDER BY count(*) DESC LIMIT 10"))]
            app_ms: list[float] = []
            raw_ms: list[float] = []
            for p in prefixes:
                q = svc.SearchQuery(text=p)

                def first_page(q: svc.SearchQuery = q) -> None:
                    svc.cases_page(ctx.uow(), actor, q, limit=200)
                first_page()
                raw = replay(ctx.engine, rec.record(first_page))
                for _ in range(max(1, args.samples // len(prefixes))):
                    app_ms += ms(first_page)
                    raw_ms += ms(raw)
            add("prefix search, 10 commonest (median; p95)",
                f"{statistics.median(app_ms):.1f} ms; {p95(app_ms):.1f} ms",
                f"{statistics.median(raw_ms):.1f} ms; {p95(raw_ms):.1f} ms (its SQL raw)",
                statistics.median(app_ms) / statistics.median(raw_ms), "median ≤ 20 ms, p95 ≤ 50 ms")

        # ---------------------------------------------------------------- exact lookups
        if want("exact"):
            bench_exact(args, ctx, actor, rng, numbers, ids)

        # ---------------------------------------------------------------- paging
        if want("paging"):
            print("list paging", flush=True)
            n_rows = [0]

            def all_listings() -> None:
                n_rows[0] = sum(1 for _ in every(lambda after: listing.listings_page(
                    ctx.uow(), actor, after=after, limit=200)))  # type: ignore[arg-type]
            t = ms(all_listings)[0]
            with ctx.engine.connect() as c:
                b = ms(lambda: c.execute(text(
                    "SELECT l.*, c.case_number, p.name FROM listings l JOIN cases c ON c.id = l.case_id "
                    "JOIN persons p ON p.id = l.person_id ORDER BY l.id DESC")).fetchall())[0]
                total_l = c.execute(text("SELECT count(*) FROM listings")).scalar_one()
            add(f"listings paged to the last row ({n_rows[0]:,} of {total_l:,})", f"{t / 1000:.2f} s",
                f"{b / 1000:.2f} s (one raw SELECT)", t / b, "every row, keyset pages")

        # ---------------------------------------------------------------- monthly report
        if want("monthly"):
            print("monthly report", flush=True)
            month = Month.of(date.today()).shift(-1)

            def report() -> None:
                reports.monthly_report(ctx.uow(), actor, month)
            report()
            raw = replay(ctx.engine, rec.record(report))
            a = ms(report, 3)
            r = ms(raw, 3)
            add(f"monthly report {month}, every court", f"{statistics.median(a) / 1000:.2f} s",
                f"{statistics.median(r) / 1000:.2f} s (its SQL raw)",
                statistics.median(a) / statistics.median(r), "≤ 2 s on 1M cases")

    notices = ""
    if not args.skip_notices and want("notices"):
        print("issuing (benchmarks/notices.py --count 200)", flush=True)
        notices = subprocess.run([sys.executable, str(HERE / "notices.py"), "--count", "200",
                                  "--rounds", "1"], capture_output=True, text=True).stdout

    print()
    print(f"Speed at scale — {ctx.engine.dialect.name}, {total:,} cases, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the end (times are wall clock unless marked CPU)")
    head = ("path", "courtapp", "baseline (same run)", "ratio", "target")
    widths = [max(len(str(x[i])) for x in [head, *ROWS]) for i in range(5)]
    for r in [head, tuple("-" * w for w in widths), *ROWS]:
        print(" | ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)))
    if notices:
        print()
        print("issuing pages/s (benchmarks/notices.py --count 200 --rounds 1):")
        print(notices.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
