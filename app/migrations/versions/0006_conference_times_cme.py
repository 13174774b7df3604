"""Conference times and the CME block beyond the VNR (category, points, scientific lead);
the moderator's request ids.

The conference file carries the times and the CME block; until now only the VNR had a
column. A moderator action sent with a request id is done once: a retry gets the
remembered answer (``moderator_requests``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
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
    op.create_table(
        "moderator_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_moderator_requests_conference_id_conferences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderator_requests")),
        sa.UniqueConstraint(
            "conference_id",
            "request_id",
            name=op.f("uq_moderator_requests_conference_id_request_id"),
        ),
    )


def downgrade() -> None:
    op.drop_table("moderator_requests")
    with op.batch_alter_table("conferences") as batch:
        for column in ("scientific_lead", "cme_points", "cme_category", "ends_at", "starts_at"):
            batch.drop_column(column)
