"""Screening organizations against imported sanctions lists, and the analyst's decisions.

`screen` compares every organization (name, aliases, former names, identifiers) with the
entries of the newest version of each list, keeps candidates scoring at least the threshold
(see core.screening.THRESHOLD) as matches, and says what changed since the version screened
before: new candidates, entries whose names or programmes changed, entries no longer listed.
The analyst confirms a match (which makes a designation citing the list) or rejects it; a
rejection stands across later versions unless the entry itself changes. A candidate whose
entry a newer version no longer lists leaves the queue: it is kept, with its change
"removed", and the version that removed it is shown with it; it can no longer be confirmed.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any
from uuid import UUID

from forensics_gui.core.errors import IntegrityRuleError, NotFoundError, ValidationError
from forensics_gui.core.fields import AUTHORITIES, MATCH_CHANGES, MATCH_STATES
from forensics_gui.core.records import Page, SanctionsEntry, SanctionsList, ScreeningMatch
from forensics_gui.core.screening import (
    THRESHOLD,
    ListVersion,
    MatchDecision,
    MatchDetail,
    ScreeningSummary,
)
from forensics_gui.services.records import create_in
from forensics_gui.services.references import lookup
from forensics_gui.services.supply import today as current_day
from forensics_gui.storage import screening_query as sq
from forensics_gui.storage.store import Store, retried_writes

if TYPE_CHECKING:  # the engine (numpy, rapidfuzz) loads when screening runs, not before
    from forensics_gui.services import screening_engine as engine

MIN_ID_PART = 6
Found = dict[tuple[UUID, str, str], tuple["engine.Hit", SanctionsList, SanctionsEntry]]


def screen(store: Store, *, control: Any = None, threshold: float = THRESHOLD,
           workers: int | None = None) -> ScreeningSummary:
    """Screen every organization against the newest version of every list and record the
    candidates; returns what was found and what changed. `control` (optional) receives
    progress and may cancel before anything is written."""
    from forensics_gui.services import screening_engine as engine

    started = time.perf_counter()
    report_progress(control, 0, 3, "Reading organizations and list entries")
    with store.reading() as uow:
        newest = sq.newest_lists(uow)
        entries = [(v, e) for v in newest for e in sq.entries_of(uow, v.id)]
        orgs = sq.organizations(uow)
    report_progress(control, 1, 3, f"Comparing {len(orgs):,} organizations with "
                             f"{len(entries):,} list entries")
    hits = engine.screen([_org_party(o) for o in orgs], [_entry_party(e) for _, e in entries],
                         threshold=threshold, workers=workers or engine.WORKERS,
                         check=control.check if control is not None else None)
    found: Found = {(orgs[h.org][0], entries[h.entry][0].name, entries[h.entry][1].ref):
                    (h, *entries[h.entry]) for h in hits}
    report_progress(control, 2, 3, f"Recording {len(found):,} candidates")
    with store.writing() as uow:
        counts = _record(uow, found, newest, entries)
        candidates = sq.count_candidates(uow, [v.name for v in newest])
        sq.mark_screened(uow, [v.id for v in newest])
    return ScreeningSummary(
        lists=tuple(f"{v.name} {v.list_version}" for v in newest), organizations=len(orgs),
        entries=len(entries), candidates=candidates, seconds=time.perf_counter() - started,
        **counts)


def unscreened(store: Store) -> list[SanctionsList]:
    """The newest list versions no screening has completed against (an import cut short,
    or imported without screening)."""
    with store.reading() as uow:
        return [v for v in sq.newest_lists(uow) if v.screened_at is None]


def catch_up(store: Store, *, control: Any = None) -> ScreeningSummary | None:
    """Screen when a newest list version was never screened against; None when all were,
    or when the store is open read-only (the screening would have to be written)."""
    if store.read_only is not None:
        return None
    return screen(store, control=control) if unscreened(store) else None


def report_progress(control: Any, done: int, total: int, text: str) -> None:
    """Tell `control` (a task's progress and cancel handle, or None) how far the work is."""
    if control is not None:
        control.report(done, total, text)
        control.check()


def _org_party(org: tuple[UUID, str, list[str], list[str], list[str]]) -> engine.Party:
    _id, name, aliases, former, identifiers = org
    names = [("name", name), *(("alias", a) for a in aliases),
             *(("former name", f) for f in former)]
    from forensics_gui.services.screening_engine import Party

    return Party(tuple(names), tuple(identifiers))


def _entry_party(entry: SanctionsEntry) -> engine.Party:
    names = [("name", entry.name), *(("alias", n) for n in entry.names)]
    from forensics_gui.services.screening_engine import Party

    return Party(tuple(names), entry.identifiers)


def _fingerprint(entry: SanctionsEntry) -> tuple[Any, ...]:
    """What makes an entry 'changed' for the analyst: names, programmes, identifiers."""
    return (entry.name, sorted(entry.names), sorted(entry.programmes), sorted(entry.identifiers))


def _record(uow: Any, found: Found, newest: list[SanctionsList],
            entries: list[tuple[SanctionsList, SanctionsEntry]]) -> dict[str, int]:
    """Write what screening found over what was recorded before; returns the counts."""
    recorder = _Recorder(uow, newest, entries)
    alive = sq.existing_organizations(uow, [key[0] for key in found])
    for key, (hit, version, entry) in found.items():
        match = recorder.existing.pop(key, None)
        if match is not None:
            recorder.found_again(match, hit, version, entry)
        elif key[0] in alive:  # an organization deleted meanwhile gets no match
            recorder.inserts.append(_new_match(key, hit, version, entry))
    for match in list(recorder.existing.values()):
        recorder.not_found(match)
    return recorder.write()


class _Recorder:
    """The matches recorded before a screening, and what the screening changes in them."""

    def __init__(self, uow: Any, newest: list[SanctionsList],
                 entries: list[tuple[SanctionsList, SanctionsEntry]]) -> None:
        self.uow = uow
        self.newest = {v.name: v for v in newest}
        self.listed = {(v.name, e.ref): e for v, e in entries}
        self.existing = {(m.organization_id, m.list_name, m.entry_ref): m
                         for m in sq.matches_of_lists(uow, self.newest, lock=True)}
        self.earlier = sq.entries_by_ref(uow, [
            (m.list_id, m.entry_ref) for m in self.existing.values()
            if m.list_id and m.list_id != self.newest[m.list_name].id])
        self.counts = dict.fromkeys(("new", "changed", "removed", "unchanged", "reopened",
                                     "dropped"), 0)
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any] | None] = []
        self.dropped: list[UUID] = []

    def found_again(self, match: ScreeningMatch, hit: engine.Hit, version: SanctionsList,
                    entry: SanctionsEntry) -> None:
        change, state = _change(match, version, entry, self.earlier, self.counts)
        self.updates.append(_update(match, hit.score, hit.matched_on, entry.name, version.id,
                                    change, state))

    def not_found(self, match: ScreeningMatch) -> None:
        """A match recorded before that this screening did not find."""
        entry = self.listed.get((match.list_name, match.entry_ref))
        if entry is None:  # no longer listed: the analyst must see it, decided or not
            self.counts["removed"] += match.change != "removed"
            self.updates.append(_update(match, match.score, match.matched_on,
                                        match.entry_name, match.list_id, "removed",
                                        match.state))
        elif match.state == "candidate":  # undecided, and the names no longer meet
            self.dropped.append(match.id)
        else:  # a decision stands even when the names no longer meet
            version = self.newest[match.list_name]
            change, _state = _change(match, version, entry, self.earlier, self.counts)
            self.updates.append(_update(match, match.score, match.matched_on, entry.name,
                                        version.id, change, match.state))

    def write(self) -> dict[str, int]:
        self.counts["new"], self.counts["dropped"] = len(self.inserts), len(self.dropped)
        sq.insert_matches(self.uow, self.inserts)
        sq.update_matches(self.uow, [u for u in self.updates if u is not None])
        sq.delete_matches(self.uow, self.dropped)
        return self.counts


