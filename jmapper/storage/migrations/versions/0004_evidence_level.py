"""An evidence item's level (assumption ... validated), as a card's evidence level.

Revision ID: 0004_evidence_level
Revises: 0003_health_review
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_evidence_level"
down_revision = "0003_health_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("evidence_item", sa.Column("level", sa.Text(), nullable=True))
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    with op.batch_alter_table("evidence_item", schema=None) as batch_op:
        batch_op.drop_column("level")
    op.execute("PRAGMA user_version = 3")
