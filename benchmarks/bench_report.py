"""Time the PDF protocol and the XLSX export for a large conference.

20 cases, 100 questions (every kind; 10 of them repeated as a round 2), 40 sites that all
vote, built through the services in a temporary SQLite file. Prints median time and size.

    python benchmarks/bench_report.py [--runs 3] [--quick]

``--quick``: 2 cases, 6 sites, one run (seconds; checks that the script still runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.orm import Session

from app.db import Database
from app.models import BallotSource, QuestionKind
from app.services import agenda, ballots, conferences, lifecycle, notes
from app.services.package_schema import (
    PackageCase,
    PackageFinding,
    PackageOption,
    PackageQuestion,
)

N_CASES, QUESTIONS_PER_CASE, N_SITES, N_REPEATED = 20, 5, 40, 10
KINDS = [
    QuestionKind.SINGLE,
    QuestionKind.EVIDENCE,
    QuestionKind.YES_NO,
    QuestionKind.AGREEMENT,
    QuestionKind.MULTIPLE,
]


def _question(case: int, index: int) -> PackageQuestion:
    kind = KINDS[index % len(KINDS)]
    options: list[PackageOption] = []
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        options = [
            PackageOption(
                label=label,
                phrase_de=f"empfehlen {label}",
                phrase_en=f"recommend {label}",
            )
            for label in ("Osimertinib", "Amivantamab + Lazertinib", "Studie", "Keine Empfehlung")
        ]
    return PackageQuestion(
        text=f"Fall {case}, Frage {index + 1}: Welche Therapie empfiehlt Ihr Standort für "
        f"die Patientin mit EGFR-Exon-20-Insertion nach Progress unter Platin?",
        kind=kind,
        options=options,
    )


def build(
    db: Database,
    seed: int = 7,
    *,
    n_cases: int = N_CASES,
    n_sites: int = N_SITES,
    n_repeated: int = N_REPEATED,
) -> int:
    """The benchmark conference; returns its id."""
    rng = random.Random(seed)
    with db.write() as session:
        conf = conferences.create_conference(
            session,
            "Benchmark – Lungenkarzinom mit seltenen Treibern",
            dt.date(2026, 11, 25),
            moderator="Prof. Dr. Benchmark",
            vnr="2760912026112500011",
        )
        site_ids = [
            conferences.ensure_site(
                session, conferences.SiteData(f"Universitätsklinikum Nr. {i:02d} Süd", f"B{i:02d}")
            )
            for i in range(n_sites)
        ]
        conferences.invite_sites(session, conf, site_ids)
        for site in site_ids:
            conferences.set_attendance(
                session, conf, site, present=True, attendee_count=rng.randint(1, 5)
            )
        for case_no in range(1, n_cases + 1):
            agenda.add_case(
                session,
                conf,
                PackageCase(
                    title=f"Fall {case_no}: EGFR ex20ins – NSCLC nach Platin",
                    presenter="Dr. Fellow",
                    age=50 + case_no,
                    sex="f",
                    diagnosis="Nicht-kleinzelliges Lungenkarzinom",
                    icd10="C34.1",
                    histology="Adenokarzinom",
                    stage="UICC IVB",
                    ecog=1,
                    prior_therapy_lines=2,
                    prior_therapies="1. Carboplatin/Pemetrexed\n2. Docetaxel",
                    tmb=4.2,
                    msi="MSS",
                    text="Benchmarkfall.",
                    findings=[
                        PackageFinding(
                            gene="EGFR", alteration="p.A767_V769dup", kind="indel", vaf=31
                        ),
                        PackageFinding(gene="TP53", alteration="p.R248Q", kind="snv", vaf=28),
                    ],
                    questions=[_question(case_no, i) for i in range(QUESTIONS_PER_CASE)],
                ),
            )
        cases = agenda.agenda(session, conf)
        repeated = {c.questions[0].id for c in cases[:n_repeated]}
        for case in cases:
            for question in case.questions:
                q_id = question.id
                _vote(session, q_id, site_ids, rng)
                notes.save_note(session, "Diskussion: Datenlage heterogen.", question_id=q_id)
                if question.id in repeated:
                    again = lifecycle.repeat_question(session, question.id)
                    _vote(session, again.id, site_ids, rng)
        return conf


def _vote(session: Session, question_id: int, site_ids: list[int], rng: random.Random) -> None:
    question = lifecycle.open_question(session, question_id)
    ids = [o.id for o in question.options]
    # "Keine Empfehlung" stands alone: a multiple choice combines only the others
    combinable = [o.id for o in question.options if not o.exclusive]
    for site in site_ids:
        if rng.random() < 0.05:
            continue  # present, but did not vote
        abstain = rng.random() < 0.08
        if question.kind is QuestionKind.MULTIPLE and not abstain:
            chosen = rng.sample(combinable, rng.randint(1, 2))
        else:
            chosen = [] if abstain else [rng.choice(ids[:3])]
        ballots.cast_ballot(
            session,
            question_id,
            site,
            option_ids=chosen,
            abstain=abstain,
            source=BallotSource.MODERATOR if rng.random() < 0.05 else BallotSource.SITE,
            actor="bench",
        )
    lifecycle.close_question(session, question_id)


def timed(action: Callable[[], None], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per run (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _accelerated() -> bool:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="2 cases, 6 sites, one run (checks the script runs)"
    )
    args = parser.parse_args()
    sizes = {"n_cases": 2, "n_sites": 6, "n_repeated": 1} if args.quick else {}
    if args.quick:
        args.runs = 1
    from app.reports.exports import write_results
    from app.reports.protocol import write_protocol

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder, 'bench.sqlite3').as_posix()}")
        start = time.perf_counter()
        conf = build(db, **sizes)
        print(f"built conference in {time.perf_counter() - start:.1f} s")
        pdf, xlsx = Path(folder, "protocol.pdf"), Path(folder, "results.xlsx")
        write_protocol(db, conf, Path(folder, "warm.pdf"))  # imports, fonts
        pdf_wall, pdf_cpu = timed(lambda: write_protocol(db, conf, pdf), args.runs)
        xlsx_wall, xlsx_cpu = timed(lambda: write_results(db, conf, xlsx, "xlsx"), args.runs)
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        print(f"reportlab C accelerator (rl_accel): {'yes' if _accelerated() else 'no'}")
        print(
            f"PDF : median {statistics.median(pdf_wall):.2f} s wall, "
            f"{statistics.median(pdf_cpu):.2f} s CPU "
            f"(runs: {', '.join(f'{t:.2f}' for t in pdf_wall)}), "
            f"{pdf.stat().st_size / 1e6:.2f} MB, {pages} pages"
        )
        print(
            f"XLSX: median {statistics.median(xlsx_wall):.2f} s wall, "
            f"{statistics.median(xlsx_cpu):.2f} s CPU "
            f"(runs: {', '.join(f'{t:.2f}' for t in xlsx_wall)}), "
            f"{xlsx.stat().st_size / 1e3:.0f} kB"
        )
        db.dispose()


if __name__ == "__main__":
    main()
