"""Crashes: a `forensics` process killed outright (SIGKILL, as by a power cut, the out-of-memory
killer or `kill -9`) part-way through a command that writes in several steps, on SQLite and on
PostgreSQL.

Afterwards the store opens, `db check` and `verify` find it sound, it holds exactly what the
steps completed before the kill left (never half a photo, half a list version or half the demo
data), a list version whose screening was cut short says so and is screened by the next
`forensics screen`, and running the command again completes it: the store then holds what an
uninterrupted run leaves.

The process is killed at chosen points, so that every run is repeatable: just before a given
SQL statement is sent (part-way through a transaction), or just before or just after a given
commit. A small wrapper run with `python -c` arms the point, then runs the command line as
`forensics` does.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from forensics_gui.cli.main import main
from forensics_gui.services import demo, photos, screening, stores
from forensics_gui.storage import screening_query as sq
from tests.e2e.test_cli import Run, cli

ITEM = "DEMO-ISKANDER-M-9M723-001"
LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = tuple(str(LISTS / "ofac-2024-05" / name) for name in ("sdn.csv", "alt.csv", "add.csv"))
IMPORT = ("lists", "import", *MAY, "--published", "2024-05-01")
PICTURES = 4

# Runs the command line given after `-c` with a kill point armed: CRASH_AT holds
# [when, nth, sql]; the process kills itself just before the nth SQL statement that starts with
# `sql` ("statement"; a COPY into a table counts as "INSERT INTO" it), or just before or just
# after the nth commit ("before-commit", "after-commit"). Commits are counted where SQLAlchemy
# hands them to the database driver, so the schema's creation counts as well as every unit of
# work.
KILLER = """
import json, os, signal
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.default import DefaultDialect

when, nth, sql = json.loads(os.environ["CRASH_AT"])
seen = [0]

def reached():
    seen[0] += 1
    if seen[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)

if when == "statement":
    @event.listens_for(Engine, "before_cursor_execute")
    def before(conn, cursor, statement, *rest):
        if statement.lstrip().startswith(sql):
            reached()

    try:  # on PostgreSQL bulk rows go in by COPY, which counts as the table's INSERT
        import psycopg
    except ImportError:
        psycopg = None
    if psycopg is not None:
        copy = psycopg.Cursor.copy

        def counted_copy(cursor, statement, *rest, **named):
            if str(statement).replace("COPY ", "INSERT INTO ", 1).startswith(sql):
                reached()
            return copy(cursor, statement, *rest, **named)

        psycopg.Cursor.copy = counted_copy
else:
    commit = DefaultDialect.do_commit

    def do_commit(dialect, dbapi_connection):
        if when == "before-commit":
            reached()
        commit(dialect, dbapi_connection)
        if when == "after-commit":
            reached()

    DefaultDialect.do_commit = do_commit

from forensics_gui.cli.main import main
main()
"""


@dataclass(frozen=True)
class KillPoint:
    """Where the process dies: just before the `nth` SQL statement starting with `sql`, or just
    before or just after the `nth` commit."""

    when: str  # "statement", "before-commit" or "after-commit"
    nth: int
    sql: str = ""

    def __str__(self) -> str:
        if self.when == "statement":
            return f"before statement {self.nth} starting {self.sql!r}"
        return f"{self.when.replace('-', ' ')} {self.nth}"


def killed(location: str, at: KillPoint, *args: str) -> None:
    """Run `forensics ARGS` on `location` in a process of its own and kill it at `at`; fails
    when the process ended by itself (the point was never reached)."""
    env = {**os.environ, "CRASH_AT": json.dumps([at.when, at.nth, at.sql])}
    done = subprocess.run([sys.executable, "-c", KILLER, "--store", location, *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, (
        f"forensics {' '.join(args)} was not killed {at} (exit code {done.returncode}): the "
        f"command no longer runs that step\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def run_here(location: str, *args: str) -> Run:
    """Run `forensics ARGS` in this process, which saves starting one (only the killed runs need
    their own). Only plain prints are caught in `out`: tables and JSON go to the output the CLI
    found when loaded, so tests read `code` and `err` here and the store through the services."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--store", location, *args])
    return Run(tuple(args), code, out.getvalue(), err.getvalue())


