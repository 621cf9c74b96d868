"""An opportunity's dot votes from a workshop (0 for every existing opportunity).

Revision ID: 0005_opportunity_votes
Revises: 0004_evidence_level
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_opportunity_votes"
down_revision = "0004_evidence_level"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "opportunity",
        sa.Column("votes", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_column("votes")
    op.execute("PRAGMA user_version = 4")
