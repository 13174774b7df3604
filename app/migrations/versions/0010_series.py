"""The round as a series: the plan of sessions (with their fellows), questions linked by
hand to an earlier asking, and the archive's search keys (filled here for what exists).

Revision ID: 0010_series
Revises: 0009_standing
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime
from app.models.search import search_text, text_key

revision: str = "0010_series"
down_revision: str | None = "0009_standing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table → the columns its search key is made of
KEYED = {
    "questions": ("text",),
    "options": ("label",),
    "cases": ("title", "diagnosis", "icd10", "histology"),
    "findings": ("gene", "alteration"),
}


def upgrade() -> None:
    op.create_table(
        "plan_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.String(length=5), nullable=False),
        sa.Column("ends_at", sa.String(length=5), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conferences.id"],
            name=op.f("fk_plan_entries_conference_id_conferences"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_entries")),
        sa.UniqueConstraint("conference_id", name=op.f("uq_plan_entries_conference_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_plan_entries_uid")),
    )
    op.create_index(op.f("ix_plan_entries_date"), "plan_entries", ["date"], unique=False)
    op.create_table(
        "plan_fellows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["plan_entries.id"],
            name=op.f("fk_plan_fellows_entry_id_plan_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_fellows")),
    )
    op.create_index(op.f("ix_plan_fellows_entry_id"), "plan_fellows", ["entry_id"], unique=False)
    op.create_table(
        "question_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("earlier_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["earlier_id"],
            ["questions.id"],
            name=op.f("fk_question_links_earlier_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_links_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_links")),
        sa.UniqueConstraint("question_id", name=op.f("uq_question_links_question_id")),
    )
    op.create_index(
        op.f("ix_question_links_earlier_id"), "question_links", ["earlier_id"], unique=False
    )
    for table in KEYED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("search_key", sa.Text(), server_default="", nullable=False))
            if table == "questions":
                batch.add_column(
                    sa.Column("text_key", sa.String(length=32), server_default="", nullable=False)
                )
                batch.create_index(batch.f("ix_questions_text_key"), ["text_key"], unique=False)
    _fill_search_keys()


def _fill_search_keys() -> None:
    """The keys of the rows already there, computed as the models compute them."""
    bind = op.get_bind()
    for table, columns in KEYED.items():
        rows = bind.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        updates = [
            {"id": row[0], "key": search_text(*row[1:]), "digest": text_key(row[1])}
            for row in rows
        ]
        if not updates:
            continue
        extra = ", text_key = :digest" if table == "questions" else ""
        bind.execute(sa.text(f"UPDATE {table} SET search_key = :key{extra} WHERE id = :id"), updates)


def downgrade() -> None:
    for table in KEYED:
        with op.batch_alter_table(table) as batch:
            if table == "questions":
                batch.drop_index(batch.f("ix_questions_text_key"))
                batch.drop_column("text_key")
            batch.drop_column("search_key")
    op.drop_index(op.f("ix_question_links_earlier_id"), table_name="question_links")
    op.drop_table("question_links")
    op.drop_index(op.f("ix_plan_fellows_entry_id"), table_name="plan_fellows")
    op.drop_table("plan_fellows")
    op.drop_index(op.f("ix_plan_entries_date"), table_name="plan_entries")
    op.drop_table("plan_entries")
