"""A `forensics import` process killed outright (SIGKILL) at many points of its run, on SQLite
and on PostgreSQL: the store is left exactly as it was (the import is one transaction), sound
(`PRAGMA integrity_check`, foreign keys, `db check`), and running the import again completes
it: the store then holds what one uninterrupted import leaves.

The points are statements of every kind the import sends (its reads while it plans, each
table it writes, the audit event) and the moments around its commit.
"""

from __future__ import annotations

import csv
import sqlite3
from typing import Any

import pytest

from tests.e2e.test_crashes import (  # noqa: F401 - the fixture `backend` is used by name
    Backend,
    KillPoint,
    assert_sound,
    backend,
    killed,
    run_here,
    snapshot,
)

ROWS = 1_500


@pytest.fixture(scope="module")
def findings_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Findings of new recovered items, with new parts and makers, and a few refused rows."""
    path = tmp_path_factory.mktemp("import") / "findings.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["case_reference", "weapon", "marking", "part_number", "manufacturer",
                      "date_code", "quantity"])
        for n in range(ROWS):
            quantity = "none" if n % 500 == 7 else str(1 + n % 3)
            out.writerow([f"FT-CRASH-{n % 40:03d}", "Shahed-136", f"PN-{n % 700} {2300 + n % 40}",
                          f"PN-{n % 700}", f"Fictional Maker {n % 25}", str(2300 + n % 40),
                          quantity])
    return str(path)


def _references(findings: str) -> Any:
    def work_out(stores_of: Backend) -> dict[str, Any]:
        location = stores_of.with_demo()
        before = snapshot(location)
        done = run_here(location, "import", findings, "--rejects", findings + ".rejects")
        assert done.code == 1, str(done)  # three rows are refused
        return {"before": before, "complete": snapshot(location)}
    return work_out


def _points(table: str, nth: int = 1) -> dict[str, KillPoint]:
    """Before the rows of `table` go in: on SQLite they are staged in a temporary table and
    moved in by one statement (on a helper thread, while the next rows are checked); on
    PostgreSQL they go in by COPY (counted as the table's INSERT)."""
    return {"sqlite": KillPoint("statement", nth, f"INSERT INTO main.{table}"),
            "postgresql": KillPoint("statement", nth, f"INSERT INTO {table}")}


def _both(point: KillPoint) -> dict[str, KillPoint]:
    return {"sqlite": point, "postgresql": point}


IMPORT_POINTS = [
    pytest.param(_both(KillPoint("statement", 1, "SELECT")), "before", id="opening"),
    pytest.param(_both(KillPoint("statement", 12, "SELECT")), "before", id="planning"),
    pytest.param(_points("organization"), "before", id="makers"),
    pytest.param(_points("part"), "before", id="parts"),
    pytest.param(_points("recovered_item"), "before", id="items"),
    pytest.param(_points("component_finding"), "before", id="findings"),
    pytest.param(_points("search_term", 2), "before", id="search terms"),
    pytest.param(_both(KillPoint("statement", 3, "INSERT INTO audit_event")), "before",
                 id="audit events"),
    pytest.param(_both(KillPoint("before-commit", 1)), "before", id="written, not committed"),
    pytest.param(_both(KillPoint("after-commit", 1)), "complete",
                 id="committed, nothing printed"),
]


def assert_integrity(location: str) -> None:
    """SQLite's own checks of its file: every page sound, every foreign key satisfied."""
    if "://" in location:
        return  # PostgreSQL: its constraints are checked as rows are written; counts compared
    with sqlite3.connect(location) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(("points", "left"), IMPORT_POINTS)
def test_import_killed_leaves_the_store_as_it_was_and_completes_when_run_again(
        backend: Backend, findings_file: str,  # noqa: F811 - the fixture
        points: dict[str, KillPoint], left: str) -> None:
    states = backend.reference("import", _references(findings_file))
    location = backend.with_demo()

    killed(location, points[backend.kind], "import", findings_file, "--rejects",
           findings_file + ".rejects")

    assert_sound(location)
    assert_integrity(location)
    assert snapshot(location) == states[left]
    again = run_here(location, "import", findings_file, "--rejects", findings_file + ".rejects")
    assert again.code == 1, str(again)
    assert_integrity(location)
    assert snapshot(location) == states["complete"]

