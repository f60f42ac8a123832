"""The dossier of a part or an organization: where it was seen, its supply chains and links
with the graph the screen draws, and the sanctions status of every company involved."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from forensics_gui.reports.blocks import PAGE_TEXT_WIDTH, chains_block, facts_table
from forensics_gui.reports.diagrams import diagram
from forensics_gui.reports.document import Heading
from forensics_gui.reports.evidence import Citations, keep_link, link_sentence, table
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words, add
from forensics_gui.services.briefs.dossier import designation_state

add({"dossier": "Dossier", "dossier_title": "Dossier: {name}",
     "ds_part_of": "part made by {maker}", "ds_maker_unknown": "maker not recorded",
     "ds_organization": "organization",
     "ds_summary": "Summary", "ds_sightings": "Where it was seen",
     "ds_chains": "Supply chains and links", "ds_sanctions": "Sanctions status of the "
                                                           "companies involved",
     "ds_part_number": "Part number", "ds_maker": "Maker", "ds_function": "Function",
     "ds_category": "Category", "ds_hs": "HS code", "ds_chpl": "CHPL tier", "ds_eccn": "ECCN",
     "ds_description": "Description", "ds_name": "Name", "ds_country": "Country",
     "ds_roles": "Roles", "ds_aliases": "Aliases", "ds_former": "Former names",
     "ds_successor": "Successor", "ds_identifiers": "Identifiers", "ds_website": "Website",
     "ds_seen_part": "Components with part number {name} were found in {items} recovered "
                     "items of {systems} weapon system types ({findings} findings).",
     "ds_seen_maker": "Components made by {name} were found in {items} recovered items of "
                      "{systems} weapon system types ({findings} findings).",
     "ds_seen_company": "Parts on the supply links of {name} were found in {items} recovered "
                        "items of {systems} weapon system types ({findings} findings).",
     "ds_seen_none": "No finding of it is recorded: it has not been seen in any recovered "
                     "item.",
     "ds_counted": "Counted as recovered items, not findings: several findings in one item, "
                   "and several reports of the same wreckage, are one observation, not "
                   "independent confirmations. Withdrawn findings are not counted.",
     "ds_systems": "Weapon system types: {names}.",
     "ds_recovered": "Recovered from {first} to {last}.",
     "ds_recovered_missing": "Without a recovery date: {missing} of the {items} recovered "
                             "items listed.",
     "ds_produced": "Produced (read from date codes: production dates, not shipment dates) "
                    "from {first} to {last}.",
     "ds_produced_missing": "Without a production date that could be read: {missing} of the "
                            "{findings} findings listed.",
     "ds_presence": "Presence is not provenance: a component found in a weapon shows that it "
                    "reached the weapon's producer, not through which company. The chains and "
                    "links below say which companies are thought to have moved it, each link "
                    "with its status word and its graded sources.",
     "ds_listed_some": "The {listed} most recently recorded of the {findings} findings are "
                       "listed.",
     "ds_count_line": "Counts findings: {findings} rows, in {items} recovered items; without "
                      "a production date: {undated}; without a recovery date: {unrecovered}.",
     "ds_item": "Recovered item · system", "ds_recovered_on": "Recovered on",
     "ds_part_marking": "Part · marking as read", "ds_no_part": "part not identified",
     "ds_marking": "Marking as read", "ds_produced_col": "Date code → "
                                                                         "produced",
     "ds_sources": "Sources", "ds_handling": "Handling marking",
     "ds_graph": "Supply graph", "ds_other_links": "Supply links not on the chains above",
     "ds_links_some": "The newest {listed} of the {total} supply links recorded are "
                      "considered.",
     "ds_no_links": "No supply link is recorded for {name}.",
     "ds_no_chains_org": "No probable chain from a maker to a Russian importer or end user "
                         "passes through {name}.",
     "ds_companies_intro": "Companies involved: {name} and every company on its supply links "
                           "and chains ({count} in all). Designations as recorded in the "
                           "store; whether one is in force is judged on {today}.",
     "ds_companies_count": "Counts companies: {designated} designated today, {formerly} "
                           "formerly designated, {none} designated by no authority recorded "
                           "in the store.",
     "ds_company": "Company", "ds_where": "Country · roles", "ds_designations": "Designations",
     "ds_not_designated": "not designated by any authority recorded in the store",
     "ds_in force": "in force", "ds_delisted": "delisted",
     "ds_not yet in force": "not yet in force", "ds_listed": "listed {day}",
     "ds_delisted_on": "delisted {day}", "ds_listing_undated": "listing date not recorded",
     "ds_hub": "transshipment hub",
     "ds_no_companies": "No company is involved: no maker and no supply link are recorded."},
    {"dossier": "Досьє", "dossier_title": "Досьє: {name}",
     "ds_part_of": "деталь, виробник: {maker}", "ds_maker_unknown": "виробника не записано",
     "ds_organization": "організація",
     "ds_summary": "Підсумок", "ds_sightings": "Де виявлено",
     "ds_chains": "Ланцюги та ланки постачання", "ds_sanctions": "Санкційний статус залучених "
                                                                 "компаній",
     "ds_part_number": "Номер деталі", "ds_maker": "Виробник", "ds_function": "Функція",
     "ds_category": "Категорія", "ds_hs": "Код УКТ ЗЕД (HS)", "ds_chpl": "Рівень CHPL",
     "ds_eccn": "ECCN", "ds_description": "Опис", "ds_name": "Назва", "ds_country": "Країна",
     "ds_roles": "Ролі", "ds_aliases": "Інші назви", "ds_former": "Колишні назви",
     "ds_successor": "Правонаступник", "ds_identifiers": "Ідентифікатори",
     "ds_website": "Вебсайт",
     "ds_seen_part": "Компоненти з номером деталі {name} виявлено у вилучених зразках: "
                     "{items}; типів систем озброєння: {systems}; знахідок: {findings}.",
     "ds_seen_maker": "Компоненти виробництва {name} виявлено у вилучених зразках: {items}; "
                      "типів систем озброєння: {systems}; знахідок: {findings}.",
     "ds_seen_company": "Деталі з ланок постачання {name} виявлено у вилучених зразках: "
                        "{items}; типів систем озброєння: {systems}; знахідок: {findings}.",
     "ds_seen_none": "Знахідок не записано: у жодному вилученому зразку її не виявлено.",
     "ds_counted": "Пораховано вилучені зразки, а не знахідки: кілька знахідок в одному "
                   "зразку, як і кілька звітів про ті самі уламки, є одним спостереженням, а не "
                   "незалежними підтвердженнями. Відкликані знахідки не враховано.",
     "ds_systems": "Типи систем озброєння: {names}.",
     "ds_recovered": "Вилучено з {first} по {last}.",
     "ds_recovered_missing": "Без дати вилучення: {missing} з {items} наведених вилучених "
                             "зразків.",
     "ds_produced": "Вироблено (за кодами дати: це дати виробництва, а не відвантаження) з "
                    "{first} по {last}.",
     "ds_produced_missing": "Без прочитаної дати виробництва: {missing} з {findings} "
                            "наведених знахідок.",
     "ds_presence": "Наявність не доводить походження: компонент, знайдений у зброї, "
                    "свідчить, що він дійшов до виробника зброї, але не через яку компанію. "
                    "Ланцюги й ланки нижче показують, через які компанії він, імовірно, "
                    "пройшов; кожна ланка має слово статусу та оцінені джерела.",
     "ds_listed_some": "Наведено {listed} останніх записаних з {findings} знахідок.",
     "ds_count_line": "Рахує знахідки: рядків — {findings}, у вилучених зразках — {items}; "
                      "без дати виробництва: {undated}; без дати вилучення: {unrecovered}.",
     "ds_item": "Вилучений зразок · система", "ds_recovered_on": "Дата вилучення",
     "ds_part_marking": "Деталь · маркування, як прочитано",
     "ds_no_part": "деталь не встановлено", "ds_marking": "Маркування, як прочитано",
     "ds_produced_col": "Код дати → вироблено",
     "ds_sources": "Джерела", "ds_handling": "Гриф",
     "ds_graph": "Граф постачання", "ds_other_links": "Ланки постачання поза ланцюгами вище",
     "ds_links_some": "Розглянуто {listed} найновіших з {total} записаних ланок постачання.",
     "ds_no_links": "Для {name} не записано жодної ланки постачання.",
     "ds_no_chains_org": "Жоден імовірний ланцюг від виробника до російського імпортера чи "
                         "кінцевого користувача не проходить через {name}.",
     "ds_companies_intro": "Залучені компанії: {name} і кожна компанія з її ланок і ланцюгів "
                           "постачання (усього {count}). Санкції наведено так, як їх записано "
                           "у сховищі; чинність визначено на {today}.",
     "ds_companies_count": "Рахує компанії: під санкціями зараз — {designated}, раніше — "
                           "{formerly}, без санкцій жодного з органів, записаних у сховищі, — "
                           "{none}.",
     "ds_company": "Компанія", "ds_where": "Країна · ролі", "ds_designations": "Санкції",
     "ds_not_designated": "санкцій жодного з органів, записаних у сховищі, немає",
     "ds_in force": "чинні", "ds_delisted": "скасовані",
     "ds_not yet in force": "ще не чинні", "ds_listed": "запроваджено {day}",
     "ds_delisted_on": "скасовано {day}", "ds_listing_undated": "дату запровадження не записано",
     "ds_hub": "хаб перевантаження",
     "ds_no_companies": "Залучених компаній немає: не записано ні виробника, ні ланок "
                        "постачання."})

WIDTH = PAGE_TEXT_WIDTH
SECTION_ROOM = 150  # points: a section starting lower begins on the next page


def title(data: Any, words: Words) -> tuple[str, str]:
    """The dossier's title and subtitle."""
    name = data.label
    if data.part is not None:
        maker = data.organization.name if data.organization else words["ds_maker_unknown"]
        details = [words["ds_part_of"].format(maker=maker), data.part.function]
    else:
        org = data.organization
        roles = ", ".join(words.get(f"role_{r}", r) for r in org.roles)
        details = [words["ds_organization"], org.country, roles]
    return words["dossier_title"].format(name=name), " · ".join(d for d in details if d)


