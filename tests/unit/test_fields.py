"""How typed-in values are read (core.fields): numbers are never guessed at, dates have
plausible bounds, and text holds no control or invisible characters."""

from __future__ import annotations

import sys
import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from forensics_gui.core import fields
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import KINDS, clean_text, has_control_characters, parse_value

# Invisible and control characters spelled by name or code: as literals they cannot be seen.
ZWSP = unicodedata.lookup("ZERO WIDTH SPACE")
RLO = unicodedata.lookup("RIGHT-TO-LEFT OVERRIDE")
COMBINING_ACUTE = unicodedata.lookup("COMBINING ACUTE ACCENT")
E_ACUTE = unicodedata.lookup("LATIN SMALL LETTER E WITH ACUTE")
NEXT_LINE = "\x85"  # C1 control NEL


def _parse(kind: str, field: str, value: Any) -> Any:
    return parse_value(KINDS[kind].field(field), value)


def _refusal(kind: str, field: str, value: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        _parse(kind, field, value)
    assert caught.value.field == field
    return caught.value.reason


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(("kind", "field", "text", "expected"), [
    ("item", "latitude", "4,5", 4.5),
    ("item", "latitude", "-4,5", -4.5),
    ("item", "latitude", "50,4512", 50.4512),
    ("item", "latitude", "4.5", 4.5),
    ("link", "value", "12,50", Decimal("12.50")),
    ("link", "value", "12,5", Decimal("12.5")),
    ("link", "value", "1250.5", Decimal("1250.5")),
    ("link", "value", "1.250", Decimal("1.25")),  # a point is always the decimal point
    # Thousands grouped where no comma can be a decimal one, in amounts and whole numbers.
    ("link", "value", "1,250,000", Decimal("1250000")),
    ("link", "value", "1,250.50", Decimal("1250.50")),
    ("link", "quantity", "1,250,000", 1250000),
    ("link", "quantity", "1250", 1250),
    ("link", "quantity", " +7 ", 7),
])
def test_a_decimal_comma_that_can_only_be_one_is_read_as_a_point(kind: str, field: str,
                                                                   text: str,
                                                                   expected: Any) -> None:
    assert _parse(kind, field, text) == expected


@pytest.mark.parametrize("text", ["1,250", "12,500", "0,125", "-1,250"])
@pytest.mark.parametrize(("kind", "field"), [("link", "value"), ("item", "latitude"),
                                             ("link", "quantity")])
def test_a_comma_before_three_digits_is_refused_as_ambiguous(kind: str, field: str,
                                                              text: str) -> None:
    reason = _refusal(kind, field, text)
    assert text in reason and "could be" in reason and "thousands" in reason


@pytest.mark.parametrize("text", ["1.250,5", "4,", ",5", "1 250", "4,5,6", "12,50,000",
                                  "1,250.", "1,25,000"])
def test_stray_commas_and_other_groupings_are_refused(text: str) -> None:
    reason = _refusal("link", "value", text)
    assert "is not a number" in reason and "no thousands separators" in reason


@pytest.mark.parametrize("text", ["1,250,000", "1,250.5"])
def test_coordinates_and_regions_take_no_thousands_separators(text: str) -> None:
    assert "has thousands separators" in _refusal("item", "latitude", text)
    assert "has thousands separators" in _refusal("annotation", "x", text)


@pytest.mark.parametrize("value", ["4,5", "4.5", "4.0", "1e3", "lots", "1,250.50", 2.5,
                                   Decimal("2.5")])
def test_whole_number_fields_take_no_fraction(value: Any) -> None:
    assert "whole number" in _refusal("link", "quantity", value)


def test_whole_numbers_given_typed_are_kept() -> None:
    assert _parse("link", "quantity", 2.0) == 2
    assert _parse("link", "quantity", 12) == 12


@pytest.mark.parametrize("text", ["12.505", "0.001", 0.125])
def test_amounts_with_more_than_two_decimal_places_are_refused(text: Any) -> None:
    assert "two decimal places" in _refusal("link", "value", text)


def test_amounts_given_as_floats_are_read_as_written() -> None:
    assert _parse("link", "value", 0.1) == Decimal("0.1")
    assert _parse("link", "value", "12.500") == Decimal("12.50")


@pytest.mark.parametrize(("kind", "field"), [("item", "latitude"), ("link", "value"),
                                             ("annotation", "x")])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "sNaN", float("inf")])
def test_numbers_that_are_not_finite_are_refused(kind: str, field: str, value: Any) -> None:
    reason = _refusal(kind, field, value)
    # An amount is read exactly (1e400 is finite, and too large); sNaN is no float at all.
    assert any(words in reason for words in ("not a finite number", "too large",
                                             "is not a number")), reason


def test_huge_whole_numbers_are_refused() -> None:
    assert "too large" in _refusal("link", "quantity", "9" * 400)
    assert "whole number" in _refusal("link", "quantity", float("inf"))


