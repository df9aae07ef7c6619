"""The one owner of file-system paths.  Tests and ``--data-dir`` override it.

Per user (platformdirs), kept by an upgrade or a reinstall:

- data: the local SQLite database, this desk's signing key
  (``COURTAPP_DATA_DIR`` or ``--data-dir`` overrides it);
- config: the desk configuration written by the set-up wizard
  (``courtapp.toml``) and the remembered PostgreSQL password (``pgpass``);
- logs: rotating log files and crash reports.

With ``COURTAPP_DATA_DIR`` set (tests, ``--data-dir``, the smoke test), the
configuration and the logs live inside that directory too, so nothing
reaches the user's real folders.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import platformdirs

APP = "courtapp"
DATA_ENV = "COURTAPP_DATA_DIR"
DATABASE_ENV = "COURTAPP_DATABASE_URL"
DESK_CONFIG = "courtapp.toml"


def _override() -> Path | None:
    value = os.environ.get(DATA_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    d = _override() or Path(platformdirs.user_data_dir(APP, appauthor=False))
    d.mkdir(parents=True, exist_ok=True)
    return d


def config_dir() -> Path:
    """The desk configuration (``courtapp.toml``) and the password file."""
    base = _override()
    d = base / "config" if base else Path(platformdirs.user_config_dir(APP, appauthor=False))
    d.mkdir(parents=True, exist_ok=True)
    return d


def log_dir() -> Path:
    """Log files and crash reports."""
    base = _override()
    d = base / "logs" if base else Path(platformdirs.user_log_dir(APP, appauthor=False))
    d.mkdir(parents=True, exist_ok=True)
    return d


def desk_config_path() -> Path:
    return config_dir() / DESK_CONFIG


def local_database_path() -> Path:
    """The default local database file."""
    return data_dir() / "courtapp.sqlite"


def default_database_url() -> str:
    """``COURTAPP_DATABASE_URL`` if set, else a SQLite file in the user data directory.

    The database a set-up chose comes in between:
    :func:`courtapp.core.config.database_url` is what the commands use."""
    url = os.environ.get(DATABASE_ENV)
    if url:
        return url
    return f"sqlite+pysqlite:///{local_database_path()}"


def demo_database_url() -> str:
    return f"sqlite+pysqlite:///{data_dir() / 'demo.sqlite'}"


def resources_dir() -> Path:
    """``resources/``: beside the package in a source tree or an editable install,
    ``courtapp/resources`` in a wheel and in the frozen bundle."""
    here = Path(__file__).resolve().parent.parent  # courtapp/
    candidates = [here.parent / "resources", here / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "courtapp" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("courtapp resources directory not found")


def put_in_place(tmp: Path, target: Path) -> None:
    """Move a finished temporary file onto ``target`` (atomically).  A target that
    is a device or a pipe (``/dev/null``, a FIFO) is written in place instead:
    renaming over it would replace the device with a file."""
    try:
        special = not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        special = False
    if not special:
        os.replace(tmp, target)
        return
    with open(tmp, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.unlink(tmp)
