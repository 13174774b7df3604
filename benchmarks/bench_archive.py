"""Time the archive search and the yearly report over years of sessions.

The data set: 100 conferences (one every five weeks, about ten years), 100 questions each
(10,000; five cases of twenty, every kind), 40 sites of which 20 are invited per session
and vote on every question (200,000 ballots, each with its history row), written with
bulk inserts on SQLite (a file, WAL) and PostgreSQL. Then, with the two databases
measured in turn: searches (the library's: the newest 100 hits counted),
one search with every hit counted (the cost the limit saves), the yearly report's data
and its PDF, participation over the whole round and one conference's earlier askings (the
protocol's extra work).

    python benchmarks/bench_archive.py [--quick] [--runs N] [--pg-url URL | --pg-cluster]

PostgreSQL comes from ``--pg-url`` (a superuser's URL; a database is made and dropped),
``$VOTUM_TEST_PG_URL``, or ``--pg-cluster`` (a throwaway cluster, ``tests/pgcluster.py``);
without any the SQLite figures alone are printed. ``--quick``: a tenth of the data.
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from app.db import Database
from app.models import Base
from app.models.search import search_text, text_key

N_SITES, INVITED = 40, 20
CASES, QUESTIONS_PER_CASE = 5, 20
ENTITIES = (
    ("Pankreaskarzinom", "C25.0", ("KRAS", "p.G12D"), "Duktales Adenokarzinom"),
    ("Pankreaskarzinom", "C25.1", ("KRAS", "p.G12C"), "Duktales Adenokarzinom"),
    ("Nichtkleinzelliges Lungenkarzinom", "C34.1", ("EGFR", "p.E746_A750del"), "Adenokarzinom"),
    ("Nichtkleinzelliges Lungenkarzinom", "C34.3", ("KRAS", "p.G12C"), "Adenokarzinom"),
    ("Kolorektales Karzinom", "C18.7", ("BRAF", "p.V600E"), "Adenokarzinom"),
    ("Mammakarzinom", "C50.4", ("PIK3CA", "p.H1047R"), "Invasiv duktal"),
    ("Cholangiokarzinom", "C22.1", ("FGFR2", "Fusion"), "Adenokarzinom"),
    ("Melanom", "C43.5", ("NRAS", "p.Q61R"), "Superfiziell spreitend"),
)
DRUGS = (
    "HCQ + Trametinib",
    "Sotorasib",
    "Adagrasib",
    "Osimertinib",
    "Amivantamab",
    "Encorafenib + Cetuximab",
    "Alpelisib",
    "Pemigatinib",
    "Everolimus",
    "Palbociclib",
)
KINDS = ("single", "yes_no", "evidence", "agreement", "multiple")
PRESETS = {
    "yes_no": (("Ja", "yes"), ("Nein", "no")),
    "agreement": tuple(
        (label, f"a{i}")
        for i, label in enumerate(
            ("Stimme voll zu", "Stimme eher zu", "Unentschieden", "Eher nicht", "Gar nicht")
        )
    ),
    "evidence": tuple((c, c) for c in ("m1A", "m1B", "m1C", "m2A", "m2B", "m2C", "m3", "m4")),
}
QUERIES = ("KRAS", "Pankreas", "G12C", "hcq trametinib", "osimertinib lungenkarzinom", "xyz")


class Rows:
    """Rows per table, with ids counted here (the bulk insert gives every row its id)."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {}
        self.next: dict[str, int] = {}

    def add(self, table: str, **values: Any) -> int:
        row_id = self.next.get(table, 1)
        self.next[table] = row_id + 1
        if table != "ballot_choices":
            values["id"] = row_id
        self.tables.setdefault(table, []).append(values)
        return row_id


