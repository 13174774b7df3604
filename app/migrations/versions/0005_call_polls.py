"""Imported call polls: the imports (one per file hash), remembered matching rules and the
totals of anonymous polls.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "poll_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("n_ballots", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_poll_imports_conference_id_conferences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_imports")),
        sa.UniqueConstraint(
            "conference_id", "sha256", name=op.f("uq_poll_imports_conference_id_sha256")
        ),
    )
    op.create_table(
        "poll_match_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("pattern", sa.String(length=200), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_poll_match_rules_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_match_rules")),
        sa.UniqueConstraint("kind", "pattern", name=op.f("uq_poll_match_rules_kind_pattern")),
    )
    op.create_index(
        op.f("ix_poll_match_rules_site_id"), "poll_match_rules", ["site_id"], unique=False
    )
    op.create_table(
        "call_poll_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("abstain", sa.Boolean(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["poll_imports.id"],
            name=op.f("fk_call_poll_totals_import_id_poll_imports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["options.id"],
            name=op.f("fk_call_poll_totals_option_id_options"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_call_poll_totals_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_poll_totals")),
    )
    for column in ("import_id", "question_id", "option_id"):
        op.create_index(
            op.f(f"ix_call_poll_totals_{column}"), "call_poll_totals", [column], unique=False
        )


def downgrade() -> None:
    op.drop_table("call_poll_totals")
    op.drop_index(op.f("ix_poll_match_rules_site_id"), table_name="poll_match_rules")
    op.drop_table("poll_match_rules")
    op.drop_table("poll_imports")
