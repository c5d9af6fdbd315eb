"""What the JSON API returns, as pydantic models (separate from ``legation.models``, STYLE rule 11).

Every response is an object with ``ok``.  A list is a ``Listing``: ``items``
plus ``total`` (rows matching the filters over all pages), ``limit``,
``offset``, the ``sort`` used and the addresses of the ``next`` and
``previous`` pages (``null`` at either end), so a client pages by following
``next``.  One record is a ``Detail`` with the record under ``item``.  Every
failure has the one ``ErrorResponse`` shape, whatever went wrong.

The records themselves are the knowledge base's read models
(``legation.store.records``): the API adds no fields of its own to them, so
the JSON is the same as ``legation people --format json`` and friends.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from legation.store.records import EventSummary, PairSummary, PersonSummary, Stats

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Listing(_Out, Generic[T]):
    """One page of a list."""

    ok: Literal[True] = True
    total: int = Field(description="items matching the filters, over all pages")
    limit: int
    offset: int
    sort: str | None = Field(default=None, description="the sort key used; ties break by id, so pages are stable")
    next: str | None = Field(default=None, description="address of the next page, null on the last")
    previous: str | None = Field(default=None, description="address of the previous page, null on the first")
    items: list[T]


class Detail(_Out, Generic[T]):
    """One record."""

    ok: Literal[True] = True
    item: T


class ErrorItem(_Out):
    message: str
    location: str | None = Field(default=None, description="where in the request, e.g. query.limit")
    code: str = Field(description="a Legation error code (L041: not found, ...) or a validation error type")


class ErrorResponse(_Out):
    """The one error shape, for every failure (404, 405, 422, 500, ...)."""

    ok: Literal[False] = False
    error: str = Field(description="what went wrong, in a sentence a user can act on")
    errors: list[ErrorItem] = Field(default_factory=list, description="each problem, e.g. one per invalid parameter")
    status: int = Field(description="the HTTP status, repeated in the body")


class Endpoint(_Out):
    path: str
    summary: str


class Index(_Out):
    """The API's front door: what the knowledge base holds and where to go next."""

    ok: Literal[True] = True
    name: str = "legation"
    version: str
    stats: Stats
    openapi: str = "/openapi.json"
    endpoints: list[Endpoint]


class SeriesPointOut(_Out):
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    value: float
    unit: str
    approximate: bool = False
    qualifier: str | None = Field(default=None, description="peak, low, target, forecast, growth ...")
    document: str = Field(description="the document that states it")
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence: str | None = Field(default=None, description="the sentence that states it")


class SeriesOut(_Out):
    """Figures of one (measure, subject, from, to), in period order."""

    measure: str
    subject: str | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    label: str
    units: list[str]
    points: list[SeriesPointOut]


class SidePerson(_Out):
    person: PersonSummary
    events: int = Field(description="events of the pair this person took part in")


class PairOut(_Out):
    """The picture of two countries' relations: events in date order, people of each side, trade series."""

    ok: Literal[True] = True
    a: str
    b: str
    events: list[EventSummary]
    people: dict[str, list[SidePerson]]
    series: list[SeriesOut]


class PairsOut(_Out):
    ok: Literal[True] = True
    items: list[PairSummary]
