"""What each page shows, gathered from the store: one function per page, returning the template's context.

Kept apart from the routes (``views.py``) so that the pages' content is plain
Python over the store's read API: the same records the JSON API returns,
arranged for reading.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from typing import Any

from legation.errors import NotFound
from legation.models import Extraction
from legation.report.relations import ENCOUNTERS, relations
from legation.report.series import SeriesPoint
from legation.report.summary import format_period, format_value
from legation.store import MAX_LIMIT, Store
from legation.store.records import DocumentRecord, EntityRef, EventSummary
from legation.web import charts
from legation.web.highlight import Fact, Mention, Tag, anchor_id, highlight
from legation.web.templating import country_name, dates, document_url, entity_url, kind_label, query

PAIR = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
#: a page lists at most this many events (the latest), people per side, figures per series; the rest are a
#: link away (the events list, the people list, the JSON API), so a decade of news stays a readable page
LISTED, SIDES = 200, 40


def entity_id(raw: str, kind: str) -> int:
    """A page's id from its address; anything but a positive integer names no page."""
    if not raw.isdigit() or int(raw) < 1:
        raise NotFound(f"no {kind} {raw!r}: ids are positive integers")
    return int(raw)


def _point_href(p: SeriesPoint) -> str:
    return document_url(p.document, at=p.evidence) if p.evidence is not None else document_url(p.document)


def _event_label(e: EventSummary) -> str:
    who = ", ".join(p.name for p in e.participants) or "no named participants"
    where = f" in {e.place}" if e.place else ""
    return f"{dates(e.date_start, e.date_end)} · {kind_label(e.kind)}{where} · {who}"


def _timeline(events: list[EventSummary], **filters: Any):  # noqa: ANN202
    """The SVG timeline; a crowded spot links to the events list with ``filters`` and its dates."""
    items = [charts.TimelineItem(id=e.id, start=e.date_start, end=e.date_end, kind=e.kind, label=_event_label(e),
                                 encounter=e.kind in ENCOUNTERS, href=entity_url("event", e.id)) for e in events]
    return charts.timeline(items, more=lambda since, until: query("/events", since=since, until=until, **filters))


# --------------------------------------------------------------------------- overview


def overview(store: Store) -> dict[str, Any]:
    stats = store.stats()
    findings = store.checks()
    warnings = store.warnings(limit=8)
    return {"stats": stats, "pairs": store.country_pairs(limit=12),
            "latest": store.events(sort="-date", limit=12).items,
            "checks": findings[:8], "n_checks": len(findings), "warnings": warnings.items,
            "n_warnings": warnings.total, "documents": store.documents(sort="-published", limit=8).items}


# --------------------------------------------------------------------------- country pair


def pair(store: Store, raw: str) -> dict[str, Any]:
    match = PAIR.match(raw)
    if not match:
        raise NotFound(f"no country pair {raw!r}: write it as two ISO codes, e.g. /pairs/VN-PE")
    a, b = match.group(1).upper(), match.group(2).upper()
    if a == b or (country_name(a) == a and country_name(b) == b):
        raise NotFound(f"no country pair {a}-{b}: give two different ISO 3166 country codes")
    picture = relations(store, a, b, all_kinds=True)
    events = picture.events
    encounters = [e for e in events if e.kind in ENCOUNTERS]
    met: Counter[int] = Counter()
    edges: Counter[tuple[int, int]] = Counter()
    refs: dict[int, EntityRef] = {}
    for e in encounters:
        ids = sorted({p.id for p in e.participants})
        refs.update({p.id: p for p in e.participants})
        met.update(ids)
        edges.update(combinations(ids, 2))
    titles = {p.id: p.title for side in picture.people.values() for p, _n in side}
    linked = {pid for edge in edges for pid in edge}
    nodes = [charts.Node(id=pid, name=refs[pid].name, country=refs[pid].country, weight=n,
                         href=entity_url("person", pid),
                         title=f"{refs[pid].name}{', ' + titles[pid] if titles.get(pid) else ''}: "
                               f"{n} encounter{'s' if n != 1 else ''}")
             for pid, n in met.items() if pid in linked]
    series_charts = charts.series_charts(picture.series, href=_point_href)
    return {"a": a, "b": b, "events": events, "encounters": encounters,
            "statements": [e for e in events if e.kind not in ENCOUNTERS],
            "listed": events[-LISTED:], "listed_max": LISTED, "sides_max": SIDES,
            "people": picture.people, "series": picture.series, "charts": series_charts,
            "timeline": _timeline(events, pair=f"{a}-{b}"),
            "network": charts.network(nodes, [(p, q, w) for (p, q), w in edges.items()], sides=(a, b)),
            "point_href": _point_href}


