"""Exclusive options ("no recommendation" stands alone), skipped questions with a reason,
and room for an EFN as typed (a wrong one is kept, marked invalid, for the CME office).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("options") as batch:
        batch.add_column(
            sa.Column("exclusive", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("questions") as batch:
        batch.add_column(sa.Column("skip_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("attendees") as batch:
        batch.alter_column(
            "efn", existing_type=sa.String(15), type_=sa.String(40), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("attendees") as batch:
        batch.alter_column(
            "efn", existing_type=sa.String(40), type_=sa.String(15), existing_nullable=False
        )
    with op.batch_alter_table("questions") as batch:
        batch.drop_column("skip_reason")
    with op.batch_alter_table("options") as batch:
        batch.drop_column("exclusive")
