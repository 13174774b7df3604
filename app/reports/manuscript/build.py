"""The article's structure from a conference's report data: front matter, methods and the
results of every asked question of the prepared cases (a question's blocks:
:mod:`.questions`; the free discussion's section: :mod:`.build_free`; the discussion, case
reports and supplement: :mod:`.build_cases`). No names beyond the authors', no EFNs, no
link secrets: the data the reports see has none of the latter, and nothing here reads
attendees."""

from __future__ import annotations

from collections.abc import Sequence

from app.models import QuestionKind
from app.reports.data import ReportData
from app.reports.manuscript.build_cases import case_reports, discussion, supplement
from app.reports.manuscript.build_free import free_discussion
from app.reports.manuscript.pictures import Painter
from app.reports.manuscript.questions import Asked, asked_questions, draw, result_blocks
from app.reports.manuscript.structure import (
    Author,
    Block,
    Manuscript,
    Paragraph,
    Ref,
    ResultExtras,
    Section,
)
from app.reports.manuscript.texts import counted, with_refs, word
from app.reports.texts import date_text, datetime_text, text
from app.services.consensus import awmf_rule
from app.services.results import round_pairs

__all__ = ["asked_questions", "build"]


def build(
    data: ReportData,
    lang: str,
    *,
    extras: Sequence[ResultExtras] = (),
    painter: Painter | None = None,
) -> Manuscript:
    """The whole article in ``lang``; ``extras`` add blocks under each result; ``painter``
    draws the charts (one made here otherwise). The questions asked on the spot stand in
    a section of their own after the Results (numbered on from them), not in the Results."""
    conf = data.conference
    authors, affiliations = _authors(data, lang)
    manuscript = Manuscript(
        lang=lang,
        title=conf.topic,
        subtitle=word(lang, "subtitle", date=date_text(conf.date, lang)),
        authors=authors,
        group=word(lang, "group"),
        affiliations=affiliations,
    )
    asked = asked_questions(data)
    pictures = draw(asked, lang, painter)
    prepared = [a for a in asked if not a.free]
    manuscript.sections = [
        Section("front", "", [_draft_note(data, lang)]),
        methods(data, asked, lang),
        results(data, prepared, pictures, lang, extras),
        discussion(data, lang),
        case_reports(data, lang),
        supplement(data, asked, lang),
    ]
    free = free_discussion(data, [a for a in asked if a.free], pictures, lang, extras)
    if free is not None:
        manuscript.insert_after("results", free)
    return manuscript


def _authors(data: ReportData, lang: str) -> tuple[tuple[Author, ...], tuple[str, ...]]:
    """The fellows, then the moderator; affiliations are the fellows' sites in order (a
    place holder for whoever has none: the moderator's site is not known)."""
    conf = data.conference
    affiliations: list[str] = []

    def number(site: str) -> int:
        site = site or word(lang, "affiliation_missing")
        if site not in affiliations:
            affiliations.append(site)
        return affiliations.index(site) + 1

    people = [(f.name, f.site) for f in conf.fellows]
    if conf.moderator and conf.moderator not in (name for name, _ in people):
        people.append((conf.moderator, ""))
    authors = tuple(Author(name, (number(site),)) for name, site in people)
    return authors, tuple(affiliations)


def _draft_note(data: ReportData, lang: str) -> Paragraph:
    when = datetime_text(data.generated_at, lang)
    return Paragraph((word(lang, "draft_note", version=data.version, when=when),), draft=True)


# --- methods -------------------------------------------------------------------------


def methods(data: ReportData, asked: list[Asked], lang: str) -> Section:
    """Date, sites, how votes were taken, how percentages and classes were computed; the
    free discussion's questions counted apart from the prepared ones."""
    conf = data.conference
    session = with_refs(
        lang,
        "methods_session",
        {"sites": Ref("sites")},
        date=date_text(conf.date, lang),
        invited=len(data.invitations),
        present=len(data.present),
    )
    prepared = [c for c in data.cases if not c.case.free_discussion]
    cases = word(
        lang,
        "methods_cases",
        cases=counted(lang, "cases", len(prepared)),
        questions=counted(lang, "questions", sum(len(round_pairs(c)) for c in prepared)),
        asked=counted(lang, "asked", sum(1 for a in asked if not a.free)),
    )
    blocks: list[Block] = [Paragraph((*session, " ", cases))]
    free = [a for a in asked if a.free]
    if free:
        presented = counted(lang, "presented", len({a.case for a in free}))
        spot = word(lang, "methods_free", asked=counted(lang, "spot", len(free)), cases=presented)
        blocks.append(Paragraph((spot,)))
    blocks.append(Paragraph((word(lang, "methods_votes", version=data.version),)))
    repeated = sum(1 for a in asked if a.two is not None)
    if repeated:
        questions = counted(lang, "repeated", repeated)
        blocks.append(Paragraph((word(lang, "methods_repeat", questions=questions),)))
    blocks.append(Paragraph((text(lang, "rule_percent"),)))
    blocks.append(Paragraph((awmf_rule(lang),)))
    if any(a.one.question.kind is QuestionKind.EVIDENCE for a in asked):
        blocks.append(Paragraph((word(lang, "methods_evidence"),)))
    return Section("methods", word(lang, "methods"), blocks)


# --- results -------------------------------------------------------------------------


def results(
    data: ReportData,
    asked: list[Asked],
    pictures: dict[int, bytes],
    lang: str,
    extras: Sequence[ResultExtras],
) -> Section:
    """Per asked question of the prepared cases: text, sentence, consensus class, figure,
    table."""
    not_asked = any(not one.asked for case in data.cases for one, _ in round_pairs(case))
    intro = (
        with_refs(lang, "results_intro", {"not_asked": Ref("not-asked")})
        if not_asked
        else (word(lang, "results_all_asked"),)
    )
    blocks: list[Block] = [Paragraph(intro)]
    for item in asked:
        picture = pictures.get(item.one.question.id, b"")
        blocks += result_blocks(item, picture, lang, extras)
    return Section("results", word(lang, "results"), blocks)
