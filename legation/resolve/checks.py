"""Consistency checks across sources (``legation check``), on resolved records.

* ``figure_conflict``: two statements of the same (measure, from, to, period,
  subject, unit, qualifier such as "target") whose values differ by more than
  rounding (0.5%), or by more than 10% when either is approximate ("about
  US$20 million").  Figures without both sides named are not compared, and
  turnover between A and B is the same flow as between B and A.
* ``event_date_conflict`` / ``event_place_conflict``: the sources of one
  encounter give different days, places or countries.
* ``title_holders``: two different people hold a single-holder title (general
  secretary, president, minister ...) of the same organization at overlapping
  times, as the articles date them; a former or late holder does not count.
* ``acronym_mismatch``: the extractor's warnings that an acronym is used for
  something else than the text defines (kept with their evidence).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from legation.models import Figure, Finding, RoleSpell, Warning
from legation.resolve.events import date_range
from legation.resolve.inputs import EventRec
from legation.resolve.names import fold, place_key
from legation.resolve.roles import PAST, is_single_holder

#: relative difference tolerated between two exact statements of one figure (rounding)
EXACT_TOLERANCE = 0.005
#: ... and when either is approximate
APPROXIMATE_TOLERANCE = 0.10


def _key(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def _fmt(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    return f"{value:,.0f} {unit}" if abs(value) >= 1000 else f"{value:g} {unit}"


def figure_conflicts(figures: Iterable[tuple[str, int, Figure]]) -> list[Finding]:
    groups: dict[tuple, list[tuple[str, int, Figure]]] = defaultdict(list)
    for doc_id, n, f in figures:
        period = (f.period.start, f.period.end) if f.period else (None, None)
        if period == (None, None) and f.measure != "share":
            continue  # a figure without a period cannot be compared with another
        if not f.from_ or not (f.to or f.subject):
            continue  # "two-way trade" of which two sides? not comparable
        sides = (fold(f.from_), fold(f.to or ""))
        if f.measure == "trade_turnover":
            sides = tuple(sorted(sides))  # turnover between A and B is turnover between B and A
        key = (f.measure, *sides, period, fold(f.subject or ""), f.unit, fold(f.qualifier or ""))
        groups[key].append((doc_id, n, f))
    out = []
    for key, items in groups.items():
        if len(items) < 2:
            continue
        values = [f.value for _d, _n, f in items]
        lo, hi = min(values), max(values)
        tolerance = APPROXIMATE_TOLERANCE if any(f.approximate for _d, _n, f in items) else EXACT_TOLERANCE
        if hi == lo or (hi != 0 and (hi - lo) / abs(hi) <= tolerance):
            continue
        measure, _fr, _to, period, _subject, _unit, _qualifier = key
        f0 = items[0][2]
        what = f"{measure}{' of ' + f0.subject if f0.subject else ''} {f0.from_ or '?'} -> {f0.to or '?'}"
        when = f0.period.text or "/".join(p for p in period if p) if f0.period else "no period"
        stated = "; ".join(f"{_fmt(f.value, f.unit)}{' (approx.)' if f.approximate else ''} in {d}"
                           for d, _n, f in items)
        out.append(Finding(kind="figure_conflict", key=_key("figure", key),
                           message=f"{what}, {when}: sources disagree: {stated}",
                           subjects=[("figure", f"{d}#{n}") for d, n, _f in items],
                           evidence=[(d, f.evidence.start if f.evidence else None,
                                      f.evidence.end if f.evidence else None,
                                      f.evidence.text if f.evidence else "") for d, _n, f in items]))
    return out


def event_conflicts(events: list[EventRec], clusters: list[list[int]], labels: list[str]) -> list[Finding]:
    out = []
    for c, members in enumerate(clusters):
        if len({events[i].doc for i in members}) < 2:
            continue
        days = {events[i].date_start for i in members if events[i].date_start and len(events[i].date_start) >= 10
                and events[i].kind not in ("visit",)}
        ranges = [date_range(events[i].date_start, events[i].date_end) for i in members if events[i].date_start]
        disjoint = any(a[1] < b[0] or b[1] < a[0] for a in ranges if a for b in ranges if b)
        evidence = [(events[i].doc, *events[i].evidence) for i in members]
        if len(days) > 1 or disjoint:
            stated = "; ".join(f"{events[i].date_start}{'..' + events[i].date_end if events[i].date_end else ''}"
                               f" in {events[i].doc}" for i in members if events[i].date_start)
            out.append(Finding(kind="event_date_conflict", key=_key("event_date", sorted(events[i].anchor
                                                                                          for i in members)),
                               message=f"{labels[c]}: sources give different dates: {stated}",
                               subjects=[("event", c)], evidence=evidence))
        places = {place_key(events[i].place) for i in members if events[i].place}
        countries = {events[i].place_country for i in members if events[i].place_country}
        if len(places) > 1 or len(countries) > 1:
            stated = "; ".join(f"{events[i].place or '?'} ({events[i].place_country or '?'}) in {events[i].doc}"
                               for i in members if events[i].place or events[i].place_country)
            out.append(Finding(kind="event_place_conflict", key=_key("event_place", sorted(events[i].anchor
                                                                                            for i in members)),
                               message=f"{labels[c]}: sources give different places: {stated}",
                               subjects=[("event", c)], evidence=evidence))
    return out


#: findings reported per title at most (a title with many overlapping holders is one problem, not hundreds)
MAX_PAIRS_PER_TITLE = 10


def title_conflicts(spells: list[tuple[RoleSpell, str, str]], person_names: list[str],
                    person_countries: list[str | None]) -> list[Finding]:
    """Pairs of different people holding one single-holder title at overlapping dates (a sweep per title)."""
    by_title: dict[tuple[str, str], list[tuple[date, date, RoleSpell]]] = defaultdict(list)
    for spell, role, org in spells:
        if spell.qualifier in PAST or not is_single_holder(role):
            continue
        if org.startswith("text:"):
            words = org[5:]
            if not words:
                continue  # "President" with no organization or country named: not comparable
            org = f"{org}|{person_countries[spell.person] or ''}"
        span = date_range(spell.first_seen, spell.last_seen)
        if span is not None:
            by_title[(role, org)].append((span[0], span[1], spell))
    out = []
    for (role, org), items in by_title.items():
        if len({s.person for _a, _b, s in items}) < 2:
            continue
        items.sort(key=lambda x: (x[0], x[1], x[2].person))
        active: list[tuple[date, date, RoleSpell]] = []
        pairs: dict[tuple[int, int], tuple[RoleSpell, RoleSpell]] = {}
        for item in items:
            active = [a for a in active if a[1] >= item[0]]  # still held when this one is first seen
            for other in active:
                if other[2].person != item[2].person:
                    pa, pb = sorted([other[2], item[2]], key=lambda sp: sp.person)
                    pairs.setdefault((pa.person, pb.person), (pa, pb))
            active.append(item)
            if len(pairs) >= MAX_PAIRS_PER_TITLE:
                break
        for pa, pb in pairs.values():
            org_name = pa.organization_name or pa.title
            message = (f"two holders of '{role}' of {org_name} at once: {person_names[pa.person]} "
                       f"('{pa.title}', {pa.first_seen}..{pa.last_seen}) and {person_names[pb.person]} "
                       f"('{pb.title}', {pb.first_seen}..{pb.last_seen})")
            out.append(Finding(kind="title_holders", key=_key("title", role, org, pa.person, pb.person),
                               message=message, subjects=[("person", pa.person), ("person", pb.person)],
                               evidence=[(d, None, None, "") for d, _date in pa.sources + pb.sources]))
    return out


def acronym_findings(warnings: Iterable[tuple[str, int, Warning]]) -> list[Finding]:
    out = []
    for doc_id, n, w in warnings:
        if w.kind != "acronym_mismatch":
            continue
        ev = w.evidence
        out.append(Finding(kind="acronym_mismatch", key=_key("acronym", doc_id, n, w.message),
                           message=f"{doc_id}: {w.message}",
                           evidence=[(doc_id, ev.start if ev else None, ev.end if ev else None,
                                      ev.text if ev else "")]))
    return out
