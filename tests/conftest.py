"""Shared fixtures: fresh stores on SQLite (always) and PostgreSQL (when a server is given).

PostgreSQL tests need FORENSICS_TEST_PG_URL, a database URL whose user may create databases
(e.g. postgresql://me@localhost/postgres). Without it they are skipped with that reason;
with FORENSICS_REQUIRE_PG=1 (as in CI) they fail instead of being skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from forensics_gui.services import demo, stores

PG_URL_VAR = "FORENSICS_TEST_PG_URL"
PG_REQUIRED = os.environ.get("FORENSICS_REQUIRE_PG") == "1"
SKIP_REASON = (f"PostgreSQL tests skipped: set {PG_URL_VAR} to a server URL whose user may "
               "create databases (e.g. postgresql://me@localhost/postgres)")


def _unavailable(reason: str) -> None:
    if PG_REQUIRED:
        pytest.fail(f"PostgreSQL is required here but {reason}")
    pytest.skip(SKIP_REASON if not os.environ.get(PG_URL_VAR) else f"PostgreSQL: {reason}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, fully migrated SQLite store to copy for each test."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    stores.init(str(path)).close()
    return path


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A SQLite store holding the demo data, to copy for each test."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    store = stores.open_existing(str(path))
    demo.load_demo(store)
    store.close()
    return path


def _copy_store(template: Path, target: Path) -> Iterator[stores.Store]:
    shutil.copy(template, target)
    store = stores.open_existing(str(target))
    yield store
    store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path, sqlite_template: Path) -> Iterator[stores.Store]:
    yield from _copy_store(sqlite_template, tmp_path / "store.sqlite")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    admin_url = os.environ.get(PG_URL_VAR)
    if not admin_url:
        _unavailable(f"{PG_URL_VAR} is not set")
    import psycopg

    name = f"forensics_test_{uuid.uuid4().hex[:10]}"
    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(plain, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        _unavailable(f"the server at {admin_url} cannot be used: {error}")
    base, _, _ = plain.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(plain, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_migrated(pg_server_url: str) -> str:
    stores.init(pg_server_url).close()
    return pg_server_url


def _reset_pg(url: str) -> None:
    """Empty every table but keep the schema, the seeded handling markings and company names.

    The audit trail and custody history refuse DELETE and TRUNCATE (triggers); only a
    superuser may switch triggers off, so the test user must be one.
    """
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [sql.Identifier(r[0]) for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT IN ('alembic_version', 'handling_marking', 'company_alias', "
            "'transshipment_hub')")]
        try:
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                for table in tables:
                    conn.execute(sql.SQL("DELETE FROM {}").format(table))
        except psycopg.errors.InsufficientPrivilege:
            _unavailable("the test user may not empty the tables (it must be a superuser)")
        for seeded in ("handling_marking", "company_alias", "transshipment_hub"):
            conn.execute(sql.SQL("DELETE FROM {} WHERE created_by <> 'schema'")
                         .format(sql.Identifier(seeded)))


@pytest.fixture
def pg_store(pg_migrated: str) -> Iterator[stores.Store]:
    _reset_pg(pg_migrated)
    store = stores.open_existing(pg_migrated)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> stores.Store:
    """A fresh empty store, once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[stores.Store]:
    """A store holding the demo data, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_demo_template")
        yield from _copy_store(template, tmp_path / "demo.sqlite")
        return
    store = request.getfixturevalue("pg_store")
    demo.load_demo(store)
    yield store


# --------------------------------------------------------------- PostgreSQL really ran?
_pg_outcomes: dict[str, int] = {"passed": 0, "skipped": 0, "failed": 0}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "postgres" in report.keywords and (report.when == "call" or report.skipped):
        _pg_outcomes[report.outcome] = _pg_outcomes.get(report.outcome, 0) + 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Where PostgreSQL is required (CI), a run in which its tests did not run fails."""
    if not PG_REQUIRED or session.config.option.collectonly:
        return
    if _pg_outcomes["skipped"] or not _pg_outcomes["passed"]:
        print(f"\nPostgreSQL tests were required but did not all run: {_pg_outcomes}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(
        f"PostgreSQL tests: {_pg_outcomes['passed']} passed, {_pg_outcomes['skipped']} skipped")
