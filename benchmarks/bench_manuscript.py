"""Time the manuscript draft (Word and Markdown) for a large conference.

20 cases with their pathology fields, 100 questions (every kind but free text; 10 of them
repeated as a round 2), 40 sites that all vote, built through the services in a temporary
SQLite file. Each run reads the conference, builds the article, draws every chart at
300 dpi and writes the file; the PDF protocol of the same conference is timed beside it as
the reference (same charts, drawn as vectors). The charts are drawn with the help of
worker processes, one per spare core ("workers"), or all in this process ("inline"), and
once more in this process quantized to 64 colours as before 2026-12-07 ("inline-64",
instead of each chart's own palette); the variants are interleaved run by run.

    python benchmarks/bench_manuscript.py [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from PIL import Image
from sqlalchemy.orm import Session

from app.db import Database
from app.models import FindingKind, QuestionKind, Sex, TherapyResponse
from app.services import agenda, ballots, conferences, lifecycle, notes
from app.services.package_schema import (
    PackageCase,
    PackageFinding,
    PackageOption,
    PackageQuestion,
    PackageTherapyLine,
)

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
        labels = ("Osimertinib", "Amivantamab + Lazertinib", "Studie")
        options = [
            PackageOption(
                label=label, phrase_de=f"empfehlen {label}", phrase_en=f"recommend {label}"
            )
            for label in labels
        ]
    return PackageQuestion(
        text=f"Fall {case}, Frage {index + 1}: Welche Therapie empfiehlt Ihr Standort nach "
        "Progress unter Platin?",
        kind=kind,
        options=options,
    )


def _case(number: int, n_questions: int) -> PackageCase:
    return PackageCase(
        title=f"Fall {number}: EGFR ex20ins – NSCLC nach Platin",
        age=50 + number % 30,
        sex=Sex.FEMALE,
        diagnosis="Nicht-kleinzelliges Lungenkarzinom",
        icd10="C34.1",
        icdo3_topography="C34.1",
        icdo3_morphology="8140/3",
        histology="Adenokarzinom",
        stage="UICC IVB",
        tnm="pT2a pN2 cM1c",
        ecog=1,
        comorbidities="COPD GOLD 2",
        therapy_lines=[
            PackageTherapyLine(
                line=1, substances="Carboplatin/Pemetrexed", best_response=TherapyResponse.PR
            ),
            PackageTherapyLine(line=2, substances="Docetaxel", best_response=TherapyResponse.PD),
        ],
        tmb=4.2,
        msi="MSS",
        text="Benchmarkfall.",
        findings=[
            PackageFinding(
                gene="EGFR",
                transcript="NM_005228.5",
                coding="c.2299_2307dup",
                alteration="p.A767_V769dup",
                kind=FindingKind.INDEL,
                vaf=31,
                evidence="m2C",
            ),
            PackageFinding(
                gene="MET", alteration="Amplifikation", kind=FindingKind.CNV, copy_number=9
            ),
            PackageFinding(gene="HRD", alteration="negativ", kind=FindingKind.SIGNATURE, score=18),
        ],
        questions=[_question(number, i) for i in range(n_questions)],
    )


def build(db: Database, n_cases: int, per_case: int, n_sites: int, n_repeated: int) -> int:
    """The benchmark conference; returns its id."""
    rng = random.Random(7)
    with db.write() as session:
        conf = conferences.create_conference(
            session, "Benchmark – Lungenkarzinom mit seltenen Treibern", dt.date(2026, 11, 25)
        )
        conferences.set_fellows(session, conf, [("Dr. Fellow", "Universitätsklinikum Süd")])
        sites = [
            conferences.ensure_site(
                session, conferences.SiteData(f"Universitätsklinikum Nr. {i:02d}", f"B{i:02d}")
            )
            for i in range(n_sites)
        ]
        conferences.invite_sites(session, conf, sites)
        for site in sites:
            conferences.set_attendance(session, conf, site, present=True, attendee_count=2)
        for number in range(1, n_cases + 1):
            agenda.add_case(session, conf, _case(number, per_case))
        cases = agenda.agenda(session, conf)
        repeated = {c.questions[0].id for c in cases[:n_repeated]}
        for case in cases:
            notes.save_note(session, "Kernaussage: Datenlage heterogen.", case_id=case.id)
            for question in case.questions:
                _vote(session, question.id, sites, rng)
                if question.id in repeated:
                    _vote(session, lifecycle.repeat_question(session, question.id).id, sites, rng)
        return conf


def _vote(session: Session, question_id: int, sites: list[int], rng: random.Random) -> None:
    question = lifecycle.open_question(session, question_id)
    ids = [o.id for o in question.options]
    for site in sites:
        abstain = rng.random() < 0.08
        chosen = [] if abstain else [rng.choice(ids[:3])]
        ballots.cast_ballot(session, question_id, site, option_ids=chosen, abstain=abstain)
    lifecycle.close_question(session, question_id)


def _children_cpu() -> float:
    """CPU seconds of the finished worker processes so far (0 where not known: Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds of this process and of its workers, for one run."""
    start, start_cpu, start_children = time.perf_counter(), time.process_time(), _children_cpu()
    action()
    return (
        time.perf_counter() - start,
        time.process_time() - start_cpu,
        _children_cpu() - start_children,
    )


VARIANTS = ("workers", "inline", "inline-64")


def _quantized(rgba: np.ndarray) -> Image.Image:
    """The figure quantized to 64 colours, as before each chart kept its own palette."""
    from app.reports.manuscript import pictures

    return pictures._quantized(Image.fromarray(rgba))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a tiny conference, one run")
    args = parser.parse_args()
    from app.reports.manuscript import pictures
    from app.reports.manuscript.write import write_manuscript
    from app.reports.protocol import write_protocol

    sizes = (2, 3, 6, 1) if args.quick else (20, 5, 40, 10)
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder, 'bench.sqlite3').as_posix()}")
        start = time.perf_counter()
        conf = build(db, *sizes)
        print(f"built {sizes[0]} cases, {sizes[0] * sizes[1]} questions in "
              f"{time.perf_counter() - start:.1f} s; {os.cpu_count()} CPUs")  # fmt: skip
        write_manuscript(db, conf, Path(folder, "warm.docx"))  # imports, fonts
        per_worker, exact = pictures.CHARTS_PER_WORKER, pictures.palette_image
        results: dict[str, list[tuple[float, float, float]]] = {}
        for _ in range(runs):
            for variant in VARIANTS:
                pictures.CHARTS_PER_WORKER = per_worker if variant == "workers" else 10**9
                pictures.palette_image = exact if variant != "inline-64" else _quantized
                for suffix in (".docx", ".md"):
                    path = Path(folder, f"draft-{variant}{suffix}")
                    results.setdefault(f"{suffix[1:]:4} {variant}", []).append(
                        timed(partial(write_manuscript, db, conf, path))
                    )
            pictures.palette_image = exact
            pdf = Path(folder, "protocol.pdf")  # the reference: the protocol, same charts
            results.setdefault("PDF protocol", []).append(
                timed(partial(write_protocol, db, conf, pdf))
            )
        pictures.CHARTS_PER_WORKER = per_worker
        print(f"charts: {pictures.workers_for(sizes[0] * sizes[1])} worker processes")
        for name, times in results.items():
            wall, cpu, workers = ([t[i] for t in times] for i in range(3))
            print(
                f"{name}: median {statistics.median(wall):.2f} s wall, "
                f"{statistics.median(cpu):.2f} s CPU here + "
                f"{statistics.median(workers):.2f} s in workers "
                f"(runs: {', '.join(f'{t:.2f}' for t in wall)})"
            )
        sizes_mb = [Path(folder, f"draft-{v}.docx").stat().st_size / 1e6 for v in VARIANTS[1:]]
        print(f"Word file: {sizes_mb[0]:.1f} MB (quantized to 64 colours: {sizes_mb[1]:.1f} MB)")
        db.dispose()


if __name__ == "__main__":
    main()
