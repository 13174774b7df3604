"""Conference files on disk (format: :mod:`app.services.conference_schema`): read,
checked and written without a database.

Reading never writes; a broken file gives a :class:`ConferenceFileError` naming the
file, the JSON path and the problem. Building a file from a conference is
:mod:`app.services.conference_export`, putting one into the database
:mod:`app.services.conference_import`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from app.services.conference_schema import (
    FORMAT,
    ConferenceFile,
    FileBallot,
    FileBallotChange,
    FileQuestion,
)
from app.services.errors import InvalidInput
from app.services.file_messages import at, first_problems, say
from app.services.files import write_text_atomic
from app.services.packages import describe, read_json_object
from app.texts import Message

#: images are embedded, so a conference file may be larger than one package
MAX_FILE_BYTES = 200 * 1024 * 1024


class ConferenceFileError(InvalidInput):
    """A conference file that cannot be used; the message says where and why."""


def parse_conference_file(data: object, name: str) -> ConferenceFile:
    """Validate an already parsed JSON value (an upload, a file's content)."""
    if not isinstance(data, dict):
        raise ConferenceFileError(at(name, "$", say("expected_object", what='"conference"')))
    if data.get("format") not in (None, FORMAT):
        raise ConferenceFileError(at(name, "$.format", say("not_a_conference_file")))
    try:
        parsed = ConferenceFile.model_validate(data)
    except ValidationError as exc:
        raise ConferenceFileError(describe(exc, Path(name))) from None
    check_conference_file(parsed, name)
    return parsed


def check_conference_file(file: ConferenceFile, name: str) -> None:
    """Every reference inside the file must point somewhere (the schema cannot say it)."""
    problems = [at(name, where, problem) for where, problem in _reference_problems(file)]
    if problems:
        raise ConferenceFileError(first_problems(problems))


def read_conference_file(path: Path) -> ConferenceFile:
    """Read and validate one conference file (no database involved)."""
    path = Path(path)
    data = read_json_object(
        path, ConferenceFileError, max_bytes=MAX_FILE_BYTES, what='"conference"'
    )
    return parse_conference_file(data, path.name)


def write_conference_file(file: ConferenceFile, path: Path) -> None:
    """Write atomically: a crash never leaves half a file behind."""
    text = file.model_dump_json(indent=2, exclude_none=False) + "\n"
    write_text_atomic(Path(path), text)


def _reference_problems(file: ConferenceFile) -> Iterator[tuple[str, Message]]:
    """Every reference that points nowhere, as ("$.path", problem)."""
    codes: dict[str, int] = {}
    for index, site in enumerate(file.sites):
        if site.code.lower() in codes:
            yield f"$.sites[{index}].code", say("code_twice", code=site.code)
        codes[site.code.lower()] = index
    invited: set[str] = set()
    for index, inv in enumerate(file.invitations):
        if inv.site.lower() not in codes:
            yield f"$.invitations[{index}].site", say("no_site_in_sites", code=inv.site)
        if inv.site.lower() in invited:
            yield f"$.invitations[{index}].site", say("invited_twice", code=inv.site)
        invited.add(inv.site.lower())
    tokens = [i.token for i in file.invitations if i.token]
    if len(set(tokens)) != len(tokens):
        yield "$.invitations", say("token_shared")
    questions: dict[str, FileQuestion] = {}
    for c, case in enumerate(file.cases):
        own: dict[str, FileQuestion] = {}
        for q, question in enumerate(case.questions):
            where = f"$.cases[{c}].questions[{q}]"
            if question.ref in questions or question.ref in own:
                yield f"{where}.ref", say("code_twice", code=question.ref)
            if question.round == 2:
                parent = own.get(question.repeats or "")
                if parent is None or parent.round != 1:
                    yield f"{where}.repeats", say("repeats_earlier_question")
            elif question.repeats is not None:
                yield f"{where}.repeats", say("only_round_two_repeats")
            own[question.ref] = question
        questions.update(own)
    if file.results is None:
        return
    results = file.results
    if results.current_question is not None and results.current_question not in questions:
        yield "$.results.current_question", say("no_question_ref", ref=results.current_question)
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, FileBallot | FileBallotChange]] = [
        *(("ballots", b) for b in results.ballots),
        *(("history", h) for h in results.history),
    ]
    counters = {"ballots": 0, "history": 0}
    for kind, row in rows:
        index = counters[kind]
        counters[kind] += 1
        where = f"$.results.{kind}[{index}]"
        found = questions.get(row.question)
        if found is None:
            yield f"{where}.question", say("no_question_ref", ref=row.question)
            continue
        if row.site.lower() not in invited:
            yield f"{where}.site", say("site_not_invited_code", code=row.site)
        n_options = len(found.options)
        if any(i >= n_options for i in row.options):
            yield f"{where}.options", say("question_has_options", ref=row.question, count=n_options)
        if len(set(row.options)) != len(row.options):
            yield f"{where}.options", say("option_appears_twice")
        if kind == "ballots":
            key = (row.question, row.site.lower())
            if key in seen:
                yield where, say("second_ballot", code=row.site, ref=row.question)
            seen.add(key)
    for p, poll in enumerate(results.poll_imports):
        for t, total in enumerate(poll.totals):
            where = f"$.results.poll_imports[{p}].totals[{t}]"
            found = questions.get(total.question)
            if found is None:
                yield f"{where}.question", say("no_question_ref", ref=total.question)
            elif total.option is not None and total.option >= len(found.options):
                n_options = len(found.options)
                yield (
                    f"{where}.option",
                    say("question_has_options", ref=total.question, count=n_options),
                )
    for index, kept in enumerate(results.electorates):
        where = f"$.results.electorates[{index}]"
        if kept.question not in questions:
            yield f"{where}.question", say("no_question_ref", ref=kept.question)
        for code in kept.sites:
            if code.lower() not in invited:
                yield f"{where}.sites", say("site_not_invited_code", code=code)
    hashes = [poll.sha256 for poll in results.poll_imports]
    if len(set(hashes)) != len(hashes):
        yield "$.results.poll_imports", say("report_imported_twice")
    for index, note in enumerate(results.notes):
        where = f"$.results.notes[{index}]"
        if (note.case is None) == (note.question is None):
            yield where, say("case_or_question")
        elif note.case is not None and note.case > len(file.cases):
            yield f"{where}.case", say("there_are_cases", count=len(file.cases))
        elif note.question is not None and note.question not in questions:
            yield f"{where}.question", say("no_question_ref", ref=note.question)
