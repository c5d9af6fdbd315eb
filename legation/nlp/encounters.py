"""Encounter mentions: each place in a sentence that tells of a meeting, talks, a
reception, a visit, a call or a signing, with who takes part and in what role.

Why mentions first and events later: an article tells one encounter many times
("the working session" in a caption, "met with" in the lead, "During the
meeting, ..." further down).  This module reads each sentence on its own and
says what it can: the kind, whether the words refer back to an encounter
already told ("the meeting"), whether it really happened (a postponed or
planned meeting did not), its participants, date, place and roles.
``coreference.py`` then folds mentions into one event per real-world encounter.

The rules work on character spans and words, so they run the same on a parsed
``Doc`` and on a hand-built blank one (see ``discourse.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as _date
from datetime import timedelta as _timedelta

from legation.models import DateExpr
from legation.nlp.discourse import Discourse, Sentence
from legation.nlp.mentions import (
    CONTINUING_CLAUSE,
    RELATIVE_CLAUSE,
    Context,
    Mention,
    Trigger,
    segment_end,
    triggers,
    unique,
)
from legation.nlp.participants import (
    assign_people,
    find_delegations,
    governed,
    sentence_subject,
    visiting_adjective,
)

__all__ = ["Context", "Mention", "detect_encounters", "latent_encounter", "sentence_subject"]

_STOP_BACK = {
    "with",
    "to",
    "of",
    "for",
    "by",
    "in",
    "on",
    "at",
    "during",
    "from",
    "after",
    "before",
    "and",
    "or",
    "but",
    "held",
    "had",
    "hosted",
    "paid",
    "made",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "will",
    "would",
    "that",
    "which",
    "who",
    "while",
    "as",
    "amid",
    "following",
    "ahead",
    "since",
    "upon",
    "into",
    "over",
    "between",
    "among",
    "has",
    "have",
    "pay",
    "pays",
    "hold",
    "holds",
    "host",
    "hosts",
    "attended",
    "attend",
    "attends",
    "joined",
    "chaired",
    "co-chaired",
    "organised",
    "organized",
}
_MODIFIER = re.compile(r"^(?:[a-z0-9][a-z0-9-]*|[A-Z][A-Za-z0-9-]*)(?:['’]s?)?$")


def detect_encounters(sent: Sentence, disc: Discourse, ctx: Context) -> list[Mention]:
    """The encounter mentions of one sentence, in text order."""
    lex = disc.lexicon
    found = triggers(sent, disc)
    if not found:
        return []
    text = disc.text
    visitors_adj = visiting_adjective(sent, disc)
    sidelines = _sidelines(disc, sent)
    mentions: list[Mention] = []
    for t in found:
        if any(s <= t.start < e for s, e, _, _ in sidelines):
            continue  # 'on the sidelines of the summit': the setting, not a telling
        m = Mention(kind=t.rule.kind, sentence=sent, start=t.start, end=t.end, rule=t.rule)
        before = text[sent.start : t.start]
        m.det, det_pos, possessor = _determiner(disc, sent, t)
        if t.rule.anaphoric_only and m.det not in ("definite", "possessive"):
            continue  # 'a call for restraint' is no phone call; 'During the call' is
        frame_text = text[sent.start : det_pos]
        if _ends_with(lex.frames["occasion"], frame_text):
            m.frame = "occasion"
        elif _ends_with(lex.frames["relation"], frame_text):
            m.frame = "relation"
            # 'Before his China tour, X visited Laos': what follows came earlier, on other days ('before the
            # signing' is the same day)
            m.earlier = m.kind == "visit" and bool(re.search(r"\b(?:before|prior to|ahead of)\s*$", frame_text, re.I))
        elif _ends_with(lex.frames["during"], frame_text):
            m.frame = "during"
        m.relcl = bool(RELATIVE_CLAUSE.search(before))
        if possessor:
            m.left.append(possessor)
        elif (
            m.det == "possessive"
            and re.match(r"(?:his|her)\b", text[det_pos : det_pos + 4], re.I)
            and not RELATIVE_CLAUSE.search(before)
        ):
            # 'X recalled his visit to Malé': X; 'He said ... during his meeting with Y': the one told of;
            # 'Before his China tour, Kerry visited Laos': the subject the opening phrase leads to
            opening = re.match(r"[^,;]*,\s*", text[t.end : sent.end]) if not text[sent.start : det_pos].strip(
                " ,").lower().split()[:-1] else None
            ahead = disc.refs_in(t.end + opening.end(), t.end + opening.end() + 40, "person") if opening else []
            owner = (
                (ahead[0].id if ahead and ahead[0].start == t.end + opening.end() else None)
                or next(
                    (
                        r.id
                        for r in reversed(disc.refs_in(sent.start, t.start, "person"))
                        if not governed(disc, sent, r)
                    ),
                    None,
                )
                or ctx.actor
            )
            if owner:
                m.left.append(owner)
        if _consumed(disc, sent, t):
            continue
        if _named_gathering(text, sent, m) and re.search(r"\bfor\s*$", frame_text):
            continue  # 'who is in Vietnam for the Foreign Ministers' Meeting': why they came, told later
        m.status = _status(disc, sent, t, m)
        m.new_marker = bool(lex.continuity.search(before)) or bool(
            lex.continuity.search(text[t.end : min(sent.end, t.end + 30)]) and m.rule.nominal is False
        )
        m.separate = bool(
            lex.separate.search(text[max(sent.start, t.start - 30) : min(sent.end, t.end + 15)])
            # 'met with A, Minister of X, and B, Minister of Y, respectively': after the whole list
            or re.match(r"[^;:]{0,250}?\brespectively\b", text[t.end : sent.end])
            # 'held meetings with A; B; and C': one meeting each
            or (t.rule.nominal and re.fullmatch(r"(?:[\w-]+\s+)?meetings", text[t.start : t.end], re.I)
                and re.match(r"\s+with\b", text[t.end : sent.end]) is not None)
        )
        mentions.append(m)
    if not mentions:
        return []
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if CONTINUING_CLAUSE.search(text, prev.end, m.start):
            m.enclosing = prev  # '... his visit to Kunming in August, when he held talks with X'
        elif (prev.kind == "visit" and not m.rule.nominal and m.kind != "visit"
              and (not prev.rule.nominal or re.search(r"\b(?:paid|made|pays|makes|paying|making)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
                                                       text[max(sent.start, prev.start - 30) : prev.start]))
              and re.fullmatch(r"[^;:()]{0,60}?,?\s*\band\s+(?:also\s+|then\s+)?", text[prev.end : m.start])
              and text[prev.end : m.start].count(",") <= 1):
            m.enclosing = prev  # 'visited Gyeonggi and worked with X', 'paid a visit to China ..., and also met Y'
    # 'held talks with X, during which they signed an agreement', 'led a group to HCMC, where they
    # signed contracts': the signing is part of the encounter just told, one real-world event
    mentions = [
        m for m in mentions
        if not (m.kind == "signing" and m.enclosing is not None and m.enclosing.kind != "signing"
                and _INSIDE_CLAUSE.search(text, m.enclosing.end, m.start))
    ]
    _assign_dates(disc, sent, mentions)
    # 'X, who is leading a delegation to Malaysia and Vietnam, said ...' describes X; with dates
    # of its own ('who is on a working visit to Vietnam from November 9-19') it is a visit
    mentions = [m for m in mentions if not (m.relcl and m.kind == "visit" and m.own_date is None)] or []
    if not mentions:
        return []
    for m in mentions:
        if m.own_date is not None and m.status == "occurred" and _in_future(disc, m):
            m.status = "planned"
        m.anaphoric = m.det in ("definite", "possessive") and m.own_date is None and m.rule.nominal
        if m.frame == "relation" and m.det in ("definite", "possessive"):
            m.anaphoric = True
        if _named_gathering(text, sent, m):  # 'the fourth Foreign Ministers' Meeting': a name, told anew
            m.anaphoric = False
        elif sent.caption and m.rule.nominal and m.det in ("definite", "possessive"):
            m.anaphoric = (
                True  # a caption's 'at the meeting in Hanoi on May 16' shows the encounter told below
            )
    mentions = _merge_visit_frames(mentions)
    assign_people(disc, sent, mentions, ctx, visitors_adj)
    for m in mentions:
        find_delegations(disc, sent, m)
        _places(disc, sent, m)
        after = text[m.end : min(sent.end, m.end + 160)]
        here = re.search(r"\bhere\b", after)
        m.here = bool(here) and not disc.lexicon.any_trigger.search(after[: here.start()]) if here else False
        role = re.match(
            r"\s+(?:the|a|an)\s+(?:([A-Z][a-z]+)\s+)?(?:guests?|visitors?|visiting\s+(?:official|leader|minister|"
            r"guest|delegation))\b",
            text[m.end : sent.end],
        )
        if role and not m.right and not m.rule.nominal:
            m.guest_role = (disc.demonym_country(role.group(1)) or "") if role.group(1) else ""
        if (
            m.kind == "reception"
            and m.rule.orientation == "host_first"
            and not m.rule.nominal
            and not m.hosts
            and (m.frames or m.host_entities)
            and (m.guests or m.delegations)
        ):
            # 'HCMC hosted a delegation ... during their visit': no one receives them in person;
            # what the article tells is the delegation's visit, hosted by a city or a body
            m.kind = "visit"
            m.visitors.extend(x for x in m.guests if x not in m.visitors)
        if sidelines or lex.multilateral.search(text[max(sent.start, m.start - 25) : m.end]):
            m.modes.add("multilateral")
        if m.kind == "call":
            m.modes.add("phone")
        if m.kind in ("visit", "reception"):
            m.modes.add("visit")
        for _s, _e, definite, places in sidelines:
            m.anchored = m.anchored or definite
            m.places.extend(p for p in places if p not in m.places)
    for m in mentions:  # 'X and Y signed an MoU, following talks between A and B in Colombo': there
        if m.kind == "signing" and not m.places and m.frame is None:
            m.places.extend(p for f in mentions if f.frame == "relation" and f.kind != "visit" for p in f.places
                            if p not in m.places)
    mentions = _visits_by_stops(disc, sent, _visits_by_several(disc, sent, mentions))
    return _fold_repeats(_fold_appositions(disc, _fold_hosting(mentions)))


def _own_copy(m: Mention, **changes) -> Mention:
    """A copy of ``m`` with lists of its own, then ``changes``: the copies one telling splits into
    (a visit per visitor, a visit per stop) gain members and places apart."""
    own = {
        "people": list(m.people), "left": list(m.left), "right": list(m.right), "visitors": list(m.visitors),
        "hosts": list(m.hosts), "guests": list(m.guests), "delegations": list(m.delegations),
        "places": list(m.places), "leaders": dict(m.leaders), "modes": set(m.modes), "frames": list(m.frames),
        "host_entities": list(m.host_entities), "signatories": list(m.signatories),
        "destination_cities": list(m.destination_cities), "unnamed_delegations": list(m.unnamed_delegations),
    }
    return replace(m, **{**own, **changes})


def _visits_by_several(disc: Discourse, sent: Sentence, mentions: list[Mention]) -> list[Mention]:
    """'the official visits to China by General Secretary A in November 2022 and by Prime Minister B
    in June 2023': one visit per visitor, each on the date told after its name."""
    text = disc.text
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        word = text[m.start : m.end].lower()
        if m.kind != "visit" or not m.rule.nominal or not word.endswith("s"):
            out.append(m)
            continue
        stop = mentions[i + 1].start if i + 1 < len(mentions) else sent.end
        agents: list[tuple[int, str]] = []
        for by in re.finditer(r"\bby\s+", text[m.end : stop]):
            at = m.end + by.end()
            who = next((r for r in disc.refs_in(at, min(stop, at + 80), "person")), None)
            if who is not None and not any(a == who.id for _, a in agents):
                agents.append((who.end, who.id))
        if len(agents) < 2:
            out.append(m)
            continue
        for n, (end, person) in enumerate(agents):
            until = agents[n + 1][0] if n + 1 < len(agents) else stop
            day = next((d for d in disc.dates_in(end, until) if _usable_date(d)), None)
            out.append(_own_copy(
                m, people=[person], left=[person], right=[], visitors=[person], hosts=[], guests=[],
                own_date=day or m.own_date, host_entities=[], signatories=[], new_marker=True, separate=True))
    return out


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
#: 'a visit that ends on Thursday', '... until Friday': the day a visit ends
_ENDS_ON = re.compile(r"\b(?:ends?|ending|ended|until|till|through|concludes?|concluding|runs to)\s+(?:on\s+)?$", re.I)
#: a clause told as happening within the encounter before it (not 'after which', 'whereupon')
_INSIDE_CLAUSE = re.compile(r"[,;]\s*(?:(?:during|in|at|throughout)\s+which|where)\b", re.I)


