"""The summary of a weapon system type across all its recovered items."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from forensics_gui.reports.blocks import PAGE_TEXT_WIDTH, facts_table, figure_block
from forensics_gui.reports.document import Heading
from forensics_gui.reports.evidence import Citations, table
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words, add

add({"system": "Weapon-system summary", "system_title": "Weapon-system summary: {name}",
     "overview": "Overview", "countries": "Countries of the makers", "makers_h": "Makers",
     "tiers": "CHPL tiers", "dates_h": "Production dates", "changes": "What changed over time",
     "aliases": "Also known as", "category_w": "Category", "origin": "Origin",
     "producer": "Producer", "items_h": "Recovered items",
     "no_items": "No recovered item of this type is recorded.",
     "item_ref": "Case reference", "recovered": "Recovered on", "place": "Place",
     "findings_n": "Findings",
     "overview_text": "{items} recovered items of this type are recorded, holding {findings} "
                      "findings. Components made by {makers} makers in {countries} countries "
                      "were found in them.",
     "year": "Year", "items_n": "Items", "identified_share": "To a part",
     "after_share": "Made after 24 Feb 2022", "newest": "Newest made",
     "top_countries": "Makers' countries (findings)", "new_makers": "Makers new that year",
     "changes_intro": "Each row counts the findings of the items recovered in that year, as "
                      "the dashboard counts them for the same filters. Production dates are "
                      "read from date codes: they say when a part was made, not when it was "
                      "shipped.",
     "undated_items": "{n} recovered items have no recovery date and are in no row.",
     "of_dated": "{after} of {dated} dated",
     "no_years": "No recovered item of this type has a recovery date."},
    {"system": "Зведення щодо системи озброєння",
     "system_title": "Зведення щодо системи озброєння: {name}",
     "overview": "Огляд", "countries": "Країни виробників", "makers_h": "Виробники",
     "tiers": "Рівні CHPL", "dates_h": "Дати виробництва", "changes": "Що змінилося з часом",
     "aliases": "Інші назви", "category_w": "Категорія", "origin": "Походження",
     "producer": "Виробник системи", "items_h": "Вилучені зразки",
     "no_items": "Вилучених зразків цього типу не записано.",
     "item_ref": "Номер справи", "recovered": "Дата вилучення", "place": "Місце",
     "findings_n": "Знахідки",
     "overview_text": "Записано вилучених зразків цього типу: {items}; знахідок у них: "
                      "{findings}. У них знайдено компоненти {makers} виробників з "
                      "{countries} країн.",
     "year": "Рік", "items_n": "Зразки", "identified_share": "До деталі",
     "after_share": "Вироблено після 24.02.2022", "newest": "Найновіше",
     "top_countries": "Країни виробників (знахідки)", "new_makers": "Нові виробники",
     "changes_intro": "Кожен рядок рахує знахідки у зразках, вилучених того року, так само, "
                      "як їх рахує панель аналітики з тими самими фільтрами. Дати виробництва "
                      "прочитано з кодів дати: вони кажуть, коли деталь виготовлено, а не "
                      "коли її відвантажено.",
     "undated_items": "Зразків без дати вилучення (не враховано в жодному рядку): {n}.",
     "of_dated": "{after} з {dated} датованих",
     "no_years": "Жоден вилучений зразок цього типу не має дати вилучення."})


def story(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    options = data.frame.options
    width = PAGE_TEXT_WIDTH
    parts: list[Flowable] = []
    if options.wants("overview"):
        parts += [Heading(words["overview"], sheet["H1"], 0), *_overview(data, sheet, words)]
    for section, heading, names in (
            ("countries", "countries", ("by_country", "foreign_makers_share")),
            ("makers", "makers_h", ("by_maker", "persistent_makers")),
            ("tiers", "tiers", ("by_chpl_tier", "chpl_tier_1_2")),
            ("dates", "dates_h", ("production_timeline", "produced_after", "items_over_time"))):
        if not options.wants(section):
            continue
        parts += [PageBreak(), Heading(words[heading], sheet["H1"], 0)]
        for name in names:
            figure = data.figure(name)
            if figure is not None:
                parts += figure_block(figure, sheet, words, width)
    if options.wants("changes"):
        parts += [PageBreak(), Heading(words["changes"], sheet["H1"], 0),
                  *_changes(data, sheet, words)]
    # Sources cited by the findings counted, so that the list says what the figures rest on.
    for source_id in sorted(data.sources.sources, key=lambda i: data.sources.sources[i].title):
        citations.cite_all(data.sources.citations([source_id]))
    return parts


def _overview(data: Any, sheet: Any, words: Words) -> list[Flowable]:
    system = data.system
    facts = [(words["aliases"], ", ".join(system.aliases)), (words["category_w"], system.category),
             (words["origin"], system.origin_country), (words["producer"], system.producer)]
    story: list[Flowable] = [facts_table([(k, v or "—") for k, v in facts], sheet,
                                         PAGE_TEXT_WIDTH)]
    maker = data.figure("by_maker")
    country = data.figure("by_country")
    makers = maker.counted and sum(1 for b in maker.bars) if maker else 0
    countries = len(country.bars) if country else 0
    story.append(Paragraph(markup(words["overview_text"].format(
        items=len(data.items), findings=data.board.findings, makers=makers,
        countries=countries)), sheet["Body"]))
    story.append(Paragraph(markup(words["items_h"]), sheet["H2"]))
    if not data.items:
        story.append(Paragraph(markup(words["no_items"]), sheet["Body"]))
        return story
    w = PAGE_TEXT_WIDTH
    rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"])
                              for h in ("item_ref", "recovered", "place", "findings_n")]]
    for item in data.items:
        rows.append([Paragraph(markup(item.case_reference), sheet["Cell"]),
                     Paragraph(item.recovered_on.isoformat() if item.recovered_on else "—",
                               sheet["Cell"]),
                     Paragraph(markup(item.recovery_place or "—"), sheet["Cell"]),
                     Paragraph(str(data.findings_per_item.get(item.id, 0)), sheet["Cell"])])
    story.append(table(rows, [w * 0.34, w * 0.18, w * 0.34, w * 0.14]))
    return story


def _changes(data: Any, sheet: Any, words: Words) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(markup(words["changes_intro"]), sheet["Small"])]
    if not data.years:
        story.append(Paragraph(markup(words["no_years"]), sheet["Body"]))
        return story
    rows: list[list[Any]] = [[Paragraph(markup(words[h]), sheet["CellBold"]) for h in (
        "year", "items_n", "findings_n", "identified_share", "after_share", "newest",
        "top_countries", "new_makers")]]
    seen: set[str] = set()
    for year in data.years:
        new = sorted(year.makers - seen) if seen else []
        seen |= year.makers
        after = words["of_dated"].format(after=year.after_invasion, dated=year.dated)
        rows.append([Paragraph(str(year.year), sheet["Cell"]),
                     Paragraph(str(year.items), sheet["Cell"]),
                     Paragraph(str(year.findings), sheet["Cell"]),
                     Paragraph(f"{year.identified:.0%}", sheet["Cell"]),
                     Paragraph(markup(after), sheet["Cell"]),
                     Paragraph(year.newest.isoformat() if year.newest else "—", sheet["Cell"]),
                     Paragraph(markup(", ".join(f"{c} {n}" for c, n in year.countries) or "—"),
                               sheet["Cell"]),
                     Paragraph(markup(", ".join(new) or "—"), sheet["Cell"])])
    w = PAGE_TEXT_WIDTH
    story.append(table(rows, [w * f for f in (0.07, 0.08, 0.1, 0.09, 0.13, 0.13, 0.2, 0.2)]))
    if data.undated_items:
        story.append(Paragraph(markup(words["undated_items"].format(n=data.undated_items)),
                               sheet["Small"]))
    return story
