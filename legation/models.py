"""Typed models for everything that crosses a layer boundary.

Two families:

* ``SourceDocument`` and ``Rejection`` are what readers yield: plain slotted
  dataclasses, cheap to create by the million and picklable for Dask.
* ``Extraction`` and its parts are the public output contract
  (``legation.extraction/1``, see docs/contract.md).  They are pydantic models so
  that they validate, serialise to exactly the documented JSON and load back.
  Field names follow the contract; ``from`` is a Python keyword, so the figure's
  field is ``from_`` with the alias ``from``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "legation.extraction/1"

PublishedBasis = Literal["header", "metadata", "inferred"]
Precision = Literal["day", "month", "year", "decade", "unknown"]
Measure = Literal["exports", "imports", "trade_turnover", "investment", "share", "other"]


# --------------------------------------------------------------------------- input


@dataclass(slots=True)
class SourceDocument:
    """One article as a reader found it: text plus what the container said about it."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Rejection:
    """An input we could not read, and why; the batch goes on without it."""

    source: str
    error: str
    kind: str = "ingest"

    def line(self) -> str:
        return f"{self.source}: {self.error}"


# --------------------------------------------------------------------------- contract


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Evidence(_Model):
    start: int
    end: int
    text: str


class DateExpr(_Model):
    """A temporal expression resolved against the publication date.

    ``partial`` keeps what the text says when the year cannot be decided (no
    publication date to resolve against): ISO 8601 truncated forms ``--11-10``,
    ``--11``, or a range ``--11-09/--11-19``; ``start`` and ``end`` are then null
    and ``precision`` is ``unknown``.  It is null whenever ``start`` is known.
    """

    start: str | None = None
    end: str | None = None
    precision: Precision = "unknown"
    text: str = ""
    base: str | None = None
    offsets: tuple[int, int] | None = None
    partial: str | None = None


class Title(_Model):
    text: str
    role: str | None = None
    organization: str | None = None
    qualifier: str | None = None


class Person(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    titles: list[Title] = Field(default_factory=list)
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Organization(_Model):
    id: str
    name: str
    acronym: str | None = None
    country: str | None = None
    kind: str | None = None
    parent: str | None = None
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Place(_Model):
    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Plover(_Model):
    """PLOVER coding (openeventdata/PLOVER manual): event type, mode, and contexts
    (topics such as ``economic``; ``future``, ``hypothetical``, ``negation``)."""

    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class EventPlace(_Model):
    name: str | None = None
    country: str | None = None
    inferred: bool = False


class Event(_Model):
    id: str
    kind: str
    plover: Plover | None = None
    cameo: str | None = None
    date: DateExpr | None = None
    place: EventPlace | None = None
    participants: list[str] = Field(default_factory=list)
    delegations: list[str] = Field(default_factory=list)
    source_actor: str | None = None
    target_actor: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    topics: list[str] = Field(default_factory=list)
    status: str | None = None
    evidence: Evidence | None = None
    confidence: float | None = None
    #: what a happening is about: a fair's name, "30 anniversary of diplomatic relations",
    #: the encounter a postponed or planned one would have been ("visit")
    subject: str | None = None
    #: id of the encounter during which a statement was made (or a gift exchanged)
    occasion: str | None = None
    #: every sentence that tells of this event, as character spans (the first is ``evidence``)
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Period(_Model):
    start: str | None = None
    end: str | None = None
    text: str | None = None


class Figure(_Model):
    measure: Measure
    subject: str | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    value: float
    unit: str
    period: Period | None = None
    approximate: bool = False
    qualifier: str | None = None
    evidence: Evidence | None = None


class Acronym(_Model):
    short: str
    long: str
    defined_in_text: bool = False


class Credit(_Model):
    """Who made the article (author, translator, photographer): kept out of ``people``."""

    name: str
    role: str = "author"
    evidence: Evidence | None = None


class Warning(_Model):  # noqa: A001 - the contract's name
    kind: str
    message: str
    evidence: Evidence | None = None


class Extraction(_Model):
    """Everything extracted from one document."""

    id: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    text: str = ""
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    acronyms: list[Acronym] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)

    def to_contract(self) -> dict:
        """The JSON-ready dict of the contract (aliases applied)."""
        return self.model_dump(mode="json", by_alias=True)


class Rejected(_Model):
    source: str
    error: str


class ExtractionSet(_Model):
    """The top-level object ``legation extract --format json`` writes."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    documents: list[Extraction] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)

    def to_contract(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


# --------------------------------------------------------------------------- knowledge base
# What crosses between resolve/ (identity across documents, pure Python) and
# store/ (persistence), which may not import each other: the pipeline hands a
# ``Resolution`` computed by resolve/ to the store.  Slotted dataclasses, not
# pydantic: a large knowledge base has hundreds of thousands of them.

EntityKind = Literal["person", "organization", "place", "event"]
#: a record inside one document: (document id, local id such as "P1", "O2", "E3")
LocalRef = tuple[str, str]


@dataclass(slots=True)
class Link:
    """Why two document-level records were judged to be one entity: the rule and its evidence."""

    kind: EntityKind
    a: LocalRef
    b: LocalRef
    rule: str
    evidence: str


@dataclass(slots=True)
class Cluster:
    """One entity across documents: its member records and its canonical attributes.

    ``attrs`` holds the kind-specific canonical values (person: aliases;
    organization: acronym, kind; place: kind; event: kind, date_start, date_end,
    precision, place, place_country, people (cluster indexes), countries).
    """

    kind: EntityKind
    members: list[LocalRef]
    name: str
    country: str | None = None
    attrs: dict = field(default_factory=dict)


@dataclass(slots=True)
class RoleSpell:
    """A person's title over time: first and last dates an article showed it, with sources."""

    person: int  # index into Resolution.clusters["person"]
    role: str | None
    title: str
    organization: int | None  # index into Resolution.clusters["organization"]
    organization_name: str | None
    qualifier: str | None
    first_seen: str | None
    last_seen: str | None
    sources: list[tuple[str, str | None]]  # (document id, date)


@dataclass(slots=True)
class Finding:
    """A cross-source inconsistency found by ``legation check``.

    ``subjects`` are (kind, cluster index) pairs, or ("figure", "doc_id#n");
    ``evidence`` lists (document id, start, end, text) of the conflicting statements.
    """

    kind: str
    key: str
    message: str
    subjects: list[tuple[str, int | str]] = field(default_factory=list)
    evidence: list[tuple[str, int | None, int | None, str]] = field(default_factory=list)


@dataclass(slots=True)
class Decision:
    """An analyst's correction, stored and applied again on every resolution.

    Records are named by *anchors* that survive re-extraction: (document id,
    name as written) for people, organizations and places, (document id, local
    id) for events.  ``merge`` joins group_a with group_b; ``split`` forbids any
    record of group_a to be joined with any of group_b.
    """

    action: Literal["merge", "split"]
    kind: EntityKind
    group_a: list[LocalRef]
    group_b: list[LocalRef]
    note: str | None = None
    id: int | None = None
    created: str | None = None


@dataclass(slots=True)
class Resolution:
    """The output of ``legation.resolve.resolve``: clusters, their explanations, roles, findings."""

    clusters: dict[str, list[Cluster]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    roles: list[RoleSpell] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: fingerprint of the resolver (code and vocabulary) that made it: a new one resolves again
    version: str = ""
