"""``courtapp --smoke-test`` (issue 13): exit 0 and one line when the installation
works, exit 1 and one line naming the failed step when it does not.  CI runs the
same check on the frozen bundle and on the unpacked .deb (.ci/run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from courtapp.cli import main, smoke

pytestmark = pytest.mark.gui


def test_the_smoke_test_passes_in_a_fresh_process_with_nothing_on_stderr(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COURTAPP_")}
    env.pop("QT_QPA_PLATFORM", None)  # the smoke test chooses offscreen itself
    done = subprocess.run([sys.executable, "-m", "courtapp", "--smoke-test"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [line] = done.stdout.splitlines()
    assert "smoke test passed" in line and "之一 issued and verified" in line


def test_a_failing_step_is_one_line_and_exit_1(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_a: object) -> str:
        raise RuntimeError("the register refused it\nsecond line")

    monkeypatch.setattr(smoke, "_issue_and_verify", broken)
    assert main(["--smoke-test", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == ("courtapp: smoke test failed at document: RuntimeError: "
                                    "the register refused it")


def test_the_smoke_test_in_process_opens_the_main_window(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke-test", "--data-dir", str(tmp_path)]) == 0
    assert "main window" in capsys.readouterr().out
    assert (tmp_path / "court-signing-key.pem").exists()  # the key went to --data-dir
