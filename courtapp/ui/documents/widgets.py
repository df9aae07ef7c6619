"""Small helpers for the document dialogs.

``keep_while_alive``: a page keeps ``self.xxx_dialog`` so tests and callers
can reach the dialog it opened.  Clearing that attribute from the dialog's
own ``finished`` signal drops the last Python reference to the wrapper during
the dialog's own signal emission; with ``WA_DeleteOnClose`` PySide6 6.11 then
crashes later, when the parent widget is destroyed (a segmentation fault in
``QObject::~QObject``).  Clearing it on ``destroyed`` (after the deferred
delete) is safe.

``fit_height``: a dialog whose content grows or shrinks after it is shown
(another kind's inputs, a verdict) takes the height its layout needs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget


def keep_while_alive(owner: object, name: str, dialog: QObject) -> None:
    """``owner.<name> = dialog`` until the dialog is destroyed, then None."""
    setattr(owner, name, dialog)
    key = id(dialog)  # not the wrapper itself: the connection must not keep it alive

    def clear() -> None:
        if id(getattr(owner, name, None)) == key:
            setattr(owner, name, None)

    dialog.destroyed.connect(clear)


def fit_height(widget: QWidget, *, grow_only: bool = False) -> None:
    """Resize ``widget`` to the height its layout needs at its current width."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    want = layout.totalHeightForWidth(widget.width()) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    if want <= 0 or want == widget.height() or (grow_only and want < widget.height()):
        return
    widget.resize(widget.width(), want)
