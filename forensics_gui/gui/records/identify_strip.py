"""The identification strip under a marking or a part number.

As the user types, it says which maker (and its owner today), part family and function
category the identification rules propose, with the HS code and CHPL tier where known, the
rule, its source and a confidence; or "Not identified" and why, when rules disagree or none
fits. It says too what was read from the marking (part number, date code, lot, origin).

Nothing is filled silently: Accept (Ctrl+I, or its button) fills the fields that are empty or
still hold what an earlier proposal put there, and never a value the user typed. The fields it
filled are changes like typed ones: the user still saves, and Undo or Revert takes them back.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.core.errors import KnownError
from forensics_gui.core.hs import hs_shown
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.identify import BUILT_IN, rule_source
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import identify
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

DEBOUNCE_MS = 150
ACCEPT_KEY = "Ctrl+I"
LONGEST_VALUE = 60  # characters of one value shown; a long paste must not make a long strip
LONGEST_MESSAGE = 240
MUTED = "#6B7280"
SMALLER = 0.92  # the strip's text beside the form's
# What a proposal depends on besides the text: the store's rules, its organizations (the
# maker's, its owner's), its parts and the company names recorded (Xilinx: now AMD).
FOLLOWED = ("rule", "org", "part", "alias")
IDLE = QT_TRANSLATE_NOOP("identify_strip",
                         "Identification: type the {what} to see the maker the rules propose.")
MONTHS = (QT_TRANSLATE_NOOP("identify_strip", "January"),
          QT_TRANSLATE_NOOP("identify_strip", "February"),
          QT_TRANSLATE_NOOP("identify_strip", "March"),
          QT_TRANSLATE_NOOP("identify_strip", "April"),
          QT_TRANSLATE_NOOP("identify_strip", "May"),
          QT_TRANSLATE_NOOP("identify_strip", "June"),
          QT_TRANSLATE_NOOP("identify_strip", "July"),
          QT_TRANSLATE_NOOP("identify_strip", "August"),
          QT_TRANSLATE_NOOP("identify_strip", "September"),
          QT_TRANSLATE_NOOP("identify_strip", "October"),
          QT_TRANSLATE_NOOP("identify_strip", "November"),
          QT_TRANSLATE_NOOP("identify_strip", "December"))


# ---------------------------------------------------------------- what the strip says
def _cut(text: Any, most: int = LONGEST_VALUE) -> str:
    text = " ".join(str(text).split())  # a value read over several lines reads as one
    return text if len(text) <= most else text[:most - 1] + "…"


def _muted(html: str) -> str:
    """`html` in the strip's muted colour."""
    return f"<span style='color: {MUTED}'>{html}</span>"


def _link(kind: str, record_id: Any, text: str) -> str:
    return f"<a href='{kind}:{record_id}'>{escape(_cut(text))}</a>"


def maker_html(proposal: Any) -> str:
    """The maker, linked to its organization; its owner today when it was acquired; or that
    Accept will add it when the store does not hold it yet."""
    found = proposal.identification
    maker = (_link("org", proposal.maker_id, found.maker) if proposal.maker_id
             else escape(_cut(found.maker)))
    owner = proposal.owner_name or found.now_part_of
    if owner and owner != found.maker:
        owner_shown = (_link("org", proposal.owner_id, owner) if proposal.owner_id
                       else escape(_cut(owner)))
        maker += " " + escape(translate("identify_strip", "(now {owner})")).format(
            owner=owner_shown)
    if not proposal.maker_id:
        maker += " " + _muted(escape(translate("identify_strip",
                                               "(not in the store: Accept adds it)")))
    return maker


def verdict_html(proposal: Any) -> str:
    """The first line: what the rules propose, or why nothing is proposed."""
    found = proposal.identification
    if found.status != "identified":
        return f"{not_identified()}: {escape(_cut(not_identified_reason(found), 200))}"
    facts = [maker_html(proposal)]
    facts += [escape(_cut(value)) for value in (found.family, found.category) if value]
    if found.family and found.category and found.category.lower() in found.family.lower():
        facts.pop()  # "STM32F7 … microcontroller · microcontroller" says it twice
    if found.hs_code:
        facts.append(escape(translate("identify_strip", "HS {code}").format(
            code=hs_shown(found.hs_code))))
    if proposal.chpl_tier:
        facts.append(escape(translate("identify_strip", "CHPL tier {tier}").format(
            tier=proposal.chpl_tier)))
    lowered = found.reason.partition("; confidence lowered from ")[2]
    why = rule_text(found.rule) + (translate("identify_strip", "; lowered from {confidence}")
                                   .format(confidence=lowered) if lowered else "")
    identified = escape(translate("identify_strip", "Identified"))
    return (f"<b>{identified}</b>: {' · '.join(facts)} — {escape(found.confidence)} "
            f"{_muted(f'({escape(why)})')}")


def not_identified() -> str:
    """"<b>Not identified</b>", the start of the line when the rules propose nothing."""
    return "<b>" + escape(translate("identify_strip", "Not identified")) + "</b>"


