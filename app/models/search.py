"""The archive's search keys: each searchable row keeps its text once more, normalised, so
that a search is one portable ``LIKE`` on both databases.

Normalised means: compatibility-decomposed without accents, case-folded (ß → ss),
everything that is not a letter or digit a space, spaces collapsed. A search term is
normalised the same way, so "pankreas" finds "Pankreaskarzinom", "g12c" finds "p.G12C"
and "oesophagus" does not pretend to find "Ösophagus" (it finds "Osophagus"). The keys are
derived columns, like a computed column the database cannot compute portably: they are
set from their row's own text whenever the ORM inserts or updates the row (the mapper
events below), so no service has to remember them. ``text_key`` is the digest of a
question's normalised text: two questions "the same after normalisation" have the same.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from sqlalchemy import event

from app.models.case import Case, Finding
from app.models.question import Option, Question


def search_text(*parts: str | None) -> str:
    """``parts`` as the archive compares them (see the module's docstring)."""
    joined = " ".join(p for p in parts if p)
    decomposed = unicodedata.normalize("NFKD", joined)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def text_key(text: str | None) -> str:
    """The digest of ``text`` normalised: equal for texts the same after normalisation."""
    return hashlib.blake2b(search_text(text).encode(), digest_size=16).hexdigest()


def _question(_mapper: Any, _connection: Any, question: Question) -> None:
    question.search_key = search_text(question.text)
    question.text_key = text_key(question.text)


def _option(_mapper: Any, _connection: Any, option: Option) -> None:
    option.search_key = search_text(option.label)


def _case(_mapper: Any, _connection: Any, case: Case) -> None:
    case.search_key = search_text(case.title, case.diagnosis, case.icd10, case.histology)


def _finding(_mapper: Any, _connection: Any, finding: Finding) -> None:
    finding.search_key = search_text(finding.gene, finding.alteration)


for _model, _listener in (
    (Question, _question),
    (Option, _option),
    (Case, _case),
    (Finding, _finding),
):
    event.listen(_model, "before_insert", _listener)
    event.listen(_model, "before_update", _listener)
