"""A quick question of the free discussion: asked on the spot, opened at once.

The free discussion is the block of cases marked ``free_discussion`` at the end of the
agenda. Each case there is one case a participant presented, its title the one-line case as
typed ("vorgestellt von Standort X: 54 J., NSCLC, KRAS G12C"), with the age, sex and
findings read from that line; a quick question with the same line as the last one joins
its case (a second question on the same patient), a new line starts a new case. So the
protocol and the manuscript show each presented case once, with its findings and its
questions, as they show the prepared ones. Afterwards a quick question is an ordinary
question: round 2, notes, results and reports work on it as on any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Question, QuestionKind, QuestionState
from app.services import audit, lifecycle
from app.services.agenda import add_question, get_question
from app.services.case_data import finding_row
from app.services.case_line import read_case_line
from app.services.conferences import get_conference_row
from app.services.errors import InvalidInput, StateConflict
from app.services.messages import say
from app.services.package_schema import PackageOption, PackageQuestion, checked
from app.services.text import clean_field
from app.services.views import CaseInfo, QuestionInfo
from app.texts import Catalog

FREE_DISCUSSION = Catalog.of_pairs(
    "free discussion",
    {"block": ("Freie Diskussion", "Free discussion")},
)
MAX_TEXT = 2_000
MAX_OPTION = 500
MAX_OPTIONS = 30
#: the title's column: a one-line case is at most this long
MAX_CASE_LINE = 200
#: typed as an option, these mean "abstaining is offered" (abstaining is never an option)
ABSTAIN_WORDS = frozenset({"enthaltung", "abstain", "abstention", "enthalten", "ich enthalte mich"})
_WITH_OPTIONS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def block_title(lang: str) -> str:
    """ "Freie Diskussion" / "Free discussion": the block, and a case without a line."""
    return FREE_DISCUSSION.text(lang, "block")


def case_line_of(title: str) -> str:
    """The one-line case a free-discussion case was asked with ("" for none)."""
    return "" if title in {block_title(lang) for lang in ("de", "en")} else title


def case_heading(case: CaseInfo, lang: str) -> str:
    """The case's title as a list names it: a free-discussion case under the block's name
    ("Freie Diskussion: Mainz: 54 J., NSCLC, KRAS G12C"; the block alone without a line)."""
    if not case.free_discussion:
        return case.title
    line = case_line_of(case.title)
    return f"{block_title(lang)}: {line}" if line else block_title(lang)


def _kind(kind: QuestionKind | str) -> QuestionKind:
    try:
        return QuestionKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in QuestionKind)
        raise InvalidInput(say("quick_kind_unknown", kind=str(kind)[:40], kinds=kinds)) from None


def _options(kind: QuestionKind, typed: Sequence[str]) -> tuple[list[PackageOption], bool]:
    """The typed options (one per line, blank lines dropped) and whether one of them asked
    for abstaining, which is offered beside the options, never as one of them."""
    labels = [
        clean_field(line, say("field_option"), limit=MAX_OPTION)
        for text in typed
        for line in text.splitlines() or [""]
    ]
    labels = [label for label in labels if label]
    abstain = any(label.casefold() in ABSTAIN_WORDS for label in labels)
    labels = [label for label in labels if label.casefold() not in ABSTAIN_WORDS]
    if kind not in _WITH_OPTIONS:
        if labels:
            raise InvalidInput(say("quick_options_given", kind=kind.value))
        return [], abstain
    if len(labels) < 2:
        raise InvalidInput(say("quick_two_options"))
    if len(labels) > MAX_OPTIONS:
        raise InvalidInput(say("quick_too_many_options", limit=MAX_OPTIONS))
    seen: set[str] = set()
    for label in labels:
        if label.casefold() in seen:
            raise InvalidInput(say("quick_option_twice", label=label))
        seen.add(label.casefold())
    return [PackageOption(label=label) for label in labels], abstain


def _open_question_id(session: Session, conference_id: int) -> int | None:
    return session.scalar(
        select(Question.id)
        .join(Case)
        .where(Case.conference_id == conference_id, Question.state == QuestionState.OPEN.value)
    )


def _refuse_while_open(session: Session, conference_id: int) -> None:
    open_id = _open_question_id(session, conference_id)
    if open_id is not None:
        number = get_question(session, open_id).number
        raise StateConflict(say("other_question_open", number=number))


def _case_for(session: Session, conference_id: int, line: str, lang: str) -> Case:
    """The free-discussion case this line belongs to: the last case if it is one with the
    same line, else a new one at the end of the agenda."""
    title = line or block_title(lang)
    last = session.scalar(
        select(Case)
        .where(Case.conference_id == conference_id)
        .order_by(Case.position.desc(), Case.id.desc())
        .limit(1)
    )
    if last is not None and last.free_discussion and last.title == title:
        return last
    read = read_case_line(line)
    case = Case(
        conference_id=conference_id,
        position=0 if last is None else last.position + 1,
        title=title,
        free_discussion=True,
        age=read.age,
        sex=read.sex.value if read.sex else None,
        tmb=read.tmb,
        msi=read.msi,
    )
    case.findings = [finding_row(f, index) for index, f in enumerate(read.findings)]
    session.add(case)
    session.flush()
    return case


def prepare(
    text: str,
    kind: QuestionKind | str,
    options: Sequence[str] = (),
    case_line: str = "",
    allow_abstain: bool = True,
    duration_seconds: int | None = None,
) -> tuple[PackageQuestion, str]:
    """The question as it will be stored and its one-line case, cleaned and checked (no
    database: the console's form says what is wrong before anything is sent)."""
    question_kind = _kind(kind)
    question_text = clean_field(
        text, say("field_question"), limit=MAX_TEXT, lines=True, required=True
    )
    line = " ".join(clean_field(case_line, say("field_case_line"), limit=MAX_CASE_LINE).split())
    typed, abstain_typed = _options(question_kind, options)
    data = checked(
        PackageQuestion(
            text=question_text,
            kind=question_kind,
            options=typed,
            allow_abstain=allow_abstain or abstain_typed,
            duration_seconds=duration_seconds,
        )
    )
    return data, line


def add_quick_question(
    session: Session,
    conference_id: int,
    text: str,
    kind: QuestionKind | str,
    options: Sequence[str] = (),
    case: str = "",
    allow_abstain: bool = True,
    duration_seconds: int | None = None,
    open: bool = True,  # the API's word (shadows the builtin here only)
    *,
    actor: str = "moderator",
) -> QuestionInfo:
    """Ask a question on the spot: into the free discussion at the end of the agenda (the
    case with the same one-line ``case``, else a new one), made the current question and
    (``open``) opened for voting at once.

    ``kind`` is one of :class:`QuestionKind`; a preset kind brings its options, single and
    multiple choice take ``options`` (each entry may hold several lines, one option per
    line; "Enthaltung" / "abstain" typed among them offers abstaining instead). "Keine
    Empfehlung" / "no recommendation" stands alone as everywhere. Refused, with nothing
    written, while another question is open (``open``) or when the input breaks a rule.
    """
    conf = get_conference_row(session, conference_id)
    data, line = prepare(text, kind, options, case, allow_abstain, duration_seconds)
    if open:
        _refuse_while_open(session, conference_id)
    into = _case_for(session, conference_id, line, conf.language)
    question_id = add_question(session, into.id, data)
    audit.record(
        session,
        conference_id,
        actor,
        "quick_question_added",
        question_id=question_id,
        kind=data.kind.value,
        case_line=line,
    )
    if open:
        return lifecycle.open_question(session, question_id, actor=actor)
    if _open_question_id(session, conference_id) is None:  # else the open one stays shown
        lifecycle.set_current(session, conference_id, question_id, actor=actor)
    return get_question(session, question_id)
