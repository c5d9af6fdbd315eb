"""The ``legation_figures`` component: money and percentages as trade statistics.

Each amount the text states (``money.find_amounts``) becomes one ``Figure``:

* **measure**: a share when a percentage or fraction is "N percent of <what>"
  (fractions are kept as ``other`` with qualifier ``fraction``); a growth rate
  or change ("up 12.5 percent year-on-year", "increased by $5 million") is
  ``other`` with qualifier ``growth`` and the flow as ``subject``, never a
  level; otherwise the trade cue that governs the amount (the one right after
  it, "$5 billion in exports", else the nearest one before it in the sentence)
  gives exports, imports, trade_turnover or investment; no cue -> ``other``.
* **from / to**: read off the cue's frame: a possessive owner ("HCMC's
  exports", "the city's exports"), "X-Y trade", and the prepositions after the
  cue ("to", "into", "from", "between X and Y", "with", "in" for investment),
  then resolved to canonical names through the document's entities
  (``sides.ActorIndex``).  Imports into X from Y go from Y to X.  A side the
  sentence leaves out is carried from the previous flow of the paragraph.
* **period**: the date right after the amount ("$19 million in 2013"), else a
  date of the sentence not attached to another amount, else the single period
  the paragraph states; resolved to first and last days.
* **qualifier**: ``peak`` ("peaking at"), ``low``, ``target`` ("aims to",
  "by 2030"), ``forecast`` ("expected to"), ``growth``, ``fraction``.

Cue words live in ``legation/data/figures.json``.

DOCS: docs/figures.md
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Evidence, Figure, Period
from legation.nlp._guarded import GuardedComponent
from legation.nlp.dates import STATE_KEY, TimeAnalysis, analyse_time
from legation.nlp.extensions import get_dict, get_list
from legation.nlp.money import Amount, find_amounts
from legation.nlp.sentences import paragraphs, sentence_at
from legation.nlp.sides import Actor, ActorIndex, short_country_name
from legation.nlp.temporal import Base, Resolved, TimeMention, tense_of

__all__ = ["FigureComponent", "build_actors", "extract_figures", "lexicon"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The cue words of ``legation/data/figures.json`` (read once per process)."""
    return json.loads(resources.files("legation").joinpath("data/figures.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _trigger_regex() -> tuple[re.Pattern[str], dict[str, tuple[str, str | None]]]:
    table: dict[str, tuple[str, str | None]] = {}
    for group in lexicon()["triggers"]:
        for w in group["words"]:
            table.setdefault(w.lower(), (group["measure"], group.get("subject")))
    words = sorted(table, key=len, reverse=True)
    alt = "|".join(r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", w)) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE), table


@dataclass(frozen=True, slots=True)
class _Trigger:
    start: int
    end: int
    text: str
    measure: str
    subject: str | None


@dataclass(slots=True)
class _Frame:
    """Who a trigger's flow goes from and to, as resolved actors."""

    measure: str
    source: Actor | None = None
    target: Actor | None = None


@dataclass(slots=True)
class _Carry:
    """What a paragraph has established so far: the reporter and partner of its flows."""

    reporter: Actor | None = None
    partner: Actor | None = None
    part: Actor | None = None
    pair: tuple[Actor, Actor] | None = None
    period: tuple[TimeMention, Resolved] | None = None  # of the paragraph's last dated figure
    inherited: bool = False  # that period is the previous paragraph's (only past totals take it)


@dataclass(slots=True)
class _Context:
    text: str
    actors: ActorIndex
    time: TimeAnalysis
    amounts: list[Amount]
    dates: list[tuple[TimeMention, Resolved]] = field(default_factory=list)
    last_pair: tuple[Actor, Actor] | None = None
    last_frames: dict[str, _Frame] = field(default_factory=dict)
    last_flow: tuple[_Frame, Period | None, str] | None = None
    p0: int = 0  # where the current paragraph starts
    last_side: Actor | None = None  # the place the last flow named as its reporter, for "its"
    last_flow_at: int = 0  # where the sentence of ``last_flow`` starts
    prev_p0: int = 0  # where the previous paragraph starts ("it" reaches back no further)
    amount_starts: list[int] = field(default_factory=list)
    attached_ids: set[int] = field(default_factory=set)

    def amounts_between(self, start: int, end: int) -> list[Amount]:
        return self.amounts[bisect_left(self.amount_starts, start):bisect_left(self.amount_starts, end)]


def _triggers(text: str, start: int, end: int) -> list[_Trigger]:
    regex, table = _trigger_regex()
    out = []
    for m in regex.finditer(text, start, end):
        key = re.sub(r"[\s-]+", " ", m.group(0).lower())
        hit = table.get(key) or table.get(m.group(0).lower()) or table.get(key.replace(" ", "-"))
        if hit is None:
            hit = next((v for k, v in table.items() if re.sub(r"[\s-]+", " ", k) == key), None)
        if hit is None:
            continue
        word = m.group(0)
        if word.lower() in ("fdi", "gdp", "grdp") and word != word.upper():
            continue
        first = word.split()[0]
        if first[0].isupper() and not first.isupper() and not _sentence_initial(text, start, m.start()):
            continue  # "Ministry of Industry and Trade": part of a name, not a flow
        follows = re.match(r"[\s-]+([a-zé]+)", text[m.end():m.end() + 20])
        if follows and follows.group(1) in _modified():
            continue  # "a free trade agreement", "Seoul's trade ministry": a modifier, not a flow
        out.append(_Trigger(m.start(), m.end(), word, hit[0], hit[1]))
    return out


@lru_cache(maxsize=1)
def _modified() -> frozenset[str]:
    return frozenset(lexicon()["not_a_flow_before"])


def _sentence_initial(text: str, start: int, pos: int) -> bool:
    return not re.search(r"\w", text[start:pos]) or bool(re.search(r"[.:;!?\n(\"“—–-]\s*$", text[start:pos]))


def _governor(text: str, floor: int, pos: int) -> list[str]:
    """The word before ``pos``, past a determiner: "to the United States" -> ["to"]."""
    words = _words_before(text, floor, pos, 3)
    while words and words[-1] in ("the", "a", "an", "other", "fellow"):
        words = words[:-1]
    return words[-1:]


def _subject_of(t: _Trigger) -> str:
    """What an "other" figure or a growth rate is about: the cue's subject, else its words."""
    if t.subject:
        return t.subject
    return " ".join(t.text.split()) if t.measure == "other" else t.measure.replace("_", " ")


def _words_before(text: str, floor: int, pos: int, n: int = 4) -> list[str]:
    return re.findall(r"[\w-]+", text[max(floor, pos - 60):pos].lower())[-n:]


# --------------------------------------------------------------------------- classification


def _growth_sign(ctx: _Context, a: Amount, s0: int) -> int | None:
    """+1/-1 when the amount is a change, None when it is a level."""
    lex = lexicon()
    text = ctx.text
    words = _words_before(text, s0, a.start)
    after = text[a.end:a.end + 40].lower().lstrip()
    negative = set(lex["negative_words"])
    growth_before = set(lex["growth_before"])
    sign = None
    if _share_verb_before(text, s0, a.start):
        return None  # "made up 23 percent of": a share, not a rise
    window = _words_before(text, s0, a.start, 6)
    filler = {"by", "an", "a", "average", "of", "annual", "annually", "about", "around", "nearly", "some",
              "another", "only", "just", "roughly", "estimated"}
    if window and window[-1] in filler and window[-1] != "of" or window[-2:-1] == ["average"]:
        for i in range(len(window) - 1, -1, -1):
            w = window[i]
            if w in filler:
                continue
            if w in growth_before and w not in ("up", "down") or w in ("up", "down") and window[-1] == "by":
                return -1 if w in negative else 1
            break
    if words:
        last = words[-1]
        if last == "by" and any(w in growth_before for w in words[:-1]):
            sign = -1 if any(w in negative for w in words[:-1]) else 1
        elif last == "of" and len(words) > 1 and words[-2] in growth_before:
            sign = -1 if words[-2] in negative else 1
        elif last in growth_before:
            sign = -1 if last in negative else 1
        elif last in lex["level_before"]:
            return None
    if sign is None:
        for cue in sorted(lex["growth_after"], key=len, reverse=True):
            if after.startswith(cue) and not re.match(r"\w", after[len(cue):len(cue) + 1]):
                if cue in ("more", "less", "higher", "lower") and a.kind != "percent" and a.unit != "percent":
                    pass
                first = after.split()[0] if after.split() else ""
                sign = -1 if first in negative or cue in negative else 1
                break
    return sign


def _share_verb_before(text: str, s0: int, pos: int) -> bool:
    window = " ".join(_words_before(text, s0, pos, 4))
    return _share_verb_regex().search(window) is not None


@lru_cache(maxsize=1)
def _share_verb_regex() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(lexicon()["share_verbs"], key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\s)|(?<=\W))(?:{verbs})(?:\s+(?:about|around|only|some))?$")


def _qualifier(ctx: _Context, a: Amount, s0: int) -> str | None:
    lex = lexicon()
    window = re.sub(r"\s+", " ", ctx.text[max(s0, a.start - 45):a.start].lower()).rstrip()
    for cue in lex["peak_before"]:
        if window.endswith(cue) or window.endswith(cue + " at") or window.endswith(cue + " of"):
            return "peak"
    for cue in lex["low_before"]:
        if window.endswith(cue):
            return "low"
    if re.match(r"\s+(?:target|goal|targeted|set\s+as\s+a\s+target)\b", ctx.text[a.end:a.end + 24], re.IGNORECASE):
        return "target"
    clause = ctx.text[_clause(ctx.text, s0, a.start, a.start)[0]:a.start].lower()
    if re.search(r"\bup\s+from\s*$|\bfrom\s*$", ctx.text[max(s0, a.start - 12):a.start].lower()):
        return None  # "up from about US$10.7 billion last year": the level before, not the goal
    target, forecast = _cue_regexes()
    if target.search(clause):
        return "target"
    if forecast.search(clause):
        return "forecast"
    return None


@lru_cache(maxsize=1)
def _receiving_regex() -> re.Pattern[str]:
    words = sorted(lexicon()["verbs_receiving"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()

    def alt(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")

    return alt(lex["target_before"]), alt(lex["forecast_before"])


def _governing(ctx: _Context, a: Amount, triggers: list[_Trigger], s0: int) -> _Trigger | None:
    after = ctx.text[a.end:a.end + 60]
    m = re.match(r"\s*(?:(?:worth\s+of|in|of|for)\s+)?(?:(?:new|total|foreign|direct|two-way|bilateral|goods|"
                 r"additional|more)\s+)*", after, re.IGNORECASE)
    if m:
        for t in triggers:
            if a.end + m.start() < t.start <= a.end + m.end():
                return t
    before = [t for t in triggers if t.end <= a.start and ";" not in ctx.text[t.end:a.start]]
    return before[-1] if before else None


# --------------------------------------------------------------------------- sides


_FUNCTION_WORDS = {"with", "in", "of", "for", "to", "and", "at", "by", "from", "on", "into", "as", "than", "or",
                   "the", "a", "an", "that", "which", "while", "is", "are", "was", "were", "has", "have", "had"}


def _owner(ctx: _Context, t: _Trigger, s0: int) -> tuple[Actor | None, Actor | None]:
    """The possessor or modifier before a trigger: (owner, partner for "X-Y trade")."""
    before = _masked(ctx, s0, t.start)  # "Nigeria's €1.3 billion exports": the amount reads as a word
    m = re.search(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)\s*[-–]\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)\s+(?:[\w-]+\s+){0,2}$",
                  before)
    if m and not re.search(r"['’]s\s", m.group(0)):
        a = ctx.actors.actor_at(s0 + m.start(1), s0 + m.end(1))
        b = ctx.actors.actor_at(s0 + m.start(2), s0 + m.end(2))
        if a and b and a.kind != "organization" and b.kind != "organization":
            return ctx.actors.resolve(a), ctx.actors.resolve(b)
    m = re.search(r"(['’]s?)\s+(?:(?:[a-z][\w-]*|two-way)\s+){0,3}$", before)
    if m and not _FUNCTION_WORDS.intersection(m.group(0).lower().split()):
        owner = ctx.actors.actor_ending(s0 + m.start(1), s0)
        if owner:
            return ctx.actors.resolve(owner), None
    m = re.search(r"\b(its|their)\s+(?:[a-z][\w-]*\s+){0,3}$", before, re.IGNORECASE)
    if m:
        # "In the first nine months, its export turnover reached ...": the place the text spoke of last
        return _subject(ctx, s0, s0 + m.start()) or ctx.last_side, None
    end = s0 + len(before.rstrip())
    cand = ctx.actors.actor_ending(end, max(s0, end - 60)) if end < t.start else None
    if cand is not None and cand.source == "anaphor":
        return ctx.actors.resolve(cand), None  # "the kingdom imported", "the province exported"
    m = re.search(r"(\S)\s+(?:(?:[a-z][\w-]*)\s+){0,2}$", before)
    if m and not _FUNCTION_WORDS.intersection(m.group(0).lower().split()[1:]):
        end = s0 + m.end(1)
        cand = ctx.actors.actor_ending(end, max(s0, end - 60))
        if cand and cand.source in ("place", "organization", "acronym", "initials", "demonym"):
            return ctx.actors.resolve(cand), None
    return None, None


_PARALLEL = re.compile(r"\s+(?:of|worth|at|totall?ing|reaching|amounting\s+to)\s+x+\s*,?\s+(?:and|while|with|but)\s+"
                       r"(?:its\s+|their\s+)?$")


def _shared_owner(ctx: _Context, t: _Trigger, s0: int) -> Actor | None:
    """The owner a cue shares with the parallel cue before it: "X's exports of A and imports of B"."""
    earlier = [x for x in _triggers(ctx.text, s0, t.start) if x.end <= t.start and x.measure != "other"]
    if not earlier:
        return None
    prev = earlier[-1]
    if not _PARALLEL.fullmatch(_masked(ctx, prev.end, t.start)):
        return None
    owner, _ = _owner(ctx, prev, s0)
    return owner


def _masked(ctx: _Context, start: int, end: int) -> str:
    """text[start:end] with each amount replaced by lower-case letters of the same length."""
    out = ctx.text[start:end]
    for a in ctx.amounts_between(max(0, start - 200), end):
        lo, hi = max(a.start, start), min(a.end, end)
        if lo < hi:
            out = out[:lo - start] + "x" * (hi - lo) + out[hi - start:]
    return out


_GOVERNED = ("to", "into", "from", "of", "in", "with", "between", "for", "by", "at", "and", "on", "about",
             "including")


def _subject(ctx: _Context, s0: int, limit: int) -> Actor | None:
    """The first actor of the clause that no preposition governs ("the province had attracted ...": an
    anaphor when no place is named)."""
    for a in ctx.actors.actors_in(s0, limit):
        prev = _governor(ctx.text, s0, a.start)
        if prev and prev[0] in _GOVERNED:
            continue
        if _dateline(a):
            continue
        return ctx.actors.resolve(a)
    for m in _anaphor_regex().finditer(ctx.text, s0, limit):
        prev = _governor(ctx.text, s0, m.start())
        if prev and prev[0] in _GOVERNED or re.match(r"['’]", ctx.text[m.end():m.end() + 1]):
            continue
        return ctx.actors.resolve(ctx.actors.actor_at(m.start(), limit))
    return None


@lru_cache(maxsize=1)
def _anaphor_regex() -> re.Pattern[str]:
    words = sorted(lexicon()["anaphors"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _dateline(a: Actor) -> bool:
    """"PHNOM PENH - ...", "HANOI, Nov 1 (Reuters) -": the dateline city is not the sentence's subject."""
    return a.kind == "city" and a.text.isupper() and len(a.text) > 3


_BILATERAL = re.compile(r"two[\s-]way|bilateral|turnover", re.IGNORECASE)


def _subject_pair(ctx: _Context, s0: int, limit: int) -> tuple[Actor, Actor] | None:
    """"Vietnam and Peru aim to lift two-way trade": the two actors of a joint subject."""
    first = _subject(ctx, s0, limit)
    if first is None or first.start < 0:
        return None
    m = re.match(r"\s+and\s+", ctx.text[first.end:limit])
    if not m:
        return None
    second = ctx.actors.actor_at(first.end + m.end(), limit)
    second = ctx.actors.resolve(second)
    if second is None or second.name == first.name:
        return None
    return first, second


def _contains(outer: Actor, inner: Actor) -> bool:
    """A country and one of its own cities are not two sides of a trade."""
    return outer.kind == "country" and inner.kind != "country" and outer.country is not None \
        and inner.country == outer.country


def _document_pair(ctx: _Context) -> tuple[Actor, Actor] | None:
    """The two sides the article is about: its two most salient countries (else the last pair a flow named)."""
    top = ctx.actors.top("country", 2)
    pair = list(top) if len(top) == 2 else list(ctx.last_pair) if ctx.last_pair is not None else []
    if len(pair) != 2:
        return None
    a, b = sorted(pair, key=lambda c: ctx.actors.first_mention(c.name))  # no direction: first-named first
    return a, b


def _frame(ctx: _Context, t: _Trigger, s0: int, s1: int, carry: _Carry, fill: bool = True) -> _Frame:
    """The sides of the flow cue ``t``; ``fill`` completes a one-sided trade total (only for a figure)."""
    text = ctx.text
    owner, pair = _owner(ctx, t, s0)
    if owner is None and pair is None:
        owner = _shared_owner(ctx, t, s0)  # "Vietnam's exports of $2.7 billion and imports of $4.1 billion"
    # the cue's prepositional phrases run to the next cue or clause break, across its amounts
    later = [x.start for x in _triggers(text, t.end, s1) if x.start > t.end]
    brk = re.search(r";|\s(?:while|whereas|but|and\s+(?:its|their))\s", text[t.end:s1])
    limit = min(later[0] if later else s1, t.end + brk.start() if brk else s1, t.end + 200)
    inside = [(a.start, a.equivalent.end if a.equivalent else a.end) for a in ctx.amounts_between(t.end, limit)]
    first_amount = inside[0][0] if inside else limit
    verb = t.text.lower().endswith("ed") or t.text.lower().endswith("ing") or t.text.lower() in ("invest", "invests")
    measure = t.measure
    preps: dict[str, Actor] = {}
    for m in re.finditer(r"\b(to|into|from|between|with|in|and)\s+", text[t.end:limit]):
        word = m.group(1).lower()
        at = t.end + m.start()
        if word in preps or any(s <= at < e for s, e in inside):
            continue
        if at >= first_amount and not ((verb or measure == "investment") and word in ("to", "into", "in", "from")):
            continue  # past the amount only a verb's own objects: "invested $3 billion in Kenya"
        if at >= first_amount:
            last = max(e for s, e in inside if s < at)
            if len(text[last:at]) > 40 or re.search(r"[,;]", text[last:at].lstrip(")")):
                continue  # "capital of $74 million, the minister noted, ... set up in Ho Chi Minh City": too far
        if any(s <= t.end + m.end() < e for s, e in inside):
            continue  # "to US$15 billion": an amount, not a partner
        a = ctx.actors.actor_at(t.end + m.end(), limit)
        if a is None or re.match(r"['’]s\b", text[a.end:a.end + 2]):
            continue  # "with South Korea's exports accounting for ...": a possessor, not the partner
        a = ctx.actors.resolve(a)
        if a is None:
            continue
        if word == "between":
            rest = re.match(r"\s+and\s+", text[a.end:limit])
            b = ctx.actors.actor_at(a.end + rest.end(), limit) if rest else None
            if b is not None:
                preps["between"] = a
                preps["and"] = ctx.actors.resolve(b) or b
            continue
        if word == "and":
            continue
        preps[word] = a
    measure = t.measure
    c0 = _clause(text, s0, s1, t.start)[0] if measure == "investment" and not verb else s0
    subject = _subject(ctx, c0, t.start) if verb or owner is None else None
    receiving = bool(_receiving_regex().search(text[s0:t.start].lower()))
    f = _Frame(measure)
    carry_source = True
    if measure == "exports":
        f.source = owner or preps.get("from") or subject
        f.target = preps.get("to") or preps.get("into")
    elif measure == "imports":
        f.target = owner or preps.get("into") or subject
        f.source = preps.get("from")
    elif measure == "trade_turnover":
        if "between" in preps:
            f.source, f.target = preps["between"], preps["and"]
        elif pair is not None:
            f.source, f.target = owner, pair
        else:
            both = _subject_pair(ctx, s0, t.start) if owner is None else None
            if both is not None:
                f.source, f.target = both
            else:
                f.source = owner or subject
                f.target = preps.get("with") or preps.get("to")
        if f.source is None and f.target is None:
            # "two-way trade", "trade between the two countries": the paragraph's pair, else the document's
            doc_pair = _paragraph_pair(ctx, t.start) or _document_pair(ctx)
            if doc_pair is not None:
                f.source, f.target = doc_pair
        if fill and (f.source is None) != (f.target is None) and (f.source is None or _BILATERAL.search(t.text)):
            # "trade with Ethiopia was US$190 million" after Brazil's exports; "X remains Y's largest trading
            # partner, with two-way trade of ...": the other side from the paragraph, the sentence, the pair
            # ("Thailand's total trade" alone has no partner)
            f.source, f.target = _other_side(ctx, f.source or f.target, carry, s0, s1, t)  # type: ignore[arg-type]
    elif measure == "investment":
        earlier = _place_before(ctx, s0, t.start, subject)  # "780 FDI projects in Vietnam with ... capital"
        if receiving and not owner:
            f.target = subject or preps.get("in") or preps.get("into")
            f.source = preps.get("from")
        else:
            f.source = owner or preps.get("from") or subject
            f.target = preps.get("into") or preps.get("in") or preps.get("to") or earlier
            if f.source is not None and f.target is not None and f.source.name == f.target.name:
                f.source = None
        if receiving:
            carry_source = False  # "Binh Duong aims to attract US$1 billion in FDI": no investor is named
        ranked = _investor_of(ctx, s0, s1)
        if ranked is not None and (f.source is None or f.target is None
                                   or {f.source.name, f.target.name} <= {ranked[0].name, ranked[1].name}):
            f.source, f.target = ranked  # "Singapore is Vietnam's largest foreign investor, with capital of ..."
    else:
        f.source = owner or subject
        f.target = preps.get("with") or preps.get("to") or preps.get("for")
    # sides the sentence leaves out: carried from the paragraph's previous flow
    if measure in ("exports", "investment") and carry_source and f.source is None and carry.reporter \
            and f.target is not None \
            and carry.reporter.name != f.target.name:
        f.source = carry.reporter
    if measure == "imports":
        if f.target is None and carry.reporter is not None and f.source is not None and \
                f.source.name != carry.reporter.name:
            f.target = carry.reporter
        if f.target is None and f.source is None and carry.reporter is not None:
            f.target, f.source = carry.reporter, carry.partner
    if measure == "exports" and f.source is None and f.target is None and carry.reporter is not None:
        f.source, f.target = carry.reporter, carry.partner
    if measure in ("exports", "imports", "investment") and (f.source is None) != (f.target is None) \
            and (carry_source or f.source is not None):
        # one side known, the other left to the paragraph's pair: "with South Korea's exports accounting
        # for $4.6 billion of the total" after "trade between the two countries"
        known = f.source or f.target
        pair = carry.pair or ctx.last_pair
        if pair is not None and known is not None and known.name in (pair[0].name, pair[1].name):
            other = pair[1] if known.name == pair[0].name else pair[0]
            if f.source is None:
                f.source = other
            else:
                f.target = other
    prev = ctx.last_frames.get(measure)
    if prev is not None and measure in ("exports", "investment") and carry_source and f.source is None \
            and f.target is not None \
            and prev.source is not None and prev.source.name != f.target.name:
        f.source = prev.source  # "Exports to the United States jumped ...": the article's exporter
    if prev is not None and measure == "imports" and f.target is None and f.source is not None \
            and prev.target is not None and prev.target.name != f.source.name:
        f.target = prev.target
    if f.source is not None and f.target is not None and f.source.name == f.target.name \
            and f.target.source == "anaphor":
        # "Indian companies had invested Sh1.2 trillion in the country": not India, the other country
        others = [c for c in ctx.actors.top(f.target.kind or "country", 3) if c.name != f.source.name]
        f.target = others[0] if others else None
    # an anaphor names a place other than the flow's other side: "Japanese companies have projects in the city"
    if f.source is not None and f.target is not None:
        if f.target.source == "anaphor":  # (both anaphors: "the city shipped goods to the European country")
            f.target = ctx.actors.resolve(ctx.actors.unresolved(f.target), avoid=f.source) or f.target
        elif f.source.source == "anaphor":
            f.source = ctx.actors.resolve(ctx.actors.unresolved(f.source), avoid=f.target) or f.source
    if f.source is None and f.target is None and measure != "other" and not ctx.actors.actors_in(s0, s1):
        prev = ctx.last_frames.get(measure)  # "Disbursed FDI reached ...": the article's earlier flow
        if prev is not None:
            f.source, f.target = prev.source, prev.target
    return f


_INVESTOR = re.compile(r"\s+(?:is|was|remains|remained|became|has\s+become|ranks|ranked|stands|stood)\s+(?:as\s+)?"
                       r"(?:the\s+)?")
_INVESTOR_ROLE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}?(?:investor|source\s+of\s+(?:FDI|investment))\b")


def _investor_of(ctx: _Context, s0: int, s1: int) -> tuple[Actor, Actor] | None:
    """"X is Y's largest foreign investor": (X, Y)."""
    text = ctx.text
    for m in _INVESTOR.finditer(text, s0, s1):
        b = ctx.actors.actor_at(m.end(), s1)
        if b is None or not _INVESTOR_ROLE.match(text, b.end, s1):
            continue
        a = ctx.actors.actor_ending(m.start(), s0)
        a, b = ctx.actors.resolve(a), ctx.actors.resolve(b)
        if a is not None and b is not None and a.name and b.name and a.name != b.name:
            return a, b
    return None


def _paragraph_pair(ctx: _Context, pos: int) -> tuple[Actor, Actor] | None:
    """"Vietnam regards Egypt as a gateway ... Trade between the two countries": the two countries the
    paragraph has named so far, when it has named exactly two."""
    seen: list[Actor] = []
    for a in ctx.actors.actors_in(max(ctx.p0, pos - 1500), pos):  # (bounded: linear in long paragraphs)
        if a.kind == "country" and a.name and a.source != "anaphor" and all(x.name != a.name for x in seen):
            seen.append(a)
    if len(seen) == 2:
        return seen[0], seen[1]
    return None


_POSSESSIVE_ANAPHOR = re.compile(r"\b((?:the|this)\s+(?:city|province|country|nation|region|locality|municipality|"
                                 r"kingdom))['’]s?\s")
_NOT_A_SIDE = ("to", "into", "from", "of", "in", "with", "between", "for", "by", "at", "on", "about", "including",
               "than", "among")


def _other_side(ctx: _Context, known: Actor, carry: _Carry, s0: int, s1: int,
                t: _Trigger) -> tuple[Actor | None, Actor | None]:
    """(from, to) of a trade total with one side named: the paragraph's reporter, else another place the
    sentence names outside a prepositional phrase, else the partner of the paragraph's or article's pair."""
    def fits(a: Actor | None) -> bool:
        return a is not None and a.name is not None and a.name != known.name and a.kind is not None \
            and a.kind != "organization" and not _contains(a, known) and not _contains(known, a)

    other = carry.reporter if fits(carry.reporter) else None
    if other is None:
        # "South Africa remains the city's largest trading partner": a possessive anaphor
        for m in _POSSESSIVE_ANAPHOR.finditer(ctx.text, s0, t.start):
            a = ctx.actors.actor_ending(m.end(1), s0)
            a = ctx.actors.resolve(a, avoid=known) if a is not None and a.source == "anaphor" else None
            if fits(a):
                other = a
                break
    if other is None:
        for a in ctx.actors.actors_in(s0, s1):
            prev = _governor(ctx.text, s0, a.start)
            if a.start >= t.start or prev and prev[0] in _NOT_A_SIDE or _dateline(a):
                continue
            a = ctx.actors.resolve(a)
            if fits(a):
                other = a
                break
    if other is None:
        pair = _paragraph_pair(ctx, t.start) or _document_pair(ctx)
        if pair is not None and known.name in (pair[0].name, pair[1].name):
            other = pair[1] if known.name == pair[0].name else pair[0]
    if other is None:
        return known, None
    first = sorted((known, other), key=lambda c: ctx.actors.first_mention(c.name))
    return (known, other) if first[0].name == known.name else (other, known)


def _place_before(ctx: _Context, s0: int, pos: int, subject: Actor | None) -> Actor | None:
    """The last "in X" / "into X" of the clause before ``pos`` (not the clause's subject)."""
    c0 = s0
    found = None
    for m in re.finditer(r"\b(?:in|into)\s+", ctx.text[c0:pos]):
        a = ctx.actors.resolve(ctx.actors.actor_at(c0 + m.end(), pos))
        if a is not None and (subject is None or a.name != subject.name):
            found = a
    return found


def _update_carry(carry: _Carry, f: _Frame, ctx: _Context | None = None) -> None:
    if f.source is not None and f.target is not None and f.source.name != f.target.name:
        carry.pair = (f.source, f.target)
    if ctx is not None and (f.source is not None or f.target is not None):
        ctx.last_frames[f.measure] = f
    if ctx is not None and f.source is not None and f.target is not None and f.source.name != f.target.name \
            and f.source.kind not in ("organization", None) and f.target.kind not in ("organization", None) \
            and not _contains(f.source, f.target) and not _contains(f.target, f.source):
        ctx.last_pair = (f.source, f.target)
    if f.measure in ("exports", "investment", "trade_turnover") and f.source is not None:
        carry.reporter, carry.partner = f.source, f.target or carry.partner
    elif f.measure == "imports" and f.target is not None:
        carry.reporter, carry.partner = f.target, f.source or carry.partner
    if ctx is not None:
        reporter = f.target if f.measure == "imports" or f.source is None else f.source
        if reporter is not None and reporter.kind not in (None, "organization"):
            ctx.last_side = reporter


# --------------------------------------------------------------------------- shares


_OF = re.compile(r"\s+of\s+")
_COMPARISON = re.compile(r"(?:from|over|against|compared\s+(?:with|to)|than)\b", re.IGNORECASE)


def _comparison(m: TimeMention) -> bool:
    """"up 8 percent from 2021", "over the same period last year": the period compared with (not "from
    January to November", a run of months)."""
    return bool(_COMPARISON.match(m.text)) and m.spec.kind != "range"


def _share_np(ctx: _Context, a: Amount, s1: int) -> tuple[str, str | None, Actor | None, int] | None:
    """(subject, whole-hint kind, explicit whole, end offset) of "N percent of <NP>", or None."""
    text = ctx.text
    m = _OF.match(text, a.end)
    if not m:
        return None
    lex = lexicon()
    start = m.end()
    stops = set(lex["subject_stop"])
    nxt = ctx.amounts_between(start, s1)
    limit = nxt[0].start if nxt else s1
    seg = text[start:limit]
    cut = re.search(r"[,;:.()\[\]]|\s[-–—]\s", seg)
    if cut:
        seg = seg[:cut.start()]
    words = seg.split()
    kept: list[str] = []
    for w in words:
        if kept and w.lower() in stops:
            break
        kept.append(w)
    if not kept or re.match(r"[\d$€£¥]", kept[0]):
        return None
    hint: str | None = None
    whole: Actor | None = None
    strip = set(lex["subject_strip"])
    pos = start
    i = 0
    while i < len(kept):
        w = kept[i]
        low = w.lower()
        two = " ".join(kept[i:i + 2]).lower()
        if low in strip or two in strip:
            if low in ("its", "their"):
                hint = hint or "pronoun"
            for phrase, kind in lex["anaphors"].items():
                if two.rstrip("’'s") == phrase or two.replace("’", "'").removesuffix("'s") == phrase:
                    hint = kind
            if two in strip:
                i += 1
            if low in ("national", "nationwide", "country's", "nation's"):
                hint = hint or "country"
            if low in lex["world_words"] or low.startswith("world"):
                hint = "world"
            i += 1
            continue
        if re.search(r"['’]s$", w):  # "Vietnam's exports": an explicit whole
            offset = text.find(w, pos)
            actor = ctx.actors.actor_ending(offset + len(w) - 2, max(start, offset - 40)) if offset >= 0 else None
            if actor is not None:
                if actor.source == "anaphor":
                    hint = actor.kind
                else:
                    whole = ctx.actors.resolve(actor)
                i += 1
                continue
        break
    subject_words = kept[i:]
    if not subject_words:
        if kept[-1].lower().strip(".,") not in ("total", "whole"):
            return None
        subject_words = kept[-1:]  # "75 percent of the total": of the quantity just told
    subject = " ".join(subject_words).strip(" ’'\"")
    end = text.find(subject_words[-1], start) + len(subject_words[-1]) if subject_words else start
    return subject, hint, whole, end


def _whole_after(ctx: _Context, np_end: int, s1: int, part: Actor | None) -> Actor | None:
    """"11 percent of FDI approvals in the Southeast Asian country": the whole named after the subject."""
    m = re.match(r"\s+(?:in|into|of)\s+(?:the\s+)?", ctx.text[np_end:s1])
    if not m:
        return None
    pos = np_end + m.end()
    actor = ctx.actors.actor_at(pos, s1)
    if actor is None:
        k = re.match(r"(?:[\w-]+\s+){0,3}?(country|nation|city|province|region|bloc)\b", ctx.text[pos:s1])
        if not k:
            return None
        kind = {"nation": "country"}.get(k.group(1), k.group(1))
        if kind == "country":
            ranked = [c for c in ctx.actors.top("country", 3) if part is None or c.name != part.name]
            return ranked[0] if ranked else None
        actor = Actor(pos, pos + k.end(), k.group(0), None, kind, None, "anaphor")
    found = ctx.actors.resolve(actor)
    return found if found is not None and (part is None or found.name != part.name) else None


def _clause_part(ctx: _Context, s0: int, s1: int, a: Amount, regions: list[tuple[int, int]]) -> Actor | None:
    """The actor that opens the amount's own clause: ", with Japanese firms accounting for 11 percent"."""
    c0, _ = _clause(ctx.text, s0, s1, a.start)
    if c0 == s0:
        return None
    for x in ctx.actors.actors_in(c0, a.start):
        if any(r0 <= x.start < r1 for r0, r1 in regions):
            continue
        prev = _governor(ctx.text, c0, x.start)
        if prev and prev[0] in ("to", "into", "from", "of", "between", "for", "by", "and", "than", "in"):
            continue
        return ctx.actors.resolve(x)
    return None


def _share_part(ctx: _Context, s0: int, s1: int, regions: list[tuple[int, int]], carry: _Carry) -> Actor | None:
    for a in ctx.actors.actors_in(s0, s1):
        if any(r0 <= a.start < r1 for r0, r1 in regions):
            continue
        prev = _governor(ctx.text, s0, a.start)
        if prev and prev[0] in ("to", "into", "from", "of", "with", "between", "for", "by", "and", "than"):
            continue
        if re.match(r"['’]s\b", ctx.text[a.end:a.end + 2]) and prev and prev[0] == "the":
            continue
        return ctx.actors.resolve(a)
    return carry.part


# --------------------------------------------------------------------------- periods


def _attached(ctx: _Context, a: Amount) -> tuple[TimeMention, Resolved] | None:
    starts = [m.start for m, _ in ctx.dates]
    return _attached_in(ctx, a, ctx.dates, starts)


def _period(mention: TimeMention, r: Resolved, base: Base | None = None) -> Period:
    text = " ".join(mention.core_text.split()) if mention.core_text else mention.text
    if mention.part and mention.part not in text:
        text = " ".join(mention.text.split())
    if r.first is None or r.last is None:
        return Period(start=None, end=None, text=text)
    if mention.mod == "since" and base is not None:
        # "have invested $10 billion since 2010": from then until the article's date
        y, m = base.year, base.month or 12
        until = base.as_date() or date(y, m, calendar.monthrange(y, m)[1])
        if until > r.first:
            return Period(start=r.first.isoformat(), end=until.isoformat(), text=" ".join(mention.text.split()))
    return Period(start=r.first.isoformat(), end=r.last.isoformat(), text=text)


def _is_period_like(m: TimeMention, r: Resolved) -> bool:
    """A date that can be a statistic's period without being attached to it: not a single day or a
    run of days (the day of a meeting, a visit from June 11 to 14)."""
    return r.known and r.precision != "day"


# --------------------------------------------------------------------------- main


def build_actors(text: str, places=(), organizations=(), acronyms=()) -> ActorIndex:
    """The actor index of a document, with the anaphors and demonym heads of figures.json."""
    lex = lexicon()
    return ActorIndex(text, list(places), list(organizations), list(acronyms), anaphors=lex["anaphors"],
                      demonym_heads=lex["demonym_heads"])


def extract_figures(text: str, actors: ActorIndex, time: TimeAnalysis | None = None) -> list[Figure]:
    """Every money, percentage and fraction figure of ``text``, in order (no spaCy needed)."""
    time = time or analyse_time(text, None)
    mentions = time.mentions  # in text order
    starts = [m.start for m, _ in mentions]
    amounts = [a for a in find_amounts(text, actors.country_codes()) if not _inside_date(a, mentions, starts)]
    ctx = _Context(text, actors, time, amounts)
    ctx.amount_starts = [a.start for a in amounts]
    ctx.attached_ids = {id(x[0]) for a in amounts if (x := _attached_in(ctx, a, mentions, starts))}
    sents = time.sentences
    by_sentence: dict[tuple[int, int], list[Amount]] = {}
    for a in amounts:
        s = sentence_at(sents, a.start) or (a.start, a.end)
        by_sentence.setdefault(s, []).append(a)
    out: list[Figure] = []
    seen: set[tuple] = set()
    head = re.match(r"\s*[^\n]*?[^.!?:;\s\"”’]\s*\n", text)  # a headline: the first line, unpunctuated
    head_end = head.end() if head is not None else 0
    headline: list[Figure] = []
    si = 0
    last_period: tuple[TimeMention, Resolved] | None = None
    for p0, p1 in paragraphs(text):
        carry = _Carry()
        ctx.prev_p0, ctx.p0 = ctx.p0, p0
        p_dates = mentions[bisect_left(starts, p0):bisect_left(starts, p1)]
        if not any(_is_period_like(m, r) for m, r in p_dates):
            # wire copy runs one sentence a paragraph: "... in the first four months of 2025.\n\nOf the total,
            # Cambodia's exports were $710 million": a past total with no date of its own keeps that period
            carry.period, carry.inherited = last_period, last_period is not None
        while si < len(sents) and sents[si][0] < p0:
            si += 1
        while si < len(sents) and sents[si][0] < p1:
            s0, s1 = sents[si]
            si += 1
            sentence_amounts = by_sentence.get((s0, s1))
            triggers = _triggers(text, s0, s1)
            if not sentence_amounts:
                for t in triggers:  # flows named without figures still set the paragraph's sides
                    if t.measure != "other":
                        f = _frame(ctx, t, s0, s1, carry, fill=False)
                        if f.source or f.target:
                            _update_carry(carry, f, ctx)
                continue
            ctx.dates = mentions[bisect_left(starts, s0):bisect_left(starts, s1)]
            for fig in _sentence(ctx, s0, s1, sentence_amounts, triggers, carry, p_dates):
                if head_end and fig.evidence is not None and fig.evidence.start < head_end:
                    headline.append(fig)
                    continue
                key = (fig.measure, fig.subject, fig.from_, fig.to, fig.value, fig.unit,
                       fig.period.start if fig.period else None, fig.qualifier)
                if key not in seen:
                    seen.add(key)
                    out.append(fig)
        last_period = carry.period
    # a headline (the first line, no sentence punctuation) restating a figure the body gives in full
    in_body = {(f.value, f.unit) for f in out}
    unique = [f for f in headline if (f.value, f.unit) not in in_body] + out
    # a figure repeated without its period ("bilateral trade hits €3.2bn" before the dated statement)
    dated: dict[tuple, list[set[str]]] = {}
    for d in unique:
        if d.period and d.period.start:
            dated.setdefault((d.measure, d.value, d.unit), []).append({x for x in (d.from_, d.to) if x})

    def repeated(f: Figure) -> bool:
        sides = {x for x in (f.from_, f.to) if x}
        return any(sides <= known for known in dated.get((f.measure, f.value, f.unit), ()))

    return [f for f in unique if (f.period and f.period.start) or not repeated(f)]


def _inside_date(a: Amount, mentions: list[tuple[TimeMention, Resolved]], starts: list[int]) -> bool:
    """An amount whose number is part of a date ("half" in "the first half of 2023")."""
    i = bisect_right(starts, a.number_start)
    for m, _ in mentions[max(0, i - 3):i + 1]:
        if m.core_start <= a.number_start < m.core_end:
            return True
    return False


def _attached_in(ctx: _Context, a: Amount, mentions: list[tuple[TimeMention, Resolved]],
                 starts: list[int]) -> tuple[TimeMention, Resolved] | None:
    """The date right after an amount ("$19 million in 2013"), if any."""
    end = a.equivalent.end if a.equivalent else a.end
    if a.equivalent and ctx.text[end:end + 1] == ")":
        end += 1
    i = bisect_left(starts, end)
    if i < len(mentions):
        m, r = mentions[i]
        gap = ctx.text[end:m.start]
        if len(gap) <= 4 and re.fullmatch(r"[\s,)]*(?:\(\s*)?", gap):
            return m, r
    return None


def _sentence(ctx: _Context, s0: int, s1: int, amounts: list[Amount], triggers: list[_Trigger],
              carry: _Carry, p_dates: list[tuple[TimeMention, Resolved]]) -> list[Figure]:
    text = ctx.text
    evidence = Evidence(start=s0, end=s1, text=text[s0:s1])
    attached = {id(a): _attached(ctx, a) for a in amounts}
    used = {id(x[0]) for x in attached.values() if x}
    free = [(m, r) for m, r in ctx.dates if id(m) not in used and _is_period_like(m, r)]
    frames: dict[int, _Frame] = {}
    share_regions: list[tuple[int, int]] = []
    shares: dict[int, tuple[str, str | None, Actor | None, int]] = {}
    signs = {id(a): _growth_sign(ctx, a, s0) for a in amounts}
    for a in amounts:
        if a.kind in ("percent", "fraction"):
            np = _share_np(ctx, a, s1)
            if np is None and a.kind == "percent" and _share_verb_before(text, s0, a.start) \
                    and not _OF.match(text, a.end):
                np = ("total", None, None, a.end)  # "with Vietnam's exports accounting for 80 percent,"
            if np is not None and signs[id(a)] is None:
                shares[id(a)] = np
                share_regions.append((a.end, np[3]))
    part = None
    if shares:
        part = _share_part(ctx, s0, s1, share_regions, carry)
        if part is not None:
            carry.part = part
    figures: list[Figure] = []
    sentence_periods: list[tuple[TimeMention, Resolved]] = []
    periods = {id(a): _period_for(ctx, a, attached.get(id(a)), free, p_dates, s0, s1, amounts, attached,
                                  growth=signs[id(a)] is not None, share=id(a) in shares,
                                  previous=carry.period if not carry.inherited or _flow_figure(ctx, a, triggers, s0)
                                  else None,
                                  tense=_tense_at(text, s0, s1, a.start), inherited=carry.inherited)
               for a in amounts}
    for i, a in enumerate(amounts):
        if attached.get(id(a)) is None and signs[id(a)] is not None and id(a) not in shares:
            level = _level_of_growth(ctx, amounts, i, shares, s0)
            if level is not None and periods.get(id(level)) is not None:
                periods[id(a)] = periods[id(level)]  # "rose 8.2% to RM33.4bil in the first half": the level's
        elif attached.get(id(a)) is None and id(a) in shares and shares[id(a)][0] == "total":
            # "reached $1.2 billion in the first ten months, with exports accounting for 80 percent (of the
            # total)": the total just told
            level = next((b for b in reversed(amounts[:i]) if b.kind == "money" and id(b) not in shares), None)
            if level is not None and periods.get(id(level)) is not None:
                periods[id(a)] = periods[id(level)]
    for a in amounts:
        period = periods[id(a)]
        if period is not None and id(a) not in shares and period[1].known:
            sentence_periods.append(period)
        qualifier = _qualifier(ctx, a, s0)
        if period is not None and period[0].mod == "by" and tense_of(text[s0:s1]) == "future" and not qualifier:
            qualifier = "target"
        per = _period(*period, base=ctx.time.base) if period else None
        if id(a) in shares:
            subject, hint, whole, _ = shares[id(a)]
            own = _clause_part(ctx, s0, s1, a, share_regions)
            if own is not None and (part is None or own.name != part.name):
                part_here = own
            else:
                part_here = part
            to = whole or _whole_after(ctx, shares[id(a)][3], s1, part_here)
            if to is None and hint != "world":
                to = ctx.actors.container(part_here)
                if to is None and hint in ("country", "city", "province", "region", "pronoun"):
                    cand = ctx.actors.most_salient("country" if hint == "pronoun" else hint)
                    to = cand if cand and part_here and cand.name != part_here.name else None
            measure = "other" if a.kind == "fraction" else "share"
            figures.append(_figure(measure, subject, part_here, to, a, per,
                                   "fraction" if a.kind == "fraction" else qualifier, evidence))
            continue
        t = _governing(ctx, a, triggers, s0)
        f = None
        if t is not None:
            f = frames.get(t.start) or _frame(ctx, t, s0, s1, carry)
            if t.start not in frames:
                frames[t.start] = f
                if f.measure != "other":
                    _update_carry(carry, f, ctx)
        sign = signs[id(a)]
        if sign is not None:
            value = -abs(a.value) if sign < 0 else a.value
            subject = (_subject_of(t)) if t else None
            figures.append(_figure("other", subject, f.source if f else None, f.target if f else None,
                                   a, per, "growth", evidence, value=value))
            continue
        if (t is None or f is None) and a.kind == "money" and ctx.last_flow is not None and qualifier is None \
                and ctx.last_flow_at >= ctx.prev_p0 and _IT.search(text[_clause(text, s0, s1, a.start)[0]:a.start]):
            # "Two-way trade reached $X in 2021. In the first five months of this year, it hit $Y": the same flow
            last = ctx.last_flow[0]
            figures.append(_figure(last.measure, None, last.source, last.target, a, per, qualifier, evidence))
            continue
        if t is None or f is None:
            ranked = _ranked(ctx, a, s0) if a.kind == "money" and not triggers else None
            if ranked is not None:
                rf, rper = ranked
                figures.append(_figure(rf.measure, None, rf.source, rf.target, a, per or rper, qualifier,
                                       evidence))
                continue
            figures.append(_figure("other", None, None, None, a, per, qualifier, evidence))
            continue
        if a.kind != "money" or t.measure == "other":
            figures.append(_figure("other", _subject_of(t), f.source, f.target,
                                   a, per, qualifier, evidence))
            continue
        if qualifier in ("target", "forecast"):
            # a goal or a forecast is no statistic of a period: "raise bilateral trade to $15 billion by 2030"
            figures.append(_figure("other", _subject_of(t), f.source, f.target, a, per, qualifier, evidence))
            continue
        figures.append(_figure(t.measure, None, f.source, f.target, a, per, qualifier, evidence))
        ctx.last_flow = (f, per, a.unit)
        ctx.last_flow_at = s0
    if sentence_periods:
        carry.period = sentence_periods[-1]
        carry.inherited = False
    return _with_equivalents(figures, amounts)


def _flow_figure(ctx: _Context, a: Amount, triggers: list[_Trigger], s0: int) -> bool:
    """Does a trade or investment cue govern the amount (only those keep a period across paragraphs)?"""
    t = _governing(ctx, a, triggers, s0)
    return t is not None and t.measure != "other"


def _with_equivalents(figures: list[Figure], amounts: list[Amount]) -> list[Figure]:
    """A value stated in two currencies is a figure in each: "RM5.82 billion (US$1.27 billion)"."""
    out: list[Figure] = []
    by_value = {(a.value, a.unit): a for a in amounts}
    for fig in figures:
        out.append(fig)
        a = by_value.get((fig.value, fig.unit))
        if a is not None and a.equivalent is not None:
            e = a.equivalent
            out.append(fig.model_copy(update={"value": e.value, "unit": e.unit,
                                              "approximate": fig.approximate or e.approximate}))
    return out


_IT = re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:it|this\s+figure|the\s+figure)\s+(?:(?:has|had)\s+)?"
                 r"(?:reached|hit|stood\s+at|was|totall?ed|amounted\s+to|rose\s+to|grew\s+to|fell\s+to|climbed\s+to|"
                 r"dropped\s+to|topped|exceeded|came\s+to|surpassed)\s+$")
_RANKED = re.compile(
    r"\s+(?:(?:led|leads|leading|tops|topped|topping|ranked\s+\w+|ranks\s+\w+|ranking\s+\w+|came\s+\w+|comes\s+\w+|"
    r"was\s+\w+|is\s+\w+|followed)(?:\s+the\s+(?:list|ranking|table))?\s+)?with\s+"
    r"(?:(?:nearly\s+|over\s+|more\s+than\s+|about\s+)?[\d,.]+\s+(?:[\w-]+\s+){1,2}(?:worth|valued\s+at|totalling|totaling|"
    r"(?:with\s+)?(?:a\s+)?(?:total\s+)?(?:registered\s+|investment\s+)?capital\s+of)\s+)?$")


def _ranked(ctx: _Context, a: Amount, s0: int) -> tuple[_Frame, Period | None] | None:
    """"Singapore led with $6.8 billion, followed by Japan with $2.4 billion": a breakdown of the
    article's last flow by partner; the named partner fills the side the flow left open."""
    if ctx.last_flow is None:
        return None
    last, period, unit = ctx.last_flow
    m = _RANKED.search(ctx.text[s0:a.start])
    if not m or unit != a.unit:
        return None
    end = s0 + m.start()
    paren = re.search(r"\s*\([^()]{1,12}\)$", ctx.text[s0:end])  # "The Republic of Korea (RoK) leads ..."
    if paren:
        end -= len(paren.group(0))
    actor = ctx.actors.resolve(ctx.actors.actor_ending(end, s0))
    if actor is None or actor.source == "text" and actor.kind is None:
        return None
    f = _Frame(last.measure, last.source, last.target)
    if f.source is None:
        f.source = actor
    elif f.target is None:
        f.target = actor
    else:
        # both named: the ranking varies the article's less salient side ("Japan had 245 projects in Dong
        # Nai ... The RoK leads the list with 470 projects": investors in Dong Nai)
        score = ctx.actors.salience()
        if score.get(f.source.name or "", 0) > score.get(f.target.name or "", 0):
            f.target = actor
        else:
            f.source = actor
    return f, period


def _period_for(ctx: _Context, a: Amount, attached: tuple[TimeMention, Resolved] | None,
                free: list[tuple[TimeMention, Resolved]], p_dates: list[tuple[TimeMention, Resolved]],
                s0: int, s1: int, amounts: list[Amount],
                attached_all: dict[int, tuple[TimeMention, Resolved] | None],
                growth: bool = False, share: bool = False,
                previous: tuple[TimeMention, Resolved] | None = None,
                tense: str | None = None, inherited: bool = False) -> tuple[TimeMention, Resolved] | None:
    """The period of an amount: its own date, the sentence's, or the paragraph's single one.

    A period told elsewhere (another clause, sentence or the paragraph) carries only to a total told
    in the past: a present stock or share ("currently has projects worth", "accounts for 4 percent of")
    has none; a share takes one only when its own clause or sentence is clearly past."""
    idx = amounts.index(a)
    pair = _from_to_pair(ctx, amounts, idx, s0)
    if pair is not None:
        # "from $3 million to $5 million between 2013 and 2023": each end takes its year
        mate = amounts[idx + 1] if pair == 0 else a
        candidates = ([attached_all[id(mate)]] if attached_all.get(id(mate)) else []) + list(free)
        for m, r in candidates:  # type: ignore[misc]
            if m.spec.kind == "range" and r.first and r.last and r.precision == "year":
                y = r.first.year if pair == 0 else r.last.year
                return m, Resolved(f"{y:04d}", None, "year", date(y, 1, 1), date(y, 12, 31))
    if attached is not None and not (growth and _comparison(attached[0])):
        return attached
    c0, c1 = _clause(ctx.text, s0, s1, a.start)
    lead = [(m, r) for m, r in free if not ctx.text[s0:m.start].strip(" \"“")]  # "In 2023, ..."
    same = [(m, r) for m, r in free if c0 <= m.start < c1]
    if share:  # "N percent of X": only its own clause or the sentence's opening adverbial
        pool = [x for x in same if x[0].end <= a.start] or [x for x in same if x[0].start >= a.end] or lead
        if pool:
            return pool[-1] if pool[-1][0].end <= a.start else pool[0]
        if tense != "past":
            return None
        # "X was the third-largest partner last year, accounting for 12.4% of its trade": the past
        # sentence's period
        before = [(m, r) for m, r in free if m.end <= a.start]
        if before:
            return before[-1]
    else:
        before = [(m, r) for m, r in free if m.end <= a.start]
        after = [(m, r) for m, r in free if m.start >= a.end]
        in_clause_after = [x for x in after if x[0].start < c1]
        if in_clause_after and not [x for x in before if x[0].start >= c0]:
            return in_clause_after[0]
        if before:
            return before[-1]
        if after:
            return after[0]
    if tense in ("present", "future") and _own_tense(ctx.text, s0, s1, a.start) is not None:
        return None  # "while Sri Lanka accounts for about 4 percent": the clause's own present
    # "stood at $11 billion in 2023-24, down from $12 billion the previous year, while imports were
    # $1.8 billion": the sentence's period, not the one a compared level has
    others = [x for b in amounts if b is not a and (x := attached_all.get(id(b))) is not None
              and x is not attached and not _comparison(x[0]) and not _compared(ctx, b, s0)]
    if len({(x[1].first, x[1].last) for x in others}) == 1 and len(amounts) > 1:
        return others[0]
    if tense in ("present", "future"):
        return None
    if previous is not None and (not share and not inherited or tense == "past"):
        return previous  # "... totaled US$412 million in 2023. Exports amounted to US$98 million, ..."
    sentence_ids = {id(m) for m, _ in ctx.dates}
    # the paragraph's period, when it states exactly one ("... in 2023. Imports were $3 billion.")
    p_all = [(m, r) for m, r in p_dates if id(m) not in sentence_ids and _is_period_like(m, r)
             and not _comparison(m) and m.mod not in ("by", "since", "until", "before", "after")]
    periods = {(r.first, r.last) for _, r in p_all}
    if len(periods) == 1:
        return p_all[0]
    return None


def _compared(ctx: _Context, a: Amount, s0: int) -> bool:
    """"down from $12.2 billion", "up from", "compared with": a level the sentence compares against."""
    return bool(re.search(r"\b(?:from|than|with|against)\s*$", ctx.text[max(s0, a.start - 12):a.start], re.I))


def _level_of_growth(ctx: _Context, amounts: list[Amount], i: int, shares: dict[int, Any],
                     s0: int) -> Amount | None:
    """The level a growth rate belongs to: "rose 8.2% year-on-year to RM33.4bil", "reached $1.52 billion
    in the first ten months, up 17.4%"."""
    text = ctx.text
    a = amounts[i]
    if i + 1 < len(amounts):
        b = amounts[i + 1]
        gap = text[a.end:b.start]
        if len(gap) <= 40 and re.fullmatch(r"[\w\s-]*?\b(?:to|at)\s+", gap) and id(b) not in shares \
                and b.kind == "money":
            return b
    if i > 0:
        b = amounts[i - 1]
        end = b.equivalent.end if b.equivalent else b.end
        gap = text[end:a.start]
        if b.kind == "money" and id(b) not in shares and len(gap) <= 90 and not re.search(r"[;.]\s", gap) \
                and re.search(r",\s+(?:[\w-]+\s+){0,3}$", gap) and _growth_sign(ctx, b, s0) is None:
            return b
    return None


@lru_cache(maxsize=1)
def _tense_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    lex = lexicon()["tense"]
    reporting = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex["reporting"]) + r")\b(?:\s+(?:to|that))?",
                           re.IGNORECASE)
    return (frozenset(lex["past"]), frozenset(lex["present"]), frozenset(lex["perfect"]), frozenset(lex["future"]),
            reporting)


