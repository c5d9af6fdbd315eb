"""``SQLStore``: the knowledge base on SQLite or PostgreSQL through SQLAlchemy Core.

One implementation for both backends: the schema uses portable types, and the
few dialect differences (pragmas, read-only connections, ``ILIKE``) live in
``engine.py`` and the query helpers.  This module holds the write side; the
read side is ``queries.QueryMixin``.

Crash safety: ``put`` writes a whole batch of documents in one transaction
(delete the old facts of a changed document, insert the new ones); a process
killed at any point leaves the database at the last commit, holding whole
documents only.  ``put`` also marks the knowledge base *stale*; resolution
(``write_resolution``) rewrites the resolved tables in one transaction and
clears the mark, so a crash between the two is repaired by the next run.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Engine

from legation.errors import NotFound, StoreError
from legation.models import Decision, EntityKind, Extraction, LocalRef, Resolution
from legation.store import _rows
from legation.store import tables as t
from legation.store.base import Outcome, ResolutionSummary, Stored
from legation.store.engine import database_errors, display, is_memory, make_engine, parse_url
from legation.store.migrate import upgrade
from legation.store.queries import QueryMixin
from legation.store.records import DecisionRecord

#: kind -> (entity table, document table, its entity-id column)
ENTITY_TABLES = {
    "person": (t.people, t.doc_people, "person_id"),
    "organization": (t.organizations, t.doc_organizations, "organization_id"),
    "place": (t.places, t.doc_places, "place_id"),
    "event": (t.events, t.doc_events, "event_id"),
}
_CHUNK = 500  # ids per IN (...) list
_WRITER_LOCK = 0x4C454741  # "LEGA": the PostgreSQL advisory lock key of the one writer


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class SQLStore(QueryMixin):
    """A knowledge base in a SQLite file, in memory, or in PostgreSQL.

    Opening migrates the schema to the newest revision.  Use as a context
    manager, or call ``close()``.
    """

    def __init__(self, db: str, *, migrate: bool = True) -> None:
        self._url = parse_url(db)
        self.url = display(self._url)
        self.backend = self._url.get_backend_name()
        self.engine: Engine = make_engine(self._url)
        self._ro_engine: Engine | None = None
        self.schema_revision: str | None = None
        if migrate:
            with database_errors(f"opening {self.url}"), self._write() as conn:
                self.schema_revision = upgrade(conn)

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()
        if self._ro_engine is not None:
            self._ro_engine.dispose()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLStore({self.url!r})"

    def _read_only_engine(self) -> Engine:
        """A separate engine whose connections cannot write (``legation sql``)."""
        if is_memory(self._url):
            return self.engine  # one shared connection; query() guards with query_only
        if self._ro_engine is None:
            self._ro_engine = make_engine(self._url, read_only=True)
        return self._ro_engine

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction, one writer at a time.

        SQLite serialises writers itself (``BEGIN IMMEDIATE``, see engine.py).
        On PostgreSQL a transaction-scoped advisory lock does it, so two
        ``legation ingest`` runs on one database queue instead of colliding
        on document order numbers or rewriting the resolution at once.
        """
        with self.engine.begin() as conn:
            if self.backend == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITER_LOCK})")
            yield conn

    # -- write: documents --------------------------------------------------------------------

    def content_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each known document among ``doc_ids``."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, str] = {}
        with database_errors(f"reading {self.url}"), self.engine.connect() as conn:
            for chunk in _chunks(ids):
                rows = conn.execute(select(t.documents.c.id, t.documents.c.content_hash)
                                    .where(t.documents.c.id.in_(chunk)))
                out.update({r.id: r.content_hash for r in rows})
        return out

    def put(self, extractions: Sequence[Extraction], *, hashes: Mapping[str, str] | None = None) -> list[Stored]:
        """Store a batch of documents in one transaction.

        A document whose content hash and facts are already stored is left
        alone (``UNCHANGED``); a known id with new content or new facts has
        its facts replaced (``REPLACED``, keeping its first-ingest order and
        time); a document that cannot be stored faithfully is ``REJECTED``
        with the reason, and the rest of the batch goes in.  Within a batch,
        the last version of an id wins.

        :param hashes: content hashes computed before extraction (by the
            pipeline, from the source document); default: from the extraction.
        """
        batch: dict[str, Extraction] = {}
        for ex in extractions:
            batch.pop(ex.id, None)
            batch[ex.id] = ex
        if not batch:
            return []
        hashes = hashes or {}
        now = _now()
        results: list[Stored] = []
        first_id = next(iter(batch))
        with database_errors(f"writing to {self.url}", doc_id=first_id if len(batch) == 1 else None), \
                self._write() as conn:
            known: dict[str, tuple[str, int, str]] = {}
            for chunk in _chunks(list(batch)):
                for r in conn.execute(select(t.documents.c.id, t.documents.c.content_hash, t.documents.c.seq,
                                             t.documents.c.ingested_at).where(t.documents.c.id.in_(chunk))):
                    known[r.id] = (r.content_hash, r.seq, r.ingested_at)
            # same content hash: unchanged only if the facts are the same too (a re-extraction with a
            # better model, `legation ingest --force`, replaces them)
            same_hash = [d for d, ex in batch.items() if d in known
                         and known[d][0] == (hashes.get(d) or _rows.extraction_hash(ex))]
            stored_json: dict[str, str] = {}
            for chunk in _chunks(same_hash):
                stored_json.update(conn.execute(select(t.documents.c.id, t.documents.c.extraction)
                                                .where(t.documents.c.id.in_(chunk))).all())
            next_seq = (conn.execute(select(func.max(t.documents.c.seq))).scalar() or 0) + 1
            doc_rows: list[dict] = []
            replaced: list[str] = []
            child_rows: dict[str, list[dict]] = {}
            for doc_id, ex in batch.items():
                digest = hashes.get(doc_id) or _rows.extraction_hash(ex)
                old = known.get(doc_id)
                as_json = _rows.extraction_json(ex)
                if old is not None and old[0] == digest and stored_json.get(doc_id) == as_json:
                    results.append(Stored(doc_id, Outcome.UNCHANGED))
                    continue
                problem = _rows.problems(ex)
                if problem is not None:
                    results.append(Stored(doc_id, Outcome.REJECTED, problem))
                    continue
                if old is None:
                    seq, ingested_at, outcome = next_seq, now, Outcome.ADDED
                    next_seq += 1
                else:
                    seq, ingested_at, outcome = old[1], old[2], Outcome.REPLACED
                    replaced.append(doc_id)
                doc_rows.append(_rows.document_row(ex, digest=digest, as_json=as_json, seq=seq, now=now,
                                                   ingested_at=ingested_at))
                for table, rows in _rows.rows_for(ex, as_json=as_json, now=now).items():
                    child_rows.setdefault(table, []).extend(rows)
                results.append(Stored(doc_id, outcome))
            if not doc_rows:
                return results
            if self.backend == "postgresql":
                doc_rows = [{k: _rows.without_nul(v) for k, v in r.items()} for r in doc_rows]
                child_rows = {name: [{k: _rows.without_nul(v) for k, v in r.items()} for r in rows]
                              for name, rows in child_rows.items()}
            for chunk in _chunks(replaced):
                for table in t.DOCUMENT_TABLES:
                    conn.execute(delete(table).where(table.c.doc_id.in_(chunk)))
                conn.execute(delete(t.documents).where(t.documents.c.id.in_(chunk)))
            _insert_many(conn, t.documents, doc_rows)
            for table in reversed(t.DOCUMENT_TABLES):
                _insert_many(conn, table, child_rows.get(table.name, []))
            self._set_state(conn, "stale", "1")
        return results

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and its facts (resolution runs again on the next ingest)."""
        with database_errors(f"writing to {self.url}", doc_id=doc_id), self._write() as conn:
            for table in t.DOCUMENT_TABLES:
                conn.execute(delete(table).where(table.c.doc_id == doc_id))
            gone = conn.execute(delete(t.documents).where(t.documents.c.id == doc_id)).rowcount
            if not gone:
                raise NotFound(f"no document {doc_id!r} in {self.url}", doc_id=doc_id)
            self._set_state(conn, "stale", "1")

    def facts(self) -> Iterator[Extraction]:
        """Every stored document's Extraction, without its text, in ingest order (for resolution)."""
        with database_errors(f"reading {self.url}"), self.engine.connect() as conn:
            result = conn.execute(select(t.documents.c.extraction).order_by(t.documents.c.seq)
                                  .execution_options(yield_per=500))
            for row in result:
                yield Extraction.model_validate_json(row.extraction)

    # -- state -------------------------------------------------------------------------------

    @staticmethod
    def _set_state(conn: Connection, key: str, value: str | None) -> None:
        done = conn.execute(update(t.kb_state).where(t.kb_state.c.key == key).values(value=value)).rowcount
        if not done:
            conn.execute(insert(t.kb_state).values(key=key, value=value))

    def _state(self, conn: Connection, key: str) -> str | None:
        return conn.execute(select(t.kb_state.c.value).where(t.kb_state.c.key == key)).scalar()

    def stale(self) -> bool:
        """True when documents changed since the last resolution."""
        return self.state("stale") == "1"

    def state(self, key: str) -> str | None:
        """A value of the knowledge base's own bookkeeping: ``stale``, ``resolved_at``, ``resolver`` (the
        fingerprint of the resolver that made the stored identities)."""
        with database_errors(f"reading {self.url}"), self.engine.connect() as conn:
            return self._state(conn, key)

    # -- write: resolution -------------------------------------------------------------------

    def update_resolution(self, compute: Callable[[Iterable[Extraction], Sequence[Decision]], Resolution]
                          ) -> ResolutionSummary:
        """Recompute the resolution from the stored facts and decisions and write it, in one transaction.

        ``compute`` (``legation.resolve.resolve``) sees the facts and
        decisions of the same snapshot that the result replaces, under the
        writer lock: a document stored by another process meanwhile waits
        and marks the store stale after, instead of being lost between a
        read and a write.
        """
        with database_errors(f"resolving {self.url}"), self._write() as conn:
            rows = conn.execute(select(t.documents.c.extraction).order_by(t.documents.c.seq)
                                .execution_options(yield_per=500))  # per statement: the options of a
            # Connection are changed in place and would make every later statement a server-side cursor
            facts = (Extraction.model_validate_json(row.extraction) for row in rows)
            decisions = [Decision(action=r.action, kind=r.kind, group_a=[tuple(a) for a in json.loads(r.group_a)],
                                  group_b=[tuple(b) for b in json.loads(r.group_b)], note=r.note, id=r.id,
                                  created=r.created)
                         for r in conn.execute(select(t.decisions).order_by(t.decisions.c.id)).all()]
            resolution = compute(facts, decisions)
            return self._write_resolution(conn, resolution)

    def write_resolution(self, resolution: Resolution) -> ResolutionSummary:
        """Replace the resolved tables with ``resolution``, in one transaction.

        Entity ids are kept stable: each new cluster takes the id that most of
        its members had before (largest clusters choose first); clusters with
        no previous id get new ones.  Document rows get their entity ids.
        Prefer ``update_resolution``, which reads and writes in one transaction.
        """
        with database_errors(f"writing the resolution to {self.url}"), self._write() as conn:
            return self._write_resolution(conn, resolution)

    def _write_resolution(self, conn: Connection, resolution: Resolution) -> ResolutionSummary:
        changed = 0
        ids: dict[str, list[int]] = {}
        for kind, (_table, doc_table, column) in ENTITY_TABLES.items():
            clusters = resolution.clusters.get(kind, [])
            old = {(r.doc_id, r.local_id): getattr(r, column) for r in conn.execute(
                select(doc_table.c.doc_id, doc_table.c.local_id, doc_table.c[column]))}
            # never reuse an id that once named another entity: keep a high-water mark
            floor = int(self._state(conn, f"max_id:{kind}") or 0)
            assigned = _stable_ids([c.members for c in clusters], old, floor=floor)
            ids[kind] = assigned
            if assigned and max(assigned) > floor:
                self._set_state(conn, f"max_id:{kind}", str(max(assigned)))
            updates = []
            for cluster, eid in zip(clusters, assigned, strict=True):
                for member in cluster.members:
                    if member in old and old[member] != eid:
                        updates.append({"b_doc": member[0], "b_local": member[1], "b_id": eid})
            members = {m for c in clusters for m in c.members}
            for member, eid in old.items():
                if eid is not None and member not in members:
                    updates.append({"b_doc": member[0], "b_local": member[1], "b_id": None})
            if updates:
                stmt = (update(doc_table).where(doc_table.c.doc_id == bindparam("b_doc"),
                                                doc_table.c.local_id == bindparam("b_local"))
                        .values({column: bindparam("b_id")}))
                compiled = stmt.compile(dialect=conn.dialect)
                params = ([tuple(u[k] for k in compiled.positiontup or []) for u in updates]
                          if compiled.positional else updates)
                conn.exec_driver_sql(compiled.string, params)
                changed += len(updates)
        for table in t.RESOLVED_TABLES:
            conn.execute(delete(table))
        self._insert_entities(conn, resolution, ids)
        self._set_state(conn, "stale", "0")
        self._set_state(conn, "resolved_at", _now())
        self._set_state(conn, "resolver", resolution.version)
        c = resolution.clusters
        return ResolutionSummary(people=len(c.get("person", [])), organizations=len(c.get("organization", [])),
                                 places=len(c.get("place", [])), events=len(c.get("event", [])),
                                 links=len(resolution.links), findings=len(resolution.findings),
                                 changed_rows=changed)

    def _insert_entities(self, conn: Connection, res: Resolution, ids: dict[str, list[int]]) -> None:
        people, orgs, places, events = (res.clusters.get(k, []) for k in ("person", "organization", "place",
                                                                          "event"))
        pid, oid, lid, eid = ids["person"], ids["organization"], ids["place"], ids["event"]
        n_docs = [len({m[0] for m in c.members}) for c in people]
        latest_title: dict[int, tuple[str, str]] = {}
        for spell in res.roles:
            key = (spell.last_seen or "", spell.title)
            if spell.qualifier is None and key >= latest_title.get(spell.person, ("", "")):
                latest_title[spell.person] = key
        rows = [{"id": pid[i], "name": c.name, "name_key": _rows.name_key(c.name), "country": c.country,
                 "aliases": json.dumps(c.attrs.get("aliases", []), ensure_ascii=False),
                 "title": latest_title.get(i, (None, None))[1], "n_documents": n_docs[i],
                 "first_seen": c.attrs.get("first_seen"), "last_seen": c.attrs.get("last_seen")}
                for i, c in enumerate(people)]
        _insert_many(conn, t.people, rows)
        rows = [{"id": oid[i], "name": c.name, "name_key": _rows.name_key(c.name), "acronym": c.attrs.get("acronym"),
                 "country": c.country, "kind": c.attrs.get("kind"),
                 "aliases": json.dumps(c.attrs.get("aliases", []), ensure_ascii=False),
                 "n_documents": len({m[0] for m in c.members})} for i, c in enumerate(orgs)]
        _insert_many(conn, t.organizations, rows)
        rows = [{"id": lid[i], "name": c.name, "name_key": _rows.name_key(c.name), "kind": c.attrs.get("kind"),
                 "country": c.country, "aliases": json.dumps(c.attrs.get("aliases", []), ensure_ascii=False),
                 "n_documents": len({m[0] for m in c.members})} for i, c in enumerate(places)]
        _insert_many(conn, t.places, rows)
        rows, ep, ec = [], [], []
        for i, c in enumerate(events):
            a = c.attrs
            rows.append({"id": eid[i], "kind": a.get("kind") or "event", "label": c.name,
                         "date_start": a.get("date_start"), "date_end": a.get("date_end"),
                         "date_precision": a.get("precision"), "place_name": a.get("place"),
                         "place_country": a.get("place_country") or c.country,
                         "n_sources": len({m[0] for m in c.members})})
            ep.extend({"event_id": eid[i], "person_id": pid[p]} for p in sorted(set(a.get("people", []))))
            ec.extend({"event_id": eid[i], "country": k} for k in sorted(set(a.get("countries", []))))
        _insert_many(conn, t.events, rows)
        _insert_many(conn, t.event_people, ep)
        _insert_many(conn, t.event_countries, ec)
        seqs: Counter[int] = Counter()
        rows = []
        for spell in res.roles:
            person = pid[spell.person]
            rows.append({"person_id": person, "seq": seqs[person], "role": spell.role, "title": spell.title,
                         "organization_id": oid[spell.organization] if spell.organization is not None else None,
                         "organization_name": spell.organization_name, "qualifier": spell.qualifier,
                         "first_seen": spell.first_seen, "last_seen": spell.last_seen,
                         "sources": json.dumps([list(s) for s in spell.sources], ensure_ascii=False)})
            seqs[person] += 1
        _insert_many(conn, t.person_roles, rows)
        member_entity: dict[tuple[str, LocalRef], int] = {}
        for kind, clusters in res.clusters.items():
            for i, c in enumerate(clusters):
                for m in c.members:
                    member_entity[(kind, m)] = ids[kind][i]
        seen_links = set()
        rows = []
        for link in res.links:
            key = (link.kind, *link.a, *link.b)
            entity = member_entity.get((link.kind, link.a))
            if key in seen_links or entity is None:
                continue
            seen_links.add(key)
            rows.append({"kind": link.kind, "entity_id": entity, "doc_a": link.a[0], "local_a": link.a[1],
                         "doc_b": link.b[0], "local_b": link.b[1], "rule": link.rule, "evidence": link.evidence})
        _insert_many(conn, t.links, rows)
        rows, seen = [], set()
        for f in res.findings:
            if f.key in seen:
                continue
            seen.add(f.key)
            subjects = [[k, ids[k][s] if k in ids and isinstance(s, int) else s] for k, s in f.subjects]
            rows.append({"key": f.key, "kind": f.kind, "message": f.message,
                         "subjects": json.dumps(subjects, ensure_ascii=False),
                         "evidence": json.dumps([list(e) for e in f.evidence], ensure_ascii=False)})
        _insert_many(conn, t.findings, rows)

    # -- decisions ---------------------------------------------------------------------------

    def add_decision(self, decision: Decision) -> DecisionRecord:
        """Record an analyst's merge or split; it applies from the next resolution on."""
        if decision.action not in ("merge", "split"):
            raise StoreError(f"decision action {decision.action!r}; valid: merge, split")
        if not decision.group_a or not decision.group_b:
            raise StoreError("a decision needs records on both sides")
        created = _now()
        with database_errors(f"writing to {self.url}"), self._write() as conn:
            new_id = conn.execute(insert(t.decisions).values(
                action=decision.action, kind=decision.kind,
                group_a=json.dumps([list(a) for a in decision.group_a], ensure_ascii=False),
                group_b=json.dumps([list(b) for b in decision.group_b], ensure_ascii=False),
                note=decision.note, created=created).returning(t.decisions.c.id)).scalar_one()
            self._set_state(conn, "stale", "1")
        return DecisionRecord(id=new_id, action=decision.action, kind=decision.kind,
                              group_a=[tuple(a) for a in decision.group_a],
                              group_b=[tuple(b) for b in decision.group_b], note=decision.note, created=created)

    def remove_decision(self, decision_id: int) -> None:
        with database_errors(f"writing to {self.url}"), self._write() as conn:
            if not conn.execute(delete(t.decisions).where(t.decisions.c.id == decision_id)).rowcount:
                raise NotFound(f"no decision {decision_id} in {self.url}")
            self._set_state(conn, "stale", "1")

    def decision_models(self) -> list[Decision]:
        """The analyst's decisions as models, oldest first (input to resolution)."""
        return [Decision(action=d.action, kind=d.kind, group_a=list(d.group_a), group_b=list(d.group_b),
                         note=d.note, id=d.id, created=d.created) for d in self.decisions()]

    def anchors(self, kind: EntityKind, entity_id: int) -> list[tuple[LocalRef, str]]:
        """The records of one entity: ((doc_id, local_id), name as written), for decisions."""
        if kind not in ENTITY_TABLES:
            raise StoreError(f"unknown entity kind {kind!r}; valid: {', '.join(ENTITY_TABLES)}")
        _table, doc_table, column = ENTITY_TABLES[kind]
        label = doc_table.c.kind if kind == "event" else doc_table.c.name
        with database_errors(f"reading {self.url}"), self.engine.connect() as conn:
            rows = conn.execute(select(doc_table.c.doc_id, doc_table.c.local_id, label.label("label"))
                                .where(doc_table.c[column] == entity_id)
                                .order_by(doc_table.c.doc_id, doc_table.c.local_id)).all()
        if not rows:
            raise NotFound(f"no {kind} {entity_id} in {self.url}")
        return [((r.doc_id, r.local_id), r.label) for r in rows]


