"""The register table: one row per issued document (newest first, or in the
order of the clicked column, ordered by the database), a page at a time:
the first page shows at once, the next ones as the user scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from courtapp.core.documents.model import DocKind
from courtapp.core.domain.paging import Page
from courtapp.core.services import documents as ds
from courtapp.core.services import listing as ls
from courtapp.ui.documents.labels import kind_label
from courtapp.ui.i18n import QT_TRANSLATE_NOOP
from courtapp.ui.paged import PagedTableModel

_Index = QModelIndex | QPersistentModelIndex

# Register entries per page: the first page shows at once, the next as the user scrolls.
PAGE_SIZE = 200

(COL_NUMBER, COL_KIND, COL_CASE, COL_RESPONDENT, COL_ISSUED, COL_SIGNER, COL_SUPERSEDED,
 COL_SERVICE) = range(8)

HEADERS = (
    QT_TRANSLATE_NOOP("RegisterModel", "Document number"),
    QT_TRANSLATE_NOOP("RegisterModel", "Kind"),
    QT_TRANSLATE_NOOP("RegisterModel", "Case number"),
    QT_TRANSLATE_NOOP("RegisterModel", "Respondent"),
    QT_TRANSLATE_NOOP("RegisterModel", "Issued on"),
    QT_TRANSLATE_NOOP("RegisterModel", "Signer"),
    QT_TRANSLATE_NOOP("RegisterModel", "Superseded"),
    QT_TRANSLATE_NOOP("RegisterModel", "Service"),
)

_NOT_SERVED = QT_TRANSLATE_NOOP("RegisterModel", "not served")
_EVERY_RESPONDENT = QT_TRANSLATE_NOOP("RegisterModel", "every respondent")
_BY = QT_TRANSLATE_NOOP("RegisterModel", "by %1")
_SUPERSEDED_TIP = QT_TRANSLATE_NOOP("RegisterModel", "Superseded by %1; the register keeps both.")
_CORRECTS_TIP = QT_TRANSLATE_NOOP("RegisterModel", "Corrects %1.")

#: The server-side order of each column (issue 12 §2): keys of ``DOCUMENT_SORT``.
#: The service column comes from the listing, not the register: it is not sortable.
COLUMN_SORT: dict[int, str] = {
    COL_NUMBER: "number", COL_KIND: "kind", COL_CASE: "case_number",
    COL_RESPONDENT: "respondent", COL_ISSUED: "issued_on", COL_SIGNER: "signer",
    COL_SUPERSEDED: "superseded",
}

_GREY = QColor(0x80, 0x80, 0x80)
_ALERT = QColor(0xA0, 0x1C, 0x1C)
_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


class RegisterModel(PagedTableModel[ds.IssuedDocument]):
    """Issued documents; ``RowRole`` gives the :class:`IssuedDocument`, ``SortRole``
    the raw value (dates as dates).  The page fills it a page at a time
    (:meth:`show_page`; ``more_wanted`` when the view wants the next)."""

    RowRole = int(Qt.ItemDataRole.UserRole) + 1
    SortRole = int(Qt.ItemDataRole.UserRole) + 2
    sort_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listings: dict[int, ls.ListingOverview] = {}
        #: (sort key, descending): newest first until a header is clicked.
        self.order: tuple[str, bool] = ("oldest", True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the rows are not reordered here; the page loads them in
        this order from the database (``sort_requested``)."""
        if column >= 0 and column not in COLUMN_SORT:
            return  # the service column: not sortable on the server
        key = COLUMN_SORT[column] if column >= 0 else "oldest"
        wanted = (key, key == "oldest" or order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.sort_requested.emit()

    def sort_column(self) -> int:
        return next((c for c, k in COLUMN_SORT.items() if k == self.order[0]), -1)

    def set_rows(self, rows: list[ds.IssuedDocument],
                 listings: dict[int, ls.ListingOverview] | None = None) -> None:
        """Every row at once (nothing more to fetch)."""
        self.show_page(Page(list(rows), False), listings or {}, first=True)

    def show_page(self, page: Page[ds.IssuedDocument],
                  listings: dict[int, ls.ListingOverview], *, first: bool) -> None:
        """The first page of a new load (``first``), or the next page; ``listings``:
        the listings its listing decisions were issued from."""
        if first:
            self._listings = dict(listings)
            self._show_first_page(page)
        else:
            self._listings.update(listings)
            self._append_page(page)

    def document(self, row: int) -> ds.IssuedDocument:
        return self._rows[row]

    def row_of(self, document_id: int) -> int:
        return next((i for i, d in enumerate(self._rows) if d.id == document_id), -1)

    def listing_of(self, d: ds.IssuedDocument) -> ls.ListingOverview | None:
        """The listing a listing decision was issued from (for its service)."""
        if d.kind is not DocKind.LISTING_DECISION or d.listing_id is None:
            return None
        return self._listings.get(d.listing_id)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    @staticmethod
    def superseded_text(number: str) -> str:
        return _t(_BY).replace("%1", number)

    def _service(self, d: ds.IssuedDocument) -> str:
        o = self.listing_of(d)
        if o is None:
            return ""
        served = o.record.listing.served_on
        return served.isoformat() if served else _t(_NOT_SERVED)

    def _display(self, d: ds.IssuedDocument, col: int) -> str:
        if col == COL_NUMBER:
            return d.number
        if col == COL_KIND:
            return kind_label(d.kind) + (" (EN)" if d.lang == "en" else "")
        if col == COL_CASE:
            return d.case_number
        if col == COL_RESPONDENT:
            return d.respondent_name or _t(_EVERY_RESPONDENT)
        if col == COL_ISSUED:
            return d.issued_on.isoformat()
        if col == COL_SIGNER:
            return d.signer
        if col == COL_SUPERSEDED:
            return self.superseded_text(d.superseded_by) if d.superseded_by else ""
        return self._service(d)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(d, col)
        if role == self.SortRole:
            return {COL_ISSUED: d.issued_on.toordinal(), COL_NUMBER: d.id}.get(
                col, self._display(d, col))
        if role == Qt.ItemDataRole.ToolTipRole:
            if d.superseded_by:
                return _t(_SUPERSEDED_TIP).replace(
                    "%1", d.superseded_by)
            if d.supersedes:
                return _t(_CORRECTS_TIP).replace("%1", d.supersedes)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if d.superseded_by:
                return _GREY
            if col == COL_SERVICE and self._service(d) == _t(_NOT_SERVED):
                return _ALERT
            return None
        if role == Qt.ItemDataRole.FontRole and d.superseded_by and col == COL_NUMBER:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ISSUED, COL_SERVICE):
            return _CENTER
        if role == self.RowRole:
            return d
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return _t(HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(HEADERS) - 1))
