"""Rendering: every kind in both languages read back with pypdf; embedded fonts;
page counts; determinism; the seal zone kept free of text; the QR code; batches."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
from typing import Any

import pytest
from documents_fixtures import CASE_DISPLAY, QR_TEXT, build_example, kind_args
from pypdf import PdfReader
from test_documents_builders import ADDRESSEE, EXPECTED
from tooling import requires_tools

from courtapp.core.documents.model import DocKind
from courtapp.core.documents.render import (
    SEAL_DIAMETER,
    render,
    render_many,
    render_many_result,
    render_result,
)

KINDS = list(DocKind)
#: Pages each example document takes (A4, 14 pt body in Chinese, 11.5 pt in English).
PAGES = {
    ("execution_notice", "zh"): 2, ("execution_notice", "en"): 2,
    ("warning", "zh"): 2, ("warning", "en"): 2,
    ("listing_decision", "zh"): 2, ("listing_decision", "en"): 2,
    ("restriction_order", "zh"): 3, ("restriction_order", "en"): 3,
    ("restriction_lifting", "zh"): 2, ("restriction_lifting", "en"): 2,
    ("deletion", "zh"): 2, ("deletion", "en"): 2,
    ("correction_decision", "zh"): 2, ("correction_decision", "en"): 2,
    ("permission", "zh"): 2, ("permission", "en"): 2,
    ("receipt", "zh"): 1, ("receipt", "en"): 1,
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def fonts_of(reader: PdfReader) -> list[dict[str, Any]]:
    """Every font dictionary used on every page (resolved), including descendants."""
    out: list[dict[str, Any]] = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            out.append(font)
            for d in font.get("/DescendantFonts", []):
                out.append(d.get_object())
    return out


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], Any]:
    out = {}
    for kind in KINDS:
        for lang in ("zh", "en"):
            doc = build_example(kind, lang)
            out[(kind.value, lang)] = (doc, render_result(doc, qr_text=QR_TEXT))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_reads_back_with_its_text(rendered: Any, kind: DocKind, lang: str) -> None:
    doc, result = rendered[(kind.value, lang)]
    reader = read(result.pdf)
    assert len(reader.pages) == result.pages == PAGES[(kind.value, lang)]
    text = squash("".join(p.extract_text() for p in reader.pages))
    name, ident = ADDRESSEE[kind_args(kind)["respondent"]]
    for needle in [CASE_DISPLAY, "北京市朝阳区人民法院", name, ident, *EXPECTED[kind][lang]]:
        assert squash(needle) in text, needle
    if kind is not DocKind.RECEIPT:
        assert "李四" in text and "11010519491231002X" in text
    if doc.outstanding:
        assert squash(doc.outstanding) in text
    assert squash(doc.extra["labels"]["signature_date"]) in text
    assert squash(doc.signer) in text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_font_is_embedded_and_none_is_helvetica(rendered: Any, kind: DocKind, lang: str) -> None:
    _, result = rendered[(kind.value, lang)]
    fonts = fonts_of(read(result.pdf))
    assert fonts
    for font in fonts:
        base = str(font["/BaseFont"])
        assert "Helvetica" not in base and "STSong" not in base
        assert "CourtappSerifSC" in base
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # an embedded TrueType (glyf) program


@requires_tools("pdffonts")
def test_pdffonts_shows_every_font_embedded(rendered: Any, tmp_path: Any) -> None:
    for (kind, lang), (_, result) in rendered.items():
        path = tmp_path / f"{kind}-{lang}.pdf"
        path.write_bytes(result.pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows, out
        for row in rows:
            cols = row.split()
            # name type encoding emb sub uni object ID
            assert cols[-5] == "yes", row
            assert "Helvetica" not in row


def test_same_input_gives_the_same_bytes() -> None:
    doc = build_example(DocKind.LISTING_DECISION)
    assert render(doc, qr_text=QR_TEXT) == render(doc, qr_text=QR_TEXT)
    assert render(doc) == render(doc)
    assert render(doc) != render(doc, qr_text=QR_TEXT)


def test_the_bytes_do_not_depend_on_the_process() -> None:
    code = (
        "import sys, hashlib; sys.path.insert(0, 'tests/unit')\n"
        "from documents_fixtures import build_example, QR_TEXT\n"
        "from courtapp.core.documents.model import DocKind\n"
        "from courtapp.core.documents.render import render\n"
        "print(hashlib.sha256(render(build_example(DocKind.WARNING), qr_text=QR_TEXT)).hexdigest())\n")
    import hashlib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=root).stdout.strip()
    here = hashlib.sha256(render(build_example(DocKind.WARNING), qr_text=QR_TEXT)).hexdigest()
    assert out == here


def test_the_pdf_dates_are_the_issue_date() -> None:
    doc = build_example(DocKind.WARNING)
    info = read(render(doc)).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20260410")
    assert str(info["/ModDate"]).startswith("D:20260410")


def _text_boxes(reader: PdfReader, page_no: int) -> list[tuple[str, float, float, float, float]]:
    boxes: list[tuple[str, float, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        fs = size * (tm[3] or 1) * (cm[3] or 1)
        width = len(text.strip()) * fs  # a generous upper bound (full-width characters)
        boxes.append((text, x, y - 0.25 * fs, x + width, y + 0.9 * fs))

    reader.pages[page_no - 1].extract_text(visitor_text=visit)
    return boxes


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_seal_zone_is_free_of_text(rendered: Any, kind: DocKind, lang: str) -> None:
    _, result = rendered[(kind.value, lang)]
    assert len(result.seal_zones) == 1
    zone = result.seal_zones[0]
    assert zone.page == result.pages  # on the last page, over the date
    assert abs((zone.x1 - zone.x0) - SEAL_DIAMETER) < 0.01
    boxes = _text_boxes(read(result.pdf), zone.page)
    assert boxes
    inside = [b for b in boxes if zone.overlaps(*b[1:])]
    assert inside == []
    # the date is just below the zone, the signer just above it
    below = [b for b in boxes if b[4] <= zone.y0 and b[4] > zone.y0 - 30]
    above = [b for b in boxes if b[2] >= zone.y1 and b[2] < zone.y1 + 30]
    assert below and above
    for qr in result.qr_boxes:
        assert not zone.overlaps(qr.x0, qr.y0, qr.x1, qr.y1)


def test_the_qr_code_is_on_the_last_page_with_its_caption(rendered: Any) -> None:
    _, result = rendered[("warning", "zh")]
    assert [q.page for q in result.qr_boxes] == [result.pages]
    assert "扫码核验" in read(result.pdf).pages[-1].extract_text()
    _, plain = rendered[("warning", "en")]
    assert "Scan to verify" in read(plain.pdf).pages[-1].extract_text()
    doc = build_example(DocKind.WARNING)
    assert render_result(doc).qr_boxes == []
    assert "扫码核验" not in "".join(p.extract_text() for p in read(render(doc)).pages)


def test_multi_page_documents_number_their_pages(rendered: Any) -> None:
    _, two = rendered[("warning", "zh")]
    pages = read(two.pdf).pages
    assert "第1页　共2页" in pages[0].extract_text() and "第2页　共2页" in pages[1].extract_text()
    _, one = rendered[("receipt", "zh")]
    assert "第1页" not in read(one.pdf).pages[0].extract_text()


@requires_tools("zbarimg", "pdftoppm")
def test_the_qr_code_decodes(tmp_path: Any) -> None:
    import random

    rng = random.Random(7)
    doc = build_example(DocKind.RECEIPT)
    payloads = [QR_TEXT] + ["CAV1." + base64.urlsafe_b64encode(rng.randbytes(180)).decode()
                            + ".（2026）京0105执1234号" for _ in range(3)]
    for i, payload in enumerate(payloads):
        pdf = tmp_path / f"q{i}.pdf"
        pdf.write_bytes(render(doc, qr_text=payload))
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / f"q{i}")], check=True)
        out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / f"q{i}-1.png")],
                             capture_output=True, text=True).stdout.strip()
        assert out == payload


def test_render_many_makes_one_pdf_numbering_each_document() -> None:
    docs = [build_example(k) for k in (DocKind.WARNING, DocKind.RECEIPT, DocKind.LISTING_DECISION)]
    result = render_many_result([(d, QR_TEXT) for d in docs])
    singles = [render_result(d, qr_text=QR_TEXT).pages for d in docs]
    assert result.pages == sum(singles) == len(read(result.pdf).pages)
    assert result.doc_pages == [(1, 2), (3, 3), (4, 5)]
    assert len(result.qr_boxes) == 3 and [q.page for q in result.qr_boxes] == [2, 3, 5]
    assert [z.page for z in result.seal_zones] == [2, 3, 5]
    pages = read(result.pdf).pages
    assert "第1页　共2页" in pages[3].extract_text()  # the third document restarts
    assert "第1页" not in pages[2].extract_text()  # the one-page receipt has none
    assert render_many([(d, QR_TEXT) for d in docs]) == result.pdf


def test_render_many_refuses_nothing() -> None:
    with pytest.raises(ValueError):
        render_many([])
