"""Search, seen-before, saved searches and exports, on SQLite and on PostgreSQL.

Every test gets a small case file made for searching (`case`): a family of STM32F7 parts
and unrelated ones, a number holding the query only in its middle, one reachable only as a
misreading, findings with several marking lines in items of two system types, makers with
predecessors, sanctions designations and supply links.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from openpyxl import load_workbook

from forensics_gui.core.errors import KnownError, MediaError, NotFoundError, ValidationError
from forensics_gui.core.search import SearchHit, SearchResults, terms_of
from forensics_gui.services import records, search_lists, stores
from forensics_gui.services.search import index_status, reindex, search, seen_before

from .support import store_counts

# Milandr's microcontroller as marked, in Cyrillic: 1986ВЕ91Т.
MILANDR_PART = "1986" + "".join(unicodedata.lookup(f"CYRILLIC CAPITAL LETTER {name}")
                                 for name in ("VE", "IE")) + "91" + unicodedata.lookup(
    "CYRILLIC CAPITAL LETTER TE")
FORMULA_PART = "=HYPERLINK(\"http://x.test\")"

SYSTEMS = (("Shahed-136", ["Geran-2"]), ("Orlan-10", []))
ITEMS = (("CASE-SH-1", "Shahed-136", date(2023, 1, 10)),
         ("CASE-SH-2", "Shahed-136", date(2023, 6, 1)),
         ("CASE-OR-1", "Orlan-10", date(2022, 10, 1)))
# (name, country, successor)
ORGS = (("STMicroelectronics", "CH", None), ("AMD", "US", None), ("Xilinx", "US", "AMD"),
        ("Analog Devices", "US", None), ("Linear Technology", "US", "Analog Devices"),
        ("GigaDevice Semiconductor", "CN", None), ("Milandr", "RU", None),
        ("Hirose Electric", "JP", None), ("Diodes Incorporated", "US", None),
        ("Zetex Semiconductors", "GB", "Diodes Incorporated"),
        ("Ferranti Semiconductors", "GB", "Zetex Semiconductors"),
        ("Northwind Components GmbH", "DE", None), ("Harbour Star Electronics Ltd", "HK", None),
        ("Gulf Bridge Trading FZE", "AE", None))
# (part number, maker, HS code); inserted with the two STM32F7 families interleaved.
PARTS = (("STM32F765VIT6", "STMicroelectronics", "8542.31"),
         ("STM32F767ZIT6", "STMicroelectronics", "8542.31"),
         ("STM32F765ZIT6", "STMicroelectronics", "8542.31"),
         ("STM32F767VIT6", "STMicroelectronics", "8542.31"),
         ("STM32F765VIT6TR", "STMicroelectronics", "8542.31"),
         ("EVB-STM32F765VIT6", None, ""),  # holds the whole number only in its middle
         ("STM32F765V1T6", None, ""),  # as misread off a chip: I read as 1
         ("XC7A35T-1CSG324C", "Xilinx", "8542.39"),
         ("LT1086CM", "Linear Technology", "8542.39"),
         ("AD22100STZ", "Analog Devices", "8542.39"),
         ("GD32F303CCT6", "GigaDevice Semiconductor", "8542.31"),
         (MILANDR_PART, "Milandr", "8542.31"),
         ("DF13-6P-1.25DSA", "Hirose Electric", "8536.69"),
         ("ZXCT1009FTA", "Zetex Semiconductors", "8542.39"),
         (FORMULA_PART, None, ""))
# (name, item, part, marking, date code, confidence, sources)
FINDINGS = (
    ("sh1-stm", "CASE-SH-1", "STM32F765VIT6", "STM32F765\nVIT6\nGH22V 93\nCHN 2220", "2220",
     "high", ["War & Sanctions portal"]),
    ("sh2-stm", "CASE-SH-2", "STM32F765VIT6", "STM32F765VIT6\nCHN 305", "2305", "medium", []),
    ("or1-stm", "CASE-OR-1", "STM32F765VIT6", "STM32F765VIT6", "2131", "low", []),
    ("or1-fpga", "CASE-OR-1", "XC7A35T-1CSG324C", "XC7A35T\n1CSG324C", "1945", "high",
     ["RUSI teardown"]),
    ("sh1-lt", "CASE-SH-1", "LT1086CM", "LT1086CM\n1812", "1812", "high", []),
    ("sh2-adi", "CASE-SH-2", "AD22100STZ", "AD22100\nSTZ #2305", "2305", "high", []),
    ("sh2-gd", "CASE-SH-2", "GD32F303CCT6", "GD32F303\nCCT6", "2140", "medium", []),
    ("sh1-unknown", "CASE-SH-1", None, "XQ4R 17\nKZ-09", "", "medium", []),
    ("or1-unknown", "CASE-OR-1", None, "XQ4R17\nPHL 1720", "1720", "medium", []),
    ("sh1-cyrillic", "CASE-SH-1", MILANDR_PART, MILANDR_PART, "", "medium", []),
)


@dataclass
class Case:
    """The store and the ids of what `case` made in it, by name."""

    store: stores.Store
    ids: dict[str, UUID]

    def name_of(self, record_id: UUID) -> str:
        return next(name for name, known in self.ids.items() if known == record_id)


@pytest.fixture
def case(store: stores.Store) -> Case:
    ids: dict[str, UUID] = {}
    with store.writing() as uow:
        def add(name: str, kind: str, values: dict[str, Any]) -> None:
            ids[name] = records.create_in(uow, kind, values).id

        for title in ("War & Sanctions portal", "RUSI teardown"):
            add(title, "source", {"title": title})
        for name, aliases in SYSTEMS:
            add(name, "system", {"name": name, "aliases": aliases})
        for reference, system, recovered in ITEMS:
            add(reference, "item", {"system_type_id": system, "case_reference": reference,
                                    "recovered_on": recovered})
        for name, country, successor in ORGS:
            add(name, "org", {"name": name, "country": country, "successor_id": successor})
        for number, maker, hs_code in PARTS:
            add(number, "part", {"part_number": number, "manufacturer_id": maker,
                                 "hs_code": hs_code})
        for name, item, part, marking, code, confidence, sources in FINDINGS:
            add(name, "finding", {"item_id": item, "part_id": part, "marking": marking,
                                  "date_code": code, "confidence": confidence,
                                  "source_ids": [ids[title] for title in sources]})
        _supply_chain(add)
    return Case(store, ids)


def _supply_chain(add: Callable[[str, str, dict[str, Any]], None]) -> None:
    """Harbour Star (designated) bought STM32F765VIT6; Milandr (the maker) is designated;
    Gulf Bridge bought AD22100STZ but its designation was lifted."""
    add("link-stm", "link", {"seller_id": "Northwind Components GmbH",
                             "buyer_id": "Harbour Star Electronics Ltd",
                             "part_id": "STM32F765VIT6"})
    add("link-adi", "link", {"seller_id": "Analog Devices", "buyer_id": "Gulf Bridge Trading FZE",
                             "part_id": "AD22100STZ"})
    add("ofac-harbour", "designation", {"organization_id": "Harbour Star Electronics Ltd",
                                        "authority": "OFAC", "listed_on": date(2023, 5, 19)})
    add("eu-milandr", "designation", {"organization_id": "Milandr", "authority": "EU",
                                      "listed_on": date(2022, 6, 3)})
    add("uk-gulf", "designation", {"organization_id": "Gulf Bridge Trading FZE",
                                   "authority": "UK", "listed_on": date(2023, 1, 2),
                                   "delisted_on": date(2023, 9, 1)})


def titles(results: SearchResults, kind: str) -> list[str]:
    return [hit.title for hit in results.groups.get(kind, ())]


def matches(results: SearchResults, kind: str) -> dict[str, str]:
    """{title: how it matched} of one group."""
    return {hit.title: hit.match for hit in results.groups.get(kind, ())}


def found(case: Case, results: SearchResults, kind: str) -> set[str]:
    """The names (as `case` made them) of the records of one group."""
    return {case.name_of(hit.record_id) for hit in results.groups.get(kind, ())}


# ------------------------------------------------------------------ ranking
def test_exact_then_prefix_then_substring_then_misread(case: Case) -> None:
    results = search(case.store, "STM32F765VIT6")
    assert [(hit.title, hit.match) for hit in results.groups["part"]] == [
        ("STM32F765VIT6", "exact"), ("STM32F765VIT6TR", "prefix"),
        ("EVB-STM32F765VIT6", "substring"), ("STM32F765V1T6", "misread")]
    assert results.notice == ""


def test_a_misreading_is_found_but_only_as_a_misreading(case: Case) -> None:
    for typed in ("5TM32F765V1T6", "STM32F76SVIT6"):
        parts = matches(search(case.store, typed), "part")
        assert parts["STM32F765VIT6"] == "misread", typed
        assert "STM32F767VIT6" not in parts, typed


def test_misreadings_stored_first_do_not_crowd_out_a_substring_match(case: Case) -> None:
    # Misreadings of QBOX (Q80X...) stored before the one real substring match: one look into
    # the confusable-key index hands back the first few only; the real match must still come.
    for n in range(6):
        records.create(case.store, "part", {"part_number": f"Q80X{n}"})
    records.create(case.store, "part", {"part_number": "ZQBOX9"})
    hits = search(case.store, "QBOX", kinds=["part"], limit=2).groups["part"]
    assert [(hit.title, hit.match) for hit in hits] == [("ZQBOX9", "substring"),
                                                        ("Q80X0", "misread")]


def test_a_long_query_finds_matches_and_misreadings_in_one_look(case: Case) -> None:
    # A whole number typed (8 characters or more): substring matches and misreadings come
    # from one look into the confusable-key index and are still ranked apart.
    records.create(case.store, "part", {"part_number": "XQ5VLX110T-1FF1136I"})
    records.create(case.store, "part", {"part_number": "XQ5VLXIIOT-1FF1136I"})  # misread 1
    records.create(case.store, "part", {"part_number": "XQ5VLX110T"})
    hits = search(case.store, "XQ5VLX110T", kinds=["part"]).groups["part"]
    assert [(hit.title, hit.match) for hit in hits] == [
        ("XQ5VLX110T", "exact"), ("XQ5VLX110T-1FF1136I", "prefix"),
        ("XQ5VLXIIOT-1FF1136I", "misread")]
    hits = search(case.store, "VLX110T1FF", kinds=["part"]).groups["part"]
    assert [(hit.title, hit.match) for hit in hits] == [
        ("XQ5VLX110T-1FF1136I", "substring"), ("XQ5VLXIIOT-1FF1136I", "misread")]


def test_misreadings_of_a_long_query_do_not_crowd_out_its_matches(case: Case) -> None:
    # The one look for a long query brings misreadings stored first and fills up with them:
    # substring matches stored later must still come first.
    for n in range(6):
        records.create(case.store, "part", {"part_number": f"Q80XL1NK{n}"})
    records.create(case.store, "part", {"part_number": "ZQBOXLINK9"})
    records.create(case.store, "part", {"part_number": "ZQBOXLINK8"})
    hits = search(case.store, "QBOXLINK", kinds=["part"], limit=3).groups["part"]
    assert [hit.match for hit in hits] == ["substring", "substring", "misread"]
    assert {hit.title for hit in hits[:2]} == {"ZQBOXLINK9", "ZQBOXLINK8"}


def test_a_record_found_through_several_terms_counts_once(case: Case) -> None:
    # Each marking has two matching lines: the first rows the index hands back hold fewer
    # records than the list has room for, so it is asked again; the list fills up and says
    # there is more. (Two characters: only the prefix look runs, no later one makes up.)
    for n in range(3):
        records.create(case.store, "finding", {"item_id": case.ids["CASE-SH-1"],
                                               "marking": f"ZZLINE{n}A\nZZLINE{n}B"})
    found = search(case.store, "ZZ", kinds=["finding"], limit=2)
    assert [hit.title for hit in found.groups["finding"]] == ["ZZLINE0A", "ZZLINE1A"]
    assert "finding" in found.more
    assert "finding" not in search(case.store, "ZZ", kinds=["finding"], limit=3).more


def test_families_are_kept_together(case: Case) -> None:
    # A substring of both STM32F76x families, whose members were stored interleaved.
    hits = search(case.store, "32F76").groups["part"]
    families = [hit.family for hit in hits]
    assert {"STM32F765", "STM32F767"} <= set(families)
    runs = [family for i, family in enumerate(families) if i == 0 or families[i - 1] != family]
    assert len(runs) == len(set(runs)), families  # each family in one run
    assert families.count("STM32F767") == 2


def test_results_are_cut_at_the_limit_and_say_so(case: Case) -> None:
    results = search(case.store, "STM32F7", limit=2)
    assert len(results.groups["part"]) == 2 and "part" in results.more
    assert "part" not in search(case.store, "STM32F7", limit=50).more


# ------------------------------------------------------------------ typing
@pytest.mark.parametrize("typed", ["stm32-f765", "STM32 F765", "stm32/f765", "ＳＴＭ３２Ｆ７６５"])
def test_case_and_separators_are_ignored(case: Case, typed: str) -> None:
    parts = matches(search(case.store, typed), "part")
    assert parts["STM32F765VIT6"] == "prefix"
    assert "STM32F767ZIT6" not in parts


def test_cyrillic_number_is_found_typed_in_latin(case: Case) -> None:
    parts = matches(search(case.store, "1986be91t"), "part")
    assert parts == {MILANDR_PART: "exact"}


def test_two_characters_find_prefixes_and_ask_for_a_third(case: Case) -> None:
    results = search(case.store, "st")
    assert "at least 3" in results.notice
    parts = matches(results, "part")
    assert {"STM32F765VIT6", "STM32F767ZIT6"} <= parts.keys()
    assert set(parts.values()) == {"prefix"}
    assert "EVB-STM32F765VIT6" not in parts  # only found anywhere from 3 characters on
    assert titles(results, "org") == ["STMicroelectronics"]


def test_three_characters_find_a_substring_anywhere(case: Case) -> None:
    results = search(case.store, "f76")
    assert results.notice == ""
    parts = matches(results, "part")
    assert parts["EVB-STM32F765VIT6"] == "substring"
    assert parts["STM32F767ZIT6"] == "substring"


def test_marking_lines_system_item_and_source_are_searched(case: Case) -> None:
    assert found(case, search(case.store, "GH22V93"), "finding") == {"sh1-stm"}
    assert found(case, search(case.store, "geran 2"), "system") == {"Shahed-136"}
    assert found(case, search(case.store, "case-sh"), "item") == {"CASE-SH-1", "CASE-SH-2"}
    assert found(case, search(case.store, "rusi"), "source") == {"RUSI teardown"}


@pytest.mark.parametrize(("typed", "notice"), [
    ("", "Type a part number"), ("   ", "Type a part number"),
    ("%%%", "Nothing to look for"), ("- / -", "Nothing to look for")])
def test_nothing_to_look_for_gives_a_notice_and_no_results(case: Case, typed: str,
                                                           notice: str) -> None:
    results = search(case.store, typed)
    assert len(results) == 0 and notice in results.notice


def test_bad_kind_and_limit_are_refused(case: Case) -> None:
    with pytest.raises(ValidationError) as raised:
        search(case.store, "STM32", kinds=("part", "photo"))
    assert raised.value.field == "kinds"
    with pytest.raises(ValidationError) as raised:
        search(case.store, "STM32", limit=0)
    assert raised.value.field == "limit"


# ------------------------------------------------------------ makers' names
def test_an_acquired_company_finds_the_buyer_as_alias(case: Case) -> None:
    orgs = {hit.title: hit for hit in search(case.store, "Xilinx").groups["org"]}
    assert orgs["Xilinx"].match == "exact"
    assert orgs["AMD"].match == "alias" and "Xilinx" in orgs["AMD"].note


def test_the_buyer_finds_the_company_it_acquired(case: Case) -> None:
    orgs = matches(search(case.store, "AMD"), "org")
    assert orgs["AMD"] == "exact" and orgs["Xilinx"] == "alias"


def test_a_seeded_former_name_without_a_record_finds_the_company_now(case: Case) -> None:
    hits = search(case.store, "Maxim").groups["org"]
    assert (hits[0].title, hits[0].match) == ("Analog Devices", "alias")
    assert "Maxim" in hits[0].note
    # Linear Technology, also taken over by Analog Devices, is no relative of Maxim's.
    assert [hit.title for hit in hits] == ["Analog Devices"]


def test_a_company_name_added_by_a_user_is_found_at_once(case: Case) -> None:
    assert "org" not in search(case.store, "Vektor Komponent").groups
    records.create(case.store, "alias", {"name": "Vektor Komponent",
                                         "current_name": "Harbour Star Electronics Ltd",
                                         "relation": "renamed", "year": 2023})
    orgs = matches(search(case.store, "vektor komponent"), "org")
    assert orgs == {"Harbour Star Electronics Ltd": "alias"}


def test_successors_along_the_chain(case: Case) -> None:
    hits = {hit.title: hit for hit in search(case.store, "Ferranti").groups["org"]}
    assert hits["Ferranti Semiconductors"].match == "prefix"
    assert hits["Zetex Semiconductors"].match == "successor"
    assert hits["Diodes Incorporated"].match == "successor"
    assert "Ferranti Semiconductors" in hits["Diodes Incorporated"].note


def test_predecessors_of_a_company(case: Case) -> None:
    hits = {hit.title: hit for hit in search(case.store, "Diodes Incorporated").groups["org"]}
    assert hits["Diodes Incorporated"].match == "exact"
    assert hits["Zetex Semiconductors"].match == hits["Ferranti Semiconductors"].match \
        == "predecessor"
    assert "now part of Diodes Incorporated" in (hits["Zetex Semiconductors"].note,
                                                 hits["Zetex Semiconductors"].detail)
    assert hits["Ferranti Semiconductors"].note == "now part of Diodes Incorporated"


def test_companies_taken_over_by_one_successor_are_not_each_others_successors(
        case: Case) -> None:
    infineon = records.create(case.store, "org", {"name": "Infineon Technologies",
                                                  "country": "DE"})
    for name in ("Cypress", "International Rectifier"):
        records.create(case.store, "org", {"name": name, "country": "US",
                                           "successor_id": infineon.id})
    hits = {hit.title: hit for hit in search(case.store, "Cypress").groups["org"]}
    assert set(hits) == {"Cypress", "Infineon Technologies"}
    assert hits["Cypress"].match == "exact"
    assert "now part of Infineon Technologies" in hits["Cypress"].detail.split(" · ")
    assert hits["Infineon Technologies"].match in ("alias", "successor")
    # The buyer finds both, as what they were before it.
    hits = {hit.title: hit for hit in search(case.store, "Infineon").groups["org"]}
    assert set(hits) == {"Infineon Technologies", "Cypress", "International Rectifier"}
    assert all(hits[name].match in ("alias", "predecessor")
               for name in ("Cypress", "International Rectifier"))
    rectifier = hits["International Rectifier"]
    assert "now part of Infineon Technologies" in f"{rectifier.note} · {rectifier.detail}"


def test_a_misspelt_maker_is_found_by_similar_spelling(case: Case) -> None:
    hits = search(case.store, "Analog Devises").groups["org"]
    # The company found, then the one it took over, both ranked as a similar spelling.
    assert [(hit.title, hit.match) for hit in hits] == [("Analog Devices", "fuzzy"),
                                                        ("Linear Technology", "fuzzy")]
    assert hits[1].note == "now part of Analog Devices"


# ------------------------------------------------------------------ filters
# (filters, parts expected, findings expected)
FILTER_CASES: list[tuple[dict[str, Any], set[str], set[str]]] = [
    ({"system_id": "Orlan-10"}, {"STM32F765VIT6", "XC7A35T-1CSG324C"},
     {"or1-stm", "or1-fpga", "or1-unknown"}),
    ({"system_id": "Geran-2"}, {"STM32F765VIT6", "LT1086CM", "AD22100STZ", "GD32F303CCT6",
                                MILANDR_PART},
     {"sh1-stm", "sh2-stm", "sh1-lt", "sh2-adi", "sh2-gd", "sh1-unknown", "sh1-cyrillic"}),
    ({"item_id": "CASE-SH-2"}, {"STM32F765VIT6", "AD22100STZ", "GD32F303CCT6"},
     {"sh2-stm", "sh2-adi", "sh2-gd"}),
    ({"manufacturer_id": "Analog Devices"}, {"AD22100STZ", "LT1086CM"}, {"sh2-adi", "sh1-lt"}),
    ({"manufacturer_id": "Diodes Incorporated"}, {"ZXCT1009FTA"}, set()),
    ({"manufacturer_country": "cn"}, {"GD32F303CCT6"}, {"sh2-gd"}),
    ({"chpl_tier": "3.a"}, {"DF13-6P-1.25DSA"}, set()),
    ({"hs_code": "8542.39"}, {"XC7A35T-1CSG324C", "LT1086CM", "AD22100STZ", "ZXCT1009FTA"},
     {"or1-fpga", "sh1-lt", "sh2-adi"}),
    ({"hs_code": "8536"}, {"DF13-6P-1.25DSA"}, set()),
    ({"produced_after": "2022-01-01"}, {"STM32F765VIT6", "AD22100STZ"},
     {"sh1-stm", "sh2-stm", "sh2-adi"}),
    ({"produced_before": "2019-12-31"}, {"XC7A35T-1CSG324C", "LT1086CM"},
     {"or1-fpga", "sh1-lt", "or1-unknown"}),
    ({"produced_after": "2021-01-01", "produced_before": "2021-12-31"},
     {"STM32F765VIT6", "GD32F303CCT6"}, {"or1-stm", "sh2-gd"}),
    ({"sanctioned": "yes"}, {"STM32F765VIT6", MILANDR_PART},
     {"sh1-stm", "sh2-stm", "or1-stm", "sh1-cyrillic"}),
    ({"confidence": "low"}, {"STM32F765VIT6"}, {"or1-stm"}),
    ({"source_id": "RUSI teardown"}, {"XC7A35T-1CSG324C"}, {"or1-fpga"}),
    ({"system_id": "Shahed-136", "manufacturer_id": "STMicroelectronics"}, {"STM32F765VIT6"},
     {"sh1-stm", "sh2-stm"}),
]


@pytest.mark.parametrize(("filters", "parts", "findings"), FILTER_CASES,
                         ids=[" ".join(f) for f, _, _ in FILTER_CASES])
def test_each_filter_lists_what_meets_it(case: Case, filters: dict[str, Any], parts: set[str],
                                         findings: set[str]) -> None:
    results = search(case.store, "", filters=filters)
    assert set(results.groups) <= {"part", "finding"}
    assert found(case, results, "part") == parts
    assert found(case, results, "finding") == findings
    assert {hit.match for hit in results.hits} <= {"filter"}
    assert results.filters


def test_not_sanctioned_lists_every_other_part(case: Case) -> None:
    parts = found(case, search(case.store, "", filters={"sanctioned": "no"}), "part")
    every = {number for number, _, _ in PARTS}
    assert parts == every - {"STM32F765VIT6", MILANDR_PART}
    assert "AD22100STZ" in parts  # its buyer's designation was lifted


def test_filters_narrow_a_query_to_parts_and_findings(case: Case) -> None:
    results = search(case.store, "STM32F765", filters={"system_id": "Orlan-10"})
    assert set(results.groups) == {"part", "finding"}
    assert titles(results, "part") == ["STM32F765VIT6"]
    assert found(case, results, "finding") == {"or1-stm"}
    unfiltered = search(case.store, "STM32F765")
    assert len(unfiltered.groups["part"]) > 1


def test_filter_on_a_predecessor_of_a_part_maker(case: Case) -> None:
    results = search(case.store, "LT1086", filters={"manufacturer_id": "analog devices"})
    assert titles(results, "part") == ["LT1086CM"]
    assert titles(search(case.store, "LT1086", filters={"manufacturer_id": "AMD"}), "part") == []


@pytest.mark.parametrize(("filters", "label"), [
    ({"system_id": "Buran-9"}, "weapon system type"),
    ({"item_id": "CASE-NOPE-1"}, "recovered item"),
    ({"manufacturer_id": "No Such Semiconductor"}, "manufacturer"),
    ({"source_id": "0190a8f2-3c4d-7e5f-8a9b-0c1d2e3f4a5b"}, "source"),
    ({"produced_after": "last year"}, "produced after"),
    ({"sanctioned": "perhaps"}, "sanctioned company in supply chain"),
])
def test_unknown_reference_in_a_filter_names_the_filter(case: Case, filters: dict[str, Any],
                                                        label: str) -> None:
    with pytest.raises(ValidationError) as raised:
        search(case.store, "STM32", filters=filters)
    assert raised.value.field == label


# ------------------------------------------------------ index kept current
def test_a_new_record_is_found_at_once(case: Case) -> None:
    assert "part" not in search(case.store, "LM358DR").groups
    records.create(case.store, "part", {"part_number": "LM358DR", "manufacturer_id": "AMD"})
    assert matches(search(case.store, "lm358"), "part") == {"LM358DR": "prefix"}


def test_a_renamed_part_number_is_found_under_the_new_one_only(case: Case) -> None:
    part = records.get(case.store, "part", "STM32F765VIT6TR")
    records.update(case.store, "part", part.id, part.version, {"part_number": "STM32H743VIT6"})
    assert "STM32F765VIT6TR" not in titles(search(case.store, "STM32F765VIT6"), "part")
    assert matches(search(case.store, "STM32H743"), "part") == {"STM32H743VIT6": "prefix"}


def test_an_edited_marking_is_found_under_the_new_lines_only(case: Case) -> None:
    finding = records.get(case.store, "finding", case.ids["sh1-unknown"])
    records.update(case.store, "finding", finding.id, finding.version,
                   {"marking": "MX25L6433F\nM2I-08G"})
    assert found(case, search(case.store, "XQ4R17"), "finding") == {"or1-unknown"}
    assert found(case, search(case.store, "MX25L6433"), "finding") == {"sh1-unknown"}
    assert found(case, search(case.store, "M2I08G"), "finding") == {"sh1-unknown"}


def test_an_organization_alias_added_later_is_found(case: Case) -> None:
    org = records.get(case.store, "org", "Harbour Star Electronics Ltd")
    records.update(case.store, "org", org.id, org.version, {"aliases": ["HSE Trading HK"]})
    first = search(case.store, "hse trading").groups["org"][0]
    assert (first.title, first.match, first.matched) == (
        "Harbour Star Electronics Ltd", "prefix", "HSE Trading HK")


def test_a_deleted_record_is_no_longer_found(case: Case) -> None:
    records.delete(case.store, "part", "STM32F765V1T6")
    assert "STM32F765V1T6" not in titles(search(case.store, "STM32F765VIT6"), "part")
    assert "STM32F765V1T6" not in titles(search(case.store, "STM32F765V1T6"), "part")


def test_withdrawing_an_item_removes_its_findings_from_results(case: Case) -> None:
    before = search(case.store, "XQ4R17")
    assert found(case, before, "finding") == {"sh1-unknown", "or1-unknown"}
    records.withdraw(case.store, "item", "CASE-OR-1", None, "Recorded in error")
    assert found(case, search(case.store, "XQ4R17"), "finding") == {"sh1-unknown"}
    assert found(case, search(case.store, "XC7A35T"), "finding") == set()
    assert found(case, search(case.store, "case-or"), "item") == set()
    assert index_status(case.store)["terms"]["finding"] == _terms_of_findings(case.store)
    reindex(case.store)  # a rebuilt index leaves withdrawn records out too
    assert found(case, search(case.store, "XQ4R17"), "finding") == {"sh1-unknown"}


def _terms_of_findings(store: stores.Store) -> int:
    rows = records.list_records(store, "finding", limit=10_000).rows
    return sum(len(terms_of("finding", r)) for r in rows)


QUERIES = ("STM32F765VIT6", "32F76", "XQ4R17", "Xilinx", "Ferranti", "case-sh", "5TM32F765")


def _snapshot(store: stores.Store) -> list[list[tuple[str, Any, str, str]]]:
    # Within one tier the order is the database's (PostgreSQL's changes with its plan).
    return [sorted((h.kind, str(h.record_id), h.title, h.match) for h in search(store, q).hits)
            for q in QUERIES]


def test_reindex_gives_the_same_results(case: Case) -> None:
    before, status = _snapshot(case.store), index_status(case.store)
    assert all(before)
    with case.store.writing() as uow:  # the index lost (as after a crash mid-import)
        uow.session.connection().exec_driver_sql("DELETE FROM search_term")
    assert not any(_snapshot(case.store)[:3])
    counts = reindex(case.store)
    assert counts == status["terms"] == index_status(case.store)["terms"]
    assert _snapshot(case.store) == before


# ------------------------------------------------------------ seen before
def test_seen_before_for_a_part(case: Case) -> None:
    seen = seen_before(case.store, "part", "stm32f765vit6")
    assert (seen.findings, seen.items, seen.systems) == (3, 3, 2)
    assert seen.system_names == ("Orlan-10", "Shahed-136")
    assert (seen.first_recovered, seen.last_recovered) == (date(2022, 10, 1), date(2023, 6, 1))
    assert (seen.first_produced, seen.last_produced) == (date(2021, 8, 2), date(2023, 2, 5))
    assert "STM32F765VIT6" in seen.subject


def test_seen_before_for_a_maker_counts_its_predecessors(case: Case) -> None:
    seen = seen_before(case.store, "org", "Analog Devices")
    assert (seen.findings, seen.items, seen.systems) == (2, 2, 1)
    assert seen.system_names == ("Shahed-136",)
    assert (seen.first_recovered, seen.last_recovered) == (date(2023, 1, 10), date(2023, 6, 1))
    assert (seen.first_produced, seen.last_produced) == (date(2018, 3, 19), date(2023, 2, 5))
    assert "predecessors" in seen.subject


def test_seen_before_for_an_identified_finding_is_about_its_part(case: Case) -> None:
    seen = seen_before(case.store, "finding", case.ids["sh2-stm"])
    # The other findings of its part: the finding asked about is not counted, and says so.
    assert (seen.findings, seen.items, seen.systems) == (2, 2, 2)
    assert "STM32F765VIT6" in seen.subject and "other than this finding" in seen.subject
    assert "nor this finding" in seen.counted
    assert {case.name_of(e.finding_id) for e in seen.entries} == {"sh1-stm", "or1-stm"}
    assert {e.case_reference for e in seen.entries} == {"CASE-SH-1", "CASE-OR-1"}


def test_seen_before_for_an_unidentified_finding_compares_markings(case: Case) -> None:
    seen = seen_before(case.store, "finding", str(case.ids["sh1-unknown"]))
    assert (seen.findings, seen.items, seen.systems) == (1, 1, 1)
    assert seen.system_names == ("Orlan-10",)
    assert (seen.first_recovered, seen.last_recovered) == (date(2022, 10, 1), date(2022, 10, 1))
    assert (seen.first_produced, seen.last_produced) == (date(2017, 5, 15), date(2017, 5, 21))
    assert "XQ4R 17" in seen.subject
    assert [case.name_of(e.finding_id) for e in seen.entries] == ["or1-unknown"]
    assert seen.search == {"text": "XQ4R 17", "filters": {}}


def test_seen_before_and_the_search_it_opens_count_the_same_findings(case: Case) -> None:
    adi = seen_before(case.store, "org", "Analog Devices")
    listed = search(case.store, adi.search["text"], filters=adi.search["filters"])
    assert len(listed.groups["finding"]) == adi.findings == 2
    assert {h.record_id for h in listed.groups["finding"]} == {
        e.finding_id for e in adi.entries}
    # A withdrawn finding is neither counted, nor listed, nor found by the search.
    finding = records.get(case.store, "finding", case.ids["sh2-adi"])
    records.withdraw(case.store, "finding", finding.id, finding.version, "misread marking")
    adi = seen_before(case.store, "org", "Analog Devices")
    listed = search(case.store, adi.search["text"], filters=adi.search["filters"])
    assert len(listed.groups["finding"]) == adi.findings == len(adi.entries) == 1
    assert "Withdrawn findings are not counted" in adi.counted


def test_a_finding_identified_to_its_maker_only_is_named_by_what_it_is(case: Case) -> None:
    maker = records.get(case.store, "org", "Xilinx")
    item = records.get(case.store, "item", "CASE-SH-1")
    made = records.create(case.store, "finding", {
        "item_id": item.id, "identification": "manufacturer", "manufacturer_id": maker.id,
        "function": "FPGA"})
    hits = search(case.store, "", filters={"manufacturer_id": "Xilinx"}).groups["finding"]
    assert {h.title for h in hits if h.record_id == made.id} == {"FPGA by Xilinx"}
    seen = seen_before(case.store, "finding", made.id)
    assert seen.subject.startswith("maker Xilinx") and "or1-fpga" in {
        case.name_of(e.finding_id) for e in seen.entries}


def test_seen_before_for_a_part_never_found(case: Case) -> None:
    seen = seen_before(case.store, "part", "DF13-6P-1.25DSA")
    assert (seen.findings, seen.items, seen.systems, seen.first_recovered) == (0, 0, 0, None)


def test_seen_before_refuses_unknown_records_and_kinds(case: Case) -> None:
    with pytest.raises(ValidationError):
        seen_before(case.store, "part", "NO-SUCH-PART")
    with pytest.raises(ValidationError) as raised:
        seen_before(case.store, "item", "CASE-SH-1")
    assert raised.value.field == "kind"


# ------------------------------------------------------------ saved searches
def test_save_list_and_run_a_search(case: Case) -> None:
    search_lists.save_search(case.store, "STM32 in Orlans", "STM32",
                             {"system_id": "Orlan-10"}, "for the weekly report")
    search_lists.save_search(case.store, "All FPGAs", "XC7")
    assert [s.name for s in search_lists.saved_searches(case.store)] == [
        "All FPGAs", "STM32 in Orlans"]
    results = search_lists.run_saved(case.store, "stm32 in orlans")
    assert found(case, results, "finding") == {"or1-stm"}
    assert results.filters == {"system_id": "Orlan-10"}


def test_a_saved_search_sees_later_writes(case: Case) -> None:
    search_lists.save_search(case.store, "Orlan MCUs", "STM32", {"system_id": "Orlan-10"})
    records.create(case.store, "finding", {"item_id": "CASE-OR-1", "part_id": "STM32F767ZIT6",
                                           "marking": "STM32F767ZIT6"})
    results = search_lists.run_saved(case.store, "Orlan MCUs")
    assert set(titles(results, "part")) == {"STM32F765VIT6", "STM32F767ZIT6"}


def test_a_saved_search_name_is_not_taken_twice_unless_overwritten(case: Case) -> None:
    first = search_lists.save_search(case.store, "Makers", "Xilinx")
    with pytest.raises(ValidationError) as raised:
        search_lists.save_search(case.store, "Makers", "AMD")
    assert raised.value.field == "name"
    assert search_lists.run_saved(case.store, "Makers").query == "Xilinx"
    again = search_lists.save_search(case.store, "Makers", "AMD", overwrite=True)
    assert again.id == first.id and again.version == 2
    assert search_lists.run_saved(case.store, "Makers").query == "AMD"
    assert len(search_lists.saved_searches(case.store)) == 1


def test_saving_a_bad_search_is_refused_and_running_a_missing_one_too(case: Case) -> None:
    with pytest.raises(ValidationError) as raised:
        search_lists.save_search(case.store, "Too long", "A" * 301)
    assert raised.value.field == "query"
    with pytest.raises(ValidationError):
        search_lists.save_search(case.store, "Bad date", "X", {"produced_after": "soon"})
    with pytest.raises(NotFoundError):
        search_lists.run_saved(case.store, "Never saved")
    assert search_lists.saved_searches(case.store) == []


# ------------------------------------------------------------------ export
def _merged(*found: SearchResults) -> SearchResults:
    """The hits of several searches in one list (the first one's query and filters)."""
    groups: dict[str, tuple[SearchHit, ...]] = {}
    for results in found:
        for kind, hits in results.groups.items():
            groups[kind] = groups.get(kind, ()) + hits
    return SearchResults(found[0].query, groups, filters=found[0].filters)


def test_export_csv(case: Case, tmp_path: Path) -> None:
    # a part and a finding written in Cyrillic, and a part number a spreadsheet would run
    results = _merged(search(case.store, "1986BE91T"), search(case.store, "HYPERLINK"))
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "results.csv"
    assert search_lists.export_results(results, target) == len(results) == 3
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == list(search_lists.COLUMNS)
    found_column = [row[1] for row in rows]
    assert found_column[0] == MILANDR_PART  # Cyrillic kept as it was written
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert "'" + FORMULA_PART in found_column
    assert {row[0] for row in rows} == {"Parts", "Component findings"}
    assert {row[7] for row in rows} == {str(hit.record_id) for hit in results.hits}
    assert [p.name for p in folder.iterdir()] == ["results.csv"]  # no temporary left


def test_export_xlsx(case: Case, tmp_path: Path) -> None:
    results = _merged(search(case.store, "", filters={"sanctioned": "yes"}),
                      search(case.store, "HYPERLINK"))
    target = tmp_path / "results.xlsx"
    assert search_lists.export_results(results, target) == len(results)
    book = load_workbook(target)
    assert book.sheetnames == ["Results", "Search"]
    sheet = book["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == search_lists.COLUMNS
    assert {row[1] for row in rows[1:] if row[0] == "Parts"} == {
        "STM32F765VIT6", MILANDR_PART, FORMULA_PART}
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    about = dict(book["Search"].iter_rows(values_only=True))
    assert about["Filters"] == "sanctioned company in supply chain: yes"
    assert about["Records"] == str(len(results))


def test_export_refuses_other_formats_and_missing_folders(case: Case, tmp_path: Path) -> None:
    results = search(case.store, "STM32")
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("results.txt", "results.xls", "results"):
        with pytest.raises(ValidationError) as raised:
            search_lists.export_results(results, folder / name)
        assert raised.value.field == "file" and ".csv or .xlsx" in str(raised.value)
    with pytest.raises(MediaError, match="folder does not exist"):
        search_lists.export_results(results, folder / "missing" / "results.csv")
    assert list(folder.iterdir()) == []


def test_export_replaces_an_older_file_whole(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    target.write_text("old,content\n" * 1000, encoding="utf-8")
    search_lists.export_results(search(case.store, "XC7A35T"), target)
    text = target.read_text(encoding="utf-8-sig")
    assert "old,content" not in text and "XC7A35T-1CSG324C" in text


# ------------------------------------------------------------ hostile input
HOSTILE = [
    "'", '"', "NEAR(a b)", "a OR b", '"', "*", "^x", "col:x", "-x", "%", "_", "\\", "%_%",
    "\x00", "STM32\x00F765", "\x1b[31m", "\t\n", "שלום", "مرحبا", "\u202eSTM32F765", "芯片",
    "🚀🔥", "A" * 300, "'; DROP TABLE part; --", "STM32%", "ST_M32", "x' OR '1'='1",
]


@pytest.mark.parametrize("typed", HOSTILE, ids=[repr(h[:20]) for h in HOSTILE])
def test_hostile_queries_give_results_or_a_clear_refusal(case: Case, typed: str) -> None:
    before = store_counts(case.store)
    try:
        search(case.store, typed)
        search(case.store, typed, filters={"system_id": "Orlan-10"})
    except KnownError as error:
        assert isinstance(error, ValidationError), error
    assert store_counts(case.store) == before


def test_wildcards_are_not_wildcards(case: Case) -> None:
    assert len(search(case.store, "%_%")) == 0
    assert titles(search(case.store, "STM32%F765VIT6"), "part")[0] == "STM32F765VIT6"
    assert "STM32F767ZIT6" not in titles(search(case.store, "STM32F76_ZIT6"), "part")


def test_other_scripts_and_control_characters_are_searched_as_text(case: Case) -> None:
    assert titles(search(case.store, "\u202eSTM32F765VIT6"), "part")[0] == "STM32F765VIT6"
    assert titles(search(case.store, "\x00STM32F765VIT6\t\n"), "part")[0] == "STM32F765VIT6"
    records.create(case.store, "source", {"title": "芯片 拆解报告"})
    assert titles(search(case.store, "芯片"), "source") == ["芯片 拆解报告"]


def test_a_very_long_query_is_refused_naming_the_query(case: Case) -> None:
    assert len(search(case.store, "A" * 300)) == 0
    with pytest.raises(ValidationError) as raised:
        search(case.store, "A" * 10_000)
    assert raised.value.field == "query"


def test_sql_injection_changes_nothing(case: Case) -> None:
    before = store_counts(case.store)
    for typed in ("'; DROP TABLE part; --", "x'); DELETE FROM search_term; --"):
        search(case.store, typed)
    assert store_counts(case.store) == before
    assert records.count(case.store, "part") == len(PARTS)
    assert titles(search(case.store, "STM32F765VIT6"), "part")[0] == "STM32F765VIT6"


HOSTILE_NAMES = ["\x00", "STM32\x00F765", "'; DROP TABLE organization; --", "%", "\u202eAMD",
                 "\x1b[31m"]
CONTROL = ("\x00", "\x1b", "\u202e")  # refused: controls and invisible bidi overrides


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=[repr(n) for n in HOSTILE_NAMES])
@pytest.mark.parametrize("use", ["maker", "system", "item", "source", "confidence",
                                 "country", "seen org", "saved"])
def test_hostile_names_give_results_or_a_clear_refusal(case: Case, name: str,
                                                       use: str) -> None:
    before = store_counts(case.store)
    try:
        _use_name(case.store, use, name)
    except KnownError as error:
        assert isinstance(error, ValidationError | NotFoundError), error
    assert store_counts(case.store) == before


def test_a_control_character_in_a_filter_is_refused_naming_the_filter(case: Case) -> None:
    for name, label in (("manufacturer_id", "manufacturer"), ("confidence", "identification "
                                                                            "confidence")):
        with pytest.raises(ValidationError) as raised:
            search(case.store, "STM32", filters={name: "Xilinx\x00"})
        assert raised.value.field == label


def _use_name(store: stores.Store, use: str, name: str) -> None:
    filters = {"maker": "manufacturer_id", "system": "system_id", "item": "item_id",
               "source": "source_id", "confidence": "confidence",
               "country": "manufacturer_country"}
    if use in filters:
        search(store, "STM32", filters={filters[use]: name})
    elif use == "seen org":
        seen_before(store, "org", name)
    else:
        search_lists.run_saved(store, name)


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=[repr(n) for n in HOSTILE_NAMES])
def test_saving_under_a_hostile_name(case: Case, name: str) -> None:
    before = store_counts(case.store)
    if any(ch in name for ch in CONTROL):
        with pytest.raises(ValidationError) as raised:
            search_lists.save_search(case.store, name, "STM32")
        assert raised.value.field == "name"
        assert store_counts(case.store) == before
        return
    search_lists.save_search(case.store, name, "STM32")
    assert [s.name for s in search_lists.saved_searches(case.store)] == [name]
    assert "STM32F765VIT6" in titles(search_lists.run_saved(case.store, name), "part")
