"""What every command shares: the language, the acting user, the database,
dates and output files."""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from courtapp.core import config
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
    return open_database(args.database or config.database_url())


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


#: What went wrong with a file, in Chinese, by errno (the English comes from the OS).
_FILE_ERRORS_ZH = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "只读文件系统",
    errno.EEXIST: "文件已存在",
}


def file_error_line(err: OSError, lang: str) -> str:
    """One line naming the file and what is wrong with it."""
    name = err.filename if err.filename is not None else "?"
    if lang == "zh":
        reason = _FILE_ERRORS_ZH.get(err.errno or 0, err.strerror or type(err).__name__)
        return f"courtapp：{name}：{reason}"
    return f"courtapp: {name}: {err.strerror or type(err).__name__}"


class OutputFile:
    """An output file checked *before* the work that fills it.

    Opening it creates a temporary file beside the target, so a directory that
    does not exist or cannot be written, or a target that is a directory or a
    read-only file, fails here, before anything is registered or numbered.
    :meth:`commit` writes the data and renames the temporary file over the
    target (a reader never sees half a file); leaving the ``with`` block
    without committing removes it.  ``-`` is standard output.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._tmp: Path | None = None
        self._fd: int | None = None

    def __enter__(self) -> OutputFile:
        if self.path == "-":
            return self
        target = Path(self.path)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), self.path)
        if target.exists() and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), self.path)
        parent = target.parent
        if not parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(parent))
        try:
            self._fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".part")
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self.path) from None
        self._tmp = Path(tmp)
        return self

    def commit(self, data: bytes) -> None:
        if self.path == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        assert self._fd is not None and self._tmp is not None
        with os.fdopen(self._fd, "wb") as f:
            self._fd = None
            f.write(data)
        os.chmod(self._tmp, 0o666 & ~_umask())
        os.replace(self._tmp, self.path)
        self._tmp = None

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (atomically), or to standard output for ``-``."""
    with OutputFile(path) as out:
        out.commit(data)


def print_warnings(warnings: Sequence[FieldError], lang: str, out: TextIO) -> None:
    """Warnings (e.g. a notice served on or after its deadline, R-L11): shown, never refusing."""
    word = "警告" if lang.startswith("zh") else "warning"
    sep = "：" if lang.startswith("zh") else ": "
    for w in warnings:
        print(f"{word}{sep}{w.path or '$'}: {w.message(lang)} [{w.rule}]", file=out)


def no_such_file(command: str, path: object, args: argparse.Namespace) -> SystemExit:
    """``courtapp <command>: no such file: <path>`` in the language of ``args``."""
    from courtapp.core.domain.messages import Message

    return SystemExit(Message("error.no_such_file", {"command": f"courtapp {command}",
                                                     "path": str(path)}).text(lang_of(args)))
