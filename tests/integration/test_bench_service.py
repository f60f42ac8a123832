"""Bench mode's service: a row saved by names, what it may create with it, and nothing left
behind when it is refused (SQLite, then PostgreSQL)."""

from __future__ import annotations

from types import SimpleNamespace
from uuid import uuid4

import pytest

from forensics_gui.core.errors import ConflictError, ValidationError
from forensics_gui.core.identify import Rule
from forensics_gui.services import bench, records, stores

from .support import CaseFile, store_counts

ROW = {"location": "U12", "marking": "AD22100 STZ\n2220", "part_id": "AD22100STZ",
       "manufacturer_id": "ADI", "function": "Temperature sensor", "date_code": "2220",
       "confidence": "high"}


def test_a_row_names_its_part_and_maker_as_typed(store: stores.Store, case_file: CaseFile) -> None:
    finding, created = bench.save_row(store, case_file.item.id, ROW)
    assert created == []
    assert (finding.part_id, finding.manufacturer_id) == (case_file.part.id, case_file.maker.id)
    assert (finding.location, finding.marking, finding.confidence, finding.date_code) == (
        "U12", "AD22100 STZ\n2220", "high", "2220")
    assert finding.produced_from is not None  # the date code was read, as for any finding


def test_an_unknown_part_or_maker_is_refused_naming_them_and_nothing_is_written(
        store: stores.Store, case_file: CaseFile) -> None:
    before = store_counts(store)
    row = ROW | {"part_id": "LTC2950-1", "manufacturer_id": "Linear Technology"}
    with pytest.raises(bench.MissingRecords) as refused:
        bench.save_row(store, case_file.item.id, row)
    assert refused.value.missing == (("org", "Linear Technology"), ("part", "LTC2950-1"))
    assert refused.value.field == "manufacturer_id"
    assert "Linear Technology" in refused.value.reason
    assert store_counts(store) == before


def test_asked_to_the_row_creates_its_maker_and_part_with_the_finding(
        store: stores.Store, case_file: CaseFile) -> None:
    row = ROW | {"part_id": "LTC2950-1", "manufacturer_id": "Linear Technology",
                 "function": "Pushbutton controller"}
    finding, created = bench.save_row(store, case_file.item.id, row, create_missing=True)
    maker, part = created
    assert (maker.name, maker.roles) == ("Linear Technology", ("manufacturer",))
    assert (part.part_number, part.manufacturer_id, part.function) == (
        "LTC2950-1", maker.id, "Pushbutton controller")
    assert (finding.part_id, finding.manufacturer_id) == (part.id, maker.id)


def test_a_new_part_of_a_known_maker_is_created_for_that_maker(
        store: stores.Store, case_file: CaseFile) -> None:
    row = ROW | {"part_id": "ADM3053BRWZ"}
    with pytest.raises(bench.MissingRecords) as refused:
        bench.save_row(store, case_file.item.id, row)
    assert refused.value.missing == (("part", "ADM3053BRWZ"),)
    finding, (part,) = bench.save_row(store, case_file.item.id, row, create_missing=True)
    assert part.manufacturer_id == case_file.maker.id
    assert finding.part_id == part.id


def test_a_refused_finding_leaves_no_part_or_maker_behind(
        store: stores.Store, case_file: CaseFile) -> None:
    before = store_counts(store)
    row = ROW | {"part_id": "LTC2950-1", "manufacturer_id": "Linear Technology"}
    with pytest.raises(ValidationError) as refused:  # the item is not in the store
        bench.save_row(store, uuid4(), row, create_missing=True)
    assert refused.value.field == "item_id"
    assert store_counts(store) == before
    assert records.count(store, "org", filters={"name": "Linear Technology"}) == 0


def test_a_bad_value_is_refused_at_its_field_before_any_name(
        store: stores.Store, case_file: CaseFile) -> None:
    with pytest.raises(ValidationError) as refused:
        bench.save_row(store, case_file.item.id, ROW | {"confidence": "sure",
                                                        "part_id": "NOPE-1"})
    assert refused.value.field == "confidence"
    assert not isinstance(refused.value, bench.MissingRecords)


def test_a_part_number_of_several_makers_is_the_one_of_the_row_s_maker(
        store: stores.Store, case_file: CaseFile) -> None:
    other = records.create(store, "part", {"part_number": "AD22100STZ",
                                           "manufacturer_id": "Northwind Components GmbH"})
    mine, _ = bench.save_row(store, case_file.item.id, ROW)
    theirs, _ = bench.save_row(store, case_file.item.id,
                               ROW | {"manufacturer_id": "Northwind Components GmbH"})
    assert (mine.part_id, theirs.part_id) == (case_file.part.id, other.id)
    with pytest.raises(ValidationError) as refused:
        bench.save_row(store, case_file.item.id, {"part_id": "AD22100STZ"})
    assert refused.value.field == "part_id"
    assert "type the maker" in refused.value.reason