# -------------------------------------------------------------------- dates
@pytest.mark.parametrize(("kind", "field", "earliest"), [
    ("item", "recovered_on", "1900-01-01"),
    ("designation", "listed_on", "1900-01-01"),
    ("designation", "delisted_on", "1900-01-01"),
    ("source", "published_on", "1900-01-01"),
    ("list", "published_on", "1900-01-01"),
    ("link", "shipped_on", "1990-01-01"),
])
def test_dates_before_the_earliest_plausible_one_are_refused(kind: str, field: str,
                                                              earliest: str) -> None:
    reason = _refusal(kind, field, "0001-01-01")
    assert "0001-01-01" in reason and earliest in reason
    first = date.fromisoformat(earliest)
    day_before = date.fromordinal(first.toordinal() - 1)
    assert earliest in _refusal(kind, field, day_before.isoformat())
    assert _parse(kind, field, earliest) == first
    assert _parse(kind, field, first) == first


def test_every_past_only_date_has_a_floor() -> None:
    for spec in KINDS.values():
        for field in spec.fields:
            if field.type in ("date", "datetime") and field.past_only:
                assert field.earliest is not None, (spec.name, field.name)


@pytest.mark.parametrize("text", ["0001-01-01", "0001-01-01T00:00+05:00",
                                  "1899-12-31 23:59", "1900-01-01T03:00+05:00"])
def test_photo_times_before_1900_are_refused(text: str) -> None:
    assert "1900-01-01" in _refusal("photo", "taken_at", text)


def test_photo_times_from_1900_on_are_kept() -> None:
    assert _parse("photo", "taken_at", "1900-01-01 00:00") == datetime(1900, 1, 1, tzinfo=UTC)


def test_times_that_cannot_be_moved_to_utc_are_refused_not_raised() -> None:
    spec = fields.FieldSpec("occurred_at", "When", "datetime")
    with pytest.raises(ValidationError, match="outside the dates"):
        parse_value(spec, "0001-01-01T00:00+05:00")
    with pytest.raises(ValidationError, match="outside the dates"):
        parse_value(spec, "9999-12-31T23:00-05:00")


def test_future_dates_are_still_refused() -> None:
    assert "future" in _refusal("item", "recovered_on", "2999-01-01")


# --------------------------------------------------------------------- text
@pytest.mark.parametrize(("text", "code", "position"), [
    ("UA-1" + ZWSP, "U+200B ZERO WIDTH SPACE", 5),
    ("UA-" + RLO + "1", "U+202E RIGHT-TO-LEFT OVERRIDE", 4),
    ("\ufeffUA-1", "U+FEFF ZERO WIDTH NO-BREAK SPACE", 1),
    ("UA\u20601", "U+2060 WORD JOINER", 3),
    ("UA\u20661", "U+2066 LEFT-TO-RIGHT ISOLATE", 3),
])
def test_invisible_characters_are_refused_naming_the_character(text: str, code: str,
                                                                position: int) -> None:
    reason = _refusal("item", "case_reference", text)
    assert f"invisible character ({code}) at position {position}" in reason


@pytest.mark.parametrize(("text", "code"), [("A" + NEXT_LINE + "B", "U+0085"),
                                            ("A\x9bB", "U+009B"), ("A\x07B", "U+0007"),
                                            ("A\x00B", "U+0000"), ("A\x7fB", "U+007F")])
def test_control_characters_are_refused_naming_the_character(text: str, code: str) -> None:
    assert f"control character ({code}) at position 2" in _refusal("org", "name", text)


def test_text_that_was_not_utf8_is_refused() -> None:
    broken = b"UA-2\xff".decode("utf-8", "surrogateescape")  # as the command line gives it
    assert "not UTF-8" in _refusal("item", "case_reference", broken)


@pytest.mark.parametrize(("kind", "field"), [
    ("item", "case_reference"), ("item", "serial_number"), ("part", "part_number"),
    ("finding", "lot_code"), ("finding", "date_code"), ("match", "entry_ref"),
    ("org", "identifiers"), ("org", "aliases"), ("item", "notes"),
])
def test_every_text_field_refuses_invisible_characters(kind: str, field: str) -> None:
    assert "U+200B" in _refusal(kind, field, "INN:77" + ZWSP + "01")


def test_text_is_composed_so_that_the_same_letters_are_the_same_text() -> None:
    decomposed = "Cafe" + COMBINING_ACUTE
    assert _parse("org", "name", decomposed) == "Caf" + E_ACUTE
    assert _parse("org", "aliases", decomposed) == ("Caf" + E_ACUTE,)


@pytest.mark.parametrize("text", ["ООО «Вектор Компонент»", "北京航天", "Łódź Société",
                                  "Line one\nline two\twith a tab", "שלום"])
def test_real_text_in_any_script_is_kept(text: str) -> None:
    assert _parse("item", "notes", text) == text


def test_ascii_text_is_not_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk imports clean millions of values; ASCII ones skip the normalisation."""
    def refuse(*_args: object) -> str:
        raise AssertionError("normalize called for ASCII text")

    monkeypatch.setattr(fields, "unicodedata", SimpleNamespace(normalize=refuse))
    assert clean_text(KINDS["item"].field("case_reference"), " UA-1 ") == "UA-1"


def test_refused_characters_are_exactly_the_controls_and_invisible_ones() -> None:
    allowed_controls = {"\t", "\n", "\r"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        expected = category in ("Cf", "Cs") or (category == "Cc" and char not in allowed_controls)
        found = has_control_characters(char)
        # Unassigned code points inside a block of format characters may be refused too.
        assert found == expected or (found and category == "Cn"), (hex(code), category)