# ------------------------------------------------------------------------- the stores
@dataclass
class Backend:
    """Fresh stores on one kind of database, one per run, and the states uninterrupted runs
    leave (worked out once)."""

    kind: str
    empty: Callable[[], str]  # a location holding no store yet
    with_demo: Callable[[], str]  # a store holding the demo data
    references: dict[str, Any] = field(default_factory=dict)

    def reference(self, name: str, work_out: Callable[[Backend], Any]) -> Any:
        if name not in self.references:
            self.references[name] = work_out(self)
        return self.references[name]


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """SQLite files, or PostgreSQL databases, made afresh for every run."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_demo_template")
        folder = tmp_path_factory.mktemp("crashes")
        made = itertools.count()

        def with_demo() -> str:
            return str(shutil.copy(template, folder / f"demo-{next(made)}.sqlite"))

        yield Backend("sqlite", lambda: str(folder / f"new-{next(made)}.sqlite"), with_demo)
        return
    yield from _pg_backend(request.getfixturevalue("pg_server_url"))


def _pg_backend(server_url: str) -> Iterator[Backend]:
    """A database per run: empty ones for a store's creation, and copies of a database holding
    the demo data (PostgreSQL copies a template database far faster than the demo loads)."""
    import psycopg
    from psycopg import sql

    base = server_url.rpartition("/")[0]
    prefix = f"forensics_crash_{uuid.uuid4().hex[:8]}"
    made: list[str] = []
    with psycopg.connect(server_url, autocommit=True) as admin:

        def database(template: str | None = None) -> str:
            name = f"{prefix}_{len(made)}"
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template is not None:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            admin.execute(statement)
            made.append(name)
            return name

        try:
            demo_template = database()
            loaded = stores.init(f"{base}/{demo_template}")
            try:
                demo.load_demo(loaded)
            finally:
                loaded.close()
            yield Backend("postgresql", lambda: f"{base}/{database()}",
                          lambda: f"{base}/{database(demo_template)}")
        finally:
            for name in reversed(made):
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                              .format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Small, different JPEG pictures, added as one batch."""
    folder = tmp_path_factory.mktemp("pictures")
    paths = []
    for n in range(1, PICTURES + 1):
        out = io.BytesIO()
        Image.new("RGB", (64, 48), (n * 50, 20, 200)).save(out, "JPEG")
        path = folder / f"board-{n}.jpg"
        path.write_bytes(out.getvalue())
        paths.append(str(path))
    return paths


# ------------------------------------------------------------------------- the checks
def assert_sound(location: str) -> None:
    """The store opens (a creation cut short is completed), `db check` finds no problem, and
    `verify` finds every original intact, every photo with its original and every original
    with a photo."""
    store = stores.open_existing(location)
    try:
        assert stores.check(store) == []
    finally:
        store.close()
    store = stores.open_existing(location, read_only=True)  # verify then records nothing
    try:
        report = photos.verify(store)
    finally:
        store.close()
    assert not report.failures, report
    assert not report.photos_without_original, report
    assert not report.originals_without_photo, report
    assert report.problems == 0, report


def snapshot(location: str) -> dict[str, Any]:
    """What the store holds, without ids and times: the number of records of every kind (audit
    trail and custody history included), the photos with their originals and thumbnails, the
    list versions with the entries stored, and the screening matches."""
    store = stores.open_existing(location, read_only=True)
    try:
        with store.reading() as uow:
            counts = uow.counts()
            every = list(uow.list_page("photo", sort="created", limit=10_000).rows)
            versions = [(v.name, v.list_version, v.entry_count, len(sq.entries_of(uow, v.id)),
                         v.screened) for v in sq.lists(uow)]
        thumbs = photos.thumbnails(store, every)
        matches = screening.list_matches(store, limit=10_000).rows
    finally:
        store.close()
    return {
        "counts": counts,
        "photos": sorted((p.file_name, p.sha256, p.item_case_reference, p.id in thumbs)
                         for p in every),
        "lists": sorted(versions),
        "matches": sorted((m.organization_name, m.list_name, m.entry_ref, m.state, m.change)
                          for m in matches)}


