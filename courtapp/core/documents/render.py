"""Rendering a :class:`Document` to PDF with ReportLab platypus.  No Qt.

Layout (GB/T 9704-like): A4; margins top 37 mm, left 28 mm, right 26 mm,
bottom 35 mm (a 156 × 225 mm text block).  The court's full name and the
title are centred in the Song title face (Bold), the document number is
right-aligned, then the parties, the enforcement basis, the operative text,
the outstanding balance, the term, the legal basis and the remedy, and at the
bottom right the signer, a reserved zone for the court seal and the date.

- **Seal zone**: a 42 mm circle (its square) above the date, right-aligned
  with it, kept free of printed text; the wet-ink seal and signature go there.
  The last body paragraph is kept with the closing block so the signature page
  never stands alone.
- **QR code** (when ``qr_text`` is given): encoded once with zxing-cpp and drawn as
  one filled path (one rectangle per run of dark modules), 26 mm square at the
  bottom-left of the document's last page, captioned 扫码核验.
- **Page numbers** ("第1页　共2页") on documents of more than one page; in a
  combined PDF they count within each document.
- **Deterministic**: the same Document and QR text give the same bytes
  (ReportLab invariant mode, creation date = ``doc.issued_on``, document ID
  derived from the content hash).
- **Fonts**: only the embedded Courtapp Serif SC subsets; no Table (whose
  cells default to Helvetica), and the canvas's initial font is ours.  Any
  character the font lacks is refused (:class:`MissingGlyph`) before rendering.
- **ReportLab patches** (Chinese line breaking, no ASCII85, ToUnicode beyond
  the BMP) are installed by :func:`reportlab_compat.install` when the first
  document is rendered, never at import.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import zxingcpp
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from courtapp.core.documents import reportlab_compat
from courtapp.core.documents.fonts import (
    BODY_FONT,
    TITLE_FONT,
    check_glyphs,
    covers,
    register_fonts,
)
from courtapp.core.documents.model import Document, content_hash

PAGE_W, PAGE_H = A4
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_W = PAGE_W - LEFT - RIGHT
SEAL_DIAMETER = 42 * mm
QR_SIZE = 26 * mm

_DEFAULT_LABELS = {
    "zh": {"qr_caption": "扫码核验", "legal_basis_heading": "法律依据：", "page": "第{n}页　共{total}页"},
    "en": {"qr_caption": "Scan to verify", "legal_basis_heading": "Legal basis:",
           "page": "Page {n} of {total}"},
}


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, in points from the bottom-left corner."""

    page: int  # 1-based page of the PDF
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return x0 < self.x1 and x1 > self.x0 and y0 < self.y1 and y1 > self.y0


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    #: per document, in order: the pages it occupies (1-based, inclusive)
    doc_pages: list[tuple[int, int]] = field(default_factory=list)
    seal_zones: list[Box] = field(default_factory=list)
    qr_boxes: list[Box] = field(default_factory=list)


# ---------------------------------------------------------------- styles
@dataclass(frozen=True)
class _Styles:
    court: ParagraphStyle
    title: ParagraphStyle
    number: ParagraphStyle
    party: ParagraphStyle
    body: ParagraphStyle
    plain: ParagraphStyle
    heading: ParagraphStyle
    cjk: bool
    size: float
    leading: float