def _visits_by_stops(disc: Discourse, sent: Sentence, mentions: list[Mention]) -> list[Mention]:
    """'a trip to three Gulf countries, visiting Qatar from November 28-30, Kuwait from November 30
    to December 2, and Oman from December 2-4': one visit per stop, each on its own dates."""
    text = disc.text
    out: list[Mention] = []
    covered = (-1, -1)
    for m in mentions:
        if m.kind != "visit":
            out.append(m)
            continue
        if covered[0] <= m.start < covered[1]:
            continue  # 'a working trip ..., visiting Qatar ...': the same tour, already split
        stops: list[tuple[str, DateExpr]] = []
        for r in disc.refs_in(m.end, sent.end, "place"):
            day = next(
                (d for d in disc.dates_in(r.end, min(sent.end, r.end + 60))
                 if _usable_date(d) and re.fullmatch(r"\s*(?:from|on|\(|between)?\s*", text[r.end : d.offsets[0]])),
                None,
            )
            if day is None:
                continue
            gap_from = stops[-1][1].offsets[1] if stops else m.end
            if stops and not re.fullmatch(r"\s*\)?\s*(?:,|;|and|, and|; and|then|, then)\s*(?:to\s+)?", text[gap_from : r.start]):
                break
            stops.append((r.id, day))
        if len(stops) < 2 or disc.refs_in(m.end, stops[-1][1].offsets[1], "person"):
            out.append(m)
            continue
        covered = (m.start, stops[-1][1].offsets[1])
        for place, day in stops:
            out.append(_own_copy(
                m, own_date=day, destination=place, places=[] if disc.is_country(place) else [place],
                destination_cities=[], new_marker=True, separate=True))
    return out


