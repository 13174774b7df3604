"""Reading a video call's poll report: Zoom (both layouts) and a plain CSV, as plain answers.

Pure functions on bytes, no database. Zoom writes two layouts:

- the older one: a header ``#,User Name,User Email,Submitted Date/Time,`` (ending with a
  comma) and per row the question/answer pairs after the fourth column;
- the one since late 2021: ``Poll Report``, report lines (generated, topic, meeting ID …),
  then one or more sub-tables, each with the header
  ``#,User Name,User Email,Submitted Date/Time,<question text>`` and one answer per row.

Multiple choice arrives joined with ``;`` in one cell. A participant who submitted more
than once counts with the last submission (by submitted time, then by file order); the
earlier ones are kept in :attr:`PollReport.superseded` so the preview can say so.
A broken file raises :class:`PollReportError` naming the line and the problem.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.services.errors import InvalidInput
from app.services.file_messages import say
from app.texts import Message

#: What a cell may hold at most; longer texts are refused, not cut.
MAX_CELL = 2_000
#: A report may be this large: 300 sites with a few participants each answering 100
#: questions fit in a few MB (a real session's report has a few hundred lines).
MAX_REPORT_BYTES = 10 * 1024 * 1024
#: Display names a call gives a participant it hides (Zoom's anonymised polls): no person
#: behind them, so a report of only these is an anonymous poll.
ANONYMOUS_NAMES = frozenset({"anonymous", "anonym", "anonyme", "anonymer teilnehmer"})
ZOOM_COLUMNS = ("#", "user name", "user email", "submitted date/time")
TIME_FORMATS = (
    "%b %d, %Y %H:%M:%S",
    "%b %d, %Y %I:%M:%S %p",
    "%b %d, %Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
)


class ReportFormat(StrEnum):
    """The layouts Votum reads."""

    ZOOM_LEGACY = "zoom-legacy"
    ZOOM = "zoom"
    CSV = "csv"


class PollReportError(InvalidInput):
    """A report that cannot be read; the message names the line and the problem."""

    def __init__(self, line: int | None, problem: Message) -> None:
        super().__init__(say("at_line", line=line, problem=problem) if line else problem)
        self.line = line


@dataclass(frozen=True)
class PollAnswer:
    """One participant's answer to one poll question, as the report has it."""

    line: int
    name: str
    email: str
    submitted_at: dt.datetime | None
    question: str
    answers: tuple[str, ...]

    @property
    def participant(self) -> str:
        """Who answered, as one key: the e-mail address, else the display name."""
        return participant_key(self.name, self.email)

    @property
    def anonymous(self) -> bool:
        """Nobody named: no e-mail, and no name or the one the call puts for a hidden one."""
        name = " ".join(self.name.split()).casefold()
        return not self.email.strip() and (not name or name in ANONYMOUS_NAMES)


@dataclass(frozen=True)
class PollReport:
    """A report read whole: the answers that count and the ones a later submission replaced."""

    format: ReportFormat
    sha256: str
    answers: tuple[PollAnswer, ...]
    superseded: tuple[PollAnswer, ...]
    title: str = ""

    @property
    def anonymous(self) -> bool:
        """True when no answer carries a name or an e-mail address (an anonymous poll)."""
        return bool(self.answers) and all(a.anonymous for a in self.answers)

    @property
    def questions(self) -> tuple[str, ...]:
        """The poll's question texts in the order they first appear."""
        return tuple(dict.fromkeys(a.question for a in self.answers))


