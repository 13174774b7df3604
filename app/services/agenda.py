"""Cases and questions of a conference: add, edit, reorder, and read back as the agenda."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.models import (
    Ballot,
    Case,
    CaseImage,
    Conference,
    Option,
    Question,
    QuestionKind,
    QuestionState,
)
from app.services.case_data import apply_case_fields, summary_as_package
from app.services.conferences import get_conference_row
from app.services.errors import NotFound, StateConflict
from app.services.images import case_image, image_as_package
from app.services.messages import say
from app.services.package_schema import (
    PackageCase,
    PackageOption,
    PackageQuestion,
    checked,
)
from app.services.presets import PRESETS, PresetOption, exclusive_option
from app.services.views import CaseInfo, QuestionInfo, question_number


def _case_row(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(say("case_not_found", case_id=case_id))
    return case


def _question_row(session: Session, question_id: int) -> Question:
    question = session.get(Question, question_id)
    if question is None:
        raise NotFound(say("question_not_found", question_id=question_id))
    return question


# --- reading -------------------------------------------------------------------------


def agenda(session: Session, conference_id: int) -> list[CaseInfo]:
    """All cases in order, each with its numbered questions (round 2 right after round 1)."""
    get_conference_row(session, conference_id)
    cases = session.scalars(
        select(Case)
        .where(Case.conference_id == conference_id)
        .order_by(Case.position, Case.id)
        .options(
            selectinload(Case.findings),
            selectinload(Case.images),
            selectinload(Case.therapy_lines),
            selectinload(Case.questions).selectinload(Question.options),
        )
    ).all()
    return [CaseInfo.of(case, number) for number, case in enumerate(cases, start=1)]


def get_case(session: Session, case_id: int) -> CaseInfo:
    case = _case_row(session, case_id)
    return CaseInfo.of(case, _case_number(session, case))


def _case_number(session: Session, case: Case) -> int:
    ids = session.scalars(
        select(Case.id)
        .where(Case.conference_id == case.conference_id)
        .order_by(Case.position, Case.id)
    ).all()
    return ids.index(case.id) + 1


def get_question(session: Session, question_id: int) -> QuestionInfo:
    question = _question_row(session, question_id)
    case = question.case
    number = question_number(_case_number(session, case), list(case.questions), question)
    return QuestionInfo.of(question, number)


def conference_of_question(session: Session, question_id: int) -> int:
    conference_id = session.scalar(
        select(Case.conference_id).join(Question).where(Question.id == question_id)
    )
    if conference_id is None:
        raise NotFound(say("question_not_found", question_id=question_id))
    return conference_id


def ordered_question_ids(session: Session, conference_id: int) -> list[int]:
    """Question ids in agenda order (the order "next" walks)."""
    return [q.id for case in agenda(session, conference_id) for q in case.questions]


def image_data(session: Session, image_id: int) -> tuple[str, bytes]:
    image = session.get(CaseImage, image_id)
    if image is None:
        raise NotFound(say("image_not_found"))
    return image.mime, image.data


# --- cases ---------------------------------------------------------------------------


def _next_position(
    session: Session, column: InstrumentedAttribute[int], where: ColumnElement[bool]
) -> int:
    current = session.scalar(select(func.max(column)).where(where))
    return 0 if current is None else current + 1


def add_case(
    session: Session,
    conference_id: int,
    data: PackageCase,
    *,
    base_dir: Path | None = None,
) -> int:
    """Append a case with its findings, images and questions; returns the new case id."""
    data = checked(data)
    conf = get_conference_row(session, conference_id)
    case = Case(
        conference_id=conf.id,
        position=_next_position(session, Case.position, Case.conference_id == conf.id),
        title=data.title,
        free_discussion=data.free_discussion,  # where it stands, not its summary: kept on edits
    )
    apply_case_fields(case, data)
    case.images = [case_image(img, index, base_dir) for index, img in enumerate(data.images)]
    session.add(case)
    session.flush()
    for question in data.questions:
        add_question(session, case.id, question)
    return case.id


def update_case(session: Session, case_id: int, data: PackageCase) -> None:
    """Replace a case's summary, findings and images; its questions are edited separately."""
    data = checked(data)
    case = _case_row(session, case_id)
    apply_case_fields(case, data)
    stored = {i.data for i in case.images}  # checked when they came in
    wanted = [case_image(img, i, None, stored) for i, img in enumerate(data.images)]
    current = [(i.filename, i.mime, i.caption, i.data) for i in case.images]
    if current != [(i.filename, i.mime, i.caption, i.data) for i in wanted]:
        case.images = wanted  # only rewrite the blobs when the images really changed


