"""The chamber's list for the electronic report (EIV, Elektronischer Informationsverteiler
of the German medical chambers): the event's VNR with the EFN of every participant.

Format (chosen to paste or upload without editing): plain ASCII text, CR LF line ends, no
byte-order mark, ``;`` between the fields, a header line ``VNR;EFN`` and then one line
per participant, ``<19-digit VNR>;<15-digit EFN>``. The organiser's EIV report is a list
of EFNs for one VNR (scanned from Code 39 labels or typed, one per line, into the EIV's
report form or its offline client); this file carries exactly that list, with the VNR
on every line so that a file can never be sent under another event's number. Only EFNs
that pass their check digit are listed, each once (in number order), and only of sites
marked present; invalid ones stay on the attendance CSV, marked, for the office to fix.
"""

from __future__ import annotations

from pathlib import Path

from app.db import Database
from app.services.cme import efn_valid
from app.services.conferences import get_conference, invitations
from app.services.errors import StateConflict
from app.services.files import write_bytes_atomic
from app.texts import Catalog

EIV = Catalog.of_pairs(
    "chamber list",
    {
        "vnr_missing": (
            "{slug}: noch keine VNR – bitte zuerst eintragen (conference set --vnr)",
            "{slug}: no VNR yet – please enter it first (conference set --vnr)",
        ),
    },
)

HEADER = "VNR;EFN"


def chamber_list(db: Database, conference_id: int) -> tuple[str, list[str]]:
    """The VNR and the valid EFNs of the present sites' participants, each once, sorted."""
    with db.read() as session:
        conf = get_conference(session, conference_id)
        efns = {
            a.efn
            for i in invitations(session, conference_id)
            if i.present
            for a in i.attendees
            if a.efn and efn_valid(a.efn)
        }
    if not conf.vnr:
        raise StateConflict(EIV.message("vnr_missing", slug=conf.slug))
    return conf.vnr, sorted(efns)


def eiv_bytes(vnr: str, efns: list[str]) -> bytes:
    lines = [HEADER, *(f"{vnr};{efn}" for efn in efns)]
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def write_eiv(db: Database, conference_id: int, path: Path) -> int:
    """Write the chamber's list; returns how many EFNs it holds."""
    vnr, efns = chamber_list(db, conference_id)
    write_bytes_atomic(Path(path), eiv_bytes(vnr, efns))
    return len(efns)
