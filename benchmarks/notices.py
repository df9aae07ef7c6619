"""Notice-rendering benchmark: 1,000 single-page notices, each with its QR code, in one PDF.

Builds 1,000 counter receipts (the single-page notice kind) for the example
case, each with its own document number and a stand-in signed QR payload of
the real length (~250 characters: a header naming the document, the SHA-256
of its content fields and a 64-byte signature, base64url), and renders them
with :func:`courtapp.core.documents.render.render_many` into one file.  In the
same run it renders the same 1,000 pages without QR codes (bare ReportLab
platypus on the same page) and times the QR encoding alone.  It prints:

- pages per second with the QR code (goal ≥ 100 on one core);
- pages per second of the same pages without a QR code;
- the share of the page time the QR code takes (goal ≤ 50 %).

    python benchmarks/notices.py [--count N] [--rounds R] [-o FILE.pdf]
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "unit"))  # the example inputs of the unit tests

from documents_fixtures import build_example  # noqa: E402

from courtapp.core.documents.model import DocKind, Document, content_hash  # noqa: E402
from courtapp.core.documents.render import (  # noqa: E402
    clear_qr_cache,
    qr_image,
    render_many_result,
)


def stand_in_payload(doc: Document, rng: random.Random) -> str:
    """What the signed QR carries, with a random stand-in for the Ed25519 signature."""
    head = {"n": doc.number, "k": doc.kind.value, "d": doc.issued_on.isoformat()}
    b64 = base64.urlsafe_b64encode(json.dumps(head, ensure_ascii=False, separators=(",", ":"))
                                   .encode("utf-8")).decode().rstrip("=")
    sig = base64.urlsafe_b64encode(rng.randbytes(64)).decode().rstrip("=")
    return f"CAV1.{b64}.{content_hash(doc)}.{sig}"


def notices(count: int) -> list[tuple[Document, str]]:
    rng = random.Random(2026)
    base = build_example(DocKind.RECEIPT)
    out = []
    for i in range(count):
        received = date(2026, 1, 5) + timedelta(days=i % 300)
        doc = build_example(DocKind.RECEIPT, issued_on=received, extra={
            "petition": "correction", "petition_number": f"京0105诉服2026第{i + 1:04d}号",
            "received_on": received.isoformat(), "attachments": "身份证复印件、车辆转让合同"})
        doc = replace(doc, number=f"{base.case_number}之{i + 1}")
        out.append((doc, stand_in_payload(doc, rng)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    ap.add_argument("-o", "--output", type=Path, default=Path(tempfile.gettempdir()) / "notices-1000.pdf")
    args = ap.parse_args(argv)

    items = notices(args.count)
    lengths = [len(q) for _, q in items]
    # warm up: font registration and loading, template caches
    render_many_result(items[:5])

    with_qr: list[float] = []
    bare: list[float] = []
    encode: list[float] = []
    pages = 0
    pdf = b""
    for _ in range(args.rounds):
        clear_qr_cache()  # every round encodes its codes (the renderer keeps recent ones)
        t = time.perf_counter()
        result = render_many_result(items)
        with_qr.append(time.perf_counter() - t)
        pages, pdf = result.pages, result.pdf

        t = time.perf_counter()
        plain = render_many_result([(d, None) for d, _ in items])
        bare.append(time.perf_counter() - t)
        assert plain.pages == pages

        t = time.perf_counter()
        for _, q in items:
            qr_image(q)
        encode.append(time.perf_counter() - t)

    if pages != args.count:
        print(f"expected {args.count} single-page notices, got {pages} pages", file=sys.stderr)
        return 1
    args.output.write_bytes(pdf)
    t_qr, t_bare, t_enc = (statistics.median(x) for x in (with_qr, bare, encode))
    share = (t_qr - t_bare) / t_qr
    print(f"notices: {args.count} single-page counter receipts, one PDF "
          f"({len(pdf) / 1e6:.1f} MB, {args.output}); QR payload {min(lengths)}-{max(lengths)} chars; "
          f"median of {args.rounds} rounds, one process, one core")
    print(f"  with QR code     {t_qr:6.2f} s  {pages / t_qr:6.0f} pages/s  "
          f"{t_qr / pages * 1000:5.2f} ms/page   (goal >= 100 pages/s)")
    print(f"  bare ReportLab   {t_bare:6.2f} s  {pages / t_bare:6.0f} pages/s  "
          f"{t_bare / pages * 1000:5.2f} ms/page   (same pages, no QR code)")
    print(f"  QR share of page time: {share:.0%}   (goal <= 50 %; of which encoding with zxing-cpp "
          f"{t_enc / pages * 1000:.2f} ms/page = {t_enc / t_qr:.0%}, drawing one image mask the rest)")
    ok = pages / t_qr >= 100
    print(f"  pages/s goal {'met' if ok else 'NOT met'}; QR share goal "
          f"{'met' if share <= 0.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
