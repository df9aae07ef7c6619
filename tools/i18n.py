"""Qt Linguist round trip for courtapp.

    python tools/i18n.py update     # pyside6-lupdate: courtapp/ui/**.py -> resources/i18n/courtapp_zh_CN.ts (merges)
    python tools/i18n.py release    # pyside6-lrelease: .ts -> .qm
    python tools/i18n.py fill FILE.json   # set translations: {"Context": {"source": "译文"}}
    python tools/i18n.py check      # list unfinished / missing translations (exit 1 if any)

The .ts file is shared by everyone working on the UI: take the lock
(`flock /tmp/courtapp-ts.lock python tools/i18n.py ...`) when running several
editors at once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "courtapp_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it ships with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "courtapp" / "ui").rglob("*.py"))


def update() -> None:
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(TS.relative_to(ROOT))],
                   check=True, cwd=ROOT)
    write_messages()


def write_messages() -> None:
    """The core's message catalogue as the ``Messages`` context, with its Chinese.

    The templates are not literals in the UI's source, so lupdate cannot find
    them; the catalogue (courtapp.core.domain.messages) is the one source."""
    sys.path.insert(0, str(ROOT))
    from courtapp.core.domain.messages import CATALOGUE
    from courtapp.ui.messages import CONTEXT

    tree = ET.parse(TS)
    root = tree.getroot()
    for ctx in list(root.iter("context")):
        if ctx.findtext("name") == CONTEXT:
            root.remove(ctx)
    # lupdate's layout (four spaces a level), so that the file diffs cleanly.
    ctx = ET.SubElement(root, "context")
    ctx.text, ctx.tail = "\n    ", "\n"
    name = ET.SubElement(ctx, "name")
    name.text, name.tail = CONTEXT, "\n    "
    seen: set[str] = set()
    last: ET.Element = name
    for en, zh in CATALOGUE.values():
        if en in seen:
            continue
        seen.add(en)
        msg = last = ET.SubElement(ctx, "message")
        msg.text, msg.tail = "\n        ", "\n    "
        src = ET.SubElement(msg, "source")
        src.text, src.tail = en, "\n        "
        tr = ET.SubElement(msg, "translation")
        tr.text, tr.tail = zh, "\n    "
    last.tail = "\n"
    if len(root) > 1:
        root[-2].tail = "\n"
    tree.write(TS, encoding="utf-8", xml_declaration=True)


def release() -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, cwd=ROOT)


def fill(path: Path) -> None:
    table: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            tr = table.get(name or "", {}).get(src or "")
            if tr is None:
                continue
            t = msg.find("translation")
            assert t is not None
            t.text = tr
            t.attrib.pop("type", None)
            done += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"filled {done} translations")


def unfinished() -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            t = msg.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
                if t is not None and t.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((name, msg.findtext("source") or ""))
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "update"
    if cmd == "update":
        update()
    elif cmd == "release":
        release()
    elif cmd == "fill":
        fill(Path(argv[1]))
    elif cmd == "check":
        missing = unfinished()
        for ctx, src in missing:
            print(f"{ctx}\t{src}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
