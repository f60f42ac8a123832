"""`forensics lists`, `screen` and `matches` end to end, run as subprocesses on a demo store.

The demo data hold fictional intermediaries that the sample lists under
tests/fixtures/lists also name (written the lists' way).
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = [str(LISTS / "ofac-2024-05" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]
JUNE = [str(LISTS / "ofac-2024-06" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]


def test_import_screen_decide_and_import_the_next_version(demo_file: Path) -> None:
    imported = cli(demo_file, "lists", "import", *MAY, "--published", "2024-05-01")
    assert imported.code == 0, str(imported)
    assert imported.out.startswith("Imported OFAC SDN version 2024-05-01 (4 entries; "
                                   "skipped 1 vessel).")
    assert "2 new" in imported.out
    listing, waiting = cli_all(demo_file, ("lists", "--json"),
                               ("matches", "--state", "candidate", "--json"))
    versions = ok(listing)
    assert [(v["list"]["name"], v["newest"], v["candidates"]) for v in versions] == [
        ("OFAC SDN", True, 2)]
    rows = {r["organization_name"]: r for r in ok(waiting)["rows"]}
    assert set(rows) == {"OOO Vektor Komponent (fictional)",
                         "Harbour Star Electronics Ltd (fictional)"}
    vektor = rows["OOO Vektor Komponent (fictional)"]
    harbour = rows["Harbour Star Electronics Ltd (fictional)"]
    confirmed = ok(cli(demo_file, "matches", "confirm", vektor["id"][-8:], "--note",
                       "INN checked", "--json"))
    assert confirmed["designation"]["authority"] == "OFAC"
    assert confirmed["designation"]["source_id"] == versions[0]["list"]["source_id"]
    rejected = cli(demo_file, "matches", "reject", harbour["id"], "--note", "other firm")
    assert rejected.code == 0 and rejected.out.startswith(
        "rejected Harbour Star Electronics Ltd (fictional) = HARBOR STAR"), str(rejected)
    june = cli(demo_file, "lists", "import", *JUNE, "--published", "2024-06-01", "--json")
    summary = ok(june)["screening"]
    assert (summary["new"], summary["changed"], summary["unchanged"]) == (1, 1, 1)
    changed = ok(cli(demo_file, "matches", "--change", "changed", "--json"))["rows"]
    assert [(r["entry_ref"], r["state"]) for r in changed] == [("90001", "confirmed")]
    table = cli(demo_file, "matches")
    assert table.code == 0 and "GULF BRIDGE TRADING FZE (FICTIONAL)" in table.out
    assert table.out.splitlines()[0].split()[:4] == ["ID", "ORGANIZATION_NAME", "LIST_NAME",
                                                     "ENTRY_NAME"]


def test_user_errors_are_one_line_with_an_exit_code(demo_file: Path, tmp_path: Path) -> None:
    cut = tmp_path / "sdn.csv"
    cut.write_bytes(Path(MAY[0]).read_bytes()[:300])
    ok(cli(demo_file, "lists", "import", *MAY, "--json"))
    again, truncated, missing, unknown, bad_state = cli_all(
        demo_file, ("lists", "import", *MAY), ("lists", "import", str(cut)),
        ("lists", "import", str(tmp_path / "nowhere.csv")),
        ("matches", "confirm", "abcdef12"), ("matches", "--state", "maybe"))
    assert_user_error(again, 5, "imported already", "nothing was imported")
    assert_user_error(truncated, 2, "sdn.csv: line 1", "cut off")
    assert_user_error(missing, 2, "nowhere.csv", "cannot be read")
    assert_user_error(unknown, 3, "no screening match")
    assert bad_state.code == 2 and "invalid choice" in bad_state.err


def test_screen_without_lists_says_so(demo_file: Path) -> None:
    screened, listed = cli_all(demo_file, ("screen",), ("lists",))
    assert screened.code == 0, str(screened)
    assert "No sanctions list has been imported yet" in screened.out
    assert listed.code == 0 and "No list imported yet" in listed.err
