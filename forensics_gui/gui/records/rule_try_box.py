"""The rule editor's "Try it" box: sample part numbers or markings, one a line, each with what
the rules answer (the built-in ones, the store's, and the rule being edited as the form shows
it, saved or not) and whether the rule being edited fits it.

The answers are worked out on the worker, after a short pause in typing, one request at a
time: an answer for a form or a list that changed meanwhile is dropped and asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from forensics_gui.core.errors import KnownError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.identify import (
    CONFLICT,
    IDENTIFIED,
    STORE,
    RuleFileError,
    RuleSet,
    load_rules,
)
from forensics_gui.core.partnumbers import search_key
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import field_label
from forensics_gui.gui.kit.lazy import identify
from forensics_gui.gui.kit.store_follower import StoreFollower
from forensics_gui.gui.records.identify_strip import rule_name

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

TRY_DELAY_MS = 250
MOST_LINES = 50  # lines tried; more are left out, and the box says so
LONGEST_LINE = 200
DRAFT_ID = "this rule"
WANTED_ANSWERS = 3  # answers the box asks room for
SAMPLE_LINES = ("STM32F405RGT6", "STM32F765 / VIT6 / CHN 2214")  # the box's example
COLUMNS = (QT_TRANSLATE_NOOP("rule_try", "Typed"),
           QT_TRANSLATE_NOOP("rule_try", "The rules answer"),
           QT_TRANSLATE_NOOP("rule_try", "This rule"))


@dataclass(frozen=True)
class Tried:
    """One line of the box: what was typed, what the rules answer, what this rule does."""

    typed: str
    answer: str
    this_rule: str
    decides: bool  # this rule's maker is the answer
    details: str = ""  # the family, category and why, for the answer's tooltip


@dataclass(frozen=True)
class Trial:
    """Every line tried, and why the rule being edited could not be tried (or "")."""

    lines: tuple[Tried, ...]
    problem: str = ""
    left_out: int = 0


# ------------------------------------------------------------------ on the worker
def _draft_rules(values: dict[str, Any], makers: Any) -> RuleSet:
    """The rule being edited as a rule set of its own (KnownError when it cannot be used)."""
    row = {name: values.get(name, "") for name in ("maker", "now_part_of", "pattern", "family",
                                                   "category", "hs_code", "confidence")}
    row["rule_id"] = DRAFT_ID
    row["confidence"] = row["confidence"] or "low"  # tried as low until one is chosen
    if not str(row["maker"]).strip():
        raise KnownError(translate("rule_try", "give the maker to try this rule"))
    return load_rules([row], STORE, where="this rule", first_row=0, makers=makers)


_WITHOUT: dict[str, Any] = {}  # the last rule set made by _others (used on the worker only)


def _others(rules: RuleSet, replacing: str | None) -> RuleSet:
    """The rules without the stored version of the rule being edited (kept until the rules
    or the rule edited change: re-reading them all on every key would be wasted)."""
    if replacing is None:
        return rules
    if _WITHOUT.get("from") is rules and _WITHOUT.get("replacing") == replacing:
        return _WITHOUT["rules"]
    kept = [rule for rule in rules.rules if rule.rule_id != replacing]
    built_in = [vars(r) for r in kept if r.origin != STORE]
    stored = [vars(r) for r in kept if r.origin == STORE]
    without = load_rules(built_in, makers=rules.makers).merged(
        *(load_rules([row], STORE, first_row=0, makers=rules.makers) for row in stored))
    _WITHOUT.update({"from": rules, "replacing": replacing, "rules": without})
    return without


def try_rule(store: Any, values: dict[str, Any], replacing: str | None,
             texts: list[str]) -> Trial:
    """What the rules, with the rule being edited as `values` say, answer for each of
    `texts`, and whether that rule fits each. `replacing` is the id of the rule's stored
    version (left out), None for a new rule."""
    rules = identify.rules_for(store)
    others = _others(rules, replacing)
    try:
        draft: RuleSet | None = _draft_rules(values, rules.makers)
        problem = ""
    except RuleFileError as error:
        draft = None
        problem = (translate("rule_try", "its pattern is not valid (the field says why)")
                   if error.column == "pattern" else
                   f"{field_label('rule', error.column).lower()}: "
                   f"{error.problem}")
    except KnownError as error:
        draft, problem = None, str(error)
    together = others.merged(draft) if draft is not None else others
    lines = tuple(_tried(together, draft, text) for text in texts[:MOST_LINES])
    return Trial(lines, problem, max(len(texts) - MOST_LINES, 0))


def _tried(rules: RuleSet, draft: RuleSet | None, text: str) -> Tried:
    found = rules.identify(text)
    fits = draft is not None and bool(draft.matches(search_key(found.part_number)))
    decides = found.status == IDENTIFIED and found.rule is not None \
        and found.rule.rule_id == DRAFT_ID
    return Tried(text, _answer(found), _this_rule(found, draft, fits, decides), decides,
                 _details(found))


def _answer(found: Any) -> str:
    """What the rules answer, short (the family is in the tooltip)."""
    if found.status != IDENTIFIED:
        return found.reason[:1].upper() + found.reason[1:]
    return translate("rule_try", "Identified: {maker} — {confidence} ({rule})").format(
        maker=found.maker, confidence=found.confidence, rule=rule_name(found.rule))


def _details(found: Any) -> str:
    if found.status != IDENTIFIED:
        return ""
    return " · ".join(v for v in (found.family, found.category, found.reason) if v)


def _this_rule(found: Any, draft: RuleSet | None, fits: bool, decides: bool) -> str:
    if draft is None:
        return "—"
    if not fits:
        return translate("rule_try", "does not fit")
    if decides:
        return translate("rule_try", "fits: its maker is proposed")
    if found.status == CONFLICT:
        return translate("rule_try", "fits, and disagrees with another rule")
    if found.status == IDENTIFIED:
        preferred = any(r.rule_id == DRAFT_ID for r in found.alternatives)
        return (translate("rule_try", "fits; {rule} is preferred (same company)") if preferred
                else translate("rule_try", "fits; {rule} is more specific")).format(
            rule=rule_name(found.rule))
    return translate("rule_try", "fits")


# ------------------------------------------------------------------ the box
class RuleTryBox(QGroupBox):
    """Sample lines, and under them a row of answers for each."""

    filled = Signal()  # answers shown: the editor may give the box more room

    def __init__(self, context: AppContext, draft: Callable[[], dict[str, Any]],
                 replacing: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(translate("rule_try", "Try it"))
        self.context = context
        self._draft, self._replacing = draft, replacing
        self._asked: tuple[Any, ...] | None = None
        self.trial: Trial | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(translate("rule_try", "One part number or marking a line, answered by "
                                            "the built-in rules, your store's rules and this "
                                            "rule as the form shows it (saved or not)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6B7280;")
        layout.addWidget(hint)
        self.samples = QPlainTextEdit()
        self.samples.setPlaceholderText("\n".join((translate("rule_try", "e.g."),
                                                   *SAMPLE_LINES)))
        self.samples.setTabChangesFocus(True)
        self.samples.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.samples.textChanged.connect(lambda: self.refresh())
        layout.addWidget(self.samples)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8E1B13;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("rule_try", text) for text in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        width = self.fontMetrics().horizontalAdvance
        self.table.setColumnWidth(0, width("STM32F405RGT6") + 16)
        # Room for the first words of the longest answer ("fits: its maker is"); it wraps.
        fits = translate("rule_try", "fits: its maker is proposed")
        self.table.setColumnWidth(2, width(fits[:18]) + 16)
        layout.addWidget(self.table, 1)
        self._pause = QTimer(self, singleShot=True, interval=TRY_DELAY_MS)
        self._pause.timeout.connect(self._ask)
        self._generation = 0  # bumped when the store's rules change: the answers may too
        StoreFollower(self, context, ("rule",), lambda _changes: self._rules_changed())

    def _rules_changed(self) -> None:
        self._generation += 1
        self.refresh(at_once=True)

    def wanted_height(self) -> int:
        """The height the box would like in the editor's splitter: room for its lines and
        a few answers of two or three lines each."""
        answers = self.table.verticalHeader().length() if self.table.rowCount() else 0
        rows = max(answers, self.fontMetrics().lineSpacing() * 3 * WANTED_ANSWERS)
        return self.sizeHint().height() - self.table.sizeHint().height() + rows + 40

    def lines(self) -> list[str]:
        text = self.samples.toPlainText()
        return [line.strip()[:LONGEST_LINE] for line in text.splitlines() if line.strip()]

    def refresh(self, at_once: bool = False) -> None:
        """Try the lines again once the user pauses (the form or the lines changed)."""
        if at_once:
            self._pause.stop()
            self._ask()
        else:
            self._pause.start()

    def _question(self) -> tuple[Any, ...]:
        return (tuple(sorted(self._draft().items(), key=lambda kv: kv[0])),
                self._replacing(), tuple(self.lines()), self._generation)

    @property
    def up_to_date(self) -> bool:
        return self.trial is not None and self._shown_for == self._question() \
            and not self._pause.isActive()

    _shown_for: tuple[Any, ...] | None = None

    def _ask(self) -> None:
        if self._asked is not None or self.context.store is None:
            return
        question = self._asked = self._question()
        values, replacing, lines = dict(question[0]), question[1], list(question[2])
        if not lines:
            self._asked = None
            self.show_trial(Trial(()), question)
            return
        self.context.run(try_rule, self.context.store, values, replacing, lines,
                         on_done=lambda trial: self._answered(question, trial),
                         on_error=lambda error, trace: self._failed(question, error, trace))

    def _answered(self, question: tuple[Any, ...], trial: Trial) -> None:
        self._asked = None
        if question != self._question():
            if not self._pause.isActive():
                self._ask()
            return
        self.show_trial(trial, question)

    def _failed(self, question: tuple[Any, ...], error: BaseException, trace: str) -> None:
        self._asked = None
        if not isinstance(error, KnownError | ValueError):
            self.context.show_error(error, trace)
            return
        self.show_trial(Trial((), str(error)), question)

    def show_trial(self, trial: Trial, question: tuple[Any, ...] | None = None) -> None:
        """Show the answers of `trial`."""
        self.trial, self._shown_for = trial, question
        problem = trial.problem and translate(
            "rule_try", "This rule cannot be tried yet: {problem}").format(problem=trial.problem)
        if trial.left_out:
            problem = (problem + "\n" if problem else "") + translate(
                "rule_try", "Only the first {most} lines are tried ({count} left out).").format(
                most=MOST_LINES, count=trial.left_out)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.table.setRowCount(len(trial.lines))
        for row, tried in enumerate(trial.lines):
            for column, text in enumerate((tried.typed, tried.answer, tried.this_rule)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{text}\n{tried.details}" if column == 1 and tried.details
                                else text)
                if column == 2 and tried.decides:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.filled.emit()
