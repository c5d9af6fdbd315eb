"""Helpers shared by the commands: error reporting and exit codes."""

from __future__ import annotations

import click

#: exit status when some input was rejected but the rest went in
EXIT_REJECTED = 3


def error_line(source: str, message: str) -> None:
    click.echo(f"legation: error: {source}: {message}", err=True)
