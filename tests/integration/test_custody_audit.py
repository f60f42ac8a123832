"""The audit trail and the chain of custody: complete, and out of reach of raw SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import exc, text

from forensics_gui.core.errors import IntegrityRuleError, NotFoundError, ValidationError
from forensics_gui.services import audit, custody, records, stores

from .support import CASE, CaseFile, store_counts

T0 = datetime(2023, 1, 12, 9, 0, tzinfo=UTC)


def _events_of(store: stores.Store, record_id: Any) -> list[Any]:
    return [e for e in audit.history(store, limit=1000) if e.record_id == record_id]


def test_every_write_is_audited_with_actor_and_values(store: stores.Store,
                                                      case_file: CaseFile) -> None:
    before = store_counts(store)["audit"]
    item = records.create(store, "item", {"system_type_id": "Kh-101",
                                          "case_reference": "CASE-2023-002"})
    changed = records.update(store, "item", item.id, item.version,
                             {"serial_number": "SN-0042", "recovery_place": "Kharkiv"})
    records.withdraw(store, "item", item.id, changed.version, "Duplicate of CASE-2023-001")
    assert store_counts(store)["audit"] == before + 3

    withdrawn, updated, created = _events_of(store, item.id)  # newest first
    assert [e.action for e in (created, updated, withdrawn)] == ["create", "update", "withdraw"]
    assert {e.actor for e in (created, updated, withdrawn)} == {store.actor}
    assert {e.record_kind for e in (created, updated, withdrawn)} == {"item"}
    assert created.old_values == {}
    assert created.new_values["case_reference"] == "CASE-2023-002"
    assert created.new_values["system_type_id"] == str(case_file.system.id)
    assert updated.old_values == {"serial_number": "", "recovery_place": ""}
    assert updated.new_values == {"serial_number": "SN-0042", "recovery_place": "Kharkiv"}
    assert withdrawn.new_values == {"reason": "Duplicate of CASE-2023-001"}
    assert created.occurred_at <= updated.occurred_at <= withdrawn.occurred_at


def test_history_of_one_record_by_its_name(store: stores.Store, case_file: CaseFile) -> None:
    records.update(store, "part", "AD22100STZ", 1, {"eccn": "EAR99"})
    events = audit.history(store, "part", "ad22100-stz")
    assert [e.action for e in events] == ["update", "create"]
    assert events[0].old_values == {"eccn": ""} and events[0].new_values == {"eccn": "EAR99"}
    assert events[1].new_values["hs_code"] == "854231"
    assert {e.record_id for e in events} == {case_file.part.id}


def test_citation_changes_are_audited(store: stores.Store, case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE,
                                                "source_ids": [case_file.source.id]})
    records.update(store, "finding", finding.id, finding.version,
                   {"source_ids": [case_file.other_source.id]})
    changed, created = _events_of(store, finding.id)
    assert created.new_values["source_ids"] == [str(case_file.source.id)]
    assert changed.old_values == {"source_ids": [str(case_file.source.id)]}
    assert changed.new_values == {"source_ids": [str(case_file.other_source.id)]}


def _refused_by_database(store: stores.Store, statement: str) -> None:
    with pytest.raises(exc.DBAPIError), store.engine.begin() as connection:
        connection.execute(text(statement))


def _audit_rows(store: stores.Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(
            "SELECT id, actor, action, record_kind FROM audit_event ORDER BY id"))]


def test_audit_trail_cannot_be_changed_or_erased_with_sql(store: stores.Store,
                                                          case_file: CaseFile) -> None:
    trail = _audit_rows(store)
    # The application's seven events (PostgreSQL also records each statement itself).
    assert len([r for r in trail if not r[2].startswith("database ")]) == 7
    for statement in ("UPDATE audit_event SET actor = 'someone else'",
                      "UPDATE audit_event SET action = 'create' WHERE action = 'create'",
                      "DELETE FROM audit_event",
                      "DELETE FROM audit_event WHERE record_kind = 'item'"):
        _refused_by_database(store, statement)
    assert _audit_rows(store) == trail


def _transfer(store: stores.Store, released: str, received: str, at: datetime,
              item: str = CASE) -> Any:
    return custody.record_transfer(store, item, {"released_by": released, "received_by": received,
                                                 "occurred_at": at, "purpose": "teardown"})


def test_custody_events_cannot_be_changed_or_erased_with_sql(store: stores.Store,
                                                              case_file: CaseFile) -> None:
    event = _transfer(store, "3rd Brigade EOD team", "Forensic laboratory", T0)
    for statement in ("UPDATE custody_event SET received_by = 'nobody'",
                      "DELETE FROM custody_event",
                      "DELETE FROM custody_event WHERE received_by = 'Forensic laboratory'"):
        _refused_by_database(store, statement)
    assert custody.custody_history(store, CASE) == [event]


def test_only_a_purge_takes_an_items_custody_events_along(store: stores.Store,
                                                          case_file: CaseFile) -> None:
    _transfer(store, "3rd Brigade EOD team", "Forensic laboratory", T0)
    _transfer(store, "Forensic laboratory", "Evidence store", T0 + timedelta(days=3))
    assert ("custody events", 2, "deletes") in records.dependents(store, "item", CASE)
    with pytest.raises(IntegrityRuleError):
        records.delete(store, "item", CASE)
    assert store_counts(store)["custody"] == 2
    records.purge(store, "item", CASE, "Test record")
    assert store_counts(store)["custody"] == 0
    transfers = [e for e in _events_of(store, case_file.item.id) if e.action == "transfer"]
    assert len(transfers) == 2  # the audit trail still tells the story
    purge = next(e for e in _events_of(store, case_file.item.id) if e.action == "purge")
    assert [c["received_by"] for c in purge.old_values["custody events"]] == [
        "Forensic laboratory", "Evidence store"]


def test_transfers_form_a_chain_and_name_the_custodian(store: stores.Store,
                                                       case_file: CaseFile) -> None:
    assert custody.custody_history(store, CASE) == []
    assert custody.current_custodian(custody.custody_history(store, CASE)) == ""
    first = _transfer(store, "3rd Brigade EOD team", "Forensic laboratory", T0)
    assert first.item_id == case_file.item.id and first.created_by == store.actor
    # The releasing party is matched ignoring case; same-time transfers are allowed.
    second = _transfer(store, "forensic LABORATORY", "Evidence store", T0)
    third = _transfer(store, "Evidence store", "Prosecutor's office", T0 + timedelta(hours=5))

    history = custody.custody_history(store, str(case_file.item.id))
    assert history == [first, second, third]
    assert custody.current_custodian(history) == "Prosecutor's office"
    logged = [e for e in _events_of(store, case_file.item.id) if e.action == "transfer"]
    assert len(logged) == 3 and {e.actor for e in logged} == {store.actor}
    assert logged[0].new_values["received_by"] == "Prosecutor's office"


def test_transfer_not_released_by_the_custodian_is_refused(store: stores.Store,
                                                           case_file: CaseFile) -> None:
    _transfer(store, "3rd Brigade EOD team", "Forensic laboratory", T0)
    before = store_counts(store)
    with pytest.raises(ValidationError) as caught:
        _transfer(store, "3rd Brigade EOD team", "Evidence store", T0 + timedelta(days=1))
    assert caught.value.field == "released_by"
    assert "Forensic laboratory" in caught.value.reason
    assert store_counts(store) == before
    assert custody.current_custodian(custody.custody_history(store, CASE)) == \
        "Forensic laboratory"


def test_transfer_dated_before_the_last_one_is_refused(store: stores.Store,
                                                       case_file: CaseFile) -> None:
    _transfer(store, "3rd Brigade EOD team", "Forensic laboratory", T0)
    before = store_counts(store)
    with pytest.raises(ValidationError) as caught:
        _transfer(store, "Forensic laboratory", "Evidence store", T0 - timedelta(minutes=1))
    assert caught.value.field == "occurred_at"
    assert "2023-01-12 09:00" in caught.value.reason
    assert store_counts(store) == before


def test_bad_transfers_are_refused_and_leave_nothing(store: stores.Store,
                                                     case_file: CaseFile) -> None:
    before = store_counts(store)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    bad: list[tuple[dict[str, Any], str]] = [
        ({"released_by": "EOD", "received_by": "Lab", "occurred_at": tomorrow}, "occurred_at"),
        ({"released_by": "EOD", "received_by": ""}, "received_by"),
        ({"released_by": "EOD", "received_by": "Lab", "signature": "x"}, "signature"),
        ({"released_by": "EOD\x1b[2J", "received_by": "Lab"}, "released_by"),
        ({"released_by": "EOD", "received_by": "Lab", "occurred_at": "12/01/2023"},
         "occurred_at"),
    ]
    for values, field in bad:
        with pytest.raises(ValidationError) as caught:
            custody.record_transfer(store, CASE, values)
        assert caught.value.field == field, values
    with pytest.raises(NotFoundError):
        custody.record_transfer(store, "CASE-9999", {"released_by": "a", "received_by": "b"})
    assert store_counts(store) == before


@pytest.mark.postgres
def test_truncate_cannot_erase_the_trail_on_postgresql(pg_store: stores.Store) -> None:
    records.create(pg_store, "system", {"name": "Kh-55"})
    trail = _audit_rows(pg_store)
    for statement in ("TRUNCATE audit_event", "TRUNCATE custody_event",
                      "TRUNCATE recovered_item CASCADE"):
        _refused_by_database(pg_store, statement)
    assert _audit_rows(pg_store) == trail
