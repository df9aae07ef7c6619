"""courtapp: case management for Chinese enforcement courts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("courtapp")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
