"""``courtapp login``, ``courtapp logout`` and ``courtapp audit`` (issue 10 §§3-4).

``login`` opens a session on the database: a random token whose SHA-256 and
expiry (the ``auth.session_hours`` setting) are stored in ``login_sessions``;
the token itself goes to a file only its owner can read, in the user's
configuration folder, one per database.  Later commands on that database act
as that user until the session ends or ``logout`` removes it.

``audit verify`` walks the hash chain of the audit log and compares every
audited record with its last audited content (RULES.md R-R6, 2017 Art. 13):
exit 0 with ``audit intact: N records``, or exit 1 naming the first broken
link and every record changed behind the application's back.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

from courtapp.cli.common import (
    SubParsers,
    acting,
    ask,
    database,
    lang_of,
    read_sessions,
    session_key,
    write_sessions,
)


def cmd_login(args: argparse.Namespace) -> int:
    from courtapp.core.services import auth

    lang = lang_of(args)
    username = args.user or os.environ.get("COURTAPP_USER") or ask("User name: ", secret=False)
    if args.password_stdin:
        password: str | None = sys.stdin.readline().rstrip("\n")
    else:
        password = os.environ.get("COURTAPP_PASSWORD") or ask("Password: ", secret=True)
    if not username or password is None:
        raise SystemExit("courtapp login: no terminal to ask for the user name and password; use "
                         "--user and --password-stdin" if lang == "en" else
                         "courtapp login：没有终端可询问用户名和密码，请使用 --user 与 --password-stdin")
    with database(args) as ctx:
        actor, token, expires = auth.open_session(ctx.uow(), username, password)
        sessions = read_sessions()
        sessions[session_key(ctx)] = token
        write_sessions(sessions)
    when = expires.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"logged in as {actor.username} until {when}" if lang == "en" else
          f"已登录为 {actor.username}，有效至 {when}")
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from courtapp.core.services import auth

    lang = lang_of(args)
    with database(args) as ctx:
        sessions = read_sessions()
        token = sessions.pop(session_key(ctx), None)
        if token is not None:
            auth.close_session(ctx.uow(), token)
        write_sessions(sessions)
    print(("logged out" if token else "not logged in") if lang == "en" else
          ("已退出登录" if token else "未登录"))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from courtapp.core.services import audit

    with database(args) as ctx:
        actor = acting(ctx)
        if args.audit_command == "verify":
            result = audit.verify(ctx.uow(), actor)
            for line in audit.verify_lines(result):
                print(line)
            return 0 if result.intact else 1
        rows = audit.entries(ctx.uow(), actor, case_number=args.case, username=args.user,
                             limit=args.limit)
        # No list stops silently at N rows: say how many of how many.
        total = len(rows) if len(rows) < args.limit else audit.count(
            ctx.uow(), actor, case_number=args.case, username=args.user)
    if total > len(rows):
        print(f"courtapp audit list: the newest {len(rows):,} of {total:,} records; "
              "give a larger --limit to see more" if lang_of(args) == "en" else
              f"courtapp audit list：显示最新的 {len(rows):,} 条，共 {total:,} 条；"
              "用更大的 --limit 查看更多", file=sys.stderr)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["seq", "at", "user", "action", "entity_type", "entity_id", "before", "after",
                  "legal_ground", "reason"])
    for e in rows:
        out.writerow([e.seq, e.at.isoformat(), e.username, e.action, e.entity_type, e.entity_id,
                      e.before or "", e.after or "", e.legal_ground or "", e.reason or ""])
    return 0


def register(sub: SubParsers) -> None:
    login = sub.add_parser(
        "login", help="log in on the database: later commands act as you until the session ends",
        description="Log in: the session's token is kept in a file only you can read; "
                    "`courtapp logout` ends it.  The password comes from a prompt, "
                    "$COURTAPP_PASSWORD or --password-stdin, never from the command line.")
    login.add_argument("--user", help="user name (default: $COURTAPP_USER, else asked)")
    login.add_argument("--password-stdin", action="store_true",
                       help="read the password from the first line of standard input")
    login.set_defaults(func=cmd_login)
    logout = sub.add_parser("logout", help="end the session opened by `courtapp login`")
    logout.set_defaults(func=cmd_logout)

    a = sub.add_parser("audit", help="the audit trail: verify its chain, list it as CSV")
    acts = a.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    acts.add_parser("verify", help="check the hash chain and every audited record "
                                   "(exit 1 naming what was changed)")
    lst = acts.add_parser("list", help="the newest audit records as CSV")
    lst.add_argument("--case", metavar="CASE_NUMBER", help="only this case")
    lst.add_argument("--user", metavar="USERNAME", help="only this user's actions")
    lst.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    a.set_defaults(func=cmd_audit)
