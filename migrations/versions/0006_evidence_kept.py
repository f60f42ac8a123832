"""evidence kept: withdrawal instead of deletion, custody corrections, fixed photo facts,
list versions that know whether they were screened

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Recovered items, findings, photos, their originals and custody events are no longer deleted
by ordinary use: the database refuses a DELETE of those rows unless an administrator's purge
has put its permit in `purge_permit` inside the same transaction. A photo's facts about its
original (hash, size, type, dimensions, EXIF) and the originals themselves cannot be
updated. The append-only triggers say which table refused and why.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

WITHDRAWABLE = ("recovered_item", "component_finding", "photo")
# Tables whose rows only a purge may delete, with what the refusal tells the user.
KEPT = {
    "recovered_item": "recovered items are evidence: withdraw one with a reason instead",
    "component_finding": "findings are evidence: withdraw one with a reason instead",
    "photo": "photos are evidence: withdraw one with a reason instead",
    "photo_blob": "original pictures are evidence and are never deleted outside a purge",
    "custody_event": "custody events are append-only: record a correction or a withdrawal "
                     "that names the event instead",
}
# custody_event's deletes go through 0001's append-only function, redefined below.
EVIDENCE_TABLES = ("recovered_item", "component_finding", "photo", "photo_blob")
PHOTO_FACTS = ("sha256", "byte_size", "media_type", "width", "height", "exif", "orientation",
               "camera_make", "camera_model", "lens", "gps_latitude", "gps_longitude",
               "gps_altitude")
FACTS_MESSAGE = ("the facts about the original of a photo (hash, size, type, dimensions, "
                 "EXIF) cannot be changed")
APPEND_ONLY_MESSAGE = {
    "audit_event": "the audit trail is append-only: its events cannot be changed or deleted",
    "custody_event": "custody events are append-only: record a correction or a withdrawal "
                     "that names the event instead",
}


def upgrade() -> None:
    for table in WITHDRAWABLE:
        op.add_column(table, sa.Column("withdrawn_at", _timestamp(), nullable=True))
        op.add_column(table, sa.Column("withdrawn_by", sa.String(200), nullable=False,
                                       server_default=""))
        op.add_column(table, sa.Column("withdrawal_reason", sa.Text(), nullable=False,
                                       server_default=""))
        # Only the withdrawn rows' ids: see storage.models.withdrawn_index.
        where = sa.text("withdrawn_at IS NOT NULL")
        op.create_index(f"ix_{table}_withdrawn", table, ["id"], sqlite_where=where,
                        postgresql_where=where)
    op.add_column("sanctions_list", sa.Column("screened_at", _timestamp(), nullable=True))
    op.create_table(
        "purge_permit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purge_permit")))
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_custody_columns()
        _sqlite_triggers()
    else:
        _postgresql_custody_columns()
        _postgresql_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_sqlite_triggers()
    else:
        _drop_postgresql_triggers()
    op.drop_table("purge_permit")
    op.drop_column("sanctions_list", "screened_at")
    for table in WITHDRAWABLE:
        op.drop_index(f"ix_{table}_withdrawn", table)
        for column in ("withdrawal_reason", "withdrawn_by", "withdrawn_at"):
            op.drop_column(table, column)


def _timestamp() -> sa.types.TypeEngine:
    from forensics_gui.storage.types import UTCDateTime

    return UTCDateTime()


# ------------------------------------------------------------------------ custody columns
def _custody_columns() -> list[sa.Column]:
    return [sa.Column("action", sa.String(20), nullable=False, server_default="transfer"),
            sa.Column("corrects_id", sa.Uuid(), nullable=True),
            sa.Column("reason", sa.Text(), nullable=False, server_default="")]


def _custody_constraints(batch: object) -> None:
    batch.create_foreign_key(op.f("fk_custody_event_corrects_id_custody_event"),  # type: ignore[attr-defined]
                             "custody_event", ["corrects_id"], ["id"], ondelete="CASCADE")
    batch.create_index(op.f("ix_custody_event_corrects_id"), ["corrects_id"])  # type: ignore[attr-defined]
    batch.create_check_constraint(  # type: ignore[attr-defined]
        "action", "action IN ('transfer','correction','withdrawal')")
    batch.create_check_constraint(  # type: ignore[attr-defined]
        "corrects", "(action = 'transfer') = (corrects_id IS NULL)")


def _sqlite_custody_columns() -> None:
    # The table is rebuilt (SQLite cannot add a constraint in place), which drops its
    # triggers: they are made again below.
    op.execute("DROP TRIGGER custody_event_no_update")
    op.execute("DROP TRIGGER custody_event_no_delete")
    with op.batch_alter_table("custody_event", recreate="always") as batch:
        for column in _custody_columns():
            batch.add_column(column)
        _custody_constraints(batch)


def _postgresql_custody_columns() -> None:
    for column in _custody_columns():
        op.add_column("custody_event", column)
    op.create_foreign_key(op.f("fk_custody_event_corrects_id_custody_event"), "custody_event",
                          "custody_event", ["corrects_id"], ["id"], ondelete="CASCADE")
    op.create_index(op.f("ix_custody_event_corrects_id"), "custody_event", ["corrects_id"])
    op.create_check_constraint("action", "custody_event",
                               "action IN ('transfer','correction','withdrawal')")
    op.create_check_constraint("corrects", "custody_event",
                               "(action = 'transfer') = (corrects_id IS NULL)")


# ------------------------------------------------------------------------------ SQLite
def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _sqlite_triggers() -> None:
    no_permit = "WHEN NOT EXISTS (SELECT 1 FROM purge_permit)"
    for table, message in KEPT.items():
        op.execute(f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} {no_permit} "
                   f"{_raise(message)}")
    # (photo_blob refuses updates since 0002.)
    op.execute("CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event "
               f"{_raise(APPEND_ONLY_MESSAGE['custody_event'])}")
    # audit_event's triggers of 0001 stay; their message is made plainer.
    op.execute("DROP TRIGGER audit_event_no_update")
    op.execute("DROP TRIGGER audit_event_no_delete")
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON "
                   f"audit_event {_raise(APPEND_ONLY_MESSAGE['audit_event'])}")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in PHOTO_FACTS)
    op.execute(f"CREATE TRIGGER photo_facts_fixed BEFORE UPDATE ON photo WHEN {changed} "
               f"{_raise(FACTS_MESSAGE)}")


def _drop_sqlite_triggers() -> None:
    for table in KEPT:
        op.execute(f"DROP TRIGGER {table}_kept")
    for name in ("photo_facts_fixed", "custody_event_no_update"):
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("custody_event", recreate="always") as batch:
        batch.drop_constraint(op.f("ck_custody_event_corrects"), type_="check")
        batch.drop_constraint(op.f("ck_custody_event_action"), type_="check")
        batch.drop_index(op.f("ix_custody_event_corrects_id"))
        batch.drop_constraint(op.f("fk_custody_event_corrects_id_custody_event"),
                              type_="foreignkey")
        for column in ("reason", "corrects_id", "action"):
            batch.drop_column(column)
    # 0001's triggers, as they were.
    op.execute("CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event "
               "BEGIN SELECT RAISE(ABORT, 'custody_event rows are append-only'); END")
    op.execute("CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event "
               "WHEN EXISTS (SELECT 1 FROM recovered_item WHERE id = OLD.item_id) "
               "BEGIN SELECT RAISE(ABORT, 'custody_event rows are append-only'); END")


# -------------------------------------------------------------------------- PostgreSQL
def _postgresql_triggers() -> None:
    # Replaces 0001's function, which read OLD.item_id on tables that have no such column.
    messages = " ".join(f"WHEN '{t}' THEN '{m}'" for t, m in APPEND_ONLY_MESSAGE.items())
    op.execute(f"""
        CREATE OR REPLACE FUNCTION forensics_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND TG_TABLE_NAME <> 'audit_event' THEN
            IF EXISTS (SELECT 1 FROM purge_permit) THEN
              RETURN OLD;
            END IF;
          END IF;
          RAISE EXCEPTION '%', CASE TG_TABLE_NAME {messages} END
            USING ERRCODE = 'integrity_constraint_violation';
        END $$""")
    kept = " ".join(f"WHEN '{t}' THEN '{m}'" for t, m in KEPT.items())
    op.execute(f"""
        CREATE FUNCTION forensics_evidence_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM purge_permit) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION '%', CASE TG_TABLE_NAME {kept} END
            USING ERRCODE = 'integrity_constraint_violation';
        END $$""")
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in PHOTO_FACTS
                          if c != "exif") + " OR OLD.exif::text IS DISTINCT FROM NEW.exif::text"
    op.execute(f"""
        CREATE FUNCTION forensics_photo_facts_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF {changed} THEN
            RAISE EXCEPTION '{FACTS_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END $$""")
    for table in EVIDENCE_TABLES:
        op.execute(f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION forensics_evidence_kept()")
    op.execute("CREATE TRIGGER photo_facts_fixed BEFORE UPDATE ON photo "
               "FOR EACH ROW EXECUTE FUNCTION forensics_photo_facts_fixed()")


def _drop_postgresql_triggers() -> None:
    for table in EVIDENCE_TABLES:
        op.execute(f"DROP TRIGGER {table}_kept ON {table}")
    op.execute("DROP TRIGGER photo_facts_fixed ON photo")
    op.execute("DROP FUNCTION forensics_photo_facts_fixed()")
    op.execute("DROP FUNCTION forensics_evidence_kept()")
    op.execute("""
        CREATE OR REPLACE FUNCTION forensics_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'custody_event' AND TG_OP = 'DELETE' AND NOT EXISTS
             (SELECT 1 FROM recovered_item WHERE id = OLD.item_id) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
        END $$""")
    for name in ("ck_custody_event_corrects", "ck_custody_event_action",
                 "fk_custody_event_corrects_id_custody_event"):
        op.drop_constraint(op.f(name), "custody_event")
    op.drop_index(op.f("ix_custody_event_corrects_id"), "custody_event")
    for column in ("reason", "corrects_id", "action"):
        op.drop_column("custody_event", column)
