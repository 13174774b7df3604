"""The article's later parts: the discussion (the session's notes as the author's starting
text), the case reports (summary and findings, as the protocol has them, without the
presenter's name), the supplement (sites, every result, participation, questions not
asked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.models import NoteKind, QuestionKind
from app.reports.case_rows import finding_rows, summary_pairs
from app.reports.case_rows import word as case_word
from app.reports.data import ReportData
from app.reports.manuscript.structure import (
    Block,
    Bullets,
    Heading,
    Inline,
    Paragraph,
    Ref,
    Run,
    Section,
    Table,
)
from app.reports.manuscript.texts import with_refs, word
from app.services.case_text import therapy_line_text
from app.services.quick import case_heading
from app.services.results import CaseResults, round_pairs
from app.services.views import CaseInfo

if TYPE_CHECKING:
    from app.reports.manuscript.questions import Asked


# --- discussion ----------------------------------------------------------------------


def discussion(data: ReportData, lang: str) -> Section:
    """Per case its key message and discussion note, then those of its questions."""
    blocks: list[Block] = [Paragraph((word(lang, "discussion_note"),), draft=True)]
    any_notes = False
    for case in data.cases:
        items = _case_notes(data, case, lang)
        if items:
            any_notes = True
            named = case_heading(case.case, lang)  # "Freie Diskussion: …" for a quick one
            title = word(lang, "case_heading", number=case.case.number, title=named)
            blocks += [Heading(title, 2), Bullets(tuple(items), draft=True)]
    if not any_notes:
        blocks.append(Paragraph((word(lang, "no_notes"),), draft=True))
    return Section("discussion", word(lang, "discussion"), blocks)


def _case_notes(data: ReportData, case: CaseResults, lang: str) -> list[tuple[Inline, ...]]:
    items: list[tuple[Inline, ...]] = []

    def add(prefix: str, case_id: int | None, question_id: int | None) -> None:
        for kind, label in (
            (NoteKind.KEY_MESSAGE, "key_message"),
            (NoteKind.DISCUSSION, "discussion_label"),
        ):
            note = data.note(case_id=case_id, question_id=question_id, kind=kind).strip()
            if note:
                items.append((Run(prefix + word(lang, label), bold=True), note))

    add("", case.case.id, None)
    for one, two in round_pairs(case):
        for result in (one, two):
            if result is not None:
                add(
                    word(lang, "on_question", number=result.question.number),
                    None,
                    result.question.id,
                )
    return items


# --- case reports --------------------------------------------------------------------


def case_reports(data: ReportData, lang: str) -> Section:
    """The prepared cases (a case of the free discussion is its line, in its section)."""
    blocks: list[Block] = []
    for case in data.cases:
        if not case.case.free_discussion:
            blocks += case_report(case.case, lang)
    return Section("cases", word(lang, "cases"), blocks)


def case_report(case: CaseInfo, lang: str) -> list[Block]:
    """The structured summary as one paragraph, the prior lines, the case text, and the
    findings as a table."""
    title = word(lang, "case_heading", number=case.number, title=case.title)
    pairs = [f"{label}: {value}" for label, value in summary_pairs(case, lang) if value]
    blocks: list[Block] = [Heading(title, 2)]
    if pairs:
        blocks.append(Paragraph(("; ".join(pairs) + ".",)))
    if case.comorbidities:
        blocks.append(
            Paragraph((Run(case_word(lang, "comorbidities") + ": ", bold=True), case.comorbidities))
        )
    lines = [therapy_line_text(line, lang) for line in case.therapy_lines]
    if lines:
        blocks.append(
            Paragraph(
                (Run(case_word(lang, "therapy_lines") + ": ", bold=True), "; ".join(lines) + ".")
            )
        )
    for extra in (case.prior_therapies, case.text):
        if extra:
            blocks.append(Paragraph((extra,)))
    if case.findings:
        key = f"findings-{case.id}"
        blocks.append(Paragraph(with_refs(lang, "findings_ref", {"table": Ref(key)})))
        blocks.append(findings_table(case, key, lang))
    return blocks


def findings_table(case: CaseInfo, key: str, lang: str) -> Table:
    """Gene, HGVS (the protein change with reference and c. notation; a fusion's partner
    and breakpoints), kind, measure, evidence level."""
    rows = []
    for row in finding_rows(case, lang):
        change = f"{row.alteration} ({row.hgvs})" if row.alteration and row.hgvs else None
        shown = " · ".join(p for p in (change or row.alteration or row.hgvs, row.extras) if p)
        rows.append((row.gene, shown, row.kind, row.measures, row.evidence))
    header = tuple(word(lang, k) for k in ("gene", "hgvs", "kind", "measure", "evidence"))
    caption = (word(lang, "findings_caption", number=case.number),)
    return Table(key, caption, header, tuple(rows))


# --- supplement ----------------------------------------------------------------------


def supplement(data: ReportData, asked: list[Asked], lang: str) -> Section:
    """Sites, every result, participation per question, and the questions not asked."""
    missing = not_asked_table(data, asked, lang)
    refs = {"sites": Ref("sites"), "all": Ref("results-all"), "part": Ref("participation")}
    intro = with_refs(lang, "supplement_intro", refs)
    if missing is not None:
        intro += with_refs(lang, "supplement_not_asked", {"not_asked": Ref("not-asked")})
    blocks: list[Block] = [Paragraph(intro), sites_table(data, lang), full_table(asked, lang)]
    blocks.append(participation_table(asked, lang))
    if missing is not None:
        blocks.append(missing)
    return Section("supplement", word(lang, "supplement"), blocks)


def sites_table(data: ReportData, lang: str) -> Table:
    """Every invited site, its city, whether it took part (no people)."""
    rows = tuple(
        (inv.site.name, inv.site.city, word(lang, "yes" if inv.present else "no"))
        for inv in data.invitations
    )
    header = (word(lang, "site"), word(lang, "city"), word(lang, "took_part"))
    return Table("sites", (word(lang, "sites_caption"),), header, rows, supplement=True)


def full_table(asked: list[Asked], lang: str) -> Table:
    """One row per question, round and answer: n, %, the consensus class."""
    rows: list[tuple[str, ...]] = []
    for item in asked:
        for result in item.rounds:
            tally = result.tally
            number, round_ = result.question.number, str(result.question.round)
            if not tally.options:
                rows.append((number, round_, word(lang, "free_text"), str(tally.n_valid), "", ""))
            for option in tally.options:
                cons = option.consensus if tally.kind is QuestionKind.MULTIPLE else tally.consensus
                chosen = cons is not None and option.option.id in cons.option_ids
                label = cons.awmf.label(lang) if cons is not None and chosen else ""
                rows.append(
                    (
                        number,
                        round_,
                        option.option.label_in(lang),
                        str(option.count),
                        str(option.percent),
                        label,
                    )
                )
    header = (
        word(lang, "question"),
        word(lang, "round_short"),
        word(lang, "answer"),
        word(lang, "n"),
        word(lang, "percent"),
        word(lang, "class"),
    )
    numeric = (False, True, False, True, True, False)
    caption = (word(lang, "full_caption"),)
    return Table("results-all", caption, header, tuple(rows), numeric, supplement=True)


def participation_table(asked: list[Asked], lang: str) -> Table:
    """Per question and round: valid answers, abstentions, present without a vote, invited."""
    rows = tuple(
        (
            result.question.number,
            str(result.question.round),
            str(result.tally.n_valid),
            str(result.tally.n_abstain),
            str(result.tally.n_present_not_voted),
            str(result.tally.n_eligible),
        )
        for item in asked
        for result in item.rounds
    )
    header = (
        word(lang, "question"),
        word(lang, "round_short"),
        word(lang, "valid"),
        word(lang, "abstentions"),
        word(lang, "not_voted"),
        word(lang, "invited"),
    )
    numeric = (False, True, True, True, True, True)
    caption = (word(lang, "participation_caption"),)
    return Table("participation", caption, header, rows, numeric, supplement=True)


def not_asked_table(data: ReportData, asked: list[Asked], lang: str) -> Table | None:
    """The questions never put to the vote, with the reason a skip gave."""
    voted = {item.one.question.id for item in asked}
    rows = tuple(
        (one.question.number, str(case.case.number), one.question.text, one.sentence(lang))
        for case in data.cases
        for one, _two in round_pairs(case)
        if one.question.id not in voted
    )
    if not rows:
        return None
    header = (
        word(lang, "question"),
        word(lang, "case"),
        word(lang, "question_text"),
        word(lang, "why"),
    )
    caption = (word(lang, "not_asked_caption"),)
    return Table("not-asked", caption, header, rows, supplement=True)
