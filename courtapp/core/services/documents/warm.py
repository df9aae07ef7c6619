"""No cold start on the first document (issue 12 §3).

The first document of a process used to wait for ReportLab's modules, the two
CJK fonts (parsed and registered: most of a second each), the templates and the
desk's key.  :func:`warm_up` loads all of them once, so the UI runs it off the
GUI thread right after login and the first notice costs what the second does.
Everything it loads is cached for the process; running it twice is cheap.
:func:`warm_up_database` does the same for the register's reads (SQLAlchemy
compiles each statement once per process), on the database's own thread.
"""

from __future__ import annotations

import logging
from datetime import date

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind, Document, PartyLine
from courtapp.core.services.documents import rendering
from courtapp.core.services.documents.keys import desk_key
from courtapp.core.services.documents.prepare import load_state

log = logging.getLogger(__name__)

#: The probe rendered once: every face and the QR code, as a real notice uses them.
_PROBE = Document(
    kind=DocKind.RECEIPT, lang="zh", number="（2026）京0105执1号之一",
    case_number="(2026)京0105执1号", court_name="北京市朝阳区人民法院", title="收件回执",
    issued_on=date(2026, 1, 5), signer="经办人", signer_title="经办人",
    parties=(PartyLine("被执行人", "张三", "110105198001010010"),),
    basis="预热 warm-up", body=("本回执仅用于预热。",), legal_basis=())


def warm_up() -> None:
    """Load the fonts, the templates and the signing key, and render one probe page,
    once per process (safe on any thread; errors are logged, never raised: the first
    document then simply loads what it needs itself)."""
    from courtapp.core.documents import fonts, templates

    try:
        fonts.register_fonts()
        for lang in templates.LANGS:
            templates.load_common(lang)
            for kind in DocKind:
                templates.load_template(kind, lang)
        desk_key(create=False)  # made, if need be, by the first issue (it registers it)
        rendering.missing_precondition()  # imports the builders
        rendering.render(_PROBE, "CAV1.warm-up")
    except Exception:  # noqa: BLE001 - warming is best effort
        log.warning("document warm-up failed", exc_info=True)


def warm_up_database(uow: UnitOfWork) -> None:
    """Run the register's reads once, reading one case (nothing is written), so the
    first document does not wait for their statements to be compiled."""
    try:
        with uow:
            case_id = uow.documents.some_case_id()
            if case_id is not None:
                load_state(uow, [case_id])
                uow.documents.by_number("")
    except Exception:  # noqa: BLE001 - warming is best effort
        log.warning("document database warm-up failed", exc_info=True)
