"""The app factory: ``create_app(settings) -> FastAPI``, the JSON API and the web pages over one knowledge base.

Nothing happens at import time: the app, its routes and its store exist only
when ``create_app`` is called, so tests build as many apps as they like, each
over its own database.  The server is read-only: every route is a GET, and
nothing it calls writes to the knowledge base.

Security headers on every response: pages carry no scripts, and a strict
Content-Security-Policy says so to the browser (``script-src 'none'``), as a
second line behind escaping every piece of article text.  Every asset (one
CSS file, an icon) is served from ``/static``; charts are SVG drawn on the
server.  FastAPI's own Swagger and ReDoc pages load JavaScript from a CDN,
so they are off; ``/docs`` is a server-rendered reference built from
``/openapi.json``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from starlette.staticfiles import StaticFiles

from legation import __version__
from legation.api import errors
from legation.api.deps import KnowledgeBase, get_store
from legation.api.routers import (
    checks,
    documents,
    events,
    figures,
    meta,
    organizations,
    pairs,
    people,
    places,
    search,
)
from legation.settings import Settings
from legation.store import Store

DESCRIPTION = """\
A read-only JSON API over a Legation knowledge base: documents, people, organizations, places and events
resolved across articles, trade and investment figures and their series, cross-source checks.

Lists are pages: `limit` (at most 1000) and `offset`, a `sort` key (prefix `-` for descending; ties break by
id, so pages never overlap), and `next` / `previous` addresses.  Every error has one shape:
`{"ok": false, "error": "...", "errors": [...], "status": N}`.  Every fact points back to the document and
sentence it came from (`evidence`: character offsets into the document's text).
"""

TAGS = [
    {"name": "meta", "description": "What the knowledge base holds."},
    {"name": "documents", "description": "Articles, their text and their extraction."},
    {"name": "people", "description": "People resolved across documents, with dated role histories."},
    {"name": "organizations", "description": "Organizations resolved by name or acronym."},
    {"name": "places", "description": "Countries, provinces, cities and regions."},
    {"name": "events", "description": "Encounters and statements, one per happening with every source."},
    {"name": "pairs", "description": "Relations between two countries."},
    {"name": "figures", "description": "Trade and investment figures and their time series."},
    {"name": "checks", "description": "Inconsistencies across sources and extraction warnings."},
    {"name": "search", "description": "One search over everything."},
]

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The web app: the JSON API under ``/api/`` and the pages, over one knowledge base.

    :param settings: where the knowledge base is (``settings.db``); default: ``Settings.from_env()``
    :param store: an open store to serve instead (the caller closes it); otherwise the app opens
        ``settings.db`` on the first request and closes it at shutdown
    """
    from legation.web import make_router

    settings = settings or Settings.from_env()
    kb = KnowledgeBase(settings, store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        kb.close()

    app = FastAPI(title="Legation", version=__version__, description=DESCRIPTION, openapi_tags=TAGS,
                  docs_url=None, redoc_url=None, lifespan=lifespan,
                  responses={422: {"description": "invalid parameters", "model": _error_model()},
                             404: {"description": "not found", "model": _error_model()}})
    app.state.kb = kb
    errors.install(app)
    for module in (meta, documents, people, organizations, places, events, pairs, figures, checks, search):
        app.include_router(module.router)
    app.include_router(make_router(get_store))
    app.mount("/static", StaticFiles(packages=[("legation.web", "static")]), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:  # noqa: ANN001
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    return app


def _error_model() -> type:
    from legation.api.schemas import ErrorResponse

    return ErrorResponse