# --------------------------------------------------------------------------- people, organizations, places


def person(store: Store, raw: str) -> dict[str, Any]:
    record = store.person(entity_id(raw, "person"))
    co: Counter[int] = Counter()
    refs: dict[int, EntityRef] = {}
    for e in record.events:
        for p in e.participants:
            if p.id != record.id:
                co[p.id] += 1
                refs[p.id] = p
    partners = [(refs[pid], n) for pid, n in sorted(co.items(), key=lambda kv: (-kv[1], refs[kv[0]].name))]
    docs = {d.id: d for d in store.documents(ids=sorted({m.doc_id for m in record.mentions}),
                                             limit=MAX_LIMIT).items}
    spells = charts.spells([charts.Spell(r.title, r.first_seen, r.last_seen, r.qualifier) for r in record.roles])
    return {"person": record, "partners": partners, "docs": docs, "spells": spells,
            "timeline": _timeline(record.events, person=record.id) if record.events else None}


def organization(store: Store, raw: str) -> dict[str, Any]:
    record = store.organization(entity_id(raw, "organization"))
    events = store.events(organization=record.id, limit=200)
    return {"org": record, "events": events.items, "n_events": events.total}


def place(store: Store, raw: str) -> dict[str, Any]:
    return {"place": store.place(entity_id(raw, "place"))}


# --------------------------------------------------------------------------- events


def event(store: Store, raw: str) -> dict[str, Any]:
    record = store.event(entity_id(raw, "event"))
    ids = [p.id for p in record.participants]
    people = {p.id: p for p in store.people(ids=ids, limit=MAX_LIMIT).items} if ids else {}
    return {"event": record, "people": people, "cameo": _cameo, "encounter": record.kind in ENCOUNTERS}


def _cameo(code: str | None) -> str:
    from legation.web.templating import cameo_labels

    return cameo_labels().get(code or "", "")


# --------------------------------------------------------------------------- documents


def _local_titles(ex: Extraction) -> dict[str, str]:
    return {p.id: "; ".join(t.text for t in p.titles) for p in ex.people}


def _figure_label(f: Any) -> str:
    period = format_period(f.period.start, f.period.end) if f.period else ""
    value = format_value(f.value, f.unit, approximate=f.approximate)
    return f"{value} · {period}" if period else value


def _flow(f: Any) -> str:
    arrow = " – " if f.measure == "trade_turnover" else " → "
    sides = arrow.join(x or "?" for x in (f.from_, f.to)) if (f.from_ or f.to) else ""
    what = kind_label(f.measure) + (f" ({f.subject})" if f.subject else "")
    return f"{what}: {sides}" if sides else what


