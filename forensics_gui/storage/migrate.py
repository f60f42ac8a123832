"""Schema versions: upgrading a store, refusing one from a newer version, checking the models."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from forensics_gui.core.errors import StoreDamagedError, StoreTooNewError
from forensics_gui.core.resources import resource_dir
from forensics_gui.storage.models import Base
from forensics_gui.storage.search_index import managed_outside_models


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the bundled migrations."""
    config = Config()
    config.set_main_option("script_location", str(resource_dir("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the application knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder holds no revision"
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision the store is at, or None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def is_empty(connection: Connection) -> bool:
    """True when the database holds no table but Alembic's own (left by a downgrade to base)."""
    return not set(inspect(connection).get_table_names()) - {"alembic_version"}


def check_known(revision: str | None, location: str) -> None:
    """Refuse a store whose revision this version of the application does not know."""
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise StoreTooNewError(
            f"{location} was written by a newer version of the application (schema "
            f"{revision}); install the newer version to open it")


def check_is_store(connection: Connection, location: str) -> None:
    """Refuse a database that holds tables but none of ours."""
    if current_revision(connection) is None and not is_empty(connection):
        raise StoreDamagedError(f"{location} is a database but not a forensic store; "
                                "open another file or choose an empty database")


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the schema to `revision` inside the connection's transaction."""
    command.upgrade(alembic_config(connection), revision)


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a SQLite store aside before upgrading it; returns the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision or 'empty'}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    shutil.copymode(path, target)
    return target


def schema_differences(connection: Connection) -> list[Any]:
    """Differences between the models and the store's schema (empty when they agree)."""
    context = MigrationContext.configure(connection, opts={
        "compare_type": True,
        "include_name": lambda name, type_, _parents: not managed_outside_models(name, type_)})
    return list(compare_metadata(context, Base.metadata))


def integrity_problems(connection: Connection) -> list[str]:
    """Damage found by the database's own checks (SQLite integrity and foreign keys)."""
    if connection.dialect.name != "sqlite":
        return []
    problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")
                if row[0] != "ok"]
    for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    return problems
