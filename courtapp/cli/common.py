"""What every command shares: the language, the acting user, the database,
dates and output files."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from courtapp.core import paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.errors import FieldError, ValidationError
from courtapp.core.domain.roles import Actor, console_actor

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    SubParsers = argparse._SubParsersAction


def lang_of(args: argparse.Namespace) -> str:
    """The language of messages: ``--lang``, else the locale's."""
    if getattr(args, "lang", None):
        return str(args.lang)
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "zh" if env.startswith("zh") else "en"


def console() -> Actor:
    """The console operator: the OS user running the command."""
    try:
        who = getpass.getuser()
    except Exception:  # no user name on this platform
        who = "unknown"
    return console_actor(who)


def open_context(args: argparse.Namespace) -> AppContext:
    return open_database(args.database or paths.default_database_url())


@contextmanager
def database(args: argparse.Namespace) -> Iterator[AppContext]:
    """The database for one command, its connections closed afterwards."""
    ctx = open_context(args)
    try:
        yield ctx
    finally:
        ctx.engine.dispose()


def print_errors(err: ValidationError, lang: str, out: TextIO) -> None:
    for e in err.errors:
        where = e.path or "$"
        print(f"{where}: {e.message(lang)} [{e.rule}]", file=out)


def date_arg(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"courtapp: {option} {text!r} is not a date (YYYY-MM-DD)") from None


def today_arg(args: argparse.Namespace, option: str = "--today") -> date:
    return date_arg(getattr(args, option.lstrip("-").replace("-", "_"), None), option) or date.today()


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path``, or to standard output for ``-``."""
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(path).write_bytes(data)


def print_warnings(warnings: Sequence[FieldError], lang: str, out: TextIO) -> None:
    """Warnings (e.g. a notice served on or after its deadline, R-L11): shown, never refusing."""
    word = "警告" if lang.startswith("zh") else "warning"
    sep = "：" if lang.startswith("zh") else ": "
    for w in warnings:
        print(f"{word}{sep}{w.path or '$'}: {w.message(lang)} [{w.rule}]", file=out)
