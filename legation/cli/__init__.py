"""The ``legation`` command: a thin layer over the library API.

Each command parses its options, calls one library function and turns a
``LegationError`` into a one-line message.  Exit status: 0 when everything
went in, 3 when some input was rejected, 2 on a usage error, 1 on any other
failure.
"""

from __future__ import annotations

import logging
import sys

import click

from legation import __version__
from legation.cli.decisions import merge_cli, split_cli
from legation.cli.extract import extract_cli
from legation.cli.ingest import ingest_cli
from legation.cli.kb import check_cli, events_cli, people_cli, person_cli
from legation.cli.relations import relations_cli
from legation.cli.series import series_cli
from legation.cli.serve import serve_cli
from legation.cli.sql import sql_cli
from legation.cli.summary import summary_cli

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="legation")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """Legation reads diplomatic and trade news into an auditable knowledge base.

    Every fact it extracts points back to the sentence it came from.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


cli.add_command(extract_cli)
cli.add_command(summary_cli)
cli.add_command(ingest_cli)
cli.add_command(people_cli)
cli.add_command(person_cli)
cli.add_command(events_cli)
cli.add_command(check_cli)
cli.add_command(sql_cli)
cli.add_command(merge_cli)
cli.add_command(split_cli)
cli.add_command(relations_cli)
cli.add_command(series_cli)
cli.add_command(serve_cli)


def main(argv: list[str] | None = None) -> None:
    """Entry point; ``argv`` defaults to ``sys.argv[1:]``."""
    cli.main(args=argv, prog_name="legation")
