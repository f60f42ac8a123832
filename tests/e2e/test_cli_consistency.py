"""What the command line says must agree with what it does, run as subprocesses on a demo
store: exit codes the help leaves out, one command for the sanctions lists, sizes in units
that read, makers' succession in its own direction, and screening against lists that changed.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = [str(LISTS / "ofac-2024-05" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]
JUNE = [str(LISTS / "ofac-2024-06" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]


def test_the_help_lists_every_exit_code_a_command_uses(demo_file: Path) -> None:
    top, search, nothing = cli_all(demo_file, ("--help",), ("search", "--help"),
                                   ("search", "QQZZ9999XX"))
    assert top.code == 0
    codes = " ".join(top.out.split()[top.out.split().index("codes:"):])
    assert "1 nothing found or a problem found (search, chains," in codes
    assert "search       find parts" in top.out and "(exit code 1 when" in top.out
    assert "Exit code 1 when nothing is found." in " ".join(search.out.split())
    assert nothing.code == 1 and "nothing found" in nothing.err


def test_lists_has_its_versions_and_import_in_one_place(demo_file: Path) -> None:
    helped = cli(demo_file, "lists", "--help")
    assert helped.code == 0
    verbs = helped.out.split("positional arguments:")[1].split("options:")[0]
    assert "versions" in verbs and "import" in verbs
    ok(cli(demo_file, "lists", "import", *MAY, "--published", "2024-05-01", "--json"))
    alone, versions = cli_all(demo_file, ("lists", "--json"), ("lists", "versions", "--json"))
    assert ok(alone) == ok(versions)
    assert [(v["list"]["list_version"], v["candidates"]) for v in ok(versions)] == [
        ("2024-05-01", 2)]


def test_a_photo_over_the_limit_says_its_size_in_units_that_read(demo_file: Path,
                                                                 tmp_path: Path) -> None:
    picture = tmp_path / "board.jpg"
    picture.write_bytes(b"\xff\xd8\xff" + bytes(16_176))  # 16,179 bytes: 15.8 KB
    run = cli(demo_file, "photo", "add", str(picture), "--item", "DEMO-SHAHED-136-001",
              "--max-mb", "0.01")
    assert run.code == 2, str(run)
    assert "board.jpg: is 15.8 KB; at most 10.2 KB are accepted" in run.err, str(run)


def test_a_maker_taken_over_finds_its_successor_and_not_the_successors_other_buys(
        demo_file: Path) -> None:
    cypress, infineon = cli_all(demo_file, ("search", "Cypress", "--kind", "org", "--json"),
                                ("search", "Infineon", "--kind", "org", "--json"))
    found = {hit["title"]: hit for hit in ok(cypress)["groups"]["org"]}
    assert set(found) == {"Cypress", "Infineon Technologies"}
    assert "now part of Infineon Technologies" in found["Cypress"]["detail"]
    bought = {hit["title"]: hit for hit in ok(infineon)["groups"]["org"]}
    assert {"Cypress", "International Rectifier"} <= set(bought)
    assert all(hit["match"] != "successor" for hit in bought.values())


def test_a_candidate_removed_from_the_list_leaves_the_queue(demo_file: Path) -> None:
    ok(cli(demo_file, "org", "add", "--name", "Severny Pribor (fictional)", "--json"))
    ok(cli(demo_file, "lists", "import", *MAY, "--published", "2024-05-01", "--json"))
    june = ok(cli(demo_file, "lists", "import", *JUNE, "--published", "2024-06-01",
                  "--json"))["screening"]
    assert (june["removed"], june["candidates"]) == (1, 3)
    waiting, removed, versions = cli_all(
        demo_file, ("matches", "--state", "candidate", "--json"),
        ("matches", "--change", "removed", "--json"), ("lists", "versions", "--json"))
    assert "90003" not in {row["entry_ref"] for row in ok(waiting)["rows"]}
    (gone,) = ok(removed)["rows"]
    assert (gone["entry_ref"], gone["state"]) == ("90003", "candidate")
    assert [v["candidates"] for v in ok(versions)] == [3, 0]
    shown, confirmed = cli_all(demo_file, ("matches", "show", gone["id"]),
                               ("matches", "confirm", gone["id"]))
    assert "Removed from the list in OFAC SDN version 2024-06-01" in shown.out, str(shown)
    assert_user_error(confirmed, 5, "removed from OFAC SDN in version 2024-06-01")


def test_an_import_says_where_its_date_comes_from(demo_file: Path, tmp_path: Path) -> None:
    copies = []
    for path in map(Path, MAY):
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        stamp = datetime(2024, 5, 3, 12, 0).timestamp()
        os.utime(copy, (stamp, stamp))
        copies.append(str(copy))
    ofac = cli(demo_file, "lists", "import", *copies)
    assert ofac.code == 0 and "version 2024-05-03" in ofac.out, str(ofac)
    assert "OFAC's CSV files state no date" in ofac.err and "--published" in ofac.err
    counterparty = {"id": "fict-ae-gulf", "schema": "Company",
                    "properties": {"name": ["Gulf Bridge Trading FZE (fictional)"]},
                    "datasets": ["fict_sanctions"], "last_seen": "2024-07-01T06:12:40"}
    lines = tmp_path / "entities.ftm.json"
    lines.write_text((LISTS / "ftm" / "entities.ftm.json").read_text(encoding="utf-8")
                     + json.dumps(counterparty) + "\n", encoding="utf-8")
    ftm = ok(cli(demo_file, "lists", "import", str(lines), "--json"))
    assert ftm["list"]["published_on"] == "2024-07-01" and ftm["dated"].startswith("Stated")
    assert ftm["skipped"]["entity without a sanction, export control or debarment"] == 1
    waiting = ok(cli(demo_file, "matches", "--list", "OpenSanctions fict_sanctions", "--json"))
    assert "Gulf Bridge Trading FZE (fictional)" not in {
        row["organization_name"] for row in waiting["rows"]}
