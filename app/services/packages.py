"""Reading, writing and merging case packages (format: :mod:`app.services.package_schema`).

Reading never writes; importing is all or nothing (the caller's transaction); a broken
file gives a :class:`PackageError` naming the file, the JSON path and what was expected.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.models import Case
from app.services.agenda import add_case, case_as_package
from app.services.conferences import create_conference, get_conference_row
from app.services.errors import InvalidInput
from app.services.file_messages import SHOWN, at, first_problems, say
from app.services.files import write_text_atomic
from app.services.package_schema import CasePackage, PackageAuthor
from app.services.validation import path_of, problem_of
from app.texts import Message

MAX_PACKAGE_BYTES = 25 * 1024 * 1024
SUFFIX = ".votum.json"


class PackageError(InvalidInput):
    """A package file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class LoadedPackage:
    """A validated package and the folder its relative image paths refer to."""

    path: Path
    package: CasePackage


def describe(error: ValidationError, path: Path) -> Message:
    """Up to five problems, one line each: file, JSON path, what is wrong (in each
    language: :mod:`app.services.validation`)."""
    items = error.errors()
    problems = []
    for item in items[:SHOWN]:
        problem = problem_of(item)
        given = item.get("input")
        if isinstance(given, str | int | float | bool) and item["type"] != "missing":
            problem = say("given_value", problem=problem, given=json.dumps(given)[:60])
        problems.append(at(path.name, path_of(item["loc"], root="$"), problem))
    return first_problems(problems, len(items))


#: A package is six levels deep; anything far deeper is not one (and costly to walk).
MAX_DEPTH = 24
#: Digits of the longest number a package may hold (no field needs more than a few).
MAX_DIGITS = 30


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys it was given twice."""

    duplicates: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            twice = []
            for key, _ in pairs:
                if key in seen:
                    twice.append(key)
                seen.add(key)
            obj.duplicates = tuple(twice)
        return obj


@dataclass(frozen=True)
class _LongNumber:
    digits: int


@dataclass(frozen=True)
class _NotJson:
    word: str  # NaN, Infinity, -Infinity: Python reads them, JSON does not have them


def _number(kind: type[int] | type[float]) -> Any:
    def parse(literal: str) -> int | float | _LongNumber:
        if len(literal) > MAX_DIGITS:
            return _LongNumber(len(literal))  # int() would refuse 4300 digits with a traceback
        return kind(literal)

    return parse


def _first_problem(data: Any) -> tuple[str, Message] | None:
    """Where the parsed JSON holds what no package may: duplicate keys, giant numbers,
    NaN, or nesting beyond :data:`MAX_DEPTH` (walked without recursion)."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, location = stack.pop()
        where = path_of(location, root="$")
        if len(location) > MAX_DEPTH:
            return where, say("nested_too_deeply", limit=MAX_DEPTH)
        if isinstance(value, _LongNumber):
            return where, say("number_too_long", digits=value.digits)
        if isinstance(value, _NotJson):
            return where, say("not_a_json_value", word=value.word)
        if isinstance(value, _JsonObject):
            if value.duplicates:
                return where, say("duplicate_key", name=json.dumps(value.duplicates[0]))
            stack.extend((v, (*location, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, (*location, i)) for i, v in reversed(list(enumerate(value))))
    return None


def read_json_object(
    path: Path, error: type[InvalidInput], *, max_bytes: int = MAX_PACKAGE_BYTES, what: str
) -> dict[str, object]:
    """A JSON object from a UTF-8 file; any problem raises ``error`` naming the file."""
    path = Path(path)

    def refuse(problem: Message, file: object = path.name) -> InvalidInput:
        return error(say("in_file", file=file, problem=problem))

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise refuse(say("file_not_found"), path) from None
    except OSError as exc:
        raise refuse(say("file_unreadable", reason=exc.strerror), path) from None
    if not path.is_file():
        raise refuse(say("not_a_file"), path)
    if size > max_bytes:
        mb = f"{size / 1024 / 1024:.0f}"
        raise refuse(say("file_too_large", size=mb, limit=max_bytes // 1024 // 1024))
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(say("not_utf8", byte=exc.start)) from None
    except OSError as exc:
        raise refuse(say("file_unreadable", reason=exc.strerror), path) from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_JsonObject.of,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_NotJson,
        )
    except json.JSONDecodeError as exc:
        problem = say("invalid_json", line=exc.lineno, column=exc.colno, reason=exc.msg)
        raise refuse(problem) from None
    except RecursionError:
        raise error(at(path.name, "$", say("json_too_deep"))) from None
    found = _first_problem(data)
    if found is not None:
        raise error(at(path.name, *found))
    if not isinstance(data, dict):
        raise error(at(path.name, "$", say("expected_object", what=what)))
    return data


def read_package(path: Path) -> LoadedPackage:
    """Read and validate one package file (no database involved)."""
    path = Path(path)
    data = read_json_object(path, PackageError, what='"cases"')
    if data.get("format") not in (None, "votum-case-package"):
        raise PackageError(at(path.name, "$.format", say("not_a_package")))
    try:
        package = CasePackage.model_validate(data)
    except ValidationError as exc:
        raise PackageError(describe(exc, path)) from None
    return LoadedPackage(path, package)


def import_packages(
    session: Session,
    paths: Sequence[Path],
    *,
    conference_id: int | None = None,
    date: dt.date | None = None,
    actor: str = "moderator",
) -> tuple[int, list[int]]:
    """Validate every file first, then append their cases in the given order.

    Without ``conference_id`` a new conference is created from the first package's title
    and language, on ``date`` (default: today; its short name begins with that date).
    Returns the conference id and the new case ids. Any error raises before the caller
    commits, so nothing is written.
    """
    loaded = [read_package(Path(p)) for p in paths]  # all files checked before any write
    if not loaded:
        raise PackageError(say("no_file_given"))
    if conference_id is None:
        first = loaded[0].package
        conference_id = create_conference(
            session,
            first.title or loaded[0].path.name.removesuffix(SUFFIX).removesuffix(".json"),
            date or dt.date.today(),
            language=first.language,
            actor=actor,
        )
    else:
        get_conference_row(session, conference_id)
    case_ids = []
    for item in loaded:
        for case in item.package.cases:
            try:
                case_ids.append(add_case(session, conference_id, case, base_dir=item.path.parent))
            except InvalidInput as exc:
                raise PackageError(
                    say("in_file", file=item.path.name, problem=exc.message)
                ) from None
    from app.services import audit

    audit.record(
        session,
        conference_id,
        actor,
        "packages_imported",
        files=[p.path.name for p in loaded],
        cases=len(case_ids),
    )
    return conference_id, case_ids


def build_package(
    session: Session,
    conference_id: int,
    *,
    case_ids: Sequence[int] | None = None,
    author: PackageAuthor | None = None,
) -> CasePackage:
    """The conference's cases (or the chosen ones) as a package, images embedded."""
    conf = get_conference_row(session, conference_id)
    cases: list[Case] = list(conf.cases)
    if case_ids is not None:
        wanted = set(case_ids)
        cases = [c for c in cases if c.id in wanted]
    if not cases:
        raise PackageError(say("no_cases_to_export"))
    return CasePackage(
        title=conf.topic,
        language=conf.language,  # type: ignore[arg-type]  # a str column; pydantic checks it
        author=author or PackageAuthor(),
        cases=[case_as_package(session, c.id) for c in cases],
    )


def write_package(package: CasePackage, path: Path) -> None:
    """Write atomically: a crash never leaves half a file behind."""
    text = json.dumps(package.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(Path(path), text)