def _fold_appositions(disc: Discourse, mentions: list[Mention]) -> list[Mention]:
    """'X received Y in Hanoi on November 24, the first in-person meeting between ...':
    a definite noun set off by a comma after a telling describes that same telling."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.rule.nominal
            and m.det == "definite"
            and m.frame is None
            and not m.relcl
            and m.status == prev.status
            and re.search(r",\s*(?:the|this)\s+(?:[\w'’-]+\s+){0,3}$", disc.text[prev.end : m.start])
            and not disc.lexicon.any_trigger.search(disc.text, prev.end, max(prev.end, m.start - 1))
        ):
            if prev.own_date is None:
                prev.own_date = m.own_date
            prev.modes |= m.modes
            continue
        out.append(m)
    return out


def _fold_hosting(mentions: list[Mention]) -> list[Mention]:
    """'X hosted leaders of ASEAN at a summit in Jakarta': X hosts the summit; one encounter."""
    out = list(mentions)
    for m in mentions:
        if (
            m.rule.nominal
            or m.rule.orientation != "host_first"
            or m.status != "occurred"
            or not m.sentence.text[m.start - m.sentence.start :].lower().startswith("host")
        ):
            continue
        gathering = next(
            (
                n
                for n in mentions
                if n is not m
                and n.rule.nominal
                and n.kind in ("meeting", "talks")
                and 0 <= n.start - m.end <= 100
                and n.frame is not None
            ),
            None,
        )
        if gathering is None:
            continue
        gathering.hosts.extend(x for x in m.left if x not in gathering.hosts)
        gathering.left = unique(m.left + gathering.left)
        gathering.people = unique(gathering.left + gathering.right + m.right)
        gathering.own_date = gathering.own_date or m.own_date
        gathering.places.extend(p for p in m.places if p not in gathering.places)
        out.remove(m)
    return out


def _named_gathering(text: str, sent: Sentence, m: Mention) -> bool:
    """A capitalized gathering after capitalized words is the name of one
    ('the Vietnam-Australia Foreign Ministers' Meeting', 'the Mekong-Lancang Summit')."""
    word = text[m.start : m.end]
    if not word[:1].isupper() or not m.rule.nominal:
        return False
    before = text[sent.start : m.start].rstrip()
    return (
        bool(re.search(r"[A-Z][\w-]*[’']?s?[’']?$", before))
        and before[:1] != ""
        and not re.search(r"(?:^|[.!?]\s)\S*$", before)
    )


def _sidelines(disc: Discourse, sent: Sentence) -> list[tuple[int, int, bool, list[str]]]:
    """'On the sidelines of the Belt and Road Forum in Beijing, ...': a multilateral setting.
    Returns (start, end, refers back to an encounter told before, places named in it)."""
    text = disc.text
    out = []
    for hit in disc.lexicon.frames["sidelines"].finditer(text, sent.start, sent.end):
        end = segment_end(text, hit.end(), sent.end, disc.dates_in(sent.start, sent.end))
        phrase = text[hit.end() : end]
        definite = bool(
            re.match(
                r"\s*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:summit|meeting|forum|conference|"
                r"talks|session|congress|assembly)\b",
                phrase,
                re.I,
            )
        ) or not phrase.strip(" ,")
        places = [
            r.id
            for r in disc.refs_in(hit.end(), end, "place")
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(hit.end(), r.start - 8) : r.start])
        ]
        out.append((hit.start(), end, definite, places))
    return out