def generate(n_conferences: int, seed: int = 24) -> Rows:
    rng = random.Random(seed)
    rows = Rows()
    now = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    sites = [
        rows.add(
            "sites", name=f"Universitätsklinikum Nr. {i:02d}", code=f"U{i:02d}", city="", email=""
        )
        for i in range(N_SITES)
    ]
    first = dt.date(2026, 11, 18) - dt.timedelta(weeks=5 * (n_conferences - 1))
    for c in range(n_conferences):
        day = first + dt.timedelta(weeks=5 * c)
        entity = ENTITIES[c % len(ENTITIES)]
        conf = rows.add(
            "conferences",
            slug=f"bench-{c:03d}",
            topic=f"{entity[0]}: {entity[2][0]} ({c})",
            date=day,
            moderator="Prof. Benchmark",
            language="de",
            vnr="",
            starts_at="16:00",
            ends_at="17:30",
            cme_category="A",
            cme_points=2,
            scientific_lead="",
            moderator_token=f"t{c}",
            created_at=now,
        )
        invited = rng.sample(sites, INVITED)
        for site in invited:
            rows.add(
                "invitations",
                conference_id=conf,
                site_id=site,
                present=True,
                attendee_count=rng.randint(1, 4),
            )
        for k in range(CASES):
            diagnosis, icd, (gene, alteration), histology = ENTITIES[(c + k) % len(ENTITIES)]
            title = f"{gene} {alteration} – {diagnosis}"
            case = rows.add(
                "cases",
                conference_id=conf,
                position=k,
                title=title,
                presenter="",
                age=60,
                sex="f",
                diagnosis=diagnosis,
                icd10=icd,
                histology=histology,
                stage="",
                prior_therapies="",
                msi="",
                text="",
                search_key=search_text(title, diagnosis, icd, histology),
            )
            rows.add(
                "findings",
                case_id=case,
                position=0,
                gene=gene,
                alteration=alteration,
                kind="snv",
                comment="",
                search_key=search_text(gene, alteration),
            )
            for q in range(QUESTIONS_PER_CASE):
                _question(rows, rng, case, q, invited, now)
    return rows


def _question(
    rows: Rows, rng: random.Random, case: int, q: int, invited: list[int], now: dt.datetime
) -> None:
    kind = KINDS[q % len(KINDS)]
    drug = DRUGS[(case + q) % len(DRUGS)]
    text = {
        "single": f"Würde Ihr Standort {drug} empfehlen?",
        "yes_no": f"Sehen Sie eine Indikation für {drug}?",
        "evidence": f"Welches Evidenzlevel vergeben Sie für {drug}?",
        "agreement": f"{drug} sollte in dieser Situation angeboten werden.",
        "multiple": f"Welche Optionen halten Sie neben {drug} für vertretbar?",
    }[kind] + ("" if q < 10 else f" (Variante {q})")
    question = rows.add(
        "questions",
        case_id=case,
        position=q,
        text=text,
        kind=kind,
        allow_abstain=True,
        round=1,
        state="closed",
        created_at=now,
        opened_at=now,
        closed_at=now,
        search_key=search_text(text),
        text_key=text_key(text),
    )
    labels = PRESETS.get(kind) or tuple(
        (label, "") for label in (drug, "Studie", "Best Supportive Care", "Keine Empfehlung")
    )
    options = [
        rows.add(
            "options",
            question_id=question,
            position=i,
            label=label,
            code=code,
            phrase_de="",
            phrase_en="",
            exclusive=False,
            search_key=search_text(label),
        )
        for i, (label, code) in enumerate(labels)
    ]
    weights = [rng.random() ** 2 for _ in options]
    for site in invited:
        abstain = rng.random() < 0.05
        chosen = [] if abstain else rng.choices(options, weights)[:1]
        if kind == "multiple" and not abstain and rng.random() < 0.4:
            chosen = sorted({*chosen, rng.choice(options)})
        ballot = rows.add(
            "ballots",
            question_id=question,
            site_id=site,
            abstain=abstain,
            comment="",
            source="site",
            actor="",
            cast_at=now,
            revision=1,
        )
        for option in chosen:
            rows.add("ballot_choices", ballot_id=ballot, option_id=option)
        rows.add(
            "ballot_changes",
            question_id=question,
            site_id=site,
            revision=1,
            option_ids=",".join(map(str, chosen)),
            abstain=abstain,
            comment="",
            source="site",
            actor="",
            at=now,
        )


ORDER = (
    "sites",
    "conferences",
    "invitations",
    "cases",
    "findings",
    "questions",
    "options",
    "ballots",
    "ballot_choices",
    "ballot_changes",
)


def load(db: Database, rows: Rows) -> float:
    """Bulk insert everything; returns the seconds it took."""
    started = time.perf_counter()
    with db.write() as session:
        for name in ORDER:
            table = Base.metadata.tables[name]
            batch = rows.tables.get(name, [])
            for start in range(0, len(batch), 20_000):
                session.execute(insert(table), batch[start : start + 20_000])
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return time.perf_counter() - started


# --- databases -----------------------------------------------------------------------------


def sqlite_db(folder: Path) -> Database:
    return Database.open(f"sqlite:///{(folder / 'archive.sqlite3').as_posix()}")


def postgresql_db(admin_url: str) -> tuple[Database, Callable[[], None]]:
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"votum_bench_archive_{os.getpid()}"
    libpq = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    db = Database.open(admin.set(database=name).render_as_string(hide_password=False))

    def drop() -> None:
        db.dispose()
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return db, drop


