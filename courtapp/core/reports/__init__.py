"""Reports: the monthly statistics and the public list.

- :mod:`~courtapp.core.reports.monthly`: every figure of the monthly report,
  each one SQL aggregate on SQLite and PostgreSQL (definitions in
  ``docs/statistics.md``);
- :mod:`~courtapp.core.reports.render`: the report as PDF (ReportLab charts,
  the vendored fonts embedded), XLSX and CSV;
- :mod:`~courtapp.core.reports.public`: the public list of 2017 Provisions
  Art. 6 (masked ID numbers, no other personal data) and its search.

The use cases with their permission checks are
:mod:`courtapp.core.services.reports` and :mod:`courtapp.core.services.public_list`.
No Qt here.
"""
