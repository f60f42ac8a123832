"""A unit of work that lost a race with other writers runs again from its start, a bounded
number of times; a conflict is the user's to decide and never runs again."""

from __future__ import annotations

import pytest
from sqlalchemy import exc

from forensics_gui.core.errors import ConflictError, StoreLockedError
from forensics_gui.storage import store as store_module
from forensics_gui.storage.errors import translate


@pytest.fixture(autouse=True)
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "RETRY_PAUSE_S", 0.0)


def test_a_write_that_lost_a_race_runs_again_and_succeeds(
        caplog: pytest.LogCaptureFixture) -> None:
    runs: list[int] = []

    @store_module.retried_writes
    def save() -> str:
        runs.append(1)
        if len(runs) < 3:
            raise StoreLockedError("the store is locked by another program writing to it")
        return "saved"

    assert save() == "saved"
    assert len(runs) == 3
    assert caplog.text.count("lost a race with other writers") == 2
    assert "attempt 2 of 5" in caplog.text


def test_a_write_that_keeps_losing_is_reported_plainly() -> None:
    runs: list[int] = []

    @store_module.retried_writes
    def save() -> None:
        runs.append(1)
        raise StoreLockedError("the store is locked by another program writing to it")

    with pytest.raises(StoreLockedError) as caught:
        save()
    assert len(runs) == store_module.WRITE_ATTEMPTS == 5
    assert str(caught.value) == ("the store is locked by another program writing to it "
                                 "(tried 5 times; nothing was written)")


def test_a_conflict_is_never_run_again() -> None:
    runs: list[int] = []

    @store_module.retried_writes
    def save() -> None:
        runs.append(1)
        raise ConflictError("recovered item", "id", "analyst.a", "2026-01-01T00:00:00", 2)

    with pytest.raises(ConflictError):
        save()
    assert len(runs) == 1


class _ServerError(Exception):
    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("sqlstate", "message", "said"), [
    ("40001", "could not serialize access due to concurrent update",
     "another user's change got in the way"),
    ("40P01", "deadlock detected", "it was deadlocked with another user's change"),
])
def test_deadlocks_and_serialization_failures_are_races_lost(sqlstate: str, message: str,
                                                             said: str) -> None:
    error = exc.OperationalError("UPDATE recovered_item ...", {}, _ServerError(message, sqlstate))

    known = translate(error, "postgresql://db.example/cases")

    assert isinstance(known, StoreLockedError)
    assert str(known) == (f"the PostgreSQL server postgresql://db.example/cases stopped a write "
                          f"because {said}; nothing was written; try again")
