"""GUI fixtures: settings in ``tmp_path``, a task runner per test, the
language manager, and a database filled with generated cases."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from case_factory import N_CASES, build_cases
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services.cases import create_cases
from courtapp.ui.i18n import LanguageManager
from courtapp.ui.settings import APPLICATION, LANGUAGE_ENGLISH, ORGANISATION, UiSettings
from courtapp.ui.tasks import TaskRunner


@pytest.fixture(scope="session")
def _cases_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the generated cases, built once per session."""
    path = tmp_path_factory.mktemp("template") / "cases.sqlite"
    ctx = open_database(f"sqlite+pysqlite:///{path}")
    try:
        create_cases(ctx.uow(), Actor("judge", frozenset({Role.JUDGE})), build_cases(N_CASES))
    finally:
        ctx.engine.dispose()
    return path


@pytest.fixture
def cases_db(_cases_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    """A SQLite database (a copy per test) holding ``N_CASES`` cases, numbered 1..450."""
    path = tmp_path / "cases.sqlite"
    shutil.copyfile(_cases_template, path)
    ctx = open_database(f"sqlite+pysqlite:///{path}")
    yield ctx
    ctx.engine.dispose()


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path, qapp: QCoreApplication) -> Iterator[None]:
    """Nothing a test does reaches the real per-user settings file."""
    qapp.setOrganizationName(ORGANISATION)
    qapp.setApplicationName(APPLICATION)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    settings.language = LANGUAGE_ENGLISH
    return settings


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A task runner; at teardown its threads finish and late results are dropped."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    Shiboken.delete(runner)  # queued deliveries to it die with it


@pytest.fixture
def tasks_settled(tasks: TaskRunner, qtbot: QtBot) -> Iterator[None]:
    """The test's database and print work finish before the runner stops (use it
    with ``pytestmark = pytest.mark.usefixtures("tasks_settled")``)."""
    yield
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=15_000)


@pytest.fixture
def languages(qapp: QCoreApplication, ui_settings: UiSettings) -> Iterator[LanguageManager]:
    """The language manager, English to start with; English again afterwards."""
    manager = LanguageManager(qapp, ui_settings)
    manager.apply()
    yield manager
    ui_settings.language = LANGUAGE_ENGLISH
    manager.apply()
    QLocale.setDefault(QLocale.system())
    Shiboken.delete(manager)

