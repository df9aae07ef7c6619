"""``courtapp --smoke-test``: does this installation work?  (issue 13)

The same check in a development install, an installed wheel with the ``gui``
extra, the frozen bundle and the unpacked ``.deb``:

1. a temporary database is created and migrated;
2. the sample case shipped with the package is imported;
3. one execution notice is issued (numbered, signed, sealed) and verified;
4. the main window opens offscreen in Chinese, shows the case, and closes.

Everything happens in a temporary directory (or ``--data-dir``), so the
user's database, key and settings are never touched.  Exit 0 and one line
on success; exit 1 and one line naming the failed step otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from courtapp.core import paths

if TYPE_CHECKING:
    from courtapp.core.context import AppContext
    from courtapp.core.domain.roles import Actor

log = logging.getLogger("courtapp.smoke")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--smoke-test", action="store_true",
                   help="check this installation: temporary database and migrations, the sample "
                        "case, one document issued and verified, the main window offscreen; "
                        "exit 0 or 1 with the reason")


def run(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="courtapp-smoke-") as tmp:
        if not args.data_dir:
            os.environ[paths.DATA_ENV] = tmp
            # A throwaway key in the throwaway data directory (keys are encrypted at rest).
            os.environ.setdefault("COURTAPP_KEY_PASSPHRASE", os.urandom(16).hex())
        step = "start"
        try:
            from courtapp.core import logs

            logs.setup()
            step = "migrations"
            from courtapp.core.context import open_database

            ctx = open_database(f"sqlite+pysqlite:///{Path(tmp) / 'smoke.sqlite'}")
            try:
                step = "import"
                actor, case_id = _import_sample(ctx)
                step = "document"
                number = _issue_and_verify(ctx, actor, case_id)
                step = "window"
                _require_gui()
                from courtapp.ui.app import smoke_window

                smoke_window(ctx, actor, Path(tmp))
            finally:
                ctx.engine.dispose()
        except Exception as e:
            log.error("smoke test failed at %s: %s", step, type(e).__name__, exc_info=True)
            reason = (str(e).strip().splitlines() or [""])[0]
            print(f"courtapp: smoke test failed at {step}: {type(e).__name__}: {reason}",
                  file=sys.stderr)
            return 1
        finally:
            from courtapp.core import logs

            logs.shutdown()
    from courtapp import __version__

    print(f"courtapp {__version__} smoke test passed: migrations, sample case, {number} issued "
          f"and verified, main window ({time.perf_counter() - start:.1f} s)")
    return 0


def _import_sample(ctx: AppContext) -> tuple[Actor, int]:
    from courtapp.core import interchange
    from courtapp.core.domain.roles import console_actor
    from courtapp.core.services import cases

    actor = console_actor("smoke-test")
    sample = paths.resources_dir() / "samples" / "sample_case.json"
    parsed, prefixes = interchange.load_file_with_paths(sample)
    stored = cases.import_cases(ctx.uow(), actor, parsed, path_prefixes=prefixes)
    if len(stored) != 1:
        raise RuntimeError(f"the sample holds {len(stored)} cases, not 1")
    return actor, stored[0].id


def _issue_and_verify(ctx: AppContext, actor: Actor, case_id: int) -> str:
    from courtapp.core.documents import signing
    from courtapp.core.documents.model import DocKind
    from courtapp.core.services import documents

    issued = documents.issue(ctx.uow(), actor, DocKind.EXECUTION_NOTICE, case_id, lang="zh")
    key = documents.court_public_key(ctx.uow())
    if key is None:
        raise RuntimeError("the court key was not registered")
    verdict = signing.verify_pdf(issued.pdf, key)
    if not verdict.valid:
        raise RuntimeError(f"the issued document does not verify: {verdict.reason()}")
    return issued.document.number


def _require_gui() -> None:
    from courtapp.cli.demo import gui_missing

    missing = gui_missing()
    if missing:
        raise RuntimeError(missing)
