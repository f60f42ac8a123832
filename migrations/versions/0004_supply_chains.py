"""supply chains and screening: transshipment hubs, imported sanctions lists and their
entries, screening matches

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Countries and territories through which controlled goods are commonly routed to Russia;
# users extend or shorten the list under *Transshipment hubs*.
HUBS = (
    ("HK", "Hong Kong"), ("TR", "Turkey"), ("AE", "United Arab Emirates"), ("AM", "Armenia"),
    ("KZ", "Kazakhstan"), ("KG", "Kyrgyzstan"), ("GE", "Georgia"), ("UZ", "Uzbekistan"),
)


def upgrade() -> None:
    op.create_table('transshipment_hub',
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transshipment_hub')),
    sa.UniqueConstraint('country', name=op.f('uq_transshipment_hub_country'))
    )
    op.create_table('sanctions_list',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('list_version', sa.String(length=100), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('entry_count', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.CheckConstraint("format IN ('ofac-sdn','csl','ftm')",
                       name=op.f('ck_sanctions_list_format')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'],
                            name=op.f('fk_sanctions_list_source_id_source'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sanctions_list'))
    )
    with op.batch_alter_table('sanctions_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sanctions_list_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_sanctions_list_source_id'), ['source_id'],
                              unique=False)
    op.create_table('sanctions_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('list_id', sa.Uuid(), nullable=False),
    sa.Column('ref', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('identifiers', sa.JSON(), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('programmes', sa.JSON(), nullable=False),
    sa.Column('authority', sa.String(length=20), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=True),
    sa.Column('addresses', sa.JSON(), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['sanctions_list.id'],
                            name=op.f('fk_sanctions_entry_list_id_sanctions_list'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sanctions_entry'))
    )
    with op.batch_alter_table('sanctions_entry', schema=None) as batch_op:
        batch_op.create_index('ix_sanctions_entry_list_ref', ['list_id', 'ref'], unique=False)
    op.create_table('screening_match',
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('list_name', sa.String(length=200), nullable=False),
    sa.Column('entry_ref', sa.String(length=100), nullable=False),
    sa.Column('entry_name', sa.String(length=500), nullable=False),
    sa.Column('list_id', sa.Uuid(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('matched_on', sa.String(length=500), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('change', sa.String(length=20), nullable=False),
    sa.Column('designation_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.CheckConstraint("state IN ('candidate','confirmed','rejected')",
                       name=op.f('ck_screening_match_state')),
    sa.ForeignKeyConstraint(['designation_id'], ['sanctions_designation.id'],
                            name=op.f('fk_screening_match_designation_id_sanctions_designation'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['list_id'], ['sanctions_list.id'],
                            name=op.f('fk_screening_match_list_id_sanctions_list'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
                            name=op.f('fk_screening_match_organization_id_organization'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_match'))
    )
    with op.batch_alter_table('screening_match', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_match_designation_id'),
                              ['designation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_match_list_id'), ['list_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_screening_match_organization_id'),
                              ['organization_id'], unique=False)
        batch_op.create_index('uq_screening_match_org_entry',
                              ['organization_id', 'list_name', 'entry_ref'], unique=True)
    _seed_hubs()


def downgrade() -> None:
    op.drop_table('screening_match')
    op.drop_table('sanctions_entry')
    op.drop_table('sanctions_list')
    op.drop_table('transshipment_hub')


def _tracked() -> list[sa.Column]:
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('created_by', sa.String(length=200), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_by', sa.String(length=200), nullable=False)]


def _seed_hubs() -> None:
    table = sa.table(
        "transshipment_hub", sa.column("id", sa.Uuid()), sa.column("country", sa.String()),
        sa.column("name", sa.String()), sa.column("notes", sa.Text()),
        sa.column("version", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String()), sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String()))
    now = datetime.now(UTC).replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" \
        else datetime.now(UTC)
    op.bulk_insert(table, [
        {"id": uuid.uuid5(uuid.NAMESPACE_URL, f"transshipment-hub:{country}"),
         "country": country, "name": name, "notes": "", "version": 1, "created_at": now,
         "created_by": "schema", "updated_at": now, "updated_by": "schema"}
        for country, name in HUBS])
