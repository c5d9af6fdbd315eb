"""``legation series``: figures lined up as time series, ready to plot.

A thin layer over ``legation.report.series``: it reads extraction files (or
extracts articles), groups the figures per (measure, from, to) and writes a
table, CSV or JSON.  The knowledge base adds a ``--db`` mode on the same
library function.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from legation.cli._common import EXIT_REJECTED, error_line
from legation.cli.kb import open_kb_for_query
from legation.errors import LegationError
from legation.models import Rejection
from legation.report.series import FORMATS, MEASURES, figures_from_paths, line_up, render_series
from legation.settings import Settings


def figures_from_kb(db: str | None, *, measure: str | None) -> list:
    """(document id, Figure) pairs stored in the knowledge base (``--db``, else LEGATION_DB / legation.db)."""
    with open_kb_for_query(db) as store:
        return store.figure_pairs(measure=measure)


@click.command("series")
@click.argument("paths", nargs=-1, required=False)
@click.option("--db", default=None, metavar="URL",
              help="Read the figures from this knowledge base (`legation ingest`) instead of PATHS; "
                   "without PATHS the knowledge base is used [default: env LEGATION_DB, else legation.db].")
@click.option("--measure", type=click.Choice(MEASURES), default=None,
              help="Only this measure (default: all).")
@click.option("--from", "from_", metavar="NAME", default=None,
              help="Only figures from this side, e.g. 'Ho Chi Minh City' (capitals match initials: HCMC).")
@click.option("--to", "to", metavar="NAME", default=None, help="Only figures to this side, e.g. Peru.")
@click.option("--subject", metavar="TEXT", default=None, help="Only shares/other figures of this subject (GDP).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="An aligned table per series, CSV (one row per point) or JSON (series with points).")
@click.option("-o", "--output", default="-", metavar="OUT", help="Write here instead of standard output.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline for articles given as input.")
def series_cli(paths: tuple[str, ...], db: str | None, measure: str | None, from_: str | None, to: str | None,
               subject: str | None, fmt: str, output: str, model: str | None) -> None:
    """Line up the figures of PATHS as time series per (measure, from, to).

    PATHS are extraction files written by `legation extract` (json or jsonl),
    or articles, folders and - (stdin), which are extracted first.  Each point
    gives the value, unit, period, whether the text hedged it, its qualifier
    (peak, growth, target, ...), the source document and the sentence.

    \b
      legation extract news/ -o out.json
      legation series out.json --measure exports --from HCMC --to Peru
      legation series out.json --format csv -o exports.csv
      legation series --db kb.db --from "Ho Chi Minh City" --to Peru
    """
    if db is not None and paths:
        raise click.UsageError("give PATHS or --db, not both")
    rejected: list[Rejection] = []

    def reject(item: Rejection) -> None:
        rejected.append(item)
        error_line(item.source, item.error)

    try:
        settings = Settings.from_env(**({"model": model} if model else {}))
        if paths:
            figures = figures_from_paths(paths, settings=settings, on_reject=reject)
        else:
            figures = figures_from_kb(db, measure=measure)
        series = line_up(figures, measure=measure, from_=from_, to=to, subject=subject)
        text = render_series(series, fmt)
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc
    if output == "-":
        click.echo(text, nl=False)
    else:
        target = Path(output)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from exc
    if rejected:
        raise SystemExit(EXIT_REJECTED)
