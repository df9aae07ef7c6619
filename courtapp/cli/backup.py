"""``courtapp backup`` and ``courtapp restore`` (issue 10 §5; docs/setup.md)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from courtapp.cli.common import SubParsers, acting, database
from courtapp.core import config


def _password(prompt: str) -> str | None:
    """``$COURTAPP_BACKUP_PASSWORD``, else a prompt on a terminal, else None."""
    import os

    from courtapp.core.services.backup import PASSWORD_ENV

    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt) or None
    return None


def cmd_backup(args: argparse.Namespace) -> int:
    from courtapp.core.documents import signing
    from courtapp.core.services import backup

    path = Path(args.file)
    password = _password("Backup password (encrypts the signing keys): ") \
        if signing.private_key_files() else None
    with database(args) as ctx:
        try:
            result = backup.backup(ctx.uow(), acting(ctx), path, password=password)
        except backup.BackupError as e:
            print(f"courtapp backup: {e}", file=sys.stderr)
            return 1
    print(f"backup written to {path}: {len(result.rows)} tables, {result.total:,} rows, "
          f"schema {result.schema_revision}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from courtapp.core.services import backup

    path = Path(args.file)
    if not path.is_file():
        raise SystemExit(f"courtapp restore: no such file: {path}")
    url = args.database or config.database_url()
    password = _password("Backup password: ") if args.keys else None
    try:
        result, written = backup.restore(url, path, password=password, install_keys=args.keys)
    except backup.NotEmpty as e:
        print(f"courtapp restore: refused: the database is not empty (table {e} has rows); "
              "restore only into an empty database", file=sys.stderr)
        return 1
    except backup.BackupError as e:
        print(f"courtapp restore: {e}", file=sys.stderr)
        return 1
    print(f"restored {result.total:,} rows in {len(result.rows)} tables from {path}")
    for p in written:
        print(f"signing key file restored to {p}")
    return 0


def register(sub: SubParsers) -> None:
    b = sub.add_parser(
        "backup", help="write a consistent backup of the database (and this desk's keys, encrypted)",
        description="Write every table of the database to FILE (gzip JSON Lines), in one "
                    "consistent snapshot taken while desks keep working.  This desk's private "
                    "signing keys go in encrypted with the password from "
                    "$COURTAPP_BACKUP_PASSWORD (or a prompt).  The backup restores on SQLite "
                    "and PostgreSQL alike.")
    b.add_argument("file", metavar="FILE", help="the backup file to write (e.g. court-2026-12-02.cab.gz)")
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser(
        "restore", help="fill an empty database from a backup",
        description="Fill the EMPTY database given by --database (migrated first) from FILE. "
                    "A database that holds data is refused and left unchanged (exit 1).")
    r.add_argument("file", metavar="FILE", help="a file written by `courtapp backup`")
    r.add_argument("--keys", action="store_true",
                   help="also install the backup's signing key files into this desk's data "
                        "directory (needs the backup password; never overwrites a key)")
    r.set_defaults(func=cmd_restore)
