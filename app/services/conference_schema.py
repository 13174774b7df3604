"""The conference-file format (version 2): one conference whole, to move it between
laptop and server and to bring its results home.

Version 2 carries the cases' pathology fields (see :mod:`app.services.package_schema`);
a version-1 file is read as it is.

The pydantic models below are the format's single definition; ``resources/
conference_file.schema.json`` is generated from them (``python -m
app.services.conference_schema``). Cases reuse the case-package models.

References inside a file: a site by its ``code``; a question by its ``ref`` (unique in
the file, e.g. ``"1.2"`` and ``"1.2-r2"`` for its second round); an option by its
0-based index in its question's ``options``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from app.models.enums import BallotSource, NoteKind, QuestionState
from app.services.cme import normalise_vnr, stored_efn
from app.services.errors import InvalidInput
from app.services.package_schema import Line, Lines, PackageCase, PackageQuestion, Text500
from app.services.text import clean

FORMAT: Final = "votum-conference"
VERSION: Final = 2
#: the versions this program reads
VERSIONS = Literal[1, 2]
SUFFIX = ".votum-conference.json"

#: Every text of the file is cleaned as every other entry path cleans it
#: (:mod:`app.services.text`: NFC, no control or bidi characters), then its length checked.
Text200 = Annotated[str, Line, Field(max_length=200)]
Name200 = Annotated[str, Line, Field(min_length=1, max_length=200)]
Code = Annotated[str, Line, Field(min_length=1, max_length=20)]
Ref = Annotated[str, Line, Field(min_length=1, max_length=40)]
Word = Annotated[str, Line, Field(min_length=1, max_length=40)]
Comment = Annotated[str, Lines, Field(max_length=2_000)]
LongLines = Annotated[str, Lines, Field(max_length=50_000)]
#: a link's secret as :func:`app.services.tokens.issue_token` makes it (URL-safe base64)
Token = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{20,64}$")]
#: a ballot's revision: how often a site changed it (a column of 32 bits everywhere)
Revision = Annotated[int, Field(ge=1, le=1_000_000)]
ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^$")]
#: a moment with its time zone (a naive one would be ambiguous between laptop and server);
#: read from ISO 8601 text (lax: the package models are strict otherwise)
Stamp = Annotated[AwareDatetime, Field(strict=False)]


def _domain(check: Callable[[str], str]) -> Callable[[str], str]:
    """A service's normaliser as a pydantic validator (its InvalidInput as a ValueError)."""

    def validate(value: str) -> str:
        try:
            return check(value)
        except InvalidInput as exc:
            raise ValueError(exc.message) from None  # said in each language

    return validate


