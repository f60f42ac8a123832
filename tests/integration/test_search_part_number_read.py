"""A finding whose marking spreads the part number over lines is found by the whole number,
before any part is chosen, on SQLite and on PostgreSQL."""

from __future__ import annotations

from forensics_gui.services import records, stores
from forensics_gui.services.search import search

from .support import CaseFile


def test_a_finding_is_found_by_the_part_number_read_from_its_marking(
        store: stores.Store, case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": case_file.item.id,
                                                "marking": "STM32F765\nVIT6\nCHN 2214"})
    records.create(store, "finding", {"item_id": case_file.item.id,
                                      "marking": "STM32F767\nZIT6"})
    for query in ("STM32F765VIT6", "stm32f765-vit6"):
        hits = search(store, query, kinds=("finding",)).groups["finding"]
        assert [hit.record_id for hit in hits] == [finding.id], query
        assert (hits[0].match, hits[0].matched) == ("exact", "STM32F765VIT6")
    # Each line is still found on its own.
    assert [h.record_id for h in search(store, "CHN 2214", kinds=("finding",)).groups[
        "finding"]] == [finding.id]


def test_a_changed_marking_is_found_by_its_new_number_only(
        store: stores.Store, case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": case_file.item.id,
                                                "marking": "STM32F765\nVIT6"})
    records.update(store, "finding", finding.id, None, {"marking": "XC7Z020\nCLG400"})
    assert not search(store, "STM32F765VIT6", kinds=("finding",)).groups.get("finding")
    hits = search(store, "XC7Z020CLG400", kinds=("finding",)).groups["finding"]
    assert [hit.record_id for hit in hits] == [finding.id]
