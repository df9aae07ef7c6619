"""Every interface string has its Simplified Chinese translation, and the
compiled .qm matches the .ts (Qt Linguist round trip, STYLE.md practice 11)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "courtapp_zh_CN.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[a-z_]*\}")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out.append((ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation")))
    return out


def test_the_translation_file_has_messages() -> None:
    assert len(_messages(TS)) > 50


def test_every_message_is_translated() -> None:
    assert i18n.unfinished() == []


def test_translations_keep_the_placeholders_of_their_source() -> None:
    bad = []
    for ctx, src, tr in _messages(TS):
        if tr is None:
            continue
        text = tr.text or "".join(n.text or "" for n in tr.iter("numerusform"))
        if sorted(set(PLACEHOLDER.findall(src))) != sorted(set(PLACEHOLDER.findall(text))):
            bad.append((ctx, src, text))
    assert bad == []


def test_the_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """lupdate over the current UI code finds no string missing from the .ts."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    subprocess.run([i18n._tool("pyside6-lupdate"), *i18n.sources(), "-no-obsolete", "-locations",
                    "none", "-target-language", "zh_CN", "-ts", str(copy)],
                   cwd=ROOT, check=True, capture_output=True)
    fresh = {(c, s) for c, s, _ in _messages(copy)}
    stored = {(c, s) for c, s, _ in _messages(TS)}
    assert fresh - stored == set(), "run `make translations` and translate the new strings"


def test_the_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([i18n._tool("pyside6-lrelease"), str(TS), "-qm", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run `make translations`"
