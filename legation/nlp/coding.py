"""Coding events for event-data users: PLOVER type, mode and context, the closest
CAMEO code, and each actor as an ISO country and a sector.

Why a table and not code: the mapping is a judgement the PLOVER and CAMEO
manuals leave partly open (is a reception a visit?  is a proposal an appeal or
an offer?), and users who disagree should change one row of
``legation/data/events/coding.tsv``, not the rules.  docs/events.md explains
each choice and cites the manuals.
"""

from __future__ import annotations

from legation.models import Plover
from legation.nlp.discourse import Discourse
from legation.nlp.event_lexicon import CodingRow

__all__ = ["actor_sector", "code_event", "plover_contexts", "topic_class"]

_TEMPORAL_CONTEXT = {"planned": "future", "postponed": "future", "hypothetical": "hypothetical",
                     "denied": "negation"}


def actor_sector(disc: Discourse, actor: str | None, *, affiliation: str | None = None) -> str | None:
    """Sector of a person (through the organization of their titles, else the organization
    whose delegation they lead, else the words of their titles), organization or place."""
    if not actor:
        return None
    lex = disc.lexicon
    if actor in disc.people:
        person = disc.people[actor]
        for title in person.titles:
            if title.organization and title.organization in disc.organizations:
                sector = _organization_sector(disc, title.organization)
                if sector:
                    return sector
        if affiliation and affiliation in disc.organizations:
            sector = _organization_sector(disc, affiliation)
            if sector:
                return sector
        for title in person.titles:
            for pattern, sector in lex.sector_roles:
                if pattern.search(title.text) or (title.role and pattern.search(title.role)):
                    return sector
        return None
    if actor in disc.organizations:
        return _organization_sector(disc, actor)
    if actor in disc.places:
        return "government"  # a city or country as an actor: its authorities
    return None


def _organization_sector(disc: Discourse, org_id: str) -> str | None:
    org = disc.organizations[org_id]
    lex = disc.lexicon
    if org.kind and org.kind.lower() in lex.sector_kinds:
        return lex.sector_kinds[org.kind.lower()]
    for pattern, sector in lex.sector_names:
        if pattern.search(org.name):
            return sector
    return None


def topic_class(disc: Discourse, topics: list[str]) -> str:
    """The coding table's topic class of the first topic that has one."""
    classes = {t.name: t.cls for t in disc.lexicon.topics}
    for name in topics:
        if classes.get(name):
            return classes[name] or "-"
    return "-"


def plover_contexts(disc: Discourse, topics: list[str], status: str) -> list[str]:
    contexts = {t.name: t.context for t in disc.lexicon.topics}
    out: list[str] = []
    for name in topics:
        c = contexts.get(name)
        if c and c not in out:
            out.append(c)
    temporal = _TEMPORAL_CONTEXT.get(status)
    if temporal:
        out.append(temporal)
    return out


def code_event(disc: Discourse, *, kind: str, status: str, mode: str, venue: str, topics: list[str],
               joint: bool) -> tuple[Plover, str, CodingRow]:
    """PLOVER (type, mode, context) and CAMEO code for an event, from coding.tsv."""
    row = disc.lexicon.code(kind=kind, status=status, mode=mode or "-", venue=venue or "-",
                            topic_class=topic_class(disc, topics), joint="yes" if joint else "no")
    plover_mode = mode if row.plover_mode == "=" else row.plover_mode
    if plover_mode in ("", "-"):
        plover_mode = None
    return Plover(type=row.plover_type, mode=plover_mode, context=plover_contexts(disc, topics, status)), \
        row.cameo, row