# ------------------------------------------------------------------------- photo add
def _photo_references(pictures: list[str]) -> Callable[[Backend], list[dict[str, Any]]]:
    def work_out(backend: Backend) -> list[dict[str, Any]]:
        """The store after the first k pictures were added (k = 0 to all), one command each;
        the last must be what adding them all in one uninterrupted run leaves."""
        location = backend.with_demo()
        states = [snapshot(location)]
        for picture in pictures:
            assert run_here(location, "photo", "add", picture, "--item", ITEM).code == 0
            states.append(snapshot(location))
        whole = backend.with_demo()
        added = run_here(whole, "photo", "add", *pictures, "--item", ITEM)
        assert added.code == 0, str(added)
        assert snapshot(whole) == states[-1]
        return states

    return work_out


# Each picture is one transaction: its original, its thumbnail, the photo record, the audit.
PHOTO_POINTS = [
    pytest.param(KillPoint("statement", 1, "INSERT INTO photo ("), 0,
                 id="first photo record, after its original and thumbnail"),
    pytest.param(KillPoint("before-commit", 2), 1, id="second photo written, not committed"),
    pytest.param(KillPoint("after-commit", 2), 2, id="second photo committed"),
    pytest.param(KillPoint("statement", 4, "INSERT INTO photo_derivative"), 3,
                 id="last thumbnail, after its original"),
    pytest.param(KillPoint("after-commit", PICTURES), PICTURES,
                 id="last photo committed, nothing printed"),
]


@pytest.mark.parametrize(("at", "kept"), PHOTO_POINTS)
def test_photo_add_killed_keeps_whole_photos_and_completes_when_run_again(
        backend: Backend, pictures: list[str], at: KillPoint, kept: int) -> None:
    """The pictures committed before the kill are there whole (original, thumbnail, record,
    audit event), the next one not at all; adding the same files again adds the rest and
    reports the others as already attached."""
    states = backend.reference("photos", _photo_references(pictures))
    location = backend.with_demo()
    killed(location, at, "photo", "add", *pictures, "--item", ITEM)
    assert_sound(location)
    assert snapshot(location) == states[kept]
    again = run_here(location, "photo", "add", *pictures, "--item", ITEM)
    assert again.code == 0, str(again)
    assert again.err.splitlines()[-1] == (f"{PICTURES - kept} added, {kept} already attached, "
                                          "0 refused"), str(again)
    assert_sound(location)
    assert snapshot(location) == states[-1]


# ------------------------------------------------------------------------- lists import
def _list_references(backend: Backend) -> dict[str, dict[str, Any]]:
    """The store before the import, after an import whose screening did not run, and after an
    uninterrupted import (screening included)."""
    before = backend.with_demo()
    unscreened = backend.with_demo()
    assert run_here(unscreened, *IMPORT, "--no-screen").code == 0
    screened = backend.with_demo()
    done = run_here(screened, *IMPORT)
    assert done.code == 0, str(done)
    states = {"absent": snapshot(before), "unscreened": snapshot(unscreened),
              "screened": snapshot(screened)}
    assert states["screened"]["matches"], "the sample list should match demo organizations"
    return states


# The import is two transactions: the list version with its source and entries, then the
# screening's matches with the version marked screened.
LIST_POINTS = [
    pytest.param(KillPoint("statement", 1, "INSERT INTO sanctions_entry"), "absent",
                 id="entries, after the version record"),
    pytest.param(KillPoint("before-commit", 1), "absent", id="version written, not committed"),
    pytest.param(KillPoint("after-commit", 1), "unscreened",
                 id="version committed, screening not begun"),
    pytest.param(KillPoint("before-commit", 2), "unscreened",
                 id="screening written, not committed"),
    pytest.param(KillPoint("after-commit", 2), "screened",
                 id="screening committed, nothing printed"),
]


@pytest.mark.parametrize(("at", "left"), LIST_POINTS)
def test_lists_import_killed_leaves_a_whole_version_screened_or_marked_not(
        backend: Backend, at: KillPoint, left: str) -> None:
    """A list version is there with all its entries or not at all. One whose screening was cut
    short shows as NOT SCREENED, importing its files again is refused with a message saying
    to run `forensics screen`, and that screens it. Either way the store ends as an
    uninterrupted import leaves it."""
    states = backend.reference("lists", _list_references)
    location = backend.with_demo()
    killed(location, at, *IMPORT)
    assert_sound(location)
    assert snapshot(location) == states[left]
    if left == "unscreened":
        _screen_as_asked(location, states["screened"])
        return
    again = run_here(location, *IMPORT)
    if left == "absent":
        assert again.code == 0, str(again)
    else:
        assert again.code == 5, str(again)
        assert "imported already" in again.err, str(again)
        assert "and screened; nothing was imported" in again.err, str(again)
    assert_sound(location)
    assert snapshot(location) == states["screened"]


