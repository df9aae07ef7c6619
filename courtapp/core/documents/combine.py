"""One print file from many issued PDFs, fast.

Batch printing puts the exact pages of the issued documents into one file.
pypdf's merge takes about 4 ms a document (it parses and clones every
object); the documents here all come from ReportLab plus the register's
incremental update (classic xref tables, no object streams), so their objects
can be copied as bytes, renumbered, under one new page tree: about 0.3 ms a
document.  Anything else (an xref stream, a parsing surprise) falls back to
pypdf, so the result is always a valid PDF.

The print file is for printing: it carries no verification data and no
signature; each document is verified on its own (``signing.verify_pdf``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R\b")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


class _Unsupported(Exception):
    pass


def _body(pdf: bytes) -> bytes:
    """The file up to its last ``%%EOF`` (without the register's signature line)."""
    end = pdf.rfind(b"%%EOF")
    if end < 0:
        raise _Unsupported("no %%EOF")
    return pdf[:end + 5]


def _xref(pdf: bytes) -> tuple[dict[int, int], list[bytes]]:
    """Object offsets (latest revision wins) and every trailer dictionary."""
    found = list(_STARTXREF.finditer(pdf))
    if not found:
        raise _Unsupported("no startxref")
    at: int | None = int(found[-1].group(1))
    offsets: dict[int, int] = {}
    trailers: list[bytes] = []
    seen: set[int] = set()
    while at is not None:
        if at in seen or not pdf.startswith(b"xref", at):
            raise _Unsupported("not a classic xref table")
        seen.add(at)
        t = pdf.find(b"trailer", at)
        if t < 0:
            raise _Unsupported("no trailer")
        lines = pdf[at + 4:t].split()
        k = 0
        while k < len(lines):
            first, count = int(lines[k]), int(lines[k + 1])
            k += 2
            for j in range(count):
                off, _gen, kind = lines[k], lines[k + 1], lines[k + 2]
                k += 3
                if kind == b"n":
                    offsets.setdefault(first + j, int(off))
        end = pdf.find(b"startxref", t)
        trailer = pdf[t:end]
        trailers.append(trailer)
        prev = re.search(rb"/Prev\s+(\d+)", trailer)
        at = int(prev.group(1)) if prev else None
    return offsets, trailers


def _object(pdf: bytes, num: int, offset: int) -> bytes:
    m = _OBJ.match(pdf, offset)
    if m is None or int(m.group(1)) != num:
        raise _Unsupported(f"object {num} not at its offset")
    start = m.end()
    stream = pdf.find(b"stream", start)
    endobj = pdf.find(b"endobj", start)
    if endobj < 0:
        raise _Unsupported("no endobj")
    if 0 <= stream < endobj:
        length = re.search(rb"/Length\s+(\d+)(?![\d\s]*R)", pdf[start:stream])
        if length is None:
            raise _Unsupported("stream without a direct /Length")
        data_at = stream + 6
        data_at += 2 if pdf[data_at:data_at + 2] == b"\r\n" else 1
        endobj = pdf.find(b"endobj", data_at + int(length.group(1)))
    return pdf[start:endobj].strip()


def _shift(base: int) -> Callable[[re.Match[bytes]], bytes]:
    def shifted(m: re.Match[bytes]) -> bytes:
        return b"%d 0 R" % (int(m.group(1)) + base)

    return shifted


def _fast(pdfs: Sequence[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\x93\x8c\x8b\x9e courtapp print file\n")
    offsets: list[int] = [0, 0, 0]  # 1: catalog, 2: pages, 3: info (written last)
    kids: list[int] = []
    next_num = 4
    for raw in pdfs:
        pdf = _body(raw)
        table, trailers = _xref(pdf)
        root = re.search(rb"/Root\s+(\d+)\s+\d+\s+R", trailers[0])
        if root is None:
            raise _Unsupported("no /Root")
        skip = {int(root.group(1))}
        for tr in trailers:
            info = re.search(rb"/Info\s+(\d+)\s+\d+\s+R", tr)
            if info:
                skip.add(int(info.group(1)))
        catalog = _object(pdf, int(root.group(1)), table[int(root.group(1))])
        pages_ref = re.search(rb"/Pages\s+(\d+)\s+\d+\s+R", catalog)
        if pages_ref is None:
            raise _Unsupported("no /Pages")
        pages_num = int(pages_ref.group(1))
        pages_obj = _object(pdf, pages_num, table[pages_num])
        kid_list = re.search(rb"/Kids\s*\[([^\]]*)\]", pages_obj)
        if kid_list is None or re.search(rb"/Kids", pages_obj[kid_list.end():]):
            raise _Unsupported("no flat /Kids")
        doc_kids = [int(k) for k in re.findall(rb"(\d+)\s+\d+\s+R", kid_list.group(1))]
        for k in doc_kids:
            if b"/Type /Pages" in _object(pdf, k, table[k]).replace(b"/Type/Pages", b"/Type /Pages"):
                raise _Unsupported("nested page tree")
        skip.add(pages_num)
        base = next_num
        top = max(table)
        for num in sorted(table):
            if num in skip:
                continue
            body = _object(pdf, num, table[num])
            stream = body.find(b"stream")
            head, tail = (body, b"") if stream < 0 else (body[:stream], body[stream:])
            head = _REF.sub(_shift(base), head)
            head = re.sub(rb"/Parent\s+\d+\s+\d+\s+R", b"/Parent 2 0 R", head)
            new = num + base
            while len(offsets) <= new:
                offsets.append(0)
            offsets[new] = len(out)
            out += b"%d 0 obj\n" % new + head + tail + b"\nendobj\n"
        kids += [k + base for k in doc_kids]
        next_num = base + top + 1
    size = max(next_num, len(offsets))
    while len(offsets) < size:
        offsets.append(0)
    for num, body in ((1, b"<< /Type /Catalog /Pages 2 0 R >>"),
                      (2, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
                          len(kids), b" ".join(b"%d 0 R" % k for k in kids))),
                      (3, b"<< /Producer (courtapp) /Title (courtapp print file) >>")):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[num]) if offsets[num] else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _with_pypdf(pdfs: Sequence[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def combine(pdfs: Sequence[bytes]) -> bytes:
    """One PDF with every page of ``pdfs``, in order."""
    if not pdfs:
        raise ValueError("nothing to combine")
    try:
        return _fast(pdfs)
    except (_Unsupported, ValueError, KeyError, IndexError):
        return _with_pypdf(pdfs)
