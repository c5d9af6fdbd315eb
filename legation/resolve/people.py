"""The same person across documents, by name forms, country, titles and dates.

Rules, strongest first; each join is vetoed when the two clusters could not
be one person (see ``_veto``):

1. ``analyst_merge``  an analyst joined them (``legation merge``).
2. ``same_name``      the same full name (two or more tokens, accents and
                      honorifics aside) with compatible countries.  When people
                      of that name come from several countries, a record with
                      no country stays apart (ambiguous).
3. ``name_form``      a shorter name of two or more tokens is a form of exactly
                      one fuller name ("Villanueva Carbajal" of "Luis Alberto
                      Villanueva Carbajal": the two surnames), in the way the
                      person's culture forms short names (see ``names.form_of``).
                      When several people could be meant, one in the same
                      document wins; otherwise nobody is joined.
4. ``short_name``     a one-token name ("Anh", "Parodi") joins a fuller name in
                      the same document, or across documents only when the
                      country is the same, a title or its organization is
                      shared, the dates are within five years, and exactly one
                      person fits.

Vetoes: an analyst split; different known countries; any two names in the
would-be cluster that are not forms of each other (so "Perez Lopez" can never
chain "Juan Perez Lopez" to "Maria Perez Lopez").  Titles never join people on
their own: two general secretaries of two parties stay two people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from legation.models import Decision
from legation.resolve.clusters import Clusters
from legation.resolve.inputs import PersonRec
from legation.resolve.names import compatible, fold, form_of
from legation.resolve.roles import title_keys

#: one-token names join across documents only within this many years of each other
SHORT_NAME_YEARS = 5


@dataclass(slots=True)
class PSum:
    forms: dict[tuple[str, ...], str]  # tokens -> culture
    countries: set[str]
    docs: set[str]
    titles: set[tuple[str, str]] = field(default_factory=set)  # (role key, organization key)
    years: set[int] = field(default_factory=set)


def _combine(a: PSum, b: PSum) -> PSum:
    forms = dict(a.forms)
    for k, v in b.forms.items():
        forms.setdefault(k, v)
    return PSum(forms, a.countries | b.countries, a.docs | b.docs, a.titles | b.titles, a.years | b.years)


def _veto(a: PSum, b: PSum) -> str | None:
    if a.countries and b.countries and not (a.countries & b.countries):
        return f"different countries ({', '.join(sorted(a.countries))} / {', '.join(sorted(b.countries))})"
    longest_a = sorted(a.forms, key=len, reverse=True)[:12]
    longest_b = sorted(b.forms, key=len, reverse=True)[:12]
    for fa in longest_a:
        for fb in longest_b:
            if not compatible(fa, fb, a.forms[fa], b.forms[fb]):
                return f"names '{' '.join(fa)}' and '{' '.join(fb)}' are not forms of one name"
    return None


def _summary(rec: PersonRec, org_keys: dict[tuple[str, str], str]) -> PSum:
    year = int(rec.date[:4]) if rec.date and rec.date[:4].isdigit() else None
    return PSum({rec.tokens: rec.culture}, {rec.country} if rec.country else set(), {rec.doc},
                set(title_keys(rec, org_keys)), {year} if year else set())


def resolve_people(recs: list[PersonRec], *, org_keys: dict[tuple[str, str], str],
                   decisions: list[Decision]) -> Clusters[PSum]:
    """Cluster person records; ``org_keys`` maps (doc, local org id) to the organization's resolved key."""
    splits: list[set[tuple[int, str]]] = [set() for _ in recs]
    by_anchor: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_anchor[r.anchor].append(i)
        by_anchor[(r.doc, r.local)].append(i)
    merges = []
    for d in decisions:
        if d.kind != "person":
            continue
        side_a = [i for a in d.group_a for i in by_anchor.get((a[0], fold(a[1])), by_anchor.get(tuple(a), []))]
        side_b = [i for b in d.group_b for i in by_anchor.get((b[0], fold(b[1])), by_anchor.get(tuple(b), []))]
        if d.action == "split":
            for i in side_a:
                splits[i].add((d.id or 0, "a"))
            for i in side_b:
                splits[i].add((d.id or 0, "b"))
        else:
            merges.append((d, side_a, side_b))
    cl = Clusters([_summary(r, org_keys) for r in recs], _combine, _analyst_veto, splits=splits)
    for d, side_a, side_b in merges:
        members = side_a + side_b
        for i in members[1:]:
            cl.join(members[0], i, "analyst_merge", f"decision {d.id}: an analyst merged these records"
                    + (f" ({d.note})" if d.note else ""))
    cl.veto = _veto

    # 2. same full name
    by_tokens: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if len(r.tokens) >= 2:
            by_tokens[r.tokens].append(i)
    for idxs in by_tokens.values():
        if len(idxs) < 2:
            continue
        countries = {recs[i].country for i in idxs if recs[i].country}
        for i in idxs:
            if recs[i].country is None and len(countries) > 1:
                continue  # which of the namesakes? leave it alone
            for j in idxs:
                if j >= i:
                    break
                if cl.find(i) == cl.find(j):
                    break
                if cl.why_not(i, j) is None:
                    ci = f" ({recs[j].country or recs[i].country})" if (recs[j].country or recs[i].country) else ""
                    cl.join(j, i, "same_name", f"both named '{recs[i].name}'{ci} in {recs[j].doc} and {recs[i].doc}")
                    break

    # 3 and 4. shorter forms, longer short forms first
    by_token: dict[str, set[int]] = defaultdict(set)
    longest = 0
    for i, r in enumerate(recs):
        if len(r.tokens) >= 2:
            longest = max(longest, len(r.tokens))
            for tok in r.tokens:
                by_token[tok].add(i)
    order = sorted((i for i, r in enumerate(recs) if r.tokens), key=lambda i: (-len(recs[i].tokens), i))
    fuller: dict[tuple[str, ...], list[int]] = {}  # name -> records with a longer name holding its tokens
    for i in order:
        r = recs[i]
        if len(r.tokens) >= longest:
            continue
        if r.tokens not in fuller:
            # a shorter form's tokens all occur in the fuller name (initials aside: those match by the others)
            words = [tok for tok in r.tokens if len(tok) > 1] or list(r.tokens)
            pool = set.intersection(*(by_token.get(tok, set()) for tok in words))
            fuller[r.tokens] = sorted(j for j in pool if len(recs[j].tokens) > len(r.tokens))
        candidates: dict[int, tuple[int, str]] = {}
        for j in fuller[r.tokens]:
            other = recs[j]
            if cl.find(j) == cl.find(i):
                continue
            how = form_of(r.tokens, other.tokens, other.culture)
            if how is None or cl.why_not(i, j) is not None:
                continue
            candidates.setdefault(cl.find(j), (j, how))
        if not candidates:
            continue
        same_doc = {root: c for root, c in candidates.items() if r.doc in cl.summaries[root].docs}
        if len(same_doc) == 1:
            (j, how), = same_doc.values()
            rule = "name_form" if len(r.tokens) > 1 else "short_name"
            cl.join(j, i, rule, f"'{r.name}' is the {how} of '{recs[j].name}' in the same document ({r.doc})")
            continue
        if len(candidates) != 1:
            continue  # ambiguous: several people could be meant
        (j, how), = candidates.values()
        if len(r.tokens) >= 2:
            cl.join(j, i, "name_form", f"'{r.name}' ({r.doc}) is the {how} of '{recs[j].name}' ({recs[j].doc}), "
                    f"the only person with that name form" + (f"; country {r.country}" if r.country else ""))
            continue
        mine, theirs = cl.summary(i), cl.summary(j)
        shared_titles = mine.titles & theirs.titles
        shared_orgs = {o for _r, o in mine.titles if o} & {o for _r, o in theirs.titles if o}
        close = not mine.years or not theirs.years or min(abs(x - y) for x in mine.years
                                                          for y in theirs.years) <= SHORT_NAME_YEARS
        if r.country and r.country in theirs.countries and (shared_titles or shared_orgs) and close:
            what = (f"title '{sorted(shared_titles)[0][0]}'" if shared_titles else
                    f"organization '{sorted(shared_orgs)[0]}'")
            cl.join(j, i, "short_name", f"'{r.name}' ({r.doc}) is the {how} of '{recs[j].name}' ({recs[j].doc}); "
                    f"same country {r.country}, same {what}, the only person who fits")
    return cl


def _analyst_veto(a: PSum, b: PSum) -> str | None:
    return None  # analyst merges override every automatic veto (but not analyst splits)


def canonical_name(recs: list[PersonRec], members: list[int]) -> str:
    """The fullest name as most often written."""
    best = max(len(recs[i].tokens) for i in members)
    counts: dict[str, int] = defaultdict(int)
    for i in members:
        if len(recs[i].tokens) == best:
            counts[recs[i].name] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