def _screen_as_asked(location: str, screened: dict[str, Any]) -> None:
    """`lists` shows the version as NOT SCREENED and says to run `forensics screen`; importing
    its files again is refused, saying the same; `screen` screens it, `lists` then shows the
    date, and the store holds what an uninterrupted import leaves."""
    # `forensics lists` runs in a process of its own (its table cannot be read in this one);
    # meanwhile this one goes on.
    with ThreadPoolExecutor(max_workers=1) as beside:
        listing = beside.submit(cli, location, "lists")
        again = run_here(location, *IMPORT)
        assert again.code == 5, str(again)
        assert ("imported already as OFAC SDN version 2024-05-01" in again.err
                and "but its screening did not complete: run `forensics screen`" in again.err
                and "nothing was imported" in again.err), str(again)
        listed = listing.result()
        assert listed.code == 0, str(listed)
        (row,) = listed.out.splitlines()[1:]  # under the header, the one version
        assert "NOT SCREENED" in row, str(listed)
        assert "The newest version of a list was not screened against: run `forensics " \
               "screen`." in listed.err, str(listed)
        done = run_here(location, "screen")
        assert done.code == 0, str(done)
        listing = beside.submit(cli, location, "lists")
        assert_sound(location)
        assert snapshot(location) == screened
        _assert_screened(location, listing.result())


def _assert_screened(location: str, listed: Run) -> None:
    """`lists` shows the date the version was screened on, and asks for nothing."""
    assert listed.code == 0, str(listed)
    (row,) = listed.out.splitlines()[1:]
    assert "NOT SCREENED" not in row and "not screened" not in listed.err, str(listed)
    store = stores.open_existing(location, read_only=True)
    try:
        (version,) = screening.list_versions(store)
    finally:
        store.close()
    assert version.list.screened_at is not None
    assert f"{version.list.screened_at:%Y-%m-%d}" in row.split(), str(listed)


# ------------------------------------------------------------------------- demo
def _demo_references(backend: Backend) -> dict[str, dict[str, Any]]:
    """A store just created, and one that an uninterrupted `forensics demo` created."""
    created = backend.empty()
    assert run_here(created, "init").code == 0
    loaded = backend.empty()
    done = run_here(loaded, "demo", "--json")
    assert done.code == 0, str(done)
    return {"empty": snapshot(created), "complete": snapshot(loaded)}


# `forensics demo` on a new store is two transactions: the store's schema (every migration at
# once), then the whole demo data set. It is the only bulk load the command line runs.
DEMO_POINTS = [
    pytest.param(KillPoint("statement", 1, "CREATE TABLE photo ("), "empty",
                 id="schema half made"),
    pytest.param(KillPoint("after-commit", 1), "empty", id="schema committed, no data"),
    pytest.param(KillPoint("statement", 11, "INSERT INTO component_finding"), "empty",
                 id="half the findings"),
    pytest.param(KillPoint("before-commit", 2), "empty", id="demo written, not committed"),
    pytest.param(KillPoint("after-commit", 2), "complete", id="demo committed, nothing printed"),
]


@pytest.mark.parametrize(("at", "left"), DEMO_POINTS)
def test_demo_killed_leaves_an_empty_store_or_the_whole_demo(
        backend: Backend, at: KillPoint, left: str) -> None:
    """`forensics demo` loads its data set in one transaction: a kill leaves a store (made, or
    completed when next opened) that is empty or holds all of it, and running `demo` again
    loads it, or says it is there already."""
    states = backend.reference("demo", _demo_references)
    location = backend.empty()
    killed(location, at, "demo", "--json")
    assert_sound(location)
    assert snapshot(location) == states[left]
    again = run_here(location, "demo", "--json")
    if left == "empty":
        assert again.code == 0, str(again)
    else:
        assert again.code == 5 and "already holds the demo data" in again.err, str(again)
    assert_sound(location)
    assert snapshot(location) == states["complete"]
