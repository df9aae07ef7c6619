"""The changes courtapp makes to ReportLab, in one place, installed explicitly.

ReportLab is changed process-wide, so nothing here happens at import time:
the renderer calls :func:`install` before it builds a PDF (issue 8 item 5).
:func:`install` is idempotent and thread-safe; :func:`installed` says whether it ran.

1. **Chinese line breaking** (标点禁则, ``reportlab.lib.textsplit.dumbSplit``).
   ReportLab hangs only a few characters that may not start a line (not the
   full-width comma, colon or semicolon: "决定如下\\n：" happened) and ignores
   characters that may not end one ("（\\n二）").  :func:`split_cjk` hangs a
   closing mark in the margin and carries an opening mark to the next line,
   keeping ReportLab's rule that a Latin run (an ID number) breaks at its start.
2. **No ASCII85 on streams** (``rl_config.useA85 = 0``).  Streams are
   zlib-compressed binary only: ReportLab's pure-Python ASCII85 took about
   2.5 ms a page and made every file 25 % larger.
3. **ToUnicode beyond the BMP** (``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``).
   ReportLab writes ``<20BB7>`` for 𠮷, which no reader maps back; the PDF
   specification wants the UTF-16 surrogate pair ``<D842DFB7>``, so a rare
   name character can be searched and copied.
4. **Font tables read once** (``reportlab.pdfbase.ttfonts.TTFontFile.get_table``).
   ReportLab slices each table out of the font file every time it makes a
   subset: the CJK font's ``glyf`` table (12 MB) was copied twice a document,
   a fifth of the time of issuing one (issue 11).  The tables are bytes and
   never change, so each is kept on its font after the first read.
5. **Font subsets made once per glyph set** (``TTFontFile.makeSubset``).  A
   subset is a pure function of the font and the characters in the order the
   document first used them; documents of one template repeat the same
   characters (every title subset of a kind is the same), so the last
   :data:`SUBSET_CACHE` subsets of each font are kept and handed out again.
6. **Large streams compressed once** (``PDFStreamFilterZCompress.encode``).
   The font file of a repeated subset is the same bytes every time: the last
   :data:`COMPRESS_CACHE` compressions of inputs of at least
   :data:`COMPRESS_MIN` bytes are kept (zlib is deterministic, so the output
   is the bytes ReportLab would write).  Together, 5 and 6 take a repeated
   subset from about 9 ms a document to a dictionary look-up (issue 11).

The patches replace private names of ReportLab, so ``pyproject.toml`` pins
ReportLab to :data:`SUPPORTED` (``tests/unit/test_reportlab_compat.py`` fails
when the installed version is outside it, and when the pin and this range
disagree).  Before widening the range, run that test file and ``make previews``
on the new version.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

#: The ReportLab versions the patches were written and tested for: [low, high).
SUPPORTED: tuple[str, str] = ("4.0", "5.2")

#: Characters that may not start a line (they hang in the right margin).
NO_LINE_START = frozenset("，。、：；？！…）》〉」』】〕”’%‰!),.:;?]}")
#: Characters that may not end a line (they move to the next one).
NO_LINE_END = frozenset("（《〈「『【〔“‘([{")

#: Font subsets kept per font (patch 5), and compressed streams kept (patch 6).
SUBSET_CACHE = 32
COMPRESS_CACHE = 32
#: Streams shorter than this are compressed every time (page contents, CMaps).
COMPRESS_MIN = 16_384

_lock = threading.Lock()
_cache_lock = threading.Lock()
_compressed: OrderedDict[bytes, bytes] = OrderedDict()
#: Per font face (gone with the face): glyph set → subset font file.
_subsets: weakref.WeakKeyDictionary[Any, OrderedDict[tuple[int, ...], bytes]] = (
    weakref.WeakKeyDictionary())
_installed = False
#: ReportLab's own functions and settings, as found before :func:`install`.
ORIGINALS: dict[str, Any] = {}


def version_tuple(version: str) -> tuple[int, ...]:
    """``"5.1.0"`` → ``(5, 1, 0)``; a suffix such as ``rc1`` ends the number."""
    out: list[int] = []
    for part in version.split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        out.append(int(digits))
        if len(digits) < len(part):
            break
    return tuple(out)


def supported(version: str) -> bool:
    """Whether ``version`` lies in :data:`SUPPORTED` (low inclusive, high exclusive)."""
    low, high = (version_tuple(v) for v in SUPPORTED)
    return low <= version_tuple(version) < high


def split_cjk(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """ReportLab's ``dumbSplit`` contract: ``[[extra space, line text], …]``."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    lines: list[list[Any]] = []
    i = start = 0
    used = 0.0
    limit = max_widths[0]
    n = len(word)
    while i < n:
        used += widths[i]
        i += 1
        if used <= limit + 1e-6 or i - start <= 1:
            continue
        cut = i - 1  # the overflowing character goes to the next line...
        if ord(word[cut]) < 0x3000 and not word[cut].isspace():
            # ...inside a Latin run: break where the run starts (or at a space)
            j = cut
            while j > start + 1 and ord(word[j - 1]) < 0x3000 and not word[j - 1].isspace():
                j -= 1
            if j > start + 1:
                cut = j
        if word[cut] in NO_LINE_START and cut + 1 - start > 1:
            cut += 1  # ...unless it may not start a line: it hangs in the margin
        while cut - 1 > start + 1 and word[cut - 1] in NO_LINE_END:
            cut -= 1  # an opening mark never ends a line
        text = word[start:cut]
        lines.append([limit - sum(widths[start:cut]), text.strip()])
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i = cut
        used = 0.0
    if start < n:
        lines.append([limit - sum(widths[start:n]), word[start:]])
    return lines


