"""Listing records: keyset pages, sorting and filtering done by the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.services import records, stores

from .support import CASE, CaseFile

LAST = "~"  # how the store sorts a missing part, maker or period: after every real one


@dataclass(frozen=True)
class Catalogue:
    """Findings spread over two items, three parts (one without maker) and three makers."""

    findings: tuple[Any, ...]
    second_item: Any


@pytest.fixture
def catalogue(store: stores.Store, case_file: CaseFile) -> Catalogue:
    with store.writing() as uow:  # one transaction keeps this fixture quick
        def create(kind: str, values: dict[str, Any]) -> Any:
            return records.create_in(uow, kind, values)

        create("org", {"name": "Gowin Semiconductor"})
        create("org", {"name": "traco power"})
        create("part", {"part_number": "GW1N-UV9UG169C6/I5",
                        "manufacturer_id": "Gowin Semiconductor"})
        create("part", {"part_number": "TSM 0505S", "manufacturer_id": "traco power"})
        create("part", {"part_number": "1986VE91T"})  # maker unknown
        second = create("item", {"system_type_id": "Kh-101", "case_reference": "CASE-2024-200",
                                 "recovered_on": "2024-06-15"})
        findings = [create("finding", _finding_values(n, second.id)) for n in range(22)]
    return Catalogue(tuple(findings), second)


def _finding_values(n: int, second_item: Any) -> dict[str, Any]:
    parts = ["AD22100STZ", "GW1NUV9UG169C6I5", "TSM0505S", "1986VE91T", None]
    makers = [None, "traco power", None, "Gowin Semiconductor", None, "ADI"]
    codes = ["2220", "2229", "", "2413", "220", "2021-03", "2220", "1950"]
    values: dict[str, Any] = {"item_id": CASE if n % 3 else second_item, "marking": f"M{n:02d}",
                              "quantity": 1 + n % 4, "date_code": codes[n % len(codes)]}
    if parts[n % len(parts)]:
        values["part_id"] = parts[n % len(parts)]
    elif makers[n % len(makers)]:
        values["manufacturer_id"] = makers[n % len(makers)]
    return values


def _walk(store: stores.Store, kind: str, page_size: int, **options: Any) -> list[Any]:
    """Every row, one page after another; checks that pages are full until the last."""
    rows: list[Any] = []
    cursor = None
    while True:
        page = records.list_records(store, kind, cursor=cursor, limit=page_size, **options)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        assert len(page.rows) == page_size
        cursor = page.next_cursor


def _expected(rows: list[Any], key: Callable[[Any], Any], descending: bool) -> list[Any]:
    """The order users expect: by key, then by age; unknown parts, makers, dates last."""
    def order(row: Any) -> tuple[Any, int]:
        return key(row), row.id.int

    known = sorted((r for r in rows if key(r) != LAST), key=order, reverse=descending)
    unknown = sorted((r for r in rows if key(r) == LAST), key=order, reverse=descending)
    return known + unknown


FINDING_KEYS: dict[str, Callable[[Any], Any]] = {
    "part": lambda f: search_key(f.part_number) or LAST,
    "manufacturer": lambda f: name_key(f.manufacturer_name) or LAST,
    "produced": lambda f: f.produced_from.isoformat() if f.produced_from else LAST,
    "quantity": lambda f: f.quantity,
    "date_code": lambda f: f.date_code,
    "created": lambda f: f.id.int,
}


def test_finding_pages_hold_every_row_once_in_order(store: stores.Store,
                                                    catalogue: Catalogue) -> None:
    everything = {f.id for f in catalogue.findings}
    for sort, key in FINDING_KEYS.items():
        for page_size, descending in ((3, False), (5, True), (8, True)):
            walked = _walk(store, "finding", page_size, sort=sort, descending=descending)
            ids = [f.id for f in walked]
            assert len(ids) == len(set(ids)) == len(everything), (sort, page_size)
            assert set(ids) == everything
            assert ids == [f.id for f in _expected(walked, key, descending)], \
                (sort, page_size, descending)
    # Findings whose part is unknown come last, whichever the direction.
    for descending, first, last in ((False, "1986VE91T", "TSM 0505S"),
                                    (True, "TSM 0505S", "1986VE91T")):
        rows = records.list_records(store, "finding", sort="part", descending=descending,
                                    limit=100).rows
        numbers = [f.part_number for f in rows]
        first_blank = numbers.index("")
        assert set(numbers[first_blank:]) == {""}
        assert (numbers[0], numbers[first_blank - 1]) == (first, last)
    newest_first = records.list_records(store, "finding", sort="produced", descending=True,
                                        limit=100).rows
    dated = [f.produced_from for f in newest_first if f.produced_from]
    assert dated == sorted(dated, reverse=True) and dated[0] == date(2024, 3, 25)


def test_sort_follows_a_renamed_part_and_maker(store: stores.Store, catalogue: Catalogue) -> None:
    records.update(store, "part", "1986VE91T", None, {"part_number": "Z-1986VE91T"})
    records.update(store, "org", "traco power", None, {"name": "Aaa Traco"})
    by_part = _walk(store, "finding", 5, sort="part")
    assert by_part[0].part_number == "AD22100STZ"
    assert [f.part_number for f in by_part if f.part_number][-1] == "Z-1986VE91T"
    by_maker = _walk(store, "finding", 5, sort="manufacturer")
    assert by_maker[0].manufacturer_name == "Aaa Traco"


OTHER_SORTS: list[tuple[str, str, Callable[[Any], Any]]] = [
    ("item", "recovered_on", lambda r: r.recovered_on or date.min),
    ("org", "name", lambda r: name_key(r.name)),
    ("part", "part_number", lambda r: r.part_number),
    ("part", "hs_code", lambda r: r.hs_code),
    ("link", "value", lambda r: r.value if r.value is not None else Decimal(-1)),
    ("link", "shipped_on", lambda r: r.shipped_on or date.min),
    # A whole number that may be missing (PostgreSQL INTEGER: the stand-in must fit it).
    ("link", "quantity", lambda r: r.quantity if r.quantity is not None else -(2**31)),
    ("source", "published_on", lambda r: r.published_on or date.min),
]


def test_other_lists_page_in_order(store: stores.Store, case_file: CaseFile) -> None:
    with store.writing() as uow:
        for n in range(5):
            records.create_in(uow, "item", {
                "system_type_id": "Kh-101", "case_reference": f"CASE-X{n}",
                "recovered_on": None if n % 2 else f"2022-0{n + 1}-15"})
            records.create_in(uow, "org", {"name": f"Trader {5 - n}"})
            records.create_in(uow, "part", {"part_number": f"P-{n % 3}{n}",
                                            "hs_code": "8542.31" if n % 2 else ""})
            records.create_in(uow, "source", {"title": f"Report {n}",
                                              "published_on": None if n % 2 else "2022-01-01"})
        for n, value in enumerate(["10.50", None, "10.50", "7", None, "1200"]):
            records.create_in(uow, "link", {
                "seller_id": "ADI", "buyer_id": "Trader 1", "value": value,
                "quantity": None if n % 2 else 10 * n + 1,
                "shipped_on": None if n % 3 else f"2022-0{n + 1}-01"})
    for kind, sort, key in OTHER_SORTS:
        everything = records.list_records(store, kind, limit=1000).rows
        assert len(everything) >= 5
        for descending in (False, True):
            walked = _walk(store, kind, 3, sort=sort, descending=descending)
            expected = sorted(everything, key=lambda r, k=key: (k(r), r.id.int),
                              reverse=descending)
            assert [r.id for r in walked] == [r.id for r in expected], (kind, sort, descending)
    with pytest.raises(ValidationError, match="first page"):
        records.list_records(store, "item", sort="recovered_on", cursor="not-a-cursor")


def test_filters_by_name_totals_and_search(store: stores.Store, catalogue: Catalogue) -> None:
    expected = [f.id for f in catalogue.findings if f.case_reference == CASE]
    by_case = _walk(store, "finding", 3, filters={"item_id": CASE.lower()})
    assert sorted(f.id for f in by_case) == sorted(expected)

    by_part = _walk(store, "finding", 2, filters={"part_id": "ad22100-stz"}, sort="produced")
    assert by_part and {f.part_number for f in by_part} == {"AD22100STZ"}
    assert len(by_part) == sum(f.part_number == "AD22100STZ" for f in catalogue.findings)

    by_maker = records.list_records(store, "finding", filters={"manufacturer_id": "ADI"},
                                    limit=100).rows
    assert {f.manufacturer_name for f in by_maker} == {"Analog Devices, Inc."}
    assert len(by_maker) == sum(f.manufacturer_id == by_maker[0].manufacturer_id
                                for f in catalogue.findings)

    both = records.list_records(store, "finding", limit=100, filters={
        "item_id": "CASE-2024-200", "part_id": "TSM0505S"}).rows
    assert both and all(f.case_reference == "CASE-2024-200" and f.part_number == "TSM 0505S"
                        for f in both)

    on_case = sum(f.case_reference == CASE for f in catalogue.findings)
    page = records.list_records(store, "finding", filters={"item_id": CASE}, limit=5,
                                with_total=True)
    assert (len(page.rows), page.total) == (5, on_case)
    assert page.next_cursor is not None
    assert records.list_records(store, "finding", limit=5).total is None
    whole = records.list_records(store, "finding", limit=100, with_total=True)
    assert (len(whole.rows), whole.total, whole.next_cursor) == (22, 22, None)
    marked = records.list_records(store, "finding", contains="m1", limit=3, with_total=True)
    assert (len(marked.rows), marked.total) == (3, 10)  # M10 ... M19
    assert {f.marking for f in _walk(store, "finding", 3, contains="m1")} == {
        f"M1{n}" for n in range(10)}


def test_contains_takes_wildcards_literally(store: stores.Store) -> None:
    for name in ("100% Parts Ltd", "100 Parts Ltd", "A_B Trading", "AXB Trading",
                 "Back\\slash Co", "Backslash Co"):
        records.create(store, "org", {"name": name})

    def names(text: str) -> list[str]:
        page = records.list_records(store, "org", contains=text, sort="name", with_total=True)
        assert page.total == len(page.rows)
        return [o.name for o in page.rows]

    assert names("100%") == ["100% Parts Ltd"]
    assert names("%") == ["100% Parts Ltd"]
    assert names("a_b") == ["A_B Trading"]
    assert names("_") == ["A_B Trading"]
    assert names("\\") == ["Back\\slash Co"]
    assert names("PARTS") == ["100% Parts Ltd", "100 Parts Ltd"]  # same name key: by age
    assert names("trading") == ["A_B Trading", "AXB Trading"]
    assert names("nothing like it") == []
