"""Writing a brief: gather what it holds through the services, lay it out in the frame every
brief shares, and write the PDF in one piece. The GUI and `forensics brief` call `write`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak

from forensics_gui.core.errors import ValidationError
from forensics_gui.reports import evidence
from forensics_gui.reports.document import (
    BriefDocument,
    BriefMeta,
    Cancelled,
    contents,
    styles,
    title_page,
    write_atomically,
)
from forensics_gui.reports.words import Words, add
from forensics_gui.services.briefs.common import BriefOptions

__all__ = ["BriefOptions", "BriefResult", "Cancelled", "write"]


@dataclass(frozen=True)
class BriefResult:
    path: Path
    pages: int
    size: int
    marking: str
    title: str


Check = Callable[[], None]
Progress = Callable[[int, int, str], None]


def write(store: Any, kind: str, reference: str | None, path: str | Path,
          options: BriefOptions | None = None, *, invariant: bool = False,
          at: datetime | None = None, progress: Progress | None = None,
          check: Check | None = None) -> BriefResult:
    """Write the brief of `kind` about `reference` to `path`: "teardown" (a recovered item's
    case reference), "dossier" (a part number or an organization's name) or "gap" (no
    reference; the options may give a period). Nothing is written at `path` unless the whole
    brief is. `invariant` and `at` (the time the brief says it was built) make the bytes
    repeatable, for tests."""
    options = options or BriefOptions()
    options.check(kind)
    say = progress or (lambda done, total, text: None)
    say(0, 3, "reading the store")
    data, kind_story, title, subtitle, words = _gather(kind, store, reference, options, say,
                                                       check)
    if at is not None:
        data = replace(data, frame=replace(data.frame, created=at))
    frame = data.frame
    meta = BriefMeta(title=title, subtitle=subtitle, kind=words[kind], author=frame.author,
                     marking=frame.marking, marking_rank=frame.marking_rank,
                     created=frame.created.strftime("%Y-%m-%d %H:%M UTC"), subject=words[kind],
                     keywords=(frame.marking, kind), words=dict(words))
    sheet = styles()
    citations = evidence.Citations()
    body = kind_story(data, sheet, words, citations)
    for source_id in citations.numbers:
        source = data.sources.sources.get(source_id)
        if source is not None:
            citations.details[source_id] = {"publisher": source.publisher,
                                            "published_on": source.published_on,
                                            "reference": source.reference}
    story = [*title_page(sheet, meta, [(words["date"], meta.created),
                                       (words["author"], frame.author),
                                       (words["marking"], frame.marking),
                                       (words["store"], frame.store_location)]),
             *contents(sheet, words["contents"]), PageBreak(), *body, PageBreak(),
             *citations.source_list(sheet, words), PageBreak(), *evidence.yardstick(sheet, words),
             PageBreak(), *evidence.provenance(sheet, words, _how_made(frame, meta, words))]
    say(1, 3, "laying out the pages")
    pages = 0

    def build(temporary: str) -> None:
        nonlocal pages
        doc = BriefDocument(temporary, meta, invariant=invariant, progress=progress,
                            check=check)
        doc.write(story)
        pages = doc.page

    target = write_atomically(path, build)
    say(3, 3, "written")
    return BriefResult(target, pages, target.stat().st_size, frame.marking, title)


def _gather(kind: str, store: Any, reference: str | None, options: BriefOptions,
            say: Progress, check: Check | None) -> tuple[Any, Any, str, str, Words]:
    """(what the brief holds, its sections, title, subtitle, the template's words)."""
    gather = _KINDS.get(kind)
    if gather is None:
        raise ValidationError("kind", f"there is no brief of kind {kind!r}")
    return gather(store, reference, options, say, check)


def _teardown(store: Any, reference: str | None, options: BriefOptions, say: Progress,
              check: Check | None) -> tuple[Any, Any, str, str, Words]:
    from forensics_gui.reports import teardown
    from forensics_gui.services.briefs import teardown as gather

    words = Words(options.language)  # the kind's words are known once it is imported
    if not reference:
        raise ValidationError("reference",
                              "a teardown report needs the recovered item's case reference")
    data = gather.gather(store, reference, options, say, check)
    system = data.system.name if data.system else ""
    recovered = data.item.recovered_on.isoformat() if data.item.recovered_on else ""
    subtitle = " · ".join(p for p in (system, recovered, data.item.recovery_place) if p)
    return (data, teardown.story,
            words["teardown_title"].format(ref=data.item.case_reference), subtitle, words)


def _dossier(store: Any, reference: str | None, options: BriefOptions, say: Progress,
             check: Check | None) -> tuple[Any, Any, str, str, Words]:
    from forensics_gui.reports import dossier
    from forensics_gui.services.briefs import dossier as gather

    words = Words(options.language)
    if not reference:
        raise ValidationError("reference",
                              "a dossier needs a part number or an organization's name")
    data = gather.gather(store, reference, options, say, check)
    title, subtitle = dossier.title(data, words)
    return data, dossier.story, title, subtitle, words


def _gap(store: Any, reference: str | None, options: BriefOptions, say: Progress,
         check: Check | None) -> tuple[Any, Any, str, str, Words]:
    from forensics_gui.reports import gap
    from forensics_gui.services.briefs import gap as gather

    words = Words(options.language)
    if reference:
        raise ValidationError("reference", "a sanctions-gap brief covers the whole store: it "
                              "takes no reference (choose a period in the options instead)")
    data = gather.gather(store, options, say, check)
    title, subtitle = gap.title(data, words)
    return data, gap.story, title, subtitle, words


def _system(store: Any, reference: str | None, options: BriefOptions, say: Progress,
            check: Check | None) -> tuple[Any, Any, str, str, Words]:
    from forensics_gui.reports import system
    from forensics_gui.services.briefs import system as gather

    words = Words(options.language)
    if not reference:
        raise ValidationError("reference", "a weapon-system summary needs the system type's name")
    data = gather.gather(store, reference, options, say, check)
    facts = [data.system.category, data.system.origin_country]
    subtitle = " · ".join(p for p in facts if p)
    return (data, system.story, words["system_title"].format(name=data.system.name), subtitle,
            words)


_KINDS = {"teardown": _teardown, "dossier": _dossier, "gap": _gap, "system": _system}


add({"made_store": "Store", "made_schema": "Schema version", "made_query": "Query",
     "made_options": "Options", "made_built": "Built", "made_marking_note":
     "{marking} (the highest of the records included)", "made_audit": "Audit chain head",
     "made_no_audit": "not recorded in this store"},
    {"made_store": "Сховище", "made_schema": "Версія схеми", "made_query": "Запит",
     "made_options": "Параметри", "made_built": "Створено", "made_marking_note":
     "{marking} (найвищий серед включених записів)", "made_audit": "Вершина ланцюга аудиту",
     "made_no_audit": "у цьому сховищі не ведеться"})


def _how_made(frame: Any, meta: BriefMeta, words: Words) -> list[tuple[str, ...]]:
    """The facts of the last page (the query and options are the product's own words, in
    English, so that they can be given back as they are)."""
    return [(words["made_store"], f"{frame.store_location} ({frame.store_kind})"),
            (words["made_schema"], frame.schema_revision),
            (words["made_query"], frame.query), (words["made_options"],
                                                 frame.options.described()),
            (words["made_built"], meta.created), (words["author"], frame.author),
            (words["marking"], words["made_marking_note"].format(marking=frame.marking)),
            (words["made_audit"], frame.audit_head, "CellCode") if frame.audit_head else
            (words["made_audit"], words["made_no_audit"])]
