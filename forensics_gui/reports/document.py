"""The frame every brief shares: title page, contents, the handling marking at the top and bottom
of every page, "Page n of N", PDF metadata and outline, and a write that never leaves a broken
or half-written file at the target path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from forensics_gui.reports import fonts
from forensics_gui.reports.fonts import markup

PAGE = A4
MARGIN = 18 * mm
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
RULE = colors.HexColor("#CBD2D9")
ACCENT = colors.HexColor("#1D4E89")
# Streams are written as binary: ASCII85 would make every photo a quarter larger and, in pure
# Python, cost a third of a second per photo at each pass of the layout.
rl_config.useA85 = 0
# Marking bands: the higher the rank, the stronger the colour (the name is never translated).
MARKING_COLOURS = ((30, "#8E1B13"), (20, "#B45309"), (10, "#1D4E89"), (0, "#3E4C59"))


class Cancelled(Exception):
    """The brief was cancelled; nothing was written at the target path."""


@dataclass(frozen=True)
class BriefMeta:
    """What the frame of a brief says about it."""

    title: str
    subtitle: str
    kind: str  # e.g. "Teardown report"
    author: str
    marking: str
    marking_rank: int
    created: str  # the time the brief was built, as shown
    subject: str = ""
    keywords: tuple[str, ...] = ()
    words: dict[str, str] = field(default_factory=dict)  # the template's words, translated


def styles() -> StyleSheet1:
    fonts.register()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=fonts.BODY, fontSize=9.5, leading=13, textColor=INK,
                          spaceAfter=4)
    sheet.add(base)
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5, textColor=MUTED))
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=8, leading=10, spaceAfter=0))
    # A long code that must stay on one line to be copied whole (the audit chain head).
    sheet.add(ParagraphStyle("CellCode", parent=base, fontSize=6.5, leading=10, spaceAfter=0))
    sheet.add(ParagraphStyle("CellBold", parent=base, fontName=fonts.BOLD, fontSize=8,
                             leading=10, spaceAfter=0))
    sheet.add(ParagraphStyle("H1", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19,
                             textColor=ACCENT, spaceBefore=6, spaceAfter=8))
    sheet.add(ParagraphStyle("H2", parent=base, fontName=fonts.BOLD, fontSize=11.5, leading=15,
                             textColor=INK, spaceBefore=8, spaceAfter=5))
    sheet.add(ParagraphStyle("Title", parent=base, fontName=fonts.BOLD, fontSize=24,
                             leading=30, textColor=ACCENT, spaceAfter=10))
    sheet.add(ParagraphStyle("Subtitle", parent=base, fontSize=13, leading=18, textColor=INK,
                             spaceAfter=18))
    sheet.add(ParagraphStyle("Caption", parent=base, fontSize=8, leading=10,
                             textColor=MUTED, alignment=TA_CENTER))
    sheet.add(ParagraphStyle("TOC1", parent=base, fontSize=10, leading=15, leftIndent=0))
    sheet.add(ParagraphStyle("TOC2", parent=base, fontSize=9, leading=13, leftIndent=14,
                             textColor=MUTED))
    return sheet


def marking_colour(rank: int) -> colors.Color:
    return colors.HexColor(next(c for floor, c in MARKING_COLOURS if rank >= floor))


class Heading(Paragraph):
    """A heading that enters the contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(markup(text), style)
        self.level = level
        self.plain = text