def annotate(record: DocumentRecord) -> tuple[list[Fact], list[Mention]]:
    """The facts and mentions of a stored document, for ``highlight``."""
    ex = record.extraction
    facts: list[Fact] = []
    for ev in ex.events:
        resolved = record.events.get(ev.id)
        href = entity_url("event", resolved) if resolved else f"#fact-{ev.id}"
        when = ev.date.start if ev.date and ev.date.start else None
        tag = Tag(label=kind_label(ev.kind), href=href, kind="event",
                  title=f"{kind_label(ev.kind)}{' · ' + dates(when) if when else ''} ({ev.id})")
        spans = [(ev.evidence.start, ev.evidence.end)] if ev.evidence else []
        spans += [tuple(m) for m in ev.mentions if not ev.evidence or tuple(m) != (ev.evidence.start, ev.evidence.end)]
        for start, end in spans:
            facts.append(Fact(start, end, "event", tag))
    for i, f in enumerate(ex.figures):
        if f.evidence:
            facts.append(Fact(f.evidence.start, f.evidence.end, "figure",
                              Tag(label=_figure_label(f), href=f"#fig-{i}", kind="figure", title=_flow(f))))
    for w in ex.warnings:
        if w.evidence:
            facts.append(Fact(w.evidence.start, w.evidence.end, "warning",
                              Tag(label=kind_label(w.kind), href="#warnings", kind="warning", title=w.message)))
    mentions: list[Mention] = []
    titles = _local_titles(ex)
    for p in ex.people:
        resolved = record.people.get(p.id)
        tip = p.name + (f" ({country_name(p.country)})" if p.country else "") + \
            (f", {titles[p.id]}" if titles.get(p.id) else "")
        for k, (start, end) in enumerate(sorted(p.mentions)):
            mentions.append(Mention(start, end, "person", entity_url("person", resolved) if resolved else None,
                                    tip, f"ent-{p.id}" if k == 0 else None))
    for o in ex.organizations:
        resolved = record.organizations.get(o.id)
        tip = o.name + (f" ({o.acronym})" if o.acronym and o.acronym != o.name else "")
        for k, (start, end) in enumerate(sorted(o.mentions)):
            mentions.append(Mention(start, end, "organization", entity_url("organization", resolved) if resolved
                                    else None, tip, f"ent-{o.id}" if k == 0 else None))
    for pl in ex.places:
        resolved = record.places.get(pl.id)
        tip = pl.name + (f", {country_name(pl.country)}" if pl.country and pl.kind != "country" else "")
        for k, (start, end) in enumerate(sorted(pl.mentions)):
            mentions.append(Mention(start, end, "place", entity_url("place", resolved) if resolved else None,
                                    tip, f"ent-{pl.id}" if k == 0 else None))
    for d in ex.dates:
        if d.offsets:
            tip = (dates(d.start, d.end) if d.start else "date not placed") + f" ({d.precision})"
            mentions.append(Mention(d.offsets[0], d.offsets[1], "date", None, tip))
    for c in ex.credits:
        if c.evidence:
            mentions.append(Mention(c.evidence.start, c.evidence.end, "credit", None, f"{c.role}: {c.name}"))
    return facts, mentions


def document(store: Store, doc_id: str, at: str = "") -> dict[str, Any]:
    """The article with its facts marked; ``at="START-END"`` also marks that span (a link's target)."""
    record = store.document(doc_id)
    facts, mentions = annotate(record)
    span = re.fullmatch(r"(\d{1,9})-(\d{1,9})", at or "")
    if span:
        facts.append(Fact(int(span.group(1)), int(span.group(2)), "target"))
    ex = record.extraction
    names = {p.id: p.name for p in ex.people}
    return {"doc": record, "ex": ex, "body": highlight(record.text, facts, mentions), "names": names,
            "titles": _local_titles(ex), "flow": _flow, "figure_label": _figure_label,
            "n_facts": len({(f.start, f.end) for f in facts if f.kind != "target"}),
            "anchor": lambda ev: anchor_id(ev.start, ev.end) if ev else None}


# --------------------------------------------------------------------------- search and checks


def search(store: Store, q: str) -> dict[str, Any]:
    q = q.strip()
    if not q:
        return {"q": "", "groups": {}, "events": [], "total": 0}
    hits = store.search(q, kinds=["person", "organization", "place", "document"], limit=25)
    groups: dict[str, list] = {}
    for hit in hits:
        groups.setdefault(hit.kind, []).append(hit)
    events = store.events(q=q, limit=25, sort="-date")
    return {"q": q, "groups": groups, "events": events.items, "n_events": events.total,
            "total": len(hits) + events.total}


def checks(store: Store, offset: int = 0) -> dict[str, Any]:
    findings = store.checks()
    by_kind: dict[str, list] = {}
    for f in findings:
        by_kind.setdefault(f.kind, []).append(f)
    warnings = store.warnings(limit=100, offset=offset)
    return {"findings": by_kind, "n_findings": len(findings), "warnings": warnings}