def _change(match: ScreeningMatch, version: SanctionsList, entry: SanctionsEntry,
            earlier: dict[tuple[UUID, str], SanctionsEntry],
            counts: dict[str, int]) -> tuple[str, str]:
    """(change, state) of a match found again; a rejection is asked again when the entry
    changed, since what was rejected is no longer what is listed."""
    if match.list_id == version.id and match.change != "removed":
        counts["unchanged"] += 1  # screened against this version before: nothing new
        return match.change, match.state
    before = earlier.get((match.list_id, match.entry_ref)) if match.list_id else None
    changed = (_fingerprint(before) != _fingerprint(entry) if before is not None
               else match.entry_name != entry.name)
    counts["changed" if changed else "unchanged"] += 1
    if changed and match.state == "rejected":
        counts["reopened"] += 1
        return "changed", "candidate"
    return ("changed" if changed else "unchanged"), match.state


def _new_match(key: tuple[UUID, str, str], hit: engine.Hit, version: SanctionsList,
               entry: SanctionsEntry) -> dict[str, Any]:
    return {"organization_id": key[0], "list_name": key[1], "entry_ref": key[2],
            "entry_name": entry.name[:500], "list_id": version.id, "score": hit.score,
            "matched_on": hit.matched_on, "state": "candidate", "change": "new", "notes": ""}


