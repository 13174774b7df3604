"""The connect dialog: address, token, CA file; remembered per conference, the token
only in the credential store (an in-memory keyring here), never in the settings file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from app.ui import settings
from app.ui.live.connect_dialog import KEYRING_SERVICE, ConnectDialog, remembered


class MemoryKeyring(KeyringBackend):
    """A credential store that lives in this test only (works headless)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


TOKEN = "mod-token-8f3a1c2b9d7e6f5a4b3c2d1e"


def test_the_connection_is_remembered_and_the_token_only_in_the_credential_store(
    qtbot: QtBot, store: MemoryKeyring, tmp_path: Path
) -> None:
    ca = tmp_path / "klinik-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog = ConnectDialog("demo")
    qtbot.addWidget(dialog)
    dialog.address.setText("abstimmung.klinikum.de/")
    dialog.token.setText(TOKEN)
    dialog.ca_file.setText(str(ca))
    dialog.accept()
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert dialog.connection is not None
    assert dialog.connection.base_url == "https://abstimmung.klinikum.de"
    assert store.passwords == {(KEYRING_SERVICE, "demo @ https://abstimmung.klinikum.de"): TOKEN}
    store_file = Path(settings.settings().fileName())
    settings_text = store_file.read_text()
    assert "abstimmung.klinikum.de" in settings_text and TOKEN not in settings_text

    again = ConnectDialog("demo")
    qtbot.addWidget(again)
    assert again.address.text() == "https://abstimmung.klinikum.de"
    assert again.token.text() == TOKEN and again.ca_file.text() == str(ca)
    assert remembered("other") is None  # per conference


def test_a_wrong_address_or_missing_file_is_said_under_the_fields(
    qtbot: QtBot, store: MemoryKeyring, tmp_path: Path
) -> None:
    dialog = ConnectDialog("demo")
    qtbot.addWidget(dialog)
    dialog.address.setText("http://abstimmung.klinikum.de")
    dialog.token.setText(TOKEN)
    dialog.accept()
    assert dialog.result() != ConnectDialog.DialogCode.Accepted
    assert "https" in dialog.error.text()
    dialog.address.setText("https://abstimmung.klinikum.de")
    dialog.ca_file.setText(str(tmp_path / "missing.pem"))
    dialog.accept()
    assert dialog.result() != ConnectDialog.DialogCode.Accepted
    assert dialog.error.text() == "The CA certificate file does not exist."
    assert store.passwords == {}
