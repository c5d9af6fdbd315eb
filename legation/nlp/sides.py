"""The sides of a figure: text naming a place or organization -> its canonical name.

A figure's ``from`` and ``to`` must be full names ("Ho Chi Minh City", never
"HCMC") so that series from different articles line up.  The entity
component already knows every mention of every place and organization; this
module indexes those mentions by character offset and answers "who is named
here?" in order of trust:

1. a Place or Organization whose mention covers the text -> its ``name``;
2. the document's acronym list ("HCMC" -> "Ho Chi Minh City");
3. an all-capitals token equal to the initials of a place or organization
   named in the document;
4. a demonym ("Vietnamese exports") -> the country;
5. the text itself, trimmed of "the" and a possessive.

Anaphors are resolved by salience: "the city" is the most mentioned city of
the document, "the country" the country mentioned most (counting the
mentions of its cities and provinces: an article about Ho Chi Minh City is
about Vietnam), and "the country" *of a city* is the country containing it.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from legation.models import Acronym, Organization, Place

__all__ = ["Actor", "ActorIndex", "country_name", "short_country_name"]

_POSSESSIVE = re.compile(r"['’]s?$")
_BLOC_KINDS = {"bloc", "association", "union", "community", "alliance", "forum", "intergovernmental"}
_BLOC_NAMES = r"^(?:Association|European Union|African Union|Southern Common Market|Eurasian Economic Union|Gulf Cooperation)"
_SKIP_INITIALS = {"of", "the", "and", "for", "de", "del", "la", "&"}


@dataclass(frozen=True, slots=True)
class Actor:
    """A span of text that names (or points to) a place or organization."""

    start: int
    end: int
    text: str
    name: str | None  # canonical name; None for an anaphor not yet resolved
    kind: str | None  # country, province, city, region, organization, or None
    country: str | None  # ISO 3166-1 alpha-2
    source: str  # place, organization, acronym, initials, demonym, text, anaphor


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-2, from the entity component's data file when present."""
    try:
        raw = resources.files("legation").joinpath("data/demonyms.csv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return {row["demonym"]: row["country"] for row in csv.DictReader(raw.splitlines())
            if row.get("demonym") and row.get("country")}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A country's common English name from its ISO alpha-2 code (pycountry)."""
    if not code:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


