"""analytics indexes: the figures count findings through indexes, never by reading rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Every figure of the dashboard is made of counts over index ranges (see
storage.analytics_query): findings per maker (with the part and the item beside the maker,
so that a part's maker and the items' recovery dates are read from the index too), per
recovered item and production date, the few findings not identified to a part, the few date
codes with no single reading, and the parts' CHPL tier and category in the order of their
ids (the order in which their findings lie in the part index). The maker index replaces the
plain one on manufacturer_id, which it starts with.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

FINDING = "component_finding"
NOT_PART = "identification <> 'part'"
UNDATED_CODE = "produced_from IS NULL AND date_code <> ''"


def upgrade() -> None:
    op.drop_index("ix_component_finding_manufacturer_id", FINDING)
    op.create_index("ix_finding_maker_part_item", FINDING,
                    ["manufacturer_id", "part_id", "item_id"])
    op.create_index("ix_finding_item_produced", FINDING, ["item_id", "sort_produced"])
    op.create_index("ix_finding_not_part", FINDING, ["identification"],
                    sqlite_where=sa.text(NOT_PART), postgresql_where=sa.text(NOT_PART))
    op.create_index("ix_finding_undated_code", FINDING, ["date_code_note"],
                    sqlite_where=sa.text(UNDATED_CODE), postgresql_where=sa.text(UNDATED_CODE))
    op.create_index("ix_part_facts", "part",
                    ["id", "chpl_tier", "hs_code", "category", "function"])


def downgrade() -> None:
    op.drop_index("ix_part_facts", "part")
    for name in ("ix_finding_undated_code", "ix_finding_not_part", "ix_finding_item_produced",
                 "ix_finding_maker_part_item"):
        op.drop_index(name, FINDING)
    op.create_index("ix_component_finding_manufacturer_id", FINDING, ["manufacturer_id"])
