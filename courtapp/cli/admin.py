"""``courtapp db`` and ``courtapp user``: the schema and the accounts."""

from __future__ import annotations

import argparse
import getpass
import sys

from courtapp.cli.common import SubParsers, acting, database, lang_of
from courtapp.core import config
from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Role, is_system_account


def cmd_db(args: argparse.Namespace) -> int:
    from courtapp.core.db import migrate
    from courtapp.core.db.engine import make_engine

    engine = make_engine(args.database or config.database_url())
    if args.db_command == "upgrade":
        migrate.upgrade(engine, args.revision)
        print(f"database at revision {migrate.current_revision(engine)}")
    else:
        print(f"current: {migrate.current_revision(engine) or '(empty)'}; head: {migrate.head_revision()}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise SystemExit("courtapp: no terminal to ask for the password; use --password-stdin")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise SystemExit("courtapp: the passwords differ")
    return first


def cmd_user(args: argparse.Namespace) -> int:
    """``user add`` acts as the logged-in user and needs an administrator's login,
    on every database: the console operator of a desk's own SQLite file makes no
    accounts (issue 10 §2).  ``--first-admin`` creates the first administrator of
    a database that has no user at all."""
    with database(args) as ctx:
        return _user(args, ctx)


def _user(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.services import auth

    if args.user_command == "list":
        for u in auth.list_users(ctx.uow(), acting(ctx)):
            roles = ",".join(sorted(r.value for r in u.roles))
            print(f"{u.username}\t{u.display_name}\t{roles}\t{'active' if u.active else 'inactive'}")
        return 0
    if args.first_admin:
        if args.role and set(args.role) != {Role.ADMIN.value}:
            raise SystemExit("courtapp: --first-admin makes an administrator; drop --role")
        if auth.user_count(ctx.uow()):
            raise SystemExit("courtapp: refused: users exist already; an administrator must log in "
                             "to add one (nothing was created)")
        info = auth.create_first_admin(ctx.uow(), args.username, args.name or args.username,
                                       _read_password(args))
        print(f"first administrator {info.username} created")
        return 0
    zh = lang_of(args) == "zh"
    if not auth.user_count(ctx.uow()):
        raise SystemExit(
            "courtapp：已拒绝：该数据库尚无用户；请用 `courtapp user add 用户名 --first-admin` "
            "或 `courtapp setup` 创建第一位管理员（未创建任何用户）" if zh else
            "courtapp: refused: this database has no user yet; create its first "
            "administrator with `courtapp user add NAME --first-admin` or "
            "`courtapp setup` (nothing was created)")
    actor = acting(ctx)
    if is_system_account(actor.username):
        # No anonymous administrator makes accounts, not even on a desk's own file:
        # a president made that way could sign decisions (issue 10 §2).
        raise SystemExit(
            "courtapp：已拒绝：添加用户须由管理员登录（设置 COURTAPP_USER 和 COURTAPP_PASSWORD，"
            "或先运行 `courtapp login`）（未创建任何用户）" if zh else
            "courtapp: refused: adding a user needs an administrator's login "
            "(COURTAPP_USER and COURTAPP_PASSWORD, or `courtapp login` first); "
            "nothing was created")
    chosen = {Role(r) for r in (args.role or [Role.ADMIN.value])}
    info = auth.add_user(ctx.uow(), actor, args.username, args.name or args.username,
                         _read_password(args), chosen)
    print(f"user {info.username} created with roles {', '.join(sorted(r.value for r in info.roles))}")
    return 0


def register(sub: SubParsers) -> None:
    db = sub.add_parser("db", help="database schema: upgrade or show the revision")
    dbs = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbs.add_parser("upgrade", help="apply pending migrations")
    up.add_argument("--revision", default="head", help="target revision (default head)")
    dbs.add_parser("current", help="show the current and the newest revision")
    db.set_defaults(func=cmd_db)

    user = sub.add_parser("user", help="user accounts")
    us = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = us.add_parser("add", help="add a user (the first one is usually the administrator)")
    add.add_argument("username")
    add.add_argument("--name", help="display name (default: the user name)")
    add.add_argument("--role", action="append", choices=[r.value for r in Role],
                     help="a role; repeat for several (default: administrator)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    add.add_argument("--first-admin", action="store_true",
                     help="the first administrator of a database with no user yet (refused "
                          "once any user exists); otherwise an administrator must be logged in")
    us.add_parser("list", help="list users")
    user.set_defaults(func=cmd_user)
