"""*Live → Connect to a voting server…*: address, moderator token, optional CA file.

The address and the CA file are remembered per conference in the settings; the token only
in the operating system's credential store (``keyring``: Windows Credential Manager,
macOS Keychain, Secret Service), never in a settings file.
"""

from __future__ import annotations

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
from app.ui import settings
from app.ui.messages import error_text
from app.ui.widgets import ErrorLabel, name_form_rows, ok_cancel_buttons

#: the credential store's service name for moderator tokens
KEYRING_SERVICE = "Votum voting server"


def _key(slug: str) -> str:
    return f"remote/{slug}"


def _account(slug: str, address: str) -> str:
    return f"{slug} @ {address}"


def remembered(slug: str) -> Connection | None:
    """The connection last used for this conference (token from the credential store;
    empty when the store has none or cannot be reached)."""
    store = settings.settings()
    address = str(store.value(f"{_key(slug)}/address", "") or "")
    if not address:
        return None
    ca = str(store.value(f"{_key(slug)}/ca_file", "") or "")
    try:
        token = keyring.get_password(KEYRING_SERVICE, _account(slug, address)) or ""
    except keyring.errors.KeyringError:
        token = ""
    return Connection(address, token, Path(ca) if ca else None)


def remember(slug: str, connection: Connection) -> bool:
    """Keep the connection for this conference; False when the token could not be kept
    (no credential store: the moderator types it again next time)."""
    store = settings.settings()
    store.setValue(f"{_key(slug)}/address", connection.base_url)
    store.setValue(f"{_key(slug)}/ca_file", str(connection.ca_file or ""))
    store.sync()
    try:
        keyring.set_password(KEYRING_SERVICE, _account(slug, connection.base_url), connection.token)
    except keyring.errors.KeyringError:
        return False
    return True


class ConnectDialog(QDialog):
    """Asks for the server's address, the moderator token and an optional CA file."""

    def __init__(self, slug: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slug = slug
        self.setWindowTitle(self.tr("Connect to a voting server"))
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
            self.tr("The token is kept in the system's credential store, never in a settings file.")
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Moderator token"), self.token)
        form.addRow(self.tr("CA certificate"), ca_row)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self))
        known = remembered(slug)
        if known is not None:
            self.address.setText(known.base_url)
            self.token.setText(known.token)
            self.ca_file.setText(str(known.ca_file or ""))
        self.connection: Connection | None = None

    @Slot()
    def on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_file.setText(path)

    def checked(self) -> Connection | None:
        """The connection typed, or None with the reason shown under the fields."""
        try:
            address = normalize_address(self.address.text())
        except BadAddress as exc:
            self.error.set_error(error_text(exc))
            return None
        token = self.token.text().strip()
        if not token:
            self.error.set_error(self.tr("Enter the moderator token."))
            return None
        ca_text = self.ca_file.text().strip()
        ca = Path(ca_text) if ca_text else None
        if ca is not None and not ca.is_file():
            self.error.set_error(self.tr("The CA certificate file does not exist."))
            return None
        self.error.set_error("")
        return Connection(address, token, ca)

    def accept(self) -> None:
        connection = self.checked()
        if connection is None:
            return
        self.connection = connection
        if not remember(self.slug, connection):
            self.error.set_error(self.tr("No credential store: the token is not remembered."))
        super().accept()
