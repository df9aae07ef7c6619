"""Log files and crash reports, without personal data.

:func:`setup` sends courtapp's log records to a rotating file in the user
log directory (:func:`courtapp.core.paths.log_dir`): ``courtapp.log``, 1 MB,
five old files kept.  :func:`write_crash_report` writes one self-contained
text file a user can send to the court's IT officer.

What is logged is chosen so that it holds no personal data: commands, pages,
record ids, counts, durations and error *types*.  Everything written (log
lines, tracebacks, crash reports) also passes :func:`scrub`, a safety net
that removes what may still slip through in an exception's message:

- resident ID numbers (18 and 15 digits), unified social credit codes and
  mobile numbers;
- any run of Chinese characters (names, addresses), except inside a case
  number, which identifies a court case and stays;
- passwords in URLs (``postgresql://user:SECRET@host``) and ``password=…``;
- the user's home directory in paths (it may carry the login name).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import re
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from courtapp.core import paths

LOG_FILE = "courtapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_HANDLER_NAME = "courtapp-file"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CASE_NUMBER = re.compile(
    rf"[(（]\d{{4}}[)）][{_CJK}]{{1,2}}\d{{0,4}}[{_CJK}]{{1,4}}\d+号(?:之[{_CJK}]+)?")
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), "[id]"),
    (re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"),
     "[credit-code]"),
    (re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])"), "[id]"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "[phone]"),
    (re.compile(r"(://[^:/@\s]*:)[^@\s]*@"), r"\1***@"),
    (re.compile(r"((?:password|passwd|pwd|passphrase)\s*[=:]\s*)\S+", re.I), r"\1***"),
    (re.compile(rf"[{_CJK}]+"), "[…]"),
]


def scrub(text: str) -> str:
    """``text`` without identifiers, Chinese names, passwords or the home directory."""
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _CASE_NUMBER.sub(keep, text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual, then scrubs the whole text, traceback included."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def setup(level: int = logging.INFO) -> Path:
    """Log to the rotating file (idempotent: a second call replaces the handler,
    e.g. after ``--data-dir`` moved the log directory).  Returns the file."""
    path = log_file()
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() == _HANDLER_NAME:
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(ScrubbingFormatter(
        "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # Other libraries' chatter stays out; their warnings and errors go in.
    for noisy in ("sqlalchemy", "alembic", "PIL", "fontTools", "reportlab", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # A log file that cannot be written (a full disk, another process rotating it
    # on Windows) must never stop the app or print to the user's terminal.
    logging.raiseExceptions = False
    return path


def shutdown() -> None:
    """Close the log file (tests; the end of a command)."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() == _HANDLER_NAME:
            root.removeHandler(h)
            h.close()


def _tail(path: Path, lines: int) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        return []


def write_crash_report(exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None, *, where: str = "",
                       extra: dict[str, str] | None = None) -> Path:
    """One text file the user can send: versions, the scrubbed traceback and the
    end of the log.  Named ``crash-YYYYmmdd-HHMMSS-<pid>-<n>.txt`` in the log directory."""
    from courtapp import __version__

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = paths.log_dir()
    n = 1
    while (path := folder / f"crash-{stamp}-{os.getpid()}-{n}.txt").exists():
        n += 1  # two crashes in the same second keep both reports
    info = {
        "courtapp": __version__,
        "frozen": "yes" if getattr(sys, "frozen", False) else "no",
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "time": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        **({"where": where} if where else {}),
        **(extra or {}),
    }
    body = ["courtapp crash report", ""]
    body += [f"{k}: {v}" for k, v in info.items()]
    body += ["", "traceback:", *"".join(traceback.format_exception(exc_type, exc, tb)).splitlines()]
    body += ["", f"last lines of {LOG_FILE}:", *_tail(log_file(), 50)]
    path.write_text(scrub("\n".join(body)) + "\n", encoding="utf-8")
    logging.getLogger("courtapp.crash").error("crash report written: %s (%s)", path.name,
                                              exc_type.__name__)
    return path
