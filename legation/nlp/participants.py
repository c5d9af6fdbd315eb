"""Who takes part in an encounter mention, and in what role.

Participants are the people a sentence names around the telling, without those who cannot
take part (the dead, authors, reporters, senders of greetings), plus those it names
otherwise: 'he', 'the two secretaries', 'the deputy minister', "Mongolia's Minister ...",
'the visiting X'.  Roles follow the words: 'X received Y' (X hosts), 'X paid a courtesy call
on Y' (X is the guest), 'X visited Y', 'X was received by Y'.  Delegations ('a delegation
from HCMC, led by X', 'the PCP delegation', 'the Peruvian delegation') are found here too.
"""

from __future__ import annotations

import re

from legation.nlp.discourse import Discourse, Ref, Sentence, last_match
from legation.nlp.mentions import (
    HONORIFIC,
    PASSIVE,
    PREPOSITIONS,
    SUBJECT_PRONOUN,
    Context,
    Mention,
    segment_end,
    triggers,
    unique,
    visiting_person,
)

__all__ = ["assign_people", "find_delegations", "governed", "sentence_subject", "visiting_adjective"]


def assign_people(
    disc: Discourse, sent: Sentence, mentions: list[Mention], ctx: Context, visiting: list[str]
) -> None:
    text = disc.text
    persons = _sentence_people(disc, sent)
    ordered = sorted(mentions, key=lambda m: m.start)
    mains = [m for m in ordered if m.frame is None and not m.relcl]
    first_main = mains[0].start if mains else ordered[0].start
    for i, m in enumerate(ordered):
        nxt = ordered[i + 1].start if i + 1 < len(ordered) else sent.end
        if _participial_opener(disc, sent, m):
            agent = sentence_subject(disc, sent)
            left = [r for r in persons if r.id == agent][:1]
            right = [r for r in persons if r.id != agent and m.start <= r.start < nxt]
        elif len(ordered) == 1:
            left = [r for r in persons if r.start < m.start]
            right = [r for r in persons if r.start >= m.start]
        elif m.relcl:
            ante = _antecedent(disc, sent, m)
            # the relative clause ends at its comma: who comes after belongs to the main clause
            end = min(nxt, segment_end(text, m.end, sent.end, disc.dates_in(sent.start, sent.end)))
            right = [r for r in persons if m.start <= r.start < end]
            if ante is not None and re.search(r",\s*(?:with|by|to|from|for)\s+whom\b[^,;]*$", text[sent.start : m.start]):
                left, right = [], [ante] + right  # 'Y, with whom the delegation had held talks': Y is met
            else:
                left = [ante] if ante else []
        elif m.frame is not None and m.start < first_main:
            seg = segment_end(text, m.end, sent.end, disc.dates_in(sent.start, sent.end))
            left = [r for r in persons if r.start < m.start]
            right = [r for r in persons if m.start <= r.start < seg]
        else:
            segments = [
                (f.start, segment_end(text, f.end, sent.end, disc.dates_in(sent.start, sent.end)))
                for f in ordered
                if f.frame is not None and f.start < first_main
            ]
            left = [
                r for r in persons if r.start < first_main and not any(s <= r.start < e for s, e in segments)
            ]
            right = [r for r in persons if m.start <= r.start < nxt]
            after = ordered[i + 1] if i + 1 < len(ordered) else None
            if after is not None and after.relcl:  # 'attended by X, with whom ... talks ..., and by Y'
                resume = segment_end(text, after.end, sent.end, disc.dates_in(sent.start, sent.end))
                stop = ordered[i + 2].start if i + 2 < len(ordered) else sent.end
                right += [r for r in persons if resume <= r.start < stop]
        if not m.anaphoric or m.det == "possessive":  # 'X said that A and B described their talks with C'
            left = [r for r in left if not _reports(disc, sent, r, m)]
        left_ids = unique(m.left) + [r.id for r in left]
        right_ids = [r.id for r in right]
        if left_ids and not m.left and all(governed(disc, sent, r) for r in left):
            # 'He said he had agreed with X during a phone call': X is an object; 'he' speaks
            pron = _subject_pronoun(text[sent.start : m.start])
            if pron in ("he", "she") and ctx.actor and ctx.actor not in left_ids:
                left_ids = [ctx.actor] + left_ids
        if not left_ids:
            shared = len(ordered) > 1 and not m.relcl and m.start > first_main
            pron = _subject_pronoun(
                text[sent.start : first_main] if shared else text[sent.start : m.start][-80:]
            )
            outer = m.enclosing
            if outer is not None:  # '..., during which he held talks': the clause's own subject
                pron = _subject_pronoun(text[outer.end : m.start]) or pron
            if outer is not None and pron in ("he", "she", "they") and (outer.visitors or outer.left):
                left_ids = list(outer.visitors or outer.left)  # 'X recalled his visit ..., when he ...'
            elif m.kind == "visit" and pron in ("he", "she") and ctx.guests and ctx.actor in ctx.hosts:
                left_ids = list(ctx.guests)  # 'X received Y in Hanoi. He is on a visit ...': the guest travels
            elif pron in ("he", "she") and ctx.actor:
                left_ids = [ctx.actor]
            elif pron == "they" or disc.lexicon.group_subjects.search(text[sent.start : m.start]):
                m.group = True
                group = disc.lexicon.group_subjects.search(text[sent.start : m.start])
                if group and re.search(r"countries|nations|governments|states", group.group(), re.I):
                    left_ids = []  # 'The two countries began talks in 2006': states, not the people just named
                else:
                    left_ids = _group_by_role(disc, text[sent.start : m.start], sent.start) or list(ctx.group)
                m.delegations.extend(d for d in ctx.group_delegations if d not in m.delegations)
            elif pron == "it" and ctx.group_delegations:  # 'it held talks with X': the delegation
                m.group = True
                left_ids = list(ctx.group)
                m.delegations.extend(d for d in ctx.group_delegations if d not in m.delegations)
            else:
                role = disc.lexicon.role_nouns["speaker"].match(text, sent.start)
                titled = None if role else _titled_subject(disc, sent, m)
                if ctx.guests and disc.lexicon.role_nouns["guest"].match(text, sent.start):
                    left_ids = list(ctx.guests)  # 'The guest is on an official visit ...'
                elif role:  # 'The deputy minister, who is on a visit ...': the one with that title
                    who = disc.role_person(role.group(), sent.start) or ctx.actor
                    left_ids = [who] if who else []
                elif titled:  # 'Yesterday, the Defence Minister called on X': the one whose title says so
                    left_ids = [titled]
                else:  # "Mongolia's Minister of Foreign Affairs arrived ...": the last one from there
                    who = _country_role_subject(disc, sent, m)
                    left_ids = [who] if who else []
        sides = _PRESENCE_OF_SIDES.search(text, m.end, sent.end)
        if sides and ctx.group:  # 'in the presence of both ministers': those of the encounter just told
            word = re.sub(r"(?:ies|s)$", lambda x: "y" if x.group() == "ies" else "", sides.group(1).split()[-1].lower())
            titled = [p for p in ctx.group if any(word in t.text.lower() for t in disc.people[p].titles)] \
                if all(p in disc.people for p in ctx.group) else []
            right_ids += [x for x in (titled if len(titled) >= 2 else ctx.group) if x not in right_ids]
        m.left = unique(left_ids)
        m.right = [x for x in unique(right_ids) if x not in m.left]
        m.people = m.left + m.right
        _roles(disc, sent, m, visiting)