def delete_case(session: Session, case_id: int) -> None:
    """Delete a case; refused once any of its questions has ballots."""
    case = _case_row(session, case_id)
    if any(_has_ballots(session, q.id) for q in case.questions):
        raise StateConflict(say("case_has_ballots"))
    _clear_current(session, case.conference, {q.id for q in case.questions})
    session.delete(case)


def move_case(session: Session, case_id: int, new_index: int) -> None:
    """Move a case to ``new_index`` in the agenda (0-based, clamped)."""
    case = _case_row(session, case_id)
    siblings = list(
        session.scalars(
            select(Case)
            .where(Case.conference_id == case.conference_id)
            .order_by(Case.position, Case.id)
        )
    )
    siblings.remove(case)
    siblings.insert(max(0, min(new_index, len(siblings))), case)
    for position, row in enumerate(siblings):
        row.position = position


def case_as_package(session: Session, case_id: int) -> PackageCase:
    """A case in package form, with images embedded (for export and for the editor)."""
    case = _case_row(session, case_id)
    return PackageCase(
        **summary_as_package(case),
        images=[image_as_package(i) for i in case.images],
        questions=[question_as_package(q) for q in case.questions if q.parent_id is None],
        free_discussion=case.free_discussion,
    )


# --- questions -----------------------------------------------------------------------


def question_as_package(question: Question) -> PackageQuestion:
    return PackageQuestion(
        text=question.text,
        kind=QuestionKind(question.kind),
        options=[
            PackageOption(
                label=o.label,
                code=o.code,
                phrase_de=o.phrase_de,
                phrase_en=o.phrase_en,
                exclusive=o.exclusive,
            )
            for o in question.options
        ],
        allow_abstain=question.allow_abstain,
        duration_seconds=question.duration_seconds,
    )


def _step_code(kind: QuestionKind, step: PresetOption, given: str) -> str:
    return given if kind is QuestionKind.AGREEMENT and given else step.code


def _options_for(data: PackageQuestion, language: str) -> list[Option]:
    if data.options:
        specs = data.options
    elif data.kind in PRESETS:
        specs = [PackageOption(label=p.label(language), code=p.code) for p in PRESETS[data.kind]]
    else:
        specs = []
    steps = PRESETS.get(data.kind)
    return [
        Option(
            position=i,
            label=o.label,
            # a fixed step keeps its place; yes/no and evidence take its code, an agreement
            # scale keeps the author's codes (its steps are known by position)
            code=_step_code(data.kind, steps[i], o.code) if steps else o.code,
            phrase_de=o.phrase_de,
            phrase_en=o.phrase_en,
            exclusive=o.exclusive or exclusive_option(data.kind, i, len(specs), o.label),
        )
        for i, o in enumerate(specs)
    ]


def add_question(
    session: Session, case_id: int, data: PackageQuestion, *, after_id: int | None = None
) -> int:
    """Append a question to a case (or insert it right after ``after_id``)."""
    data = checked(data)
    case = _case_row(session, case_id)
    question = Question(
        text=data.text,
        kind=data.kind.value,
        allow_abstain=data.allow_abstain,
        duration_seconds=data.duration_seconds,
        state=QuestionState.DRAFT.value,
        options=_options_for(data, case.conference.language),
    )
    rows = list(case.questions)
    index = len(rows)
    if after_id is not None:
        index = next((i + 1 for i, q in enumerate(rows) if q.id == after_id), index)
    rows.insert(index, question)
    case.questions = rows
    for position, row in enumerate(rows):
        row.position = position
    session.flush()
    return question.id