def _fold_repeats(mentions: list[Mention]) -> list[Mention]:
    """'arrived in Seoul on May 2 for an official visit from May 2 to 6': one telling."""
    out: list[Mention] = []
    for m in mentions:
        twin = next(
            (
                o
                for o in out
                if o.kind == m.kind
                and o.status == m.status
                and set(o.people) == set(m.people)
                and o.people
                and not o.separate
                and not m.separate
            ),
            None,
        )
        if twin is None:
            out.append(m)
            continue
        if m.own_date is not None and (twin.own_date is None or (m.own_date.end and not twin.own_date.end)):
            twin.own_date = m.own_date
        for attr in ("visitors", "hosts", "guests", "delegations", "places", "host_entities"):
            mine = getattr(twin, attr)
            mine.extend(x for x in getattr(m, attr) if x not in mine)
        twin.destination = twin.destination or m.destination
        twin.modes |= m.modes
        twin.anaphoric = twin.anaphoric and m.anaphoric
    return out


_JOINT_VERBS = re.compile(
    r"\b(?:agreed|discussed|reviewed|exchanged views|reaffirmed|pledged|vowed|co-chaired|"
    r"reached (?:an? )?(?:agreement|consensus))\b",
    re.I,
)


def latent_encounter(sent: Sentence, disc: Discourse) -> Mention | None:
    """'X and Y agreed in Warsaw on Wednesday to ...': they met, though no word says so.  The
    telling stays latent until a later sentence refers to it ('The talks were also attended by')."""
    text = disc.text
    verb = _JOINT_VERBS.search(text, sent.start, sent.end)
    if not verb:
        return None
    people = [r for r in disc.refs_in(sent.start, verb.start(), "person") if not governed(disc, sent, r)]
    if len(people) < 2 or not re.search(r"\band\b", text[people[-2].end : people[-1].start]):
        return None
    dates = [d for d in disc.dates_in(sent.start, sent.end) if _usable_date(d) and d.start]
    places = [
        r.id
        for r in disc.refs_in(verb.end(), min(sent.end, verb.end() + 60), "place")
        if re.search(r"\bin\s+$", text[max(sent.start, r.start - 4) : r.start])
    ]
    if not dates and not places:
        return None
    rule = next(r for r in disc.lexicon.triggers if r.kind == "meeting")
    m = Mention(kind="meeting", sentence=sent, start=verb.start(), end=verb.end(), rule=rule)
    m.people = [r.id for r in people[-2:]]
    m.left = list(m.people)
    m.own_date = dates[0] if dates else None
    m.places = places
    return m


def _determiner(disc: Discourse, sent: Sentence, t: Trigger) -> tuple[str | None, int, str | None]:
    """The determiner before a trigger ('the', 'a', 'his', "X's"), where it starts, and a possessor."""
    text = disc.text
    if not t.rule.nominal:
        return None, t.start, None  # a verb has a subject, not a determiner
    dets = disc.lexicon.determiners
    pos = t.start
    words = list(re.finditer(r"[\w’'-]+|[^\w\s]", text[sent.start : t.start]))
    steps = 0
    for w in reversed(words):
        token = w.group()
        low = token.lower()
        wstart = sent.start + w.start()
        if low in dets["definite"]:
            return "definite", wstart, None
        if low in dets["possessive"]:
            return "possessive", wstart, None
        if low in dets["indefinite"]:
            prior = re.search(r"\b(\w+)\s+$", text[max(sent.start, wstart - 12) : wstart])
            if prior and low not in ("a", "an", "another") and prior.group(1).lower() in dets["definite"] | dets["possessive"]:
                # 'the two historic visits', 'their three meetings': the determiner before the number
                kind = "definite" if prior.group(1).lower() in dets["definite"] else "possessive"
                return kind, max(sent.start, wstart - 12) + prior.start(1), None
            return "indefinite", wstart, None
        if low.endswith(("'s", "’s")) or low in ("'s", "’s"):
            ref = None
            for r in disc.refs_in(max(sent.start, wstart - 60), wstart + len(token)):
                ref = r
            if ref is not None and ref.end < wstart:
                ref = None  # the possessor is the name that ends at the "'s", not one further back
            if ref is not None and ref.kind == "person":
                return "possessive", ref.start, ref.id
            # 'the Cuban Vice President's visit' (a person by title), 'the expo's opening ceremony'
            # (a thing's): the determiner before the possessor is the telling's
            owner = re.search(r"\b(the|this|that)\s+((?:[\w-]+\s+){0,3}[\w-]+?)\s*['’]s?$",
                              text[max(sent.start, wstart - 60) : wstart + len(token)], re.I)
            if owner:
                at = max(sent.start, wstart - 60) + owner.start()
                who = _role_owner(disc, owner.group(2), at)
                return ("possessive", at, who) if who else ("definite", at, None)
            return "definite", wstart, None
        if steps >= (6 if token[:1].isupper() else 4) or low in _STOP_BACK or not _MODIFIER.match(token):
            break
        if disc.refs_in(wstart, wstart + len(token), "person"):
            break
        steps += 1
        pos = wstart
    return None, pos, None


def _role_owner(disc: Discourse, phrase: str, before: int) -> str | None:
    """The person a possessor named by title stands for ('Cuban Vice President' -> the one named
    before whose title says 'Vice President'), trying the phrase without its first words."""
    words = phrase.split()
    for i in range(len(words)):
        part = " ".join(words[i:])
        if part[:1].isupper() and len(part) > 3:
            who = disc.role_person(part, before)
            if who:
                return who
    return None