#: 'signed ... in the presence of both ministers': the two sides of the encounter just told
_PRESENCE_OF_SIDES = re.compile(
    r"\b(?:in the presence of|witnessed by|attended by)\s+(?:both|the two|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(ministers|leaders|sides|heads|officials|presidents|prime ministers|secretaries|chairmen|governors|mayors)\b",
    re.I,
)


def _reports(disc: Discourse, sent: Sentence, r: Ref, m: Mention) -> bool:
    """'X said (that) A met B', 'X recalled that he ...': X tells of the encounter; X takes part
    only when the clause says so again ('he', 'she')."""
    between = disc.text[r.end : m.start]
    # the verb right after the name or its apposition: 'X said', 'X, Minister of Y, noted'
    lead = re.match(
        r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,;]{0,120},\s*)?(?:also\s+|further\s+|then\s+)?", between
    )
    verb = disc.lexicon.reporting.match(between, lead.end() if lead else 0)
    if not verb:
        return False
    clause = between[verb.end() :]
    if re.match(r"\s*(?:that\s+)?(?:he|she|they)\b", clause, re.I):
        return False  # 'X recalled that he had visited ...': X again
    return bool(re.search(r"\w", clause))


def _titled_subject(disc: Discourse, sent: Sentence, m: Mention) -> str | None:
    """A subject named by title after an opening phrase ('Yesterday, the Defence Minister called on
    X', 'On Monday, the Indian minister met ...'): the person named before whose title has it."""
    text = disc.text
    # ('On Tuesday, the Vietnamese deputy minister met ...': a demonym and a title in lower case)
    hit = re.match(r"\s*(?:[^,;]{1,40},\s*)?(?:the|The)\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*"
                   r"|(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+)?[a-z]+ minister)\s+$",
                   text[sent.start : m.start])
    if not hit:
        return None
    words = hit.group(1).split()
    for i in range(len(words)):  # 'Indian Defence Minister' -> 'Defence Minister' -> 'Minister'
        who = disc.role_person(" ".join(words[i:]), sent.start)
        if who:
            return who
    return None


