"""Load harness: several desks at once on one database (issue 10 §7; docs/integrity.md).

    python benchmarks/load_test.py --database URL --desks 8 --ops N [--cases 6] [--seed 1]

Sets up its own court through the services (the first administrator, one user
per desk with the judge's, the president's, the clerk's and the counter's
roles, a few cases of the same respondents, the court key), then starts
``--desks`` processes that each run about ``N / desks`` mixed real operations
through the services -- not the command line:

- ``payment``: record a payment of 1 yuan on a case (read, add, save with the
  version read: a stale save is refused);
- ``case``: register the next case (the highest number + 1: desks race for
  the number) of the same respondents;
- ``prepare``: prepare a listing decision for respondent 0 of one of the
  newest few cases -- the SAME few respondents from every desk, so that desks
  race for the one current listing;
- ``sign``: sign a draft decision (desks race for the same draft);
- ``petition``: the respondent files a correction petition (Art. 11 item 1)
  against a signed listing;
- ``decide``: decide a pending petition: mostly rejected (the listing stays),
  one in three granted, which revokes the listing; both issue the decision
  document (numbers race);
- ``document``: issue an execution notice (numbers race).

An operation that finds nothing to work on (no draft to sign, no pending
petition) does the step before it instead.  Each operation either succeeds,
or is refused with a clean message (a ``DomainError``: counted as
``conflicts``), or fails otherwise (``unexpected``; the first tracebacks go to
stderr).  Afterwards it checks the database:

- ``lost``: payments a desk saw saved that are not in the database;
- ``duplicates``: case/respondent pairs with two current listings, plus every
  repeated case, petition or document number.

The last line is ``ops=… conflicts=… lost=0 duplicates=0 unexpected=0``; the
exit code is 1 if ``lost``, ``duplicates`` or ``unexpected`` is not 0.  The
database must be empty (a new SQLite file, or a new PostgreSQL database).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "tests" / "data" / "example_case.json"
PASSWORD = "load-test-password-1"
RESPONDENT = 0
#: Operation -> weight in the mix.
MIX = {"payment": 26, "case": 8, "prepare": 12, "sign": 14, "petition": 12, "decide": 12,
       "document": 16}
#: Listings and petitions go to the newest few cases (the same respondents everywhere).
HOT_CASES = 3
SHOWN_TRACEBACKS = 3


@dataclass
class DeskResult:
    desk: int
    ops: int = 0
    ok: Counter[str] = field(default_factory=Counter)
    conflicts: Counter[str] = field(default_factory=Counter)
    unexpected: int = 0
    #: The first refusal text of each kind (what a desk would have shown).
    samples: dict[str, str] = field(default_factory=dict)
    tracebacks: list[str] = field(default_factory=list)
    #: (case id, evidence marker) of every payment the service reported saved.
    payments: list[tuple[int, str]] = field(default_factory=list)


# ---------------------------------------------------------------- set-up
def set_up(url: str, desks: int, n_cases: int) -> list[int]:
    """The court: users, cases of the same respondents, the key.  Returns the case ids."""
    from courtapp.core import interchange
    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import Role
    from courtapp.core.services import auth, documents
    from courtapp.core.services import cases as case_svc

    ctx = open_database(url)
    auth.create_first_admin(ctx.uow(), "loadadmin", "Load administrator", PASSWORD)
    admin = auth.authenticate(ctx.uow(), "loadadmin", PASSWORD)
    for d in range(desks):
        auth.add_user(ctx.uow(), admin, f"desk{d}", f"Desk {d}", PASSWORD,
                      {Role.JUDGE, Role.PRESIDENT, Role.CLERK, Role.COUNTER})
    judge = auth.authenticate(ctx.uow(), "desk0", PASSWORD)
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    ids = []
    for n in range(n_cases):
        doc["case_number"] = f"(2026)京0105执{9000 + n}号"
        case = interchange.loads(json.dumps(doc, ensure_ascii=False))[0]
        ids.append(case_svc.create_case(ctx.uow(), judge, case).id)
    documents.court_signing_key(ctx.uow(), judge)  # made once, registered, shared by the desks
    ctx.engine.dispose()
    return ids


# ---------------------------------------------------------------- one desk
class Desk:
    def __init__(self, url: str, desk: int, case_ids: list[int], seed: int) -> None:
        from courtapp.core.context import open_database
        from courtapp.core.services import auth, documents

        self.ctx = open_database(url, upgrade=False)
        self.desk = desk
        self.cases = case_ids
        self.rng = random.Random(seed * 1000 + desk)
        self.actor = auth.authenticate(self.ctx.uow(), f"desk{desk}", PASSWORD)
        self.key = documents.court_signing_key(self.ctx.uow(), self.actor)
        self.today = date.today()
        self.result = DeskResult(desk)
        self.n = 0

    def uow(self) -> Any:
        return self.ctx.uow()

    # Each step returns the name of what it did (for the counts).
    def payment(self) -> str:
        from courtapp.core.domain.model import Payment
        from courtapp.core.services import cases as case_svc

        case_id = self.rng.choice(self.cases)
        rec = case_svc.get_case(self.uow(), self.actor, case_id=case_id)
        marker = f"load:{self.desk}:{self.n}"
        rec.case.payments.append(Payment(on=self.today, respondent=RESPONDENT,
                                         amount=Decimal("1.00"), evidence=marker))
        case_svc.update_case(self.uow(), self.actor, case_id, rec.version, rec.case,
                             reason="load test payment")
        self.result.payments.append((case_id, marker))
        return "payment"

    def _hot(self) -> list[int]:
        from courtapp.core.domain.search import SearchQuery
        from courtapp.core.services import cases as case_svc

        return case_svc.search_case_ids(self.uow(), self.actor, SearchQuery(), limit=HOT_CASES)

    def case(self) -> str:
        from courtapp.core import interchange
        from courtapp.core.domain.search import SearchQuery
        from courtapp.core.services import cases as case_svc

        n = case_svc.count_cases(self.uow(), self.actor, SearchQuery())
        doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        doc["case_number"] = f"(2026)京0105执{9000 + n}号"
        case = interchange.loads(json.dumps(doc, ensure_ascii=False))[0]
        self.cases.append(case_svc.create_case(self.uow(), self.actor, case).id)
        return "case"

    def prepare(self) -> str:
        from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
        from courtapp.core.services import listing as ls

        case_id = self.rng.choice(self._hot())
        draft = Listing(respondent=RESPONDENT, grounds=[3], decided_on=self.today, term_years=2,
                        restrictions=[Restriction(RestrictionItem(i), None, self.today)
                                      for i in (1, 9)])
        ls.prepare_listing(self.uow(), self.actor, case_id, draft,
                           reasons_zh="转移财产规避执行", reasons_en="transferred property")
        return "prepare"

    def _listings(self, *statuses: str) -> list[Any]:
        from courtapp.core.services import listing as ls

        found = []
        hot = self._hot()
        for case_id in self.rng.sample(hot, len(hot)):
            found += [r for r in ls.listings_for_case(self.uow(), self.actor, case_id)
                      if r.listing.status.value in statuses]
        return found

    def sign(self) -> str:
        from courtapp.core.services import listing as ls

        drafts = self._listings("draft")
        if not drafts:
            return self.prepare()
        rec = self.rng.choice(drafts)
        ls.sign_listing(self.uow(), self.actor, rec.id, rec.version, self.today)
        return "sign"

    def petition(self) -> str:
        from courtapp.core.domain.petition import CorrectionGround, PetitionDetails, PetitionKind
        from courtapp.core.services import cases as case_svc
        from courtapp.core.services import petitions

        signed = self._listings("awaiting_publication", "published")
        if not signed:
            return self.sign()
        rec = self.rng.choice(signed)
        case = case_svc.get_case(self.uow(), self.actor, case_id=rec.case_id).case
        petitions.file_petition(
            self.uow(), self.actor, rec.case_id, PetitionKind.CORRECTION,
            petitioner_id=case.respondents[RESPONDENT].identifier, received_on=self.today,
            respondent=RESPONDENT,
            details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE),
            issue_receipt=self.rng.random() < 0.5, key=self.key)
        return "petition"

    def decide(self) -> str:
        from courtapp.core.domain.petition import Decision, PetitionStatus
        from courtapp.core.services import petitions

        pending = petitions.list_petitions(self.uow(), self.actor, status=PetitionStatus.PENDING)
        if not pending:
            return self.petition()
        pet = self.rng.choice(pending)
        grant = self.rng.random() < 1 / 3
        decision = Decision(True, "经审查，被执行人不应纳入失信名单，予以撤销。", self.today,
                            facts_verified=True) if grant else \
            Decision(False, "经审查，被执行人不存在不应纳入的情形，申请不予支持。", self.today)
        petitions.decide(self.uow(), self.actor, pet.id, decision, issue_document=True,
                         key=self.key)
        return "decide"

    def document(self) -> str:
        from courtapp.core.documents.model import DocKind
        from courtapp.core.services import documents

        documents.issue(self.uow(), self.actor, DocKind.EXECUTION_NOTICE,
                        self.rng.choice(self.cases), issued_on=self.today, key=self.key)
        return "document"

    def run(self, ops: int) -> DeskResult:
        from courtapp.core.domain.errors import DomainError

        steps = list(MIX)
        weights = [MIX[s] for s in steps]
        for self.n in range(ops):
            step = self.rng.choices(steps, weights)[0]
            self.result.ops += 1
            try:
                done = getattr(self, step)()
                self.result.ok[done] += 1
            except DomainError as e:  # a clean refusal or conflict: what a desk would show
                what = f"{step}:{type(e).__name__}"
                self.result.conflicts[what] += 1
                self.result.samples.setdefault(what, str(e).splitlines()[0][:200] if str(e) else "")
            except Exception:
                self.result.unexpected += 1
                if len(self.result.tracebacks) < SHOWN_TRACEBACKS:
                    self.result.tracebacks.append(f"desk {self.desk}, {step}:\n"
                                                  + traceback.format_exc())
        self.ctx.engine.dispose()
        return self.result


def run_desk(args: tuple[str, int, list[int], int, int, Any]) -> DeskResult:
    url, desk, case_ids, ops, seed, start = args
    d = Desk(url, desk, case_ids, seed)
    start.wait()  # every desk begins at the same moment
    return d.run(ops)


# ---------------------------------------------------------------- checks
def check(url: str, results: list[DeskResult]) -> tuple[int, int]:
    """(lost payments, duplicates) found in the database after the run."""
    from sqlalchemy import text

    from courtapp.core.db.engine import make_engine
    from courtapp.core.db.orm import LISTING_CURRENT_WHERE

    engine = make_engine(url)
    with engine.connect() as c:
        stored = {(int(cid), ev) for cid, ev in c.execute(
            text("SELECT case_id, evidence FROM payments WHERE evidence LIKE 'load:%'"))}
        duplicates = 0
        for sql in (
                f"SELECT case_id, respondent FROM listings WHERE {LISTING_CURRENT_WHERE} "
                "GROUP BY case_id, respondent HAVING COUNT(*) > 1",
                "SELECT number FROM issued_documents GROUP BY number HAVING COUNT(*) > 1",
                "SELECT number FROM petitions GROUP BY number HAVING COUNT(*) > 1",
                "SELECT case_id, sequence FROM petitions GROUP BY case_id, sequence "
                "HAVING COUNT(*) > 1",
                "SELECT case_number FROM cases GROUP BY case_number HAVING COUNT(*) > 1"):
            duplicates += len(c.execute(text(sql)).all())
    engine.dispose()
    written = [p for r in results for p in r.payments]
    lost = sum(1 for p in written if p not in stored)
    return lost, duplicates


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--database", required=True, metavar="URL", help="an empty database")
    p.add_argument("--desks", type=int, default=8)
    p.add_argument("--ops", type=int, default=200, help="operations in all desks together")
    p.add_argument("--cases", type=int, default=4,
                   help="cases (all of the same respondents) the desks share (default 4)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--show-refusals", action="store_true",
                   help="print the first refusal text of each kind")
    args = p.parse_args(argv)
    # The desks share one data directory: the court key made at set-up.
    os.environ.setdefault("COURTAPP_DATA_DIR", tempfile.mkdtemp(prefix="courtapp-load-"))
    os.environ.setdefault("COURTAPP_KEY_UNENCRYPTED", "1")  # a throw-away key of a test court
    started = time.perf_counter()
    case_ids = set_up(args.database, args.desks, args.cases)
    per_desk = [args.ops // args.desks + (1 if d < args.ops % args.desks else 0)
                for d in range(args.desks)]
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        start = manager.Barrier(args.desks)
        with ctx.Pool(args.desks) as pool:
            results = pool.map(run_desk, [(args.database, d, case_ids, per_desk[d], args.seed, start)
                                          for d in range(args.desks)])
    elapsed = time.perf_counter() - started
    lost, duplicates = check(args.database, results)
    ok: Counter[str] = Counter()
    conflicts: Counter[str] = Counter()
    for r in results:
        ok.update(r.ok)
        conflicts.update(r.conflicts)
        for tb in r.tracebacks:
            print(tb, file=sys.stderr)
    if args.show_refusals:
        samples = {k: v for r in results for k, v in r.samples.items()}
        for k, v in sorted(samples.items()):
            print(f"  {k}: {v}")
    ops = sum(r.ops for r in results)
    unexpected = sum(r.unexpected for r in results)
    print(f"desks={args.desks} cases={args.cases} seconds={elapsed:.1f}")
    print("succeeded: " + ", ".join(f"{k}={v}" for k, v in sorted(ok.items())))
    print("refused: " + (", ".join(f"{k}={v}" for k, v in sorted(conflicts.items())) or "none"))
    print(f"payments written={sum(len(r.payments) for r in results)}")
    print(f"ops={ops} conflicts={sum(conflicts.values())} lost={lost} duplicates={duplicates} "
          f"unexpected={unexpected}")
    return 1 if lost or duplicates or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
