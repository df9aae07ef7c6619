"""Hostile input refused cleanly through the command line (issue 10 §6).

Each input below once crashed ``courtapp import`` or ``courtapp petition
file`` with a traceback (a crash report).  Now each is a refusal: exit 1, a
line naming the JSON path (or the option) and the rule in the language asked
for, and nothing saved.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from counter_fixtures import NUMBER, ZHANG_SAN, publish, store

from courtapp.cli import main
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain import limits
from courtapp.core.domain.roles import console_actor
from courtapp.core.services import cases as svc
from courtapp.core.services import petitions as ps

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
DOC: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite+pysqlite:///{tmp_path / 'hostile.sqlite'}"


def _count(url: str) -> int:
    ctx = open_database(url)
    try:
        return svc.count_cases(ctx.uow(), console_actor("t"), svc.SearchQuery())
    finally:
        ctx.engine.dispose()


def _mutated(fn: Callable[[dict[str, Any]], None]) -> str:
    doc = copy.deepcopy(DOC)
    fn(doc)
    return json.dumps(doc, ensure_ascii=False)


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def fn(doc: dict[str, Any]) -> None:
        target: Any = doc
        for k in path[:-1]:
            target = target[k]
        target[path[-1]] = value
    return fn


def _as_list(text: str) -> bytes:
    """The document as the second case of a list, so that paths carry ``[1]``."""
    other = copy.deepcopy(DOC)
    other["case_number"] = "(2026)京0105执1235号"
    return ("[" + json.dumps(other, ensure_ascii=False) + ",\n" + text + "]").encode("utf-8")


_GOOD = _as_list(json.dumps(DOC, ensure_ascii=False))
_AT = _GOOD.rfind("张三".encode())  # in the second case, on line 2
_BAD_UTF8 = _GOOD[:_AT] + b"\xff\xfe" + _GOOD[_AT + 6:]

#: (id, file bytes, the line the refusal prints in English, the same in Chinese)
REFUSED: list[tuple[str, bytes, str, str]] = [
    ("invalid UTF-8", _BAD_UTF8,
     "line 2: the file is not valid UTF-8", "line 2: 文件不是有效的UTF-8编码"),
    ("nesting beyond the parser's depth", ("[" * 5000 + "]" * 5000).encode(),
     "$: the JSON is nested too deeply", "$: JSON嵌套层数过多"),
    ("an amount of 10^27 as a JSON integer",
     _as_list(_mutated(_set(("obligations", 0, "amount"), 10**27))),
     "[1].obligations[0].amount: the amount is implausibly large", "[1].obligations[0].amount: 金额过大"),
    ("an amount of 10^27 as a string",
     _as_list(_mutated(_set(("obligations", 0, "amount"), "1e27"))),
     "[1].obligations[0].amount: the amount is implausibly large", "金额过大"),
    ("an amount with an exponent beyond any context",
     _as_list(_mutated(_set(("payments", 0, "amount"), "1E999999999"))),
     "[1].payments[0].amount: the amount is implausibly large", "[1].payments[0].amount"),
    ("NaN", _as_list(_mutated(_set(("obligations", 0, "amount"), "NaN"))),
     "[1].obligations[0].amount: an amount must be a decimal number", "金额应为十进制数"),
    ("a bare NaN token", _as_list(_mutated(_set(("obligations", 0, "amount"), "@@")).replace(
        '"@@"', "NaN")),
     "[1].obligations[0].amount: an amount is a string", "[1].obligations[0].amount"),
    ("Infinity as a JSON number", _as_list(_mutated(_set(("security", 0, "value"), "@@")).replace(
        '"@@"', "Infinity")),
     "[1].security[0].value: an amount is a string", "[1].security[0].value"),
    ("an index of 5,000 digits", _as_list(_mutated(_set(("payments", 0, "respondent"), "@@")).replace(
        '"@@"', "9" * 5000)),
     "[1].payments[0].respondent: the number is out of range", "[1].payments[0].respondent: 数值超出范围"),
    ("an empty case number", _as_list(_mutated(_set(("case_number",), ""))),
     "[1].case_number: this field is required [required]", "[1].case_number: 此项为必填项"),
    ("a blank judge", _as_list(_mutated(_set(("judge",), "   "))),
     "[1].judge: this field is required", "[1].judge: 此项为必填项"),
    ("a date in year 9999", _as_list(_mutated(_set(("filed_on",), "9999-12-31"))),
     "[1].filed_on: the date must lie between 1949-10-01 and", "[1].filed_on: 日期应在1949-10-01至"),
    ("a date before 1949-10-01", _as_list(_mutated(_set(("payments", 0, "on"), "0001-01-01"))),
     "[1].payments[0].on: the date must lie between", "[1].payments[0].on"),
    ("a NUL in a name", _as_list(_mutated(_set(("respondents", 0, "name"), "张\x00三"))),
     "[1].respondents[0].name: the text contains a control character", "[1].respondents[0].name: 文字含有控制字符"),
    ("an unpaired surrogate", _as_list(_mutated(_set(("judge",), "@@"))).replace(
        b'"@@"', b'"\\ud800"'),
     "[1].judge: the text contains an unpaired surrogate", "[1].judge"),
    ("a 10 MB description", _as_list(_mutated(_set(("obligations", 1, "description"), "x" * 10_000_000))),
     "[1].obligations[1].description: the text is 10000000 characters long; at most 2000",
     "[1].obligations[1].description: 文字长度为10000000个字符"),
    ("a duplicate key", _as_list(_mutated(_set(("judge",), "@@")).replace(
        '"judge": "@@"', '"judge": "赵法官", "judge": "钱法官"')),
     "[1].judge: the key 'judge' appears twice", "[1].judge: 该对象中键'judge'出现两次"),
    ("a list of 1,001 payments", _as_list(_mutated(_set(("payments",), [DOC["payments"][0]] * 1001))),
     "[1].payments: the list has 1001 items; at most 1000", "[1].payments: 列表有1001项"),
]


@pytest.mark.parametrize(("data", "en", "zh"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_hostile_import_is_refused_naming_the_path_and_nothing_is_saved(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        data: bytes, en: str, zh: str) -> None:
    assert main(["--database", url, "import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    f = tmp_path / "hostile.json"
    f.write_bytes(data)
    assert main(["--database", url, "--lang", "en", "import", str(f)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("courtapp: refused; nothing was written:\n"), err[:500]
    assert en in err, err[:500]
    assert "Traceback" not in err and "unexpected error" not in err
    assert main(["--database", url, "--lang", "zh", "import", str(f)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("courtapp：校验未通过，未写入任何数据：\n") and zh in err, err[:500]
    assert _count(url) == 1
    assert not list((tmp_path / "data").glob("logs/crash-*")) if (tmp_path / "data").exists() else True


def test_an_import_file_over_the_size_limit_is_refused_before_it_is_read(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from courtapp.core import interchange

    monkeypatch.setattr(interchange, "MAX_IMPORT_BYTES", 1000)
    f = tmp_path / "big.json"
    f.write_bytes(EXAMPLE.read_bytes())
    assert main(["--database", url, "import", str(f)]) == 1
    err = capsys.readouterr().err
    size = f.stat().st_size
    assert f"$: the file is {size} bytes; an import file holds at most 1000 bytes: split it [file.too_large]" in err
    assert _count(url) == 0


def test_a_bom_is_allowed(url: str, tmp_path: Path) -> None:
    f = tmp_path / "bom.json"
    f.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert main(["--database", url, "import", str(f)]) == 0
    assert _count(url) == 1


# ------------------------------------------------------------------ dates on the command line
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1949-09-30"])
def test_petition_file_refuses_an_absurd_received_on(
        db: AppContext, capsys: pytest.CaptureFixture[str], day: str) -> None:
    cid = store(db)
    publish(db, cid)
    argv = ["--database", db.url, "petition", "file", NUMBER, "correction", "--correction-ground", "1",
            "--petitioner-id", ZHANG_SAN, "--received-on", day, "--no-receipt"]
    assert main(["--lang", "en", *argv]) == 1
    err = capsys.readouterr().err
    params = limits.date_range_params()
    assert f"--received-on: the date must lie between {params['min']} and {params['max']} [date.range]" in err
    assert main(["--lang", "zh", *argv]) == 1
    assert f"--received-on: 日期应在{params['min']}至{params['max']}之间 [date.range]" in capsys.readouterr().err
    assert ps.list_petitions(db.uow(), console_actor("t"), case_id=cid) == []


@pytest.mark.parametrize(("argv", "option"), [
    (["daily", "--today", "9999-12-31"], "--today"),
    (["petition", "list", "--today", "0001-01-01"], "--today"),
    (["assess", str(EXAMPLE), "--as-of", "9999-12-31"], "--as-of"),
    (["public-export", "--from", "2026-01-01", "--to", "9999-12-31"], "--to"),
    (["report", "monthly", "--month", "9999-12"], "--month"),
    (["dispatch", "ack", "1", "--on", "3000-01-01"], "--on"),
])
def test_other_date_options_refuse_absurd_dates(
        url: str, capsys: pytest.CaptureFixture[str], argv: list[str], option: str) -> None:
    assert main(["--database", url, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["--database", url, *argv]) == 1
    err = capsys.readouterr().err
    assert f"{option}: the date must lie between" in err and "[date.range]" in err, err


def test_a_date_option_that_is_not_a_date_names_the_option(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "daily", "--today", "2026-02-30"]) == 1
    assert "--today: a date in ISO 8601 form (YYYY-MM-DD) is expected [date.format]" in \
        capsys.readouterr().err


def test_evidence_over_the_size_limit_is_refused_before_it_is_read(
        db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_EVIDENCE_BYTES", 100)
    cid = store(db)
    publish(db, cid)
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"%PDF" + b"x" * 200)
    assert main(["--database", db.url, "petition", "file", NUMBER, "correction", "--correction-ground",
                 "1", "--petitioner-id", ZHANG_SAN, "--evidence", str(f), "--no-receipt"]) == 1
    assert "evidence[0]: the file is 204 bytes; an evidence file holds at most 100 bytes " \
           "[evidence.too_large]" in capsys.readouterr().err
    assert ps.list_petitions(db.uow(), console_actor("t"), case_id=cid) == []


# ------------------------------------------------- found by benchmarks/fuzz_import.py (cli)
def test_an_empty_required_date_is_refused_not_asserted(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "public-export", "--from", "", "--to", "2026-01-01",
                 "-o", "-"]) == 1
    assert "--from: a date in ISO 8601 form (YYYY-MM-DD) is expected [date.format]" in capsys.readouterr().err


def test_an_id_beyond_an_integer_column_is_a_usage_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--database", url, "dispatch", "ack", "99999999999999999999"])
    assert e.value.code == 2
    assert "is out of range (-2147483648 to 2147483647)" in capsys.readouterr().err


def test_a_public_search_longer_than_any_name_is_refused(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "public-search", "长" * 100_000]) == 1
    assert "TEXT: the text is 100000 characters long; at most 100 are allowed [text.too_long]" in \
        capsys.readouterr().err