def _country_role_subject(disc: Discourse, sent: Sentence, m: Mention) -> str | None:
    """A sentence opening "Mongolia's Minister of Foreign Affairs ..." stands for the person from
    that country named last before it."""
    hit = re.match(
        r"\s*(?:The\s+)?([A-Z][\w ]{1,40}?)[’']s\s+(?:[A-Z][\w-]*|of|and|the|for)(?:\s+(?:[A-Z][\w-]*|of|and|the|for))*",
        disc.text[sent.start : m.start],
    )
    if not hit:
        return None
    country = None
    for r in disc.refs_in(sent.start + hit.start(1), sent.start + hit.end(1), "place"):
        country = disc.place_country(r.id)
    if not country:
        return None
    found = None
    for r in disc.refs_in(0, sent.start, "person"):
        if disc.country_of(r.id) == country:
            found = r.id
    return found


def governed(disc: Discourse, sent: Sentence, r: Ref) -> bool:
    """Is this mention the object of a preposition ('with X', 'by X'), title words aside?"""
    before = HONORIFIC.sub("", disc.text[sent.start : r.start]).rstrip()
    toks = re.findall(r"[\w’'-]+|[(),]", before)
    while toks and (
        toks[-1][:1].isupper() or toks[-1].lower() in {"of", "the", "and", "’s", "'s", "(", ")", "s"}
    ):
        toks.pop()
    return bool(toks) and toks[-1].lower() in PREPOSITIONS


def _group_by_role(disc: Discourse, before: str, offset: int) -> list[str]:
    """'The two secretaries': the first two people whose titles say 'secretary'."""
    hit = re.search(r"\b(?:the two|both)\s+([a-z]+?)(?:ies|s)\b", before, re.I)
    if not hit:
        return []
    word = hit.group(1) + ("y" if hit.group(0).lower().endswith("ies") else "")
    found = disc.people_with_role(word, offset)
    return found[:2] if len(found) >= 2 else []


def _participial_opener(disc: Discourse, sent: Sentence, m: Mention) -> bool:
    """'Welcoming the delegation to Peru, X praised ...': the agent comes after the comma."""
    if m.rule.nominal or disc.text[sent.start : m.start].strip(" \"“'‘"):
        return False
    return disc.text[m.start : m.end].lower().endswith("ing")


