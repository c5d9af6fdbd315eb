"""``legation sql``: a read-only SQL query on the knowledge base."""

from __future__ import annotations

import click

from legation.cli._output import db_option, emit, format_option
from legation.cli.kb import open_kb_for_query
from legation.errors import LegationError


@click.command("sql")
@click.argument("query")
@db_option
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a :NAME placeholder (repeatable); values are bound, never pasted into the SQL.")
@click.option("--limit", type=click.IntRange(min=1), default=1000, show_default=True, help="Rows to print at most.")
@format_option
def sql_cli(query: str, db: str | None, params: tuple[str, ...], limit: int, fmt: str) -> None:
    """Run one SELECT on a read-only connection to the knowledge base.

    Writes are refused (SQLite opens the file read-only; PostgreSQL runs a READ ONLY
    transaction).  Tables: documents, doc_people, doc_titles, doc_organizations, doc_places,
    doc_events, doc_event_participants, figures, acronyms, warnings (one row per document
    fact, with evidence_start/end/text) and people, person_roles, organizations, places,
    events, event_people, event_countries, links, findings, decisions (resolved).
    """
    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param {item!r}: write NAME=VALUE")
        bound[name] = value
    with open_kb_for_query(db) as store:
        try:
            result = store.query(query, bound, limit=limit)
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc
    footer = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}" + (
        f" (first {limit}; more exist)" if result.truncated else "")
    emit(fmt, headers=result.columns, rows=result.rows,
         records=[dict(zip(result.columns, row, strict=True)) for row in result.rows], footer=footer)
