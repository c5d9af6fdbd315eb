"""One event per real-world encounter: folding an article's mentions together.

Why this is its own step: news tells one meeting many times, and event data
that counts each telling (as GDELT does) inflates every dyad.  The rules, in
the order the article is read:

* A mention that refers back ("the meeting", "During the talks, ...") joins the
  encounter in focus, or the one whose participants it names, or for a specific
  word ("the talks") the latest encounter of that kind.  A caption, or a mention
  with nothing before it, waits until the whole article is read.
* A new telling ("X met Y") joins an encounter already told when its date does not
  contradict it and one side's participants contain the other's ("Welcoming the
  delegation, Y praised ..." adds nothing new), unless the sentence marks it as
  another happening ("also", "then", "on the afternoon of the same day").
* "the same day" takes the date of the day-dated encounter in focus.
* Postponed, cancelled, refused, denied, hypothetical and planned encounters are
  kept apart: they never absorb or join encounters that happened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from legation.models import DateExpr
from legation.nlp.discourse import Discourse
from legation.nlp.mentions import Mention

__all__ = ["Encounter", "Tracker", "past_date"]

_GENERIC = {"meeting"}
#: how far back (in characters) a telling looks for the encounter it tells again: an article's
#: length, so that folding stays linear in the length of long documents
_REACH = 8000
_ALSO = re.compile(r"\balso\b", re.I)
_GATHERINGS = {"meeting", "reception", "talks"}


@dataclass(slots=True)
class Encounter:
    """An encounter (or a non-encounter such as a postponed meeting) and its mentions."""

    kind: str
    status: str
    mentions: list[Mention] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)
    host_entities: list[str] = field(default_factory=list)
    delegations: list[str] = field(default_factory=list)
    leaders: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    unnamed_delegations: list[str] = field(default_factory=list)
    destination: str | None = None
    several_places: bool = False
    destination_anaphor: str | None = None
    modes: set[str] = field(default_factory=set)
    date: DateExpr | None = None
    group: bool = False
    touched: int = 0
    strong: Mention | None = None  # the telling that founded it: evidence, kind
    intended: str | None = None    # for a postponed or planned encounter: what it would have been
    anchor: Encounter | None = None  # the encounter it was set at or after (sidelines, 'After the talks')
    anchor_place: bool = False       # ... whose place it shares (sidelines, a forum, a signing after talks)
    last_told: int = 0               # where its latest telling starts

    @property
    def start(self) -> int:
        return (self.strong or self.mentions[0]).start

    def absorb(self, m: Mention) -> None:
        self.mentions.append(m)
        self.last_told = max(self.last_told, m.start)
        for attr in ("people", "hosts", "guests", "visitors", "host_entities", "delegations", "places", "signatories",
                     "unnamed_delegations"):
            mine = getattr(self, attr)
            mine.extend(x for x in getattr(m, attr) if x not in mine)
        for k, v in m.leaders.items():
            self.leaders.setdefault(k, v)
        if self.destination is None and m.destination:
            self.destination = m.destination
            self.several_places = len(m.destination_cities) > 1
        self.destination_anaphor = self.destination_anaphor or m.destination_anaphor
        self.modes |= m.modes
        self.group = self.group or m.group
        if self.date is None and m.own_date is not None:
            self.date = m.own_date
        if self.anchor is None and m.anchor is not None and m.anchor is not self:
            self.anchor = m.anchor  # type: ignore[assignment]
            self.anchor_place = m.anchor_place


class Tracker:
    """Reads mentions sentence by sentence and keeps the article's encounters."""

    def __init__(self, disc: Discourse) -> None:
        self.disc = disc
        self.events: list[Encounter] = []
        self._active: list[Encounter] = []  # the encounters told within reach of the sentence being read
        self._by_start: list[tuple[int, int, Encounter]] = []  # all of them by where they start (finish)
        self.others: list[Encounter] = []
        self.deferred: list[Mention] = []
        self.focus: Encounter | None = None
        self.last: Encounter | None = None  # the encounter told last, even when it names no one
        self.latent: Mention | None = None  # 'X and Y agreed in Warsaw on Wednesday': a meeting no word names
        #: the encounter told last, background or not ('X, who is on a visit to Y, ...')
        self.recent: Encounter | None = None
        #: the visiting parties the article lists: (the encounter they were listed at, the members)
        self.parties: list[tuple[Encounter, list[str]]] = []
        #: the gathering whose sidelines the article last told of, and in which paragraph
        self.sidelines: tuple[Encounter, int] | None = None
        self.clock = 0
        #: sentence index -> (encounter in focus after it, encounters it told of)
        self.snapshots: dict[int, tuple[Encounter | None, list[Encounter]]] = {}
        self._told: dict[int, list[Encounter]] = {}
        #: sentence index -> (encounter, where its telling starts, whether that telling created it)
        self.tellings: dict[int, list[tuple[Encounter, int, bool]]] = {}

    # ------------------------------------------------------------------ reading

    def add(self, sentence_index: int, mentions: list[Mention]) -> None:
        anchors = [m for m in mentions if m.anaphoric and m.frame and m.status == "occurred" and not m.sentence.caption]
        for m in anchors:  # 'After the talks, A and B witnessed the signing ...': the talks date the rest
            self._add(m)
        told_here = [e for e in self._told.get(sentence_index, [])
                     if not any(a.earlier and a in e.mentions for a in anchors)]  # 'Before his tour, ...'
        anchor = next((e for e in told_here if e.date is not None), told_here[0] if told_here else None)
        for m in mentions:
            if m in anchors:
                continue
            if m.date_anaphor:
                self._resolve_date_anaphor(m)
            if m.guest_role is not None:
                self._resolve_guest(m)
            setting = self.focus
            if not m.anchored and self.sidelines is not None and m.own_date is None and not m.places \
                    and not m.anaphoric and m.status == "occurred" and _ALSO.search(m.sentence.text) \
                    and m.sentence.paragraph - self.sidelines[1] <= 1:
                m.anchored, setting = True, self.sidelines[0]  # '... on the sidelines ...' then 'X also met Y'
            if m.anchored and setting is not None:
                m.anchor, m.anchor_place = setting, True  # sideline meetings are held where it is
                if m.own_date is None:  # and on its day (known now or when the article is read)
                    m.own_date = setting.date
                self.sidelines = (setting, m.sentence.paragraph)
            if m.own_date is None and anchor is not None and m.status == "occurred":
                m.own_date = anchor.date
                if m.anchor is None:  # 'After the talks, X and Y signed ...': the talks' day; a signing there
                    m.anchor, m.anchor_place = anchor, m.kind == "signing"
            if m.own_date is None and m.group and self.focus is not None and m.status == "occurred":
                m.own_date = self.focus.date  # 'The two sides signed ...': the sides of the encounter just told
            focus = self.focus
            if (m.kind == "signing" and m.status == "occurred" and m.own_date is None and not m.places
                    and m.anchor is None and not m.anaphoric and focus is not None and focus.kind in _GATHERINGS
                    and len(m.people) >= 2 and set(m.people) <= set(focus.people)
                    and sentence_index - max(x.sentence.index for x in focus.mentions) <= 2):
                # 'X and Y held talks in Seoul on Wednesday ...' then 'X and Y also signed an MoU': there, then
                m.anchor, m.anchor_place, m.own_date = focus, True, focus.date
            if m.status != "occurred":
                # 'has cancelled his visit' is news even when the visit was told before;
                # 'this visit would strengthen ...' only talks about one
                if not m.anaphoric or m.status in ("cancelled", "postponed", "refused", "denied"):
                    self._add_other(m)
                continue
            for part in self._split(m):
                self._add(part)
        told = self._told.get(sentence_index, [])
        dated = next((e for e in told if e.date is not None), None)
        if dated is not None:  # 'signed the document ... after talks that covered ...': the same day
            for m in mentions:
                if m.frame == "relation" and not m.anaphoric and m.status == "occurred":
                    for e, start, created in self.tellings.get(sentence_index, []):
                        if created and start == m.start and e.date is None:
                            e.date = dated.date
        self.snapshots[sentence_index] = (self.focus, list(self._told.get(sentence_index, [])))

    def add_members(self, people: list[str], *, visiting: bool = True) -> None:
        """'The delegation included X, Y and Z' (they travel with the delegation in focus, and take
        part in its encounters: see ``parties``); 'X and Y were also present', 'The Indian side was
        led by X' (they took part in the encounter just told)."""
        e = self.focus
        if self.last is not None and (e is None or self.last.start > e.start):
            e = self.last  # 'the two-day meeting held here ...' then 'The Indian side was led by X'
        if visiting:  # the latest encounter of a travelling party: 'X, who is on a visit ..., said ...'
            parties = [x for x in (self.recent, self.last, self.focus) if x is not None and x.people
                       and (x.kind == "visit" or x.visitors or x.guests or x.leaders or x.delegations
                            or x.unnamed_delegations)]
            if parties:
                e = max(parties, key=lambda x: x.start)
        if e is None:
            return
        # the stops of one tour ('visiting Qatar ..., Kuwait ... and Oman ...') travel with one party
        tour = [x for x in self.events if x is not e and x.kind == "visit" and x.start == e.start] if (
            visiting and e.kind == "visit") else []
        for stop in [e, *tour]:
            if visiting:
                self.parties.append((stop, list(people)))
            if visiting and not stop.visitors and stop.people and stop.people[0] not in stop.hosts:
                stop.visitors.append(stop.people[0])  # 'The minister was accompanied by X': the minister travels too
            for p in people:
                if p not in stop.people:
                    stop.people.append(p)
                if visiting and p not in stop.visitors:
                    stop.visitors.append(p)

    def finish(self) -> list[Encounter]:
        """Resolve the mentions that waited, and return encounters in text order."""
        self._by_start = sorted(((e.start, n, e) for n, e in enumerate(self.events)), key=lambda x: x[:2])
        for m in self.deferred:
            e = self._best_anywhere(m)
            if e is not None:
                self._attach(e, m, focus=False)
            elif len(m.people) >= 2 or (m.own_date is not None and m.people):
                created = self._create(m)
                bisect.insort(self._by_start, (created.start, len(self._by_start), created), key=lambda x: x[:2])
        for idx, (focus, told) in list(self.snapshots.items()):
            self.snapshots[idx] = (focus, list(self._told.get(idx, told)))
        self.events.sort(key=lambda e: e.start)
        self.others.sort(key=lambda e: e.start)
        return self.events

    # ------------------------------------------------------------------ internals

    def _split(self, m: Mention) -> list[Mention]:
        """'held separate meetings with A and B': one encounter per counterpart."""
        if not m.separate or len(m.right) < 2 or not m.left:
            return [m]
        parts = []
        for other in m.right:
            p = Mention(kind=m.kind, sentence=m.sentence, start=m.start, end=m.end, rule=m.rule, det=m.det,
                        frame=m.frame, relcl=m.relcl, status=m.status, anaphoric=m.anaphoric,
                        own_date=m.own_date, date_anaphor=m.date_anaphor, people=m.left + [other],
                        left=list(m.left), right=[other], hosts=[x for x in m.hosts if x in m.left + [other]],
                        guests=[x for x in m.guests if x in m.left + [other]], visitors=list(m.visitors),
                        delegations=list(m.delegations), places=list(m.places), destination=m.destination,
                        modes=set(m.modes), new_marker=True, separate=True, frames=list(m.frames),
                        anchored=m.anchored, anchor=m.anchor, anchor_place=m.anchor_place, enclosing=m.enclosing)
            parts.append(p)
        return parts

    def _add(self, m: Mention) -> None:
        if m.sentence.caption:  # captions and headlines show what the body tells: read them last
            self.deferred.append(m)
            return
        if m.anaphoric:
            e = self._antecedent(m)
            if e is None and self.latent is not None and m.sentence.index - self.latent.sentence.index <= 3:
                latent, self.latent = self.latent, None  # 'The talks were also attended by X'
                latent.kind = m.kind if m.kind not in _GENERIC else latent.kind
                e = self._create(latent)
            if e is not None:
                self._attach(e, m)
            elif not self.events and m.frame is None and len(m.people) >= 2:
                self._create(m)  # the body's first telling: 'X chaired the ministerial meeting, attended by Y'
            else:
                self.deferred.append(m)
            return
        e = None if m.new_marker else self._merge_candidate(m)
        if e is not None:
            self._attach(e, m)
        else:
            self._create(m)

    def _create(self, m: Mention) -> Encounter:
        e = Encounter(kind=m.kind, status=m.status, strong=m)
        e.absorb(m)
        self.events.append(e)
        self._active.append(e)
        self._touch(e, m)
        self.tellings.setdefault(m.sentence.index, []).append((e, m.start, True))
        return e

    def _attach(self, e: Encounter, m: Mention, *, focus: bool = True) -> None:
        e.absorb(m)
        self.tellings.setdefault(m.sentence.index, []).append((e, m.start, False))
        if focus:
            self._touch(e, m)
        else:
            self._told.setdefault(m.sentence.index, []).append(e)

    def _touch(self, e: Encounter, m: Mention) -> None:
        self.clock += 1
        e.touched = self.clock
        # 'concluding negotiations on the pact' names no one, and 'X, who visited Hanoi in 2024,'
        # or 'X recalled his visit to Kunming last August' tells background: neither moves the
        # story's focus, so 'After the talks' later still means the story's talks
        aside = self.focus is not None and (m.relcl or past_date(e.date, self.disc.published))
        self.recent = e
        if not aside:
            self.last = e
        if (e.people or e.delegations) and not aside:
            self.focus = e
        told = self._told.setdefault(m.sentence.index, [])
        if e not in told:
            told.append(e)

    def _antecedent(self, m: Mention) -> Encounter | None:
        cands = [e for e in self._within_reach(m) if _dates_agree(m.own_date, e.date) and _owned(m, e)]
        if not cands:
            return None
        people = set(m.people)
        if people:
            scored = [(len(people & set(e.people)), e is self.focus, e.touched, e) for e in cands
                      if _kind_fits(m, e)]
            scored = [s for s in scored if s[0] > 0]
            if scored:
                return max(scored, key=lambda s: s[:3])[3]
        if m.kind in _GENERIC:
            if self.focus in cands:
                return self.focus
            # 'Officials from BRICS countries met in Brasília ...' then 'The meeting was chaired by X'
            return self.last if self.last in cands and self.last is not None and not self.last.people else None
        same = [e for e in cands if _kind_fits(m, e)]
        focus = self.focus
        if m.kind == "talks" and focus in same and focus.mentions \
                and m.sentence.index - max(x.sentence.index for x in focus.mentions) <= 1:
            return focus  # 'X called on Y.' then 'During the talks, ...': the encounter just told
        # 'the reception' is the reception before a gathering of another kind, and the story's before a
        # past one recalled in between
        pool = [e for e in same if e.kind == m.kind] or same
        if focus in pool:
            return focus
        published = self.disc.published
        return max(pool, key=lambda e: (not past_date(e.date, published), e.touched)) if pool else None

    def _within_reach(self, m: Mention) -> list[Encounter]:
        """The encounters told within ``_REACH`` characters before ``m`` (read in order, so those
        left behind are dropped for good)."""
        self._active = [e for e in self._active if e.last_told >= m.start - _REACH]
        return self._active

    def _merge_candidate(self, m: Mention) -> Encounter | None:
        best = None
        mp = set(m.people)
        for e in self._within_reach(m):
            if not _kinds_merge(m, e) or not _dates_agree(m.own_date, e.date):
                continue
            if e.strong is not None and e.strong.sentence is m.sentence and e.kind != m.kind:
                continue  # 'received X, who is in Hanoi for the Meeting': two happenings, one sentence
            ep = set(e.people)
            shared = len(mp & ep)
            if mp and ep:
                if not shared or not (mp <= ep or ep <= mp):
                    continue
            elif set(m.delegations) & set(e.delegations):
                pass
            elif mp and not ep and not e.delegations and m.kind == e.kind:
                pass  # 'Kenya and Japan signed ...' then 'X and Y signed the documents': now it has names
            elif not (m.kind == e.kind and e in (self.focus, self.last)):
                continue  # one side names no one: only the encounter just told ('Kenya and Japan signed ...')
            key = (shared, e is self.focus, e.touched)
            if best is None or key > best[0]:
                best = (key, e)
        return best[1] if best else None

    def _best_anywhere(self, m: Mention) -> Encounter | None:
        best = None
        people = set(m.people)
        lo = bisect.bisect_left(self._by_start, (m.start - _REACH, -1), key=lambda x: x[:2])
        hi = bisect.bisect_right(self._by_start, (m.start + _REACH, len(self._by_start) + 1), key=lambda x: x[:2])
        for _s, _n, e in self._by_start[lo:hi]:  # a caption or headline shows what its own article tells
            if not _dates_agree(m.own_date, e.date) or not _owned(m, e):
                continue
            fits = _kind_fits(m, e)
            if m.kind not in _GENERIC and not fits:
                continue
            score = 10 * len(people & set(e.people)) + 3 * len(set(m.delegations) & set(e.delegations))
            score += 4 if fits and m.kind == e.kind else 0
            distance = abs(e.start - m.start)
            key = (score, -distance)
            if best is None or key > best[0]:
                best = (key, e)
        if best is None:
            return None
        (score, _), e = best
        if m.sentence.caption and not m.anaphoric and not _kinds_merge(m, e) and len(people & set(e.people)) < 2:
            return None  # a headline's 'summit' is not the phone call the body tells of
        if score > 0 or m.kind not in _GENERIC:
            return e
        return e if not people else None

    def _add_other(self, m: Mention) -> None:
        kind = m.status
        for e in self.others:
            if e.kind != kind or e.intended != m.kind or not _dates_agree(m.own_date, e.date):
                continue
            mp, ep = set(m.people), set(e.people)
            if (mp and ep and (mp <= ep or ep <= mp)) or (not mp and set(m.delegations) & set(e.delegations)):
                e.absorb(m)
                return
        e = Encounter(kind=kind, status=m.status, strong=m, intended=m.kind)
        e.absorb(m)
        self.others.append(e)

    def _resolve_guest(self, m: Mention) -> None:
        """'received the Cuban guest': the visitor the article is about (from that country)."""
        listed = {p for _e, members in self.parties for p in members}
        ordered = sorted(self._within_reach(m), key=lambda e: -e.touched)
        if self.focus is not None:  # the guests of the encounter just told, before any other
            ordered = [self.focus] + [e for e in ordered if e is not self.focus]
        for e in ordered:
            for p in e.guests + e.visitors:
                if p in m.people or p in listed or (m.guest_role and self.disc.country_of(p) != m.guest_role):
                    continue
                m.right.append(p)
                m.people.append(p)
                m.guests.append(p)
                return

    def _resolve_date_anaphor(self, m: Mention) -> None:
        ref = None
        for e in sorted(self._within_reach(m), key=lambda e: -e.touched):
            d = e.date
            if d and d.start and len(d.start) == 10 and not d.end:
                ref = d
                break
        if ref is None or ref.start is None:
            return
        day = date.fromisoformat(ref.start)
        shift = {"same": 0, "next": 1, "previous": -1}[m.date_anaphor or "same"]
        hit = self.disc.lexicon.anaphoric_dates[m.date_anaphor or "same"].search(
            self.disc.text, m.sentence.start, m.sentence.end)
        text = hit.group() if hit else ref.text
        offsets = (hit.start(), hit.end()) if hit else ref.offsets
        m.own_date = DateExpr(start=(day + timedelta(days=shift)).isoformat(), end=None, precision="day",
                              text=text, base=ref.start, offsets=offsets)


