"""The pages' routes: ``make_router(get_store)`` -> an ``APIRouter`` of server-rendered HTML pages.

The store dependency is passed in (``legation.api.deps.get_store``), so the
web layer never imports the API layer and tests override one dependency for
both.  Pages are GET only and left out of the OpenAPI description (they are
for people; the JSON API is for programs).

(No ``from __future__ import annotations`` here: FastAPI reads the routes'
annotations, which name the ``Annotated`` aliases made inside ``make_router``.)
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from legation.store import SORTS, Store
from legation.web import pages
from legation.web.templating import dates, document_url, entity_url, kind_label, pair_url, query, render

NAV = [("/", "Overview"), ("/events", "Events"), ("/people", "People"), ("/organizations", "Organizations"),
       ("/places", "Places"), ("/documents", "Documents"), ("/checks", "Checks"), ("/docs", "API")]
PAGE = 50


def page(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page with the shared layout's context."""
    path = request.url.path
    active = next((href for href, _label in reversed(NAV) if href != "/" and path.startswith(href)),
                  "/" if path == "/" or path.startswith("/pairs") else None)
    html = render(template, nav=NAV, active=active, path=path, request_q=request.query_params.get("q", ""),
                  **context)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, *, status: int, message: str, errors: list[dict[str, Any]]) -> HTMLResponse:
    """The HTML face of the API's error shape: same status, same message."""
    titles = {404: "Not found", 405: "Not allowed", 422: "Invalid request", 400: "Bad request"}
    return page(request, "error.html", status=status, status_code=status,
                title=titles.get(status, "Something went wrong"), message=message,
                details=[e for e in errors if e.get("message") and e.get("message") != message])


# --------------------------------------------------------------------------- list pages


class Cell:
    """One table cell of a list page: text, optionally a link, a CSS class."""

    __slots__ = ("text", "href", "cls")

    def __init__(self, text: Any, href: str | None = None, cls: str = "") -> None:
        self.text = "" if text is None else str(text)
        self.href = href
        self.cls = cls


def _pager(request: Request, total: int, offset: int, limit: int) -> dict[str, Any]:
    def at(o: int) -> str:
        url = request.url.include_query_params(offset=o)
        return f"{url.path}?{url.query}"

    return {"total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
            "next": at(offset + limit) if offset + limit < total else None,
            "previous": at(max(offset - limit, 0)) if offset > 0 else None}


def _sort_choice(resource: str, sort: str, default: str) -> str:
    key = sort.lstrip("-")
    return sort if key in SORTS[resource] else default


def _listing(request: Request, *, title: str, resource: str, headers: list[str], rows: list[list[Cell]],
             total: int, offset: int, filters: list[dict[str, Any]], sort: str,
             intro: tuple[str, str] | None = None) -> HTMLResponse:
    sorts = [(s, s.replace("_", " ")) for s in SORTS[resource]]
    return page(request, "list.html", title=title, headers=headers, rows=rows, filters=filters, sort=sort,
                sorts=sorts, pager=_pager(request, total, offset, PAGE), intro=intro)


