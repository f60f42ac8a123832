"""Input meant to break the command line: numbers with commas, impossible dates, invisible
characters, absurd sizes, a file where a folder belongs, JSON nested without end. Each is
one clear line and a non-zero exit, or (a decimal comma) stored as the number it is."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from PIL import Image

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok

ZWSP = unicodedata.lookup("ZERO WIDTH SPACE")
RLO = unicodedata.lookup("RIGHT-TO-LEFT OVERRIDE")
ITEM = ("item", "add", "--system-type", "Kh-101")
LINK = ("link", "add", "--seller", "Mornsun", "--buyer", "Canon")


def test_a_decimal_comma_is_stored_as_the_number_it_is(demo_file: Path) -> None:
    item, link, shown, grouped = cli_all(
        demo_file, (*ITEM, "--case-reference", "CASE-COMMA-1", "--latitude=4,5",
                    "--longitude=30,25", "--json"),
        (*LINK, "--value=12,50", "--json"), (*LINK, "--value=7,5", "--quantity", "3"),
        (*LINK, "--value=1,250.50", "--quantity=1,250,000", "--json"))
    assert (ok(item)["latitude"], ok(item)["longitude"]) == (4.5, 30.25)
    assert ok(link)["value"] == "12.50"
    assert (ok(grouped)["value"], ok(grouped)["quantity"]) == ("1250.50", 1_250_000)
    assert shown.code == 0, str(shown)
    assert ["value", "7.5"] in [line.split() for line in shown.out.splitlines()]  # as stored


def test_hostile_values_are_refused_in_one_line_and_nothing_is_written(demo_file: Path,
                                                                        tmp_path: Path) -> None:
    not_utf8 = os.fsdecode(b"UA-2\xff")  # the bytes reach the program as they are
    cases: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
        ((*LINK, "--value=1,250"), ("value", "'1,250'", "could be 1250 or 1.250")),
        ((*LINK, "--value=1.250,50"), ("value", "no thousands separators")),
        ((*LINK, "--value=12.505"), ("value", "two decimal places")),
        ((*LINK, "--quantity=4,5"), ("quantity", "whole number")),
        ((*ITEM, "--case-reference", "X-2", "--latitude=50,450", "--longitude=30"),
         ("latitude", "could be")),
        ((*ITEM, "--case-reference", "X-4", "--latitude=1,250.5", "--longitude=30"),
         ("latitude", "thousands separators")),
        ((*ITEM, "--case-reference", "X-3", "--recovered-on", "0001-01-01"),
         ("recovered_on", "0001-01-01", "1900-01-01")),
        ((*LINK, "--shipped-on", "0001-01-01"), ("shipped_on", "0001-01-01", "1990-01-01")),
        (("source", "add", "--title", "Old", "--published-on", "1899-12-31"),
         ("published_on", "1900-01-01")),
        ((*ITEM, "--case-reference", "DEMO-SHAHED-136-001" + ZWSP),
         ("case_reference", "U+200B ZERO WIDTH SPACE", "position 20")),
        (("org", "add", "--name", "Evil" + RLO + "Corp"), ("name", "U+202E")),
        (("org", "add", "--name", "Evil\x85Corp"), ("name", "U+0085")),
        ((*ITEM, "--case-reference", not_utf8), ("case_reference", "not UTF-8")),
    ]
    before = ok(cli(demo_file, "info", "--json"))["counts"]
    runs = cli_all(demo_file, *[args for args, _ in cases])
    for (_, words), run in zip(cases, runs, strict=True):
        assert_user_error(run, 2, *words)
    assert ok(cli(demo_file, "info", "--json"))["counts"] == before


def test_photo_sizes_and_targets_that_cannot_be_are_refused(demo_file: Path,
                                                            tmp_path: Path) -> None:
    picture = tmp_path / "board.png"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(picture)
    add = ("photo", "add", str(picture), "--item", "DEMO-SHAHED-136-001", "--max-mb")
    sizes = ("nan", "inf", "1e400", "-1", "0", "1e308", "lots")
    *refused, added = cli_all(demo_file, *[(*add, size) for size in sizes], (*add, "5", "--json"))
    for size, run in zip(sizes, refused, strict=True):
        assert_user_error(run, 2, "--max-mb", repr(size))
    (photo,) = ok(added)["added"]
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0\n")
    into_file, under_file = cli_all(
        demo_file, ("photo", "export", photo["id"], "--to", str(a_file)),
        ("photo", "export", photo["id"], "--to", str(a_file / "photos")))
    assert_user_error(into_file, 2, "folder", str(a_file), "is a file, not a folder")
    assert_user_error(under_file, 2, "folder", "cannot be made")
    assert a_file.read_text() == "root:x:0:0\n"


def test_a_list_line_nested_without_end_is_refused_naming_file_and_line(
        demo_file: Path, tmp_path: Path) -> None:
    good = {"id": "fict-x", "schema": "Company", "properties": {"name": ["X Ltd"]}}
    deep = '{"id": "y", "schema": "Company", "properties": {"name": ' + "[" * 100_000 \
        + "]" * 100_000 + "}}"
    path = tmp_path / "deep.ftm.json"
    path.write_text(json.dumps(good) + "\n" + deep + "\n")
    before = ok(cli(demo_file, "info", "--json"))["counts"]
    run = cli(demo_file, "lists", "import", str(path))
    assert_user_error(run, 2, "deep.ftm.json", "line 2", "too deeply", "nothing was imported")
    assert ok(cli(demo_file, "info", "--json"))["counts"] == before
