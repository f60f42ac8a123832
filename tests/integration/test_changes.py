"""Every committed write reports what it changed, whoever made it; nothing else does."""

from __future__ import annotations

from typing import Any

import pytest

from forensics_gui.core.changes import Changes
from forensics_gui.core.errors import ValidationError
from forensics_gui.services import custody, records, stores

from .support import CaseFile


@pytest.fixture
def heard(store: stores.Store) -> list[Changes]:
    found: list[Changes] = []
    store.on_commit(found.append)
    return found


def test_a_write_reports_the_kind_and_the_record(store: stores.Store, case_file: CaseFile,
                                                 heard: list[Changes]) -> None:
    finding = records.create(store, "finding", {"item_id": case_file.item.id,
                                                "part_id": case_file.part.id})
    assert heard == [Changes(frozenset({"finding"}), frozenset({("finding", finding.id)}))]
    assert heard[0].touches("finding", "org") and not heard[0].touches("org")


def test_a_withdrawal_or_purge_reports_what_it_took_with_it(
        store: stores.Store, case_file: CaseFile, heard: list[Changes]) -> None:
    finding = records.create(store, "finding", {"item_id": case_file.item.id,
                                                "part_id": case_file.part.id})
    custody.record_transfer(store, case_file.item.id, {
        "released_by": "Field team 3", "received_by": "Lab 2",
        "occurred_at": "2023-02-01T10:00:00+00:00", "purpose": "teardown"})
    assert heard[-1].touches("custody")
    records.withdraw(store, "finding", finding.id, None, "Read from the wrong board")
    assert heard[-1].kinds == {"finding"} and ("finding", finding.id) in heard[-1].records
    item = records.get(store, "item", case_file.item.id)
    records.purge(store, "item", item.id, "Test record")
    assert heard[-1].kinds >= {"item", "finding", "custody"}
    assert ("item", item.id) in heard[-1].records


def test_refused_writes_and_reads_report_nothing(store: stores.Store, case_file: CaseFile,
                                                 heard: list[Changes]) -> None:
    with pytest.raises(ValidationError):
        records.create(store, "item", {"system_type_id": "Kh-101", "case_reference": "C-9",
                                       "recovered_on": "2023-02-30"})
    records.get(store, "part", case_file.part.id)
    records.list_records(store, "org")
    assert heard == []


def test_one_transaction_reports_once(store: stores.Store, case_file: CaseFile,
                                      heard: list[Changes]) -> None:
    with store.writing() as uow:
        records.create_in(uow, "org", {"name": "Fictional Relay Trading FZE", "country": "AE"})
        records.create_in(uow, "source", {"title": "Customs extract"})
    assert len(heard) == 1 and heard[0].kinds == {"org", "source"}


def test_a_listener_can_stop(store: stores.Store, case_file: CaseFile) -> None:
    found: list[Any] = []
    stop = store.on_commit(found.append)
    records.create(store, "source", {"title": "Customs extract"})
    stop()
    records.create(store, "source", {"title": "Second extract"})
    assert len(found) == 1
