"""The sites' own hands: check-in by the sites, the link test, the session held.

The organiser (as the attendance certificates name it) joins the CME block. A site checks in its own participants (with a role beside name and EFN) until the
moderator closes the check-in (``checkin_closed_at``) or marks the session as held
(``held_at``); each invited site's last visit of its link (``last_seen_at``) shows who
has tested it.

Revision ID: 0008_sites
Revises: 0007_quick
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_sites"
down_revision: str | None = "0007_quick"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conferences") as batch:
        batch.add_column(sa.Column("held_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("checkin_closed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("organiser", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("invitations") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("attendees") as batch:
        batch.add_column(sa.Column("role", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("attendees") as batch:
        batch.drop_column("role")
    with op.batch_alter_table("invitations") as batch:
        batch.drop_column("last_seen_at")
    with op.batch_alter_table("conferences") as batch:
        batch.drop_column("organiser")
        batch.drop_column("checkin_closed_at")
        batch.drop_column("held_at")
