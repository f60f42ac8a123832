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
    """Bring the schema to `revision` inside the connection's transaction. On a shared
    PostgreSQL store whose roles are set up, the new tables and functions are given to the
    owner role and granted as designed in the same transaction (a superuser upgrades it)."""
    from forensics_gui.storage import access

    had_roles = access.installed(connection)
    command.upgrade(alembic_config(connection), revision)
    if had_roles:
        access.install(connection)


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


# The triggers that guard the evidence, the audit trail and the search index, as the
# migrations leave them: {table: names}. `guard_problems` reports one missing or disabled.
_SHARED_GUARDS = {
    "component_finding": ("component_finding_forget_terms", "component_finding_kept"),
    "organization": ("organization_forget_terms",),
    "part": ("part_forget_terms",),
    "photo": ("photo_facts_fixed", "photo_kept"),
    "photo_blob": ("photo_blob_kept", "photo_blob_no_update"),
    "recovered_item": ("recovered_item_forget_terms", "recovered_item_kept"),
    "source": ("source_forget_terms",),
    "weapon_system_type": ("weapon_system_type_forget_terms",),
}
GUARDS = {
    "sqlite": _SHARED_GUARDS | {
        "audit_event": ("audit_event_no_delete", "audit_event_no_update"),
        "custody_event": ("custody_event_kept", "custody_event_no_update"),
        "search_term": ("search_term_ad", "search_term_ai", "search_term_au")},
    "postgresql": _SHARED_GUARDS | {
        "audit_event": ("audit_event_actor", "audit_event_append_only",
                        "audit_event_no_truncate", "audit_event_seal",
                        "audit_event_sealed_once"),
        "custody_event": ("custody_event_append_only", "custody_event_no_truncate")},
}


def integrity_problems(connection: Connection) -> list[str]:
    """Damage found by the database's own checks (SQLite integrity and foreign keys), guards
    missing or switched off, and an audit trail whose hash chain does not hold."""
    from forensics_gui.storage import access, audit_chain

    problems = guard_problems(connection) + access.problems(connection)
    if connection.dialect.name == "sqlite":
        problems += [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")
                     if row[0] != "ok"]
        for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    if "audit_chain_head" in inspect(connection).get_table_names():
        problems += [f"audit trail: {p}" for p in audit_chain.verify(connection).problems]
    return problems


def guard_problems(connection: Connection) -> list[str]:
    """Each trigger of `GUARDS` that is missing, or disabled (PostgreSQL)."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        found = {(t, n): "O" for t, n in connection.exec_driver_sql(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")}
    else:
        found = {(t, n): e for t, n, e in connection.exec_driver_sql(
            "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal")}
    problems = []
    guards = dict(GUARDS.get(dialect, {}))
    if dialect == "postgresql" and any(n == "audit_event_seal" for _, n in found):
        from forensics_gui.storage.audit_chain import NOT_ROW_AUDITED

        # Every table but the trail and the search index records its changes (0010).
        for table in connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                ).scalars():
            if table not in NOT_ROW_AUDITED and not table.startswith("search_term"):
                guards[table] = (*guards.get(table, ()), *(f"{table}_audit_{verb}" for verb in
                                                           ("insert", "update", "delete")))
    for table, names in guards.items():
        for name in names:
            state = found.get((table, name))
            if state is None:
                problems.append(f"the guard {name} on {table} is missing: the database no "
                                f"longer enforces what it protects")
            elif state not in ("O", "A"):  # disabled, or firing only on replicas
                problems.append(f"the guard {name} on {table} is switched off (ALTER TABLE "
                                f"... DISABLE TRIGGER)")
    return problems