def _update(match: ScreeningMatch, score: int | None, matched_on: str, entry_name: str,
            list_id: UUID | None, change: str, state: str) -> dict[str, Any] | None:
    """The new values of a match, or None when nothing about it changed."""
    new = {"id": match.id, "score": score, "matched_on": matched_on,
           "entry_name": entry_name[:500], "list_id": list_id, "change": change, "state": state}
    old = {"id": match.id, "score": match.score, "matched_on": match.matched_on,
           "entry_name": match.entry_name, "list_id": match.list_id, "change": match.change,
           "state": match.state}
    return None if new == old else new


# --------------------------------------------------------------------------- reading
def list_versions(store: Store) -> list[ListVersion]:
    """Every imported list version, newest first within each list, with its matches."""
    with store.reading() as uow:
        versions = sq.lists(uow)
        counts = sq.match_counts(uow)
    seen: set[str] = set()
    found = []
    for version in versions:
        found.append(ListVersion(
            version, version.name not in seen, counts.get((version.id, "candidate"), 0),
            counts.get((version.id, "confirmed"), 0), counts.get((version.id, "rejected"), 0)))
        seen.add(version.name)
    return found


def list_matches(store: Store, *, state: str | None = None, change: str | None = None,
                 list_name: str | None = None, organization: str | UUID | None = None,
                 limit: int = 200, offset: int = 0) -> Page:
    """Matches, best score first, optionally only those in one state, with one change, on
    one list or of one organization (id or name).

    State "candidate" means waiting for a decision: candidates whose entry was removed from
    the list are left out, unless `change` "removed" asks for them."""
    filters = _filters(state, change, list_name)
    waiting = state == "candidate" and change != "removed"
    if not 1 <= limit <= 10_000:
        raise ValidationError("limit", "must be between 1 and 10000")
    with store.reading() as uow:
        if organization:
            org_id = lookup(uow, "org", organization)
            if org_id is None:
                raise NotFoundError(f"there is no organization {str(organization)[:80]!r}")
            filters["organization_id"] = org_id
        return sq.match_page(uow, filters, limit, offset, waiting=waiting)


def _filters(state: str | None, change: str | None, list_name: str | None) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for name, value, allowed in (("state", state, MATCH_STATES), ("change", change,
                                                                   MATCH_CHANGES)):
        if value:
            if value not in allowed:
                raise ValidationError(name, f"{value[:40]!r} is not one of: "
                                            f"{', '.join(allowed)}")
            filters[name] = value
    if list_name:
        filters["list_name"] = list_name
    return filters


def match_detail(store: Store, reference: str | UUID) -> MatchDetail:
    """A match (by id or id prefix) with the list entry and list version it is about, and,
    for an entry removed from the list, the version that removed it."""
    with store.reading() as uow:
        match = uow.get("match", resolve_match(uow, reference))
        version, entry = _entry_of(uow, match)
        return MatchDetail(match, entry, version, _removed_in(uow, match))


def _removed_in(uow: Any, match: ScreeningMatch) -> SanctionsList | None:
    """The first version after the one that last listed the match's entry: the version
    that removed it (None when the entry is still listed, or that version was deleted)."""
    if match.change != "removed" or match.list_id is None:
        return None
    versions = [v for v in sq.lists(uow) if v.name == match.list_name]  # newest first
    at = next((i for i, v in enumerate(versions) if v.id == match.list_id), None)
    return versions[at - 1] if at else None


