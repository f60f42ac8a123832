"""Tests of part-number search keys, confusable keys and candidate keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.partnumbers import (
    candidate_keys,
    confusable_key,
    is_blank,
    may_be_misread,
    search_key,
)

SEPARATORS = " -./_,()#+\t:;'\"*"
PART_CHARS = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
PART_NUMBERS = st.text(PART_CHARS, min_size=1, max_size=20)

# Cyrillic and Greek capitals spelled by name: as literals they cannot be told from Latin.
CYR = {name: unicodedata.lookup(f"CYRILLIC CAPITAL LETTER {name}")
       for name in ("A", "VE", "IE", "KA", "EM", "EN", "O", "ER", "ES", "TE", "HA", "U")}
GREEK = {name: unicodedata.lookup(f"GREEK CAPITAL LETTER {name}")
         for name in ("ALPHA", "BETA", "EPSILON", "ZETA", "ETA", "IOTA", "KAPPA", "MU", "NU",
                      "OMICRON", "RHO", "TAU", "UPSILON", "CHI")}


def test_search_key_of_gowin_part() -> None:
    assert search_key("gw1n-uv9 ug169c6/i5") == "GW1NUV9UG169C6I5"


def test_search_key_folds_cyrillic_lookalikes() -> None:
    raw = "1986" + CYR["VE"] + CYR["IE"] + "91" + CYR["TE"]
    assert search_key(raw) == "1986BE91T"


def test_lowercase_cyrillic_is_folded_after_uppercasing() -> None:
    assert search_key("1986\u0432\u043591\u0442") == "1986BE91T"


def test_every_cyrillic_lookalike() -> None:
    latin = "ABEKMHOPCTXY"
    assert search_key("".join(CYR.values())) == latin


def test_every_greek_lookalike() -> None:
    assert search_key("".join(GREEK.values())) == "ABEZHIKMNOPTYX"


def test_letters_without_lookalike_are_kept() -> None:
    zhe = unicodedata.lookup("CYRILLIC CAPITAL LETTER ZHE")
    assert search_key(f"{zhe}-12 \u82af\u7247") == f"{zhe}12\u82af\u7247"


def test_fullwidth_and_other_script_digits_become_ascii() -> None:
    assert search_key("\uff33\uff34\uff2d\uff13\uff12") == "STM32"
    assert search_key("\u0663\u0662") == "32"


@pytest.mark.parametrize("raw", ["", "   ", "\t\n", " - / . ", None])
def test_blank_input(raw: str | None) -> None:
    assert search_key(raw) == ""
    assert candidate_keys(raw) == [""]
    assert is_blank(raw)


def test_not_blank() -> None:
    assert not is_blank(" x ")


@given(st.text())
def test_search_key_is_idempotent(raw: str) -> None:
    key = search_key(raw)
    assert search_key(key) == key


@given(st.text())
def test_search_key_has_only_letters_and_digits(raw: str) -> None:
    assert all(ch.isalpha() or ch in "0123456789" for ch in search_key(raw))


@given(PART_NUMBERS, st.lists(st.tuples(st.integers(0, 20), st.sampled_from(SEPARATORS))),
       st.booleans())
def test_separators_and_case_never_change_the_key(
        part: str, inserts: list[tuple[int, str]], lower: bool) -> None:
    typed = part.lower() if lower else part
    for position, separator in inserts:
        typed = typed[:position] + separator + typed[position:]
    assert search_key(typed) == search_key(part) == part


def test_candidates_start_with_the_key() -> None:
    assert candidate_keys("stm32f765v1t6")[0] == "STM32F765V1T6"


def test_candidates_contain_the_correct_reading_of_a_misread() -> None:
    assert "STM32F765VIT6" in candidate_keys("STM32F765V1T6")


def test_candidates_fewest_substitutions_first() -> None:
    keys = candidate_keys("O0")
    assert keys == ["O0", "00", "OO", "0O"]


def test_l_is_read_as_one_but_one_not_as_l() -> None:
    assert candidate_keys("L") == ["L", "1"]
    assert candidate_keys("1") == ["1", "I"]


def test_candidates_without_confusables() -> None:
    assert candidate_keys("KTMX") == ["KTMX"]


@given(PART_NUMBERS, st.integers(-3, 100))
def test_candidate_limit_respected_and_unique(part: str, limit: int) -> None:
    keys = candidate_keys(part, limit=limit)
    assert len(keys) <= max(limit, 0)
    assert len(set(keys)) == len(keys)
    if limit >= 1:
        assert keys[0] == search_key(part)


@given(PART_NUMBERS)
def test_candidates_share_the_confusable_key(part: str) -> None:
    for key in candidate_keys(part, limit=16):
        assert confusable_key(key) == confusable_key(part)


def test_confusable_key_equal_for_misreads() -> None:
    assert confusable_key("STM32F765VIT6") == confusable_key("5TM3ZF7G5V1T6")
    assert confusable_key("L") == confusable_key("I") == confusable_key("1")
    assert confusable_key("OSB") == "058"


def test_confusable_key_differs_for_real_differences() -> None:
    assert confusable_key("STM32F765VIT6") != confusable_key("STM32F765VGT6X")


def test_may_be_misread_names_the_misread_classes() -> None:
    assert may_be_misread("STM32")
    assert may_be_misread("ACDO")
    assert not may_be_misread("ACDEFHJK")
    assert not may_be_misread("")


@given(PART_NUMBERS, PART_NUMBERS)
def test_no_misreading_of_a_query_without_misread_characters(stored: str, query: str) -> None:
    # A number can only be a misreading of the query (same confusable key, different key)
    # when the query holds a misread character: the search skips that lookup otherwise.
    key, ckey = search_key(query), confusable_key(query)
    if ckey in confusable_key(stored) and key not in search_key(stored):
        assert may_be_misread(key)


HOSTILE = [
    "x" * 10_000, "\x00\x01\x02\x7f", "\ud800", "\U0010ffff", "\u202e1986", "\ufdfa" * 100,
    "\u0301\u0301\u0301", "ß" * 50, "\u1100-\u1161", "𝟘𝟙𝕊", "ǅ", "ﬁ",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_strings_never_raise(raw: str) -> None:
    key = search_key(raw)
    assert search_key(key) == key
    assert len(candidate_keys(raw)) <= 64
    confusable_key(raw)


@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(raw: str) -> None:
    assert candidate_keys(raw, limit=8)[0] == search_key(raw)