@dataclass(frozen=True)
class CsvColumns:
    """Which columns of a plain CSV hold what: a header name or a 1-based number each."""

    participant: str = "1"
    question: str = "2"
    answer: str = "3"
    time: str = ""

    @classmethod
    def parse(cls, text: str) -> CsvColumns:
        """``"Standort,Frage,Antwort[,Zeit]"`` or ``"1,2,3"`` (as the command line takes it)."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) not in (3, 4) or not all(parts):
            raise InvalidInput(say("csv_columns"))
        return cls(*parts)


def participant_key(name: str, email: str) -> str:
    """The e-mail address in lower case, else ``name:`` and the folded display name."""
    email = email.strip().casefold()
    if email:
        return email
    return "name:" + " ".join(name.split()).casefold()


def read_report(
    data: bytes,
    *,
    format: ReportFormat | str | None = None,
    columns: CsvColumns | None = None,
) -> PollReport:
    """Read a poll report; ``format`` None guesses Zoom from the header, else plain CSV."""
    _check_size(len(data))
    text = _decode(data)
    digest = hashlib.sha256(data).hexdigest()
    rows = _rows(text, _delimiter(text))
    chosen = ReportFormat(format) if format else None
    zoom_header = _find_zoom_header(rows)
    if chosen in (None, ReportFormat.ZOOM, ReportFormat.ZOOM_LEGACY) and zoom_header is not None:
        if _is_legacy(rows[zoom_header][1]):
            kind, answers = ReportFormat.ZOOM_LEGACY, _read_legacy(rows, zoom_header)
        else:
            kind, answers = ReportFormat.ZOOM, _read_sub_tables(rows, zoom_header)
        title = _zoom_title(rows[:zoom_header])
    elif chosen in (ReportFormat.ZOOM, ReportFormat.ZOOM_LEGACY):
        raise PollReportError(None, say("no_zoom_header"))
    else:
        kind, answers, title = ReportFormat.CSV, _read_plain(rows, columns or CsvColumns()), ""
    if not answers:
        raise PollReportError(None, say("no_answers"))
    counted, superseded = last_submissions(answers)
    return PollReport(kind, digest, counted, superseded, title)


def last_submissions(
    answers: Sequence[PollAnswer],
) -> tuple[tuple[PollAnswer, ...], tuple[PollAnswer, ...]]:
    """Per participant and question the last submission (by time, then file order), and the
    earlier ones. Anonymous answers are all kept: nobody can tell who sent them."""
    latest: dict[tuple[str, str], PollAnswer] = {}
    kept: list[PollAnswer] = []
    superseded: list[PollAnswer] = []
    for answer in answers:
        if answer.anonymous:
            kept.append(answer)
            continue
        key = (answer.participant, answer.question)
        earlier = latest.get(key)
        if earlier is None or _not_before(answer, earlier):
            if earlier is not None:
                superseded.append(earlier)
            latest[key] = answer
        else:
            superseded.append(answer)
    counted = sorted([*kept, *latest.values()], key=lambda a: a.line)
    return tuple(counted), tuple(sorted(superseded, key=lambda a: a.line))


def _not_before(answer: PollAnswer, earlier: PollAnswer) -> bool:
    if answer.submitted_at is None or earlier.submitted_at is None:
        return True  # without times, file order decides
    return answer.submitted_at >= earlier.submitted_at


def report_bytes(path: Path) -> bytes:
    """The bytes of a report file, refused (naming the file) before reading when it is too
    large or cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        problem = _size_problem(size)
        if problem is None:
            return path.read_bytes()
    except OSError as exc:
        problem = say("file_unreadable", reason=exc.strerror or exc)
    raise PollReportError(None, say("in_file", file=path.name, problem=problem))


