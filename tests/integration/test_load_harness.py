"""The load harness of issue 10 §7, run tiny: 2 desks, 20 operations, a SQLite file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"
LAST = re.compile(r"^ops=(\d+) conflicts=(\d+) lost=(\d+) duplicates=(\d+) unexpected=(\d+)$")


def test_two_desks_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'load.sqlite'}"
    run = subprocess.run([sys.executable, str(HARNESS), "--database", url, "--desks", "2",
                          "--ops", "20"], capture_output=True, text=True, timeout=600)
    last = run.stdout.strip().splitlines()[-1]
    m = LAST.match(last)
    assert m, run.stdout + run.stderr
    ops, conflicts, lost, duplicates, unexpected = map(int, m.groups())
    assert (ops, lost, duplicates, unexpected) == (20, 0, 0, 0), run.stderr
    assert conflicts <= ops and run.returncode == 0
    assert "Traceback" not in run.stderr
    # The run did real work: payments written and checked.
    written = int(re.search(r"payments written=(\d+)", run.stdout).group(1))  # type: ignore[union-attr]
    assert written > 0
