"""A conference built from hostile strings, through the same doors real input takes."""

from __future__ import annotations

import json
from pathlib import Path

from app.db import Database
from app.models import BallotSource, NoteKind
from app.services import agenda, ballots, conferences, lifecycle, notes
from app.services.packages import import_packages

SCRIPT = "<script>alert('x')</script>"
FORMULA = "=cmd|' /C calc'!A0"
MARKUP = "<font size=90 color=red>GROSS</font> <b>fett</b> &amp; $\\alpha$"
EMOJI = "🧬 Genom 👩\u200d⚕️ Ärztin"
UMLAUTS = "Grüße aus Köln: Äpfel, Öl, Übermaß, ß"
CONTROL = "Steuer\x1b[31m\x00\x07zeichen"  # ESC, NUL and BEL are cleaned away
RTL = "\u202enilreB\u202c"  # an override that would show "Berlin" reversed

#: What each hostile string looks like once stored (the cleaning rule applied).
STORED = {
    SCRIPT: SCRIPT,
    FORMULA: FORMULA,
    MARKUP: MARKUP,
    EMOJI: EMOJI,
    UMLAUTS: UMLAUTS,
    CONTROL: "Steuer[31mzeichen",
    RTL: "nilreB",
}


def word(length: int, letter: str = "W") -> str:
    """One word without a space, as long as a field allows."""
    return f"{letter}ort" + letter.lower() * (length - 4)


def build_hostile(db: Database, folder: Path) -> int:
    """Sites, topic, fellows, a case package (text, findings, options), ballots with
    comments, notes and key messages: every text a hostile string."""
    hostile = [SCRIPT, FORMULA, MARKUP, EMOJI, UMLAUTS, CONTROL, RTL]
    package = {
        "format": "votum-case-package",
        "version": 2,
        "title": f"{FORMULA} {SCRIPT}",
        "cases": [
            {
                "title": f"{SCRIPT} {EMOJI}",
                "presenter": f"{FORMULA} {RTL}",
                "diagnosis": f"{MARKUP} {word(200, 'D')}",
                "histology": CONTROL,
                "stage": UMLAUTS,
                "text": f"{SCRIPT}\n{word(5000, 'T')}\n{EMOJI}\n{CONTROL}",
                "prior_therapies": f"{FORMULA}\n{RTL}",
                "tnm": f"pT3 {MARKUP}",
                "comorbidities": f"{SCRIPT}\n{RTL} {word(1000, 'K')}",
                "therapy_lines": [
                    {"line": 1, "substances": f"{FORMULA} {word(480, 'L')}", "best_response": "PR"},
                    {"substances": f"{EMOJI} {CONTROL}"},
                ],
                "findings": [
                    {
                        "gene": "NRG1",
                        "alteration": SCRIPT,
                        "kind": "fusion",
                        "partner": UMLAUTS[:40],
                        "breakpoints": f"{MARKUP} {word(120, 'B')}",
                        "copy_number": 3,
                    },
                    {"gene": "KRAS", "alteration": "p.G12D", "comment": f"{SCRIPT} {EMOJI}"},
                    {"gene": "<b>X</b>", "kind": "other", "comment": word(500, "F")},
                    {"gene": "=SUM(1)", "kind": "other", "comment": f"{FORMULA} {RTL}"},
                ],
                "questions": [
                    {
                        "text": f"{SCRIPT} {MARKUP} {CONTROL} {word(300, 'Q')}?",
                        "kind": "single",
                        "options": [
                            {"label": f"{FORMULA} {EMOJI}"},
                            {"label": f"{SCRIPT} {RTL}"},
                            {"label": word(400, "O")},
                        ],
                    },
                    {
                        "text": f"{UMLAUTS} {EMOJI}",
                        "kind": "multiple",
                        "options": [{"label": s} for s in (MARKUP, CONTROL, UMLAUTS, "-1+1")],
                    },
                    {"text": f"{FORMULA} free text", "kind": "free_text"},
                ],
            }
        ],
    }
    path = folder / "hostile.votum.json"
    path.write_text(json.dumps(package, ensure_ascii=False), "utf-8")
    with db.write() as session:
        conf_id, (case_id,) = import_packages(session, [path])
        conferences.update_conference(
            session, conf_id, topic=f"{SCRIPT} {RTL} {EMOJI}", moderator=FORMULA
        )
        conferences.set_fellows(session, conf_id, [(MARKUP, RTL), (CONTROL, UMLAUTS)])
        names = [*hostile, word(196, "S")]
        site_ids = [
            conferences.save_site(
                session, conferences.SiteData(f"{name} {i}", f"H{i}", city=RTL, email=FORMULA)
            )
            for i, name in enumerate(names)
        ]
        conferences.invite_sites(session, conf_id, site_ids)
        for i, site in enumerate(site_ids[:-1]):
            conferences.set_attendance(
                session, conf_id, site, present=True, attendees=[(hostile[i], "")]
            )
        questions = agenda.get_case(session, case_id).questions
        for question in questions:
            lifecycle.open_question(session, question.id)
            for i, site in enumerate(site_ids[:-1]):
                options = (
                    [question.options[i % len(question.options)].id] if question.options else []
                )
                ballots.cast_ballot(
                    session,
                    question.id,
                    site,
                    option_ids=options,
                    comment=f"{hostile[i]} {word(1500, 'C') if i == 0 else ''}",
                    source=BallotSource.MODERATOR if i % 2 else BallotSource.SITE,
                    actor=hostile[i],
                )
            lifecycle.close_question(session, question.id)
            notes.save_note(session, f"{MARKUP}\n{word(5000, 'N')}", question_id=question.id)
        notes.save_note(session, f"{SCRIPT}\n{EMOJI}", case_id=case_id)
        notes.save_note(session, f"{FORMULA} {RTL}", case_id=case_id, kind=NoteKind.KEY_MESSAGE)
    return conf_id
