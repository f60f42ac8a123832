"""The audit trail read with the names of the records its changes refer to, on SQLite and on
PostgreSQL."""

from __future__ import annotations

from forensics_gui.services import audit, records, stores


def test_the_history_of_a_finding_names_its_item_part_maker_and_sources(
        demo_store: stores.Store) -> None:
    finding = records.list_records(demo_store, "finding", filters={"part_id": "Kometa"}).rows[0]
    lancet = records.get(demo_store, "item", "DEMO-LANCET-001")
    records.update(demo_store, "finding", finding.id, finding.version, {"item_id": lancet.id})
    events, names = audit.history_with_names(demo_store, "finding", finding.id)
    assert [e.action for e in events] == ["update", "create"]
    assert names[events[0].old_values["item_id"]] == finding.case_reference
    assert names[events[0].new_values["item_id"]] == "DEMO-LANCET-001"
    created = events[1].new_values
    assert names[created["part_id"]] == "Kometa"
    assert names[created["manufacturer_id"]] == "VNIIR-Progress"
    cited = records.get_many(demo_store, "source", list(finding.source_ids))
    assert [names[source] for source in created["source_ids"]] == [s.title for s in cited]


def test_records_the_search_does_not_describe_are_named_too(demo_store: stores.Store) -> None:
    finding = records.list_records(demo_store, "finding", filters={"part_id": "Kometa"}).rows[0]
    link = records.create(demo_store, "link", {
        "seller_id": "VNIIR-Progress", "buyer_id": "OOO Vektor Komponent (fictional)",
        "part_id": "Kometa", "finding_id": finding.id})
    _events, names = audit.history_with_names(demo_store, "link", link.id)
    assert names[str(finding.id)] == f"Kometa in {finding.case_reference}"
    assert names[str(link.seller_id)] == "VNIIR-Progress"


def test_a_referenced_record_that_is_gone_has_no_name(demo_store: stores.Store) -> None:
    part = records.create(demo_store, "part", {"part_number": "TEMP-0001"})
    link = records.create(demo_store, "link", {
        "seller_id": "VNIIR-Progress", "buyer_id": "OOO Vektor Komponent (fictional)",
        "part_id": part.id})
    link = records.update(demo_store, "link", link.id, link.version, {"part_id": "Kometa"})
    records.delete(demo_store, "part", part.id)
    events, names = audit.history_with_names(demo_store, "link", link.id)
    assert events[0].old_values["part_id"] == str(part.id)
    assert str(part.id) not in names and names[events[0].new_values["part_id"]] == "Kometa"
