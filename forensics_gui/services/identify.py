"""Identifying a marking or part number with the built-in rules, the store's own rules and
what the store knows of the maker: its organization, its owner today, the part itself.

The GUI (as the user types), the command line (`forensics identify`) and the bench screen
call these; nothing here writes. Without a store (`store=None`) only the built-in rules are
used, and the owner comes from the makers table.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.hs import chpl_tier
from forensics_gui.core.identify import (
    IDENTIFIED,
    STORE,
    Identification,
    RuleSet,
    builtin_rules,
    load_rules,
)
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.services.records import list_records
from forensics_gui.services.references import lookup
from forensics_gui.storage.store import Store

_PAGE = 1000
_LONGEST_CHAIN = 20  # takeovers followed at most (a cycle in the records stops there)


@dataclass(frozen=True)
class Proposal:
    """An identification and what the store knows about it (None and "" where it knows
    nothing, and always without a store)."""

    identification: Identification
    maker_id: UUID | None = None  # the organization named as the maker (or by an alias)
    owner_name: str = ""  # the company that owns the maker today ("" when independent)
    owner_id: UUID | None = None  # its organization, when the store holds it
    part_id: UUID | None = None  # the part whose number has the same search key
    chpl_tier: str | None = None  # of the rule's HS code


# ------------------------------------------------------------------ rules
class _StoreRules:
    """The rules of each store, read again when its rules change (checked on every use: one
    small query)."""

    _lock = threading.Lock()
    # Weak keys: a closed store's rules go with it.
    _by_store: weakref.WeakKeyDictionary[Store, tuple[tuple[Any, ...], RuleSet]] = (
        weakref.WeakKeyDictionary())

    @classmethod
    def of(cls, store: Store) -> RuleSet:
        generation = _generation(store)
        with cls._lock:
            cached = cls._by_store.get(store)
            if cached is not None and cached[0] == generation:
                return cached[1]
        rules = builtin_rules().merged(_store_rules(store))
        with cls._lock:
            cls._by_store[store] = (generation, rules)
        return rules


def _generation(store: Store) -> tuple[Any, ...]:
    """Changes whenever a rule is added, changed or deleted: how many there are, and the
    newest change (a deletion changes the count, any other write the newest change)."""
    page = list_records(store, "rule", sort="updated_at", descending=True, limit=1,
                        with_total=True)
    newest = page.rows[0] if page.rows else None
    return (page.total, *((newest.id, newest.version, newest.updated_at) if newest else ()))


def _store_rules(store: Store) -> RuleSet:
    """The store's rules, each checked on its own so that a problem names the rule."""
    makers = builtin_rules().makers
    loaded: list[RuleSet] = []
    cursor: str | None = None
    while True:
        page = list_records(store, "rule", limit=_PAGE, cursor=cursor)
        loaded += [load_rules([_as_row(record)], STORE, where=f"your rule {record.pattern!r}",
                              first_row=0, makers=makers) for record in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            return RuleSet(makers=makers).merged(*loaded)


def _as_row(record: Any) -> dict[str, Any]:
    return {"rule_id": str(record.id), "maker": record.maker, "now_part_of": record.now_part_of,
            "pattern": record.pattern, "family": record.family, "category": record.category,
            "hs_code": record.hs_code, "confidence": record.confidence,
            "source": getattr(record, "source_title", "") or "", "notes": record.notes}


def rules_for(store: Store | None) -> RuleSet:
    """The rules that apply with `store`: the built-in ones and the store's own (the built-in
    ones alone without a store). Cached per store until its rules change.

    Raises RuleFileError (a known error) when a rule cannot be used, naming it.
    """
    return builtin_rules() if store is None else _StoreRules.of(store)


# ------------------------------------------------------------------ identifying
def identify(store: Store | None, text: str | None) -> Proposal:
    """What the rules propose for a marking or part number as typed, with the store's
    organization for the maker, its owner today, the part if the store has it, and the CHPL
    tier of the HS code. Proposes only; never writes."""
    return identify_many(store, [text])[0]


def identify_many(store: Store | None, texts: Iterable[str | None]) -> list[Proposal]:
    """`identify` for many markings at once (one reading of the rules and of the store)."""
    rules = rules_for(store)
    found = [rules.identify(text) for text in texts]
    if store is None:
        return [_without_store(identification) for identification in found]
    with store.reading() as uow:
        return [_with_store(uow, rules, identification) for identification in found]


def _tier(identification: Identification) -> str | None:
    return chpl_tier(identification.hs_code) if identification.hs_code else None


def _without_store(identification: Identification) -> Proposal:
    if identification.status != IDENTIFIED:
        return Proposal(identification)
    return Proposal(identification, owner_name=identification.now_part_of,
                    chpl_tier=_tier(identification))


def _with_store(uow: Any, rules: RuleSet, identification: Identification) -> Proposal:
    part_id = _part_of(uow, identification.part_number, None)
    if identification.status != IDENTIFIED:
        return Proposal(identification, part_id=part_id)
    maker_id = _org_named(uow, [identification.maker,
                                *_aliases(rules, identification.maker)])
    owner_name, owner_id = _owner(uow, identification, maker_id)
    return Proposal(identification, maker_id=maker_id, owner_name=owner_name,
                    owner_id=owner_id, part_id=_part_of(uow, identification.part_number,
                                                        maker_id),
                    chpl_tier=_tier(identification))


def _aliases(rules: RuleSet, maker: str) -> tuple[str, ...]:
    known = rules.makers.get(maker)
    return known.aliases if known is not None else ()


def _org_named(uow: Any, names: Iterable[str]) -> UUID | None:
    """The organization called by the first of `names` that names exactly one."""
    for name in names:
        try:
            found = lookup(uow, "org", name)
        except ValidationError:  # several organizations share the name: none is chosen
            found = None
        if found is not None:
            return found
    return None


def _part_of(uow: Any, part_number: str, maker_id: UUID | None) -> UUID | None:
    """The part whose number has the same search key; of several, the one by the maker."""
    key = search_key(part_number)
    if not key:
        return None
    parts = uow.find("part", search_key=key)
    if len(parts) > 1 and maker_id is not None:
        parts = [part for part in parts if part.manufacturer_id == maker_id]
    return parts[0].id if len(parts) == 1 else None


# ------------------------------------------------------------------ owners
def _owner(uow: Any, identification: Identification,
           maker_id: UUID | None) -> tuple[str, UUID | None]:
    """(the maker's owner today, its organization): the successors recorded for the maker's
    organization; else the company names recorded (Xilinx: now AMD); else the makers table.
    ("", None) when the maker is independent."""
    if maker_id is not None:
        successor = _last_successor(uow, maker_id)
        if successor is not None:
            return successor.name, successor.id
    name = _current_name(uow, identification.maker) or identification.now_part_of
    if not name or name_key(name) == name_key(identification.maker):
        return "", None
    return name, _org_named(uow, [name])


def _last_successor(uow: Any, org_id: UUID) -> Any:
    """The organization at the end of the successions from `org_id`, or None when it has no
    successor."""
    seen = {org_id}
    current = None
    following = uow.get("org", org_id).successor_id
    while following is not None and following not in seen and len(seen) <= _LONGEST_CHAIN:
        seen.add(following)
        current = uow.get("org", following)
        following = current.successor_id
    return current


def _current_name(uow: Any, maker: str) -> str:
    """The company's name today through the company names recorded (Actel: Microsemi, then
    Microchip Technology), or "" when none is recorded for `maker`."""
    name, seen = "", {name_key(maker)}
    key = name_key(maker)
    for _ in range(_LONGEST_CHAIN):
        found = uow.find("alias", name_key=key)
        if not found:
            break
        name = found[0].current_name
        key = name_key(name)
        if key in seen:
            break
        seen.add(key)
    return name
