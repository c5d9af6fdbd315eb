"""Knowledge-base queries: ``legation people``, ``person``, ``events``, ``check``.

Each command opens the knowledge base, makes one query through the store's
read API and prints the records as a table, JSON or CSV.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import click

from legation.cli._output import db_option, emit, format_option, section, table, to_json
from legation.errors import LegationError
from legation.pipeline import open_kb
from legation.settings import Settings
from legation.store import Store

#: the kinds of event that are encounters between people (the contract's list)
ENCOUNTERS = ("meeting", "talks", "reception", "visit", "call", "signing")


@contextmanager
def _kb(db: str | None):
    """The store for a query command; a missing SQLite file is an error, not a new empty base."""
    try:
        settings = Settings.from_env(db=db)
        target = settings.db
        if "://" not in target and target != ":memory:":
            from pathlib import Path

            if not Path(target).exists():
                raise LegationError(f"no knowledge base at {target}; create one with `legation ingest PATH "
                                    f"--db {target}` or point --db / LEGATION_DB at one")
        with open_kb(settings=settings) as store:
            yield store
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc


def _run(db: str | None, query: Callable[[Store], Any], *, note_stale: bool = False) -> Any:
    with _kb(db) as store:
        try:
            result = query(store)
            if note_stale and store.stale():
                click.echo("legation: note: documents changed since the last resolution; run `legation ingest` "
                           "again to update identities", err=True)
            return result
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc


def _who(refs) -> str:  # noqa: ANN001
    return "; ".join(f"{r.name} ({r.country})" if r.country else r.name for r in refs)


def _dates(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return f"{start}..{end}" if end and end != start else start


# --------------------------------------------------------------------------- people


@click.command("people")
@db_option
@click.option("-q", "--query", "q", default=None, help="Only people whose name contains this (accents ignored).")
@click.option("--country", default=None, metavar="CC", help="Only people of this country (ISO alpha-2).")
@click.option("--sort", default="name", show_default=True,
              help="name, id, n_documents, first_seen, last_seen or country; '-' before it for descending.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@format_option
def people_cli(db: str | None, q: str | None, country: str | None, sort: str, limit: int, offset: int,
               fmt: str) -> None:
    """List the people in the knowledge base, one line per person across all documents."""
    page = _run(db, lambda kb: kb.people(q=q, country=country, sort=sort, limit=limit, offset=offset))
    rows = [[p.id, p.name, p.country, p.title, p.n_documents, p.first_seen, p.last_seen] for p in page.items]
    footer = f"{page.total} people" + (f"; next page: --offset {page.next_offset}" if page.next_offset else "")
    emit(fmt, headers=["id", "name", "country", "title", "docs", "first_seen", "last_seen"], rows=rows,
         records=page, footer=footer)


@click.command("person")
@click.argument("name")
@db_option
@format_option
def person_cli(name: str, db: str | None, fmt: str) -> None:
    """Show one person: role history with dates and sources, events, mentions, why records were merged.

    NAME is a name or a form of it ("Villanueva Carbajal"), or a person id.
    """
    def lookup(kb: Store):
        if name.isdigit():
            return kb.person(int(name)), []
        found = kb.find_people(name, limit=20)
        if not found:
            raise LegationError(f"no person matches {name!r}; list people with `legation people -q WORD`")
        exact = [p for p in found if p.name.casefold() == name.casefold()]
        if len(exact) == 1 or len(found) == 1:
            return kb.person((exact or found)[0].id), []
        return None, found

    record, candidates = _run(db, lookup)
    if record is None:
        click.echo(f"{len(candidates)} people match {name!r}; show one with `legation person ID`:", err=True)
        emit(fmt, headers=["id", "name", "country", "title", "docs"],
             rows=[[p.id, p.name, p.country, p.title, p.n_documents] for p in candidates], records=candidates)
        sys.exit(1)
    roles = [[r.title, r.qualifier, r.organization.name if r.organization else None, r.first_seen, r.last_seen,
              [s.doc_id for s in r.sources]] for r in record.roles]
    if fmt != "table":
        emit(fmt, headers=["title", "qualifier", "organization", "first_seen", "last_seen", "sources"], rows=roles,
             records=record)
        return
    click.echo(f"{record.name}  (person {record.id}{', ' + record.country if record.country else ''}; "
               f"{record.n_documents} document{'s' if record.n_documents != 1 else ''})")
    if record.aliases:
        click.echo("also written: " + "; ".join(record.aliases))
    section("Roles (as of the dates the articles show them)")
    click.echo(table(roles, ["title", "qualifier", "organization", "first_seen", "last_seen", "sources"])
               if roles else "(no titles)")
    section("Events")
    click.echo(table([[e.id, _dates(e.date_start, e.date_end), e.kind, e.place, _who(e.participants), e.n_sources]
                      for e in record.events], ["id", "date", "kind", "place", "participants", "sources"])
               if record.events else "(none)")
    section("Mentions")
    click.echo(table([[m.doc_id, m.local_id, m.name, m.published, m.title,
                       m.evidence.text if m.evidence else None] for m in record.mentions],
                     ["document", "id", "as written", "published", "title", "evidence"]))
    if record.links:
        section("Why these records are one person")
        click.echo(table([[lk.rule, lk.evidence] for lk in record.links], ["rule", "evidence"]))


# --------------------------------------------------------------------------- events


@click.command("events")
@db_option
@click.option("--between", nargs=2, metavar="CC CC", default=None,
              help="Events involving both countries (ISO alpha-2 of participants, sides or place), e.g. VN PE.")
@click.option("--country", default=None, metavar="CC", help="Events involving this country.")
@click.option("--since", default=None, metavar="DATE", help="Events that may have happened on or after this date.")
@click.option("--until", default=None, metavar="DATE", help="Events that may have happened on or before it.")
@click.option("--kind", multiple=True, help="Only this kind (meeting, talks, reception, visit, call, signing, "
                                            "proposal, ...); repeat for several.")
@click.option("--encounters", is_flag=True,
              help="Only encounters: meeting, talks, reception, visit, call, signing (not statements).")
@click.option("--person", "person_id", type=int, default=None, metavar="ID", help="Events this person took part in.")
@click.option("--sort", default="date", show_default=True, help="date, id, n_sources or kind; '-' for descending.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@format_option
def events_cli(db: str | None, between: tuple[str, str] | None, country: str | None, since: str | None,
               until: str | None, kind: tuple[str, ...], encounters: bool, person_id: int | None, sort: str,
               limit: int, offset: int, fmt: str) -> None:
    """List events (one per happening, with the number of documents that report it), in date order."""
    kinds = list(kind) + (list(ENCOUNTERS) if encounters else [])
    page = _run(db, lambda kb: kb.events(between=tuple(between) if between else None, country=country, since=since,
                                         until=until, kind=kinds or None, person=person_id, sort=sort,
                                         limit=limit, offset=offset), note_stale=True)
    rows = [[e.id, _dates(e.date_start, e.date_end), e.kind, e.place, e.place_country, _who(e.participants),
             e.n_sources] for e in page.items]
    footer = f"{page.total} events" + (f"; next page: --offset {page.next_offset}" if page.next_offset else "")
    emit(fmt, headers=["id", "date", "kind", "place", "country", "participants", "sources"], rows=rows,
         records=page, footer=footer)


# --------------------------------------------------------------------------- check


@click.command("check")
@db_option
@click.option("--kind", default=None, help="Only findings of this kind: figure_conflict, event_date_conflict, "
                                           "event_place_conflict, title_holders, acronym_mismatch.")
@format_option
@click.option("--strict", is_flag=True, help="Exit with status 4 when there is any finding (for scripts and CI).")
def check_cli(db: str | None, kind: str | None, fmt: str, strict: bool) -> None:
    """List inconsistencies across sources: conflicting figures, dates or places of one encounter,
    two holders of a single-holder title at once, acronym mismatches."""
    findings = _run(db, lambda kb: kb.checks(kind=kind), note_stale=True)
    rows = [[f.kind, f.message, sorted({e.doc_id for e in f.evidence})] for f in findings]
    emit(fmt, headers=["kind", "finding", "sources"], rows=rows, records=findings,
         footer=f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    if strict and findings:
        sys.exit(4)


__all__ = ["check_cli", "events_cli", "open_kb_for_query", "people_cli", "person_cli", "to_json"]

open_kb_for_query = _kb
