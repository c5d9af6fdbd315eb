"""What the knowledge base returns: typed, frozen, JSON-ready read models.

These are the store's public read contract, used by the CLI queries and by the
JSON API and web pages (``legation.api``).  They are pydantic models so that
``record.model_dump(mode="json")`` is the JSON an API returns, and they are
frozen: a record is a snapshot, never a handle to update the database.

Conventions shared by every record:

* ``id`` of a resolved entity (person, organization, place, event) is an
  integer that stays the same across re-ingests and re-resolutions as long as
  most of the entity's source records remain (ids are kept by majority overlap).
* Dates are ISO strings at their known precision: ``2024``, ``2024-08``,
  ``2024-08-22``.  They sort correctly as text.
* ``evidence`` points into ``DocumentRecord.text`` by character offsets, with
  the sentence it came from.
* Lists come in a ``Page`` with ``total``, ``limit`` and ``offset``; every list
  query takes a ``sort`` from a closed set and breaks ties by ``id``, so pages
  never overlap or skip.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from legation.models import Evidence, Extraction

T = TypeVar("T")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class Page(_Record, Generic[T]):
    """One page of a list query."""

    items: list[T]
    total: int = Field(description="rows matching the filters, over all pages")
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, or None on the last one."""
        end = self.offset + len(self.items)
        return end if end < self.total else None


# --------------------------------------------------------------------------- provenance


class SourceRef(_Record):
    """Where a fact comes from: a document and, when known, the sentence."""

    doc_id: str
    title: str | None = None
    published: str | None = None
    date: str | None = Field(default=None, description="the date the source gives the fact (event date, "
                                                         "else publication date)")
    local_id: str | None = Field(default=None, description="the record's id inside the document (P1, E2 ...)")
    evidence: Evidence | None = None


class EntityRef(_Record):
    """A resolved entity named in another record."""

    kind: Literal["person", "organization", "place", "event"]
    id: int
    name: str
    country: str | None = None


class LinkRecord(_Record):
    """Why two document records were judged to be one entity."""

    rule: str = Field(description="the rule that joined them, e.g. same_name, name_form, acronym, analyst_merge")
    evidence: str = Field(description="the facts the rule relied on, in words")
    a: SourceRef
    b: SourceRef
    a_name: str
    b_name: str


class DecisionRecord(_Record):
    """An analyst's merge or split, re-applied on every resolution."""

    id: int
    action: Literal["merge", "split"]
    kind: Literal["person", "organization", "place", "event"]
    group_a: list[tuple[str, str]]
    group_b: list[tuple[str, str]]
    note: str | None = None
    created: str


# --------------------------------------------------------------------------- documents


class DocumentSummary(_Record):
    id: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: str | None = None
    n_people: int = 0
    n_events: int = 0
    n_figures: int = 0
    ingested_at: str
    updated_at: str


class DocumentRecord(DocumentSummary):
    """A document with its text and everything extracted from it, exactly as stored."""

    text: str
    content_hash: str
    extraction: Extraction
    people: dict[str, int] = Field(default_factory=dict, description="local person id -> resolved person id")
    organizations: dict[str, int] = Field(default_factory=dict)
    places: dict[str, int] = Field(default_factory=dict)
    events: dict[str, int] = Field(default_factory=dict)


# --------------------------------------------------------------------------- people


class RoleRecord(_Record):
    """A title a person held, dated by the articles that show it ("as of" first_seen .. last_seen)."""

    role: str | None = None
    title: str
    organization: EntityRef | None = None
    qualifier: str | None = Field(default=None, description="former, late, acting, ... as the text gives it")
    first_seen: str | None = None
    last_seen: str | None = None
    sources: list[SourceRef] = Field(default_factory=list)


class PersonSummary(_Record):
    id: int
    name: str
    country: str | None = None
    title: str | None = Field(default=None, description="the most recent title an article gave")
    aliases: list[str] = Field(default_factory=list)
    n_documents: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


class PersonMention(_Record):
    """One document's record of the person."""

    doc_id: str
    local_id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    published: str | None = None
    title: str | None = None
    evidence: Evidence | None = None


