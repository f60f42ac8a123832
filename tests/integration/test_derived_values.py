"""Values the store works out itself: search keys, CHPL tiers, production periods, names."""

from __future__ import annotations

from datetime import date

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.services import records, stores

from .support import CASE, CaseFile


def test_part_keys_and_chpl_tier_come_from_what_was_typed(store: stores.Store,
                                                           case_file: CaseFile) -> None:
    part = case_file.part  # AD22100STZ, HS 8542.31
    assert (part.search_key, part.confusable_key) == ("AD22100STZ", "AD221005T2")
    assert (part.hs_code, part.chpl_tier) == ("854231", "1")

    typed = records.create(store, "part", {"part_number": "gw1n-uv9 ug169c6/i5",
                                           "hs_code": "8504 40 90"})
    assert typed.part_number == "gw1n-uv9 ug169c6/i5"  # kept as marked
    assert typed.search_key == "GW1NUV9UG169C6I5"
    assert (typed.hs_code, typed.chpl_tier) == ("85044090", "3.A")

    unlisted = records.create(store, "part", {"part_number": "M3 screw", "hs_code": "7318.15"})
    assert (unlisted.hs_code, unlisted.chpl_tier) == ("731815", "")


def test_part_tier_and_keys_follow_an_edit(store: stores.Store, case_file: CaseFile) -> None:
    changed = records.update(store, "part", case_file.part.id, 1,
                             {"part_number": "AD22100-KTZ", "hs_code": "8532.21"})
    assert (changed.search_key, changed.hs_code, changed.chpl_tier) == (
        "AD22100KTZ", "853221", "2")
    assert records.get(store, "part", "ad22100ktz").id == case_file.part.id
    cleared = records.update(store, "part", changed.id, changed.version, {"hs_code": ""})
    assert (cleared.hs_code, cleared.chpl_tier) == ("", "")


def test_finding_production_period_from_date_code(store: stores.Store,
                                                  case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ",
                                                "date_code": "2220"})
    assert finding.produced_from == date(2022, 5, 16)
    assert finding.produced_to == date(2022, 5, 22)
    assert finding.date_code_format == "YYWW"
    assert "2022 week 20" in finding.date_code_note


def test_ambiguous_date_code_leaves_the_period_empty_and_says_why(
        store: stores.Store, case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "date_code": "220"})
    assert finding.produced_from is None and finding.produced_to is None
    assert finding.date_code_format == ""
    assert "ambiguous" in finding.date_code_note
    assert "2012" in finding.date_code_note and "2022" in finding.date_code_note


def test_recovery_date_bounds_the_production_period(store: stores.Store,
                                                    case_file: CaseFile) -> None:
    # 2023 week 50 starts in December, after this item was recovered (2023-01-10).
    late = records.create(store, "finding", {"item_id": CASE, "date_code": "2350"})
    assert late.produced_from is None
    assert "after 2023-01-10" in late.date_code_note

    later_item = records.create(store, "item", {"system_type_id": "Kh-101",
                                                "case_reference": "CASE-2024-002",
                                                "recovered_on": "2024-03-01"})
    moved = records.update(store, "finding", late.id, late.version,
                           {"item_id": later_item.case_reference})
    assert moved.produced_from == date(2023, 12, 11)
    assert moved.case_reference == "CASE-2024-002"


def test_changing_the_date_code_recomputes_the_period(store: stores.Store,
                                                      case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "date_code": "2220"})
    changed = records.update(store, "finding", finding.id, finding.version,
                             {"date_code": "2021-03"})
    assert (changed.produced_from, changed.produced_to) == (date(2021, 3, 1), date(2021, 3, 31))
    assert changed.date_code_format == "YYYY-MM"
    cleared = records.update(store, "finding", finding.id, changed.version, {"date_code": ""})
    assert (cleared.produced_from, cleared.date_code_note) == (None, "")


def test_finding_takes_its_manufacturer_from_its_part(store: stores.Store,
                                                      case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ"})
    assert finding.manufacturer_id == case_file.maker.id
    assert finding.manufacturer_name == "Analog Devices, Inc."
    assert finding.part_number == "AD22100STZ"
    assert finding.identification == "part"

    with pytest.raises(ValidationError) as caught:
        records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ",
                                          "manufacturer_id": "Northwind Components GmbH"})
    assert caught.value.field == "manufacturer_id"


