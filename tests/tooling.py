"""Helpers shared by tests in several folders."""

from __future__ import annotations

import os

import pytest


def requires_tools(*names: str) -> pytest.MarkDecorator:
    """Skip on a developer machine that lacks a command-line tool (poppler-utils,
    zbar-tools) — but never in CI, where .ci/run installs them: there a missing
    tool fails the test instead of hiding it."""
    import shutil

    missing = [n for n in names if shutil.which(n) is None]
    return pytest.mark.skipif(bool(missing) and not os.environ.get("CI"),
                              reason=f"needs {', '.join(missing)} (installed by .ci/run)")
