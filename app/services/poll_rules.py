"""The participant → site and e-mail domain → site rules of the poll import: remembered
from earlier imports, combined with the sites' domains and the moderator's edits, kept."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import PollMatchRule, utcnow
from app.services.poll_matching import MatchRules, default_domains
from app.services.poll_reports import participant_key
from app.services.views import SiteInfo

RULE_PARTICIPANT, RULE_DOMAIN = "participant", "domain"


def remembered_rules(session: Session) -> MatchRules:
    """The participant and domain rules remembered from earlier imports."""
    participants: dict[str, int] = {}
    domains: dict[str, int] = {}
    for rule in session.scalars(select(PollMatchRule)):
        (participants if rule.kind == RULE_PARTICIPANT else domains)[rule.pattern] = rule.site_id
    return MatchRules(participants, domains)


def effective_rules(session: Session, sites: list[SiteInfo], edits: MatchRules) -> MatchRules:
    """Site e-mail domains, then the remembered rules, then the moderator's edits."""
    stored = remembered_rules(session)
    return MatchRules(
        {**stored.participants, **edits.participants},
        {**default_domains(sites), **stored.domains, **edits.domains},
    )


def rule_key(text: str) -> str:
    """The table key for a participant named by e-mail or by display name."""
    return participant_key("" if "@" in text else text, text if "@" in text else "")


def remember(session: Session, edits: MatchRules) -> None:
    """Keep the moderator's table for the next conference of the round."""
    kinds: tuple[tuple[str, Mapping[str, int]], ...] = (
        (RULE_PARTICIPANT, edits.participants),
        (RULE_DOMAIN, edits.domains),
    )
    for kind, entries in kinds:
        for pattern, site_id in entries.items():
            if len(pattern) > 200 or pattern.startswith("line:"):
                continue  # too long to keep whole, or a nameless row: this import only
            rule = session.scalar(
                select(PollMatchRule).where(
                    PollMatchRule.kind == kind, PollMatchRule.pattern == pattern[:200]
                )
            )
            if rule is None:
                session.add(PollMatchRule(kind=kind, pattern=pattern[:200], site_id=site_id))
            else:
                rule.site_id = site_id
                rule.updated_at = utcnow()
