"""The Conflicts page: records changed both in this store and on a field device.

The store's record stayed as it was; the sender's whole version waits beside it. The page
lists the conflicts (kind, record, which device and package, when), shows the one selected
field by field (ours | theirs, the fields that differ highlighted), and decides it: keep ours
or take theirs, each with a reason, which the record's history keeps (the service audits
it). "Show resolved" lists the decided ones too, with who decided, how, when and why.
Nothing is ever deleted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import KINDS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import exchange_conflicts, records
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

LIST_HEADERS = (QT_TRANSLATE_NOOP("ConflictsPanel", "Kind"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "Record"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "From device"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "Received"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "Fields that differ"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "State"),
                QT_TRANSLATE_NOOP("ConflictsPanel", "Decision"))
DIFFERING_COLUMN, DECISION_COLUMN = 4, 6
MIN_FILLER = 150
ROLE_ID = Qt.ItemDataRole.UserRole
DIFFERS_BACKGROUND = QColor("#fff1c2")
EMPTY = "—"
REFRESH_DELAY_MS = 200
LIST_LIMIT = 1000
# "2026-03-04T10:12:08.123+00:00" as "2026-03-04 10:12 UTC"
MOMENT = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(\+00:00|Z)?")
QUESTION = {"ours": (QT_TRANSLATE_NOOP("ConflictsPanel", "Keep ours"),
                     QT_TRANSLATE_NOOP("ConflictsPanel", "Why keep this store's version? "
                                       "(required; the record's history keeps it)")),
            "theirs": (QT_TRANSLATE_NOOP("ConflictsPanel", "Take theirs"),
                       QT_TRANSLATE_NOOP("ConflictsPanel", "Why take {device}'s version? "
                                         "(required; the record's history keeps it)"))}


def conflicts_label(open_count: int | None) -> str:
    """The navigator's entry: "Conflicts", or "Conflicts (3)" while some wait."""
    return (translate("ConflictsPanel", "Conflicts ({count})").format(count=f"{open_count:,}")
            if open_count else translate("ConflictsPanel", "Conflicts"))


def load_detail(store: Any, conflict_id: UUID) -> tuple[Any, dict[str, str]]:
    """A conflict field by field, and {id: title} of the records its references name, so
    that the table shows names, not ids; on the worker."""
    detail = exchange_conflicts.show(store, conflict_id)
    kind = detail.conflict.kind
    refs = {"item_id": "item"} if kind == "custody" else {
        f.name: f.ref for f in KINDS[kind].fields if f.type in ("ref", "refs") and f.ref}
    wanted: dict[str, set[UUID]] = {}
    for pair in detail.fields:
        if pair.name in refs:
            for value in (*_listed(pair.ours), *_listed(pair.theirs)):
                if (found := _uuid(value)) is not None:
                    wanted.setdefault(refs[pair.name], set()).add(found)
    names: dict[str, str] = {}
    for ref_kind, ids in wanted.items():
        names |= {str(k): v for k, v in records.titles(store, ref_kind, sorted(ids)).items()}
    return detail, names


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _uuid(value: Any) -> UUID | None:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError:
        return None


