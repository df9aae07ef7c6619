"""Log files hold no personal data (issue 13): a realistic day at the command line
(a case with names and ID numbers imported, a document issued, an account made
with a password, a refused import, a crash) leaves a log that names operations,
not people."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from courtapp.cli import main
from courtapp.core import logs, paths
from courtapp.core.context import AppContext

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example_case.json"
PASSWORD = "s3cret-Pa55word"
PERSONAL = ["张三", "李四", "王五", "某某科技有限公司", "赵法官", "钱书记员",
            "360426199101010071", "11010519491231002X", "110105198001010016",
            "91110000600037341L", PASSWORD]


def test_a_realistic_session_leaves_a_log_without_personal_data(
        sqlite_db: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_db.url
    assert main(["--database", url, "import", str(EXAMPLE)]) == 0
    assert main(["--database", url, "notice", "execution_notice", "(2026)京0105执1234号",
                 "-o", str(tmp_path / "n.pdf")]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--database", url, "user", "add", "admin", "--first-admin",
                 "--password-stdin"]) == 0
    monkeypatch.setenv("COURTAPP_USER", "admin")  # adding a user needs an administrator's login
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--database", url, "user", "add", "qian", "--name", "钱书记员", "--role", "clerk",
                 "--password-stdin"]) == 0
    monkeypatch.delenv("COURTAPP_USER")
    monkeypatch.delenv("COURTAPP_PASSWORD")
    bad = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad["respondents"][0]["id_number"] = "360426199101010072"  # a wrong check digit
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    assert main(["--database", url, "import", str(tmp_path / "bad.json")]) == 1
    # Whatever a module logs goes through the same scrubbing, tracebacks included.
    log = logging.getLogger("courtapp.services.test")
    log.warning("lookup of 张三 (360426199101010071) at %s failed", "postgresql://u:" + PASSWORD + "@h/db")
    try:
        raise ValueError("respondent 王五 110105198001010016 phone 13812345678")
    except ValueError:
        log.exception("unexpected")
    logs.shutdown()
    capsys.readouterr()

    text = "\n".join(p.read_text(encoding="utf-8") for p in paths.log_dir().iterdir())
    assert "import ended with exit code 0" in text
    assert "notice ended with exit code 0" in text
    assert "import ended with exit code 1" in text
    assert "ValueError" in text and "[id]" in text and "[phone]" in text and "***@h/db" in text
    for item in PERSONAL + ["13812345678"]:
        assert item not in text, item
    assert str(Path.home()) not in text or str(Path.home()) == "/"


@pytest.mark.parametrize(("raw", "clean"), [
    ("张三 360426199101010071", "[…] [id]"),
    ("credit 91350100M000100Y43 ok", "credit [credit-code] ok"),
    ("old id 110105491231002 x", "old id [id] x"),
    ("case (2026)京0105执1234号之三 issued", "case (2026)京0105执1234号之三 issued"),
    ("case （2026）京0105执1号 for 李四", "case （2026）京0105执1号 for […]"),
    ("postgresql+psycopg://court:p%40ss@db/x", "postgresql+psycopg://court:***@db/x"),
    ("password=hunter2 next", "password=*** next"),
    ("sha256 " + "a" * 64, "sha256 " + "a" * 64),
    ("document 17 of case 3", "document 17 of case 3"),
])
def test_scrub_removes_identifiers_names_and_passwords_but_keeps_case_numbers(
        raw: str, clean: str) -> None:
    assert logs.scrub(raw) == clean
