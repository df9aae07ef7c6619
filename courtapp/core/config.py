"""The desk configuration: which database this desk works on.

One typed declaration, persisted as ``courtapp.toml`` in the user
configuration directory (:func:`courtapp.core.paths.desk_config_path`); the
set-up wizard and ``courtapp setup --answers`` write it, and
:func:`database_url` reads it.  Court-wide
settings (the court's name and code, the public key) live in the database;
only what a desk needs to *find* the database lives here.

The file never holds a password.  A PostgreSQL password the set-up was told
to remember is kept in a separate libpq password file (``pgpass``, mode 0600,
the ``~/.pgpass`` format) that the database URL names with ``passfile=``;
otherwise libpq finds it in ``PGPASSWORD`` or the user's own ``~/.pgpass``,
and the desktop app asks for it at start-up (``ask_password``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from courtapp.core import paths

PGPASS_FILE = "pgpass"


@dataclass(frozen=True)
class DeskConfig:
    """Settings of this desk (one per OS user).

    Attributes:
        database_url: SQLAlchemy URL of the court's database, never with a password;
            ``None`` until the set-up has run.
        ask_password: the desktop app asks for the database password at start-up
            (PostgreSQL, password not remembered).
    """

    database_url: str | None = None
    ask_password: bool = False


def _quote(value: str) -> str:
    """A TOML basic string."""
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in out) + '"'


def load(path: Path | None = None) -> DeskConfig:
    """The configuration, or the defaults when the file does not exist yet."""
    path = path or paths.desk_config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DeskConfig()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot be read ({e})") from None
    db = raw.get("database", {})
    if not isinstance(db, dict):
        raise ConfigError(f"{path}: [database] must be a table")
    url = db.get("url")
    ask = db.get("ask_password", False)
    if (url is not None and not isinstance(url, str)) or not isinstance(ask, bool):
        raise ConfigError(f"{path}: database.url must be text and database.ask_password true or false")
    return DeskConfig(database_url=url or None, ask_password=ask)


def database_url() -> str:
    """The database of this desk: ``COURTAPP_DATABASE_URL`` if set, else the one the
    set-up chose (``courtapp.toml``), else a SQLite file in the user data directory."""
    if os.environ.get(paths.DATABASE_ENV):
        return paths.default_database_url()
    return load().database_url or paths.default_database_url()


def exists(path: Path | None = None) -> bool:
    return (path or paths.desk_config_path()).is_file()


def save(cfg: DeskConfig, path: Path | None = None) -> Path:
    """Write the configuration atomically (a temporary file, then a rename)."""
    path = path or paths.desk_config_path()
    lines = ["# courtapp: this desk's configuration, written by the set-up (courtapp setup).",
             "# No password is stored here.", "", "[database]"]
    if cfg.database_url:
        lines.append(f"url = {_quote(cfg.database_url)}")
    lines.append(f"ask_password = {'true' if cfg.ask_password else 'false'}")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


class ConfigError(Exception):
    """The desk configuration file is damaged."""


# ------------------------------------------------------------------ pgpass
def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def pgpass_path() -> Path:
    return paths.config_dir() / PGPASS_FILE


def remember_password(host: str, port: int, database: str, user: str, password: str) -> Path:
    """Store a PostgreSQL password in this desk's libpq password file (mode 0600),
    replacing an older line for the same server, database and user."""
    path = pgpass_path()
    key = ":".join(_pgpass_field(v) for v in (host, str(port), database, user))
    kept: list[str] = []
    if path.exists():
        kept = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith(key + ":")]
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join([*kept, f"{key}:{_pgpass_field(password)}"]) + "\n")
    os.chmod(tmp, 0o600)  # an existing tmp file keeps its mode through O_TRUNC
    os.replace(tmp, path)
    return path
