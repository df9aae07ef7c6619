"""The "Service counter" page: intake, the judge's queue and the dispatch ledger as tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Permission
from courtapp.ui.counter.intake import IntakeForm
from courtapp.ui.counter.ledger import LedgerPage
from courtapp.ui.counter.queue import QueuePage
from courtapp.ui.i18n import Retranslating
from courtapp.ui.tasks import TaskRunner


class CounterPage(Retranslating, QWidget):
    """Tabs by role: intake (may file), queue (may decide), ledger (everyone; ack needs serve)."""

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("counter_tabs")
        self.intake: IntakeForm | None = None
        self.queue: QueuePage | None = None
        if actor.can(Permission.PETITION_FILE):
            self.intake = IntakeForm(ctx, actor, tasks, clock=clock, parent=self)
            self.tabs.addTab(self.intake, "")
        if actor.can(Permission.PETITION_DECIDE):
            self.queue = QueuePage(ctx, actor, tasks, clock=clock, parent=self)
            self.tabs.addTab(self.queue, "")
        self.ledger = LedgerPage(ctx, actor, tasks, clock=clock, parent=self)
        self.tabs.addTab(self.ledger, "")
        if self.intake is not None and self.queue is not None:
            self.intake.filed.connect(lambda _f: self.queue.reload() if self.queue else None)
        if self.queue is not None:
            self.queue.decided.connect(lambda _d: self.ledger.reload())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        for w, text in ((self.intake, self.tr("&Intake")), (self.queue, self.tr("&Queue")),
                        (self.ledger, self.tr("&Dispatch ledger"))):
            if w is not None:
                self.tabs.setTabText(self.tabs.indexOf(w), text)

    def show_tab(self, key: str) -> bool:
        w = {"intake": self.intake, "queue": self.queue, "ledger": self.ledger}.get(key)
        if w is None:
            return False
        self.tabs.setCurrentWidget(w)
        if w is self.queue and self.queue is not None:
            self.queue.reload()
        elif w is self.ledger:
            self.ledger.reload()
        return True
