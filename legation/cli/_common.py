"""Helpers shared by the commands: error reporting and exit codes."""

from __future__ import annotations

import click

#: exit status when some input was rejected but the rest went in
EXIT_REJECTED = 3


def error_text(source: str, message: str) -> str:
    """The one-line error every command prints for an input it could not use."""
    return f"legation: error: {source}: {message}"


def error_line(source: str, message: str) -> None:
    click.echo(error_text(source, message), err=True)