def _size_problem(size: int) -> Message | None:
    if size <= MAX_REPORT_BYTES:
        return None
    mb = f"{size / 1024 / 1024:.0f}"
    return say("file_too_large", size=mb, limit=MAX_REPORT_BYTES // 1024 // 1024)


def _check_size(size: int) -> None:
    problem = _size_problem(size)
    if problem is not None:
        raise PollReportError(None, problem)


# --- reading -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PollReportError(line, say("report_not_utf8")) from None


def _delimiter(text: str) -> str:
    """``;`` or ``,``, whichever the first line with either uses more (the header: a cell
    of a later row may hold a multiple choice joined with ``;``). Zoom writes commas."""
    for line in text.splitlines():
        commas, semicolons = line.count(","), line.count(";")
        if commas or semicolons:
            return ";" if semicolons > commas else ","
    return ","


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank row; a broken quote names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for cells in reader:
            cells = [c.strip() for c in cells]
            if any(cells):
                for cell in cells:
                    if len(cell) > MAX_CELL:
                        raise PollReportError(line, say("cell_too_long", limit=MAX_CELL))
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise PollReportError(line, say("csv_unreadable", reason=exc)) from None
    return rows


def _is_zoom_header(cells: list[str]) -> bool:
    return tuple(c.casefold() for c in cells[:4]) == ZOOM_COLUMNS


def _find_zoom_header(rows: list[tuple[int, list[str]]]) -> int | None:
    for index, (_, cells) in enumerate(rows):
        if _is_zoom_header(cells):
            return index
    return None


def _is_legacy(header: list[str]) -> bool:
    """The older layout's header ends after the fourth column (with a trailing comma)."""
    return not any(header[4:])


def _zoom_title(rows: list[tuple[int, list[str]]]) -> str:
    """The meeting topic from the report lines, if Zoom wrote one."""
    for index, (_, cells) in enumerate(rows):
        lowered = [c.casefold() for c in cells]
        if "topic" in lowered and index + 1 < len(rows):
            values = rows[index + 1][1]
            position = lowered.index("topic")
            return values[position] if position < len(values) else ""
    return ""


def _person(line: int, cells: list[str]) -> tuple[str, str, dt.datetime | None]:
    cells = cells + [""] * (4 - len(cells))
    return cells[1], cells[2], parse_time(cells[3], line)


def parse_time(text: str, line: int) -> dt.datetime | None:
    """A submitted time in one of the formats Zoom and spreadsheets write (None if empty)."""
    text = " ".join(text.split())
    if not text:
        return None
    # A zone name at the end ("CET", "GMT+01:00") is left out: only the order counts.
    candidates = [text, re.sub(r"\s+(?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::?\d{2})?)$", "", text)]
    for candidate in candidates:
        for pattern in TIME_FORMATS:
            try:
                return dt.datetime.strptime(candidate, pattern)
            except ValueError:
                continue
    raise PollReportError(line, say("unknown_time", text=text))


def _split(answer: str) -> tuple[str, ...]:
    """Multiple choice arrives joined with ``;``; empty parts are dropped."""
    return tuple(part.strip() for part in answer.split(";") if part.strip())


def _read_legacy(rows: list[tuple[int, list[str]]], header: int) -> list[PollAnswer]:
    answers: list[PollAnswer] = []
    for line, cells in rows[header + 1 :]:
        if _is_zoom_header(cells):
            continue  # a second poll of the same meeting repeats the header
        name, email, at = _person(line, cells)
        pairs = cells[4:]
        while pairs and not pairs[-1]:
            pairs.pop()  # the trailing comma
        if len(pairs) % 2:
            raise PollReportError(line, say("odd_columns"))
        if not pairs:
            raise PollReportError(line, say("row_without_question"))
        for question, answer in zip(pairs[::2], pairs[1::2], strict=True):
            if not question:
                raise PollReportError(line, say("question_text_missing"))
            answers.append(PollAnswer(line, name, email, at, question, _split(answer)))
    return answers


def _read_sub_tables(rows: list[tuple[int, list[str]]], header: int) -> list[PollAnswer]:
    answers: list[PollAnswer] = []
    questions: list[str] = []
    for line, cells in rows[header:]:
        if _is_zoom_header(cells):
            questions = cells[4:]
            while questions and not questions[-1]:
                questions.pop()
            if not questions:
                raise PollReportError(line, say("header_without_question"))
            continue
        if cells[0] == "#":
            questions = []  # the header of some other table: its rows are no answers
        if not questions or not cells[0].isdigit():
            continue  # a report line between sub-tables ("Poll Name", "Launch time" …)
        name, email, at = _person(line, cells)
        values = cells[4:]
        if len([v for v in values[len(questions) :] if v]):
            raise PollReportError(line, say("more_answers_than_questions", count=len(questions)))
        for index, question in enumerate(questions):
            value = values[index] if index < len(values) else ""
            answers.append(PollAnswer(line, name, email, at, question, _split(value)))
    return answers


def _column(header: list[str], wanted: str, line: int) -> int:
    if wanted.isdigit():
        index = int(wanted) - 1
        if 0 <= index < len(header):
            return index
        raise PollReportError(line, say("no_such_column", column=wanted, count=len(header)))
    lowered = [h.casefold() for h in header]
    if wanted.casefold() in lowered:
        return lowered.index(wanted.casefold())
    raise PollReportError(line, say("column_missing", column=wanted))


def _read_plain(rows: list[tuple[int, list[str]]], columns: CsvColumns) -> list[PollAnswer]:
    """A plain CSV: a header row, then one answer per row (participant, question, answer)."""
    if not rows:
        raise PollReportError(None, say("file_empty"))
    header_line, header = rows[0]
    who = _column(header, columns.participant, header_line)
    what = _column(header, columns.question, header_line)
    answer_at = _column(header, columns.answer, header_line)
    when = _column(header, columns.time, header_line) if columns.time else None
    answers: list[PollAnswer] = []
    for line, cells in rows[1:]:
        needed = max(who, what, answer_at, when or 0) + 1
        if len(cells) < needed:
            raise PollReportError(line, say("too_few_columns", count=len(cells), needed=needed))
        if any(cells[len(header) :]):
            raise PollReportError(line, say("more_cells_than_header", count=len(header)))
        if not cells[what]:
            raise PollReportError(line, say("question_text_missing"))
        name = cells[who]
        email = name if "@" in name else ""
        at = parse_time(cells[when], line) if when is not None else None
        answers.append(
            PollAnswer(
                line, "" if email else name, email, at, cells[what], _split(cells[answer_at])
            )
        )
    return answers
