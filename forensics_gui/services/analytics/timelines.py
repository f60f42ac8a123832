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
    SHARE,
    TABLE,
    TIMELINE,
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
from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.services.analytics.board import Board, day_after
from forensics_gui.services.analytics.figures import listed, share
from forensics_gui.storage import analytics_query as aq
from forensics_gui.storage import analytics_recovery as ar

SHIPMENT_NOTE = "Dates from date codes are production dates, not shipment dates."


def _no_date(board: Board) -> tuple[int, str]:
    """How many covered findings have no production date, and why."""
    u = board.undated
    return sum(u.values()), listed([("no date code", u["no date code"]),
                                    ("ambiguous date code", u["ambiguous"]),
                                    ("unreadable date code", u["unreadable"])])


def _date_code_notes(board: Board) -> tuple[str, ...]:
    u = board.undated
    notes = []
    if u["ambiguous"]:
        notes.append(f"{u['ambiguous']:,} date codes can be read in several ways and "
                     f"{u['unreadable']:,} in none; they are in no bar.")
    elif u["unreadable"]:
        notes.append(f"{u['unreadable']:,} date codes could not be read; they are in no bar.")
    return tuple(notes)


def _marked(board: Board, first: date, last: date, *, designations: bool) -> tuple[Marker, ...]:
    """The invasion and the CHPL publications always; the designations of the companies
    involved from the earliest to the latest of the bars and those reference dates."""
    references = reference_markers()
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
    notes = [SHIPMENT_NOTE, *_date_code_notes(board)]
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
        notes.insert(0, f"By {grain} of the first day of the period each date code reads.")
    return Figure("production_timeline", "Production dates of the components", FINDINGS,
                  TIMELINE, bars, total, missing, why, markers, tuple(notes))


def produced_after(board: Board) -> Figure:
    day = board.after
    split = board.ask(aq.production_split, day)
    missing, why = _no_date(board)
    counted = sum(split.values())
    slices = [
        (f"produced after {day_text(day)}", "after", {"produced_after": day_after(day)}),
        (f"produced on or before {day_text(day)}", "before", {"produced_before": day}),
        (f"production period spans {day_text(day)} (undetermined)", "spanning",
         {"produced_starts_before": day, "produced_ends_after": day_after(day)})]
    bars = tuple(Bar(label, split[key], share(split[key], counted), board.filters_for(**extra))
                 for label, key, extra in slices if split[key])
    notes = [f"After {day_text(day)}: the period the date code reads starts after that day.",
             SHIPMENT_NOTE]
    if split["spanning"]:
        notes.insert(1, f"{split['spanning']:,} date codes read a week or month that runs "
                        f"across {day_text(day)}: whether made before or after is undetermined.")
    return Figure("produced_after", f"Components produced after {day_text(day)}", FINDINGS,
                  SHARE, bars, counted + missing, missing, why,
                  notes=(*notes, *_date_code_notes(board)))


def _references() -> list[tuple[date, str]]:
    found = [(INVASION, f"after {day_text(INVASION)} (the invasion)")]
    return found + [(p.published_on, f"after {day_text(p.published_on)} (CHPL {p.version})")
                    for p in chpl_publications()]


def after_invasion_by_system(board: Board) -> Figure:
    references = _references()
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
                            detail=f"{share(n, dated):.0%} of {dated:,} with a production date",
                            group=names.get(system, str(system))))
    return Figure("after_invasion_by_system",
                  "Produced after the invasion and after each CHPL publication, by system type",
                  FINDINGS, TABLE, tuple(bars),
                  sum(counts[0] for counts in per_type.values()) + missing, missing, why,
                  notes=("Each row's share is of that system type's findings with a "
                         "production date.", SHIPMENT_NOTE))


def newest_production_by_system(board: Board) -> Figure:
    newest = board.ask(ar.newest_production)
    names = ar.system_names(board.uow, newest)
    missing, why = _no_date(board)
    rows = sorted(newest.items(), key=lambda kv: (-kv[1][1].toordinal(), names.get(kv[0], "")))
    bars = tuple(_newest_bar(board, system, names.get(system, str(system)), *found)
                 for system, found in rows)
    return Figure("newest_production_by_system", "Newest production date by system type",
                  FINDINGS, TABLE, bars, board.findings, missing, why,
                  notes=("The newest period a date code reads among each type's findings, "
                         "and the finding it is read from.", SHIPMENT_NOTE), unit="date")


def _newest_bar(board: Board, system: Any, name: str, finding: Any, first: date,
                last: date | None) -> Bar:
    facts = ar.finding_facts(board.uow, finding)
    marking = (facts["marking"] or "").strip().splitlines()
    what = facts["part_number"] or (marking[0] if marking else "a finding")
    maker = f" ({facts['maker']})" if facts["maker"] else ""
    detail = (f"produced {_period_words(first, last, facts)} · {what}{maker} in "
              f"{facts['case_reference']}, date code {facts['date_code']}")
    return Bar(name, 0, 0.0, board.filters_for(system_id=str(system), produced_after=first),
               first, last or first, detail, record_id=finding)


def _period_words(first: date, last: date | None, facts: dict[str, Any]) -> str:
    """'in week 31 of 2022 (August 2022)' as the date code reads, else the days."""
    if facts["date_code_format"]:
        reading = parse_date_code(facts["date_code"], formats=(facts["date_code_format"],))
        for option in reading.readings:
            if option.start == first:
                return "in " + option.describe().split(": ", 1)[1]
    end = last or first
    return f"on {day_text(first)}" if end == first else f"{day_text(first)} to {day_text(end)}"


# ------------------------------------------------------------------ recovered items
def items_over_time(board: Board) -> Figure:
    items = dict(board.items)
    missing = items.pop(None, 0)
    total = missing + sum(items.values())
    if not items:
        return Figure("items_over_time", "Recovered items over time", ITEMS, TIMELINE, (),
                      total, missing, "no recovery date")
    grain = grain_for(min(items), max(items))
    spans = periods(min(items), max(items), grain)
    counts = [sum(n for day, n in items.items() if first <= day <= last)
              for first, last in spans]
    counted = total - missing
    bars = tuple(Bar(period_label(first, grain), n, share(n, counted),
                     board.filters_for(recovered_from=first, recovered_to=last), first, last)
                 for (first, last), n in zip(spans, counts, strict=True))
    return Figure("items_over_time", "Recovered items over time", ITEMS, TIMELINE, bars,
                  total, missing, "no recovery date" if missing else "",
                  _marked(board, spans[0][0], spans[-1][1], designations=False),
                  (f"By {grain} of recovery.",))
