"""The ``Store`` Protocol: what every knowledge-base backend offers.

Read API (for the CLI queries, the JSON API and the web pages) — every method
returns frozen pydantic records from ``legation.store.records`` and raises
``NotFound`` (http 404) for an unknown id::

    stats()                                   -> Stats
    documents(q=, since=, until=, ids=, sort=, limit=, offset=)     -> Page[DocumentSummary]
    document(doc_id)                          -> DocumentRecord  (text + the stored Extraction)
    people(q=, country=, ids=, sort=, limit=, offset=)              -> Page[PersonSummary]
    person(person_id)                         -> PersonRecord    (role history, mentions, events, links)
    find_people(name, limit=)                 -> list[PersonSummary]   (best match first)
    organizations(q=, country=, sort=, ...)   -> Page[OrganizationSummary];  organization(id) -> OrganizationRecord
    places(q=, country=, sort=, ...)          -> Page[PlaceSummary];         place(id) -> PlaceRecord
    events(between=, country=, since=, until=, kind=, person=, place=, organization=, q=, sort=, limit=, offset=)
                                              -> Page[EventSummary]; event(id) -> EventRecord (every source)
    country_pairs(country=, limit=)           -> list[PairSummary]   (countries that meet in events, most first)
    warnings(kind=, doc_id=, limit=, offset=) -> Page[WarningRecord] (what the extractor flagged per document)
    figures(measure=, from_=, to=, subject=, unit=, since=, until=, doc_id=, limit=, offset=)
                                              -> Page[FigureRecord]
    figure_pairs(...same filters...)          -> list[tuple[str, Figure]]  (for legation.report.series)
    checks(kind=)                             -> list[CheckRecord]
    search(q, kinds=, limit=)                 -> list[SearchHit]
    decisions()                               -> list[DecisionRecord]
    query(sql, params=, limit=)               -> QueryResult (read-only connection; writes are refused)

Sorting: ``sort`` is one of the names listed in the method's ``SORTS`` entry,
optionally prefixed by ``-`` for descending; ties break by id, so paging is
stable.  ``limit`` is capped at ``MAX_LIMIT``.

Write API (one writer at a time; used by ``legation.pipeline``):

    content_hashes(doc_ids)     -> {doc_id: hash}   skip unchanged documents before the NLP runs
    put(extractions, hashes=)   -> list[Stored]     one transaction for the whole batch
    delete_document(doc_id)
    facts()                     -> Iterator[Extraction]  every document's facts, without text (for resolve/)
    update_resolution(compute)  -> ResolutionSummary   read facts + decisions, compute, write: one transaction
    write_resolution(resolution) -> ResolutionSummary   one transaction; entity ids kept by overlap
    add_decision(decision) -> DecisionRecord;  remove_decision(id);  anchors(kind, entity_id)
    stale()                     -> bool   documents changed since the last resolution
    state(key)                  -> str | None   bookkeeping: stale, resolved_at, resolver (fingerprint)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from legation.models import Decision, EntityKind, Extraction, Figure, LocalRef, Resolution
from legation.store.records import (
    CheckRecord,
    DecisionRecord,
    DocumentRecord,
    DocumentSummary,
    EventRecord,
    EventSummary,
    FigureRecord,
    OrganizationRecord,
    OrganizationSummary,
    Page,
    PairSummary,
    PersonRecord,
    PersonSummary,
    PlaceRecord,
    PlaceSummary,
    QueryResult,
    SearchHit,
    Stats,
    WarningRecord,
)

#: the largest page a list query returns
MAX_LIMIT = 1000

#: sort keys each list query accepts (prefix "-" for descending)
SORTS: dict[str, tuple[str, ...]] = {
    "documents": ("published", "id", "ingested_at", "title"),
    "people": ("name", "id", "n_documents", "last_seen", "first_seen", "country"),
    "organizations": ("name", "id", "n_documents", "country"),
    "places": ("name", "id", "n_documents", "country"),
    "events": ("date", "id", "n_sources", "kind"),
}


class Outcome(enum.Enum):
    """What ``put`` did with one document (a skip is a value, not an exception)."""

    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"  # the document cannot be stored as it is (``error`` says why); the batch goes on


@dataclass(frozen=True, slots=True)
class Stored:
    doc_id: str
    outcome: Outcome
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ResolutionSummary:
    people: int
    organizations: int
    places: int
    events: int
    links: int
    findings: int
    changed_rows: int


@runtime_checkable
class Store(Protocol):
    """A knowledge base.  Open one with ``legation.store.open_store(url)``; close it (or use ``with``)."""

    url: str
    backend: str

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # -- write -------------------------------------------------------------------------------
    def content_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]: ...
    def put(self, extractions: Sequence[Extraction], *, hashes: Mapping[str, str] | None = None) -> list[Stored]: ...
    def delete_document(self, doc_id: str) -> None: ...
    def facts(self) -> Iterator[Extraction]: ...
    def write_resolution(self, resolution: Resolution) -> ResolutionSummary: ...
    def update_resolution(self, compute: Callable[[Iterable[Extraction], Sequence[Decision]], Resolution]
                          ) -> ResolutionSummary: ...
    def stale(self) -> bool: ...
    def state(self, key: str) -> str | None: ...
    def add_decision(self, decision: Decision) -> DecisionRecord: ...
    def remove_decision(self, decision_id: int) -> None: ...
    def decision_models(self) -> list[Decision]: ...
    def anchors(self, kind: EntityKind, entity_id: int) -> list[tuple[LocalRef, str]]: ...

    # -- read --------------------------------------------------------------------------------
    def stats(self) -> Stats: ...
    def documents(self, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  ids: Sequence[str] | None = None, sort: str = "published", limit: int = 50,
                  offset: int = 0) -> Page[DocumentSummary]: ...
    def document(self, doc_id: str) -> DocumentRecord: ...
    def people(self, *, q: str | None = None, country: str | None = None, ids: Sequence[int] | None = None,
               sort: str = "name", limit: int = 50, offset: int = 0) -> Page[PersonSummary]: ...
    def person(self, person_id: int) -> PersonRecord: ...
    def find_people(self, name: str, *, limit: int = 10) -> list[PersonSummary]: ...
    def organizations(self, *, q: str | None = None, country: str | None = None, sort: str = "name",
                      limit: int = 50, offset: int = 0) -> Page[OrganizationSummary]: ...
    def organization(self, organization_id: int) -> OrganizationRecord: ...
    def places(self, *, q: str | None = None, country: str | None = None, sort: str = "name",
               limit: int = 50, offset: int = 0) -> Page[PlaceSummary]: ...
    def place(self, place_id: int) -> PlaceRecord: ...
    def events(self, *, between: tuple[str, str] | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None, kind: str | Sequence[str] | None = None,
               person: int | None = None, place: int | None = None, organization: int | None = None,
               q: str | None = None, sort: str = "date", limit: int = 50, offset: int = 0) -> Page[EventSummary]: ...
    def event(self, event_id: int) -> EventRecord: ...
    def country_pairs(self, *, country: str | None = None, limit: int = 100) -> list[PairSummary]: ...
    def warnings(self, *, kind: str | None = None, doc_id: str | None = None, limit: int = 50,
                 offset: int = 0) -> Page[WarningRecord]: ...
    def figures(self, *, measure: str | None = None, from_: str | None = None, to: str | None = None,
                subject: str | None = None, unit: str | None = None, since: str | None = None,
                until: str | None = None, doc_id: str | None = None, limit: int = 50,
                offset: int = 0) -> Page[FigureRecord]: ...
    def figure_pairs(self, **filters: Any) -> list[tuple[str, Figure]]: ...
    def checks(self, *, kind: str | None = None) -> list[CheckRecord]: ...
    def search(self, q: str, *, kinds: Sequence[str] | None = None, limit: int = 20) -> list[SearchHit]: ...
    def decisions(self) -> list[DecisionRecord]: ...
    def query(self, sql: str, params: Mapping[str, Any] | None = None, *, limit: int = 1000) -> QueryResult: ...
