"""The voter page in a real browser (Debian's Chromium, driven by Playwright): with and
without JavaScript, and with a hostile site name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.db import Database
from app.services.agenda import agenda
from app.services.conferences import SiteData, invite_sites, save_site
from app.services.lifecycle import open_question
from tests.server.helpers import Served, current_question, make_conference, serving, tokens

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _moderate(served: Served, action: str, question: int | None = None) -> dict:
    path = (
        "/api/moderator/next"
        if action == "next"
        else (f"/api/moderator/questions/{question}/{action}")
    )
    response = httpx.post(served.url + path, headers=served.moderator, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def test_site_votes_and_page_follows_the_moderator(browser, served: Served) -> None:
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["DD"]
    question = current_question(served.db, served.conf_id)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{served.url}/v/{token}")
    expect(page.locator("h1")).to_have_text("Universitätsklinikum Dresden")
    page.evaluate("window.__sameDocument = true")  # gone if the page ever reloads

    page.get_by_label("Keine Empfehlung").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    stored = page.locator("#stored")
    expect(stored).to_contain_text(re.compile(r"Gespeichert um \d\d:\d\d:\d\d"))
    expect(stored).to_contain_text("„Keine Empfehlung“")

    # a half-filled change survives a live update of the same question (reveal while open)
    page.get_by_label("Ja, Empfehlung HCQ + Trametinib").check()
    page.fill("#comment", "noch unsicher")
    _moderate(served, "reveal", question)
    expect(page.locator("#results-title")).to_be_visible()
    expect(page.get_by_label("Ja, Empfehlung HCQ + Trametinib")).to_be_checked()
    expect(page.locator("#comment")).to_have_value("noch unsicher")

    _moderate(served, "close", question)
    expect(page.locator(".notice.closed")).to_contain_text("Abstimmung geschlossen")
    following = _moderate(served, "next")["current_question_id"]
    expect(page.locator("#panel")).to_have_attribute(
        "data-question", str(following), timeout=10_000
    )
    expect(page.locator(".qnum")).to_contain_text("Frage 1.2")
    assert page.evaluate("window.__sameDocument") is True
    assert errors == []
    page.close()


def test_same_flow_without_javascript(browser, served: Served) -> None:
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["HD"]
    question = current_question(served.db, served.conf_id)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}/v/{token}?lang=en")
    expect(page.locator("h1")).to_have_text("Universitätsklinikum Heidelberg")
    page.get_by_label("Abstain").check()
    page.get_by_role("button", name="Cast vote").click()
    expect(page).to_have_url(re.compile(r"/stored\?q=\d+&rev=1&lang=en$"))
    expect(page.locator("#stored")).to_contain_text("Vote stored")
    expect(page.locator("#stored")).to_contain_text("“Abstain”")
    page.get_by_role("link", name="Back to the vote").click()
    expect(page.get_by_label("Abstain")).to_be_checked()

    _moderate(served, "close", question)
    page.reload()
    expect(page.locator(".notice.closed")).to_contain_text("Voting closed")
    _moderate(served, "next")
    page.reload()
    expect(page.locator(".qnum")).to_contain_text("Question 1.2")
    context.close()


def test_hostile_site_name_shows_as_text_and_runs_nothing(
    browser, db: Database, demo_open: int
) -> None:
    from playwright.sync_api import expect

    hostile = "<script>alert(1)</script>"
    with db.write() as session:
        invite_sites(session, demo_open, [save_site(session, SiteData(name=hostile, code="XSS"))])
    token = tokens(db, demo_open)["XSS"]
    with serving(db, demo_open) as running:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{running.url}/v/{token}")
        expect(page.locator("h1")).to_have_text(hostile)
        page.get_by_label("Enthaltung").check()
        page.fill("#comment", '<img src=x onerror="alert(2)">')
        page.get_by_role("button", name="Stimme abgeben").click()
        expect(page.locator("#stored")).to_contain_text('<img src=x onerror="alert(2)">')
        assert dialogs == []
        page.close()


def test_wrong_link_gets_a_friendly_page(browser, served: Served) -> None:
    from playwright.sync_api import expect

    page = browser.new_page()
    response = page.goto(f"{served.url}/v/{'x' * 43}")
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("Dieser Link ist nicht gültig")
    page.close()


def test_browser_without_event_source_follows_by_polling(browser, served: Served) -> None:
    """Old browsers without EventSource poll the state instead."""
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]
    question = current_question(served.db, served.conf_id)
    page = browser.new_page()
    page.add_init_script("delete window.EventSource;")
    page.goto(f"{served.url}/v/{token}")
    assert page.evaluate("typeof window.EventSource") == "undefined"
    page.get_by_label("Ja, Empfehlung HCQ + Trametinib").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    expect(page.locator("#stored")).to_contain_text("„Ja, Empfehlung HCQ + Trametinib“")
    _moderate(served, "close", question)
    expect(page.locator(".notice.closed")).to_contain_text("Abstimmung geschlossen", timeout=10_000)
    page.close()


def test_page_retries_a_failed_panel_and_still_follows(browser, served: Served) -> None:
    """A panel answer other than 200 or 403 (a busy server) is tried again with pauses."""
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["DD"]
    question = current_question(served.db, served.conf_id)
    page = browser.new_page()
    page.goto(f"{served.url}/v/{token}")
    page.evaluate("window.__sameDocument = true")
    failures = {"left": 2}

    def busy_twice(route) -> None:
        if failures["left"] > 0:
            failures["left"] -= 1
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    page.route("**/panel?*", busy_twice)
    page.fill("#comment", "halb getippt")
    _moderate(served, "reveal", question)
    expect(page.locator("#results-title")).to_be_visible(timeout=15_000)
    assert failures["left"] == 0
    expect(page.locator("#comment")).to_have_value("halb getippt")
    expect(page.locator("#live-status")).to_have_text("")
    assert page.evaluate("window.__sameDocument") is True
    page.close()


def test_page_polls_while_the_event_stream_is_refused(browser, served: Served) -> None:
    """EventSource gives up for good on an error answer: the page falls back to polling."""
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]
    question = current_question(served.db, served.conf_id)
    page = browser.new_page()
    refused: list[str] = []

    def too_many(route) -> None:
        refused.append(route.request.url)
        route.fulfill(status=429, content_type="application/json", body='{"detail": "x / y"}')

    page.route("**/events", too_many)
    with page.expect_request("**/events"):
        page.goto(f"{served.url}/v/{token}")
    page.evaluate("window.__sameDocument = true")
    _moderate(served, "close", question)
    expect(page.locator(".notice.closed")).to_contain_text("Abstimmung geschlossen", timeout=10_000)
    assert refused
    assert page.evaluate("window.__sameDocument") is True
    page.close()


def test_a_panel_behind_the_announced_change_is_fetched_again(browser, served: Served) -> None:
    """A panel older than the change the stream announced (a process or proxy behind by a
    moment) is not the end: the page asks again until the panel catches up."""
    from playwright.sync_api import expect

    token = tokens(served.db, served.conf_id)["FR"]
    question = current_question(served.db, served.conf_id)
    page = browser.new_page()
    page.goto(f"{served.url}/v/{token}")
    expect(page.locator("#panel")).to_have_attribute("data-question", str(question))
    before = httpx.get(f"{served.url}/v/{token}/panel?lang=de").text  # the open question
    served_stale: list[str] = []

    def one_stale_answer(route) -> None:
        if served_stale:
            route.continue_()
            return
        served_stale.append(route.request.url)  # as a process that missed the close
        route.fulfill(status=200, content_type="text/html", body=before)

    page.route("**/panel?*", one_stale_answer)
    _moderate(served, "close", question)
    expect(page.locator(".notice.closed")).to_contain_text("Abstimmung geschlossen", timeout=10_000)
    assert served_stale
    page.close()


def test_without_javascript_a_long_comment_with_line_breaks_is_stored(
    browser, served: Served
) -> None:
    """The textarea counts a line break as one character, the browser sends two (CR LF)."""
    from playwright.sync_api import expect

    from app.services.ballots import current_ballots

    token = tokens(served.db, served.conf_id)["HD"]
    question = current_question(served.db, served.conf_id)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}/v/{token}?lang=en")
    page.get_by_label("Abstain").check()
    text = "\n".join(["x" * 99] * 20)  # 1999 characters, within maxlength="2000"
    page.fill("#comment", text)
    page.get_by_role("button", name="Cast vote").click()
    expect(page.locator("#stored")).to_contain_text("Vote stored")
    with served.db.read() as session:
        (ballot,) = [b for b in current_ballots(session, question) if b.site_code == "HD"]
    assert ballot.comment == text
    context.close()


@pytest.fixture
def multiple_served(db: Database) -> Iterator[Served]:
    """The open question is multiple choice: HCQ, Trametinib, Studie, Keine Empfehlung."""
    with db.write() as session:
        conf_id = make_conference(session, 2, prefix="B", open_first=False)
        open_question(session, agenda(session, conf_id)[0].questions[2].id)
    with serving(db, conf_id) as running:
        yield running


def test_an_exclusive_option_clears_the_others_where_javascript_runs(
    browser, multiple_served: Served
) -> None:
    from playwright.sync_api import expect

    token = tokens(multiple_served.db, multiple_served.conf_id)["B000"]
    page = browser.new_page()
    page.goto(f"{multiple_served.url}/v/{token}")
    hcq, tram, none = (page.get_by_label(x) for x in ("HCQ", "Trametinib", "Keine Empfehlung"))
    abstain = page.get_by_label("Enthaltung")
    hcq.check()
    tram.check()
    none.check()
    expect(hcq).not_to_be_checked()
    expect(tram).not_to_be_checked()
    hcq.check()
    expect(none).not_to_be_checked()
    expect(tram).not_to_be_checked()
    abstain.check()  # abstaining replaces the options, too
    expect(hcq).not_to_be_checked()
    tram.check()
    expect(abstain).not_to_be_checked()
    page.get_by_role("button", name="Stimme abgeben").click()
    expect(page.locator("#stored")).to_contain_text("„Trametinib“")
    expect(page.locator("#stored .still-stands")).to_be_hidden()
    page.close()


def test_without_javascript_the_server_refuses_the_combination_and_keeps_the_old_ballot(
    browser, multiple_served: Served
) -> None:
    from playwright.sync_api import expect

    token = tokens(multiple_served.db, multiple_served.conf_id)["B001"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{multiple_served.url}/v/{token}")
    page.get_by_label("HCQ").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    expect(page.locator("#stored")).to_contain_text("„HCQ“")
    page.get_by_role("link", name="Zurück zur Abstimmung").click()
    page.get_by_label("Keine Empfehlung").check()
    expect(page.get_by_label("HCQ")).to_be_checked()  # nothing clears it without a script
    page.get_by_role("button", name="Stimme ändern").click()
    expect(page.locator("div.notice.error")).to_contain_text(
        "„Keine Empfehlung“ kann nicht mit anderen Optionen kombiniert werden"
    )
    stored = page.locator("#stored")
    expect(stored).to_contain_text("Ihre bisherige Stimme gilt weiter:")
    expect(stored).to_contain_text("„HCQ“")
    # abstain added to the old options: abstaining replaces them
    page.get_by_label("Keine Empfehlung").uncheck()
    page.get_by_label("Enthaltung").check()
    page.get_by_role("button", name="Stimme ändern").click()
    expect(page.locator("#stored")).to_contain_text("„Enthaltung“")
    context.close()


def test_a_refused_change_says_the_earlier_ballot_still_stands(
    browser, multiple_served: Served
) -> None:
    from playwright.sync_api import expect

    token = tokens(multiple_served.db, multiple_served.conf_id)["B000"]
    page = browser.new_page()
    page.goto(f"{multiple_served.url}/v/{token}")
    page.get_by_label("HCQ").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    stored = page.locator("#stored")
    expect(stored).to_contain_text("„HCQ“")
    expect(stored.locator(".still-stands")).to_be_hidden()
    # a combination the script would have cleared (set without events): the server refuses
    page.evaluate(
        """() => {
          for (const label of ["Trametinib", "Keine Empfehlung"]) {
            const box = [...document.querySelectorAll("label.choice")]
              .find((l) => l.textContent.trim().startsWith(label)).querySelector("input");
            box.checked = true;
          }
        }"""
    )
    page.get_by_role("button", name="Stimme ändern").click()
    expect(page.locator(".js-error")).to_have_text(  # the page's language only
        "„Keine Empfehlung“ kann nicht mit anderen Optionen kombiniert werden"
    )
    expect(stored.locator(".still-stands")).to_be_visible()
    expect(stored).to_contain_text("Ihre bisherige Stimme gilt weiter:")
    expect(stored).to_contain_text("„HCQ“")
    page.close()


def test_preset_labels_follow_the_page_language_and_own_labels_stay(browser, db: Database) -> None:
    from playwright.sync_api import expect

    from app.services.agenda import ordered_question_ids
    from app.services.lifecycle import close_question, set_current

    with db.write() as session:
        conf_id = make_conference(session, 2, prefix="L", open_first=False)  # German
        evidence = ordered_question_ids(session, conf_id)[1]
        set_current(session, conf_id, evidence)
        open_question(session, evidence)
    with serving(db, conf_id) as running:
        token = tokens(db, conf_id)["L000"]
        page = browser.new_page()
        page.goto(f"{running.url}/v/{token}?lang=en")
        none = page.get_by_label("No evidence level / no recommendation")
        expect(none).to_be_visible()
        expect(page.get_by_text("Kein Evidenzlevel")).to_have_count(0)
        none.check()
        page.get_by_role("button", name="Cast vote").click()
        expect(page.locator("#stored")).to_contain_text("“No evidence level / no recommendation”")
        page.goto(f"{running.url}/v/{tokens(db, conf_id)['L001']}")  # German page
        expect(page.get_by_label("Kein Evidenzlevel / keine Empfehlung")).to_be_visible()
        page.close()
    with db.write() as session:  # the first question: its options are the fellow's own
        close_question(session, evidence)
        first = ordered_question_ids(session, conf_id)[0]
        set_current(session, conf_id, first)
        open_question(session, first)
    with serving(db, conf_id) as running:
        page = browser.new_page()
        page.goto(f"{running.url}/v/{token}?lang=en")
        expect(page.get_by_label("Keine Empfehlung")).to_be_visible()  # never replaced
        page.close()
