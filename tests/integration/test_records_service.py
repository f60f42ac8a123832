"""Create, read, update, delete and list every kind of record through the services."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from forensics_gui.core import records as dto
from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.fields import KINDS, WITHDRAWABLE
from forensics_gui.services import records, stores

from .support import CASE, CaseFile, store_original

SHA = "AB" * 32

DTO_TYPES = {
    "marking": dto.HandlingMarking, "system": dto.WeaponSystemType, "item": dto.RecoveredItem,
    "part": dto.Part, "finding": dto.ComponentFinding, "org": dto.Organization,
    "designation": dto.SanctionsDesignation, "link": dto.SupplyLink, "source": dto.Source,
    "photo": dto.Photo, "annotation": dto.PhotoAnnotation, "alias": dto.CompanyAlias,
    "saved": dto.SavedSearch, "hub": dto.TransshipmentHub, "list": dto.SanctionsList,
    "match": dto.ScreeningMatch, "rule": dto.IdentificationRule, "module": dto.TemplateModule,
}


def _new(kind: str, cf: CaseFile, photo_id: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values as a user types them, what the record must then hold) for a new record."""
    table: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
        "marking": ({"name": "RESTRICTED", "rank": "25", "description": "for the team"},
                    {"name": "RESTRICTED", "rank": 25, "description": "for the team"}),
        "system": ({"name": "Shahed-136", "aliases": "Geran-2; Shahed 136", "origin_country": "ir"},
                   {"name": "Shahed-136", "aliases": ("Geran-2", "Shahed 136"),
                    "origin_country": "IR"}),
        "item": ({"system_type_id": "Kh-101", "case_reference": "CASE-2024-017",
                  "recovered_on": "2024-02-03", "latitude": "50.45", "longitude": "30.52",
                  "handling_marking": "official"},
                 {"system_type_id": cf.system.id, "case_reference": "CASE-2024-017",
                  "recovered_on": date(2024, 2, 3), "latitude": 50.45, "longitude": 30.52,
                  "handling_marking": "OFFICIAL", "system_type_name": "Kh-101"}),
        "part": ({"part_number": "GW1N-UV9UG169C6/I5", "manufacturer_id": "ADI",
                  "hs_code": "8542.39.00"},
                 {"part_number": "GW1N-UV9UG169C6/I5", "manufacturer_id": cf.maker.id,
                  "hs_code": "85423900", "manufacturer_name": "Analog Devices, Inc."}),
        "finding": ({"item_id": CASE, "part_id": "AD22100STZ", "marking": "AD22100 STZ 2220",
                     "quantity": "2", "confidence": "HIGH", "source_ids": [str(cf.source.id)]},
                    {"item_id": cf.item.id, "part_id": cf.part.id, "quantity": 2,
                     "confidence": "high", "source_ids": (cf.source.id,),
                     "case_reference": CASE, "part_number": "AD22100STZ"}),
        "org": ({"name": "Harbour Star Electronics Ltd", "roles": "trading company",
                 "country": "hk", "identifiers": ["CR:1234567"]},
                {"name": "Harbour Star Electronics Ltd", "roles": ("trading company",),
                 "country": "HK", "identifiers": ("CR:1234567",)}),
        "designation": ({"organization_id": "Northwind Components GmbH", "authority": "ofac",
                         "listed_on": "2023-05-19", "reference": "RUSSIA-EO14024",
                         "source_id": "RUSI teardown"},
                        {"organization_id": cf.distributor.id, "authority": "OFAC",
                         "listed_on": date(2023, 5, 19), "source_id": cf.other_source.id,
                         "organization_name": "Northwind Components GmbH"}),
        "link": ({"seller_id": "ADI", "buyer_id": "Northwind Components GmbH",
                  "part_id": "ad22100-stz", "shipped_on": "2022-06-02", "quantity": "400",
                  "value": "1,250.50", "currency": "usd", "declared_hs_code": "8542.31.00",
                  "status": "probable", "source_ids": [cf.source.id, cf.other_source.id]},
                 {"seller_id": cf.maker.id, "buyer_id": cf.distributor.id,
                  "part_id": cf.part.id, "quantity": 400, "value": Decimal("1250.50"),
                  "currency": "USD", "declared_hs_code": "85423100", "status": "probable",
                  "source_ids": tuple(sorted((cf.source.id, cf.other_source.id))),
                  "seller_name": "Analog Devices, Inc.",
                  "buyer_name": "Northwind Components GmbH", "part_number": "AD22100STZ"}),
        "source": ({"title": "Customs record 2022/114", "kind": "customs record",
                    "reliability": "b", "credibility": "3", "published_on": "2022-09-01"},
                   {"title": "Customs record 2022/114", "kind": "customs record",
                    "reliability": "B", "credibility": 3, "grade": "B3",
                    "published_on": date(2022, 9, 1)}),
        "photo": ({"sha256": SHA, "file_name": "board.jpg", "item_id": CASE,
                   "taken_at": "2023-01-11 09:30", "width": "4000", "height": "3000"},
                  {"sha256": SHA.lower(), "file_name": "board.jpg", "item_id": cf.item.id,
                   "taken_at": datetime.fromisoformat("2023-01-11T09:30+00:00"),
                   "width": 4000, "height": 3000}),
        "annotation": ({"photo_id": photo_id, "label": "U12", "x": "0.1", "y": 0.2,
                        "width": 0.3, "height": "0.25"},
                       {"label": "U12", "x": 0.1, "width": 0.3}),
        "alias": ({"name": "Harbour-Star Elec.", "current_name": "Harbour Star Electronics Ltd",
                   "relation": "Renamed", "year": "2019"},
                  {"name": "Harbour-Star Elec.", "current_name": "Harbour Star Electronics Ltd",
                   "name_key": "harbour star elec", "relation": "renamed", "year": 2019}),
        "saved": ({"name": "STM32 after the invasion", "query": "stm32",
                   "filters": '{"produced_after": "2022-02-24", "sanctioned": "no"}'},
                  {"name": "STM32 after the invasion", "query": "stm32",
                   "filters": {"produced_after": "2022-02-24", "sanctioned": False}}),
        "hub": ({"country": "rs", "name": "Serbia"}, {"country": "RS", "name": "Serbia"}),
        "list": ({"name": "OFAC SDN", "format": "ofac-sdn", "list_version": "2024-06-12",
                  "published_on": "2024-06-12", "entry_count": "3"},
                 {"name": "OFAC SDN", "format": "ofac-sdn", "list_version": "2024-06-12",
                  "published_on": date(2024, 6, 12), "entry_count": 3}),
        "match": ({"organization_id": "Northwind Components GmbH", "list_name": "OFAC SDN",
                   "entry_ref": "36021", "entry_name": "NORTHWIND COMPONENTS", "score": "93"},
                  {"organization_id": cf.distributor.id, "entry_ref": "36021", "score": 93,
                   "state": "candidate", "organization_name": "Northwind Components GmbH"}),
        "rule": ({"pattern": "LTC[0-9]", "maker": "Linear Technology",
                  "now_part_of": "Analog Devices", "hs_code": "8542.39.00",
                  "confidence": "High", "source_id": "RUSI teardown"},
                 {"pattern": "LTC[0-9]", "maker": "Linear Technology",
                  "now_part_of": "Analog Devices", "hs_code": "85423900", "confidence": "high",
                  "source_id": cf.other_source.id, "source_title": "RUSI teardown"}),
        "module": ({"system_type_id": "X-101", "name": "flight control computer",
                    "position": "2", "expected": "TMS320 DSP; Spartan FPGA",
                    "source_id": "War & Sanctions portal"},
                   {"system_type_id": cf.system.id, "name": "flight control computer",
                    "position": 2, "expected": ("TMS320 DSP", "Spartan FPGA"),
                    "source_id": cf.source.id, "system_type_name": "Kh-101",
                    "source_title": "War & Sanctions portal"}),
    }
    return table[kind]


