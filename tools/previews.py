"""Render every document kind in Chinese and English to PDF and PNG for a person to look at.

    make previews          # or: .venv/bin/python tools/previews.py [--no-guides]

Writes ``previews/<kind>-<lang>.pdf`` and ``previews/<kind>-<lang>-<page>.png``
(``pdftoppm -r 80``, from poppler-utils).  The documents are built from
``tests/data/example_case.json`` with the listing and restriction order of the
unit tests, each with a stand-in QR payload of the signed length.  By default
the reserved seal zone is outlined in red dashes so that one can check that no
text enters it; real documents never print that outline.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit"))  # the example inputs of the unit tests

from documents_fixtures import QR_TEXT, build_example  # noqa: E402

from courtapp.core.documents.model import DocKind  # noqa: E402
from courtapp.core.documents.render import render_result  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "previews")
    ap.add_argument("--no-guides", action="store_true", help="do not outline the seal zone")
    ap.add_argument("--dpi", type=int, default=80)
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.p[dn][fg]"):
        old.unlink()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): writing PDFs only", file=sys.stderr)
    for kind in DocKind:
        for lang in ("zh", "en"):
            doc = build_example(kind, lang)
            result = render_result(doc, qr_text=QR_TEXT, show_guides=not args.no_guides)
            pdf = out / f"{kind.value}-{lang}.pdf"
            pdf.write_bytes(result.pdf)
            if pdftoppm:
                subprocess.run([pdftoppm, "-r", str(args.dpi), "-png", str(pdf),
                                str(out / f"{kind.value}-{lang}")], check=True)
            print(f"{pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}: "
                  f"{result.pages} page(s), {len(result.pdf) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
