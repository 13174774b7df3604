"""The voter page's HTML: Jinja2 templates from ``resources/voter`` (autoescaped)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.config import LANGUAGES, RESOURCES
from app.models import BallotSource, QuestionKind
from app.server.i18n import clock, session_when, texts
from app.services.ballots import BallotView
from app.services.checkin import AttendeeData, CheckinView
from app.services.cme import EfnProblem, efn_problem
from app.services.tally import Tally
from app.services.views import QuestionInfo
from app.services.voting import VoterView
from app.texts import Message, quote

TEMPLATES = RESOURCES / "voter"
STATIC = TEMPLATES / "static"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


@dataclass(frozen=True)
class Choice:
    """One radio button or checkbox of the ballot form."""

    value: str
    label: str
    explanation: str
    checked: bool
    exclusive: bool = False  # stands alone: checking it clears the others (and back)


@dataclass(frozen=True)
class Typed:
    """What a voter sent with the plain form, shown again when it was refused."""

    question_id: str
    choices: tuple[str, ...]
    comment: str


@dataclass(frozen=True)
class CheckinRow:
    """One person in the check-in form (``blank``: the row for someone new)."""

    name: str
    efn: str
    role: str
    hint: str = ""
    removed: bool = False
    blank: bool = False


@dataclass(frozen=True)
class CheckinTyped:
    """What a site sent with the plain check-in form, shown again when it was refused."""

    rows: tuple[AttendeeData, ...]
    removed: frozenset[int]


_EFN_HINTS = {
    EfnProblem.CHECK_DIGIT: "efn_hint_check_digit",
    EfnProblem.DIGITS: "efn_hint_digits",
    EfnProblem.PREFIX: "efn_hint_prefix",
}


def efn_hint(efn: str, lang: str) -> str:
    """A gentle word under an EFN that fails its check (empty when it is fine)."""
    problem = efn_problem(efn)
    return texts(lang)[_EFN_HINTS[problem]] if problem else ""


def checkin_context(
    checkin: CheckinView,
    lang: str,
    *,
    error: Message | None = None,
    typed: CheckinTyped | None = None,
    saved: bool = False,
) -> dict[str, Any]:
    """Everything ``checkin.html`` needs: the form's rows (as stored, or as typed when a
    post was refused), blank rows for new people, the session's date and time."""
    if typed is not None:
        rows = [
            CheckinRow(r.name, r.efn, r.role, efn_hint(r.efn, lang), i in typed.removed)
            for i, r in enumerate(typed.rows)
            if r.name or r.efn or r.role
        ]
    else:
        rows = [CheckinRow(a.name, a.efn, a.role, efn_hint(a.efn, lang)) for a in checkin.attendees]
    blanks = max(0, min(3 if not rows else 1, checkin.limit - len(rows)))
    rows += [CheckinRow("", "", "", blank=True) for _ in range(blanks)]
    return {
        "checkin": checkin,
        "checkin_rows": rows,
        "checkin_error": error.in_language(lang) if error else None,
        "checkin_saved": saved and error is None,
        "session_when": session_when(lang, checkin.date, checkin.starts_at, checkin.ends_at),
    }


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int


def ballot_summary(question: QuestionInfo, ballot: BallotView, lang: str) -> str:
    """What was stored, in words: „Keine Empfehlung“ (quoted labels, abstain, or the text)."""
    t = texts(lang)
    if ballot.abstain:
        return quote(t["abstain"], lang)
    labels = {o.id: o.label_in(lang) for o in question.options}
    parts = [labels.get(i, "?") for i in ballot.option_ids]
    if question.kind is QuestionKind.FREE_TEXT:
        parts = [ballot.comment]
    return ", ".join(quote(part, lang) for part in parts)


def choices(
    question: QuestionInfo, ballot: BallotView | None, lang: str, typed: Typed | None = None
) -> list[Choice]:
    """The form's rows, checked as stored (or as typed, when a post was refused)."""
    if typed is not None:
        chosen = set(typed.choices)
    else:
        chosen = {str(i) for i in ballot.option_ids} if ballot else set()
        if ballot and ballot.abstain:
            chosen.add("abstain")
    multiple = question.kind is QuestionKind.MULTIPLE
    rows = [
        Choice(
            str(o.id),
            o.label_in(lang),
            o.explanation(lang),
            str(o.id) in chosen,
            multiple and o.exclusive,
        )
        for o in question.options
    ]
    if question.allow_abstain:
        rows.append(Choice("abstain", texts(lang)["abstain"], "", "abstain" in chosen, multiple))
    return rows


def bars(tally: Tally, lang: str) -> list[Bar]:
    return [Bar(r.option.label_in(lang), r.count, r.percent) for r in tally.options]