def make_router(get_store: Callable[..., Store]) -> APIRouter:
    """The pages, each taking its store from ``get_store`` (a FastAPI dependency)."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    StoreDep = Annotated[Store, Depends(get_store)]
    Offset = Annotated[int, Query(ge=0)]

    @router.get("/")
    def overview(request: Request, store: StoreDep) -> Response:
        return page(request, "overview.html", **pages.overview(store))

    @router.get("/pairs/{pair}")
    def pair(request: Request, pair: str, store: StoreDep) -> Response:
        canonical = pair.upper()
        if canonical != pair and pages.PAIR.match(pair):
            return RedirectResponse(f"/pairs/{canonical}", status_code=308)
        return page(request, "pair.html", **pages.pair(store, pair))

    @router.get("/people/{person_id}")
    def person(request: Request, person_id: str, store: StoreDep) -> Response:
        return page(request, "person.html", **pages.person(store, person_id))

    @router.get("/organizations/{organization_id}")
    def organization(request: Request, organization_id: str, store: StoreDep) -> Response:
        return page(request, "organization.html", **pages.organization(store, organization_id))

    @router.get("/places/{place_id}")
    def place(request: Request, place_id: str, store: StoreDep) -> Response:
        return page(request, "place.html", **pages.place(store, place_id))

    @router.get("/events/{event_id}")
    def event(request: Request, event_id: str, store: StoreDep) -> Response:
        return page(request, "event.html", **pages.event(store, event_id))

    @router.get("/documents/{doc_id:path}")
    def document(request: Request, doc_id: str, store: StoreDep,
                 at: Annotated[str, Query(max_length=24)] = "") -> Response:
        return page(request, "document.html", **pages.document(store, doc_id, at))

    @router.get("/search")
    def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> Response:
        return page(request, "search.html", **pages.search(store, q))

    @router.get("/checks")
    def checks(request: Request, store: StoreDep, offset: Offset = 0) -> Response:
        context = pages.checks(store, offset)
        return page(request, "checks.html", pager=_pager(request, context["warnings"].total, offset, 100), **context)

    @router.get("/docs")
    def api_docs(request: Request) -> Response:
        return page(request, "apidocs.html", **_api_reference(request.app.openapi()))

    # -- lists ------------------------------------------------------------------------------

    @router.get("/people")
    def people(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
               country: Annotated[str, Query(max_length=2)] = "", sort: str = "name", offset: Offset = 0) -> Response:
        sort = _sort_choice("people", sort, "name")
        result = store.people(q=q or None, country=country or None, sort=sort, limit=PAGE, offset=offset)
        rows = [[Cell(p.name, entity_url("person", p.id), "strong"), Cell(p.country, cls="code"), Cell(p.title),
                 Cell(p.n_documents, cls="num"), Cell(dates(p.first_seen), cls="nowrap"), Cell(dates(p.last_seen), cls="nowrap")]
                for p in result.items]
        return _listing(request, title="People", resource="people", rows=rows, total=result.total, offset=offset,
                        headers=["Name", "Country", "Latest title", "Documents", "First seen", "Last seen"],
                        filters=[{"name": "q", "label": "Name", "value": q},
                                 {"name": "country", "label": "Country (ISO)", "value": country, "size": 3}],
                        sort=sort)

    @router.get("/organizations")
    def organizations(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
                      country: Annotated[str, Query(max_length=2)] = "", sort: str = "name",
                      offset: Offset = 0) -> Response:
        sort = _sort_choice("organizations", sort, "name")
        result = store.organizations(q=q or None, country=country or None, sort=sort, limit=PAGE, offset=offset)
        rows = [[Cell(o.name, entity_url("organization", o.id), "strong"), Cell(o.acronym, cls="code"),
                 Cell(kind_label(o.kind)), Cell(o.country, cls="code"), Cell(o.n_documents, cls="num")]
                for o in result.items]
        return _listing(request, title="Organizations", resource="organizations", rows=rows, total=result.total,
                        offset=offset, headers=["Name", "Acronym", "Kind", "Country", "Documents"],
                        filters=[{"name": "q", "label": "Name or acronym", "value": q},
                                 {"name": "country", "label": "Country (ISO)", "value": country, "size": 3}],
                        sort=sort)

    @router.get("/places")
    def places(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
               country: Annotated[str, Query(max_length=2)] = "", sort: str = "name", offset: Offset = 0) -> Response:
        sort = _sort_choice("places", sort, "name")
        result = store.places(q=q or None, country=country or None, sort=sort, limit=PAGE, offset=offset)
        rows = [[Cell(p.name, entity_url("place", p.id), "strong"), Cell(kind_label(p.kind)),
                 Cell(p.country, cls="code"), Cell(p.n_documents, cls="num")] for p in result.items]
        return _listing(request, title="Places", resource="places", rows=rows, total=result.total, offset=offset,
                        headers=["Name", "Kind", "Country", "Documents"],
                        filters=[{"name": "q", "label": "Name", "value": q},
                                 {"name": "country", "label": "Country (ISO)", "value": country, "size": 3}],
                        sort=sort)

    @router.get("/events")
    def events(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
               pair: Annotated[str, Query(max_length=5)] = "", kind: Annotated[str, Query(max_length=100)] = "",
               since: Annotated[str, Query(max_length=10)] = "", until: Annotated[str, Query(max_length=10)] = "",
               person: Annotated[int | None, Query(ge=1)] = None,
               organization: Annotated[int | None, Query(ge=1)] = None,
               sort: str = "date", offset: Offset = 0) -> Response:
        sort = _sort_choice("events", sort, "date")
        match = pages.PAIR.match(pair.strip()) if pair.strip() else None
        between = (match.group(1).upper(), match.group(2).upper()) if match else None
        kinds = [k.strip().lower() for k in kind.split(",") if k.strip()] or None
        result = store.events(between=between, kind=kinds, since=since or None, until=until or None,
                              person=person, organization=organization, q=q or None, sort=sort, limit=PAGE,
                              offset=offset)
        rows = [[Cell(dates(e.date_start, e.date_end), cls="nowrap"),
                 Cell(kind_label(e.kind), entity_url("event", e.id), "kind " + ("enc" if e.kind in pages.ENCOUNTERS
                                                                                else "stmt")),
                 Cell(", ".join(p.name for p in e.participants) or "—"),
                 Cell(e.place or e.place_country), Cell(" ".join(e.countries), cls="small muted nowrap"),
                 Cell(e.n_sources, cls="num")] for e in result.items]
        intro = (f"Between {between[0]} and {between[1]}", pair_url(*between)) if between else None
        return _listing(request, title="Events", resource="events", rows=rows, total=result.total, offset=offset,
                        headers=["Date", "Kind", "Participants", "Place", "Countries", "Sources"],
                        filters=[{"name": "q", "label": "Text", "value": q},
                                 {"name": "pair", "label": "Pair (VN-PE)", "value": pair, "size": 6},
                                 {"name": "kind", "label": "Kind", "value": kind, "size": 10},
                                 {"name": "since", "label": "Since", "value": since, "size": 10},
                                 {"name": "until", "label": "Until", "value": until, "size": 10}],
                        sort=sort, intro=intro)

    @router.get("/documents")
    def documents(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
                  since: Annotated[str, Query(max_length=10)] = "", until: Annotated[str, Query(max_length=10)] = "",
                  sort: str = "-published", offset: Offset = 0) -> Response:
        sort = _sort_choice("documents", sort, "-published")
        result = store.documents(q=q or None, since=since or None, until=until or None, sort=sort, limit=PAGE,
                                 offset=offset)
        rows = [[Cell(dates(d.published), cls="nowrap"), Cell(d.title or d.id, document_url(d.id), "strong"),
                 Cell(d.n_people, cls="num"), Cell(d.n_events, cls="num"), Cell(d.n_figures, cls="num"),
                 Cell(d.source, cls="muted small")] for d in result.items]
        return _listing(request, title="Documents", resource="documents", rows=rows, total=result.total,
                        offset=offset, headers=["Published", "Title", "People", "Events", "Figures", "Source"],
                        filters=[{"name": "q", "label": "Text", "value": q},
                                 {"name": "since", "label": "Since", "value": since, "size": 10},
                                 {"name": "until", "label": "Until", "value": until, "size": 10}], sort=sort)

    return router


# --------------------------------------------------------------------------- API reference


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        kinds = [_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " | ".join(kinds)
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    bounds = []
    if "minimum" in schema:
        bounds.append(f"≥ {schema['minimum']}")
    if "maximum" in schema:
        bounds.append(f"≤ {schema['maximum']}")
    return (schema.get("type") or "any") + (f" ({', '.join(bounds)})" if bounds else "")


def _api_reference(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI description as sections of endpoints, for a page that needs no JavaScript."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for prm in op.get("parameters", []):
                schema = prm.get("schema", {})
                params.append({"name": prm["name"], "where": prm.get("in", ""), "required": prm.get("required", False),
                               "type": _schema_type(schema), "default": schema.get("default"),
                               "pattern": schema.get("pattern"),
                               "description": prm.get("description") or schema.get("description") or ""})
            ok = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            sections.setdefault((op.get("tags") or ["other"])[0], []).append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "params": params,
                "returns": _schema_type(ok.get("schema", {})) if ok else "",
                "example": query(path.replace("{", "").replace("}", "")) if "{" not in path else None})
    order = [t["name"] for t in spec.get("tags", [])]
    ordered = sorted(sections.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    return {"info": spec.get("info", {}), "sections": ordered, "kind_label": kind_label}
