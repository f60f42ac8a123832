"""Where a brief is asked for: "Brief…" buttons beside what the user looks at, and the main
window's File › Write a brief…; each opens the brief dialog with the brief of that thing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton, QWidget

from forensics_gui.core.briefs import BRIEF_OF_RECORD
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.briefs.brief_dialog import BriefDialog
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

Subject = tuple[str, str]  # (kind of brief, reference)
Period = tuple[str, str]  # supply links dated from, to (as typed on the screen)
TIP = QT_TRANSLATE_NOOP("brief_actions", "Write a PDF brief about this")


def subject_of(kind: str, record: Any) -> Subject:
    """The brief a record is the subject of: an item's teardown report, a part's or a
    maker's dossier, a system type's summary; a finding's part's dossier (its item's
    teardown when the part is not identified). ("teardown", "") for anything else."""
    if record is None:
        return "teardown", ""
    if kind == "finding":
        if record.part_number:
            return "dossier", record.part_number
        return "teardown", record.case_reference or ""
    brief = BRIEF_OF_RECORD.get(kind)
    names = {"item": "case_reference", "part": "part_number", "org": "name", "system": "name"}
    if brief is None:
        return "teardown", ""
    return brief, str(getattr(record, names[kind]) or "")


def show_brief_dialog(context: AppContext, parent: QWidget | None, kind: str,
                      reference: str = "", period: Period = ("", "")) -> BriefDialog:
    """Open a brief dialog (a window of its own) for `kind` about `reference`. It belongs to
    the main window, which outlives the panel or window it was asked from: the worker may
    still be writing into it when that one closes."""
    dialog = BriefDialog(context, kind, reference, context.main_window or parent, period)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def brief_for_record(context: AppContext, parent: QWidget | None, kind: str,
                     record_id: Any, period: Period = ("", "")) -> None:
    """Open the brief dialog for the record of `kind` with this id (read on the worker)."""
    if context.store is None or record_id is None:
        return
    context.run(records.get, context.store, kind, record_id,
                on_done=lambda record: show_brief_dialog(context, parent,
                                                         *subject_of(kind, record), period))


def brief_button(context: AppContext, parent: QWidget,
                 subject: Callable[[], Subject | tuple[str, str, Period] | None],
                 text: str = "") -> QPushButton:
    """A button opening the brief dialog on what `subject()` says when it is clicked: kind,
    reference and perhaps the period shown (None: `subject` opened the dialog itself, e.g.
    after reading a record); `text` is the button's, "Brief…" unless given."""
    button = QPushButton(text or translate("brief_actions", "Brief…"), parent)
    button.setToolTip(translate("brief_actions", TIP))

    def clicked() -> None:
        chosen = subject()
        if chosen is not None:
            show_brief_dialog(context, parent, *chosen)

    button.clicked.connect(clicked)
    return button


def brief_for_graph(context: AppContext, parent: QWidget | None, graph: Any
                    ) -> tuple[str, str, Period] | None:
    """The brief of what a supply graph shows, in its period: the dossier of its
    organization, finding's part or part (read first, so None), or the sanctions gap for the
    whole store."""
    scope = getattr(graph, "scope", None)
    if scope is None:
        return "gap", "", ("", "")
    period: Period = (_day(scope.date_from), _day(scope.date_to))
    for kind, record_id in (("org", scope.organization_id), ("finding", scope.finding_id),
                            ("part", scope.part_ids[0] if scope.part_ids else None)):
        if record_id is not None:
            brief_for_record(context, parent, kind, record_id, period)
            return None
    return "gap", "", period


def _day(day: Any) -> str:
    return day.isoformat() if day else ""


def write_brief_from(context: AppContext, window: Any) -> BriefDialog:
    """File › Write a brief…: the brief of the record open in the editor, if any."""
    editor = getattr(window, "editor", None)
    record = getattr(editor, "record", None)
    kind, reference = subject_of(editor.kind if editor is not None else "", record)
    return show_brief_dialog(context, window, kind, reference)
