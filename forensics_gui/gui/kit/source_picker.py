"""Choosing a source to cite, or creating one on the spot, from any editor."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import CREDIBILITY, RELIABILITY, SOURCE_KINDS
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

ROLE = 256


class SourcePicker(QDialog):
    """Pick an existing source (filtered as you type) or describe a new one."""

    def __init__(self, context: AppContext, sources: list[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("SourcePicker", "Cite a source"))
        self.chosen: Any = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._existing(sources), translate("SourcePicker", "Existing source"))
        self.tabs.addTab(self._new(), translate("SourcePicker", "New source"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _existing(self, sources: list[Any]) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("SourcePicker", "Filter by title…"))
        self.list = QListWidget()
        for source in sources:
            item = QListWidgetItem(f"{source.title}  [{source.grade}]")
            item.setData(ROLE, source)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _: self._accept())
        box.addWidget(self.filter)
        box.addWidget(self.list)
        return page

    def _new(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title = QLineEdit()
        self.publisher = QLineEdit()
        self.reference = QLineEdit()
        self.published = QLineEdit()
        self.published.setPlaceholderText(translate("FieldInput", "YYYY-MM-DD"))
        self.kind = QComboBox()
        self.kind.addItems(SOURCE_KINDS)
        self.reliability = QComboBox()
        self.reliability.addItems(RELIABILITY)
        self.reliability.setCurrentText("F")
        self.credibility = QComboBox()
        self.credibility.addItems(CREDIBILITY)
        self.credibility.setCurrentText("6")
        for label, widget in (
                (translate("fields", "Title") + " *", self.title),
                (translate("fields", "Kind"), self.kind),
                (translate("fields", "Publisher"), self.publisher),
                (translate("fields", "Published on"), self.published),
                (translate("fields", "Reference or address"), self.reference),
                (translate("SourcePicker", "Source reliability (A–F)"), self.reliability),
                (translate("SourcePicker", "Information credibility (1–6)"), self.credibility)):
            form.addRow(label, widget)
        return page

    def _filter(self, text: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(text.lower() not in item.text().lower())

    def _accept(self) -> None:
        if self.tabs.currentIndex() == 0:
            item = self.list.currentItem()
            if item is not None:
                self.chosen = item.data(ROLE)
                self.accept()
            return
        values = {"title": self.title.text(), "kind": self.kind.currentText(),
                  "publisher": self.publisher.text(), "published_on": self.published.text(),
                  "reference": self.reference.text(),
                  "reliability": self.reliability.currentText(),
                  "credibility": self.credibility.currentText()}
        self.context.run(records.create, self.context.store, "source", values,
                         on_done=self._created, on_error=self._refused)

    def _created(self, source: Any) -> None:
        self.chosen = source
        self.accept()

    def _refused(self, error: BaseException, trace: str) -> None:
        if isinstance(error, ValidationError):
            QMessageBox.warning(self, translate("SourcePicker", "Cannot create the source"),
                                str(error))
        else:
            self.context.show_error(error, trace)


def pick_source(context: AppContext, parent: QWidget, chosen: Callable[[Any], None]) -> None:
    """Load the sources, let the user pick or create one, then call `chosen(source)`."""
    def show(page: Any) -> None:
        dialog = SourcePicker(context, list(page.rows), parent)
        if dialog.exec() and dialog.chosen is not None:
            chosen(dialog.chosen)

    context.run(partial(records.list_records, sort="title", limit=5000), context.store,
                "source", on_done=show)
