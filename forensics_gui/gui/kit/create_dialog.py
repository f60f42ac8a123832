"""A small window that makes the record a reference field names but the store does not hold
yet, and hands it back to the form the field is in (which stays as it was, unsaved).

The window shows a record editor in its compact form (the kind's fields, no boxes or
buttons of its own); saving goes through the same service as every other record, so the
new record is checked and audited like any other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import kind_label

# What a record made from a reference field takes from the form it is made from, field by
# field of the same name: {(the form's kind, the reference field): (fields carried)}. A part
# made from a finding knows the finding's maker and function; nothing else is guessed.
CARRIED: dict[tuple[str, str], tuple[str, ...]] = {
    ("finding", "part_id"): ("manufacturer_id", "function"),
}
WIDTH, TALLEST = 540, 640


def starting_values(kind: str, field: str, text: str, known: dict[str, tuple[Any, Any]]
                    ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values the new record is saved with, values its form shows) for a record made from
    field `field` of a `kind` form: `text` in its name, and what the form carries over
    (`known`: {field: (value sent, value shown)} of the form)."""
    target = kind_spec(kind_spec(kind).field(field).ref)
    sent: dict[str, Any] = {}
    shown: dict[str, Any] = {}
    if text and any(f.name == target.title_field for f in target.fields):
        sent[target.title_field] = shown[target.title_field] = text
    for name in CARRIED.get((kind, field), ()):
        value, seen = known.get(name, ("", ""))
        if value not in (None, "", ()):
            sent[name], shown[name] = value, seen
    return sent, shown


class CreateDialog(QDialog):
    """The form of a new record: Create saves it and closes, Cancel closes."""

    created = Signal(object)  # the record, once saved

    def __init__(self, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form  # a RecordEditor made compact, already started with new()
        self.record: Any = None
        label = kind_label(form.spec.name)
        self.setWindowTitle(translate("CreateDialog", "New {kind}").format(kind=label))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "CreateDialog", "Saved as a new {kind} and chosen in the form you came from; that "
            "form keeps everything typed in it and stays unsaved.").format(kind=label))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(form, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            translate("CreateDialog", "Create {kind}").format(kind=label),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saving = False
        form.save_failed.connect(self._refused)
        margins = layout.contentsMargins()
        around = (intro.sizeHint().height() + buttons.sizeHint().height() + margins.top()
                  + margins.bottom() + 2 * layout.spacing())
        self.resize(WIDTH, min(TALLEST, form.form_height() + around))

    def create(self) -> None:
        """Save the new record (once: the window waits for the answer)."""
        self.saving = True
        self.create_button.setEnabled(False)
        self.form.save(then=self._created)

    def _refused(self) -> None:
        self.saving = False
        self.create_button.setEnabled(True)

    def _created(self, record: Any) -> None:
        self.saving = False
        self.record = record
        self.created.emit(record)
        self.accept()

    def reject(self) -> None:
        if not self.saving:  # a record being saved is handed back, not left behind
            super().reject()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.form.focus_first_empty()