def _tense_at(text: str, s0: int, s1: int, pos: int, clause_only: bool = False) -> str | None:
    """"past", "present", "future" or None: the tense of the verb stating the amount at ``pos``: the
    nearest tense cue before it in its clause, else in the sentence (reporting frames such as "he said
    that" left out), else after it.  "have invested" and "has reached" are present (a stock to date);
    "were ready to invest", "would be disbursed" future (an intention)."""
    past, present, perfect, future, reporting = _tense_words()
    c0, c1 = _clause(text, s0, s1, pos)

    def verdict(words: list[str]) -> str | None:
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w in past:
                if w != "had" and perfect.intersection(words[max(0, k - 3):k]):
                    return "present"  # "have invested", "has been exported"
                return "past"
            if w in present:
                return "present"
            if w in future:
                return "future"
        return None

    def words(a: int, b: int) -> list[str]:
        chunk = text[a:b]
        cut = None
        for m in reporting.finditer(chunk):
            cut = m.end()
        return re.findall(r"[a-z]+", chunk[cut:].lower() if cut is not None else chunk.lower())

    def after(words: list[str]) -> str | None:
        # the verb after an amount that opens its clause ("About 30 percent of the wine sold there comes
        # through ..."): auxiliaries and present forms only, a participle ("sold") is no main verb
        for w in words:
            if w in _AUXILIARY_PAST:
                return "past"
            if w in present:
                return "present"
            if w in future:
                return "future"
        return None

    own = verdict(words(c0, pos)) or after(words(pos, c1))
    return own if own is not None or clause_only else verdict(words(s0, pos))


