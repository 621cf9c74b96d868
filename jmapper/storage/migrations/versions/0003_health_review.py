"""Dismissed health findings (with their reason) and a review cadence per map.

Revision ID: 0003_health_review
Revises: 0002_library_settings
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_health_review"
down_revision = "0002_library_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dismissal",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("map_id", sa.String(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.Column("target_kind", sa.Text(), nullable=False),
        sa.Column("target_id", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["map_id"], ["map.id"], name=op.f("fk_dismissal_map_id_map"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dismissal")),
    )
    with op.batch_alter_table("dismissal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dismissal_map_id"), ["map_id"], unique=False)
    op.add_column("map", sa.Column("review_cadence_months", sa.Integer(), nullable=True))
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    with op.batch_alter_table("map", schema=None) as batch_op:
        batch_op.drop_column("review_cadence_months")
    with op.batch_alter_table("dismissal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dismissal_map_id"))
    op.drop_table("dismissal")
    op.execute("PRAGMA user_version = 2")