def page_context(
    view: VoterView,
    token: str,
    lang: str,
    *,
    error: Message | None = None,
    typed: Typed | None = None,
) -> dict[str, Any]:
    """Everything ``page.html`` and ``panel.html`` need (``typed``: a refused post's input,
    kept while it is still for the current question)."""
    t = texts(lang)
    q = view.question
    ballot = view.ballot
    if typed is not None and (q is None or typed.question_id != str(q.id)):
        typed = None
    stored = None
    if q is not None and ballot is not None:
        stored = {
            "time": clock(ballot.cast_at),
            "summary": ballot_summary(q, ballot, lang),
            "revision": ballot.revision,
            "by_moderator": ballot.source is BallotSource.MODERATOR,
            "comment": ballot.comment if q.kind is not QuestionKind.FREE_TEXT else "",
        }
    return {
        "t": t,
        "lang": lang,
        "other_lang": next(x for x in LANGUAGES if x != lang),
        "base": f"/v/{token}",
        "api": f"/api/v/{token}",
        "view": view,
        "question": q,
        "phase": view.phase,
        "input_type": "checkbox" if q and q.kind is QuestionKind.MULTIPLE else "radio",
        "free_text": bool(q and q.kind is QuestionKind.FREE_TEXT),
        "choices": choices(q, ballot, lang, typed) if q else [],
        "stored": stored,
        "comment_value": typed.comment if typed else (ballot.comment if ballot else ""),
        "tally": view.tally,
        "bars": bars(view.tally, lang) if view.tally else [],
        "error": error.in_language(lang) if error else None,
    }


def voter_page(
    view: VoterView,
    token: str,
    lang: str,
    *,
    error: Message | None = None,
    typed: Typed | None = None,
    checkin: dict[str, Any] | None = None,
) -> str:
    """The whole page; ``checkin``: :func:`checkin_context` (without it, no check-in)."""
    context = page_context(view, token, lang, error=error, typed=typed)
    return render("page.html", **context, **(checkin or {"checkin": None}))


def checkin_section(view: VoterView, token: str, lang: str, checkin: dict[str, Any]) -> str:
    """The check-in part of the page alone, for the page's script after a change."""
    return render("checkin.html", **page_context(view, token, lang), **checkin)


def voter_panel(view: VoterView, token: str, lang: str) -> str:
    return render("panel.html", **page_context(view, token, lang))


def welcome_page(lang: str, topic: str) -> str:
    """The server's front page (the presenter view's QR code leads here): use your link."""
    return render("welcome.html", t=texts(lang), lang=lang, topic=topic)


def forbidden_page(lang: str, message: Message) -> str:
    t = texts(lang)
    return render(
        "forbidden.html",
        t=t,
        lang=lang,
        message=message.in_language(lang),
    )


def unavailable_page(lang: str, message: Message, *, stored: bool = False, retry: int = 5) -> str:
    """The voter page's own page while the database cannot be reached: styled as every
    page, in the site's language, saying what happened (never the driver's words) and
    loading itself again after ``retry`` seconds (no script needed). Built without a
    template: the template files may be on the disk that fails."""
    t = texts(lang)
    title = t["error_title"] if stored else t["unavailable_title"]
    kind = "error" if stored else "changed"  # a vote not stored is an error; a wait is not
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta http-equiv="refresh" content="{int(retry)}">'
        f"<title>Votum · {html.escape(title)}</title>"
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/voter.css">'
        f'</head><body><header class="top"><div class="wrap"><p class="for">Votum</p>'
        f"<h1>{html.escape(title)}</h1></div></header>"
        f'<main class="wrap"><div class="card"><div class="notice {kind}" role="alert">'
        f"<p>{html.escape(message.in_language(lang))}</p></div>"
        f'<p class="small muted">{html.escape(t["unavailable_retry"].format(seconds=retry))}'
        "</p></div></main></body></html>"
    )


def stored_page(
    view: VoterView,
    question: QuestionInfo,
    ballot: BallotView,
    token: str,
    lang: str,
    *,
    replaced: bool = False,
) -> str:
    """The no-script confirmation; ``replaced``: the stored ballot is no longer the one the
    voter sent (the moderator or another tab changed it since)."""
    t = texts(lang)
    return render(
        "stored.html",
        t=t,
        lang=lang,
        view=view,
        question=question,
        base=f"/v/{token}",
        time=clock(ballot.cast_at),
        summary=ballot_summary(question, ballot, lang),
        revision=ballot.revision,
        comment=ballot.comment if question.kind is not QuestionKind.FREE_TEXT else "",
        still_open=question.is_open,
        replaced=replaced,
        by_moderator=ballot.source is BallotSource.MODERATOR,
    )
