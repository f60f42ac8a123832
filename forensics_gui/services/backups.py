"""Backing up a store and restoring one from a backup: the one API behind `forensics backup`,
`forensics restore` and the desktop client's File menu.

Every backup is read back and checked before it is given its name, and again before it is
restored; a backup that fails is refused, naming the problem. A restore never erases a store:
the store it replaces is first copied aside under a name with the time in it.

SQLite: the copy is one snapshot of the store, taken while other programs may go on writing.
The rows of every table are counted in that same snapshot, so the copy must hold exactly as
many: a copy that differs is refused. PostgreSQL: `pg_dump --format=custom`, checked with
`pg_restore --list`; restored with `pg_restore` into an empty database only.

`control` (optional) is a TaskControl-like object: report(done, total, text) and check(),
which raises to stop; a stopped backup or restore leaves no partial file and changes nothing.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from forensics_gui.core.backups import (
    BackupCheck,
    BackupRefusedError,
    BackupReport,
    RestoreReport,
    refusal,
)
from forensics_gui.core.errors import KnownError, StoreAuthError
from forensics_gui.storage import backup_store as bs
from forensics_gui.storage.locator import StoreLocation, resolve_location
from forensics_gui.storage.store import PasswordPrompt, Store, open_store

__all__ = ["back_up", "check_backup", "default_name", "restore"]

Control = Any  # report(done, total, text) and check()
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
SUFFIX = {"sqlite": ".sqlite", "postgresql": ".dump"}


def default_name(store: Store, now: datetime | None = None) -> str:
    """A backup's file name: the store's name, 'backup' and the local time."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    if store.location.path is not None:
        name = store.location.path.stem
    else:
        name = bs.database_name(store) or "store"
    return f"{name}-backup-{stamp}{SUFFIX[store.kind]}"


def back_up(store: Store, destination: str | Path, *, control: Control = None) -> BackupReport:
    """Write a backup of `store` to `destination` (a file that does not exist yet, or a folder
    to put it in under `default_name`) and check it; returns where it is and what it holds.

    The backup is written under a temporary name in the same folder, read back and checked,
    and only then renamed to its name: a file of that name is always a checked backup.
    """
    target = _backup_target(store, destination)
    started = time.monotonic()
    temp = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:8]}")
    try:
        if store.kind == "sqlite":
            check = _write_sqlite(store, temp, control)
        else:
            check = _write_pg(store, temp, control)
        _rename_new(temp, target)
    finally:
        bs.remove_quietly(temp)
    check = dataclasses.replace(check, path=str(target))
    return BackupReport(str(target), store.kind, store.location.display, check.revision,
                        target.stat().st_size, time.monotonic() - started, check)


def check_backup(path: str | Path, *, control: Control = None) -> BackupCheck:
    """Read a backup back and check it (see the module's notes); its problems are listed,
    not raised."""
    file = _existing_backup(path)
    if _header(file).startswith(PG_DUMP_MAGIC):
        return _known_revision(bs.check_pg_dump(file))
    return _known_revision(bs.check_sqlite(file, _progress(control)))


def restore(backup: str | Path, location: str | None = None, *, replace: bool = False,
            prompt: PasswordPrompt | None = None, control: Control = None) -> RestoreReport:
    """Restore `backup` into the store at `location` (else $FORENSICS_STORE, else the local
    store). A SQLite backup goes into a SQLite store: a new one, or, with `replace`, in place
    of the one there, which is first copied aside. A PostgreSQL dump goes into an existing,
    empty database. The backup is checked first and refused when it fails."""
    file = _existing_backup(backup)
    target = resolve_location(location)
    is_dump = _header(file).startswith(PG_DUMP_MAGIC)
    if is_dump != (target.kind == "postgresql"):
        have = "a PostgreSQL dump" if is_dump else "a SQLite store file"
        want = "a PostgreSQL database" if is_dump else "a SQLite store file"
        raise BackupRefusedError(f"{file} is {have}: it can only be restored into {want}, "
                                 f"not into {target.display}; nothing was changed")
    if is_dump:
        return _restore_pg(file, target, location, prompt, control)
    return _restore_sqlite(file, target, replace, control)


