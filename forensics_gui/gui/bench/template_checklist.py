"""The template checklist beside the bench: the usual modules of the item's system type,
ticked where the item already has a finding (see core.bench.module_of for the rule)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.bench import modules_recorded
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.i18n import translate

NO_MODULES = QT_TRANSLATE_NOOP("TemplateChecklist", "{system} has no template modules yet. Add "
                               "them on the <b>Template modules</b> page (one record per "
                               "module: its name, order and usual function); the checklist and "
                               "“Start from template” follow.")
RULE = QT_TRANSLATE_NOOP("TemplateChecklist", "A finding is in a module when its position "
                                              "starts with the module's name (“flight "
                                              "controller U12”); the longest name wins.")


class TemplateChecklist(QWidget):
    """Modules with a tick and the number of findings recorded in each; emits
    `start_requested` (Start from template) and `module_chosen(name)` (a module clicked or
    Enter on it)."""

    start_requested = Signal()
    module_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules: list[Any] = []
        self.counts: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = ElidedLabel(translate("TemplateChecklist", "Template"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.start = QPushButton(translate("TemplateChecklist", "Start from template"))
        self.start.setToolTip(translate("TemplateChecklist", "Add an unsaved row for each "
                                                             "module with no finding yet "
                                                             "(position and function filled "
                                                             "in); rows you do not edit are "
                                                             "not saved"))
        self.start.clicked.connect(self.start_requested)
        top.addWidget(self.title, 1)
        top.addWidget(self.start)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setToolTip(translate("TemplateChecklist", RULE))
        self.list.itemActivated.connect(lambda item: self.module_chosen.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        self.list.itemClicked.connect(lambda item: self.module_chosen.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.list, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        self.show_modules([], "")

    def show_modules(self, modules: list[Any], system: str) -> None:
        """The system type's modules (in checklist order)."""
        self.modules = list(modules)
        has = bool(self.modules)
        self.list.setVisible(has)
        self.empty.setVisible(not has and bool(system))
        self.empty.setText(translate("TemplateChecklist", NO_MODULES).format(
            system=system or translate("TemplateChecklist", "The system type")))
        self.start.setEnabled(has)
        self._fill()

    def update_ticks(self, locations: list[str]) -> None:
        """Tick the modules these positions (of saved findings) lie in."""
        self.counts = modules_recorded(locations, [m.name for m in self.modules])
        self._fill()

    def unrecorded(self) -> list[Any]:
        """The modules with no finding yet, in order."""
        return [m for m in self.modules if not self.counts.get(m.name)]

    def _fill(self) -> None:
        self.list.clear()
        done = 0
        for module in self.modules:
            n = self.counts.get(module.name, 0)
            done += bool(n)
            found = " — " + (translate("TemplateChecklist", "{count} finding") if n == 1 else
                             translate("TemplateChecklist", "{count} findings")).format(
                count=n) if n else ""
            item = QListWidgetItem(f"{'✓' if n else '☐'}  {module.name}{found}")
            item.setData(Qt.ItemDataRole.UserRole, module.name)
            expected = "; ".join(getattr(module, "expected", ()) or ())
            item.setToolTip("\n".join(t for t in (module.function, expected and
                                                  translate("TemplateChecklist",
                                                            "Usual components: {components}")
                                                  .format(components=expected)) if t))
            if n:
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.list.addItem(item)
        total = len(self.modules)
        self.title.setText(translate("TemplateChecklist",
                                     "Template: {done} of {total} modules recorded").format(
            done=done, total=total) if total else translate("TemplateChecklist", "Template"))
