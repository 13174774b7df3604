"""*Live → The round's server → Server and organiser token…*: where the round's standing
server is and the organiser's credential.

The address and the CA file are remembered in the settings, the organiser token only in
the operating system's credential store (``keyring``), never in a settings file. The ids
the server gave the conferences published from here are remembered by short name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.remote.client import Connection
from app.remote.organiser import OrganiserClient
from app.ui import settings
from app.ui.live.server_dialog import ServerDialog, Typed, keep, recall

#: the credential store's service name for the organiser token
KEYRING_SERVICE = "Votum organiser"


@dataclass(frozen=True)
class RoundServer:
    """Where the round's server is and the organiser's credential."""

    address: str
    token: str
    ca_file: Path | None = None

    @property
    def host(self) -> str:
        return Connection(self.address, "").host

    def client(self) -> OrganiserClient:
        return OrganiserClient(self.address, self.token, self.ca_file)


def remembered() -> RoundServer | None:
    """The round's server as last set (the token empty when the store has none)."""
    known = recall("round", KEYRING_SERVICE, lambda address: address)
    return RoundServer(*known) if known is not None else None


def remember(server: RoundServer) -> bool:
    """Keep the round's server; False when the token could not be kept (no store)."""
    typed = (server.address, server.token, server.ca_file)
    return keep("round", KEYRING_SERVICE, server.address, typed)


def published_id(slug: str) -> int | None:
    """The id the round's server gave this conference when it was published from here."""
    value = settings.settings().value(f"round/published/{slug}", None)
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def set_published_id(slug: str, conference_id: int | None) -> None:
    store = settings.settings()
    key = f"round/published/{slug}"
    if conference_id is None:
        store.remove(key)
    else:
        store.setValue(key, conference_id)
    store.sync()


class RoundServerDialog(ServerDialog):
    """The round's server: its address, the organiser token, an optional CA file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The round's server"))
        self.setMinimumWidth(520)  # a hospital's host name and a CA path stay readable
        self.lay_out(
            self.tr("Organiser token"),
            self.tr(
                "One server for the whole round: hospital IT gives the organiser its token "
                "once. It is kept in the system's credential store, never in a settings file."
            ),
        )
        known = remembered()
        self.show_known((known.address, known.token, known.ca_file) if known else None)
        self.server: RoundServer | None = None

    def missing_token(self) -> str:
        return self.tr("Enter the organiser token.")

    def keep(self, server: Typed) -> bool:
        self.server = RoundServer(*server)
        return remember(self.server)
