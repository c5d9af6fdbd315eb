"""The article as the event rules see it: sentences, and who and what each one names.

Why a separate view: the event rules reason over character spans that the
earlier components wrote (people with every mention, organizations, places,
resolved dates), not over spaCy tokens, so they give the same answers on a
parsed ``Doc`` and on a hand-built ``spacy.blank("en")`` one, and they do not
inherit the small parser's odd sentence breaks inside long titles.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from legation.models import DateExpr, Organization, Person, Place
from legation.nlp.event_lexicon import EventLexicon

__all__ = ["Discourse", "Ref", "Sentence", "last_match", "split_sentences"]

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "sen", "rep",
    "gov", "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "jr", "sr", "h.e", "a.m", "p.m", "capt",
    "maj", "adm", "amb", "hon", "rev", "messrs", "mme", "mt",
}
_BREAK = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_LINE = re.compile(r"\n")
_DATELINE = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}?)\s*(?:,\s*[A-Z][\w.' ]{1,30})?\s*"
                       r"(?:\(([A-Za-z][^)]{0,30})\)\s*[-–—:]?|[-–—:]\s)")
_WORD = re.compile(r"[\w’'.-]+")


def last_match(pattern: re.Pattern[str] | str, text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text`` (the one nearest a following word)."""
    found = None
    for found in re.finditer(pattern, text):  # noqa: B007 - the last one is wanted
        pass
    return found


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    first_in_paragraph: bool
    caption: bool


@dataclass(frozen=True, slots=True)
class Ref:
    """An entity named at a place in the text: person P.., organization O.., place L.."""

    start: int
    end: int
    id: str
    kind: str  # person | organization | place | title | pronoun


def split_sentences(text: str, keep: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for each sentence; every line break ends a sentence, and no
    sentence ends inside a span of ``keep`` (a name such as 'Ts. Oyunchimeg')."""
    inside = _SpanIndex(keep or [])
    out: list[tuple[int, int, int]] = []
    paragraph = -1
    pos = 0
    for line in text.split("\n"):  # every line is a paragraph: captions and headlines stand alone
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        paragraph += 1
        cut = start
        for m in _BREAK.finditer(text, start, end):
            if _abbreviation(text, start, m.start()):
                continue
            if inside.covers(m.start()):
                continue
            _push(out, text, cut, m.end(), paragraph)
            cut = m.end()
        _push(out, text, cut, end, paragraph)
    return out


class _SpanIndex:
    """Spans sorted by start with the furthest end reached so far: 'is this full stop inside a
    name?' in logarithmic time, so sentence splitting stays linear in the text."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def covers(self, pos: int) -> bool:
        """Is ``pos`` (a full stop) inside one of the spans, short of its last character?"""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.reach[i] - 1


def _push(out: list[tuple[int, int, int]], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end, paragraph))


