"""The ``courtapp`` command.

With no subcommand it starts the desktop application.  Subcommands work on
the same database without a display, one module per command group:
:mod:`~courtapp.cli.admin` (``db``, ``user``), :mod:`~courtapp.cli.cases`
(``import``, ``export``, ``assess``), :mod:`~courtapp.cli.calendar`,
:mod:`~courtapp.cli.demo` (``demo`` and the desktop app),
:mod:`~courtapp.cli.documents` (``notice``, ``verify``, ``key``,
``documents``), :mod:`~courtapp.cli.listing` (``listing``: creditors'
applications), :mod:`~courtapp.cli.counter` (``petition``, ``daily``,
``dispatch``) and :mod:`~courtapp.cli.reports` (``report``, ``public-export``,
``public-search``, ``public-mask``).  Every change is made through the service layer and audited.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from courtapp import __version__
from courtapp.cli import admin, calendar, cases, counter, demo, documents, listing, reports
from courtapp.cli.common import lang_of, print_errors
from courtapp.core.domain.errors import DomainError, NotFound, ValidationError

#: Command groups in the order ``--help`` lists them.
GROUPS = (admin, cases, calendar, demo, documents, listing, counter, reports)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="courtapp",
        description="Case management for enforcement courts. With no command, starts the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"courtapp {__version__}")
    p.add_argument("--database", metavar="URL",
                   help="database URL (default: $COURTAPP_DATABASE_URL, else a SQLite file "
                        "in the user data directory); e.g. postgresql://user:pw@host/db")
    p.add_argument("--lang", choices=["en", "zh"], help="language of messages and of the interface")
    p.add_argument("--demo", action="store_true",
                   help="start the app on the demo database (built on first use), logged in as the demo judge")
    p.add_argument("--demo-cases", type=int, default=3000, metavar="N",
                   help="cases in a newly built demo database (default 3000)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = lang_of(args)
    try:
        if args.command is None:
            return demo.cmd_gui(args)
        return int(args.func(args))
    except ValidationError as e:
        print("courtapp: refused; nothing was written:" if lang == "en"
              else "courtapp：校验未通过，未写入任何数据：", file=sys.stderr)
        print_errors(e, lang, sys.stderr)
        return 1
    except NotFound as e:
        print(f"courtapp: {e}", file=sys.stderr)
        return 1
    except DomainError as e:
        print(f"courtapp: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
