"""Render every document kind in Chinese and English to PDF and PNG for a person to look at.

    make previews          # or: .venv/bin/python tools/previews.py [--no-guides] [--cli]

Writes ``previews/<kind>-<lang>.pdf`` and ``previews/<kind>-<lang>-<page>.png``
(``pdftoppm -r 80``, from poppler-utils) for every kind, and the same for the
drafting variants a clerk reads (``previews/<kind>-<variant>-<lang>…``: reasons
typed without a full stop, a natural person's restriction order, a released
officer, each deletion ground, a late deletion, a receipt taken by the command
line's operator).  The documents are built from ``tests/data/example_case.json``
with the listing and restriction order of the unit tests, each with a stand-in
QR payload of the signed length.  By default the reserved seal zone is outlined
in red dashes so that one can check that no text enters it; real documents
never print that outline.

``--cli`` also issues documents the way a court does, through ``courtapp
notice`` and ``courtapp petition`` on a temporary database (the integration
tests' example court), into ``previews/cli/``: every kind, a counter receipt
taken by the command line's operator, a rejected correction, a creditor's
deletion and a released legal representative.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit"))  # the example inputs of the unit tests

from documents_fixtures import QR_TEXT, build_example, variants  # noqa: E402

from courtapp.core.documents.render import render_result  # noqa: E402


def _png(pdftoppm: str | None, pdf: Path, dpi: int) -> None:
    if pdftoppm:
        subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)


def _show(pdf: Path, pages: int) -> None:
    print(f"{pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}: {pages} page(s), "
          f"{pdf.stat().st_size // 1024} KB")


def issue_from_the_command_line(out: Path, pdftoppm: str | None, dpi: int) -> None:
    """The integration tests' court on a temporary SQLite database, documents issued
    by ``courtapp`` commands as the console operator."""
    sys.path.insert(0, str(ROOT / "tests" / "integration"))
    tmp = Path(tempfile.mkdtemp(prefix="courtapp-previews-"))
    os.environ["COURTAPP_DATA_DIR"] = str(tmp / "data")
    from datetime import date

    import document_fixtures as fx

    from courtapp.cli import main
    from courtapp.core.context import open_database
    from courtapp.core.domain.listing import Restriction, RestrictionItem
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.services import restriction as rs

    db = open_database(f"sqlite+pysqlite:///{tmp / 'previews.sqlite'}")
    court = fx.build_court(db)
    # a third case: the entity's legal representative changed (2019 Opinion item 17(2))
    third = fx.case_doc(1236)
    third["respondents"][1]["officers"].append(
        {"role": "legal_representative", "name": "赵六", "id_number": "110105198505050038"})
    third_id = fx.store(db, third)
    order = rs.prepare_order(db.uow(), fx.JUDGE, third_id, RestrictionOrder(
        respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行，消极履行", decided_on=date(2026, 5, 6),
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 5, 6)),
                      Restriction(RestrictionItem.TRAVEL_CLASS, 0, date(2026, 5, 6))]))
    rs.sign_order(db.uow(), fx.PRESIDENT, order.id, order.version, date(2026, 5, 7))

    def run(*argv: str) -> None:
        if main(["--database", db.url, *argv]) != 0:
            print(f"refused: courtapp {' '.join(argv)}", file=sys.stderr)

    for kind, where, respondent in fx.EACH_KIND:
        case = court.case_number if where == "case" else court.removed_case_number
        args = ["notice", kind.value, case, "--respondent", str(respondent), "--issued-on", "2026-05-11",
                "-o", str(out / f"{kind.value}.pdf")]
        if kind in fx.EXTRA:
            args += ["--extra", json.dumps(fx.EXTRA[kind], ensure_ascii=False)]
        run(*args)
    run("notice", "restriction_order", court.case_number, "--respondent", "0", "--issued-on", "2026-05-11",
        "-o", str(out / "restriction_order-person.pdf"))
    run("petition", "file", court.case_number, "correction", "--petitioner-id", "360426199101010071",
        "--received-on", "2026-05-12", "--correction-ground", "3", "--receipt", str(out / "receipt-counter.pdf"))
    run("petition", "decide", "(2026)京0105执1234号-申1", "--reject", "--reasons", "不符合删除条件",
        "--on", "2026-05-20", "--higher-court", "北京市第三中级人民法院",
        "--document", str(out / "correction_decision-rejected.pdf"))
    run("petition", "settings", "--set", "removal.para1_applies_to_fixed_term=true")
    run("petition", "file", court.case_number, "removal_creditor_request", "--petitioner-id",
        "11010519491231002X", "--respondent", "0", "--received-on", "2026-05-21", "--no-receipt")
    run("petition", "decide", "(2026)京0105执1234号-申2", "--grant", "--reasons", "申请执行人书面申请删除，经审查同意",
        "--on", "2026-05-26", "--document", str(out / "deletion-creditor.pdf"))
    run("petition", "file", "(2026)京0105执1236号", "officer_release", "--petitioner-id", "110105198001010016",
        "--respondent", "1", "--received-on", "2026-05-12", "--no-receipt")
    run("petition", "decide", "(2026)京0105执1236号-申1", "--grant", "--reasons",
        "王五已于2026年5月1日卸任，经审查不是实际控制人", "--on", "2026-05-14", "--new-officer", "1",
        "--document", str(out / "restriction_lifting-officer.pdf"))
    db.engine.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    from pypdf import PdfReader

    for pdf in sorted(out.glob("*.pdf")):
        _png(pdftoppm, pdf, dpi)
        _show(pdf, len(PdfReader(pdf).pages))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "previews")
    ap.add_argument("--no-guides", action="store_true", help="do not outline the seal zone")
    ap.add_argument("--dpi", type=int, default=80)
    ap.add_argument("--cli", action="store_true",
                    help="also issue every kind through the command line into OUT/cli/")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.p[dn][fg]"), *out.glob("cli/*.p[dn][fg]")]:
        old.unlink()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): writing PDFs only", file=sys.stderr)
    for lang in ("zh", "en"):
        for name, kind, overrides in variants(lang):
            doc = build_example(kind, lang, **overrides)
            result = render_result(doc, qr_text=QR_TEXT, show_guides=not args.no_guides)
            pdf = out / f"{name}-{lang}.pdf"
            pdf.write_bytes(result.pdf)
            _png(pdftoppm, pdf, args.dpi)
            _show(pdf, result.pages)
    if args.cli:
        (out / "cli").mkdir(exist_ok=True)
        issue_from_the_command_line(out / "cli", pdftoppm, args.dpi)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
