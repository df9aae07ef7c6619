"""Case-list benchmark on a million cases.

Builds (once) a 1,000,000-case database with ``courtapp demo`` and prints:

1. the time to open the case list: what the window does when the Cases page
   opens (count every case + fetch the first page of 200 summaries through the
   service layer), and — when PySide6 is importable — the same through the
   real ``CaseTableModel`` until its first page has loaded;
2. search latency by case number, resident ID and name prefix (median and
   95th percentile over sampled real values) through the service layer.

Each figure stands beside a bare-SQL baseline run in the same process on the
same database, with the ratio.  Goals (issue 2): open ≤ 300 ms, search median
≤ 20 ms.

    python benchmarks/case_list.py [--cases N] [--database URL] [--rebuild] [--samples K]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

HERE = Path(__file__).resolve().parent


def timed(fn: Callable[[], Any], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def row(label: str, app_ms: list[float], raw_ms: list[float], goal: float | None) -> None:
    a, r = statistics.median(app_ms), statistics.median(raw_ms)
    p95 = sorted(app_ms)[max(0, int(len(app_ms) * 0.95) - 1)]
    verdict = "" if goal is None else ("  meets goal" if a <= goal else f"  MISSES goal {goal:g} ms")
    print(f"{label:<38} app median {a:8.2f} ms  p95 {p95:8.2f} ms | raw SQL {r:8.2f} ms"
          f" | ratio {a / r if r else float('inf'):5.1f}x{verdict}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--database", help="URL (default: SQLite file benchmarks/bench-<N>.db)")
    ap.add_argument("--rebuild", action="store_true", help="build the database again")
    ap.add_argument("--samples", type=int, default=200, help="queries per search kind")
    args = ap.parse_args()

    url = args.database or f"sqlite+pysqlite:///{HERE / f'bench-{args.cases}.db'}"
    db_file = None if args.database else HERE / f"bench-{args.cases}.db"
    if db_file is not None and args.rebuild and db_file.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)

    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import cases as svc

    ctx = open_database(url)
    actor = console_actor("bench")
    have = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    if have < args.cases:
        print(f"building: courtapp demo --cases {args.cases - have:,} (this takes a few minutes)")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "courtapp", "--database", url, "demo",
                        "--cases", str(args.cases - have), "--batch", "10000"], check=True)
        print(f"built in {time.perf_counter() - t:.0f} s")
        with ctx.engine.connect() as c:
            if ctx.engine.dialect.name == "sqlite":
                c.execute(text("ANALYZE"))
            else:
                c.execute(text("ANALYZE"))
            c.commit()
    total = svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
    print(f"database: {ctx.safe_url} — {total:,} cases")

    raw = ctx.engine.connect()

    def raw_open() -> None:
        raw.execute(text("SELECT count(*) FROM cases")).scalar()
        raw.execute(text(
            "SELECT id, case_number, court_name, filed_on, judge, applicant_names, respondent_names,"
            " due_fen, outstanding_fen, notice_deadline, performed, partly_performed,"
            " notice_issued_on, notice_served_on, version FROM cases ORDER BY id DESC LIMIT 200")).all()

    def app_open() -> None:
        svc.count_cases(ctx.uow(), actor, svc.SearchQuery())
        svc.search_cases(ctx.uow(), actor, svc.SearchQuery(), limit=200)

    print()
    print("1. opening the case list (count + first page of 200)")
    raw_open()  # warm the cache for both
    row("service layer", timed(app_open, 20), timed(raw_open, 20), 300)
    model_ms = _model_open(ctx, actor)
    if model_ms is not None:
        row("Qt model: first page shown", model_ms, timed(raw_open, len(model_ms)), 300)

    # Sample real values to search for.
    rng = random.Random(7)
    top = int(raw.execute(text("SELECT max(id) FROM cases")).scalar() or 0)
    ids = [rng.randrange(1, top + 1) for _ in range(args.samples)]
    numbers, names, idnos = [], [], []
    for cid in ids:
        r = raw.execute(text(
            "SELECT c.case_number, p.name, p.id_number FROM cases c JOIN case_parties cp"
            " ON cp.case_id = c.id JOIN persons p ON p.id = cp.person_id"
            " WHERE c.id = :i AND cp.side = 'respondent' LIMIT 1"), {"i": cid}).first()
        if r is None:
            continue
        numbers.append(r[0])
        names.append(r[1][:2])
        if r[2]:
            idnos.append(r[2][:14])

    def bench_search(label: str, values: list[str], raw_sql: str, raw_param: Callable[[str], str]) -> None:
        app, base = [], []
        for v in values:
            app += timed(lambda v=v: svc.search_cases(ctx.uow(), actor, svc.SearchQuery(v), limit=200))
            base += timed(lambda v=v: raw.execute(text(raw_sql), {"q": raw_param(v)}).all())
        row(label, app, base, 20)

    page = ("SELECT c.id, c.case_number, c.respondent_names, c.outstanding_fen FROM cases c"
            " WHERE c.id IN ({sub}) ORDER BY c.id DESC LIMIT 200")
    by_person = ("SELECT cp.case_id FROM case_parties cp JOIN persons p ON p.id = cp.person_id"
                 " WHERE p.{col} LIKE :q")
    print()
    print(f"2. search latency ({args.samples} sampled values each; first page of up to 200)")
    bench_search("case number (full)", numbers,
                 page.format(sub="SELECT id FROM cases WHERE case_number LIKE :q"), lambda v: v + "%")
    bench_search("resident ID prefix (14 chars)", idnos,
                 page.format(sub=by_person.format(col="id_number")), lambda v: v + "%")
    bench_search("name prefix (2 chars)", names,
                 page.format(sub=by_person.format(col="name")), lambda v: v + "%")
    raw.close()
    return 0


def _model_open(ctx: Any, actor: Any) -> list[float] | None:
    """Time the real Qt model from set_query("") to its first page_loaded signal."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from courtapp.ui.case_list import CaseTableModel
        from courtapp.ui.tasks import TaskRunner
    except ImportError as e:  # the GUI is optional for this figure
        print(f"  (Qt model not measured: {e})")
        return None
    app = QApplication.instance() or QApplication([])
    tasks = TaskRunner()
    out = []
    for _ in range(10):
        model = CaseTableModel(ctx, actor, tasks)
        loop = QEventLoop()
        model.page_loaded.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        t = time.perf_counter()
        model.set_query("")
        loop.exec()
        out.append((time.perf_counter() - t) * 1000)
        assert model.rowCount() > 0, "the model showed no rows"
    tasks.shutdown()
    del app
    return out


if __name__ == "__main__":
    raise SystemExit(main())
