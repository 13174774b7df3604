"""One standing server for the round: the organiser credential and moderator tokens
found by their hash.

A standing server serves every conference of its database on one port; a moderator token
names its conference, so it is looked up by its SHA-256 (as site tokens are) and compared
in constant time. A conference the organiser publishes keeps only that hash. The
organiser's own token is kept only as a hash too (``organiser_tokens``).

The new column is added and indexed without rebuilding ``conferences`` (SQLite would
rebuild the table, and its children's ``ON DELETE CASCADE`` would empty them).

Revision ID: 0009_standing
Revises: 0008_sites
Create Date: 2026-12-01
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0009_standing"
down_revision: str | None = "0008_sites"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "conferences", sa.Column("moderator_token_hash", sa.String(64), nullable=True)
    )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, moderator_token FROM conferences")).all()
    for conference_id, token in rows:
        digest = hashlib.sha256(token.encode("utf-8", "replace")).hexdigest() if token else None
        bind.execute(
            sa.text("UPDATE conferences SET moderator_token_hash = :digest WHERE id = :id"),
            {"digest": digest, "id": conference_id},
        )
    op.create_index(
        op.f("ix_conferences_moderator_token_hash"),
        "conferences",
        ["moderator_token_hash"],
        unique=True,
    )
    op.create_table(
        "organiser_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organiser_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_organiser_tokens_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("organiser_tokens")
    op.drop_index(op.f("ix_conferences_moderator_token_hash"), table_name="conferences")
    op.drop_column("conferences", "moderator_token_hash")  # no rebuild (see above)
