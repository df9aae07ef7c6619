"""Keyset paging for every list: ``(after, limit) -> Page(rows, has_more)``.

A list never stops silently at N rows: it asks for the next page after the
last row it has until ``has_more`` is false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

#: Rows per page when a caller does not say.
PAGE_SIZE = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, in the list's order.  ``after`` for the next page is
    the key of the last row (``next_after``); ``has_more`` says whether it exists."""

    rows: Sequence[T]
    has_more: bool
    next_after: object | None = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def page_of(rows: Sequence[T], limit: int, key: Callable[[T], object]) -> Page[T]:
    """A page from ``limit + 1`` fetched rows: the extra row only says there is more."""
    has_more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, has_more, key(rows[-1]) if rows else None)


def every(fetch: Callable[[object | None], Page[T]]) -> Iterator[T]:
    """Every row of a paged list, page after page, to the last one."""
    after: object | None = None
    while True:
        page = fetch(after)
        yield from page.rows
        if not page.has_more:
            return
        after = page.next_after
