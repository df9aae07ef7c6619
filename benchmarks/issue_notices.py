"""Issuing benchmark: 1,000 single-page notices, each with its real signed QR code, into one file.

Sets up a scratch database (SQLite in a temporary directory unless
``--database``) holding N copies of the example case, then, in one run:

1. **issue** N single-page notices (counter receipts by default; ``--kind
   execution_notice`` issues the two-page execution notice instead) through the service layer
   (``documents.issue_batch``): numbering, building, the Ed25519-signed QR
   text, rendering with the QR code, sealing (verification data + file
   signature), storing bytes + SHA-256 + audit, and the one combined PDF;
2. **render with QR**: the same N pages through ``render.render_many`` with
   their QR texts, into one file (rendering only);
3. **bare ReportLab**: the same N pages without a QR code, into one file.

It prints pages/s for each, the share of the page time the QR code takes
(rendering, and of the whole issue), and where the issuing time goes.
Goals (issue 4): ≥ 100 pages/s on one core with the QR code; QR ≤ 50 %.

    python benchmarks/issue_notices.py [-n 1000] [--workers 1] [--database URL] [-o out.pdf]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


class Meter:
    """Wraps a function and adds up the time spent in it."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn, self.seconds, self.calls = fn, 0.0, 0

    def __call__(self, *a: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return self.fn(*a, **kw)
        finally:
            self.seconds += time.perf_counter() - t
            self.calls += 1


def setup(url: str, n_cases: int) -> tuple[Any, list[int]]:
    import json

    from courtapp.core import interchange
    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import cases as svc

    ctx = open_database(url)
    doc = json.loads((HERE.parent / "tests" / "data" / "example_case.json").read_text("utf-8"))
    found = []
    for i in range(n_cases):
        d = dict(doc, case_number=f"(2026)京0105执{10000 + i}号")
        found.append(interchange.loads(json.dumps(d, ensure_ascii=False), today=date(2026, 6, 30))[0])
    stored = svc.create_cases(ctx.uow(), console_actor("bench"), found)
    return ctx, [r.id for r in stored]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="notices (default 1000)")
    ap.add_argument("--cases", type=int, default=100, help="distinct cases (default 100)")
    ap.add_argument("--kind", choices=["receipt", "execution_notice"], default="receipt",
                    help="receipt: one page each (default); execution_notice: two pages each")
    ap.add_argument("--workers", type=int, default=1,
                    help="render processes for the issue run (default 1: one core)")
    ap.add_argument("--database", help="database URL (default: a scratch SQLite file)")
    ap.add_argument("-o", "--output", help="also write the combined issued PDF here")
    args = ap.parse_args()

    scratch = tempfile.mkdtemp(prefix="courtapp-bench-")
    os.environ["COURTAPP_DATA_DIR"] = scratch  # a scratch court key
    os.environ["COURTAPP_KEY_UNENCRYPTED"] = "1"  # a scratch desk: its key is not encrypted
    url = args.database or f"sqlite+pysqlite:///{scratch}/bench.sqlite"

    from pypdf import PdfReader

    from courtapp.core.documents import render, signing
    from courtapp.core.documents.model import DocKind
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import documents as ds
    from courtapp.core.services.documents import rendering

    print(f"setting up {args.cases} cases in {url.split('@')[-1]} …", file=sys.stderr)
    ctx, case_ids = setup(url, args.cases)
    actor = console_actor("bench")
    key = ds.court_signing_key(ctx.uow(), actor)
    on = date(2026, 5, 11)
    kind = DocKind(args.kind)

    def extra(i: int) -> dict[str, Any]:
        if kind is not DocKind.RECEIPT:
            return {}
        return {"petition": "deletion", "petition_number": f"(2026)京0105执收{i + 1}号",
                "received_on": on.isoformat(), "due_on": date(2026, 5, 14).isoformat(),
                "petitioner": "respondent"}

    reqs = [ds.IssueRequest(kind, case_ids[i % len(case_ids)],
                            0 if kind is not DocKind.EXECUTION_NOTICE else None, extra=extra(i))
            for i in range(args.n)]

    # Warm up: fonts registered, modules imported, caches filled (not timed).
    ds.collect(ds.issue_batch(ctx.uow(), actor, reqs[:5], issued_on=on, key=key))

    # 1. Issue through the service layer, instrumented.
    meters = {name: Meter(getattr(rendering, name)) for name in ("render", "print_file", "build")}
    seal = Meter(signing.seal_pdf)
    qr = Meter(signing.make_qr_text)
    for name, m in meters.items():
        setattr(rendering, name, m)
    signing.seal_pdf, signing.make_qr_text = seal, qr  # type: ignore[assignment]
    t, c_issue = time.perf_counter(), time.process_time()
    last = ds.collect(ds.issue_batch(ctx.uow(), actor, reqs[5:] + reqs[:5], issued_on=on,
                                     key=key, workers=args.workers))
    t_issue = time.perf_counter() - t
    c_issue = time.process_time() - c_issue
    for name, m in meters.items():
        setattr(rendering, name, m.fn)
    signing.seal_pdf, signing.make_qr_text = seal.fn, qr.fn  # type: ignore[assignment]
    assert last.pdf is not None and not last.failures, last.failures[:3]
    if args.output:
        Path(args.output).write_bytes(last.pdf)
    pages = len(PdfReader(io.BytesIO(last.pdf)).pages)
    if kind is DocKind.RECEIPT:
        assert pages == args.n, f"expected {args.n} single-page notices, got {pages} pages"

    # The documents just issued, with their QR texts, for the rendering-only runs.
    issued = ds.list_documents(ctx.uow(), actor, issued_from=on, issued_to=on)[-args.n:]
    pairs = [(ds.document_content(ctx.uow(), actor, d.id), d.qr_text) for d in issued]

    # 2. Rendering only, with the QR code, one file (encoding the codes again: the
    # renderer keeps the ones issuing just encoded, which would hide their cost).
    render.clear_qr_cache()
    t = time.perf_counter()
    with_qr = render.render_many(pairs)
    t_qr = time.perf_counter() - t
    # 3. Bare ReportLab: the same pages, no QR code, one file.
    t, c_bare = time.perf_counter(), time.process_time()
    bare = render.render_many([(doc, None) for doc, _ in pairs])
    t_bare = time.perf_counter() - t
    c_bare = time.process_time() - c_bare
    pages_qr = len(PdfReader(io.BytesIO(with_qr)).pages)
    pages_bare = len(PdfReader(io.BytesIO(bare)).pages)

    n = args.n
    qr_share_render = max(0.0, (t_qr - t_bare) / t_qr)
    qr_share_issue = max(0.0, (t_qr - t_bare) / t_issue)
    goal = "meets" if pages / t_issue >= 100 else "MISSES"
    print(f"{n} notices of {pages / n:.2f} pages each")
    print(f"issued, one file ({len(last.pdf) / 1e6:5.1f} MB), workers={args.workers}: "
          f"{t_issue:6.2f} s = {pages / t_issue:6.1f} pages/s, {n / t_issue:6.1f} documents/s "
          f"({goal} the 100 pages/s goal)")
    print(f"render with QR, one file ({len(with_qr) / 1e6:5.1f} MB):      {t_qr:6.2f} s = "
          f"{pages_qr / t_qr:6.1f} pages/s, {n / t_qr:6.1f} documents/s")
    print(f"bare ReportLab, no QR, one file ({len(bare) / 1e6:5.1f} MB): {t_bare:6.2f} s = "
          f"{pages_bare / t_bare:6.1f} pages/s, {n / t_bare:6.1f} documents/s")
    # CPU time of this process (a loaded machine stretches the wall clock, not this;
    # with --workers > 1 the render time is in the workers and not counted here).
    print(f"per CPU second of this process: issued {pages / c_issue:6.1f} pages, "
          f"bare ReportLab {pages_bare / c_bare:6.1f} pages "
          f"(issued = {c_bare / pages_bare / (c_issue / pages):5.1%} of bare)")
    print(f"QR share of the page time: {qr_share_render:5.1%} of rendering, "
          f"{qr_share_issue:5.1%} of issuing (goal ≤ 50 %)")
    print("issue time by step: "
          + ", ".join(f"{label} {m.seconds / t_issue:5.1%}" for label, m in (
              ("render each", meters["render"]), ("build", meters["build"]),
              ("QR sign", qr), ("seal", seal), ("print file", meters["print_file"])))
          + f", rest (database, numbering, audit) "
            f"{1 - sum(m.seconds for m in (*meters.values(), qr, seal)) / t_issue:5.1%}"
          + ("" if args.workers == 1 else " (render time is in the worker processes)"))
    ctx.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
