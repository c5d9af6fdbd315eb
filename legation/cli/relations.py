"""``legation relations A B``: the picture of two countries' relations from the knowledge base."""

from __future__ import annotations

import click

from legation.cli._output import db_option
from legation.cli.kb import open_kb_for_query
from legation.errors import LegationError
from legation.report.relations import relations, render_relations


@click.command("relations")
@click.argument("country_a")
@click.argument("country_b")
@db_option
@click.option("--since", default=None, metavar="DATE", help="Only encounters on or after this date.")
@click.option("--until", default=None, metavar="DATE", help="Only encounters on or before this date.")
@click.option("--all-kinds", is_flag=True, help="Statements and other happenings too, not only encounters.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def relations_cli(country_a: str, country_b: str, db: str | None, since: str | None, until: str | None,
                  all_kinds: bool, fmt: str) -> None:
    """Encounters in date order, the people of each side and the trade series between two countries.

    COUNTRY_A and COUNTRY_B are ISO codes, e.g. `legation relations VN PE --db kb.db`.
    """
    with open_kb_for_query(db) as store:
        try:
            picture = relations(store, country_a, country_b, since=since, until=until, all_kinds=all_kinds)
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(render_relations(picture, fmt), nl=False)
