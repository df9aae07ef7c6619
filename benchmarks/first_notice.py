"""First-notice benchmark (issue 12 §3): the first notice of a session against the second.

Sets up a scratch database (SQLite in a temporary directory unless
``--database``) with a few copies of the example case and the court key, then
runs two fresh processes, as a desk would be after login:

- **cold**: issues an execution notice through the register
  (``documents.issue``, the path of ``courtapp notice`` and of the GUI's Issue
  button: permission, precondition, numbering, build, signed QR, render, seal,
  store), then a second one, and prints both times;
- **warmed**: calls ``documents.warm_up()`` and ``warm_up_database()`` first (what the
  GUI runs off the GUI thread after login; their time is printed apart), then the
  same two notices.

Target: after warm-up the first notice takes ≤ 1.5× the second.

    python benchmarks/first_notice.py [--database URL] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def child(url: str, warm: bool) -> dict[str, float]:
    """One desk process: (warm-up,) first notice, second notice."""
    from courtapp.core.context import open_database
    from courtapp.core.documents.model import DocKind
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import documents as ds

    ctx = open_database(url)
    actor = console_actor("bench")
    ids = json.loads(os.environ["BENCH_CASE_IDS"])
    out: dict[str, float] = {}
    if warm:
        t = time.perf_counter()
        ds.warm_up()
        ds.warm_up_database(ctx.uow())
        out["warm_up"] = time.perf_counter() - t
    for label, case_id in (("first", ids[0]), ("second", ids[1])):
        t = time.perf_counter()
        issued = ds.issue(ctx.uow(), actor, DocKind.EXECUTION_NOTICE, case_id)
        out[label] = time.perf_counter() - t
        assert issued.pdf.startswith(b"%PDF")
    ctx.engine.dispose()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", help="database URL (default: a scratch SQLite file)")
    ap.add_argument("--rounds", type=int, default=3, help="processes per mode (median shown)")
    ap.add_argument("--child", choices=["cold", "warm"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        assert args.database
        print(json.dumps(child(args.database, args.child == "warm")))
        return 0

    scratch = tempfile.mkdtemp(prefix="courtapp-first-")
    os.environ["COURTAPP_DATA_DIR"] = scratch  # a scratch court key, shared by the children
    os.environ["COURTAPP_KEY_UNENCRYPTED"] = "1"  # a scratch desk: its key is not encrypted
    url = args.database or f"sqlite+pysqlite:///{scratch}/bench.sqlite"
    from issue_notices import setup

    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import documents as ds

    ctx, case_ids = setup(url, 2)
    ds.court_signing_key(ctx.uow(), console_actor("bench"))  # made and registered, not timed
    ctx.engine.dispose()

    results: dict[str, list[dict[str, float]]] = {"cold": [], "warm": []}
    for r in range(args.rounds):
        for mode in ("cold", "warm"):
            env = dict(os.environ, BENCH_CASE_IDS=json.dumps(case_ids))
            done = subprocess.run([sys.executable, __file__, "--child", mode, "--database", url],
                                  capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            results[mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)

    def med(mode: str, key: str) -> float:
        return statistics.median(x[key] for x in results[mode])

    print(f"first notice vs second (execution notice, 2 pages), one process each, "
          f"median of {args.rounds} ({url.split(':')[0]}):")
    for mode, title in (("cold", "cold (no warm-up)"), ("warm", "after warm_up()")):
        first, second = med(mode, "first"), med(mode, "second")
        print(f"  {title:<18} first {first * 1000:7.0f} ms, second {second * 1000:6.0f} ms, "
              f"ratio {first / second:5.2f}")
    ratio = med("warm", "first") / med("warm", "second")
    print(f"  warm_up() + warm_up_database() (in the background after login): {med('warm', 'warm_up') * 1000:.0f} ms")
    print(f"target: first ≤ 1.5× second after warm-up: {'meets' if ratio <= 1.5 else 'MISSES'} "
          f"({ratio:.2f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
