"""The desktop's own settings: one typed declaration over QSettings.

Every per-user interface setting is declared here once (key, type, default)
and read through a typed attribute, never through string keys scattered over
widgets.  Changes are announced with ``settings_changed(key)`` so that
interested parties (the language manager) can react.

The store is an INI file in the user's configuration directory
(organisation and application "courtapp").  Tests point it at ``tmp_path``
with ``QSettings.setPath`` or by passing their own ``QSettings``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

ORGANISATION = "courtapp"
APPLICATION = "courtapp"

#: Interface language choices: follow the system, or a fixed language.
LANGUAGE_SYSTEM = "system"
LANGUAGE_ENGLISH = "en"
LANGUAGE_CHINESE = "zh_CN"
LANGUAGES = (LANGUAGE_SYSTEM, LANGUAGE_ENGLISH, LANGUAGE_CHINESE)

# Keys, one place.
KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "main_window/geometry"
KEY_WINDOW_STATE = "main_window/state"
KEY_SPLITTER = "main_window/splitter"
KEY_LAST_PAGE = "main_window/last_page"
KEY_CASE_HEADER = "cases/header"


def default_store() -> QSettings:
    """The per-user INI file (the same format on every platform, no registry)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


class UiSettings(QObject):
    """Typed access to the interface settings.

    Signals:
        settings_changed(str): the key of a setting that was just changed.
    """

    settings_changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store if store is not None else default_store()

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    # ---------------------------------------------------------- helpers
    def _text(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def _set(self, key: str, value: object) -> None:
        if self._store.value(key) == value:
            return
        self._store.setValue(key, value)
        self.settings_changed.emit(key)

    # ---------------------------------------------------------- settings
    @property
    def language(self) -> str:
        """``system``, ``en`` or ``zh_CN``."""
        value = self._text(KEY_LANGUAGE, LANGUAGE_SYSTEM)
        return value if value in LANGUAGES else LANGUAGE_SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown interface language {value!r}")
        self._set(KEY_LANGUAGE, value)

    @property
    def geometry(self) -> QByteArray:
        return self._bytes(KEY_GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set(KEY_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes(KEY_WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set(KEY_WINDOW_STATE, value)

    @property
    def splitter_state(self) -> QByteArray:
        return self._bytes(KEY_SPLITTER)

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._set(KEY_SPLITTER, value)

    @property
    def last_page(self) -> str:
        return self._text(KEY_LAST_PAGE, "")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._set(KEY_LAST_PAGE, value)

    @property
    def case_header_state(self) -> QByteArray:
        return self._bytes(KEY_CASE_HEADER)

    @case_header_state.setter
    def case_header_state(self, value: QByteArray) -> None:
        self._set(KEY_CASE_HEADER, value)