def _roles(disc: Discourse, sent: Sentence, m: Mention, visiting: list[str]) -> None:
    passive = bool(PASSIVE.search(disc.text[max(sent.start, m.start - 14) : m.start])) and not m.rule.nominal
    left, right = (m.right, m.left) if passive else (m.left, m.right)
    if m.kind == "signing" and not m.rule.nominal:
        m.signatories = list(left)
    orient = m.rule.orientation
    if orient == "host_first":
        m.hosts, m.guests = list(left), list(right)
    elif orient == "guest_first":
        m.guests, m.hosts = list(left), list(right)
    elif orient == "visitor_first":
        m.visitors.extend(x for x in left if x not in m.visitors)
        if not m.rule.nominal:
            m.hosts = list(right)
    if m.frames and not m.hosts and not m.guests:
        m.visitors.extend(x for x in left if x not in m.visitors)
    for f in m.frames:
        m.visitors.extend(x for x in f.left if x not in m.visitors)
    m.visitors.extend(x for x in visiting if x in m.people and x not in m.visitors)
    if m.kind == "visit" and m.rule.nominal:  # 'a visit to Ulaanbaatar in July 2023 by Foreign Minister X'
        by = re.search(r"\bby\s+", disc.text[m.end : min(sent.end, m.end + 90)])
        if by:
            after = [
                r.id for r in disc.refs_in(m.end + by.end(), min(sent.end, m.end + by.end() + 80), "person")
            ]
            if after:
                m.visitors = [after[0]] + [x for x in m.visitors if x != after[0]]
                m.left = [after[0]] + [x for x in m.left if x != after[0]]
                m.right = [x for x in m.right if x != after[0]]
                m.hosts = [x for x in m.hosts if x != after[0]]
            elif re.match(r"\s*(?:(?:made|paid|undertaken)\s+)?by\s+(?:the|their|its|his|her|our)\s+[a-z]",
                          disc.text[m.end : sent.end]):
                # 'the two historic visits made by the top leaders': by people it does not name, not by
                # the sentence's subject
                m.visitors, m.left, m.people = [], [], list(m.right)
    company = re.search(r"\baccompanied by\b", disc.text[m.start : sent.end])
    if company and (m.kind == "visit" or m.visitors):  # 'was accompanied by X and Y': the visiting party
        cut = m.start + company.end()
        m.visitors.extend(r.id for r in disc.refs_in(cut, sent.end, "person") if r.id not in m.visitors)
    if orient == "host_first" and not m.hosts:
        m.host_entities = _subject_entities(disc, sent, m)


def _subject_entities(disc: Discourse, sent: Sentence, m: Mention) -> list[str]:
    """'HCMC had the opportunity to host a delegation': a city or body as the host."""
    out = []
    for r in disc.refs_in(sent.start, m.start):
        if r.kind in ("place", "organization") and not re.search(
            r"\b(?:in|at|to|from|of|with|for|by|on)\s+(?:the\s+)?$",
            disc.text[max(sent.start, r.start - 12) : r.start],
            re.I,
        ):
            out.append(r.id)
            break
    return out


def _sentence_people(disc: Discourse, sent: Sentence) -> list[Ref]:
    """The people a sentence names, without those who cannot take part: the dead, authors,
    the source of a report ('According to X'), senders of greetings."""
    text = disc.text
    lex = disc.lexicon
    refs = [r for r in disc.refs_in(sent.start, sent.end, "person")]
    titled = [r for r in disc.title_refs(sent.start, sent.end)]
    named = {r.id for r in refs}
    refs += [r for r in titled if r.id not in named]
    refs.sort(key=lambda r: r.start)
    out: list[Ref] = []
    for r in refs:
        before = text[max(sent.start, r.start - 60) : r.start]
        if disc.is_dead(r.id) or _dead_before(lex, before):
            continue
        if re.search(r"\(\s*$", before) and re.match(r"\s*\)\s*[-–—]", text[r.end : r.end + 6]):
            continue  # a dateline credit 'Brasília (Agência Brasil) -' is no one present
        if _authored(lex, before):
            continue
        if lex.sender.search(before[-40:]) and not re.search(r"[.;]", before[-40:]):
            continue
        if re.search(r"[’']s\s+(?:greetings|regards|best wishes|message|letter)", text[r.end : r.end + 30]):
            continue
        out.append(r)
    return _drop_reporters(disc, sent, out)


def _dead_before(lex, before: str) -> bool:
    hit = last_match(lex.dead, before)
    if hit is None:
        return False
    gap = before[hit.end() :]
    return bool(re.fullmatch(r"(?:\s+[A-Z][\w’'-]*|\s+(?:of|the|and))*\s*(?:Mr\.?|Ms\.?|Mrs\.?)?\s*", gap))


