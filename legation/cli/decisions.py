"""``legation merge`` and ``legation split``: an analyst corrects identities.

A decision is stored in the knowledge base by the documents and names of the
records it concerns, so it holds after re-ingest and re-resolution; a newer
decision about the same records replaces an older opposite one.
"""

from __future__ import annotations

import click

from legation.cli.kb import open_kb_for_query
from legation.errors import LegationError
from legation.pipeline import merge_entities, split_entity

KINDS = click.Choice(["person", "organization", "place", "event"])


@click.command("merge")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--db", default=None, metavar="URL", help="Knowledge base [default: env LEGATION_DB, else legation.db].")
@click.option("--kind", type=KINDS, default="person", show_default=True, help="What the ids are.")
@click.option("--note", default=None, help="Why (kept with the decision and shown as the merge's evidence).")
def merge_cli(ids: tuple[int, ...], db: str | None, kind: str, note: str | None) -> None:
    """Join two or more entities that are one (e.g. `legation merge 12 31`)."""
    with open_kb_for_query(db) as store:
        try:
            merged = merge_entities(store, kind, list(ids), note=note)
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"merged {kind} {', '.join(map(str, ids))} into {kind} {merged}")


@click.command("split")
@click.argument("entity_id", type=int)
@click.argument("records", nargs=-1, required=True)
@click.option("--db", default=None, metavar="URL", help="Knowledge base [default: env LEGATION_DB, else legation.db].")
@click.option("--kind", type=KINDS, default="person", show_default=True, help="What ENTITY_ID is.")
@click.option("--note", default=None, help="Why (kept with the decision).")
def split_cli(entity_id: int, records: tuple[str, ...], db: str | None, kind: str, note: str | None) -> None:
    """Move some records of an entity apart from the rest.

    RECORDS are names as written ("Villanueva Carbajal"), document ids, or DOC_ID:LOCAL_ID
    (see `legation person ID` for an entity's records).
    """
    with open_kb_for_query(db) as store:
        try:
            kept, moved = split_entity(store, kind, entity_id, records=list(records), note=note)
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"split {kind} {entity_id}: {', '.join(records)} -> {kind} {moved}; the rest -> {kind} {kept}")
