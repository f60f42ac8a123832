"""Adding many records at once (imports, large test stores) keeps the rules of single writes."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import pytest

from forensics_gui.core.errors import IntegrityRuleError, ValidationError
from forensics_gui.services import audit, bulk, records, search, stores

from .support import CaseFile, store_counts


def test_bulk_parts_get_their_derived_values(store: stores.Store, case_file: CaseFile) -> None:
    rows = [{"part_number": "AD8237ARMZ", "manufacturer_id": case_file.maker.id,
             "hs_code": "8542.33"},
            {"part_number": "stm32f765-vit6", "hs_code": "8542 31 90", "function": "MCU"},
            {"part_number": "M3 screw"}]
    ids = bulk.bulk_create(store, "part", rows)

    made = [records.get(store, "part", i) for i in ids]
    assert [p.part_number for p in made] == ["AD8237ARMZ", "stm32f765-vit6", "M3 screw"]
    assert [p.search_key for p in made] == ["AD8237ARMZ", "STM32F765VIT6", "M3SCREW"]
    assert made[1].confusable_key == "5TM32F765V1T6"
    assert [(p.hs_code, p.chpl_tier) for p in made] == [
        ("854233", "1"), ("85423190", "1"), ("", "")]
    assert made[0].manufacturer_name == "Analog Devices, Inc."
    assert {(p.version, p.created_by) for p in made} == {(1, store.actor)}
    assert records.get(store, "part", "STM32F765VIT6").id == ids[1]

    event = audit.history(store, "part", limit=1)[0]
    assert (event.action, event.actor) == ("bulk create", store.actor)
    assert event.new_values == {"count": 3, "ids": [str(i) for i in ids]}


def test_bulk_findings_get_their_derived_values(store: stores.Store,
                                                case_file: CaseFile) -> None:
    item = case_file.item.id
    rows: list[dict[str, Any]] = [
        {"item_id": item, "part_id": case_file.part.id, "date_code": "2220",
         "source_ids": [case_file.source.id, case_file.other_source.id]},
        {"item_id": item, "manufacturer_id": case_file.distributor.id, "quantity": "3"},
        {"item_id": item, "date_code": "220", "marking": "337 G 00A02"},
    ]
    ids = bulk.bulk_create(store, "finding", rows)
    by_part, by_maker, unknown = (records.get(store, "finding", i) for i in ids)

    assert by_part.identification == "part"
    assert by_part.manufacturer_id == case_file.maker.id
    assert (by_part.produced_from, by_part.produced_to) == (date(2022, 5, 16), date(2022, 5, 22))
    assert by_part.date_code_format == "YYWW"
    assert by_part.source_ids == tuple(sorted((case_file.source.id, case_file.other_source.id)))
    assert (by_maker.identification, by_maker.quantity) == ("manufacturer", 3)
    assert unknown.identification == "unidentified"
    assert unknown.produced_from is None and "ambiguous" in unknown.date_code_note

    by_period = records.list_records(store, "finding", sort="produced").rows
    assert by_period[0].id == by_part.id
    by_maker_name = records.list_records(store, "finding", sort="manufacturer").rows
    assert [f.manufacturer_name for f in by_maker_name][:2] == [
        "Analog Devices, Inc.", "Northwind Components GmbH"]


@pytest.mark.parametrize(("kind", "bad_row", "field"), [
    ("part", {"part_number": "LM358", "hs_code": "85.42"}, "hs_code"),
    ("part", {"part_number": "--"}, "part_number"),
    ("finding", {"identification": "part"}, "part_id"),
    ("finding", {"quantity": 0}, "quantity"),
])
def test_a_bad_row_is_refused_with_its_number(store: stores.Store, case_file: CaseFile,
                                              kind: str, bad_row: dict[str, Any],
                                              field: str) -> None:
    rows = [{"part_number": f"PN-{n}"} if kind == "part" else {"item_id": case_file.item.id}
            for n in range(5)]
    rows[3] |= bad_row
    before = store_counts(store)
    with pytest.raises(ValidationError) as caught:
        bulk.bulk_create(store, kind, rows)
    assert caught.value.field == field
    assert "(row 4)" in str(caught.value)
    assert store_counts(store) == before

    # Batches before the bad one are complete and stay; the message still counts from 1.
    with pytest.raises(ValidationError, match=r"\(row 4\)"):
        bulk.bulk_create(store, kind, rows, batch_size=2)
    assert records.count(store, kind) == before[kind] + 2
    assert store_counts(store)["audit"] == before["audit"] + 1


def test_bulk_import_stops_when_asked(store: stores.Store, case_file: CaseFile) -> None:
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 4

    ids = bulk.bulk_create(store, "part", ({"part_number": f"R{n}"} for n in range(10)),
                           batch_size=2, progress=progress)
    assert seen == [2, 4]
    assert len(ids) == records.count(store, "part") - 1 == 4


def test_bulk_records_are_found_by_search_and_the_index_keeps_working(
        store: stores.Store, case_file: CaseFile) -> None:
    parts = bulk.bulk_create(store, "part", ({"part_number": f"QX{n:04d}ZK-7"} for n in range(7)),
                             batch_size=3)
    findings = bulk.bulk_create(store, "finding", (
        {"item_id": case_file.item.id, "marking": f"WV{n:03d}PLQ\n2231"} for n in range(5)),
        batch_size=2)

    assert {h.record_id for h in search.search(store, "0004ZK", kinds=["part"]).hits} == {
        parts[4]}  # a substring: through the trigram index
    assert {h.record_id for h in search.search(store, "PLQ", kinds=["finding"]).hits} == set(
        findings)
    # Single writes after a bulk import are indexed as before.
    later = records.create(store, "part", {"part_number": "QX9999ZK-7"})
    assert {h.record_id for h in search.search(store, "9999ZK", kinds=["part"]).hits} == {
        later.id}
    records.delete(store, "part", parts[4])
    assert search.search(store, "0004ZK", kinds=["part"]).hits == []


def test_a_batch_the_store_refuses_is_rolled_back_whole(store: stores.Store,
                                                        case_file: CaseFile) -> None:
    rows: list[dict[str, Any]] = [{"item_id": case_file.item.id, "marking": f"ZR{n}TQW"}
                                  for n in range(6)]
    rows[4]["item_id"] = UUID("0190a3c2-0000-7000-8000-000000000000")  # no such item
    before = store_counts(store)
    with pytest.raises(IntegrityRuleError):
        bulk.bulk_create(store, "finding", rows, batch_size=2)

    # The first two batches are in, with their terms; nothing of the third.
    after = store_counts(store)
    assert after["finding"] == before["finding"] + 4
    assert after["audit"] == before["audit"] + 2
    found = {h.record_id for h in search.search(store, "TQW", kinds=["finding"]).hits}
    assert len(found) == 4
    assert records.create(store, "finding", {"item_id": case_file.item.id,
                                             "marking": "ZR9TQW"}).id in {
        h.record_id for h in search.search(store, "ZR9TQW", kinds=["finding"]).hits}
