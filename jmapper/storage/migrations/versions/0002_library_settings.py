"""Library-level settings (export branding and the like, per library).

Revision ID: 0002_library_settings
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_library_settings"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_library_setting")),
    )
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    op.drop_table("library_setting")
    op.execute("PRAGMA user_version = 1")
