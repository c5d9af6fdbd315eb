"""``--format table|json|csv`` for the knowledge-base queries.

Tables are plain aligned text (no colour, stable width) so that they read the
same in a terminal, a pipe and a test; json is the record models as the API
returns them; csv is one row per item with the table's columns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click
from pydantic import BaseModel

FORMATS = ("table", "json", "csv")
#: table cells longer than this are cut with an ellipsis
MAX_CELL = 70


def format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output as an aligned table, JSON (the records, as the API returns them) or CSV.")(f)


def db_option(f: Callable) -> Callable:
    return click.option("--db", default=None, metavar="URL",
                        help="Knowledge base: a SQLite file or a SQLAlchemy URL (postgresql+psycopg://...) "
                             "[default: env LEGATION_DB, else legation.db].")(f)


def to_json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 and value == int(value) else f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in row] for row in cells]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def emit(fmt: str, *, headers: Sequence[str], rows: Sequence[Sequence[Any]], records: Any,
         footer: str | None = None) -> None:
    """Write ``rows`` as a table or CSV, or ``records`` as JSON, to standard output."""
    if fmt == "json":
        click.echo(json.dumps(to_json(records), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if v is None else (_cell(v) if isinstance(v, (list, tuple)) else v) for v in row])
    else:
        click.echo(table(rows, headers) if rows else "(nothing)")
        if footer:
            click.echo(footer)


def section(title: str) -> None:
    click.echo("")
    click.echo(title)
