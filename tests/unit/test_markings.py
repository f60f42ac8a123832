"""Tests of reading a marking as typed: part number, date code, lot, origin, and the notes that
say how it was read."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.markings import (
    JOIN_BY_RULE,
    JOIN_GUESSED,
    MAX_CHARACTERS,
    MAX_LINES,
    check_marking,
    read_marking,
)

CYR_VE, CYR_IE, CYR_TE, CYR_ES = (unicodedata.lookup(f"CYRILLIC CAPITAL LETTER {name}")
                                  for name in ("VE", "IE", "TE", "ES"))
GREEK_TAU = unicodedata.lookup("GREEK CAPITAL LETTER TAU")


class PrefixRules:
    """A stand-in rule set: each 'rule' fits keys starting with its text."""

    def __init__(self, *prefixes: str) -> None:
        self.prefixes = prefixes

    def match_length(self, key: str) -> int:
        return max((len(p) for p in self.prefixes if key.startswith(p)), default=0)


@pytest.mark.parametrize(("typed", "number"), [
    ("STM32F765 / VIT6 / CHN 2214", "STM32F765VIT6"),
    ("STM32F765\nVIT6\nCHN 2214", "STM32F765VIT6"),
    ("STM32F765\r\nVIT6\r\nCHN 2214", "STM32F765VIT6"),
    ("STM32F765 VIT6\nCHN 2214", "STM32F765 VIT6"),  # as printed, with its space
])
def test_the_part_number_over_two_lines_is_joined(typed: str, number: str) -> None:
    reading = read_marking(typed)
    assert reading.part_number == number
    assert (reading.date_code, reading.country, reading.lot_code) == ("2214", "CHN", "")
    assert reading.join == JOIN_GUESSED and reading.joined_at == len("STM32F765")
    assert any("rest of the part number" in note and "guess" in note for note in reading.notes)


def test_lines_as_typed_are_kept() -> None:
    reading = read_marking("  STM32F765 / VIT6 /  CHN 2214 \n\n")
    assert reading.lines == ("STM32F765", "VIT6", "CHN 2214")
    assert reading.text == "  STM32F765 / VIT6 /  CHN 2214 \n\n"


def test_logo_words_lead_free_marks_and_lots_are_told_apart() -> None:
    reading = read_marking("ST\nSTM32F765VIT6\nGH22X 93\nCHN 2214\nARM\ne3")
    assert reading.part_number == "STM32F765VIT6" and reading.join == ""
    assert (reading.lot_code, reading.date_code, reading.country) == ("GH22X", "2214", "CHN")
    assert reading.other == ("ST", "93", "ARM", "e3")


def test_a_package_code_line_is_the_rest_of_the_number() -> None:
    reading = read_marking("TMS320F28335\nPGFA\n65C3ZJW G4")
    assert reading.part_number == "TMS320F28335PGFA"
    assert (reading.lot_code, reading.other) == ("65C3ZJW", ("G4",))


@pytest.mark.parametrize(("typed", "date", "lot"), [
    ("LM358\n2229C", "2229", "C"),  # a date code with a lot suffix
    ("AD9361BBCZ\n#1944\nX123456", "1944", "X123456"),
    ("LT1086CM\n214", "214", ""),  # one-digit year
    ("LT1086CM\n202214", "202214", ""),
    ("LT1086CM\n2299", "", "2299"),  # week 99 does not exist: not a date code
])
def test_date_codes_and_lots(typed: str, date: str, lot: str) -> None:
    reading = read_marking(typed)
    assert (reading.date_code, reading.lot_code) == (date, lot)


def test_a_suffix_is_not_the_lot_when_a_lot_is_printed() -> None:
    reading = read_marking("LM358\n2229C\nQ12345")
    assert (reading.date_code, reading.lot_code) == ("2229", "Q12345")
    assert any("lot suffix C" in note for note in reading.notes)


@pytest.mark.parametrize(("typed", "country"), [
    ("LT1086CM\nMADE IN MALAYSIA", "MALAYSIA"), ("LT1086CM\nMade in Thailand", "Thailand"),
    ("LT1086CM KOREA", "KOREA"), ("LT1086CM\nPHL 1944", "PHL"), ("LT1086CM\nTWN", "TWN"),
])
def test_origin_marks(typed: str, country: str) -> None:
    reading = read_marking(typed)
    assert reading.country == country and reading.part_number == "LT1086CM"


def test_a_number_opening_the_marking_is_not_taken_for_a_date_code() -> None:
    assert read_marking("7805CT\n2214").part_number == "7805CT"


def test_cyrillic_lookalikes_in_a_latin_number_are_read_as_latin() -> None:
    reading = read_marking(f"{CYR_ES}D4{GREEK_TAU}3\nCHN 2214")
    assert reading.part_number == "CD4T3" and reading.lookalikes
    assert "Cyrillic \u0421 read as Latin C in line 1" in reading.notes
    assert "Greek \u03a4 read as Latin T in line 1" in reading.notes


def test_a_russian_number_in_cyrillic_is_read_with_latin_letters() -> None:
    reading = read_marking(f"1986{CYR_VE}{CYR_IE}91{CYR_TE}")
    assert reading.part_number == "1986BE91T"
    assert reading.notes == ("Cyrillic \u0412, \u0415, \u0422 read as Latin B, E, T in line 1",)


def test_a_word_of_another_script_is_left_alone() -> None:
    word = "".join(unicodedata.lookup(f"CYRILLIC CAPITAL LETTER {n}") for n in ("ZE", "A", "VE"))
    reading = read_marking(f"LT1086CM\n{word}")
    assert reading.other == (word,) and not reading.lookalikes


def test_full_width_characters_are_read_as_plain_ones() -> None:
    reading = read_marking("\uff33\uff34\uff2d\uff13\uff12\uff26\uff17")
    assert reading.part_number == "STM32F7"
    assert any("full-width" in note for note in reading.notes)


def test_a_trademark_sign_is_not_read_as_letters() -> None:
    assert read_marking("XC7Z020\u2122\nCLG400AQS1944").part_number == "XC7Z020"


def test_the_rules_decide_a_join_when_they_tell_the_readings_apart() -> None:
    longer = read_marking("STM32F765\nVIT6", PrefixRules("STM32F765VIT6"))
    assert longer.part_number == "STM32F765VIT6" and longer.join == JOIN_BY_RULE
    shorter = read_marking("ADSP21489\nKSWZ", PrefixRules("ADSP21489$"[:-1]))
    assert shorter.join == JOIN_GUESSED  # the rules fit both as far: the shape decides


def test_the_rules_refuse_a_join_that_fits_less() -> None:
    class Exact(PrefixRules):
        def match_length(self, key: str) -> int:
            return len(key) if key == "LT1086" else 0

    reading = read_marking("LT1086\nCM", Exact())
    assert reading.part_number == "LT1086" and reading.join == ""
    assert reading.other == ("CM",)
    assert any("not read as the rest" in note for note in reading.notes)


def test_no_join_after_a_number_ending_in_a_letter_without_rules() -> None:
    reading = read_marking("LT1086CM\nABCD")
    assert reading.part_number == "LT1086CM" and reading.other == ("ABCD",)


@pytest.mark.parametrize("typed", ["TEN 5-2411WI", "TMR 3-2411\n2214"])
def test_a_word_before_a_number_starting_with_a_digit_is_its_start(typed: str) -> None:
    reading = read_marking(typed)
    assert reading.part_number == typed.split("\n")[0]
    assert reading.join == JOIN_GUESSED and reading.joined_at == 0


def test_the_rules_may_refuse_a_start() -> None:
    reading = read_marking("QA 5-2411", PrefixRules("52411"))
    assert reading.part_number == "5-2411" and reading.other == ("QA",)


def test_a_second_part_number_is_not_joined_to_the_first() -> None:
    reading = read_marking("CD4013\nLT1086")
    assert reading.part_number == "CD4013" and reading.lot_code == "LT1086"


def test_a_number_broken_at_a_dash_is_joined() -> None:
    assert read_marking("XC7A35T-\n1CSG324C").part_number == "XC7A35T-1CSG324C"


def test_a_control_character_stops_the_reading_and_is_named_with_its_position() -> None:
    reading = read_marking("STM32\x07F7")
    assert reading.part_number == "" and reading.lines == ()
    assert reading.problem == "the marking holds a control character (U+0007) at position 6"
    assert reading.notes == (reading.problem,)
    with pytest.raises(ValueError, match="U\\+0007\\) at position 6"):
        check_marking("STM32\x07F7")
    check_marking("STM32F7\nVIT6\ttab")  # tabs and line breaks are what markings hold


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u202e", "\x00", "\x85"])
def test_invisible_characters_are_refused_too(invisible: str) -> None:
    assert "position 3" in read_marking(f"AB{invisible}C").problem


def test_empty_input_reads_nothing_and_says_nothing() -> None:
    for typed in ("", "   \n ", None):
        reading = read_marking(typed)
        assert (reading.part_number, reading.notes, reading.lines) == ("", (), ())


def test_a_marking_without_a_number_says_so() -> None:
    reading = read_marking("ARM\nESD")
    assert reading.part_number == "" and reading.other == ("ARM", "ESD")
    assert any("no part number found" in note for note in reading.notes)


def test_a_long_paste_is_read_from_its_start_quickly() -> None:
    paste = "STM32F765VIT6 CHN 2214\n" * 200
    assert len(paste) > 2000
    started = time.perf_counter()
    reading = read_marking(paste)
    assert time.perf_counter() - started < 0.05
    assert reading.part_number == "STM32F765VIT6" and len(reading.lines) == MAX_LINES
    assert f"only the first {MAX_CHARACTERS} of {len(paste):,} characters were read" in (
        reading.notes)
    one_line = read_marking("A1" * 2500)
    assert len(one_line.part_number) == MAX_CHARACTERS


def test_a_paste_of_many_short_lines_is_cut_at_the_line_limit() -> None:
    reading = read_marking("\n".join(["LT1086"] + ["X1"] * 40))
    assert len(reading.lines) == MAX_LINES
    assert f"only the first {MAX_LINES} of 41 lines were read" in reading.notes


@given(st.text(max_size=300))
def test_read_marking_never_raises(text: str) -> None:
    reading = read_marking(text)
    assert reading.text == text
    if reading.problem:
        assert reading.notes == (reading.problem,) and not reading.part_number
