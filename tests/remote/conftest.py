"""Fixtures of the remote tests (defined in :mod:`tests.remote.hosting`, shared with the
console tests)."""

from tests.remote.hosting import ca, ca_file, hosted, server_db_url

__all__ = ["ca", "ca_file", "hosted", "server_db_url"]