# kind -> (field, value given, value then held)
CHANGES: dict[str, tuple[str, Any, Any]] = {
    "marking": ("description", "team only", "team only"),
    "system": ("category", "air-launched cruise missile", "air-launched cruise missile"),
    "item": ("serial_number", "  SN 0042  ", "SN 0042"),
    "part": ("function", "Temperature sensor", "Temperature sensor"),
    "finding": ("location", "guidance unit, board 2", "guidance unit, board 2"),
    "org": ("country", "gb", "GB"),
    "designation": ("programme", "RUSSIA-EO14024", "RUSSIA-EO14024"),
    "link": ("status", "Documented", "documented"),
    "source": ("publisher", "RUSI", "RUSI"),
    "photo": ("caption", "main board, top side", "main board, top side"),
    "annotation": ("label", "U7", "U7"),
    "alias": ("year", "2020", 2020),
    "saved": ("filters", {"chpl_tier": "1"}, {"chpl_tier": "1"}),
    "hub": ("notes", "re-export hub since 2022", "re-export hub since 2022"),
    "list": ("notes", "downloaded by the desk", "downloaded by the desk"),
    "match": ("state", "Rejected", "rejected"),
    "rule": ("family", "LTC power management", "LTC power management"),
    "module": ("expected", "TMS320C6713 DSP; ; XC3S400 FPGA", ("TMS320C6713 DSP", "XC3S400 FPGA")),
}



def _assert_holds(record: Any, expected: dict[str, Any]) -> None:
    for name, value in expected.items():
        assert getattr(record, name) == value, name


