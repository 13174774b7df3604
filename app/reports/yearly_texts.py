"""The yearly report's and the participation heat map's words: key → (German, English)."""

from __future__ import annotations

from app.texts import Catalog

_TEXTS: dict[str, tuple[str, str]] = {
    # --- the heat map -----------------------------------------------------------------
    "heat_axis": (
        "Anteil der Fragen, zu denen der Standort abgestimmt hat",
        "share of the questions the site voted on",
    ),
    "heat_not_invited": ("nicht eingeladen", "not invited"),
    "heat_absent": ("abwesend", "absent"),
    # --- the report ---------------------------------------------------------------------
    "title": ("Jahresbericht {year}", "Annual report {year}"),
    "subtitle": (
        "Gemeinsame Sitzungen der Molekularen Tumorboards: Sitzungen, Teilnahme, Konsens, CME",
        "Joint sessions of the molecular tumor boards: sessions, participation, consensus, CME",
    ),
    "header": ("Jahresbericht {year}", "Annual report {year}"),
    "generated": ("Erstellt am {when} mit Votum {version}", "Generated {when} by Votum {version}"),
    "page": ("Seite {page} von {pages}", "Page {page} of {pages}"),
    "no_sessions": (
        "Im Jahr {year} fand keine Sitzung statt (keine Konferenz mit geschlossener Frage).",
        "No session was held in {year} (no conference with a closed question).",
    ),
    "at_a_glance": ("Auf einen Blick", "At a glance"),
    "n_sessions": ("Sitzungen", "Sessions"),
    "n_questions": ("Gestellte Fragen", "Questions asked"),
    "n_sites": ("Teilnehmende Standorte", "Sites taking part"),
    "n_participants": ("Teilnehmende (CME)", "Participants (CME)"),
    "n_points": ("CME-Punkte insgesamt", "CME points in all"),
    "consensus_rate": ("Konsens erreicht", "Consensus reached"),
    "rate_rule": (
        "Konsens erreicht: Konsens oder starker Konsens nach AWMF (> 75 %) beim letzten "
        "Abstimmungsdurchgang einer Frage; Mehrheit: mehrheitliche Zustimmung (> 50–75 %). "
        "Fragen ohne Konsensklasse (Freitext, Mehrfachauswahl, keine gültige Antwort) "
        "zählen nicht mit.",
        "Consensus reached: consensus or strong consensus by the AWMF rules (> 75 %) in a "
        "question's last round; majority: majority agreement (> 50–75 %). Questions without "
        "a consensus class (free text, multiple choice, no valid answer) are not counted.",
    ),
    # sections
    "sessions": ("Sitzungen und Themen", "Sessions and topics"),
    "participation": ("Teilnahme nach Standort", "Participation by site"),
    "heat_map": ("Teilnahme je Sitzung", "Participation per session"),
    "topics": ("Konsens nach Thema", "Consensus by topic"),
    "cme": ("CME: Teilnehmende und Punkte", "CME: participants and points"),
    # columns
    "date": ("Datum", "Date"),
    "topic": ("Thema", "Topic"),
    "fellows": ("Fellows", "Fellows"),
    "cases_questions": ("Fälle / Fragen", "Cases / questions"),
    "sites_present": ("Standorte", "Sites"),
    "participants": ("Teilnehmende", "Participants"),
    "site": ("Standort", "Site"),
    "attended": ("Sitzungen", "Sessions"),
    "voted": ("Fragen mit Stimme", "Questions voted"),
    "questions": ("Fragen", "Questions"),
    "strong": ("Starker Konsens", "Strong consensus"),
    "consensus": ("Konsens", "Consensus"),
    "majority": ("Mehrheit", "Majority"),
    "no_majority": ("Keine Mehrheit", "No majority"),
    "unclassed": ("Ohne Klasse", "No class"),
    "rate": ("Konsens erreicht", "Consensus reached"),
    "vnr": ("VNR", "VNR"),
    "category": ("Kat.", "Cat."),
    "points": ("Punkte", "Points"),
    "named": ("Namentlich", "Named"),
    "valid_efn": ("Mit gültiger EFN", "With valid EFN"),
    "points_awarded": ("Punkte gesamt", "Points in all"),
    "total": ("Summe", "Total"),
    "of": ("{n} von {N}", "{n} of {N}"),
    "missing": ("–", "–"),
    "cme_rule": (
        "Teilnehmende: die Zahl der Anwesenden je Standort, wie sie bei der Anwesenheit "
        "erfasst wurde; Punkte gesamt: Punkte je Teilnehmendem × Teilnehmende.",
        "Participants: the number attending at each site as recorded at check-in; "
        "points in all: points per participant × participants.",
    ),
}

YEARLY = Catalog.of_pairs("yearly report", _TEXTS)
text = YEARLY.text
