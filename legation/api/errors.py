"""One error shape for every failure, rendered by one ``LegationError`` handler.

``{"ok": false, "error": "...", "errors": [{"message", "location", "code"}], "status": N}``

Library errors carry their ``http_status`` (``NotFound`` 404, ``ConfigError``
400, ...).  Everything else that can go wrong in a request is first turned
into a ``LegationError`` here and rendered by the same handler: invalid
parameters (``RequestError``, 422, one entry per parameter), unknown
addresses and methods (``HTTPError``, 404/405), and unexpected exceptions
(500, logged with the request; the client gets no traceback).  Under ``/api/``
and for ``/openapi.json`` the body is JSON; a page gets the same message as
an HTML page with the same status.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from legation.errors import LegationError, NotFound

log = logging.getLogger("legation.api")


class RequestError(LegationError):
    """The request's parameters are not valid (http 422); ``errors`` lists each problem."""

    http_status = 422
    code = "L050"

    def __init__(self, message: str, *, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class HTTPError(LegationError):
    """An HTTP-level refusal: no such address (404), method not allowed (405), ..."""

    code = "L051"

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.http_status = status


class InternalError(LegationError):
    """Something failed that should not have: a bug.  Logged in full; the client gets one line."""

    http_status = 500
    code = "L052"


def is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def _location(loc: tuple | list) -> str:
    return ".".join(str(part) for part in loc)


def _items(exc: LegationError, message: str) -> list[dict[str, Any]]:
    listed = getattr(exc, "errors", None)
    if listed:
        return listed
    return [{"message": message, "location": None, "code": exc.code}]


def _public(message: str, request: Request) -> str:
    """The message without the server's database address (" in sqlite:////srv/kb.db")."""
    store = getattr(request.app.state, "kb", None)
    url = store.url if store is not None else None
    if url:
        message = message.replace(f" in {url}", "").replace(f"{url}: ", "").replace(url, "the knowledge base")
    return message


async def legation_error(request: Request, exc: Exception) -> Response:
    """The one handler: any ``LegationError`` becomes the error shape (JSON or an HTML page)."""
    if not isinstance(exc, LegationError):  # pragma: no cover - registered for LegationError only
        exc = InternalError(f"{type(exc).__name__}")
    status = int(getattr(exc, "http_status", 500) or 500)
    message = _public(str(exc), request)
    items = [dict(item, message=_public(str(item.get("message", "")), request)) for item in _items(exc, message)]
    if is_api(request):
        body = {"ok": False, "error": message, "errors": items, "status": status}
        headers = {"Allow": exc.allow} if getattr(exc, "allow", None) else None
        return JSONResponse(body, status_code=status, headers=headers)
    from legation.web import render_error

    return render_error(request, status=status, message=message, errors=items)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    items = []
    for err in exc.errors():
        loc = list(err.get("loc", ()))
        where = _location(loc)
        name = str(loc[-1]) if loc else "request"
        items.append({"message": f"{name}: {err.get('msg', 'invalid')}", "location": where,
                      "code": str(err.get("type", "invalid"))})
    if not is_api(request) and any(i["location"] and i["location"].startswith("path.") for i in items):
        # a page address with a malformed id names no page
        return await legation_error(request, NotFound(f"no page at {request.url.path}"))
    summary = "; ".join(i["message"] for i in items) or "invalid request"
    return await legation_error(request, RequestError(f"invalid request: {summary}", errors=items))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        error: LegationError = HTTPError(f"no such address: {request.url.path}; the API is described at "
                                         "/openapi.json and /docs", status=404)
    elif exc.status_code == 405:
        error = HTTPError(f"{request.method} is not allowed on {request.url.path}: the knowledge base is "
                          "served read-only (GET)", status=405)
        error.allow = (exc.headers or {}).get("allow", "GET")  # type: ignore[attr-defined]
    else:
        error = HTTPError(str(exc.detail), status=exc.status_code)
    return await legation_error(request, error)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return await legation_error(request, InternalError(
        f"internal error ({type(exc).__name__}) on {request.url.path}; the server log has the details"))


def install(app: FastAPI) -> None:
    """Register the handler for ``LegationError`` and the adapters that feed it."""
    app.add_exception_handler(LegationError, legation_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