def _styles(lang: str, title_font: str, court_font: str) -> _Styles:
    cjk = lang == "zh"
    size, leading = (14.0, 22.5) if cjk else (11.5, 16.0)
    wrap: dict[str, Any] = {"wordWrap": "CJK"} if cjk else {}
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=size, leading=leading,
                          alignment=TA_JUSTIFY if cjk else TA_LEFT,
                          firstLineIndent=2 * size if cjk else 0,
                          spaceAfter=0 if cjk else 5, **wrap)
    return _Styles(
        court=ParagraphStyle("court", fontName=court_font, fontSize=20 if cjk else 15,
                             leading=30 if cjk else 20, alignment=TA_CENTER, **wrap),
        title=ParagraphStyle("title", fontName=title_font, fontSize=24 if cjk else 17,
                             leading=34 if cjk else 22, alignment=TA_CENTER, spaceBefore=4,
                             spaceAfter=6, **wrap),
        number=ParagraphStyle("number", fontName=BODY_FONT, fontSize=size, leading=leading,
                              alignment=TA_RIGHT, spaceAfter=6, **wrap),
        party=ParagraphStyle("party", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        body=body,
        plain=ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        heading=ParagraphStyle("heading", parent=body, firstLineIndent=2 * size if cjk else 0,
                               spaceBefore=0 if cjk else 4, keepWithNext=1),
        cjk=cjk, size=size, leading=leading)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _fitted(text: str, style: ParagraphStyle) -> Paragraph:
    """A centred heading (court name, title) fitted by :func:`title_lines`."""
    lines, size = title_lines(text, style.fontName, style.fontSize, TEXT_W)
    if size < style.fontSize:
        style = ParagraphStyle(style.name + "-fit", parent=style, fontSize=size,
                               leading=style.leading * size / style.fontSize)
    return _p("\n".join(lines), style)


def _spaced_title(title: str, cjk: bool) -> str:
    """Short Chinese titles are letter-spaced (决　定　书), as printed documents are."""
    if cjk and len(title) <= 5 and all("\u4e00" <= c <= "\u9fff" for c in title):
        sep = "\u3000" if len(title) <= 3 else " "
        return sep.join(title)
    return title


#: Where a Chinese title may break: after these marks...
TITLE_BREAK_AFTER = frozenset("、，：；")
#: ...and before these words: the kind of document that ends a title, and the
#: measure it concerns (…高铁 | 限制措施 | 决定书).
TITLE_BREAK_BEFORE = ("决定书", "通知书", "告知书", "申请书", "回执", "限制消费令", "限制措施",
                      "失信信息", "失信被执行人名单")
#: A title is set at least this share of its size before it is broken.
TITLE_MIN_SCALE = 0.8


def title_breaks(title: str) -> list[int]:
    """The positions a title may break at, word boundaries only: after 、，：；, before
    the document-kind word (…限制措施 | 决定书), and at spaces (English)."""
    cuts = {i + 1 for i, ch in enumerate(title[:-1]) if ch in TITLE_BREAK_AFTER or ch == " "}
    for word in TITLE_BREAK_BEFORE:
        cuts.update(m.start() for m in re.finditer(word, title) if m.start() > 0)
    # a shorter word inside a longer one (限制消费令 in 解除限制消费令) is not a boundary of its own
    return sorted(c for c in cuts if not any(c == m.start() + k for w in TITLE_BREAK_BEFORE
                                             for m in re.finditer(w, title)
                                             for k in range(1, len(w))))


def title_lines(title: str, font: str, size: float, width: float) -> tuple[list[str], float]:
    """The lines and size of a title that never breaks inside a word.

    One line at full size if it fits; else one line shrunk to no less than
    :data:`TITLE_MIN_SCALE`; else the fewest lines, broken only at
    :func:`title_breaks`, at the largest size at which every line fits.
    """
    from itertools import combinations

    def widest(lines: Sequence[str]) -> float:
        return max(stringWidth(line, font, 1) for line in lines) or 1.0

    one = min(size, width / widest([title]))
    if one >= size * TITLE_MIN_SCALE:
        return [title], one
    cuts = title_breaks(title)
    fallback: tuple[float, float, list[str]] = (one, 0.0, [title])
    for n in range(1, min(len(cuts), 3) + 1):
        best: tuple[float, float, list[str]] | None = None
        for chosen in combinations(cuts, n):
            bounds = [0, *chosen, len(title)]
            lines = [title[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
            w = widest(lines)
            fit = min(size, width / w)
            # the largest size, then the most even lines
            if best is None or (fit, -w) > (best[0], -best[1]):
                best = (fit, w, lines)
        if best is not None and best[0] >= size * TITLE_MIN_SCALE:
            return best[2], best[0]
        if best is not None and best[0] > fallback[0]:
            fallback = best
    return fallback[2], fallback[0]  # no break fits at TITLE_MIN_SCALE: the largest that fits


# ---------------------------------------------------------------- flowables
class _DocStart(Flowable):  # type: ignore[misc]
    """Zero-size marker: from here on the canvas draws document ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        canv: Any = self.canv
        canv.current_doc = self.index
        info: _DocInfo = canv.doc_infos[self.index]
        if info.first_page == 0:
            info.first_page = canv.getPageNumber()


class _Closing(Flowable):  # type: ignore[misc]
    """Signer, the reserved seal zone (kept empty) and the date, at the right."""

    def __init__(self, signer_line: str, date_line: str, index: int, style: _Styles, *,
                 blank: bool = False) -> None:
        super().__init__()
        self.signer_line = signer_line.rstrip()
        #: no name on record: a rule is left for the handwritten name
        self.blank = blank
        self.date_line = date_line
        self.index = index
        self.st = style
        self.size = style.size
        self.gap = 4 * self.size if style.cjk else 2 * self.size  # 右空四字
        self.line = style.leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 2.4 + SEAL_DIAMETER + 6
        return self.width, self.height

    def draw(self) -> None:
        c: Any = self.canv
        size = self.size
        right = self.width - self.gap
        date_w = stringWidth(self.date_line, BODY_FONT, size)
        rule = 6 * size if self.blank else 0.0
        signer_w = stringWidth(self.signer_line, BODY_FONT, size) + (size + rule if self.blank else 0)
        block_w = max(date_w, signer_w, SEAL_DIAMETER)
        centre = right - block_w / 2
        c.setFont(BODY_FONT, size)
        # the date on the bottom line, the signer on the top one, right-aligned together
        y_date = self.size * 0.3
        c.drawString(right - date_w, y_date, self.date_line)
        y_signer = self.height - self.size * 1.0
        c.drawString(right - signer_w, y_signer, self.signer_line)
        if self.blank:  # the line the officer signs on by hand
            c.saveState()
            c.setLineWidth(0.6)
            c.line(right - rule, y_signer - 0.15 * size, right, y_signer - 0.15 * size)
            c.restoreState()
        # the seal zone between them: nothing is printed here
        z_y0 = y_date + size + 2
        z_x0 = centre - SEAL_DIAMETER / 2
        ax0, ay0 = c.absolutePosition(z_x0, z_y0)
        box = Box(c.getPageNumber(), ax0, ay0, ax0 + SEAL_DIAMETER, ay0 + SEAL_DIAMETER)
        c.seal_zones.append((self.index, box))
        if c.show_guides:
            c.saveState()
            c.setStrokeColorRGB(0.8, 0.2, 0.2)
            c.setDash(2, 2)
            c.setLineWidth(0.4)
            c.circle(centre, z_y0 + SEAL_DIAMETER / 2, SEAL_DIAMETER / 2, stroke=1, fill=0)
            c.restoreState()


# ---------------------------------------------------------------- QR code
#: Error correction level M (15 %): a printed page may be folded or stamped.
QR_ERROR = "M"
_TO_BITS = bytes.maketrans(b"\x00\xff", b"01")


@dataclass(frozen=True)
class QrImage:
    """An encoded QR symbol as a PDF 1-bit image mask (ASCII hex)."""

    modules: int
    hex_rows: str


def qr_image(text: str) -> QrImage:
    """Encode once with zxing-cpp (C++; the mask is chosen by the standard's
    penalty rules) and pack the module matrix as a 1-bit image mask: a 0 bit
    is a dark module, painted in black; rows are padded to whole bytes.

    Drawn as one inline image scaled to the symbol's size, without
    interpolation, the code stays sharp at any resolution and costs one
    operator instead of hundreds of rectangles.
    """
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=QR_ERROR)
    view = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    n = view.shape[0] if view.shape else 0
    data = view.tobytes().translate(_TO_BITS)
    width = (n + 7) // 8 * 8
    parts = []
    for r in range(n):
        bits = data[r * n:(r + 1) * n].decode("ascii").ljust(width, "1")
        parts.append(int(bits, 2).to_bytes(width // 8, "big").hex())
    return QrImage(n, "".join(parts))


#: QR symbols encoded lately, by text: a batch's print file sets the codes its
#: documents were just issued with, and encoding is ~2.5 ms a code (issue 11).
QR_CACHE = 2048


@functools.lru_cache(maxsize=QR_CACHE)
def _qr_image_cached(text: str) -> QrImage:
    return qr_image(text)


def clear_qr_cache() -> None:
    """Forget the encoded QR symbols (benchmarks time the encoding itself)."""
    _qr_image_cached.cache_clear()


def _draw_qr(c: Canvas, x: float, y: float, size: float, qr: QrImage) -> None:
    """The symbol inside a quiet zone of 4 modules, as one inline image mask."""
    n = qr.modules
    module = size / (n + 8)
    side = module * n
    x0, y0 = x + 4 * module, y + 4 * module
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.addLiteral(f"{side:.4f} 0 0 {side:.4f} {x0:.4f} {y0:.4f} cm "
                 f"BI /W {n} /H {n} /IM true /BPC 1 /F /AHx /Interpolate false ID "
                 f"{qr.hex_rows}> EI")
    c.restoreState()


# ---------------------------------------------------------------- canvas
@dataclass
class _DocInfo:
    doc: Document
    qr: QrImage | None
    page_label: str
    qr_caption: str
    first_page: int = 0


class _DeferredCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until save() so each can carry 'page n of total' and the
    last page of each document its QR code."""

    doc_infos: list[_DocInfo]
    show_guides: bool

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current_doc = 0
        self.seal_zones: list[tuple[int, Box]] = []
        self.qr_boxes: list[tuple[int, Box]] = []
        self._saved_pages: list[tuple[int, dict[str, Any]]] = []

    def showPage(self) -> None:
        self._saved_pages.append((self.current_doc, dict(self.__dict__)))
        self._startPage()

    def save(self) -> None:
        counts: dict[int, int] = {}
        for d, _ in self._saved_pages:
            counts[d] = counts.get(d, 0) + 1
        seen: dict[int, int] = {}
        for d, state in self._saved_pages:
            self.__dict__.update(state)
            seen[d] = seen.get(d, 0) + 1
            self._decorate(self.doc_infos[d], d, seen[d], counts[d])
            Canvas.showPage(self)
        Canvas.save(self)

    def _decorate(self, info: _DocInfo, d: int, n: int, total: int) -> None:
        if total > 1:
            label = info.page_label.format(n=n, total=total)
            self.setFont(BODY_FONT, 10.5)
            self.drawCentredString(PAGE_W / 2, 18 * mm, label)
        if info.qr is not None and n == total:
            x, y = LEFT, 6 * mm
            _draw_qr(self, x, y, QR_SIZE, info.qr)
            self.setFont(BODY_FONT, 9)
            self.drawString(x + QR_SIZE + 2 * mm, y + 4 * mm, info.qr_caption)
            self.qr_boxes.append((d, Box(self.getPageNumber(), x, y, x + QR_SIZE, y + QR_SIZE)))


# ---------------------------------------------------------------- story
def _labels(doc: Document) -> dict[str, str]:
    labels = dict(_DEFAULT_LABELS.get(doc.lang, _DEFAULT_LABELS["zh"]))
    given = doc.extra.get("labels")
    if isinstance(given, dict):
        labels.update({str(k): str(v) for k, v in given.items()})
    return labels


def _texts(doc: Document) -> list[tuple[str, str]]:
    """Every string the document prints, with where it comes from."""
    out = [("court_name", doc.court_name), ("title", doc.title), ("number", doc.number),
           ("case_number", doc.case_number), ("basis", doc.basis), ("term", doc.term),
           ("remedy", doc.remedy), ("outstanding", doc.outstanding), ("signer", doc.signer),
           ("signer_title", doc.signer_title), ("supersedes", doc.supersedes)]
    for i, p in enumerate(doc.parties):
        out += [(f"parties[{i}].role", p.role), (f"parties[{i}].name", p.name),
                (f"parties[{i}].identifier", p.identifier), (f"parties[{i}].detail", p.detail)]
    out += [(f"body[{i}]", t) for i, t in enumerate(doc.body)]
    out += [(f"legal_basis[{i}]", t) for i, t in enumerate(doc.legal_basis)]
    out += [(f"labels.{k}", v) for k, v in sorted(_labels(doc).items())]
    return out


def check_document(doc: Document) -> None:
    """Refuse a document with a character the font lacks (names the field and character)."""
    register_fonts()
    for where, text in _texts(doc):
        check_glyphs(text, where=where)


def _story(doc: Document, index: int) -> list[Flowable]:
    labels = _labels(doc)
    cjk = doc.lang == "zh"
    title_font = TITLE_FONT if covers(doc.title, TITLE_FONT) else BODY_FONT
    court_font = TITLE_FONT if covers(doc.court_name, TITLE_FONT) else BODY_FONT
    st = _styles(doc.lang, title_font, court_font)
    colon = "：" if cjk else ": "
    comma = "，" if cjk else ", "
    stop = "。" if cjk else "."
    story: list[Flowable] = [_DocStart(index), _fitted(doc.court_name, st.court),
                             _fitted(_spaced_title(doc.title, cjk), st.title), _p(doc.number, st.number)]
    if doc.case_number and doc.case_number not in doc.number:
        story.append(_p(labels.get("case_number") or doc.case_number, st.number))
    for party in doc.parties:
        lines = (party.detail or party.identifier).split("\n")
        first = f"{party.role}{colon}{party.name}{comma}{lines[0]}"
        story.append(_p(first if first.endswith(stop) else first + stop, st.party))
        for more in lines[1:]:
            story.append(_p(more if more.endswith(stop) else more + stop, st.party))
    story.append(Spacer(1, st.leading * 0.25))
    body = list(doc.body)
    if body and len(body[0]) < 60 and body[0].rstrip().endswith(("：", ":")):
        story.append(_p(body.pop(0), st.plain))  # the addressee, before the text
    if doc.basis:
        story.append(_p(doc.basis, st.body))
    for text in body:
        story.append(_p(text, st.body))
    for text in (doc.outstanding, doc.term):
        if text:
            story.append(_p(text, st.body))
    if len(doc.legal_basis) == 1:
        sep = "" if cjk else " "
        story.append(_p(labels["legal_basis_heading"] + sep + doc.legal_basis[0], st.body))
    elif doc.legal_basis:
        story.append(_p(labels["legal_basis_heading"], st.heading))
        for line in doc.legal_basis:
            story.append(_p(line, st.body))
    tail: list[Flowable] = []
    if doc.remedy:
        tail.append(_p(doc.remedy, st.body))
    if doc.supersedes:
        text = labels.get("supersedes") or doc.supersedes
        tail.append(_p(text, st.body))
    signer_line = labels.get("signer_line") or f"{doc.signer_title}　{doc.signer}"
    date_line = labels.get("signature_date") or doc.issued_on.isoformat()
    closing = _Closing(signer_line, date_line, index, st, blank=not doc.signer.strip())
    if tail:
        story += tail[:-1]
        story.append(KeepTogether([tail[-1], Spacer(1, 4), closing]))
    else:
        story.append(KeepTogether([story.pop(), Spacer(1, 4), closing]))
    return story


# ---------------------------------------------------------------- entry points
def _build(items: Sequence[tuple[Document, str | None]], *, show_guides: bool = False) -> RenderResult:
    if not items:
        raise ValueError("nothing to render")
    reportlab_compat.install()
    register_fonts()
    infos: list[_DocInfo] = []
    story: list[Flowable] = []
    for i, (doc, qr_text) in enumerate(items):
        check_document(doc)
        labels = _labels(doc)
        infos.append(_DocInfo(doc, _qr_image_cached(qr_text) if qr_text else None, labels["page"],
                              labels["qr_caption"]))
        if i:
            story.append(PageBreak())
        story += _story(doc, i)

    first = items[0][0]
    stamp = first.issued_on.strftime("D:%Y%m%d000000+08'00'")
    seed = hashlib.sha256("\n".join(
        content_hash(d) + (q or "") for d, q in items).encode("utf-8")).digest()

    class _Canvas(_DeferredCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.doc_infos = infos
            self.show_guides = show_guides
            self.setDateFormatter(lambda *a: stamp)
            sig = hashlib.md5(usedforsecurity=False)
            sig.update(seed)
            self._doc.signature = sig

    buf = io.BytesIO()
    template = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=first.title if len(items) == 1 else f"{first.title} …",
        author=first.court_name, subject=first.number, creator="courtapp",
        invariant=1, initialFontName=BODY_FONT, initialFontSize=12, lang="zh-CN"
        if first.lang == "zh" else "en")
    frame = Frame(LEFT, BOTTOM, TEXT_W, PAGE_H - TOP - BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvases: list[_DeferredCanvas] = []

    def maker(*args: Any, **kwargs: Any) -> _DeferredCanvas:
        c = _Canvas(*args, **kwargs)
        canvases.append(c)
        return c

    template.build(story, canvasmaker=maker)
    canv = canvases[-1]
    pages = len(canv._saved_pages)
    spans: list[tuple[int, int]] = []
    for i, info in enumerate(infos):
        last = infos[i + 1].first_page - 1 if i + 1 < len(infos) else pages
        spans.append((info.first_page, last))
    return RenderResult(pdf=buf.getvalue(), pages=pages, doc_pages=spans,
                        seal_zones=[b for _, b in canv.seal_zones],
                        qr_boxes=[b for _, b in canv.qr_boxes])


def render_result(doc: Document, *, qr_text: str | None = None,
                  show_guides: bool = False) -> RenderResult:
    """Render one document; the PDF with its page count and the seal-zone and QR rectangles."""
    return _build([(doc, qr_text)], show_guides=show_guides)


def render(doc: Document, *, qr_text: str | None = None) -> bytes:
    """The PDF of ``doc``; the same document and QR text give the same bytes."""
    return _build([(doc, qr_text)]).pdf


def render_many_result(docs_with_qr: Iterable[tuple[Document, str | None]], *,
                       show_guides: bool = False) -> RenderResult:
    return _build(list(docs_with_qr), show_guides=show_guides)


def render_many(docs_with_qr: Iterable[tuple[Document, str | None]]) -> bytes:
    """One combined PDF (for batch printing); each document starts on a new page
    and numbers its own pages."""
    return _build(list(docs_with_qr)).pdf
