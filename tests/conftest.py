"""Shared fixtures: fresh stores on SQLite (always) and PostgreSQL (when a server is there).

PostgreSQL tests run on the server FORENSICS_TEST_PG_URL names (a database URL whose user may
create databases, e.g. postgresql://me@localhost/postgres); without it, on the local server
found where libpq looks by default (PGHOST, PGPORT and PGUSER respected; else 127.0.0.1 and
the local socket, as the current user), if its user may create databases. Otherwise they are
skipped, and the summary says why; with FORENSICS_REQUIRE_PG=1 (as in CI) they fail instead.
FORENSICS_TEST_PG_URL=none skips them even when a local server is there.
"""

from __future__ import annotations

import functools
import getpass
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from forensics_gui.services import demo, stores
from forensics_gui.storage.locator import strip_password


def _heic_for_tests() -> None:
    """The tests make HEIC files with pillow-heif's encoder; the application reads them with
    its decoder (pi-heif), registered after it so that it stays the one that opens them."""
    try:
        import pi_heif
        import pillow_heif
    except ImportError:  # the HEIC tests then skip, saying why
        return
    pillow_heif.register_heif_opener()
    pi_heif.register_heif_opener()


_heic_for_tests()

PG_URL_VAR = "FORENSICS_TEST_PG_URL"
PG_REQUIRED = os.environ.get("FORENSICS_REQUIRE_PG") == "1"
PG_HINT = (f"set {PG_URL_VAR} to a server URL whose user may create databases "
           "(e.g. postgresql://me@localhost/postgres)")
# Socket folders tried after libpq's default: the distributions' packages use the first, servers
# built from source and Homebrew's the second.
SOCKET_FOLDERS = ("/var/run/postgresql", "/tmp")
PROBE_TIMEOUT_S = 2  # libpq's shortest; a local server answers or refuses at once


@dataclass(frozen=True)
class PgCandidate:
    """A place a PostgreSQL server may answer: the URL of its `postgres` database there."""

    url: str
    where: str


@dataclass(frozen=True)
class PgServer:
    """The server the PostgreSQL tests use (url and how it was chosen), or why there is none."""

    url: str | None
    origin: str = ""
    reason: str = ""


def pg_candidates(environ: Mapping[str, str],
                  socket_folders: Iterable[str] = ()) -> list[PgCandidate]:
    """Where libpq would look for a server, in the order tried: each host of PGHOST (a folder
    is a socket's) at PGPORT, when set; else 127.0.0.1, then the local socket (libpq's default
    folder, then `socket_folders`). As PGUSER, else the current user; database `postgres`.

    127.0.0.1 comes before the socket: a URL that names its host can be handed to every test
    (some build other logins' URLs and service files from its host name)."""
    user = quote(environ.get("PGUSER") or getpass.getuser(), safe="")
    hosts = [h.strip() for h in environ.get("PGHOST", "").split(",") if h.strip()]
    ports = [p.strip() for p in environ.get("PGPORT", "").split(",") if p.strip()] or ["5432"]
    if not hosts:
        port = ports[0]
        query = "" if port == "5432" else f"?port={port}"
        found = [PgCandidate(f"postgresql://{user}@127.0.0.1:{port}/postgres", f"127.0.0.1:{port}"),
                 PgCandidate(f"postgresql://{user}@/postgres{query}",
                             "the local server's default socket")]
        return found + [_socket(user, folder, port, f"the socket in {folder}")
                        for folder in socket_folders]
    return [_at(user, host, ports[i] if i < len(ports) else ports[0])
            for i, host in enumerate(hosts)]


def _at(user: str, host: str, port: str) -> PgCandidate:
    if host.startswith("/"):
        return _socket(user, host, port, f"the socket in {host}, from PGHOST")
    name = f"[{host}]" if ":" in host else host
    return PgCandidate(f"postgresql://{user}@{name}:{port}/postgres",
                       f"{name}:{port}, from PGHOST")


def _socket(user: str, folder: str, port: str, where: str) -> PgCandidate:
    return PgCandidate(f"postgresql://{user}@/postgres?host={quote(folder, safe='/')}"
                       f"&port={port}", where)


def _socket_folders(port: str) -> list[str]:
    """Socket folders besides libpq's default where a server's socket is (each folder once)."""
    seen: dict[str, str] = {}
    for folder in SOCKET_FOLDERS:
        if Path(folder, f".s.PGSQL.{port}").exists():
            seen.setdefault(os.path.realpath(folder), folder)
    return list(seen.values())


def probe(candidate: PgCandidate, timeout: int = PROBE_TIMEOUT_S) -> str | None:
    """Why the tests cannot use the server at `candidate`; None when they can (it answers
    and its user may create databases)."""
    import psycopg

    try:
        with psycopg.connect(candidate.url, autocommit=True, connect_timeout=timeout) as conn:
            row = conn.execute("SELECT rolcreatedb OR rolsuper, current_user FROM pg_roles "
                               "WHERE rolname = current_user").fetchone()
    except psycopg.Error as error:
        return _first_words(error)
    if row is None or not row[0]:
        return f"user {row[1] if row else '?'} may not create databases"
    return None


