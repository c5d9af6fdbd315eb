"""The picture of relations between two countries, from the knowledge base.

What an analyst asks first about Vietnam and Peru: what happened between them
(encounters in date order, each with how many sources report it), who acted
for each side (with their latest title and how many encounters), and how
trade moved (the figures between places of the two countries, lined up as
series by ``legation.report.series.line_up``).  ``legation relations VN PE``
prints it; ``make demo`` shows it on the bundled examples.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from legation.errors import ConfigError
from legation.report.series import Series, line_up, render_series
from legation.store import MAX_LIMIT, Store
from legation.store.records import EventSummary, PersonSummary

__all__ = ["ENCOUNTERS", "Relations", "relations", "render_relations"]

ENCOUNTERS = ("meeting", "talks", "reception", "visit", "call", "signing")


@dataclass(slots=True)
class Relations:
    a: str
    b: str
    events: list[EventSummary] = field(default_factory=list)
    people: dict[str, list[tuple[PersonSummary, int]]] = field(default_factory=dict)  # country -> (person, n)
    series: list[Series] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"countries": [self.a, self.b],
                "events": [e.model_dump(mode="json") for e in self.events],
                "people": {c: [dict(p.model_dump(mode="json"), encounters=n) for p, n in ps]
                           for c, ps in self.people.items()},
                "series": [s.to_dict() for s in self.series]}


def _all(fetch) -> list:  # noqa: ANN001 - a page-returning query
    items, offset = [], 0
    while True:
        page = fetch(offset)
        items.extend(page.items)
        if page.next_offset is None:
            return items
        offset = page.next_offset


def _country_of_names(store: Store) -> dict[str, str]:
    """Place and country names (and their aliases) -> ISO country, from the knowledge base and pycountry."""
    out: dict[str, str] = {}
    for place in _all(lambda off: store.places(limit=MAX_LIMIT, offset=off)):
        if place.country:
            for name in [place.name, *place.aliases]:
                out.setdefault(name.casefold(), place.country)
    return out


def _country(name: str | None, known: dict[str, str]) -> str | None:
    if not name:
        return None
    code = known.get(name.casefold())
    if code:
        return code
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_2
    except (LookupError, ImportError):
        return None


def relations(store: Store, a: str, b: str, *, since: str | None = None, until: str | None = None,
              all_kinds: bool = False) -> Relations:
    """Encounters, people per side and trade series between countries ``a`` and ``b`` (ISO alpha-2)."""
    a, b = a.upper(), b.upper()
    for code in (a, b):
        if len(code) != 2 or not code.isalpha():
            raise ConfigError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (VN, PE, ...)")
    kinds = None if all_kinds else list(ENCOUNTERS)
    events = _all(lambda off: store.events(between=(a, b), since=since, until=until, kind=kinds,
                                           limit=MAX_LIMIT, offset=off))
    counts: Counter[int] = Counter(p.id for e in events for p in e.participants)
    people = {p.id: p for p in _all(lambda off: store.people(ids=list(counts), limit=MAX_LIMIT, offset=off))}
    sides: dict[str, list[tuple[PersonSummary, int]]] = {a: [], b: []}
    for pid, n in counts.items():
        person = people.get(pid)
        if person is not None and person.country in sides:
            sides[person.country].append((person, n))
    for code in sides:
        sides[code].sort(key=lambda pn: (-pn[1], pn[0].name))
    known = _country_of_names(store)
    pairs = [(doc, fig) for doc, fig in store.figure_pairs()
             if {_country(fig.from_, known), _country(fig.to, known)} == {a, b}]
    return Relations(a=a, b=b, events=events, people=sides, series=line_up(pairs))


def render_relations(rel: Relations, fmt: str = "table") -> str:
    """The picture as text sections, or JSON."""
    if fmt == "json":
        return json.dumps(rel.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt != "table":
        raise ConfigError(f"unknown format {fmt!r}; valid: table, json")
    lines = [f"{rel.a} – {rel.b}: {len(rel.events)} encounter{'s' if len(rel.events) != 1 else ''}", ""]
    lines.append("Encounters in date order")
    for e in rel.events:
        when = e.date_start or "undated"
        if e.date_end and e.date_end != e.date_start:
            when += f"..{e.date_end}"
        where = f" in {e.place}" if e.place else (f" in {e.place_country}" if e.place_country else "")
        who = "; ".join(p.name for p in e.participants) or "(no named participants)"
        sources = f"  [{e.n_sources} sources]" if e.n_sources > 1 else ""
        lines.append(f"  {when:<22} {e.kind:<10} {who}{where}{sources}")
    if not rel.events:
        lines.append("  (none)")
    for code in (rel.a, rel.b):
        lines += ["", f"People for {code}"]
        for person, n in rel.people.get(code, []):
            title = f", {person.title}" if person.title else ""
            lines.append(f"  {person.name}{title} ({n} encounter{'s' if n != 1 else ''})")
        if not rel.people.get(code):
            lines.append("  (none)")
    lines += ["", "Trade and investment figures between them"]
    body = render_series(rel.series, "table").rstrip("\n")
    lines += ["  " + line if line else line for line in body.splitlines()]
    return "\n".join(lines) + "\n"
