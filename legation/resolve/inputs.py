"""Document records, flattened from ``Extraction``s, that resolution works on.

One record per person, organization, place and event of each document, with
what the rules need precomputed (folded name tokens, name culture, the date
the document shows the record at).  Pure Python on ``legation.models``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from legation.models import Extraction, Figure, Title, Warning
from legation.resolve.names import culture, fold, looks_like_acronym, name_tokens, org_key, place_key

ENCOUNTERS = frozenset({"meeting", "talks", "reception", "visit", "call", "signing"})


@dataclass(slots=True)
class PersonRec:
    doc: str
    local: str
    name: str
    tokens: tuple[str, ...]
    culture: str
    country: str | None
    date: str | None  # the date the document shows the person at (event date, else publication)
    titles: list[Title]
    anchor: tuple[str, str]
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OrgRec:
    doc: str
    local: str
    name: str
    key: str
    acronym: str | None
    is_acronym: bool  # the name itself is only an acronym
    country: str | None
    kind: str | None
    anchor: tuple[str, str]


@dataclass(slots=True)
class PlaceRec:
    doc: str
    local: str
    name: str
    key: str
    kind: str | None
    country: str | None
    anchor: tuple[str, str]


@dataclass(slots=True)
class EventRec:
    doc: str
    local: str
    kind: str
    date_start: str | None
    date_end: str | None
    precision: str | None
    place: str | None
    place_country: str | None
    people: list[int]  # person record indexes
    countries: set[str]
    published: str | None
    evidence: tuple[int | None, int | None, str]
    anchor: tuple[str, str]


@dataclass(slots=True)
class Records:
    people: list[PersonRec] = field(default_factory=list)
    organizations: list[OrgRec] = field(default_factory=list)
    places: list[PlaceRec] = field(default_factory=list)
    events: list[EventRec] = field(default_factory=list)
    figures: list[tuple[str, int, Figure]] = field(default_factory=list)  # (doc, position, figure)
    warnings: list[tuple[str, int, Warning]] = field(default_factory=list)
    person_index: dict[tuple[str, str], int] = field(default_factory=dict)
    org_index: dict[tuple[str, str], int] = field(default_factory=dict)
    acronyms: dict[str, dict[str, str]] = field(default_factory=dict)  # doc -> short -> long


#: an encounter this many days or fewer before publication dates the titles the article gives
RECENT_DAYS = 31


def _bounds(value: str) -> tuple[date, date] | None:
    """First and last day an ISO date of any precision can stand for."""
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _recent(start: str, published: str | None) -> bool:
    """The encounter may have happened within ``RECENT_DAYS`` before publication."""
    when, pub = _bounds(start), _bounds(published) if published else None
    if when is None or pub is None:
        return pub is None
    return when[1] >= pub[0] - timedelta(days=RECENT_DAYS) and when[0] <= pub[1]


def _person_dates(ex: Extraction) -> dict[str, str]:
    """For each person, the date the article shows them at: the latest encounter they took part in,
    when it is recent (within ``RECENT_DAYS`` before publication); else the publication date.

    Why: titles are written as of the article ("Minister Rosa Quispe, who as vice minister met ..."),
    but a report of yesterday's meeting dates the titles to the meeting ("as of 2024-08-22").
    """
    out: dict[str, str] = {}
    by_name = {fold(p.name): p.id for p in ex.people}
    for ev in ex.events:
        if ev.kind not in ENCOUNTERS or ev.date is None or not ev.date.start:
            continue
        start = ev.date.start
        if ex.published and start[:len(ex.published)] > ex.published:
            continue
        for who in ev.participants:
            pid = who if any(p.id == who for p in ex.people) else by_name.get(fold(who))
            if pid and start > out.get(pid, "") and _recent(start, ex.published):
                out[pid] = start
    return out


@dataclass(slots=True)
class _Doc:
    """One document's records, before they get their place in the whole (small: no text, no models)."""

    people: list[PersonRec]
    orgs: list[OrgRec]
    places: list[PlaceRec]
    events: list[tuple[EventRec, list[int]]]  # with the positions of its people in ``people``
    acronyms: dict[str, str]
    figures: list[Figure]
    warnings: list[Warning]


def _slim(ex: Extraction) -> _Doc:
    dates = _person_dates(ex)
    people, by_name, position = [], {}, {}
    for n, p in enumerate(ex.people):
        tokens = name_tokens(p.name) or tuple(fold(p.name).split())
        by_name.setdefault(fold(p.name), n)
        position[p.id] = n
        people.append(PersonRec(ex.id, p.id, p.name, tokens, culture(tokens, p.country), p.country,
                                dates.get(p.id, ex.published), list(p.titles), (ex.id, fold(p.name)),
                                list(p.aliases)))
    events = []
    for ev in ex.events:
        local: list[int] = []
        for who in ev.participants:
            n = position.get(who, by_name.get(fold(who)))
            if n is not None and n not in local:
                local.append(n)
        countries = {c for c in (ev.source_country, ev.target_country) if c}
        if ev.place and ev.place.country:
            countries.add(ev.place.country)
        date = ev.date
        evidence = (ev.evidence.start, ev.evidence.end, ev.evidence.text) if ev.evidence else (None, None, "")
        events.append((EventRec(ex.id, ev.id, ev.kind, date.start if date else None, date.end if date else None,
                                date.precision if date else None, ev.place.name if ev.place else None,
                                ev.place.country if ev.place else None, [], countries, ex.published, evidence,
                                (ex.id, ev.id)), local))
    orgs = [OrgRec(ex.id, o.id, o.name, org_key(o.name), o.acronym, looks_like_acronym(o.name), o.country, o.kind,
                   (ex.id, fold(o.name))) for o in ex.organizations]
    places = [PlaceRec(ex.id, pl.id, pl.name, place_key(pl.name), pl.kind, pl.country, (ex.id, fold(pl.name)))
              for pl in ex.places]
    return _Doc(people, orgs, places, events, {a.short: a.long for a in ex.acronyms}, list(ex.figures),
                list(ex.warnings))


def flatten(extractions: Iterable[Extraction]) -> Records:
    """Every document's people, organizations, places and events as records, in document-id order.

    The extractions are consumed one by one and not kept (a large knowledge base streams through
    here); the order of the input does not matter, and for an id given twice the last one counts.
    """
    docs: dict[str, _Doc] = {}
    for ex in extractions:
        docs[ex.id] = _slim(ex)
    recs = Records()
    for doc_id in sorted(docs):
        d = docs.pop(doc_id)
        recs.acronyms[doc_id] = d.acronyms
        for o in d.orgs:
            recs.org_index[(doc_id, o.local)] = len(recs.organizations)
            recs.organizations.append(o)
        recs.places.extend(d.places)
        base = len(recs.people)
        for n, p in enumerate(d.people):
            recs.person_index[(doc_id, p.local)] = base + n
        recs.people.extend(d.people)
        for ev, local in d.events:
            ev.people = [base + n for n in local]
            recs.events.append(ev)
        recs.figures.extend((doc_id, n, f) for n, f in enumerate(d.figures))
        recs.warnings.extend((doc_id, n, w) for n, w in enumerate(d.warnings))
    return recs
