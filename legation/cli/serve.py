"""``legation serve``: the knowledge base as web pages and a JSON API, read-only."""

from __future__ import annotations

import click

from legation.cli._output import db_option
from legation.cli.kb import open_kb_for_query
from legation.errors import LegationError


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 serves other machines too (the server has no login).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--access-log", is_flag=True, help="Log every request on stderr.")
def serve_cli(db: str | None, host: str, port: int, access_log: bool) -> None:
    """Serve the knowledge base: web pages and a JSON API, read-only.

    Pages: / (overview), /pairs/VN-PE, /people/ID, /organizations/ID, /places/ID,
    /events/ID, /documents/ID, /search?q=.  JSON API under /api/ (e.g.
    /api/events?pair=VN-PE), described at /openapi.json and /docs.  Stop with Ctrl+C.
    """
    try:
        from legation.api.server import serve
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise click.ClickException(f"the web server needs the api extra ({exc.name} is missing): "
                                   "pip install 'legation[api]'") from exc

    def ready(address: str) -> None:
        click.echo(f"legation: serving {store.url} read-only at {address} (Ctrl+C to stop)", err=True)
        click.echo(address)

    with open_kb_for_query(db) as store:
        try:
            serve(store, host=host, port=port, on_ready=ready, log_level="info" if access_log else "warning")
        except LegationError as exc:
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt:  # uvicorn shuts down cleanly, then passes Ctrl+C on
            click.echo("legation: server stopped", err=True)