def _utf16_hex(cp: int) -> str:
    return f"{cp:04X}" if cp <= 0xFFFF else chr(cp).encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond the BMP written as
    UTF-16 surrogate pairs as the PDF specification requires (the last maps
    made are kept: a repeated subset has the same map)."""
    return _to_unicode_cmap(fontname, tuple(subset))


@functools.lru_cache(maxsize=64)
def _to_unicode_cmap(fontname: str, subset: tuple[int, ...]) -> str:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class ReportLabChanged(RuntimeError):
    """A name the patches replace is missing from the installed ReportLab."""


def _require(module: Any, name: str) -> Callable[..., Any]:
    found: Callable[..., Any] | None = getattr(module, name, None)
    if found is None or not callable(found):
        raise ReportLabChanged(
            f"reportlab {module.__name__}.{name} is missing: courtapp's ReportLab patches were "
            f"written for ReportLab {SUPPORTED[0]} to below {SUPPORTED[1]}")
    return found


def cached_get_table(face: Any, tag: str) -> bytes:
    """``TTFontFile.get_table`` reading each table of a font once (patch 4)."""
    tables: dict[str, bytes] | None = face.__dict__.get("_courtapp_tables")
    if tables is None:
        tables = face.__dict__["_courtapp_tables"] = {}
    found = tables.get(tag)
    if found is None:
        found = tables[tag] = ORIGINALS["get_table"](face, tag)
    return found


def _remember(cache: OrderedDict[Any, bytes], key: Any, make: Callable[[], bytes],
              limit: int) -> bytes:
    """``cache[key]``, made by ``make()`` the first time; the oldest entry beyond ``limit`` goes."""
    with _cache_lock:
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
    made = make()
    with _cache_lock:
        cache[key] = made
        while len(cache) > limit:
            cache.popitem(last=False)
    return made


def cached_make_subset(face: Any, subset: Sequence[int]) -> bytes:
    """``TTFontFile.makeSubset`` making each glyph set of a font once (patch 5)."""
    with _cache_lock:
        cache = _subsets.get(face)
        if cache is None:
            cache = _subsets[face] = OrderedDict()
    key = tuple(subset)
    return _remember(cache, key, lambda: ORIGINALS["makeSubset"](face, list(key)), SUBSET_CACHE)


def cached_compress(flt: Any, text: str | bytes) -> bytes:
    """``PDFStreamFilterZCompress.encode`` compressing a large stream once (patch 6)."""
    original: Callable[[Any, str | bytes], bytes] = ORIGINALS["zencode"]
    if isinstance(text, str) or len(text) < COMPRESS_MIN:
        return original(flt, text)
    data = bytes(text)
    return _remember(_compressed, data, lambda: original(flt, data), COMPRESS_CACHE)


def clear_caches() -> None:
    """Forget the kept subsets and compressed streams (tests; memory)."""
    with _cache_lock:
        _compressed.clear()
        _subsets.clear()
    _to_unicode_cmap.cache_clear()


def install() -> None:
    """Apply the six patches once per process (later calls do nothing)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from reportlab import rl_config
        from reportlab.lib import textsplit
        from reportlab.pdfbase import pdfdoc, ttfonts

        ORIGINALS["dumbSplit"] = _require(textsplit, "dumbSplit")
        ORIGINALS["makeToUnicodeCMap"] = _require(ttfonts, "makeToUnicodeCMap")
        ORIGINALS["get_table"] = _require(ttfonts.TTFontFile, "get_table")
        ORIGINALS["makeSubset"] = _require(ttfonts.TTFontFile, "makeSubset")
        ORIGINALS["zencode"] = _require(pdfdoc.PDFStreamFilterZCompress, "encode")
        if not hasattr(rl_config, "useA85"):
            raise ReportLabChanged("reportlab rl_config.useA85 is missing")
        ORIGINALS["useA85"] = rl_config.useA85
        textsplit.dumbSplit = split_cjk
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        ttfonts.TTFontFile.get_table = cached_get_table
        ttfonts.TTFontFile.makeSubset = cached_make_subset
        pdfdoc.PDFStreamFilterZCompress.encode = cached_compress
        rl_config.useA85 = 0
        _installed = True


def installed() -> bool:
    return _installed