def _assert_plain_and_frozen(record: Any) -> None:
    assert dataclasses.is_dataclass(record)
    assert type(record).__module__ == "forensics_gui.core.records"
    assert not hasattr(record, "_sa_instance_state")  # not an ORM object
    assert isinstance(record.id, UUID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.version = 99  # type: ignore[misc]


def test_every_kind_is_covered() -> None:
    assert set(DTO_TYPES) == set(KINDS) == set(CHANGES)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_record_lifecycle(store: stores.Store, case_file: CaseFile, kind: str) -> None:
    photo_id = None
    if kind in ("photo", "annotation"):
        store_original(store, SHA)
    if kind == "annotation":
        photo_id = records.create(store, "photo", {"sha256": SHA, "item_id": CASE}).id
    values, expected = _new(kind, case_file, photo_id)
    before = records.count(store, kind)

    created = records.create(store, kind, values)
    assert type(created) is DTO_TYPES[kind]
    _assert_plain_and_frozen(created)
    _assert_holds(created, expected)
    assert created.version == 1
    assert created.created_by == created.updated_by == store.actor
    assert records.get(store, kind, created.id) == created
    assert records.count(store, kind) == before + 1

    field, given, held = CHANGES[kind]
    updated = records.update(store, kind, created.id, created.version, {field: given})
    assert getattr(updated, field) == held
    assert updated.version == created.version + 1
    assert records.get(store, kind, str(created.id)) == updated
    _assert_holds(updated, {k: v for k, v in expected.items() if k != field})

    listed = records.list_records(store, kind, limit=1000).rows
    assert updated in listed
    _assert_plain_and_frozen(listed[0])

    if kind in WITHDRAWABLE:  # evidence: withdrawn, kept, out of the listings
        withdrawn = records.withdraw(store, kind, created.id, updated.version, "test of a life")
        assert withdrawn.withdrawn and records.get(store, kind, created.id) == withdrawn
        assert withdrawn not in records.list_records(store, kind, limit=1000).rows
    else:
        records.delete(store, kind, created.id, updated.version)
        with pytest.raises(NotFoundError):
            records.get(store, kind, created.id)
    assert records.count(store, kind) == before


def test_get_by_the_names_people_use(store: stores.Store, case_file: CaseFile) -> None:
    cf = case_file
    expected = {
        ("item", CASE.lower()): cf.item.id, ("item", f"  {CASE}  "): cf.item.id,
        ("system", "Kh-101"): cf.system.id, ("system", "kh-101"): cf.system.id,
        ("system", "X-101"): cf.system.id, ("system", "kh-101 CRUISE missile"): cf.system.id,
        ("org", "Analog Devices, Inc."): cf.maker.id, ("org", "analog devices inc"): cf.maker.id,
        ("org", "ANALOG DEVICES INC"): cf.maker.id, ("org", "adi"): cf.maker.id,
        ("source", "war & sanctions PORTAL"): cf.source.id,
        ("item", str(cf.item.id)): cf.item.id, ("part", cf.part.id): cf.part.id,
    }
    for (kind, name), record_id in expected.items():
        assert records.get(store, kind, name).id == record_id, (kind, name)
    assert records.get(store, "marking", "official-sensitive").name == "OFFICIAL-SENSITIVE"


def test_get_part_by_number_with_any_separators(store: stores.Store,
                                                case_file: CaseFile) -> None:
    for typed in ("AD22100STZ", "ad22100stz", "AD22100-STZ", "AD 22100 STZ", "ad22100/stz",
                  "AD22100.STZ", " ad-22100_stz "):
        assert records.get(store, "part", typed).id == case_file.part.id, typed


def test_part_number_made_by_two_makers_is_not_guessed(store: stores.Store,
                                                       case_file: CaseFile) -> None:
    records.create(store, "part", {"part_number": "AD22100-STZ",
                                   "manufacturer_id": "Northwind Components GmbH"})
    with pytest.raises(ValidationError) as caught:
        records.get(store, "part", "AD22100STZ")
    assert "give the id" in caught.value.reason
    assert "Analog Devices" in caught.value.reason


def test_get_unknown_record_is_not_found(store: stores.Store, case_file: CaseFile) -> None:
    with pytest.raises(NotFoundError, match="CASE-9999"):
        records.get(store, "item", "CASE-9999")
    with pytest.raises(NotFoundError):
        records.get(store, "part", UUID(int=7))


def test_update_by_name_changes_only_what_was_given(store: stores.Store,
                                                   case_file: CaseFile) -> None:
    updated = records.update(store, "item", CASE, None, {"recovery_place": "Kyiv oblast"})
    assert updated.recovery_place == "Kyiv oblast"
    assert updated.recovered_on == case_file.item.recovered_on
    assert updated.system_type_id == case_file.system.id
    assert updated.updated_by == store.actor
    assert updated.updated_at is not None and updated.updated_at >= case_file.item.updated_at


def test_renamed_system_shows_on_its_items(store: stores.Store, case_file: CaseFile) -> None:
    records.update(store, "system", "Kh-101", 1, {"name": "Kh-101 (X-101)"})
    assert records.get(store, "item", CASE).system_type_name == "Kh-101 (X-101)"


def test_one_edit_raises_the_version_by_one(store: stores.Store, case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE})
    changed = records.update(store, "finding", finding.id, finding.version,
                             {"part_id": "AD22100STZ", "date_code": "2220"})
    assert changed.version == finding.version + 1
    again = records.update(store, "finding", finding.id, changed.version, {"notes": "x"})
    assert again.version == changed.version + 1


def test_update_without_change_keeps_version(store: stores.Store, case_file: CaseFile) -> None:
    same = records.update(store, "part", case_file.part.id, 1, {"function": "Temperature sensor"})
    assert same.version == 1
