"""Statements and other happenings around encounters: invitations, proposals,
commitments, praise, agreements, gift exchanges, scheduled fairs and forums, and
anniversaries of relations.

Why they hang on encounters: "He proposed that both sides work together" says
nothing of who "he" is, to whom he spoke or when; the encounter it was said at
(its *occasion*) answers all three.  A statement's speaker is the nearest person
before its words, the subject of the sentence for openers ("Speaking highly of
..., X stressed"), the one 'he' refers to, or both sides ("the two sides
agreed").  Its occasion is the encounter the same sentence tells of, else the
latest one the speaker took part in.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from legation.models import DateExpr
from legation.nlp.coreference import Encounter, Tracker
from legation.nlp.discourse import Discourse, Ref, Sentence, last_match
from legation.nlp.mentions import PREPOSITIONS
from legation.nlp.participants import sentence_subject

__all__ = ["Statement", "detect_statements", "topics_of"]

_YEAR_RANGE = re.compile(r"\(?\b(1[89]\d\d|20\d\d)\s*[–—-]\s*(1[89]\d\d|20\d\d)\b\)?")
_JOINT = re.compile(r"\b(?:both sides|the two sides|two sides|both parties|the two parties|both countries|"
                    r"the two countries|together|jointly|each other|mutual(?:ly)?|two-way|bilateral)\b", re.I)


@dataclass(slots=True)
class Statement:
    kind: str
    sentence: Sentence
    start: int
    end: int
    speaker: str | None = None
    group: bool = False
    target: str | None = None
    occasion: Encounter | None = None
    own_date: DateExpr | None = None
    subject: str | None = None
    key: tuple | None = None
    joint: bool = False
    status: str = "occurred"
    people: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    role: str | None = None           # 'the host', 'the guests': a side of the occasion, not a name


def topics_of(disc: Discourse, text: str) -> list[str]:
    """Topics whose keywords occur in ``text``, in order of first appearance."""
    found = []
    for t in disc.lexicon.topics:
        m = t.regex.search(text)
        if m:
            found.append((m.start(), t.name))
    return [name for _, name in sorted(found)]


def detect_statements(disc: Discourse, tracker: Tracker, actors: dict[int, str | None]) -> list[Statement]:
    """Every statement of the article, merged where the article repeats one."""
    out: list[Statement] = []
    previous_focus: Encounter | None = None
    for sent in disc.sentences:
        focus, told = tracker.snapshots.get(sent.index, (None, []))
        tellings = tracker.tellings.get(sent.index, [])
        actor = actors.get(sent.index)
        found = _sentence_statements(disc, sent, actor)
        found += _scheduled(disc, sent)
        found += _anniversaries(disc, sent)
        for st in found:
            if st.kind not in ("scheduled", "anniversary"):
                # an encounter first told after the statement's words in the same sentence is what
                # the speaker recalls ('congratulated X and recalled that he first met him in 2019')
                prior_day = previous_focus.date.start if previous_focus and previous_focus.date else None
                later = {id(e) for e, start, created in tellings if created and (
                    start > st.start  # told after the words: what the speaker recalls
                    or (prior_day and e.date and e.date.start and e.date.start[:len(prior_day)] < prior_day[:len(e.date.start)]))}
                here = [e for e in told if id(e) not in later]
                st.occasion = _occasion(tracker, sent, st, focus if not later else previous_focus, here, later)
            if st.occasion is None and st.kind not in ("scheduled", "anniversary") and st.speaker:
                st.occasion = _told_next(tracker, sent, st)
            if st.own_date is None and st.occasion is not None and st.kind != "anniversary":
                st.own_date = st.occasion.date
            st.sentences = [sent]
            out.append(st)
        previous_focus = focus
    return _merge(out)


# ---------------------------------------------------------------------------- statements


def _sentence_statements(disc: Discourse, sent: Sentence, actor: str | None) -> list[Statement]:
    text = disc.text
    if disc.lexicon.any_statement is not None and not disc.lexicon.any_statement.search(text, sent.start, sent.end):
        return []
    hits: list[tuple[int, int, object]] = []
    for rule in disc.lexicon.statements:
        for m in rule.regex.finditer(text, sent.start, sent.end):
            if any(r.start <= m.start() < r.end for r in disc.refs_in(max(sent.start, m.start() - 80), m.end())):
                continue
            hits.append((m.start(), m.end(), rule))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, object]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    out: list[Statement] = []
    seen_kinds: set[str] = set()
    for start, end, rule in kept:
        if rule.kind in seen_kinds and rule.kind != "gift_exchange":
            continue  # 'praised ... and highly appreciated ...': one praise per sentence
        if rule.kind == "proposal" and re.match(r"\s+(?:about|for\s+(?:his|her|their)\s+name)", text[end:end + 20]):
            continue
        if rule.kind == "proposal" and re.match(r"call\w*\s+on\b", text[start:end], re.I) \
                and not re.search(r"\bto\s+[a-z]", text[end:min(sent.end, end + 110)]):
            continue  # 'called on the minister' is a courtesy call; 'called on X to ...' a proposal
        seen_kinds.add(rule.kind)
        st = Statement(kind=rule.kind, sentence=sent, start=start, end=end)
        _speaker(disc, sent, st, rule.speaker, actor)
        _target(disc, sent, st, rule.target)
        if st.kind == "proposal":
            st.joint = bool(_JOINT.search(text[end:sent.end]))
        st.people = [x for x in (st.speaker, st.target) if x and x in disc.people]
        out.append(st)
    return out


def _speaker(disc: Discourse, sent: Sentence, st: Statement, how: str, actor: str | None) -> None:
    text = disc.text
    lex = disc.lexicon
    before = text[sent.start:st.start]
    clause_start = sent.start + max(before.rfind(";"), -1) + 1
    clause = text[clause_start:st.start]
    if how == "group" or lex.group_subjects.search(clause[-60:]):
        people = [r for r in disc.refs_in(clause_start, st.start, "person") if _is_subject(disc, sent, r)]
        if how == "group" and not people or lex.group_subjects.search(clause[-60:]):
            st.group = True
            return
    relcl = re.search(r",\s*who\s+(?:\w+\s+){0,3}$", clause)
    if relcl:  # '..., Speaker Park, who praised ...': the antecedent speaks
        ante = [r for r in disc.refs_in(clause_start, clause_start + relcl.start() + 1, "person")
                if clause_start + relcl.start() - r.end <= 4]
        if ante:
            st.speaker = ante[-1].id
            return
    role = next((k for k in ("host", "guest") if lex.role_nouns[k].search(clause[-40:])), None)
    if role:
        st.role = role
        return
    refs = [r for r in disc.refs_in(clause_start, st.start, "person") + disc.title_refs(clause_start, st.start)
            if not disc.is_dead(r.id)]
    refs.sort(key=lambda r: r.start)
    subjects = [r for r in refs if _is_subject(disc, sent, r)]
    if how == "group" and len(refs) >= 2 and re.search(r"\band\b", text[refs[-2].end:refs[-1].start]):
        st.speaker, st.target = refs[-2].id, refs[-1].id  # 'X and Y agreed ...'
        return
    pron = re.search(r"\b(he|she|they)\b[^,.;]*$", clause, re.I)
    role = lex.role_nouns["speaker"].search(clause)
    if subjects and not (pron and pron.start() > subjects[-1].end - clause_start):
        st.speaker = subjects[-1].id
    elif pron and pron.group(1).lower() == "they":
        st.group = True
    elif pron or role:
        st.speaker = actor
    elif not refs and st.start - sent.start < 25:
        st.speaker = sentence_subject(disc, sent) or actor
    else:
        st.speaker = sentence_subject(disc, sent) or actor


def _is_subject(disc: Discourse, sent: Sentence, r: Ref) -> bool:
    before = disc.text[sent.start:r.start]
    before = re.sub(r"(?:Mr|Mrs|Ms|Dr|Madam|H\.E|Prof|Comrade)\.?\s*$", "", before).rstrip()
    toks = re.findall(r"[\w’'-]+|[(),]", before)
    while toks and (toks[-1][:1].isupper() or toks[-1].lower() in {"of", "the", "and", "’s", "'s", "(", ")", "s"}):
        toks.pop()
    if not toks:
        return True
    last = toks[-1].lower()
    if last == "by" and len(toks) > 1 and disc.lexicon.agentive_by.fullmatch(toks[-2].lower()):
        return True
    return last not in PREPOSITIONS and last != "by"


def _target(disc: Discourse, sent: Sentence, st: Statement, how: str) -> None:
    text = disc.text
    stop = re.search(r"[;]|\.\s", text[st.end:sent.end])
    end = st.end + stop.start() if stop else sent.end
    if how == "to":
        m = re.search(r"\bto\s+", text[st.end:end])
        if not m:
            return
        pos = st.end + m.end()
        cands = [r for r in disc.refs_in(pos, min(end, pos + 120)) + disc.title_refs(pos, min(end, pos + 120))]
    elif how == "object":
        if re.match(r"\s+that\b", text[st.end:end]):
            return  # 'proposed that the two sides ...': said to the other side of the encounter
        cands = [r for r in disc.refs_in(st.end, min(end, st.end + 120)) + disc.title_refs(st.end, min(end, st.end + 120))]
        cands = [r for r in cands if not re.search(r"\b(?:in|at|on)\s+(?:the\s+)?$",
                                                   text[max(st.end, r.start - 8):r.start])]
    else:
        return
    if re.match(r"\s+(?:him|her|them|(?:the|his|her|their)\s+(?:\w+\s+)?(?:minister|ambassador|counterparts?|"
                r"president|guests?|hosts?|delegation|official|leader|chairman|chairwoman|secretary|envoy|diplomat|"
                r"premier|prime minister|side|party))\b", text[st.end:end], re.I):
        return  # 'invited the minister to ...': the other side of the encounter, found from it
    cands.sort(key=lambda r: (r.kind not in ("person", "title"), r.start))
    for r in cands:
        if r.kind == "organization" and (disc.organizations[r.id].kind or "").lower() in ("event", "agreement", "forum"):
            continue  # 'support the Export Products Fair': a happening, not an addressee
        if r.kind in ("place", "organization") and st.speaker and disc.country_of(r.id) \
                and disc.country_of(r.id) == disc.country_of(st.speaker):
            continue  # 'said Chile wanted ...': the speaker's own side is no addressee
        if r.id != st.speaker and not (r.kind == "person" and disc.is_dead(r.id) and st.kind != "praise"):
            st.target = r.id
            return


#: how far back (in characters) a statement looks for the encounter it was made at: an article's
#: length, so that the search stays linear in the length of long documents
_REACH = 8000


def _events_from(tracker: Tracker, lo: int, hi: int) -> list[Encounter]:
    """The encounters first told in [lo, hi), in text order (an index kept on the tracker)."""
    index = getattr(tracker, "_first_told", None)
    if index is None or len(index[1]) != len(tracker.events):
        told = sorted(((min(m.start for m in e.mentions), n) for n, e in enumerate(tracker.events) if e.mentions))
        index = ([s for s, _ in told], [tracker.events[n] for _, n in told])
        tracker._first_told = index  # type: ignore[attr-defined]
    starts, events = index
    return events[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def _occasion(tracker: Tracker, sent: Sentence, st: Statement, focus: Encounter | None,
              told: list[Encounter], exclude: set[int]) -> Encounter | None:
    """The encounter a statement was made at: one the same sentence tells of, else the one
    the speaker last took part in (the most recent by date: what they say today is said
    at today's encounter, not at one they recall), else the one in focus."""
    speaker = st.speaker
    if told:
        with_speaker = [e for e in told if speaker and speaker in e.people]
        if with_speaker:
            return with_speaker[0]
        if speaker is None or st.group or st.role:
            return told[0]
    earlier = [e for e in _events_from(tracker, sent.start - _REACH, sent.end) if id(e) not in exclude]
    if (speaker is None or st.group or st.role) and focus is not None and focus.kind == "visit":
        # 'The two officials agreed ...' after 'X held talks with Y ... during a visit': the talks
        gatherings = [e for e in earlier if e.kind != "visit" and set(e.people) & set(focus.people)]
        if gatherings:
            return max(gatherings, key=lambda e: max(m.start for m in e.mentions if m.start < sent.end))
    if speaker:
        mine = [e for e in earlier if speaker in e.people]
        if mine:
            gatherings = [e for e in mine if e.kind != "visit"] or mine
            return max(gatherings, key=lambda e: ((e.date.start or "") if e.date else "",
                                                  max((m.start for m in e.mentions if m.start < sent.end), default=0)))
    return focus


def _told_next(tracker: Tracker, sent: Sentence, st: Statement) -> Encounter | None:
    """A lead that tells what was said before it tells the encounter ('X and Y agreed Tuesday
    ...' then 'Meeting in Manila, X and Y ...'): the next encounter with the same people."""
    want = {p for p in (st.speaker, st.target) if p}
    after = [e for e in _events_from(tracker, sent.end, sent.end + 600) if want <= set(e.people)]
    nearest = min(after, key=lambda e: min(m.start for m in e.mentions), default=None)
    if nearest is not None and min(m.start for m in nearest.mentions) - sent.end < 600:
        return nearest
    return None


# ---------------------------------------------------------------------------- happenings


def _scheduled(disc: Discourse, sent: Sentence) -> list[Statement]:
    """'the Vietnam Outstanding Export Products Fair, scheduled for March 26 to 29, 2025'."""
    text = disc.text
    lex = disc.lexicon
    out = []
    for hit in lex.scheduled.finditer(text, sent.start, sent.end):
        window = text[max(sent.start, hit.start() - 110):hit.start()]
        name = None
        for r in disc.refs_in(max(sent.start, hit.start() - 110), hit.start(), "organization"):
            org = disc.organizations[r.id]
            if (org.kind or "").lower() in ("event", "forum") or lex.event_nouns.search(org.name):
                name = org.name
        if name is None:
            found = last_match(r"((?:[A-Z][\w'’&-]*\s+)*(?i:" + lex.event_nouns.pattern + r"))[,\s]*$", window)
            if found is None:
                continue
            name = re.sub(r"^(?:The|A|An)\s+", "", found.group(1).strip())
        dates = [d for d in disc.dates_in(hit.end(), min(sent.end, hit.end() + 60))]
        if not dates:
            continue
        st = Statement(kind="scheduled", sentence=sent, start=hit.start(), end=hit.end(), own_date=dates[0],
                       subject=name, status="planned", key=("scheduled", name.lower()))
        out.append(st)
    for hit in lex.hosting.finditer(text, sent.start, sent.end):  # 'would host a business forum in X on May 16'
        if any(o.start <= hit.start() < o.end + 120 for o in out):
            continue
        found = re.match(r"\s*((?:[\w'’&-]+\s+){0,5}?(?i:" + lex.event_nouns.pattern + r"))", text[hit.end():sent.end])
        if not found:
            continue
        noun_end = hit.end() + found.end()
        dates = [d for d in disc.dates_in(noun_end, min(sent.end, noun_end + 70))]
        if not dates:
            continue
        name = found.group(1).strip()
        out.append(Statement(kind="scheduled", sentence=sent, start=hit.start(), end=noun_end, own_date=dates[0],
                             subject=name, status="planned", key=("scheduled", name.lower())))
    return out


def _anniversaries(disc: Discourse, sent: Sentence) -> list[Statement]:
    """'the 30th anniversary of diplomatic relations (1994–2024)'."""
    text = disc.text
    lex = disc.lexicon
    out = []
    for hit in lex.anniversary.finditer(text, sent.start, sent.end):
        ordinal = int(hit.group(1)) if hit.group(1) else lex.ordinal_words.get((hit.group(2) or "").lower())
        if not ordinal:
            continue
        rest = text[hit.end():sent.end]
        of = re.match(r"\s+of\s+(?:the\s+)?(?:establishment\s+of\s+|founding\s+of\s+)?", rest)
        subject = None
        dyad_text = text[max(sent.start, hit.start() - 40):hit.end()]
        if of:
            body = rest[of.end():]
            stop = re.search(r"[,.;()]|" + lex.anniversary_stop.pattern, body)
            subject = body[:stop.start()].strip() if stop else body.strip()
            dyad_text += " " + subject
        canonical = subject or ""
        for name, pat in lex.canonical_subjects:
            # 'the 50th anniversary year', 'of those ties': the relations the sentence names
            if pat.search(subject or "") or ((not subject or re.match(r"(?:those|these|the|their|its)\s", subject))
                                             and pat.search(sent.text)):
                canonical = name
                break
        year = _anniversary_year(disc, sent, hit.end(), ordinal)
        if year is None and disc.published and re.search(r"\banniversary year\b|\bthis year\b", sent.text, re.I):
            year = int(disc.published[:4])
        date = DateExpr(start=str(year), end=None, precision="year", text=hit.group(), base=None,
                        offsets=(hit.start(), hit.end())) if year else None
        countries = []
        for r in disc.refs_in(max(sent.start, hit.start() - 40), min(sent.end, hit.end() + 80)):
            c = disc.country_of(r.id)
            if r.kind == "place" and c and c not in countries:
                countries.append(c)
        st = Statement(kind="anniversary", sentence=sent, start=hit.start(), end=hit.end(), own_date=date,
                       subject=f"{ordinal} anniversary of {canonical}" if canonical else f"{ordinal} anniversary",
                       key=("anniversary", ordinal, canonical.lower()),
                       countries=countries)
        out.append(st)
    return out


def _anniversary_year(disc: Discourse, sent: Sentence, pos: int, ordinal: int) -> int | None:
    """The year an anniversary falls in: the end of a span as long as the ordinal ('(1994–2024)'),
    a founding year plus the ordinal ('established in 1974 ... the 50th anniversary'), or the
    year a date in the sentence gives ('next year', 'the year 2024')."""
    text = disc.text
    for m in _YEAR_RANGE.finditer(text, pos, min(sent.end, pos + 120)):
        a, b = int(m.group(1)), int(m.group(2))
        if b - a == ordinal:
            return b
    fallback = None
    for d in disc.dates_in(sent.start, sent.end):
        if not d.start or len(d.start) < 4:
            continue
        if d.end and d.end[:4] != d.start[:4] and int(d.end[:4]) - int(d.start[:4]) == ordinal:
            return int(d.end[:4])
        before = text[max(sent.start, d.offsets[0] - 60):d.offsets[0]]
        if re.search(r"\b(?:established|founded|set up|signed|since|forged|launched|began)\b[^.;]*$", before, re.I):
            return int(d.start[:4]) + ordinal
        if fallback is None and d.precision in ("year", "month", "day") and not d.end:
            fallback = int(d.start[:4])
    return fallback


# ---------------------------------------------------------------------------- merging


def _merge(items: list[Statement]) -> list[Statement]:
    """One statement per happening: anniversaries and fairs by name, gift exchanges per
    encounter, repeated sentences once."""
    out: list[Statement] = []
    for st in items:
        twin = None
        for o in out:
            if st.key and o.key == st.key:
                twin = o
            elif st.kind == "gift_exchange" and o.kind == "gift_exchange" and o.occasion is st.occasion \
                    and st.occasion is not None:
                twin = o
            elif o.kind == st.kind and o.speaker == st.speaker and o.occasion is st.occasion \
                    and _same_text(o.sentence.text, st.sentence.text):
                twin = o
            if twin:
                break
        if twin is None:
            out.append(st)
            continue
        twin.sentences.extend(s for s in st.sentences if s not in twin.sentences)
        twin.people.extend(p for p in st.people if p not in twin.people)
        for c in st.countries:
            if c not in twin.countries:
                twin.countries.append(c)
        if twin.own_date is None:
            twin.own_date = st.own_date
        if twin.target is None:
            twin.target = st.target
    return out


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