def _ends_with(pattern: re.Pattern[str], text: str) -> bool:
    tail = text.rstrip()
    for m in pattern.finditer(tail[-60:]):
        if m.end() == len(tail[-60:]):
            return True
    return False


def _consumed(disc: Discourse, sent: Sentence, t: Trigger) -> bool:
    """'invited X to visit', 'proposed a meeting': the encounter belongs to a statement."""
    text = disc.text
    lex = disc.lexicon
    window = text[max(sent.start, t.start - 110) : t.start]
    words_before = re.findall(r"\S+", window)
    window = " ".join(words_before[-14:])
    hits = list(lex.consumed_by.finditer(window))
    if not hits:
        return False
    between = window[hits[-1].end() :]
    if re.search(r"\b(?:met|held|received|visited|hosted|signed|welcomed)\b", between, re.I):
        return False
    if re.search(r",\s*(?:who|which)\b", between, re.I):
        return False
    if re.match(r"\s+by\b", between):  # 'X, invited by Y, is paying a visit': a passive aside, not an invitation
        return False
    return True


def _status(disc: Discourse, sent: Sentence, t: Trigger, m: Mention) -> str:
    """occurred, or one of the kinds of things that did not (yet) happen."""
    lex = disc.lexicon
    text = disc.text
    before = text[sent.start : t.start]
    left_words = " ".join(re.findall(r"\S+", before)[-6:])
    clause_words = " ".join(re.findall(r"\S+", re.split(r"[,;:]", before)[-1])[-12:])
    left3 = " ".join(re.findall(r"\S+", before)[-3:])
    left10 = " ".join(re.findall(r"\S+", before)[-10:])
    right = " ".join(re.findall(r"\S+", text[t.end : sent.end])[:3])
    whole = text[sent.start : sent.end]
    for key in ("cancelled", "postponed"):
        for hit in lex.status[key].finditer(whole):
            pos = sent.start + hit.start()
            if abs(pos - t.start) < 260 and _nearest_trigger(disc, sent, pos) == t.start \
                    and _status_governs(text, sent, t, pos, hit.group()):
                return key
    if lex.status.get("habitual") is not None and not m.rule.nominal \
            and lex.status["habitual"].match(text[t.end : sent.end].lstrip()):
        return "planned"  # '... and meet every quarter': a standing arrangement, not an encounter
    if lex.status["refused"].search(left_words):
        return "refused"
    if _lower_hit(lex.status["denied"], left3) or re.search(r"\bden(?:ied|ies|y)\b", left10, re.I):
        return "denied"
    clause_after = re.split(r"[;]|,\s+(?:and|but|while)\b|\.\s", text[t.end : sent.end])[0]
    happening = re.search(r"\b(\w+)\s+(?:be\s+held|take\s+place|happen|occur|go\s+ahead)\b", clause_after)
    if (
        _lower_hit(lex.status["hypothetical"], left3)
        or re.search(r"\bif\b", left10)
        or _lower_hit(lex.status["hypothetical"], right[:24])
        and m.rule.nominal
        or (m.rule.nominal and happening and _lower_hit(lex.status["hypothetical"], happening.group(1)))
        or (m.rule.nominal and re.search(r"\b(?:if|unless)\b", clause_after))
    ):
        return "hypothetical"
    if (
        _lower_hit(lex.status["planned"], left_words)
        or _lower_hit(lex.status["planned"], clause_words)
        or (m.rule.nominal and _lower_hit(lex.status["planned"], right[:30]))
        or (m.rule.nominal and happening and _lower_hit(lex.status["planned"], happening.group(1)))
    ):
        return "planned"
    return "occurred"


def _status_governs(text: str, sent: Sentence, t: Trigger, pos: int, word: str) -> bool:
    """Does a postponement or cancellation word at ``pos`` say what became of the telling at
    ``t``?  Before it, as the verb or noun of its clause ('has cancelled his visit', 'the
    postponement of the talks'); after it, as the verb of which the telling is the subject
    ('A meeting between X and Y, scheduled for May 9, was postponed'), never as the verb of
    another clause ('... urged the government to fix the ports that delay cashew shipments')."""
    if pos < t.start:
        return t.start - pos <= 80 and not re.search(r"[;]|,\s*(?:who|which|that|while|but)\b", text[pos : t.start])
    if word.lower().endswith(("ment", "tion", "lation")):
        return True
    return bool(re.search(r"\b(?:was|were|is|are|be|been|being|got|get|gets)\s+(?:\w+ly\s+|then\s+|later\s+)?$",
                          text[max(sent.start, pos - 30) : pos], re.I))


def _lower_hit(pattern: re.Pattern[str], text: str) -> bool:
    return any(h.group() == h.group().lower() for h in pattern.finditer(text))


def _nearest_trigger(disc: Discourse, sent: Sentence, pos: int) -> int | None:
    best = None
    for t in triggers(sent, disc):
        d = min(abs(pos - t.start), abs(pos - t.end))
        if best is None or d < best[0]:
            best = (d, t.start)
    return best[1] if best else None


def _in_future(disc: Discourse, m: Mention) -> bool:
    """A dated mention after the publication date, told without a past verb, lies ahead
    (compared at the precision both have: '2024' after '2023-12-09')."""
    d, pub = m.own_date, disc.published
    if d is None or not d.start or not pub:
        return False
    n = min(len(pub), len(d.start))
    if d.start[:n] <= pub[:n]:
        return False
    last = disc.text[m.start : m.end].lower().split()[-1]
    return not re.search(r"(?:ed|met|held|paid|had|signed|inked|spoke|rang)$", last)


