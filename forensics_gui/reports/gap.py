"""The sanctions-gap brief: the parts whose probable chains pass through no company designated
today after the maker, and the companies on those chains designated nowhere, every link with
its status word and graded sources."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from forensics_gui.core.chains import GapOrganization, GapPart, SupplyChain, route_text
from forensics_gui.reports.blocks import PAGE_TEXT_WIDTH
from forensics_gui.reports.diagrams import diagram
from forensics_gui.reports.document import Heading
from forensics_gui.reports.evidence import Citations, chain_status, keep_link, link_sentence
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words, add
from forensics_gui.services.briefs.gap import SMALL_GRAPH

CHAINS_SHOWN = 3  # the best chains in the gap stated for each part

add({"gap": "Sanctions-gap brief", "gap_title": "Sanctions gap",
     "gp_all_dates": "supply links of every date", "gp_dates": "supply links dated {start} to "
                                                           "{end}",
     "gp_judged": "designations judged on {today}",
     "gp_summary": "Summary",
     "gp_parts": "Parts whose chains pass through no designated company",
     "gp_companies": "Companies on those chains designated nowhere",
     "gp_summary_text": "Of the {examined} parts and findings with supply links examined, "
                        "{parts} have probable chains on which no company after the maker is "
                        "designated today ({today}). On those chains, {companies} companies "
                        "are designated by no authority today.",
     "gp_period": "Only supply links dated from {start} to {end} are considered (undated "
                  "links stay in: they may fall inside the period).",
     "gp_reading": "A chain starts at the part's maker: components made by the maker were "
                   "found in weapons, which shows that they reached the weapon's producer, not "
                   "through which company. The gap is about the companies that moved the goods "
                   "on from the maker. A chain is no stronger than its weakest link: it is "
                   "called documented only when every link is.",
     "gp_none": "No part has a chain in the gap: every probable chain passes through a company "
                "designated today.",
     "gp_part_head": "{label}: components made by {maker}",
     "gp_chain_count": "Chains in the gap: {total}; the best {shown} are stated.",
     "gp_all_hypothesis": "Each of its chains in the gap has a hypothesis-level link: left out "
                          "at the reader's request.",
     "gp_graph": "Supply graph of {label}",
     "gp_graph_large": "The supply graph of {label} is not drawn here: graphs are drawn for "
                       "parts with at most {most} organizations; the chains above state every "
                       "link on them.",
     "gp_companies_intro": "Each company is listed with the links that put it on a chain in "
                           "the gap, each with its status word and graded sources; companies "
                           "on the chains of the most parts first.",
     "gp_company_on": "on the chains in the gap of: {parts}",
     "gp_nowhere": "designated by no authority today",
     "gp_formerly": "formerly designated: {listings}",
     "gp_hub": "transshipment hub",
     "gp_companies_left": "{n} companies appear only on hypothesis-level links and are left "
                          "out at the reader's request.",
     "gp_maker_unknown": "maker not recorded"},
    {"gap": "Довідка про санкційні прогалини", "gap_title": "Санкційні прогалини",
     "gp_all_dates": "ланки постачання за всі дати",
     "gp_dates": "ланки постачання з датами від {start} до {end}",
     "gp_judged": "чинність санкцій визначено на {today}",
     "gp_summary": "Підсумок",
     "gp_parts": "Деталі, ланцюги яких не проходять через жодну компанію під санкціями",
     "gp_companies": "Компанії на цих ланцюгах, до яких не застосовано санкцій",
     "gp_summary_text": "Розглянуто деталей і знахідок із ланками постачання: {examined}. "
                        "Імовірні ланцюги, на яких жодна компанія після виробника сьогодні "
                        "({today}) не перебуває під санкціями, мають: {parts}. Компаній на цих "
                        "ланцюгах, до яких сьогодні не застосовано санкцій жодного органу: "
                        "{companies}.",
     "gp_period": "Враховано лише ланки постачання з датами від {start} до {end} (ланки без "
                  "дати залишено: вони можуть належати до цього періоду).",
     "gp_reading": "Ланцюг починається з виробника деталі: компоненти цього виробника "
                   "знайдено у зброї; це свідчить, що вони дійшли до виробника зброї, але не "
                   "через яку компанію. Прогалина стосується компаній, які передавали товар "
                   "далі від виробника. Ланцюг не сильніший за найслабшу ланку: "
                   "задокументованим він є лише тоді, коли задокументовано кожну ланку.",
     "gp_none": "Жодна деталь не має ланцюга у прогалині: кожен імовірний ланцюг проходить "
                "через компанію, яка сьогодні перебуває під санкціями.",
     "gp_part_head": "{label}: компоненти виробництва {maker}",
     "gp_chain_count": "Ланцюгів у прогалині: {total}; наведено найкращі: {shown}.",
     "gp_all_hypothesis": "Кожен її ланцюг у прогалині має ланку рівня гіпотези: їх не "
                          "показано на прохання читача.",
     "gp_graph": "Граф постачання: {label}",
     "gp_graph_large": "Граф постачання {label} тут не показано: графи показано для деталей, "
                       "що мають не більше {most} організацій; ланцюги вище наводять кожну "
                       "їхню ланку.",
     "gp_companies_intro": "Кожну компанію наведено з ланками, через які вона потрапила на "
                           "ланцюг у прогалині; кожна ланка має слово статусу та оцінені "
                           "джерела. Спершу компанії з ланцюгів найбільшої кількості деталей.",
     "gp_company_on": "на ланцюгах у прогалині деталей: {parts}",
     "gp_nowhere": "сьогодні санкцій жодного органу немає",
     "gp_formerly": "раніше під санкціями: {listings}",
     "gp_hub": "хаб перевантаження",
     "gp_companies_left": "Компаній лише з ланками рівня гіпотези, не показаних на прохання "
                          "читача: {n}.",
     "gp_maker_unknown": "виробника не записано"})

WIDTH = PAGE_TEXT_WIDTH


def title(data: Any, words: Words) -> tuple[str, str]:
    """The brief's title, and a subtitle saying which links and on which day."""
    gap = data.gap
    start, end = gap.period_from, gap.period_to
    dates = words["gp_dates"].format(start=start or "…", end=end or "…") if start or end \
        else words["gp_all_dates"]
    return words["gap_title"], f"{dates} · " + words["gp_judged"].format(
        today=data.today.isoformat())


