"""clearance: each login's handling marking, and row-level security hiding what is above it

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

`login_clearance` names each login of a shared store with its group and the highest handling
marking it may read. On PostgreSQL, row-level security hides every recovered item marked
above a login's clearance, with everything that hangs off it (storage/access.py says what and
how); a view gives the audit trail's links alone, so that the chain can be checked past events
one may not read. The policies bind every login but the tables' owner (and superusers): on a
store one login owns, nothing changes until `forensics db roles` sets up the roles.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from forensics_gui.storage.access import (
    CHAIN_VIEW,
    POLICIES,
    clearance_functions,
    policed_tables,
    policy_statements,
)
from forensics_gui.storage.audit_chain import pg_row_triggers

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_FUNCTIONS = ("forensics_clearance()",)


def upgrade() -> None:
    op.create_table('login_clearance',
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('grp', sa.String(length=20), nullable=False),
    sa.Column('marking', sa.String(length=60), nullable=False),
    sa.Column('can_log_in', sa.Boolean(), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marking'], ['handling_marking.name'],
                            name=op.f('fk_login_clearance_marking_handling_marking'),
                            onupdate='CASCADE', ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('login', name=op.f('pk_login_clearance'))
    )
    if not _pg():
        return
    connection = op.get_bind()
    schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
    for statement in clearance_functions(schema):
        op.execute(statement)
    for table, like in policed_tables(connection).items():
        for statement in policy_statements(table, like):
            op.execute(statement)
    op.execute(CHAIN_VIEW)
    for statement in pg_row_triggers(connection, "login_clearance"):
        op.execute(statement)


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def downgrade() -> None:
    if _pg():
        op.execute("DROP VIEW IF EXISTS audit_chain_link")
        for table, like in policed_tables(op.get_bind()).items():
            for name, *_ in POLICIES[like]:
                op.execute(f"DROP POLICY IF EXISTS {name.replace(like, table, 1)} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for signature in _FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_table('login_clearance')
