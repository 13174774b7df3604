"""What a dialog that names a voting server shares: the address, a token and an optional CA
file, checked before they are kept; and how they are kept: the address and the CA file in
the settings, the token only in the operating system's credential store (``keyring``:
Windows Credential Manager, macOS Keychain, Secret Service), never in a settings file."""

from __future__ import annotations

from collections.abc import Callable
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

from app.remote.client import BadAddress, normalize_address
from app.ui import settings
from app.ui.messages import error_text
from app.ui.widgets import ErrorLabel, name_form_rows, ok_cancel_buttons

# A server as typed and kept: its address, the token, the CA file (None: the system's).
Typed = tuple[str, str, Path | None]


def recall(group: str, service: str, account: Callable[[str], str]) -> Typed | None:
    """The server kept under the settings ``group`` (None: none); the token from the
    credential store's ``service`` under ``account(address)``, empty when the store has
    none or cannot be reached."""
    store = settings.settings()
    address = str(store.value(f"{group}/address", "") or "")
    if not address:
        return None
    ca = str(store.value(f"{group}/ca_file", "") or "")
    try:
        token = keyring.get_password(service, account(address)) or ""
    except keyring.errors.KeyringError:
        token = ""
    return address, token, Path(ca) if ca else None


def keep(group: str, service: str, account: str, server: Typed) -> bool:
    """Keep the server under the settings ``group`` and its token in the credential store;
    False when the token could not be kept (no store: it is typed again next time)."""
    address, token, ca_file = server
    store = settings.settings()
    store.setValue(f"{group}/address", address)
    store.setValue(f"{group}/ca_file", str(ca_file or ""))
    store.sync()
    try:
        keyring.set_password(service, account, token)
    except keyring.errors.KeyringError:
        return False
    return True


class ServerDialog(QDialog):
    """The fields of a server (address, token, CA file) and the checks on them; a subclass
    names its token (:meth:`lay_out`, :meth:`missing_token`) and keeps what was typed
    (:meth:`keep`) when the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://abstimmung.klinikum.de")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("optional: your hospital's CA certificate"))
        self.error = ErrorLabel()

    def lay_out(self, token_label: str, hint: str) -> None:
        """The form: the token's row named ``token_label``, ``hint`` under the fields."""
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.on_browse_clicked)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        note = QLabel(hint)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(token_label, self.token)
        form.addRow(self.tr("CA certificate"), ca_row)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self))

    def show_known(self, known: Typed | None) -> None:
        """Fill the fields with a server kept before (nothing: they stay empty)."""
        if known is not None:
            address, token, ca_file = known
            self.address.setText(address)
            self.token.setText(token)
            self.ca_file.setText(str(ca_file or ""))

    @Slot()
    def on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_file.setText(path)

    def typed(self) -> Typed | None:
        """The server typed, or None with the reason shown under the fields."""
        try:
            address = normalize_address(self.address.text())
        except BadAddress as exc:
            self.error.set_error(error_text(exc))
            return None
        token = self.token.text().strip()
        if not token:
            self.error.set_error(self.missing_token())
            return None
        ca_text = self.ca_file.text().strip()
        ca = Path(ca_text) if ca_text else None
        if ca is not None and not ca.is_file():
            self.error.set_error(self.tr("The CA certificate file does not exist."))
            return None
        self.error.set_error("")
        return address, token, ca

    def missing_token(self) -> str:
        """What is said when the token field is empty."""
        raise NotImplementedError

    def keep(self, server: Typed) -> bool:
        """Take the server typed; False when its token could not be kept."""
        raise NotImplementedError

    def accept(self) -> None:
        server = self.typed()
        if server is None:
            return
        if not self.keep(server):
            self.error.set_error(self.tr("No credential store: the token is not remembered."))
        super().accept()
