"""``legation summary``: a readable digest of an extraction file on the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import click

from legation.errors import LegationError
from legation.models import ExtractionSet
from legation.report.summary import render_summary


def load_extraction_file(path: Path) -> ExtractionSet:
    """Read a json or jsonl extraction written by ``legation extract``."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LegationError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    try:
        if raw.lstrip().startswith("{") and '"documents"' in raw[:200]:
            return ExtractionSet.model_validate(json.loads(raw))
        docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
        return ExtractionSet.model_validate({"documents": docs})
    except (ValueError, TypeError) as exc:
        raise LegationError(f"not a legation extraction file ({str(exc).splitlines()[0]})",
                            source=str(path)) from exc


@click.command("summary")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def summary_cli(path: Path) -> None:
    """Print people with their titles, events and figures from an extraction file (json or jsonl)."""
    try:
        data = load_extraction_file(path)
    except LegationError as exc:
        raise click.ClickException(str(exc)) from exc
    render_summary(data)
