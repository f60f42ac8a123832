"""What a reference field suggests while typing, on SQLite and on PostgreSQL: ranked as the
search box ranks (exact, starts with, contains, possible misreading, company names), shown
by name with what tells records apart, and the typed name resolved as a save resolves it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.services import records, stores
from forensics_gui.services.suggest import Suggestion, resolve, suggest


@pytest.fixture
def named(store: stores.Store) -> dict[str, Any]:
    """Makers, parts that match one query in every way, a system with an alias, items."""
    made: dict[str, Any] = {}
    with store.writing() as uow:
        def create(kind: str, values: dict[str, Any]) -> Any:
            return records.create_in(uow, kind, values)

        made["st"] = create("org", {"name": "STMicroelectronics", "country": "CH",
                                    "roles": ["manufacturer"]})
        made["adi"] = create("org", {"name": "Analog Devices", "country": "US",
                                     "roles": ["manufacturer"]})
        made["linear"] = create("org", {"name": "Linear Technology", "country": "US",
                                        "successor_id": "Analog Devices"})
        for number, maker in (("EVB-STM32F405RG", None),  # holds the query in its middle
                              ("STM32F405RGT6", "STMicroelectronics"),  # starts with it
                              ("STM32F4O5RG", None),  # as misread off a chip: 0 read as O
                              ("STM32F405RG", "STMicroelectronics")):  # the query itself
            made[number] = create("part", {"part_number": number, "manufacturer_id": maker})
        made["shahed"] = create("system", {"name": "Shahed-136", "aliases": ["Geran-2"]})
        made["item"] = create("item", {"system_type_id": "Shahed-136",
                                       "case_reference": "UA-2024-0117",
                                       "recovered_on": date(2024, 3, 2)})
        made["source"] = create("source", {"title": "Teardown of a Geran-2",
                                           "publisher": "Field lab"})
    return made


def _names(found: list[Suggestion]) -> list[str]:
    return [s.name for s in found]


def test_parts_come_exact_then_starting_then_containing_then_misread(
        store: stores.Store, named: dict[str, Any]) -> None:
    found = suggest(store, "part", "stm32f405rg")
    assert _names(found) == ["STM32F405RG", "STM32F405RGT6", "EVB-STM32F405RG", "STM32F4O5RG"]
    assert [s.note for s in found] == ["exact", "starts with", "contains",
                                       "possible misreading"]
    assert found[0].exact and not found[1].exact
    assert found[0].label == "STM32F405RG — STMicroelectronics"
    assert found[2].label == "EVB-STM32F405RG — maker unknown"
    assert {s.kind for s in found} == {"part"} and found[0].id == named["STM32F405RG"].id


def test_a_system_is_found_by_its_alias_and_says_so(store: stores.Store,
                                                    named: dict[str, Any]) -> None:
    (shahed,) = suggest(store, "system", "geran")
    assert shahed.name == "Shahed-136" and shahed.id == named["shahed"].id
    assert shahed.note == "starts with, alias Geran-2"


def test_a_maker_is_found_by_a_company_name_and_by_its_predecessor(
        store: stores.Store, named: dict[str, Any]) -> None:
    by_alias = suggest(store, "org", "ADI")
    assert named["adi"].id in [s.id for s in by_alias]
    noted = next(s for s in by_alias if s.id == named["adi"].id)
    assert "also known as Analog Devices" in noted.note and not noted.exact
    linear = suggest(store, "org", "Linear Technology")
    assert _names(linear)[0] == "Linear Technology" and linear[0].exact
    assert linear[0].detail == "US · now part of Analog Devices"
    assert "Analog Devices" in _names(linear)  # its successor, after it


def test_items_are_shown_with_their_system(store: stores.Store, named: dict[str, Any]) -> None:
    (item,) = suggest(store, "item", "UA-2024")
    assert item.label == "UA-2024-0117 — Shahed-136" and item.note == "starts with"


def test_kinds_the_search_box_does_not_look_through_are_suggested_by_name(
        store: stores.Store, named: dict[str, Any]) -> None:
    markings = suggest(store, "marking", "official")
    assert _names(markings)[0] == "OFFICIAL" and markings[0].exact
    assert "OFFICIAL-SENSITIVE" in _names(markings)
    assert all(s.note in ("exact", "starts with", "contains") for s in markings)


def test_nothing_is_suggested_for_nothing_and_the_limit_holds(
        store: stores.Store, named: dict[str, Any]) -> None:
    assert suggest(store, "part", "") == [] and suggest(store, "part", " -/ ") == []
    assert suggest(store, "part", "NOSUCHPART") == []
    assert len(suggest(store, "part", "stm32", limit=2)) == 2
    with pytest.raises(ValidationError):
        suggest(store, "no such kind", "x")


def test_a_typed_name_resolves_as_a_save_resolves_it(store: stores.Store,
                                                     named: dict[str, Any]) -> None:
    part = resolve(store, "part", "stm32f405-rgt6")
    assert part is not None and part.id == named["STM32F405RGT6"].id
    assert part.name == "STM32F405RGT6"
    by_id = resolve(store, "org", str(named["st"].id))
    assert by_id is not None and by_id.name == "STMicroelectronics"
    assert resolve(store, "part", "STM32F405VGT6") is None
    assert resolve(store, "system", "Geran-2").id == named["shahed"].id  # type: ignore[union-attr]
