"""Bad input is refused with a message naming the field, and leaves nothing behind."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.services import records, stores

from .support import CASE, CaseFile, store_counts

TOMORROW = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
NOBODY = "0190a8f2-3c4d-7e5f-8a9b-0c1d2e3f4a5b"  # a well-formed id that names no record
ITEM = {"system_type_id": "Kh-101", "case_reference": "CASE-2024-100"}
PART = {"part_number": "LM358DR"}
FINDING = {"item_id": CASE}
LINK = {"seller_id": "ADI", "buyer_id": "Northwind Components GmbH"}
# Invisible characters spelled by name: as literals they cannot be seen.
ZWSP = unicodedata.lookup("ZERO WIDTH SPACE")
RLO = unicodedata.lookup("RIGHT-TO-LEFT OVERRIDE")

# (kind, values, the field the refusal must name)
BAD_NEW_RECORDS: list[tuple[str, dict[str, Any], str]] = [
    ("item", ITEM | {"system_type_id": "Buran-9"}, "system_type_id"),
    ("item", ITEM | {"system_type_id": NOBODY}, "system_type_id"),
    ("item", ITEM | {"recovered_on": TOMORROW}, "recovered_on"),
    ("item", ITEM | {"recovered_on": "10/01/2023"}, "recovered_on"),
    ("item", ITEM | {"recovered_on": "0001-01-01"}, "recovered_on"),
    ("item", ITEM | {"case_reference": CASE + ZWSP}, "case_reference"),
    ("item", ITEM | {"case_reference": "UA-" + RLO + "1"}, "case_reference"),
    ("item", ITEM | {"latitude": "50,450", "longitude": "30"}, "latitude"),
    ("item", ITEM | {"case_reference": "C" * 10_001}, "case_reference"),
    ("item", ITEM | {"case_reference": "  "}, "case_reference"),
    ("item", {"system_type_id": "Kh-101"}, "case_reference"),
    ("item", ITEM | {"case_reference": CASE.lower()}, "case_reference"),
    ("item", ITEM | {"latitude": "50.45"}, "longitude"),
    ("item", ITEM | {"longitude": 30.52}, "latitude"),
    ("item", ITEM | {"latitude": "95", "longitude": "30"}, "latitude"),
    ("item", ITEM | {"latitude": "nan", "longitude": "30"}, "latitude"),
    ("item", ITEM | {"notes": "found near\x00the road"}, "notes"),
    ("item", ITEM | {"recovery_place": "Izium\x1b[31m"}, "recovery_place"),
    ("item", ITEM | {"handling_marking": "TOP SECRET"}, "handling_marking"),
    ("item", ITEM | {"colour": "green"}, "colour"),
    ("system", {"name": "KH-101"}, "name"),
    ("system", {"name": "Tor-M2", "origin_country": "RUS"}, "origin_country"),
    ("part", PART | {"hs_code": "8542.3X"}, "hs_code"),
    ("part", PART | {"hs_code": "85423"}, "hs_code"),
    ("part", PART | {"hs_code": "99.01.00"}, "hs_code"),
    ("part", {"part_number": " -/- "}, "part_number"),
    ("part", {"part_number": "LM358\x07"}, "part_number"),
    ("part", {"part_number": "ad22100-stz", "manufacturer_id": "ADI"}, "part_number"),
    ("part", PART | {"manufacturer_id": "Unknown Maker Ltd"}, "manufacturer_id"),
    ("finding", FINDING | {"identification": "part"}, "part_id"),
    ("finding", FINDING | {"identification": "part", "part_id": ""}, "part_id"),
    ("finding", FINDING | {"identification": "manufacturer"}, "manufacturer_id"),
    ("finding", FINDING | {"identification": "guessed"}, "identification"),
    ("finding", FINDING | {"quantity": "0"}, "quantity"),
    ("finding", FINDING | {"source_ids": ["not-a-uuid"]}, "source_ids"),
    ("finding", FINDING | {"source_ids": [NOBODY]}, "source_ids"),
    ("finding", {"item_id": "{not-a-uuid}"}, "item_id"),
    ("finding", {"item_id": NOBODY}, "item_id"),
    ("finding", FINDING | {"part_id": "NO-SUCH-PART"}, "part_id"),
    ("finding", FINDING | {"marking": "M" * 2_001}, "marking"),
    ("org", {"name": "Spectre Trading", "roles": "spy"}, "roles"),
    ("org", {"name": "O" * 301}, "name"),
    ("org", {"name": "Ok Ltd", "website": "http://x\x7f"}, "website"),
    ("org", {"name": "Ok\x85Ltd"}, "name"),
    ("org", {"name": "Ok Ltd", "identifiers": "INN:77" + ZWSP + "01"}, "identifiers"),
    ("link", LINK | {"buyer_id": "analog devices inc"}, "buyer_id"),
    ("link", LINK | {"value": "-5"}, "value"),
    ("link", LINK | {"value": "1,250"}, "value"),
    ("link", LINK | {"value": "12.505"}, "value"),
    ("link", LINK | {"quantity": "4,5"}, "quantity"),
    ("link", LINK | {"shipped_on": "1989-12-31"}, "shipped_on"),
    ("link", LINK | {"quantity": "lots"}, "quantity"),
    ("link", LINK | {"status": "rumour"}, "status"),
    ("link", LINK | {"currency": "dollars"}, "currency"),
    ("link", LINK | {"declared_hs_code": "8542-31"}, "declared_hs_code"),
    ("link", LINK | {"shipped_on": TOMORROW}, "shipped_on"),
    ("designation", {"organization_id": "ADI", "authority": "NATO"}, "authority"),
    ("designation", {"organization_id": "ADI", "authority": "EU", "listed_on": "2023-06-01",
                     "delisted_on": "2023-01-01"}, "delisted_on"),
    ("source", {"title": "Press", "reliability": "G"}, "reliability"),
    ("source", {"title": "Press", "credibility": "7"}, "credibility"),
    ("photo", {"sha256": "abc"}, "sha256"),
    ("marking", {"name": "TLP:RED", "rank": "ten"}, "rank"),
]


def _refused(store: stores.Store, kind: str, values: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create(store, kind, values)
    assert caught.value.field == field, (kind, values, caught.value)
    assert str(caught.value).startswith(f"{field}: ")


@pytest.mark.parametrize("kinds", [("item", "system"), ("part", "finding"),
                                   ("org", "link", "designation", "source", "photo", "marking")])
def test_bad_new_records_are_refused_and_leave_nothing(store: stores.Store, case_file: CaseFile,
                                                       kinds: tuple[str, ...]) -> None:
    before = store_counts(store)
    cases = [case for case in BAD_NEW_RECORDS if case[0] in kinds]
    assert cases
    for kind, values, field in cases:
        _refused(store, kind, values, field)
        assert store_counts(store) == before, (kind, values)


def test_every_required_refusal_is_in_the_table() -> None:
    fields = {(kind, field) for kind, _, field in BAD_NEW_RECORDS}
    assert {("item", "system_type_id"), ("part", "hs_code"), ("item", "recovered_on"),
            ("finding", "part_id"), ("item", "case_reference"), ("finding", "source_ids"),
            ("item", "longitude"), ("item", "notes"), ("link", "buyer_id")} <= fields


def test_bad_changes_leave_the_record_as_it_was(store: stores.Store,
                                                case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ",
                                                "date_code": "2220"})
    link = records.create(store, "link", LINK)
    before = store_counts(store)
    bad: list[tuple[str, Any, dict[str, Any], str]] = [
        ("item", CASE, {"recovered_on": TOMORROW}, "recovered_on"),
        ("item", CASE, {"latitude": 50.0}, "longitude"),
        ("item", CASE, {"system_type_id": "Buran-9"}, "system_type_id"),
        ("item", CASE, {"case_reference": "x" * 10_001}, "case_reference"),
        ("part", "AD22100STZ", {"hs_code": "85.42"}, "hs_code"),
        ("part", "AD22100STZ", {"part_number": "AD22100STZ\x00"}, "part_number"),
        ("finding", finding.id, {"identification": "part", "part_id": None}, "part_id"),
        ("finding", finding.id, {"identification": "manufacturer", "part_id": "",
                                 "manufacturer_id": ""}, "manufacturer_id"),
        ("finding", finding.id, {"quantity": 0}, "quantity"),
        ("finding", finding.id, {"manufacturer_id": "Northwind Components GmbH"},
         "manufacturer_id"),
        ("finding", finding.id, {"source_ids": ["12345"]}, "source_ids"),
        ("link", link.id, {"seller_id": "Northwind Components GmbH"}, "buyer_id"),
        ("system", "Kh-101", {"name": ""}, "name"),
    ]
    for kind, reference, changes, field in bad:
        current = records.get(store, kind, reference)
        with pytest.raises(ValidationError) as caught:
            records.update(store, kind, reference, current.version, changes)
        assert caught.value.field == field, (kind, changes, caught.value)
        assert records.get(store, kind, reference) == current
    assert store_counts(store) == before
    assert records.get(store, "finding", finding.id).produced_from == finding.produced_from


def test_numbers_and_names_are_stored_as_they_read(store: stores.Store,
                                                   case_file: CaseFile) -> None:
    link = records.create(store, "link", LINK | {"value": "12,50", "quantity": "400"})
    assert (link.value, link.quantity) == (Decimal("12.50"), 400)
    item = records.create(store, "item", ITEM | {"latitude": "50,45", "longitude": "30,5"})
    assert (item.latitude, item.longitude) == (50.45, 30.5)
    # Typed with a combining diaeresis, the reference is the same as with the composed letter.
    composed = "CASE-Z" + unicodedata.lookup("LATIN SMALL LETTER U WITH DIAERESIS") + "rich-1"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    zurich = records.create(store, "item", ITEM | {"case_reference": decomposed})
    assert zurich.case_reference == composed
    assert records.get(store, "item", decomposed).id == zurich.id
    with pytest.raises(ValidationError, match="already exists"):
        records.create(store, "item", ITEM | {"case_reference": composed})


def test_limits_on_listing_are_checked(store: stores.Store) -> None:
    for limit in (0, 10_001):
        with pytest.raises(ValidationError) as caught:
            records.list_records(store, "item", limit=limit)
        assert caught.value.field == "limit"
    with pytest.raises(ValidationError) as caught:
        records.list_records(store, "finding", filters={"item_id": "CASE-NOPE"})
    assert caught.value.field == "item_id"


def test_unknown_kind_is_refused(store: stores.Store) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create(store, "weapon", {"name": "x"})
    assert caught.value.field == "kind"


def test_names_in_any_script_match_whatever_their_case(store: stores.Store,
                                                       case_file: Any) -> None:
    item = records.create(store, "item", {"system_type_id": "Kh-101",
                                           "case_reference": "UA-КИЇВ-1"})
    assert records.get(store, "item", "ua-київ-1").id == item.id
    with pytest.raises(ValidationError, match="already exists"):
        records.create(store, "item", {"system_type_id": "Kh-101",
                                       "case_reference": "UA-київ-1"})