class _NumberedCanvas(Canvas):
    """Holds every page until the end, so that each can say "Page n of N"."""

    def __init__(self, *args: Any, meta: BriefMeta, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._meta = meta

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            _frame(self, self._meta, self._pageNumber, total)
            super().showPage()
        super().save()


def _frame(canvas: Canvas, meta: BriefMeta, number: int, total: int) -> None:
    """The marking at the top and bottom, the brief's title and "Page n of N"."""
    width, height = PAGE
    words = meta.words
    canvas.saveState()
    colour = marking_colour(meta.marking_rank)
    for y in (height - 11 * mm, 6 * mm):
        canvas.setFillColor(colour)
        canvas.rect(MARGIN, y, width - 2 * MARGIN, 5.5 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(fonts.BOLD, 9)
        canvas.drawCentredString(width / 2, y + 1.7 * mm, meta.marking.upper())
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.BODY, 7.5)
    if number > 1:
        canvas.drawString(MARGIN, 13.5 * mm, _fit(canvas, meta.title, width / 2))
        canvas.drawString(MARGIN, height - 15 * mm, meta.kind)
        canvas.drawRightString(width - MARGIN, height - 15 * mm, meta.created)
    page_words = words.get("page_of", "Page {n} of {total}")
    canvas.drawRightString(width - MARGIN, 13.5 * mm,
                           page_words.format(n=number, total=total))
    canvas.restoreState()


def _fit(canvas: Canvas, text: str, width: float) -> str:
    if canvas.stringWidth(text, fonts.BODY, 7.5) <= width:
        return text
    while text and canvas.stringWidth(text + "…", fonts.BODY, 7.5) > width:
        text = text[:-1]
    return text + "…"


class BriefDocument(BaseDocTemplate):
    """A brief: title page, contents, then the sections; entries for contents and outline come
    from `Heading`s; progress and cancellation are asked after each flowable."""

    def __init__(self, path: str, meta: BriefMeta, *, invariant: bool = False,
                 progress: Callable[[int, int, str], None] | None = None,
                 check: Callable[[], None] | None = None) -> None:
        super().__init__(path, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=24 * mm, bottomMargin=22 * mm, title=meta.title,
                         author=meta.author, subject=meta.subject or meta.kind,
                         keywords=", ".join(meta.keywords), creator="Forensic component database",
                         invariant=int(invariant), initialFontName=fonts.BODY)
        self.meta = meta
        self._progress = progress
        self._check = check
        self._done = 0
        self._total = 1
        self._pass = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("title", [frame]), PageTemplate("body", [frame])])

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._check is not None:
            self._check()
        self._done += 1
        if self._progress is not None and self._done % 5 == 0:
            self._progress(min(self._done, self._total), self._total,
                           f"laying out the pages (pass {self._pass})")
        if isinstance(flowable, Heading):
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain, key, level=flowable.level, closed=False)
            self.notify("TOCEntry", (flowable.level, markup(flowable.plain), self.page, key))

    def handle_documentBegin(self) -> None:
        self._pass += 1
        self._done = 0
        super().handle_documentBegin()

    def write(self, story: Sequence[Flowable]) -> None:
        self._total = max(1, len(story))
        meta = self.meta
        self.multiBuild(list(story),
                        canvasmaker=lambda *a, **k: _NumberedCanvas(*a, meta=meta, **k))


def contents(sheet: StyleSheet1, heading: str) -> list[Flowable]:
    toc = TableOfContents()
    toc.levelStyles = [sheet["TOC1"], sheet["TOC2"]]
    # Its table would otherwise start in Helvetica, a font the brief does not embed.
    toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), fonts.BODY, 10),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    toc.dotsMinLevel = 0
    return [Paragraph(markup(heading), sheet["H1"]), toc]


def title_page(sheet: StyleSheet1, meta: BriefMeta, lines: Sequence[tuple[str, str]]
               ) -> list[Flowable]:
    """The title page: kind, title, subtitle, then (label, value) lines such as date and
    author; the next pages use the body template."""
    story: list[Flowable] = [Spacer(1, 40 * mm),
                             Paragraph(markup(meta.kind.upper()), sheet["Small"]),
                             Paragraph(markup(meta.title), sheet["Title"]),
                             Paragraph(markup(meta.subtitle), sheet["Subtitle"])]
    for label, value in lines:
        story.append(Paragraph(f"<b>{markup(label)}</b>: {markup(value)}", sheet["Body"]))
    story += [NextPageTemplate("body"), PageBreak()]
    return story


def write_atomically(path: str | Path, build: Callable[[str], None]) -> Path:
    """Call `build(temporary path)` and move the result to `path` only when it is complete:
    a failed or cancelled build leaves whatever was at `path` untouched."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".brief-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        build(temporary)
        with open(temporary, "rb") as written:
            if not written.read(5) == b"%PDF-":
                raise OSError("the brief was not written completely")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
