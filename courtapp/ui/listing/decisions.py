"""The Decisions page (navigation "Listings"): listing decisions and their steps.

- A table of the listings of every case or of one case, filtered by status:
  drafts awaiting signature, awaiting publication, published, removed;
  ordered by the database (newest first, or by the clicked column).  The
  first page shows at once and the next ones as the user scrolls; the total
  is counted after the first page (issue 12 §2).
- "Signed but not served" (2019 Opinion item 14) is an alert at the top,
  never a silent state.
- Actions by permission: the president signs a draft (院长签发) after a
  confirmation showing the decision; a judge or clerk records service; an
  administrator publishes the listings that are due.  Buttons the user's
  roles do not allow are disabled, and the services refuse anyway.
- The selected listing's decision, and its respondent's state and history.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import ConflictError
from courtapp.core.domain.listing import Listing, ListingStatus
from courtapp.core.domain.model import ServiceMethod
from courtapp.core.domain.paging import Page
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import listing as ls
from courtapp.core.services.workload import PublicationOutlook, publication_outlook
from courtapp.ui.changes import follow_changes
from courtapp.ui.errors import conflict_text, describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.data import (
    DecisionsData,
    RespondentHistory,
    count_decisions,
    load_decisions,
    load_decisions_page,
    load_history,
)
from courtapp.ui.listing.labels import (
    REMOVAL,
    RESTRICTION_STATUS,
    SERVICE_METHOD,
    STATUS,
    ground_number,
    ground_title,
    grounds_text,
    is_chinese,
    item_text,
    label,
    pydate,
    qdate,
    term_text,
    tl,
)
from courtapp.ui.listing.widgets import HistoryTable, StateStrip, banner, set_banner
from courtapp.ui.paged import PagedTableModel, TotalLabel
from courtapp.ui.scope import scoped_case_id, set_case_scope
from courtapp.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

# Listings per page: the first page shows at once, the next as the user scrolls.
PAGE_SIZE = 200

(COL_CASE, COL_RESPONDENT, COL_STATUS, COL_GROUNDS, COL_TERM, COL_DECIDED, COL_SIGNED_BY,
 COL_GRACE, COL_SERVED, COL_PUBLISHED) = range(10)

_HEADERS = (
    QT_TRANSLATE_NOOP("ListingTableModel", "Case number"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Respondent"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Status"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Grounds"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Term"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Decided on"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Signed by"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Grace until"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Served on"),
    QT_TRANSLATE_NOOP("ListingTableModel", "Published on"),
)

#: The status filter: label and the statuses it shows (None: all).
FILTERS: tuple[tuple[str, list[ListingStatus] | None], ...] = (
    (QT_TRANSLATE_NOOP("DecisionsPage", "All decisions"), None),
    (QT_TRANSLATE_NOOP("DecisionsPage", "Drafts awaiting signature"), [ListingStatus.DRAFT]),
    (QT_TRANSLATE_NOOP("DecisionsPage", "Awaiting publication"),
     [ListingStatus.AWAITING_PUBLICATION]),
    (QT_TRANSLATE_NOOP("DecisionsPage", "Published"), [ListingStatus.PUBLISHED]),
    (QT_TRANSLATE_NOOP("DecisionsPage", "Removed"), [ListingStatus.REMOVED]),
)

# The filter the alert's decisions are found under (awaiting publication).
ALERT_FILTER = next(i for i, (_text, statuses) in enumerate(FILTERS)
                    if statuses == [ListingStatus.AWAITING_PUBLICATION])

translate = QCoreApplication.translate

_ALERT = QColor(0xA0, 0x1C, 0x1C)
_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def status_text(rec: ls.ListingRecord, today: date) -> str:
    """The status as a reader needs it: what happens next."""
    lst = rec.listing
    if lst.status is ListingStatus.AWAITING_PUBLICATION:
        if lst.served_on is None:
            return translate("Listing", "Signed, NOT SERVED")
        if lst.grace_until is not None and today <= lst.grace_until:
            return translate("Listing", "Warned: grace until %1").replace(
                "%1", lst.grace_until.isoformat())
        return translate("Listing", "Served, awaiting publication")
    if lst.status is ListingStatus.REMOVED and lst.removal_kind is not None:
        return f"{tl(STATUS[lst.status])} ({label(REMOVAL, lst.removal_kind)})"
    return tl(STATUS[lst.status])


def _d(d: date | None) -> str:
    return d.isoformat() if d else ""


#: The server-side order of each column (issue 12 §2): keys of ``LISTING_SORT``.
COLUMN_SORT: dict[int, str] = {
    COL_CASE: "case_number", COL_RESPONDENT: "respondent", COL_STATUS: "status",
    COL_GROUNDS: "grounds", COL_TERM: "term", COL_DECIDED: "decided_on",
    COL_SIGNED_BY: "signed_by", COL_GRACE: "grace_until", COL_SERVED: "served_on",
    COL_PUBLISHED: "published_on",
}


class ListingTableModel(PagedTableModel[ls.ListingOverview]):
    """Listing overviews (one row each); ``RowRole`` gives the overview.

    Sorting (a header click) does not reorder rows here: it sets :attr:`order`
    and emits ``sort_requested``, and the page loads the rows in that order from
    the database, a page at a time (:meth:`show_page`; ``more_wanted`` when the
    view wants the next).
    """

    RowRole = int(Qt.ItemDataRole.UserRole) + 1
    sort_requested = Signal()

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        #: (sort key, descending): newest first until a header is clicked.
        self.order: tuple[str, bool] = ("newest", True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_SORT.get(column, "newest") if column >= 0 else "newest"
        wanted = (key, key == "newest" or order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.sort_requested.emit()

    def sort_column(self) -> int:
        return next((c for c, k in COLUMN_SORT.items() if k == self.order[0]), -1)

    def set_rows(self, rows: list[ls.ListingOverview]) -> None:
        """Every row at once (nothing more to fetch)."""
        self.show_page(Page(list(rows), False), first=True)

    def show_page(self, page: Page[ls.ListingOverview], *, first: bool) -> None:
        """The first page of a new load (``first``), or the next page."""
        if first:
            self._show_first_page(page)
        else:
            self._append_page(page)

    def overview(self, row: int) -> ls.ListingOverview:
        return self._rows[row]

    def row_of(self, listing_id: int) -> int:
        return next((i for i, o in enumerate(self._rows) if o.record.id == listing_id), -1)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def _display(self, o: ls.ListingOverview, col: int) -> str:
        rec, lst = o.record, o.record.listing
        return {
            COL_CASE: rec.case_number,
            COL_RESPONDENT: o.respondent_name,
            COL_STATUS: status_text(rec, self._today()),
            COL_GROUNDS: grounds_text(lst.grounds),
            COL_TERM: term_text(lst.term_years, lst.extension_years),
            COL_DECIDED: _d(lst.decided_on),
            COL_SIGNED_BY: lst.signed_by or "",
            COL_GRACE: _d(lst.grace_until),
            COL_SERVED: _d(lst.served_on),
            COL_PUBLISHED: _d(lst.published_on),
        }[col]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(o, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS:
            return self._display(o, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_STATUS, COL_SERVED) \
                and o.record.listing.signed_not_served():
            return _ALERT
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
                COL_DECIDED, COL_GRACE, COL_SERVED, COL_PUBLISHED):
            return _CENTER
        if role == self.RowRole:
            return o
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(_HEADERS):
            return QCoreApplication.translate("ListingTableModel", _HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(_HEADERS) - 1))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def decision_html(o: ls.ListingOverview, today: date) -> str:
    """The decision as the president reads it before signing."""
    rec, lst = o.record, o.record.listing
    served = _d(lst.served_on)
    if lst.served_on and lst.service_method:
        served += f" ({_esc(label(SERVICE_METHOD, lst.service_method))})"
    grounds = "<br>".join(f"{ground_number(g)} {_esc(ground_title(g))}"
                          for g in sorted(lst.grounds))
    rows = [
        (translate("DecisionSummary", "Case"), rec.case_number),
        (translate("DecisionSummary", "Respondent"), o.respondent_name),
        (translate("DecisionSummary", "Status"), status_text(rec, today)),
        (translate("DecisionSummary", "Grounds"), grounds or "–"),
        (translate("DecisionSummary", "Term"),
         _esc(term_text(lst.term_years, lst.extension_years))),
        (translate("DecisionSummary", "Decision date"), _d(lst.decided_on)),
        (translate("DecisionSummary", "Grace period until"),
         _d(lst.grace_until) or translate("DecisionSummary", "no warning")),
        (translate("DecisionSummary", "Prepared by"), _esc(rec.prepared_by)),
        (translate("DecisionSummary", "Signed by"),
         _esc(lst.signed_by or translate("DecisionSummary", "not signed yet"))),
        (translate("DecisionSummary", "Served"),
         served or translate("DecisionSummary", "not served")),
        (translate("DecisionSummary", "Published on"), _d(lst.published_on) or "–"),
    ]
    html = ["<table cellspacing='0' cellpadding='3'>"]
    for k, v in rows:
        html.append(f"<tr><td style='color:#555; padding-right:12px' valign='top'>{_esc(k)}</td>"
                    f"<td>{v}</td></tr>")
    html.append("</table>")
    # One language at a time (issue 12 §6): the reasons in the interface's language;
    # a decision written in Chinese only says so in the English interface.
    text, heading = rec.reasons_zh, translate("DecisionSummary", "Reasons")
    if not is_chinese():
        if rec.reasons_en.strip():
            text = rec.reasons_en
        else:
            heading = translate("DecisionSummary", "Reasons (as written in the decision, in Chinese)")
    html.append(f"<p><b>{_esc(heading)}</b><br>" + _esc(text).replace("\n", "<br>") + "</p>")
    order = translate("DecisionSummary", "Consumption restriction order")
    html.append(f"<p><b>{_esc(order)}</b></p><ul>")
    by_person: dict[int | None, list[Any]] = {}
    for r in lst.restrictions:
        by_person.setdefault(r.person, []).append(r)
    for person, items in by_person.items():
        who = (translate("DecisionSummary", "Respondent") if person is None
               else translate("DecisionSummary", "Bound officer %1").replace("%1", str(person + 1)))
        first = items[0]
        period = translate("DecisionSummary", "from %1").replace("%1", _d(first.start))
        if first.until:
            period += " " + translate("DecisionSummary", "until %1").replace("%1", _d(first.until))
        lines = "".join(f"<li>{_esc(item_text(r.item))} — "
                        f"{_esc(label(RESTRICTION_STATUS, r.status))}</li>" for r in items)
        html.append(f"<li><b>{_esc(who)}</b>, {_esc(period)}<ul>{lines}</ul></li>")
    if not lst.restrictions:
        none = translate("DecisionSummary", "none")
        html.append(f"<li>{_esc(none)}</li>")
    html.append("</ul>")
    if lst.restrictions and lst.restrictions[0].reason:
        why = translate("DecisionSummary", "Reason for the restriction")
        html.append(f"<p><b>{_esc(why)}</b><br>"
                    + _esc(lst.restrictions[0].reason).replace("\n", "<br>") + "</p>")
    return "".join(html)


class SignDecisionDialog(Retranslating, QDialog):
    """Confirms a signature: the decision in full, the date it takes effect, who signs."""

    def __init__(self, overview: ls.ListingOverview, signer: str, on: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        self.signer = signer
        self.on = on
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.body = QTextBrowser(self)
        self.body.setOpenLinks(False)
        self.body.setHtml(decision_html(overview, on))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #5a3d00; background: #fff4d6; border: 1px solid "
                                  "#e0b550; border-radius: 4px; padding: 6px 10px;")
        self.signature = QLabel(self)
        self.signature.setObjectName("signature")
        self.buttons = QDialogButtonBox(self)
        self.sign_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("confirm_sign")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.signature)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(56 * em, 44 * self.fontMetrics().lineSpacing())
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Sign the listing decision"))
        self.heading.setText(self.tr("Listing decision (纳入失信被执行人名单决定书): %1")
                             .replace("%1", self.overview.record.case_number))
        self.signature.setText(self.tr("Signed by: %1 · takes effect on %2")
                               .replace("%1", self.signer).replace("%2", self.on.isoformat()))
        self.notice.setText(self.tr(
            "Signing makes the decision effective today (2017 Provisions Art. 5 para. 3). It must "
            "then be served on the parties: a decision signed but not served is not allowed "
            "(2019 Opinion item 14)."))
        self.sign_button.setText(self.tr("&Sign the decision"))


class RecordServiceDialog(Retranslating, QDialog):
    """The date and method of service of a signed decision."""

    def __init__(self, overview: ls.ListingOverview, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        lst = overview.record.listing
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.date_label = QLabel(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(qdate(lst.decided_on))
        self.date_edit.setMaximumDate(qdate(max(today, lst.decided_on)))
        self.date_edit.setDate(qdate(max(today, lst.decided_on)))
        self.date_label.setBuddy(self.date_edit)
        self.method_label = QLabel(self)
        self.method_combo = QComboBox(self)
        for m in ServiceMethod:
            self.method_combo.addItem("", m)
        self.method_label.setBuddy(self.method_combo)
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirm_service")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.date_label, self.date_edit)
        form.addRow(self.method_label, self.method_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.retranslateUi()

    @property
    def served_on(self) -> date:
        return pydate(self.date_edit.date())

    @property
    def method(self) -> ServiceMethod:
        return ServiceMethod(self.method_combo.currentData())

    def set_method(self, method: ServiceMethod) -> None:
        self.method_combo.setCurrentIndex(self.method_combo.findData(method))

    def retranslateUi(self) -> None:
        o = self.overview
        self.setWindowTitle(self.tr("Record service"))
        self.heading.setText(self.tr("Service of the listing decision on %1 in %2 (signed %3).")
                             .replace("%1", o.respondent_name)
                             .replace("%2", o.record.case_number)
                             .replace("%3", o.record.listing.decided_on.isoformat()))
        self.date_label.setText(self.tr("Served &on:"))
        self.method_label.setText(self.tr("&Method:"))
        for i in range(self.method_combo.count()):
            self.method_combo.setItemText(
                i, label(SERVICE_METHOD, ServiceMethod(self.method_combo.itemData(i))))
        self.ok_button.setText(self.tr("&Record service"))


class DecisionsPage(Retranslating, QWidget):
    """Listing decisions of every case or one case (see the module docstring).

    Signals:
        loaded(): the table's first page and the alert were (re)loaded (and, to
            select again the decision that was selected, the pages up to it).
        history_loaded(): the selected listing's respondent state and history arrived.
        signed(int): a decision was signed; its listing id.
        served(int): service was recorded; the listing id.
        published(object): ``publish_due`` ran; its :class:`PublishResult`.
        action_failed(str): an action was refused; the message shown.
    """

    loaded = Signal()
    history_loaded = Signal()
    signed = Signal(int)
    served = Signal(int)
    published = Signal(object)
    action_failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._clock = clock
        self._generation = 0
        self._history_generation = 0
        self._select_after_load: int | None = None
        # While the first page is in but the row to select again is not: fetch
        # pages until it shows, up to this many rows (as many as were loaded).
        self._settling = False
        self._reselect_within = 0
        # What the pages of the current load are read with (filters and order).
        self._load_args: tuple[int | None, list[ListingStatus] | None, str, bool] = (
            None, None, "newest", True)
        self.data: DecisionsData | None = None
        self.history_data: RespondentHistory | None = None
        self.sign_dialog: SignDecisionDialog | None = None
        self.service_dialog: RecordServiceDialog | None = None
        self.can_sign = actor.can(Permission.DECISION_SIGN)
        self.can_serve = actor.can(Permission.LISTING_SERVE)
        self.can_publish = actor.can(Permission.LISTING_PUBLISH)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.addItem("", None)
        self.scope_label.setBuddy(self.scope_combo)
        self.filter_label = QLabel(self)
        self.filter_combo = QComboBox(self)
        for _filter in FILTERS:
            self.filter_combo.addItem("")
        self.filter_label.setBuddy(self.filter_combo)
        for combo in (self.scope_combo, self.filter_combo):
            # Room for the longest entry when there is room; narrower panes may cut it.
            combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 7)
        self.reload_button = QPushButton(self)
        self.count_label = TotalLabel(tasks, lambda: self.model.rowCount(),
                                      lambda: (self.tr("1 decision"), self.tr("%1 decisions")),
                                      self)
        self.count_label.setObjectName("decisions_count")

        # The 2019 Opinion item 14 alert.
        self.alert = QFrame(self)
        self.alert.setObjectName("signed_not_served_alert")
        self.alert.setStyleSheet(
            "QFrame#signed_not_served_alert { background: #fdeaea; border: 2px solid #b3261e;"
            " border-radius: 6px; }")
        self.alert_title = QLabel(self.alert)
        self.alert_title.setWordWrap(True)
        self.alert_title.setStyleSheet("color: #6b1111; font-weight: bold; border: none;")
        self.alert_list = QListWidget(self.alert)
        self.alert_list.setObjectName("alert_list")
        self.alert_list.setStyleSheet(
            "QListWidget { background: white; border: 1px solid #d98080; }")
        alay = QVBoxLayout(self.alert)
        alay.setContentsMargins(10, 8, 10, 8)
        alay.addWidget(self.alert_title)
        alay.addWidget(self.alert_list)
        self.alert.hide()

        self.model = ListingTableModel(clock, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_RESPONDENT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a click calls model.sort: the server orders
        self.model.sort_requested.connect(self.reload)
        self.model.more_wanted.connect(self._fetch_more)
        self.model.page_loaded.connect(lambda _n: self.count_label.refresh())

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("decision_detail")
        self.detail.setOpenLinks(False)
        self.state_strip = StateStrip(self)
        self.history = HistoryTable(self)
        right = QWidget(self)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        self.history_caption = QLabel(right)
        self.history_caption.setStyleSheet("font-weight: bold;")
        self.history_caption.setWordWrap(True)
        rlay.addWidget(self.history_caption)
        rlay.addWidget(self.state_strip)
        rlay.addWidget(self.history, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.detail)
        lower.addWidget(right)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("sign")
        self.serve_button = QPushButton(self)
        self.serve_button.setObjectName("serve")
        self.worksheet_button = QPushButton(self)
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("publish")
        self.publish_button.setEnabled(self.can_publish)
        self.message = banner(self)
        self.message.setObjectName("message")

        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo)
        top.addSpacing(12)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addWidget(self.serve_button)
        actions.addWidget(self.worksheet_button)
        actions.addStretch(1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addStretch(1)
        title_row.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(top)
        layout.addWidget(self.alert)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        self.scope_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(lambda _i: self._default_action())
        self.alert_list.itemActivated.connect(self._on_alert_activated)
        self.sign_button.clicked.connect(self.sign_selected)
        self.serve_button.clicked.connect(self.serve_selected)
        self.worksheet_button.clicked.connect(self.open_worksheet)
        self.publish_button.clicked.connect(self.publish_due)

        QWidget.setTabOrder(self.scope_combo, self.filter_combo)
        QWidget.setTabOrder(self.filter_combo, self.reload_button)
        QWidget.setTabOrder(self.reload_button, self.alert_list)
        QWidget.setTabOrder(self.alert_list, self.table)
        QWidget.setTabOrder(self.table, self.detail)
        QWidget.setTabOrder(self.detail, self.history)
        QWidget.setTabOrder(self.history, self.sign_button)
        QWidget.setTabOrder(self.sign_button, self.serve_button)
        QWidget.setTabOrder(self.serve_button, self.worksheet_button)
        QWidget.setTabOrder(self.worksheet_button, self.publish_button)

        self.retranslateUi()
        self._update_buttons()
        self.reload()
        follow_changes(self, tasks, ("listings", "orders", "cases"), self.reload,
                       lambda: self.data is not None)

    # ------------------------------------------------------------ scope
    def set_case(self, case_id: int | None, case_number: str = "") -> None:
        """Offer "this case" beside "all cases" (the case selected on the Cases page)."""
        set_case_scope(self.scope_combo, case_id,
                       self.tr("Case %1").replace("%1", case_number or str(case_id)))
        self.reload()

    @property
    def case_id(self) -> int | None:
        return scoped_case_id(self.scope_combo)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None:
            self.reload()

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        """Show the first page again (the scope, filter and order now chosen) and
        the alert; the total is counted once the page shows."""
        self._generation += 1
        self.count_label.new_load()
        case_id = self.case_id
        statuses = FILTERS[max(0, self.filter_combo.currentIndex())][1]
        selected = self.selected()
        if selected is not None and self._select_after_load is None:
            self._select_after_load = selected.record.id
        if not self._settling:
            self._reselect_within = self.model.rowCount()
        sort, descending = self.model.order
        self._load_args = (case_id, statuses, sort, descending)
        # The rows shown stay until the first page replaces them, but no page is
        # fetched after them any more (it would follow the new first page).
        self.model.stop_fetching()
        gen, ctx, actor, limit = self._generation, self._ctx, self._actor, PAGE_SIZE
        self._tasks.run_db(lambda: load_decisions(ctx, actor, case_id, statuses, sort=sort,
                                                  descending=descending, limit=limit),
                           on_done=lambda d: self._on_loaded(gen, d),
                           on_error=lambda e: self._on_load_failed(gen, e), owner=self)

    def _fetch_more(self) -> None:
        """The view scrolled to the end of what is loaded: read the next page."""
        gen, ctx, actor, limit = self._generation, self._ctx, self._actor, PAGE_SIZE
        case_id, statuses, sort, descending = self._load_args
        after = self.model.next_after
        self._tasks.run_db(lambda: load_decisions_page(ctx, actor, case_id, statuses, sort=sort,
                                                       descending=descending, after=after,
                                                       limit=limit),
                           on_done=lambda p: self._on_more(gen, p),
                           on_error=lambda e: self._on_load_failed(gen, e), owner=self)

    def _on_loaded(self, gen: int, data: DecisionsData) -> None:
        if gen != self._generation:
            return
        self.data = data
        self._settling = True
        ctx, actor, (case_id, statuses, _sort, _descending) = self._ctx, self._actor, self._load_args
        self.count_label.start(data.listings,
                               lambda: count_decisions(ctx, actor, case_id, statuses))
        self.model.show_page(data.listings, first=True)
        self._size_columns()
        self._fill_alert()
        self._settle()

    def _on_more(self, gen: int, page: Page[ls.ListingOverview]) -> None:
        if gen != self._generation:
            return  # an older load: its rows are not wanted any more
        self.model.show_page(page, first=False)
        if self._settling:
            self._settle()

    def _settle(self) -> None:
        """Select the decision to select again (the one selected before the reload,
        or just signed or served): if it is not loaded yet, fetch the next pages
        until it shows, up to as many rows as were loaded before (from the alert:
        until it shows); not found, no row is selected.  Then ``loaded``."""
        want = self._select_after_load
        row = self.model.row_of(want) if want is not None else -1
        if row < 0 and want is not None and self.model.canFetchMore() \
                and self.model.rowCount() < self._reselect_within:
            self.model.fetchMore()  # the page arrives in _on_more, which settles again
            return
        self._settling = False
        self._select_after_load = None
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._on_selection_changed()
        self.loaded.emit()

    @property
    def count(self) -> int | None:
        """The decisions' total, once counted."""
        return self.count_label.count

    def _on_load_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._settling = False
            self.model.stop_fetching()
            set_banner(self.message, "error",
                       self.tr("The decisions could not be loaded: %1").replace("%1", describe(exc)))

    def _fill_alert(self) -> None:
        self.alert_list.clear()
        data = self.data
        items = data.signed_not_served if data else []
        for rec in items:
            name = data.names.get(rec.id, "") if data else ""
            days = (self._clock() - rec.listing.decided_on).days
            text = self.tr("%1 · %2 · signed %3 by %4, %5 days ago, not served").replace(
                "%1", rec.case_number).replace("%2", name or "–").replace(
                "%3", rec.listing.decided_on.isoformat()).replace(
                "%4", rec.listing.signed_by or "–").replace("%5", str(max(days, 0)))
            item = QListWidgetItem("⚠ " + text, self.alert_list)
            item.setData(Qt.ItemDataRole.UserRole, rec.id)
            item.setForeground(_ALERT)
        n = len(items)
        self.alert_title.setText(self.tr(
            "Signed but not served: %1 decision(s). A decision must be served once signed "
            "(2019 Opinion item 14) — record the service.").replace("%1", str(n)))
        rows = min(max(n, 1), 4)
        self.alert_list.setFixedHeight(rows * (self.fontMetrics().height() + 8) + 6)
        self.alert.setVisible(n > 0)

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()

        def w(*samples: str) -> int:
            return max(fm.horizontalAdvance(s) for s in samples) + 24

        def head(col: int) -> str:
            return str(self.model.headerData(col, Qt.Orientation.Horizontal))

        status = status_text(ls.ListingRecord(0, 0, "", 0, Listing(
            0, [], date(2026, 12, 31), signed_by="x", grace_until=date(2026, 12, 31),
            served_on=date(2026, 12, 31), status=ListingStatus.AWAITING_PUBLICATION), "", "", ""),
            date(2026, 1, 1))
        for col, sample in ((COL_CASE, "(2026)京0105执12345号"),
                            (COL_STATUS, status),
                            (COL_GROUNDS, grounds_text([1, 3])), (COL_TERM, term_text(2, 3)),
                            (COL_DECIDED, "2026-12-31"), (COL_SIGNED_BY, "欧阳院长"),
                            (COL_GRACE, "2026-12-31"), (COL_SERVED, "2026-12-31"),
                            (COL_PUBLISHED, "2026-12-31")):
            header.resizeSection(col, w(sample, head(col)))

    # --------------------------------------------------------- selection
    def selected(self) -> ls.ListingOverview | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.overview(rows[0].row())

    def select_listing(self, listing_id: int) -> bool:
        row = self.model.row_of(listing_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_selection_changed(self, *_args: Any) -> None:
        o = self.selected()
        self._update_buttons()
        if o is None:
            self.detail.setHtml("")
            self.history_caption.setText(self.tr("Select a decision to see its respondent's "
                                                 "state and history."))
            self.state_strip.set_state(None)
            self.history.set_events([])
            return
        self.detail.setHtml(decision_html(o, self._clock()))
        self.history_caption.setText(self.tr("State and history of %1").replace(
            "%1", o.respondent_name))
        self._history_generation += 1
        gen, ctx, actor = self._history_generation, self._ctx, self._actor
        case_id, respondent = o.record.case_id, o.record.listing.respondent
        self._tasks.run_db(lambda: load_history(ctx, actor, case_id, respondent),
                           on_done=lambda h: self._on_history(gen, h), owner=self)

    def _on_history(self, gen: int, h: RespondentHistory) -> None:
        if gen != self._history_generation:
            return
        self.history_data = h
        self.state_strip.set_state(h.state, h.events)
        self.history.set_events(h.events)
        self.history_loaded.emit()

    def _update_buttons(self) -> None:
        o = self.selected()
        lst = o.record.listing if o else None
        draft = lst is not None and lst.status is ListingStatus.DRAFT
        unserved = lst is not None and lst.signed_not_served()
        self.sign_button.setEnabled(self.can_sign and draft)
        self.serve_button.setEnabled(self.can_serve and unserved)
        self.worksheet_button.setEnabled(o is not None)
        self.sign_button.setToolTip("" if self.can_sign else self.tr(
            "Only the court president signs listing decisions (院长签发)."))
        self.serve_button.setToolTip("" if self.can_serve else self.tr(
            "Only a judge or a clerk records service."))
        self.publish_button.setToolTip(self.tr(
            "Publish every signed, served decision whose grace period has ended; cancel those "
            "performed in full during the grace period.") if self.can_publish else self.tr(
            "Only an administrator runs the publication."))

    def _default_action(self) -> None:
        if self.sign_button.isEnabled():
            self.sign_selected()
        elif self.serve_button.isEnabled():
            self.serve_selected()

    def _on_alert_activated(self, item: QListWidgetItem) -> None:
        listing_id = int(item.data(Qt.ItemDataRole.UserRole))
        if not self.select_listing(listing_id):
            # Every decision awaiting publication (the alert's are), fetched page
            # after page until this one shows.
            self._select_after_load = listing_id
            for combo, index in ((self.filter_combo, ALERT_FILTER), (self.scope_combo, 0)):
                was = combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(was)
            self.reload()
            self._reselect_within = sys.maxsize
        self.table.setFocus()

    # ------------------------------------------------------------ actions
    def sign_selected(self) -> SignDecisionDialog | None:
        """Ask the president to confirm; on "Sign", sign with today's date."""
        o = self.selected()
        if o is None or o.record.listing.status is not ListingStatus.DRAFT or not self.can_sign:
            return None
        signer = self._actor.display_name or self._actor.username
        dlg = SignDecisionDialog(o, signer, self._clock(), parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.sign_listing(o.record.id, o.record.version))
        dlg.finished.connect(lambda _r: setattr(self, "sign_dialog", None))
        self.sign_dialog = dlg
        dlg.open()
        return dlg

    def sign_listing(self, listing_id: int, version: int) -> None:
        """Sign through the service (which refuses anyone but a president)."""
        ctx, actor, on = self._ctx, self._actor, self._clock()
        self._tasks.run_db(lambda: ls.sign_listing(ctx.uow(), actor, listing_id, version, on),
                           on_done=self._on_signed, on_error=self._on_action_failed, owner=self)

    def _on_signed(self, rec: ls.ListingRecord) -> None:
        set_banner(self.message, "ok", self.tr(
            "Decision No. %1 signed by %2; it took effect on %3. Now record its service.")
            .replace("%1", str(rec.id)).replace("%2", rec.listing.signed_by or "")
            .replace("%3", rec.listing.decided_on.isoformat()))
        self._select_after_load = rec.id
        self.signed.emit(rec.id)
        self.reload()

    def serve_selected(self) -> RecordServiceDialog | None:
        o = self.selected()
        if o is None or not o.record.listing.signed_not_served() or not self.can_serve:
            return None
        dlg = RecordServiceDialog(o, self._clock(), parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.record_service(o.record.id, dlg.served_on, dlg.method))
        dlg.finished.connect(lambda _r: setattr(self, "service_dialog", None))
        self.service_dialog = dlg
        dlg.open()
        return dlg

    def record_service(self, listing_id: int, served_on: date, method: ServiceMethod) -> None:
        ctx, actor = self._ctx, self._actor
        self._tasks.run_db(
            lambda: ls.record_service(ctx.uow(), actor, listing_id, served_on, method),
            on_done=self._on_served, on_error=self._on_action_failed, owner=self)

    def _on_served(self, rec: ls.ListingRecord) -> None:
        set_banner(self.message, "ok", self.tr("Service of decision No. %1 recorded: %2.")
                   .replace("%1", str(rec.id)).replace("%2", _d(rec.listing.served_on)))
        self._select_after_load = rec.id
        self.served.emit(rec.id)
        self.reload()

    def publish_due(self) -> None:
        """The daily run's publication step, run now with today's date."""
        ctx, actor, today = self._ctx, self._actor, self._clock()
        def run() -> tuple[ls.PublishResult, PublicationOutlook]:
            result = ls.publish_due(ctx.uow(), actor, today)
            return result, publication_outlook(ctx.uow(), actor, today)

        self._tasks.run_db(run, on_done=self._on_published, on_error=self._on_action_failed,
                           owner=self)

    def _on_published(self, done: tuple[ls.PublishResult, PublicationOutlook]) -> None:
        result, outlook = done
        if not result.published and not result.cancelled:
            self._explain_nothing_published(outlook)
            self.published.emit(result)
            self.reload()
            return
        text = self.tr("Publication run for %1: %2 published, %3 cancelled (performed during "
                       "the grace period), %4 waiting for service.") \
            .replace("%1", self._clock().isoformat()) \
            .replace("%2", str(len(result.published))) \
            .replace("%3", str(len(result.cancelled))) \
            .replace("%4", str(len(result.waiting_for_service)))
        set_banner(self.message, "warn" if result.waiting_for_service else "ok", text)
        self.published.emit(result)
        self.reload()

    def _explain_nothing_published(self, o: PublicationOutlook) -> None:
        """Publish found nothing: say why, instead of a bare "0 published"."""
        parts = [self.tr("Nothing left to publish on %1: every signed, served decision whose "
                         "grace period has ended is already published (the daily run at login "
                         "publishes them).").replace("%1", self._clock().isoformat())]
        if o.in_grace:
            parts.append(self.tr("%1 decision(s) are still in their grace period; the next one "
                                 "ends on %2.").replace("%1", str(o.in_grace))
                         .replace("%2", o.next_grace_end.isoformat() if o.next_grace_end else "–"))
        if o.unserved:
            parts.append(self.tr("%1 signed decision(s) must be served before they can be "
                                 "published.").replace("%1", str(o.unserved)))
        set_banner(self.message, "info", " ".join(parts))

    def _conflict_record(self, exc: ConflictError) -> str | None:
        """The decision as this screen names it (case number and respondent), when the
        conflict is on a listing that is loaded here."""
        if exc.entity is None or exc.entity[0] != "listing" or not exc.entity[1].isdigit():
            return None
        row = self.model.row_of(int(exc.entity[1]))
        o = self.model.overview(row) if row >= 0 else None
        return f"{o.record.case_number} {o.respondent_name}" if o is not None else None

    def _on_action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            # Who changed it and when (the audit trail), as the list is reloaded.
            text = conflict_text(exc, record=self._conflict_record(exc), reloaded=True)
        else:
            text = self.tr("Refused:") + " " + describe(exc).replace("\n", "; ")
        set_banner(self.message, "error", text)
        self.action_failed.emit(text)
        self.reload()

    def open_worksheet(self) -> QDialog | None:
        o = self.selected()
        if o is None:
            return None
        from courtapp.ui.listing.worksheet import ListingWorksheet

        dlg = ListingWorksheet(self._ctx, self._actor, self._tasks, o.record.case_id,
                               respondent=o.record.listing.respondent, today=self._clock,
                               parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.listing_prepared.connect(lambda _id: self.reload())
        dlg.show()
        return dlg

    # -------------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Listing decisions"))
        self.scope_label.setText(self.tr("Show &cases:"))
        self.scope_combo.setItemText(0, self.tr("All cases"))
        self.filter_label.setText(self.tr("S&tatus:"))
        for i, (text, _s) in enumerate(FILTERS):
            self.filter_combo.setItemText(i, QCoreApplication.translate("DecisionsPage", text))
        self.reload_button.setText(self.tr("&Reload"))
        if self.data is not None:
            self.count_label.refresh()
        self.sign_button.setText(self.tr("&Sign…"))
        self.serve_button.setText(self.tr("Record s&ervice…"))
        self.worksheet_button.setText(self.tr("Open &worksheet…"))
        self.publish_button.setText(self.tr("&Publish due listings"))
        self.model.retranslate()
        self._fill_alert()
        self._update_buttons()
        self._on_selection_changed()
