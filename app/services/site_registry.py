"""The site registry as a file: CSV (``code,name,city,email``) or JSON, read and written.

Reading checks every row before anything is written; importing adds new sites and
updates the ones whose code is known (the caller's transaction, all or nothing).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Site
from app.services.conference_schema import FileSite
from app.services.conferences import SiteData, list_sites, save_site
from app.services.errors import InvalidInput
from app.services.files import write_text_atomic
from app.services.messages import say
from app.services.packages import describe, read_json_object
from app.services.validation import path_of, problem_of
from app.texts import Message

COLUMNS = ("code", "name", "city", "email")
MAX_REGISTRY_BYTES = 5 * 1024 * 1024


class RegistryError(InvalidInput):
    """A registry file that cannot be used; the message names file, row or path, problem."""


class RegistryFile(BaseModel):
    """The JSON form: ``{"sites": [{"code", "name", "city", "email"}, …]}``."""

    model_config = ConfigDict(extra="forbid")

    format: str = "votum-sites"
    sites: list[FileSite] = Field(max_length=5_000)


@dataclass(frozen=True)
class RegistryImport:
    added: int
    updated: int


def _is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def read_registry(path: Path) -> list[FileSite]:
    """The sites of a CSV or JSON file (by its suffix), every row checked."""
    path = Path(path)
    if _is_json(path):
        data = read_json_object(path, RegistryError, max_bytes=MAX_REGISTRY_BYTES, what='"sites"')
        try:
            sites = RegistryFile.model_validate(data).sites
        except ValidationError as exc:
            raise RegistryError(describe(exc, path)) from None
    else:
        sites = _read_csv(path)
    seen: dict[str, int] = {}
    for index, site in enumerate(sites):
        where = (
            Message.plain(f"$.sites[{index}]")
            if _is_json(path)
            else say("registry_line", line=index + 2)
        )
        previous = seen.get(site.code.lower())
        if previous is not None:
            raise RegistryError(
                say("registry_code_twice", file=path.name, where=where, code=site.code)
            )
        seen[site.code.lower()] = index
    return sites


def _read_csv(path: Path) -> list[FileSite]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RegistryError(say("file_not_found", path=path)) from None
    except UnicodeDecodeError as exc:
        raise RegistryError(say("not_utf8", file=path.name, byte=exc.start)) from None
    except OSError as exc:
        raise RegistryError(say("cannot_read", path=path, reason=exc.strerror)) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in German locales write ";" between columns
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("code", "name") if c not in header]
    if missing:
        raise RegistryError(
            say(
                "registry_columns_missing",
                file=path.name,
                missing=", ".join(missing),
                expected=",".join(COLUMNS),
            )
        )
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise RegistryError(say("registry_column_unknown", file=path.name, column=unknown[0]))
    reader.fieldnames = header
    sites = []
    for line, row in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        try:
            sites.append(FileSite.model_validate(values))
        except ValidationError as exc:
            item = exc.errors()[0]
            field, problem = path_of(item["loc"]), problem_of(item)
            raise RegistryError(
                say("registry_row_refused", file=path.name, line=line, field=field, problem=problem)
            ) from None
    return sites


def import_registry(session: Session, sites: list[FileSite], *, name: str) -> RegistryImport:
    """Add new sites, update known codes; a clash with another site's name is refused."""
    added = updated = 0
    for index, site in enumerate(sites):
        existing = session.scalar(select(Site).where(Site.code == site.code))
        try:
            save_site(
                session,
                SiteData(site.name, site.code, site.city, site.email),
                existing.id if existing else None,
            )
        except InvalidInput as exc:
            refused = say(
                "registry_site_refused",
                file=name,
                number=index + 1,
                code=site.code,
                problem=exc.message,
            )
            raise RegistryError(refused) from None
        if existing:
            updated += 1
        else:
            added += 1
    return RegistryImport(added, updated)


def registry_text(session: Session, *, as_json: bool) -> str:
    """The whole registry, in name order, as CSV or JSON text."""
    sites = [
        FileSite(code=s.code, name=s.name, city=s.city, email=s.email) for s in list_sites(session)
    ]
    if as_json:
        payload = RegistryFile(sites=sites).model_dump(mode="json")
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for site in sites:
        writer.writerow([site.code, site.name, site.city, site.email])
    return out.getvalue()


def write_registry(session: Session, path: Path) -> int:
    """Write the registry to ``path`` (JSON for ``*.json``, else CSV); returns the count."""
    path = Path(path)
    text = registry_text(session, as_json=_is_json(path))
    write_text_atomic(path, text)
    return len(list_sites(session))
