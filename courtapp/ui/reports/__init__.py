"""The Reports page (monthly statistics with charts) and the public list screen."""

from courtapp.ui.reports.page import ReportsPage
from courtapp.ui.reports.public_search import PublicListPage

__all__ = ["PublicListPage", "ReportsPage"]
