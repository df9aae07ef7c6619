"""Database trouble is one line of text, never a traceback (issue 10 §2)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError, ProgrammingError

from courtapp.cli import main
from courtapp.core.db.engine import CONNECT_TIMEOUT, make_engine
from courtapp.core.db.safety import database_trouble

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
UNREACHABLE = "postgresql+psycopg://courtapp@127.0.0.1:1/nowhere"  # the password from PGPASSWORD


def test_an_unreachable_server_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "s3cret-pw")
    for command in (["user", "list"], ["import", str(EXAMPLE)]):
        code = main(["--database", UNREACHABLE, *command])
        out, err = capsys.readouterr()
        assert code == 1, command
        lines = [x for x in err.splitlines() if x.strip()]
        assert len(lines) == 1, err
        for leak in ("Traceback", "SELECT", "s3cret", "psycopg", "127.0.0.1"):
            assert leak not in err + out
        assert "cannot be reached" in lines[0]


def test_the_same_in_a_real_process_in_chinese() -> None:
    env = {**os.environ, "PGPASSWORD": "s3cret-pw"}
    run = subprocess.run([sys.executable, "-m", "courtapp", "--lang", "zh", "--database",
                          UNREACHABLE, "user", "list"], capture_output=True, text=True, timeout=120,
                         env=env)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "无法连接数据库" in run.stderr
    assert "Traceback" not in run.stderr and "SELECT" not in run.stderr


def test_a_lost_connection_and_a_refused_statement_name_no_sql() -> None:
    lost = OperationalError("SELECT name FROM persons WHERE id_number = %(x)s",
                            {"x": "110101199003077777"}, Exception("server closed the connection"))
    msg = database_trouble(lost)
    assert msg is not None and msg.code == "database.unavailable"
    bad = ProgrammingError("UPDATE cases SET x = 1", {}, Exception("permission denied"))
    msg = database_trouble(bad)
    assert msg is not None and msg.code == "database.error"
    for lang in ("en", "zh"):
        assert "SELECT" not in msg.text(lang) and "UPDATE" not in msg.text(lang)
    assert database_trouble(ValueError("x")) is None


def test_connections_have_a_connect_timeout() -> None:
    seen: dict[str, object] = {}
    for url, key in (("postgresql://u@10.255.255.1:5432/x", "connect_timeout"),
                     ("sqlite+pysqlite:///:memory:", "timeout")):
        engine = make_engine(url)

        @event.listens_for(engine, "do_connect")
        def _capture(_dialect, _rec, _cargs, cparams):  # type: ignore[no-untyped-def]
            seen.update(cparams)
            raise RuntimeError("not connecting")

        with pytest.raises(RuntimeError):
            engine.connect()
        assert isinstance(seen.get(key), int) and 0 < seen[key] <= 30  # type: ignore[operator]
    start = time.perf_counter()
    with pytest.raises(OperationalError):
        make_engine(UNREACHABLE).connect()
    assert time.perf_counter() - start < CONNECT_TIMEOUT + 5
