"""The sites' check-in in a real browser (Debian's Chromium): three participants, one with
a wrong EFN, with and without JavaScript, in both languages; hostile names stay text; the
page passes axe-core's WCAG rules."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.db import Database
from app.services import checkin
from app.services.conferences import invitations
from tests.server.helpers import Served, current_question, tokens
from tests.server.test_browser import ARGS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]

VALID = "802765260181597"
OTHER = "802765260181605"
WRONG = "802765260181598"  # the check digit is wrong
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _named(db: Database, conf_id: int, code: str) -> list[tuple[str, str, str, bool]]:
    with db.read() as session:
        [site] = [i for i in invitations(session, conf_id) if i.site.code == code]
    assert site.present
    return [(a.name, a.efn, a.role, a.efn_invalid) for a in site.attendees]


def _fill(page: object, index: int, name: str, efn: str = "", role: str = "") -> None:
    page.fill(f"#name-{index}", name)  # type: ignore[attr-defined]
    page.fill(f"#efn-{index}", efn)  # type: ignore[attr-defined]
    page.fill(f"#role-{index}", role)  # type: ignore[attr-defined]


def test_a_site_checks_in_three_people_with_javascript(browser, served: Served) -> None:
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]  # the demo's Freiburg has no names yet
    page = browser.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{served.url}/v/{token}")
    page.evaluate("window.__sameDocument = true")
    section = page.locator("#checkin")
    expect(section.get_by_role("heading")).to_have_text("Wer ist von unserem Standort dabei?")
    expect(section).to_contain_text("Ihr Link funktioniert.")
    _fill(page, 0, "Dr. Anna Weiß", VALID, "Fellow")
    _fill(page, 1, "Prof. Bernd Öztürk", WRONG, "Molekularbiologie")
    expect(page.locator("#efn-hint-1")).to_contain_text("Prüfziffer")  # as typed, gently
    expect(page.locator("#efn-hint-0")).to_be_hidden()
    _fill(page, 2, HOSTILE)
    page.get_by_role("button", name="Weitere Person hinzufügen").click()
    expect(page.locator("fieldset.person")).to_have_count(4)
    page.get_by_role("button", name="Anmeldung speichern").click()
    expect(page.locator("#checkin-saved")).to_have_text("Gespeichert: 3 angemeldet.")
    expect(page.locator("#name-2")).to_have_value(HOSTILE)  # shown as typed, never run
    expect(page.locator("#efn-hint-1")).to_be_visible()
    assert _named(served.db, served.conf_id, "FR") == [
        ("Dr. Anna Weiß", VALID, "Fellow", False),
        ("Prof. Bernd Öztürk", WRONG, "Molekularbiologie", True),
        (HOSTILE, "", "", False),
    ]
    # removing one and saving again
    page.get_by_label("Entfernen").nth(2).check()
    page.get_by_role("button", name="Anmeldung speichern").click()
    expect(page.locator("#checkin-saved")).to_have_text("Gespeichert: 2 angemeldet.")
    assert len(_named(served.db, served.conf_id, "FR")) == 2
    # the same person twice is refused politely and nothing changes
    _fill(page, 2, "dr. anna weiß", VALID)
    page.get_by_role("button", name="Anmeldung speichern").click()
    expect(page.locator("#checkin .notice.error")).to_contain_text(
        "ist schon für diesen Standort angemeldet"
    )
    assert len(_named(served.db, served.conf_id, "FR")) == 2
    assert page.evaluate("window.__sameDocument") is True
    assert errors == [] and dialogs == []
    page.close()


def test_a_site_checks_in_three_people_without_javascript(browser, served: Served) -> None:
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}/v/{token}?lang=en")
    expect(page.locator("#checkin h2")).to_have_text("Who is here from our site?")
    expect(page.locator("#checkin")).to_contain_text("Session: Wed, 18 Nov 2026")
    expect(page.get_by_role("button", name="Add another person")).to_be_hidden()
    _fill(page, 0, "Dr. Anna Weiß", VALID, "Fellow")
    _fill(page, 1, "Prof. Bernd Öztürk", WRONG)
    _fill(page, 2, HOSTILE, OTHER)
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#checkin-saved")).to_have_text("Saved: 3 checked in.")
    expect(page.locator("#efn-hint-1")).to_contain_text("check digit")
    expect(page.locator("#name-2")).to_have_value(HOSTILE)
    assert [p[0] for p in _named(served.db, served.conf_id, "FR")] == [
        "Dr. Anna Weiß",
        "Prof. Bernd Öztürk",
        HOSTILE,
    ]
    # a refusal shows the page again with what was typed, and changes nothing
    _fill(page, 3, "Prof. Bernd Öztürk", WRONG)
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#checkin .notice.error")).to_contain_text("already checked in")
    expect(page.locator("#name-3")).to_have_value("Prof. Bernd Öztürk")
    assert len(_named(served.db, served.conf_id, "FR")) == 3
    context.close()


def test_the_page_with_the_check_in_passes_axe(browser, served: Served) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    token = tokens(served.db, served.conf_id)["DD"]  # names and a second language
    for lang, width in (("de", 390), ("en", 1000)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{served.url}/v/{token}?lang={lang}")
        page.fill("#efn-0", WRONG)  # with a hint showing
        results = axe.Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        page.close()


def test_an_open_page_follows_the_moderator_closing_and_reopening_check_in(
    browser, served: Served
) -> None:
    """Without a reload: closing (through the services, as the desktop does, without
    telling the server) turns the form into the list; reopening through the moderator API
    brings the form back; a change of the question leaves what a site types alone."""
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["DD"]  # has names already
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served.url}/v/{token}?lang=en")
    page.evaluate("window.__sameDocument = true")
    section = page.locator("#checkin")
    expect(section.locator("form.checkin-form")).to_be_visible()
    page.locator("#name-0").focus()

    with served.db.write() as session:
        checkin.close_checkin(session, served.conf_id, actor="moderator")
    expect(section.locator("form.checkin-form")).to_have_count(0, timeout=5000)
    expect(section).to_contain_text("Check-in closed by the moderator")
    expect(section.locator("ul.people li")).not_to_have_count(0)  # the list, read-only
    expect(page.locator("#checkin-closed")).to_be_focused()  # the site was typing there
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    results = axe.Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    with httpx.Client(base_url=served.url, timeout=10) as http:
        opened = http.post("/api/moderator/checkin/open", headers=served.moderator)
        assert opened.status_code == 200, opened.text
        expect(section.locator("form.checkin-form")).to_be_visible(timeout=5000)
        expect(section).not_to_contain_text("Check-in closed by the moderator")
        # what a site is typing survives the next change of the pages' version
        page.fill("#role-0", "Fellow, typing")
        question = current_question(served.db, served.conf_id)
        closed = http.post(f"/api/moderator/questions/{question}/close", headers=served.moderator)
        assert closed.status_code == 200, closed.text
    expect(page.locator("#panel")).to_have_attribute("data-phase", "closed", timeout=5000)
    expect(page.locator("#role-0")).to_have_value("Fellow, typing")
    assert page.evaluate("window.__sameDocument") is True
    assert errors == []
    page.close()


def test_without_javascript_a_closed_check_in_shows_on_the_next_load(
    browser, served: Served
) -> None:
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}/v/{token}")
    _fill(page, 0, "Dr. Anna Weiß", VALID)
    with served.db.write() as session:
        checkin.close_checkin(session, served.conf_id, actor="moderator")
    page.get_by_role("button", name="Anmeldung speichern").click()
    expect(page.locator("#checkin .notice.error")).to_contain_text("Anmeldung ist geschlossen")
    with served.db.read() as session:
        [fr] = [i for i in invitations(session, served.conf_id) if i.site.code == "FR"]
    assert not fr.attendees  # refused politely, nothing stored
    page.goto(f"{served.url}/v/{token}")
    expect(page.locator("#checkin")).to_contain_text("Anmeldung von der Moderation geschlossen")
    expect(page.locator("#checkin form.checkin-form")).to_have_count(0)
    context.close()
