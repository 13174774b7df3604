"""``python main.py migrate``: bring the database's schema up to this Votum.

Every command migrates the database it opens; on a server, an upgrade of Votum migrates
explicitly, with the service stopped (its workers would otherwise run old code on a new
schema): ``systemctl stop votum``, install the new release, ``migrate``, start again.
"""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, CliError
from app.commands.messages import say, text


def running_servers(engine: object) -> int:
    """How many Votum server processes listen on this PostgreSQL database (0 elsewhere)."""
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    if engine.dialect.name != "postgresql":
        return 0
    with engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND query = 'LISTEN votum_changes' AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        )


def run(args: argparse.Namespace) -> int:
    from app.db import DatabaseError, create_db_engine, schema_revisions, upgrade

    try:
        engine = create_db_engine(args.db)
    except DatabaseError as exc:
        raise CliError(say("database_refused", problem=exc.message)) from None
    try:
        before, head = schema_revisions(engine)
        if before == head:
            print(text(args.cli_lang, "schema_up_to_date", head=head))
            return EXIT_OK
        servers = running_servers(engine)
        if servers:
            raise CliError(say("servers_still_running", count=servers))
        try:
            upgrade(engine)
        except DatabaseError as exc:
            raise CliError(say("database_refused", problem=exc.message)) from None
        before = before or text(args.cli_lang, "empty")
        print(text(args.cli_lang, "schema_upgraded", before=before, head=head))
    finally:
        engine.dispose()
    return EXIT_OK