def story(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    """The sections of a dossier, in order (the frame adds title page, contents, sources and
    annexes)."""
    options = data.frame.options
    parts: list[Flowable] = [_heading(words["ds_summary"], sheet),
                             facts_table(_facts(data, words), sheet, WIDTH), Spacer(1, 6)]
    parts += [Paragraph(markup(text), sheet["Body"]) for text in _summary(data, words)]
    parts += [Paragraph(markup(notice), sheet["Small"]) for notice in data.notices]
    if options.wants("sightings"):
        parts += [CondPageBreak(SECTION_ROOM), _heading(words["ds_sightings"], sheet),
                  *_sightings(data, sheet, words, citations)]
    if options.wants("chains"):
        parts += [CondPageBreak(SECTION_ROOM),
                  *_chains(data, sheet, words, citations, _heading(words["ds_chains"], sheet))]
    if options.wants("sanctions"):
        parts += [CondPageBreak(SECTION_ROOM), _heading(words["ds_sanctions"], sheet),
                  *_sanctions(data, sheet, words, citations)]
    return parts


def _heading(text: str, sheet: Any) -> Heading:
    """A section's heading, never the last line of a page."""
    heading = Heading(text, sheet["H1"], 0)
    heading.keepWithNext = True
    return heading


def _facts(data: Any, words: Words) -> list[tuple[str, str]]:
    if data.part is not None:
        part = data.part
        maker = data.organization.name if data.organization else words["ds_maker_unknown"]
        rows = [("ds_part_number", part.part_number), ("ds_maker", maker),
                ("ds_function", part.function), ("ds_category", part.category),
                ("ds_hs", part.hs_code), ("ds_chpl", part.chpl_tier), ("ds_eccn", part.eccn),
                ("ds_description", part.description)]
    else:
        org = data.organization
        rows = [("ds_name", org.name), ("ds_country", org.country),
                ("ds_roles", ", ".join(words.get(f"role_{r}", r) for r in org.roles)),
                ("ds_aliases", "; ".join(org.aliases)),
                ("ds_former", "; ".join(org.former_names)),
                ("ds_successor", org.successor_name), ("ds_identifiers",
                                                        "; ".join(org.identifiers)),
                ("ds_website", org.website)]
    return [(words[key], value or "—") for key, value in rows]


def _summary(data: Any, words: Words) -> list[str]:
    """What the sightings add up to, counted by recovered item, with what lacked a value."""
    seen = data.seen
    if not seen.findings:
        return [words["ds_seen_none"]]
    if data.part is not None:
        key = "ds_seen_part"
    else:
        roles = [r for r in data.organization.roles if r != "other"]
        key = "ds_seen_maker" if "manufacturer" in roles or not roles else "ds_seen_company"
    counted = " ".join([words[key].format(name=data.label, items=seen.items,
                                          systems=seen.systems, findings=seen.findings),
                        words["ds_counted"]])
    when = []
    if seen.system_names:
        when.append(words["ds_systems"].format(names=", ".join(seen.system_names)))
    items = {s.item.id: s.item for s in data.sightings}
    if seen.first_recovered:
        when.append(words["ds_recovered"].format(first=seen.first_recovered,
                                                 last=seen.last_recovered))
    missing = sum(1 for item in items.values() if item.recovered_on is None)
    if missing:
        when.append(words["ds_recovered_missing"].format(missing=missing, items=len(items)))
    if seen.first_produced:
        when.append(words["ds_produced"].format(first=seen.first_produced,
                                                last=seen.last_produced))
    undated = sum(1 for s in data.sightings if s.finding.produced_from is None)
    if undated:
        when.append(words["ds_produced_missing"].format(missing=undated,
                                                        findings=len(data.sightings)))
    return [counted, " ".join(when)]


def _sightings(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    sightings = data.sightings
    if not sightings:
        return [Paragraph(markup(words["ds_seen_none"]), sheet["Body"])]
    story: list[Flowable] = []
    if data.seen.findings > len(sightings):
        story.append(Paragraph(markup(words["ds_listed_some"].format(
            listed=len(sightings), findings=data.seen.findings)), sheet["Small"]))
    items = {s.item.id for s in sightings}
    story.append(Paragraph(markup(words["ds_count_line"].format(
        findings=len(sightings), items=len(items),
        undated=sum(1 for s in sightings if s.finding.produced_from is None),
        unrecovered=sum(1 for s in sightings if s.item.recovered_on is None))),
        sheet["Small"]))
    with_part = data.part is None
    heads = ["ds_item", "ds_recovered_on", "ds_part_marking" if with_part else "ds_marking",
             "ds_produced_col", "ds_sources"]
    rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"]) for h in heads]]
    for s in sightings:
        f, item = s.finding, s.item
        cited = citations.cite_all(data.sources.citations(f.source_ids))
        where = (f"<font size=7.5>{markup(item.case_reference)}</font> "
                 f"({markup(item.handling_marking)})<br/>"
                 f"<font color='#616E7C'>{markup(item.system_type_name or '—')}</font>")
        marking = markup(f.marking or "—")
        if with_part:
            marking = f"<b>{markup(f.part_number or words['ds_no_part'])}</b><br/>{marking}"
        rows.append([Paragraph(where, sheet["Cell"]),
                     Paragraph(item.recovered_on.isoformat() if item.recovered_on else "—",
                               sheet["Cell"]),
                     Paragraph(marking, sheet["Cell"]),
                     Paragraph(markup(_produced(f)), sheet["Cell"]),
                     Paragraph(markup(cited or "—"), sheet["Cell"])])
    story.append(table(rows, [WIDTH * s for s in (0.27, 0.13, 0.27, 0.19, 0.14)]))
    return story


def _produced(finding: Any) -> str:
    if not finding.date_code:
        return "—"
    if finding.produced_from is None:
        return f"{finding.date_code} → {finding.date_code_note or '?'}"
    start, end = finding.produced_from, finding.produced_to or finding.produced_from
    period = start.isoformat() if start == end else f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    return f"{finding.date_code} → {period}"


def _chains(data: Any, sheet: Any, words: Words, citations: Citations,
            heading: Flowable) -> list[Flowable]:
    """The section's heading and the note on presence stay on the page of the graph."""
    options = {"without_hypotheses": data.frame.options.without_hypotheses}
    story = diagram(data.graph, data.label, sheet, words,
                    heading=[heading, Paragraph(markup(words["ds_presence"]), sheet["Small"]),
                             Paragraph(markup(words["ds_graph"]), sheet["H2"])],
                    hypotheses=not options["without_hypotheses"])
    on_chains: set[Any] = set()
    for report in data.chains:
        if not report.links_considered:  # no maker, or no link: say why, under no heading
            story += [Paragraph(markup(notice[:1].upper() + notice[1:]), sheet["Body"])
                      for notice in report.notices]
            continue
        story += chains_block(report, sheet, words, citations, options, limit=5,
                              subject=report.subject_label if data.part is None
                              else data.label)
        on_chains |= {step.link.id for chain in report.chains for step in chain.steps}
    if data.part is None and not data.chains:
        story.append(Paragraph(markup(words["ds_no_chains_org"].format(name=data.label)),
                               sheet["Body"]))
    others = [v for v in data.links if v.link.id not in on_chains]
    kept = [v for v in others if keep_link(v.link, options)]
    if not data.links:
        story.append(Paragraph(markup(words["ds_no_links"].format(name=data.label)),
                               sheet["Body"]))
    if kept:
        lines: list[Flowable] = [Paragraph(markup(words["ds_other_links"]), sheet["H2"])]
        if data.link_total > len(data.links):
            lines.append(Paragraph(markup(words["ds_links_some"].format(
                listed=len(data.links), total=data.link_total)), sheet["Small"]))
        story.append(KeepTogether([*lines, _link_line(kept[0], sheet, words, citations)]))
        story += [_link_line(v, sheet, words, citations) for v in kept[1:]]
    if len(kept) < len(others):
        story.append(Paragraph(markup(words["left_out"].format(n=len(others) - len(kept))),
                               sheet["Small"]))
    return story


def _link_line(view: Any, sheet: Any, words: Words, citations: Citations) -> Paragraph:
    return Paragraph("• " + link_sentence(view.link, view.seller.name, view.buyer.name,
                                          citations, words), sheet["Cell"])


def _sanctions(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    today: date = data.today
    companies = data.companies
    if not companies:
        return [Paragraph(markup(words["ds_no_companies"]), sheet["Body"])]
    states = [c.state(today) for c in companies]
    story: list[Flowable] = [
        Paragraph(markup(words["ds_companies_intro"].format(
            name=data.organization.name if data.organization else data.label,
            count=len(companies), today=today.isoformat())), sheet["Body"]),
        Paragraph(markup(words["ds_companies_count"].format(
            designated=states.count("designated"), formerly=states.count("formerly"),
            none=states.count("none"))), sheet["Small"])]
    heads = ("ds_company", "ds_where", "ds_designations")
    rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"]) for h in heads]]
    order = {"designated": 0, "formerly": 1, "none": 2}
    ranked = sorted(zip(companies, states, strict=True), key=lambda cs: order[cs[1]])
    for company, _state in ranked:
        party = company.party
        roles = ", ".join(words.get(f"role_{r}", r) for r in party.roles)
        where = " · ".join(p for p in (party.country, roles) if p) + (
            f" ({words['ds_hub']})" if party.hub else "")
        told = [_designation(d, today, data, words, citations) for d in company.designations]
        rows.append([Paragraph(f"<b>{markup(party.name)}</b>", sheet["Cell"]),
                     Paragraph(markup(where or "—"), sheet["Cell"]),
                     Paragraph("<br/>".join(told) or markup(words["ds_not_designated"]),
                               sheet["Cell"])])
    story.append(table(rows, [WIDTH * 0.3, WIDTH * 0.22, WIDTH * 0.48]))
    return story


def _designation(designation: Any, today: date, data: Any, words: Words,
                 citations: Citations) -> str:
    """"<b>OFAC</b> (RUSSIA-EO14024) · listed 2023-05-19 · in force · ref · [3] A1"."""
    state = designation_state(designation, today)
    parts = [f"<b>{markup(designation.authority)}</b>" + (
        f" ({markup(designation.programme)})" if designation.programme else "")]
    parts.append(markup(words["ds_listed"].format(day=designation.listed_on.isoformat())
                        if designation.listed_on else words["ds_listing_undated"]))
    if designation.delisted_on:
        parts.append(markup(words["ds_delisted_on"].format(
            day=designation.delisted_on.isoformat())))
    parts.append(f"<b>{markup(words[f'ds_{state}'])}</b>")
    if designation.reference:
        parts.append(markup(designation.reference))
    if designation.source_id:
        cited = citations.cite_all(data.sources.citations([designation.source_id]))
        if cited:
            parts.append(markup(cited))
    return " · ".join(parts)
