"""Identification with a store, on SQLite and on PostgreSQL: the store's rules override the
built-in ones and are followed as they change, the maker's organization and its owner today
come from the store, and the part when the store has it.

The built-in rules are replaced by a small set here, so that these tests say what the service
does whatever the rule file holds.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forensics_gui.core.hs import chpl_tier
from forensics_gui.core.identify import CONFLICT, IDENTIFIED, STORE, RuleSet, load_rules
from forensics_gui.services import identify as service
from forensics_gui.services import records, stores

BUILT_IN = (
    {"rule_id": "ti-lm", "maker": "Texas Instruments", "pattern": "LM[0-9]",
     "confidence": "medium", "family": "LM linear ICs"},
    {"rule_id": "st-stm32", "maker": "STMicroelectronics", "pattern": "STM32",
     "confidence": "high", "category": "microcontroller", "hs_code": "8542.31",
     "source": "STM32 ordering information"},
    {"rule_id": "xi-xc7", "maker": "Xilinx", "pattern": "XC7[AZK]", "confidence": "high",
     "hs_code": "854239"},
    {"rule_id": "inv-mpu", "maker": "InvenSense", "pattern": "MPU[0-9]{4}",
     "confidence": "high"},
    {"rule_id": "actel-a3p", "maker": "Actel", "pattern": "A3P[0-9]", "confidence": "high"},
)


@pytest.fixture(autouse=True)
def small_built_in_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[RuleSet]:
    rules = load_rules(BUILT_IN)
    monkeypatch.setattr(service, "builtin_rules", lambda: rules)
    yield rules


def rule(store: stores.Store, pattern: str, maker: str, **values: str) -> object:
    return records.create(store, "rule", {"pattern": pattern, "maker": maker,
                                          "confidence": "high", **values})


def test_a_store_rule_overrides_a_built_in_one_of_lower_specificity(
        store: stores.Store) -> None:
    assert service.identify(store, "LM358").identification.maker == "Texas Instruments"
    source = records.create(store, "source", {"title": "onsemi LM358 datasheet"})
    rule(store, "LM358", "onsemi", family="LM358 dual op amp", source_id=source.id)
    found = service.identify(store, "LM358DR").identification
    assert (found.status, found.maker, found.family) == (IDENTIFIED, "onsemi",
                                                         "LM358 dual op amp")
    assert found.rule is not None and found.rule.origin == STORE
    assert found.rule.source == "onsemi LM358 datasheet"
    assert service.identify(store, "LM324").identification.maker == "Texas Instruments"


def test_the_rules_follow_every_change_to_the_stores_rules(store: stores.Store) -> None:
    assert service.identify(store, "LM358").identification.rule.rule_id == "ti-lm"
    made = rule(store, "LM358", "onsemi")
    assert service.identify(store, "LM358").identification.maker == "onsemi"
    other = rule(store, "LM358", "Diodes Incorporated")
    assert service.identify(store, "LM358").identification.status == CONFLICT
    records.delete(store, "rule", other.id)
    records.update(store, "rule", made.id, None, {"maker": "Unisonic Technologies"})
    assert service.identify(store, "LM358").identification.maker == "Unisonic Technologies"
    records.delete(store, "rule", made.id)
    assert service.identify(store, "LM358").identification.maker == "Texas Instruments"


def test_the_rules_of_a_store_are_read_once_while_they_do_not_change(
        store: stores.Store) -> None:
    rule(store, "LM358", "onsemi")
    assert service.rules_for(store) is service.rules_for(store)
    assert len(service.rules_for(store)) == len(BUILT_IN) + 1


def test_the_makers_organization_and_its_successor_come_from_the_store(
        store: stores.Store) -> None:
    amd = records.create(store, "org", {"name": "Advanced Micro Devices, Inc.",
                                        "aliases": ["AMD"]})
    xilinx = records.create(store, "org", {"name": "Xilinx", "successor_id": amd.id})
    proposal = service.identify(store, "XC7Z020-1CLG400C")
    assert proposal.identification.maker == "Xilinx"
    assert (proposal.maker_id, proposal.owner_name, proposal.owner_id) == (
        xilinx.id, "Advanced Micro Devices, Inc.", amd.id)
    assert proposal.chpl_tier == chpl_tier("854239")


def test_an_organization_known_by_an_alias_is_the_maker(store: stores.Store) -> None:
    st = records.create(store, "org", {"name": "ST Microelectronics N.V.",
                                       "aliases": ["STMicroelectronics"]})
    proposal = service.identify(store, "STM32F765\nVIT6\nCHN 2214")
    assert proposal.maker_id == st.id and (proposal.owner_name, proposal.owner_id) == ("", None)
    assert proposal.chpl_tier == chpl_tier("854231")


def test_the_owner_follows_the_recorded_company_names(store: stores.Store) -> None:
    # The store is created knowing Actel went to Microsemi, and Microsemi to Microchip.
    microchip = records.create(store, "org", {"name": "Microchip Technology"})
    proposal = service.identify(store, "A3P250-FGG144")
    assert proposal.identification.maker == "Microsemi"  # Actel is its other name
    assert (proposal.maker_id, proposal.owner_name, proposal.owner_id) == (
        None, "Microchip Technology", microchip.id)


def test_without_store_facts_the_owner_comes_from_the_makers_table(
        store: stores.Store) -> None:
    proposal = service.identify(store, "MPU6050")
    assert (proposal.identification.maker, proposal.owner_name, proposal.owner_id) == (
        "InvenSense", "TDK", None)


def test_the_part_with_the_same_search_key_is_found(store: stores.Store) -> None:
    st = records.create(store, "org", {"name": "STMicroelectronics"})
    part = records.create(store, "part", {"part_number": "STM32F765VIT6",
                                          "manufacturer_id": st.id})
    records.create(store, "part", {"part_number": "STM32-F765-VIT6"})  # another maker's
    proposal = service.identify(store, "STM32F765 / VIT6 / CHN 2214")
    assert proposal.part_id == part.id
    unknown = service.identify(store, "ABC1234")
    assert unknown.identification.status != IDENTIFIED and unknown.part_id is None


def test_many_markings_at_once_keep_their_order(store: stores.Store) -> None:
    found = service.identify_many(store, ["LM358", "", "XC7A35T", "A\x07"])
    assert [p.identification.status for p in found] == [
        IDENTIFIED, "not identified", IDENTIFIED, "not identified"]
    assert "control character" in found[3].identification.reason


def test_without_a_store_only_built_in_rules_and_the_makers_table() -> None:
    proposal = service.identify(None, "XC7A35T")
    assert (proposal.identification.maker, proposal.owner_name) == ("Xilinx", "AMD")
    assert (proposal.maker_id, proposal.owner_id, proposal.part_id) == (None, None, None)
