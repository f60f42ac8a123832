"""Without FORENSICS_TEST_PG_URL, the PostgreSQL tests look for the local server where libpq
would, and the summary says on which server they ran or why they did not."""

from __future__ import annotations

import getpass
import os
import socket
import time
from pathlib import Path

import pytest

from tests.conftest import (
    PG_REQUIRED,
    PG_URL_VAR,
    PgCandidate,
    PgServer,
    discover_pg_server,
    pg_candidates,
    pg_summary,
)


def _where(candidates: list[PgCandidate]) -> list[tuple[str, str]]:
    return [(c.url, c.where) for c in candidates]


def test_without_libpq_variables_127_0_0_1_then_the_local_socket_as_this_user() -> None:
    me = getpass.getuser()
    assert _where(pg_candidates({})) == [
        (f"postgresql://{me}@127.0.0.1:5432/postgres", "127.0.0.1:5432"),
        (f"postgresql://{me}@/postgres", "the local server's default socket"),
    ]


def test_pguser_and_pgport_are_respected() -> None:
    found = pg_candidates({"PGUSER": "analyst", "PGPORT": "5433"}, ["/tmp"])
    assert _where(found) == [
        ("postgresql://analyst@127.0.0.1:5433/postgres", "127.0.0.1:5433"),
        ("postgresql://analyst@/postgres?port=5433", "the local server's default socket"),
        ("postgresql://analyst@/postgres?host=/tmp&port=5433", "the socket in /tmp"),
    ]


def test_pghost_replaces_the_defaults_host_by_host() -> None:
    found = pg_candidates({"PGHOST": "db.example.org,/run/pg,::1", "PGPORT": "6432,6433",
                           "PGUSER": "ann o'neil"}, ["/tmp"])
    assert _where(found) == [
        ("postgresql://ann%20o%27neil@db.example.org:6432/postgres",
         "db.example.org:6432, from PGHOST"),
        ("postgresql://ann%20o%27neil@/postgres?host=/run/pg&port=6433",
         "the socket in /run/pg, from PGHOST"),
        ("postgresql://ann%20o%27neil@[::1]:6432/postgres", "[::1]:6432, from PGHOST"),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_nothing_listening_is_told_quickly_with_each_place_tried() -> None:
    port = _free_port()
    started = time.monotonic()
    found = discover_pg_server({"PGPORT": str(port)})
    assert time.monotonic() - started < 3
    assert found.url is None
    assert f"127.0.0.1:{port} (connection refused)" in found.reason
    assert "the local server's default socket (" in found.reason


def _local_server_listening() -> bool:
    if Path("/var/run/postgresql/.s.PGSQL.5432").exists():
        return True
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


def test_the_local_server_is_found_where_libpq_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    if not _local_server_listening():
        if PG_REQUIRED:
            pytest.fail("PostgreSQL is required here but nothing listens at 127.0.0.1:5432 "
                        "or the local socket")
        pytest.skip("no PostgreSQL server listens at 127.0.0.1:5432 or the local socket")
    for name in ("PGHOST", "PGPORT", "PGUSER", PG_URL_VAR):
        monkeypatch.delenv(name, raising=False)
    found = discover_pg_server(os.environ)
    assert found.url is not None, found.reason
    assert found.url.endswith("/postgres") and f"{PG_URL_VAR} is not set" in found.origin
    import psycopg

    with psycopg.connect(found.url, connect_timeout=2) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("postgres",)


def test_a_user_the_server_does_not_know_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    if not _local_server_listening():
        pytest.skip("no PostgreSQL server listens at 127.0.0.1:5432 or the local socket")
    found = discover_pg_server({"PGUSER": "no_such_tester", "PGPASSWORD": "x"})
    assert found.url is None
    assert 'no_such_tester' in found.reason


def test_the_summary_names_the_server_and_how_it_was_found() -> None:
    server = PgServer("postgresql://root:s3cret@127.0.0.1:5432/postgres",
                      f"found at 127.0.0.1:5432; {PG_URL_VAR} is not set")
    lines = pg_summary({"passed": 315, "skipped": 0, "failed": 0}, server, None)
    assert lines == [
        "Store backends tested: SQLite and PostgreSQL",
        "PostgreSQL tests: 315 passed on postgresql://root@127.0.0.1:5432/postgres "
        f"(found at 127.0.0.1:5432; {PG_URL_VAR} is not set)"]


def test_the_summary_says_why_they_were_skipped_and_what_to_set() -> None:
    why = ("no PostgreSQL server could be used at 127.0.0.1:5432 (connection refused) or at "
           "the local server's default socket (no such file or directory)")
    lines = pg_summary({"passed": 0, "skipped": 12, "failed": 0}, PgServer(None, reason=why),
                       why)
    assert lines[0] == "Store backends tested: SQLite only"
    assert lines[1].startswith(f"PostgreSQL tests skipped (12): {why}; set {PG_URL_VAR}")
    assert pg_summary({"passed": 0, "skipped": 0, "failed": 0}, None, None) == [
        "PostgreSQL tests: none in this run"]
