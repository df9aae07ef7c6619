"""A desk without a zh_CN (or any UTF-8) locale starts without Qt's locale
warning and still in the language it asked for (issue 12 §6)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = ("from courtapp.ui.app import application\n"
          "from PySide6.QtCore import QLocale\n"
          "application()\n"
          "print(QLocale().name())\n")


@pytest.mark.parametrize(("var", "value", "name"), [
    ("LC_ALL", "zh_CN.UTF-8", "zh_CN"),  # asked for, not installed on this machine
    ("LANG", "zh_CN.UTF-8", "zh_CN"),
    ("LC_ALL", "C", "C"),  # not UTF-8 at all
])
def test_no_locale_warning_and_the_language_kept(var: str, value: str, name: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update({var: value, "QT_QPA_PLATFORM": "offscreen"})
    run = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    assert "Detected locale" not in run.stderr and "not UTF-8" not in run.stderr
    assert run.stdout.strip() == name


def test_without_the_fix_qt_would_warn() -> None:
    """The test above can fail: plain QApplication under LC_ALL=C warns."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update({"LC_ALL": "C", "QT_QPA_PLATFORM": "offscreen"})
    run = subprocess.run([sys.executable, "-c", "from PySide6.QtWidgets import QApplication\n"
                          "QApplication([])"], env=env, capture_output=True, text=True, timeout=60)
    assert "Detected locale" in run.stderr
