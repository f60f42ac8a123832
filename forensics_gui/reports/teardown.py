"""The teardown report of one recovered item."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from forensics_gui.core.analytics import INVASION
from forensics_gui.reports.blocks import (
    PAGE_TEXT_WIDTH,
    chains_block,
    facts_table,
    figure_block,
    photo_block,
)
from forensics_gui.reports.diagrams import diagram
from forensics_gui.reports.document import Heading
from forensics_gui.reports.evidence import Citations, table
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words, add

add({"teardown": "Teardown report", "teardown_title": "Teardown report: {ref}",
     "summary": "Summary", "recovery": "Recovery and custody", "photos": "Photos",
     "findings": "Findings by where they sat in the item", "makers": "Makers and countries",
     "dates": "Production dates", "chains": "Probable supply chains",
     "no_photos": "No photo of this item is recorded.",
     "no_findings": "No finding is recorded for this item.",
     "no_custody": "No custody transfer is recorded.",
     "no_location": "place in the item not recorded",
     "system_type": "System type", "case_reference": "Case reference",
     "serial_number": "Serial number", "recovered_on": "Recovered on",
     "recovery_place": "Place", "recovering_unit": "Recovering unit",
     "condition": "Condition", "circumstances": "Circumstances",
     "current_custodian": "Current custodian", "when": "When (UTC)",
     "released_by": "Released by", "received_by": "Received by", "purpose": "Purpose",
     "marking_read": "Marking as read", "part": "Part", "maker": "Maker",
     "function": "Function", "date_code": "Date code → produced", "confidence": "Confidence",
     "cited": "Sources", "not_identified": "not identified", "unknown": "unknown",
     "summary_text": "{findings} findings were recorded in this {system}. {identified} are "
                     "identified to a part and {makers} makers in {countries} countries made "
                     "them. Of the {dated} findings whose production date could be read, "
                     "{after} were produced after 24 February 2022.",
     "unlinked": "No supply link is recorded for the other identified parts: {parts}.",
     "presence": "A part found in a weapon shows that it reached the weapon's producer, not "
                 "through which company: chains below are stated with the status of their "
                 "weakest link."},
    {"teardown": "Звіт про розбирання", "teardown_title": "Звіт про розбирання: {ref}",
     "summary": "Підсумок", "recovery": "Вилучення та ланцюг зберігання", "photos": "Фото",
     "findings": "Знахідки за місцем у зразку", "makers": "Виробники та країни",
     "dates": "Дати виробництва", "chains": "Ймовірні ланцюги постачання",
     "no_photos": "Фото цього зразка не записано.",
     "no_findings": "Знахідок для цього зразка не записано.",
     "no_custody": "Передач на зберігання не записано.",
     "no_location": "місце у зразку не записано",
     "system_type": "Тип системи", "case_reference": "Номер справи",
     "serial_number": "Серійний номер", "recovered_on": "Дата вилучення",
     "recovery_place": "Місце", "recovering_unit": "Підрозділ, що вилучив",
     "condition": "Стан", "circumstances": "Обставини",
     "current_custodian": "Поточний зберігач", "when": "Коли (UTC)",
     "released_by": "Передав", "received_by": "Прийняв", "purpose": "Мета",
     "marking_read": "Маркування, як прочитано", "part": "Деталь", "maker": "Виробник",
     "function": "Функція", "date_code": "Код дати → вироблено", "confidence": "Впевненість",
     "cited": "Джерела", "not_identified": "не встановлено", "unknown": "невідомо",
     "summary_text": "У цьому зразку ({system}) записано знахідок: {findings}. До деталі "
                     "встановлено: {identified}; їх виготовили {makers} виробників з {countries} "
                     "країн. З {dated} знахідок із прочитаною датою виробництва після 24 лютого "
                     "2022 року вироблено: {after}.",
     "unlinked": "Для інших встановлених деталей ланок постачання не записано: {parts}.",
     "presence": "Деталь, знайдена у зброї, свідчить, що вона дійшла до виробника зброї, але "
                 "не через яку компанію: ланцюги нижче наведено зі статусом їхньої "
                 "найслабшої ланки."})


def story(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    """The sections of a teardown report, in order (the frame adds title page, contents,
    sources and annexes)."""
    options = data.frame.options
    width = PAGE_TEXT_WIDTH
    parts: list[Flowable] = [Heading(words["summary"], sheet["H1"], 0),
                             Paragraph(markup(_summary(data, words)), sheet["Body"])]
    if options.wants("recovery"):
        parts += [Heading(words["recovery"], sheet["H1"], 0), *_recovery(data, sheet, words)]
    if options.wants("photos"):
        parts += [PageBreak(), Heading(words["photos"], sheet["H1"], 0)]
        if not data.photos:
            parts.append(Paragraph(markup(words["no_photos"]), sheet["Body"]))
        for number, ready in enumerate(data.photos, 1):
            parts += photo_block(ready, sheet, words, width, number)
    if options.wants("findings"):
        parts += [PageBreak(), Heading(words["findings"], sheet["H1"], 0),
                  *_findings(data, sheet, words, citations)]
    figures = {f.name: f for f in data.figures}
    if options.wants("makers"):
        parts += [Heading(words["makers"], sheet["H1"], 0)]
        for name in ("by_country", "by_maker", "identified"):
            if name in figures:
                parts += figure_block(figures[name], sheet, words, width)
    if options.wants("dates") and "production_timeline" in figures:
        parts += [Heading(words["dates"], sheet["H1"], 0),
                  *figure_block(figures["production_timeline"], sheet, words, width)]
    if options.wants("chains"):
        parts += [PageBreak(), Heading(words["chains"], sheet["H1"], 0),
                  Paragraph(markup(words["presence"]), sheet["Small"])]
        seen: set[Any] = set()
        unlinked: list[str] = []
        for finding in data.findings:
            report = data.chains.get(finding.id)
            if report is None or finding.part_id in seen:
                continue  # one statement per part, however often it was found
            seen.add(finding.part_id)
            if not report.links_considered:
                unlinked.append(finding.part_number)
                continue
            parts += chains_block(report, sheet, words, citations,
                                  {"without_hypotheses": options.without_hypotheses},
                                  subject=finding.part_number)
            if finding.part_id in data.graphs:
                parts += diagram(data.graphs[finding.part_id], finding.part_number, sheet,
                                 words, hypotheses=not options.without_hypotheses)
        if unlinked:
            parts.append(Paragraph(markup(words["unlinked"].format(
                parts=", ".join(sorted(unlinked)))), sheet["Body"]))
    return parts


def _summary(data: Any, words: Words) -> str:
    findings = data.findings
    makers = {f.manufacturer_id or _maker(data, f) for f in findings} - {None}
    countries = {data.makers[m].country for m in makers if m in data.makers
                 and data.makers[m].country}
    dated = [f for f in findings if f.produced_from]
    after = sum(1 for f in dated if f.produced_from > INVASION)
    system = data.system.name if data.system else words["unknown"]
    return words["summary_text"].format(findings=len(findings), system=system,
                                        identified=sum(1 for f in findings if f.part_id),
                                        makers=len(makers), countries=len(countries),
                                        dated=len(dated), after=after)


def _maker(data: Any, finding: Any) -> Any:
    part = data.parts.get(finding.part_id) if finding.part_id else None
    return part.manufacturer_id if part else None


def _recovery(data: Any, sheet: Any, words: Words) -> list[Flowable]:
    item = data.item
    rows = [(words["case_reference"], item.case_reference),
            (words["system_type"], data.system.name if data.system else words["unknown"]),
            (words["serial_number"], item.serial_number),
            (words["recovered_on"], item.recovered_on.isoformat() if item.recovered_on else ""),
            (words["recovery_place"], item.recovery_place),
            (words["recovering_unit"], item.recovering_unit),
            (words["condition"], item.condition), (words["circumstances"], item.circumstances)]
    story: list[Flowable] = [facts_table([(k, v or "—") for k, v in rows], sheet,
                                         PAGE_TEXT_WIDTH)]
    if not data.custody:
        story.append(Paragraph(markup(words["no_custody"]), sheet["Body"]))
        return story
    story.append(Paragraph(markup(f"{words['current_custodian']}: "
                                  f"{data.custody[-1].received_by}"), sheet["Body"]))
    header = [Paragraph(markup(words[h]), sheet["CellBold"])
              for h in ("when", "released_by", "received_by", "recovery_place", "purpose")]
    rows_ = [[Paragraph(markup(e.occurred_at.strftime("%Y-%m-%d %H:%M")), sheet["Cell"]),
              Paragraph(markup(e.released_by), sheet["Cell"]),
              Paragraph(markup(e.received_by), sheet["Cell"]),
              Paragraph(markup(e.place), sheet["Cell"]),
              Paragraph(markup(e.purpose), sheet["Cell"])] for e in data.custody]
    w = PAGE_TEXT_WIDTH
    story.append(table([header, *rows_], [w * 0.17, w * 0.22, w * 0.22, w * 0.17, w * 0.22]))
    return story


def _findings(data: Any, sheet: Any, words: Words, citations: Citations) -> list[Flowable]:
    if not data.findings:
        return [Paragraph(markup(words["no_findings"]), sheet["Body"])]
    groups: dict[str, list[Any]] = defaultdict(list)
    for finding in data.findings:
        groups[finding.location.strip()].append(finding)
    story: list[Flowable] = []
    w = PAGE_TEXT_WIDTH
    widths = [w * 0.2, w * 0.17, w * 0.16, w * 0.16, w * 0.17, w * 0.14]
    for location in sorted(groups, key=lambda place: (place == "", place.casefold())):
        story.append(Paragraph(markup(location or words["no_location"]), sheet["H2"]))
        header = [Paragraph(markup(words[h]), sheet["CellBold"]) for h in
                  ("marking_read", "part", "maker", "function", "date_code", "cited")]
        rows = [header]
        for f in groups[location]:
            maker = f.manufacturer_name or (data.makers[m].name if (m := _maker(data, f))
                                            in data.makers else "")
            produced = _produced(f, words)
            cited = citations.cite_all(data.sources.citations(f.source_ids))
            rows.append([Paragraph(markup(f.marking or "—"), sheet["Cell"]),
                         Paragraph(markup(f.part_number or words["not_identified"]),
                                   sheet["Cell"]),
                         Paragraph(markup(maker or words["not_identified"]), sheet["Cell"]),
                         Paragraph(markup(f.function), sheet["Cell"]),
                         Paragraph(markup(produced), sheet["Cell"]),
                         Paragraph(markup(cited or "—"), sheet["Cell"])])
        story.append(table(rows, widths))
    return story


def _produced(finding: Any, words: Words) -> str:
    if not finding.date_code:
        return "—"
    if finding.produced_from is None:
        return f"{finding.date_code} → {finding.date_code_note or words['unknown']}"
    start, end = finding.produced_from, finding.produced_to or finding.produced_from
    period = start.isoformat() if start == end else f"{start:%Y-%m-%d}…{end:%Y-%m-%d}"
    return f"{finding.date_code} → {period}"