def _abbreviation(text: str, floor: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(floor, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and m.group(1).isupper())


@dataclass(slots=True)
class Discourse:
    """Sentences plus an index of every entity mention and date, by character offset."""

    text: str
    published: str | None
    sentences: list[Sentence]
    people: dict[str, Person]
    organizations: dict[str, Organization]
    places: dict[str, Place]
    dates: list[DateExpr]
    lexicon: EventLexicon
    refs: list[Ref] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    dateline: Ref | None = None
    dateline_sentence: int | None = None  # the sentence the dateline opens (the lead)
    dateline_end: int | None = None  # where the dateline ('CHANGSHA, June 27 (Xinhua) --') ends
    cache: dict = field(default_factory=dict)  # per-article memo of derived lookups (trigger words, title refs)

    @classmethod
    def build(cls, text: str, *, published: str | None, people: list[Person],
              organizations: list[Organization], places: list[Place], dates: list[DateExpr],
              lexicon: EventLexicon) -> Discourse:
        names = [span for items in (people, organizations, places) for item in items for span in item.mentions]
        spans = split_sentences(text, names)
        by_para: dict[int, list[tuple[int, int]]] = {}
        for s, e, para in spans:
            by_para.setdefault(para, []).append((s, e))
        captions = {para: _is_caption(text, items) for para, items in by_para.items()}
        sentences: list[Sentence] = []
        for i, (s, e, para) in enumerate(spans):
            first = i == 0 or spans[i - 1][2] != para
            sentences.append(Sentence(i, s, e, text[s:e], para, first, captions[para]))
        refs: list[Ref] = []
        lost = _people_read_as_organizations(text, people, organizations)
        for kind, items in (("person", people), ("organization", organizations), ("place", places)):
            for item in items:
                for start, end in item.mentions:
                    if 0 <= start < end <= len(text):
                        if kind == "organization" and item.id in lost:
                            refs.append(Ref(start, end, lost[item.id], "person"))
                        else:
                            refs.append(Ref(start, end, item.id, kind))
        refs = _drop_nested(refs)
        d = cls(text=text, published=published, sentences=sentences,
                people={p.id: p for p in people}, organizations={o.id: o for o in organizations},
                places={p.id: p for p in places},
                dates=sorted((x for x in dates if x.offsets), key=lambda x: x.offsets),
                lexicon=lexicon, refs=refs, _starts=[r.start for r in refs])
        d.dateline = d._find_dateline()
        return d

    # ------------------------------------------------------------------ lookups

    def refs_in(self, start: int, end: int, kind: str | None = None) -> list[Ref]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].start < end:
            r = self.refs[i]
            if r.end <= end and (kind is None or r.kind == kind):
                out.append(r)
            i += 1
        return out

    def ref_at(self, start: int, end: int) -> Ref | None:
        for r in self.refs_in(start, end):
            return r
        return None

    def dates_in(self, start: int, end: int) -> list[DateExpr]:
        starts = self.cache.get("date_starts")
        if starts is None:
            starts = self.cache["date_starts"] = [d.offsets[0] for d in self.dates]
        out = []
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            d = self.dates[i]
            if d.offsets[1] <= end:
                out.append(d)
            i += 1
        return out

    def sentence_of(self, offset: int) -> Sentence | None:
        starts = self.cache.get("sentence_starts")
        if starts is None:
            starts = self.cache["sentence_starts"] = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def country_of(self, entity_id: str | None) -> str | None:
        """ISO alpha-2 of a person (or their title's organization), organization or place."""
        if not entity_id:
            return None
        if entity_id in self.people:
            p = self.people[entity_id]
            if p.country:
                return p.country
            for t in p.titles:
                if t.organization and t.organization in self.organizations:
                    c = self.organizations[t.organization].country
                    if c:
                        return c
            return None
        if entity_id in self.organizations:
            return self.organizations[entity_id].country
        if entity_id in self.places:
            return self.places[entity_id].country
        return None

    def is_dead(self, person_id: str) -> bool:
        p = self.people.get(person_id)
        return bool(p and any((t.qualifier or "").lower() in ("late", "the late", "deceased") for t in p.titles))

    def title_refs(self, start: int, end: int) -> list[Ref]:
        """People named only by their title ('invited the General Secretary of the X Party').

        A title counts when the text gives it in full, with its organization, and
        the person's name is not right beside it (then it is an apposition).
        """
        key = ("titles", start, end)
        if key in self.cache:
            return self.cache[key]
        found = self._title_occurrences()
        out: list[Ref] = []
        i = bisect.bisect_left(found, (start, -1, ""))
        while i < len(found) and found[i][0] < end:
            s, e, pid = found[i]
            i += 1
            if e > end:
                continue
            if self.refs_in(s, e, "person"):
                continue
            near = self.refs_in(max(start, s - 40), min(end, e + 40), "person")
            if any(r.id == pid for r in near):
                continue
            if self._person_touching(s, e):
                continue
            out.append(Ref(s, e, pid, "title"))
        self.cache[key] = out
        return out

    def _title_occurrences(self) -> list[tuple[int, int, str]]:
        """Every place the text gives a person's full title, found in one pass over the words:
        titles are indexed by their last word, so the cost grows with the text, not with the
        number of people times the number of sentences."""
        found = self.cache.get("title_occurrences")
        if found is not None:
            return found
        holders: dict[str, list[str]] = {}
        for p in self.people.values():
            for t in p.titles:
                title = t.text.strip()
                # only titles that name their body ('General Secretary of the X Party'); a bare
                # 'Foreign Minister' could be anyone's
                if len(title) < 12 or not re.search(r"\bof\b|[’']s\b", title):
                    continue
                holders.setdefault(title.lower(), []).append(p.id)
        by_last: dict[str, list[tuple[str, int]]] = {}
        for low in holders:
            last = None
            for last in re.finditer(r"\w+", low):  # noqa: B007 - the last word is wanted
                pass
            if last is not None:
                by_last.setdefault(last.group(), []).append((low, last.end()))
        text = self.text.lower()
        found = []
        if by_last:
            named: dict[str, list[int]] = {}  # where each holder is named, to tell apart holders of one title
            for w in re.finditer(r"\w+", text):
                for title, upto in by_last.get(w.group(), ()):
                    s = w.end() - upto
                    if s < 0 or not text.startswith(title, s):
                        continue
                    pids = holders[title]
                    if len(pids) > 1:  # the same title held by several: those named within reach
                        pids = [pid for pid in pids if self._named_near(pid, s, named)] or pids
                    found.extend((s, s + len(title), pid) for pid in pids)
        found.sort()
        self.cache["title_occurrences"] = found
        return found

    def _named_near(self, pid: str, pos: int, named: dict[str, list[int]], reach: int = 8000) -> bool:
        starts = named.get(pid)
        if starts is None:
            person = self.people.get(pid)
            starts = named[pid] = sorted(s for s, _ in (person.mentions if person else []))
        i = bisect.bisect_left(starts, pos - reach)
        return i < len(starts) and starts[i] <= pos + reach

    def role_person(self, phrase: str, before: int) -> str | None:
        """The person a role noun stands for ('the deputy minister'): the one named last before
        ``before`` whose title has those words."""
        words = re.sub(r"^(?:the|this|that)\s+", "", phrase.strip().lower())
        if not words:
            return None
        key = ("role", words)
        named = self.cache.get(key)
        if named is None:  # (start, person) of every mention of someone whose title has those words
            holders = {pid for pid, p in self.people.items()
                       if any(words in t.text.lower() or (t.role and words in t.role.lower()) for t in p.titles)}
            named = self.cache[key] = [(r.start, r.id) for r in self.refs if r.kind == "person" and r.id in holders]
        i = bisect.bisect_left(named, (before, ""))
        while i > 0:  # the last one named before ``before`` (whole mention before it)
            i -= 1
            start, pid = named[i]
            if self._ref_end(start) <= before:
                return pid
        return None

    def _ref_end(self, start: int) -> int:
        i = bisect.bisect_left(self._starts, start)
        return self.refs[i].end if i < len(self.refs) and self.refs[i].start == start else start

    def people_with_role(self, word: str, before: int) -> list[str]:
        """People named before ``before`` whose titles have ``word`` ('secretary'), in the
        order the article first names them ('the two secretaries')."""
        word = word.lower()
        key = ("with_role", word)
        named = self.cache.get(key)
        if named is None:  # (first mention, person) of everyone whose title has the word
            pattern = re.compile(rf"\b{re.escape(word)}\b")
            holders = {pid for pid, p in self.people.items() if any(pattern.search(t.text.lower()) for t in p.titles)}
            first: dict[str, int] = {}
            for r in self.refs:
                if r.kind == "person" and r.id in holders and r.id not in first:
                    first[r.id] = r.start
            named = self.cache[key] = sorted((s, pid) for pid, s in first.items())
        return [pid for s, pid in named if s < before and self._ref_end(s) <= before]

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-2 for a demonym ('Peruvian' -> PE), from the entity component's table."""
        return _demonyms().get(word.lower())

    def _person_touching(self, start: int, end: int) -> bool:
        """Is a person named right before or after the span (an apposition of a title)?"""
        for r in self.refs_in(max(0, start - 60), end + 60, "person"):
            if 0 <= r.start - end <= 3 or 0 <= start - r.end <= 3:
                return True
        return False

    def place_kind(self, place_id: str) -> str | None:
        p = self.places.get(place_id)
        return (p.kind or "").lower() or None if p else None

    def is_country(self, place_id: str) -> bool:
        p = self.places.get(place_id)
        if p is None:
            return False
        if p.kind:
            return p.kind.lower() == "country"
        return _country_code(p.name) is not None

    def place_country(self, place_id: str) -> str | None:
        p = self.places.get(place_id)
        if p is None:
            return None
        return p.country or _country_code(p.name)

    # ------------------------------------------------------------------ helpers

    def _find_dateline(self) -> Ref | None:
        """'Hanoi (VNA) -' at the start of the first body paragraph: where the story was filed."""
        for i, s in enumerate(self.sentences[:8]):
            m = _DATELINE.match(s.text)
            if m:
                start = s.start + m.start(1)
                for r in self.refs_in(start, s.start + m.end(1), "place"):
                    self.dateline_sentence = i
                    self.dateline_end = s.start + m.end()
                    return r
                continue
            if s.text.isupper() and len(s.text.split()) <= 4:  # 'NEW DELHI' on a line of its own
                for r in self.refs_in(s.start, s.end, "place"):
                    self.dateline_sentence = i + 1
                    return r
        return None


