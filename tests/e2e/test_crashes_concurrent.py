"""Writers killed outright (SIGKILL) at random moments while others write to the same store.

Several writing processes run at once (edits of records, new records, photos); each is killed
at its own random moment, and after every kill the store must be sound: SQLite's own
integrity and foreign-key checks, the store's check (`forensics db check`), and every edit
held by a record has its audit event and none is audited without being held (an edit and its
audit event are one transaction). A kill never takes more than the unit of work it landed in.
"""

from __future__ import annotations

import pytest

from forensics_gui.services import stores
from tests import concurrency


def _where(store: stores.Store) -> str:
    path = store.location.path
    return str(path) if path is not None else store.location.url.replace("+psycopg", "")


@pytest.mark.slow
def test_two_hundred_writers_killed_leave_the_sqlite_store_sound(
        sqlite_store: stores.Store) -> None:
    where = _where(sqlite_store)
    ids = concurrency.make_items(where, 3)
    sqlite_store.close()  # this process holds no connection while the writers run

    tally = concurrency.kill_writers(where, ids, 200, seed=7)

    assert tally.problems == []
    assert tally.kills == 200 and tally.damaged == 0
    assert tally.cli_checks >= 5
    assert tally.edits_seen > 0  # the writers did write between the kills


@pytest.mark.slow
@pytest.mark.postgres
def test_writers_killed_leave_the_postgresql_store_sound(pg_store: stores.Store) -> None:
    where = _where(pg_store)
    ids = concurrency.make_items(where, 3)

    tally = concurrency.kill_writers(where, ids, 40, seed=11)

    assert tally.problems == []
    assert tally.kills == 40 and tally.damaged == 0
    assert tally.edits_seen > 0
