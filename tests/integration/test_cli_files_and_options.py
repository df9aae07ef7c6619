"""The command line as an IT officer meets it (issue 13): ``--database`` before or
after the command, file errors as one line, ``notice -o`` checked before anything
is registered, and a crash report instead of a traceback."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import URL, make_url

from courtapp.cli import build_parser, main
from courtapp.core.context import AppContext
from courtapp.core.domain.roles import console_actor
from courtapp.core.services import cases as case_service
from courtapp.core.services import documents as ds

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example_case.json"
CASE = "（2026）京0105执1234号"


def leaf_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
                 ) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out.append(((*path, name), child))
                out += leaf_parsers(child, (*path, name))
    return out


def test_every_command_accepts_database_and_data_dir_after_its_name() -> None:
    commands = leaf_parsers(build_parser())
    assert len(commands) > 20
    for path, parser in commands:
        assert "--database" in parser._option_string_actions, path
        assert "--data-dir" in parser._option_string_actions, path


def test_database_after_the_command_is_the_database_used(sqlite_db: AppContext, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_db.url
    assert main(["demo", "--cases", "5", "--database", url]) == 0  # the README's command
    assert main(["import", str(EXAMPLE), "--database", url]) == 0
    assert main(["db", "current", "--database", url]) == 0  # a nested command
    n = case_service.count_cases(sqlite_db.uow(), console_actor("t"), case_service.SearchQuery())
    assert n == 6
    capsys.readouterr()
    # Before the command still works, and the value given before is not overwritten.
    assert main(["--database", url, "export", CASE]) == 0
    assert "京0105执1234号" in capsys.readouterr().out


def test_a_plain_file_path_is_a_sqlite_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--database", "desk.sqlite", "import", str(EXAMPLE)]) == 0
    assert (tmp_path / "desk.sqlite").is_file()
    capsys.readouterr()
    assert main(["export", CASE, "--database", str(tmp_path / "desk.sqlite")]) == 0
    assert "京0105执1234号" in capsys.readouterr().out


def one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_a_missing_input_file_is_one_line_naming_it(sqlite_db: AppContext, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere" / "extra.json"
    assert main(["--database", sqlite_db.url, "--lang", "en", "import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    code = main(["--database", sqlite_db.url, "--lang", "en", "notice", "permission", CASE,
                 "--extra", f"@{missing}", "-o", str(tmp_path / "x.pdf")])
    assert code == 1
    line = one_line(capsys.readouterr().err)
    assert str(missing) in line and "No such file" in line
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_one_line_in_either_language(
        sqlite_db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", sqlite_db.url, "import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    target = a_file / "out.json"  # a path through a regular file: cannot be written
    assert main(["--database", sqlite_db.url, "--lang", "en", "export", CASE,
                 "-o", str(target)]) == 1
    assert str(target) in one_line(capsys.readouterr().err)
    assert main(["--database", sqlite_db.url, "--lang", "zh", "documents", "reprint", "x",
                 "-o", str(tmp_path)]) == 1  # a directory
    line = one_line(capsys.readouterr().err)
    assert str(tmp_path) in line and "目录" in line


def url_without_password(db: AppContext, monkeypatch: pytest.MonkeyPatch) -> str:
    """``db.url`` as the README tells an IT officer to pass it: the password in
    ``COURTAPP_DATABASE_PASSWORD``, not on the command line (which warns)."""
    url = make_url(db.url)
    if not url.password:
        return db.url
    monkeypatch.setenv("COURTAPP_DATABASE_PASSWORD", str(url.password))
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query)
    return bare.render_as_string(hide_password=False)


def test_notice_to_an_unwritable_path_registers_nothing_and_uses_no_number(
        db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = url_without_password(db, monkeypatch)
    assert main(["--database", url, "import", str(EXAMPLE)]) == 0
    rec = case_service.get_case(db.uow(), console_actor("t"), case_number=CASE)
    for bad in (tmp_path / "no-such-dir" / "n.pdf", tmp_path):
        capsys.readouterr()
        assert main(["--database", url, "--lang", "en", "notice", "execution_notice", CASE,
                     "-o", str(bad)]) == 1
        assert str(bad.parent if bad.name == "n.pdf" else bad) in one_line(capsys.readouterr().err)
        assert ds.list_documents(db.uow(), console_actor("t"), case_id=rec.id) == []
    good = tmp_path / "n.pdf"
    assert main(["--database", url, "notice", "execution_notice", CASE, "-o", str(good)]) == 0
    [doc] = ds.list_documents(db.uow(), console_actor("t"), case_id=rec.id)
    assert doc.number.endswith("之一")  # the failed attempts took no number
    assert good.read_bytes()[:5] == b"%PDF-"
    assert not list(tmp_path.glob(".n.pdf.*"))  # no temporary file left behind


def test_an_unexpected_error_writes_a_report_and_prints_one_line(
        sqlite_db: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from courtapp.cli import cases as cli_cases
    from courtapp.core import paths

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("张三 360426199101010071 broke it")

    monkeypatch.setattr(cli_cases, "cmd_export", broken)
    assert main(["--database", sqlite_db.url, "--lang", "en", "export", CASE]) == 1
    line = one_line(capsys.readouterr().err)
    assert "RuntimeError" in line and "report" in line
    [report] = paths.log_dir().glob("crash-*.txt")
    assert str(report) in line
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "broken" in text  # the traceback
    assert "张三" not in text and "360426199101010071" not in text


def test_the_app_says_how_to_get_the_gui_when_pyside6_is_missing(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "PySide6" else real(name, *a))
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en"])
    assert "pip install 'courtapp[gui]'" in str(exit_.value.code)
    assert "command line works without it" in str(exit_.value.code)


def test_no_case_and_no_such_file_in_either_language(
        sqlite_db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12 §6: these messages stayed English in Chinese mode."""
    missing = tmp_path / "nothing.json"
    for lang, no_file, no_case in (("en", "courtapp import: no such file:", "courtapp: no case "),
                                   ("zh", "courtapp import：文件不存在：", "courtapp：没有案件")):
        with pytest.raises(SystemExit) as exit_:
            main(["--database", sqlite_db.url, "--lang", lang, "import", str(missing)])
        assert str(exit_.value.code).startswith(no_file) and str(missing) in str(exit_.value.code)
        assert main(["--database", sqlite_db.url, "--lang", lang, "export", "（2026）京0105执9999号"]) == 1
        assert one_line(capsys.readouterr().err).startswith(no_case)


def test_a_reader_that_goes_away_ends_the_command_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    """`courtapp dispatch list | head -1`: no "Broken pipe" line, exit 0."""
    from courtapp.cli import _run

    def closed_pipe(_args: argparse.Namespace) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    assert _run(argparse.Namespace(command="dispatch", func=closed_pipe), "en") == 0
    assert capsys.readouterr().err == ""