def _authored(lex, before: str) -> bool:
    """'the book ... by late General Secretary X': X wrote something; X is not at the table
    ('was received ... by Deputy Prime Minister X' is someone who is)."""
    m = re.search(r"\bby\s+(?:the\s+)?(?:late\s+)?(?:[A-Z][\w’'.-]*\s+|of\s+|the\s+|and\s+)*$", before)
    if not m:
        return False
    prior = before[: m.start()].rstrip()
    last = re.findall(r"[\w-]+", prior)[-1:] if prior else []
    if last and lex.agentive_by.fullmatch(last[0]):
        return False
    return bool(
        re.search(
            r"\b(?:book|books|novel|article|poem|essay|speech|report|study|painting|film|works?|letter|"
            r"message|song|memoirs?|documentary|volume|biography|writings|column|op-ed|photo|photos)\b"
            r"[^.;]{0,80}$",
            prior,
            re.I,
        )
    )


def _drop_reporters(disc: Discourse, sent: Sentence, refs: list[Ref]) -> list[Ref]:
    """'According to X, ...' and 'X said that ... met ...': X reports, X is not a participant.
    Kept apart by position: the caller decides per mention (reporters before a reported
    mention are dropped only for that mention's clause)."""
    text = disc.text
    lex = disc.lexicon
    out = []
    for r in refs:
        before = text[max(sent.start, r.start - 25) : r.start]
        if (
            re.search(r"\baccording to\s+(?:the\s+)?(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?)?\s*$", before, re.I)
            or lex.according_to.search(before[-18:])
            and before.rstrip().lower().endswith("to")
        ):
            continue
        out.append(r)
    return out


def _antecedent(disc: Discourse, sent: Sentence, m: Mention) -> Ref | None:
    text = disc.text
    before = text[sent.start : m.start]
    hit = last_match(re.compile(r",\s*(?:(?:with|by|to|from|for)\s+whom|who|which|whose)\b", re.I), before)
    if hit is None:
        return None
    comma = sent.start + hit.start()
    cands = disc.refs_in(sent.start, comma + 1, "person") + disc.title_refs(sent.start, comma + 1)
    # 'X (NZDF), who ...': an acronym may close the name or title
    close = [r for r in cands if r.end <= comma and _CLOSE_TO_COMMA.match(text, r.end, comma + 1)]
    if close:
        return close[-1]
    # 'Air Marshal X, Chief of the New Zealand Defence Force (NZDF), who ...': the person before
    # one apposition (a title, no clause of its own) is who the clause is about
    persons = [r for r in cands if r.kind == "person" and r.end <= comma]
    if persons and _APPOSITION.match(text, persons[-1].end, comma + 1):
        return persons[-1]
    return None


#: what may stand between an antecedent and the comma before 'who': a little space, an acronym
_CLOSE_TO_COMMA = re.compile(r"[\s\W]{0,4}(?:\([^()]{1,15}\)\s*)?,$")
#: ', Chief of the New Zealand Defence Force (NZDF),': a capitalised or determined noun phrase
_APPOSITION = re.compile(r",\s*(?:the\s+|an?\s+)?[A-Z][^,;]{0,100},$")


def _subject_pronoun(before: str) -> str | None:
    hit = last_match(SUBJECT_PRONOUN, before)
    return (hit.group(1) or hit.group(2)).lower() if hit else None


def sentence_subject(disc: Discourse, sent: Sentence) -> str | None:
    """The person a sentence is about: the first one not governed by a preposition
    ('with X', 'for X'), looking back over their title ('with General Secretary ... X')."""
    text = disc.text
    for r in disc.refs_in(sent.start, sent.end, "person"):
        before = HONORIFIC.sub("", text[sent.start : r.start]).rstrip()
        toks = re.findall(r"[\w’'-]+|[(),]", before)
        while toks and (
            toks[-1][:1].isupper()
            or toks[-1].lower() in {"of", "the", "and", "’s", "'s", "(", ")", "member", "members", "s"}
        ):
            toks.pop()
        if not toks:
            return r.id
        last = toks[-1].lower()
        if last == "by" and len(toks) > 1 and disc.lexicon.agentive_by.fullmatch(toks[-2].lower()):
            return r.id
        if last in PREPOSITIONS or last == "by":
            continue
        if disc.is_dead(r.id):
            continue
        return r.id
    return None


