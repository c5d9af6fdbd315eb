"""Encounter mentions as data, and the words that announce them in a sentence.

A *mention* is one telling of an encounter in one sentence ('held talks', 'the meeting',
'during a working visit to Peru').  This module holds the mention and context types and
finds the trigger words, without their false senses ('meet the demand', 'received support',
'host country'), so that ``encounters.py`` (what a telling says) and ``participants.py``
(who takes part in it) share one reading of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legation.models import DateExpr
from legation.nlp.discourse import Discourse, Sentence
from legation.nlp.event_lexicon import TriggerRule

__all__ = [
    "CONTINUING_CLAUSE",
    "HONORIFIC",
    "PASSIVE",
    "PREPOSITIONS",
    "RELATIVE_CLAUSE",
    "SUBJECT_PRONOUN",
    "Context",
    "Mention",
    "Trigger",
    "segment_end",
    "triggers",
    "unique",
    "visiting_person",
]


PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:warmly\s+|cordially\s+|officially\s+)?$", re.I
)


#: '..., during which he held talks', '..., when she met', '..., where they signed': a clause that
#: tells what happened within the telling before it
CONTINUING_CLAUSE = re.compile(
    r"[,;]\s*(?:(?:during|in|at|on|after|throughout)\s+which|when|where|whereupon)\b", re.I
)


RELATIVE_CLAUSE = re.compile(r",\s*(?:(?:with|by|to|from|for)\s+whom\b|who|which|whose)\b[^,;]*$", re.I)


SUBJECT_PRONOUN = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|then|also|where|when|which|whom)\s+(?:on\s+\w+\s+\d+\s+)?|"
    r"\b(?:said|says|added|noted|stressed|recalled)\s+(?:that\s+)?)"
    r"(?:(he|she|they)\b(?!\s*(?:said|added))|(it)\b(?!\s*(?:said|added|was|is|will|would|has|had)))",
    re.I,
)


PREPOSITIONS = {
    "with",
    "for",
    "to",
    "by",
    "of",
    "from",
    "and",
    "between",
    "on",
    "at",
    "in",
    "toward",
    "towards",
    "behalf",
    "than",
    "like",
    "including",
    "among",
    "about",
    "against",
    "via",
}


HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Madam|Madame|H\.E|Prof|Comrade|Sir|Miss)\.?\s*$")


@dataclass(slots=True)
class Mention:
    """One telling of an encounter in one sentence."""

    kind: str
    sentence: Sentence
    start: int
    end: int
    rule: TriggerRule
    det: str | None = None  # definite | possessive | indefinite | None
    frame: str | None = None  # during | relation | occasion
    earlier: bool = False  # a relation frame that puts what follows before it ('Before his tour, ...')
    relcl: bool = False
    status: str = "occurred"
    anaphoric: bool = False
    own_date: DateExpr | None = None
    date_anaphor: str | None = None  # same | next | previous
    people: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)
    host_entities: list[str] = field(default_factory=list)
    delegations: list[str] = field(default_factory=list)
    leaders: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    destination: str | None = None
    destination_anaphor: str | None = None  # 'to the (southern) province': the noun
    modes: set[str] = field(default_factory=set)
    new_marker: bool = False
    separate: bool = False
    group: bool = False  # 'they', 'the two sides': both sides of the focus encounter
    frames: list[Mention] = field(default_factory=list)  # visit frames folded in ('during a visit to X')
    anchored: bool = False  # 'on the sidelines of the summit': dated and placed by that encounter
    guest_role: str | None = None  # 'received the Cuban guest': a guest named by role ('' or a country)
    here: bool = False  # 'held talks here': at the dateline's place
    signatories: list[str] = field(default_factory=list)  # 'X and Y signed', 'was signed by X and Y'
    destination_cities: list[str] = field(default_factory=list)  # several places visited: no one place

    unnamed_delegations: list[str] = field(default_factory=list)  # 'the Peruvian delegation': its country
    #: '..., during which he held talks with X': the telling whose clause this one continues
    enclosing: Mention | None = None
    #: the encounter this telling is set at or after ('On the sidelines of the meeting', 'After the
    #: talks'): its date when it has none, and with ``anchor_place`` its place (an ``Encounter``)
    anchor: object | None = None
    anchor_place: bool = False

    @property
    def evidence(self) -> tuple[int, int]:
        return self.sentence.start, self.sentence.end


@dataclass(slots=True)
class Context:
    """What earlier sentences left for the next one: who 'he' is, who 'they' are."""

    actor: str | None = None
    group: list[str] = field(default_factory=list)
    group_delegations: list[str] = field(default_factory=list)
    #: the hosts and guests of the last reception told: 'The guest is on a visit ...' is its guest
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    rule: TriggerRule


def triggers(sent: Sentence, disc: Discourse) -> list[Trigger]:
    """The encounter words of a sentence, longest first, without false senses (cached)."""
    cached = disc.cache.get(("triggers", sent.index))
    if cached is None:
        cached = disc.cache[("triggers", sent.index)] = _find_triggers(sent, disc)
    return cached


def _find_triggers(sent: Sentence, disc: Discourse) -> list[Trigger]:
    lex = disc.lexicon
    text = disc.text
    if lex.any_trigger is not None and not lex.any_trigger.search(text, sent.start, sent.end):
        return []
    found: list[tuple[int, int, int, TriggerRule]] = []
    for order, rule in enumerate(lex.triggers):
        for m in rule.regex.finditer(text, sent.start, sent.end):
            found.append((m.start(), -(m.end() - m.start()), order, rule))
    found.sort()
    kept: list[Trigger] = []
    last_end = -1
    for start, neg_len, _order, rule in found:
        end = start - neg_len
        if start < last_end:
            continue
        if any(fs.match(text, start) or _covers(fs, text, start, sent) for fs in lex.false_senses):
            continue
        inside = [
            r
            for r in disc.refs_in(max(sent.start, start - 80), min(sent.end, end + 80))
            if r.start <= start and end <= r.end
        ]
        if inside:  # 'APEC Summit', 'the Trade Fair': a name, not a telling
            continue
        if text[start:end].lower() == "visiting" and (
            visiting_person(disc, sent, start, end)
            or re.search(r"\b(?:the|a|an|his|her|their|its|our)\s+$", text[max(sent.start, start - 7) : start], re.I)
        ):
            continue  # 'the visiting Secretary General X', 'with the visiting ministers': who, not what
        if not rule.nominal and rule.needs and not _needs_met(disc, sent, start, end, rule):
            continue
        kept.append(Trigger(start, end, rule))
        last_end = end
    # 'the Party Dialogue Meeting', 'summit talks': in a compound the last noun names the gathering
    return [
        t
        for i, t in enumerate(kept)
        if not (
            t.rule.nominal
            and i + 1 < len(kept)
            and kept[i + 1].rule.nominal
            and not text[t.end : kept[i + 1].start].strip()
        )
    ]


#: organization kinds whose premises are toured, not visited as a party to an encounter
_SITES = frozenset({"company", "facility", "university", "school", "bank", "event", "agreement", "news_agency",
                    "academy", "institute"})


def _covers(pattern: re.Pattern[str], text: str, start: int, sent: Sentence) -> bool:
    for m in pattern.finditer(text, max(sent.start, start - 30), min(sent.end, start + 60)):
        if m.start() <= start < m.end():
            return True
    return False


def _needs_met(disc: Discourse, sent: Sentence, start: int, end: int, rule: TriggerRule) -> bool:
    """'received a delegation' is a reception; 'received support' is not."""
    lex = disc.lexicon
    text = disc.text
    stop = re.search(r";|\.(?=\s+[A-Z\"“]|\s*$)|\s[-–—]\s", text[end : sent.end])  # not the stop of 'Oct.'

    window_end = min(sent.end, end + (stop.start() if stop else 120), end + 120)
    after = text[end:window_end]
    prefix = re.match(r"\s*(?:by\s+)?", after)
    offset = end + (prefix.end() if prefix else 0)
    if "range" not in rule.needs:
        # 'received on Tuesday, March 11, at the Palace of the Revolution in Havana, a delegation ...':
        # the object comes after the day and the venue
        skipped = skip_adverbials(disc, sent, offset)
        if skipped != offset:
            offset = skipped
            stop = re.search(r";|\.(?=\s+[A-Z\"“]|\s*$)|\s[-–—]\s", text[offset : sent.end])
            window_end = min(sent.end, offset + (stop.start() if stop else 120), offset + 120)
    head = text[offset:window_end]
    if "range" in rule.needs and not any(
        d.end and d.start and d.offsets[0] - end < 80 for d in disc.dates_in(end, window_end)
    ):
        return False  # 'is in Kenya' alone is no visit; 'is in Kenya from June 11 to 14' is
    for need in rule.needs:
        if need == "range":
            continue
        if need in ("person", "delegation"):
            first = disc.refs_in(offset, window_end)
            if first and first[0].kind == "person" and first[0].start - offset < 90:
                return True
            person = next((r for r in first if r.kind == "person"), None)
            if person is not None and person.start - offset < 120 and _TITLE_RUN.fullmatch(text, offset, person.start):
                return True  # 'received Deputy Speaker of Bangladesh's Jatiya Sangsad (Parliament) X'
            if disc.title_refs(offset, window_end):
                return True
            if re.match(r"\s*(?:him|her|them|guests?|visitors?)\b", head, re.I):
                return True
            if re.match(
                r"[^,.;]{0,60}\b(?:delegations?|visiting|guests?|visitors?|counterparts?|ambassadors?|envoys?|minister|"
                r"leaders?|officials?|president|secretary|chairman|chairwoman|prime minister)\b",
                head,
                re.I,
            ):
                return True
            if need == "person" and PASSIVE.search(text[max(sent.start, start - 12) : start]):
                return bool(disc.refs_in(offset, window_end, "person"))
        elif need == "with_person":  # 'worked in Vinh city on November 27 with Chairman X'
            with_ = re.match(r"[^,.;]{0,80}?\bwith\s+(?:the\s+)?", text[offset:sent.end])
            if with_:
                pos = offset + with_.end()
                near = disc.refs_in(pos, min(sent.end, pos + 90), "person") + disc.title_refs(pos, min(sent.end, pos + 90))
                if any(r.start - pos < 90 for r in near) or re.match(r"(?:[\w-]+\s+){0,3}delegations?\b", text[pos:sent.end], re.I):
                    return True
        elif need == "place":
            first = disc.refs_in(offset, min(window_end, offset + 40))
            if first and first[0].kind == "place":
                return True
            if first and first[0].kind == "organization" and (
                    disc.organizations[first[0].id].kind or "").lower() not in _SITES:
                return True  # 'visited the Ministry of X'; 'toured Mazda's main plant' is a site tour
            if re.match(r"\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:city|capital|province|country|region|town|port|village|"
                        r"prefecture|state|district|island)\b", head, re.I):  # 'visited the border town of X'
                return True
        elif need == "document":
            # 'The deals, in sectors ranging from ... to ..., were exchanged': a passive's subject may be far
            reach = sent.start if PASSIVE.search(text[max(sent.start, start - 14) : start]) else max(sent.start, start - 60)
            if lex.document_nouns.search(text[reach:window_end]):
                return True
        elif need == "reception_noun":
            if lex.reception_nouns.match(re.sub(r"^\s*(?:a|an|the)\s+", "", head, flags=re.I)):
                return True
    return False


_VENUE_PHRASE = re.compile(
    r"(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|in|de|del|la))*(?=\s*,)"
)
_BARE_VENUE = re.compile(
    r"(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|in|de|del|la))*?(?=\s+(?:the|a|an)\s)"
)
_SPACE = re.compile(r"\s*")
_SET_OFF_WORD = re.compile(r"(?:here|there|yesterday|today|recently)(?=\s*,)", re.I)


def skip_adverbials(disc: Discourse, sent: Sentence, pos: int) -> int:
    """Past the day and the venue set off between a verb and its object ('received on Tuesday,
    March 11, at the Palace of the Revolution in Havana, a delegation'): where the object starts
    (``pos`` itself when nothing is set off there)."""
    text = disc.text
    dates = disc.dates_in(pos, min(sent.end, pos + 200))
    at = pos
    skipped = False
    while True:
        lead = re.match(r"[\s,]*", text[at : sent.end])
        here = at + (lead.end() if lead else 0)
        date = next((d for d in dates if d.offsets[0] >= here
                     and re.fullmatch(r"(?:on|in)?\s*", text[here : d.offsets[0]], re.I)), None)
        venue = _VENUE_PHRASE.match(text, here, sent.end) or _SET_OFF_WORD.match(text, here, sent.end)
        if date is not None and re.match(r"\s*,", text[date.offsets[1] : sent.end]):
            at = date.offsets[1]
        elif venue is not None and venue.end() - here <= 90:
            at = venue.end()
        else:
            break
        skipped = True
    if not skipped:
        return _skip_bare_adverbials(disc, sent, pos, dates)
    comma = re.match(r"\s*,\s*", text[at : sent.end])
    return at + comma.end() if comma else pos


def _skip_bare_adverbials(disc: Discourse, sent: Sentence, pos: int, dates: list[DateExpr]) -> int:
    """'received on Wednesday at the Foreign Ministry in Caracas the Vietnamese Deputy Minister':
    the day and the venue without commas, then the object with its determiner."""
    text = disc.text
    here = _SPACE.match(text, pos, sent.end).end()
    date = next((d for d in dates if d.offsets[0] >= here
                 and re.fullmatch(r"(?:on|in)?\s*", text[here : d.offsets[0]], re.I)), None)
    at = date.offsets[1] if date is not None else here
    venue = _BARE_VENUE.match(text, _SPACE.match(text, at, sent.end).end(), sent.end)
    if venue is not None:
        at = venue.end()
    if at == here:
        return pos
    obj = re.match(r"\s+(?=(?:the|a|an)\s)", text[at : sent.end], re.I)
    return at + obj.end() if obj else pos


def visiting_person(disc: Discourse, sent: Sentence, start: int, end: int) -> str | None:
    """'visiting' as an adjective before a person ('met with visiting Brazilian Foreign Minister
    X'), not a verb ('is visiting Japan', 'while visiting Hanoi'): returns that person."""
    text = disc.text
    if re.search(
        r"\b(?:is|are|was|were|be|been|while|when|after|before|by|of|for|in|on)\s+$",
        text[max(sent.start, start - 8) : start],
        re.I,
    ):
        return None
    if not re.match(r"\s+[A-Z]", text[end : end + 2]):
        return None
    stop = re.search(r"[,;.]", text[end : sent.end])
    limit = min(sent.end, end + (stop.start() if stop else 120), end + 120)
    refs = disc.refs_in(end, limit) + disc.title_refs(end, limit)
    refs.sort(key=lambda r: r.start)
    # 'visiting US Secretary of State John Kerry': a country or body inside the title comes first
    people = [r for r in refs if r.kind in ("person", "title")]
    if people and not re.search(r"\b(?:to|in|for|and|with|the)\s", text[end : people[0].start]):
        return people[0].id
    if people and _TITLE_GAP.fullmatch(text, end, people[0].start):
        return people[0].id  # 'visiting Serbian Minister of Internal and Foreign Trade X': one title
    return None


#: capitalised words joined only by a title's small words ('Minister of Internal and Foreign Trade')
_TITLE_GAP = re.compile(r"(?:\s+(?:[A-Z][\w.'’-]*|of|and|for|the|on|in|&))*\s+")
#: a title before a name, from its first word ('Deputy Speaker of Bangladesh's Jatiya Sangsad (Parliament) ')
_TITLE_RUN = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.'’-]*|of|and|for|the|on|in|&|de|del|la|du|des|\([^()]{1,30}\))\s+)+"
)


def segment_end(text: str, start: int, end: int, dates: list[DateExpr]) -> int:
    """Where the phrase that begins at ``start`` ends: the next comma or semicolon
    outside a date ('March 26 to 29, 2025' keeps its comma)."""
    pos = start
    while pos < end:
        m = re.search(r"[,;]", text[pos:end])
        if not m:
            return end
        cut = pos + m.start()
        if any(d.offsets[0] <= cut < d.offsets[1] for d in dates):
            pos = cut + 1
            continue
        return cut
    return end


def unique(items: list[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out
