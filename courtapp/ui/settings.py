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
KEY_RECENT_CASES = "cases/recent"
#: How many cases File → Recent cases offers.
RECENT_MAX = 8


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
        self._user = ""

    #: Settings kept per courtapp user (issue 12 §8), not per computer: the window,
    #: the last page, column widths and sort orders.  The language stays the
    #: computer's (the log-in dialog needs it before anyone has logged in).
    PER_USER = frozenset({KEY_GEOMETRY, KEY_WINDOW_STATE, KEY_SPLITTER, KEY_LAST_PAGE,
                          KEY_CASE_HEADER, KEY_RECENT_CASES})

    @property
    def user(self) -> str:
        return self._user

    def set_user(self, username: str) -> None:
        """From now on, per-user settings are those of ``username``."""
        self._user = username

    def _key(self, key: str) -> str:
        if self._user and (key in self.PER_USER or key.startswith("tables/")):
            # percent-encoded, so that no user name can reach another's group
            safe = "".join(c if c.isalnum() or c in "-_." else f"%{ord(c):04X}" for c in self._user)
            return f"users/{safe}/{key}"
        return key

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    # ---------------------------------------------------------- helpers
    def _text(self, key: str, default: str) -> str:
        value = self._store.value(self._key(key), default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(self._key(key))
        return value if isinstance(value, QByteArray) else QByteArray()

    def _set(self, key: str, value: object) -> None:
        stored = self._key(key)
        if self._store.value(stored) == value:
            return
        self._store.setValue(stored, value)
        self.settings_changed.emit(key)

    @property
    def recent_cases(self) -> list[tuple[int, str]]:
        """The cases this user opened last, most recent first: (id, case number)."""
        out: list[tuple[int, str]] = []
        for line in self._text(KEY_RECENT_CASES, "").splitlines():
            cid, _, number = line.partition("\t")
            if cid.isdigit():
                out.append((int(cid), number))
        return out

    def add_recent_case(self, case_id: int, number: str) -> None:
        old = [(c, n) for c, n in self.recent_cases if c != case_id]
        if not number:
            number = next((n for c, n in self.recent_cases if c == case_id), "")
        keep = [(case_id, number), *old][:RECENT_MAX]
        self._set(KEY_RECENT_CASES, "\n".join(f"{c}\t{n}" for c, n in keep))

    def table_state(self, name: str) -> QByteArray:
        """A table header's saved state (column widths, sort column and order)."""
        return self._bytes(f"tables/{name}")

    def set_table_state(self, name: str, value: QByteArray) -> None:
        self._set(f"tables/{name}", value)

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
