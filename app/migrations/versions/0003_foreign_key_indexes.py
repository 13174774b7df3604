"""Index every foreign key column that no other index starts with.

SQLite does not index foreign keys by itself. Without these, reading a question's
options, a case's questions or a conference's cases scans the whole table, and every
delete with foreign keys on scans each child table once per deleted row. The database
grows with every session over the years.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column); the index is ``ix_<table>_<column>`` as the models' naming convention
FOREIGN_KEYS = (
    ("attendees", "invitation_id"),
    ("ballot_changes", "site_id"),
    ("ballot_choices", "option_id"),
    ("ballots", "site_id"),
    ("case_images", "case_id"),
    ("cases", "conference_id"),
    ("conferences", "current_question_id"),
    ("fellows", "conference_id"),
    ("findings", "case_id"),
    ("invitations", "site_id"),
    ("notes", "case_id"),
    ("notes", "conference_id"),
    ("notes", "question_id"),
    ("options", "question_id"),
    ("questions", "case_id"),
    ("questions", "parent_id"),
)


def upgrade() -> None:
    for table, column in FOREIGN_KEYS:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in FOREIGN_KEYS:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
