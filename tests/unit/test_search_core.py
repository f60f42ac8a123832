"""Tests of what the search box indexes and how it ranks, without a database."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.search import (
    MATCH_ORDER,
    MAX_MARKING_LINES,
    MAX_QUERY_LENGTH,
    SearchFilters,
    SearchHit,
    SearchResults,
    family_key,
    family_of,
    filters_from,
    keep_families_together,
    parse_filters,
    prepare_query,
    terms_of,
)

# Cyrillic letters spelled by name: as literals they cannot be told from the Latin ones.
CYR_EM = unicodedata.lookup("CYRILLIC CAPITAL LETTER EM")
CYR_VE = unicodedata.lookup("CYRILLIC CAPITAL LETTER VE")
CYR_IE = unicodedata.lookup("CYRILLIC CAPITAL LETTER IE")
CYR_TE = unicodedata.lookup("CYRILLIC CAPITAL LETTER TE")
UKR_I = unicodedata.lookup("CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I")


# ------------------------------------------------------------------ families
@pytest.mark.parametrize(("part_number", "family"), [
    ("STM32F765VIT6", "STM32F765"),
    ("STM32F765ZIT6", "STM32F765"),
    ("STM32F767ZIT6", "STM32F767"),
    ("STM32F765VIT6TR", "STM32F765"),
    ("XC7A35T-1CSG324C", "XC7A35T"),
    ("XC7A35T-2FGG484I", "XC7A35T"),
    ("ATmega328P-AU", "ATMEGA328"),
    ("TMS320F28335PGFA", "TMS320F28335"),
    ("GD32F303CCT6", "GD32F303"),
    ("AD22100STZ", "AD22100"),
    ("LM358DR", "LM358"),
    ("MAX232CPE", "MAX232"),
    ("SN74HC595N", "SN74HC595"),
    ("NRF52832-QFAA-R", "NRF52832"),
    ("1986" + CYR_VE + CYR_IE + "91" + CYR_TE, "1986BE91"),
])
def test_family_of_real_ordering_codes(part_number: str, family: str) -> None:
    assert family_of(part_number) == family


def test_family_of_ignores_case() -> None:
    assert family_of("stm32f765vit6") == family_of("STM32F765VIT6") == "STM32F765"


def test_only_a_dash_or_slash_splits_the_family() -> None:
    # As documented (family_key): the number stops at a dash or slash after a digit; a space
    # typed inside a number is not a split, or STM32F765 and STM32F767 would be one family.
    assert family_of("STM32F765VIT6/TR") == "STM32F765"
    assert family_of("STM32 F765 VIT6") == "STM32F765"
    assert family_of("STM32 F767 ZIT6") == "STM32F767"


def test_a_short_number_is_its_own_family() -> None:
    assert family_key("AB1") == "AB1"
    assert family_key("A") == "A"


def test_the_dash_after_a_digit_ends_the_family() -> None:
    # Without the dash the temperature grade would run into the speed grade.
    assert family_key("XC7A35T1CSG324C") != "XC7A35T"
    assert family_of("XC7A35T-1CSG324C") == "XC7A35T"


def _hit(title: str, match: str, family: str = "") -> SearchHit:
    return SearchHit("part", title, title, "", title, match, family)


def test_keep_families_together_puts_members_after_the_best_ranked_one() -> None:
    hits = [_hit("A-substring", "substring", "A"), _hit("B-exact", "exact", "B"),
            _hit("A-prefix", "prefix", "A"), _hit("C-misread", "misread", "C"),
            _hit("B-misread", "misread", "B")]
    ordered = [h.title for h in keep_families_together(hits)]
    assert ordered == ["B-exact", "B-misread", "A-prefix", "A-substring", "C-misread"]


def test_hits_without_a_family_are_not_grouped_with_each_other() -> None:
    hits = [_hit("one", "prefix"), _hit("fam-1", "prefix", "F"), _hit("two", "substring"),
            _hit("fam-2", "substring", "F")]
    ordered = [h.title for h in keep_families_together(hits)]
    assert ordered == ["one", "fam-1", "fam-2", "two"]


def test_match_kinds_rank_in_the_documented_order() -> None:
    assert MATCH_ORDER[:4] == ("exact", "prefix", "substring", "misread")
    ranks = [_hit("x", match).rank for match in MATCH_ORDER]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_results_list_hits_group_by_group_in_display_order() -> None:
    org = SearchHit("org", 1, "AMD", "", "AMD", "exact")
    part = _hit("STM32", "prefix")
    results = SearchResults("x", {"org": (org,), "part": (part,)})
    assert results.hits == [part, org]
    assert len(results) == 2


# ------------------------------------------------------------------ queries
def test_prepare_query_takes_300_characters_and_no_more() -> None:
    assert prepare_query("A" * MAX_QUERY_LENGTH).key == "A" * MAX_QUERY_LENGTH
    with pytest.raises(ValidationError) as raised:
        prepare_query("A" * (MAX_QUERY_LENGTH + 1))
    assert raised.value.field == "query"
    assert "300" in str(raised.value)


@pytest.mark.parametrize("typed", [
    "stm32f765vit6", "STM32-F765-VIT6", " stm32 f765/vit6 ", "STM32.F765_VIT6",
    "ST" + CYR_EM + "32F765V" + UKR_I + "T6",
])
def test_query_key_ignores_case_separators_and_lookalikes(typed: str) -> None:
    assert prepare_query(typed).key == "STM32F765VIT6"


def test_query_confusable_key_folds_misread_characters() -> None:
    assert prepare_query("5TM32F765").ckey == prepare_query("STM32F765").ckey
    assert prepare_query("STM32F76S").ckey == prepare_query("STM32F765").ckey
    assert prepare_query("STM32F767").ckey != prepare_query("STM32F765").ckey


def test_short_queries_are_prefix_only() -> None:
    assert not prepare_query("ST").substring_ok
    assert prepare_query("S-T-M").substring_ok
    assert prepare_query(None).key == ""


def test_query_name_key_for_makers() -> None:
    assert prepare_query("  Analog   DEVICES, Inc. ").name == "analog devices inc"


@given(st.text(max_size=MAX_QUERY_LENGTH))
def test_prepare_query_never_raises_and_keys_hold_only_letters_and_digits(raw: str) -> None:
    query = prepare_query(raw)
    assert query.raw == raw
    for key in (query.key, query.ckey):
        assert all(ch.isalpha() or ch in "0123456789" for ch in key), key


@given(st.text(min_size=MAX_QUERY_LENGTH + 1, max_size=MAX_QUERY_LENGTH + 50))
def test_prepare_query_refuses_every_longer_text(raw: str) -> None:
    with pytest.raises(ValidationError):
        prepare_query(raw)


# ------------------------------------------------------------------ filters
@pytest.mark.parametrize(("given_filters", "field"), [
    # Named in the users' words, as the search page and the command line show them.
    ({"produced_after": "yesterday"}, "produced after"),
    ({"produced_before": "2023-02-30"}, "produced before"),
    ({"sanctioned": "maybe"}, "sanctioned company in supply chain"),
    ({"system_id": "S" * 301}, "weapon system type"),
    ({"confidence": "high\x00"}, "identification confidence"),
    ({"colour": "red"}, "filters"),
    ("{not json", "filters"),
    ('["a list"]', "filters"),
    (["system_id"], "filters"),
])
def test_parse_filters_errors_name_the_condition(given_filters: Any, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_filters(given_filters)
    assert raised.value.field == field


def test_filters_nested_too_deeply_for_the_json_reader_are_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_filters("[" * 100_000 + "]" * 100_000)
    assert raised.value.field == "filters"


def test_unknown_condition_is_named_in_the_message() -> None:
    with pytest.raises(ValidationError, match="'colour'"):
        parse_filters({"colour": "red"})


def test_parse_filters_normalises_values() -> None:
    parsed = parse_filters({"produced_after": date(2022, 2, 24), "produced_before": " 2023-01-31",
                            "sanctioned": "Yes", "system_id": " Shahed-136 ", "item_id": "",
                            "confidence": None})
    assert parsed == {"produced_after": "2022-02-24", "produced_before": "2023-01-31",
                      "sanctioned": True, "system_id": "Shahed-136"}
    assert parse_filters('{"sanctioned": "no"}') == {"sanctioned": False}
    assert parse_filters(None) == parse_filters("") == {}


def test_filters_from_gives_typed_conditions() -> None:
    filters = filters_from({"produced_after": "2022-02-24", "sanctioned": "0",
                            "manufacturer_country": "CN"})
    assert filters == SearchFilters(produced_after=date(2022, 2, 24), sanctioned=False,
                                    manufacturer_country="CN")
    assert filters.finding_only  # a production date is about findings
    assert not SearchFilters(chpl_tier="1").finding_only
    assert parse_filters(filters) == {"produced_after": "2022-02-24", "sanctioned": False,
                                      "manufacturer_country": "CN"}


# ------------------------------------------------------------------ terms
def _terms(kind: str, record: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(t.field, t.text, t.key) for t in terms_of(kind, record)]


def test_part_terms() -> None:
    assert _terms("part", {"part_number": " stm32f765vit6 ", "function": "MCU"}) == [
        ("part number", "stm32f765vit6", "STM32F765VIT6")]


def test_finding_marking_lines_are_terms_of_their_own() -> None:
    marking = "STM32F765\n\n  VIT6  \nGH22V 93\nSTM32-F765\nCHN 220"
    assert _terms("finding", {"marking": marking}) == [
        ("marking", "STM32F765", "STM32F765"), ("marking", "VIT6", "VIT6"),
        ("marking", "GH22V 93", "GH22V93"), ("marking", "CHN 220", "CHN220"),
        # The part number printed over two lines is a term too, as it is read.
        ("part number read", "STM32F765VIT6", "STM32F765VIT6")]


def test_only_the_first_marking_lines_are_indexed() -> None:
    marking = "\n".join(f"LINE{n}" for n in range(MAX_MARKING_LINES + 5))
    keys = [key for field, _, key in _terms("finding", {"marking": marking})
            if field == "marking"]
    assert keys == [f"LINE{n}" for n in range(MAX_MARKING_LINES)]


def test_org_terms_name_aliases_former_names_identifiers() -> None:
    org = {"name": "Analog Devices", "aliases": ["ADI", "A.D.I.", "analog devices"],
           "former_names": ["Analog Devices Inc"], "identifiers": ["LEI:GYIRFNKCWE1XLHSXV285"],
           "notes": "not indexed"}
    assert _terms("org", org) == [
        ("name", "Analog Devices", "ANALOGDEVICES"), ("alias", "ADI", "ADI"),
        ("alias", "analog devices", "ANALOGDEVICES"),
        ("former name", "Analog Devices Inc", "ANALOGDEVICESINC"),
        ("identifier", "LEI:GYIRFNKCWE1XLHSXV285", "LEIGYIRFNKCWE1XLHSXV285")]


def test_system_item_and_source_terms() -> None:
    assert _terms("system", {"name": "Shahed-136", "aliases": ["Geran-2", "geran 2"]}) == [
        ("name", "Shahed-136", "SHAHED136"), ("alias", "Geran-2", "GERAN2")]
    assert _terms("item", {"case_reference": "CASE-2023-001", "serial_number": "SN 0042"}) == [
        ("case reference", "CASE-2023-001", "CASE2023001"), ("serial", "SN 0042", "SN0042")]
    assert _terms("source", {"title": "RUSI teardown", "reference": "https://rusi.org/x"}) == [
        ("title", "RUSI teardown", "RUSITEARDOWN"), ("reference", "https://rusi.org/x",
                                                   "HTTPSRUSIORGX")]


def test_texts_without_letters_or_digits_are_not_terms() -> None:
    assert terms_of("part", {"part_number": " -/- "}) == []
    assert terms_of("org", {"name": "AMD", "aliases": ["***", ""]})[1:] == []
    assert terms_of("designation", {"reference": "X"}) == []


def test_terms_carry_the_confusable_key() -> None:
    (term,) = terms_of("part", {"part_number": "STM32F765VIT6"})
    assert term.ckey == prepare_query("5TM32F765V1T6").ckey
