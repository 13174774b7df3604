"""Alembic environment: runs against the engine handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only when alembic is run by hand
    from app.db import create_db_engine

    engine = create_db_engine(config.get_main_option("sqlalchemy.url") or "")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
