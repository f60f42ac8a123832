"""Pieces the kinds of brief share: a figure with what it counts, a photo with its caption,
key facts as a two-column table, chains stated with their status and sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import inch, mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from forensics_gui.core.analytics import TIMELINE, Figure
from forensics_gui.core.chains import ChainReport
from forensics_gui.reports import fonts
from forensics_gui.reports.charts import chart_drawing
from forensics_gui.reports.document import RULE
from forensics_gui.reports.evidence import (
    Citations,
    chain_status,
    keep_link,
    link_sentence,
    table,
)
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.jpeg import JpegImage
from forensics_gui.reports.words import Words, add

add({"counts_line": "Counts {counts}: {counted} of {total} records; {missing} had no value "
                    "({missing_label}).",
     "counts_line_full": "Counts {counts}: {counted} records, every one with a value.",
     "category": "Category", "count": "Count", "share": "Share",
     "chain_of": "Probable supply chains of {subject}",
     "chain_words": "Chain {n}, {status}: {route}",
     "no_chain": "No chain: {why}",
     "left_out": "{n} hypothesis-level links left out at the reader's request.",
     "photo_problem": "Photo not shown: {problem}",
     "taken": "taken", "camera": "camera", "position": "position"},
    {"counts_line": "Рахує {counts}: {counted} з {total} записів; {missing} без значення "
                    "({missing_label}).",
     "counts_line_full": "Рахує {counts}: {counted} записів, усі зі значенням.",
     "category": "Категорія", "count": "Кількість", "share": "Частка",
     "chain_of": "Ймовірні ланцюги постачання: {subject}",
     "chain_words": "Ланцюг {n}, {status}: {route}",
     "no_chain": "Ланцюга немає: {why}",
     "left_out": "{n} ланок рівня гіпотези не показано на прохання читача.",
     "photo_problem": "Фото не показано: {problem}",
     "taken": "знято", "camera": "камера", "position": "місце"})

COUNT_WORDS = {"uk": {"findings": "знахідки", "distinct parts": "окремі деталі",
                      "recovered items": "вилучені зразки"}}


def counts_line(figure: Figure, words: Words) -> str:
    counts = COUNT_WORDS.get(words.language, {}).get(figure.counts, figure.counts)
    if figure.missing:
        return words["counts_line"].format(counts=counts, counted=figure.counted,
                                           total=figure.total, missing=figure.missing,
                                           missing_label=figure.missing_label)
    return words["counts_line_full"].format(counts=counts, counted=figure.counted)


def figure_block(figure: Figure, sheet: Any, words: Words, width: float) -> list[Flowable]:
    """A figure as the vector chart the screen draws, with its counts and notes under it, and
    its numbers as a table so that none is only in the picture (a timeline lists its
    non-empty periods)."""
    story: list[Flowable] = []
    if figure.bars:  # the chart carries its title, what it counts and its notes
        story.append(KeepTogether([Spacer(1, 2 * mm), chart_drawing(figure, width)]))
    else:
        story.append(Paragraph(markup(figure.title), sheet["H2"]))
        story.append(Paragraph(markup(counts_line(figure, words)), sheet["Small"]))
        for note in figure.notes:
            story.append(Paragraph(markup(note), sheet["Small"]))
    bars = [b for b in figure.bars if b.value or figure.shape != TIMELINE]
    if bars:
        dated = figure.unit == "date"
        rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"])
                                  for h in ("category", "count", "share")]]
        for bar in bars:
            label = bar.label + (f" ({bar.detail})" if bar.detail and not dated else "")
            value = (bar.start.isoformat() if dated and bar.start else str(bar.value))
            share = bar.detail if dated else f"{bar.share:.0%}"
            rows.append([Paragraph(markup(label), sheet["Cell"]),
                         Paragraph(markup(value), sheet["Cell"]),
                         Paragraph(markup(share), sheet["Cell"])])
        story.append(Spacer(1, 2 * mm))
        widths = [0.3, 0.15, 0.55] if dated else [0.62, 0.18, 0.2]
        story.append(table(rows, [width * w for w in widths]))
    story.append(Spacer(1, 4 * mm))
    return story


def photo_block(ready: Any, sheet: Any, words: Words, width: float, number: int
                ) -> list[Flowable]:
    """A photo at print resolution with its caption and (unless redacted) its facts."""
    if ready.problem:
        return [Paragraph(markup(words["photo_problem"].format(problem=ready.problem)),
                          sheet["Small"])]
    scale = min(width / ready.width, (180 * mm) / ready.height)
    image = JpegImage(ready.data, width=ready.width * scale, height=ready.height * scale)
    facts = " · ".join(f"{words[k]} {v}" for k, v in ready.facts)
    caption = f"<b>{number}.</b> {markup(ready.caption)}" + (
        f"<br/>{markup(facts)}" if facts else "")
    return [KeepTogether([image, Spacer(1, 1.5 * mm), Paragraph(caption, sheet["Caption"]),
                          Spacer(1, 5 * mm)])]


def facts_table(rows: Sequence[tuple[str, str]], sheet: Any, width: float) -> Flowable:
    """Label and value pairs, one per line (no header row)."""
    cells = [[Paragraph(f"<b>{markup(k)}</b>", sheet["Cell"]), Paragraph(markup(v), sheet["Cell"])]
             for k, v in rows]
    result = Table(cells, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.BODY, 8),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("TOPPADDING", (0, 0), (-1, -1), 3),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return result


def chains_block(report: ChainReport, sheet: Any, words: Words, citations: Citations,
                 options: dict[str, Any], limit: int = 3, subject: str = "") -> list[Flowable]:
    """The best chains of one part, each link with its status word and graded sources."""
    heading = Paragraph(markup(words["chain_of"].format(
        subject=subject or report.subject_label)), sheet["H2"])
    heading.keepWithNext = True  # never the last line of a page
    story: list[Flowable] = [heading]
    shown = 0
    left_out = 0
    for chain in report.chains:
        if not all(keep_link(step.link, options) for step in chain.steps):
            left_out += sum(1 for s in chain.steps if not keep_link(s.link, options))
            continue
        shown += 1
        route = " → ".join(p.name for p in chain.parties)
        status = chain_status(chain)
        # A chain and its links on one page: its route is never left at the foot of a page.
        story.append(KeepTogether([Paragraph(markup(words["chain_words"].format(
            n=shown, status=words[status], route=route)), sheet["Body"]), *(
            Paragraph("• " + link_sentence(step.link, step.seller.name, step.buyer.name,
                                           citations, words), sheet["Cell"])
            for step in chain.steps)]))
        story.append(Spacer(1, 2 * mm))
        if shown >= limit:
            break
    if not shown:
        why = "; ".join(report.notices) or "no chain reaches a Russian importer or end user"
        story.append(Paragraph(markup(words["no_chain"].format(why=why)), sheet["Body"]))
    if left_out:
        story.append(Paragraph(markup(words["left_out"].format(n=left_out)), sheet["Small"]))
    return story


PAGE_TEXT_WIDTH = 6.6 * inch
