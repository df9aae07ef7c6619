"""What every command shares: the language, the acting user, the database,
dates and output files.

Who is acting (issue 10 §3), decided once per command by :func:`acting`:

1. ``COURTAPP_USER`` with ``COURTAPP_PASSWORD`` (or a password prompt when
   standard input is a terminal): that user, with that user's roles;
2. else the session ``courtapp login`` opened on this database (a random
   token in a 0600 file in the user's configuration folder; the database
   holds only its SHA-256 and expiry);
3. else, on a local SQLite file owned by the OS user running the command, the
   console operator, audited as ``console:<OS user>`` with the name taken
   from the OS (never from ``LOGNAME``/``USER``);
4. else, on a terminal, a prompt for the user name and password;
5. else the command is refused (exit 1).  A server database never gets the
   console operator.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from sqlalchemy.engine import make_url

from courtapp.core import config, paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain import limits
from courtapp.core.domain.errors import FieldError, ValidationError
from courtapp.core.domain.messages import refusal
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


def os_user() -> str:
    """The OS account running the command, from the OS itself: environment
    variables such as ``LOGNAME`` can be set to anything (issue 10 §2)."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):  # Windows: the logon session's name
        try:
            return os.getlogin()
        except OSError:
            return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def console() -> Actor:
    """The console operator: the OS user running the command.  Only :func:`acting`
    hands it out, and only for a local SQLite file the OS user owns."""
    return console_actor(os_user())


def console_allowed(ctx: AppContext) -> bool:
    """Whether the console operator may act on this database: a local SQLite file
    owned by the OS user running the command (on Windows: a local file)."""
    url = ctx.engine.url
    if url.get_backend_name() != "sqlite":
        return False
    name = url.database or ""
    if not name or name == ":memory:" or name.startswith("file:"):
        return False
    try:
        st = os.stat(name)
    except OSError:
        return False
    if hasattr(os, "getuid"):
        return st.st_uid == os.getuid()
    return True


_SESSION_FILE = "session.json"
_ACTORS: dict[str, Actor] = {}
_LANG = ["en"]


def set_language(lang: str) -> None:
    """The language of the command's own messages (``--lang``, else the locale's)."""
    _LANG[0] = lang


def session_file() -> Path:
    """Where ``courtapp login`` keeps its tokens (0600), one per database."""
    return paths.config_dir() / _SESSION_FILE


