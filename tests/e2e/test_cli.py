"""The `forensics` command line end to end, run as a subprocess against real stores.

Each run of the CLI costs a fresh interpreter, so commands that do not depend on each other run
side by side (`cli_all`), and every test works on its own copy of one demo store made once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.fields import WITHDRAWABLE
from forensics_gui.services import stores

CLI = (sys.executable, "-m", "forensics_gui.cli.main")
MAIN_KINDS = ("item", "part", "finding", "org", "source", "link", "designation", "system")


@dataclass(frozen=True)
class Run:
    """One finished run of the CLI."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def __str__(self) -> str:
        shown = " ".join(a if len(a) < 60 else a[:20] + "…" for a in self.args)
        return f"forensics {shown} -> {self.code}\n{self.out[:2000]}{self.err[:2000]}"


def cli(store: Path | str, *args: str) -> Run:
    """Run `forensics ARGS` on `store` with stdin not a terminal (as in scripts)."""
    env = {**os.environ, "FORENSICS_STORE": str(store)}
    done = subprocess.run([*CLI, *args], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    return Run(tuple(args), done.returncode, done.stdout, done.stderr)


def cli_all(store: Path | str, *commands: Sequence[str]) -> list[Run]:
    """Run independent commands side by side; results in the order given."""
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda args: cli(store, *args), commands))


def ok(run: Run) -> Any:
    """The JSON a successful run printed."""
    assert run.code == 0, str(run)
    assert "Traceback" not in run.err, str(run)
    return run.json()


def assert_user_error(run: Run, code: int | tuple[int, ...], *words: str) -> str:
    """Exactly one line on stderr, 'forensics: error: ...', naming what was wrong; `code` is
    the exit code expected, or the codes any of which will do."""
    assert run.code in (code if isinstance(code, tuple) else (code,)), str(run)
    assert "Traceback" not in run.err, str(run)
    lines = run.err.splitlines()
    assert len(lines) == 1, str(run)
    assert lines[0].startswith("forensics: error: "), str(run)
    for word in words:
        assert word in lines[0], str(run)
    return lines[0]