def story(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    """The sections of a sanctions-gap brief (the frame adds title page, contents, sources
    and annexes)."""
    options = data.frame.options
    wanted = {"without_hypotheses": options.without_hypotheses}
    parts: list[Flowable] = [_heading(words["gp_summary"], sheet),
                             *_summary(data, sheet, words)]
    if options.wants("parts"):
        blocks = [_part(part, data, sheet, words, citations, wanted) for part in data.gap.parts]
        parts += _section(_heading(words["gp_parts"], sheet), [], blocks,
                          Paragraph(markup(words["gp_none"]), sheet["Body"]))
    if options.wants("companies"):
        blocks = [_company(org, sheet, words, citations, wanted, data.today)
                  for org in data.gap.organizations]
        kept = [b for b in blocks if b[0]]
        parts += _section(_heading(words["gp_companies"], sheet),
                          [Paragraph(markup(words["gp_companies_intro"]), sheet["Small"])],
                          kept, None)
        if len(kept) < len(blocks):
            parts.append(Paragraph(markup(words["gp_companies_left"].format(
                n=len(blocks) - len(kept))), sheet["Small"]))
    return parts


Block = tuple[list[Flowable], list[Flowable]]  # what opens it (kept on one page), the rest


def _section(heading: Flowable, intro: list[Flowable], blocks: list[Block],
             empty: Flowable | None) -> list[Flowable]:
    """A section whose heading (and introduction) stay on the page of its first block."""
    if not blocks:
        return [heading, *intro, *([empty] if empty else [])]
    story: list[Flowable] = []
    for number, (lead, rest) in enumerate(blocks):
        opening = [heading, *intro] if number == 0 else []
        story += [KeepTogether([*opening, *lead]), *rest]
    return story


def _heading(text: str, sheet: Any) -> Heading:
    """A section's heading, never the last line of a page."""
    heading = Heading(text, sheet["H1"], 0)
    heading.keepWithNext = True
    return heading


def _summary(data: Any, sheet: Any, words: Words) -> list[Flowable]:
    gap = data.gap
    said = [words["gp_summary_text"].format(examined=gap.subjects_examined,
                                            parts=len(gap.parts),
                                            companies=len(gap.organizations),
                                            today=data.today.isoformat())]
    if gap.period_from or gap.period_to:
        said.append(words["gp_period"].format(start=gap.period_from or "…",
                                              end=gap.period_to or "…"))
    said.append(words["gp_reading"])
    story: list[Flowable] = [Paragraph(markup(text), sheet["Body"]) for text in said]
    story += [Paragraph(markup(text), sheet["Small"]) for text in (*gap.notices,
                                                                    *gap.cut_short)]
    return story


def _part(part: GapPart, data: Any, sheet: Any, words: Words, citations: Citations,
          wanted: dict[str, Any]) -> Block:
    """A part in the gap: its best chains in the gap, then its graph when small."""
    maker = part.manufacturer.name if part.manufacturer else words["gp_maker_unknown"]
    head = Paragraph(markup(words["gp_part_head"].format(label=part.label, maker=maker)),
                     sheet["H2"])
    kept = [c for c in part.chains if all(keep_link(s.link, wanted) for s in c.steps)]
    if not kept:
        return [head, Paragraph(markup(words["gp_all_hypothesis"]), sheet["Small"])], []
    shown = kept[:CHAINS_SHOWN]
    lead = [head, Paragraph(markup(words["gp_chain_count"].format(
        shown=len(shown), total=len(part.chains))), sheet["Small"]),
        *_chain(1, shown[0], sheet, words, citations)]
    rest: list[Flowable] = [Spacer(1, 3)]
    for number, chain in enumerate(shown[1:], 2):
        rest += [KeepTogether(_chain(number, chain, sheet, words, citations)), Spacer(1, 3)]
    if len(kept) < len(part.chains):
        rest.append(Paragraph(markup(words["left_out"].format(
            n=sum(1 for c in part.chains for s in c.steps if not keep_link(s.link, wanted)))),
            sheet["Small"]))
    graph = data.graphs.get(part.id)
    if graph is not None:
        if graph.too_large:
            rest.append(Paragraph(markup(words["gp_graph_large"].format(
                label=part.label, most=SMALL_GRAPH)), sheet["Small"]))
        else:
            rest += diagram(graph, part.label, sheet, words, most=SMALL_GRAPH,
                            heading=Paragraph(markup(words["gp_graph"].format(
                                label=part.label)), sheet["Small"]),
                            hypotheses=not wanted["without_hypotheses"])
    rest.append(Spacer(1, 4))
    return lead, rest


def _chain(number: int, chain: SupplyChain, sheet: Any, words: Words,
           citations: Citations) -> list[Flowable]:
    route = " → ".join(p.name for p in chain.parties)
    lines: list[Flowable] = [Paragraph(markup(words["chain_words"].format(
        n=number, status=words[chain_status(chain)], route=route)) +
        f" <font size=7>({markup(route_text(chain))})</font>", sheet["Body"])]
    lines += [Paragraph("• " + link_sentence(step.link, step.seller.name, step.buyer.name,
                                             citations, words), sheet["Cell"])
              for step in chain.steps]
    return lines


def _company(org: GapOrganization, sheet: Any, words: Words, citations: Citations,
             wanted: dict[str, Any], today: Any) -> Block:
    """A company in the gap and the links that put it there (nothing when hypotheses are
    left out and they are all it has)."""
    views = [v for v in org.links if keep_link(v.link, wanted)]
    if not views:
        return [], []
    party = org.party
    roles = ", ".join(words.get(f"role_{r}", r) for r in party.roles)
    where = party.country + (f" ({words['gp_hub']})" if party.hub else "")
    former = [x.label for x in party.listings if not x.current(today)]
    standing = words["gp_formerly"].format(listings="; ".join(former)) if former \
        else words["gp_nowhere"]
    facts = " · ".join(p for p in (where, roles, standing,
                                   words["gp_company_on"].format(parts=", ".join(org.subjects)))
                       if p)
    head = Paragraph(f"<b>{markup(party.name)}</b> · {markup(facts)}", sheet["Body"])
    lines = [Paragraph("• " + link_sentence(v.link, v.seller.name, v.buyer.name, citations,
                                            words), sheet["Cell"]) for v in views]
    return [head, lines[0]], [*lines[1:], Spacer(1, 4)]