_NARRATIVE = re.compile(r"\b(?:[a-z]+ed|said|says|met|held|had|was|were|has|have|will|would|is|are|took|gave|made|"
                        r"paid|spoke|told|went|came|saw|sent|won|began|left|brought|thought|led|found|became)\b")


def _is_caption(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Photo captions: a credit '(Photo: ...)', one line without a final stop, or one short
    sentence told in the present ('X presents a gift to Y.'), not in the past of a report."""
    body = text[sentences[0][0]:sentences[-1][1]]
    if re.search(r"\((?:Photo|Pic|Picture|Image|File photo|Courtesy|Credit)\b|\b(?:Photo|Pic|Picture):|\b(?:Photo|Pic|Picture) by\b",
                 body):
        return True
    if len(sentences) != 1:
        return False
    if not body.endswith((".", "!", "?", '"', "”", "/.")):
        return True
    return len(_WORD.findall(body)) <= 35 and not _NARRATIVE.search(body)


def _people_read_as_organizations(text: str, people: list[Person], organizations: list[Organization]) -> dict[str, str]:
    """Organizations with no kind whose name is a part of exactly one person's name
    ('Wiratmoko', 'Teixeira' at the start of a sentence): that person, not a body."""
    parts: dict[str, set[str]] = {}
    for p in people:
        tokens = p.name.split()
        forms = {p.name, *p.aliases, *(" ".join(tokens[i:]) for i in range(len(tokens))),
                 *(" ".join(tokens[:i]) for i in range(1, len(tokens)))}
        for f in forms:
            if len(f) >= 3 and f[:1].isupper():
                parts.setdefault(f.lower(), set()).add(p.id)
    out: dict[str, str] = {}
    for o in organizations:
        if o.kind or o.acronym:
            continue
        owners = parts.get(o.name.lower(), set())
        if len(owners) == 1:
            out[o.id] = next(iter(owners))
    return out


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """legation/data/demonyms.csv (demonym,country), shared with the entity component."""
    try:
        text = resources.files("legation").joinpath("data").joinpath("demonyms.csv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    rows = csv.DictReader(io.StringIO(text))
    return {(r.get("demonym") or "").strip().lower(): (r.get("country") or "").strip()
            for r in rows if r.get("demonym") and r.get("country")}


def _drop_nested(refs: list[Ref]) -> list[Ref]:
    """Keep the outermost mention where spans nest ('Peru' inside 'Communist Party of Peru')."""
    refs = sorted(refs, key=lambda r: (r.start, -(r.end - r.start)))
    out: list[Ref] = []
    for r in refs:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


def _country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name, from pycountry (a fallback when a place has none)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None
