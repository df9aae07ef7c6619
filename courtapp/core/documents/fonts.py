"""The document fonts: a Song (Ming) face with TrueType outlines, embedded as a subset.

``resources/fonts/CourtappSerifSC-Regular.ttf`` and ``-Bold.ttf`` are Noto
Serif CJK SC (SIL OFL 1.1) subset and converted from CFF to ``glyf`` outlines
by ``tools/build_fonts.py`` (ReportLab refuses CFF).  Regular sets the body,
the parties and every name; it covers every CJK Unified Ideograph, all of
Extension A (e.g. 䶮 U+4DAE) and the source's 2,306 supplementary-plane
ideographs (e.g. 𠮷 U+20BB7).  Bold (the 小标宋-like title face) covers
GB 2312; a title with a character Bold lacks is set in Regular instead.

Never ``STSong-Light``: a CID font that is not embedded prints as boxes on a
machine without Chinese fonts (``shared/STACK_NOTES.md``).  Every font in
every PDF is one of these two, embedded by ReportLab as a subset.

:func:`check_glyphs` refuses text with a character the font cannot print,
naming the character and its code point: a name never prints as an empty box.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from courtapp.core.paths import resources_dir

#: ReportLab names of the registered fonts.
BODY_FONT = "CourtappSerifSC"
TITLE_FONT = "CourtappSerifSC-Bold"
FONT_FILES = {BODY_FONT: "CourtappSerifSC-Regular.ttf", TITLE_FONT: "CourtappSerifSC-Bold.ttf"}

#: Characters that are layout, not glyphs (a paragraph break, a tab).
_LAYOUT = frozenset("\n\r\t")


class MissingGlyph(ValueError):
    """Text holds a character the document font cannot print."""

    def __init__(self, char: str, *, where: str = "", font: str = BODY_FONT) -> None:
        self.char = char
        self.codepoint = ord(char)
        self.where = where
        self.font = font
        cp = f"U+{self.codepoint:04X}"
        uname = unicodedata.name(char, "")
        shown = char if char.isprintable() else repr(char)
        ctx_en = f" in {where}" if where else ""
        ctx_zh = f"（{where}）" if where else ""
        super().__init__(
            f"the character {shown!s} ({cp}{', ' + uname if uname else ''}){ctx_en} is not in "
            f"the document font, so it would print as an empty box; the document is refused / "
            f"文书字体中没有字符“{shown}”（{cp}）{ctx_zh}，打印会成为空框，拒绝生成文书")

    @property
    def what_en(self) -> str:
        return f"the character {self.char} (U+{self.codepoint:04X}) is not in the document font"

    @property
    def what_zh(self) -> str:
        return f"文书字体中没有字符“{self.char}”（U+{self.codepoint:04X}）"


@dataclass(frozen=True)
class _Loaded:
    font: TTFont
    cmap: frozenset[int]


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


_LOADING = threading.Lock()


@functools.cache
def _load_once(name: str) -> _Loaded:
    path = fonts_dir() / FONT_FILES[name]
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return _Loaded(font, frozenset(font.face.charToGlyph))


def _load(name: str) -> _Loaded:
    """The font, parsed and registered once per process (the background warm-up
    and a first document on another thread wait for the one load, not two)."""
    with _LOADING:
        return _load_once(name)


def register_fonts() -> tuple[str, str]:
    """Register both fonts with ReportLab once per process; (body, title) names."""
    _load(BODY_FONT)
    _load(TITLE_FONT)
    return BODY_FONT, TITLE_FONT


def has_glyph(char: str, font: str = BODY_FONT) -> bool:
    return char in _LAYOUT or ord(char) in _load(font).cmap


def missing_glyphs(text: str, font: str = BODY_FONT) -> list[str]:
    """The distinct characters of ``text`` the font lacks, in order of appearance."""
    cmap = _load(font).cmap
    out: list[str] = []
    for ch in text:
        if ch not in _LAYOUT and ord(ch) not in cmap and ch not in out:
            out.append(ch)
    return out


def covers(text: str, font: str) -> bool:
    return not missing_glyphs(text, font)


def check_glyphs(text: str, *, where: str = "", font: str = BODY_FONT) -> None:
    """Raise :class:`MissingGlyph` naming the first character ``font`` cannot print."""
    missing = missing_glyphs(text, font)
    if missing:
        raise MissingGlyph(missing[0], where=where, font=font)
