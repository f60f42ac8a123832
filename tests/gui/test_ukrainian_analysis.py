"""The analysis screens in Ukrainian: the dashboard, the supply graph, sanctions screening, the
supply links box, the chains and gap windows and the brief dialog show their own words in
Ukrainian, while what people recorded (part numbers, names, markings, case references) and
the store's codes stay exactly as recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from forensics_gui.gui.briefs import brief_task
from forensics_gui.gui.briefs.brief_actions import show_brief_dialog
from forensics_gui.reports import briefs
from forensics_gui.services import analytics, records
from tests.gui.conftest import settle

ITEM = "DEMO-SHAHED-136-001"
STM = "STM32F765VIT6"
HARBOUR = "Harbour Star Electronics Ltd (fictional)"
VEKTOR = "OOO Vektor Komponent (fictional)"
LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = [str(LISTS / "ofac-2024-05" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]


@pytest.fixture
def shown(ukrainian: None, window: Any) -> Any:
    """The main window, made with the Ukrainian translation installed."""
    return window


def test_the_dashboard_speaks_ukrainian(qtbot: Any, shown: Any) -> None:
    shown.show_analytics()
    panel = shown.analytics_panel
    qtbot.waitUntil(lambda: panel.dashboard is not None, timeout=10_000)
    settle(qtbot, shown.context)
    assert panel.system.itemText(0) == "Усі типи систем"
    assert panel.choice()["system"] == ""  # the first entry is every type, in any language
    assert panel.status.text().startswith("Виявлених компонентів: ")
    assert "відкликані докази не враховуються" in panel.status.text()
    chart = panel.grid.charts[0]
    assert chart.menu.actions()[0].text() == "&Копіювати зображення"
    assert chart.menu_button.toolTip().startswith("Копіювати")
    # the figures' own titles, notes and labels too; the names and numbers stay as recorded
    shown_figures = {figure.name: figure for figure in panel.dashboard.figures}
    english = {figure.name: figure for figure in analytics.dashboard(
        shown.context.store, panel.dashboard.filters, top=panel.choice()["top"]).figures}
    assert shown_figures["by_country"].title == "Компоненти за країною виробника"
    assert shown_figures["by_maker"].title == \
        f"Компоненти за виробником ({panel.choice()['top']} найчастіше виявлених)"
    assert shown_figures["identified"].title == "Наскільки повно встановлено компоненти"
    assert english["by_country"].title == "Components by manufacturer country"
    for name, figure in shown_figures.items():
        assert [bar.value for bar in figure.bars] == [bar.value for bar in english[name].bars]
        assert (figure.total, figure.missing) == (english[name].total, english[name].missing)
    makers = [bar.label for bar in shown_figures["by_maker"].bars]
    assert makers[:3] == [bar.label for bar in english["by_maker"].bars][:3]
    assert "STMicroelectronics" in makers
    assert "Дати з кодів дати — це дати виготовлення, а не відвантаження." in \
        shown_figures["production_timeline"].notes
    assert [chart.accessibleName() for chart in panel.grid.charts][:2] == \
        [figure.title for figure in panel.dashboard.figures][:2]


def test_the_supply_graph_speaks_ukrainian_and_keeps_part_numbers(qtbot: Any,
                                                                  shown: Any) -> None:
    shown.show_graph()
    view = shown.graph_panel
    qtbot.waitUntil(lambda: view.graph is not None, timeout=10_000)
    settle(qtbot, shown.context)
    assert view.export_button.text() == "Експортувати зображення…"
    assert view.undated.text() == "Ланки без дати"
    assert view.status.text() == "організацій: 10, ланок постачання: 9 · без дати: 1 (показано)"
    assert view.part.itemText(0) == "Усі деталі"
    entries = [view.part.itemText(i) for i in range(view.part.count())]
    assert any(entry.startswith(STM) and "(ланок: " in entry for entry in entries), entries
    names = {item.node.name for item in view.drawn.nodes.values()}
    assert {HARBOUR, VEKTOR} <= names
    harbour = next(i for i in view.drawn.nodes.values() if i.node.name == HARBOUR)
    assert "Країна: HK — транзитний вузол (Hong Kong)" in harbour.toolTip()


def test_screening_speaks_ukrainian_and_keeps_the_listed_names(qtbot: Any,
                                                               shown: Any) -> None:
    shown.show_screening()
    settle(qtbot, shown.context)
    panel = shown.screening_panel
    assert panel.import_button.text() == "Імпортувати список…"
    assert panel.state_filter.itemText(0) == "Очікують рішення"
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Оцінка", "Організація", "Назва у списку"]
    with qtbot.waitSignals([panel.imported, panel.loaded], order="strict", timeout=30_000):
        panel.import_files(MAY, published_on="2024-05-01")
    settle(qtbot, shown.context)
    rows = {panel.table.item(r, 1).text(): panel.table.item(r, 2).text()
            for r in range(panel.table.rowCount())}
    assert rows[VEKTOR] == "VEKTOR KOMPONENT, OOO (FICTIONAL)"
    assert panel.versions.topLevelItem(0).text(0) == "OFAC SDN"


def test_the_supply_links_box_and_chains_speak_ukrainian(qtbot: Any, shown: Any) -> None:
    shown.open_record("part", records.get(shown.context.store, "part", STM).id)
    settle(qtbot, shown.context)
    box = shown.editor.links_box
    qtbot.waitUntil(lambda: box.listing is not None, timeout=10_000)
    assert box.title() == "Ланки постачання (4)"
    assert box.status.text() == "Ланок: 4"
    assert box.table.horizontalHeaderItem(0).text() == "Дата"
    cells = [box.table.item(r, 0).text() for r in range(box.table.rowCount())]
    assert cells[0] == "2022-08-26" and cells[-1] == "без дати"
    assert box.table.item(0, 2).text().startswith(f"{HARBOUR} (HK, транзитний вузол)")
    assert box.table.item(0, 1).text() == "probable"  # the recorded status, as recorded
    qtbot.mouseClick(box.chains_button, Qt.MouseButton.LeftButton)
    dialog = box._chains[-1]
    qtbot.waitUntil(lambda: dialog.panel.report is not None, timeout=10_000)
    assert dialog.windowTitle().startswith("Імовірні ланцюги постачання — ")
    assert STM in dialog.windowTitle()
    assert dialog.panel.find_button.text() == "Знайти ланцюги"
    assert "імовірних ланцюгів: 2" in dialog.panel.heading.text()
    dialog.close()


def test_the_brief_dialog_speaks_ukrainian_and_keeps_the_marking(
        qtbot: Any, shown: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(brief_task, "documents_folder", lambda: tmp_path)

    def write(store: Any, kind: str, reference: Any, path: Any, options: Any,
              **kwargs: Any) -> briefs.BriefResult:
        Path(path).write_bytes(b"%PDF-1.4 a brief")
        return briefs.BriefResult(Path(path), 3, 1260, "OFFICIAL", "Teardown report")

    monkeypatch.setattr(briefs, "write", write)
    monkeypatch.setattr("forensics_gui.gui.briefs.brief_dialog.BriefDialog.open_result",
                        lambda self: None)
    dialog = show_brief_dialog(shown.context, shown, "teardown", ITEM)
    qtbot.addWidget(dialog)
    settle(qtbot, shown.context)
    assert dialog.windowTitle() == "Написати довідку"
    assert dialog.write_button.text() == "Написати довідку"
    assert dialog.redact.text().startswith("Приховати метадані фото")
    assert dialog.reference.text() == ITEM
    dialog.write()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.result_line.text() == "<b>Записано:</b> сторінок: 3, 1.2 KB, гриф OFFICIAL"
    assert dialog.cancel_button.text() == "Закрити"
