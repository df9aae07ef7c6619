"""Build the vendored document fonts from Noto Serif CJK SC (reproducible).

The fonts under ``resources/fonts/`` that court documents embed are made here
from Debian's ``fonts-noto-cjk`` package (Noto Serif CJK 2.001, SIL OFL 1.1):

    apt-get install fonts-noto-cjk
    .venv/bin/pip install fonttools
    .venv/bin/python tools/build_fonts.py

Steps, for the Regular (body) and Bold (title) weights of the SC face:

1. subset to the characters court documents need (``charset()`` below),
   dropping layout tables (GSUB/GPOS/BASE/vertical metrics), hinting and
   glyph names; ReportLab does no shaping, so nothing is lost;
2. convert the CFF (PostScript) outlines to TrueType ``glyf`` quadratic
   outlines with cu2qu (ReportLab refuses CFF: "postscript outlines are not
   supported");
3. rename the family (the OFL lets anyone modify the font; Noto is a Google
   trademark, so the modified font does not carry that name) and write
   ``resources/fonts/CourtappSerifSC-{Regular,Bold}.ttf``.

The Regular weight (used for everything a name can appear in: the parties,
the body, the court name) covers every CJK Unified Ideograph the source maps
(U+4E00–U+9FFF), all of Extension A (U+3400–U+4DBF, e.g. 䶮 U+4DAE) and the
2,306 supplementary-plane ideographs the source has (e.g. 𠮷 U+20BB7): rare
characters in people's names must print, never as an empty box.  The Bold
weight is only used for titles and headings, which come from the templates
and the court's name: it covers GBK's ideographs (all of U+4E00–U+9FA5) and
the punctuation, which is a fraction of the size.

Output is deterministic for the same source file and fontTools version.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SC_INDEX = 2  # in NotoSerifCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
FAMILY = "Courtapp Serif SC"
PS_FAMILY = "CourtappSerifSC"
#: cu2qu tolerance in font units (1,000 per em): 0.03 pt at 16 pt, invisible.
MAX_ERR = 2.0

#: Code point ranges kept in both weights (besides the ideographs).
COMMON_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A (names in pinyin with tone marks)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02C9), (0x02D9, 0x02D9),  # ˇ ˉ ˙
    (0x0391, 0x03C9),  # Greek
    (0x0401, 0x0451),  # Cyrillic as in GB 2312
    (0x2010, 0x2030),  # dashes, quotes, ellipsis, per mille
    (0x2032, 0x2033), (0x203B, 0x203B), (0x20AC, 0x20AC),
    (0x2103, 0x2103), (0x2116, 0x2116), (0x2121, 0x2121),  # ℃ № ℡
    (0x2160, 0x216B), (0x2170, 0x2179),  # Roman numerals
    (0x2190, 0x2193), (0x2212, 0x2212), (0x2236, 0x2236),
    (0x2460, 0x249B),  # ① … ⒛
    (0x2500, 0x254B), (0x25A0, 0x25CF), (0x2605, 0x2606),  # box drawing, shapes, ★☆
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、。〈〉《》「」『』【】〔〕〖〗
    (0x3220, 0x3229),  # ㈠ … ㈩
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width ASCII
    (0xFFE0, 0xFFE5),  # ￠￡￢￣￤￥
]


def _cps(ranges: list[tuple[int, int]]) -> set[int]:
    return {cp for a, b in ranges for cp in range(a, b + 1)}


def charset(weight: str, cmap: dict[int, str]) -> set[int]:
    """The code points kept for ``weight`` (only those the source maps)."""
    keep = _cps(COMMON_RANGES)
    if weight == "Regular":
        keep |= {cp for cp in cmap if 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF
                 or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF}
    else:
        keep |= gb2312_hanzi()
    return keep & set(cmap)


def gb2312_hanzi() -> set[int]:
    """The 6,763 ideographs of GB 2312 (levels 1 and 2), from Python's codec."""
    out = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(ch))
    return out


def _to_quadratic(font: TTFont, max_err: float = MAX_ERR) -> None:
    """CFF → glyf (after fontTools' Snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: ReportLab does not need them
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont, weight: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    ps = f"{PS_FAMILY}-{weight}"
    base = name.getDebugName(5) or ""
    values = {
        1: FAMILY, 2: weight, 3: f"{ps};courtapp subset of NotoSerifCJKsc-{weight} {base}",
        4: full, 6: ps, 16: FAMILY, 17: weight,
        10: "Subset of Noto Serif CJK SC (Adobe/Google, SIL OFL 1.1) for courtapp court "
            "documents, converted to TrueType outlines by tools/build_fonts.py.",
    }
    name.names = [r for r in name.names if r.nameID not in values and r.nameID not in (7,)
                  and r.platformID == 3]
    for nid, text in values.items():
        name.setName(text, nid, 3, 1, 0x409)


def build(weight: str, source_dir: Path, out_dir: Path) -> Path:
    src = source_dir / f"NotoSerifCJK-{weight}.ttc"
    font = TTFont(src, fontNumber=SC_INDEX)
    cps = charset(weight, font.getBestCmap())
    opts = subset.Options()
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"]
    opts.hinting = False
    opts.glyph_names = False
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17]
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=cps)
    sub.subset(font)
    _to_quadratic(font)
    _rename(font, weight)
    font["head"].flags |= 1 << 3  # integer ppem
    out = out_dir / f"{PS_FAMILY}-{weight}.ttf"
    font.save(out, reorderTables=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source-dir", type=Path, default=SOURCE_DIR)
    ap.add_argument("--out-dir", type=Path, default=OUT)
    ap.add_argument("--weight", choices=["Regular", "Bold"], action="append")
    args = ap.parse_args(argv)
    for weight in args.weight or ["Regular", "Bold"]:
        t = time.perf_counter()
        out = build(weight, args.source_dir, args.out_dir)
        f = TTFont(out, lazy=True)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
              f"{out.stat().st_size / 1e6:.1f} MB, {len(f.getBestCmap())} characters, "
              f"{time.perf_counter() - t:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
