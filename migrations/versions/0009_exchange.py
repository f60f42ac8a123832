"""field exchange: the store's identity, case packages sent and received, conflicts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Every store gets an identity (a UUID and a device name, the host's by default) so that
records sent from an offline laptop can be told apart by where they came from. The tables
behind case packages: packages sent (with the record versions each carried, which a receipt
must name) and received (with the receipt produced, to produce it again), the record versions
a receipt confirmed delivered, what was last received of each sender's record (the common
ancestor of the next merge), and the conflicts kept for a person to resolve.
"""

from __future__ import annotations

import socket
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('store_identity',
    sa.Column('singleton', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('device_name', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('singleton = 1', name=op.f('ck_store_identity_singleton')),
    sa.PrimaryKeyConstraint('singleton', name=op.f('pk_store_identity')),
    sa.UniqueConstraint('store_id', name=op.f('uq_store_identity_store_id'))
    )
    op.create_table('exchange_package',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('peer_store_id', sa.Uuid(), nullable=True),
    sa.Column('peer_device', sa.String(length=200), nullable=False),
    sa.Column('schema_revision', sa.String(length=20), nullable=False),
    sa.Column('format_version', sa.Integer(), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('made_by', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('outcomes', sa.JSON(), nullable=False),
    sa.Column('receipt', sa.JSON(), nullable=False),
    sa.Column('receipt_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("direction IN ('sent','received')",
                       name=op.f('ck_exchange_package_direction')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_package'))
    )
    with op.batch_alter_table('exchange_package', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_package_direction', ['direction', 'recorded_at'],
                              unique=False)
    op.create_table('exchange_sent_record',
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['exchange_package.id'],
                            name=op.f('fk_exchange_sent_record_package_id_exchange_package'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('package_id', 'kind', 'record_id',
                            name=op.f('pk_exchange_sent_record'))
    )
    op.create_table('exchange_delivered',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'record_id', name=op.f('pk_exchange_delivered'))
    )
    op.create_table('exchange_received',
    sa.Column('sender_store_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('local_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('local_sha256', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sender_store_id', 'kind', 'record_id',
                            name=op.f('pk_exchange_received'))
    )
    with op.batch_alter_table('exchange_received', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_received_local', ['kind', 'local_id'], unique=False)
    op.create_table('exchange_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('sender_store_id', sa.Uuid(), nullable=False),
    sa.Column('sender_device', sa.String(length=200), nullable=False),
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('their_id', sa.Uuid(), nullable=False),
    sa.Column('their_version', sa.Integer(), nullable=False),
    sa.Column('their_sha256', sa.String(length=64), nullable=False),
    sa.Column('their_values', sa.JSON(), nullable=False),
    sa.Column('our_version', sa.Integer(), nullable=False),
    sa.Column('our_sha256', sa.String(length=64), nullable=False),
    sa.Column('our_values', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_by', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('kept', sa.String(length=10), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.CheckConstraint("kept IN ('','ours','theirs')", name=op.f('ck_exchange_conflict_kept')),
    sa.CheckConstraint("state IN ('open','resolved','superseded')",
                       name=op.f('ck_exchange_conflict_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_conflict'))
    )
    with op.batch_alter_table('exchange_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_conflict_record', ['kind', 'record_id'],
                              unique=False)
        batch_op.create_index('ix_exchange_conflict_state', ['state', 'received_at'],
                              unique=False)
    _identify_store()


def downgrade() -> None:
    op.drop_table('exchange_conflict')
    op.drop_table('exchange_received')
    op.drop_table('exchange_delivered')
    op.drop_table('exchange_sent_record')
    op.drop_table('exchange_package')
    op.drop_table('store_identity')


def _identify_store() -> None:
    """A new identity for this store: a copy of an older store file upgraded elsewhere gets
    its own (a copied file that was already upgraded keeps its twin's; `forensics package
    device NAME --new-id` gives it one of its own)."""
    table = sa.table("store_identity", sa.column("singleton", sa.Integer()),
                     sa.column("store_id", sa.Uuid()), sa.column("device_name", sa.String()),
                     sa.column("changed_at", sa.DateTime(timezone=True)))
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    op.bulk_insert(table, [{"singleton": 1, "store_id": uuid.uuid4(),
                            "device_name": (socket.gethostname() or "unnamed device")[:200],
                            "changed_at": now}])
