"""The core (domain, services, storage, interchange) must run without Qt."""

from __future__ import annotations

import ast
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


# ----------------------------------------------------------- the import graph
PACKAGE = CORE.parent
UI = PACKAGE / "ui"
SERVICES = CORE / "services"


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _runtime_imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, name) for every courtapp import that runs (at module level or in a
    function), leaving out ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    out: list[tuple[str, str | None]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("courtapp"):
            out.extend((node.module, a.name) for a in node.names)
        elif isinstance(node, ast.Import):
            out.extend((a.name, None) for a in node.names if a.name.startswith("courtapp"))
    return out


def _graph() -> dict[str, set[str]]:
    mods = _sources()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, path in mods.items():
        for target, name in _runtime_imports(path):
            full = f"{target}.{name}" if name else target
            dep = full if full in mods else target
            if dep in mods and dep != m:
                graph[m].add(dep)
    return graph


def _cycles(graph: dict[str, set[str]], within: str) -> list[list[str]]:
    """Strongly connected components (Tarjan) of more than one module under ``within``."""
    nodes = {m for m in graph if m.startswith(within)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v] & nodes:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def test_there_is_no_import_cycle_under_the_core() -> None:
    assert _cycles(_graph(), "courtapp.core") == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"courtapp.core.a": {"courtapp.core.b"}, "courtapp.core.b": {"courtapp.core.a"},
             "courtapp.core.c": set()}
    assert _cycles(graph, "courtapp.core") == [["courtapp.core.a", "courtapp.core.b"]]


def test_the_ui_never_touches_sqlalchemy() -> None:
    """No SQLAlchemy import, no ``select(`` call and no ``.session`` under ui/: screens
    call services (and core.views), never the database."""
    offenders = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            bad = (
                (isinstance(node, ast.Import | ast.ImportFrom)
                 and any((getattr(node, "module", None) or a.name).startswith("sqlalchemy")
                         for a in node.names))
                or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "select")
                or (isinstance(node, ast.Attribute) and node.attr == "session"))
            if bad:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_no_core_module_imports_another_modules_private_names() -> None:
    """Shared logic lives in the domain or a repository, or is public (issue 8)."""
    mods = {m: p for m, p in _sources().items() if m.startswith("courtapp.core")}
    offenders = []
    for m, path in mods.items():
        offenders += [f"{m}: {target}.{name}" for target, name in _runtime_imports(path)
                      if target != m and name and name.startswith("_") and not name.startswith("__")]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {a.asname or a.name.split(".")[-1] for node in ast.walk(tree)
                   if isinstance(node, ast.Import | ast.ImportFrom)
                   and (getattr(node, "module", None) or node.names[0].name).startswith("courtapp")
                   for a in node.names}
        offenders += [f"{m}: {node.value.id}.{node.attr}" for node in ast.walk(tree)
                      if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                      and node.value.id in aliases and node.attr.startswith("_")
                      and not node.attr.startswith("__")]
    assert offenders == []


def test_no_service_module_is_over_700_lines() -> None:
    sizes = {str(p.relative_to(SERVICES)): len(p.read_text(encoding="utf-8").splitlines())
             for p in SERVICES.rglob("*.py")}
    assert {k: n for k, n in sizes.items() if n > 700} == {}
    assert sizes["counter/decide.py"] > 0 and sizes["petitions.py"] < 200  # the split happened
    assert sizes["documents/issuing.py"] > 0 and "documents.py" not in sizes


def test_the_counter_services_reach_the_data_only_through_repositories() -> None:
    files = [SERVICES / "petitions.py", SERVICES / "dispatch.py",
             *sorted((SERVICES / "counter").glob("*.py"))]
    offenders = [str(p.relative_to(SERVICES)) for p in files
                 if any(s in p.read_text(encoding="utf-8")
                        for s in ("sqlalchemy", ".session", "select(", "courtapp.core.db.orm"))]
    assert offenders == []