def shown(value: Any, names: dict[str, str]) -> str:
    """A value as the table shows it: names for ids, lists joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, list | tuple):
        return "; ".join(shown(v, names) for v in value)
    if isinstance(value, bool):
        return translate("ConflictsPanel", "yes") if value else translate("ConflictsPanel", "no")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items()) or EMPTY
    return names.get(str(value), str(value))


def state_text(conflict: Any) -> str:
    """"open" (waiting for a decision), or "kept theirs"."""
    if conflict.state == "open":
        return translate("ConflictsPanel", "open")
    return kept_text(conflict.kept)


def kept_text(kept: str) -> str:
    """"kept ours" or "kept theirs"."""
    if kept == "ours":
        return translate("ConflictsPanel", "kept ours")
    if kept == "theirs":
        return translate("ConflictsPanel", "kept theirs")
    return translate("ConflictsPanel", "kept {side}").format(side=kept)


def decision_text(conflict: Any) -> str:
    """"anna, 2026-03-04 10:12: the laptop's reading is right" ("" while open)."""
    if conflict.state == "open":
        return ""
    when = f", {conflict.resolved_at:%Y-%m-%d %H:%M}" if conflict.resolved_at else ""
    who = conflict.resolved_by or translate("ConflictsPanel", "unknown")
    return f"{who}{when}: {conflict.reason}"


def kind_text(label: str) -> str:
    """A kind's label in the interface's language, capitalised."""
    return translate("fields", label).capitalize()


class ConflictsPanel(QWidget):
    """The list of conflicts, the selected one side by side, and the two decisions."""

    resolved = Signal(object)  # the conflict decided
    counted = Signal(int)  # how many are open, each time the list is read
    open_requested = Signal(str, object)  # kind, record id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.conflicts: list[Any] = []
        self.detail: Any = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(translate("ConflictsPanel", "Conflicts"))
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.show_resolved = QCheckBox(translate("ConflictsPanel", "Show resolved"))
        self.show_resolved.toggled.connect(lambda _on: self.reload())
        top.addWidget(self.show_resolved)
        layout.addLayout(top)
        intro = QLabel(translate(
            "ConflictsPanel", "A record changed both in this store and on a field device. This "
            "store's record stays as it is until you decide which version to keep; the other "
            "is kept with the conflict. Nothing is deleted."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_list)
        self.follower = StoreFollower(self, context, None, lambda _changes: self.reload(),
                                      forget=self.clear, delay_ms=REFRESH_DELAY_MS)

    def _build_list(self) -> QTableWidget:
        self.list = QTableWidget(0, len(LIST_HEADERS))
        self.list.setHorizontalHeaderLabels([translate("ConflictsPanel", h)
                                             for h in LIST_HEADERS])
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.itemSelectionChanged.connect(self._selected)
        self.list.doubleClicked.connect(lambda _index: self.open_record())
        return self.list

    def _build_detail(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(translate("ConflictsPanel",
                                        "Select a conflict to see both versions."))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([translate("ConflictsPanel", "Field"),
                                               translate("ConflictsPanel", "Ours (this store)"),
                                               translate("ConflictsPanel", "Theirs")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(translate("ConflictsPanel", "Open the record"))
        self.open_button.clicked.connect(self.open_record)
        self.keep_ours = QPushButton(translate("ConflictsPanel", "Keep ours…"))
        self.keep_ours.setToolTip(translate("ConflictsPanel",
                                            "This store's record stays as it is."))
        self.keep_ours.clicked.connect(lambda: self.decide("ours"))
        self.take_theirs = QPushButton(translate("ConflictsPanel", "Take theirs…"))
        self.take_theirs.setToolTip(translate(
            "ConflictsPanel", "Their values become a new version of the record."))
        self.take_theirs.clicked.connect(lambda: self.decide("theirs"))
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_ours)
        buttons.addWidget(self.take_theirs)
        for widget in (self.heading, self.about):
            layout.addWidget(widget)
        layout.addWidget(self.fields, 1)
        layout.addLayout(buttons)
        self._show_detail(None, {})
        return holder

    # ------------------------------------------------------------------ the list
    def reload(self) -> None:
        """Read the conflicts again (the selected one stays selected)."""
        if self.context.store is None:
            return
        self.context.run(_conflicts, self.context.store, self.show_resolved.isChecked(),
                         on_done=self._fill)

    def clear(self) -> None:
        """Forget what the previous store held."""
        self._fill([])

    def _fill(self, conflicts: list[Any]) -> None:
        chosen = self.current_id()
        self.conflicts = conflicts
        if self.context.store is not None and len(conflicts) < LIST_LIMIT:  # all of them
            self.counted.emit(sum(c.state == "open" for c in conflicts))
        self.list.blockSignals(True)
        self.list.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            differing = ", ".join(_field_label(c.kind, n) for n in c.differing) or EMPTY
            cells = (kind_text(c.kind_label), c.title, c.sender_device,
                     f"{c.received_at:%Y-%m-%d %H:%M}", differing, state_text(c),
                     decision_text(c))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if column != 2 else translate(
                    "ConflictsPanel", "{device}, package {package}").format(
                        device=c.sender_device, package=c.package_id))
                cell.setData(ROLE_ID, c.id)
                self.list.setItem(row, column, cell)
        self.list.blockSignals(False)
        self.list.setColumnHidden(DECISION_COLUMN, not self.show_resolved.isChecked())
        self._fit_list()
        ids = [c.id for c in conflicts]
        row = ids.index(chosen) if chosen in ids else 0 if ids else -1
        if row >= 0:
            self.list.selectRow(row)
        self._selected()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()  # once the list has its new width

    def _fit_list(self) -> None:
        """Columns as wide as their words; the last shown one (the fields that differ, or
        the decisions when shown) takes the room left, and gives way when it is short (the
        whole text is in the tooltip), never narrower than MIN_FILLER."""
        self.list.resizeColumnsToContents()
        header = self.list.horizontalHeader()
        shown = [c for c in range(self.list.columnCount()) if not self.list.isColumnHidden(c)]
        for column in shown:  # the header's words too
            self.list.setColumnWidth(column, max(self.list.columnWidth(column),
                                                 header.sectionSizeHint(column)))
        width = self.list.viewport().width()
        filler = DECISION_COLUMN if DECISION_COLUMN in shown else DIFFERING_COLUMN
        if filler == DECISION_COLUMN:
            self.list.setColumnWidth(DIFFERING_COLUMN, max(MIN_FILLER, min(
                self.list.columnWidth(DIFFERING_COLUMN), width // 5)))
        others = sum(self.list.columnWidth(c) for c in shown if c != filler)
        self.list.setColumnWidth(filler, max(MIN_FILLER, width - others - 2))

    def current_id(self) -> UUID | None:
        rows = self.list.selectionModel().selectedRows()
        return self.list.item(rows[0].row(), 0).data(ROLE_ID) if rows else None

    def current(self) -> Any:
        found = self.current_id()
        return next((c for c in self.conflicts if c.id == found), None)

    def select(self, conflict_id: UUID) -> None:
        """Select the conflict with this id (when listed)."""
        for row in range(self.list.rowCount()):
            if self.list.item(row, 0).data(ROLE_ID) == conflict_id:
                self.list.selectRow(row)

    def _selected(self) -> None:
        chosen = self.current_id()
        if chosen is None:
            self._show_detail(None, {})
            return
        self.context.run(load_detail, self.context.store, chosen,
                         on_done=lambda found: self._loaded(chosen, found))

    def _loaded(self, asked: UUID, found: tuple[Any, dict[str, str]]) -> None:
        if asked == self.current_id():  # the user may have moved on meanwhile
            self._show_detail(*found)

    # ---------------------------------------------------------------- the detail
    def _show_detail(self, detail: Any, names: dict[str, str]) -> None:
        self.detail = detail
        conflict = detail.conflict if detail is not None else None
        is_open = conflict is not None and conflict.state == "open"
        self.keep_ours.setEnabled(is_open)
        self.take_theirs.setEnabled(is_open)
        self.open_button.setEnabled(conflict is not None and conflict.kind != "custody")
        if detail is None:
            self.heading.setText(
                translate("ConflictsPanel", "No conflict waiting for a decision.")
                if not self.conflicts else
                translate("ConflictsPanel", "Select a conflict to see both versions."))
            self.about.setText("")
            self.fields.setRowCount(0)
            return
        self.heading.setText(f"{kind_text(conflict.kind_label)}: {conflict.title}")
        decided = "" if is_open else "\n" + translate(
            "ConflictsPanel", "Decided: {state} by {decision}.").format(
                state=state_text(conflict), decision=decision_text(conflict))
        self.about.setText(translate(
            "ConflictsPanel", "Theirs: version {their_version} from {device} (package "
            "{package}), made by {made}, last changed by {changed}. Ours: version "
            "{our_version} when the conflict arose.").format(
                their_version=conflict.their_version, device=conflict.sender_device,
                package=conflict.package_id, made=_moment(detail.theirs_made),
                changed=_moment(detail.theirs_changed), our_version=conflict.our_version)
            + decided)
        self.fields.setHorizontalHeaderLabels(
            [translate("ConflictsPanel", "Field"),
             translate("ConflictsPanel", "Ours (this store)"),
             translate("ConflictsPanel", "Theirs ({device})").format(
                 device=conflict.sender_device)])
        self._fill_fields(detail.fields, names)

    def _fill_fields(self, pairs: Any, names: dict[str, str]) -> None:
        self.fields.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            cells = (translate("fields", pair.label), shown(pair.ours, names),
                     shown(pair.theirs, names))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if pair.differs:
                    cell.setBackground(DIFFERS_BACKGROUND)
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.fields.setItem(row, column, cell)
        self.fields.resizeRowsToContents()

    def differing_fields(self) -> list[str]:
        """The labels of the rows highlighted as differing."""
        return [self.fields.item(r, 0).text() for r in range(self.fields.rowCount())
                if self.fields.item(r, 0).font().bold()]

    # ---------------------------------------------------------------- decisions
    def decide(self, keep: str) -> None:
        """Ask why, then keep ours or take theirs (on the worker)."""
        conflict = self.current()
        if conflict is None or conflict.state != "open":
            return
        title, question = (translate("ConflictsPanel", text) for text in QUESTION[keep])
        reason, ok = QInputDialog.getText(self, title,
                                          question.format(device=conflict.sender_device))
        if not ok:
            return
        if not reason.strip():
            QMessageBox.warning(self, title, translate(
                "ConflictsPanel", "A reason is required: say why this version is kept. "
                "Nothing was changed."))
            return
        self.context.run(exchange_conflicts.resolve, self.context.store, conflict.id, keep,
                         reason, label=translate("ConflictsPanel", "Deciding the conflict…"),
                         on_done=self._decided)

    def _decided(self, conflict: Any) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(translate(
                "ConflictsPanel", "Conflict decided: {kept} for {title}; the record's history "
                "shows it.").format(kept=kept_text(conflict.kept), title=conflict.title), 15_000)
        self.resolved.emit(conflict)
        self.reload()

    def open_record(self) -> None:
        """Open the conflicting record in the editor."""
        conflict = self.current()
        if conflict is not None and conflict.kind != "custody":
            self.open_requested.emit(conflict.kind, conflict.record_id)


def _conflicts(store: Any, include_closed: bool) -> list[Any]:
    return exchange_conflicts.open_conflicts(store, include_closed=include_closed,
                                             limit=LIST_LIMIT)


def _moment(text: str) -> str:
    return MOMENT.sub(lambda m: f"{m[1]} {m[2]}{' UTC' if m[3] else ''}", text)


def _field_label(kind: str, name: str) -> str:
    if kind in KINDS:
        found = next((f.label for f in KINDS[kind].fields if f.name == name), None)
        if found:
            return translate("fields", found)
    return name.replace("_", " ").capitalize()
