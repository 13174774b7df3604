"""Screenshots of the voter page in every state, for looking at (not a test).

Run: ``python tests/server/shoot.py [OUT_DIR]`` (default ``shots/voter/``); uses /usr/bin/chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from app.db import Database  # noqa: E402
from app.models import QuestionKind  # noqa: E402
from app.services import lifecycle  # noqa: E402
from app.services.agenda import add_question, agenda  # noqa: E402
from app.services.demo import load_demo  # noqa: E402
from app.services.package_schema import PackageQuestion  # noqa: E402
from tests.server.helpers import current_question, serving, tokens  # noqa: E402
from tests.server.test_browser import ARGS, CHROMIUM  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "shots" / "voter"
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    db = Database.open(f"sqlite:///{(folder / 'shots.sqlite3').as_posix()}")
    with db.write() as session:
        conf = load_demo(session)
    with db.write() as session:
        lifecycle.open_question(session, current_question(db, conf))
    question = current_question(db, conf)
    site = tokens(db, conf)["DD"]
    with serving(db, conf) as running, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        mod = running.moderator

        def act(path: str) -> None:
            httpx.post(running.url + path, headers=mod, timeout=10).raise_for_status()

        desk = browser.new_page(viewport={"width": 1000, "height": 820})
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        url = f"{running.url}/v/{site}"
        desk.goto(url)
        desk.screenshot(path=out / "open-de.png", full_page=True)
        desk.get_by_label("Keine Empfehlung").check()
        desk.get_by_role("button", name="Stimme abgeben").click()
        desk.locator("#stored").wait_for()
        desk.screenshot(path=out / "stored-inline-de.png", full_page=True)
        desk.set_viewport_size({"width": 720, "height": 790})
        desk.screenshot(path=out / "readme-stored-de.png")
        desk.set_viewport_size({"width": 1000, "height": 820})
        nojs = browser.new_context(
            java_script_enabled=False, viewport={"width": 1000, "height": 700}
        )
        page = nojs.new_page()
        page.goto(f"{running.url}/v/{tokens(db, conf)['HD']}?lang=en")
        page.get_by_label("Keine Empfehlung").check()
        page.get_by_role("button", name="Cast vote").click()
        page.screenshot(path=out / "confirmation-nojs-en.png", full_page=True)
        confirmation = page.url
        options = httpx.get(f"{running.url}/api/v/{tokens(db, conf)['HD']}/state", timeout=10)
        first = options.json()["question"]["options"][0]["id"]
        httpx.post(
            f"{running.url}/api/moderator/questions/{question}/ballots",
            headers=mod,
            json={"site_code": "HD", "option_ids": [first]},
            timeout=10,
        ).raise_for_status()
        page.goto(confirmation)
        page.screenshot(path=out / "confirmation-replaced-nojs-en.png", full_page=True)
        page.goto(f"{running.url}/v/{tokens(db, conf)['FR']}")
        page.fill("#comment", "Zeile eins\nZeile zwei: nichts gewählt")
        page.get_by_role("button", name="Stimme abgeben").click()
        page.screenshot(path=out / "form-error-nojs-de.png", full_page=True)
        phone.goto(url)
        phone.screenshot(path=out / "phone-open-de.png", full_page=True)
        act(f"/api/moderator/questions/{question}/close")
        desk.locator(".notice.closed").wait_for()
        desk.screenshot(path=out / "closed-de.png", full_page=True)
        act(f"/api/moderator/questions/{question}/reveal")
        desk.locator("#results-title").wait_for()
        desk.screenshot(path=out / "revealed-de.png", full_page=True)
        phone.reload()
        phone.screenshot(path=out / "phone-revealed-de.png", full_page=True)
        # a new evidence-level question: waiting first, then open
        with db.write() as session:
            evidence_id = add_question(
                session,
                agenda(session, conf)[0].id,
                PackageQuestion(
                    text="Welches Evidenzlevel hat HCQ + Trametinib hier?",
                    kind=QuestionKind.EVIDENCE,
                ),
            )
            lifecycle.set_current(session, conf, evidence_id)
        running.server.notify_changed()
        desk.locator(".waiting").wait_for()
        desk.screenshot(path=out / "waiting-de.png", full_page=True)
        act(f"/api/moderator/questions/{evidence_id}/open")
        phone.goto(url + "?lang=en")
        phone.screenshot(path=out / "phone-evidence-en.png", full_page=True)
        readme = browser.new_page(viewport={"width": 390, "height": 760})
        readme.goto(url + "?lang=en")
        readme.get_by_label("m2B").check()
        readme.screenshot(path=out / "readme-phone-evidence-en.png")
        readme.close()
        desk.goto(f"{running.url}/v/{'x' * 43}")
        desk.screenshot(path=out / "forbidden-de.png", full_page=True)
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
