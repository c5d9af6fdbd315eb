"""The read side of ``SQLStore``: typed queries returning ``legation.store.records``.

Every list query filters in SQL, counts the total, sorts by a whitelisted key
with the id as tie-breaker (so pages are stable) and returns a ``Page``.
User input is always bound, never formatted into SQL.  Text search compares
folded forms (accents and case removed) where a ``name_key`` column exists,
so "Nguyễn" finds "Nguyen" on both backends.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, case, func, literal, or_, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from legation.errors import ConfigError, NotFound, StoreError
from legation.models import Evidence, Extraction, Figure
from legation.store import _rows
from legation.store import tables as t
from legation.store.base import MAX_LIMIT, SORTS
from legation.store.engine import _read_only_authorizer, database_errors
from legation.store.migrate import current_revision
from legation.store.records import (
    CheckRecord,
    DecisionRecord,
    DocumentRecord,
    DocumentSummary,
    EntityRef,
    EventRecord,
    EventSource,
    EventSummary,
    FigureRecord,
    LinkRecord,
    OrganizationRecord,
    OrganizationSummary,
    Page,
    PairSummary,
    PersonMention,
    PersonRecord,
    PersonSummary,
    PlaceRecord,
    PlaceSummary,
    QueryResult,
    RoleHolder,
    RoleRecord,
    SearchHit,
    SourceRef,
    Stats,
    WarningRecord,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

_ENTITY_KINDS = ("person", "organization", "place", "event")
#: the kinds of event that are encounters between people (the contract's list)
_ENCOUNTERS = ("meeting", "talks", "reception", "visit", "call", "signing")
_WRITE_WORDS = re.compile(r"^\s*(insert|update|delete|replace|create|drop|alter|attach|detach|vacuum|reindex|"
                          r"truncate|grant|revoke|copy|comment|begin|commit|rollback|savepoint|release|lock|"
                          r"set|reset|call|do|listen|notify|cluster|refresh|merge|upsert|analyze)\b", re.I)


def _like(q: str) -> str:
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _evidence(row: Any, prefix: str = "evidence") -> Evidence | None:
    start, end, txt = (getattr(row, f"{prefix}_start"), getattr(row, f"{prefix}_end"),
                       getattr(row, f"{prefix}_text"))
    if start is None or end is None or txt is None:
        return None
    return Evidence(start=start, end=end, text=txt)


def _limit(limit: int, offset: int) -> tuple[int, int]:
    if limit < 1 or offset < 0:
        raise ConfigError(f"limit must be >= 1 and offset >= 0 (got limit={limit}, offset={offset})")
    return min(limit, MAX_LIMIT), offset


def _upper(date: str) -> str:
    """The latest ISO string a date of any precision can stand for ("2023" -> after every 2023-xx-xx)."""
    return date + "~"


class QueryMixin:
    """Read queries; mixed into ``SQLStore`` (which provides ``engine`` and ``url``)."""

    engine: Engine
    url: str
    backend: str
    schema_revision: str | None

    def _read_only_engine(self) -> Engine:  # pragma: no cover - provided by SQLStore
        raise NotImplementedError

    # -- helpers -----------------------------------------------------------------------------

    def _connect(self):  # noqa: ANN202
        return self.engine.connect()

    def _order(self, resource: str, sort: str, columns: Mapping[str, Any], id_col: Any) -> list[Any]:
        desc = sort.startswith("-")
        key = sort[1:] if desc else sort
        if key not in SORTS[resource]:
            options = ", ".join(SORTS[resource])
            raise ConfigError(f"cannot sort {resource} by {key!r}; valid: {options} (prefix '-' for descending)")
        col = columns[key]
        primary = col.desc().nulls_last() if desc else col.asc().nulls_last()
        return [primary, id_col.desc() if desc else id_col.asc()]

    @staticmethod
    def _count(conn: Connection, stmt: Select) -> int:
        return conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()

    @staticmethod
    def _docs_meta(conn: Connection, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        ids = sorted(set(doc_ids))
        out: dict[str, tuple[str | None, str | None]] = {}
        for i in range(0, len(ids), 500):
            for r in conn.execute(select(t.documents.c.id, t.documents.c.title, t.documents.c.published)
                                  .where(t.documents.c.id.in_(ids[i:i + 500]))):
                out[r.id] = (r.title, r.published)
        return out

    @staticmethod
    def _names(conn: Connection, kind: str, ids: Iterable[int]) -> dict[int, EntityRef]:
        table = {"person": t.people, "organization": t.organizations, "place": t.places,
                 "event": t.events}[kind]
        wanted = sorted({i for i in ids if i is not None})
        out: dict[int, EntityRef] = {}
        name_col = table.c.label if kind == "event" else table.c.name
        country_col = table.c.place_country if kind == "event" else table.c.country
        for i in range(0, len(wanted), 500):
            for r in conn.execute(select(table.c.id, name_col.label("name"), country_col.label("country"))
                                  .where(table.c.id.in_(wanted[i:i + 500]))):
                out[r.id] = EntityRef(kind=kind, id=r.id, name=r.name, country=r.country)
        return out

    def _links(self, conn: Connection, kind: str, entity_id: int) -> list[LinkRecord]:
        _table, doc_table, _col = {
            "person": (t.people, t.doc_people, "person_id"),
            "organization": (t.organizations, t.doc_organizations, "organization_id"),
            "place": (t.places, t.doc_places, "place_id"),
            "event": (t.events, t.doc_events, "event_id")}[kind]
        rows = conn.execute(select(t.links).where(t.links.c.kind == kind, t.links.c.entity_id == entity_id)
                            .order_by(t.links.c.doc_a, t.links.c.local_a, t.links.c.doc_b,
                                      t.links.c.local_b)).all()
        if not rows:
            return []
        label = doc_table.c.kind if kind == "event" else doc_table.c.name
        refs = {(r.doc_a, r.local_a) for r in rows} | {(r.doc_b, r.local_b) for r in rows}
        docs = {d for d, _ in refs}
        info: dict[tuple[str, str], tuple[str, Evidence | None]] = {}
        for r in conn.execute(select(doc_table.c.doc_id, doc_table.c.local_id, label.label("label"),
                                     doc_table.c.evidence_start, doc_table.c.evidence_end,
                                     doc_table.c.evidence_text).where(doc_table.c.doc_id.in_(sorted(docs)))):
            info[(r.doc_id, r.local_id)] = (r.label, _evidence(r))
        meta = self._docs_meta(conn, docs)

        def ref(d: str, loc: str) -> SourceRef:
            title, published = meta.get(d, (None, None))
            return SourceRef(doc_id=d, local_id=loc, title=title, published=published,
                             evidence=info.get((d, loc), ("", None))[1])

        return [LinkRecord(rule=r.rule, evidence=r.evidence, a=ref(r.doc_a, r.local_a), b=ref(r.doc_b, r.local_b),
                           a_name=info.get((r.doc_a, r.local_a), (r.local_a, None))[0],
                           b_name=info.get((r.doc_b, r.local_b), (r.local_b, None))[0]) for r in rows]

    # -- statistics --------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Counts of everything in the knowledge base, and whether resolution is up to date."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            def n(table: Any) -> int:
                return conn.execute(select(func.count()).select_from(table)).scalar_one()

            stale = conn.execute(select(t.kb_state.c.value).where(t.kb_state.c.key == "stale")).scalar() == "1"
            return Stats(url=self.url, backend=self.backend, schema_revision=current_revision(conn),
                         documents=n(t.documents), people=n(t.people), organizations=n(t.organizations),
                         places=n(t.places), events=n(t.events), figures=n(t.figures), findings=n(t.findings),
                         decisions=n(t.decisions), stale=stale)

    # -- documents ---------------------------------------------------------------------------

    def documents(self, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  ids: Sequence[str] | None = None, sort: str = "published", limit: int = 50,
                  offset: int = 0) -> Page[DocumentSummary]:
        """Documents, filtered by a text search in title and text, by publication date, or by a list of ids."""
        limit, offset = _limit(limit, offset)
        d = t.documents
        cols = [d.c.id, d.c.source, d.c.title, d.c.url, d.c.published, d.c.published_basis, d.c.n_people,
                d.c.n_events, d.c.n_figures, d.c.ingested_at, d.c.updated_at]
        stmt = select(*cols)
        if ids is not None:
            stmt = stmt.where(d.c.id.in_(list(ids)))
        if q:
            stmt = stmt.where(or_(d.c.title.ilike(_like(q), escape="\\"), d.c.text.ilike(_like(q), escape="\\"),
                                  d.c.id == q))
        if since:
            stmt = stmt.where(d.c.published.is_not(None), d.c.published + "~" >= since)
        if until:
            stmt = stmt.where(d.c.published <= _upper(until))
        order = self._order("documents", sort, {"published": d.c.published, "id": d.c.id,
                                                "ingested_at": d.c.ingested_at, "title": d.c.title}, d.c.id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(items=[DocumentSummary(**r._mapping) for r in rows], total=total, limit=limit, offset=offset)

    def document(self, doc_id: str) -> DocumentRecord:
        """One document: its text, the Extraction exactly as stored, and its resolved entity ids."""
        with database_errors(f"reading {self.url}", doc_id=doc_id), self._connect() as conn:
            r = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
            if r is None:
                raise NotFound(f"no document {doc_id!r} in {self.url}", doc_id=doc_id)
            data = json.loads(r.extraction)
            data["text"] = r.text
            extraction = Extraction.model_validate(data)
            maps: dict[str, dict[str, int]] = {}
            for key, table, col in (("people", t.doc_people, "person_id"),
                                    ("organizations", t.doc_organizations, "organization_id"),
                                    ("places", t.doc_places, "place_id"), ("events", t.doc_events, "event_id")):
                maps[key] = {row.local_id: row[1] for row in conn.execute(
                    select(table.c.local_id, table.c[col]).where(table.c.doc_id == doc_id)) if row[1] is not None}
        fields = {k: getattr(r, k) for k in ("id", "source", "title", "url", "published", "published_basis",
                                              "n_people", "n_events", "n_figures", "ingested_at", "updated_at",
                                              "text", "content_hash")}
        return DocumentRecord(**fields, extraction=extraction, **maps)

    # -- people ------------------------------------------------------------------------------

    def people(self, *, q: str | None = None, country: str | None = None, ids: Sequence[int] | None = None,
               sort: str = "name", limit: int = 50, offset: int = 0) -> Page[PersonSummary]:
        """People, filtered by a name search (folded; aliases too), country, or a list of ids."""
        limit, offset = _limit(limit, offset)
        p = t.people
        stmt = select(p)
        if ids is not None:
            stmt = stmt.where(p.c.id.in_(list(ids)))
        if q:
            stmt = stmt.where(or_(p.c.name_key.like(_like(_rows.fold(q)), escape="\\"),
                                  p.c.aliases.ilike(_like(q), escape="\\")))
        if country:
            stmt = stmt.where(p.c.country == country.upper())
        order = self._order("people", sort, {"name": p.c.name_key, "id": p.c.id, "n_documents": p.c.n_documents,
                                             "last_seen": p.c.last_seen, "first_seen": p.c.first_seen,
                                             "country": p.c.country}, p.c.id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(items=[_person_summary(r) for r in rows], total=total, limit=limit, offset=offset)

    def find_people(self, name: str, *, limit: int = 10) -> list[PersonSummary]:
        """People whose name matches ``name``: exact folded name first, then name forms containing it."""
        key = _rows.name_key(name)
        if not key:
            return []
        p = t.people
        exact = p.c.name_key == key
        words = or_(p.c.name_key.like(_like(key), escape="\\"), p.c.aliases.ilike(_like(name), escape="\\"))
        stmt = (select(p).where(or_(exact, words))
                .order_by(exact.desc(), p.c.n_documents.desc(), p.c.id)
                .limit(min(limit, MAX_LIMIT)))
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            rows = conn.execute(stmt).all()
            if not rows and key.isdigit():
                rows = conn.execute(select(p).where(p.c.id == int(key))).all()
        return [_person_summary(r) for r in rows]

    def person(self, person_id: int) -> PersonRecord:
        """One person with role history (oldest first), mentions, events and merge explanations."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            r = conn.execute(select(t.people).where(t.people.c.id == person_id)).first()
            if r is None:
                raise NotFound(f"no person {person_id} in {self.url}")
            roles = self._roles(conn, [person_id])[person_id]
            dp, dt = t.doc_people, t.doc_titles
            mentions_rows = conn.execute(
                select(dp, t.documents.c.published).join(t.documents, t.documents.c.id == dp.c.doc_id)
                .where(dp.c.person_id == person_id)
                .order_by(t.documents.c.published.asc().nulls_last(), dp.c.doc_id, dp.c.local_id)).all()
            first_titles = {(row.doc_id, row.person_local_id): row.text for row in conn.execute(
                select(dt.c.doc_id, dt.c.person_local_id, dt.c.text)
                .where(dt.c.doc_id.in_([m.doc_id for m in mentions_rows]), dt.c.seq == 0))}
            mentions = [PersonMention(doc_id=m.doc_id, local_id=m.local_id, name=m.name,
                                      aliases=json.loads(m.aliases), country=m.country, published=m.published,
                                      title=first_titles.get((m.doc_id, m.local_id)), evidence=_evidence(m))
                        for m in mentions_rows]
            event_ids = [e for (e,) in conn.execute(select(t.event_people.c.event_id)
                                                    .where(t.event_people.c.person_id == person_id))]
            events = self._event_summaries(conn, event_ids, order=True)
            links = self._links(conn, "person", person_id)
        return PersonRecord(**_person_summary(r).model_dump(), roles=roles, mentions=mentions, events=events,
                            links=links)

    def _roles(self, conn: Connection, person_ids: Sequence[int]) -> dict[int, list[RoleRecord]]:
        rows = conn.execute(select(t.person_roles).where(t.person_roles.c.person_id.in_(list(person_ids)))
                            .order_by(t.person_roles.c.person_id, t.person_roles.c.first_seen.asc().nulls_last(),
                                      t.person_roles.c.seq)).all()
        orgs = self._names(conn, "organization", [r.organization_id for r in rows])
        sources = [json.loads(r.sources) for r in rows]
        meta = self._docs_meta(conn, [s[0] for src in sources for s in src])
        out: dict[int, list[RoleRecord]] = {pid: [] for pid in person_ids}
        for r, src in zip(rows, sources, strict=True):
            refs = [SourceRef(doc_id=d, date=date, title=meta.get(d, (None, None))[0],
                              published=meta.get(d, (None, None))[1]) for d, date in src]
            org = orgs.get(r.organization_id) if r.organization_id is not None else None
            out[r.person_id].append(RoleRecord(role=r.role, title=r.title, organization=org, qualifier=r.qualifier,
                                               first_seen=r.first_seen, last_seen=r.last_seen, sources=refs))
        return out

    # -- organizations and places ------------------------------------------------------------

    def organizations(self, *, q: str | None = None, country: str | None = None, sort: str = "name",
                      limit: int = 50, offset: int = 0) -> Page[OrganizationSummary]:
        limit, offset = _limit(limit, offset)
        o = t.organizations
        stmt = select(o)
        if q:
            stmt = stmt.where(or_(o.c.name_key.like(_like(_rows.fold(q)), escape="\\"), o.c.acronym == q.upper(),
                                  o.c.aliases.ilike(_like(q), escape="\\")))
        if country:
            stmt = stmt.where(o.c.country == country.upper())
        order = self._order("organizations", sort, {"name": o.c.name_key, "id": o.c.id,
                                                    "n_documents": o.c.n_documents, "country": o.c.country}, o.c.id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(items=[_org_summary(r) for r in rows], total=total, limit=limit, offset=offset)

    def organization(self, organization_id: int) -> OrganizationRecord:
        """One organization with the people who hold titles in it, its sources and merge explanations."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            r = conn.execute(select(t.organizations).where(t.organizations.c.id == organization_id)).first()
            if r is None:
                raise NotFound(f"no organization {organization_id} in {self.url}")
            holders = conn.execute(select(t.person_roles.c.person_id).distinct()
                                   .where(t.person_roles.c.organization_id == organization_id)).scalars().all()
            roles = self._roles(conn, holders)
            names = self._names(conn, "person", holders)
            people = [RoleHolder(person=names[pid], role=role) for pid in holders for role in roles[pid]
                      if role.organization is not None and role.organization.id == organization_id]
            people.sort(key=lambda h: (h.role.first_seen or "", h.person.name))
            sources = self._sources(conn, t.doc_organizations, "organization_id", organization_id)
            links = self._links(conn, "organization", organization_id)
        return OrganizationRecord(**_org_summary(r).model_dump(), people=people, sources=sources, links=links)

    def _sources(self, conn: Connection, doc_table: Any, column: str, entity_id: int) -> list[SourceRef]:
        rows = conn.execute(select(doc_table, t.documents.c.title, t.documents.c.published)
                            .join(t.documents, t.documents.c.id == doc_table.c.doc_id)
                            .where(doc_table.c[column] == entity_id)
                            .order_by(t.documents.c.published.asc().nulls_last(), doc_table.c.doc_id,
                                      doc_table.c.local_id)).all()
        return [SourceRef(doc_id=r.doc_id, local_id=r.local_id, title=r.title, published=r.published,
                          date=r.published, evidence=_evidence(r)) for r in rows]

    def places(self, *, q: str | None = None, country: str | None = None, sort: str = "name",
               limit: int = 50, offset: int = 0) -> Page[PlaceSummary]:
        limit, offset = _limit(limit, offset)
        pl = t.places
        stmt = select(pl)
        if q:
            stmt = stmt.where(or_(pl.c.name_key.like(_like(_rows.fold(q)), escape="\\"),
                                  pl.c.aliases.ilike(_like(q), escape="\\")))
        if country:
            stmt = stmt.where(pl.c.country == country.upper())
        order = self._order("places", sort, {"name": pl.c.name_key, "id": pl.c.id, "n_documents": pl.c.n_documents,
                                             "country": pl.c.country}, pl.c.id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(items=[_place_summary(r) for r in rows], total=total, limit=limit, offset=offset)

    def place(self, place_id: int) -> PlaceRecord:
        """One place with the events that happened there (by name), its sources and merge explanations."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            r = conn.execute(select(t.places).where(t.places.c.id == place_id)).first()
            if r is None:
                raise NotFound(f"no place {place_id} in {self.url}")
            names = [r.name, *json.loads(r.aliases)]
            event_ids = conn.execute(select(t.events.c.id).where(t.events.c.place_name.in_(names))).scalars().all()
            events = self._event_summaries(conn, event_ids, order=True)
            sources = self._sources(conn, t.doc_places, "place_id", place_id)
            links = self._links(conn, "place", place_id)
        return PlaceRecord(**_place_summary(r).model_dump(), events=events, sources=sources, links=links)

    # -- events ------------------------------------------------------------------------------

    def events(self, *, between: tuple[str, str] | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None, kind: str | Sequence[str] | None = None,
               person: int | None = None, place: int | None = None, organization: int | None = None,
               q: str | None = None, sort: str = "date", limit: int = 50, offset: int = 0) -> Page[EventSummary]:
        """Events (one per happening, however many sources), filtered and sorted.

        :param between: two ISO country codes: events with participants or sides from both
        :param since: events that may have happened on or after this ISO date (any precision)
        :param until: events that may have happened on or before it
        :param kind: an event kind or several (meeting, visit, talks, ...)
        :param person: a person id: events they took part in
        :param place: a place id: events that happened there
        :param organization: an organization id: events it acted in (as a participant, source or target),
            or in which someone who held a title in it took part
        :param q: free text: the event's label, kind or place, a participant's name (accents ignored), or
            the sentence of any source that tells it
        """
        limit, offset = _limit(limit, offset)
        e, ec = t.events, t.event_countries
        stmt = select(e.c.id)
        for code in ([*between] if between else []) + ([country] if country else []):
            stmt = stmt.where(e.c.id.in_(select(ec.c.event_id).where(ec.c.country == code.upper())))
        if since:
            stmt = stmt.where(func.coalesce(e.c.date_end, e.c.date_start) + literal("~") >= since)
        if until:
            stmt = stmt.where(e.c.date_start <= _upper(until))
        if kind:
            kinds = [kind] if isinstance(kind, str) else list(kind)
            stmt = stmt.where(e.c.kind.in_(kinds))
        if person is not None:
            stmt = stmt.where(e.c.id.in_(select(t.event_people.c.event_id)
                                         .where(t.event_people.c.person_id == person)))
        if place is not None:
            names = select(t.places.c.name).where(t.places.c.id == place).scalar_subquery()
            stmt = stmt.where(e.c.place_name == names)
        if organization is not None:
            stmt = stmt.where(_organization_events(e.c.id, organization))
        if q and q.strip():
            stmt = stmt.where(_text_events(e, q.strip()))
        order = self._order("events", sort, {"date": e.c.date_start, "id": e.c.id, "n_sources": e.c.n_sources,
                                             "kind": e.c.kind}, e.c.id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            ids = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).scalars().all()
            items = self._event_summaries(conn, ids)
        return Page(items=items, total=total, limit=limit, offset=offset)

    def _event_summaries(self, conn: Connection, ids: Sequence[int], *, order: bool = False) -> list[EventSummary]:
        if not ids:
            return []
        ids = list(ids)
        rows = {r.id: r for r in conn.execute(select(t.events).where(t.events.c.id.in_(ids)))}
        people: dict[int, list[int]] = defaultdict(list)
        for ev_id, pid in conn.execute(select(t.event_people.c.event_id, t.event_people.c.person_id)
                                       .where(t.event_people.c.event_id.in_(ids))):
            people[ev_id].append(pid)
        countries: dict[int, list[str]] = defaultdict(list)
        for ev_id, code in conn.execute(select(t.event_countries.c.event_id, t.event_countries.c.country)
                                        .where(t.event_countries.c.event_id.in_(ids))
                                        .order_by(t.event_countries.c.country)):
            countries[ev_id].append(code)
        names = self._names(conn, "person", [p for ps in people.values() for p in ps])
        out = []
        for i in ids:
            r = rows[i]
            parts = sorted((names[p] for p in people[i] if p in names), key=lambda ref: (ref.country or "", ref.name))
            out.append(EventSummary(id=r.id, kind=r.kind, label=r.label, date_start=r.date_start,
                                    date_end=r.date_end, date_precision=r.date_precision, place=r.place_name,
                                    place_country=r.place_country, countries=countries[i], participants=parts,
                                    n_sources=r.n_sources))
        if order:
            out.sort(key=lambda ev: (ev.date_start is None, ev.date_start or "", ev.id))
        return out

    def event(self, event_id: int) -> EventRecord:
        """One event with every document's report of it (kind, date and place as each source gave them)."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            summaries = self._event_summaries(conn, [event_id]) if conn.execute(
                select(t.events.c.id).where(t.events.c.id == event_id)).first() else []
            if not summaries:
                raise NotFound(f"no event {event_id} in {self.url}")
            de, dp = t.doc_events, t.doc_event_participants
            rows = conn.execute(select(de, t.documents.c.title, t.documents.c.published)
                                .join(t.documents, t.documents.c.id == de.c.doc_id)
                                .where(de.c.event_id == event_id)
                                .order_by(t.documents.c.published.asc().nulls_last(), de.c.doc_id,
                                          de.c.local_id)).all()
            parts: dict[tuple[str, str], list[str]] = defaultdict(list)
            names = {(r.doc_id, r.local_id): r.name for r in conn.execute(
                select(t.doc_people.c.doc_id, t.doc_people.c.local_id, t.doc_people.c.name)
                .where(t.doc_people.c.doc_id.in_({r.doc_id for r in rows})))}
            for r in conn.execute(select(dp).where(dp.c.doc_id.in_({r.doc_id for r in rows}))
                                  .order_by(dp.c.doc_id, dp.c.event_local_id, dp.c.seq)):
                parts[(r.doc_id, r.event_local_id)].append(
                    names.get((r.doc_id, r.person_local_id or ""), r.participant))
            sources = [EventSource(doc_id=r.doc_id, local_id=r.local_id, title=r.title, published=r.published,
                                   kind=r.kind, date_start=r.date_start, date_end=r.date_end, date_text=r.date_text,
                                   place=r.place_name, place_country=r.place_country, plover_type=r.plover_type,
                                   plover_mode=r.plover_mode, cameo=r.cameo, confidence=r.confidence,
                                   participants=parts[(r.doc_id, r.local_id)], evidence=_evidence(r))
                       for r in rows]
            links = self._links(conn, "event", event_id)
        return EventRecord(**summaries[0].model_dump(), sources=sources, links=links)

    # -- figures -----------------------------------------------------------------------------

    def _figure_stmt(self, *, measure: str | None = None, from_: str | None = None, to: str | None = None,
                     subject: str | None = None, unit: str | None = None, since: str | None = None,
                     until: str | None = None, doc_id: str | None = None) -> Select:
        f = t.figures
        stmt = (select(f, t.documents.c.published).join(t.documents, t.documents.c.id == f.c.doc_id))
        if measure:
            stmt = stmt.where(f.c.measure == measure)
        if from_:
            stmt = stmt.where(func.lower(f.c.from_name) == from_.lower())
        if to:
            stmt = stmt.where(func.lower(f.c.to_name) == to.lower())
        if subject:
            stmt = stmt.where(func.lower(f.c.subject) == subject.lower())
        if unit:
            stmt = stmt.where(f.c.unit == unit)
        if since:
            stmt = stmt.where(func.coalesce(f.c.period_end, f.c.period_start) + literal("~") >= since)
        if until:
            stmt = stmt.where(f.c.period_start <= _upper(until))
        if doc_id:
            stmt = stmt.where(f.c.doc_id == doc_id)
        return stmt.order_by(f.c.period_start.asc().nulls_last(), f.c.doc_id, f.c.seq)

    def figures(self, *, measure: str | None = None, from_: str | None = None, to: str | None = None,
                subject: str | None = None, unit: str | None = None, since: str | None = None,
                until: str | None = None, doc_id: str | None = None, limit: int = 50,
                offset: int = 0) -> Page[FigureRecord]:
        """Figures as each document stated them, in period order (names compared without case)."""
        limit, offset = _limit(limit, offset)
        stmt = self._figure_stmt(measure=measure, from_=from_, to=to, subject=subject, unit=unit, since=since,
                                 until=until, doc_id=doc_id)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.limit(limit).offset(offset)).all()
        return Page(items=[_figure_record(r) for r in rows], total=total, limit=limit, offset=offset)

    def figure_pairs(self, **filters: Any) -> list[tuple[str, Figure]]:
        """(document id, Figure) pairs for ``legation.report.series``; same filters as ``figures``, no paging."""
        stmt = self._figure_stmt(**filters)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            rows = conn.execute(stmt).all()
            stored: dict[str, list[dict]] = {}
            docs = sorted({r.doc_id for r in rows})
            for i in range(0, len(docs), 500):
                for d in conn.execute(select(t.documents.c.id, t.documents.c.extraction)
                                      .where(t.documents.c.id.in_(docs[i:i + 500]))):
                    stored[d.id] = json.loads(d.extraction).get("figures", [])
        out = []
        for r in rows:
            # the Figure exactly as extracted (fields added to the contract later included)
            figs = stored.get(r.doc_id, [])
            fig = Figure.model_validate(figs[r.seq]) if r.seq < len(figs) else _figure_model(r)
            out.append((r.doc_id, fig))
        return out

    # -- country pairs and document warnings ------------------------------------------------

    def country_pairs(self, *, country: str | None = None, limit: int = 100) -> list[PairSummary]:
        """Pairs of countries that meet in events, most events first (then by codes).

        :param country: only pairs that include this country (ISO alpha-2)
        """
        a, b, e = t.event_countries.alias("a"), t.event_countries.alias("b"), t.events
        encounter = func.sum(case((e.c.kind.in_(_ENCOUNTERS), 1), else_=0))
        n = func.count(e.c.id)
        stmt = (select(a.c.country.label("a"), b.c.country.label("b"), n.label("events"),
                       encounter.label("encounters"), func.min(e.c.date_start).label("first"),
                       func.max(func.coalesce(e.c.date_end, e.c.date_start)).label("last"))
                .select_from(a.join(b, (a.c.event_id == b.c.event_id) & (a.c.country < b.c.country))
                             .join(e, e.c.id == a.c.event_id))
                .group_by(a.c.country, b.c.country)
                .order_by(n.desc(), a.c.country, b.c.country)
                .limit(min(max(limit, 1), MAX_LIMIT)))
        if country:
            code = country.upper()
            stmt = stmt.where(or_(a.c.country == code, b.c.country == code))
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            rows = conn.execute(stmt).all()
        return [PairSummary(a=r.a, b=r.b, events=r.events, encounters=int(r.encounters or 0), first=r.first,
                            last=r.last) for r in rows]

    def warnings(self, *, kind: str | None = None, doc_id: str | None = None, limit: int = 50,
                 offset: int = 0) -> Page[WarningRecord]:
        """What the extractor flagged in documents, newest document first (then document id and order)."""
        limit, offset = _limit(limit, offset)
        w, d = t.doc_warnings, t.documents
        stmt = select(w, d.c.title, d.c.published).join(d, d.c.id == w.c.doc_id)
        if kind:
            stmt = stmt.where(w.c.kind == kind)
        if doc_id:
            stmt = stmt.where(w.c.doc_id == doc_id)
        order = [d.c.published.desc().nulls_last(), w.c.doc_id, w.c.seq]
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            total = self._count(conn, stmt)
            rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
        return Page(items=[WarningRecord(doc_id=r.doc_id, seq=r.seq, title=r.title, published=r.published,
                                         kind=r.kind, message=r.message, evidence=_evidence(r)) for r in rows],
                    total=total, limit=limit, offset=offset)

    # -- checks, decisions, search -----------------------------------------------------------

    def checks(self, *, kind: str | None = None) -> list[CheckRecord]:
        """Cross-source inconsistencies found by the last resolution, by kind."""
        stmt = select(t.findings).order_by(t.findings.c.kind, t.findings.c.key)
        if kind:
            stmt = stmt.where(t.findings.c.kind == kind)
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            rows = conn.execute(stmt).all()
            subjects = [json.loads(r.subjects) for r in rows]
            evidence = [json.loads(r.evidence) for r in rows]
            wanted: dict[str, set[int]] = defaultdict(set)
            for subs in subjects:
                for k, v in subs:
                    if k in _ENTITY_KINDS and isinstance(v, int):
                        wanted[k].add(v)
            refs = {k: self._names(conn, k, ids) for k, ids in wanted.items()}
            meta = self._docs_meta(conn, [e[0] for ev in evidence for e in ev])
            # findings about people name documents only: show the sentence that gives each their title
            titles: dict[tuple[str, int], list] = {}
            if wanted.get("person"):
                dt, dp = t.doc_titles, t.doc_people
                for row in conn.execute(
                        select(dt.c.doc_id, dp.c.person_id, dt.c.evidence_start, dt.c.evidence_end,
                               dt.c.evidence_text)
                        .join(dp, (dp.c.doc_id == dt.c.doc_id) & (dp.c.local_id == dt.c.person_local_id))
                        .where(dp.c.person_id.in_(sorted(wanted["person"])), dt.c.evidence_start.is_not(None))
                        .order_by(dt.c.doc_id, dt.c.person_local_id, dt.c.seq)):
                    titles.setdefault((row.doc_id, row.person_id), [row.evidence_start, row.evidence_end,
                                                                     row.evidence_text])
        out = []
        for r, subs, ev in zip(rows, subjects, evidence, strict=True):
            subj: list[EntityRef | str] = []
            for k, v in subs:
                ref = refs.get(k, {}).get(v) if isinstance(v, int) else None
                subj.append(ref if ref is not None else f"{k}:{v}")
            people = [v for k, v in subs if k == "person" and isinstance(v, int)]
            src = []
            for d, s, e, txt in ev:
                if s is None:
                    found = next((titles[(d, p)] for p in people if (d, p) in titles), None)
                    if found:
                        s, e, txt = found
                src.append(SourceRef(doc_id=d, title=meta.get(d, (None, None))[0],
                                     published=meta.get(d, (None, None))[1],
                                     evidence=Evidence(start=s, end=e, text=txt) if s is not None and e is not None
                                     else None))
            out.append(CheckRecord(key=r.key, kind=r.kind, message=r.message, subjects=subj, evidence=src))
        return out

    def decisions(self) -> list[DecisionRecord]:
        """The analyst's merges and splits, oldest first."""
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            rows = conn.execute(select(t.decisions).order_by(t.decisions.c.id)).all()
        return [DecisionRecord(id=r.id, action=r.action, kind=r.kind,
                               group_a=[tuple(a) for a in json.loads(r.group_a)],
                               group_b=[tuple(b) for b in json.loads(r.group_b)], note=r.note, created=r.created)
                for r in rows]

    def search(self, q: str, *, kinds: Sequence[str] | None = None, limit: int = 20) -> list[SearchHit]:
        """Entities and documents matching ``q``: names (folded), acronyms, event labels, document text.

        Up to ``limit`` hits of each kind asked for, grouped by kind (people, organizations, places,
        events, documents), the most documented first within a kind.
        """
        q = q.strip()
        if not q:
            return []
        valid = ("person", "organization", "place", "event", "document")
        kinds = list(kinds or valid)
        bad = [k for k in kinds if k not in valid]
        if bad:
            raise ConfigError(f"cannot search {', '.join(bad)}; valid kinds: {', '.join(valid)}")
        limit = min(max(limit, 1), MAX_LIMIT)
        key = _like(_rows.fold(q))
        hits: list[SearchHit] = []
        with database_errors(f"reading {self.url}"), self._connect() as conn:
            if "person" in kinds:
                for r in conn.execute(select(t.people).where(t.people.c.name_key.like(key, escape="\\"))
                                      .order_by(t.people.c.n_documents.desc(), t.people.c.id).limit(limit)):
                    hits.append(SearchHit(kind="person", id=r.id, label=r.name, snippet=r.title))
            if "organization" in kinds:
                o = t.organizations
                for r in conn.execute(select(o).where(or_(o.c.name_key.like(key, escape="\\"),
                                                          o.c.acronym == q.upper()))
                                      .order_by(o.c.n_documents.desc(), o.c.id).limit(limit)):
                    hits.append(SearchHit(kind="organization", id=r.id, label=r.name, snippet=r.acronym))
            if "place" in kinds:
                for r in conn.execute(select(t.places).where(t.places.c.name_key.like(key, escape="\\"))
                                      .order_by(t.places.c.n_documents.desc(), t.places.c.id).limit(limit)):
                    hits.append(SearchHit(kind="place", id=r.id, label=r.name, snippet=r.country))
            if "event" in kinds:
                for r in conn.execute(select(t.events).where(t.events.c.label.ilike(_like(q), escape="\\"))
                                      .order_by(t.events.c.date_start.asc().nulls_last(), t.events.c.id)
                                      .limit(limit)):
                    hits.append(SearchHit(kind="event", id=r.id, label=r.label, snippet=r.date_start))
            if "document" in kinds:
                d = t.documents
                for r in conn.execute(select(d.c.id, d.c.title, d.c.text)
                                      .where(or_(d.c.title.ilike(_like(q), escape="\\"),
                                                 d.c.text.ilike(_like(q), escape="\\")))
                                      .order_by(d.c.published.desc().nulls_last(), d.c.id).limit(limit)):
                    hits.append(SearchHit(kind="document", id=r.id, label=r.title or r.id,
                                          snippet=_snippet(r.text, q)))
        return hits

    # -- SQL ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Mapping[str, Any] | None = None, *, limit: int = 1000) -> QueryResult:
        """Run one SQL query on a read-only connection; writes are refused with ``StoreError``.

        SQLite opens the file with ``mode=ro`` and ``query_only``; PostgreSQL
        runs the query in a ``READ ONLY`` transaction.  Parameters are bound
        (``:name`` placeholders).
        """
        statement = sql.strip().rstrip(";").strip()
        if not statement:
            raise _query_error("empty SQL query")
        if _WRITE_WORDS.match(statement):
            raise _query_error("legation sql is read-only: only SELECT / WITH / EXPLAIN / VALUES / PRAGMA "
                             f"queries are allowed (refused: {statement.split()[0].upper()} ...)")
        engine = self._read_only_engine()
        shared = engine is self.engine and self.backend == "sqlite"  # an in-memory base: one connection
        try:
            with engine.connect() as conn:
                raw = conn.connection.dbapi_connection if shared else None
                if raw is not None:
                    conn.exec_driver_sql("SELECT 1")  # begin first: BEGIN IMMEDIATE is refused under query_only
                    raw.execute("PRAGMA query_only=ON")
                    raw.set_authorizer(_read_only_authorizer)
                if self.backend == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                try:
                    result = conn.execute(text(statement), dict(params or {}))
                    if not result.returns_rows:
                        return QueryResult(columns=[], rows=[])
                    columns = list(result.keys())
                    rows = result.fetchmany(limit + 1)
                finally:
                    if raw is not None:
                        raw.set_authorizer(None)
                    conn.rollback()
                    if raw is not None:
                        raw.execute("PRAGMA query_only=OFF")
        except sa_exc.DBAPIError as exc:
            message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            low = message.lower()
            if any(w in low for w in ("readonly", "read-only", "read only", "query_only", "not authorized")):
                raise _query_error(f"legation sql is read-only; the database refused a write ({message})") from exc
            raise _query_error(f"SQL error: {message}") from exc
        except sa_exc.SQLAlchemyError as exc:
            raise _query_error(f"SQL error: {exc}") from exc
        return QueryResult(columns=columns, rows=[[_plain(v) for v in r] for r in rows[:limit]],
                           truncated=len(rows) > limit)


def _organization_events(event_id: Any, organization: int) -> Any:
    """Events an organization acted in (participant, source or target actor in a source document), or in
    which someone who held a title in it took part."""
    de, do, dp = t.doc_events, t.doc_organizations, t.doc_event_participants
    as_actor = (select(de.c.event_id)
                .join(do, (do.c.doc_id == de.c.doc_id)
                      & or_(do.c.local_id == de.c.source_actor, do.c.local_id == de.c.target_actor))
                .where(do.c.organization_id == organization))
    as_participant = (select(de.c.event_id)
                      .join(dp, (dp.c.doc_id == de.c.doc_id) & (dp.c.event_local_id == de.c.local_id))
                      .join(do, (do.c.doc_id == dp.c.doc_id) & (do.c.local_id == dp.c.participant))
                      .where(do.c.organization_id == organization))
    holders = select(t.person_roles.c.person_id).where(t.person_roles.c.organization_id == organization)
    by_people = select(t.event_people.c.event_id).where(t.event_people.c.person_id.in_(holders))
    return or_(event_id.in_(as_actor), event_id.in_(as_participant), event_id.in_(by_people))


def _text_events(e: Any, q: str) -> Any:
    """Events whose label, kind or place contains ``q``, a participant's folded name contains it, or a
    source sentence does."""
    like, key = _like(q), _rows.fold(q)
    told = select(t.doc_events.c.event_id).where(t.doc_events.c.evidence_text.ilike(like, escape="\\"))
    tests = [e.c.label.ilike(like, escape="\\"), e.c.place_name.ilike(like, escape="\\"),
             e.c.kind == q.casefold(), e.c.id.in_(told)]
    if key:  # punctuation alone folds to nothing, which every name would contain
        tests.append(e.c.id.in_(select(t.event_people.c.event_id)
                                .join(t.people, t.people.c.id == t.event_people.c.person_id)
                                .where(t.people.c.name_key.like(_like(key), escape="\\"))))
    return or_(*tests)


# --------------------------------------------------------------------------- row -> record


def _query_error(message: str) -> StoreError:
    """A refused or failed user query: the client's mistake (http 400), not the server's."""
    error = StoreError(message)
    error.http_status = 400
    return error


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def _snippet(txt: str, q: str, width: int = 160) -> str:
    pos = txt.lower().find(q.lower())
    if pos < 0:
        return txt[:width]
    start = max(0, pos - width // 2)
    return ("…" if start else "") + txt[start:start + width].replace("\n", " ") + "…"


def _person_summary(r: Any) -> PersonSummary:
    return PersonSummary(id=r.id, name=r.name, country=r.country, title=r.title, aliases=json.loads(r.aliases),
                         n_documents=r.n_documents, first_seen=r.first_seen, last_seen=r.last_seen)


def _org_summary(r: Any) -> OrganizationSummary:
    return OrganizationSummary(id=r.id, name=r.name, acronym=r.acronym, country=r.country, kind=r.kind,
                               aliases=json.loads(r.aliases), n_documents=r.n_documents)


def _place_summary(r: Any) -> PlaceSummary:
    return PlaceSummary(id=r.id, name=r.name, kind=r.kind, country=r.country, aliases=json.loads(r.aliases),
                        n_documents=r.n_documents)


def _figure_record(r: Any) -> FigureRecord:
    return FigureRecord(doc_id=r.doc_id, seq=r.seq, published=r.published, measure=r.measure, subject=r.subject,
                        from_=r.from_name, to=r.to_name, value=r.value, unit=r.unit, period_start=r.period_start,
                        period_end=r.period_end, period_text=r.period_text, approximate=bool(r.approximate),
                        qualifier=r.qualifier, evidence=_evidence(r))


def _figure_model(r: Any) -> Figure:
    period = None
    if r.period_start is not None or r.period_end is not None or r.period_text is not None:
        period = {"start": r.period_start, "end": r.period_end, "text": r.period_text}
    return Figure.model_validate({"measure": r.measure, "subject": r.subject, "from": r.from_name, "to": r.to_name,
                                  "value": r.value, "unit": r.unit, "period": period,
                                  "approximate": bool(r.approximate), "qualifier": r.qualifier,
                                  "evidence": _evidence(r)})