def resolve_match(uow: Any, reference: str | UUID) -> UUID:
    """The id of the match given by its id, or by its first or last characters (at least
    six; ids begin with their creation time, so the last ones tell matches apart best)."""
    text = str(reference).strip().lower().replace("-", "")
    if len(text) < MIN_ID_PART or any(c not in "0123456789abcdef" for c in text):
        raise ValidationError("match", f"{str(reference)[:40]!r} is not a match id (give the "
                                       f"id or its last {MIN_ID_PART} characters or more)")
    ids = [i for i in sq.match_ids(uow) if i.hex.startswith(text) or i.hex.endswith(text)]
    if not ids:
        raise NotFoundError(f"there is no screening match {str(reference)[:40]!r}")
    if len(ids) > 1:
        raise ValidationError("match", f"{reference!s} fits {len(ids)} matches; give more of "
                                       "the id")
    return ids[0]


def _entry_of(uow: Any, match: ScreeningMatch) -> tuple[SanctionsList | None,
                                                         SanctionsEntry | None]:
    """The list version and entry a match is about: the version it was last screened on,
    else the newest version of its list that still has the entry."""
    versions = [v for v in sq.lists(uow) if v.name == match.list_name]
    versions.sort(key=lambda v: v.id != match.list_id)
    for version in versions:
        entry = sq.entries_by_ref(uow, [(version.id, match.entry_ref)]).get(
            (version.id, match.entry_ref))
        if entry is not None:
            return version, entry
    return (versions[0] if versions else None), None


# -------------------------------------------------------------------------- deciding
@retried_writes
def confirm(store: Store, reference: str | UUID, note: str = "",
            version: int | None = None) -> MatchDecision:
    """Confirm a candidate: the organization is the listed entry. Makes a designation (the
    entry's authority, programme, listing date and reference) citing the list's source."""
    with store.writing() as uow:
        match = uow.get("match", resolve_match(uow, reference))
        if match.state == "confirmed" and match.designation_id is not None:
            raise IntegrityRuleError(f"the match of {match.organization_name} with "
                                     f"{match.entry_name} is confirmed already")
        if match.change == "removed":
            removed = _removed_in(uow, match)
            raise IntegrityRuleError(
                f"entry {match.entry_ref} ({match.entry_name}) was removed from "
                f"{match.list_name}" + (f" in version {removed.list_version}" if removed else "")
                + "; a match with an entry no longer listed cannot be confirmed (record a "
                  "designation with its delisting date by hand if the organization was listed)")
        list_version, entry = _entry_of(uow, match)
        if list_version is None or entry is None:
            raise IntegrityRuleError(f"entry {match.entry_ref} of {match.list_name} is no longer "
                                     "in any imported version; it cannot be confirmed")
        designation = create_in(uow, "designation", _designation(match, list_version, entry,
                                                                 note))
        changed = uow.update("match", match.id, version, {
            "state": "confirmed", "designation_id": designation.id,
            "notes": _noted(match.notes, note)})
        return MatchDecision(changed, designation)


def _designation(match: ScreeningMatch, version: SanctionsList, entry: SanctionsEntry,
                 note: str) -> dict[str, Any]:
    today = current_day()
    listed = entry.listed_on if entry.listed_on and entry.listed_on <= today else None
    said = (f"Confirmed from screening against {version.name} {version.list_version} "
            f"(score {match.score}, {match.matched_on}).")
    return {"organization_id": match.organization_id,
            "authority": entry.authority if entry.authority in AUTHORITIES else "OTHER",
            "programme": "; ".join(entry.programmes)[:200], "listed_on": listed,
            "reference": entry.ref[:500], "source_id": version.source_id,
            "notes": _noted(said, note)}


@retried_writes
def reject(store: Store, reference: str | UUID, note: str = "",
           version: int | None = None) -> MatchDecision:
    """Reject a candidate: the organization is not the listed entry. Later screenings do not
    ask again unless the entry changes."""
    with store.writing() as uow:
        match = uow.get("match", resolve_match(uow, reference))
        if match.state == "confirmed" and match.designation_id is not None:
            raise IntegrityRuleError(f"the match of {match.organization_name} with "
                                     f"{match.entry_name} is confirmed and has a designation; "
                                     "delete that designation first to undo the confirmation")
        changed = uow.update("match", match.id, version, {
            "state": "rejected", "notes": _noted(match.notes, note)})
        return MatchDecision(changed, None)


def _noted(notes: str, note: str) -> str:
    note = note.strip()
    return f"{notes}\n{note}".strip() if note else notes
