"""A finding is found by the part number read from its marking, not only by each line."""

from __future__ import annotations

import time

from forensics_gui.core.search import PART_NUMBER_READ, terms_of


def _terms(marking: str) -> list[tuple[str, str]]:
    return [(term.field, term.key) for term in terms_of("finding", {"marking": marking})]


def test_a_part_number_over_two_lines_is_a_term_of_its_own() -> None:
    assert _terms("STM32F765\nVIT6\nCHN 2214") == [
        ("marking", "STM32F765"), ("marking", "VIT6"), ("marking", "CHN2214"),
        (PART_NUMBER_READ, "STM32F765VIT6")]
    # Typed on one line, the line's own key holds the number (found by its start).
    assert _terms("STM32F765 / VIT6 / CHN 2214") == [("marking", "STM32F765VIT6CHN2214")]


def test_the_term_keeps_the_number_as_printed() -> None:
    term = next(t for t in terms_of("finding", {"marking": "ST\nSTM32F765\nVIT6"})
                if t.field == PART_NUMBER_READ)
    assert (term.text, term.key, term.ckey) == ("STM32F765VIT6", "STM32F765VIT6",
                                                "5TM32F765V1T6")


def test_no_term_repeats_a_line_already_indexed() -> None:
    assert _terms("LT1086CM\nMADE IN MALAYSIA") == [("marking", "LT1086CM"),
                                                    ("marking", "MADEINMALAYSIA")]
    assert _terms("STM32F765VIT6 2214") == [("marking", "STM32F765VIT62214")]


def test_nothing_is_read_from_a_marking_without_a_number() -> None:
    assert _terms("ARM\nESD") == [("marking", "ARM"), ("marking", "ESD")]
    assert terms_of("finding", {"marking": ""}) == []
    assert terms_of("finding", {"marking": None}) == []


def test_other_kinds_keep_their_terms() -> None:
    part = terms_of("part", {"part_number": "STM32F765\nVIT6"})
    assert [(t.field, t.key) for t in part] == [("part number", "STM32F765VIT6")]


def test_reading_markings_of_one_line_costs_nothing_more() -> None:
    started = time.perf_counter()
    for number in range(20_000):
        terms_of("finding", {"marking": f"STM32F{number} 2214"})
    assert time.perf_counter() - started < 2.0


def test_a_number_read_from_within_one_line_adds_no_term() -> None:
    assert _terms("XQ4R 17\nKZ-09") == [("marking", "XQ4R17"), ("marking", "KZ09")]