def update_question(session: Session, question_id: int, data: PackageQuestion) -> None:
    """Edit a question. Once it has been opened (or has ballots) what was voted on is fixed:
    its kind, the number and order of its options, which of them stands alone, and the
    abstain setting. The text, the options' labels (a typo seen afterwards), the duration
    and the sentence parts may still be corrected; the ballots keep pointing at the same
    options. A correction of round 1 is made in its round 2 as well where that still reads
    as round 1 did."""
    data = checked(data)
    question = _question_row(session, question_id)
    frozen = question.state != QuestionState.DRAFT.value or _has_ballots(session, question_id)
    if frozen:
        _correct_asked(session, question, data)
        return
    question.text = data.text
    question.duration_seconds = data.duration_seconds
    same_options = [(o.label, o.code, o.exclusive) for o in question.options] == [
        (o.label, o.code, o.exclusive)
        for o in _options_for(data, question.case.conference.language)
    ]
    if question.kind == data.kind.value and (same_options or not data.options):
        for option, new in zip(question.options, data.options, strict=False):
            option.phrase_de, option.phrase_en = new.phrase_de, new.phrase_en
        question.allow_abstain = data.allow_abstain
        return
    question.kind = data.kind.value
    question.allow_abstain = data.allow_abstain
    question.options = _options_for(data, question.case.conference.language)


def _correct_asked(session: Session, question: Question, data: PackageQuestion) -> None:
    """Corrections of a question that was asked (see :func:`update_question`)."""
    if question.kind != data.kind.value:
        raise StateConflict(say("kind_fixed"))
    if question.allow_abstain != data.allow_abstain:
        raise StateConflict(say("abstain_fixed"))
    given = data.options
    alone = [
        o.exclusive or exclusive_option(data.kind, i, len(given), o.label)
        for i, o in enumerate(given)
    ]
    if given and alone != [o.exclusive for o in question.options]:
        raise StateConflict(say("options_fixed_once_asked"))
    was = (question.text, [o.label for o in question.options])
    followers = [
        child
        for child in session.scalars(select(Question).where(Question.parent_id == question.id))
        if (child.text, [o.label for o in child.options]) == was
    ]
    for target in (question, *followers):
        target.text = data.text
        if target is question:
            target.duration_seconds = data.duration_seconds
        for option, new in zip(target.options, given, strict=False):
            option.label = new.label
            option.phrase_de, option.phrase_en = new.phrase_de, new.phrase_en


def delete_question(session: Session, question_id: int) -> None:
    question = _question_row(session, question_id)
    if _has_ballots(session, question_id):
        raise StateConflict(say("question_has_ballots"))
    children = session.scalars(select(Question).where(Question.parent_id == question_id)).all()
    _clear_current(session, question.case.conference, {question_id, *(c.id for c in children)})
    case = question.case
    case.questions.remove(question)
    for child in children:
        case.questions.remove(child)
    for position, row in enumerate(case.questions):
        row.position = position


def move_question(session: Session, question_id: int, new_index: int) -> None:
    """Move a question (with its round-2 repeat) within its case."""
    question = _question_row(session, question_id)
    case = question.case
    rows = list(case.questions)
    group = [q for q in rows if q.id == question_id or q.parent_id == question_id]
    rest = [q for q in rows if q not in group]
    top_level = [q for q in rest if q.parent_id is None]
    index = max(0, min(new_index, len(top_level)))
    anchor = rest.index(top_level[index]) if index < len(top_level) else len(rest)
    rows = rest[:anchor] + group + rest[anchor:]
    case.questions = rows
    for position, row in enumerate(rows):
        row.position = position


def _has_ballots(session: Session, question_id: int) -> bool:
    return session.scalar(select(Ballot.id).where(Ballot.question_id == question_id)) is not None


def _clear_current(session: Session, conf: Conference, question_ids: set[int]) -> None:
    if conf.current_question_id in question_ids:
        conf.current_question_id = None
        session.flush()
