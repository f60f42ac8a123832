"""Tests of HS-code normalisation and the CHPL lookup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.hs import (
    CHPL_TIERS,
    ChplEntry,
    chpl_entries,
    chpl_entry,
    chpl_tier,
    normalise_hs_code,
)


@pytest.mark.parametrize(("raw", "digits"), [("8542.31", "854231"), ("8542.31.00", "85423100"),
                                             (" 8471 50 00 00 ", "8471500000"),
                                             ("010121", "010121"), ("970110", "970110")])
def test_normalise(raw: str, digits: str) -> None:
    assert normalise_hs_code(raw) == digits


def test_six_digit_code_with_dot_is_tier_1() -> None:
    assert chpl_tier("8542.31") == "1"


def test_eight_digit_national_code_maps_by_first_six() -> None:
    assert chpl_tier("85423100") == "1"


def test_ten_digit_national_code_maps_by_first_six() -> None:
    assert chpl_tier("8471500000") == "3.A"


def test_entry_has_description() -> None:
    entry = chpl_entry("8542.32")
    assert entry == ChplEntry("1", "854232", "Electronic integrated circuits: memories")


@pytest.mark.parametrize("code", ["854290", "010121", "8542990000"])
def test_unknown_code_has_no_tier(code: str) -> None:
    assert chpl_tier(code) is None
    assert chpl_entry(code) is None


@pytest.mark.parametrize("code", [None, "", "  "])
def test_no_code_has_no_tier(code: str | None) -> None:
    assert chpl_tier(code) is None


@pytest.mark.parametrize(("raw", "reason"), [
    ("12345", "has 5 digits"), ("abc", "only digits"), ("9999999", "has 7 digits"),
    ("990000", "chapter 99"), ("000000", "chapter 00"), ("", "no HS code"),
    ("8542-31", "only digits"), ("８５４２３１", "only digits"), ("85423100000", "has 11 digits"),
])
def test_refused(raw: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_hs_code(raw)
    assert caught.value.field == "hs_code"
    assert reason in caught.value.reason


def test_refusal_names_the_value() -> None:
    with pytest.raises(ValidationError, match="'12345'"):
        normalise_hs_code("12345")


def test_invalid_code_is_refused_by_lookup_too() -> None:
    with pytest.raises(ValidationError):
        chpl_tier("abc")


def test_the_list_has_fifty_codes_in_every_tier() -> None:
    entries = chpl_entries()
    assert len(entries) == 50
    assert {entry.tier for entry in entries} == set(CHPL_TIERS)
    ranks = [CHPL_TIERS.index(entry.tier) for entry in entries]
    assert ranks == sorted(ranks)


def test_every_listed_code_is_a_valid_hs_code() -> None:
    for entry in chpl_entries():
        assert normalise_hs_code(entry.hs6) == entry.hs6
        assert chpl_entry(entry.hs6 + "0000") == entry


@given(st.text(max_size=30))
def test_normalise_accepts_or_refuses_cleanly(raw: str) -> None:
    try:
        digits = normalise_hs_code(raw)
    except ValidationError as error:
        assert error.field == "hs_code"
    else:
        assert digits.isascii() and digits.isdigit() and len(digits) in (6, 8, 10)
        assert 1 <= int(digits[:2]) <= 97
