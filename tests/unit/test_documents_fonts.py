"""The document fonts: vendored glyf TrueType with a licence, glyph checks, rare name characters."""

from __future__ import annotations

import struct

import pytest
from documents_fixtures import build_example, example_case

from courtapp.core.documents.fonts import (
    BODY_FONT,
    FONT_FILES,
    TITLE_FONT,
    MissingGlyph,
    check_glyphs,
    covers,
    fonts_dir,
    missing_glyphs,
)
from courtapp.core.documents.model import DocKind
from courtapp.core.documents.render import render


def _tables(data: bytes) -> set[str]:
    (count,) = struct.unpack(">H", data[4:6])
    return {data[12 + 16 * i: 16 + 16 * i].decode("latin-1") for i in range(count)}


@pytest.mark.parametrize("name", sorted(FONT_FILES.values()))
def test_vendored_fonts_are_truetype_with_glyf_outlines(name: str) -> None:
    data = (fonts_dir() / name).read_bytes()
    assert data[:4] == b"\x00\x01\x00\x00"  # TrueType, not 'OTTO' (CFF)
    tables = _tables(data)
    assert {"glyf", "loca", "cmap"} <= tables
    assert "CFF " not in tables


def test_the_font_licence_is_vendored_with_the_font() -> None:
    text = (fonts_dir() / "LICENSE-courtapp-serif-sc.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "tools/build_fonts.py" in text


def test_fonts_stay_a_reasonable_size() -> None:
    total = sum((fonts_dir() / n).stat().st_size for n in FONT_FILES.values())
    assert total < 16_000_000


@pytest.mark.parametrize("char", ["𠮷", "䶮"])
def test_rare_name_characters_are_covered(char: str) -> None:
    """Decision: the body font covers CJK Extension A and the source's
    supplementary-plane ideographs, so these real name characters print."""
    check_glyphs(f"张{char}")
    assert covers(char, BODY_FONT)


def test_common_text_and_punctuation_are_covered() -> None:
    text = "北京市朝阳区人民法院（2026）京0105执1234号：，。、；“”《》〔〕…—①ABCé 50,000.00元"
    assert missing_glyphs(text) == []


def test_title_font_falls_back_for_a_rare_character() -> None:
    assert covers("纳入失信被执行人名单决定书", TITLE_FONT)
    assert not covers("䶮", TITLE_FONT)  # the title face is GB 2312 only
    assert covers("䶮", BODY_FONT)


@pytest.mark.parametrize(("char", "code"), [("𪚥", "U+2A6A5"), ("\ue000", "U+E000")])
def test_missing_glyph_names_the_character_and_its_code_point(char: str, code: str) -> None:
    with pytest.raises(MissingGlyph) as info:
        check_glyphs(f"王{char}明", where="parties[1].name")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.char == char and err.codepoint == ord(char)
    assert code in str(err) and "parties[1].name" in str(err)
    assert code in err.what_en and code in err.what_zh


def test_a_name_with_a_rare_covered_character_renders_and_reads_back() -> None:
    import io

    from pypdf import PdfReader

    case = example_case()
    case.respondents[0].name = "刘䶮𠮷"
    doc = build_example(DocKind.EXECUTION_NOTICE, case=case)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render(doc))).pages)
    assert "刘䶮𠮷" in text


def test_a_name_the_font_lacks_is_refused_before_rendering() -> None:
    case = example_case()
    case.respondents[0].name = "张𪚥"
    doc = build_example(DocKind.EXECUTION_NOTICE, case=case)
    with pytest.raises(MissingGlyph) as info:
        render(doc)
    assert info.value.char == "𪚥" and "U+2A6A5" in str(info.value)
