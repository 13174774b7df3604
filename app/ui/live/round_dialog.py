"""*Live → The round's server → Server and organiser token…*: where the round's standing
server is and the organiser's credential.

The address and the CA file are remembered in the settings, the organiser token only in
the operating system's credential store (``keyring``), never in a settings file. The ids
the server gave the conferences published from here are remembered by short name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.remote.client import BadAddress, Connection, normalize_address
from app.remote.organiser import OrganiserClient
from app.ui import settings
from app.ui.messages import error_text
from app.ui.widgets import ErrorLabel, ok_cancel_buttons

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
    store = settings.settings()
    address = str(store.value("round/address", "") or "")
    if not address:
        return None
    ca = str(store.value("round/ca_file", "") or "")
    try:
        token = keyring.get_password(KEYRING_SERVICE, address) or ""
    except keyring.errors.KeyringError:
        token = ""
    return RoundServer(address, token, Path(ca) if ca else None)


def remember(server: RoundServer) -> bool:
    """Keep the round's server; False when the token could not be kept (no store)."""
    store = settings.settings()
    store.setValue("round/address", server.address)
    store.setValue("round/ca_file", str(server.ca_file or ""))
    store.sync()
    try:
        keyring.set_password(KEYRING_SERVICE, server.address, server.token)
    except keyring.errors.KeyringError:
        return False
    return True


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


class RoundServerDialog(QDialog):
    """The round's server: its address, the organiser token, an optional CA file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The round's server"))
        self.setMinimumWidth(520)  # a hospital's host name and a CA path stay readable
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://abstimmung.klinikum.de")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("optional: your hospital's CA certificate"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.on_browse_clicked)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.error = ErrorLabel()
        hint = QLabel(
            self.tr(
                "One server for the whole round: hospital IT gives the organiser its token "
                "once. It is kept in the system's credential store, never in a settings file."
            )
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Organiser token"), self.token)
        form.addRow(self.tr("CA certificate"), ca_row)
        self.ca_file.setAccessibleName(self.tr("CA certificate"))  # its row holds a layout
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self))
        known = remembered()
        if known is not None:
            self.address.setText(known.address)
            self.token.setText(known.token)
            self.ca_file.setText(str(known.ca_file or ""))
        self.server: RoundServer | None = None

    @Slot()
    def on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_file.setText(path)

    def checked(self) -> RoundServer | None:
        """The server typed, or None with the reason shown under the fields."""
        try:
            address = normalize_address(self.address.text())
        except BadAddress as exc:
            self.error.set_error(error_text(exc))
            return None
        token = self.token.text().strip()
        if not token:
            self.error.set_error(self.tr("Enter the organiser token."))
            return None
        ca_text = self.ca_file.text().strip()
        ca = Path(ca_text) if ca_text else None
        if ca is not None and not ca.is_file():
            self.error.set_error(self.tr("The CA certificate file does not exist."))
            return None
        self.error.set_error("")
        return RoundServer(address, token, ca)

    def accept(self) -> None:
        server = self.checked()
        if server is None:
            return
        self.server = server
        if not remember(server):
            self.error.set_error(self.tr("No credential store: the token is not remembered."))
        super().accept()
