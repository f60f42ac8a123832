"""The record editors, the bench and the search page in Ukrainian: their own words
translated, what people recorded (case references, handling markings, part numbers, markings,
makers' names) shown as it was written."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from forensics_gui.core.bench import HEADINGS
from forensics_gui.core.search import FILTER_LABELS, MATCH_LABELS
from forensics_gui.gui.bench.bench_model import COLUMNS
from forensics_gui.gui.bench.bench_panel import BenchPanel
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records
from forensics_gui.storage.repository import DEPENDENTS
from tests.gui.conftest import settle
from tests.gui.test_bench import drain
from tests.gui.test_search_gui import _groups, _leaves, _type

SHAHED = "DEMO-SHAHED-136-001"
PART = "STM32F765VIT6"



@pytest.fixture
def window(ukrainian: None, window: MainWindow) -> MainWindow:
    """The main window, built after the Ukrainian translation was installed."""
    return window


def _open(qtbot: Any, window: MainWindow, kind: str, reference: str) -> Any:
    record = records.get(window.context.store, kind, reference)
    window.open_record(kind, record.id)
    settle(qtbot, window.context)
    return window.editor


def test_the_texts_of_the_lower_layers_are_translated(ukrainian: None) -> None:
    """The headings, search conditions and dependents the lower layers name (marked for
    translation where they are defined) are shown in Ukrainian."""
    shown = [("BenchModel", text) for text in HEADINGS.values()]
    shown += [("SearchPanel", text) for text in (*FILTER_LABELS.values(),
                                                 *MATCH_LABELS.values())]
    shown += [("RecordEditor", label) for found in DEPENDENTS.values() for label, *_ in found]
    untranslated = [text for context, text in shown if translate(context, text) == text]
    assert not untranslated


def test_the_item_editor_speaks_ukrainian_and_keeps_the_data(qtbot: Any,
                                                             window: MainWindow) -> None:
    editor = _open(qtbot, window, "item", SHAHED)
    tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert tabs == ["Відомості", "Зберігання / передача", "Виявлені компоненти", "Фото"]
    assert editor.save_button.text() == "Зберегти"
    assert editor.delete_button.text() == "Відкликати…"
    assert editor.title.text() == f"Вилучений зразок: {SHAHED}"
    assert editor.meta.text().startswith("Версія 1 · змінено ")
    # What was recorded stays as written: the case reference and the handling marking.
    assert editor.inputs["case_reference"].value() == SHAHED
    assert editor.inputs["handling_marking"].value() == "OFFICIAL"
    custody = editor.custody
    headers = [custody.table.horizontalHeaderItem(c).text()
               for c in range(custody.table.columnCount())]
    assert headers == ["Коли (UTC)", "Статус", "Передав", "Прийняв", "Місце", "Мета"]
    qtbot.waitUntil(lambda: custody.holder.text().startswith("Поточний зберігач: "))
    assert custody.transfer.text() == "Записати передачу…"


def test_the_part_editor_tells_the_identification_in_ukrainian(qtbot: Any,
                                                               window: MainWindow) -> None:
    editor = _open(qtbot, window, "part", PART)
    strip = editor.identify.strip
    qtbot.waitUntil(lambda: strip.proposal is not None, timeout=10_000)
    verdict = strip.verdict.text()
    assert verdict.startswith("<b>Ідентифіковано</b>: ") and "STMicroelectronics" in verdict
    assert strip.accept_button.text() == "Прийняти (Ctrl+I)"
    assert editor.inputs["part_number"].value() == PART
    seen = editor.seen
    assert seen.title() == "Траплялося раніше"
    qtbot.waitUntil(lambda: seen.seen is not None, timeout=10_000)
    assert f"<b>{seen.seen.subject[:1].upper()}{seen.seen.subject[1:]}</b><br>Виявлених " \
        "компонентів — " in seen.text.text()
    assert seen.dates.text().startswith("Вилучено: ")
    assert seen.seen.subject == f"деталь {PART}"  # the part number as recorded
    assert seen.seen.counted == "Відкликані виявлені компоненти не враховано."
    assert f"<b>Деталь {PART}</b>" in seen.text.text()


def test_the_bench_speaks_ukrainian_and_keeps_the_data(qtbot: Any, ukrainian: None,
                                                       context: Any) -> None:
    panel = BenchPanel(context)
    qtbot.addWidget(panel, before_close_func=lambda page: (page.close(), drain(qtbot, context)))
    panel.resize(1400, 800)
    panel.show()
    item = records.get(context.store, "item", SHAHED)
    panel.show_item(item.id)
    qtbot.waitUntil(lambda: panel.controller.item is not None)
    settle(qtbot, context)
    model = panel.model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headings[1:3] == ["Позиція", "Прочитане маркування"]
    assert panel.title.text().startswith(f"Стенд: {SHAHED} · ")
    assert panel.save_button.text() == "Зберегти"
    assert panel.create_button.text() == "Створити й зберегти"
    assert "<b>Ctrl+I</b> прийняти пропозицію" in panel.keys.text()
    saved = [row for row in model.rows if row.finding is not None]
    assert panel.counts.text() == f"Збережено: {len(saved)}"
    markings = [model.index(n, COLUMNS.index("marking")).data() for n in range(len(saved))]
    assert any(PART in marking for marking in markings)  # as read off the chip
    assert panel.checklist.start.text() == "Почати за шаблоном"


def test_the_search_page_speaks_ukrainian_and_keeps_the_data(qtbot: Any,
                                                             window: MainWindow) -> None:
    window.show_search()
    panel = window.search_panel
    assert panel.filters_button.text() == "Фільтри"
    assert panel.tree.headerItem().text(0) == "Знайдено"
    _type(qtbot, window, "stm32")
    groups = _groups(panel)
    assert groups["Деталі (2)"] == [PART, "STM32G071"]
    assert panel.status.text() == "деталі: 2, виявлені компоненти: 2"
    first = _leaves(panel.tree.topLevelItem(0))[0]
    assert first.text(1) == "починається з"
    sanctioned = panel.filter_inputs["sanctioned"]
    assert isinstance(sanctioned, QComboBox)
    assert [sanctioned.itemText(i) for i in range(sanctioned.count())] == ["", "так", "ні"]
    sanctioned.setCurrentIndex(1)
    assert panel.filters()["sanctioned"] == "yes"  # the search is asked in its own words
