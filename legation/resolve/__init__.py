"""Identity across documents: pure Python on ``legation.models``, no database.

``resolve(extractions, decisions)`` takes every stored document's facts and
the analyst's decisions and returns a ``Resolution``: which document records
are one person, organization, place or event (``clusters``), why (``links``:
rule + evidence for every join), each person's dated role history
(``roles``) and the cross-source inconsistencies (``findings``).

Order matters and is fixed: organizations first (titles refer to them),
then places, people (titles and countries help), events (their participants
are resolved people), roles, checks.  The result is deterministic for the
same input, whatever the order of the documents.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from legation.models import Cluster, Decision, Extraction, Link, Resolution
from legation.resolve import checks
from legation.resolve.events import canonical, resolve_events
from legation.resolve.inputs import flatten
from legation.resolve.names import DATA, fold
from legation.resolve.organizations import resolve_organizations, resolve_places
from legation.resolve.people import canonical_name, resolve_people
from legation.resolve.roles import role_history

__all__ = ["fingerprint", "resolve"]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of the resolver's code and vocabulary: when it changes, stored identities are recomputed."""
    digest = hashlib.sha256()
    files = sorted(Path(__file__).resolve().parent.glob("*.py")) + [DATA / "names.json", DATA / "titles.json"]
    for path in files:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else None


def resolve(extractions: Iterable[Extraction], decisions: Sequence[Decision] = ()) -> Resolution:
    """Resolve identities across documents.  See the module docstring."""
    decisions = sorted(decisions, key=lambda d: d.id or 0)
    recs = flatten(extractions)
    res = Resolution(version=fingerprint())

    # organizations
    ocl = resolve_organizations(recs.organizations, acronyms=recs.acronyms, decisions=decisions)
    org_groups = ocl.groups()
    org_of = [0] * len(recs.organizations)
    for c, members in enumerate(org_groups):
        for i in members:
            org_of[i] = c
    org_clusters = []
    for members in org_groups:
        full = [recs.organizations[i] for i in members if not recs.organizations[i].is_acronym] or \
               [recs.organizations[i] for i in members]
        name = _most_common(r.name for r in full) or full[0].name
        org_clusters.append(Cluster(
            "organization", [(recs.organizations[i].doc, recs.organizations[i].local) for i in members], name,
            _most_common(recs.organizations[i].country for i in members),
            {"acronym": _most_common(recs.organizations[i].acronym or (recs.organizations[i].name
                                                                       if recs.organizations[i].is_acronym else None)
                                     for i in members),
             "kind": _most_common(recs.organizations[i].kind for i in members),
             "aliases": sorted({recs.organizations[i].name for i in members} - {name})}))
    res.clusters["organization"] = org_clusters
    org_cluster_by_ref = {(r.doc, r.local): org_of[i] for i, r in enumerate(recs.organizations)}
    org_keys = {ref: f"O{c}" for ref, c in org_cluster_by_ref.items()}
    _links(res, "organization", ocl.joins, recs.organizations)

    # places
    lcl = resolve_places(recs.places, acronyms=recs.acronyms, decisions=decisions)
    place_clusters = []
    for members in lcl.groups():
        name = _most_common(recs.places[i].name for i in members) or recs.places[members[0]].name
        place_clusters.append(Cluster(
            "place", [(recs.places[i].doc, recs.places[i].local) for i in members], name,
            _most_common(recs.places[i].country for i in members),
            {"kind": _most_common(recs.places[i].kind for i in members),
             "aliases": sorted({recs.places[i].name for i in members} - {name})}))
    res.clusters["place"] = place_clusters
    _links(res, "place", lcl.joins, recs.places)

    # people
    pcl = resolve_people(recs.people, org_keys=org_keys, decisions=decisions)
    person_groups = pcl.groups()
    person_of = [0] * len(recs.people)
    for c, members in enumerate(person_groups):
        for i in members:
            person_of[i] = c
    person_clusters, person_names, person_countries = [], [], []
    for members in person_groups:
        name = canonical_name(recs.people, members)
        country = _most_common(recs.people[i].country for i in members)
        dates = sorted(d for d in (recs.people[i].date for i in members) if d)
        aliases = {recs.people[i].name for i in members}
        for i in members:
            aliases.update(recs.people[i].aliases)
        person_clusters.append(Cluster(
            "person", [(recs.people[i].doc, recs.people[i].local) for i in members], name, country,
            {"aliases": sorted(a for a in aliases if fold(a) != fold(name)),
             "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None}))
        person_names.append(name)
        person_countries.append(country)
    res.clusters["person"] = person_clusters
    _links(res, "person", pcl.joins, recs.people)

    # events
    ecl = resolve_events(recs.events, person_cluster=person_of, person_names=person_names, decisions=decisions)
    event_groups = ecl.groups()
    labels = []
    for members in event_groups:
        attrs = canonical(recs.events, members)
        people = sorted({person_of[p] for i in members for p in recs.events[i].people})
        countries = {c for i in members for c in recs.events[i].countries}
        countries.update(person_countries[p] for p in people if person_countries[p])
        attrs.update({"people": people, "countries": sorted(countries)})
        who = ", ".join(person_names[p] for p in people[:4]) + (" and others" if len(people) > 4 else "")
        label = f"{attrs['kind']}" + (f": {who}" if who else "") + (f" in {attrs['place']}" if attrs["place"] else "")
        labels.append(label)
        res.clusters.setdefault("event", []).append(Cluster(
            "event", [(recs.events[i].doc, recs.events[i].local) for i in members], label,
            attrs["place_country"], attrs))
    res.clusters.setdefault("event", [])
    _links(res, "event", ecl.joins, recs.events)

    # roles and checks
    spells = role_history(recs.people, person_of, org_cluster=org_cluster_by_ref,
                          org_names=[c.name for c in org_clusters])
    res.roles = [s for s, _role, _org in spells]
    res.findings = (checks.figure_conflicts(recs.figures) + checks.event_conflicts(recs.events, event_groups, labels)
                    + checks.title_conflicts(spells, person_names, person_countries)
                    + checks.acronym_findings(recs.warnings))
    return res


def _links(res: Resolution, kind: str, joins, recs) -> None:  # noqa: ANN001
    for j in joins:
        a, b = recs[j.a], recs[j.b]
        res.links.append(Link(kind, (a.doc, a.local), (b.doc, b.local), j.rule, j.evidence))  # type: ignore[arg-type]
