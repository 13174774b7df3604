"""What a pathology report gives: TNM, ICD-O-3 and comorbidities of a case; reference
transcript, coding change, copy number, fusion partner and breakpoints, a score
(signatures) and the evidence level of a finding; structured prior therapy lines.

Revision ID: 0011_article
Revises: 0010_series
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_article"
down_revision: str | None = "0010_series"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("tnm", sa.String(200), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("icdo3_topography", sa.String(10), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("icdo3_morphology", sa.String(10), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("comorbidities", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("transcript", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("coding", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("copy_number", sa.Float(), nullable=True))
        batch.add_column(sa.Column("partner", sa.String(40), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("breakpoints", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("evidence", sa.String(40), nullable=False, server_default=""))
    op.create_table(
        "therapy_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("substances", sa.String(500), nullable=False),
        sa.Column("best_response", sa.String(10), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_therapy_lines_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_lines")),
    )
    op.create_index(op.f("ix_therapy_lines_case_id"), "therapy_lines", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_therapy_lines_case_id"), table_name="therapy_lines")
    op.drop_table("therapy_lines")
    with op.batch_alter_table("findings") as batch:
        for column in ("evidence", "score", "breakpoints", "partner", "copy_number", "coding", "transcript"):
            batch.drop_column(column)
    with op.batch_alter_table("cases") as batch:
        for column in ("comorbidities", "icdo3_morphology", "icdo3_topography", "tnm"):
            batch.drop_column(column)