def _first_words(error: Exception) -> str:
    """libpq's reason without its preamble: 'connection refused', 'role "x" does not exist'."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    text = " ".join(text.rpartition(" failed: ")[2].removeprefix("FATAL:").split())
    return text[:1].lower() + text[1:]


def discover_pg_server(environ: Mapping[str, str]) -> PgServer:
    """The first place libpq looks at whose server the tests can use, or why there is none."""
    port = (environ.get("PGPORT") or "5432").split(",")[0].strip()
    tried = []
    for candidate in pg_candidates(environ, _socket_folders(port)):
        reason = probe(candidate)
        if reason is None:
            return PgServer(candidate.url, f"found at {candidate.where}; {PG_URL_VAR} is not set")
        tried.append(f"{candidate.where} ({reason})")
    return PgServer(None, reason="no PostgreSQL server could be used at "
                    + " or at ".join(tried))


@functools.cache
def pg_server() -> PgServer:
    """The server for this run: FORENSICS_TEST_PG_URL's, else the local one (looked for once)."""
    given = os.environ.get(PG_URL_VAR, "").strip()
    if given.lower() == "none":
        return PgServer(None, reason=f"{PG_URL_VAR}=none")
    if given:
        return PgServer(given, f"from {PG_URL_VAR}")
    return discover_pg_server(os.environ)


_pg_why_not: list[str] = []


def _unavailable(reason: str) -> None:
    _pg_why_not.append(reason)
    if PG_REQUIRED:
        pytest.fail(f"PostgreSQL is required here but {reason}")
    hint = "" if os.environ.get(PG_URL_VAR) else f"; {PG_HINT}"
    pytest.skip(f"PostgreSQL tests skipped: {reason}{hint}")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


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
    server = pg_server()
    if server.url is None:
        _unavailable(server.reason)
    import psycopg

    name = f"forensics_test_{uuid.uuid4().hex[:10]}"
    plain = server.url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(plain, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        _unavailable(f"the server at {strip_password(server.url)} ({server.origin}) cannot be "
                     f"used: {_first_words(error)}")
    yield _with_database(plain, name)
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
            "'transshipment_hub', 'audit_chain_head')")]
        try:
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                for table in tables:
                    conn.execute(sql.SQL("DELETE FROM {}").format(table))
                # The audit trail starts again from its first event.
                conn.execute("UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)")
            for table, trigger in conn.execute(  # guards a test switched off are on again
                    "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c "
                    "ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgenabled = 'D'"):
                conn.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER {}").format(
                    sql.Identifier(table), sql.Identifier(trigger)))
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
    if "postgres" not in report.keywords:
        return
    if report.when == "call" or report.skipped:
        _pg_outcomes[report.outcome] = _pg_outcomes.get(report.outcome, 0) + 1
    elif report.failed:  # in a fixture: no server where one is required, or a broken one
        _pg_outcomes["errors"] = _pg_outcomes.get("errors", 0) + 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Where PostgreSQL is required (CI), a run in which its tests did not run fails."""
    if not PG_REQUIRED or session.config.option.collectonly:
        return
    if _pg_outcomes["skipped"] or not _pg_outcomes["passed"]:
        print(f"\nPostgreSQL tests were required but did not all run: {_pg_outcomes}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pg_summary(outcomes: Mapping[str, int], server: PgServer | None,
               why_not: str | None) -> list[str]:
    """The summary's lines on the store backends: which ran, on which PostgreSQL server and
    how it was found, or why the PostgreSQL tests did not run."""
    counts = ", ".join(f"{count} {outcome}" for outcome, count in outcomes.items() if count)
    if not counts:
        return ["PostgreSQL tests: none in this run"]
    why = why_not or (server.reason if server else "") or "see the skip reasons above"
    if not (outcomes.get("passed") or outcomes.get("failed")):
        hint = "" if server and server.origin.startswith("from") else f"; {PG_HINT}"
        did_not = (f"skipped ({counts.removesuffix(' skipped')})"
                   if counts.endswith(" skipped") and "," not in counts
                   else f"did not run ({counts})")
        return ["Store backends tested: SQLite only", f"PostgreSQL tests {did_not}: {why}{hint}"]
    where = f" on {strip_password(server.url)} ({server.origin})" if server and server.url else ""
    line = f"PostgreSQL tests: {counts}{where}"
    if outcomes.get("skipped") and why_not:
        line += f"; skipped: {why_not}"
    return ["Store backends tested: SQLite and PostgreSQL", line]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    server = pg_server() if pg_server.cache_info().currsize else None
    for line in pg_summary(_pg_outcomes, server, _pg_why_not[-1] if _pg_why_not else None):
        terminalreporter.write_line(line)
