"""An analyst's identification rule: its form, the pattern checked as it is typed, a "Try it"
box that shows what the rules (this one unsaved included) make of sample part numbers, and
the built-in rules to look through before writing one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from forensics_gui.core.patterns import check_pattern
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.records.record_editor import RecordEditor
from forensics_gui.gui.records.rule_try_box import RuleTryBox

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

CHECK_DELAY_MS = 150


class RuleEditor(RecordEditor):
    """The rule's form, with "Try it" under it and "Built-in rules…" beside History."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "rule", parent)
        self.try_box = RuleTryBox(context, self.draft, self._stored_id)
        self.body.addWidget(self.try_box)
        self.body.setStretchFactor(self.body.indexOf(self.try_box), 3)
        self.try_box.filled.connect(self.share_height)
        self.built_in_button = QPushButton(translate("RuleEditor", "Built-in rules…"))
        self.built_in_button.setToolTip(translate("RuleEditor", "The rules the application "
                                                                "comes with: look for one "
                                                                "before writing your own"))
        self.built_in_button.clicked.connect(self.show_built_in_rules)
        self.side_buttons.insertWidget(self.side_buttons.indexOf(self.history_button),
                                       self.built_in_button)
        self._check = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check.timeout.connect(self.check_pattern)
        for widget in self.inputs.values():
            widget.edited.connect(self._form_edited)

    def draft(self) -> dict[str, Any]:
        """The rule as the form shows it now, saved or not."""
        return {name: widget.value() for name, widget in self.inputs.items()}

    def _stored_id(self) -> str | None:
        return str(self.record.id) if self.record is not None else None

    def _form_edited(self) -> None:
        self._check.start()
        self.try_box.refresh()

    def check_pattern(self) -> str | None:
        """Show at the pattern field what is wrong with it, as it is typed; None when it is
        fine (or still empty)."""
        text = self.inputs["pattern"].value()
        problem = None
        if text.strip():
            try:
                check_pattern(text)
            except ValueError as error:
                problem = str(error)
        self.inputs["pattern"].set_invalid(problem is not None)
        self.errors["pattern"].setText(problem or "")
        self.errors["pattern"].setVisible(problem is not None)
        return problem

    def load(self, record: Any) -> None:
        super().load(record)
        self.check_pattern()
        self.try_box.refresh(at_once=True)

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        super().new(defaults, shown)
        self.check_pattern()
        self.try_box.refresh(at_once=True)

    def show_built_in_rules(self) -> None:
        from forensics_gui.gui.records.built_in_rules_dialog import BuiltInRulesDialog

        dialog = BuiltInRulesDialog(self.context, self)
        dialog.show()
