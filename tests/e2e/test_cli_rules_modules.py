"""`forensics rule ...` and `forensics module ...`: analysts' identification rules and the
template modules of system types, from the command line, on a copy of the demo store."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok

PATTERN = "STM32[FGHLW][0-9]"
RUSI = "RUSI, Silicon Lifeline (Aug 2022)"
HACKADAY = "Hackaday, Reverse-Engineering a Shahed-136 Drone Air Data Computer"


def test_the_demo_checklist_of_a_system_type(demo_file: Path) -> None:
    listed, shown, ambiguous, table = cli_all(
        demo_file,
        ("module", "list", "--json", "--filter", "system_type=Geran-2", "--sort", "position"),
        ("module", "show", "--json", "Shahed-136: air-data computer"),
        ("module", "show", "flight controller"),
        ("module", "list", "--filter", "system_type=Lancet"))
    rows = ok(listed)["rows"]
    assert [r["position"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["name"] == "flight controller"
    assert {r["system_type_name"] for r in rows} == {"Shahed-136"}
    module = ok(shown)
    assert module["source_title"] == HACKADAY
    assert "STM32G071 microcontroller (STMicroelectronics)" in module["expected"]
    assert_user_error(ambiguous, 2, "fits several template modules", "Shahed-136: flight "
                      "controller", "give the id")
    assert table.code == 0 and "vision computer module" in table.out
    assert "Jetson TX2 module (NVIDIA)" in table.out


def test_a_rule_added_changed_listed_and_deleted(demo_file: Path) -> None:
    added = ok(cli(demo_file, "rule", "add", "--json", "--pattern", PATTERN, "--maker",
                   "STMicroelectronics", "--confidence", "high", "--hs-code", "8542.31",
                   "--source", RUSI))
    assert (added["hs_code"], added["source_title"]) == ("854231", RUSI)
    again, bad, unnamed, edited = cli_all(
        demo_file,
        ("rule", "add", "--pattern", PATTERN, "--maker", "stmicroelectronics",
         "--confidence", "low"),
        ("rule", "add", "--pattern", "STM32[FG", "--maker", "GigaDevice", "--confidence", "low"),
        ("rule", "add", "--pattern", "GD32F", "--confidence", "low"),
        ("rule", "edit", PATTERN, "--json", "--family", "STM32 microcontroller"))
    assert_user_error(again, 2, "pattern", "already exists")
    assert_user_error(bad, 2, "pattern", "STM32[FG")
    assert_user_error(unnamed, 2, "maker", "required")
    assert ok(edited)["version"] == 2
    shown, listed, history = cli_all(
        demo_file, ("rule", "show", "--json", added["id"]), ("rule", "list", "--json"),
        ("rule", "history", "--json", PATTERN))
    assert ok(shown)["family"] == "STM32 microcontroller"
    assert [r["id"] for r in ok(listed)["rows"]] == [added["id"]]
    assert [e["action"] for e in ok(history)] == ["update", "create"]
    unasked = cli(demo_file, "rule", "delete", PATTERN)
    assert_user_error(unasked, 2, "--yes")
    deleted = ok(cli(demo_file, "rule", "delete", PATTERN, "--yes", "--json"))
    assert deleted["deleted"]["id"] == added["id"] and deleted["affected"] == []
    assert ok(cli(demo_file, "rule", "list", "--json"))["total"] == 0


def test_modules_are_checked_and_go_with_their_system_type(demo_file: Path) -> None:
    missing, twice, unsourced, added = cli_all(
        demo_file,
        ("module", "add", "--system-type", "Kh-47M2", "--name", "seeker"),
        ("module", "add", "--system-type", "Geran-2", "--name", "Servo Drives"),
        ("module", "add", "--system-type", "Kh-55", "--name", "seeker", "--source", "Nope"),
        ("module", "add", "--json", "--system-type", "Kh-55", "--name", "engine control",
         "--expected", "engine control unit; fuel pump", "--source", RUSI))
    assert_user_error(missing, 2, "system_type_id", "Kh-47M2")
    assert_user_error(twice, 2, "name", "Shahed-136 already has a module")
    assert_user_error(unsourced, 2, "source_id")
    module = ok(added)
    assert (module["position"], module["expected"]) == (5, ["engine control unit", "fuel pump"])
    blocked, changed = cli_all(
        demo_file, ("source", "delete", HACKADAY, "--yes"),
        ("module", "edit", "Kh-55: engine control", "--json", "--position", "1"))
    assert_user_error(blocked, 5, "template modules citing it")
    assert ok(changed)["position"] == 1
    history = ok(cli(demo_file, "module", "history", "--json", module["id"]))
    assert [e["action"] for e in history] == ["update", "create"]
    deleted = ok(cli(demo_file, "system", "delete", "Kh-55", "--yes", "--json"))
    assert deleted["affected"] == [["template modules", 5, "deletes"]]
    assert_user_error(cli(demo_file, "module", "show", module["id"]), 3)
    left = ok(cli(demo_file, "module", "list", "--json", "--limit", "1000"))["rows"]
    assert "Kh-55" not in {r["system_type_name"] for r in left}
