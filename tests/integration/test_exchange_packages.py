"""Case packages from a laptop's SQLite store into a shared store (SQLite, then PostgreSQL):
round trips, idempotence, receipts, chosen items, conflicts both ways, records matched by
name, and values the store refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forensics_gui.core.errors import IntegrityRuleError
from forensics_gui.formats.package import (
    PackageError,
    content_hash,
    open_package,
    write_package,
)
from forensics_gui.services import photos, records, search, stores
from forensics_gui.services.exchange import conflicts, packages
from forensics_gui.services.exchange.content import entry_of
from tests.integration.exchange_support import (
    FieldCase,
    counts,
    field_case,
    laptop,
    originals,
    snapshot,
)


@pytest.fixture
def field(tmp_path: Path, sqlite_template: Path) -> tuple[stores.Store, FieldCase]:
    """A laptop's store holding one field case."""
    store = laptop(tmp_path / "laptop.sqlite", sqlite_template)
    yield store, field_case(store)
    store.close()


def _send(source: stores.Store, target: stores.Store, path: Path, **options: object
          ) -> packages.ImportReport:
    packages.export_package(source, path, **options)
    return packages.import_package(target, path)


def test_export_then_import_gives_the_same_records_and_photos(
        field: tuple[stores.Store, FieldCase], store: stores.Store, tmp_path: Path) -> None:
    source, case = field
    report = _send(source, store, tmp_path / "p.zip")
    assert report.outcomes == {"added": len(snapshot(source))}
    assert snapshot(store) == snapshot(source)  # same ids, versions and contents
    assert originals(store) == originals(source)
    assert stores.check(store) == []
    # What a user sees at the centre: the finding, found by its part number, its photo's
    # thumbnail, and where it came from in the record's history.
    assert [h.record_id for h in search.search(store, "NW32F405RGT1").groups["part"]] == [
        case.part.id]
    assert photos.thumbnails(store, [case.photo])
    # Values derived from others are derived again, the same.
    assert records.get(store, "finding", case.finding.id) == case.finding
    assert records.get(store, "part", case.part.id).chpl_tier == case.part.chpl_tier == "1"
    with store.reading() as uow:
        events = uow.audit_events("finding", case.finding.id)
    assert events[0].action == "receive"
    assert events[0].new_values["device"] == "laptop-1"
    assert events[0].new_values["package"] == str(report.package_id)


