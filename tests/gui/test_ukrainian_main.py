"""The main window, its dialogs and the shared tables in Ukrainian; the language chosen in
View → Language; what people recorded shown as it is, in any language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from forensics_gui.gui import app as app_module
from forensics_gui.gui.kit import i18n
from forensics_gui.gui.kit.context import SETTINGS_ORG, AppContext
from forensics_gui.gui.kit.history import HistoryDialog
from forensics_gui.gui.kit.labels import kind_plural
from forensics_gui.gui.mainwindow.audit_check import AuditCheckDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow


@pytest.fixture
def uk_window(qtbot: Any, ukrainian: None, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_kind("item")
    qtbot.waitUntil(lambda: window.current_table().model.rowCount() == 6)
    return window


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _navigator(window: MainWindow) -> list[str]:
    return [window.navigator.item(row).text() for row in range(window.navigator.count())]


def _headers(table: Any) -> list[str]:
    model = table.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_main_window_speaks_ukrainian_and_shows_the_data_as_recorded(
        uk_window: MainWindow) -> None:
    assert _menus(uk_window) == ["&Файл", "&Запис", "&Вигляд", "&Інструменти", "&Довідка"]
    shown = _navigator(uk_window)
    assert shown[0] == "Пошук" and "Вилучені зразки" in shown and "Деталі" in shown
    assert "Грифи обмеження доступу" in shown and "Конфлікти" in shown
    assert uk_window.windowTitle().endswith("Криміналістична база даних компонентів")
    table = uk_window.current_table()
    assert _headers(table)[:2] == ["Номер справи", "Тип системи"]
    assert "Гриф обмеження доступу" in _headers(table)
    assert table.filter.placeholderText() == "Фільтр: номер справи… (Ctrl+F)"
    assert table.count.text() == "Записів: 6"
    assert table.show_withdrawn is not None
    assert table.show_withdrawn.text() == "Показати відкликані"
    # The records themselves: case references and handling markings as they were recorded.
    model = table.model
    cells = [str(model.data(model.index(r, c))) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert "OFFICIAL" in cells
    assert any(cell.startswith("DEMO-") and cell.endswith("-001") for cell in cells)
    uk_window._store_opened(uk_window.context.summary)
    assert "· файл SQLite · від імені " in uk_window.store_label.text()


def test_finding_columns_are_ukrainian_and_a_part_number_is_shown_as_read(
        qtbot: Any, uk_window: MainWindow) -> None:
    uk_window.show_kind("finding")
    table = uk_window.current_table()
    qtbot.waitUntil(lambda: table.model.rowCount() > 0 and table.model.record_at(0) is not None)
    headers = _headers(table)
    assert headers[:3] == ["Зразок", "Прочитане маркування", "Номер деталі"]
    assert table.filter.placeholderText() == "Фільтр: прочитане маркування або функція… (Ctrl+F)"
    numbers = {str(table.model.data(table.model.index(r, 2)))
               for r in range(table.model.rowCount())}
    assert "STM32F765VIT6" in numbers  # a part number is shown exactly as stored


def test_dialogs_of_the_main_window_speak_ukrainian(qtbot: Any, uk_window: MainWindow,
                                                    context: AppContext) -> None:
    dialog = AuditCheckDialog(context, uk_window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Перевірка журналу аудиту"
    assert dialog.check_button.text() == "Перевірити"
    history = HistoryDialog("DEMO-SHAHED-136-001", [], parent=uk_window)
    qtbot.addWidget(history)
    assert history.windowTitle() == "Історія: DEMO-SHAHED-136-001"
    assert history.table.horizontalHeaderItem(0).text() == "Коли (UTC)"
    assert kind_plural("hub") == "транзитні вузли"


def test_english_is_unchanged_without_the_translation(window: MainWindow) -> None:
    assert _menus(window) == ["&File", "&Record", "&View", "&Tools", "&Help"]
    assert "Recovered items" in _navigator(window)
    assert _headers(window.current_table())[0] == "Case reference"


def _language_actions(window: MainWindow) -> dict[str, Any]:
    return window.language_actions


def test_view_language_offers_the_system_language_english_and_ukrainian(
        window: MainWindow, context: AppContext, answers: Any) -> None:
    actions = _language_actions(window)
    assert [a.text() for a in actions.values()] == ["System language", "English", "Українська"]
    assert all(a.isCheckable() for a in actions.values())
    assert window.language_group.isExclusive()
    assert actions["system"].isChecked()
    view_menu = window.menuBar().actions()[2].menu()
    language_menu = next(a.menu() for a in view_menu.actions() if a.menu() is not None)
    assert language_menu.title() == "&Language"

    actions["uk"].trigger()
    assert context.settings.value(i18n.SETTING) == "uk"
    assert actions["uk"].isChecked() and not actions["system"].isChecked()
    (said,) = answers.shown
    # Said in the language shown now, and in the one chosen.
    assert said.startswith("Language: The interface will be in the chosen language when the "
                           "application is started again.")
    assert "Інтерфейс буде вибраною мовою після наступного запуску програми." in said

    actions["en"].trigger()
    assert context.settings.value(i18n.SETTING) == "en"
    assert len(answers.shown) == 2 and "Інтерфейс" not in answers.shown[1]
    actions["en"].trigger()  # the language already chosen: nothing to say
    assert len(answers.shown) == 2


def test_the_language_chosen_before_is_ticked(qtbot: Any, context: AppContext) -> None:
    context.settings.setValue(i18n.SETTING, "uk")
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.language_actions["uk"].isChecked()
    assert not window.language_actions["system"].isChecked()


def test_start_up_installs_the_language_from_the_settings_the_window_uses(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class Window:
        def show(self) -> None:
            seen["shown"] = True

    class Context:
        def shutdown(self) -> None:
            seen["shut down"] = True

    def create_window(_args: Any, settings: QSettings | None = None) -> tuple[Any, Any]:
        seen["window settings"] = settings
        return Context(), Window()

    monkeypatch.setattr(i18n, "install", lambda app, settings: seen.setdefault(
        "installed", (app, settings)) and "en")
    monkeypatch.setattr(app_module, "create_window", create_window)
    monkeypatch.setattr(type(qapp), "exec", lambda _self: 0)
    name, display = qapp.applicationName(), qapp.applicationDisplayName()
    try:
        assert app_module.main([]) == 0
    finally:
        qapp.setApplicationName(name)
        qapp.setApplicationDisplayName(display)
    app, settings = seen["installed"]
    assert app is qapp and settings is seen["window settings"]
    assert (settings.organizationName(), settings.applicationName()) == (SETTINGS_ORG,
                                                                          SETTINGS_ORG)
    assert seen["shown"] and seen["shut down"]
