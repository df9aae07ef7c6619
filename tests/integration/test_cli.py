"""The command line, run in-process through ``courtapp.cli.main``."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from courtapp import __version__
from courtapp.cli import main
from courtapp.core.context import open_database
from courtapp.core.domain.roles import console_actor
from courtapp.core.domain.validation import validate_case
from courtapp.core.services import auth
from courtapp.core.services import cases as svc

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite+pysqlite:///{tmp_path / 'cli.sqlite'}"


def _count(url: str) -> int:
    return svc.count_cases(open_database(url).uow(), console_actor("t"), svc.SearchQuery())


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"courtapp {__version__}"


def test_an_unknown_command_exits_non_zero_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["frobnicate"])
    assert e.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["db", "user", "import", "export", "demo", "assess", "calendar"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    assert "usage: courtapp " + command in capsys.readouterr().out


def test_import_then_export_gives_back_an_equivalent_document(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "import", str(EXAMPLE)]) == 0
    out = tmp_path / "out.json"
    assert main(["--database", url, "export", "（2026）京0105执1234号", "-o", str(out)]) == 0
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported == original


def test_an_invalid_file_is_refused_whole_with_one_message_per_error(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad = json.loads(json.dumps(good))
    bad["case_number"] = "(2026)京0105执1235号"
    bad["respondents"][0]["id_number"] = "360426199101010072"  # checksum
    bad["respondents"][1]["credit_code"] = "91110000600037341A"  # checksum
    bad["obligations"][0]["amount"] = "-1.00"
    bad["property"][0]["kind"] = "spaceship"
    bad["payments"][0]["respondent"] = 5
    malformed = json.loads(json.dumps(good))
    malformed["case_number"] = "2026京0105执77"
    path = tmp_path / "bad.json"
    # The first case is valid: it must not be written either.
    other = json.loads(json.dumps(good))
    other["case_number"] = "(2026)京0105执1236号"
    other["applicants"][0] = {"kind": "person", "name": "周八", "id_number": "310104197506150029"}
    path.write_text(json.dumps([other, bad, malformed], ensure_ascii=False), encoding="utf-8")

    assert main(["--database", url, "--lang", "en", "import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    messages = [line for line in err if line.startswith("[")]
    assert sorted(m.split(":")[0] for m in messages) == sorted([
        "[1].respondents[0].id_number", "[1].respondents[1].credit_code",
        "[1].obligations[0].amount", "[1].property[0].kind", "[1].payments[0].respondent",
        "[2].case_number",
    ])
    assert any("[ric.checksum]" in m for m in messages)
    assert _count(url) == 0


def test_errors_can_be_reported_in_chinese(url: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad["respondents"][0]["id_number"] = "360426199101010072"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    assert main(["--database", url, "--lang", "zh", "import", str(path)]) == 1
    assert "身份证号码校验位错误" in capsys.readouterr().err


def test_importing_json_lines_reports_errors_by_line(url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    good = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    second = json.loads(json.dumps(good))
    second["case_number"] = "(2026)京0105执1240号"
    second["obligations"][0]["amount"] = "12.345"
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in (good, second)) + "\n",
                    encoding="utf-8")
    assert main(["--database", url, "import", str(path)]) == 1
    assert "line 2.obligations[0].amount" in capsys.readouterr().err
    assert _count(url) == 0


def test_exporting_an_unknown_case_fails_with_a_message(url: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "export", "(2026)京0105执9号"]) == 1
    assert "(2026)京0105执9号" in capsys.readouterr().err


def test_user_add_reads_the_password_from_stdin_and_hashes_it(
        url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("admin password 1\n"))
    assert main(["--database", url, "user", "add", "boss", "--first-admin",
                 "--password-stdin"]) == 0
    monkeypatch.setenv("COURTAPP_USER", "boss")
    monkeypatch.setenv("COURTAPP_PASSWORD", "admin password 1")
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["--database", url, "user", "add", "zhao", "--name", "赵法官", "--role", "judge",
                 "--password-stdin"]) == 0
    actor = auth.authenticate(open_database(url).uow(), "zhao", "correct horse battery")
    assert actor.display_name == "赵法官"
    stored = sqlite3.connect(tmp_path / "cli.sqlite").execute(
        "SELECT password_hash FROM users WHERE username='zhao'").fetchone()[0]
    assert stored.startswith("$argon2") and "horse" not in stored


def test_user_add_without_a_login_is_refused_even_on_the_desks_own_file(
        url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """No anonymous administrator (issue 10 §2): the console operator of a local
    SQLite file makes no account, on an empty database or beside others."""
    monkeypatch.delenv("COURTAPP_USER", raising=False)

    def users() -> list[str]:
        return [u.username for u in auth.list_users(
            open_database(url).uow(), console_actor("t"))]

    monkeypatch.setattr("sys.stdin", io.StringIO("president password\n"))
    with pytest.raises(SystemExit) as e:
        main(["--database", url, "user", "add", "qian", "--role", "president",
              "--password-stdin"])
    assert "no user yet" in str(e.value.code) and "--first-admin" in str(e.value.code)
    monkeypatch.setattr("sys.stdin", io.StringIO("admin password 1\n"))
    assert main(["--database", url, "user", "add", "boss", "--first-admin",
                 "--password-stdin"]) == 0
    for lang, said in (("en", "needs an administrator's login"), ("zh", "须由管理员登录")):
        monkeypatch.setattr("sys.stdin", io.StringIO("president password\n"))
        with pytest.raises(SystemExit) as e:
            main(["--database", url, "--lang", lang, "user", "add", "qian", "--role",
                  "president", "--password-stdin"])
        assert said in str(e.value.code)
    assert users() == ["boss"]


def test_a_short_password_is_refused_naming_the_field(
        url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--database", url, "user", "add", "x", "--first-admin", "--password-stdin"]) == 1
    assert "password:" in capsys.readouterr().err


def test_demo_fills_a_database_with_valid_cases_of_every_stage_and_about_15_percent_entities(
        url: str) -> None:
    assert main(["--database", url, "demo", "--cases", "400"]) == 0
    ctx = open_database(url)
    actor = console_actor("t")
    summaries = svc.search_cases(ctx.uow(), actor, svc.SearchQuery(), limit=400)
    assert len(summaries) == 400
    assert {s.stage.value for s in summaries} == {
        "registered", "notice_issued", "performance_period", "in_default",
        "partly_performed", "performed"}
    respondents = entities = 0
    for s in summaries[:150]:
        case = svc.get_case(ctx.uow(), actor, case_id=s.id).case
        assert validate_case(case) == [], s.case_number
        respondents += len(case.respondents)
        entities += sum(1 for p in case.respondents if p.kind.value == "entity")
    assert 0.05 < entities / respondents < 0.30
    with ctx.engine.connect() as c:
        from sqlalchemy import text

        users = {r[0] for r in c.execute(text("SELECT username FROM users"))}
    assert {"judge", "clerk", "president", "counter", "admin", "auditor"} <= users


def test_db_upgrade_reports_the_head_revision(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from courtapp.core.db.migrate import head_revision

    assert main(["--database", url, "db", "upgrade"]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out


def test_assess_prints_one_json_object_per_respondent_from_a_file_without_storing_it(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "assess", str(EXAMPLE), "--as-of", "2026-11-26", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["respondent"] for r in results] == [0, 1]
    assert results[0]["listable"] is True and results[0]["grounds"] == [1, 3]
    assert results[0]["term"] == {"years": 2} and results[0]["restriction"] == "mandatory"
    assert results[1]["bound_persons"][0]["name"] == "王五"
    assert _count(url) == 0


def test_assess_reads_a_case_from_the_database_by_number(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--database", url, "assess", "（2026）京0105执1234号", "--as-of", "2026-03-15",
                 "--json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["listable"] is False and "performance_period_running" in first["bars"]


def test_assess_refuses_a_bad_date(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "assess", str(EXAMPLE), "--as-of", "2026-02-30"]) == 1
    assert "--as-of: a date in ISO 8601 form (YYYY-MM-DD) is expected [date.format]" in \
        capsys.readouterr().err


# ------------------------------------------------------------- issue 9 §1 at the command line
def _late_notice_file(tmp_path: Path) -> Path:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["execution_notice"]["served_on"] = "2026-03-15"  # the deadline itself
    path = tmp_path / "late.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "warning: execution_notice.served_on: the notice was served on or after its own "
           "performance deadline"),
    ("zh", "警告：execution_notice.served_on: 执行通知书送达时其指定的履行期限已届至"),
])
def test_R_L11_import_warns_about_a_late_notice_and_still_imports(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
        expected: str) -> None:
    path = _late_notice_file(tmp_path)
    assert main(["--database", url, "--lang", lang, "import", "--dry-run", str(path)]) == 0
    dry = capsys.readouterr()
    assert expected in dry.err and dry.err.rstrip().endswith("[notice.served_late]")
    assert _count(url) == 0
    assert main(["--database", url, "--lang", lang, "import", str(path)]) == 0
    out = capsys.readouterr()
    assert expected in out.err and "1 case(s) imported" in out.out
    assert _count(url) == 1


def test_R_L11_a_timely_notice_prints_no_warning(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "import", "--dry-run", str(EXAMPLE)]) == 0
    assert capsys.readouterr().err == ""


def test_R_L11_assess_json_reports_the_late_notice_and_keeps_its_format(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _late_notice_file(tmp_path)
    assert main(["--database", url, "assess", str(path), "--as-of", "2026-11-26", "--json"]) == 0
    out = capsys.readouterr()
    assert out.err == ""  # stdout is the machine format, nothing else is printed
    first, second = (json.loads(line) for line in out.out.splitlines())
    assert first["bars"] == ["notice_served_late"] and first["grounds"] == [1, 3]
    assert (first["listable"], first["term"], first["restriction"]) == (True, {"years": 2},
                                                                        "unavailable")
    assert first["bound_persons"] == [] and second["bound_persons"] == []
    assert set(first["reasons"]) == {"zh", "en"}


def test_R_L16_assess_quotes_the_judges_exception_for_a_campus_loan_student(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["findings"][0] |= {"campus_loan_student": True}
    path = tmp_path / "student.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--database", url, "assess", str(path), "--as-of", "2026-11-26", "--json"]) == 0
    barred = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (barred["bars"], barred["listable"], barred["restriction"]) == (
        ["campus_loan_student"], False, "unavailable")
    doc["findings"][0]["campus_loan_exception_reason"] = "已毕业就业，有能力履行"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--database", url, "assess", str(path), "--as-of", "2026-11-26", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (listed["listable"], listed["restriction"]) == (True, "mandatory")
    assert any("已毕业就业，有能力履行" in r for r in listed["reasons"]["zh"])
