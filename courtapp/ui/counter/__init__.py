"""The counter screens (issue 5, GUI side).

- :class:`CounterPage` (:mod:`.page`): the "Service counter" page with tabs.
- :class:`IntakeForm` (:mod:`.intake`): a petition at the counter, keyboard only, with its receipt.
- :class:`QueuePage` (:mod:`.queue`): the judge's queue and decisions.
- :class:`LedgerPage` (:mod:`.ledger`): open dispatch items and their acknowledgement.
- :class:`TodayPage` (:mod:`.today`): what is due and overdue today for the user's roles.
- :class:`CalendarSection`, :class:`DailyRunSection` (:mod:`.admin`): on the Admin page.
"""

from courtapp.ui.counter.admin import CalendarSection, DailyRunSection
from courtapp.ui.counter.intake import IntakeForm
from courtapp.ui.counter.ledger import LedgerPage
from courtapp.ui.counter.page import CounterPage
from courtapp.ui.counter.queue import QueuePage
from courtapp.ui.counter.today import TodayPage

__all__ = ["CalendarSection", "CounterPage", "DailyRunSection", "IntakeForm", "LedgerPage",
           "QueuePage", "TodayPage"]
