"""The main window: navigator, table of records, the open record's editor, menus, status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import describe
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.briefs.brief_actions import write_brief_from
from forensics_gui.gui.exchange.export_actions import ExportActions
from forensics_gui.gui.exchange.import_dialog import show_import_dialog
from forensics_gui.gui.exchange.package_actions import PackageActions
from forensics_gui.gui.kit import i18n
from forensics_gui.gui.kit.history import show_history
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.labels import kind_label, kind_plural
from forensics_gui.gui.kit.lazy import records, screening
from forensics_gui.gui.kit.record_table import RecordTable
from forensics_gui.gui.kit.warning_bar import WarningBar
from forensics_gui.gui.mainwindow.audit_check import verify_audit_trail
from forensics_gui.gui.mainwindow.backup_actions import BackupActions
from forensics_gui.gui.mainwindow.logins_dialog import NOT_POSTGRESQL, show_logins
from forensics_gui.gui.mainwindow.store_menu import StoreMenu
from forensics_gui.gui.photos.photo_tools import PhotoTools
from forensics_gui.gui.records.finding_editor import FindingEditor
from forensics_gui.gui.records.item_editor import ItemEditor
from forensics_gui.gui.records.part_editor import PartEditor
from forensics_gui.gui.records.record_editor import RecordEditor
from forensics_gui.gui.records.rule_editor import RuleEditor
from forensics_gui.gui.screening.screening_panel import ScreeningPanel
from forensics_gui.gui.search.search_panel import SearchPanel
from forensics_gui.gui.supply.gap_panel import show_gap

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

NAVIGATION = ("system", "module", "item", "finding", "part", "rule", "org", "alias", "link",
              "designation", "hub", "source", "marking")
SEARCH_PAGE = "search"
CATCH_UP_DELAY_MS = 3_000
BUSY_SHOWN_AFTER_MS = 400
BENCH_CLOSE_POLL_MS = 100
GRAPH_PAGE = "graph"
SCREENING_PAGE = "screening"
ANALYTICS_PAGE = "analytics"
PLACEHOLDER = QT_TRANSLATE_NOOP("MainWindow",
                                "Double-click a record, or press Enter, to open it here.")
LANGUAGE_LATER = QT_TRANSLATE_NOOP("MainWindow", "The interface will be in the chosen language "
                                                "when the application is started again.")
# Pages that need the width: the editor stays out of their way until a record is opened.
BENCH_PAGE = "bench"
CONFLICTS_PAGE = "conflicts"
WIDE_PAGES = (SEARCH_PAGE, GRAPH_PAGE, SCREENING_PAGE, ANALYTICS_PAGE, BENCH_PAGE,
              CONFLICTS_PAGE)
# The editor's share of the window beside tables / wide pages, and its narrowest default.
EDITOR_SHARE = {False: 0.36, True: 0.33}
EDITOR_WIDTH = {False: 460, True: 420}
# The navigator's narrowest and widest (labels longer than that are cut, whole in tooltips).
NAVIGATOR_WIDTH = (140, 220)


class MainWindow(QMainWindow):
    """Views hold layout; the store menu and the editors hold the logic."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.main_window = self
        self.setWindowTitle(translate("MainWindow", "Forensic component database"))
        self.setWindowIcon(icon("app"))
        self.tables: dict[str, RecordTable] = {}
        self.editors: dict[str, RecordEditor] = {}
        self.editor: RecordEditor | None = None
        self._build_central()
        self._build_actions()
        self.store_menu = StoreMenu(context, self)
        self._build_menus()
        self._build_status()
        context.store_opened.connect(self._store_opened)
        last_kind = context.settings.value("window/kind")
        self.show_kind(last_kind if last_kind in NAVIGATION else "item")
        if last_kind == SEARCH_PAGE:
            self.show_search()
        context.runner.busy_changed.connect(self._busy_changed)
        context.runner.activity.connect(self._activity)
        self._restore_layout()
        self._dirty_changed(False)  # nothing to save until a record is edited

    # ------------------------------------------------------------------ layout
    def _build_central(self) -> None:
        self.navigator = QListWidget()
        search_item = QListWidgetItem(icon("search"), translate("MainWindow", "Search"))
        search_item.setData(Qt.ItemDataRole.UserRole, SEARCH_PAGE)
        self.navigator.addItem(search_item)
        for kind in NAVIGATION:
            item = QListWidgetItem(kind_plural(kind).capitalize())
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.navigator.addItem(item)
        screening_item = QListWidgetItem(translate("MainWindow", "Sanctions screening"))
        screening_item.setData(Qt.ItemDataRole.UserRole, SCREENING_PAGE)
        self.navigator.addItem(screening_item)
        graph_item = QListWidgetItem(translate("MainWindow", "Supply graph"))
        graph_item.setData(Qt.ItemDataRole.UserRole, GRAPH_PAGE)
        self.navigator.addItem(graph_item)
        self.graph_panel: Any = None
        analytics_item = QListWidgetItem(translate("MainWindow", "Analytics"))
        analytics_item.setData(Qt.ItemDataRole.UserRole, ANALYTICS_PAGE)
        self.navigator.addItem(analytics_item)
        self.analytics_panel: Any = None
        # Records changed here and on a field device; its label counts the open ones.
        self.conflicts_item = QListWidgetItem(translate("MainWindow", "Conflicts"))
        self.conflicts_item.setData(Qt.ItemDataRole.UserRole, CONFLICTS_PAGE)
        self.navigator.addItem(self.conflicts_item)
        self.conflicts_panel: Any = None
        self.bench_panel: Any = None
        # Its longest label (longer in some languages) does not set the window's width: a
        # narrow navigator cuts labels with "…" and shows them whole in their tooltips. Wide
        # pages (the supply graph, screening) must not squeeze it unreadable either.
        for row in range(self.navigator.count()):
            entry = self.navigator.item(row)
            entry.setToolTip(entry.text())
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.setMaximumWidth(NAVIGATOR_WIDTH[1])
        self.navigator.setMinimumWidth(min(NAVIGATOR_WIDTH[0], self._navigator_wanted()))
        self.navigator.currentRowChanged.connect(self._navigate)
        self.table_stack = QStackedWidget()
        self.search_panel = SearchPanel(self.context)
        self.search_panel.open_requested.connect(
            lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                       keep_page=True)))
        self.table_stack.addWidget(self.search_panel)
        self.screening_panel = ScreeningPanel(self.context)
        self.screening_panel.open_requested.connect(
            lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                       keep_page=True)))
        self.table_stack.addWidget(self.screening_panel)
        self.editor_stack = QStackedWidget()
        self.placeholder = QLabel(translate("MainWindow", PLACEHOLDER))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.editor_stack.addWidget(self.placeholder)
        self.splitter = QSplitter()
        for widget in (self.navigator, self.table_stack):
            self.splitter.addWidget(widget)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        # Where the store lies when that puts it at risk (a network share, a sync folder).
        self.warning_bar = WarningBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.warning_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_editor_dock()

    def _navigator_wanted(self) -> int:
        """The width that shows every label of the navigator whole."""
        return self.navigator.sizeHintForColumn(0) + 12

    def _build_editor_dock(self) -> None:
        """The open record's editor, in a dock: beside the tables, out of the way of wide pages
        until a record is opened there, and in a window of its own when floated."""
        self.editor_dock = QDockWidget(translate("MainWindow", "Record"), self)
        self.editor_dock.setObjectName("record-dock")
        self.editor_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea |
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.editor_dock.setWidget(self.editor_stack)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.editor_dock)
        self.editor_dock_action = self.editor_dock.toggleViewAction()
        self.editor_dock_action.setText(translate("MainWindow", "Record &editor"))
        self.editor_dock_action.setShortcut(QKeySequence("Ctrl+E"))
        self._wide = False
        # Per kind of page (tables, wide pages): whether the editor is shown and how wide.
        self._dock_memory: dict[bool, tuple[bool, int]] = {}

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None,
                icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a, standard = self._action, QKeySequence.StandardKey
        self.new_action = a(translate("MainWindow", "&New record"), self.new_record,
                            standard.New, "new")
        self.save_action = a(translate("MainWindow", "&Save"), self.save_record, standard.Save,
                             "save")
        self.revert_action = a(translate("MainWindow", "Re&vert"),
                               lambda: self.editor and self.editor.revert(), "Ctrl+R", "revert")
        # Evidence (items, findings, photos) is withdrawn instead: the editor asks why.
        self.delete_action = a(translate("MainWindow", "&Delete…"), self.delete_record,
                               "Ctrl+Delete", "delete")
        self.find_action = a(translate("MainWindow", "&Find"), self.focus_filter, standard.Find,
                             "find")
        self.refresh_action = a(translate("MainWindow", "Re&fresh"), self.refresh,
                                standard.Refresh, "refresh")
        self.next_action = a(translate("MainWindow", "Ne&xt record"), lambda: self.step(1),
                             "Ctrl+PgDown", "next")
        self.previous_action = a(translate("MainWindow", "Pre&vious record"),
                                 lambda: self.step(-1), "Ctrl+PgUp", "previous")
        self.history_action = a(translate("MainWindow", "&History"), self.show_history,
                                "Ctrl+H", "history")
        self.search_action = a(translate("MainWindow", "&Search…"), self.show_search, "Ctrl+K",
                               "search")
        self.bench_action = a(translate("MainWindow", "&Bench mode for this item"),
                              self.bench_here, "Ctrl+B")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.store_menu.fill(file_menu)
        file_menu.addSeparator()
        self.brief_action = file_menu.addAction(translate("MainWindow", "Write a &brief…"),
                                                lambda: write_brief_from(self.context, self))
        file_menu.addSeparator()
        self.import_action = file_menu.addAction(
            translate("MainWindow", "&Import spreadsheet…"),
            lambda: show_import_dialog(self.context, self), "Ctrl+Shift+I")
        self.export_actions = ExportActions(self.context, self)
        self.export_actions.fill(file_menu)
        self.package_actions = PackageActions(self.context, self)
        self.package_actions.fill(file_menu)
        self.package_actions.counted.connect(self._conflicts_counted)
        self.package_actions.conflicts_wanted.connect(self.show_conflicts)
        file_menu.addSeparator()
        self.backup_actions = BackupActions(self.context, self)
        self.backup_actions.fill(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(translate("MainWindow", "&Quit"), self.close,
                            QKeySequence.StandardKey.Quit)
        record_menu = self.menuBar().addMenu(translate("MainWindow", "&Record"))
        for action in (self.new_action, self.save_action, self.revert_action,
                       self.delete_action, None, self.history_action, self.bench_action,
                       None, self.previous_action, self.next_action):
            record_menu.addSeparator() if action is None else record_menu.addAction(action)
        view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        for action in (self.search_action, self.find_action, self.refresh_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.editor_dock_action)
        self.float_action = view_menu.addAction(
            translate("MainWindow", "Editor in its own &window"))
        self.float_action.setCheckable(True)
        self.float_action.toggled.connect(self._float_editor)
        self.editor_dock.topLevelChanged.connect(self.float_action.setChecked)
        view_menu.addAction(translate("MainWindow", "&Columns…"), self.choose_columns)
        view_menu.addSeparator()
        self._build_language_menu(view_menu)
        tools_menu = self.menuBar().addMenu(translate("MainWindow", "&Tools"))
        self.photo_tools = PhotoTools(self.context, self)
        self.verify_photos_action = tools_menu.addAction(
            translate("MainWindow", "&Verify photo integrity…"), self.photo_tools.verify)
        self.verify_audit_action = tools_menu.addAction(
            translate("MainWindow", "Verify the &audit trail…"),
            lambda: verify_audit_trail(self.context, self))
        self.logins_action = tools_menu.addAction(
            translate("MainWindow", "&Logins and clearances…"),
            lambda: show_logins(self.context, self))
        tools_menu.setToolTipsVisible(True)
        tools_menu.aboutToShow.connect(self._update_logins_action)
        self._update_logins_action()
        self.export_photos_action = tools_menu.addAction(
            translate("MainWindow", "&Export photos…"), self.export_photos)
        self.gap_action = tools_menu.addAction(
            translate("MainWindow", "Sanctions &gap…"), lambda: show_gap(
                self.context, self, lambda k, i: self.guard(lambda: self.open_record(k, i))))
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self.guide_action = help_menu.addAction(translate("MainWindow", "&User guide"),
                                                self.open_guide,
                                                QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts,
                            "Ctrl+/")
        help_menu.addSeparator()
        help_menu.addAction(translate("MainWindow", "&About"), self.about)
        toolbar = self.addToolBar(translate("MainWindow", "Records"))
        toolbar.setObjectName("records-toolbar")
        for action in (self.new_action, self.save_action, self.revert_action,
                       self.delete_action, None, self.previous_action, self.next_action,
                       None, self.search_action, self.find_action, self.refresh_action,
                       self.history_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)

    def _build_language_menu(self, view_menu: QMenu) -> None:
        """View → Language: the system's, English or Ukrainian, kept in the settings; the
        interface shows it from the next start."""
        menu = view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        chosen = i18n.chosen(self.context.settings)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so that anyone can find theirs.
        names = {i18n.SYSTEM: translate("MainWindow", "System language"), **i18n.LANGUAGES}
        for code, name in names.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._language_chosen)

    def _language_chosen(self, action: QAction) -> None:
        """Keep the language chosen and say when it takes effect."""
        code = str(action.data())
        settings = self.context.settings
        if code == i18n.chosen(settings):
            return
        settings.setValue(i18n.SETTING, code)
        settings.sync()
        text = translate("MainWindow", LANGUAGE_LATER)
        later = _in_language(i18n.resolve(code), "MainWindow", LANGUAGE_LATER)
        QMessageBox.information(self, translate("MainWindow", "Language"),
                                text if later == text else f"{text}\n\n{later}")

    def _update_logins_action(self) -> None:
        """Logins are managed on a shared PostgreSQL store only."""
        store = self.context.store
        shared = store is not None and store.kind == "postgresql"
        self.logins_action.setEnabled(shared)
        self.logins_action.setToolTip(
            translate("MainWindow", "Add, change or disable the logins of this shared store")
            if shared else translate("LoginsDialog", NOT_POSTGRESQL))

    def _build_status(self) -> None:
        self.store_label = QLabel(translate("MainWindow", "No store open"))
        self.busy = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.store_label)
        self._doing = ""

    def _busy_changed(self, busy: bool) -> None:
        # Quick work (a suggestion while typing, a table page) says nothing: "Working…"
        # appears only once a task has run for a moment, so the status bar does not flicker.
        if busy:
            QTimer.singleShot(BUSY_SHOWN_AFTER_MS, self._still_busy)
        elif not self._doing:
            self.busy.setText("")

    def _still_busy(self) -> None:
        if not self._doing and self.context.runner.busy:
            self.busy.setText(translate("MainWindow", "Working…"))

    def _activity(self, text: str, done: int, total: int) -> None:
        """What a long task is doing, in the status bar (and in the empty editor pane while
        no record is open), so that the window stays usable meanwhile."""
        self._doing = text
        self.busy.setText(text or (translate("MainWindow", "Working…")
                                   if self.context.runner.busy else ""))
        self.progress.setVisible(bool(text))
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)
        self.placeholder.setText(
            translate("MainWindow", "{activity}\n\nThe records appear as soon as the store is "
                      "ready.").format(activity=text)
            if text and self.context.store is None else translate("MainWindow", PLACEHOLDER))

    # --------------------------------------------------------------- stores
    def _store_opened(self, summary: Any) -> None:
        kind = {"sqlite": translate("MainWindow", "SQLite file"),
                "postgresql": "PostgreSQL"}.get(summary.kind, "")
        read_only = translate("MainWindow", " · read-only") if summary.read_only else ""
        cleared = summary.access.split(":")[0]
        self.store_label.setText(
            translate("MainWindow", "{location} · {kind} · acting as {user}").format(
                location=summary.location, kind=kind, user=summary.user)
            + (f" ({cleared})" if cleared else "") + read_only)
        self.store_label.setToolTip(
            translate("MainWindow", "Schema {revision}").format(
                revision=summary.schema_revision) + (
                "\n" + translate("MainWindow", "Opened read-only: {why}").format(
                    why=summary.read_only) if summary.read_only else "") + (
                "\n" + translate("MainWindow", "Your login: {access}").format(
                    access=summary.access) if summary.access else ""))
        if summary.read_only:
            self.statusBar().showMessage(translate(
                "MainWindow", "Opened read-only: {why}; nothing can be saved").format(
                    why=summary.read_only), 15_000)
        self.setWindowTitle(translate("MainWindow", "{location} — Forensic component database")
                            .format(location=summary.location))
        self.warning_bar.show_warnings(list(getattr(self.context.store, "warnings", ()) or ()))
        self.backup_actions.update_actions()
        self._update_logins_action()
        self._show_placeholder()
        # A list version whose screening was cut short (or skipped) is screened once the
        # window is up and the first rows are shown.
        QTimer.singleShot(CATCH_UP_DELAY_MS, self._catch_up)

    def _catch_up(self) -> None:
        self.package_actions.count_conflicts()
        if self.context.store is not None:
            self.context.run(screening.catch_up, self.context.store, on_done=self._caught_up)

    def _caught_up(self, summary: Any) -> None:
        if summary is not None:
            self.statusBar().showMessage(translate(
                "MainWindow", "The newest version of a sanctions list had not been screened "
                "against; screened now: {summary}").format(summary=summary.describe()), 15_000)

    # ---------------------------------------------------------------- search
    def _navigate(self, row: int) -> None:
        page = self.navigator.item(row).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        if page == SEARCH_PAGE:
            self.show_search()
        elif page == GRAPH_PAGE:
            self.show_graph()
        elif page == SCREENING_PAGE:
            self.show_screening()
        elif page == ANALYTICS_PAGE:
            self.show_analytics()
        elif page == CONFLICTS_PAGE:
            self.show_conflicts()
        elif page is not None:
            self.guard(lambda: self.show_kind(page))

    # ------------------------------------------------------- the editor's dock
    def _arrange(self, wide: bool) -> None:
        """Give a wide page the width (the editor hidden until a record is opened there) and
        tables their editor beside them; what the user chose for each is remembered."""
        if wide == self._wide:
            return
        dock = self.editor_dock
        self._dock_memory[self._wide] = (not dock.isHidden(), self._dock_width())
        self._wide = wide
        if dock.isFloating():  # a window of its own stays where the user put it
            return
        dirty = self.editor is not None and self.editor.dirty
        shown, width = self._dock_memory.get(wide, (not wide, self._default_width(wide)))
        dock.setVisible(shown or dirty)
        if shown or dirty:
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def _dock_width(self) -> int:
        width = self.editor_dock.width()
        return width if width > 50 else self._default_width(self._wide)

    def _default_width(self, wide: bool) -> int:
        return max(EDITOR_WIDTH[wide], int(self.width() * EDITOR_SHARE[wide]))

    def _reveal_editor(self) -> None:
        """An opened record is always in sight: the dock is shown (or raised when floating)."""
        dock = self.editor_dock
        if dock.isFloating():
            dock.show()
            dock.raise_()
            dock.activateWindow()
        elif dock.isHidden():
            dock.show()
            _shown, width = self._dock_memory.get(self._wide,
                                                  (True, self._default_width(self._wide)))
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def show_search(self) -> None:
        """Show the search page with the cursor in its box (Ctrl+K)."""
        self._arrange(wide=True)
        self.table_stack.setCurrentWidget(self.search_panel)
        self._mark_page(SEARCH_PAGE)
        self.search_panel.focus_query()

    def _mark_page(self, page: str) -> None:
        """Select `page` in the navigator without navigating again."""
        self.navigator.blockSignals(True)
        for row in range(self.navigator.count()):
            if self.navigator.item(row).data(Qt.ItemDataRole.UserRole) == page:
                self.navigator.setCurrentRow(row)
        self.navigator.blockSignals(False)

    def searching(self) -> bool:
        return self.table_stack.currentWidget() is self.search_panel

    def show_graph(self, **scope: Any) -> None:
        """Show the supply graph page; with `part`, `organization` or `finding` (and `title`),
        the graph of that record."""
        if self.graph_panel is None:
            from forensics_gui.gui.graph.graph_panel import GraphPanel

            self.graph_panel = GraphPanel(self.context)
            self.graph_panel.open_requested.connect(
                lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                           keep_page=True)))
            self.table_stack.addWidget(self.graph_panel)
        self._arrange(wide=True)
        self.table_stack.setCurrentWidget(self.graph_panel)
        self._mark_page(GRAPH_PAGE)
        if scope:
            self.graph_panel.show_for(**scope)

    def show_analytics(self) -> None:
        """Show the analytics dashboard (its charts load the first time it is shown)."""
        if self.analytics_panel is None:
            from forensics_gui.gui.analytics.dashboard_panel import DashboardPanel

            self.analytics_panel = DashboardPanel(self.context)
            self.analytics_panel.search_requested.connect(self.show_findings)
            self.analytics_panel.open_requested.connect(
                lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                           keep_page=True)))
            self.table_stack.addWidget(self.analytics_panel)
        self._arrange(wide=True)
        self.table_stack.setCurrentWidget(self.analytics_panel)
        self._mark_page(ANALYTICS_PAGE)

    def show_conflicts(self) -> None:
        """Show the conflicts page: records changed here and on a field device, to decide."""
        if self.conflicts_panel is None:
            from forensics_gui.gui.exchange.conflicts_panel import ConflictsPanel

            self.conflicts_panel = ConflictsPanel(self.context)
            self.conflicts_panel.open_requested.connect(
                lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                           keep_page=True)))
            self.conflicts_panel.counted.connect(self._conflicts_counted)
            self.table_stack.addWidget(self.conflicts_panel)
        self._arrange(wide=True)
        self.table_stack.setCurrentWidget(self.conflicts_panel)
        self._mark_page(CONFLICTS_PAGE)
        self.conflicts_panel.reload()

    def _conflicts_counted(self, open_count: int) -> None:
        from forensics_gui.gui.exchange.conflicts_panel import conflicts_label

        self.conflicts_item.setText(conflicts_label(open_count))
        self.conflicts_item.setToolTip(self.conflicts_item.text())

    def show_bench(self, item_id: Any) -> None:
        """Bench mode for one recovered item: its findings as a grid, typed row after row,
        with the item's photos and its system's template modules beside them."""
        if self.bench_panel is None:
            from forensics_gui.gui.bench.bench_panel import BenchPanel

            self.bench_panel = BenchPanel(self.context)
            self.bench_panel.open_requested.connect(
                lambda kind, record_id: self.guard(lambda: self.open_record(kind, record_id,
                                                                           keep_page=True)))
            self.table_stack.addWidget(self.bench_panel)
        if self.bench_panel.show_item(item_id):  # False: the user kept the item shown
            self._arrange(wide=True)
            if not self.editor_dock.isFloating():
                # The bench is the item's editor: the grid and its photos take the width;
                # a finding opened from it (Ctrl+O) brings the editor back.
                self.editor_dock.hide()
            self.table_stack.setCurrentWidget(self.bench_panel)
            self._mark_page(BENCH_PAGE)

    def bench_here(self) -> None:
        """Bench mode (Ctrl+B) for the item open in the editor, or the item of the finding
        open there; otherwise say what to open first."""
        record, kind = (self.editor.record, self.editor.kind) if self.editor else (None, "")
        item_id = record.id if kind == "item" and record is not None else \
            getattr(record, "item_id", None) if kind == "finding" else None
        if item_id is None:
            self.statusBar().showMessage(translate(
                "MainWindow", "Bench mode works on a recovered item: open the item, or one of "
                "its findings, first."), 6000)
            return
        self.guard(lambda: self.show_bench(item_id))

    def show_search_for(self, text: str, filters: dict[str, Any]) -> None:
        """The search page with `text` and `filters` filled in and run."""
        self.show_search()
        self.search_panel.set_search(text, filters)

    def show_findings(self, filters: dict[str, Any]) -> None:
        """The search page listing what meets `filters` (a chart's bar clicked): exactly the
        findings the bar counted, conditions without a field of their own shown above the
        results."""
        self.show_search()
        self.search_panel.set_search("", filters)

    def show_screening(self) -> None:
        """Show the sanctions screening page: list versions and candidates to decide."""
        self._arrange(wide=True)
        self.table_stack.setCurrentWidget(self.screening_panel)
        self._mark_page(SCREENING_PAGE)
        self.screening_panel.reload()

    # ---------------------------------------------------------------- tables
    def show_kind(self, kind: str) -> None:
        """Show the table of records of `kind`."""
        if kind not in self.tables:
            table = RecordTable(self.context, kind)
            table.open_requested.connect(
                lambda r, k=kind: self.guard(lambda: self.show_record(k, r)))
            self.tables[kind] = table
            self.table_stack.addWidget(table)  # it reads its records as it is made
        self._arrange(wide=False)
        self.table_stack.setCurrentWidget(self.tables[kind])
        self._last_table = self.tables[kind]
        self._mark_page(kind)

    def current_table(self) -> RecordTable:
        """The table shown, or the last one shown while the search page is up."""
        return self._last_table

    def current_kind(self) -> str:
        return self.current_table().kind if self.tables else "item"

    # --------------------------------------------------------------- editors
    def editor_for(self, kind: str) -> RecordEditor:
        if kind not in self.editors:
            page = {"item": ItemEditor, "finding": FindingEditor, "part": PartEditor,
                    "rule": RuleEditor}.get(kind)
            editor = page(self.context) if page else RecordEditor(self.context, kind)
            editor.open_requested.connect(lambda k, i: self.guard(lambda: self.open_record(k, i)))
            editor.history_requested.connect(lambda k, i: self.show_history())
            # "Show all in Search" of Seen before: the search lists what the box counted.
            editor.search_requested.connect(lambda asked: self.guard(
                lambda: self.show_search_for(asked.get("text", ""), asked.get("filters", {}))))
            editor.new_requested.connect(
                lambda k, values, shown: self.guard(lambda: self._new(k, values, shown)))
            editor.deleted.connect(lambda *_: self._show_placeholder())
            editor.dirty_changed.connect(self._dirty_changed)
            if isinstance(editor, ItemEditor):
                editor.new_finding_requested.connect(self.new_finding_in)
                editor.bench_requested.connect(
                    lambda item_id: self.guard(lambda: self.show_bench(item_id)))
            self.editors[kind] = editor
            self.editor_stack.addWidget(editor)
        return self.editors[kind]

    def show_record(self, kind: str, record: Any) -> None:
        """Show `record` in its editor."""
        self.editor = self.editor_for(kind)
        self.editor.load(record)
        self.editor_stack.setCurrentWidget(self.editor)
        self._reveal_editor()
        self._dirty_changed(False)

    def open_record(self, kind: str, record_id: Any, keep_page: bool = False) -> None:
        """Fetch a record by id, show its table (unless `keep_page`) and open it."""
        if not keep_page:
            self.show_kind(kind)
        self.context.run(records.get, self.context.store, kind, record_id,
                         on_done=lambda record: self.show_record(kind, record))

    def _show_placeholder(self) -> None:
        self.editor = None
        self.editor_stack.setCurrentWidget(self.placeholder)
        self._dirty_changed(False)

    def _dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self.save_action.setEnabled(dirty)
        self.revert_action.setEnabled(dirty)

    def guard(self, action: Callable[[], Any]) -> None:
        """Run `action`, first asking what to do with unsaved changes if there are any."""
        editor = self.editor
        if editor is None or not editor.dirty:
            action()
            return
        answer = QMessageBox.question(
            self, translate("MainWindow", "Unsaved changes"),
            translate("MainWindow", "The {kind} has changes that are not saved.").format(
                kind=kind_label(editor.kind)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard |
            QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            editor.save(then=lambda _: action())
        elif answer == QMessageBox.StandardButton.Discard:
            editor.revert()
            action()

    # --------------------------------------------------------------- actions
    def new_record(self) -> None:
        """A new record of the kind the user is looking at (Ctrl+N): see `_new_here`."""
        kind, defaults, shown = self._new_here()
        self.guard(lambda: self._new(kind, defaults, shown))

    def _new_here(self) -> tuple[str, dict[str, Any], dict[str, Any]]:
        """(kind, values saved, values shown) of the record Ctrl+N makes: beside a table
        with the cursor in it (or in the navigator), one of the table's kind; in the open
        record's editor, and on the wide pages while a record is open, one of the editor's
        kind, except in an item's Findings tab: a finding in that item. A new finding is
        made in the item of the finding shown."""
        editor, focus = self.editor, QApplication.focusWidget()
        looking_at_table = focus is not None and not self._wide and (
            self.table_stack.isAncestorOf(focus) or self.navigator.isAncestorOf(focus)
            or focus is self.navigator)
        if self._wide and self.editor_dock.isHidden():
            editor = None
        if editor is None or looking_at_table:
            kind = self.current_kind()
        elif isinstance(editor, ItemEditor) and editor.record is not None and \
                editor.tabs.currentWidget() is editor.findings_holder:
            item = editor.record
            return "finding", {"item_id": item.id}, {"item_id": item.case_reference}
        else:
            kind = editor.kind
        if kind != "finding":
            return kind, {}, {}
        item_id, case_reference = self._item_of_finding_shown(looking_at_table)
        if item_id is None:
            return "finding", {}, {}
        return "finding", {"item_id": item_id}, {"item_id": case_reference}

    def _item_of_finding_shown(self, in_table: bool) -> tuple[Any, str]:
        """(id, case reference) of the item of the finding in the editor, or of the one
        selected in the findings table when the cursor is there; (None, "") if none."""
        table = self.tables.get("finding")
        selected = table.current_record() if in_table and table is not None else None
        editor = self.editor
        if selected is not None:
            return selected.item_id, selected.case_reference
        if editor is None or editor.kind != "finding":
            return None, ""
        if editor.record is not None:
            return editor.record.item_id, editor.record.case_reference
        field = editor.inputs["item_id"]  # a new finding: the item chosen or typed in it
        chosen = field.record_id()
        return (chosen if chosen is not None else field.value() or None), field.value()

    def _new(self, kind: str, defaults: dict[str, Any] | None = None,
             shown: dict[str, Any] | None = None) -> None:
        self.editor = self.editor_for(kind)
        self.editor.new(defaults, shown)
        self.editor_stack.setCurrentWidget(self.editor)
        self._reveal_editor()
        self.editor.setFocus()

    def new_finding_in(self, item: Any) -> None:
        self.guard(lambda: self._new("finding", {"item_id": item.id},
                                     {"item_id": item.case_reference}))

    def save_record(self) -> None:
        if self.editor is not None:
            self.editor.save()

    def delete_record(self) -> None:
        if self.editor is not None and self.editor.record is not None:
            self.editor.remove()

    def focus_filter(self) -> None:
        if self.searching():
            self.search_panel.focus_query()
            return
        self.current_table().filter.setFocus()
        self.current_table().filter.selectAll()

    def refresh(self) -> None:
        if self.searching():
            self.search_panel.run_search()
        if self.graph_panel is not None and self.table_stack.currentWidget() is self.graph_panel:
            self.graph_panel.reload()
        if (self.analytics_panel is not None
                and self.table_stack.currentWidget() is self.analytics_panel):
            self.analytics_panel.reload()
        self.current_table().reload()
        editor = self.editor
        if editor is not None and editor.record is not None and not editor.dirty:
            self.open_record(editor.kind, editor.record.id)

    def step(self, delta: int) -> None:
        """Open the next (or previous) record of the table."""
        table = self.current_table()
        row = table.view.currentIndex().row() + delta
        if not 0 <= row < table.model.rowCount():
            return

        def go() -> None:
            record = table.select_row(row)
            if record is not None:
                self.show_record(table.kind, record)

        self.guard(go)

    def show_history(self) -> None:
        editor = self.editor
        if editor is None or editor.record is None:
            return
        record = editor.record
        title = describe(editor.kind, record)
        show_history(self.context, self, editor.kind, record.id, title)

    def export_photos(self) -> None:
        """Export the photos of the open item (or of the open finding's item)."""
        record = self.editor.record if self.editor is not None else None
        kind = self.editor.kind if self.editor is not None else ""
        item_id = {"item": "id", "finding": "item_id"}.get(kind)
        self.photo_tools.export_item(getattr(record, item_id) if record and item_id else None,
                                     getattr(record, "case_reference", ""))

    def _float_editor(self, floating: bool) -> None:
        if self.editor_dock.isFloating() != floating:
            self.editor_dock.setFloating(floating)
            if floating:
                self.editor_dock.resize(max(self.editor_dock.width(), 520), self.height() - 80)
        self.editor_dock.show()

    def choose_columns(self) -> None:
        table = self.current_table()
        header = table.view.horizontalHeader()
        table._column_menu(header.rect().center())

    def open_guide(self) -> None:
        """Open the user guide that ships with the application in the system's viewer."""
        from forensics_gui.gui.mainwindow.help import open_guide

        open_guide(self)

    def show_shortcuts(self) -> None:
        from forensics_gui.gui.mainwindow.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def about(self) -> None:
        """The version, the store schema and the store in use, and the libraries' licences."""
        from forensics_gui.gui.mainwindow.about_dialog import show_about

        show_about(self.context.summary, self)

    # ------------------------------------------------------------ persistence
    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self.resizeDocks([self.editor_dock], [self._default_width(self._wide)],
                             Qt.Orientation.Horizontal)
        splitter = settings.value("window/splitter")
        if not isinstance(splitter, QByteArray) or not self.splitter.restoreState(splitter) \
                or self.splitter.count() != 2:
            self.splitter.setSizes([min(NAVIGATOR_WIDTH[1], max(180, self._navigator_wanted())),
                                    640])
        for wide in (False, True):
            kept = settings.value(f"window/editor-{'wide' if wide else 'tables'}")
            if isinstance(kept, list) and len(kept) == 2:
                self._dock_memory[wide] = (str(kept[0]) == "true", int(kept[1]))

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        self._dock_memory[self._wide] = (not self.editor_dock.isHidden(), self._dock_width())
        for wide, (shown, width) in self._dock_memory.items():
            settings.setValue(f"window/editor-{'wide' if wide else 'tables'}",
                              ["true" if shown else "false", width])
        settings.setValue("window/kind", SEARCH_PAGE if self.searching() else self.current_kind())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.bench_panel is not None and self.bench_panel.unsaved():
            # Rows typed at the bench are saved as they are left; the last ones are saved
            # now, and the window closes once they are (a refused row keeps it open).
            event.ignore()
            self.bench_panel.save_all()
            self.table_stack.setCurrentWidget(self.bench_panel)
            QTimer.singleShot(BENCH_CLOSE_POLL_MS, self._close_after_bench)
            return
        editor = self.editor
        if editor is not None and editor.dirty:
            event.ignore()
            self.guard(self._close_now)
            return
        self.save_layout()
        event.accept()

    def _close_after_bench(self) -> None:
        """Close once the bench's last rows are saved; a refused row keeps the window open
        with the bench shown, saying why."""
        if self.context.runner.busy:
            QTimer.singleShot(BENCH_CLOSE_POLL_MS, self._close_after_bench)
        elif not self.bench_panel.unsaved():
            self.close()
        else:
            QMessageBox.information(
                self, translate("MainWindow", "Rows not saved"), translate(
                    "MainWindow", "{count} row(s) at the bench could not be saved. Correct them, "
                    "or remove an unsaved row with Ctrl+Delete, then close again.").format(
                        count=self.bench_panel.unsaved()))

    def _close_now(self) -> None:
        self.close()


def _in_language(language: str, context: str, text: str) -> str:
    """`text` in `language` as its translation files have it (itself when they do not),
    whatever language the interface shows now."""
    for path in i18n.translation_files(language):
        translator = QTranslator()
        if translator.load(str(path)):
            found = translator.translate(context, text)
            if found:
                return found
    return text
