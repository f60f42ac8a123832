"""The figures about when: production dates read from date codes (a timeline, the share made
after a date, per system type, the newest), and recovered items over time.

A production date is the first day of the period a date code reads (week 31 of 2022 starts
on 1 August 2022); a finding counts as produced after a day when that period starts after
it, before when the period ends by it, and as undetermined when the period runs across it.
Codes with several readings (ambiguous) or none (unreadable) give no date and count in no bar.
Dates from date codes are production dates, never shipment dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from forensics_gui.core.analytics import (
    FINDINGS,
    INVASION,
    ITEMS,
    MONTH,
    QUARTER,
    SHARE,
    TABLE,
    TIMELINE,
    YEAR,
    Bar,
    Figure,
    Marker,
    chpl_publications,
    day_text,
    grain_for,
    period_label,
    periods,
    reference_markers,
)
from forensics_gui.core.chart_shapes import Words
from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.services.analytics.board import Board, day_after
from forensics_gui.services.analytics.figures import listed, share
from forensics_gui.storage import analytics_query as aq
from forensics_gui.storage import analytics_recovery as ar

SHIPMENT_NOTE = QT_TRANSLATE_NOOP("charts", "Dates from date codes are production dates, "
                                  "not shipment dates.")
# The note saying what a timeline's bars are, per grain (a whole sentence each, so that a
# translation can inflect the period's name).
PRODUCTION_GRAIN = {
    MONTH: QT_TRANSLATE_NOOP("charts", "By month of the first day of the period each date "
                                       "code reads."),
    QUARTER: QT_TRANSLATE_NOOP("charts", "By quarter of the first day of the period each date "
                                         "code reads."),
    YEAR: QT_TRANSLATE_NOOP("charts", "By year of the first day of the period each date code "
                                      "reads.")}
RECOVERY_GRAIN = {MONTH: QT_TRANSLATE_NOOP("charts", "By month of recovery."),
                  QUARTER: QT_TRANSLATE_NOOP("charts", "By quarter of recovery."),
                  YEAR: QT_TRANSLATE_NOOP("charts", "By year of recovery.")}


def _no_date(board: Board) -> tuple[int, str]:
    """How many covered findings have no production date, and why."""
    u, w = board.undated, board.words
    return sum(u.values()), listed([
        (w(QT_TRANSLATE_NOOP("charts", "no date code")), u["no date code"]),
        (w(QT_TRANSLATE_NOOP("charts", "ambiguous date code")), u["ambiguous"]),
        (w(QT_TRANSLATE_NOOP("charts", "unreadable date code")), u["unreadable"])])


def _date_code_notes(board: Board) -> tuple[str, ...]:
    u, w = board.undated, board.words
    notes = []
    if u["ambiguous"]:
        notes.append(w(QT_TRANSLATE_NOOP(
            "charts", "{ambiguous} date codes can be read in several ways and {unreadable} in "
            "none; they are in no bar.")).format(ambiguous=f"{u['ambiguous']:,}",
                                                   unreadable=f"{u['unreadable']:,}"))
    elif u["unreadable"]:
        notes.append(w(QT_TRANSLATE_NOOP(
            "charts", "{count} date codes could not be read; they are in no bar.")).format(
            count=f"{u['unreadable']:,}"))
    return tuple(notes)


def _marked(board: Board, first: date, last: date, *, designations: bool) -> tuple[Marker, ...]:
    """The invasion and the CHPL publications always; the designations of the companies
    involved from the earliest to the latest of the bars and those reference dates."""
    references = reference_markers(board.words)
    low = min(first, *(m.on for m in references))
    high = max(last, *(m.on for m in references))
    listed_ = tuple(m for m in board.designation_markers if low <= m.on <= high) \
        if designations else ()
    return tuple(sorted(references + listed_, key=lambda m: m.on))


# ------------------------------------------------------------------ production
def production_timeline(board: Board) -> Figure:
    missing, why = _no_date(board)
    total = missing
    span = board.production_span
    bars: tuple[Bar, ...] = ()
    markers: tuple[Marker, ...] = ()
    w = board.words
    notes = [w(SHIPMENT_NOTE), *_date_code_notes(board)]
    if span:
        grain = grain_for(*span)
        spans = periods(*span, grain)
        counts = board.ask(aq.produced_in, spans)
        counted = sum(counts)
        total = counted + missing
        bars = tuple(Bar(period_label(first, grain), n, share(n, counted),
                         board.filters_for(produced_after=first, produced_starts_before=last),
                         first, last) for (first, last), n in zip(spans, counts, strict=True))
        markers = _marked(board, spans[0][0], spans[-1][1], designations=True)
        notes.insert(0, w(PRODUCTION_GRAIN[grain]))
    return Figure("production_timeline",
                  w(QT_TRANSLATE_NOOP("charts", "Production dates of the components")),
                  FINDINGS, TIMELINE, bars, total, missing, why, markers, tuple(notes))


def produced_after(board: Board) -> Figure:
    day = board.after
    split = board.ask(aq.production_split, day)
    missing, why = _no_date(board)
    counted = sum(split.values())
    w, when = board.words, day_text(day)
    slices = [
        (QT_TRANSLATE_NOOP("charts", "produced after {day}"), "after",
         {"produced_after": day_after(day)}),
        (QT_TRANSLATE_NOOP("charts", "produced on or before {day}"), "before",
         {"produced_before": day}),
        (QT_TRANSLATE_NOOP("charts", "production period spans {day} (undetermined)"), "spanning",
         {"produced_starts_before": day, "produced_ends_after": day_after(day)})]
    bars = tuple(Bar(w(label).format(day=when), split[key], share(split[key], counted),
                     board.filters_for(**extra)) for label, key, extra in slices if split[key])
    notes = [w(QT_TRANSLATE_NOOP("charts", "After {day}: the period the date code reads starts "
                                 "after that day.")).format(day=when), w(SHIPMENT_NOTE)]
    if split["spanning"]:
        notes.insert(1, w(QT_TRANSLATE_NOOP(
            "charts", "{count} date codes read a week or month that runs across {day}: "
            "whether made before or after is undetermined.")).format(
            count=f"{split['spanning']:,}", day=when))
    return Figure("produced_after", w(QT_TRANSLATE_NOOP(
                      "charts", "Components produced after {day}")).format(day=when), FINDINGS,
                  SHARE, bars, counted + missing, missing, why,
                  notes=(*notes, *_date_code_notes(board)))


def _references(board: Board) -> list[tuple[date, str]]:
    w = board.words
    found = [(INVASION, w(QT_TRANSLATE_NOOP("charts", "after {day} (the invasion)")).format(
        day=day_text(INVASION)))]
    return found + [(p.published_on, w(QT_TRANSLATE_NOOP(
        "charts", "after {day} (CHPL {version})")).format(day=day_text(p.published_on),
                                                          version=p.version))
                    for p in chpl_publications()]


def after_invasion_by_system(board: Board) -> Figure:
    references = _references(board)
    w = board.words
    per_type = board.ask(ar.system_production, [day for day, _ in references])
    names = ar.system_names(board.uow, per_type)
    missing, why = _no_date(board)
    bars = []
    for system in sorted(per_type, key=lambda s: (-per_type[s][0], names.get(s, ""))):
        dated, *after = per_type[system]
        for (day, words), n in zip(references, after, strict=True):
            bars.append(Bar(f"{names.get(system, system)}: {words}", n, share(n, dated),
                            board.filters_for(system_id=str(system),
                                              produced_after=day_after(day)),
                            detail=w(QT_TRANSLATE_NOOP(
                                "charts", "{share} of {count} with a production date")).format(
                                share=f"{share(n, dated):.0%}", count=f"{dated:,}"),
                            group=names.get(system, str(system))))
    return Figure("after_invasion_by_system", w(QT_TRANSLATE_NOOP(
                      "charts", "Produced after the invasion and after each CHPL publication, "
                      "by system type")),
                  FINDINGS, TABLE, tuple(bars),
                  sum(counts[0] for counts in per_type.values()) + missing, missing, why,
                  notes=(w(QT_TRANSLATE_NOOP("charts", "Each row's share is of that system "
                                             "type's findings with a production date.")),
                         w(SHIPMENT_NOTE)))


def newest_production_by_system(board: Board) -> Figure:
    newest = board.ask(ar.newest_production)
    names = ar.system_names(board.uow, newest)
    missing, why = _no_date(board)
    rows = sorted(newest.items(), key=lambda kv: (-kv[1][1].toordinal(), names.get(kv[0], "")))
    bars = tuple(_newest_bar(board, system, names.get(system, str(system)), *found)
                 for system, found in rows)
    w = board.words
    return Figure("newest_production_by_system",
                  w(QT_TRANSLATE_NOOP("charts", "Newest production date by system type")),
                  FINDINGS, TABLE, bars, board.findings, missing, why,
                  notes=(w(QT_TRANSLATE_NOOP("charts", "The newest period a date code reads "
                                             "among each type's findings, and the finding it "
                                             "is read from.")), w(SHIPMENT_NOTE)), unit="date")


def _newest_bar(board: Board, system: Any, name: str, finding: Any, first: date,
                last: date | None) -> Bar:
    facts = ar.finding_facts(board.uow, finding)
    marking = (facts["marking"] or "").strip().splitlines()
    w = board.words
    what = facts["part_number"] or (marking[0] if marking else
                                    w(QT_TRANSLATE_NOOP("charts", "a finding")))
    maker = f" ({facts['maker']})" if facts["maker"] else ""
    detail = w(QT_TRANSLATE_NOOP(
        "charts", "produced {period} · {what} in {case}, date code {code}")).format(
        period=_period_words(first, last, facts, w), what=what + maker,
        case=facts["case_reference"], code=facts["date_code"])
    return Bar(name, 0, 0.0, board.filters_for(system_id=str(system), produced_after=first),
               first, last or first, detail, record_id=finding)


def _period_words(first: date, last: date | None, facts: dict[str, Any],
                  w: Words) -> str:
    """'in week 31 of 2022 (August 2022)' as the date code reads, else the days."""
    if facts["date_code_format"]:
        reading = parse_date_code(facts["date_code"], formats=(facts["date_code_format"],))
        for option in reading.readings:
            if option.start == first:
                return w(QT_TRANSLATE_NOOP("charts", "in {reading}")).format(
                    reading=option.describe().split(": ", 1)[1])
    end = last or first
    if end == first:
        return w(QT_TRANSLATE_NOOP("charts", "on {day}")).format(day=day_text(first))
    return w(QT_TRANSLATE_NOOP("charts", "{first} to {last}")).format(first=day_text(first),
                                                                       last=day_text(end))


# ------------------------------------------------------------------ recovered items
def items_over_time(board: Board) -> Figure:
    items = dict(board.items)
    missing = items.pop(None, 0)
    total = missing + sum(items.values())
    w = board.words
    title = w(QT_TRANSLATE_NOOP("charts", "Recovered items over time"))
    no_date = w(QT_TRANSLATE_NOOP("charts", "no recovery date"))
    if not items:
        return Figure("items_over_time", title, ITEMS, TIMELINE, (), total, missing, no_date)
    grain = grain_for(min(items), max(items))
    spans = periods(min(items), max(items), grain)
    counts = [sum(n for day, n in items.items() if first <= day <= last)
              for first, last in spans]
    counted = total - missing
    bars = tuple(Bar(period_label(first, grain), n, share(n, counted),
                     board.filters_for(recovered_from=first, recovered_to=last), first, last)
                 for (first, last), n in zip(spans, counts, strict=True))
    return Figure("items_over_time", title, ITEMS, TIMELINE, bars,
                  total, missing, no_date if missing else "",
                  _marked(board, spans[0][0], spans[-1][1], designations=False),
                  (w(RECOVERY_GRAIN[grain]),))
