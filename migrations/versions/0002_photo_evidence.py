"""photo evidence

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('photo_blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('byte_size', sa.BigInteger(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_photo_blob'))
    )
    op.create_table('photo_derivative',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['photo_blob.sha256'], name=op.f('fk_photo_derivative_sha256_photo_blob'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sha256', 'kind', name=op.f('pk_photo_derivative'))
    )
    op.create_table('photo_annotation',
    sa.Column('photo_id', sa.Uuid(), nullable=False),
    sa.Column('finding_id', sa.Uuid(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('x', sa.Double(), nullable=False),
    sa.Column('y', sa.Double(), nullable=False),
    sa.Column('width', sa.Double(), nullable=False),
    sa.Column('height', sa.Double(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.CheckConstraint('x >= 0 AND y >= 0 AND width > 0 AND height > 0 AND x + width <= 1.0001 AND y + height <= 1.0001', name=op.f('ck_photo_annotation_inside')),
    sa.ForeignKeyConstraint(['finding_id'], ['component_finding.id'], name=op.f('fk_photo_annotation_finding_id_component_finding'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_photo_annotation_photo_id_photo'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photo_annotation'))
    )
    with op.batch_alter_table('photo_annotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photo_annotation_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_annotation_photo_id'), ['photo_id'], unique=False)

    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.add_column(sa.Column('orientation', sa.Integer(), nullable=False, server_default=sa.text("'1'")))
        batch_op.add_column(sa.Column('camera_make', sa.String(length=200), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('camera_model', sa.String(length=200), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('lens', sa.String(length=200), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('gps_latitude', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('gps_longitude', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('gps_altitude', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('exif', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch_op.create_foreign_key(batch_op.f('fk_photo_sha256_photo_blob'), 'photo_blob', ['sha256'], ['sha256'], ondelete='RESTRICT')

    with op.batch_alter_table('photo', schema=None) as batch_op:
        for column in ("orientation", "camera_make", "camera_model", "lens", "exif"):
            batch_op.alter_column(column, server_default=None)
    _originals_never_change()



def downgrade() -> None:
    _drop_originals_trigger()
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_photo_sha256_photo_blob'), type_='foreignkey')
        batch_op.drop_column('exif')
        batch_op.drop_column('gps_altitude')
        batch_op.drop_column('gps_longitude')
        batch_op.drop_column('gps_latitude')
        batch_op.drop_column('lens')
        batch_op.drop_column('camera_model')
        batch_op.drop_column('camera_make')
        batch_op.drop_column('orientation')

    with op.batch_alter_table('photo_annotation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_annotation_photo_id'))
        batch_op.drop_index(batch_op.f('ix_photo_annotation_finding_id'))

    op.drop_table('photo_annotation')
    op.drop_table('photo_derivative')
    op.drop_table('photo_blob')


def _originals_never_change() -> None:
    """The database refuses to alter an original picture once stored."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE TRIGGER photo_blob_no_update BEFORE UPDATE ON photo_blob "
                   "BEGIN SELECT RAISE(ABORT, 'original photos cannot be changed'); END")
        return
    op.execute("""
        CREATE FUNCTION forensics_original_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'original photos cannot be changed';
        END $$""")
    op.execute("CREATE TRIGGER photo_blob_no_update BEFORE UPDATE ON photo_blob "
               "FOR EACH ROW EXECUTE FUNCTION forensics_original_unchanged()")
    # Pictures are already compressed: do not try to compress them again.
    op.execute("ALTER TABLE photo_blob ALTER COLUMN data SET STORAGE EXTERNAL")
    op.execute("ALTER TABLE photo_derivative ALTER COLUMN data SET STORAGE EXTERNAL")


def _drop_originals_trigger() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS photo_blob_no_update")
        return
    op.execute("DROP TRIGGER IF EXISTS photo_blob_no_update ON photo_blob")
    op.execute("DROP FUNCTION IF EXISTS forensics_original_unchanged()")
