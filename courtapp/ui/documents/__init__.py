"""The document screens (issue 4, GUI side).

- :class:`DocumentsPage` (:mod:`.page`): the "Documents" page — the register of
  issued documents, issuing, preview, print, reprint, corrections, marking a
  listing decision served, and batch printing.
- :class:`PreviewDialog` (:mod:`.preview`): the in-app QtPdf preview with Print.
- :class:`BatchDialog` (:mod:`.batch`): a batch's progress, Cancel, failures,
  then the combined file.
- :class:`VerifyDialog` (:mod:`.verify`): offline verification of a QR text or a PDF.

Supporting modules: :mod:`.printing` (QPrinter), :mod:`.issue` (the Issue and
correction dialogs), :mod:`.model` (the register table), :mod:`.data` (what is
loaded, on the database thread), :mod:`.labels` (translated words), :mod:`.widgets`
(holding dialogs safely, fitting their height).
"""

from courtapp.ui.documents.batch import BatchDialog, BatchJob
from courtapp.ui.documents.issue import CorrectionDialog, IssueDialog
from courtapp.ui.documents.page import DocumentsPage
from courtapp.ui.documents.preview import PreviewDialog
from courtapp.ui.documents.verify import VerifyDialog

__all__ = ["BatchDialog", "BatchJob", "CorrectionDialog", "DocumentsPage", "IssueDialog",
           "PreviewDialog", "VerifyDialog"]
