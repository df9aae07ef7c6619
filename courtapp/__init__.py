"""courtapp: case management for Chinese enforcement courts."""

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    """The version in ``pyproject.toml``: from the installed metadata (a wheel, an
    editable install, the bundle, which copies the metadata), else from the file
    itself in a source tree that is not installed."""
    try:
        return version("courtapp")
    except PackageNotFoundError:
        pass
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
    except OSError:
        found = None
    return found.group(1) if found else "0+unknown"


__version__ = _version()