def _usable_date(d: DateExpr) -> bool:
    if not d.start and not d.text:
        return False
    text = (d.text or "").lower()
    if re.search(r"\b(?:past|decade|years|since|over the|first \w+ months|so far)\b", text):
        return False  # durations, not the day of an encounter
    if d.precision in ("decade",):
        return False
    if d.start and d.end and len(d.start) == 4 and len(d.end) == 4 and d.start != d.end:
        return False  # a span of years: '(1994–2024)'
    return True


def _assign_dates(disc: Discourse, sent: Sentence, mentions: list[Mention]) -> None:
    """Each mention's own date: a frame or relative clause takes the date inside it,
    the main clause takes the rest (a date that opens the sentence belongs to it)."""
    text = disc.text
    lex = disc.lexicon
    dates = [d for d in disc.dates_in(sent.start, sent.end) if _usable_date(d)]
    # phrases like 'scheduled for March 26 to 29' belong to a scheduled happening, not an encounter
    # deadlines ('within 2025', 'by 2030') say when something is due, not when people met
    dates = [
        d
        for d in dates
        if not re.search(
            r"\b(?:within|by|until|till|before|no later than)\s+(?:the\s+end\s+of\s+)?$",
            text[max(sent.start, d.offsets[0] - 25) : d.offsets[0]],
            re.I,
        )
        and not re.match(r"(?:within|by|until)\b", d.text or "", re.I)
    ]
    if all(m.status == "occurred" for m in mentions):
        dates = [
            d
            for d in dates
            if not re.search(
                r"(?:scheduled|slated|set)\s+(?:for|on|from)\s+$|anniversary[^.]{0,40}$",
                text[max(sent.start, d.offsets[0] - 60) : d.offsets[0]],
                re.I,
            )
        ]
    claimed: set[int] = set()
    for m in mentions:
        if m.frame is None and not m.relcl:
            continue
        seg_end = segment_end(text, m.end, sent.end, dates)
        for i, d in enumerate(dates):
            if i not in claimed and m.end <= d.offsets[0] < seg_end:
                m.own_date = d
                claimed.add(i)
                break
    mains = [m for m in mentions if m.frame is None and not m.relcl]
    for m in mains:  # 'At the expo's opening ceremony on Thursday, X and Y signed ...': the setting's day
        setting = next((f for f in mentions if f.frame == "during" and f.end <= m.start and f.own_date is not None
                        and f.start - sent.start <= 25), None)
        if setting is not None and not any(m.end <= d.offsets[0] for i, d in enumerate(dates) if i not in claimed):
            m.own_date = setting.own_date
    if not mains:  # 'On Monday, during a meeting with X, Y said ...': an opening date dates the frame
        mains = [m for m in mentions if not m.relcl and m.own_date is None]
        dates = [
            d
            for i, d in enumerate(dates)
            if i not in claimed and mains and d.offsets[1] <= min(m.start for m in mains)
        ]
        claimed = set()
    # English puts a date after its verb phrase ('met X on Thursday and will visit Y on Friday'):
    # a date before a telling costs more than one after it
    pairs = sorted(
        ((d.offsets[0] - m.end) if d.offsets[0] >= m.end else (m.start - d.offsets[1]) + 80, i, j)
        for i, d in enumerate(dates)
        if i not in claimed
        for j, m in enumerate(mains)
        if _date_reaches(text, m, d)
    )
    for _dist, i, j in pairs:  # nearest first; each date and each mention used once
        if i in claimed or mains[j].own_date is not None:
            continue
        mains[j].own_date = dates[i]
        claimed.add(i)
    # an opener ('On March 18, X and Y discussed ... by phone'; 'Earlier this year, X visited Beijing,
    # where he held talks ...') dates every telling of its sentence, however long the names
    opening = [
        d
        for d in dates
        if mains
        and d.offsets[1] <= min(m.start for m in mains)
        and d.offsets[0] - sent.start <= 25
        and re.match(r"\s*,", text[d.offsets[1] : d.offsets[1] + 3])
        and not disc.refs_in(sent.start, d.offsets[0], "person")
    ]
    if opening:
        for m in mains:
            if m.own_date is None:
                m.own_date = opening[0]
    for m in mentions:
        if m.kind == "visit":
            arrival = next(
                (
                    d
                    for d in disc.dates_in(sent.start, sent.end)
                    if d.start
                    and len(d.start) == 10
                    and re.search(
                        r"\barriv\w*\s+(?:in\s+[A-Z][\w.' -]{0,30}?\s+)?(?:earlier\s+|early\s+|late\s+)?(?:on\s+)?$",
                        text[max(sent.start, d.offsets[0] - 60) : d.offsets[0]],
                        re.I,
                    )
                ),
                None,
            )
            if arrival is not None and (m.own_date is None or not m.own_date.end):
                m.own_date = _visit_span(text, sent, m, arrival, arrived=True,
                                         others=disc.dates_in(sent.start, sent.end))
            elif m.own_date is not None:
                m.own_date = _visit_span(text, sent, m, m.own_date)
    for m in mentions:  # '..., during which he held talks': within the visit before, on its date
        outer = m.enclosing
        if m.own_date is None and outer is not None and outer.own_date is not None and (
                outer.kind == "visit" or m.kind not in ("meeting", "talks", "reception")):
            m.own_date = outer.own_date
    for key in ("same", "next", "previous"):
        hit = lex.anaphoric_dates[key].search(text, sent.start, sent.end)
        if not hit:
            continue
        for m in mentions:
            overlaps = (
                m.own_date is not None
                and m.own_date.offsets
                and m.own_date.offsets[0] < hit.end()
                and hit.start() < m.own_date.offsets[1]
            )
            opener = hit.end() <= m.start and (m.own_date is None or m.own_date.offsets[0] > m.end)
            if m.own_date is None or overlaps or opener:
                if m.frame is not None and m.anaphoric:
                    continue
                refers_back = m.rule.nominal and m.det in ("definite", "possessive")
                if refers_back and not (0 <= hit.start() - m.end <= 3 or (
                        hit.start() - sent.start <= 5 and hit.end() <= m.start)):
                    continue  # 'Meeting X on the same day, Y said the visit was ...': the day is the meeting's
                m.date_anaphor = key
                m.own_date = None
                m.new_marker = True


