"""Setting up a desk: the answers the first-run wizard and ``courtapp setup`` collect,
and applying them.

The answers (:class:`Answers`):

- the court: its name and its code (R-N1, e.g. ``京0105``), stored court-wide in
  the database settings (``court.name``, ``court.code``);
- the administrator: created on an empty database; on a database that already
  has accounts (the second desk of a court) an existing administrator's user
  name and password are checked instead;
- the database: a local SQLite file, or a PostgreSQL server
  (:func:`test_connection` before anything is written; the migrations run when
  the answers are applied).  The password is never put on a command line nor
  into ``courtapp.toml``: with ``remember_password`` it goes into this desk's
  libpq password file (mode 0600, :func:`courtapp.core.config.remember_password`),
  otherwise the desktop app asks for it at every start;
- the signing key: generate one for this desk, or install the court's key file
  from the desk that made it (:func:`setup_signing_key`).

:func:`apply` is safe to run again after a failure: each step finds what an
earlier run did (the schema, the administrator, the court, the key) and
carries on.  :func:`load_answers` reads the same answers from a TOML file for
unattended set-up (``courtapp setup --answers FILE``); see ``docs/setup.md``.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from courtapp.core import config, paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.db.orm import SettingRow
from courtapp.core.documents import signing
from courtapp.core.domain.errors import (
    AuthenticationFailed,
    DomainError,
    ErrorCollector,
    FieldError,
    ValidationError,
)
from courtapp.core.domain.identifiers import check_court_code
from courtapp.core.domain.roles import Actor, Permission

SETTING_COURT_NAME = "court.name"
SETTING_COURT_CODE = "court.code"
DEFAULT_PG_PORT = 5432
CONNECT_TIMEOUT = 10

DatabaseKind = Literal["sqlite", "postgresql"]
KeyAction = Literal["generate", "import"]


class SetupError(DomainError):
    """A step of the set-up failed; the message says which and why, in both languages."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh

    def message(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class DatabaseChoice:
    kind: DatabaseKind = "sqlite"
    #: SQLite: the file ("" = the default file in the user data directory).
    path: str = ""
    host: str = ""
    port: int = DEFAULT_PG_PORT
    name: str = "courtapp"
    user: str = "courtapp"
    password: str = field(default="", repr=False)
    remember_password: bool = True

    def sqlite_path(self) -> Path:
        return Path(self.path).expanduser() if self.path else paths.local_database_path()

    def url(self, *, with_password: bool) -> str:
        """The SQLAlchemy URL: with the password for connecting now, without it to store."""
        if self.kind == "sqlite":
            return f"sqlite+pysqlite:///{self.sqlite_path().resolve()}"
        return URL.create("postgresql+psycopg", username=self.user,
                          password=self.password if with_password and self.password else None,
                          host=self.host, port=self.port, database=self.name,
                          query={"connect_timeout": str(CONNECT_TIMEOUT)}
                          ).render_as_string(hide_password=False)

    def stored_url(self, passfile: Path | None) -> str:
        """The URL kept in ``courtapp.toml``: no password; the password file, if any."""
        url = self.url(with_password=False)
        if passfile is not None:
            url += "&passfile=" + quote(str(passfile), safe="/:\\")
        return url


@dataclass(frozen=True)
class KeyChoice:
    action: KeyAction = "generate"
    #: ``import``: the PEM file from the desk that made the court key.
    file: str = ""


@dataclass(frozen=True)
class Answers:
    court_name: str
    court_code: str
    admin_username: str
    admin_display_name: str
    admin_password: str = field(repr=False)
    database: DatabaseChoice = DatabaseChoice()
    key: KeyChoice = KeyChoice()


@dataclass(frozen=True)
class ConnectionReport:
    """What :func:`test_connection` found."""

    server: str
    migrated: bool
    users: int


@dataclass(frozen=True)
class SetupResult:
    database_url: str
    safe_url: str
    admin_username: str
    created_admin: bool
    key_fingerprint: str
    #: ``courtapp.toml``, or None when the database was given (``fixed_url``).
    config_file: Path | None
    passfile: Path | None
    #: The URL to connect with in this process (it may hold the password: never store it).
    session_url: str = field(default="", repr=False)


# ----------------------------------------------------------------- checking
def check(answers: Answers) -> None:
    """Refuse incomplete or malformed answers, naming each field; nothing is written."""
    e = ErrorCollector()
    if not answers.court_name.strip():
        e.add("court.name", "required", "the court's name is required", "请填写法院名称")
    try:
        check_court_code(answers.court_code)
    except ValueError:
        e.add("court.code", "court_code.format",
              "a court code is 最高法, a province abbreviation, or one followed by 2 or 4 digits "
              "(e.g. 京0105)", "法院代字应为“最高法”、省级简称，或简称后加2位或4位数字（如京0105）")
    if not answers.admin_username.strip():
        e.add("administrator.username", "required", "the administrator's user name is required",
              "请填写管理员用户名")
    if not answers.admin_password:
        e.add("administrator.password", "required", "the administrator's password is required",
              "请填写管理员密码")
    db = answers.database
    if db.kind not in ("sqlite", "postgresql"):
        e.add("database.kind", "database.kind", "the database is 'sqlite' or 'postgresql'",
              "数据库应为“sqlite”或“postgresql”")
    elif db.kind == "postgresql":
        for name, value in (("host", db.host), ("name", db.name), ("user", db.user)):
            if not value.strip():
                e.add(f"database.{name}", "required", f"the PostgreSQL {name} is required",
                      f"请填写PostgreSQL的{ {'host': '服务器地址', 'name': '数据库名', 'user': '用户名'}[name] }")
        if not 0 < db.port < 65536:
            e.add("database.port", "database.port", "a port is a number from 1 to 65535",
                  "端口应为1到65535之间的数字")
    elif db.path and Path(db.path).expanduser().is_dir():
        e.add("database.path", "database.path", "the database file is a folder; name a file",
              "所填数据库文件是一个文件夹，请填写文件名")
    if answers.key.action not in ("generate", "import"):
        e.add("signing_key.action", "signing_key.action", "the key action is 'generate' or 'import'",
              "签名密钥的操作应为“generate”或“import”")
    elif answers.key.action == "import" and not Path(answers.key.file).expanduser().is_file():
        e.add("signing_key.file", "signing_key.file", "name the court's key file to import",
              "请指定要导入的本院签名密钥文件")
    e.raise_if_any()


# --------------------------------------------------------------- the server
def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    return (str(inner).strip().splitlines() or [type(inner).__name__])[0]


def test_connection(db: DatabaseChoice) -> ConnectionReport:
    """Connect with the answers' credentials and look: the server, whether the
    schema is there, how many accounts.  Writes nothing."""
    if db.kind == "sqlite":
        p = db.sqlite_path()
        if not p.exists():
            return ConnectionReport(f"SQLite file {p} (new)", False, 0)
    engine = create_engine(db.url(with_password=True))
    try:
        with engine.connect() as conn:
            server = "SQLite " + str(conn.scalar(text("select sqlite_version()"))) \
                if db.kind == "sqlite" else str(conn.scalar(text("select version()"))).split(",")[0]
            tables = set(inspect(conn).get_table_names())
            users = int(conn.scalar(text("select count(*) from users")) or 0) \
                if "users" in tables else 0
            return ConnectionReport(server, "alembic_version" in tables, users)
    except SQLAlchemyError as exc:
        where = db.sqlite_path() if db.kind == "sqlite" else f"{db.host}:{db.port}/{db.name}"
        reason = _first_line(exc).replace(db.password, "***") if db.password else _first_line(exc)
        raise SetupError(f"cannot connect to {where} as {db.user}: {reason}",
                         f"无法以 {db.user} 连接 {where}：{reason}") from None
    finally:
        engine.dispose()


# -------------------------------------------------------------- the court
def court_identity(ctx: AppContext) -> tuple[str, str] | None:
    """The court's name and code recorded by the set-up, if any."""
    with ctx.uow() as uow:
        name = uow.session.get(SettingRow, SETTING_COURT_NAME)
        code = uow.session.get(SettingRow, SETTING_COURT_CODE)
        return (name.value, code.value) if name and code else None


def record_court(ctx: AppContext, actor: Actor, name: str, code: str) -> None:
    """Store the court's name and code (one transaction, audited); a database that
    already belongs to another court is refused."""
    from courtapp.core.services import audit

    code = check_court_code(code)
    name = name.strip()
    with ctx.uow() as uow:
        rows = {k: uow.session.get(SettingRow, k) for k in (SETTING_COURT_NAME, SETTING_COURT_CODE)}
        have = {k: r.value for k, r in rows.items() if r is not None}
        want = {SETTING_COURT_NAME: name, SETTING_COURT_CODE: code}
        if have == want:
            return
        if have:
            old = f"{have.get(SETTING_COURT_NAME, '')} ({have.get(SETTING_COURT_CODE, '')})"
            raise ValidationError([FieldError(
                "court.code", "court.other",
                f"this database belongs to {old}; the answers name {name} ({code})",
                f"该数据库属于{old}，与所填{name}（{code}）不符")])
        for key, value in want.items():
            uow.session.add(SettingRow(key=key, value=value))
        audit.record(uow, actor, "court.set_up", "setting", "court", after=want,
                     reason="desk set-up")
        uow.commit()


# ----------------------------------------------------------------- the key
def setup_signing_key(ctx: AppContext, actor: Actor, choice: KeyChoice) -> str:
    """The signing-key step of the set-up; returns the key's fingerprint.

    Each desk signs with its own Ed25519 key (issue 10 §5,
    :mod:`courtapp.core.services.keys`): ``generate`` makes this desk's key (a
    desk that has one keeps it) and registers its public key in the database
    with the desk and the user; ``import`` installs a key file (a rebuilt desk
    getting its own key back) and registers it.
    """
    from courtapp.core.services import documents

    path = signing.key_path()
    if choice.action == "import":
        _install_key_file(Path(choice.file).expanduser(), path)
    key = documents.court_signing_key(ctx.uow(), actor)  # made if missing; registered
    return signing.fingerprint(key)


def _install_key_file(source: Path, target: Path) -> None:
    try:
        data = source.read_bytes()
    except OSError as e:
        raise SetupError(f"cannot read the key file {source}: {e.strerror}",
                         f"无法读取密钥文件 {source}：{e.strerror}") from None
    if target.exists():
        if target.read_bytes() == data:
            return
        raise SetupError(f"this desk already has another signing key at {target}; "
                         "move it away first if it should be replaced",
                         f"本机已有另一签名密钥（{target}），如需替换请先将其移走")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    try:
        signing.load_private_key(tmp)
    except signing.SigningKeyError:
        tmp.unlink()
        raise
    os.replace(tmp, target)


# ------------------------------------------------------------------- apply
def _administrator(ctx: AppContext, a: Answers) -> tuple[Actor, bool]:
    """Create the administrator on an empty database, else check an existing one."""
    from courtapp.core.services import auth

    created = False
    if auth.user_count(ctx.uow()) == 0:
        auth.create_first_admin(ctx.uow(), a.admin_username.strip(), a.admin_display_name,
                                a.admin_password)
        created = True
    try:
        actor = auth.authenticate(ctx.uow(), a.admin_username.strip(), a.admin_password)
    except AuthenticationFailed:
        raise ValidationError([FieldError(
            "administrator.password", "setup.admin_login",
            "this database already has accounts: give an administrator's user name and password",
            "该数据库已有用户：请填写一名管理员的用户名和密码")]) from None
    if not actor.can(Permission.USER_MANAGE):
        raise ValidationError([FieldError(
            "administrator.username", "setup.not_admin",
            "this account is not an administrator", "该账户不是管理员")])
    return actor, created


Progress = Callable[[str], None]


def apply(answers: Answers, *, progress: Progress | None = None,
          fixed_url: str | None = None) -> SetupResult:
    """Carry out the set-up: database (migrations), administrator, court, key, and
    last the desk configuration, so that a desk is configured only when all went well.

    With ``fixed_url`` the database is given (``--database``, or the configured one):
    the answers' database is ignored and the desk configuration is left as it is."""
    say = progress or (lambda _step: None)
    check(answers)
    db = answers.database
    say("database")
    if fixed_url is not None:
        session_url = fixed_url
    elif db.kind == "sqlite":
        db.sqlite_path().parent.mkdir(parents=True, exist_ok=True)
        session_url = db.url(with_password=True)
    else:
        test_connection(db)  # one clear message before the migrations try
        session_url = db.url(with_password=True)
    try:
        ctx = open_database(session_url)
    except SQLAlchemyError as exc:
        raise SetupError(f"the database could not be prepared: {_first_line(exc)}",
                         f"数据库初始化失败：{_first_line(exc)}") from None
    try:
        say("administrator")
        actor, created = _administrator(ctx, answers)
        say("court")
        record_court(ctx, actor, answers.court_name, answers.court_code)
        say("key")
        fingerprint = setup_signing_key(ctx, actor, answers.key)
        safe = ctx.safe_url
    finally:
        ctx.engine.dispose()
    if fixed_url is not None:
        return SetupResult(fixed_url, safe, answers.admin_username.strip(), created, fingerprint,
                           None, None, session_url=fixed_url)
    say("configuration")
    passfile = None
    if db.kind == "postgresql" and db.remember_password and db.password:
        passfile = config.remember_password(db.host, db.port, db.name, db.user, db.password)
    stored = db.stored_url(passfile)
    ask = db.kind == "postgresql" and not passfile and bool(db.password)
    cfg_file = config.save(config.DeskConfig(database_url=stored, ask_password=ask))
    return SetupResult(stored, safe, answers.admin_username.strip(), created, fingerprint,
                       cfg_file, passfile, session_url=session_url)


# ------------------------------------------------------ unattended answers
def _secret(table: Mapping[str, Any], where: str, answers_file: Path, e: ErrorCollector) -> str:
    """``password``, ``password_env`` or ``password_file`` of a table."""
    if "password_env" in table:
        value = os.environ.get(str(table["password_env"]))
        if value is None:
            e.add(f"{where}.password_env", "setup.env", f"${table['password_env']} is not set",
                  f"环境变量 {table['password_env']} 未设置")
        return value or ""
    if "password_file" in table:
        p = (answers_file.parent / str(table["password_file"])).expanduser()
        try:
            return p.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            e.add(f"{where}.password_file", "setup.file", f"{p}: {exc.strerror}",
                  f"{p}：无法读取")
            return ""
    if "password" in table:
        mode = answers_file.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            e.add(f"{where}.password", "setup.readable",
                  f"{answers_file} holds a password and others can read it: chmod 600 it, or use "
                  "password_env or password_file",
                  f"{answers_file} 含有密码且他人可读：请 chmod 600，或改用 password_env / password_file")
        return str(table["password"])
    return ""


def load_answers(path: Path) -> Answers:
    """Read the answers of an unattended set-up from a TOML file (docs/setup.md)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError([FieldError("$", "setup.toml", f"{path} is not valid TOML: {exc}",
                                          f"{path} 不是有效的TOML：{exc}")]) from None
    e = ErrorCollector()

    def table(name: str) -> dict[str, Any]:
        value = raw.get(name, {})
        if not isinstance(value, dict):
            e.add(name, "setup.table", f"[{name}] must be a table", f"[{name}] 应为表")
            return {}
        return value

    court, admin, dbt, key = table("court"), table("administrator"), table("database"), \
        table("signing_key")
    admin_password = _secret(admin, "administrator", path, e)
    kind = str(dbt.get("kind", "sqlite"))
    port = dbt.get("port", DEFAULT_PG_PORT)
    if not isinstance(port, int):
        e.add("database.port", "database.port", "the port is a number", "端口应为数字")
        port = DEFAULT_PG_PORT
    db = DatabaseChoice(
        kind=kind,  # type: ignore[arg-type]  # checked by check()
        path=str(dbt.get("path", "")), host=str(dbt.get("host", "")), port=port,
        name=str(dbt.get("name", "courtapp")), user=str(dbt.get("user", "courtapp")),
        password=_secret(dbt, "database", path, e) if kind == "postgresql" else "",
        remember_password=bool(dbt.get("remember_password", True)))
    key_file = str(key.get("file", ""))
    if key_file:
        key_file = str((path.parent / key_file).expanduser())
    answers = Answers(
        court_name=str(court.get("name", "")), court_code=str(court.get("code", "")),
        admin_username=str(admin.get("username", "")),
        admin_display_name=str(admin.get("display_name", admin.get("username", ""))),
        admin_password=admin_password, database=db,
        key=KeyChoice(action=str(key.get("action", "generate")), file=key_file))  # type: ignore[arg-type]
    e.raise_if_any()
    return answers

