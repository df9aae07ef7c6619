"""Interface language: choosing it, installing the translators, and the
translated labels of the core's enums.

English is the source language.  Simplified Chinese lives in
``resources/i18n/courtapp_zh_CN.ts`` (compiled to ``.qm``, see
``tools/i18n.py``).  Qt's own strings (standard buttons, context menus) come
from the ``qtbase_zh_CN.qm`` that ships with PySide6.

Switching applies live: installing a translator makes Qt post
``QEvent.LanguageChange`` to every widget, and widgets that derive from
:class:`Retranslating` re-set their texts in ``retranslateUi()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from courtapp.core.domain.model import Stage
from courtapp.core.domain.roles import Role
from courtapp.core.paths import resources_dir
from courtapp.ui.settings import (
    KEY_LANGUAGE,
    LANGUAGE_CHINESE,
    LANGUAGE_ENGLISH,
    LANGUAGE_SYSTEM,
    UiSettings,
)

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate in ``context``; returns it untranslated.

    The same as PySide6's, which is typed as returning ``object``.  Translate
    at the point of display with ``QCoreApplication.translate(context, source)``.
    """
    return source

_CHINESE = QLocale("zh_CN")
_ENGLISH = QLocale("en_US")


def resolve_language(choice: str | None) -> str:
    """``en`` or ``zh_CN`` for a setting or a ``--lang`` value.

    ``None``/``system`` follows the system locale: any Chinese locale gives
    Simplified Chinese, anything else English.
    """
    if not choice or choice == LANGUAGE_SYSTEM:
        choice = QLocale.system().name()
    return LANGUAGE_CHINESE if choice.lower().startswith("zh") else LANGUAGE_ENGLISH


def ui_language() -> str:
    """The language the interface is in now (``en`` or ``zh_CN``).

    Used to pick the English or Chinese text of a core ``FieldError``.
    """
    return LANGUAGE_CHINESE if QLocale().language() == QLocale.Language.Chinese else LANGUAGE_ENGLISH


class LanguageManager(QObject):
    """Installs and swaps the translators of one application.

    It follows ``UiSettings.language``: when the setting changes, the new
    language applies at once.  An ``override`` (the ``--lang`` option) wins
    until the user picks a language in the settings.

    Signals:
        language_changed(str): the effective language, ``en`` or ``zh_CN``.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, settings: UiSettings, *,
                 override: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self._override = override
        self._translators: list[QTranslator] = []
        self._current = ""
        settings.settings_changed.connect(self._on_settings_changed)

    @property
    def current(self) -> str:
        return self._current

    def apply(self) -> str:
        """Install the translators for the chosen language; returns ``en`` or ``zh_CN``."""
        code = resolve_language(self._override or self._settings.language)
        if code == self._current:
            return code
        for t in self._translators:
            self._app.removeTranslator(t)
        self._translators = []
        QLocale.setDefault(_CHINESE if code == LANGUAGE_CHINESE else _ENGLISH)
        if code != LANGUAGE_ENGLISH:
            self._translators = _load_translators(code, self)
            for t in self._translators:
                self._app.installTranslator(t)
        self._current = code
        self.language_changed.emit(code)
        return code

    def _on_settings_changed(self, key: str) -> None:
        if key == KEY_LANGUAGE:
            self._override = None
            self.apply()


def _load_translators(code: str, parent: QObject) -> list[QTranslator]:
    out: list[QTranslator] = []
    ours = QTranslator(parent)
    qm = resources_dir() / "i18n" / f"courtapp_{code}.qm"
    if ours.load(str(qm)):
        out.append(ours)
    else:
        log.warning("translation %s not found or unreadable", qm)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(parent)
    if qtbase.load(f"qtbase_{code}", qt_dir):
        out.append(qtbase)
    return out


class Retranslating:
    """Mixin for widgets: ``retranslateUi()`` runs on every language change.

    Put it first among the bases (``class Page(Retranslating, QWidget)``) and
    set every translatable text in ``retranslateUi()``.
    """

    def retranslateUi(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)  # type: ignore[misc]


# ------------------------------------------------ labels of the core's enums
_STAGE_LABELS: dict[Stage, str] = {
    Stage.REGISTERED: QT_TRANSLATE_NOOP("Stage", "Registered"),
    Stage.NOTICE_ISSUED: QT_TRANSLATE_NOOP("Stage", "Notice not yet served"),
    Stage.PERFORMANCE_PERIOD: QT_TRANSLATE_NOOP("Stage", "Performance period"),
    Stage.IN_DEFAULT: QT_TRANSLATE_NOOP("Stage", "Overdue, nothing performed"),
    Stage.PARTLY_PERFORMED: QT_TRANSLATE_NOOP("Stage", "Overdue, partly performed"),
    Stage.PERFORMED: QT_TRANSLATE_NOOP("Stage", "Performed"),
}

_ROLE_LABELS: dict[Role, str] = {
    Role.JUDGE: QT_TRANSLATE_NOOP("Role", "Judge"),
    Role.PRESIDENT: QT_TRANSLATE_NOOP("Role", "Court president"),
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Clerk"),
    Role.COUNTER: QT_TRANSLATE_NOOP("Role", "Service counter"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Administrator"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Role", "Auditor"),
}


def stage_label(stage: Stage) -> str:
    return QCoreApplication.translate("Stage", _STAGE_LABELS[stage])


def role_label(role: Role) -> str:
    return QCoreApplication.translate("Role", _ROLE_LABELS[role])


def roles_text(roles: frozenset[Role] | set[Role]) -> str:
    """Roles in declaration order, translated and joined."""
    sep = QCoreApplication.translate("Role", ", ")
    return sep.join(role_label(r) for r in Role if r in roles)
