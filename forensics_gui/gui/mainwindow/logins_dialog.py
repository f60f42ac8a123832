"""Tools → Logins and clearances: the logins of a shared PostgreSQL store with their group and
clearance, added, changed and disabled by an administrator, as `forensics db logins` and
`forensics db login` do. The database decides who may: a login that is not an administrator
is told so here, in plain words."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import KnownError, StoreRefusedError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import access, records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

INTRO = QT_TRANSLATE_NOOP(
    "LoginsDialog", "A login's clearance is the highest handling marking it may read: records "
    "marked above it are hidden from that login everywhere, in this application and in psql "
    "alike. Viewers read; editors also add and change records; administrators also delete, "
    "manage markings and manage logins.")
COLUMNS = (QT_TRANSLATE_NOOP("LoginsDialog", "Login"), QT_TRANSLATE_NOOP("LoginsDialog", "Group"),
           QT_TRANSLATE_NOOP("LoginsDialog", "Clearance"),
           QT_TRANSLATE_NOOP("LoginsDialog", "May log in"),
           QT_TRANSLATE_NOOP("LoginsDialog", "Changed (UTC)"),
           QT_TRANSLATE_NOOP("LoginsDialog", "Changed by"))
# Shown in the translation context "LoginsDialog" (the Tools menu's tooltip too).
NOT_POSTGRESQL = QT_TRANSLATE_NOOP(
    "LoginsDialog", "Logins and clearances belong to a shared PostgreSQL store; a SQLite file "
    "is read whole by whoever may open it.")
# The groups' names as shown (the services name them in English; the key is what is stored).
GROUP_NAMES = {"viewer": QT_TRANSLATE_NOOP("LoginsDialog", "viewer"),
               "editor": QT_TRANSLATE_NOOP("LoginsDialog", "editor"),
               "admin": QT_TRANSLATE_NOOP("LoginsDialog", "administrator")}
GOOD, BAD = "color: #1b5e20;", "color: #b71c1c;"


@dataclass
class LoginsView:
    """What the dialog shows, read on the worker in one go."""

    who: str  # who the store is open as, in one line
    groups: dict[str, str]  # group: its label
    markings: list[str]  # lowest to highest
    logins: list[Any] = field(default_factory=list)
    refused: str = ""  # why the logins may not be listed, if they may not


def read_logins(store: Any) -> LoginsView:
    """Who we are, the markings by rank and the logins (or why they may not be read)."""
    who = access.describe(access.standing(store))
    page = records.list_records(store, "marking", sort="rank", limit=1000)
    view = LoginsView(who, dict(access.GROUP_LABELS), [m.name for m in page.rows])
    try:
        view.logins = access.logins(store)
    except StoreRefusedError as refused:
        view.refused = str(refused)
    return view


class LoginsDialog(QDialog):
    """The table of logins and a form to add, change or disable one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("LoginsDialog", "Logins and clearances"))
        self._layout = layout = QVBoxLayout(self)
        self.who = QLabel(translate("LoginsDialog", "Reading who the store is open as…"))
        self.who.setObjectName("logins-who")
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        intro = QLabel(translate("LoginsDialog", INTRO))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.refusal = QLabel()
        self.refusal.setObjectName("logins-refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(BAD)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.hide()  # shown when the logins may not be read
        layout.addWidget(self.refusal)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("LoginsDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.form_box = self._build_form()
        layout.addWidget(self.form_box)
        self.outcome = QLabel()
        self.outcome.setObjectName("logins-outcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        layout.addStretch(0)  # takes the room of the table when there is none to show
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 620)

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(translate("LoginsDialog",
                                  "Add a login, or change one (select it in the table)"))
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.name.setPlaceholderText(
            translate("LoginsDialog", "lower-case letters, digits, '.', '-' and '_'"))
        form.addRow(translate("LoginsDialog", "Login name:"), self.name)
        self.group = QComboBox()
        form.addRow(translate("LoginsDialog", "Group:"), self.group)
        self.clearance = QComboBox()
        self.clearance.setToolTip(translate(
            "LoginsDialog", "The highest handling marking the login may read; the markings are "
            "listed lowest first"))
        form.addRow(translate("LoginsDialog", "Clearance:"), self.clearance)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            translate("LoginsDialog", "leave empty to keep the present password"))
        form.addRow(translate("LoginsDialog", "New password:"), self.password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("LoginsDialog", "The same again:"), self.again)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("LoginsDialog", "Save login"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.disable_button = QPushButton(translate("LoginsDialog", "Disable login…"))
        self.disable_button.setToolTip(translate(
            "LoginsDialog", "The login may no longer log in; its name and what it did stay on "
            "record"))
        self.disable_button.clicked.connect(self.disable)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        form.addRow(row)
        box.setEnabled(False)  # until the store said who may do what
        return box

    # ----------------------------------------------------------------- reading
    def load(self) -> None:
        """Read the logins again, off the GUI thread."""
        self.context.run(read_logins, self.context.store, on_done=self.show_view,
                         on_error=self._failed, modal=False)

    def show_view(self, view: LoginsView) -> None:
        # Who the store is open as is worded by the services (in English).
        self.who.setText(translate("LoginsDialog", "<b>You are</b> {who}.").format(who=view.who))
        if view.refused:
            why = html.escape(view.refused[:1].upper() + view.refused[1:])
            self.refusal.setText(translate(
                "LoginsDialog", "<b>The store does not let you see or change its logins.</b>"
                "<br>{why}<br><br>Only an administrator of the store may manage logins; ask one "
                "to add or change yours.").format(why=why))
            self.refusal.show()
            self.table.hide()
            self.form_box.hide()
            self._layout.activate()  # the hidden table and form no longer count
            self.resize(self.width(), self.sizeHint().height())
            return
        self.refusal.hide()
        self._fill_choices(view)
        self.table.setRowCount(len(view.logins))
        for row, login in enumerate(view.logins):
            cells = (login.login, self._group_name(view, login.group), login.clearance,
                     translate("LoginsDialog", "yes") if login.can_log_in
                     else translate("LoginsDialog", "no: disabled"),
                     str(login.changed_at), login.changed_by)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, login)
                if not login.can_log_in:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        self.table.show()
        self.form_box.setEnabled(True)
        self.form_box.show()

    def _fill_choices(self, view: LoginsView) -> None:
        group, clearance = self.group.currentData(), self.clearance.currentText()
        self.group.clear()
        for key in view.groups:
            self.group.addItem(self._group_name(view, key), key)
        self.clearance.clear()
        self.clearance.addItems(view.markings)
        self._choose(group or "viewer", clearance)

    @staticmethod
    def _group_name(view: LoginsView, group: str) -> str:
        if group in GROUP_NAMES:
            return translate("LoginsDialog", GROUP_NAMES[group])
        return view.groups.get(group, group)

    def _choose(self, group: str, clearance: str) -> None:
        self.group.setCurrentIndex(max(self.group.findData(group), 0))
        if clearance:
            self.clearance.setCurrentIndex(max(self.clearance.findText(clearance), 0))

    def _selected(self) -> None:
        """A login picked in the table fills the form, to be changed or disabled."""
        items = self.table.selectedItems()
        if not items:
            return
        login = items[0].data(Qt.ItemDataRole.UserRole)
        self.name.setText(login.login)
        self._choose(login.group, login.clearance)
        self.password.clear()
        self.again.clear()

    # ---------------------------------------------------------------- changing
    def save(self) -> None:
        """Add the login or change it (and set its password when one is typed)."""
        name = self.name.text().strip()
        if not name:
            return self._say(translate("LoginsDialog", "Type the login's name first."), BAD)
        if self.password.text() != self.again.text():
            return self._say(translate("LoginsDialog",
                                       "The two passwords differ; nothing was changed."), BAD)
        if not self.clearance.currentText():
            return self._say(translate(
                "LoginsDialog", "The store has no handling markings to clear a login to."), BAD)
        group, clearance = self.group.currentData(), self.clearance.currentText()
        password = self.password.text() or None
        done = (translate("LoginsDialog", "{name} saved: {group}, cleared to {clearance}, "
                          "password set.") if password else
                translate("LoginsDialog", "{name} saved: {group}, cleared to {clearance}.")
                ).format(name=name, group=self.group.currentText(), clearance=clearance)
        self._busy(True)
        self.context.run(access.set_login, self.context.store, name, group, clearance,
                         password, on_done=lambda _none: self._done(done),
                         on_error=self._failed,
                         label=translate("LoginsDialog", "Saving the login…"))

    def disable(self) -> None:
        """Stop the login from logging in, once the user said so."""
        name = self.name.text().strip()
        if not name:
            return self._say(translate("LoginsDialog",
                                       "Select the login to disable in the table first."), BAD)
        answer = QMessageBox.question(
            self, translate("LoginsDialog", "Disable login"), translate(
                "LoginsDialog", "Stop {name} from logging in?\n\nThe login stays on record, "
                "with its group, its clearance and everything it did. Saving it again lets it "
                "log in again.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._busy(True)
        self.context.run(access.disable_login, self.context.store, name,
                         on_done=lambda _none: self._done(
                             translate("LoginsDialog", "{name} may no longer log in; what "
                                       "it did stays on record.").format(name=name)),
                         on_error=self._failed,
                         label=translate("LoginsDialog", "Disabling the login…"))

    def _done(self, said: str) -> None:
        self.password.clear()
        self.again.clear()
        self._busy(False)
        self._say(said, GOOD)
        self.load()

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.disable_button.setEnabled(not busy)

    def _say(self, text: str, style: str) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(style)

    def _failed(self, error: BaseException, trace: str) -> None:
        self._busy(False)
        if isinstance(error, KnownError):  # refused, or a name or marking the store rejects
            self._say(str(error), BAD)
            return
        self._say(translate("LoginsDialog", "That did not work; the error is shown separately."),
                  BAD)
        self.context.show_error(error, trace)


def show_logins(context: AppContext, parent: QWidget) -> LoginsDialog:
    """Open the dialog and read the logins at once."""
    dialog = LoginsDialog(context, parent)
    dialog.show()
    dialog.load()
    return dialog
