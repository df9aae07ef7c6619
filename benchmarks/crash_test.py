"""Crash harness (issue 10 §7): kill -9 during an import, a batch issue of
documents and the daily run, then check that nothing is half done.

    python benchmarks/crash_test.py                  # 10 trials of each, a SQLite file
    python benchmarks/crash_test.py --trials 30 --database postgresql+psycopg://u:pw@127.0.0.1/empty_db
    python benchmarks/crash_test.py --only import --cases 3000

Each trial starts the real work in a separate process, waits a random delay
(up to about the time the work takes, measured by a first uncut run), sends
SIGKILL, and checks the database:

``import``
    ``courtapp import FILE`` of a JSON Lines file of ``--cases`` new cases.
    All or nothing: the number of cases is either the one before or the one
    before plus the whole file; no person, obligation or audit row of the file
    is left without its case.
``batch``
    ``documents.issue_batch`` (what the Documents page runs) issuing
    ``--documents`` receipts, each in its own transaction.  Every issued
    document row has its PDF, whose SHA-256 is the stored one; numbers are
    unique; every document has exactly one ``document.issue`` audit row and
    no audit row names a document that does not exist.
``daily``
    ``courtapp daily --today D`` on a court that has work due (a demo court,
    D moving on each trial).  After the kill the run is repeated to the end;
    the state it leaves (listings, restrictions, petitions, dispatch items,
    history events: every row's content) is compared with the state a run
    that was never killed leaves on a copy of the same database (SQLite), and
    a third run must change nothing (``"changes": 0``).

After every trial, when the command exists, ``courtapp audit verify`` must
exit 0.  The harness prints each scenario's trials, how many were killed
before the work ended, the failures, and the last line
``trials=N killed=K failures=F``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "example_case.json"
PY = sys.executable


def courtapp(*argv: str) -> list[str]:
    return [PY, "-m", "courtapp", *argv]


class Harness:
    def __init__(self, url: str, tmp: Path, rng: random.Random) -> None:
        self.url, self.tmp, self.rng = url, tmp, rng
        self.engine = create_engine(url)
        self.env = dict(os.environ, COURTAPP_DATA_DIR=str(tmp / "data"), PYTHONPATH=str(ROOT),
                        COURTAPP_KEY_UNENCRYPTED="1")  # a scratch desk: its key is not encrypted
        self.failures: list[str] = []
        self.last_run = 0.0  # seconds the last uncut run of the work took
        self.has_audit_verify: bool | None = None

    # ---------------------------------------------------------------- helpers
    def run(self, argv: list[str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=timeout,
                              cwd=self.tmp)

    def scalar(self, sql: str) -> Any:
        with self.engine.connect() as c:
            return c.execute(text(sql)).scalar()

    def rows(self, sql: str) -> list[Any]:
        with self.engine.connect() as c:
            return list(c.execute(text(sql)).all())

    def kill_after(self, argv: list[str], delay: float) -> tuple[bool, int | None]:
        """Start ``argv``, SIGKILL it after ``delay`` s; (killed before it ended, exit code)."""
        start = time.perf_counter()
        p = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             cwd=self.tmp)
        try:
            p.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            return True, None
        self.last_run = time.perf_counter() - start
        return False, p.returncode

    def fail(self, scenario: str, trial: int, what: str) -> None:
        self.failures.append(f"{scenario} #{trial}: {what}")

    def audit_verify(self, scenario: str, trial: int) -> None:
        if self.has_audit_verify is False:
            return
        r = self.run(courtapp("--database", self.url, "audit", "verify"))
        if self.has_audit_verify is None:
            self.has_audit_verify = not (r.returncode == 2 and "invalid choice" in r.stderr)
            if not self.has_audit_verify:
                return
        if r.returncode != 0:
            self.fail(scenario, trial, f"audit verify exit {r.returncode}: {(r.stdout + r.stderr)[-300:]}")

    # ----------------------------------------------------------------- import
    def import_file(self, trial: int, n: int) -> Path:
        from courtapp.core.domain.identifiers import ric_check_char

        base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        lines = []
        for i in range(n):
            k = trial * 100_000 + i
            doc = json.loads(json.dumps(base))
            doc["case_number"] = f"(2026)京0105执{200_000 + k}号"
            for j, p in enumerate(doc["respondents"][:1] + doc["applicants"]):
                first = f"1101051970{1 + k % 12:02d}{1 + k % 28:02d}{(k * 3 + j) % 1000:03d}"
                p["id_number"] = first + ric_check_char(first)
            lines.append(json.dumps(doc, ensure_ascii=False))
        f = self.tmp / f"import-{trial}.jsonl"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f

    def trial_import(self, trial: int, n: int, span: float) -> bool:
        f = self.import_file(trial, n)
        before = self.scalar("SELECT count(*) FROM cases")
        audits = self.scalar("SELECT count(*) FROM audit_log WHERE action = 'case.import'")
        killed, code = self.kill_after(courtapp("--database", self.url, "import", str(f)),
                                       self.rng.uniform(0.3, span))
        after = self.scalar("SELECT count(*) FROM cases")
        audits_after = self.scalar("SELECT count(*) FROM audit_log WHERE action = 'case.import'")
        if after not in (before, before + n):
            self.fail("import", trial, f"{after - before} of {n} cases stored")
        if audits_after - audits != after - before:
            self.fail("import", trial, f"{after - before} cases but {audits_after - audits} audit rows")
        orphans = self.scalar("SELECT count(*) FROM obligations o WHERE NOT EXISTS "
                              "(SELECT 1 FROM cases c WHERE c.id = o.case_id)")
        if orphans:
            self.fail("import", trial, f"{orphans} obligations without their case")
        if not killed and code != 0:
            self.fail("import", trial, f"uncut import exit {code}")
        self.audit_verify("import", trial)
        return killed

    # ------------------------------------------------------------------ batch
    def check_documents(self, trial: int) -> None:
        bad = 0
        for _number, pdf, sha in self.rows("SELECT number, pdf, pdf_sha256 FROM issued_documents"):
            if not pdf or hashlib.sha256(bytes(pdf)).hexdigest() != sha:
                bad += 1
        if bad:
            self.fail("batch", trial, f"{bad} document rows without their file or with a wrong SHA-256")
        dup = self.scalar("SELECT count(*) - count(DISTINCT number) FROM issued_documents")
        if dup:
            self.fail("batch", trial, f"{dup} repeated document numbers")
        unaudited = self.scalar(
            "SELECT count(*) FROM issued_documents d WHERE (SELECT count(*) FROM audit_log a WHERE "
            "a.action = 'document.issue' AND a.entity_id = d.number) <> 1")
        ghosts = self.scalar(
            "SELECT count(*) FROM audit_log a WHERE a.action = 'document.issue' AND NOT EXISTS "
            "(SELECT 1 FROM issued_documents d WHERE d.number = a.entity_id)")
        if unaudited or ghosts:
            self.fail("batch", trial, f"{unaudited} documents without one audit row, "
                                      f"{ghosts} audit rows without their document")

    def trial_batch(self, trial: int, n: int, span: float) -> bool:
        before = self.scalar("SELECT count(*) FROM issued_documents")
        killed, code = self.kill_after(
            [PY, str(Path(__file__).resolve()), "--child", "batch", "--database", self.url,
             "--documents", str(n)], self.rng.uniform(0.5, span))
        after = self.scalar("SELECT count(*) FROM issued_documents")
        if not killed and (code != 0 or after - before != n):
            self.fail("batch", trial, f"uncut batch exit {code}, {after - before} of {n} issued")
        self.check_documents(trial)
        self.audit_verify("batch", trial)
        return killed

    # ------------------------------------------------------------------ daily
    STATE_TABLES = ("listings", "restrictions", "petitions", "dispatch_items", "respondent_events",
                    "restriction_orders")

    @staticmethod
    def state(engine: Any) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of the tables the daily run changes, without the times it wrote
        them (``at``, ``*_at``) and the row versions."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        with engine.connect() as c:
            for t in Harness.STATE_TABLES:
                res = c.execute(text(f"SELECT * FROM {t} ORDER BY id"))
                keys = [k for k in list(res.keys())
                        if k != "at" and not k.endswith(("_at", "version"))]
                out[t] = [tuple(r._mapping[k] for k in keys) for r in res]
        return out

    def trial_daily(self, trial: int, day: date, span: float) -> bool:
        reference = None
        if self.url.startswith("sqlite"):
            src = Path(self.url.split("///", 1)[1])
            copy = self.tmp / "daily-reference.sqlite"
            copy.unlink(missing_ok=True)
            # The online backup API: a plain file copy misses what is still in the WAL.
            with sqlite3.connect(src) as a, sqlite3.connect(copy) as b:
                a.backup(b)
            ref_url = f"sqlite+pysqlite:///{copy}"
            r = self.run(courtapp("--database", ref_url, "daily", "--today", day.isoformat()))
            if r.returncode != 0:
                self.fail("daily", trial, f"reference run exit {r.returncode}: {r.stderr[-300:]}")
            eng = create_engine(ref_url)
            reference = self.state(eng)
            eng.dispose()
        killed, code = self.kill_after(courtapp("--database", self.url, "daily", "--today", day.isoformat()),
                                       self.rng.uniform(0.3, span))
        r = self.run(courtapp("--database", self.url, "daily", "--today", day.isoformat()))
        if r.returncode != 0:
            self.fail("daily", trial, f"rerun exit {r.returncode}: {r.stderr[-300:]}")
        if reference is not None and self.state(self.engine) != reference:
            diff = [t for t, rows in self.state(self.engine).items() if rows != reference[t]]
            self.fail("daily", trial, f"state after kill and rerun differs from an uncut run in {diff}")
        again = self.run(courtapp("--database", self.url, "daily", "--today", day.isoformat(), "--json"))
        try:
            changes = json.loads(again.stdout)["changes"]
        except (ValueError, KeyError):
            changes = f"unreadable output {again.stdout[:200]!r} {again.stderr[-200:]!r}"
        if changes != 0:
            self.fail("daily", trial, f"a third run changed {changes}")
        self.audit_verify("daily", trial)
        return killed


def child_batch(url: str, n: int) -> int:
    """Issue ``n`` receipts on the cases of the database, as the Documents page does."""
    from courtapp.core.context import open_database
    from courtapp.core.documents.model import DocKind
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import documents as ds

    ctx = open_database(url)
    actor = console_actor("crash-test")
    with ctx.engine.connect() as c:
        ids = [r[0] for r in c.execute(text("SELECT id FROM cases ORDER BY id LIMIT 50"))]
    on = date.today()
    reqs = [ds.IssueRequest(DocKind.RECEIPT, ids[i % len(ids)], 0, extra={
        "petition": "deletion", "petition_number": f"(2026)京0105执收{i + 1}号",
        "received_on": on.isoformat(), "due_on": (on + timedelta(days=3)).isoformat(),
        "petitioner": "respondent"}) for i in range(n)]
    ds.collect(ds.issue_batch(ctx.uow(), actor, reqs, issued_on=on, combine=False))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=10, help="kill -9 trials per scenario (default 10)")
    ap.add_argument("--only", choices=["import", "batch", "daily"], action="append")
    ap.add_argument("--cases", type=int, default=2000, help="cases in each import file (default 2000)")
    ap.add_argument("--documents", type=int, default=60, help="documents per batch (default 60)")
    ap.add_argument("--database", metavar="URL", help="an empty database (default: a SQLite file)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--child", choices=["batch"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "batch":
        return child_batch(args.database, args.documents)

    tmp = Path(tempfile.mkdtemp(prefix="courtapp-crash-"))
    url = args.database or f"sqlite+pysqlite:///{tmp / 'crash.sqlite'}"
    h = Harness(url, tmp, random.Random(args.seed))
    setup = h.run(courtapp("--database", url, "demo", "--cases", "40", "--seed", "11"))
    if setup.returncode != 0:
        print(setup.stderr, file=sys.stderr)
        return 2
    print(f"database {url.split('@')[-1]}; {args.trials} trials per scenario", flush=True)
    scenarios = args.only or ["import", "batch", "daily"]
    total = killed_total = 0
    for s in scenarios:
        # One uncut run measures how long the work's process takes (not the harness's
        # own checks around it); kills land in 0.3 s .. that time.
        h.last_run = 0.0
        if s == "import":
            h.trial_import(0, args.cases, 3600)
        elif s == "batch":
            h.trial_batch(0, args.documents, 3600)
        else:
            h.trial_daily(0, date.today() + timedelta(days=200), 3600)
        span = max(0.6, h.last_run)
        killed = 0
        fails_before = len(h.failures)
        for t in range(1, args.trials + 1):
            if s == "import":
                killed += h.trial_import(t, args.cases, span)
            elif s == "batch":
                killed += h.trial_batch(t, args.documents, span)
            else:
                killed += h.trial_daily(t, date.today() + timedelta(days=200 + 45 * t), span)
        total += args.trials
        killed_total += killed
        print(f"{s}: trials={args.trials} killed={killed} (before the end) failures="
              f"{len(h.failures) - fails_before} uncut run {span:.1f}s", flush=True)
    if h.has_audit_verify is False:
        print("audit verify: not in this build (courtapp audit verify missing); not run")
    elif h.has_audit_verify:
        print("audit verify: run after every trial")
    for f in h.failures[:20]:
        print("   ", f)
    print(f"trials={total} killed={killed_total} failures={len(h.failures)}")
    return 1 if h.failures else 0


if __name__ == "__main__":
    sys.exit(main())