def test_init_creates_an_empty_store_at_the_newest_schema(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.sqlite"
    info = ok(cli(path, "init", "--json"))
    assert path.is_file()
    assert info["kind"] == "sqlite" and info["location"] == str(path)
    assert info["counts"]["marking"] == 4  # the handling markings every store starts with
    assert info["counts"]["alias"] >= 40  # and the known company names (Xilinx is AMD...)
    assert info["counts"]["hub"] == 8  # and the transshipment hubs (Hong Kong, Turkey, ...)
    assert not any(n for kind, n in info["counts"].items()
                   if kind not in ("marking", "alias", "hub"))
    current, check, upgrade = cli_all(path, ("db", "current", "--json"),
                                      ("db", "check", "--json"), ("db", "upgrade", "--json"))
    assert ok(current) == {"revision": info["schema_revision"], "head": info["schema_revision"],
                           "up_to_date": True}
    assert ok(check) == {"ok": True, "problems": []}
    assert ok(upgrade) == {"revision": info["schema_revision"]}


def test_demo_fills_a_new_store_and_info_counts_it(demo_run: tuple[Path, Run],
                                                   demo_file: Path) -> None:
    loaded = ok(demo_run[1])
    assert loaded["finding"] > 0 and loaded["item"] > 0 and loaded["link"] > 0
    assert ok(cli(demo_file, "info", "--json"))["counts"] == loaded


def test_list_page_filter_every_kind(demo_run: tuple[Path, Run], demo_file: Path) -> None:
    counts = demo_run[1].json()
    plain_kinds = ("item", "source", "link", "designation", "system")
    *lists, first, high, by_maker, table = cli_all(
        demo_file, *[(kind, "list", "--json") for kind in plain_kinds],
        ("org", "list", "--json", "--limit", "10"),
        ("finding", "list", "--json", "--filter", "confidence=high"),
        ("part", "list", "--json", "--filter", "manufacturer=Analog Devices"),
        ("part", "list", "--limit", "3"))
    for kind, run in zip(plain_kinds, lists, strict=True):
        page = ok(run)
        assert page["total"] == counts[kind] == len({row["id"] for row in page["rows"]}), kind
        assert page["next_cursor"] is None
    rows = ok(high)["rows"]
    assert 0 < len(rows) == ok(high)["total"] < counts["finding"]
    assert {r["confidence"] for r in rows} == {"high"}
    assert {r["manufacturer_name"] for r in ok(by_maker)["rows"]} == {"Analog Devices"}
    assert table.code == 0 and "Traceback" not in table.err
    header, *lines = table.out.splitlines()
    assert header.split()[:3] == ["ID", "PART_NUMBER", "MANUFACTURER_NAME"] and len(lines) == 3
    assert table.err.startswith(f"(3 of {counts['part']}; more with --cursor ")
    page_one = ok(first)
    assert (len(page_one["rows"]), page_one["total"]) == (10, counts["org"])
    cursor = page_one["next_cursor"]
    rest = ok(cli(demo_file, "org", "list", "--json", "--limit", "10", "--cursor", cursor,
                  "--all"))
    assert rest["next_cursor"] is None and len(rest["rows"]) == counts["org"] - 10
    every = [row["id"] for row in page_one["rows"] + rest["rows"]]
    assert len(every) == len(set(every)) == counts["org"]


@dataclass(frozen=True)
class KindCase:
    """How to add, name, change and check one record of a kind through the CLI."""

    kind: str
    add: tuple[str, ...]
    # What `show` is given: a name, "id", or "" for none. Names of the other kinds are looked
    # up the same way when given for references in `add`, so three kinds are shown.
    show: str
    edit: tuple[str, str]  # option and new value
    field: str  # the field the option sets, as --json shows it
    expected: Any


CASES = (
    KindCase("system", ("--name", "Test-Missile", "--aliases", "TM-1;TM one", "--category",
                        "cruise missile"), "TM-1", ("--notes", "edited"), "notes", "edited"),
    KindCase("item", ("--system-type", "Kh-101", "--case-reference", "CASE-E2E-1",
                      "--recovered-on", "2023-05-01"), "case-e2e-1",
             ("--recovery-place", "Kharkiv"), "recovery_place", "Kharkiv"),
    KindCase("part", ("--part-number", "LM358DR", "--manufacturer", "Texas Instruments",
                      "--hs-code", "8542.39"), "", ("--function", "Op-amp"),
             "function", "Op-amp"),
    KindCase("finding", ("--item", "DEMO-SHAHED-136-001", "--part", "AD22100STZ",
                         "--date-code", "2220", "--confidence", "high"), "id",
             ("--confidence", "low"), "confidence", "low"),
    KindCase("org", ("--name", "E2E Trading LLC", "--country", "ae", "--roles",
                     "trading company"), "",
             ("--website", "https://example.org"), "website", "https://example.org"),
    KindCase("source", ("--title", "E2E teardown", "--reliability", "B", "--credibility", "2"),
             "", ("--publisher", "E2E Press"), "publisher", "E2E Press"),
    KindCase("link", ("--seller", "Mornsun", "--buyer", "Canon", "--quantity", "10",
                      "--value", "12.50", "--currency", "usd"), "",
             ("--status", "documented"), "status", "documented"),
    KindCase("designation", ("--organization", "Mornsun", "--authority", "OFAC",
                             "--listed-on", "2023-02-24", "--reference", "E2E-OFAC-1"), "",
             ("--programme", "RUSSIA-EO14024"), "programme", "RUSSIA-EO14024"),
)


def _add_show_edit_delete(store: Path, case: KindCase) -> dict[str, Run]:
    """add, show, edit at version 1, delete at version 2; items also a stale edit and history."""
    runs = {"add": cli(store, case.kind, "add", *case.add, "--json")}
    if runs["add"].code:
        return runs
    record_id = runs["add"].json()["id"]
    if case.show:
        reference = record_id if case.show == "id" else case.show
        runs["show"] = cli(store, case.kind, "show", reference, "--json")
    runs["edit"] = cli(store, case.kind, "edit", record_id, "--expect-version", "1", *case.edit,
                       "--json")
    if case.kind == "item":
        runs["stale"] = cli(store, "item", "edit", record_id, "--expect-version", "1",
                            "--notes", "written over a newer version")
        runs["history"] = cli(store, "item", "history", record_id, "--json")
    if case.kind in WITHDRAWABLE:  # evidence: deleting is refused, withdrawing keeps it
        runs["refused"] = cli(store, case.kind, "delete", record_id, "--yes")
        runs["delete"] = cli(store, case.kind, "withdraw", record_id, "--expect-version", "2",
                             "--reason", "added by a test", "--json")
        return runs
    runs["delete"] = cli(store, case.kind, "delete", record_id, "--yes", "--expect-version", "2",
                         "--json")
    return runs


def test_add_show_edit_delete_every_kind(demo_run: tuple[Path, Run], demo_file: Path) -> None:
    with ThreadPoolExecutor(max_workers=len(CASES)) as pool:
        results = list(pool.map(lambda case: _add_show_edit_delete(demo_file, case), CASES))
    for case, runs in zip(CASES, results, strict=True):
        added = ok(runs["add"])
        assert not case.show or ok(runs["show"]) == added, case.kind
        edited = ok(runs["edit"])
        assert edited["version"] == 2 and edited[case.field] == case.expected, case.kind
        if case.kind in WITHDRAWABLE:
            assert_user_error(runs["refused"], 5, "evidence", "withdraw")
            withdrawn = ok(runs["delete"])
            assert withdrawn["withdrawal_reason"] == "added by a test", case.kind
            assert withdrawn["id"] == added["id"] and withdrawn[case.field] == case.expected
            continue
        deleted = ok(runs["delete"])["deleted"]
        assert deleted["id"] == added["id"] and deleted[case.field] == case.expected
    item_runs = results[[c.kind for c in CASES].index("item")]
    assert_user_error(item_runs["stale"], 4, "changed by", "version 2")
    assert [e["action"] for e in ok(item_runs["history"])] == ["update", "create"]
    info = ok(cli(demo_file, "info", "--json"))
    counts = info["counts"]
    assert {k: counts[k] for k in MAIN_KINDS} == {k: demo_run[1].json()[k] for k in MAIN_KINDS}
    assert info["withdrawn"] == {"item": 1, "finding": 1, "photo": 0}


def test_transfer_and_current_custodian(demo_file: Path) -> None:
    item = "DEMO-SHAHED-136-001"
    moved, wrong = cli_all(
        demo_file, ("item", "transfer", item, "--released-by", "Demo forensic laboratory",
                    "--received-by", "Evidence store B", "--at", "2024-02-01 09:30", "--json"),
        ("item", "transfer", "DEMO-ORLAN-10-001", "--released-by", "Somebody else",
         "--received-by", "Lab C"))
    assert ok(moved)["received_by"] == "Evidence store B"
    assert_user_error(wrong, 2, "released_by", "Demo forensic laboratory")
    custody, history = cli_all(demo_file, ("item", "custody", item, "--json"),
                               ("history", "--limit", "5", "--json"))
    chain = ok(custody)
    assert chain["current_custodian"] == "Evidence store B"
    assert [e["received_by"] for e in chain["events"]] == ["Demo forensic laboratory",
                                                           "Evidence store B"]
    newest = ok(history)[0]
    assert (newest["action"], newest["record_kind"]) == ("transfer", "item")
    assert newest["new_values"]["received_by"] == "Evidence store B"


def test_tools_need_no_store(tmp_path: Path) -> None:
    missing = tmp_path / "no-store.sqlite"
    code, hs, number = cli_all(missing, ("datecode", "2220", "--json"),
                               ("hs", "8542.31", "--json"),
                               ("partnumber", "STM32F765VIT6", "--json"))
    reading = ok(code)["readings"][0]
    assert (reading["format"], reading["year"], reading["week"]) == ("YYWW", 2022, 20)
    assert ok(hs)["hs_code"] == "854231" and ok(hs)["chpl"]["tier"] == "1"
    result = ok(number)
    assert result["search_key"] == "STM32F765VIT6"
    assert "STM32F765V1T6" in result["candidates"]  # I read as 1
    assert not missing.exists()


def test_user_errors_are_one_line_with_the_right_exit_code(demo_run: tuple[Path, Run],
                                                           demo_file: Path,
                                                           tmp_path: Path) -> None:
    cases: list[tuple[tuple[str, ...], int, tuple[str, ...]]] = [
        (("item", "add", "--system-type", "Kh-101", "--case-reference", "X-1",
          "--recovered-on", "2023-13-01"), 2, ("recovered_on", "2023-13-01")),
        (("link", "add", "--seller", "Mornsun", "--buyer", "Canon", "--quantity",
          "99999999999999999999"), 2, ("quantity",)),
        (("org", "list", "--filter", "nosuchfield=1"), 2, ("nosuchfield",)),
        (("item", "show", "NO-SUCH-CASE"), 3, ("NO-SUCH-CASE",)),
        (("part", "delete", "AD22100STZ", "--yes"), 5, ("AD22100STZ", "findings")),
        (("item", "delete", "DEMO-ORLAN-10-001"), 5, ("evidence", "withdraw")),
        (("org", "delete", "Mornsun"), 2, ("--yes",)),
        (("item", "withdraw", "DEMO-ORLAN-10-001", "--reason", " "), 2, ("reason",)),
        (("info", "--store", str(tmp_path / "missing.sqlite")), 6,
         ("missing.sqlite", "forensics init")),
    ]
    *runs, unparsable = cli_all(demo_file, *[args for args, _, _ in cases],
                                ("link", "list", "--limit", "many"))
    for (_, code, words), run in zip(cases, runs, strict=True):
        assert_user_error(run, code, *words)
    # Options argparse cannot read: its usage line, then the error naming the option.
    assert unparsable.code == 2 and "Traceback" not in unparsable.err
    assert "--limit" in unparsable.err.splitlines()[-1]
    assert ok(cli(demo_file, "info", "--json"))["counts"] == demo_run[1].json()  # none written
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.postgres
def test_the_same_commands_on_postgresql(pg_store: stores.Store, pg_migrated: str) -> None:
    url = pg_migrated
    info = ok(cli(url, "init", "--json"))
    assert info["kind"] == "postgresql" and info["counts"]["item"] == 0
    assert ok(cli(url, "demo", "--json"))["finding"] > 0
    listed, shown, history, too_much = cli_all(
        url, ("item", "list", "--json", "--filter", "system-type=Shahed-136"),
        ("item", "show", "DEMO-SHAHED-136-001", "--json"), ("history", "--limit", "-1"),
        ("link", "add", "--seller", "Mornsun", "--buyer", "Canon", "--value", "1e20"))
    # PostgreSQL itself refuses these (negative LIMIT, NUMERIC(18, 2) overflow): checked first
    assert_user_error(history, 2, "limit")
    assert_user_error(too_much, 2, "value", "too large")
    item = ok(shown)
    assert [row["id"] for row in ok(listed)["rows"]] == [item["id"]]
    edited = ok(cli(url, "item", "edit", item["id"], "--expect-version", "1",
                    "--recovery-place", "Kyiv", "--json"))
    assert (edited["version"], edited["recovery_place"]) == (2, "Kyiv")
    stale = cli(url, "item", "edit", item["id"], "--expect-version", "1", "--notes", "late")
    assert_user_error(stale, 4, "version 2")
