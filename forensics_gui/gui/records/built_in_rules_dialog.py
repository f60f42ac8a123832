"""The identification rules the application comes with, read-only, with a filter box: an
analyst looks here for a rule before writing one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import KnownError
from forensics_gui.core.hs import hs_shown
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import identify

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

COLUMNS = (("rule_id", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Rule")),
           ("maker", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Maker")),
           ("now_part_of", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Now part of")),
           ("pattern", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Pattern")),
           ("family", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Part family")),
           ("category", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Category")),
           ("hs_code", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "HS code")),
           ("confidence", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Confidence")),
           ("source", QT_TRANSLATE_NOOP("BuiltInRulesDialog", "Source")))


class BuiltInRulesDialog(QDialog):
    """Every built-in rule, filtered by what is typed in any column (a few hundred rows: a
    filter proxy is enough)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("BuiltInRulesDialog", "Built-in identification rules"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("BuiltInRulesDialog", "Filter by rule, maker, "
                                                 "pattern, family, category or source…"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([translate("BuiltInRulesDialog", label)
                                              for _, label in COLUMNS])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self._filter)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.count = QLabel(translate("BuiltInRulesDialog", "Reading the rules…"))
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Without a store, the rules that apply are the built-in ones alone.
        context.run(identify.rules_for, None, on_done=self.show_rules, on_error=self._failed)

    def _failed(self, error: BaseException, trace: str) -> None:
        if isinstance(error, KnownError):
            self.count.setText(translate("BuiltInRulesDialog",
                                         "The built-in rules cannot be read: {error}").format(
                error=error))
        else:
            self.context.show_error(error, trace)

    def show_rules(self, rules: Any) -> None:
        """Fill the table with the rules of the rule set `rules` (the owner of each maker
        today from the rule, else from the makers table)."""
        self.model.setRowCount(0)
        for rule in rules.rules:
            row = []
            owner = rule.now_part_of or rules.makers.owner(rule.maker)
            for name, _ in COLUMNS:
                value = owner if name == "now_part_of" else str(getattr(rule, name, "") or "")
                cell = QStandardItem(hs_shown(value) if name == "hs_code" else value)
                cell.setToolTip(cell.text() if len(cell.text()) > 40 else "")
                row.append(cell)
            self.model.appendRow(row)
        for column in range(len(COLUMNS) - 1):
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 260))
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            translate("BuiltInRulesDialog", "{total} built-in rules").format(total=total)
            if shown == total else translate("BuiltInRulesDialog",
                                             "{shown} of {total} built-in rules").format(
                shown=shown, total=total))