class PersonRecord(PersonSummary):
    roles: list[RoleRecord] = Field(default_factory=list, description="oldest first")
    mentions: list[PersonMention] = Field(default_factory=list)
    events: list[EventSummary] = Field(default_factory=list, description="date order")
    links: list[LinkRecord] = Field(default_factory=list, description="why the mentions are one person")


# --------------------------------------------------------------------------- organizations and places


class OrganizationSummary(_Record):
    id: int
    name: str
    acronym: str | None = None
    country: str | None = None
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    n_documents: int = 0


class RoleHolder(_Record):
    """A person and a title they held in an organization."""

    person: EntityRef
    role: RoleRecord


class OrganizationRecord(OrganizationSummary):
    people: list[RoleHolder] = Field(default_factory=list, description="people with a title in it, oldest first")
    sources: list[SourceRef] = Field(default_factory=list)
    links: list[LinkRecord] = Field(default_factory=list)


class PlaceSummary(_Record):
    id: int
    name: str
    kind: str | None = None
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    n_documents: int = 0


class PlaceRecord(PlaceSummary):
    events: list[EventSummary] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    links: list[LinkRecord] = Field(default_factory=list)


# --------------------------------------------------------------------------- events


class EventSummary(_Record):
    """One happening, possibly reported by several documents (``n_sources``)."""

    id: int
    kind: str
    label: str
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    place: str | None = None
    place_country: str | None = None
    countries: list[str] = Field(default_factory=list, description="countries of the participants and sides")
    participants: list[EntityRef] = Field(default_factory=list)
    n_sources: int = 0


class EventSource(_Record):
    """One document's report of the event, as that document gave it."""

    doc_id: str
    local_id: str
    title: str | None = None
    published: str | None = None
    kind: str
    date_start: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    place: str | None = None
    place_country: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    confidence: float | None = None
    participants: list[str] = Field(default_factory=list, description="names as the document gives them")
    evidence: Evidence | None = None


class EventRecord(EventSummary):
    sources: list[EventSource] = Field(default_factory=list)
    links: list[LinkRecord] = Field(default_factory=list)


# --------------------------------------------------------------------------- figures and checks


class FigureRecord(_Record):
    """A statistic as one document stated it."""

    doc_id: str
    seq: int
    published: str | None = None
    measure: str
    subject: str | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    value: float
    unit: str
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    approximate: bool = False
    qualifier: str | None = None
    evidence: Evidence | None = None


class CheckRecord(_Record):
    """A cross-source inconsistency (``legation check``)."""

    key: str = Field(description="stable id of the finding")
    kind: Literal["figure_conflict", "event_date_conflict", "event_place_conflict", "title_holders",
                  "acronym_mismatch"] | str
    message: str
    subjects: list[EntityRef | str] = Field(default_factory=list,
                                            description="entities involved, or 'doc_id#n' for a figure")
    evidence: list[SourceRef] = Field(default_factory=list)


class WarningRecord(_Record):
    """Something the extractor was unsure about in one document (an inferred date, an acronym used
    for another body, a component that failed), with the sentence it concerns."""

    doc_id: str
    seq: int
    title: str | None = None
    published: str | None = None
    kind: str
    message: str
    evidence: Evidence | None = None


class PairSummary(_Record):
    """Two countries that meet in events: how often, and when first and last."""

    a: str = Field(description="ISO alpha-2, the smaller code of the two")
    b: str
    events: int = Field(description="events involving both countries")
    encounters: int = Field(description="of which encounters (meeting, talks, reception, visit, call, signing)")
    first: str | None = None
    last: str | None = None


# --------------------------------------------------------------------------- search, SQL, statistics


class SearchHit(_Record):
    kind: Literal["person", "organization", "place", "event", "document"]
    id: int | str
    label: str
    snippet: str | None = None


class QueryResult(_Record):
    """The rows of a read-only SQL query."""

    columns: list[str]
    rows: list[list[object]]
    truncated: bool = Field(default=False, description="true when more rows existed than the limit")


class Stats(_Record):
    url: str
    backend: Literal["sqlite", "postgresql"]
    schema_revision: str | None
    documents: int
    people: int
    organizations: int
    places: int
    events: int
    figures: int
    findings: int
    decisions: int
    stale: bool = Field(description="documents changed since the last resolution (run `legation ingest` "
                                    "again, or Store.resolve())")


PersonRecord.model_rebuild()
PlaceRecord.model_rebuild()
