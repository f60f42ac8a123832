"""search: term index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL), company names,
saved searches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from forensics_gui.core.errors import StoreError
from forensics_gui.core.names import name_key
from forensics_gui.storage.search_index import (
    drop_forget_terms_ddl,
    drop_index_ddl,
    forget_terms_ddl,
    rebuild,
)

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


# Names under which components are still marked and sold after a rename or a takeover.
# (former or other name, the company now, relation, year)
COMPANY_NAMES = (
    ("Xilinx", "AMD", "acquired", 2022),
    ("Advanced Micro Devices", "AMD", "alias", None),
    ("Altera", "Intel", "acquired", 2015),
    ("Maxim Integrated", "Analog Devices", "acquired", 2021),
    ("Maxim", "Analog Devices", "acquired", 2021),
    ("Linear Technology", "Analog Devices", "acquired", 2017),
    ("Hittite Microwave", "Analog Devices", "acquired", 2014),
    ("ADI", "Analog Devices", "alias", None),
    ("Dallas Semiconductor", "Maxim Integrated", "acquired", 2001),
    ("Cypress Semiconductor", "Infineon Technologies", "acquired", 2020),
    ("Cypress", "Infineon Technologies", "acquired", 2020),
    ("International Rectifier", "Infineon Technologies", "acquired", 2015),
    ("Infineon", "Infineon Technologies", "alias", None),
    ("Spansion", "Cypress Semiconductor", "merged", 2015),
    ("Fairchild Semiconductor", "onsemi", "acquired", 2016),
    ("Fairchild", "onsemi", "acquired", 2016),
    ("ON Semiconductor", "onsemi", "renamed", 2021),
    ("Freescale Semiconductor", "NXP Semiconductors", "merged", 2015),
    ("Freescale", "NXP Semiconductors", "merged", 2015),
    ("Philips Semiconductors", "NXP Semiconductors", "renamed", 2006),
    ("NXP", "NXP Semiconductors", "alias", None),
    ("Atmel", "Microchip Technology", "acquired", 2016),
    ("Microsemi", "Microchip Technology", "acquired", 2018),
    ("Actel", "Microsemi", "acquired", 2010),
    ("Micrel", "Microchip Technology", "acquired", 2015),
    ("SMSC", "Microchip Technology", "acquired", 2012),
    ("Silicon Storage Technology", "Microchip Technology", "acquired", 2010),
    ("Microchip", "Microchip Technology", "alias", None),
    ("Intersil", "Renesas Electronics", "acquired", 2017),
    ("Integrated Device Technology", "Renesas Electronics", "acquired", 2019),
    ("IDT", "Renesas Electronics", "acquired", 2019),
    ("Dialog Semiconductor", "Renesas Electronics", "acquired", 2021),
    ("Renesas", "Renesas Electronics", "alias", None),
    ("National Semiconductor", "Texas Instruments", "acquired", 2011),
    ("Burr-Brown", "Texas Instruments", "acquired", 2000),
    ("TI", "Texas Instruments", "alias", None),
    ("Avago Technologies", "Broadcom", "renamed", 2016),
    ("Elpida Memory", "Micron Technology", "acquired", 2013),
    ("Numonyx", "Micron Technology", "acquired", 2010),
    ("Micron", "Micron Technology", "alias", None),
    ("Siliconix", "Vishay Intertechnology", "acquired", 2005),
    ("Vishay", "Vishay Intertechnology", "alias", None),
    ("Zilog", "IXYS", "acquired", 2010),
    ("IXYS", "Littelfuse", "acquired", 2018),
    ("Exar", "MaxLinear", "acquired", 2017),
    ("ST", "STMicroelectronics", "alias", None),
    ("STM", "STMicroelectronics", "alias", None),
    ("SGS-Thomson", "STMicroelectronics", "renamed", 1998),
    ("GigaDevice", "GigaDevice Semiconductor", "alias", None),
    ("u-blox", "u-blox AG", "alias", None),
)


def upgrade() -> None:
    key = sa.String(length=500).with_variant(sa.String(length=500, collation="C"),
                                             "postgresql")
    op.create_table('company_alias',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('current_name', sa.String(length=300), nullable=False),
    sa.Column('current_key', sa.String(length=300), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_alias'))
    )
    with op.batch_alter_table('company_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_alias_current_key'), ['current_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_company_alias_name_key'), ['name_key'], unique=False)
        batch_op.create_index('uq_company_alias_name_key', ['name_key', 'current_key'], unique=True)
    op.create_table('saved_search',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('query', sa.String(length=300), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    *_tracked(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_search')),
    sa.UniqueConstraint('name', name=op.f('uq_saved_search_name'))
    )
    op.create_table('search_term',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('key', key, nullable=False),
    sa.Column('ckey', key, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_term'))
    )
    with op.batch_alter_table('search_term', schema=None) as batch_op:
        batch_op.create_index('ix_search_term_kind_key', ['kind', 'key'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_term_record_id'), ['record_id'], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect != "sqlite":
        _require_pg_trgm()
    # The trigram index is derived data; its statements live with the code that keeps and
    # rebuilds it (storage.search_index), which `_fill_index` runs.
    for statement in forget_terms_ddl(dialect):
        op.execute(statement)
    _seed_company_names()
    _fill_index()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in drop_index_ddl(dialect) + drop_forget_terms_ddl(dialect):
        op.execute(statement)
    op.drop_table('search_term')
    op.drop_table('saved_search')
    op.drop_table('company_alias')


def _tracked() -> list[sa.Column]:
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('created_by', sa.String(length=200), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_by', sa.String(length=200), nullable=False)]


def _require_pg_trgm() -> None:
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION pg_trgm")
        savepoint.commit()
    except sa.exc.DBAPIError as error:
        savepoint.rollback()
        database = bind.exec_driver_sql("SELECT current_database()").scalar()
        raise StoreError(
            f"the search index needs the PostgreSQL extension pg_trgm, which this login may "
            f"not install ({str(error.orig).splitlines()[0]}); ask the database's owner to run "
            f"CREATE EXTENSION pg_trgm; in database {database!r}, then open the store "
            f"again") from None


def _seed_company_names() -> None:
    table = sa.table(
        "company_alias", sa.column("id", sa.Uuid()), sa.column("name", sa.String()),
        sa.column("name_key", sa.String()), sa.column("current_name", sa.String()),
        sa.column("current_key", sa.String()), sa.column("relation", sa.String()),
        sa.column("year", sa.Integer()), sa.column("notes", sa.Text()),
        sa.column("version", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String()), sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String()))
    now = datetime.now(UTC).replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" \
        else datetime.now(UTC)
    op.bulk_insert(table, [
        {"id": uuid.uuid5(uuid.NAMESPACE_URL, f"company-name:{name}:{current}"), "name": name,
         "name_key": name_key(name), "current_name": current, "current_key": name_key(current),
         "relation": relation, "year": year, "notes": "", "version": 1, "created_at": now,
         "created_by": "schema", "updated_at": now, "updated_by": "schema"}
        for name, current, relation, year in COMPANY_NAMES])


def _fill_index() -> None:
    """Index the records the store already holds, and make the trigram index."""
    rebuild(op.get_bind())
