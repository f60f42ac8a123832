"""Sanctions list files fuzzed: OFAC's SDN files, the Consolidated Screening List and
OpenSanctions' FollowTheMoney lines, with hostile cells and properties, damaged bytes and
random bytes, are read or refused with a known error (`parse_files`, `stated_date`,
`import_defaults`), and an import refused leaves the store as it was (`import_list`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.screening import ParsedList
from forensics_gui.formats.lists import ListFile, parse_files, stated_date
from forensics_gui.services import sanctions_lists, stores

from .conftest import FUZZ, examples, outcome, unchanged_unless_accepted
from .hostile import damaged, hostile_text, random_bytes

LISTS = Path(__file__).parents[1] / "fixtures" / "lists"
OFAC = {name: (LISTS / "ofac-2024-06" / name).read_bytes()
        for name in ("sdn.csv", "alt.csv", "add.csv")}
CSL = (LISTS / "csl" / "consolidated.csv").read_bytes()
FTM = (LISTS / "ftm" / "entities.ftm.json").read_bytes()
FORMATS = (None, None, "ofac-sdn", "csl", "ftm", "nonsense")


@st.composite
def hostile_csv(draw: st.DrawFn, data: bytes) -> bytes:
    """A list CSV with cells swapped for hostile text, rows widened, cut or repeated."""
    rows = list(csv.reader(io.StringIO(data.decode("cp1252", "replace"), newline="")))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(rows) - 1))
        how = draw(st.sampled_from(("cell", "cell", "cell", "wide", "short", "repeat")))
        if how == "cell" and rows[at]:
            rows[at][draw(st.integers(0, len(rows[at]) - 1))] = draw(hostile_text())
        elif how == "wide":
            rows[at] = rows[at] + [draw(hostile_text())]
        elif how == "short":
            rows[at] = rows[at][:draw(st.integers(0, len(rows[at])))]
        else:
            rows.append(list(rows[at]))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(draw(st.sampled_from(("utf-8", "cp1252"))), "replace")


def any_json() -> st.SearchStrategy[Any]:
    scalars = st.one_of(hostile_text(), st.integers(-2**70, 2**70), st.floats(), st.booleans(),
                        st.none())
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(hostile_text(8), inner, max_size=3), max_leaves=6)


@st.composite
def hostile_ftm(draw: st.DrawFn) -> bytes:
    """FollowTheMoney lines with properties, ids, schemas and dates swapped for hostile
    values of any type."""
    entities = [json.loads(line) for line in FTM.decode().splitlines() if line.strip()]
    for _ in range(draw(st.integers(1, 5))):
        entity = draw(st.sampled_from(entities))
        if not isinstance(entity, dict):
            continue
        how = draw(st.sampled_from(("property", "property", "top", "date", "repeat")))
        if how == "property" and isinstance(entity.get("properties"), dict):
            properties = entity["properties"]
            name = draw(st.sampled_from([*sorted(properties), "startDate", "endDate", "topics",
                                          "entity", "innCode"]))
            properties[name] = draw(st.one_of(st.lists(hostile_text(), max_size=3),
                                              any_json()))
        elif how in ("top", "property"):
            entity[draw(st.sampled_from(("id", "schema", "properties", "datasets", "target",
                                         "caption")))] = draw(any_json())
        elif how == "date":
            entity[draw(st.sampled_from(("last_seen", "last_change", "first_seen")))] = draw(
                st.one_of(hostile_text(), st.sampled_from(("2024-02-30T00:00:00",
                                                           "9999-99-99T00:00:00",
                                                           "0000-01-01T00:00:00"))))
        else:
            entities.append(json.loads(json.dumps(entity)))
    text = "\n".join(json.dumps(e, ensure_ascii=draw(st.booleans())) for e in entities)
    return text.encode("utf-8", "surrogatepass")


@st.composite
def list_files(draw: st.DrawFn) -> list[ListFile]:
    """The files of one list, hostile in one of many ways."""
    which = draw(st.sampled_from(("ofac", "csl", "ftm", "random")))
    if which == "random":
        return [ListFile("list.csv", draw(random_bytes()))]
    if which == "ofac":
        files = dict(OFAC)
        name = draw(st.sampled_from(sorted(files)))
        files[name] = draw(hostile_csv(files[name]))
        if draw(st.booleans()):
            del files[draw(st.sampled_from(sorted(files)))]
        chosen = [ListFile(n, d) for n, d in files.items()]
    elif which == "csl":
        chosen = [ListFile("consolidated.csv", draw(hostile_csv(CSL)))]
    else:
        chosen = [ListFile("entities.ftm.json", draw(hostile_ftm()))]
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(chosen) - 1))
        chosen[at] = ListFile(chosen[at].name, draw(damaged(chosen[at].data)))
    return chosen


@FUZZ
@given(files=list_files(), fmt=st.sampled_from(FORMATS))
def test_list_files_are_read_or_refused(files: list[ListFile], fmt: str | None) -> None:
    parsed = outcome(lambda: parse_files(files, fmt))
    if isinstance(parsed, ParsedList):
        refs = [entry.ref for entry in parsed.entries]
        assert len(refs) == len(set(refs))
    outcome(lambda: stated_date(files, fmt))


@examples(0.5)
@given(files=list_files(), fmt=st.sampled_from(FORMATS),
       version=st.one_of(st.none(), hostile_text()),
       published=st.one_of(st.none(), hostile_text()))
def test_list_imports_succeed_or_change_nothing(store: stores.Store, tmp_path: Path,
                                               files: list[ListFile], fmt: str | None,
                                               version: str | None,
                                               published: str | None) -> None:
    folder = tmp_path / "list"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    paths = []
    for file in files:
        (folder / file.name).write_bytes(file.data)
        paths.append(folder / file.name)
    outcome(lambda: sanctions_lists.import_defaults(paths, fmt))
    with unchanged_unless_accepted(store):
        sanctions_lists.import_list(store, paths, fmt=fmt, list_version=version,
                                    published_on=published, screen=False)


def test_a_version_name_that_is_not_text_is_refused(store: stores.Store, tmp_path: Path) -> None:
    """Found by fuzzing: a version name holding a lone surrogate (what a terminal gives for
    bytes that are not UTF-8) failed with a bug's traceback when the store was asked for the
    same version; it is refused naming the field, and nothing is written."""
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(FTM)
    with unchanged_unless_accepted(store) as result:
        sanctions_lists.import_list(store, [path], list_version="2024-07\udcff", screen=False)
    assert "list_version: contains a character that is not text" in str(result["error"])
