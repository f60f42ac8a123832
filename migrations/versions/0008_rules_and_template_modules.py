"""identification rules and template modules; the search terms made again

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Analysts' own identification rules (a part-number pattern naming the maker whose name the
parts carry) and the usual modules of each weapon system type (together, the checklist a
teardown of a new recovered item starts from; they go with their system type). The search
terms of every record are computed again from the records, so that a finding is also found
by the part number read from its marking.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from forensics_gui.storage.search_index import rebuild

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('identification_rule',
    sa.Column('pattern', sa.String(length=300), nullable=False),
    sa.Column('maker', sa.String(length=300), nullable=False),
    sa.Column('now_part_of', sa.String(length=300), nullable=False),
    sa.Column('family', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=200), nullable=False),
    sa.Column('hs_code', sa.String(length=10), nullable=False),
    sa.Column('confidence', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.CheckConstraint("confidence IN ('high','medium','low')",
                       name=op.f('ck_identification_rule_confidence')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'],
                            name=op.f('fk_identification_rule_source_id_source'),
                            ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identification_rule'))
    )
    with op.batch_alter_table('identification_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identification_rule_source_id'), ['source_id'],
                              unique=False)
        batch_op.create_index('uq_identification_rule_pattern_maker', ['pattern', 'maker'],
                              unique=True)
    op.create_table('template_module',
    sa.Column('system_type_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('function', sa.String(length=200), nullable=False),
    sa.Column('expected', sa.JSON(), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'],
                            name=op.f('fk_template_module_source_id_source'),
                            ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['system_type_id'], ['weapon_system_type.id'],
                            name=op.f('fk_template_module_system_type_id_weapon_system_type'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_template_module'))
    )
    with op.batch_alter_table('template_module', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_template_module_source_id'), ['source_id'],
                              unique=False)
        batch_op.create_index('uq_template_module_system_name', ['system_type_id', 'name'],
                              unique=True)
    # The terms are derived data, made by the code that keeps them (storage.search_index).
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table('template_module')
    op.drop_table('identification_rule')


def _tracked() -> list[sa.Column]:
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('created_by', sa.String(length=200), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_by', sa.String(length=200), nullable=False)]