# --- measuring -----------------------------------------------------------------------------


def tasks(n_conferences: int) -> dict[str, Callable[[Database], object]]:
    from app.reports.yearly_report import render_year_report
    from app.services.archive import search
    from app.services.asked_before import conference_earlier
    from app.services.participation import participation
    from app.services.yearly import period_report, year_report

    year, last = 2026, n_conferences  # the newest conference's id

    def read(work: Callable[[Any], object]) -> Callable[[Database], object]:
        def run(db: Database) -> object:
            with db.read() as session:
                return work(session)

        return run

    found: dict[str, Callable[[Database], object]] = {
        f"search {q!r}": read(lambda s, q=q: search(s, q)) for q in QUERIES
    }
    found["search 'KRAS', every hit counted"] = read(lambda s: search(s, "KRAS", limit=100_000))
    found[f"yearly report {year}: data"] = read(lambda s: year_report(s, year))
    found[f"yearly report {year}: data + PDF"] = read(
        lambda s: render_year_report(year_report(s, year))
    )
    found[f"report data, all {n_conferences} sessions"] = read(lambda s: period_report(s, year))
    found["participation, whole round"] = read(participation)
    found["earlier askings of one conference"] = read(lambda s: conference_earlier(s, last))
    return found


def measure(
    dbs: dict[str, Database], work: dict[str, Callable[[Database], object]], runs: int
) -> dict[tuple[str, str], list[float]]:
    """Each task ``runs`` times per database, the databases in turn within each run."""
    times: dict[tuple[str, str], list[float]] = {}
    for name, task in work.items():
        for db in dbs.values():
            task(db)  # warm: caches, the first query plan
        for _ in range(runs):
            for db_name, db in dbs.items():
                started = time.perf_counter()
                task(db)
                times.setdefault((name, db_name), []).append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, 3 runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per task (default 9)")
    parser.add_argument("--pg-url", metavar="URL", default=os.environ.get("VOTUM_TEST_PG_URL"))
    parser.add_argument("--pg-cluster", action="store_true", help="a throwaway PostgreSQL")
    args = parser.parse_args()
    n_conferences = 10 if args.quick else 100
    runs = args.runs or (3 if args.quick else 9)
    cluster = None
    if args.pg_cluster:
        from tests.pgcluster import Cluster, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            parser.error("--pg-cluster: PostgreSQL is not installed")
        cluster = Cluster(bin_dir, durable=True)
        args.pg_url = cluster.start()
    try:
        with _databases(args.pg_url) as dbs:
            return run(dbs, n_conferences, runs)
    finally:
        if cluster is not None:
            cluster.stop()


class _databases:
    """SQLite in a temporary folder, PostgreSQL if a URL is given; gone afterwards."""

    def __init__(self, pg_url: str | None) -> None:
        self.pg_url = pg_url
        self.folder = tempfile.TemporaryDirectory(prefix="votum-bench-archive-")
        self.drop: Callable[[], None] | None = None
        self.dbs: dict[str, Database] = {}

    def __enter__(self) -> dict[str, Database]:
        self.dbs["SQLite"] = sqlite_db(Path(self.folder.name))
        if self.pg_url:
            self.dbs["PostgreSQL"], self.drop = postgresql_db(self.pg_url)
        return self.dbs

    def __exit__(self, *exc: object) -> None:
        self.dbs["SQLite"].dispose()
        if self.drop is not None:
            self.drop()
        self.folder.cleanup()


def run(dbs: dict[str, Database], n_conferences: int, runs: int) -> int:
    started = time.perf_counter()
    rows = generate(n_conferences)
    counts = {name: len(batch) for name, batch in rows.tables.items()}
    print(
        f"Votum archive benchmark · {dt.date.today().isoformat()} · {n_conferences} conferences, "
        f"{counts['questions']:,} questions, {counts['ballots']:,} ballots "
        f"(+ {counts['ballot_changes']:,} history rows) · generated in "
        f"{time.perf_counter() - started:.1f} s · median of {runs} runs, databases in turn"
    )
    for name, db in dbs.items():
        print(f"  loaded {name} in {load(db, rows):.1f} s")
    times = measure(dbs, tasks(n_conferences), runs)
    names = list(dbs)
    print(f"  {'task':<44}" + "".join(f"{n:>16}" for n in names))
    for task in dict.fromkeys(t for t, _ in times):
        medians = [statistics.median(times[(task, name)]) for name in names]
        print(f"  {task:<44}" + "".join(f"{m * 1000:>13.1f} ms" for m in medians))
    return 0


if __name__ == "__main__":
    sys.exit(main())
