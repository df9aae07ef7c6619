"""The core (domain, services, storage, interchange) must run without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import courtapp.core

CORE = Path(courtapp.core.__file__).parent


def test_no_core_module_imports_pyside6_in_its_source() -> None:
    offenders = [
        str(p.relative_to(CORE)) for p in CORE.rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], "courtapp.core.")
               if ".migrations" not in m.name]
    assert "courtapp.core.services.cases" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import courtapp.cli\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