def find_delegations(disc: Discourse, sent: Sentence, m: Mention) -> None:
    """'a delegation from HCMC, led by X', 'the PCP delegation', 'the CPV and CPC delegations'."""
    text = disc.text
    for hit in re.finditer(
        r"\b(?:the|a)\s+(?:([A-Z][a-z]+)\s+)?(?:visitors|guests|visiting side|guest side)\b",
        text[sent.start : sent.end],
    ):
        country = disc.demonym_country(hit.group(1)) if hit.group(1) else ""
        pos = sent.start + hit.start()
        if (
            pos < m.start
            and _near(m, pos, sent, disc)
            and country not in m.unnamed_delegations
            and (country or hit.group(1) is None)
        ):
            m.unnamed_delegations.append(country)  # 'the Lao visitors held talks with X'
    for hit in disc.lexicon.delegation.finditer(text, sent.start, sent.end):
        found: list[str] = []
        before = disc.refs_in(max(sent.start, hit.start() - 80), hit.start())
        if before and re.fullmatch(r"\s*(?:['’]s\s*)?", text[before[-1].end : hit.start()]) \
                and before[-1].kind in ("organization", "place"):  # 'a Da Nang delegation', not 'in Havana a delegation'
            found.append(before[-1].id)
            if (
                len(before) > 1
                and re.fullmatch(r"\s*(?:and|,)\s*", text[before[-2].end : before[-1].start])
                and before[-2].kind in ("organization", "place")
            ):
                found.insert(0, before[-2].id)
        after = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", text[hit.end() : sent.end])
        if after:
            pos = hit.end() + after.end()
            for r in disc.refs_in(pos, min(sent.end, pos + 80)):
                if r.start == pos and r.kind in ("organization", "place"):
                    found.append(r.id)
                break
        led = re.search(r"\b(?:led|headed)\s+by\s+", text[hit.end() : min(sent.end, hit.end() + 150)])
        leader = None
        if led:
            pos = hit.end() + led.end()
            near = disc.refs_in(pos, min(sent.end, pos + 90), "person") + disc.title_refs(
                pos, min(sent.end, pos + 90)
            )
            near.sort(key=lambda r: r.start)
            if near:
                leader = near[0].id
        for d in found:
            if d not in m.delegations and _near(m, hit.start(), sent, disc):
                m.delegations.append(d)
                if leader:
                    m.leaders[d] = leader
        if leader and not found and _near(m, hit.start(), sent, disc):
            m.leaders.setdefault("", leader)
        demonym = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(sent.start, hit.start() - 25) : hit.start()])
        country = disc.demonym_country(demonym.group(1)) if demonym else None
        if not found and country and _near(m, hit.start(), sent, disc):
            if country not in m.unnamed_delegations:
                m.unnamed_delegations.append(country)
        elif (
            not found
            and not leader
            and re.search(r"\bthe\s+$", text[max(sent.start, hit.start() - 5) : hit.start()], re.I)
            and _near(m, hit.start(), sent, disc)
            and "" not in m.unnamed_delegations
        ):
            m.unnamed_delegations.append("")  # 'the delegation also met X': the visiting party told before


def _near(m: Mention, pos: int, sent: Sentence, disc: Discourse) -> bool:
    """Is a phrase at ``pos`` closer to this mention than to any other in the sentence?"""
    others = [t for t in triggers(sent, disc) if t.start != m.start]
    mine = min(abs(pos - m.start), abs(pos - m.end))
    return all(mine <= min(abs(pos - t.start), abs(pos - t.end)) for t in others)


def visiting_adjective(sent: Sentence, disc: Discourse) -> list[str]:
    """People introduced as 'the visiting Secretary General X': visitors wherever they appear."""
    out: list[str] = []
    for m in re.finditer(r"\bvisiting\b", disc.text[sent.start : sent.end], re.I):
        person = visiting_person(disc, sent, sent.start + m.start(), sent.start + m.end())
        if person:
            out.append(person)
    return out
