"""Tests of checking identification rule patterns and of what a pattern pins down."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.patterns import MAX_LENGTH, check_pattern, pattern_facts


@pytest.mark.parametrize("pattern", [
    "STM32", "STM32[FGHLW][0-9]{3}", "XC7Z0[0-9]{2}", "ADSP21[0-9]{3}", "(?:STM|STR)32",
    "AD[0-9]{4}(?!X)", "(?:[A-Z][0-9])+", "LT[0-9]+", "^TMS320", "LM358$", r"GD32\d",
])
def test_sound_patterns_pass_unchanged(pattern: str) -> None:
    assert check_pattern(pattern) == pattern


def test_spaces_around_a_pattern_are_removed() -> None:
    assert check_pattern("  STM32F7 \n") == "STM32F7"


@pytest.mark.parametrize(("pattern", "words"), [
    ("", ["empty"]),
    ("   ", ["empty"]),
    ("X(", ["not a valid pattern", "missing )", "position 2"]),
    ("STM[32", ["not a valid pattern", "position 4"]),
    ("A" * (MAX_LENGTH + 1), [f"{MAX_LENGTH + 1} characters", f"at most {MAX_LENGTH}"]),
    ("stm32", ["lower case 's'", "position 1", "capitals"]),
    ("STM32f7", ["lower case 'f'", "position 6"]),
    ("[a-z]+", ["lower case"]),
    ("ADSP-21", ["a dash at position 5", "ADSP21489"]),
    ("STM32 F7", ["a space at position 6"]),
    ("1986\N{CYRILLIC CAPITAL LETTER VE}E", ["Cyrillic", "position 5", "Latin"]),
    ("[0-Z]", ["mixes digits and letters"]),
    (r"A\sB", [r"\s matches spaces"]),
    ("(?<=A)B", ["look-behind at position 1"]),
    ("(?<!A)B", ["look-behind"]),
    (r"(A)\1", ["reference back to a group at position 4"]),
    ("(?P<x>A)(?P=x)", ["reference back"]),
    ("(A+)+", ["repetition at position 5", "(A+)+"]),
    ("(A|AA)*B", ["repetition at position 7"]),
    ("(?:AB?)+C", ["repeats a group"]),
    ("(?:A*){2,}B", ["repeats a group"]),
    ("A*", ["zero characters", "every part number"]),
    ("(STM32)?", ["zero characters"]),
    ("(?=A)", ["zero characters"]),
    ("A\x07B", ["control character (U+0007) at position 2"]),
])
def test_bad_patterns_are_refused_saying_what_and_where(pattern: str, words: list[str]) -> None:
    with pytest.raises(ValueError) as raised:
        check_pattern(pattern)
    for word in words:
        assert word in str(raised.value)


def test_a_choice_inside_a_bounded_repetition_is_allowed() -> None:
    # At most 2**3 ways to match: no danger.
    assert check_pattern("(?:A|AB){3}C") == "(?:A|AB){3}C"


@given(st.text(max_size=60))
def test_check_pattern_raises_only_value_error(text: str) -> None:
    try:
        checked = check_pattern(text)
    except ValueError:
        return
    compiled = re.compile(checked)
    assert compiled.match("") is None


def test_patterns_that_pass_match_an_almost_fitting_key_quickly() -> None:
    key = "A" * 60 + "!"
    for pattern in ("(?:A|B)+C", "[A-Z]+[0-9]+C", "A+B", "(?:AB|CD)+E", "(?:A|BA)+C"):
        compiled = re.compile(check_pattern(pattern))
        started = time.perf_counter()
        compiled.match(key)
        assert time.perf_counter() - started < 0.01, pattern


@pytest.mark.parametrize(("pattern", "prefixes"), [
    ("STM32F7", {"STM3"}),
    ("LT[0-9]", {"LT"}),
    ("(?:STM|STR)32", {"STM3", "STR3"}),
    ("[FG]D32", {"FD32", "GD32"}),
    ("[A-Z]{2}[0-9]", set()),
    ("X?C7", set()),
    ("(?:XC7Z|XC7A)0", {"XC7Z", "XC7A"}),
])
def test_literal_beginnings_of_a_pattern(pattern: str, prefixes: set[str]) -> None:
    assert pattern_facts(pattern).prefixes == prefixes


def test_every_key_a_pattern_fits_starts_with_one_of_its_beginnings() -> None:
    keys = ["STM32F765VIT6", "STR32X", "GD32F303", "FD32", "XC7Z020", "XC7A35T", "LT1086"]
    for pattern in ("STM32", "(?:STM|STR)32", "[FG]D32", "(?:XC7Z|XC7A)", "LT[0-9]+",
                    "(?:ST)+M"):
        facts = pattern_facts(pattern)
        for key in keys:
            if re.match(pattern, key) and facts.prefixes:
                assert any(key.startswith(p) for p in facts.prefixes), (pattern, key)


def test_specificity_counts_what_the_pattern_requires() -> None:
    def bits(pattern: str) -> float:
        return pattern_facts(pattern).specificity

    assert bits("LM358") > bits("LM[0-9]{3}") > bits("LM[0-9]")
    assert bits("STM32[FGHLW][0-9]{3}") > bits("STM32F") > bits("STM32")
    # A wildcard says nothing, however much it matches; optional parts count nothing.
    assert bits("ST.*") == bits("ST") == bits("ST(?:M32)?")
    assert bits("(?:AB|CD)E") == bits("ABE")


def test_a_repeated_choice_between_different_beginnings_is_allowed() -> None:
    # Only one alternative can fit at any place, so nothing is tried twice.
    assert check_pattern("(?:AB|CD)+E") == "(?:AB|CD)+E"
    with pytest.raises(ValueError, match="repeats a group"):
        check_pattern("(?:AB|AD|A)+E")