def _cleaned_detail(value: object) -> object:
    """An audit entry's detail with every text in it (keys too) cleaned, at any depth."""
    if isinstance(value, str):
        return clean(value, lines=True)
    if isinstance(value, dict):
        return {clean(str(k)): _cleaned_detail(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned_detail(v) for v in value]
    return value


#: kept as typed when it is not valid, as the database keeps it (the CME list marks it)
Efn = Annotated[str, Line, Field(max_length=40), AfterValidator(stored_efn)]
Vnr = Annotated[str, Line, Field(max_length=40), AfterValidator(_domain(normalise_vnr))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FileCme(_Strict):
    """The CME block of the certificate list: event number, category, points, lead."""

    vnr: Vnr = ""
    category: Annotated[str, Line, Field(max_length=10)] = ""
    points: Annotated[int, Field(ge=0, le=100)] | None = None
    scientific_lead: Text200 = ""
    organiser: Text200 = ""


class FileFellow(_Strict):
    name: Name200
    site: Text200 = ""


class FileConference(_Strict):
    """The conference's own data; ``slug`` is kept when the target has it free."""

    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")] | None = None
    topic: Name200
    date: Annotated[dt.date, Field(strict=False)]
    starts_at: ClockTime = ""
    ends_at: ClockTime = ""
    language: Literal["de", "en"] = "de"
    moderator: Text200 = ""
    cme: FileCme = Field(default_factory=FileCme)
    fellows: list[FileFellow] = Field(default_factory=list, max_length=50)
    #: when the moderator marked the session as held, and closed the sites' check-in
    held_at: Stamp | None = None
    checkin_closed_at: Stamp | None = None


class FileSite(_Strict):
    """A site of the registry as the conference uses it (matched by code on import)."""

    code: Code
    name: Name200
    city: Text200 = ""
    email: Text200 = ""


class FileAttendee(_Strict):
    name: Name200
    efn: Efn = ""
    role: Annotated[str, Line, Field(max_length=100)] = ""


class FileInvitation(_Strict):
    """An invited site: its voting token (the secret of its link) and its attendance."""

    site: Code
    token: Token | None = None
    present: bool = False
    attendee_count: Annotated[int, Field(ge=0, le=500)] = 0
    checked_in_at: Stamp | None = None
    attendees: list[FileAttendee] = Field(default_factory=list, max_length=500)
    #: the site's last visit of its link (the link test)
    last_seen_at: Stamp | None = None


class FileQuestion(PackageQuestion):
    """A question with its place in the file and, once the session ran, its life cycle."""

    ref: Ref
    round: Annotated[int, Field(ge=1, le=2)] = 1
    repeats: Ref | None = None
    state: Annotated[QuestionState, Field(strict=False)] = QuestionState.DRAFT
    opened_at: Stamp | None = None
    closed_at: Stamp | None = None
    revealed_at: Stamp | None = None
    #: why the moderator skipped it (never opened: reported as not asked)
    skip_reason: Text500 | None = None


class FileCase(PackageCase):
    """A case; ``questions`` lists round-2 questions right after the one they repeat."""

    # narrows PackageCase.questions to the file's questions: pydantic allows it, while a
    # checker sees a list (invariant) of another type
    questions: list[FileQuestion] = Field(default_factory=list, max_length=200)  # type: ignore[assignment]


class FileBallot(_Strict):
    """A site's current ballot for a question (``options``: indexes into its options)."""

    question: Ref
    site: Code
    options: list[Annotated[int, Field(ge=0, le=29)]] = Field(default_factory=list, max_length=30)
    abstain: bool = False
    comment: Comment = ""
    source: Annotated[BallotSource, Field(strict=False)] = BallotSource.SITE
    actor: Text200 = ""
    cast_at: Stamp
    revision: Revision = 1


class FileBallotChange(_Strict):
    """One entry of the append-only ballot history, the replaced ballots included."""

    question: Ref
    site: Code
    revision: Revision
    options: list[Annotated[int, Field(ge=0, le=29)]] = Field(default_factory=list, max_length=30)
    abstain: bool = False
    comment: Comment = ""
    source: Annotated[BallotSource, Field(strict=False)] = BallotSource.SITE
    actor: Text200 = ""
    at: Stamp


class FileNote(_Strict):
    """A discussion note or key message, for a case (its 1-based number) or a question."""

    case: Annotated[int, Field(ge=1, le=50)] | None = None
    question: Ref | None = None
    kind: Annotated[NoteKind, Field(strict=False)] = NoteKind.DISCUSSION
    text: LongLines = ""
    updated_at: Stamp


class FileAuditEvent(_Strict):
    at: Stamp
    actor: Text200
    action: Word
    question: Ref | None = None
    site: Code | None = None
    detail: Annotated[dict[str, object], BeforeValidator(_cleaned_detail)] = Field(
        default_factory=dict
    )


class FilePollTotal(_Strict):
    """A count of an anonymous call poll: of one option (its index), of abstentions, or of
    the valid answers (neither)."""

    question: Ref
    option: Annotated[int, Field(ge=0, le=29)] | None = None
    abstain: bool = False
    count: Annotated[int, Field(ge=0, le=100_000)] = 0


class FilePollImport(_Strict):
    """A poll report of the video call, imported into the conference (by its hash)."""

    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    filename: Text200 = ""
    format: Annotated[str, Line, Field(min_length=1, max_length=20)]
    anonymous: bool = False
    n_ballots: Annotated[int, Field(ge=0, le=100_000)] = 0
    actor: Text200 = ""
    summary: LongLines = ""
    imported_at: Stamp
    totals: list[FilePollTotal] = Field(default_factory=list, max_length=10_000)


class FileElectorate(_Strict):
    """Who could vote on a question when it closed: the sites present then
    (``checked_in``), or every invited site while nobody had checked in."""

    question: Ref
    sites: list[Code] = Field(default_factory=list, max_length=1_000)
    checked_in: bool = False


class FileResults(_Strict):
    """What the session produced: ballots with their full history, notes, the audit trail."""

    current_question: Ref | None = None
    ballots: list[FileBallot] = Field(default_factory=list, max_length=100_000)
    history: list[FileBallotChange] = Field(default_factory=list, max_length=200_000)
    notes: list[FileNote] = Field(default_factory=list, max_length=10_000)
    audit: list[FileAuditEvent] = Field(default_factory=list, max_length=200_000)
    poll_imports: list[FilePollImport] = Field(default_factory=list, max_length=1_000)
    #: per closed question, who could vote (its count stays as it was at the close)
    electorates: list[FileElectorate] = Field(default_factory=list, max_length=10_000)


class FileOrigin(_Strict):
    """Where the file was written: program version, time, and (from a server) its address."""

    votum_version: Text200 = ""
    exported_at: Stamp | None = None
    server: Text200 = ""


class ConferenceFile(_Strict):
    """The whole file. ``mode`` "publish" holds only what the voter pages need plus what
    the moderator chose to publish; "full" holds everything, results included."""

    format: Literal["votum-conference"] = FORMAT
    version: VERSIONS = VERSION
    mode: Literal["full", "publish"] = "full"
    origin: FileOrigin = Field(default_factory=FileOrigin)
    conference: FileConference
    sites: list[FileSite] = Field(default_factory=list, max_length=1_000)
    invitations: list[FileInvitation] = Field(default_factory=list, max_length=1_000)
    cases: list[FileCase] = Field(default_factory=list, max_length=50)
    results: FileResults | None = None


def json_schema() -> dict[str, object]:
    """The JSON Schema of the format, as written to ``resources/``."""
    schema = ConferenceFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"votum-conference-v{VERSION}.schema.json"
    schema["title"] = f"Votum conference file, version {VERSION} (reads version 1 too)"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates the schema file
    import json

    from app.config import RESOURCES

    target = RESOURCES / "conference_file.schema.json"
    target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {target}")
