"""Render the connect dialog and the console attached to a hosted voting server (German) to
PNG for the README. ``python tools/screenshots_remote.py``.

Runs offscreen; the hosted server is a real ``python main.py serve`` subprocess over HTTPS
with a trustme test CA on 127.0.0.1, the demo conference published to it and a few sites
voting over HTTP.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import trustme  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from app.db import Database  # noqa: E402
from app.remote.client import tls_context  # noqa: E402
from app.remote.transfer import plan_publish, publish  # noqa: E402
from app.services.conferences import create_conference  # noqa: E402
from app.services.demo import load_demo  # noqa: E402
from app.services.moderator_actions import NEXT, OPEN  # noqa: E402
from tests.remote.hosting import Hosted  # noqa: E402
from tests.server.helpers import tokens  # noqa: E402
from tools.screenshots import LAPTOP, README_DIR, readme_copy, wait, wait_for  # noqa: E402


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="votum-shots-remote-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from app.ui import settings
    from app.ui.application import create_application
    from app.ui.i18n import install_language
    from app.ui.live.connect_dialog import ConnectDialog
    from app.ui.live.remote_session import RemoteSession
    from app.ui.mainwindow import MainWindow
    from app.ui.theme import apply_theme

    app = create_application(["votum"])
    settings.set_language("de")
    install_language("de")
    apply_theme(app, "light")
    url = f"sqlite:///{(tmp / 'local.sqlite3').as_posix()}"
    db = Database.open(url)
    with db.write() as s:
        conf_id = load_demo(s)
    server_url = f"sqlite:///{(tmp / 'server.sqlite3').as_posix()}"
    server_db = Database.open(server_url)
    with server_db.write() as s:
        create_conference(s, "Noch leer", dt.date(2026, 11, 18), slug="demo")
    server_db.dispose()
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, ca_file = tmp / "s.pem", tmp / "s.key", tmp / "klinikum-ca.pem"
    cert.private_key_pem.write_to_path(str(keyfile))
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    ca.cert_pem.write_to_path(str(ca_file))
    hosted = Hosted(server_url, certfile, keyfile, ca_file)
    try:
        with hosted.client() as client:
            publish(client, plan_publish(client, db, conf_id))
        window = MainWindow(url, conf_id, offer_demo=False, auto_start_server=False, warm=False)
        window.resize(*LAPTOP)
        window.show()
        wait_for(lambda: window.pages.workspace is not None)
        workspace = window.pages.workspace
        assert workspace is not None
        workspace.show_live()
        dialog = ConnectDialog("demo", window)
        dialog.address.setText(hosted.url)
        dialog.token.setText(hosted.token)
        dialog.ca_file.setText(str(ca_file))
        dialog.resize(560, dialog.sizeHint().height())
        dialog.show()
        wait(300)
        shot = tmp / "connect.png"
        dialog.grab().save(str(shot))
        readme_copy(shot, README_DIR / "app-connect-de.png")
        dialog.close()

        console = workspace.connect_remote(hosted.connection())
        session = workspace.session
        assert isinstance(session, RemoteSession)
        wait_for(lambda: console.snapshot is not None and bool(console.snapshot.cases))
        session.act(NEXT())
        wait_for(lambda: console.snapshot is not None and console.snapshot.question is not None)
        question = console.snapshot.question  # type: ignore[union-attr]
        assert question is not None
        session.act(OPEN(question_id=question.id))
        wait_for(lambda: console.snapshot.question.is_open)  # type: ignore[union-attr]
        site_tokens = tokens(db, conf_id)
        remote_q = session.ids.questions[question.id]
        options = [session.ids.options[o.id] for o in question.options]
        with httpx.Client(base_url=hosted.url, verify=tls_context(ca_file), timeout=10) as http:
            for i, code in enumerate(sorted(site_tokens)[:11]):
                http.post(
                    f"/api/v/{site_tokens[code]}/ballot",
                    json={"question_id": remote_q, "option_ids": [options[i % 3 == 2]]},
                )
        wait_for(lambda: console.count.count_text().startswith("11 "))
        wait(3000)  # the full read after the burst brings the check-ins too
        shot = tmp / "console.png"
        window.grab().save(str(shot))
        readme_copy(shot, README_DIR / "app-remote-console-de.png")
        session.close()
    finally:
        hosted.kill()


if __name__ == "__main__":
    main()