def past_date(d: DateExpr | None, published: str | None) -> bool:
    """Is date ``d`` well before the publication date: a month or year before its month, or a
    day more than a month before it?  Such a telling is background, not the story."""
    if d is None or not d.start or not published or len(published) < 7:
        return False
    if len(d.start) < 10:
        return (d.end or d.start)[:7] < published[:7] if len(d.start) == 7 else (d.end or d.start) < published[:4]
    if len(published) < 10:
        return (d.end or d.start)[:7] < published[:7]
    try:
        return date.fromisoformat((d.end or d.start)[:10]) < date.fromisoformat(published[:10]) - timedelta(days=31)
    except ValueError:
        return False


def _dates_agree(a: DateExpr | None, b: DateExpr | None) -> bool:
    if a is None or b is None:
        return True
    if a.start and b.start:
        return a.start == b.start and (a.end or a.start) == (b.end or b.start)
    return _norm(a.text) == _norm(b.text)


def _norm(text: str | None) -> str:
    words = (text or "").lower().replace(",", " ").split()
    return " ".join(w for w in words if w not in ("on", "in", "the", "of", "at", "from"))


def _owned(m: Mention, e: Encounter) -> bool:
    """'their talks with C' names talks that A and B, its owners, took part in: not another encounter
    of C's."""
    if m.det != "possessive" or not m.left or not e.people:
        return True
    return bool(set(m.left) & set(e.people))


def _kind_fits(m: Mention, e: Encounter) -> bool:
    """Can the words of ``m`` ('the talks', 'the visit') name encounter ``e``?"""
    if m.kind in _GENERIC or m.kind == e.kind:
        return True
    if m.kind == "talks" and e.kind in ("meeting", "reception"):  # 'who attended the talks' after 'X met Y'
        return True
    if m.kind == "visit":
        return "visit" in e.modes
    if m.kind == "reception" and e.kind in _GATHERINGS:
        return m.own_date is None
    return False


def _kinds_merge(m: Mention, e: Encounter) -> bool:
    """May a new telling of kind m.kind be another telling of encounter e?"""
    if m.kind == e.kind:
        return True
    if m.kind in _GATHERINGS and e.kind in _GATHERINGS:
        return m.own_date is None
    if m.kind == "visit" and m.own_date is None:
        return "visit" in e.modes
    return False
