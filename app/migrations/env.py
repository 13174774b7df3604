"""Alembic environment: runs against the engine handed over in ``config.attributes``.

On SQLite, foreign keys are switched off while migrations run: a migration that changes
a table there rebuilds it (copy, drop, rename), and with foreign keys on, dropping the old
table would cascade into its children (upgrading from 0003 emptied ``ballot_choices``
when 0004 rebuilt ``options``). Afterwards every foreign key is checked before the keys
are switched on again; a violation stops the upgrade, rolled back.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from app.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only when alembic is run by hand
    from app.db import create_db_engine

    engine = create_db_engine(config.get_main_option("sqlalchemy.url") or "")


def _foreign_keys(connection: Any, on: bool) -> None:
    """SQLite's foreign keys on or off: outside any transaction, on the driver's own
    connection (the pragma is ignored inside one)."""
    raw = connection.connection.driver_connection
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _foreign_keys(connection, on=False)
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade broke foreign keys: {broken[:5]}")
        connection.commit()
    finally:
        if sqlite:
            _foreign_keys(connection, on=True)
