"""Conference times and the CME block beyond the VNR (category, points, scientific lead).

The conference file carries them; until now only the VNR had a column.

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conferences") as batch:
        batch.add_column(sa.Column("starts_at", sa.String(5), nullable=False, server_default=""))
        batch.add_column(sa.Column("ends_at", sa.String(5), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("cme_category", sa.String(10), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("cme_points", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("scientific_lead", sa.String(200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("conferences") as batch:
        for column in ("scientific_lead", "cme_points", "cme_category", "ends_at", "starts_at"):
            batch.drop_column(column)
