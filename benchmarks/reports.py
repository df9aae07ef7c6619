"""Monthly-report and public-list benchmark on a million cases (issue 11 §3).

Builds (once) a 1,000,000-case demo court with ``courtapp demo`` — the same
database file as ``benchmarks/case_list.py`` — and prints, each beside a bare
baseline run in the same process on the same database:

1. the monthly report (``courtapp report monthly``: every figure, each one SQL
   aggregate) through the service layer, for every court and for the court of
   the demo; the baseline replays the very SQL statements the service issued,
   with their parameters, on a raw DB-API cursor.  Goal: ≤ 2 s on 1M cases.
2. the 12-month trend the Reports page charts, with the same kind of baseline;
3. the public export of one month (JSON, Art. 6 fields, masked) in entries/s,
   against a raw SELECT of the same listing rows.

    python benchmarks/reports.py [--cases N] [--database URL] [--rebuild] [--repeat K]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

HERE = Path(__file__).resolve().parent


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def row(label: str, app_ms: list[float], raw_ms: list[float], goal_ms: float | None) -> None:
    a, r = statistics.median(app_ms), statistics.median(raw_ms)
    p95 = sorted(app_ms)[max(0, int(len(app_ms) * 0.95) - 1)]
    verdict = "" if goal_ms is None else ("  meets goal" if a <= goal_ms else f"  MISSES goal {goal_ms:g} ms")
    print(f"{label:<34} app median {a:9.1f} ms  p95 {p95:9.1f} ms | raw SQL {r:9.1f} ms"
          f" | ratio {a / r if r else float('inf'):5.2f}x{verdict}")


class Recorder:
    """The SQL statements an engine runs while recording, with their parameters."""

    def __init__(self, engine: Any) -> None:
        self.statements: list[tuple[str, Any]] = []
        self.on = False
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any,
              executemany: bool) -> None:
        if self.on and not executemany:
            self.statements.append((statement, parameters))

    def record(self, fn: Callable[[], Any]) -> list[tuple[str, Any]]:
        self.statements, self.on = [], True
        try:
            fn()
        finally:
            self.on = False
        return list(self.statements)


def replay(engine: Any, statements: list[tuple[str, Any]]) -> Callable[[], None]:
    def run() -> None:
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            for sql, params in statements:
                cur.execute(sql, params)
                cur.fetchall()
            cur.close()
        finally:
            raw.close()
    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--database", help="URL (default: SQLite file benchmarks/bench-<N>.db)")
    ap.add_argument("--rebuild", action="store_true", help="build the database again")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement")
    ap.add_argument("--month", help="YYYY-MM (default: the last whole month)")
    args = ap.parse_args()

    url = args.database or f"sqlite+pysqlite:///{HERE / f'bench-{args.cases}.db'}"
    db_file = None if args.database else HERE / f"bench-{args.cases}.db"
    if db_file is not None and args.rebuild and db_file.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)

    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.reports.monthly import Month
    from courtapp.core.services import cases as svc
    from courtapp.core.services import public_list, reports

    ctx = open_database(url)
    actor = console_actor("bench")
    have = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    if have < args.cases:
        print(f"building: courtapp demo --cases {args.cases - have:,} (this takes a while)")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "courtapp", "--database", url, "demo",
                        "--cases", str(args.cases - have), "--batch", "10000"], check=True)
        print(f"built in {time.perf_counter() - t:.0f} s")
        with ctx.engine.connect() as c:
            c.execute(text("ANALYZE"))
            c.commit()
    with ctx.engine.connect() as c:
        listings = c.execute(text("SELECT count(*) FROM listings")).scalar_one()
        items = c.execute(text("SELECT count(*) FROM restrictions")).scalar_one()
    total = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    print(f"database: {ctx.safe_url} — {total:,} cases, {listings:,} listings, "
          f"{items:,} restriction items")
    month = Month.parse(args.month) if args.month else Month.of(date.today()).shift(-1)
    courts = reports.courts(ctx.uow(), actor)
    court = courts[0][0] if courts else None
    rec = Recorder(ctx.engine)

    print()
    print(f"1. the monthly report, {month} (every figure; goal ≤ 2 s)")
    for label, scope in (("every court", None), (f"court {court}", court)):
        def app(scope: str | None = scope) -> None:
            reports.monthly_report(ctx.uow(), actor, month, court=scope)
        app()  # warm the cache for both
        raw = replay(ctx.engine, rec.record(app))
        row(f"report monthly, {label}", timed(app, args.repeat), timed(raw, args.repeat), 2000)
    r = reports.monthly_report(ctx.uow(), actor, month).to_json()
    print(f"   (added {r['listings_added']}, removed {r['listings_removed']}, listed at the "
          f"month's end {r['listed_at_month_end']}, petitions {r['petitions']})")

    print()
    print("2. the 12-month trend of the Reports page")

    def trend() -> None:
        reports.trend(ctx.uow(), actor, month)
    raw = replay(ctx.engine, rec.record(trend))
    row("trend, 12 months", timed(trend, max(1, args.repeat // 2)), timed(raw, max(1, args.repeat // 2)),
        None)

    print()
    print(f"3. the public export of the entries published in {month}")
    n = public_list.export(ctx.uow(), actor, month.first, month.last, io.BytesIO()).entries

    def export() -> None:
        public_list.export(ctx.uow(), actor, month.first, month.last, io.BytesIO())

    def raw_export() -> None:
        with ctx.engine.connect() as c:
            c.execute(text(
                "SELECT l.id, l.case_id, l.respondent, l.grounds, l.published_on FROM listings l "
                "WHERE l.status = 'published' AND l.published_on BETWEEN :a AND :b"),
                {"a": month.first.isoformat() if ctx.engine.dialect.name == "sqlite" else month.first,
                 "b": month.last.isoformat() if ctx.engine.dialect.name == "sqlite" else month.last}
            ).fetchall()
    app_ms, raw_ms = timed(export, max(1, args.repeat // 2)), timed(raw_export, max(1, args.repeat // 2))
    a = statistics.median(app_ms)
    print(f"{'public-export, JSON':<34} {n:,} entries in {a:8.1f} ms = {n / (a / 1000):9,.0f} entries/s"
          f" | raw SELECT of the rows {statistics.median(raw_ms):8.1f} ms")
    ctx.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
