"""Reading FollowTheMoney JSON lines that are not what they should be: each is refused naming
the file and the line, or read without touching the odd value; none raises anything else."""

from __future__ import annotations

import json
from datetime import date

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.screening import describe_topics, entry_topics
from forensics_gui.formats.lists import ListFile, parse_files, stated_date

GOOD = {"id": "fict-good", "schema": "Company", "caption": "Good Ltd",
        "properties": {"name": ["Good Ltd"], "country": ["ru"], "topics": ["sanction"]},
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
    no_sets = {**GOOD, "id": "fict-plain", "datasets": 5,
               "properties": {"sanctions": 5, "topics": ["sanction"]}, "caption": "Plain Ltd"}
    lines = [json.dumps(GOOD), json.dumps(odd), json.dumps(no_sets)]
    parsed = parse_files([_file(*lines)], "ftm")
    assert [e.ref for e in parsed.entries] == ["fict-good", "fict-odd", "fict-plain"]
    assert [e.name for e in parsed.entries] == ["Good Ltd", "Odd Ltd", "Plain Ltd"]
    assert parsed.default_name == "OpenSanctions fict_sanctions"


# ----------------------------------------------------------- which entities are list entries
def _entity(entity_id: str, topics: list[str], **extra: object) -> str:
    return json.dumps({**GOOD, "id": entity_id, "caption": entity_id,
                       "properties": {"name": [entity_id], "topics": topics}, **extra})


def _sanction(target: str, **properties: list[str]) -> str:
    return json.dumps({"id": f"{target}-sanction", "schema": "Sanction",
                       "properties": {"entity": [target], "authority": ["OFAC"],
                                      **properties}})


def test_only_entities_the_file_lists_become_entries_and_keep_their_topics() -> None:
    parsed = parse_files([_file(
        _entity("sanctioned", ["sanction", "role.oligarch"]),
        _entity("entity-listed", ["export.control"]),
        _entity("debarred", ["debarment"]),
        _entity("designated-no-topic", []), _sanction("designated-no-topic"),
        _entity("delisted", []), _sanction("delisted", endDate=["2020-01-31"]),
        _entity("counterparty", []),
        _entity("subsidiary", ["sanction.linked"]),
        _entity("counter-sanctioned", ["sanction.counter"]), _sanction("counter-sanctioned"),
        _entity("politician", ["role.pep"]),
    )], "ftm")
    assert [e.ref for e in parsed.entries] == ["sanctioned", "entity-listed", "debarred",
                                               "designated-no-topic"]
    assert parsed.skipped == {"entity without a sanction, export control or debarment": 5}
    first = parsed.entries[0]
    assert entry_topics(first.remarks) == ("sanction", "role.oligarch")
    assert describe_topics(entry_topics(first.remarks)) == "sanction (sanctioned), " \
                                                           "role.oligarch (oligarch)"
    assert entry_topics(parsed.entries[3].remarks) == ()


def test_the_export_date_is_stated_by_its_entities() -> None:
    lines = [_entity("a", ["sanction"], last_seen="2024-07-01T06:12:40"),
             _entity("b", ["sanction"], last_seen="2024-06-30T00:00:00")]
    assert stated_date([_file(*lines)]) == ("ftm", date(2024, 7, 1),
                                            "the newest last_seen of its entities")
    changed = [_entity("a", ["sanction"], last_seen=None, last_change="2024-03-01T00:00:00")]
    assert stated_date([_file(*changed)])[1:] == (date(2024, 3, 1),
                                                  "the newest last_change of its entities")
    assert stated_date([_file(_entity("a", ["sanction"], last_seen=None))])[1] is None
    assert parse_files([_file(*lines)], "ftm").published_on == date(2024, 7, 1)