def rule_name(rule: Any) -> str:
    """How the interface names a rule: 'rule st-stm32', or 'your rule STM32F7' for the
    store's (core.identify.rule_label in the interface's language)."""
    if rule.origin == BUILT_IN:
        return translate("identify_strip", "rule {id}").format(id=rule.rule_id)
    return translate("identify_strip", "your rule {pattern}").format(pattern=rule.pattern)


def rule_text(rule: Any) -> str:
    """"rule st-stm32: STM32F7 datasheet": which rule, and where it comes from (without the
    maker's name that sources often start with: the line names the maker already)."""
    name = rule_name(rule)
    source = rule_source(rule)
    return f"{name}: {_cut(source, 80)}" if source else name


def not_identified_reason(found: Any) -> str:
    """"rules disagree — onsemi or Texas Instruments", "no rule fits 'XYZ123'", or the
    engine's own words (a control character in the marking, no part number in it)."""
    makers = [m for m in dict.fromkeys(_maker_of(a) for a in found.alternatives or ()) if m]
    if found.status == "conflict" and len(makers) > 1:
        return translate("identify_strip", "rules disagree — {makers} or {last}").format(
            makers=", ".join(makers[:-1]), last=makers[-1])
    return (found.reason or translate("identify_strip", "no rule fits")).removeprefix(
        "not identified: ").rstrip(".")


def _maker_of(alternative: Any) -> str:
    return str(getattr(alternative, "maker", alternative) or "")


def date_meaning(code: str) -> str:
    """"(2022 week 14)" for a date code with one reading; "(several readings)" otherwise."""
    result = parse_date_code(code)
    single = result.reading
    if single is not None:
        if single.week is not None:
            return " " + translate("identify_strip", "({year} week {week})").format(
                year=single.year, week=single.week)
        return " " + translate("identify_strip", "({month} {year})").format(
            month=translate("identify_strip", MONTHS[single.start.month - 1]),
            year=single.start.year)
    return " " + translate("identify_strip", "(several readings)") if result.is_ambiguous \
        else ""


def reading_html(proposal: Any, shown_part: Any = None) -> str:
    """The second line: what was read from the marking (the part number linked to the part
    when the store has it, unless that part is `shown_part`, the one being edited)."""
    reading = proposal.identification.reading
    if reading is None:
        return ""
    facts = []
    if reading.part_number:
        number = escape(_cut(reading.part_number))
        if proposal.part_id and proposal.part_id != shown_part:
            link = _link("part", proposal.part_id, translate("identify_strip", "in the store"))
            number += f" ({link})"
        facts.append(escape(translate("identify_strip", "part number {number}")).format(
            number=number))
    if reading.date_code:
        code = _cut(reading.date_code, 40)
        facts.append(escape(translate("identify_strip", "date code {code}")).format(
            code=escape(code)) + escape(date_meaning(code)))
    if reading.lot_code:
        facts.append(escape(translate("identify_strip", "lot code {code}").format(
            code=_cut(reading.lot_code))))
    if reading.country:
        facts.append(escape(translate("identify_strip", "origin {country}").format(
            country=_cut(reading.country))))
    problem = getattr(reading, "problem", "")  # already the verdict's reason
    facts += [_muted(escape(_cut(note, 120))) for note in _notes(reading.notes)
              if note != problem]
    return escape(translate("identify_strip", "Read: {facts}")).format(
        facts=" · ".join(facts)) if facts else ""


def _notes(notes: Any) -> list[str]:
    if not notes:
        return []
    return [notes] if isinstance(notes, str) else [str(n) for n in notes]