_AUXILIARY_PAST = frozenset({"was", "were", "had", "did"})


def _own_tense(text: str, s0: int, s1: int, pos: int) -> str | None:
    """The tense of the amount's own clause only (None when the clause has no cue of its own)."""
    return _tense_at(text, s0, s1, pos, clause_only=True)


def _clause(text: str, s0: int, s1: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence ``[s0, s1)`` around ``pos`` (commas, semicolons, conjunctions)."""
    lo, hi = s0, s1
    for m in _CLAUSE.finditer(text, s0, s1):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


_CLAUSE = re.compile(r"[;,]\s+(?:with\s+)?|\s+(?:while|whereas|but|which|who)\s+")


def _from_to_pair(ctx: _Context, amounts: list[Amount], idx: int, s0: int) -> int | None:
    """0 or 1 when amounts[idx] is the "from" or "to" end of a from-to pair."""
    def word_before(a: Amount) -> str | None:
        w = _words_before(ctx.text, s0, a.start, 1)
        return w[0] if w else None

    a = amounts[idx]
    if word_before(a) == "from" and idx + 1 < len(amounts) and word_before(amounts[idx + 1]) == "to":
        return 0
    if word_before(a) == "to" and idx > 0 and word_before(amounts[idx - 1]) == "from":
        return 1
    return None


def _figure(measure: str, subject: str | None, source: Actor | None, target: Actor | None, a: Amount,
            period: Period | None, qualifier: str | None, evidence: Evidence, *, value: float | None = None) -> Figure:
    return Figure(measure=measure, subject=subject,  # type: ignore[arg-type]
                  **{"from": _side_name(source)}, to=_side_name(target), value=a.value if value is None else value, unit=a.unit,
                  period=period, approximate=a.approximate, qualifier=qualifier, evidence=evidence)


def _side_name(actor: Actor | None) -> str | None:
    """The name a series keys on: a country by its usual name ("Republic of Kazakhstan" -> "Kazakhstan")."""
    if actor is None or actor.name is None:
        return None
    return short_country_name(actor.name) if actor.kind == "country" else actor.name


class FigureComponent(GuardedComponent):
    """spaCy component ``legation_figures``."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)

    def match(self, doc: Doc) -> list[Figure]:
        time = get_dict(doc, "legation_state").get(STATE_KEY)
        if not isinstance(time, TimeAnalysis):
            time = analyse_time(doc.text, get_dict(doc, "legation_meta").get("published"))
        actors = build_actors(doc.text, doc._.legation_places or [], doc._.legation_organizations or [],
                              doc._.legation_acronyms or [])
        return extract_figures(doc.text, actors, time)

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> Doc:
        get_list(doc, "legation_figures").extend(figures)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"lexicons": ["legation/data/figures.json",
                                                                "legation/data/money.json"], "version": 1}))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> FigureComponent:
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            json.loads(cfg.read_text())
        return self
