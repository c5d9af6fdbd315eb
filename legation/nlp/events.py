"""Diplomatic events: encounters, statements and happenings, coded for event data.

The component runs last and reads what the others wrote (people with every
mention, organizations, places, resolved dates).  It works in four steps, each
in its own module:

1. ``encounters.py``: each sentence's tellings of meetings, talks, receptions,
   visits, calls and signings, with status, date and place hints (the trigger words and
   mention types are in ``mentions.py``, participants and roles in ``participants.py``);
2. ``coreference.py``: one event per real-world encounter;
3. ``statements.py``: invitations, proposals, commitments, praise, agreements,
   gift exchanges, scheduled fairs, anniversaries, each tied to its occasion;
4. here: place, source and target actors (visitor and host), countries,
   sectors, topics, PLOVER and CAMEO codes (``coding.py``), evidence.

DOCS: docs/events.md
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import DateExpr, Event, EventPlace, Evidence
from legation.nlp.coding import actor_sector, code_event
from legation.nlp.coreference import Encounter, Tracker, past_date
from legation.nlp.discourse import Discourse
from legation.nlp.encounters import Context, Mention, detect_encounters, latent_encounter, sentence_subject
from legation.nlp.event_lexicon import FILES, EventLexicon, load_event_lexicon, read_lexicon_dir
from legation.nlp.extensions import get_dict, get_list
from legation.nlp.statements import Statement, detect_statements, topics_of

__all__ = ["EventComponent", "extract_events"]

#: how far (in characters) the assembly looks for the visit, party or guests an encounter belongs
#: to: an article's length, so that long documents are read in linear time
_REACH = 8000


class EventComponent:
    """spaCy component ``legation_events``: fills ``doc._.legation_events``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon: EventLexicon = load_event_lexicon()

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.lexicon = load_event_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        meta = get_dict(doc, "legation_meta")
        events = extract_events(
            doc.text, published=meta.get("published"), people=doc._.legation_people or [],
            organizations=doc._.legation_organizations or [], places=doc._.legation_places or [],
            dates=doc._.legation_dates or [], lexicon=self.lexicon)
        get_list(doc, "legation_events").extend(events)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            (path / name).write_text(self.lexicon.sources[name], encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> EventComponent:
        self.lexicon = read_lexicon_dir(Path(path))
        return self


def extract_events(text: str, *, published: str | None, people, organizations, places, dates,
                   lexicon: EventLexicon | None = None) -> list[Event]:
    """The events of one article, from the entity and date components' output."""
    disc = Discourse.build(text, published=published, people=list(people), organizations=list(organizations),
                           places=list(places), dates=list(dates), lexicon=lexicon or load_event_lexicon())
    tracker = Tracker(disc)
    ctx = Context()
    actors: dict[int, str | None] = {}
    settings: dict[str, tuple[DateExpr | None, str | None]] = {}
    for sent in disc.sentences:
        actors[sent.index] = ctx.actor
        mentions = detect_encounters(sent, disc, ctx)
        setting = _SETTING.match(sent.text)
        if setting and setting.group(1).lower() in settings:  # 'At the forum, X and Y witnessed the signing'
            day, where = settings[setting.group(1).lower()]
            for m in mentions:
                if m.status != "occurred":
                    continue
                if m.own_date is None and day is not None:
                    m.own_date = day
                if not m.places and where is not None:
                    m.places.append(where)  # held where the forum is
        _remember_settings(disc, sent, settings)
        if not mentions:
            tracker.latent = latent_encounter(sent, disc) or tracker.latent
        tracker.add(sent.index, mentions)
        _add_members(disc, sent, tracker, bool(mentions))
        _update_context(disc, sent, ctx, mentions, tracker)
    encounters = tracker.finish()
    statements = detect_statements(disc, tracker, actors)
    return _Assembler(disc, encounters, tracker.others, statements, tracker.parties).events()


_SETTING_NOUNS = r"forum|summit|conference|expo|fair|exhibition|congress|festival|ceremony"
_SETTING = re.compile(rf"\s*(?:At|During|On the sidelines of|On the margins of) the ({_SETTING_NOUNS})\b", re.I)


def _remember_settings(disc: Discourse, sent, settings: dict[str, tuple[DateExpr | None, str | None]]) -> None:
    """The day and city of a forum or summit the article names ('the Investment Forum in Riyadh on
    Tuesday'), for 'At the forum, ...' later."""
    days = [d for d in disc.dates_in(sent.start, sent.end) if d.start and len(d.start) == 10 and not d.end]
    for hit in re.finditer(rf"\b({_SETTING_NOUNS})\b", sent.text, re.I):
        end = sent.start + hit.end()
        where = next((r.id for r in disc.refs_in(end, min(sent.end, end + 40), "place")
                      if re.fullmatch(r"\s*(?:held\s+)?(?:in|at)\s+(?:the\s+)?", disc.text[end : r.start], re.I)
                      and not disc.is_country(r.id)), None)
        if days or where:
            known = settings.get(hit.group(1).lower(), (None, None))
            settings[hit.group(1).lower()] = (known[0] or (days[0] if days else None), known[1] or where)


def _update_context(disc: Discourse, sent, ctx: Context, mentions: list[Mention], tracker: Tracker) -> None:
    subject = sentence_subject(disc, sent)
    if subject is None:
        pron = re.match(r"\s*(?:[A-Z][\w ,'-]{0,60},\s*)?(he|she)\b", sent.text, re.I)
        subject = ctx.actor if pron else None
    if subject:
        ctx.actor = subject
    told = [m for m in mentions if m.people or m.delegations]
    if told:
        last = told[-1]
        ctx.hosts, ctx.guests = (list(last.hosts), list(last.guests)) if last.guests else ([], [])
        ctx.group = list(last.people)
        ctx.group_delegations = list(last.delegations)
        focus = tracker.focus
        if last.anaphoric and focus is not None and set(last.people) <= set(focus.people):
            ctx.group = list(focus.people)  # 'X also attended the talks': the talks' people, X among them
    elif tracker.focus is not None and sent.index in tracker.snapshots and tracker.snapshots[sent.index][1]:
        ctx.group = list(tracker.focus.people)
        ctx.group_delegations = list(tracker.focus.delegations)


class _Assembler:
    """Turns encounters and statements into contract ``Event`` objects."""

    def __init__(self, disc: Discourse, encounters: list[Encounter], others: list[Encounter],
                 statements: list[Statement], parties: list[tuple[Encounter, list[str]]] | None = None) -> None:
        self.disc = disc
        self.encounters = encounters
        self.others = others
        self.statements = statements
        self.ids: dict[int, str] = {}
        self.sides: dict[int, tuple[str | None, str | None]] = {}
        #: person -> the organization whose delegation they lead ('a FRELIMO delegation led by X')
        self.affiliation: dict[str, str] = {}
        for e in encounters + others:
            for org, person in e.leaders.items():
                if org in disc.organizations:
                    self.affiliation.setdefault(person, org)
        self._leaders: dict | None = None
        #: visiting parties: (who leads or heads them, their listed members, the visit's dates)
        self._members = {p for _e, members in parties or [] for p in members}
        self._in_order = sorted(encounters, key=lambda x: x.start)
        self._in_order_starts = [x.start for x in self._in_order]
        listed = sorted(parties or [], key=lambda x: x[0].start)
        self._party_starts = [e.start for e, _ in listed]
        self.parties = [self._party(e, members) for e, members in listed]

    def country(self, actor: str | None) -> str | None:
        return self.disc.country_of(actor) or self.disc.country_of(self.affiliation.get(actor or ""))

    def sector(self, actor: str | None) -> str | None:
        return actor_sector(self.disc, actor, affiliation=self.affiliation.get(actor or ""))

    def events(self) -> list[Event]:
        self._lead = self._lead_date()
        for e in self.encounters:  # dates first: an anchored encounter takes its anchor's final date
            inherited = self._date_from_lead(e, self._participants(e))
            if inherited is not None:
                e.date = inherited
        for e in self.encounters:
            if e.date is None and e.anchor is not None and e.anchor.date is not None and e.status == "occurred":
                e.date = e.anchor.date
        self._dated = any(e.date is not None and e.date.start for e in self.encounters)
        items: list[tuple[int, str, object]] = []
        for e in self.encounters:
            if self._counts(e):
                items.append((e.start, "encounter", e))
        for e in self.others:
            if e.people or e.delegations:
                items.append((e.start, "other", e))
        for st in self.statements:
            if st.kind in ("scheduled", "anniversary") or st.speaker or st.target \
                    or ((st.group or st.role) and st.occasion is not None):
                items.append((st.start, "statement", st))  # a headline's 'hails growth' names no one
        items.sort(key=lambda x: x[0])
        for n, (_, _, obj) in enumerate(items, 1):
            self.ids[id(obj)] = f"E{n}"
        self._visits = self._visit_contexts()
        self._places: dict[int, EventPlace | None] = {}
        out: list[Event] = []
        for _, what, obj in items:
            if what == "statement":
                continue
            out.append(self._encounter(obj))  # type: ignore[arg-type]
        for _, what, obj in items:
            if what == "statement":
                out.append(self._statement(obj))  # type: ignore[arg-type]
        out.sort(key=lambda ev: int(ev.id[1:]))
        return out

    # ------------------------------------------------------------------ encounters

    def _lead_date(self) -> tuple[DateExpr, set[str], int] | None:
        """The day the article's lead gives ('X and Y agreed Tuesday ...'), who it names, and where
        it is.  A lead that names only a group ('Foreign ministers of the six countries on Thursday
        agreed ...') gives its day to the gathering told right after it."""
        disc = self.disc
        body = [s for s in disc.sentences[:10] if not s.caption][:4]
        for n, sent in enumerate(body):  # a dateline's day ('CHANGSHA, June 27 (Xinhua) --') is the filing's
            days = [d for d in disc.dates_in(sent.start, sent.end) if d.start and len(d.start) == 10 and not d.end
                    and not (disc.dateline_end is not None and d.offsets[1] <= disc.dateline_end)]
            people = {r.id for r in disc.refs_in(sent.start, sent.end, "person")}
            if days and people:
                return days[0], people, sent.index
            if days and n == 0 and _GROUP_LEAD.search(sent.text):
                return days[0], set(), sent.index
        return None

    def _date_from_lead(self, e: Encounter, people: list[str]) -> DateExpr | None:
        """An encounter told without a date ('Meeting in Manila, X and Y ...') among the people of a
        dated lead happened that day, unless its sentences say it lies in the past."""
        lead = self._lead
        if e.date is not None or lead is None or e.status != "occurred":
            return None
        strong = e.strong or e.mentions[0]
        if lead[1] and not set(people) & lead[1]:
            return None
        if not lead[1] and not (len(people) >= 2 and 0 < strong.sentence.index - lead[2] <= 2):
            return None
        if _PAST.search(self.disc.text[max(strong.sentence.start, strong.start - 40):strong.end + 30]):
            return None
        return lead[0]

    def _counts(self, e: Encounter) -> bool:
        """Is there someone to meet?  A meeting needs two named people or a delegation; a
        visit one visitor ('X met members of the business council' names no counterpart), and a
        date ('X is currently on a visit to Vietnam' frames what the article dates; an article
        that dates nothing keeps its visits)."""
        people = self._participants(e)
        if e.kind == "visit" or e.intended == "visit":
            return bool(people or e.delegations) and (e.date is not None or not self._dated)
        return len(people) >= 2 or bool(e.delegations and people) or len(e.delegations) >= 2

    def _encounter(self, e: Encounter) -> Event:
        disc = self.disc
        people = self._participants(e)
        place = self._place(e, people)
        countries = [c for c in (disc.country_of(p) for p in people) if c]
        mode, venue = self._mode(e, place, countries)
        source, target = self._sides(e, people, place, mode)
        self.sides[id(e)] = (source, target)
        texts = " ".join(s.text for s in self._sentences(e))
        topics = topics_of(disc, texts + " " + " ".join(
            s.text for st in self.statements if st.occasion is e for s in st.sentences))
        kind = e.kind
        plover, cameo, _row = code_event(disc, kind=kind, status=e.status, mode=mode, venue=venue, topics=topics,
                                         joint=False)
        strong = e.strong or e.mentions[0]
        return Event(
            id=self.ids[id(e)], kind=kind, plover=plover, cameo=cameo, date=_date(e.date), place=place,
            participants=people, delegations=list(e.delegations),
            source_actor=source, target_actor=target,
            source_country=self.country(source), target_country=self.country(target),
            source_sector=self.sector(source), target_sector=self.sector(target),
            topics=topics, status=e.status,
            evidence=Evidence(start=strong.sentence.start, end=strong.sentence.end, text=strong.sentence.text),
            confidence=self._confidence(e, people, place),
            subject=e.intended if e.status != "occurred" else None,
            mentions=[(s.start, s.end) for s in self._sentences(e)],
        )

    def _sentences(self, e: Encounter):
        seen = []
        strong = e.strong or e.mentions[0]
        for m in [strong] + e.mentions:
            if m.sentence not in seen:
                seen.append(m.sentence)
        return seen

    def _participants(self, e: Encounter) -> list[str]:
        """The people taking part, plus the head of a delegation the article names
        only as 'the PCP delegation' when it has said who leads it."""
        people = list(e.people)
        for d in e.delegations:
            if any(self._belongs(p, d) for p in people):
                continue
            leader = e.leaders.get(d) or self._leader(d, e)
            if leader and leader not in people:
                people.append(leader)
                if e.hosts and leader not in e.hosts:
                    e.guests.append(leader)
                if "visit" in e.modes or e.kind == "visit":
                    e.visitors.append(leader)
        if not people and e.leaders.get(""):
            people.append(e.leaders[""])
        for country in e.unnamed_delegations:  # 'the Peruvian delegation held a working session with X'
            if country and any(self.disc.country_of(p) == country for p in people):
                continue
            for guest in self._earlier_guests(country, e):
                if guest not in people:
                    people.append(guest)
                    e.visitors.append(guest)
        people = self._with_parties(e, people)
        return [p for p in people if p in self.disc.people]

    def _party(self, e: Encounter, members: list[str]) -> tuple[set[str], list[str], DateExpr | None]:
        """The core of a visiting party listed at encounter ``e`` (its visitors or guests, else
        the heads of its delegations, else its people who do not host) and its members."""
        core = e.visitors + e.guests + list(e.leaders.values())
        for d in e.delegations:
            leader = self._leader(d, e)
            if leader:
                core.append(leader)
        for country in e.unnamed_delegations:  # 'the delegation met X': the visitors told before
            core.extend(self._earlier_guests(country, e))
        core = [p for p in core if p not in members]
        if not core:
            core = [p for p in e.people if p not in members and p not in e.hosts]
        return set(core), members, e.date if e.kind == "visit" else None

    def _with_parties(self, e: Encounter, people: list[str]) -> list[str]:
        """'Named members of a delegation take part in that delegation's encounters': those of a
        listed party join every encounter its core takes part in, within the party's visit."""
        if e.status != "occurred":
            return people
        for core, members, span in self._near(self.parties, self._party_starts, e):
            if core & set(people) and _within(e.date, span):
                people = people + [p for p in members if p not in people]
        return people

    def _near(self, items: list, starts: list[int], e: Encounter) -> list:
        """Those of ``items`` (sorted by ``starts``) told within an article's length of ``e``."""
        return items[bisect.bisect_left(starts, e.start - _REACH) : bisect.bisect_right(starts, e.start + _REACH)]

    def _earlier_guests(self, country: str, e: Encounter) -> list[str]:
        """The visiting party (from ``country``, or any when it is '') of the latest encounter
        told before ``e`` that had one: its visitors and guests, else its source actor and the
        people of the source's country with it."""
        story = not past_date(e.date, self.disc.published)
        for x in reversed(self._near(self._in_order, self._in_order_starts, e)):
            if x is e or x.start > e.start:
                continue
            if story and past_date(x.date, self.disc.published):
                continue  # 'the delegation' of the story is not one recalled from years ago
            found = [p for p in x.visitors + x.guests if not country or self.disc.country_of(p) == country]
            found = [p for p in found if p not in self._members] + [p for p in found if p in self._members]
            if not found and id(x) in self.sides:
                source = self.sides[id(x)][0]
                home = self.disc.country_of(source)
                if source in self.disc.people and home and (not country or home == country):
                    found = [p for p in x.people if self.disc.country_of(p) == home]
            if found:
                return list(dict.fromkeys(found)) if not country else found[:1]
        return []

    def _belongs(self, person: str, org: str) -> bool:
        p = self.disc.people.get(person)
        return bool(p and any(t.organization == org for t in p.titles))

    def _leader(self, org: str, e: Encounter) -> str | None:
        """Who heads delegation ``org``: named as its leader anywhere, else the person
        holding a title in it who took part in an earlier encounter."""
        index = self._leader_index()
        if org in index["leads"]:
            return index["leads"][org]
        for start, x, p in index["holders"].get(org, ()):  # in the order the encounters were told
            if start <= e.start and x is not e:
                return p
        if org in self.disc.places:  # 'the Lao delegation': the leader of a delegation from there
            return index["by_country"].get(self.disc.place_country(org))
        return None

    def _leader_index(self) -> dict:
        """Who leads each delegation, who holds a title in each body, and the first leader from
        each country, over all encounters once (so finding a leader does not read them all again)."""
        if self._leaders is None:
            leads: dict[str, str] = {}
            holders: dict[str, list[tuple[int, Encounter, str]]] = {}
            by_country: dict[str, str] = {}
            for x in self.encounters:
                for org, p in x.leaders.items():
                    leads.setdefault(org, p)
                    country = self.disc.country_of(p)
                    if country:
                        by_country.setdefault(country, p)
                for p in x.people:
                    person = self.disc.people.get(p)
                    for org in {t.organization for t in person.titles if t.organization} if person else ():
                        holders.setdefault(org, []).append((x.start, x, p))
            self._leaders = {"leads": leads, "holders": holders, "by_country": by_country}
        return self._leaders

    def _visit_contexts(self) -> list[tuple[list[str], str | None, DateExpr | None]]:
        """Visits the article tells of: (visitors, destination country, dates), in text order
        (``self._visit_starts`` says where each is told)."""
        out = []
        self._visit_starts = []
        for e in self._in_order:
            dest = self._destination_country(e)
            if not dest:
                continue
            visitors = list(e.visitors) or (list(e.guests) if e.kind in ("visit", "reception") else [])
            if e.kind == "visit" and not visitors:
                visitors = list(e.people)
            if visitors:
                out.append((visitors, dest, e.date))
                self._visit_starts.append(e.start)
        return out

    def _destination_country(self, e: Encounter) -> str | None:
        if e.destination:
            return self.disc.place_country(e.destination)
        return None

    def _place(self, e: Encounter, people: list[str]) -> EventPlace | None:
        if id(e) not in self._places:
            self._places[id(e)] = self._find_place(e, people)
        return self._places[id(e)]

    def _find_place(self, e: Encounter, people: list[str]) -> EventPlace | None:
        disc = self.disc
        anchor = e.anchor
        if e.anchor_place and anchor is not None and not e.places and not e.destination and anchor is not e:
            # 'On the sidelines of the meeting, ...', 'After the talks, X and Y signed ...': there too
            at = self._place(anchor, self._participants(anchor))
            if at is not None and at.name:
                return at.model_copy()
        if e.kind == "call" or e.intended == "call":  # a call happens on the line, not at a place
            return next((EventPlace(name=None if disc.is_country(p) else disc.places[p].name,
                                    country=disc.place_country(p), inferred=False) for p in e.places), None)
        for pid in e.places:
            if not disc.is_country(pid):
                return EventPlace(name=disc.places[pid].name, country=disc.place_country(pid), inferred=False)
        strong = e.strong or e.mentions[0]
        dl = disc.dateline
        in_lead = dl is not None and strong.sentence.index == disc.dateline_sentence
        if in_lead and not e.destination and not disc.is_country(dl.id) and all(
                disc.place_country(p) == disc.place_country(dl.id) for p in e.places):
            return EventPlace(name=disc.places[dl.id].name, country=disc.place_country(dl.id), inferred=False)
        if e.destination:
            country = disc.place_country(e.destination)
            inferred = "visit" not in (e.kind, e.intended)
            if not disc.is_country(e.destination) and not e.several_places:
                return EventPlace(name=disc.places[e.destination].name, country=country, inferred=inferred)
            if country:
                return EventPlace(name=None, country=country, inferred=inferred)
        if e.destination_anaphor:
            # 'a working trip to the southern province': the province just named, not the one the
            # visitors come from ('a delegation from Gyeonggi Province ... is on a trip to the province')
            home = {disc.country_of(p) for p in (e.visitors or e.guests or people)} - {None}
            city = self._city_before((e.strong or e.mentions[0]).start, e.destination_anaphor, home)
            if city:
                return EventPlace(name=disc.places[city].name, country=disc.place_country(city), inferred=False)
        for pid in e.places:
            return EventPlace(name=None, country=disc.place_country(pid), inferred=False)
        if dl is not None and any(m.here for m in e.mentions):  # 'held talks here'
            return EventPlace(name=None if disc.is_country(dl.id) else disc.places[dl.id].name,
                              country=disc.place_country(dl.id), inferred=False)
        if in_lead:
            return EventPlace(name=None if disc.is_country(dl.id) else disc.places[dl.id].name,
                              country=disc.place_country(dl.id), inferred=False)
        country = self._ongoing_visit(e, people) or self._host_country(e, people)
        if country is None:
            known = [disc.country_of(p) for p in people]
            if len(people) >= 2 and None not in known and len(set(known)) == 1:
                country = known[0]  # a meeting among people of one country
        if country is None and dl is not None:
            country = disc.place_country(dl.id)
        return EventPlace(name=None, country=country, inferred=True) if country else None

    def _city_before(self, pos: int, noun: str | bool | None = None, avoid: set[str] | None = None) -> str | None:
        """The city or province 'the city', 'the southern province' stands for: the one of that kind
        named last before ``pos`` (else first after it), away from the countries in ``avoid``."""
        want = _ANAPHOR_KINDS.get(noun if isinstance(noun, str) else "", _ANAPHOR_KINDS[""])
        for kinds, away in ((want, avoid or set()), (want, set()), (_ANAPHOR_KINDS[""], set())):
            best = None
            for r in self.disc.refs_in(max(0, pos - 600), pos + 400, "place"):
                kind = self.disc.place_kind(r.id)
                if not (kind in kinds or (kind is None and not self.disc.is_country(r.id))):
                    continue
                if self.disc.place_country(r.id) in away:
                    continue
                best = r.id if best is None or r.start <= pos else best
            if best is not None:
                return best
        return None

    def _ongoing_visit(self, e: Encounter, people: list[str]) -> str | None:
        for visitors, dest, dates in self._near(self._visits, self._visit_starts, e):
            if not set(visitors) & set(people):
                continue
            if _within(e.date, dates):
                return dest
        return None

    def _host_country(self, e: Encounter, people: list[str]) -> str | None:
        for h in e.hosts + e.host_entities:
            c = self.disc.country_of(h)
            if c:
                return c
        return None

    def _sides(self, e: Encounter, people: list[str], place: EventPlace | None,
               mode: str) -> tuple[str | None, str | None]:
        """Source = the visitor or initiator, target = the host (PLOVER manual, CONSULT); for a
        meeting hosted by a third party, the two parties; for a signing, the signatories."""
        disc = self.disc
        country = place.country if place else None
        if mode == "third-party" and country:
            parties = [p for p in people if disc.country_of(p) and disc.country_of(p) != country]
            source = parties[0] if parties else None
            return source, _other_side(disc, source, parties[1:])
        if e.kind == "signing" or e.intended == "signing":
            ordered = [p for p in e.signatories if p in people] + _ordered_sides(e, people)
            source = ordered[0] if ordered else None
            return source, _other_side(disc, source, ordered[1:])
        visiting = set(e.visitors) | set(e.guests)
        for visitors, _dest, dates in self._near(self._visits, self._visit_starts, e):
            if _within(e.date, dates):
                visiting |= set(visitors) & set(people)
        vis = [p for p in people if p in visiting and p not in e.hosts]
        if not vis and country:
            vis = [p for p in people if disc.country_of(p) and disc.country_of(p) != country]
        hos = [p for p in people if p in e.hosts]
        if not hos and country:
            hos = [p for p in people if disc.country_of(p) == country and p not in vis]
        hos += [h for h in e.host_entities if h not in hos]
        if e.kind == "call" or not (vis or hos):
            ordered = _ordered_sides(e, people)
            source = ordered[0] if ordered else (e.delegations[0] if e.delegations else None)
            target = _other_side(disc, source, ordered[1:] + e.delegations)
            return source, target
        source = vis[0] if vis else None
        if source is None:
            rest = [p for p in people if p not in hos]
            source = rest[0] if rest else (e.delegations[0] if e.delegations else None)
        target = hos[0] if hos else _other_side(disc, source, [p for p in people if p != source])
        if target == source:
            target = None
        return source, target

    def _mode(self, e: Encounter, place: EventPlace | None, countries: list[str]) -> tuple[str, str]:
        known = set(countries)
        country = place.country if place else None
        venue = "-"
        if country and known:
            venue = "home" if country in known else "third"
        if e.kind == "call" or "phone" in e.modes:
            return "phone", venue
        mediated = any(_MEDIATION.search(m.sentence.text) for m in e.mentions)
        parties = known - {country} if country else known
        if "multilateral" in e.modes or (len(known) >= 3 and not mediated):
            return "multilateral", venue
        if country and len(parties) >= 2 and (venue == "third" or mediated):
            return "third-party", venue
        if "visit" in e.modes or e.kind in ("visit", "reception") or (venue == "home" and len(known) >= 2):
            return "visit", venue
        return "-", venue

    def _confidence(self, e: Encounter, people: list[str], place: EventPlace | None) -> float:
        score = 0.95
        if e.date is None or not e.date.start:
            score -= 0.2
        if len(people) < 2 and e.kind != "visit":
            score -= 0.15
        if place is None:
            score -= 0.1
        if e.group:
            score -= 0.1
        return round(max(0.3, score), 2)

    # ------------------------------------------------------------------ statements

    def _statement(self, st: Statement) -> Event:
        disc = self.disc
        occasion = st.occasion
        source, target = st.speaker, st.target
        if st.role and occasion is not None:
            o_source, o_target = self.sides.get(id(occasion), (None, None))
            source, target = (o_target, o_source) if st.role == "host" else (o_source, o_target)
            target = st.target or target
        elif st.group and occasion is not None:
            source, target = self.sides.get(id(occasion), (None, None))
        elif occasion is not None and target is None and st.kind not in ("scheduled", "anniversary"):
            o_source, o_target = self.sides.get(id(occasion), (None, None))
            if source and source == o_source:
                target = o_target
            elif source and source == o_target:
                target = o_source
            elif source and source in occasion.people:
                mine = disc.country_of(source)
                others = [p for p in (o_source, o_target) if p and disc.country_of(p) != mine]
                target = others[0] if others else None
        people = [p for p in [source, target] + st.people if p and p in disc.people]
        people = list(dict.fromkeys(people))
        text = " ".join(s.text for s in st.sentences)
        topics = topics_of(disc, text)
        status = st.status
        plover, cameo, _ = code_event(disc, kind=st.kind, status=status, mode="-", venue="-", topics=topics,
                                      joint=st.joint)
        source_country = self.country(source)
        target_country = self.country(target)
        if st.kind == "anniversary" and len(st.countries) >= 2:
            source_country, target_country = st.countries[0], st.countries[1]
        elif st.kind == "anniversary" and occasion is None:
            pair = self._main_dyad()
            if pair:
                source_country, target_country = pair
        date = st.own_date if st.own_date is not None else None
        first = st.sentences[0]
        return Event(
            id=self.ids[id(st)], kind=st.kind, plover=plover, cameo=cameo, date=_date(date),
            place=None, participants=people, delegations=[],
            source_actor=source, target_actor=target, source_country=source_country, target_country=target_country,
            source_sector=self.sector(source), target_sector=self.sector(target),
            topics=topics, status=status,
            evidence=Evidence(start=first.start, end=first.end, text=first.text),
            confidence=0.8 if source else 0.6, subject=st.subject,
            occasion=self.ids.get(id(occasion)) if occasion is not None else None,
            mentions=[(s.start, s.end) for s in st.sentences],
        )

    def _main_dyad(self) -> tuple[str, str] | None:
        for e in self.encounters:
            source, target = self.sides.get(id(e), (None, None))
            a, b = self.disc.country_of(source), self.disc.country_of(target)
            if a and b and a != b:
                return a, b
        return None


def _add_members(disc: Discourse, sent, tracker: Tracker, told: bool) -> None:
    """'The delegation, which ..., also includes X, Y and Z', 'Its members include X', 'Y, who is
    part of the delegation' (members of the visiting party); 'X and Y were also present' (people
    at the encounter just told, in a sentence that tells of no other)."""
    lex = disc.lexicon
    people = [r for r in disc.refs_in(sent.start, sent.end, "person") if not disc.is_dead(r.id)]
    listed = lex.members.search(sent.text)
    if listed:
        after = sent.start + listed.end()
        members = [r.id for r in people if r.start >= after] or ([] if told else [r.id for r in people])
        if members:
            tracker.add_members(list(dict.fromkeys(members)), visiting=True)
        return
    belongs = lex.member_of.search(sent.text)
    if belongs:  # 'said Nguyen Thi Thu Trang, director of ..., who is part of the delegation'
        before = [r.id for r in people if r.end <= sent.start + belongs.start()]
        if before:
            tracker.add_members(before[-1:], visiting=True)
        return
    if not told and lex.present.search(sent.text):
        tracker.add_members([r.id for r in people], visiting=False)
#: a lead whose subject is a group of officials ('Foreign ministers of the six MLC countries on Thursday ...')
_GROUP_LEAD = re.compile(r"\b(?:ministers|leaders|officials|delegations|delegates|envoys|heads of (?:state|government))\b"
                         r"[^.;]{0,120}\b(?:agreed|pledged|vowed|adopted|endorsed|signed|discussed|reviewed|met)\b", re.I)
_PAST = re.compile(r"\b(?:had|first|previously|ago|earlier|last|once|former(?:ly)?|recalled|years?)\b", re.I)
_MEDIATION = re.compile(r"\b(?:mediat\w+|brokered|facilitated by|under the auspices of|hosted by|hosted the talks)\b",
                        re.I)


#: the place kinds a destination noun stands for ('the province', 'the capital')
_ANAPHOR_KINDS = {
    "": frozenset({"city", "province", "region"}),
    "city": frozenset({"city"}), "capital": frozenset({"city"}), "town": frozenset({"city"}),
    "province": frozenset({"province"}), "prefecture": frozenset({"province"}), "state": frozenset({"province", "region"}),
    "region": frozenset({"region", "province"}), "locality": frozenset({"city", "province"}),
}


def _ordered_sides(e: Encounter, people: list[str]) -> list[str]:
    first = [p for m in e.mentions for p in m.left if p in people]
    return list(dict.fromkeys(first + people))


def _other_side(disc: Discourse, source: str | None, candidates: list[str]) -> str | None:
    mine = disc.country_of(source)
    for c in candidates:
        if c != source and mine and disc.country_of(c) and disc.country_of(c) != mine:
            return c
    for c in candidates:
        if c != source:
            return c
    return None


def _within(day: DateExpr | None, span: DateExpr | None) -> bool:
    """Does encounter date ``day`` fall inside visit dates ``span`` (unknown: yes)?"""
    if day is None or span is None or not day.start or not span.start:
        return True
    end = span.end or span.start
    return span.start[:len(day.start)] <= day.start <= end + "~" if len(day.start) >= len(span.start) else \
        span.start <= day.start + "~"


def _date(d: DateExpr | None) -> DateExpr | None:
    return d.model_copy() if d is not None else None
