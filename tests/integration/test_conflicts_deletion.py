"""Two people editing one record, and deleting records that others depend on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from forensics_gui.core.errors import (
    ConflictError,
    IntegrityRuleError,
    NotFoundError,
    ValidationError,
)
from forensics_gui.services import audit, custody, records, stores

from .support import CASE, CaseFile, store_counts, store_original


def test_stale_update_is_refused_naming_who_changed_it(store: stores.Store,
                                                       case_file: CaseFile) -> None:
    seen_by_b = records.get(store, "item", CASE)
    store.actor = "analyst.a"
    by_a = records.update(store, "item", CASE, seen_by_b.version, {"condition": "burnt"})
    store.actor = "analyst.b"
    before = store_counts(store)

    with pytest.raises(ConflictError) as caught:
        records.update(store, "item", CASE, seen_by_b.version, {"condition": "intact"})
    message = str(caught.value)
    assert "analyst.a" in message
    assert by_a.updated_at is not None
    assert by_a.updated_at.isoformat(timespec="seconds") in message
    assert caught.value.current_version == by_a.version == 2
    assert store_counts(store) == before
    assert records.get(store, "item", CASE) == by_a


def test_stale_delete_is_refused(store: stores.Store, case_file: CaseFile) -> None:
    changed = records.update(store, "part", "AD22100STZ", 1, {"eccn": "3A001"})
    before = store_counts(store)
    with pytest.raises(ConflictError, match=store.actor):
        records.delete(store, "part", "AD22100STZ", version=1)
    assert store_counts(store) == before
    assert records.get(store, "part", "AD22100STZ") == changed


def test_update_without_a_version_overwrites_on_purpose(store: stores.Store,
                                                        case_file: CaseFile) -> None:
    records.update(store, "source", "RUSI teardown", 1, {"publisher": "RUSI"})
    forced = records.update(store, "source", "RUSI teardown", None, {"publisher": "R.U.S.I."})
    assert (forced.publisher, forced.version) == ("R.U.S.I.", 3)


def _finding(store: stores.Store, cf: CaseFile, **values: Any) -> Any:
    return records.create(store, "finding", {"item_id": CASE, "part_id": cf.part.id,
                                             "source_ids": [cf.source.id], **values})


def test_dependents_tell_what_a_deletion_affects(store: stores.Store,
                                                 case_file: CaseFile) -> None:
    finding = _finding(store, case_file)
    _finding(store, case_file, date_code="2220")
    store_original(store, "0" * 64)
    records.create(store, "photo", {"sha256": "0" * 64, "item_id": CASE})
    records.create(store, "link", {"seller_id": "ADI", "buyer_id": "Northwind Components GmbH",
                                   "finding_id": finding.id})
    custody.record_transfer(store, CASE, {"released_by": "EOD", "received_by": "Lab",
                                          "occurred_at": datetime(2023, 1, 11, tzinfo=UTC)})

    assert sorted(records.dependents(store, "item", CASE)) == [
        ("component findings", 2, "deletes"), ("custody events", 1, "deletes"),
        ("photos", 1, "deletes")]
    assert sorted(records.dependents(store, "part", "AD22100STZ")) == [
        ("component findings", 2, "blocks"), ("supply links", 1, "blocks")]
    assert ("parts", 1, "blocks") in records.dependents(store, "org", "ADI")
    assert records.dependents(store, "source", case_file.source.id) == [
        ("findings citing it", 2, "blocks")]
    assert records.dependents(store, "finding", finding.id) == [
        ("supply links", 1, "unlinks")]
    assert records.dependents(store, "source", "RUSI teardown") == []


def test_deleting_a_record_in_use_is_refused(store: stores.Store, case_file: CaseFile) -> None:
    _finding(store, case_file)
    before = store_counts(store)
    for kind, name, used_by in (("part", "AD22100STZ", "1 component findings"),
                                ("org", "Analog Devices, Inc.", "1 parts"),
                                ("source", "War & Sanctions portal", "1 findings citing it"),
                                ("system", "Kh-101", "1 recovered items")):
        with pytest.raises(IntegrityRuleError) as caught:
            records.delete(store, kind, name)
        assert used_by in str(caught.value), kind
        assert store_counts(store) == before, kind
        assert records.get(store, kind, name).version == 1


def test_evidence_is_withdrawn_never_deleted(store: stores.Store, case_file: CaseFile) -> None:
    other = records.create(store, "item", {"system_type_id": "Kh-101",
                                           "case_reference": "CASE-2023-002"})
    kept = records.create(store, "finding", {"item_id": other.id, "part_id": "AD22100STZ"})
    finding = _finding(store, case_file)
    for kind, ref in (("item", CASE), ("finding", finding.id)):
        with pytest.raises(IntegrityRuleError, match="is evidence and cannot be deleted"):
            records.delete(store, kind, ref)
    item = records.withdraw(store, "item", CASE, None, "Recorded twice; see CASE-2023-002")
    assert item.withdrawn and item.withdrawn_by == store.actor
    assert item.withdrawal_reason == "Recorded twice; see CASE-2023-002"
    # Its findings went with it: hidden from lists, still there, never edited again.
    assert [f.id for f in records.list_records(store, "finding").rows] == [kept.id]
    gone = records.get(store, "finding", finding.id)
    assert gone.withdrawn and gone.withdrawal_reason.startswith("withdrawn with recovered item")
    assert {f.id for f in records.list_records(store, "finding", withdrawn="only").rows} == {
        finding.id}
    assert records.count(store, "item", withdrawn="include") == 2
    with pytest.raises(IntegrityRuleError, match=r"withdrawn on .* can no longer be edited"):
        records.update(store, "finding", finding.id, None, {"notes": "changed"})
    with pytest.raises(IntegrityRuleError, match="withdrawn already"):
        records.withdraw(store, "item", CASE, None, "again")
    with pytest.raises(ValidationError, match="reason"):
        records.withdraw(store, "finding", kept.id, None, "   ")


def test_a_purge_erases_with_a_full_copy_in_the_audit_trail(store: stores.Store,
                                                            case_file: CaseFile) -> None:
    doomed = _finding(store, case_file)
    link = records.create(store, "link", {"seller_id": "ADI",
                                          "buyer_id": "Northwind Components GmbH",
                                          "finding_id": doomed.id})
    erased = records.purge(store, "item", CASE, "Entered in the wrong store")
    assert erased["findings"] == 1
    with pytest.raises(NotFoundError):
        records.get(store, "finding", doomed.id)
    relinked = records.get(store, "link", link.id)
    assert relinked.finding_id is None and relinked.part_id == case_file.part.id
    purge = next(e for e in audit.history(store, limit=50) if e.action == "purge")
    assert purge.new_values["reason"] == "Entered in the wrong store"
    assert purge.old_values["record"]["case_reference"] == CASE
    assert [f["id"] for f in purge.old_values["findings"]] == [str(doomed.id)]
    assert purge.old_values["supply links unlinked"] == [str(link.id)]
    # The part and the source it cited stay; the source may now be deleted.
    assert records.dependents(store, "source", case_file.source.id) == []
    records.delete(store, "source", case_file.source.id)
    assert records.get(store, "part", "AD22100STZ").id == case_file.part.id


def test_deleting_an_org_deletes_its_designations(store: stores.Store,
                                                  case_file: CaseFile) -> None:
    records.create(store, "designation", {"organization_id": "Northwind Components GmbH",
                                          "authority": "EU"})
    successor_of = records.create(store, "org", {"name": "Northwind Old",
                                                 "successor_id": "Northwind Components GmbH"})
    records.delete(store, "org", "Northwind Components GmbH")
    assert records.count(store, "designation") == 0
    assert records.get(store, "org", successor_of.id).successor_id is None


def test_deleted_marking_in_use_is_refused(store: stores.Store, case_file: CaseFile) -> None:
    records.update(store, "item", CASE, 1, {"handling_marking": "SECRET"})
    with pytest.raises(IntegrityRuleError, match="recovered items"):
        records.delete(store, "marking", "SECRET")
    assert records.get(store, "item", CASE).handling_marking == "SECRET"