def read_sessions() -> dict[str, str]:
    try:
        data = json.loads(session_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def write_sessions(sessions: dict[str, str]) -> None:
    """Write the token file readable by its owner only (or remove it when empty)."""
    path = session_file()
    if not sessions:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(sessions, f)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def session_key(ctx: AppContext) -> str:
    return ctx.safe_url


def _refuse(lang: str) -> NoReturn:
    raise SystemExit(
        "courtapp: log in first: `courtapp login`, or COURTAPP_USER and COURTAPP_PASSWORD "
        "(the console operator works only on a local database file you own)" if lang == "en" else
        "courtapp：请先登录：运行“courtapp login”，或设置 COURTAPP_USER 与 COURTAPP_PASSWORD"
        "（控制台操作员仅适用于本人所有的本地数据库文件）")


def ask(prompt: str, *, secret: bool) -> str | None:
    """A line typed at the terminal; None without a terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt) if secret else input(prompt)
    except EOFError:
        return None


def acting(ctx: AppContext, lang: str | None = None) -> Actor:
    """Who is acting in this command on ``ctx``'s database (see the module's notes)."""
    from courtapp.core.services import auth

    lang = lang or _LANG[0]
    key = session_key(ctx)
    if key in _ACTORS:
        return _ACTORS[key]
    username = os.environ.get("COURTAPP_USER")
    found: Actor | None = None
    if username:
        password = os.environ.get("COURTAPP_PASSWORD")
        if password is None:
            password = ask(f"Password for {username}: ", secret=True)
        if password is None:
            _refuse(lang)
        found = auth.authenticate(ctx.uow(), username, password)
    if found is None:
        token = read_sessions().get(key)
        if token:
            found = auth.session_actor(ctx.uow(), token)
            if found is None:
                print("courtapp: your login session has ended; log in again" if lang == "en"
                      else "courtapp：登录已过期，请重新登录", file=sys.stderr)
    if found is None and console_allowed(ctx):
        found = console()
    if found is None:
        name = ask("User name: ", secret=False)
        password = ask("Password: ", secret=True) if name else None
        if not name or password is None:
            _refuse(lang)
        found = auth.authenticate(ctx.uow(), name, password)
    _ACTORS[key] = found
    return found


def forget_actors() -> None:
    """Forget who acted (a new command in the same process decides again)."""
    _ACTORS.clear()


def warn_password_in_url(url: str | None, lang: str) -> None:
    """A password in ``--database`` is visible to every user of the machine in
    ``ps``: warn (the command still runs; the README shows the ways without it)."""
    if not url:
        return
    try:
        password = make_url(url).password
    except Exception:  # not a URL: the command reports it
        return
    if password:
        print("courtapp: warning: the password in --database is visible to other users in `ps`; "
              "use PGPASSWORD, COURTAPP_DATABASE_PASSWORD or a ~/.pgpass file instead"
              if lang == "en" else
              "courtapp：警告：--database 中的密码可被本机其他用户通过 ps 看到；"
              "请改用 PGPASSWORD、COURTAPP_DATABASE_PASSWORD 或 ~/.pgpass 文件", file=sys.stderr)


def with_password(url: str) -> str:
    """``url`` with ``COURTAPP_DATABASE_PASSWORD`` filled in when it names none
    (``PGPASSWORD`` and ``~/.pgpass`` are read by libpq itself)."""
    password = os.environ.get("COURTAPP_DATABASE_PASSWORD")
    if not password:
        return url
    u = make_url(url)
    if u.get_backend_name() != "postgresql" or u.password:
        return url
    return u.set(password=password).render_as_string(hide_password=False)


def open_context(args: argparse.Namespace) -> AppContext:
    """The command's database; on a server that wants a password libpq could not
    find (environment, password file), asked for at the terminal."""
    from sqlalchemy.exc import OperationalError

    url = with_password(args.database or config.database_url())
    try:
        return open_database(url)
    except OperationalError as e:
        u = make_url(url)
        if (u.get_backend_name() != "postgresql" or u.password
                or "password" not in str(e.orig).lower()):
            raise
        password = ask(f"Database password for {u.username}@{u.host}: ", secret=True)
        if password is None:
            raise
        return open_database(u.set(password=password).render_as_string(hide_password=False))


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
    """The date an option names, or None if it is not given.

    A text that is not a date, or a date outside the limits
    (:mod:`courtapp.core.domain.limits`: 1949-10-01 to ten years ahead), is
    refused like a field: exit 1 naming the option and the rule."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError([FieldError(option, "date.format", *refusal("date.format"))]) from None
    if not limits.date_in_range(day):
        raise ValidationError([FieldError(option, "date.range",
                                          *refusal("date.range", **limits.date_range_params()))])
    return day


def int_arg(text: str) -> int:
    """An ``argparse`` type: an integer that fits a database ``INTEGER`` column
    (:data:`~courtapp.core.domain.limits.MAX_INT`); otherwise a usage error (exit 2)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if not -limits.MAX_INT - 1 <= n <= limits.MAX_INT:
        raise argparse.ArgumentTypeError(
            f"{text!r} is out of range ({-limits.MAX_INT - 1} to {limits.MAX_INT})")
    return n


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
        self._direct = False

    def __enter__(self) -> OutputFile:
        if self.path == "-":
            return self
        target = Path(self.path)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), self.path)
        if target.exists() and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), self.path)
        if target.exists() and not stat.S_ISREG(target.stat().st_mode):
            # A device or a pipe (/dev/null, a FIFO): written in place, never
            # replaced by a file (renaming over /dev/null would destroy it).
            self._fd = os.open(target, os.O_WRONLY)
            self._direct = True
            return self
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
        assert self._fd is not None
        with os.fdopen(self._fd, "wb") as f:
            self._fd = None
            f.write(data)
        if self._direct:
            return
        assert self._tmp is not None
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
