"""``legation ingest``: articles into the knowledge base."""

from __future__ import annotations

import sys

import click

from legation.cli._common import EXIT_REJECTED, error_text
from legation.cli._output import db_option
from legation.cli.extract import _Progress
from legation.errors import LegationError
from legation.models import Rejection
from legation.pipeline import ingest_extractions, ingest_files, open_kb, read_extractions
from legation.settings import Settings
from legation.store import Outcome


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--model", default=None, help="spaCy pipeline name or path [default: auto; env LEGATION_MODEL].")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Documents per NLP batch and per transaction [default: 16; env LEGATION_BATCH_SIZE].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject articles larger than this [default: 5000000; env LEGATION_MAX_BYTES].")
@click.option("--extracted", is_flag=True,
              help="PATHS are extraction files written by `legation extract` (json or jsonl): store them "
                   "without running the NLP again.")
@click.option("--force", is_flag=True,
              help="Extract documents again even when their content is already stored (after a model "
                   "upgrade); documents whose facts come out the same are still left alone.")
@click.option("--no-resolve", is_flag=True, help="Store only; resolve identities on a later run.")
@click.option("--stdin-format", type=click.Choice(["txt", "html", "jsonl", "warc"]), default="txt",
              show_default=True, help="How to read '-' (standard input).")
@click.option("--progress", type=click.Choice(["auto", "always", "never"]), default=None,
              help="Progress bar on stderr: auto (on a terminal), always, never [env LEGATION_PROGRESS].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-input error lines and no summary.")
def ingest_cli(paths: tuple[str, ...], db: str | None, model: str | None, batch_size: int | None,
               max_bytes: int | None, extracted: bool, force: bool, no_resolve: bool, stdin_format: str,
               progress: str | None, quiet: bool) -> None:
    """Extract articles and store them, with every fact's provenance, in a knowledge base.

    PATHS are files (.txt, .html, .jsonl, .warc and their .gz), folders (read recursively) or '-'.
    Documents already stored with the same content are skipped; a changed document replaces its
    facts.  Each batch is one transaction, so an interrupted run leaves whole documents and the next
    run carries on.  Then people, organizations, places and events are resolved across documents.
    Exit status: 0 when every input went in, 3 when some were rejected, 1 on a failure.
    """
    try:
        settings = Settings.from_env(model=model, max_bytes=max_bytes, batch_size=batch_size, db=db,
                                     progress=progress)
    except LegationError as exc:
        raise click.UsageError(str(exc)) from exc
    show = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
    bar = _Progress(enabled=show and not quiet, force=settings.progress == "always")

    def on_reject(r: Rejection) -> None:
        bar.reject(r)
        if not quiet:
            bar.echo(error_text(r.source, r.error))

    def on_stored(_doc_id: str, _outcome: Outcome) -> None:
        bar.read(None)

    try:
        with open_kb(settings=settings) as store:
            if extracted:
                report = ingest_extractions(read_extractions(paths), store=store, batch_size=settings.batch_size,
                                            resolve=not no_resolve, on_reject=on_reject, on_stored=on_stored)
            else:
                report = ingest_files(paths, store=store, settings=settings, force=force, resolve=not no_resolve,
                                      on_reject=on_reject, on_stored=on_stored, stdin_kind="." + stdin_format)
            where = store.url
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        bar.close()
    if not quiet:
        click.echo(f"legation: {where}: {report.line()}", err=True)
    if report.rejected:
        sys.exit(EXIT_REJECTED)
