"""Reading FollowTheMoney JSON lines that are not what they should be: each is refused naming
the file and the line, or read without touching the odd value; none raises anything else."""

from __future__ import annotations

import json

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.formats.lists import ListFile, parse_files

GOOD = {"id": "fict-good", "schema": "Company", "caption": "Good Ltd",
        "properties": {"name": ["Good Ltd"], "country": ["ru"]},
        "datasets": ["fict_sanctions"], "last_seen": "2024-07-01T06:12:40"}


def _file(*lines: str) -> ListFile:
    return ListFile("entities.ftm.json", ("\n".join(lines) + "\n").encode())


def _refused(*lines: str) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_files([_file(*lines)], "ftm")
    message = str(caught.value)
    assert message.startswith("entities.ftm.json: line 2: "), message
    assert message.endswith("nothing was imported"), message
    return message


@pytest.mark.parametrize("depth", [100_000, 5_000])
def test_a_line_nested_too_deeply_is_refused_naming_the_file_and_line(depth: int) -> None:
    deep = '{"id": "x", "schema": "Company", "properties": {"name": ' + "[" * depth \
        + "]" * depth + "}}"
    assert "too deeply" in _refused(json.dumps(GOOD), deep)


def test_a_number_of_thousands_of_digits_is_refused() -> None:
    huge = '{"id": "x", "schema": "Company", "properties": {"name": [' + "1" * 5000 + "]}}"
    assert "thousands of digits" in _refused(json.dumps(GOOD), huge)


@pytest.mark.parametrize("entity_id", [5, ["x"], {"a": 1}, ""])
def test_an_id_that_is_not_text_is_refused(entity_id: object) -> None:
    odd = json.dumps({**GOOD, "id": entity_id})
    assert "not a FollowTheMoney entity" in _refused(json.dumps(GOOD), odd)


def test_odd_values_where_text_belongs_are_left_out_not_walked() -> None:
    deep = json.loads("[" * 300 + "]" * 300)
    odd = {**GOOD, "id": "fict-odd", "caption": deep, "datasets": deep, "last_seen": deep,
           "properties": {"name": ["Odd Ltd"], "sanctions": [{"properties": deep},
                                                             {"properties": {"program": 5}}]}}
    no_sets = {**GOOD, "id": "fict-plain", "datasets": 5, "properties": {"sanctions": 5},
               "caption": "Plain Ltd"}
    lines = [json.dumps(GOOD), json.dumps(odd), json.dumps(no_sets)]
    parsed = parse_files([_file(*lines)], "ftm")
    assert [e.ref for e in parsed.entries] == ["fict-good", "fict-odd", "fict-plain"]
    assert [e.name for e in parsed.entries] == ["Good Ltd", "Odd Ltd", "Plain Ltd"]
    assert parsed.default_name == "OpenSanctions fict_sanctions"
