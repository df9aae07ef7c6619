"""``courtapp setup``: set up this desk without the wizard (issue 13).

``courtapp setup --answers FILE.toml`` reads the same answers the first-run
wizard asks for (the court, the administrator, the database, the signing key)
and applies them: for IT officers who set up many desks.  The format is in
``docs/setup.md``; :mod:`courtapp.core.setup` does the work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from courtapp.cli.common import SubParsers, lang_of


def cmd_setup(args: argparse.Namespace) -> int:
    from courtapp.core import config, setup

    lang = lang_of(args)
    path = Path(args.answers)
    if not path.is_file():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    if args.database:
        raise SystemExit("courtapp setup: the database comes from the answers file ([database]), "
                         "not from --database" if lang == "en" else
                         "courtapp setup：数据库由应答文件的 [database] 指定，不接受 --database")
    if config.exists() and not args.force:
        raise SystemExit(
            f"courtapp setup: this desk is set up already ({config.load().database_url}); "
            "--force sets it up again" if lang == "en" else
            f"courtapp setup：本机已完成设置（{config.load().database_url}），如需重新设置请加 --force")
    answers = setup.load_answers(path)
    steps_en = {"database": "database and migrations", "administrator": "administrator",
                "court": "court", "key": "signing key", "configuration": "desk configuration"}
    steps_zh = {"database": "数据库与迁移", "administrator": "管理员", "court": "法院",
                "key": "签名密钥", "configuration": "本机配置"}
    try:
        result = setup.apply(answers, progress=lambda step: print(
            f"… {(steps_en if lang == 'en' else steps_zh)[step]}", file=sys.stderr))
    except setup.SetupError as e:
        raise SystemExit(f"courtapp setup: {e.message(lang)}") from None
    if lang == "en":
        print(f"desk set up: database {result.safe_url}; administrator {result.admin_username} "
              f"({'created' if result.created_admin else 'checked'}); signing key "
              f"{result.key_fingerprint}; configuration {result.config_file}")
        if result.passfile:
            print(f"the database password is kept in {result.passfile} (readable by you only)")
    else:
        print(f"本机设置完成：数据库 {result.safe_url}；管理员 {result.admin_username}"
              f"（{'已创建' if result.created_admin else '已核对'}）；签名密钥 {result.key_fingerprint}；"
              f"配置文件 {result.config_file}")
        if result.passfile:
            print(f"数据库密码保存在 {result.passfile}（仅本人可读）")
    return 0


def register(sub: SubParsers) -> None:
    s = sub.add_parser(
        "setup", help="set up this desk from an answers file (unattended; the wizard asks the same)",
        description="Set up this desk: the court's name and code, the administrator, the "
                    "database (a local file or a PostgreSQL server; the migrations run) and the "
                    "signing key, read from a TOML answers file.  See docs/setup.md.")
    s.add_argument("--answers", required=True, metavar="FILE.toml", help="the answers file")
    s.add_argument("--force", action="store_true", help="set up a desk that is set up already")
    s.set_defaults(func=cmd_setup)