def test_identification_is_derived_from_what_is_known(store: stores.Store,
                                                      case_file: CaseFile) -> None:
    by_maker = records.create(store, "finding", {"item_id": CASE, "manufacturer_id": "ADI"})
    unknown = records.create(store, "finding", {"item_id": CASE, "marking": "337 G 00A02"})
    assert by_maker.identification == "manufacturer"
    assert unknown.identification == "unidentified"
    assert (unknown.part_id, unknown.manufacturer_id) == (None, None)

    identified = records.update(store, "finding", unknown.id, unknown.version,
                                {"part_id": "AD22100STZ"})
    assert identified.identification == "part"
    assert identified.manufacturer_id == case_file.maker.id
    # Without its part the finding still names the maker the part had.
    unlinked = records.update(store, "finding", unknown.id, identified.version, {"part_id": ""})
    assert (unlinked.identification, unlinked.part_id) == ("manufacturer", None)
    assert unlinked.manufacturer_id == case_file.maker.id


def test_changing_the_part_of_a_finding_changes_its_manufacturer(
        store: stores.Store, case_file: CaseFile) -> None:
    other_maker = records.create(store, "org", {"name": "Gowin Semiconductor"})
    records.create(store, "part", {"part_number": "GW1N-UV9UG169C6/I5",
                                   "manufacturer_id": other_maker.id})
    finding = records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ"})
    changed = records.update(store, "finding", finding.id, finding.version,
                             {"part_id": "GW1NUV9UG169C6I5"})
    assert changed.part_number == "GW1N-UV9UG169C6/I5"
    assert changed.manufacturer_id == other_maker.id
    assert changed.manufacturer_name == "Gowin Semiconductor"


def test_org_name_key_ignores_case_accents_and_punctuation(store: stores.Store) -> None:
    org = records.create(store, "org", {"name": "Électro-Pribor, OOO"})
    assert records.get(store, "org", "electro pribor ooo").id == org.id
    renamed = records.update(store, "org", org.id, org.version, {"name": "Elektropribor JSC"})
    assert records.get(store, "org", "ELEKTROPRIBOR jsc").id == org.id
    assert renamed.name == "Elektropribor JSC"
    assert records.list_records(store, "org", filters={"name": "Électro-Pribor, OOO"}).rows == ()


def test_org_successor_name_is_shown(store: stores.Store, case_file: CaseFile) -> None:
    brand = records.create(store, "org", {"name": "Linear Technology",
                                          "successor_id": "Analog Devices, Inc."})
    assert brand.successor_id == case_file.maker.id
    assert brand.successor_name == "Analog Devices, Inc."
    with pytest.raises(ValidationError) as caught:
        records.update(store, "org", brand.id, brand.version, {"successor_id": brand.id})
    assert caught.value.field == "successor_id"


def test_citations_are_stored_and_returned(store: stores.Store, case_file: CaseFile) -> None:
    both = tuple(sorted((case_file.source.id, case_file.other_source.id)))
    finding = records.create(store, "finding", {"item_id": CASE,
                                                "source_ids": [case_file.source.id]})
    assert finding.source_ids == (case_file.source.id,)
    cited = records.update(store, "finding", finding.id, finding.version,
                           {"source_ids": [str(s) for s in reversed(both)]})
    assert cited.source_ids == both
    assert cited.version == finding.version + 1
    assert records.get(store, "finding", finding.id).source_ids == both
    listed = records.list_records(store, "finding", filters={"item_id": CASE}).rows
    assert [f.source_ids for f in listed] == [both]
    uncited = records.update(store, "finding", finding.id, cited.version, {"source_ids": []})
    assert uncited.source_ids == ()


def test_link_found_through_a_finding_takes_its_part(store: stores.Store,
                                                     case_file: CaseFile) -> None:
    finding = records.create(store, "finding", {"item_id": CASE, "part_id": "AD22100STZ"})
    link = records.create(store, "link", {"seller_id": "ADI", "buyer_id": "Northwind "
                                          "Components GmbH", "finding_id": str(finding.id)})
    assert link.part_id == case_file.part.id
    assert link.part_number == "AD22100STZ"
    assert link.status == "hypothesis"
