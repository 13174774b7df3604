"""Enumerations shared by the model, the services and every front end."""

from __future__ import annotations

from enum import StrEnum


class QuestionKind(StrEnum):
    """How a question is answered."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    YES_NO = "yes_no"
    AGREEMENT = "agreement"
    EVIDENCE = "evidence"
    FREE_TEXT = "free_text"


class QuestionState(StrEnum):
    """Life cycle: draft → open → closed (→ open again on reopen)."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class BallotSource(StrEnum):
    """Who put a ballot in: the site through its voter page, the site through its JSON
    API (a program of its own), the moderator on its behalf, or an imported poll report
    of the video call."""

    SITE = "site"
    API = "api"
    MODERATOR = "moderator"
    POLL = "poll"


class Sex(StrEnum):
    """Patient sex as MTB summaries record it."""

    FEMALE = "f"
    MALE = "m"
    DIVERSE = "d"


class FindingKind(StrEnum):
    """Kind of a molecular finding row."""

    SNV = "snv"
    INDEL = "indel"
    CNV = "cnv"
    FUSION = "fusion"
    EXPRESSION = "expression"
    SIGNATURE = "signature"
    GERMLINE = "germline"
    OTHER = "other"


class TherapyResponse(StrEnum):
    """Best response to a line of therapy (RECIST), or not evaluable."""

    CR = "CR"
    PR = "PR"
    SD = "SD"
    PD = "PD"
    NE = "NE"


class NoteKind(StrEnum):
    """Discussion notes are taken live; key messages are written afterwards."""

    DISCUSSION = "discussion"
    KEY_MESSAGE = "key_message"