_ELSEWHERE = re.compile(r"\b(?:in|during|at|on) which\b|\bwhen\b|\b(?:including|such as)\b[^,]*$|;", re.I)


_OTHER_CLAUSE = re.compile(r",\s*(?:who|whose)\b|\b(?:said|says|told|added|noted)\b", re.I)


_PURPOSE = re.compile(
    r"\bto (?:discuss|review|prepare|plan|promote|be held|take place|attend|open|convene|hold|organi[sz]e|host|"
    r"set up|establish|launch|stage|build)\b|"
    r"\b(?:will|would) (?:be held|take place)\b|\bscheduled\b|\bplanned\b",
    re.I,
)


def _date_reaches(text: str, m: Mention, d: DateExpr) -> bool:
    """Can date ``d`` be the date of mention ``m``?  Not from far away, and not from a clause
    about something else ('..., including an incident earlier this month in which ...');
    'the meeting' at a sentence's end is not dated by what the sentence said before it."""
    if (
        m.rule.nominal
        and m.det in ("definite", "possessive")
        and d.offsets[1] <= m.start
        and m.start - d.offsets[1] > 25
    ):
        return False
    if d.offsets[0] >= m.end:
        between = text[m.end : d.offsets[0]]
        if m.rule.nominal and m.det in ("definite", "possessive") and _OTHER_CLAUSE.search(between):
            return False  # 'Attending the reception was X, who said ... a conference next year'
        return len(between) <= 220 and not _ELSEWHERE.search(between)
    between = text[d.offsets[1] : m.start]
    return len(between) <= 220 and not re.search(r";", between)


_COUNTS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _visit_span(text: str, sent: Sentence, m: Mention, d: DateExpr, *, arrived: bool = False,
                others: list[DateExpr] | None = None) -> DateExpr:
    """'a three-day visit ... through Friday' ends that Friday and began two days before;
    'a two-day visit starting Monday' or 'arrived Thursday for a four-day stay' begins that day."""
    if d.end or not d.start or len(d.start) != 10:
        return d
    days = re.search(
        r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[\w-]+\s+){0,2}$",
        text[max(sent.start, m.start - 40) : m.start],
        re.I,
    )
    if not days:
        if arrived:  # 'arrived on Monday ..., for a visit that ends on Thursday'
            until = next((e for e in others or [] if e.start and len(e.start) == 10 and not e.end
                          and e.offsets[0] > d.offsets[1]
                          and _ENDS_ON.search(text, max(sent.start, e.offsets[0] - 30), e.offsets[0])), None)
            if until is not None:
                end = _date.fromisoformat(until.start)
                if end < _date.fromisoformat(d.start) and _WEEKDAY.search(until.text or ""):
                    end += _timedelta(days=7)  # 'arrived on Monday ... ends on Thursday': the Thursday after
                if end >= _date.fromisoformat(d.start):
                    return d.model_copy(update={"end": end.isoformat()})
        return d
    n = int(days.group(1)) if days.group(1).isdigit() else _COUNTS[days.group(1).lower()]
    lead = text[max(sent.start, d.offsets[0] - 12) : d.offsets[0]] + (d.text or "")
    day = _date.fromisoformat(d.start)
    if arrived:
        start, end = day, day + _timedelta(days=n - 1)
    elif re.search(r"\b(?:through|until|till|ending|to)\b", lead, re.I) or re.search(
        r"\b(?:concluded|ended|ends|wrapped up|closed)\s+$", text[max(sent.start, d.offsets[0] - 25) : d.offsets[0]], re.I
    ):  # 'a three-day visit ... through Friday', 'whose two-day visit ... concluded yesterday'
        start, end = day - _timedelta(days=n - 1), day
    elif re.search(r"\b(?:from|starting|beginning|since)\b", lead, re.I) or re.search(
        r"\b(?:began|begins|started|starts|opened|kicked off)\s+(?:on\s+)?$",
        text[max(sent.start, d.offsets[0] - 25) : d.offsets[0]],
        re.I,
    ):  # 'a two-day visit starting Monday', 'a four-day visit ... that began on Tuesday'
        start, end = day, day + _timedelta(days=n - 1)
    else:
        return d
    return d.model_copy(update={"start": start.isoformat(), "end": end.isoformat()})


def _merge_visit_frames(mentions: list[Mention]) -> list[Mention]:
    """'during a working visit to Peru, X met Y': the visit frames the meeting; one event,
    whose mode is a visit.  A visit with dates of its own stays an event of its own."""
    frames = [m for m in mentions if m.frame == "during" and m.kind == "visit" and m.own_date is None]
    core = [m for m in mentions if m not in frames and m.frame is None]
    # 'Before arriving in Hanoi, the delegation worked in Vinh with X': the journey sets the scene
    moves = [m for m in mentions if m.frame == "relation" and m.kind == "visit" and not m.rule.nominal
             and m.own_date is None and m.det is None]
    if core and moves:
        mentions = [m for m in mentions if m not in moves]
    if not frames or not core:
        return mentions
    for m in core:
        m.frames.extend(frames)
        m.modes.add("visit")
    return [m for m in mentions if m not in frames]


_NOT_VENUE = re.compile(
    r"\b(?:invest(?:ment|ments|ing|ors)?|cooperation|situation|interests?|trade|business(?:es)?|"
    r"presence|projects?|operations?|development|growth|peace|stability|markets?|"
    r"exports?|imports?|products?|goods|people|born|living|based|working|studying|visitors|tourists|"
    r"experiences|destinations?|offices?|branches|students|communit(?:y|ies)|located)\s*$",
    re.I,
)