# ---------------------------------------------------------------------------- checks


def _progress(control: Control) -> Callable[[int, int, str], None]:
    if control is None:
        return lambda _done, _total, _what: None

    def report(done: int, total: int, what: str) -> None:
        control.report(done, total, what)
        control.check()
    return report


def _known_revision(check: BackupCheck) -> BackupCheck:
    """The check, with a problem added when the backup's schema is newer than this version."""
    from forensics_gui.storage import migrate  # Alembic is loaded only when needed

    if check.revision is None:
        return check
    try:
        migrate.check_known(check.revision, check.path)
    except KnownError as error:
        return dataclasses.replace(check, problems=(*check.problems, str(error)))
    return check


def _same_as_source(check: BackupCheck, revision: str | None,
                    counts: dict[str, int]) -> BackupCheck:
    """The check, with a problem for each way the copy differs from the snapshot it copied."""
    problems = list(check.problems)
    if check.revision != revision:
        problems.append(f"its schema revision is {check.revision}, the store's is {revision}")
    for table in sorted(set(counts) | set(check.counts)):
        if counts.get(table) != check.counts.get(table):
            problems.append(f"{table} holds {check.counts.get(table, 0):,} rows, the store "
                            f"held {counts.get(table, 0):,}")
    return dataclasses.replace(check, problems=tuple(problems))


def _existing_backup(path: str | Path) -> Path:
    file = Path(path).expanduser()
    if not file.is_file():
        raise BackupRefusedError(f"there is no backup file at {file}")
    header = _header(file)
    if not (header.startswith(SQLITE_MAGIC) or header.startswith(PG_DUMP_MAGIC)):
        raise BackupRefusedError(f"{file} is not a backup: neither a SQLite store nor a "
                                 "PostgreSQL dump (pg_dump --format=custom); nothing was changed")
    return file


def _header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(16)


# ---------------------------------------------------------------------------- backup


def _backup_target(store: Store, destination: str | Path) -> Path:
    target = Path(destination).expanduser()
    if target.is_dir():
        target = target / default_name(store)
    if not target.parent.is_dir():
        raise BackupRefusedError(f"the folder {target.parent} does not exist; create it or "
                                 "choose another place for the backup")
    if target.exists():
        raise BackupRefusedError(f"{target} already exists; a backup is never written over "
                                 "another file: choose a new name or a folder")
    if store.location.path is not None and target.resolve() == store.location.path:
        raise BackupRefusedError(f"{target} is the store itself; choose another name")
    return target


def _write_sqlite(store: Store, temp: Path, control: Control) -> BackupCheck:
    assert store.location.path is not None
    progress = _progress(control)
    revision, counts = bs.copy_sqlite(store.location.path, temp, progress,
                                      "Copying the store")
    check = _same_as_source(bs.check_sqlite(temp, progress), revision, counts)
    if not check.ok:
        raise refusal(check, "the backup just written")
    return check


def _write_pg(store: Store, temp: Path, control: Control) -> BackupCheck:
    bs.pg_program("pg_dump")  # say what to install before anything is done
    bs.pg_program("pg_restore")
    dsn, password = bs.pg_login(store)
    tables = bs.pg_store_tables(store)
    bs.pg_dump(dsn, password, temp, _progress(control))
    check = bs.check_pg_dump(temp, tables)
    revision = store.schema_revision()
    if check.revision != revision:
        check = dataclasses.replace(check, problems=(
            *check.problems, f"its schema revision is {check.revision}, the store's is "
                             f"{revision}"))
    if not check.ok:
        raise refusal(check, "the backup just written")
    return check


def _rename_new(temp: Path, target: Path) -> None:
    """Give the checked file its name, refusing to replace a file that appeared meanwhile."""
    if target.exists():
        raise BackupRefusedError(f"{target} appeared while the backup was written; it was left "
                                 "as it is: choose another name")
    os.replace(temp, target)
    bs.sync_folder(target.parent)


# --------------------------------------------------------------------------- restore


