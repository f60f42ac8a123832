"""search terms partitioned by kind on PostgreSQL (SQLite unchanged)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from forensics_gui.storage.search_index import partition_terms_ddl, unpartition_terms_ddl

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The statements live with the code that keeps the index (storage.search_index).
    if op.get_bind().dialect.name == "postgresql":
        for statement in partition_terms_ddl():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in unpartition_terms_ddl():
            op.execute(statement)
