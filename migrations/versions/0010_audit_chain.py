"""tamper-evident audit: every audit event numbered and sealed in a hash chain

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Each audit event gets a number (`seq`), the seal of the event before it (`prev_hash`) and its
own seal (`hash`, SHA-256 over its number, that link and its values as stored); the newest
number and seal are kept in `audit_chain_head`. Events already in the store are numbered in
the order they happened and sealed here. On PostgreSQL a trigger seals every new event,
whoever writes it (see storage/audit_chain.py, whose sealing this migration uses: the form of
the seal never changes). On PostgreSQL every statement that changes rows of a table is
also recorded by the database itself, whoever sends it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from forensics_gui.storage.audit_chain import (
    GENESIS,
    NOT_ROW_AUDITED,
    PG_ROWS_FUNCTION,
    PG_SEAL_FUNCTION,
    PG_SEAL_TRIGGERS,
    PG_UNSEAL_TRIGGERS,
    SEALED,
    pg_row_triggers,
    pg_sealed_text,
    seal,
)

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_SQLITE_GUARDS = ("audit_event_no_update", "audit_event_no_delete")


def upgrade() -> None:
    op.create_table('audit_chain_head',
    sa.Column('singleton', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('singleton = 1', name=op.f('ck_audit_chain_head_singleton')),
    sa.PrimaryKeyConstraint('singleton', name=op.f('pk_audit_chain_head'))
    )
    op.add_column('audit_event', sa.Column('seq', sa.BigInteger(), nullable=True))
    op.add_column('audit_event', sa.Column('prev_hash', sa.String(length=64), nullable=True))
    op.add_column('audit_event', sa.Column('hash', sa.String(length=64), nullable=True))
    op.create_index(op.f('ix_audit_event_seq'), 'audit_event', ['seq'], unique=True)
    if op.get_bind().dialect.name == "sqlite":
        _seal_sqlite()
    else:
        _seal_postgresql()


def _seal_sqlite() -> None:
    """Number and seal the events already written (their guards set aside meanwhile, in this
    transaction)."""
    connection = op.get_bind()
    sql = connection.exec_driver_sql
    saved = {name: sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       (name,)).scalar() for name in _SQLITE_GUARDS}
    for name in _SQLITE_GUARDS:
        sql(f"DROP TRIGGER IF EXISTS {name}")
    columns = ", ".join(SEALED)
    rows = sql(f"SELECT {columns} FROM audit_event ORDER BY occurred_at, id").all()
    previous = GENESIS
    sealed = []
    for seq, row in enumerate(rows, start=1):
        digest = seal(seq, previous, row)
        sealed.append((seq, previous, digest, row[0]))
        previous = digest
    if sealed:
        sql("UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", sealed)
    sql("INSERT INTO audit_chain_head (singleton, seq, hash) VALUES (1, ?, ?)",
        (len(rows), previous))
    for text in saved.values():
        if text:
            sql(text)


def _seal_postgresql() -> None:
    op.execute(f"INSERT INTO audit_chain_head (singleton, seq, hash) VALUES (1, 0, '{GENESIS}')")
    op.execute(PG_SEAL_FUNCTION)
    # The events already written, sealed one by one in the order they happened; the guard
    # against changing events is set aside meanwhile, inside this transaction.
    op.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
    op.execute(f"""
        DO $$
        DECLARE
          event record;
          head record;
          sealed text;
        BEGIN
          FOR event IN SELECT id FROM audit_event ORDER BY occurred_at, id LOOP
            UPDATE audit_chain_head SET seq = seq + 1 WHERE singleton = 1
              RETURNING seq, hash INTO head;
            UPDATE audit_event e SET seq = head.seq, prev_hash = head.hash,
                   hash = encode(sha256(convert_to(
                       {pg_sealed_text("e", "head.seq", "head.hash")}, 'UTF8')), 'hex')
             WHERE e.id = event.id RETURNING e.hash INTO sealed;
            UPDATE audit_chain_head SET hash = sealed WHERE singleton = 1;
          END LOOP;
        END $$""")
    op.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only")
    for statement in PG_SEAL_TRIGGERS:
        op.execute(statement)
    op.execute(PG_ROWS_FUNCTION)
    for table in _row_audited():
        for statement in pg_row_triggers(op.get_bind(), table):
            op.execute(statement)


def _row_audited() -> list[str]:
    tables = op.get_bind().exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename").scalars()
    return [t for t in tables if t not in NOT_ROW_AUDITED and not t.startswith("search_term")]


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in _row_audited():
            for verb in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_audit_{verb} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS forensics_audit_rows()")
        for statement in PG_UNSEAL_TRIGGERS:
            op.execute(statement)
        op.execute("DROP FUNCTION IF EXISTS forensics_audit_seal()")
    op.drop_index(op.f('ix_audit_event_seq'), table_name='audit_event')
    for column in ("hash", "prev_hash", "seq"):
        op.execute(f"ALTER TABLE audit_event DROP COLUMN {column}")
    op.drop_table('audit_chain_head')
