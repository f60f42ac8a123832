"""How a brief states what the evidence supports: numbered citations with their Admiralty
grades, the status word of every link and chain, the probability yardstick, and the last page
that says how the brief was made (so a reader can ask for the same brief again)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from reportlab.lib import colors
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from forensics_gui.core.chains import Citation, LinkFact, SupplyChain
from forensics_gui.reports import fonts
from forensics_gui.reports.document import RULE, Heading
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words

STATUS_ORDER = ("documented", "probable", "hypothesis")
RELIABILITY = "ABCDEF"
HEADER_FILL = colors.HexColor("#E4E7EB")


@dataclass
class Citations:
    """Sources numbered in the order first cited; `[n] B2` everywhere they are cited."""

    numbers: dict[UUID, int] = field(default_factory=dict)
    sources: dict[UUID, Citation] = field(default_factory=dict)
    details: dict[UUID, dict[str, Any]] = field(default_factory=dict)

    def cite(self, citation: Citation, **detail: Any) -> str:
        """The mark for `citation`, numbering it if it is new: "[3] B2"."""
        if citation.source_id not in self.numbers:
            self.numbers[citation.source_id] = len(self.numbers) + 1
            self.sources[citation.source_id] = citation
            self.details[citation.source_id] = detail
        return f"[{self.numbers[citation.source_id]}] {citation.grade}"

    def cite_all(self, citations: Iterable[Citation]) -> str:
        marks = [self.cite(c) for c in sorted(citations, key=lambda c: (-c.points, c.title))]
        return ", ".join(marks)

    def source_list(self, sheet: Any, words: Words) -> list[Flowable]:
        """The numbered source list, with grades spelled out."""
        story: list[Flowable] = [Heading(words["sources"], sheet["H1"], 0)]
        if not self.numbers:
            story.append(Paragraph(markup(words["no_sources"]), sheet["Body"]))
            return story
        rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"])
                                  for h in ("number", "source", "grade")]]
        for source_id, number in sorted(self.numbers.items(), key=lambda item: item[1]):
            citation = self.sources[source_id]
            detail = self.details[source_id]
            extra = " · ".join(str(v) for v in (detail.get("publisher"),
                                                 detail.get("published_on"),
                                                 detail.get("reference")) if v)
            text = markup(citation.title) + (f"<br/><font size=7>{markup(extra)}</font>"
                                             if extra else "")
            rows.append([Paragraph(f"[{number}]", sheet["Cell"]), Paragraph(text, sheet["Cell"]),
                         Paragraph(markup(grade_words(citation, words)), sheet["Cell"])])
        story.append(table(rows, [14 * 2.83, 300, 150]))
        return story


def grade_words(citation: Citation, words: Words) -> str:
    """"B2 — usually reliable, probably true"."""
    reliability = words.get(f"reliability_{citation.reliability}", "")
    credibility = words.get(f"credibility_{citation.credibility}", "")
    return f"{citation.grade} — {reliability}, {credibility}"


def chain_status(chain: SupplyChain) -> str:
    """A chain is no stronger than its weakest link, and "documented" only when every link
    is: otherwise "probable" at best."""
    statuses = {step.link.status for step in chain.steps}
    if statuses == {"documented"}:
        return "documented"
    return "hypothesis" if "hypothesis" in statuses else "probable"


def link_sentence(link: LinkFact, seller: str, buyer: str, citations: Citations,
                  words: Words) -> str:
    """One link as the brief states it: status word first, then what and when, then the
    numbered sources with their grades (markup)."""
    when = link.shipped_on.isoformat() if link.shipped_on else words["undated"]
    what = f" · {markup(link.part_number)}" if link.part_number else ""
    cited = citations.cite_all(link.citations) if link.citations else words["no_source_cited"]
    return (f"<b>{markup(words[link.status])}</b>: {markup(seller)} → {markup(buyer)}{what}"
            f" · {markup(when)} · {markup(cited)}")


def keep_link(link: LinkFact, options: dict[str, Any]) -> bool:
    """Whether the brief shows `link` (hypotheses can be left out)."""
    return not (options.get("without_hypotheses") and link.status == "hypothesis")


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None,
          *, zebra: bool = True) -> LongTable:
    """A table that splits cleanly across pages, its header repeated on each."""
    result = LongTable([list(r) for r in rows], colWidths=list(widths) if widths else None,
                       repeatRows=1, hAlign="LEFT")
    style = [("FONT", (0, 0), (-1, -1), fonts.BODY, 8),
             ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8),
             ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
             ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
             ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if zebra:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white,
                                                            colors.HexColor("#F5F7FA")]))
    result.setStyle(TableStyle(style))
    return result


def yardstick(sheet: Any, words: Words) -> list[Flowable]:
    """The probability words the product uses (one scale, the UK yardstick) and the
    Admiralty grades, printed in every brief's annex."""
    story: list[Flowable] = [Heading(words["how_to_read"], sheet["H1"], 0),
                             Paragraph(markup(words["yardstick_intro"]), sheet["Body"])]
    rows = [[Paragraph(markup(words["term"]), sheet["CellBold"]),
             Paragraph(markup(words["probability"]), sheet["CellBold"])]]
    for key, share in (("remote_chance", "0–5 %"), ("highly_unlikely", "10–20 %"),
                       ("unlikely", "25–35 %"), ("realistic_possibility", "40–50 %"),
                       ("likely", "55–75 %"), ("highly_likely", "80–90 %"),
                       ("almost_certain", "95–100 %")):
        rows.append([Paragraph(markup(words[key]), sheet["Cell"]),
                     Paragraph(markup(words["about"].format(share=share)), sheet["Cell"])])
    story.append(table(rows, [180, 120]))
    story.append(Paragraph(markup(words["status_intro"]), sheet["Body"]))
    rows = [[Paragraph(markup(words["status"]), sheet["CellBold"]),
             Paragraph(markup(words["means"]), sheet["CellBold"])]]
    for status in STATUS_ORDER:
        rows.append([Paragraph(f"<b>{markup(words[status])}</b>", sheet["Cell"]),
                     Paragraph(markup(words[f"{status}_means"]), sheet["Cell"])])
    story.append(table(rows, [90, 380]))
    rows = [[Paragraph(markup(words["reliability"]), sheet["CellBold"]),
             Paragraph(markup(words["credibility"]), sheet["CellBold"])]]
    for index, letter in enumerate(RELIABILITY, 1):
        rows.append([Paragraph(markup(f"{letter} — {words[f'reliability_{letter}']}"),
                               sheet["Cell"]),
                     Paragraph(markup(f"{index} — {words[f'credibility_{index}']}"),
                               sheet["Cell"])])
    story.append(Paragraph(markup(words["grades_intro"]), sheet["Body"]))
    story.append(table(rows, [235, 235]))
    return story


def provenance(sheet: Any, words: Words, facts: Sequence[tuple[str, ...]]) -> list[Flowable]:
    """The last page: the store, its schema version, the query and options, the time. A fact
    may name the cell style of its value as a third element."""
    story: list[Flowable] = [Heading(words["how_made"], sheet["H1"], 0),
                             Paragraph(markup(words["how_made_intro"]), sheet["Body"])]
    rows = [[Paragraph(markup(words["what"]), sheet["CellBold"]),
             Paragraph(markup(words["value"]), sheet["CellBold"])]]
    rows += [[Paragraph(markup(label), sheet["Cell"]),
              Paragraph(markup(value), sheet[style[0] if style else "Cell"])]
             for label, value, *style in facts]
    story.append(table(rows, [130, 340], zebra=False))
    return story
