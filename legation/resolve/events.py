"""The same encounter reported by several documents becomes one event with several sources.

Only encounters (meeting, talks, reception, visit, call, signing) are joined,
and never two events of one document (the extractor already decided those
are different).  Two reports are one encounter when:

* ``same_encounter``: their kinds agree (meeting, talks and reception count as
  one family: outlets call the same sitting by any of them), they share the
  people (both, when each names two or more; the one, when one names only
  one), and their dates agree within ``DATE_SLACK_DAYS`` (a date known only
  to the month or year agrees with any day inside it; an undated report
  agrees when the documents were published within a week);
* ``same_occasion``: neither names anyone, but kind, day, place and the
  countries involved are the same.

Dates and places that differ inside one event are kept per source and
reported by ``legation check``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from legation.models import Decision
from legation.resolve.clusters import Clusters
from legation.resolve.inputs import EventRec
from legation.resolve.organizations import _analyst_merges, _splits

DATE_SLACK_DAYS = 3
UNDATED_PUBLISHED_DAYS = 7
_FAMILY = {"meeting": "sitting", "talks": "sitting", "reception": "sitting"}


def family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def date_range(value: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The days an ISO date of any precision (or a start-end range) can stand for."""
    if not value:
        return None
    first = _parse(value, last=False)
    last = _parse(end or value, last=True)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def _parse(value: str, *, last: bool) -> date | None:
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            if not last:
                return date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return nxt - timedelta(days=1)
        if len(value) == 4:
            y = int(value)
            return date(y, 12, 31) if last else date(y, 1, 1)
    except ValueError:
        return None
    return None


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two ranges; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


@dataclass(slots=True)
class ESum:
    docs: set[str]


def _combine(a: ESum, b: ESum) -> ESum:
    return ESum(a.docs | b.docs)


def _veto(a: ESum, b: ESum) -> str | None:
    shared = a.docs & b.docs
    if shared:
        return f"both in document {sorted(shared)[0]} (one document's events are distinct)"
    return None


def _dates_agree(a: EventRec, b: EventRec) -> tuple[bool, str]:
    ra, rb = date_range(a.date_start, a.date_end), date_range(b.date_start, b.date_end)
    if ra and rb:
        gap = _gap_days(ra, rb)
        return gap <= DATE_SLACK_DAYS, f"dates {a.date_start} / {b.date_start}"
    pa, pb = date_range(a.published), date_range(b.published)
    if pa and pb and _gap_days(pa, pb) <= UNDATED_PUBLISHED_DAYS:
        return True, "undated, published within a week"
    return False, ""


def _people_agree(a: list[int], b: list[int]) -> bool:
    if not a or not b:
        return False
    shared = len(set(a) & set(b))
    return shared >= min(2, len(set(a)), len(set(b)))


def resolve_events(recs: list[EventRec], *, person_cluster: list[int], person_names: list[str],
                   decisions: list[Decision]) -> Clusters[ESum]:
    """Cluster event records; ``person_cluster`` maps person record -> person cluster."""
    splits, merges = _splits(len(recs), [r.anchor for r in recs], [(r.doc, r.local) for r in recs], "event",
                             decisions)
    cl = Clusters([ESum({r.doc}) for r in recs], _combine, lambda a, b: None, splits=splits)
    _analyst_merges(cl, merges)
    cl.veto = _veto
    people = [sorted({person_cluster[p] for p in r.people}) for r in recs]
    # block by person: each person's encounters in date order, compared within a sliding window
    by_person: dict[int, list[int]] = defaultdict(list)
    anonymous: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if r.kind not in ("meeting", "talks", "reception", "visit", "call", "signing"):
            continue
        if people[i]:
            for p in people[i]:
                by_person[p].append(i)
        elif r.date_start and len(r.date_start) >= 10 and r.place and len(r.countries) >= 2:
            anonymous[(family(r.kind), r.date_start[:10], r.place.casefold(), tuple(sorted(r.countries)))].append(i)

    def when(i: int) -> date:
        rng = date_range(recs[i].date_start, recs[i].date_end) or date_range(recs[i].published)
        return rng[0] if rng else date.min

    window = timedelta(days=max(DATE_SLACK_DAYS, UNDATED_PUBLISHED_DAYS) + 366)
    for idxs in by_person.values():
        idxs.sort(key=lambda i: (when(i), i))
        for n, i in enumerate(idxs):
            for j in idxs[n + 1:]:
                if when(j) - when(i) > window:
                    break
                a, b = recs[i], recs[j]
                if a.doc == b.doc or family(a.kind) != family(b.kind) or cl.find(i) == cl.find(j):
                    continue
                if not _people_agree(people[i], people[j]):
                    continue
                ok, dates = _dates_agree(a, b)
                if not ok:
                    continue
                shared = sorted(set(people[i]) & set(people[j]))
                names = ", ".join(person_names[c] for c in shared[:4])
                kinds = a.kind if a.kind == b.kind else f"{a.kind} / {b.kind}"
                cl.join(i, j, "same_encounter", f"{kinds} with {names}; {dates}; reported by {a.doc} and {b.doc}")
    for key, idxs in anonymous.items():
        for j in idxs[1:]:
            cl.join(idxs[0], j, "same_occasion", f"{key[0]} on {key[1]} in {recs[j].place} between "
                    f"{' and '.join(key[3])}; reported by {recs[idxs[0]].doc} and {recs[j].doc}")
    return cl


def canonical(recs: list[EventRec], members: list[int]) -> dict:
    """The event's kind, date and place as most sources give them (the most precise date on a tie)."""
    kinds = Counter(recs[i].kind for i in members)
    kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    dated = [recs[i] for i in members if recs[i].date_start]
    date_start = date_end = precision = None
    if dated:
        counts = Counter((r.date_start, r.date_end, r.precision) for r in dated)
        (date_start, date_end, precision), _n = sorted(
            counts.items(), key=lambda kv: (-kv[1], -len(kv[0][0] or ""), kv[0][0] or ""))[0]
    places = Counter(recs[i].place for i in members if recs[i].place)
    place = sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if places else None
    pcountries = Counter(recs[i].place_country for i in members if recs[i].place_country)
    place_country = sorted(pcountries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if pcountries else None
    return {"kind": kind, "date_start": date_start, "date_end": date_end, "precision": precision, "place": place,
            "place_country": place_country}
