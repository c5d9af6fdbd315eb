"""The same organization, and the same place, across documents.

Organizations join by:

1. ``analyst_merge``;
2. ``same_name``  the same name (case, accents, "&"/"and" and a leading
   "the" aside) with compatible countries;
3. ``acronym``    a record named only by an acronym ("CPV") joins the one
   organization that carries that acronym, or whose name the document's own
   acronym list expands it to; never when several organizations share it.

Vetoes: an analyst split; different known countries; two different full
names (so "Communist Party of Peru" and "Peruvian Communist Party" stay two
parties unless an analyst merges them: the press uses both for different
parties); two different acronyms.

Places join by the same name (spaces, case and accents aside: "Ha Noi" is
"Hanoi") with compatible countries, or by an acronym the document expands
("HCMC" -> "Ho Chi Minh City").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from legation.models import Decision
from legation.resolve.clusters import Clusters
from legation.resolve.inputs import OrgRec, PlaceRec
from legation.resolve.names import fold, org_key, place_key


@dataclass(slots=True)
class OSum:
    keys: set[str]  # full-name keys (not acronyms)
    acronyms: set[str]
    countries: set[str]


def _combine(a: OSum, b: OSum) -> OSum:
    return OSum(a.keys | b.keys, a.acronyms | b.acronyms, a.countries | b.countries)


def _veto(a: OSum, b: OSum) -> str | None:
    if a.countries and b.countries and not (a.countries & b.countries):
        return f"different countries ({', '.join(sorted(a.countries))} / {', '.join(sorted(b.countries))})"
    if a.keys and b.keys and not (a.keys & b.keys):
        return f"different names ('{sorted(a.keys)[0]}' / '{sorted(b.keys)[0]}')"
    if a.acronyms and b.acronyms and not (a.acronyms & b.acronyms):
        return f"different acronyms ({', '.join(sorted(a.acronyms))} / {', '.join(sorted(b.acronyms))})"
    return None


def _no_veto(a: OSum, b: OSum) -> None:
    return None


def _splits(n: int, anchors: list[tuple[str, str]], locals_: list[tuple[str, str]], kind: str,
            decisions: list[Decision]) -> tuple[list[set[tuple[int, str]]], list[tuple[Decision, list[int]]]]:
    """Analyst splits as tags, analyst merges as member lists, for records named by their anchors."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (anchor, local) in enumerate(zip(anchors, locals_, strict=True)):
        index[anchor].append(i)
        index[local].append(i)
    splits: list[set[tuple[int, str]]] = [set() for _ in range(n)]
    merges = []
    for d in decisions:
        if d.kind != kind:
            continue
        side_a = [i for a in d.group_a for i in index.get((a[0], fold(a[1])), index.get(tuple(a), []))]
        side_b = [i for b in d.group_b for i in index.get((b[0], fold(b[1])), index.get(tuple(b), []))]
        if d.action == "split":
            for i in side_a:
                splits[i].add((d.id or 0, "a"))
            for i in side_b:
                splits[i].add((d.id or 0, "b"))
        else:
            merges.append((d, side_a + side_b))
    return splits, merges


def _analyst_merges(cl: Clusters, merges: list[tuple[Decision, list[int]]]) -> None:
    for d, members in merges:
        for i in members[1:]:
            cl.join(members[0], i, "analyst_merge", f"decision {d.id}: an analyst merged these records"
                    + (f" ({d.note})" if d.note else ""))


def resolve_organizations(recs: list[OrgRec], *, acronyms: dict[str, dict[str, str]],
                          decisions: list[Decision]) -> Clusters[OSum]:
    splits, merges = _splits(len(recs), [r.anchor for r in recs], [(r.doc, r.local) for r in recs],
                             "organization", decisions)
    sums = []
    for r in recs:
        short = r.acronym or (r.name.replace(".", "") if r.is_acronym else None)
        sums.append(OSum(set() if r.is_acronym else {r.key}, {short.upper()} if short else set(),
                         {r.country} if r.country else set()))
    cl = Clusters(sums, _combine, _no_veto, splits=splits)
    _analyst_merges(cl, merges)
    cl.veto = _veto
    by_key: dict[str, list[int]] = defaultdict(list)
    by_acronym: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if not r.is_acronym:
            by_key[r.key].append(i)
        if r.acronym:
            by_acronym[r.acronym.replace(".", "").upper()].append(i)
    for idxs in by_key.values():
        for n, i in enumerate(idxs[1:], start=1):
            for j in idxs[:n]:
                if cl.find(i) == cl.find(j) or cl.join(j, i, "same_name",
                                                       f"both named '{recs[i].name}' in {recs[j].doc} and {recs[i].doc}"):
                    break
    for i, r in enumerate(recs):
        if not r.is_acronym:
            continue
        short = r.name.replace(".", "").upper()
        expansion = acronyms.get(r.doc, {}).get(r.name) or acronyms.get(r.doc, {}).get(short)
        if expansion and org_key(expansion) in by_key:
            targets = {cl.find(j): j for j in by_key[org_key(expansion)] if cl.why_not(i, j) is None}
            if len(targets) == 1:
                (j,) = targets.values()
                cl.join(j, i, "acronym", f"'{r.name}' is defined in {r.doc} as '{expansion}'")
                continue
        targets = {cl.find(j): j for j in by_acronym.get(short, []) if cl.find(j) != cl.find(i)
                   and cl.why_not(i, j) is None}
        if len(targets) == 1:
            (j,) = targets.values()
            cl.join(j, i, "acronym", f"'{r.name}' ({r.doc}) is the acronym of '{recs[j].name}' ({recs[j].doc}), "
                    "the only organization with that acronym")
    return cl


@dataclass(slots=True)
class LSum:
    keys: set[str]
    countries: set[str]


def _lcombine(a: LSum, b: LSum) -> LSum:
    return LSum(a.keys | b.keys, a.countries | b.countries)


def _lveto(a: LSum, b: LSum) -> str | None:
    if a.countries and b.countries and not (a.countries & b.countries):
        return f"different countries ({', '.join(sorted(a.countries))} / {', '.join(sorted(b.countries))})"
    return None


def resolve_places(recs: list[PlaceRec], *, acronyms: dict[str, dict[str, str]],
                   decisions: list[Decision]) -> Clusters[LSum]:
    splits, merges = _splits(len(recs), [r.anchor for r in recs], [(r.doc, r.local) for r in recs], "place",
                             decisions)
    cl = Clusters([LSum({r.key}, {r.country} if r.country else set()) for r in recs], _lcombine,
                  lambda a, b: None, splits=splits)
    _analyst_merges(cl, merges)
    cl.veto = _lveto
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        expansion = acronyms.get(r.doc, {}).get(r.name)
        by_key[place_key(expansion) if expansion else r.key].append(i)
    for idxs in by_key.values():
        for n, i in enumerate(idxs[1:], start=1):
            for j in idxs[:n]:
                rule = "same_name" if recs[i].key == recs[j].key else "acronym"
                if cl.find(i) == cl.find(j) or cl.join(j, i, rule, f"'{recs[j].name}' ({recs[j].doc}) and "
                                                                   f"'{recs[i].name}' ({recs[i].doc}) name one place"):
                    break
    return cl
