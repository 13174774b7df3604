"""``python main.py conference import|export|set``: a conference whole, without the desktop."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import say, text


def run_import(args: argparse.Namespace) -> int:
    from app.services.conference_file import read_conference_file
    from app.services.conference_import import import_conference_file, sites_without_link
    from app.services.conferences import get_conference

    path = Path(args.file)
    file = read_conference_file(path)  # checked whole before the database is touched
    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = import_conference_file(
                session, file, name=path.name, new_links=args.new_links
            )
            conf = get_conference(session, conf_id)
    finally:
        db.dispose()
    lang, day = args.cli_lang, conf.date.isoformat()
    cases, sites = len(file.cases), len(file.invitations)
    print(text(lang, "conference_imported", slug=conf.slug, date=day, cases=cases, sites=sites))
    fresh = sites_without_link(file)
    if fresh:
        codes = ", ".join(fresh)
        print(text(lang, "links_made", count=len(fresh), codes=codes, conference=conf.slug))
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from app.services.conferences import create_conference, get_conference

    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = create_conference(
                session, args.topic, args.date, language=args.language, slug=args.slug
            )
            conf = get_conference(session, conf_id)
    finally:
        db.dispose()
    print(f"{conf.slug}\t{conf.date.isoformat()}\t{conf.topic}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from app.services.conference_export import Publish, build_conference_file
    from app.services.conference_file import write_conference_file

    publish = None
    if args.publish:
        publish = Publish(images=args.with_images, text=args.with_text, summary=args.with_summary)
    elif args.with_images or args.with_text or args.with_summary:
        raise CliError(say("publish_options_alone"))
    db = open_db(args)
    try:
        with db.read() as session:
            file = build_conference_file(
                session, conference_id(session, args.conference), publish=publish
            )
    finally:
        db.dispose()
    write_conference_file(file, Path(args.file))
    kind = text(args.cli_lang, "published_form" if publish else "whole_form")
    print(
        text(
            args.cli_lang,
            "conference_exported",
            slug=file.conference.slug,
            kind=kind,
            file=args.file,
        )
    )
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    from app.services.conferences import get_conference, set_fellows, update_conference

    fellows = None
    if args.fellow is not None:
        fellows = []
        for entry in args.fellow:
            if not entry.strip():
                continue  # --fellow '' clears the list
            name, _, site = entry.partition("@")
            if not name.strip():
                raise CliError(say("fellow_needs_name", value=repr(entry)))
            fellows.append((name.strip(), site.strip()))
    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            update_conference(
                session,
                conf_id,
                topic=args.topic,
                date=args.date,
                moderator=args.moderator,
                language=args.language,
                vnr=args.vnr,
                starts_at=args.starts,
                ends_at=args.ends,
                cme_category=args.cme_category,
                cme_points=args.cme_points,
                scientific_lead=args.scientific_lead,
                organiser=args.organiser,
            )
            if fellows is not None:
                set_fellows(session, conf_id, fellows)
            conf = get_conference(session, conf_id)
    finally:
        db.dispose()
    print(f"{conf.slug}\t{conf.date.isoformat()}\t{conf.topic}")
    return EXIT_OK
