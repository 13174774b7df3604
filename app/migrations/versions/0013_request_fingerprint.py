"""A moderator request id is bound to its request: method, path and a digest of the body.

The same ``Idempotency-Key`` sent again with the same request gets the first answer; sent
with a different request it is refused (422) instead of answering with the first one. Rows
remembered before this version have no fingerprint and keep replaying as they did.

Revision ID: 0013_request_fingerprint
Revises: 0012_electorate
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_request_fingerprint"
down_revision: str | None = "0012_electorate"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("moderator_requests") as batch:
        batch.add_column(
            sa.Column("fingerprint", sa.String(64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("moderator_requests") as batch:
        batch.drop_column("fingerprint")
