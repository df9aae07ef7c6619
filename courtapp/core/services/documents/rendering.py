"""The document pipeline as the register calls it (pluggable: a test or a benchmark
may replace these module attributes; callers look them up here at each call)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from courtapp.core.documents.model import DocKind, Document
from courtapp.core.domain.model import EnforcementCase


def build(kind: DocKind, case: EnforcementCase, **kw: Any) -> Document:
    from courtapp.core.documents import builders

    return builders.build(kind, case, **kw)


def render(doc: Document, qr_text: str | None) -> bytes:
    from courtapp.core.documents import render as renderer

    return renderer.render(doc, qr_text=qr_text)


def render_many(pairs: Sequence[tuple[Document, str | None]]) -> bytes:
    from courtapp.core.documents import render as renderer

    return renderer.render_many(pairs)


def missing_precondition() -> type[Exception]:
    from courtapp.core.documents import builders

    return builders.MissingPrecondition


def render_pure(item: tuple[Document, str | None]) -> bytes:
    """Top-level (picklable) render call for a process pool."""
    return render(item[0], item[1])


def print_file(pages: Sequence[tuple[Document, str | None]]) -> bytes:
    """One print file of issued contents with their QR texts: vector pages, one set
    of font subsets shared by every page (``render.render_many``)."""
    return render_many(pages)