def _restore_sqlite(file: Path, target: StoreLocation, replace: bool,
                    control: Control) -> RestoreReport:
    store_path = target.path
    assert store_path is not None
    if store_path.is_dir():
        raise BackupRefusedError(f"{store_path} is a folder; give the path of a store file")
    if store_path.exists() and not replace:
        raise BackupRefusedError(
            f"there is already a store at {store_path}; to replace it with the backup give "
            "--replace (it is kept aside first), or restore into a new file with --store")
    progress = _progress(control)
    check = _known_revision(bs.check_sqlite(file, progress))
    if not check.ok:
        raise refusal(check)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    temp = store_path.with_name(f".{store_path.name}.restoring-{uuid.uuid4().hex[:8]}")
    try:
        revision, counts = bs.copy_sqlite(file, temp, progress, "Copying the backup")
        copied = _same_as_source(bs.check_sqlite(temp, progress), revision, counts)
        if not copied.ok:
            raise refusal(copied, "the copy of the backup")
        kept = _replace(store_path, temp, progress) if store_path.exists() else None
        if kept is None:
            _rename_new(temp, store_path)
    finally:
        bs.remove_quietly(temp)
    return RestoreReport(str(file), str(store_path), kept,
                         dataclasses.replace(copied, path=str(store_path)))


def _replace(store_path: Path, temp: Path, progress: Callable[[int, int, str], None]) -> str:
    """Keep the store aside, then put the checked copy `temp` in its place; returns where the
    store as it was is kept."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = store_path.with_name(f"{store_path.stem}.replaced-{stamp}{store_path.suffix}")
    if not bs.is_sqlite_database(store_path):  # damaged beyond reading: the file itself
        bs.move_aside(store_path, aside)
        os.replace(temp, store_path)
        bs.sync_folder(store_path.parent)
        return str(aside)
    with bs.connected(store_path) as connection:
        _copy_aside(connection, aside, progress)
        bs.write_into(temp, connection, progress)
    return str(aside)


COPY_ATTEMPTS = 3


def _copy_aside(connection: sqlite3.Connection, aside: Path,
                progress: Callable[[int, int, str], None]) -> None:
    """Copy what the store holds to `aside`; when another program writes while it is copied,
    copy again, so that nothing written before the restore is missing from the copy."""
    for _attempt in range(COPY_ATTEMPTS):
        partial = aside.with_name(f".{aside.name}.partial-{uuid.uuid4().hex[:8]}")
        try:
            seen = bs.copy_from_connection(connection, partial, progress,
                                           "Keeping the current store aside")
            if bs.data_version(connection) == seen:
                _rename_new(partial, aside)
                return
        finally:
            bs.remove_quietly(partial)
    raise BackupRefusedError("another program kept writing to the store while it was copied "
                             "aside; close the programs using it and restore again; nothing "
                             "was changed")


def _restore_pg(file: Path, target: StoreLocation, location: str | None,
                prompt: PasswordPrompt | None, control: Control) -> RestoreReport:
    check = _known_revision(bs.check_pg_dump(file))
    if not check.ok:
        raise refusal(check)
    password = None
    try:
        dsn, tables = bs.pg_target(target, None)
    except StoreAuthError as error:
        password = prompt(target.display) if prompt and error.password_may_help else None
        if not password:
            raise
        dsn, tables = bs.pg_target(target, password)
    if tables:
        shown = ", ".join(tables[:3]) + (" …" if len(tables) > 3 else "")
        raise BackupRefusedError(
            f"the database {target.display} is not empty (it holds {len(tables)} tables: "
            f"{shown}); restore into a new, empty database (create one with `createdb NAME` "
            "and give its address with --store); nothing was changed")
    bs.pg_restore(file, dsn, password, _progress(control))
    restored = open_store(location, prompt=(lambda _w: password) if password else prompt,
                          upgrade=False)
    try:
        revision = restored.schema_revision()
    finally:
        restored.close()
    if revision != check.revision:
        raise BackupRefusedError(f"the restored database {target.display} is at schema "
                                 f"{revision}, the dump at {check.revision}")
    return RestoreReport(str(file), target.display, None,
                         dataclasses.replace(check, path=target.display))
