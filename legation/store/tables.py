"""The knowledge-base schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Two kinds of tables:

* **document facts** (``documents`` and the ``doc_*`` tables, ``figures``,
  ``acronyms``, ``warnings``): what one article said, with provenance
  (document, character offsets, evidence sentence).  A document and its facts
  are written and replaced together in one transaction, so the database never
  holds half a document.  ``documents.extraction`` keeps the whole contract
  object (without the text, which has its own column) so a document reads back
  exactly as it was stored, including fields added to the contract later.
* **resolved entities** (``people``, ``organizations``, ``places``, ``events``
  and their link tables, ``links``, ``findings``): identity across documents,
  recomputed by ``legation.resolve`` after each ingest; ``decisions`` holds the
  analyst's merges and splits, which survive re-ingest because they name
  records by (document id, name as written).

Strings are TEXT everywhere (PostgreSQL would refuse a VARCHAR overflow from
an unexpected input; SQLite ignores lengths anyway).  Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) because the
contract's dates carry their precision in their length; they sort correctly as
text.  Lists that are only ever read whole (aliases, mention offsets) are JSON
text.  The migrations in ``legation/store/migrations/versions`` create exactly
this schema; ``tests/store/test_migrations.py`` checks that they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

#: the Alembic version table (STYLE rule 12: migrations are recorded).
VERSION_TABLE = "_legation_migrations"

metadata = MetaData()

# 53 bits of mantissa: REAL on SQLite, DOUBLE PRECISION on PostgreSQL, so floats round-trip exactly.
Double = Float(precision=53)


def _evidence() -> list[Column]:
    return [Column("evidence_start", Integer), Column("evidence_end", Integer), Column("evidence_text", Text)]


def _doc_fk() -> Column:
    return Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


# --------------------------------------------------------------------------- documents and their facts

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # order of first ingest; stable across re-ingest
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("published", Text),
    Column("published_basis", Text),
    Column("content_hash", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("extraction", Text, nullable=False),  # the contract JSON without "text"
    Column("n_people", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_figures", Integer, nullable=False, default=0),
    Column("ingested_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)
Index("ix_documents_published", documents.c.published, documents.c.id)

doc_people = Table(
    "doc_people", metadata,
    _doc_fk(),
    Column("local_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),  # casefolded, accents and honorifics removed
    Column("country", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("mentions", Text, nullable=False, default="[]"),
    *_evidence(),
    Column("person_id", Integer),
)
Index("ix_doc_people_person", doc_people.c.person_id)
Index("ix_doc_people_name_key", doc_people.c.name_key)

doc_titles = Table(
    "doc_titles", metadata,
    _doc_fk(),
    Column("person_local_id", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("role", Text),
    Column("organization_local_id", Text),
    Column("organization_name", Text),
    Column("qualifier", Text),
    Column("as_of", Text),  # the date the article shows this title held
    *_evidence(),
)

doc_organizations = Table(
    "doc_organizations", metadata,
    _doc_fk(),
    Column("local_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("acronym", Text),
    Column("country", Text),
    Column("kind", Text),
    Column("mentions", Text, nullable=False, default="[]"),
    *_evidence(),
    Column("organization_id", Integer),
)
Index("ix_doc_organizations_entity", doc_organizations.c.organization_id)

doc_places = Table(
    "doc_places", metadata,
    _doc_fk(),
    Column("local_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("kind", Text),
    Column("country", Text),
    Column("mentions", Text, nullable=False, default="[]"),
    *_evidence(),
    Column("place_id", Integer),
)
Index("ix_doc_places_entity", doc_places.c.place_id)

doc_events = Table(
    "doc_events", metadata,
    _doc_fk(),
    Column("local_id", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("cameo", Text),
    Column("date_start", Text),
    Column("date_end", Text),
    Column("date_precision", Text),
    Column("date_text", Text),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("source_actor", Text),
    Column("target_actor", Text),
    Column("source_country", Text),
    Column("target_country", Text),
    Column("status", Text),
    Column("topics", Text, nullable=False, default="[]"),
    Column("confidence", Double),
    *_evidence(),
    Column("event_id", Integer),
)
Index("ix_doc_events_entity", doc_events.c.event_id)

doc_event_participants = Table(
    "doc_event_participants", metadata,
    _doc_fk(),
    Column("event_local_id", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("participant", Text, nullable=False),  # as the contract gives it: a person id or a name
    Column("person_local_id", Text),  # the doc_people record it names, when it names one
)

figures = Table(
    "figures", metadata,
    _doc_fk(),
    Column("seq", Integer, primary_key=True),
    Column("measure", Text, nullable=False),
    Column("subject", Text),
    Column("from_name", Text),
    Column("to_name", Text),
    Column("value", Double, nullable=False),
    Column("unit", Text, nullable=False),
    Column("period_start", Text),
    Column("period_end", Text),
    Column("period_text", Text),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("qualifier", Text),
    *_evidence(),
)
Index("ix_figures_flow", figures.c.measure, figures.c.from_name, figures.c.to_name)

acronyms = Table(
    "acronyms", metadata,
    _doc_fk(),
    Column("seq", Integer, primary_key=True),
    Column("short", Text, nullable=False),
    Column("long", Text, nullable=False),
    Column("defined_in_text", Boolean, nullable=False, default=False),
)
Index("ix_acronyms_short", acronyms.c.short)

doc_warnings = Table(
    "warnings", metadata,
    _doc_fk(),
    Column("seq", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("message", Text, nullable=False),
    *_evidence(),
)

# --------------------------------------------------------------------------- resolved entities

people = Table(
    "people", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("country", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("title", Text),  # the latest title an article gave
    Column("n_documents", Integer, nullable=False, default=0),
    Column("first_seen", Text),
    Column("last_seen", Text),
)
Index("ix_people_name_key", people.c.name_key, people.c.id)

organizations = Table(
    "organizations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("acronym", Text),
    Column("country", Text),
    Column("kind", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("n_documents", Integer, nullable=False, default=0),
)
Index("ix_organizations_name_key", organizations.c.name_key, organizations.c.id)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("kind", Text),
    Column("country", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("n_documents", Integer, nullable=False, default=0),
)
Index("ix_places_name_key", places.c.name_key, places.c.id)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("date_start", Text),
    Column("date_end", Text),
    Column("date_precision", Text),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("n_sources", Integer, nullable=False, default=0),
)
Index("ix_events_date", events.c.date_start, events.c.id)

event_people = Table(
    "event_people", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_event_people_person", event_people.c.person_id)

event_countries = Table(
    "event_countries", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("country", Text, primary_key=True),
)
Index("ix_event_countries_country", event_countries.c.country)

person_roles = Table(
    "person_roles", metadata,
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("role", Text),
    Column("title", Text, nullable=False),
    Column("organization_id", Integer),
    Column("organization_name", Text),
    Column("qualifier", Text),
    Column("first_seen", Text),
    Column("last_seen", Text),
    Column("sources", Text, nullable=False, default="[]"),  # [[doc_id, date], ...]
)

links = Table(
    "links", metadata,
    Column("kind", Text, primary_key=True),
    Column("doc_a", Text, primary_key=True),
    Column("local_a", Text, primary_key=True),
    Column("doc_b", Text, primary_key=True),
    Column("local_b", Text, primary_key=True),
    Column("entity_id", Integer, nullable=False),
    Column("rule", Text, nullable=False),
    Column("evidence", Text, nullable=False),
)
Index("ix_links_entity", links.c.kind, links.c.entity_id)

findings = Table(
    "findings", metadata,
    Column("key", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("subjects", Text, nullable=False, default="[]"),  # [[kind, entity id or "doc#n"], ...]
    Column("evidence", Text, nullable=False, default="[]"),  # [[doc_id, start, end, text], ...]
)
Index("ix_findings_kind", findings.c.kind, findings.c.key)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("group_a", Text, nullable=False),
    Column("group_b", Text, nullable=False),
    Column("note", Text),
    Column("created", Text, nullable=False),
)

kb_state = Table(
    "kb_state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text),
)

#: tables replaced when a document changes (children of ``documents``), in delete order.
DOCUMENT_TABLES = (doc_event_participants, doc_events, doc_titles, doc_people, doc_organizations, doc_places,
                   figures, acronyms, doc_warnings)
#: tables rebuilt by a resolution.
RESOLVED_TABLES = (event_people, event_countries, person_roles, links, findings, events, people,
                   organizations, places)

