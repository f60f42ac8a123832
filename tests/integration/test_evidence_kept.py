"""Evidence the application itself can never destroy, swap or silently distort: withdrawal
instead of deletion, refused by the database too; fixed photo facts; custody corrections;
list versions that know whether they were screened; plain messages from the triggers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc, text

from forensics_gui.core.errors import IntegrityRuleError, ValidationError
from forensics_gui.services import (
    audit,
    custody,
    photos,
    records,
    sanctions_lists,
    screening,
    stores,
)

from .support import CASE, CaseFile, store_original

T0 = datetime(2023, 1, 12, 9, 0, tzinfo=UTC)
SHA = "ab" * 32
OTHER_SHA = "cd" * 32
LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def _refused(store: stores.Store, statement: str) -> str:
    with pytest.raises(exc.DBAPIError) as caught, store.engine.begin() as connection:
        connection.execute(text(statement))
    return str(caught.value.orig)


@pytest.mark.parametrize("table", ["recovered_item", "component_finding", "photo",
                                   "photo_blob", "custody_event"])
def test_the_database_refuses_to_delete_evidence(store: stores.Store, case_file: CaseFile,
                                                 table: str) -> None:
    store_original(store, SHA)
    records.create(store, "photo", {"sha256": SHA, "item_id": CASE})
    records.create(store, "finding", {"item_id": CASE, "part_id": case_file.part.id})
    custody.record_transfer(store, CASE, {"released_by": "EOD team", "received_by": "Lab",
                                          "occurred_at": T0})
    message = _refused(store, f"DELETE FROM {table}")
    assert "withdraw" in message or "append-only" in message or "never deleted" in message
    with store.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() >= 1


def test_append_only_tables_say_so_plainly(store: stores.Store, case_file: CaseFile) -> None:
    custody.record_transfer(store, CASE, {"released_by": "EOD team", "received_by": "Lab",
                                          "occurred_at": T0})
    assert "audit trail is append-only" in _refused(store, "UPDATE audit_event SET actor = 'x'")
    assert "audit trail is append-only" in _refused(store, "DELETE FROM audit_event")
    for statement in ("UPDATE custody_event SET received_by = 'x'", "DELETE FROM custody_event"):
        message = _refused(store, statement)
        assert "custody events are append-only" in message and "has no field" not in message


def test_the_facts_of_a_photo_cannot_be_changed(store: stores.Store, case_file: CaseFile) -> None:
    store_original(store, SHA)
    store_original(store, OTHER_SHA, b"another picture")
    photo = records.create(store, "photo", {"sha256": SHA, "item_id": CASE,
                                            "media_type": "image/jpeg", "byte_size": 13})
    for field, value in (("sha256", OTHER_SHA), ("media_type", "text/html"), ("byte_size", 1),
                         ("width", 1)):
        with pytest.raises(ValidationError) as refused:
            records.update(store, "photo", photo.id, None, {field: value})
        assert refused.value.field == field and "fact about the original" in refused.value.reason
    assert records.update(store, "photo", photo.id, None, {"caption": "U12"}).caption == "U12"
    for column, value in (("sha256", f"'{OTHER_SHA}'"), ("media_type", "'text/html'"),
                          ("byte_size", "1"), ("camera_make", "'Forged'")):
        assert "cannot be changed" in _refused(store, f"UPDATE photo SET {column} = {value}")
    assert records.get(store, "photo", photo.id).sha256 == SHA
    assert "cannot be changed" in _refused(store, "UPDATE photo_blob SET byte_size = 1")


def test_a_withdrawn_photo_leaves_lists_but_not_the_item_history(
        store: stores.Store, case_file: CaseFile) -> None:
    store_original(store, SHA)
    photo = records.create(store, "photo", {"sha256": SHA, "item_id": CASE})
    records.withdraw(store, "photo", photo.id, None, "Shows another item")
    assert records.list_records(store, "photo").rows == ()
    assert photos.photos_of(store, item=CASE) == []  # the item's gallery
    history = audit.history(store, "photo", photo.id)
    assert [e.action for e in history][:1] == ["withdraw"]
    assert history[0].new_values == {"reason": "Shows another item"}


def _transfer(store: stores.Store, released: str, received: str, day: int) -> Any:
    return custody.record_transfer(store, CASE, {
        "released_by": released, "received_by": received,
        "occurred_at": datetime(2023, 1, day, 9, 0, tzinfo=UTC)})


def test_a_wrong_transfer_is_corrected_by_a_later_event(store: stores.Store,
                                                        case_file: CaseFile) -> None:
    first = _transfer(store, "EOD team", "Forensic laboratory", 12)
    wrong = _transfer(store, "Forensic laboratory", "Evidence store", 13)
    fixed = custody.correct_transfer(store, wrong.id, {"received_by": "Evidence store B"},
                                     "Store B signed the receipt")
    assert fixed.action == "correction" and fixed.corrects_id == wrong.id
    assert fixed.released_by == "Forensic laboratory" and fixed.occurred_at == wrong.occurred_at
    history = custody.custody_history(store, CASE)
    assert [e.id for e in history] == [first.id, wrong.id, fixed.id]  # nothing disappears
    assert custody.current_custodian(history) == "Evidence store B"
    assert [e.id for e in custody.standing(history)] == [first.id, fixed.id]
    with pytest.raises(IntegrityRuleError, match="already replaced"):
        custody.withdraw_transfer(store, wrong.id, "again")
    gone = custody.withdraw_transfer(store, fixed.id, "Never left the laboratory")
    history = custody.custody_history(store, CASE)
    assert gone.action == "withdrawal" and len(history) == 4
    assert custody.current_custodian(history) == "Forensic laboratory"
    with pytest.raises(ValidationError, match="reason"):
        custody.withdraw_transfer(store, first.id, "  ")


def test_custody_before_the_recovery_or_in_the_future_is_refused(
        store: stores.Store, case_file: CaseFile) -> None:
    with pytest.raises(ValidationError) as refused:
        custody.record_transfer(store, CASE, {"released_by": "EOD team", "received_by": "Lab",
                                              "occurred_at": "1900-01-01 10:00"})
    assert refused.value.field == "occurred_at" and "before the item was recovered" in str(
        refused.value)
    with pytest.raises(ValidationError, match="future"):
        custody.record_transfer(store, CASE, {"released_by": "EOD team", "received_by": "Lab",
                                              "occurred_at": "2999-01-01 10:00"})
    wrong = _transfer(store, "EOD team", "Lab", 12)
    with pytest.raises(ValidationError, match="before the item was recovered"):
        custody.correct_transfer(store, wrong.id, {"occurred_at": "2020-01-01 10:00"}, "typo")
    assert custody.custody_history(store, CASE) == [wrong]


def test_an_unscreened_list_version_says_so_and_is_caught_up(demo_store: stores.Store) -> None:
    files = sorted((LISTS / "ofac-2024-05").glob("*.csv"))
    # What a kill between storing the version and screening leaves behind.
    imported = sanctions_lists.import_list(demo_store, files, published_on="2024-05-01",
                                           screen=False)
    assert not imported.list.screened
    assert [v.id for v in screening.unscreened(demo_store)] == [imported.list.id]
    with pytest.raises(IntegrityRuleError, match=r"screening did not complete.*forensics screen"):
        sanctions_lists.import_list(demo_store, files, published_on="2024-05-01")
    summary = screening.catch_up(demo_store)
    assert summary is not None and summary.candidates > 0
    assert screening.unscreened(demo_store) == []
    assert screening.catch_up(demo_store) is None
    with pytest.raises(IntegrityRuleError, match=r"imported already .* and screened"):
        sanctions_lists.import_list(demo_store, files, published_on="2024-05-01")


def test_a_command_line_edit_never_writes_over_a_change_made_meanwhile(
        sqlite_store: stores.Store, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from forensics_gui.cli.main import main

    store = sqlite_store
    part = records.create(store, "part", {"part_number": "AD22100STZ"})
    read = records.get

    def read_then_someone_writes(*args: Any, **kwargs: Any) -> Any:
        found = read(*args, **kwargs)
        records.update(store, "part", part.id, None, {"function": "Temperature sensor"})
        return found

    monkeypatch.setattr(records, "get", read_then_someone_writes)
    where = str(store.location.path)
    code = main(["part", "edit", "AD22100STZ", "--function", "Op-amp", "--store", where])
    assert code == 4 and "changed by" in capsys.readouterr().err
    monkeypatch.setattr(records, "get", read)
    assert records.get(store, "part", part.id).function == "Temperature sensor"
    assert main(["part", "edit", "AD22100STZ", "--function", "Op-amp", "--store", where]) == 0
    assert records.get(store, "part", part.id).function == "Op-amp"
