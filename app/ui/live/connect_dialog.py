"""*Live → Connect to a voting server…*: address, moderator token, optional CA file.

The address and the CA file are remembered per conference in the settings; the token only
in the operating system's credential store (``keyring``: Windows Credential Manager,
macOS Keychain, Secret Service), never in a settings file.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.remote.client import Connection
from app.ui.live.server_dialog import ServerDialog, Typed, keep, recall

#: the credential store's service name for moderator tokens
KEYRING_SERVICE = "Votum voting server"


def _key(slug: str) -> str:
    return f"remote/{slug}"


def _account(slug: str, address: str) -> str:
    return f"{slug} @ {address}"


def remembered(slug: str) -> Connection | None:
    """The connection last used for this conference (token from the credential store;
    empty when the store has none or cannot be reached)."""
    known = recall(_key(slug), KEYRING_SERVICE, lambda address: _account(slug, address))
    return Connection(*known) if known is not None else None


def remember(slug: str, connection: Connection) -> bool:
    """Keep the connection for this conference; False when the token could not be kept
    (no credential store: the moderator types it again next time)."""
    server = (connection.base_url, connection.token, connection.ca_file)
    return keep(_key(slug), KEYRING_SERVICE, _account(slug, connection.base_url), server)


class ConnectDialog(ServerDialog):
    """Asks for the server's address, the moderator token and an optional CA file."""

    def __init__(self, slug: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slug = slug
        self.setWindowTitle(self.tr("Connect to a voting server"))
        self.lay_out(
            self.tr("Moderator token"),
            self.tr(
                "The token is kept in the system's credential store, never in a settings file."
            ),
        )
        known = remembered(slug)
        self.show_known((known.base_url, known.token, known.ca_file) if known else None)
        self.connection: Connection | None = None

    def missing_token(self) -> str:
        return self.tr("Enter the moderator token.")

    def keep(self, server: Typed) -> bool:
        self.connection = Connection(*server)
        return remember(self.slug, self.connection)