def _insert_many(conn: Connection, table: Any, rows: list[dict]) -> None:
    """Insert rows (all with the same keys) through the driver's executemany, compiled once.

    Why not ``conn.execute(insert(table), rows)``: SQLAlchemy then processes
    every row's parameters in Python, a third of the time of a batch; the
    values here are plain str/int/float/bool/None that need no processing.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        # COPY: one stream instead of a message per row (three times faster than a pipelined executemany)
        columns = list(rows[0])
        raw = conn.connection.driver_connection
        names = ", ".join(f'"{c}"' for c in columns)
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for r in rows:
                copy.write_row(tuple(r[c] for c in columns))
        return
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(rows[0]))
    if compiled.positional:
        order = compiled.positiontup or []
        params: list = [tuple(r[k] for k in order) for r in rows]
    else:
        params = rows
    conn.exec_driver_sql(compiled.string, params)


def _stable_ids(clusters: list[list[LocalRef]], old: Mapping[LocalRef, int | None], *, floor: int = 0) -> list[int]:
    """An id for each cluster: the previous id most of its members had, else a new one."""
    taken: set[int] = set()
    out: list[int | None] = [None] * len(clusters)
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i]), i))
    for i in order:
        votes = Counter(old[m] for m in clusters[i] if old.get(m) is not None)
        for eid, _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if eid not in taken:
                out[i] = eid
                taken.add(eid)
                break
    next_id = max([*(v for v in old.values() if v is not None), *taken, floor]) + 1
    for i in range(len(clusters)):
        if out[i] is None:
            out[i] = next_id
            next_id += 1
    return [int(x) for x in out]  # type: ignore[arg-type]
