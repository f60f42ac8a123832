"""GUI fixtures: a main window on a copy of the demo store, with dialogs that would block
answered by the test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from forensics_gui.gui.kit import i18n
from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.gui.mainwindow.store_menu import open_and_prepare


class Answers:
    """What the tests answer to message boxes, and what the application showed."""

    def __init__(self) -> None:
        self.question = QMessageBox.StandardButton.Yes
        self.asked: list[str] = []
        self.shown: list[str] = []
        self.errors: list[BaseException] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()

    def question(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        answers.asked.append(f"{title}: {text}")
        return answers.question

    def shown(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        answers.shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", shown)
    monkeypatch.setattr(QMessageBox, "warning", shown)
    return answers


@pytest.fixture
def context(qtbot: Any, tmp_path: Path, sqlite_demo_template: Path, answers: Answers,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(settings)
    monkeypatch.setattr(context, "show_error",
                        lambda error, trace="": answers.errors.append(error))
    path = tmp_path / "demo.sqlite"
    shutil.copy(sqlite_demo_template, path)
    store, summary = open_and_prepare(str(path), False, False)
    context.set_store(store, summary)
    yield context
    context.shutdown()
    store.close()


@pytest.fixture
def window(qtbot: Any, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_kind("item")
    qtbot.waitUntil(lambda: window.current_table().model.rowCount() == 6)
    return window


def settle(qtbot: Any, context: AppContext) -> None:
    """Wait until the worker has nothing left to do."""
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=10_000)


def install_language(folder: Path, language: str) -> str:
    """Install the interface's translation into `language` (a setting kept in `folder`)."""
    settings = QSettings(str(folder / f"language-{language}.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.SETTING, language)
    return i18n.install(QApplication.instance(), settings)


@pytest.fixture
def ukrainian(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """The interface in Ukrainian while the test runs; English again afterwards, for the
    other tests."""
    assert install_language(tmp_path, "uk") == "uk"
    yield
    install_language(tmp_path, "en")
