"""The "all cases / this case" scope box shared by the register pages."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def set_case_scope(combo: QComboBox, case_id: int | None, label: str) -> None:
    """Offer ``label`` (the selected case) beside the first item ("all cases"), and choose it.

    With no case, only "all cases" remains.  Signals are held back: the caller reloads.
    """
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    if case_id is not None:
        combo.addItem(label, case_id)
        combo.setCurrentIndex(1)
    else:
        combo.setCurrentIndex(0)
    combo.blockSignals(False)


def scoped_case_id(combo: QComboBox) -> int | None:
    value = combo.currentData()
    return int(value) if value is not None else None
