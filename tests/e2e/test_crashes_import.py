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


def _points(sqlite: KillPoint, postgresql: KillPoint | None = None) -> dict[str, KillPoint]:
    return {"sqlite": sqlite, "postgresql": postgresql or sqlite}


def _audit(nth: int) -> KillPoint:
    return KillPoint("statement", nth, "INSERT INTO audit_event")


# On SQLite the rows of each table go into a temporary table, then into the table itself in one
# statement run on a helper thread while the next rows are checked: the process dies there. On
# PostgreSQL the rows go in by COPY, which passes no statement to the kill switch: there the
# process dies before the audit event that follows each table's rows.
IMPORT_POINTS = [
    pytest.param(_points(KillPoint("statement", 1, "SELECT")), "before", id="opening"),
    pytest.param(_points(KillPoint("statement", 12, "SELECT")), "before", id="planning"),
    pytest.param(_points(KillPoint("statement", 1, "INSERT INTO main.organization"), _audit(1)),
                 "before", id="makers"),
    pytest.param(_points(KillPoint("statement", 1, "INSERT INTO main.part"), _audit(2)), "before",
                 id="parts"),
    pytest.param(_points(KillPoint("statement", 1, "INSERT INTO main.recovered_item"), _audit(3)),
                 "before", id="items"),
    pytest.param(_points(KillPoint("statement", 1, "INSERT INTO main.component_finding"),
                         _audit(4)), "before", id="findings"),
    pytest.param(_points(KillPoint("statement", 2, "INSERT INTO main.search_term"), _audit(5)),
                 "before", id="search terms and the import's event"),
    pytest.param(_points(_audit(3)), "before", id="audit events"),
    pytest.param(_points(KillPoint("before-commit", 1)), "before",
                 id="written, not committed"),
    pytest.param(_points(KillPoint("after-commit", 1)), "complete",
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

