"""The ``courtapp`` command.

With no subcommand it starts the desktop application.  Subcommands work on
the same database without a display, one module per command group:
:mod:`~courtapp.cli.admin` (``db``, ``user``), :mod:`~courtapp.cli.backup`
(``backup``, ``restore``), :mod:`~courtapp.cli.cases`
(``import``, ``export``, ``assess``), :mod:`~courtapp.cli.calendar`,
:mod:`~courtapp.cli.demo` (``demo`` and the desktop app),
:mod:`~courtapp.cli.documents` (``notice``, ``verify``, ``key``,
``documents``), :mod:`~courtapp.cli.auth` (``login``, ``logout``,
``audit``), :mod:`~courtapp.cli.listing` (``listing``: creditors'
applications), :mod:`~courtapp.cli.counter` (``petition``, ``daily``,
``dispatch``), :mod:`~courtapp.cli.reports` (``report``, ``public-export``,
``public-search``, ``public-mask``), :mod:`~courtapp.cli.setup` (``setup``) and
:mod:`~courtapp.cli.smoke` (``--smoke-test``).  Every change is made through
the service layer and audited.

``--database`` (and ``--data-dir``) are accepted before the command and after
it: ``courtapp demo --cases 50 --database URL``.  A file that cannot be read
or written ends the command with one line naming the file (exit 1), never a
traceback; anything unexpected writes a crash report and says where.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence

from sqlalchemy.exc import DBAPIError

from courtapp import __version__
from courtapp.cli import (
    admin,
    auth,
    backup,
    calendar,
    cases,
    counter,
    demo,
    documents,
    listing,
    reports,
    setup,
    smoke,
)
from courtapp.cli.common import (
    file_error_line,
    forget_actors,
    lang_of,
    print_errors,
    set_language,
    warn_password_in_url,
)
from courtapp.core import logs, paths
from courtapp.core.db.safety import database_trouble
from courtapp.core.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    ConflictError,
    DomainError,
    NotFound,
    ValidationError,
)

#: Command groups in the order ``--help`` lists them.
GROUPS = (admin, auth, backup, cases, calendar, demo, documents, listing, counter, reports, setup)

log = logging.getLogger("courtapp.cli")

#: Options every command accepts after its name too (``default=SUPPRESS`` there,
#: so that a value given before the command is not overwritten).
_ANYWHERE: list[tuple[str, dict[str, str]]] = [
    ("--database", {"metavar": "URL", "help": "database URL (as before the command)"}),
    ("--data-dir", {"metavar": "DIR", "help": "data directory (as before the command)"}),
]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="courtapp",
        description="Case management for enforcement courts. With no command, starts the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"courtapp {__version__}")
    p.add_argument("--database", metavar="URL",
                   help="database URL (default: $COURTAPP_DATABASE_URL, else a SQLite file "
                        "in the user data directory); e.g. postgresql://user:pw@host/db")
    p.add_argument("--data-dir", metavar="DIR",
                   help="keep the local database, the desk's key, the configuration and the logs "
                        "in DIR instead of the user's folders (default: $COURTAPP_DATA_DIR)")
    p.add_argument("--lang", choices=["en", "zh"], help="language of messages and of the interface")
    p.add_argument("--demo", action="store_true",
                   help="start the app on the demo database (built on first use), logged in as the demo judge")
    p.add_argument("--demo-cases", type=int, default=3000, metavar="N",
                   help="cases in a newly built demo database (default 3000)")
    smoke.add_arguments(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    for parser in _command_parsers(p):
        for option, kw in _ANYWHERE:
            if option not in parser._option_string_actions:
                parser.add_argument(option, default=argparse.SUPPRESS, **kw)  # type: ignore[arg-type]
    return p


def _command_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command's parser, nested actions (``user add``) included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield child
                yield from _command_parsers(child)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = lang_of(args)
    forget_actors()
    set_language(lang)
    warn_password_in_url(getattr(args, "database", None), lang)
    if args.data_dir:
        os.environ[paths.DATA_ENV] = os.path.abspath(args.data_dir)
    if args.smoke_test:
        return smoke.run(args)
    name = args.command or "gui"
    try:
        logs.setup()
    except OSError as e:  # an unwritable log directory must not stop the command
        print(file_error_line(e, lang), file=sys.stderr)
    start = time.perf_counter()
    log.info("courtapp %s: %s started", __version__, name)
    code = _run(args, lang)
    log.info("%s ended with exit code %s in %.2f s", name, code, time.perf_counter() - start)
    return code


def _run(args: argparse.Namespace, lang: str) -> int:
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
        text = e.message.text(lang) if e.message is not None else str(e)
        print(f"courtapp: {text}" if lang == "en" else f"courtapp：{text}", file=sys.stderr)
        return 1
    except AccountLocked as e:
        until = e.until.astimezone().strftime("%H:%M") if hasattr(e.until, "astimezone") else e.until
        print(f"courtapp: too many wrong passwords: {e.username} is locked until {until}"
              if lang == "en" else f"courtapp：密码错误次数过多，{e.username} 已锁定至 {until}",
              file=sys.stderr)
        return 1
    except AuthenticationFailed:
        print("courtapp: wrong user name or password" if lang == "en"
              else "courtapp：用户名或密码错误", file=sys.stderr)
        return 1
    except ConflictError as e:  # who changed it and when, from the catalogue
        print(f"courtapp: {e.message(lang)}", file=sys.stderr)
        return 1
    except DomainError as e:
        print(f"courtapp: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`… | head`): stop quietly
        with contextlib.suppress(OSError, ValueError):  # no flush error at exit either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:  # a file that is missing, unreadable or unwritable
        log.warning("file error: %s", type(e).__name__)
        print(file_error_line(e, lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except DBAPIError as e:  # one line, no SQL, no data (issue 10 §2); the detail is logged
        log.error("database error in %s", args.command, exc_info=e)
        trouble = database_trouble(e)
        assert trouble is not None
        print(f"courtapp: {trouble.text(lang)}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug: a report to send, never a traceback on the screen
        report = logs.write_crash_report(type(e), e, e.__traceback__, where=args.command or "gui")
        print((f"courtapp: an unexpected error ({type(e).__name__}); a report was written to "
               f"{report}; please send it to your IT officer") if lang == "en" else
              (f"courtapp：发生意外错误（{type(e).__name__}），报告已写入 {report}，"
               "请发送给本院信息技术人员"), file=sys.stderr)
        return 1