# ------------------------------------------------------------------------- the strip
class IdentifyStrip(QWidget):
    """One or two lines under a field; asks the rules in the background as the user types,
    the newest text winning."""

    accept_requested = Signal()
    undo_requested = Signal()
    open_requested = Signal(str, object)  # kind, id
    shown = Signal(object)  # the proposal now shown (None when there is none)

    def __init__(self, context: AppContext, what: str = "marking",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.idle = translate("identify_strip", IDLE).format(what=what)
        self.proposal: Any = None
        self.shown_part: Any = None  # the part being edited, when the strip is a part's
        self.shown_for: str | None = None  # the text the proposal shown was made from
        self._wanted = ""
        # Bumped when the store's rules, organizations or parts change: the same text may
        # then get another answer.
        self._generation = 0
        self._shown_generation = 0
        self._asked: tuple[str, int] | None = None  # the question on the worker now
        self._note = ""  # what Accept did, kept while the text stays the same
        self._bug_shown = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self._build()
        self._show_idle()
        StoreFollower(self, context, FOLLOWED, lambda _changes: self.reconsider())

    def _build(self) -> None:
        self.verdict = self._line()
        self.detail = self._line()
        # A small button on a row of its own, shown only when there is something to accept:
        # beside the text it would narrow every line of it.
        self.accept_button = QToolButton()
        self.accept_button.setText(translate("identify_strip", "Accept ({key})").format(
            key=ACCEPT_KEY))
        self.accept_button.setToolTip(translate(
            "identify_strip", "Fill the empty fields from this proposal; nothing you typed is "
            "changed, and nothing is saved until you save"))
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(self.accept_requested)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 2)
        column.setSpacing(1)
        column.addWidget(self.verdict)
        column.addWidget(self.detail)
        column.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _line(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)  # a narrow editor wraps the strip rather than widening
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * SMALLER)
        label.setFont(font)
        label.linkActivated.connect(self._link_activated)
        return label

    # ------------------------------------------------------------------ asking
    def set_text(self, text: str, at_once: bool = False) -> None:
        """Identify `text` once the user pauses (at once when a record is shown)."""
        if text != self._wanted:
            self._note = ""
        self._wanted = text
        if not text.strip():
            self._timer.stop()
            self._show_idle()
            return
        if at_once:
            self._timer.stop()
            self._ask()
        else:
            self._timer.start()

    def reconsider(self) -> None:
        """Ask again for the text shown: the store's rules, organizations or parts
        changed."""
        self._generation += 1
        if self._wanted.strip() and not self._timer.isActive():
            self._ask()

    @property
    def up_to_date(self) -> bool:
        """The proposal shown was made from the text the field holds now, with the store as
        it is."""
        return (self.shown_for == self._wanted and self._shown_generation == self._generation
                and not self._timer.isActive())

    def _ask(self) -> None:
        if self._asked is not None or self.context.store is None or not self._wanted.strip():
            return  # one question at a time: the answer asks again if the text moved on
        question = self._asked = (self._wanted, self._generation)
        self.context.run(identify.identify, self.context.store, question[0],
                         on_done=lambda proposal: self._answered(question, proposal),
                         on_error=lambda error, trace: self._failed(question, error, trace))

    def _answered(self, question: tuple[str, int], proposal: Any) -> None:
        self._asked = None
        if self._moved_on(question):
            return
        self._show(proposal, question[0], keep_note=True)

    def _failed(self, question: tuple[str, int], error: BaseException, trace: str) -> None:
        self._asked = None
        if self._moved_on(question):
            return
        text = question[0]
        self._set(None, text)
        message = getattr(error, "reason", None) or str(error)
        if isinstance(error, KnownError | ValueError):
            self.verdict.setText(f"{not_identified()}: {escape(_cut(message, LONGEST_MESSAGE))}")
        else:
            failed = escape(translate("identify_strip", "Identification failed"))
            self.verdict.setText(f"<b>{failed}</b>: {escape(_cut(message, 120))}")
            if not self._bug_shown:
                self._bug_shown = True
                self.context.show_error(error, trace)
        self.detail.hide()

    def _moved_on(self, question: tuple[str, int]) -> bool:
        """True when the text or the store changed while `question` was on the worker (asks
        again)."""
        if question == (self._wanted, self._generation):
            return False
        if self._wanted.strip() and not self._timer.isActive():
            self._ask()
        return True

    # ----------------------------------------------------------------- showing
    def show_proposal(self, proposal: Any, text: str) -> None:
        """Show what the rules propose for `text`."""
        self._show(proposal, text, keep_note=False)

    def _show(self, proposal: Any, text: str, keep_note: bool) -> None:
        self._note = self._note if keep_note else ""
        self._set(proposal, text)
        self.verdict.setText(verdict_html(proposal))
        self.verdict.setToolTip(_cut(proposal.identification.reason, 600))  # the whole why
        detail = self._note or reading_html(proposal, self.shown_part)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        if self._note:
            self.accept_button.hide()

    def show_filled(self, names: list[str]) -> None:
        """Say which fields Accept filled, and how to take them back (Accept shows again
        with the next proposal)."""
        if not names:
            self.show_message(_muted(escape(translate(
                "identify_strip", "Nothing filled: the fields already hold values (yours are "
                "never replaced)."))))
        else:
            self.show_message(
                escape(translate("identify_strip", "Filled: {fields}")).format(
                    fields=escape(", ".join(names))) + " — <a href='undo:'>"
                + escape(translate("identify_strip", "Undo")) + "</a> · "
                + escape(translate("identify_strip", "Revert undoes every unsaved change")))

    def show_message(self, html: str) -> None:
        """Say what Accept did (kept until the text changes)."""
        self._note = html
        self.accept_button.hide()
        self.detail.setText(html)
        self.detail.show()

    def _set(self, proposal: Any, text: str | None) -> None:
        self.verdict.setToolTip("")
        self.proposal, self.shown_for = proposal, text
        self._shown_generation = self._generation
        identified = proposal is not None and proposal.identification.status == "identified"
        self.accept_button.setVisible(identified)
        self.shown.emit(proposal)

    def _show_idle(self) -> None:
        self._set(None, self._wanted if not self._wanted.strip() else None)
        self.verdict.setText(_muted(escape(self.idle)))
        self.detail.clear()
        self.detail.hide()

    def _link_activated(self, link: str) -> None:
        kind, _, record_id = link.partition(":")
        if kind == "undo":
            self.undo_requested.emit()
        else:
            self.open_requested.emit(kind, record_id)
