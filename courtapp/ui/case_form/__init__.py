"""The case form (``CaseFormDialog``): where an enforcement judge records a whole case.

Modules: :mod:`.dialog` (the dialog, load and save), :mod:`.sections` and
:mod:`.parties` (the ten sections), :mod:`.records` (editable tables),
:mod:`.fields` (inputs and error marks), :mod:`.labels` (translated labels).
"""

from courtapp.ui.case_form.dialog import CaseFormDialog, merge_errors
from courtapp.ui.case_form.labels import current_language

__all__ = ["CaseFormDialog", "current_language", "merge_errors"]