def test_a_package_imported_twice_is_acknowledged_and_changes_nothing(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, _case = field
    first = _send(source, sqlite_store, tmp_path / "p.zip")
    receipt = json.loads(Path(first.receipt_path).read_text())
    before = counts(sqlite_store)
    again = packages.import_package(sqlite_store, tmp_path / "p.zip",
                                    receipt_path=tmp_path / "again.json")
    assert again.already_imported and again.conflicts == 0
    assert counts(sqlite_store) == before
    assert json.loads((tmp_path / "again.json").read_text()) == receipt


def test_only_a_receipt_marks_records_delivered_and_a_later_edit_stays_undelivered(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, case = field
    sent = len(snapshot(source))
    packages.export_package(source, tmp_path / "p.zip")
    assert sum(packages.status(source).undelivered.values()) == sent  # no receipt yet
    imported = packages.import_package(sqlite_store, tmp_path / "p.zip")
    edited = records.update(source, "finding", case.finding.id, None, {"notes": "seen twice"})
    taken = packages.import_receipt(source, imported.receipt_path)
    assert taken.delivered == sent
    status = packages.status(source)
    assert status.undelivered == {"finding": 1}
    assert (status.sent, status.awaiting_receipt) == (1, 0)
    # The next package carries the edit, and the centre applies it as an update.
    second = _send(source, sqlite_store, tmp_path / "p2.zip")
    assert second.by_kind["finding"] == {"updated": 1}
    centre = records.get(sqlite_store, "finding", case.finding.id)
    assert centre.notes == "seen twice" and centre.version == case.finding.version + 1
    assert edited.version == case.finding.version + 1
    packages.import_receipt(source, second.receipt_path)
    assert packages.status(source).undelivered == {}


def test_a_chosen_item_brings_everything_it_needs_and_nothing_else(
        tmp_path: Path, sqlite_template: Path, store: stores.Store) -> None:
    source = laptop(tmp_path / "laptop.sqlite", sqlite_template)
    chosen = field_case(source, "FIELD-2026-001", seed=1)
    field_case(source, "FIELD-2026-002", seed=2, system="Lancet")
    packages.export_package(source, tmp_path / "one.zip", items=["FIELD-2026-001"])
    packages.import_package(store, tmp_path / "one.zip")
    assert [i.case_reference for i in records.list_records(store, "item").rows] == [
        "FIELD-2026-001"]
    for kind, record in (("finding", chosen.finding), ("part", chosen.part),
                         ("org", chosen.maker), ("org", chosen.broker), ("link", chosen.link),
                         ("source", chosen.source), ("photo", chosen.photo)):
        assert records.get(store, kind, record.id).id == record.id
    assert records.count(store, "designation") == records.count(store, "annotation") == 1
    assert [s.name for s in records.list_records(store, "system").rows] == ["Geran-2"]
    with store.reading() as uow:
        assert len(uow.custody_events(chosen.item.id)) == 1
    assert stores.check(store) == []
    source.close()


def _delivered(field: tuple[stores.Store, FieldCase], centre: stores.Store,
               tmp_path: Path) -> None:
    report = _send(field[0], centre, tmp_path / "first.zip")
    packages.import_receipt(field[0], report.receipt_path)


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_an_edit_on_both_sides_is_a_conflict_that_a_person_resolves(
        field: tuple[stores.Store, FieldCase], store: stores.Store, tmp_path: Path,
        keep: str) -> None:
    source, case = field
    _delivered(field, store, tmp_path)
    records.update(source, "finding", case.finding.id, None, {"notes": "laptop reading"})
    ours = records.update(store, "finding", case.finding.id, None, {"notes": "centre reading"})
    report = _send(source, store, tmp_path / "second.zip")
    # The edited finding, and (held) what it refers to.
    assert report.by_kind["finding"] == {"conflict": 1} and report.conflicts == 1
    assert set(report.outcomes) == {"conflict", "held"}
    assert records.get(store, "finding", case.finding.id) == ours  # no silent winner
    # The centre holds the laptop's version (in the conflict): it counts as delivered.
    assert packages.import_receipt(source, report.receipt_path).outcomes["conflict"] == 1
    assert packages.status(source).undelivered == {}
    [waiting] = conflicts.open_conflicts(store)
    assert (waiting.kind, waiting.record_id, waiting.sender_device) == (
        "finding", case.finding.id, "laptop-1")
    detail = conflicts.show(store, waiting.id)
    notes = next(p for p in detail.fields if p.name == "notes")
    assert (notes.ours, notes.theirs, notes.differs) == ("centre reading", "laptop reading", True)
    assert [p.name for p in detail.fields if p.differs] == ["notes"]
    done = conflicts.resolve(store, waiting.id, keep, "checked the board again")
    after = records.get(store, "finding", case.finding.id)
    expected = "laptop reading" if keep == "theirs" else "centre reading"
    assert after.notes == expected
    assert after.version == ours.version + (keep == "theirs")
    assert (done.state, done.kept, done.reason) == ("resolved", keep, "checked the board again")
    assert done.resolved_by == store.actor and done.resolved_at is not None
    assert conflicts.open_conflicts(store) == []
    assert len(conflicts.open_conflicts(store, include_closed=True)) == 1  # kept
    with store.reading() as uow:
        assert uow.audit_events("finding", case.finding.id)[0].action == "resolve conflict"
    with pytest.raises(IntegrityRuleError, match="already resolved"):
        conflicts.resolve(store, waiting.id, "ours", "again")
    # Sending the same version again raises no new conflict.
    again = _send(source, store, tmp_path / "third.zip", items=["FIELD-2026-001"])
    assert again.conflicts == 0 and conflicts.open_conflicts(store) == []


def test_a_centre_edit_is_newer_and_a_laptop_edit_is_applied(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, case = field
    _delivered(field, sqlite_store, tmp_path)
    centre = records.update(sqlite_store, "part", case.part.id, None, {"notes": "centre"})
    records.update(source, "source", case.source.id, None, {"notes": "laptop"})
    report = _send(source, sqlite_store, tmp_path / "again.zip", items=["FIELD-2026-001"])
    assert report.by_kind["part"] == {"newer here": 1}
    assert report.by_kind["source"] == {"updated": 1}
    assert report.conflicts == 0
    assert records.get(sqlite_store, "part", case.part.id) == centre
    assert records.get(sqlite_store, "source", case.source.id).notes == "laptop"


def test_records_named_alike_are_matched_and_references_follow(
        field: tuple[stores.Store, FieldCase], store: stores.Store, tmp_path: Path) -> None:
    source, case = field
    theirs = records.create(store, "system", {"name": "geran-2"})  # made at the centre
    report = _send(source, store, tmp_path / "p.zip")
    assert report.by_kind["system"] == {"conflict": 1}  # same name, different spelling
    assert records.get(store, "item", case.item.id).system_type_id == theirs.id
    assert [s.id for s in records.list_records(store, "system").rows] == [theirs.id]
    assert stores.check(store) == []


def test_a_record_the_store_refuses_leaves_it_unchanged(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, case = field
    packages.export_package(source, tmp_path / "p.zip")
    with open_package(tmp_path / "p.zip") as reader:
        manifest = reader.manifest
        pictures = [(o["sha256"], reader.original(o["sha256"])) for o in manifest["originals"]]
    item = records.get(source, "item", case.item.id)
    bad = entry_of("item", item)
    bad["values"]["recovered_on"] = "2999-01-01"  # in the future: refused as typed
    bad["sha256"] = content_hash(bad["values"], bad["created_at"], bad["created_by"])
    manifest["records"] = [bad if r["id"] == str(item.id) else r for r in manifest["records"]]
    write_package(tmp_path / "bad.zip", manifest, pictures)
    before = counts(sqlite_store)
    with pytest.raises(PackageError, match=r"record \d+: item .*recovered_on.*future"):
        packages.import_package(sqlite_store, tmp_path / "bad.zip")
    assert counts(sqlite_store) == before
    assert not (tmp_path / "bad.receipt.json").exists()


def test_a_newer_version_of_a_conflicting_record_waits_for_the_same_decision(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, case = field
    ours = records.create(sqlite_store, "system", {"name": "Geran-2", "notes": "centre copy"})
    _send(source, sqlite_store, tmp_path / "one.zip")  # same name: matched, contents differ
    [first] = conflicts.open_conflicts(sqlite_store)
    laptop_system = records.get(source, "item", case.item.id).system_type_id
    records.update(source, "system", laptop_system, None, {"notes": "laptop, later"})
    second = _send(source, sqlite_store, tmp_path / "two.zip", items=["FIELD-2026-001"])
    assert second.by_kind["system"] == {"conflict": 1}
    assert records.get(sqlite_store, "system", ours.id) == ours  # still no silent winner
    [waiting] = conflicts.open_conflicts(sqlite_store)
    assert waiting.id != first.id and waiting.their_version == first.their_version + 1
    states = {c.id: c.state for c in conflicts.open_conflicts(sqlite_store, include_closed=True)}
    assert states == {first.id: "superseded", waiting.id: "open"}
    conflicts.resolve(sqlite_store, waiting.id, "theirs", "the laptop's notes are right")
    assert records.get(sqlite_store, "system", ours.id).notes == "laptop, later"


class _CancelAfter:
    """A task's control that cancels once `n` kinds have been merged."""

    def __init__(self, n: int) -> None:
        self.left = n
        self.reported: list[str] = []

    def report(self, _done: int, _total: int, text: str) -> None:
        self.reported.append(text)

    def check(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise KeyboardInterrupt("cancelled")


def test_a_cancelled_import_leaves_the_store_as_it_was(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, _case = field
    packages.export_package(source, tmp_path / "p.zip")
    before = counts(sqlite_store)
    control = _CancelAfter(3)
    with pytest.raises(KeyboardInterrupt):
        packages.import_package(sqlite_store, tmp_path / "p.zip", control=control)
    assert counts(sqlite_store) == before
    assert any("records merged" in text for text in control.reported)
    assert packages.import_package(sqlite_store, tmp_path / "p.zip").outcomes["added"] > 10


def test_a_withdrawal_on_the_laptop_reaches_the_centre(
        field: tuple[stores.Store, FieldCase], store: stores.Store, tmp_path: Path) -> None:
    source, case = field
    _delivered(field, store, tmp_path)
    records.withdraw(source, "finding", case.finding.id, None, "misread marking")
    report = _send(source, store, tmp_path / "second.zip")
    assert report.by_kind["finding"] == {"updated": 1}
    assert report.by_kind["photo"] == {"updated": 1}  # withdrawn with its finding
    withdrawn = records.get(store, "finding", case.finding.id)
    assert (withdrawn.withdrawn_by, withdrawn.withdrawal_reason) == (
        source.actor, "misread marking")
    assert records.count(store, "finding") == 0  # hidden from listings, kept
    assert records.count(store, "finding", withdrawn="include") == 1


def test_a_custody_event_is_never_changed_by_a_package(
        field: tuple[stores.Store, FieldCase], sqlite_store: stores.Store,
        tmp_path: Path) -> None:
    source, case = field
    _delivered(field, sqlite_store, tmp_path)
    packages.export_package(source, tmp_path / "p.zip", items=["FIELD-2026-001"])
    with open_package(tmp_path / "p.zip") as reader:
        manifest = reader.manifest
        pictures = [(o["sha256"], reader.original(o["sha256"])) for o in manifest["originals"]]
    for entry in manifest["records"]:
        if entry["kind"] == "custody":  # a transfer rewritten after the fact
            entry["values"]["received_by"] = "Someone else"
            entry["sha256"] = content_hash(entry["values"], entry["created_at"],
                                           entry["created_by"])
    write_package(tmp_path / "rewritten.zip", manifest, pictures)
    report = packages.import_package(sqlite_store, tmp_path / "rewritten.zip")
    assert report.by_kind["custody"] == {"conflict": 1}
    [waiting] = conflicts.open_conflicts(sqlite_store)
    with pytest.raises(IntegrityRuleError, match="custody events are never changed"):
        conflicts.resolve(sqlite_store, waiting.id, "theirs", "they say so")
    with sqlite_store.reading() as uow:
        assert [e.received_by for e in uow.custody_events(case.item.id)] == ["Lab"]
    assert conflicts.resolve(sqlite_store, waiting.id, "ours", "the signed form says Lab").kept \
        == "ours"


def test_chosen_items_and_undelivered_records_together(tmp_path: Path,
                                                       sqlite_template: Path) -> None:
    source = laptop(tmp_path / "laptop.sqlite", sqlite_template)
    field_case(source, "FIELD-2026-001", seed=1)
    field_case(source, "FIELD-2026-002", seed=2)
    both = packages.export_package(source, tmp_path / "both.zip", items=["FIELD-2026-001"],
                                   undelivered=True)
    one = packages.export_package(source, tmp_path / "one.zip", items=["FIELD-2026-001"])
    assert (both.records["item"], one.records["item"]) == (2, 1)
    source.close()