#: where the telling's clause has ended: a report ('..., said'), or another verb phrase
#: ('had a working session with X, and visited manufacturers in Pyeongtaek')
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and\s+)?(?:said|says|told|added|noted|stressed|according)\b|,?\s*and\s+(?:also\s+|then\s+)?"
    r"(?:visited|toured|went|travell?ed|flew|inspected|attended|opened|left|returned)\b",
    re.I,
)
#: a sentence that opens with the journey before the telling ('Before arriving in Hanoi, ...')
_SCENE = re.compile(r"\s*(?:before|after|following|upon|prior to|on (?:his|her|their|its) (?:way|arrival))\b", re.I)
#: 'at the prefectural government office in Hiroshima': a building where people meet, in a city
_AT_BUILDING = re.compile(r"\bat\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}(?:offices?|headquarters)\s*$", re.I)


def _places(disc: Discourse, sent: Sentence, m: Mention) -> None:
    """Where: 'in Hanoi' near the telling; where a visit goes ('visit to Peru', 'to the city')."""
    text = disc.text
    lex = disc.lexicon
    found_after: list[str] = []
    found_before: list[str] = []
    # a relative clause ends at its comma ('Thinh, whose delegation is in Nigeria from July 14 to 18,
    # said ... an exhibition in Lagos'): what comes after it is another clause's
    clause_end = segment_end(text, m.end, sent.end, disc.dates_in(sent.start, sent.end)) if m.relcl else sent.end
    for r in disc.refs_in(sent.start, sent.end, "place"):
        lead = text[max(sent.start, r.start - 20) : r.start]
        if not re.search(
            r"\b(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+|capital\s+(?:city\s+)?(?:of\s+)?|province\s+of\s+)?$",
            lead,
            re.I,
        ):
            continue
        prior = text[max(sent.start, r.start - 40) : r.start]
        prior = re.sub(r"\b(?:in|at)\s+(?:the\s+)?\S*\s*$", "", prior)
        if _NOT_VENUE.search(prior) and not _AT_BUILDING.search(prior):
            continue
        if m.anaphoric and not re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?", text[m.end : r.start]):
            continue  # 'the meeting in Havana' names its place; other places of the sentence are not its
        after = (
            m.end <= r.start <= min(m.end + 200, clause_end)
            and _no_other_trigger_between(disc, sent, m.end, r.start)
            and not _ELSEWHERE.search(text[m.end : r.start])
            and not _PURPOSE.search(text[m.end : r.start])
            and not _CLAUSE_BREAK.search(text[m.end : r.start])
        )
        where = (  # 'it stopped in Pyongyang, where on April 3 it held talks with X'
            r.end <= m.start
            and re.match(r"\s*,\s*where\b", text[r.end : m.start], re.I)
            and _no_other_trigger_between(disc, sent, r.end, m.start)
        )
        before_ok = (
            r.end <= m.start
            and not m.relcl
            and _no_other_trigger_between(disc, sent, r.end, m.start)
            and not re.search(r";|,\s*(?:who|which|where|while)\b", text[r.end : m.start], re.I)
            and not (m.kind == "visit" and m.frame is not None)
            and not ("," in text[r.end : m.start] and _SCENE.match(text, sent.start))
        )  # 'in Lima ..., during a visit to Peru'; 'Before arriving in Hanoi, the delegation worked in Vinh'
        if after:
            found_after.append(r.id)
        elif where or before_ok:
            found_before.append(r.id)
    for pid in found_after + found_before:  # the place in the telling's own verb phrase first
        if pid not in m.places:
            m.places.append(pid)
    outer = m.enclosing
    if (not m.places and outer is not None and outer.kind == "visit" and outer.destination
            and not disc.is_country(outer.destination) and not outer.destination_cities):
        m.places.append(outer.destination)  # 'his visit to Kunming ..., when he held talks with X': there
    sources = [m] + m.frames if m.kind == "visit" or m.frames else []
    for src in sources:
        tail = text[src.end : min(sent.end, src.end + 60)]
        lead = re.match(  # 'visit to Peru', 'visited the border town of Poipet'
            r"\s+(?:to|of|in|at)?\s*(?:the\s+)?(?:(?:[a-z-]+\s+){0,2}(?:city|capital|province|town|port|village|"
            r"prefecture|state|district|island|region)\s+of\s+)?",
            tail,
        )
        pos = src.end + (lead.end() if lead else 0)
        hit = [r for r in disc.refs_in(pos, min(sent.end, pos + 60)) if r.start == pos]
        if hit and hit[0].kind == "place":
            m.destination = hit[0].id
            more = [
                r
                for r in disc.refs_in(hit[0].end, min(sent.end, hit[0].end + 60), "place")
                if re.fullmatch(r"\s*(?:,|and|, and)\s*", text[hit[0].end : r.start])
            ]
            if more and not disc.is_country(
                hit[0].id
            ):  # 'visited Hanoi and Ho Chi Minh City': the country only
                m.destination_cities = [hit[0].id] + [r.id for r in more]
            break
        if hit and hit[0].kind == "organization" and disc.organizations[hit[0].id].country:
            continue
        noun = re.match(
            r"\s*(?:to\s+)?(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?(city|capital|province|locality|town|prefecture|state|region)"
            r"\b(?!\s+of\b)",
            tail,
        ) or re.match(r"\s*(?:to\s+)?(?:the\s+)?(city|capital|province|locality)\b(?!\s+of\b)", tail, re.I)
        # ('the border town of Poipet' names its place; if the name is not a known place, none is guessed)
        if noun:
            m.destination_anaphor = noun.group(1).lower()  # 'to the southern province'
            break
        if lex.city_anaphor.match(text, max(src.end, pos - 4)):
            m.destination_anaphor = "city"
            break


def _no_other_trigger_between(disc: Discourse, sent: Sentence, start: int, end: int) -> bool:
    """No other telling between (the setting words 'at a ceremony held at ...' tell none)."""
    return not any(start <= t.start < end and not t.rule.anaphoric_only for t in triggers(sent, disc))
