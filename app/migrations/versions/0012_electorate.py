"""Who could vote on a question, stored when it closes (``electors``).

A closed question's count ("18 of 20 sites") no longer follows attendance edited after
it closed: the sites present at its close are kept, one row each.

Revision ID: 0012_electorate
Revises: 0011_article
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_electorate"
down_revision: str | None = "0011_article"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "electors",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_electors_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_electors_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "site_id", name=op.f("pk_electors")),
    )
    op.create_index(op.f("ix_electors_site_id"), "electors", ["site_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_electors_site_id"), table_name="electors")
    op.drop_table("electors")