def test_a_saved_row_is_changed_by_a_new_version_and_a_stale_one_is_refused(
        store: stores.Store, case_file: CaseFile) -> None:
    finding, _ = bench.save_row(store, case_file.item.id, ROW)
    changed, _ = bench.save_row(store, case_file.item.id, {"location": "U13", "date_code": "2231"},
                                finding.id, finding.version)
    assert (changed.location, changed.date_code, changed.version) == ("U13", "2231",
                                                                      finding.version + 1)
    assert changed.part_id == case_file.part.id  # what was not sent stays
    with pytest.raises(ConflictError):
        bench.save_row(store, case_file.item.id, {"location": "U14"}, finding.id,
                       finding.version)
    history = records.list_records(store, "finding", filters={"item_id": case_file.item.id})
    assert [f.location for f in history.rows] == ["U13"]


def test_the_bench_lists_the_item_s_findings_as_its_findings_tab_does(
        store: stores.Store, case_file: CaseFile) -> None:
    first, _ = bench.save_row(store, case_file.item.id, ROW)
    second, _ = bench.save_row(store, case_file.item.id, ROW | {"location": "U13"})
    withdrawn, _ = bench.save_row(store, case_file.item.id, ROW | {"location": "U14"})
    records.withdraw(store, "finding", withdrawn.id, None, "recorded twice")
    shown = bench.load(store, case_file.item.id)
    assert [f.id for f in shown.findings] == [first.id, second.id]
    assert shown.item.id == case_file.item.id


def test_the_template_lists_the_system_s_modules_in_order(
        store: stores.Store, case_file: CaseFile) -> None:
    for name, position in (("power supply", 3), ("flight control computer", 1),
                           ("radio altimeter", 2)):
        records.create(store, "module", {"system_type_id": case_file.system.id, "name": name,
                                         "position": position})
    shown = bench.load(store, case_file.item.id)
    assert [m.name for m in shown.modules] == ["flight control computer", "radio altimeter",
                                               "power supply"]


def test_a_marking_is_proposed_as_cells(store: stores.Store, case_file: CaseFile,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    reading = SimpleNamespace(part_number="AD22100STZ", date_code="2220", lot_code="")
    identification = SimpleNamespace(
        status="identified", maker="Analog Devices", now_part_of="", family="",
        category="temperature sensor", hs_code="854239", confidence="high", reason="",
        rule=Rule(rule_id="adi-ad22", maker="Analog Devices", pattern="AD22[0-9]",
                  confidence="high", source="Analog Devices, AD22100 datasheet"),
        reading=reading, part_number="AD22100STZ")
    found = SimpleNamespace(identification=identification, maker_id=case_file.maker.id,
                            owner_name="", part_id=case_file.part.id, chpl_tier="1")
    monkeypatch.setattr(bench, "_identify", lambda _store, _text: found)
    proposal = bench.propose(store, "AD22100 STZ\n2220")
    assert proposal.values == {"part_id": "AD22100STZ", "date_code": "2220",
                               "manufacturer_id": "Analog Devices, Inc.",  # as stored
                               "function": "temperature sensor"}
    assert "high confidence" in proposal.reason and \
        "rule adi-ad22 (AD22100 datasheet)" in proposal.reason
    unknown = SimpleNamespace(identification=SimpleNamespace(
        status="not identified", reason="no rule fits 'QQ1'", reading=SimpleNamespace(
            part_number="QQ1", date_code=""), part_number="QQ1"), maker_id=None)
    monkeypatch.setattr(bench, "_identify", lambda _store, _text: unknown)
    proposal = bench.propose(store, "QQ1")
    assert proposal.values == {}  # nothing to fill: the reason only
    assert proposal.reason == "no rule fits 'QQ1'"


def test_the_rules_identify_a_marking_for_the_bench(demo_store: stores.Store) -> None:
    proposal = bench.propose(demo_store, "STM32F765VIT6\n2231")
    assert proposal.status == "identified"
    assert proposal.values["part_id"] == "STM32F765VIT6"
    assert proposal.values["manufacturer_id"] == "STMicroelectronics"  # the store's name
    assert proposal.values["date_code"] == "2231"
