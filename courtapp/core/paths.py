"""The one owner of file-system paths.  Tests and ``--data-dir`` override it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "courtapp"


def data_dir() -> Path:
    override = os.environ.get("COURTAPP_DATA_DIR")
    d = Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
    d.mkdir(parents=True, exist_ok=True)
    return d


def default_database_url() -> str:
    """``COURTAPP_DATABASE_URL`` if set, else a SQLite file in the user data directory."""
    url = os.environ.get("COURTAPP_DATABASE_URL")
    if url:
        return url
    return f"sqlite+pysqlite:///{data_dir() / 'courtapp.sqlite'}"


def demo_database_url() -> str:
    return f"sqlite+pysqlite:///{data_dir() / 'demo.sqlite'}"


def resources_dir() -> Path:
    """``resources/`` beside the package (source tree, editable install, frozen bundle)."""
    here = Path(__file__).resolve().parent.parent  # courtapp/
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("courtapp resources directory not found")
