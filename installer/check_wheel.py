"""The wheel works without the source tree (issue 13, "Done when").

Builds the wheel from the repository, installs it *without* extras into a fresh
virtual environment, and from a temporary working directory (so the source
tree is not on the path) checks that:

- ``courtapp --version`` prints the version in pyproject.toml;
- the resources come from the installed package, not from the repository;
- the sample case imports, a notice is issued (``courtapp notice … -o x.pdf``)
  and verified (``courtapp verify x.pdf``);
- the desktop app, started without the ``gui`` extra, says how to get it.

Run by ``make wheel-check`` and CI.  Prints the wheel's size and each step's time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = "(2026)京0105执1号"


def run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None,
        expect: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != expect:
        sys.exit(f"check_wheel: {' '.join(cmd[:3])}… exited {done.returncode}, not {expect}:\n"
                 f"{done.stdout}{done.stderr}")
    return done


def main() -> int:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    with tempfile.TemporaryDirectory(prefix="courtapp-wheel-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "run"
        work.mkdir()
        t0 = time.perf_counter()
        # From a clean copy: an in-tree build/ may hold files of removed modules.
        src = tmp / "src"
        shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "previews"))
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp / "wheel"),
             str(src)], cwd=work)
        [wheel] = (tmp / "wheel").glob("courtapp-*.whl")
        t1 = time.perf_counter()
        run([sys.executable, "-m", "venv", str(tmp / "venv")], cwd=work)
        py = tmp / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
        run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], cwd=work)
        t2 = time.perf_counter()
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "COURTAPP_DATABASE_URL", "VIRTUAL_ENV")}
        env["COURTAPP_DATA_DIR"] = str(tmp / "data")
        env["PATH"] = f"{py.parent}{os.pathsep}{env.get('PATH', '')}"
        courtapp = str(py.parent / "courtapp")

        where = run([str(py), "-c", "import courtapp, importlib.util as u; "
                     "from courtapp.core.paths import resources_dir; "
                     "print(courtapp.__file__); print(resources_dir()); "
                     "print(u.find_spec('PySide6') is None)"], cwd=work, env=env).stdout.split()
        site = str(tmp / "venv")
        if not (where[0].startswith(site) and where[1].startswith(site)):
            sys.exit(f"check_wheel: courtapp or its resources do not come from the wheel: {where}")
        if where[2] != "True":
            sys.exit("check_wheel: PySide6 was installed without the gui extra")
        out = run([courtapp, "--version"], cwd=work, env=env).stdout.strip()
        if out != f"courtapp {version}":
            sys.exit(f"check_wheel: --version printed {out!r}, not 'courtapp {version}'")
        sample = Path(where[1]) / "samples" / "sample_case.json"
        run([courtapp, "import", str(sample)], cwd=work, env=env)
        run([courtapp, "notice", "execution_notice", CASE, "-o", "x.pdf"], cwd=work, env=env)
        verdict = run([courtapp, "--lang", "en", "verify", "x.pdf"], cwd=work, env=env).stdout
        if not verdict.startswith("valid:"):
            sys.exit(f"check_wheel: verify said {verdict!r}")
        gui = run([courtapp, "--lang", "en"], cwd=work, env=env, expect=1)
        if "courtapp[gui]" not in gui.stderr or "Traceback" in gui.stderr:
            sys.exit(f"check_wheel: the app without the gui extra said {gui.stderr!r}")
        t3 = time.perf_counter()
        size = wheel.stat().st_size / 1e6
        print(f"wheel check passed: {wheel.name} {size:.1f} MB (built in {t1 - t0:.0f} s); "
              f"installed without extras in a fresh venv in {t2 - t1:.0f} s; from {work}: "
              f"--version, import, notice -o x.pdf, verify x.pdf ({verdict.split(':')[0]}), "
              f"the gui-extra message ({t3 - t2:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
