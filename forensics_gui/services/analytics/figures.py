"""The figures about who made the components and what they are: countries, makers, foreign
makers, makers that keep appearing, categories, CHPL tiers, identification.

A finding's maker is its own, else its part's (a maker is counted as recorded: a company
taken over stays itself, its successor named beside it). A finding's category is its part's
category, else the part's function: the finding's own function text says where it sat on
the board, not what it is, and would put unidentified components into categories.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.analytics import (
    BARS,
    FINDINGS,
    FOREIGN_GROUPS,
    SHARE,
    TABLE,
    Bar,
    Figure,
    day_text,
    foreign_group,
    half_year_bounds,
)
from forensics_gui.core.countries import country_name
from forensics_gui.core.hs import CHPL_TIERS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.services.analytics.board import Board
from forensics_gui.storage import analytics_query as aq
from forensics_gui.storage import analytics_recovery as ar

NO_MAKER = QT_TRANSLATE_NOOP("charts", "no manufacturer identified")
NO_PART = QT_TRANSLATE_NOOP("charts", "no part identified")
NO_HS_CODE = QT_TRANSLATE_NOOP("charts", "the part has no HS code")
NOT_ON_CHPL = QT_TRANSLATE_NOOP("charts", "HS code not on the CHPL")


def share(value: int, whole: int) -> float:
    return value / whole if whole else 0.0


def listed(parts: list[tuple[str, int]]) -> str:
    """'no part identified (12), no HS code (3)': the non-zero ones."""
    return ", ".join(f"{label} ({n:,})" for label, n in parts if n)


def bars_of(counts: dict[Any, int], counted: int, label: Any, filters: Any,
            detail: Any = lambda _key: "") -> list[Bar]:
    """Bars largest first (then by label), one per key."""
    made = [Bar(label(key), n, share(n, counted), filters(key), detail=detail(key))
            for key, n in counts.items() if n]
    return sorted(made, key=lambda bar: (-bar.value, bar.label))


# ------------------------------------------------------------------ countries and makers
def by_country(board: Board) -> Figure:
    per_country: Counter[str] = Counter()
    no_country = 0
    board.organizations(board.makers)
    for org, n in board.makers.items():
        if org is not None:
            code = board.country(org)
            if code:
                per_country[code] += n
            else:
                no_country += n
    no_maker = board.makers.get(None, 0)
    total = sum(board.makers.values())
    counted = total - no_maker - no_country
    bars = bars_of(per_country, counted, country_name,
                   lambda code: board.filters_for(manufacturer_country=code), lambda code: code)
    w = board.words
    return Figure("by_country",
                  w(QT_TRANSLATE_NOOP("charts", "Components by manufacturer country")),
                  FINDINGS, BARS, tuple(bars), total, no_maker + no_country,
                  listed([(w(NO_MAKER), no_maker),
                          (w(QT_TRANSLATE_NOOP("charts", "manufacturer's country not recorded")),
                           no_country)]),
                  notes=(w(QT_TRANSLATE_NOOP("charts", "The country is the manufacturer's as "
                                             "recorded, not where the component was made or "
                                             "bought.")),))


def by_maker(board: Board) -> Figure:
    makers = {org: n for org, n in board.makers.items() if org is not None and n}
    no_maker = board.makers.get(None, 0)
    total = sum(board.makers.values())
    counted = total - no_maker
    board.organizations(makers)
    ranked = sorted(makers, key=lambda org: (-makers[org], _name(board, org)))
    shown, rest = ranked[:board.top], ranked[board.top:]
    bars = [_maker_bar(board, org, makers[org], counted) for org in shown]
    w = board.words
    if rest:
        n, others = sum(makers[org] for org in rest), f"{len(rest):,}"
        bars.append(Bar(w(QT_TRANSLATE_NOOP("charts", "other makers ({count})")).format(
                            count=others), n, share(n, counted),
                        board.filters_for(manufacturer_other_than=[str(org) for org in shown]),
                        detail=w(QT_TRANSLATE_NOOP(
                            "charts", "{count} makers with fewer findings each")).format(
                            count=others)))
    return Figure("by_maker", w(QT_TRANSLATE_NOOP(
                      "charts", "Components by manufacturer (the {count} most found)")).format(
                      count=board.top),
                  FINDINGS, BARS, tuple(bars), total, no_maker,
                  listed([(w(NO_MAKER), no_maker)]),
                  notes=(w(QT_TRANSLATE_NOOP("charts", "Makers as recorded: a company taken "
                                             "over is counted under its own name, its "
                                             "successor named beside it.")),))


def _name(board: Board, org: UUID) -> str:
    return board.organization(org)[0]


def _maker_bar(board: Board, org: UUID, n: int, counted: int) -> Bar:
    name, country, successor = board.organization(org)
    now = board.words(QT_TRANSLATE_NOOP("charts", "now part of {successor}")).format(
        successor=successor) if successor else ""
    detail = " · ".join(p for p in (country, now) if p)
    return Bar(name, n, share(n, counted), _maker_filters(board, org), detail=detail)


def _maker_filters(board: Board, org: UUID) -> dict[str, Any]:
    return board.filters_for(manufacturer_id=str(org), manufacturer_exact=True)


def foreign_makers_share(board: Board) -> Figure:
    per_group: Counter[str] = Counter()
    others: Counter[str] = Counter()
    domestic = no_country = 0
    board.organizations(board.makers)
    for org, n in board.makers.items():
        country = board.country(org)
        group = foreign_group(country) if country else None
        if group:
            per_group[group] += n
        elif group == "":
            others[country or ""] += n
        elif country:
            domestic += n
        elif org is not None:
            no_country += n
    no_maker = board.makers.get(None, 0)
    foreign = sum(per_group.values()) + sum(others.values())
    bars = [Bar(name, per_group[name], share(per_group[name], foreign),
                board.filters_for(manufacturer_country=list(codes)))
            for name, codes in FOREIGN_GROUPS if per_group[name]]
    w = board.words
    if others:
        n = sum(others.values())
        bars.append(Bar(w(QT_TRANSLATE_NOOP("charts", "other countries")), n, share(n, foreign),
                        board.filters_for(manufacturer_country=sorted(others)),
                        detail=", ".join(sorted(others))))
    left = [(w(QT_TRANSLATE_NOOP("charts", "made by Russian or Belarusian makers")), domestic),
            (w(NO_MAKER), no_maker),
            (w(QT_TRANSLATE_NOOP("charts", "manufacturer's country not recorded")), no_country)]
    return Figure("foreign_makers_share",
                  w(QT_TRANSLATE_NOOP("charts", "Foreign components by the maker's country")),
                  FINDINGS, SHARE, tuple(bars), sum(board.makers.values()),
                  sum(board.makers.values()) - foreign,
                  listed(left), notes=(w(QT_TRANSLATE_NOOP(
                      "charts", "Foreign: made by a maker whose country is recorded and is "
                      "neither Russia nor Belarus. The European Union is its 27 member "
                      "states.")),))


def persistent_makers(board: Board) -> Figure:
    """Makers whose components were found in items recovered in at least two different
    half-years (January-June, July-December), the longest span first."""
    span = board.ask(ar.recovery_span)
    halves = _halves(*span) if span else []
    over_time = board.ask(ar.makers_over_time, halves) if halves else None
    makers = over_time.makers if over_time else {}
    no_maker = over_time.no_maker if over_time else board.makers.get(None, 0)
    undated = over_time.undated_items if over_time else 0
    counted = sum(r.findings for r in makers.values())
    board.organizations(makers)
    lasting = sorted((org for org, r in makers.items() if r.last_half > r.first_half),
                     key=lambda org: (makers[org].first_half - makers[org].last_half,
                                      -makers[org].findings, _name(board, org)))
    bars = [_persistent_bar(board, org, makers[org], halves, counted)
            for org in lasting[:board.top]]
    w = board.words
    notes = [w(QT_TRANSLATE_NOOP(
        "charts", "A maker is listed when its components were found in items recovered in at "
        "least two different half-years (January to June, July to December); {count} makers "
        "are, the {shown} with the longest span of recoveries first (then the most found). "
        "Counted: each maker's findings in items with a recovery date.")).format(
        count=f"{len(lasting):,}", shown=min(board.top, len(lasting)))]
    total = counted + no_maker + undated if over_time else sum(board.makers.values())
    return Figure("persistent_makers",
                  w(QT_TRANSLATE_NOOP("charts", "Makers whose components keep being recovered")),
                  FINDINGS, TABLE, tuple(bars), total, total - counted,
                  listed([(w(NO_MAKER), no_maker),
                          (w(QT_TRANSLATE_NOOP("charts", "in an item with no recovery date")),
                           undated)]),
                  notes=tuple(notes))


def _halves(first: date, last: date) -> list[tuple[date, date]]:
    halves = []
    year, number = first.year, 1 if first.month <= 6 else 2
    while (year, number) <= (last.year, 1 if last.month <= 6 else 2):
        halves.append(half_year_bounds((year, number)))
        year, number = (year, 2) if number == 1 else (year + 1, 1)
    return halves


def _persistent_bar(board: Board, org: UUID, recovery: ar.MakerRecovery,
                    halves: list[tuple[date, date]], counted: int) -> Bar:
    n = recovery.findings
    first_half, last_half = halves[recovery.first_half], halves[recovery.last_half]
    first = recovery.first or ar.recovered_with(board.uow, org, n, first_half)
    last = recovery.last or ar.recovered_with(board.uow, org, n, last_half[::-1])
    spanned = recovery.last_half - recovery.first_half + 1
    w = board.words
    detail = (w(QT_TRANSLATE_NOOP(
        "charts", "recovered from {first} to {last}, over {count} half-years")).format(
        first=day_text(first), last=day_text(last), count=spanned) if first and last
        else w(QT_TRANSLATE_NOOP("charts", "recovered, over {count} half-years")).format(
            count=spanned))
    # The maker's findings in items with a recovery date: those recovered from the first
    # half-year on.
    filters = board.filters_for(manufacturer_id=str(org), manufacturer_exact=True,
                                recovered_from=halves[0][0])
    return Bar(_name(board, org), n, share(n, counted), filters, first, last, detail)


# ------------------------------------------------------------------ what the parts are
def by_category(board: Board) -> Figure:
    counts = board.ask(aq.category_counts)
    total = sum(counts.values())
    no_part, no_category = counts.pop(None, 0), counts.pop("", 0)
    counted = total - no_part - no_category
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    shown, rest = ranked[:board.top], ranked[board.top:]
    bars = [Bar(c, counts[c], share(counts[c], counted), board.filters_for(category=c))
            for c in shown]
    w = board.words
    if rest:
        n = sum(counts[c] for c in rest)
        bars.append(Bar(w(QT_TRANSLATE_NOOP("charts", "other categories ({count})")).format(
                            count=f"{len(rest):,}"), n, share(n, counted),
                        board.filters_for(category=rest)))
    return Figure("by_category", w(QT_TRANSLATE_NOOP("charts", "Components by category")),
                  FINDINGS, BARS, tuple(bars), total, no_part + no_category,
                  listed([(w(NO_PART), no_part),
                          (w(QT_TRANSLATE_NOOP("charts",
                                               "the part has no category or function")),
                           no_category)]),
                  notes=(w(QT_TRANSLATE_NOOP("charts", "The category is the identified part's "
                                             "(its function where it has no category).")),))


def _tier_counts(board: Board) -> tuple[Counter[str], int, int, int]:
    """Findings per CHPL tier, and those with no part, no HS code, a code not listed (the
    four make up every covered finding)."""
    tiers: Counter[str] = Counter()
    no_part = no_code = not_listed = 0
    for key, n in board.ask(aq.tier_counts).items():
        if key is None:
            no_part += n
        elif key[0]:
            tiers[key[0]] += n
        elif key[1]:
            not_listed += n
        else:
            no_code += n
    return tiers, no_part, no_code, not_listed


def _tier_order(tier: str) -> tuple[int, str]:
    return (CHPL_TIERS.index(tier) if tier in CHPL_TIERS else len(CHPL_TIERS), tier)


def by_chpl_tier(board: Board) -> Figure:
    tiers, no_part, no_code, not_listed = _tier_counts(board)
    counted = sum(tiers.values())
    w = board.words
    bars = [Bar(w(QT_TRANSLATE_NOOP("charts", "tier {tier}")).format(tier=t), tiers[t],
                share(tiers[t], counted), board.filters_for(chpl_tier=t))
            for t in sorted(tiers, key=_tier_order)]
    total = counted + no_part + no_code + not_listed
    return Figure("by_chpl_tier", w(QT_TRANSLATE_NOOP(
                      "charts", "Components by tier of the Common High Priority List")),
                  FINDINGS, BARS, tuple(bars), total, total - counted,
                  listed([(w(NO_PART), no_part), (w(NO_HS_CODE), no_code),
                          (w(NOT_ON_CHPL), not_listed)]),
                  notes=(w(QT_TRANSLATE_NOOP("charts", "Tiers are those of the parts' HS codes "
                                             "on the CHPL of 23 February 2024; tier 1 is of "
                                             "the highest concern.")),))


def chpl_tier_1_2(board: Board) -> Figure:
    tiers, no_part, no_code, not_listed = _tier_counts(board)
    others = sorted((t for t in tiers if t not in ("1", "2")), key=_tier_order)
    counted = sum(tiers.values()) + not_listed
    w = board.words
    slices = [(QT_TRANSLATE_NOOP("charts", "CHPL tier 1"), tiers["1"], "1"),
              (QT_TRANSLATE_NOOP("charts", "CHPL tier 2"), tiers["2"], "2"),
              (QT_TRANSLATE_NOOP("charts", "other CHPL tiers"),
               sum(tiers[t] for t in others), others),
              (NOT_ON_CHPL, not_listed, "none")]
    bars = tuple(Bar(w(label), n, share(n, counted), board.filters_for(chpl_tier=tier))
                 for label, n, tier in slices if n)
    top = tiers["1"] + tiers["2"]
    return Figure("chpl_tier_1_2", w(QT_TRANSLATE_NOOP("charts",
                                                       "Components in CHPL tiers 1 and 2")),
                  FINDINGS, SHARE, bars, counted + no_part + no_code, no_part + no_code,
                  listed([(w(NO_PART), no_part), (w(NO_HS_CODE), no_code)]),
                  notes=(w(QT_TRANSLATE_NOOP(
                      "charts", "{count} components ({share} of those whose part has an HS "
                      "code) fall in tiers 1 and 2, the items of highest concern.")).format(
                      count=f"{top:,}", share=f"{share(top, counted):.0%}"),))


IDENTIFICATION = {"part": QT_TRANSLATE_NOOP("charts", "identified to a part"),
                  "manufacturer": QT_TRANSLATE_NOOP("charts", "maker identified only"),
                  "unidentified": QT_TRANSLATE_NOOP("charts", "not identified")}


def identified(board: Board) -> Figure:
    counts = board.ask(aq.identification_counts)
    total = sum(counts.values())
    order = list(IDENTIFICATION) + sorted(set(counts) - set(IDENTIFICATION))
    w = board.words
    bars = tuple(Bar(w(IDENTIFICATION[key]) if key in IDENTIFICATION else key, counts[key],
                     share(counts[key], total), board.filters_for(identification=key))
                 for key in order if counts.get(key))
    return Figure("identified", w(QT_TRANSLATE_NOOP("charts",
                                                    "How far components were identified")),
                  FINDINGS, SHARE, bars, total)
