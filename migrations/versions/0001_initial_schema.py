"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=True),
    sa.Column('old_values', sa.JSON(), nullable=False),
    sa.Column('new_values', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index('ix_audit_record', ['record_kind', 'record_id', 'occurred_at'], unique=False)

    op.create_table('handling_marking',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handling_marking')),
    sa.UniqueConstraint('name', name=op.f('uq_handling_marking_name')),
    sa.UniqueConstraint('rank', name=op.f('uq_handling_marking_rank'))
    )
    op.create_table('organization',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('former_names', sa.JSON(), nullable=False),
    sa.Column('successor_id', sa.Uuid(), nullable=True),
    sa.Column('identifiers', sa.JSON(), nullable=False),
    sa.Column('addresses', sa.JSON(), nullable=False),
    sa.Column('website', sa.String(length=500), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['successor_id'], ['organization.id'], name=op.f('fk_organization_successor_id_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_successor_id'), ['successor_id'], unique=False)

    op.create_table('source',
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('publisher', sa.String(length=200), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=False),
    sa.Column('credibility', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')", name=op.f('ck_source_reliability')),
    sa.CheckConstraint('credibility BETWEEN 1 AND 6', name=op.f('ck_source_credibility')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source'))
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_title'), ['title'], unique=False)

    op.create_table('weapon_system_type',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('category', sa.String(length=200), nullable=False),
    sa.Column('origin_country', sa.String(length=2), nullable=False),
    sa.Column('producer', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weapon_system_type')),
    sa.UniqueConstraint('name', name=op.f('uq_weapon_system_type_name'))
    )
    op.create_table('part',
    sa.Column('part_number', sa.String(length=200), nullable=False),
    sa.Column('manufacturer_id', sa.Uuid(), nullable=True),
    sa.Column('search_key', sa.String(length=200), nullable=False),
    sa.Column('confusable_key', sa.String(length=200), nullable=False),
    sa.Column('function', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=200), nullable=False),
    sa.Column('hs_code', sa.String(length=10), nullable=False),
    sa.Column('chpl_tier', sa.String(length=3), nullable=False),
    sa.Column('eccn', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['manufacturer_id'], ['organization.id'], name=op.f('fk_part_manufacturer_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part'))
    )
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_part_confusable_key'), ['confusable_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_part_manufacturer_id'), ['manufacturer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_part_search_key'), ['search_key'], unique=False)
        batch_op.create_index('uq_part_manufacturer_key', ['manufacturer_id', 'search_key'], unique=True)

    op.create_table('recovered_item',
    sa.Column('system_type_id', sa.Uuid(), nullable=False),
    sa.Column('case_reference', sa.String(length=100), nullable=False),
    sa.Column('serial_number', sa.String(length=200), nullable=False),
    sa.Column('production_markings', sa.Text(), nullable=False),
    sa.Column('recovered_on', sa.Date(), nullable=True),
    sa.Column('recovery_place', sa.Text(), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('circumstances', sa.Text(), nullable=False),
    sa.Column('condition', sa.Text(), nullable=False),
    sa.Column('recovering_unit', sa.String(length=200), nullable=False),
    sa.Column('handling_marking', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['handling_marking'], ['handling_marking.name'], name=op.f('fk_recovered_item_handling_marking_handling_marking'), onupdate='CASCADE', ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['system_type_id'], ['weapon_system_type.id'], name=op.f('fk_recovered_item_system_type_id_weapon_system_type'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recovered_item')),
    sa.UniqueConstraint('case_reference', name=op.f('uq_recovered_item_case_reference'))
    )
    with op.batch_alter_table('recovered_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovered_item_recovered_on'), ['recovered_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_recovered_item_system_type_id'), ['system_type_id'], unique=False)

    op.create_table('sanctions_designation',
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('authority', sa.String(length=20), nullable=False),
    sa.Column('programme', sa.String(length=200), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=True),
    sa.Column('delisted_on', sa.Date(), nullable=True),
    sa.Column('reference', sa.String(length=500), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_sanctions_designation_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_sanctions_designation_source_id_source'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sanctions_designation'))
    )
    with op.batch_alter_table('sanctions_designation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sanctions_designation_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sanctions_designation_source_id'), ['source_id'], unique=False)

    op.create_table('component_finding',
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('identification', sa.String(length=20), nullable=False),
    sa.Column('part_id', sa.Uuid(), nullable=True),
    sa.Column('manufacturer_id', sa.Uuid(), nullable=True),
    sa.Column('function', sa.String(length=200), nullable=False),
    sa.Column('marking', sa.Text(), nullable=False),
    sa.Column('date_code', sa.String(length=40), nullable=False),
    sa.Column('lot_code', sa.String(length=60), nullable=False),
    sa.Column('produced_from', sa.Date(), nullable=True),
    sa.Column('produced_to', sa.Date(), nullable=True),
    sa.Column('date_code_format', sa.String(length=40), nullable=False),
    sa.Column('date_code_note', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('confidence', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('sort_part', sa.String(length=200).with_variant(sa.String(length=200, collation='C'), 'postgresql'), nullable=False),
    sa.Column('sort_maker', sa.String(length=300).with_variant(sa.String(length=300, collation='C'), 'postgresql'), nullable=False),
    sa.Column('sort_produced', sa.String(length=10).with_variant(sa.String(length=10, collation='C'), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.CheckConstraint("identification <> 'part' OR part_id IS NOT NULL", name=op.f('ck_component_finding_identified')),
    sa.CheckConstraint('quantity >= 1', name=op.f('ck_component_finding_quantity')),
    sa.ForeignKeyConstraint(['item_id'], ['recovered_item.id'], name=op.f('fk_component_finding_item_id_recovered_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['manufacturer_id'], ['organization.id'], name=op.f('fk_component_finding_manufacturer_id_organization'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_component_finding_part_id_part'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_component_finding'))
    )
    with op.batch_alter_table('component_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_component_finding_manufacturer_id'), ['manufacturer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_finding_part_id'), ['part_id'], unique=False)
        batch_op.create_index('ix_finding_item_sort_part', ['item_id', 'sort_part', 'id'], unique=False)
        batch_op.create_index('ix_finding_sort_maker', ['sort_maker', 'id'], unique=False)
        batch_op.create_index('ix_finding_sort_part', ['sort_part', 'id'], unique=False)
        batch_op.create_index('ix_finding_sort_produced', ['sort_produced', 'id'], unique=False)

    op.create_table('custody_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_by', sa.String(length=200), nullable=False),
    sa.Column('received_by', sa.String(length=200), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['recovered_item.id'], name=op.f('fk_custody_event_item_id_recovered_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custody_event'))
    )
    with op.batch_alter_table('custody_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_event_item_id'), ['item_id'], unique=False)

    op.create_table('finding_source',
    sa.Column('finding_id', sa.Uuid(), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['component_finding.id'], name=op.f('fk_finding_source_finding_id_component_finding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_finding_source_source_id_source'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('finding_id', 'source_id', name=op.f('pk_finding_source'))
    )
    with op.batch_alter_table('finding_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_source_source_id'), ['source_id'], unique=False)

    op.create_table('photo',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=True),
    sa.Column('finding_id', sa.Uuid(), nullable=True),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('byte_size', sa.Integer(), nullable=True),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['component_finding.id'], name=op.f('fk_photo_finding_id_component_finding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['recovered_item.id'], name=op.f('fk_photo_item_id_recovered_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photo'))
    )
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photo_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_sha256'), ['sha256'], unique=False)

    op.create_table('supply_link',
    sa.Column('seller_id', sa.Uuid(), nullable=False),
    sa.Column('buyer_id', sa.Uuid(), nullable=False),
    sa.Column('part_id', sa.Uuid(), nullable=True),
    sa.Column('finding_id', sa.Uuid(), nullable=True),
    sa.Column('shipped_on', sa.Date(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('value', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('declared_hs_code', sa.String(length=10), nullable=False),
    sa.Column('declared_description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.CheckConstraint("status IN ('documented','probable','hypothesis')", name=op.f('ck_supply_link_status')),
    sa.ForeignKeyConstraint(['buyer_id'], ['organization.id'], name=op.f('fk_supply_link_buyer_id_organization'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['finding_id'], ['component_finding.id'], name=op.f('fk_supply_link_finding_id_component_finding'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_supply_link_part_id_part'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['seller_id'], ['organization.id'], name=op.f('fk_supply_link_seller_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supply_link'))
    )
    with op.batch_alter_table('supply_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supply_link_buyer_id'), ['buyer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supply_link_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supply_link_part_id'), ['part_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supply_link_seller_id'), ['seller_id'], unique=False)

    op.create_table('link_source',
    sa.Column('link_id', sa.Uuid(), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['supply_link.id'], name=op.f('fk_link_source_link_id_supply_link'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_link_source_source_id_source'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('link_id', 'source_id', name=op.f('pk_link_source'))
    )
    with op.batch_alter_table('link_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_source_source_id'), ['source_id'], unique=False)

    _append_only_triggers()
    _seed_handling_markings()



def downgrade() -> None:
    _drop_append_only_triggers()
    with op.batch_alter_table('link_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_source_source_id'))

    op.drop_table('link_source')
    with op.batch_alter_table('supply_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supply_link_seller_id'))
        batch_op.drop_index(batch_op.f('ix_supply_link_part_id'))
        batch_op.drop_index(batch_op.f('ix_supply_link_finding_id'))
        batch_op.drop_index(batch_op.f('ix_supply_link_buyer_id'))

    op.drop_table('supply_link')
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_sha256'))
        batch_op.drop_index(batch_op.f('ix_photo_item_id'))
        batch_op.drop_index(batch_op.f('ix_photo_finding_id'))

    op.drop_table('photo')
    with op.batch_alter_table('finding_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_source_source_id'))

    op.drop_table('finding_source')
    with op.batch_alter_table('custody_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custody_event_item_id'))

    op.drop_table('custody_event')
    with op.batch_alter_table('component_finding', schema=None) as batch_op:
        batch_op.drop_index('ix_finding_sort_produced')
        batch_op.drop_index('ix_finding_sort_part')
        batch_op.drop_index('ix_finding_sort_maker')
        batch_op.drop_index('ix_finding_item_sort_part')
        batch_op.drop_index(batch_op.f('ix_component_finding_part_id'))
        batch_op.drop_index(batch_op.f('ix_component_finding_manufacturer_id'))

    op.drop_table('component_finding')
    with op.batch_alter_table('sanctions_designation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sanctions_designation_source_id'))
        batch_op.drop_index(batch_op.f('ix_sanctions_designation_organization_id'))

    op.drop_table('sanctions_designation')
    with op.batch_alter_table('recovered_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovered_item_system_type_id'))
        batch_op.drop_index(batch_op.f('ix_recovered_item_recovered_on'))

    op.drop_table('recovered_item')
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.drop_index('uq_part_manufacturer_key')
        batch_op.drop_index(batch_op.f('ix_part_search_key'))
        batch_op.drop_index(batch_op.f('ix_part_manufacturer_id'))
        batch_op.drop_index(batch_op.f('ix_part_confusable_key'))

    op.drop_table('part')
    op.drop_table('weapon_system_type')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_title'))

    op.drop_table('source')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_successor_id'))
        batch_op.drop_index(batch_op.f('ix_organization_name_key'))
        batch_op.drop_index(batch_op.f('ix_organization_name'))

    op.drop_table('organization')
    op.drop_table('handling_marking')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_record')
        batch_op.drop_index(batch_op.f('ix_audit_event_occurred_at'))

    op.drop_table('audit_event')


APPEND_ONLY = ("audit_event", "custody_event")
DEFAULT_MARKINGS = ("UNCLASSIFIED", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")


def _append_only_triggers() -> None:
    """The database itself refuses to change or erase the audit trail and custody history.

    Custody events may only disappear together with their recovered item.
    """
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END")
        op.execute("CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
                   "BEGIN SELECT RAISE(ABORT, 'audit_event rows are append-only'); END")
        op.execute("CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event "
                   "WHEN EXISTS (SELECT 1 FROM recovered_item WHERE id = OLD.item_id) "
                   "BEGIN SELECT RAISE(ABORT, 'custody_event rows are append-only'); END")
        return
    op.execute("""
        CREATE FUNCTION forensics_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'custody_event' AND TG_OP = 'DELETE' AND NOT EXISTS
             (SELECT 1 FROM recovered_item WHERE id = OLD.item_id) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
        END $$""")
    op.execute("""
        CREATE FUNCTION forensics_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.actor := session_user;
          RETURN NEW;
        END $$""")
    op.execute("""
        CREATE FUNCTION forensics_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
        END $$""")
    for table in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION forensics_append_only()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION forensics_no_truncate()")
    op.execute("CREATE TRIGGER audit_event_actor BEFORE INSERT ON audit_event "
               "FOR EACH ROW EXECUTE FUNCTION forensics_audit_actor()")


def _drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("audit_event_no_update", "custody_event_no_update",
                     "audit_event_no_delete", "custody_event_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_event_actor ON audit_event")
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.execute("DROP FUNCTION IF EXISTS forensics_no_truncate()")
    op.execute("DROP FUNCTION IF EXISTS forensics_append_only()")
    op.execute("DROP FUNCTION IF EXISTS forensics_audit_actor()")


def _seed_handling_markings() -> None:
    table = sa.table(
        "handling_marking", sa.column("id", sa.Uuid()), sa.column("name", sa.String()),
        sa.column("rank", sa.Integer()), sa.column("description", sa.Text()),
        sa.column("version", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String()), sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String()))
    now = datetime.now(UTC).replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" \
        else datetime.now(UTC)
    op.bulk_insert(table, [
        {"id": uuid.uuid5(uuid.NAMESPACE_URL, f"handling-marking:{name}"), "name": name,
         "rank": (rank + 1) * 10, "description": "", "version": 1, "created_at": now,
         "created_by": "schema", "updated_at": now, "updated_by": "schema"}
        for rank, name in enumerate(DEFAULT_MARKINGS)])
