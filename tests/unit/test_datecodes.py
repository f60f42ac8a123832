"""Tests of date-code parsing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.datecodes import FORMATS, DateCodeResult, describe, parse_date_code


def years_of(result: DateCodeResult) -> list[int]:
    return [reading.year for reading in result.readings]


def test_yyww_jedec() -> None:
    result = parse_date_code("2220")
    reading = result.reading
    assert reading is not None
    assert (reading.format, reading.year, reading.week, reading.month) == ("YYWW", 2022, 20, None)
    assert result.period == (date(2022, 5, 16), date(2022, 5, 22))
    assert reading.start.weekday() == 0
    assert result.message == "YYWW: 2022 week 20 (May 2022)"
    assert result.is_readable and not result.is_ambiguous


@pytest.mark.parametrize(("code", "suffix"), [("2229C", "C"), ("2229 C", "C"), ("2413-A1", "A1"),
                                              ("2229AB12", "AB12")])
def test_lot_suffix(code: str, suffix: str) -> None:
    result = parse_date_code(code)
    assert result.lot_suffix == suffix
    assert result.reading is not None and result.reading.format == "YYWW"


def test_lot_suffix_is_named_in_the_message() -> None:
    result = parse_date_code("2229C")
    assert result.message == "YYWW: 2022 week 29 (July 2022) (lot suffix C)"


def test_digits_straight_after_the_date_are_not_a_lot_suffix() -> None:
    result = parse_date_code("202220")
    assert result.reading is not None
    assert (result.reading.format, result.reading.year, result.reading.week) == ("YYYYWW", 2022, 20)
    assert result.lot_suffix == ""


def test_lot_suffix_too_long_is_unreadable() -> None:
    assert not parse_date_code("2229ABCDE").is_readable


@pytest.mark.parametrize("code", ["2022-W20", "2022W20", "2022-w20"])
def test_iso_week(code: str) -> None:
    reading = parse_date_code(code).reading
    assert reading is not None
    assert (reading.format, reading.year, reading.week) == ("YYYY-WW", 2022, 20)


def test_one_digit_year_gives_one_reading_per_decade_from_1990() -> None:
    result = parse_date_code("229", not_after=date(2023, 6, 1))
    assert result.is_ambiguous
    assert result.reading is None and result.period is None
    assert years_of(result) == [1992, 2002, 2012, 2022]
    assert result.message.startswith("ambiguous, 4 possible readings: YWW: 1992 week 29")


def test_one_digit_year_decades_end_at_not_after() -> None:
    result = parse_date_code("229", not_after=date(2009, 1, 1))
    assert years_of(result) == [1992, 2002]


def test_one_digit_year_with_a_single_possible_decade_is_not_ambiguous() -> None:
    result = parse_date_code("229", not_after=date(1999, 1, 1))
    assert years_of(result) == [1992]
    assert not result.is_ambiguous
    assert result.period == (date(1992, 7, 13), date(1992, 7, 19))


def test_one_digit_year_in_the_decade_of_not_after_but_later_is_dropped() -> None:
    result = parse_date_code("929", not_after=date(2009, 1, 1))
    assert years_of(result) == [1999]
    assert "ignored as after 2009-01-01: YWW: 2009 week 29" in result.message


def test_one_digit_year_with_no_possible_decade() -> None:
    result = parse_date_code("229", not_after=date(1985, 1, 1))
    assert not result.is_readable
    assert "from 1990 to 1985" in result.message


def test_one_digit_year_without_not_after_runs_to_this_year() -> None:
    years = years_of(parse_date_code("001"))
    assert years[0] == 1990
    assert years[-1] <= date.today().year < years[-1] + 10


@pytest.mark.parametrize("code", ["2254", "2200", "202254", "2022-W54"])
def test_week_out_of_range_is_refused(code: str) -> None:
    result = parse_date_code(code)
    assert not result.is_readable
    assert "does not exist" in result.message


def test_week_53_only_in_years_that_have_it() -> None:
    accepted = parse_date_code("2053")
    assert accepted.period == (date(2020, 12, 28), date(2021, 1, 3))
    assert accepted.message == "YYWW: 2020 week 53 (December 2020/January 2021)"
    refused = parse_date_code("2153")
    assert not refused.is_readable
    assert refused.message == "unreadable: YYWW: week 53 does not exist in 2021 (weeks 1..52)"


def test_one_digit_year_week_53_keeps_only_decades_that_have_it() -> None:
    assert years_of(parse_date_code("053", not_after=date(2023, 1, 1))) == [2020]


@pytest.mark.parametrize(("code", "fmt"), [("03/2021", "MM/YYYY"), ("2021-03", "YYYY-MM"),
                                           ("03/21", "MM/YY"), ("2021.03", "YYYY.MM"),
                                           ("3/2021", "MM/YYYY")])
def test_month_formats(code: str, fmt: str) -> None:
    result = parse_date_code(code)
    reading = result.reading
    assert reading is not None
    assert (reading.format, reading.year, reading.month, reading.week) == (fmt, 2021, 3, None)
    assert result.period == (date(2021, 3, 1), date(2021, 3, 31))
    assert result.message == f"{fmt}: March 2021"


def test_month_period_ends_on_the_last_day() -> None:
    assert parse_date_code("02/2024").period == (date(2024, 2, 1), date(2024, 2, 29))


@pytest.mark.parametrize("code", ["13/2021", "00/2021", "2021-13", "2021.00"])
def test_month_out_of_range_is_refused(code: str) -> None:
    result = parse_date_code(code)
    assert not result.is_readable
    assert "is not 1..12" in result.message


def test_reading_after_not_after_is_dropped() -> None:
    result = parse_date_code("2229", not_after=date(2022, 1, 1))
    assert not result.is_readable
    assert result.message == ("unreadable: every reading starts after 2022-01-01: "
                              "YYWW: 2022 week 29 (July 2022)")


def test_not_after_may_be_a_datetime() -> None:
    result = parse_date_code("2229", not_after=datetime(2022, 1, 1, 12, 0))
    assert not result.is_readable


def test_reading_starting_on_not_after_is_kept() -> None:
    assert parse_date_code("2220", not_after=date(2022, 5, 16)).is_readable


def test_two_digit_year_after_not_after_is_read_as_19yy() -> None:
    result = parse_date_code("9920", not_after=date(2023, 1, 1))
    assert years_of(result) == [1999]
    assert years_of(parse_date_code("9920")) == [2099]


def test_two_digit_year_19yy_before_the_first_ic_is_refused() -> None:
    result = parse_date_code("3001", not_after=date(2023, 1, 1))
    assert not result.is_readable
    assert "year 1930 is outside" in result.message


def test_wwyy_is_not_tried_by_default() -> None:
    assert "WWYY" in FORMATS
    assert years_of(parse_date_code("2220")) == [2022]


def test_wwyy_when_asked_for() -> None:
    reading = parse_date_code("2022C", formats=["WWYY"]).reading
    assert reading is not None
    assert (reading.year, reading.week) == (2022, 20)


def test_colliding_formats_make_the_code_ambiguous() -> None:
    result = parse_date_code("2220", formats=("YYWW", "WWYY"))
    assert [(r.format, r.year, r.week) for r in result.readings] == [
        ("YYWW", 2022, 20), ("WWYY", 2020, 22)]


def test_two_formats_naming_the_same_week_are_one_reading() -> None:
    assert not parse_date_code("2020", formats=("YYWW", "WWYY")).is_ambiguous


def test_formats_restrict_what_is_tried() -> None:
    result = parse_date_code("2220", formats=["MM/YYYY"])
    assert not result.is_readable
    assert "matches none of the formats MM/YYYY" in result.message


def test_a_single_format_name_is_accepted() -> None:
    assert parse_date_code("2220", formats="YYWW").is_readable


def test_unknown_format_name_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown date-code formats"):
        parse_date_code("2220", formats=["YYMM"])


@pytest.mark.parametrize("code", ["", "   ", "\t\n", None])
def test_blank(code: str) -> None:
    result = parse_date_code(code)
    assert not result.is_readable
    assert result.message == "no date code"
    assert describe(result) == "no date code"


@pytest.mark.parametrize("code", ["x" * 10_000, "2220" * 2_500, "\x00\x01", "\ud800",
                                  "2220\x00", "\u202e2220", "\ufdfa" * 30, "hello"])
def test_hostile_input_is_unreadable(code: str) -> None:
    result = parse_date_code(code)
    assert not result.is_readable
    assert result.message.startswith("unreadable: ")
    assert len(result.message) < 300


def test_fullwidth_and_other_script_digits_are_read() -> None:
    assert years_of(parse_date_code("\uff12\uff12\uff12\uff10")) == [2022]
    assert years_of(parse_date_code("\u0662\u0662\u0662\u0660")) == [2022]


def test_surrounding_space_is_ignored() -> None:
    assert years_of(parse_date_code("  2220 ")) == [2022]


def weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar().week


@st.composite
def year_and_week(draw: st.DrawFn) -> tuple[int, int]:
    year = draw(st.integers(2000, 2099))
    return year, draw(st.integers(1, weeks_in(year)))


@given(year_and_week())
def test_yyww_round_trip(year_week: tuple[int, int]) -> None:
    year, week = year_week
    result = parse_date_code(f"{year % 100:02d}{week:02d}")
    reading = result.reading
    assert reading is not None
    assert (reading.year, reading.week) == (year, week)
    assert reading.start.weekday() == 0
    assert reading.start.isocalendar()[:2] == (year, week)
    assert reading.end - reading.start == timedelta(days=6)


@given(st.text(max_size=60))
def test_never_raises_on_arbitrary_text(code: str) -> None:
    result = parse_date_code(code, not_after=date(2024, 1, 1))
    assert isinstance(result.message, str) and result.message
    assert all(r.start <= date(2024, 1, 1) for r in result.readings)


@given(st.text(alphabet="0123456789/-.Ww CA", max_size=12), st.dates())
def test_date_like_text_never_raises(code: str, not_after: date) -> None:
    result = parse_date_code(code, not_after=not_after)
    assert all(r.start <= not_after <= date.max for r in result.readings)
    assert result.is_ambiguous == (len(result.readings) > 1)
