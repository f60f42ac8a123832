"""`forensics search`, `seen` and `reindex` end to end, run as subprocesses on a demo store.

Commands that do not depend on each other run side by side (`cli_all`); every test works on
its own copy of one demo store made once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from forensics_gui.services import stores
from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok


def group(result: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    """{title: hit} of one group of `search --json`."""
    return {hit["title"]: hit for hit in result["groups"].get(kind, [])}


def test_search_json_groups_and_matches(demo_file: Path) -> None:
    part, maker, short = cli_all(demo_file, ("search", "stm32-f765vit6", "--json"),
                                 ("search", "Xilinx", "--kind", "org", "--json"),
                                 ("search", "st", "--kind", "part", "--json"))
    found = ok(part)
    assert found["query"] == "stm32-f765vit6" and found["notice"] == ""
    hit = group(found, "part")["STM32F765VIT6"]
    assert (hit["match"], hit["family"]) == ("exact", "STM32F765")
    assert "STMicroelectronics" in hit["detail"]
    assert group(found, "finding")["STM32F765VIT6"]["match"] == "exact"
    orgs = ok(maker)
    assert list(orgs["groups"]) == ["org"]
    amd = group(orgs, "org")["AMD"]
    assert amd["match"] == "alias" and "Xilinx" in amd["note"]
    prefix = ok(short)
    assert "at least 3" in prefix["notice"]
    assert {h["match"] for h in prefix["groups"]["part"]} == {"prefix"}


def test_filters_on_the_command_line(demo_file: Path) -> None:
    shahed, nothing = cli_all(
        demo_file, ("search", "--system", "Shahed-136", "--maker", "STMicroelectronics",
                    "--json"),
        ("search", "STM32F765VIT6", "--system", "Orlan-10", "--json"))
    result = ok(shahed)
    assert set(result["groups"]) == {"part", "finding"}
    assert "STM32F765VIT6" in group(result, "part")
    assert {h["match"] for h in result["groups"]["part"]} == {"filter"}
    assert result["filters"] == {"system_id": "Shahed-136",
                                 "manufacturer_id": "STMicroelectronics"}
    assert nothing.code == 1 and nothing.json()["groups"] == {}


def test_nothing_found_exits_1(demo_file: Path) -> None:
    plain, as_json = cli_all(demo_file, ("search", "QQZZ9999XX"),
                             ("search", "QQZZ9999XX", "--json"))
    assert plain.code == 1 and "nothing found" in plain.err and plain.out == ""
    assert as_json.code == 1 and as_json.json()["groups"] == {}
    assert "Traceback" not in plain.err + as_json.err


def test_export_to_xlsx(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "found.xlsx"
    run = cli(demo_file, "search", "STM32", "--export", str(target), "--json")
    result = ok(run)
    count = sum(len(hits) for hits in result["groups"].values())
    assert f"wrote {count} rows" in run.err
    book = load_workbook(target)
    assert book.sheetnames == ["Results", "Search"]
    rows = list(book["Results"].iter_rows(values_only=True))
    assert len(rows) == count + 1 and "STM32F765VIT6" in {row[1] for row in rows}
    assert dict(book["Search"].iter_rows(values_only=True))["Query"] == "STM32"


def test_export_to_a_bad_name_writes_nothing(demo_file: Path, tmp_path: Path) -> None:
    run = cli(demo_file, "search", "STM32", "--export", str(tmp_path / "found.txt"))
    assert_user_error(run, (2,), "found.txt", ".csv or .xlsx")
    assert not (tmp_path / "found.txt").exists()


def test_save_then_run_a_saved_search(demo_file: Path) -> None:
    first = ok(cli(demo_file, "search", "STM32", "--system", "Shahed-136", "--save",
                   "Shahed MCUs", "--json"))
    again, listed, twice, both = cli_all(
        demo_file, ("search", "--saved", "shahed mcus", "--json"), ("saved", "list", "--json"),
        ("search", "AMD", "--save", "Shahed MCUs"),
        ("search", "STM32", "--saved", "Shahed MCUs"))
    assert ok(again)["groups"] == first["groups"]
    assert ok(again)["filters"] == {"system_id": "Shahed-136"}
    assert [row["name"] for row in ok(listed)["rows"]] == ["Shahed MCUs"]
    assert_user_error(twice, (2,), "already exists")
    assert_user_error(both, (2,), "saved")
    replaced = cli(demo_file, "search", "AMD", "--save", "Shahed MCUs", "--replace", "--json")
    assert ok(replaced)["query"] == "AMD"
    assert ok(cli(demo_file, "search", "--saved", "Shahed MCUs", "--json"))["query"] == "AMD"
    missing = cli(demo_file, "search", "--saved", "Never saved")
    assert_user_error(missing, (3,), "Never saved")


def test_an_alias_added_on_the_command_line_is_searched(demo_file: Path) -> None:
    ok(cli(demo_file, "alias", "add", "--name", "Vektor Mikro", "--current-name",
           "Analog Devices", "--relation", "renamed", "--year", "2023", "--json"))
    orgs = group(ok(cli(demo_file, "search", "vektor mikro", "--json")), "org")
    assert orgs["Analog Devices"]["match"] == "alias"


def test_seen_part(demo_file: Path) -> None:
    as_json, as_text = cli_all(demo_file, ("seen", "part", "STM32F765VIT6", "--json"),
                               ("seen", "part", "stm32f765vit6"))
    seen = ok(as_json)
    assert seen["subject"] == "part STM32F765VIT6"
    assert seen["findings"] >= 1 and seen["items"] >= 1
    assert "Shahed-136" in seen["system_names"]
    assert seen["first_recovered"] == "2023-01-10"
    assert as_text.code == 0 and as_text.out.startswith("part STM32F765VIT6\n")
    assert "Shahed-136" in as_text.out


def test_seen_unknown_part_is_a_clear_error(demo_file: Path) -> None:
    assert_user_error(cli(demo_file, "seen", "part", "NO-SUCH-PART"), (2, 3), "NO-SUCH-PART")


def test_reindex_keeps_the_results(demo_file: Path) -> None:
    before = ok(cli(demo_file, "search", "STM32", "--json"))
    counts = ok(cli(demo_file, "reindex", "--json"))["terms"]
    assert counts["part"] > 0 and counts["org"] > 0 and counts["finding"] > 0
    after = ok(cli(demo_file, "search", "STM32", "--json"))
    assert after["groups"] == before["groups"]
    text = cli(demo_file, "reindex")
    assert text.code == 0 and text.out.startswith("indexed ")


def test_bad_input_exits_2_with_one_line(demo_file: Path) -> None:
    too_long, maker, date, sanctioned, limit = cli_all(
        demo_file, ("search", "A" * 10_000),
        ("search", "STM32", "--maker", "No Such Maker Ltd"),
        ("search", "STM32", "--made-after", "last spring"),
        ("search", "--sanctioned", "perhaps"), ("search", "STM32", "--limit", "0"))
    assert_user_error(too_long, (2,), "query", "300")
    assert_user_error(maker, (2, 3), "manufacturer", "No Such Maker Ltd")
    assert_user_error(date, (2,), "produced after", "last spring")
    assert_user_error(sanctioned, (2,), "sanctioned", "perhaps")
    assert_user_error(limit, (2,), "limit")


def test_hostile_query_on_the_command_line(demo_file: Path) -> None:
    before = ok(cli(demo_file, "info", "--json"))["counts"]
    runs = cli_all(demo_file, *[("search", typed, "--json") for typed in (
        "'; DROP TABLE part; --", "NEAR(a b)", "%_%", "\u202eSTM32", "芯片", "\x1b[31m")])
    for run in runs:
        assert run.code in (0, 1) and "Traceback" not in run.err, str(run)
        run.json()
    assert ok(cli(demo_file, "info", "--json"))["counts"] == before


@pytest.mark.postgres
def test_search_and_seen_on_postgresql(pg_store: stores.Store, pg_migrated: str) -> None:
    ok(cli(pg_migrated, "demo", "--json"))
    found, seen, maker = cli_all(pg_migrated, ("search", "stm32f765", "--json"),
                                 ("seen", "part", "STM32F765VIT6", "--json"),
                                 ("search", "--maker", "No Such Maker Ltd"))
    assert group(ok(found), "part")["STM32F765VIT6"]["match"] == "prefix"
    assert "Shahed-136" in ok(seen)["system_names"]
    assert_user_error(maker, (2, 3), "manufacturer")