@lru_cache(maxsize=512)
def _country_code(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


#: "the Latin American country", "the neighbouring nation", "the Gulf kingdom", "the kingdom": a country
#: the text describes instead of naming ("the two countries" and "member countries" are not one country)
_DESCRIBED_WORDS = r"(?:(?!two\b|both\b|three\b|member\b|other\b|host\b|partner\b)[A-Za-z][\w-]*\s+){0,3}"
_DESCRIBED = re.compile(rf"(?:the|The|this|This)\s+{_DESCRIBED_WORDS}(?P<head>country|nation|kingdom)\b(?!['’]?s?\s+of\b)")
_DESCRIBED_END = re.compile(rf"\b(?:the|The|this|This)\s+{_DESCRIBED_WORDS}(?P<head>country|nation|kingdom)$")


def _described_kind(m: re.Match[str]) -> str:
    return "kingdom" if m["head"] == "kingdom" else "country"


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    from legation.nlp.temporal import lexicon as time_lexicon

    lex = time_lexicon()
    return frozenset(w.lower() for w in (*lex["months"], *lex["weekdays"]))


def _calendar_word(words: str) -> bool:
    """"January", "Monday": capitalised, but a date, never a side."""
    parts = re.split(r"[\s-]+", words.strip())
    first = parts[0].rstrip(".").lower() if parts else ""
    return first in _calendar_words()


@lru_cache(maxsize=256)
def _is_kingdom(code: str | None) -> bool:
    """A monarchy by its official name in ISO 3166 ("Kingdom of Saudi Arabia"), for "the kingdom"."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code) if code else None
    official = (getattr(c, "official_name", None) or getattr(c, "name", "")) if c else ""
    return "Kingdom" in official or "Sultanate" in official or "Emirates" in official


def short_country_name(name: str) -> str:
    """A country's usual name for a figure's side: "Republic of Kazakhstan" -> "Kazakhstan",
    "Arab Republic of Egypt" -> "Egypt" (the formal style names the same side)."""
    fixed = _short_names().get(name)
    if fixed:
        return fixed
    m = _FORMAL.match(name)
    if m and m.end() < len(name):
        rest = name[m.end():]
        if _country_code(rest) or _country_code(name) == _country_code(rest):
            return rest
    return name


_FORMAL = re.compile(
    r"(?:the\s+)?(?:(?:Socialist|Federal|Democratic|Islamic|Arab|United|Plurinational|Bolivarian|Hashemite|"
    r"Oriental|Cooperative|Co-operative|Independent|Federative|Argentine|Italian|French|Portuguese|Hellenic|"
    r"Kyrgyz|Lebanese|Syrian|Slovak|Czech|Togolese|Gabonese|Sudanese|Central\s+African)\s+)*"
    r"(?:Republic|Kingdom|State|Commonwealth|Federation|Sultanate|Emirate|Principality|Grand\s+Duchy)\s+of\s+"
    r"(?:the\s+)?")


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    import json

    data = json.loads(resources.files("legation").joinpath("data/figures.json").read_text("utf-8"))
    return dict(data.get("country_short_names", {}))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _SKIP_INITIALS).upper()


class ActorIndex:
    """Every actor span of one document, with salience for resolving anaphors."""

    def __init__(self, text: str, places: list[Place] | None = None,
                 organizations: list[Organization] | None = None,
                 acronyms: list[Acronym] | None = None, *, anaphors: dict[str, str] | None = None,
                 demonym_heads: list[str] | None = None) -> None:
        self.text = text
        self.places = list(places or [])
        self.organizations = list(organizations or [])
        self.acronyms = {a.short: a.long for a in (acronyms or [])}
        self._anaphors = anaphors or {}
        self._kind: dict[str, str | None] = {}
        self._country: dict[str, str | None] = {}
        spans: list[Actor] = []
        for p in self.places:
            kind, country = self._place_kind(p)
            self._kind[p.name] = kind
            self._country[p.name] = country
            for s, e in p.mentions:
                spans.append(Actor(s, e, text[s:e], p.name, kind, country, "place"))
        for o in self.organizations:
            self._kind.setdefault(o.name, "organization")
            self._country.setdefault(o.name, o.country)
            for s, e in o.mentions:
                spans.append(Actor(s, e, text[s:e], o.name, "organization", o.country, "organization"))
        spans.sort(key=lambda a: (a.start, -(a.end - a.start)))
        spans = self._with_demonyms(spans, demonym_heads or [])
        self.mentions = spans
        self._starts = [a.start for a in spans]
        self._salience: dict[str, int] | None = None
        self._top: dict[tuple[str, int], list[Actor]] = {}
        self._first: dict[str, int] | None = None

    def _with_demonyms(self, spans: list[Actor], heads: list[str]) -> list[Actor]:
        """"Japanese firms", "Korean investors": a demonym before an economic actor names its country.
        (A demonym in a title or a party name is not a place mention; only these heads count.)"""
        if not heads or not _demonyms():
            return spans
        words = "|".join(re.escape(d) for d in sorted(_demonyms(), key=len, reverse=True))
        head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
        starts = [a.start for a in spans]
        out = list(spans)
        for m in re.finditer(rf"\b({words})(?:\s+and\s+({words}))?\s+(?:[a-z-]+\s+)?(?:{head})\b", self.text):
            for g in (1, 2):  # "Thai and Cambodian officials": both
                if m.group(g) is None:
                    continue
                s, e = m.start(g), m.end(g)
                i = bisect_right(starts, s)
                if any(a.start < e and s < a.end for a in spans[max(0, i - 3):i + 3]):
                    continue
                name, kind, country, _ = self.canonical(m.group(g))
                out.append(Actor(s, e, m.group(g), name, kind, country, "demonym"))
        out.sort(key=lambda a: (a.start, -(a.end - a.start)))
        return out

    # ------------------------------------------------------------------ names

    def _place_kind(self, p: Place) -> tuple[str | None, str | None]:
        kind, country = p.kind, p.country
        if kind is None or country is None:
            code = _country_code(p.name)
            if code and kind in (None, "country"):
                return "country", country or code
        elif kind != "country" and _country_code(p.name) == country:
            return "country", country  # "Mexico" in the country Mexico: the country, whatever else it names
        return kind, country

    def canonical(self, text: str) -> tuple[str, str | None, str | None, str]:
        """(name, kind, country, source) for a text that no mention covers."""
        bare = _POSSESSIVE.sub("", text.strip())
        bare = re.sub(r"^(?:the|The)\s+", "", bare).strip()
        if bare in self.acronyms:
            long = self.acronyms[bare]
            return long, self._kind.get(long), self._country.get(long), "acronym"
        if re.fullmatch(r"[A-Z]{2,6}", bare):
            for name in list(self._kind):
                if _initials(name) == bare:
                    return name, self._kind[name], self._country[name], "initials"
        code = _demonyms().get(bare)
        if code:
            for p in self.places:
                if self._country.get(p.name) == code and self._kind.get(p.name) == "country":
                    return p.name, "country", code, "demonym"
            return country_name(code) or bare, "country", code, "demonym"
        for name in self._kind:
            if name.lower() == bare.lower():
                return name, self._kind[name], self._country[name], "text"
        code = _country_code(bare) if bare[:1].isupper() else None
        if code:
            return bare, "country", code, "text"
        return bare, None, None, "text"

    # ------------------------------------------------------------------ lookup

    def covering(self, start: int, end: int) -> Actor | None:
        """The longest mention overlapping [start, end)."""
        best = None
        for a in self.mentions[max(0, bisect_left(self._starts, start) - 8):bisect_left(self._starts, end)]:
            if a.end > start and (best is None or a.end - a.start > best.end - best.start):
                best = a
        return best

    def actor_at(self, pos: int, limit: int) -> Actor | None:
        """The actor that starts at ``pos`` (after an optional "the"), not reaching past ``limit``."""
        m = re.match(r"(?:(?:the|The|its|Its|their|Their)\s+)?(?:(?:other|fellow)\s+)?", self.text[pos:limit])
        skip = pos + (m.end() if m else 0)
        for a in self.mentions[bisect_left(self._starts, pos):bisect_right(self._starts, skip)]:
            if a.start in (pos, skip) and a.end <= limit:
                return self._trim(a)
        low = self.text[pos:limit].lower()
        for phrase, kind in self._anaphors.items():
            if low.startswith(phrase) and not re.match(r"\w", low[len(phrase):len(phrase) + 1]):
                return Actor(pos, pos + len(phrase), self.text[pos:pos + len(phrase)], None, kind, None, "anaphor")
        described = _DESCRIBED.match(self.text, pos, limit)
        if described:  # "the Latin American country", "the neighbouring nation", "the kingdom"
            return Actor(pos, described.end(), described.group(0), None, _described_kind(described), None,
                         "anaphor")
        chunk = re.match(r"(?:[A-Z][\w.’'-]*|[A-Z]{2,})(?:[ -](?:[A-Z][\w’'-]*|of|and|de|del|da)(?=[ \w-]))*",
                         self.text[skip:limit])
        if chunk:
            words = chunk.group(0)
            words = re.sub(r"(?:\s+(?:of|and|de|del|da))+$", "", words)
            words = re.sub(r"['’]s?$", "", words)
            follows = self.text[skip + len(words):skip + len(words) + 1]
            if words and words not in ("The", "It", "Its", "In", "On", "This", "That", "These") \
                    and not re.search(r"\d", words) and not re.match(r"[$€£¥₫\d]", follows) \
                    and not _calendar_word(words):
                name, kind, country, source = self.canonical(words)
                return Actor(skip, skip + len(words), words, name, kind, country, source)
        return None

    def actor_ending(self, pos: int, floor: int) -> Actor | None:
        """The actor whose text ends at ``pos`` (before a possessive), not starting before ``floor``."""
        best = None
        for a in self.mentions[bisect_left(self._starts, floor):bisect_left(self._starts, pos)]:
            if a.end == pos:
                best = self._trim(a)
        if best:
            return best
        before = self.text[floor:pos]
        low = before.lower()
        for phrase, kind in self._anaphors.items():
            if low.endswith(phrase) and (len(low) == len(phrase) or not low[-len(phrase) - 1].isalnum()):
                s = pos - len(phrase)
                return Actor(s, pos, self.text[s:pos], None, kind, None, "anaphor")
        described = _DESCRIBED_END.search(before)
        if described:  # "the Southeast Asian nation's exports"
            s = floor + described.start()
            return Actor(s, pos, described.group(0), None, _described_kind(described), None, "anaphor")
        m = re.search(r"(?:\b[A-Z][\w.’'-]*)(?:[ -][A-Z][\w’'-]*)*$", before)
        if m and m.group(0) not in ("The", "It", "In", "On", "This", "That") and not re.search(r"\d", m.group(0)) \
                and not _calendar_word(m.group(0)):
            words = m.group(0)
            name, kind, country, source = self.canonical(words)
            return Actor(floor + m.start(), pos, words, name, kind, country, source)
        return None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        return [self._trim(a) for a in self.mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]
                if a.end <= end]

    def _trim(self, a: Actor) -> Actor:
        """A mention found by the entity component; acronym uses keep the canonical name."""
        return a

    # ------------------------------------------------------------------ anaphora

    def salience(self) -> dict[str, int]:
        if self._salience is None:
            self._salience = self._compute_salience()
        return self._salience

    def _compute_salience(self) -> dict[str, int]:
        score: dict[str, int] = {}
        for p in self.places:
            score[p.name] = score.get(p.name, 0) + len(p.mentions)
        by_code = {self._country.get(p.name): p.name for p in self.places
                   if self._kind.get(p.name) == "country" and self._country.get(p.name)}
        for p in self.places:
            code = self._country.get(p.name)
            if self._kind.get(p.name) != "country" and code in by_code:
                owner = by_code[code]
                score[owner] = score.get(owner, 0) + len(p.mentions)
        return score

    def country_codes(self) -> list[str]:
        """ISO alpha-2 codes of the countries the document names (directly or through their cities and
        provinces), most mentioned first: the context for currency words several countries use."""
        score: dict[str, int] = {}
        first: dict[str, int] = {}
        for p in self.places:
            code = self._country.get(p.name)
            if code:
                score[code] = score.get(code, 0) + len(p.mentions)
                first[code] = min(first.get(code, 1 << 30), min((s for s, _ in p.mentions), default=1 << 30))
        return sorted(score, key=lambda c: (-score[c], first[c]))

    def top(self, kind: str, n: int) -> list[Actor]:
        """The ``n`` most salient places of ``kind`` (ties: the first mentioned)."""
        key = (kind, n)
        if key not in self._top:
            self._top[key] = self._rank(kind, n)
        return self._top[key]

    def _rank(self, kind: str, n: int) -> list[Actor]:
        score = self.salience()
        ranked = sorted((p for p in self.places if self._kind.get(p.name) == kind),
                        key=lambda p: (-score.get(p.name, 0), min((s for s, _ in p.mentions), default=0)))
        return [Actor(-1, -1, p.name, p.name, kind, self._country.get(p.name), "place") for p in ranked[:n]]

    def first_mention(self, name: str | None) -> int:
        """Where the document first names ``name`` (places and organizations), or a large number."""
        if self._first is None:
            first: dict[str, int] = {}
            for a in self.mentions:  # sorted by start: the first seen is the first mention
                if a.name is not None:
                    first.setdefault(a.name, a.start)
            self._first = first
        return self._first.get(name or "", 1 << 30)

    def most_salient(self, kind: str) -> Actor | None:
        found = self.top(kind, 1)
        return found[0] if found else None

    def bloc(self) -> Actor | None:
        """The most mentioned bloc of the document (ASEAN, the EU, Mercosur), for "the bloc"."""
        best: Organization | None = None
        for o in self.organizations:
            if (o.kind or "").lower() in _BLOC_KINDS or re.search(_BLOC_NAMES, o.name):
                if best is None or len(o.mentions) > len(best.mentions):
                    best = o
        if best is None:
            return None
        return Actor(-1, -1, best.name, best.name, "organization", best.country, "organization")

    def resolve(self, actor: Actor | None, avoid: Actor | None = None) -> Actor | None:
        """An anaphor resolved by salience; anything else as it is.

        ``avoid`` is the figure's other side: "Japanese companies have projects in the city" names a city
        that is not Japanese, "imports from the Asian country" a country other than the importer."""
        if actor is None or actor.name is not None:
            return actor
        if actor.kind is None:
            return None
        if actor.kind in ("bloc", "region"):
            found = self.bloc() or (self.most_salient("region") if actor.kind == "region" else None)
            if found is None:
                return None
            return Actor(actor.start, actor.end, actor.text, found.name, found.kind, found.country, "anaphor")
        kind = "country" if actor.kind == "kingdom" else actor.kind
        if kind in ("city", "province") and actor.start > 0:
            recent = self._recent(kind, actor.start, avoid)
            if recent is not None:  # "... briefed them on Binh Duong.\n\nAs of September, the province had ..."
                return Actor(actor.start, actor.end, actor.text, recent.name, recent.kind, recent.country, "anaphor")
        ranked = self.top(kind, 8)
        if actor.kind == "kingdom":
            ranked = [c for c in ranked if _is_kingdom(c.country)]
        if avoid is not None and avoid.name is not None:
            # not the other side, nor a place of its country ("Binh Duong's exports to the African country")
            away = [c for c in ranked if c.name != avoid.name and (avoid.country is None or c.country != avoid.country)]
            ranked = away or ranked
        if not ranked:
            return None
        found = ranked[0]
        return Actor(actor.start, actor.end, actor.text, found.name, found.kind, found.country, "anaphor")

    def _recent(self, kind: str, pos: int, avoid: Actor | None) -> Actor | None:
        """The place of ``kind`` the anaphor at ``pos`` points back to: among those named in its paragraph
        and the one before (not ``avoid``'s), the most salient, then the latest."""
        text = self.text
        cur = text.rfind("\n", 0, pos)
        prev = 0
        if cur > 0:
            j = cur
            while j > 0 and text[j - 1] in "\n \t\r":
                j -= 1
            prev = text.rfind("\n", max(0, pos - 1500), j) + 1
        lo = bisect_left(self._starts, max(prev, pos - 1500))  # (bounded: linear in long paragraphs)
        found: list[Actor] = []
        for a in self.mentions[lo:bisect_left(self._starts, pos)]:
            if a.source != "place" or a.kind != kind or a.name is None:
                continue
            if avoid is not None and (a.name == avoid.name or avoid.country is not None and a.country == avoid.country):
                continue
            found.append(a)
        if not found:
            return None
        score = self.salience()
        return max(enumerate(found), key=lambda ia: (score.get(ia[1].name or "", 0), ia[0]))[1]

    def unresolved(self, actor: Actor) -> Actor:
        """An anaphor as the text gave it, to resolve again against the other side."""
        kind = actor.kind
        if kind == "country" and re.search(r"\bkingdom\b", actor.text, re.IGNORECASE):
            kind = "kingdom"
        return Actor(actor.start, actor.end, actor.text, None, kind, None, "anaphor")

    def container(self, actor: Actor | None, kind: str = "country") -> Actor | None:
        """The country containing a city, province or region (by ISO code)."""
        if actor is None or actor.country is None or actor.kind == kind:
            return None
        for p in self.places:
            if self._kind.get(p.name) == "country" and self._country.get(p.name) == actor.country:
                return Actor(-1, -1, p.name, p.name, "country", actor.country, "place")
        name = country_name(actor.country)
        return Actor(-1, -1, name, name, "country", actor.country, "text") if name else None
