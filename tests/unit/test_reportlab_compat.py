"""The ReportLab patches (issue 8 item 5): installed explicitly by the renderer,
idempotent, one test each, and the ReportLab version they were written for."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import reportlab
from documents_fixtures import build_example, example_case
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib import textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Paragraph

from courtapp.core.documents import reportlab_compat as compat
from courtapp.core.documents.fonts import BODY_FONT, register_fonts
from courtapp.core.documents.model import DocKind
from courtapp.core.documents.render import render

ROOT = Path(__file__).resolve().parents[2]
SIZE = 14.0


@pytest.fixture(autouse=True)
def _installed() -> None:
    compat.install()
    register_fonts()


# ------------------------------------------------------------- installing
def test_nothing_is_patched_at_import_and_the_renderer_installs_the_patches() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests/unit')\n"
        "from reportlab import rl_config\n"
        "from reportlab.lib import textsplit\n"
        "from reportlab.pdfbase import ttfonts\n"
        "import courtapp.core.documents.builders, courtapp.core.documents.fonts\n"
        "from courtapp.core.documents import render, reportlab_compat as c\n"
        "from courtapp.core.documents.fonts import register_fonts\n"
        "register_fonts()\n"
        "print(c.installed(), textsplit.dumbSplit.__module__, ttfonts.makeToUnicodeCMap.__module__,"
        " rl_config.useA85)\n"
        "from documents_fixtures import build_example\n"
        "from courtapp.core.documents.model import DocKind\n"
        "render.render(build_example(DocKind.RECEIPT))\n"
        "print(c.installed(), textsplit.dumbSplit.__module__, ttfonts.makeToUnicodeCMap.__module__,"
        " rl_config.useA85)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.splitlines()
    assert out == [
        "False reportlab.lib.textsplit reportlab.pdfbase.ttfonts 1",
        "True courtapp.core.documents.reportlab_compat courtapp.core.documents.reportlab_compat 0"]


def test_install_is_idempotent_and_keeps_reportlabs_originals() -> None:
    compat.install()
    compat.install()
    assert compat.installed()
    assert textsplit.dumbSplit is compat.split_cjk
    assert ttfonts.makeToUnicodeCMap is compat.to_unicode_cmap
    assert rl_config.useA85 == 0
    # what was there before the first install is ReportLab's, never our own patch
    assert compat.ORIGINALS["dumbSplit"] is not compat.split_cjk
    assert compat.ORIGINALS["dumbSplit"].__module__ == "reportlab.lib.textsplit"
    assert compat.ORIGINALS["makeToUnicodeCMap"].__module__ == "reportlab.pdfbase.ttfonts"
    assert compat.ORIGINALS["useA85"] == 1
    assert ttfonts.TTFontFile.get_table is compat.cached_get_table
    assert compat.ORIGINALS["get_table"].__module__ == "reportlab.pdfbase.ttfonts"
    assert ttfonts.TTFontFile.makeSubset is compat.cached_make_subset
    assert compat.ORIGINALS["makeSubset"].__module__ == "reportlab.pdfbase.ttfonts"
    from reportlab.pdfbase import pdfdoc

    assert pdfdoc.PDFStreamFilterZCompress.encode is compat.cached_compress
    assert compat.ORIGINALS["zencode"].__module__ == "reportlab.pdfbase.pdfdoc"


# ------------------------------------------------------- 1. line breaking
def _lines(text: str, chars_per_line: int, split: object = None) -> list[str]:
    """The lines a one-run paragraph wraps into, ``chars_per_line`` CJK characters wide."""
    width = chars_per_line * SIZE
    if split is None:
        style = ParagraphStyle("t", fontName=BODY_FONT, fontSize=SIZE, leading=SIZE * 1.5,
                               wordWrap="CJK")
        p = Paragraph(text, style)
        p.wrap(width, 10_000)
        return ["".join(str(w) for w in line[1]) for line in p.blPara.lines]
    widths = textsplit.getCharWidths(text, BODY_FONT, SIZE)
    return [t for _, t in split(text, widths, width)]  # type: ignore[operator]


@pytest.mark.parametrize("mark", list("，：；、。）》”"))
def test_a_closing_mark_never_starts_a_line(mark: str) -> None:
    text = "本院经审查认为决定如下" [:10] + mark + "驳回申请人张三的纠正申请理由不能成立"
    lines = _lines(text, 10)
    assert len(lines) > 1
    assert lines[0].endswith(mark)  # it hangs in the margin of the first line
    assert all(line[0] not in compat.NO_LINE_START for line in lines)


def test_reportlabs_own_splitter_would_start_a_line_with_the_comma() -> None:
    """The case the patch exists for: without it the comma opens the second line."""
    text = "本院经审查认为决定如下" [:10] + "，" + "驳回申请人张三的纠正申请"
    assert _lines(text, 10, compat.ORIGINALS["dumbSplit"])[1].startswith("，")
    assert not _lines(text, 10, compat.split_cjk)[1].startswith("，")


@pytest.mark.parametrize("mark", list("（《“"))
def test_an_opening_mark_never_ends_a_line(mark: str) -> None:
    text = "依照中华人民共和国民" + mark + "事诉讼法第二百六十六条的规定决定如下"
    lines = _lines(text, 11)
    assert all(line[-1] not in compat.NO_LINE_END for line in lines)
    assert lines[1].startswith(mark)


def test_an_id_number_is_not_split_in_the_middle() -> None:
    text = "被执行人张三公民身份号码360426199101010071男"
    lines = _lines(text, 16)
    assert any("360426199101010071" in line for line in lines)


# ------------------------------------------------------------- 2. no ASCII85
def test_streams_are_flate_only_never_ascii85() -> None:
    pdf = render(build_example(DocKind.WARNING))
    assert b"ASCII85Decode" not in pdf
    filters = re.findall(rb"/Filter\s*(\[[^\]]*\]|/\w+)", pdf)
    assert filters and all(f == b"/FlateDecode" or f == b"[ /FlateDecode ]" for f in filters), filters


# ------------------------------------------------- 4. font tables read once
def test_a_font_table_is_read_once_and_is_reportlabs_table() -> None:
    from reportlab.pdfbase import pdfmetrics

    from courtapp.core.documents.fonts import BODY_FONT, register_fonts

    compat.install()
    register_fonts()
    face = pdfmetrics.getFont(BODY_FONT).face
    first = face.get_table("glyf")
    assert first == compat.ORIGINALS["get_table"](face, "glyf") and len(first) > 1_000_000
    assert face.get_table("glyf") is first  # not copied out of the file again
    # a document still embeds a valid subset of the font
    pdf = render(build_example(DocKind.RECEIPT))
    assert b"/FontFile2" in pdf


# ------------------------------- 5, 6. a subset made and compressed once
def test_a_glyph_set_is_subset_once_and_the_subset_is_reportlabs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    compat.clear_caches()
    face = pdfmetrics.getFont(BODY_FONT).face
    glyphs = [ord(c) for c in "被执行人收件回执"]
    made: list[list[int]] = []
    original = compat.ORIGINALS["makeSubset"]

    def counting(f: object, subset: list[int]) -> bytes:
        made.append(list(subset))
        out: bytes = original(f, subset)
        return out

    monkeypatch.setitem(compat.ORIGINALS, "makeSubset", counting)
    first = face.makeSubset(glyphs)
    assert face.makeSubset(list(glyphs)) is first and made == [glyphs]  # made once
    assert first == original(face, glyphs)  # exactly ReportLab's subset
    other = face.makeSubset(glyphs[::-1])  # another order is another subset (other codes)
    assert other != first and len(made) == 2
    for i in range(compat.SUBSET_CACHE + 1):  # bounded: the oldest is made again
        face.makeSubset([0x4E00 + i])
    face.makeSubset(glyphs)
    assert len(made) == compat.SUBSET_CACHE + 4


def test_a_large_stream_is_compressed_once_and_reads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import zlib

    from reportlab.pdfbase import pdfdoc

    compat.clear_caches()
    calls: list[int] = []
    original = compat.ORIGINALS["zencode"]

    def counting(flt: object, text: bytes) -> bytes:
        calls.append(len(text))
        out: bytes = original(flt, text)
        return out

    monkeypatch.setitem(compat.ORIGINALS, "zencode", counting)
    big = bytes(range(256)) * (compat.COMPRESS_MIN // 256 + 1)
    flt = pdfdoc.PDFZCompress
    assert flt.encode(big) == zlib.compress(big) and zlib.decompress(flt.encode(big)) == big
    assert len(calls) == 1
    small = b"q 1 0 0 1 0 0 cm Q"
    assert zlib.decompress(flt.encode(small)) == small
    flt.encode(small)
    assert len(calls) == 3  # small streams are not kept


def test_cached_subsets_keep_documents_whole_and_identical(tmp_path: Path) -> None:
    """Another document between two renders of one: the same bytes, each with its own
    text, both drawable (poppler), each embedding its subsets."""
    compat.clear_caches()
    case = example_case()
    case.respondents[0].name = "欧阳娜娜"
    a = build_example(DocKind.RECEIPT)
    b = build_example(DocKind.RECEIPT, case=case)
    first, other, again = render(a), render(b), render(a)
    assert first == again and first != other
    for k, (pdf, name) in enumerate(((first, a.parties[0].name), (other, "欧阳娜娜"))):
        reader = PdfReader(io.BytesIO(pdf))
        assert name in "".join(p.extract_text() for p in reader.pages)
        assert pdf.count(b"/FontFile2") == 2
        (tmp_path / f"{k}.pdf").write_bytes(pdf)
        shown = subprocess.run(["pdftoppm", "-r", "20", "-png", str(tmp_path / f"{k}.pdf"),
                                str(tmp_path / f"p{k}")], capture_output=True, check=True)
        pngs = list(tmp_path.glob(f"p{k}*.png"))
        assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG") and not shown.stderr


# ----------------------------------------------- 3. ToUnicode beyond the BMP
def test_a_character_beyond_the_bmp_maps_to_its_surrogate_pair() -> None:
    assert "<00> <D842DFB7>" in compat.to_unicode_cmap("F1", [0x20BB7])
    assert "<01> <4E2D>" in compat.to_unicode_cmap("F1", [0x20BB7, 0x4E2D])
    # ReportLab's own map writes the five hex digits no reader maps back
    assert "<00> <20BB7>" in compat.ORIGINALS["makeToUnicodeCMap"]("F1", [0x20BB7])


def test_a_rare_name_reads_back_from_the_pdf() -> None:
    case = example_case()
    case.respondents[0].name = "刘𠮷"
    reader = PdfReader(io.BytesIO(render(build_example(DocKind.RECEIPT, case=case))))
    assert "刘𠮷" in "".join(p.extract_text() for p in reader.pages)
    maps = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "/ToUnicode" in font:
            maps.append(font["/ToUnicode"].get_object().get_data().decode("ascii"))
    assert any("<D842DFB7>" in m for m in maps)
    assert not any(re.search(r"<[0-9A-F]{5}>", m) for m in maps)


# --------------------------------------------------------------- versions
def test_the_installed_reportlab_is_one_the_patches_were_written_for() -> None:
    assert compat.supported(reportlab.Version), (
        f"ReportLab {reportlab.Version} is outside {compat.SUPPORTED}: check the patches in "
        "courtapp/core/documents/reportlab_compat.py against it, then widen SUPPORTED and the pin")


def test_the_pin_in_pyproject_is_the_supported_range() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    [pin] = [d for d in deps if re.match(r"reportlab\b", d)]
    assert pin.replace(" ", "") == f"reportlab>={compat.SUPPORTED[0]},<{compat.SUPPORTED[1]}"


@pytest.mark.parametrize(("version", "ok"), [
    ("3.6.13", False), ("4.0", True), ("4.0.0", True), ("4.4.10", True), ("5.1.0", True),
    ("5.1.9rc1", True), ("5.2", False), ("5.2.0", False), ("6.0.1", False)])
def test_supported_versions(version: str, ok: bool) -> None:
    assert compat.supported(version) is ok
