"""People: one entry per individual, with every title, short form and mention.

How a person is found.  A *name run* is a maximal run of capitalised name
words that no earlier component claimed (places, organizations) and that are
not titles, portfolio words or calendar words.  A run is a person when
something anchors it: an honorific before it ("Mr.", "H.E."), a title before
it or in an apposition after it, the NER's PERSON label, or a first word that
opens names in a naming culture (a Vietnamese, Chinese or Korean family name,
a Spanish given name).  Single words need a title or an honorific, unless
they are the short form of a full name in the same article; names inside
quotation marks (book titles) need a title or honorific too.  Runs inside
credits ("By X – Translated by Y", "(Photo: VNA)") become credits, not people.

Short forms are linked to full names by ``names.is_short_form``, which follows
the name's culture; a short form that fits two people goes to the one named
last before it.  A person's country comes from the state the titles name
(possessive, demonym, the organization's country), then from a list the
person stands in ("Ms. A, Peru's Deputy Minister of Commerce, and Ms. B,
Deputy Minister of Tourism"), then from the delegation the person leads, and
only then from the naming culture's usual country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Credit, Evidence, Person, Title
from legation.nlp._guarded import RuleComponent
from legation.nlp.credits import credit_role, credit_spans
from legation.nlp.extensions import get_list
from legation.nlp.lexicon import Lexicon, fold
from legation.nlp.names import (
    culture_of,
    is_short_form,
    preferred_short_forms,
    strip_possessive,
)
from legation.nlp.organizations import person_starts_at
from legation.nlp.titles import TitleParse, TitleParser
from legation.nlp.tokens import (
    claim,
    claims,
    is_cap,
    is_name_token,
    sentence_bounds,
    state,
    word_text,
)

__all__ = ["PeopleComponent"]

_QUOTES_OPEN = {"‘", "“", '"', "'", "«"}
_QUOTES_CLOSE = {"’", "”", '"', "'", "»"}
#: kinds of bodies that serve no single state
_INTERNATIONAL = frozenset({"bloc", "forum", "agreement", "international"})
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


@dataclass(slots=True)
class Run:
    start: int
    end: int
    words: list[str]
    honorific: list[str] = field(default_factory=list)
    hon_start: int | None = None
    titles: list[TitleParse] = field(default_factory=list)
    anchor: str | None = None  # honorific | title | ner | culture | short
    person: int | None = None  # index into the people list


@dataclass(slots=True)
class _Person:
    words: list[str]
    runs: list[Run] = field(default_factory=list)
    titles: list[TitleParse] = field(default_factory=list)
    country: str | None = None


class PeopleComponent(RuleComponent):
    def __init__(self, nlp: Language | None = None, name: str = "legation_people", *,
                 lex: Lexicon | None = None) -> None:
        super().__init__(nlp, name, lex=lex)

    # ------------------------------------------------------------------ spaCy API


    def match(self, doc: Doc) -> Doc:
        st = state(doc)
        lex = self.lex
        credits = st.get("credit_spans")
        if credits is None:
            credits = st["credit_spans"] = credit_spans(doc.text, lex)
        orgs = st.get("organizations", {})
        org_country = {o.id: o.country for o in orgs.values()}
        place_country = {m.entry.key: m.entry.country for m in st.get("place_matches", [])}
        demonyms = {s: (e, code) for s, e, code in st.get("demonyms", [])}
        person_ents = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        self._role_tokens: set[int] = set()
        self._demonym_tokens = {i for s0, e0, _ in st.get("demonyms", []) for i in range(s0, e0) if e0 - s0 > 1}
        self._role_tokens = self._find_role_tokens(doc, TitleParser(
            doc, lex, org_country=org_country, place_country=place_country, demonyms=demonyms))
        self._person_ents = person_ents
        self._home = st.get("home_country")
        self._cultures: dict = {}
        self._org_modifiers = self._modifiers_of(doc, orgs)
        self._weak_orgs = {o.id for o in orgs.values() if o.id in st.get("weak_orgs", set())}
        runs = self._runs(doc)
        probe = TitleParser(doc, lex, org_country=org_country, place_country=place_country, demonyms=demonyms)
        name_tokens = {i for r in runs if self._blocks_titles(doc, r, probe) for i in range(r.start, r.end)}
        parser = TitleParser(doc, lex, org_country=org_country, place_country=place_country, demonyms=demonyms,
                             name_tokens=name_tokens)
        people: list[_Person] = []
        credit_runs: list[Run] = []
        candidates: list[Run] = []
        for run in runs:
            char_start = doc[run.start].idx
            if any(s <= char_start < e for s, e in credits):
                credit_runs.append(run)
                continue
            self._anchor(doc, run, parser, person_ents)
            if run.anchor is not None:
                candidates.append(run)
        self._link(doc, candidates, people)
        rest = [r for r in runs if r.person is None and r not in credit_runs]
        self._short_mentions(doc, rest, people)
        for p in people:
            for r in p.runs:
                claim(doc, r.hon_start if r.hon_start is not None else r.start, r.end, "person", str(id(p)))
        self._drop_weak_orgs(doc, people)
        self._countries(doc, people, parser)
        out = self._emit(doc, people)
        get_list(doc, "legation_people").extend(out)
        st["people_runs"] = {out[i].id: [(r.start, r.end) for r in p.runs] for i, p in enumerate(people)}
        self._emit_credits(doc, credit_runs, credits)
        return doc

    # ------------------------------------------------------------------ runs

    def _is_name_word(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        lex = self.lex
        if not is_name_token(tok) or claims(doc).get(i, ("", ""))[0] in ("org", "place"):
            if claims(doc).get(i, ("", ""))[1] not in self._weak_orgs:
                return False
        text = tok.text
        low = fold(text)
        if lex.culture_of_first(text) and i + 1 < len(doc) and is_name_token(doc[i + 1]) \
                and not lex.is_vocabulary(doc[i + 1].text) and not claims(doc).get(i + 1):
            return True  # "Park Min-soo", "Song Hye-jin": family names that are also English nouns
        if text in lex.not_names or text in lex.name_stop_nouns or low in _MONTHS or text in lex.honorifics:
            return False
        if low in lex.roles or low in lex.modifiers or low in lex.qualifiers:
            return False
        if lex.is_portfolio(text) or text in lex.demonyms or low in lex.org_heads or low in lex.place_nouns:
            return False
        if i in self._role_tokens or i in self._demonym_tokens:
            return False
        if low.endswith("s") and (low[:-1] in lex.role_words or low[:-2] in lex.role_words):
            return False  # "the two Deputy Prime Ministers"
        if low in lex.role_words and i + 1 < len(doc) and fold(doc[i + 1].text).rstrip("s") in lex.role_words:
            return False  # "Prime" of "Prime Ministers"
        return True

    def _find_role_tokens(self, doc: Doc, parser: TitleParser) -> set[int]:
        """Tokens of titles ("Deputy Prime Minister"), unless the role word ends a name ("Martin Luther King")."""
        out: set[int] = set()
        i = 0
        while i < len(doc):
            end = parser.role_at(i) if is_cap(doc[i]) else None
            if end is None:
                i += 1
                continue
            prev = doc[i - 1] if i > 0 else None
            if prev is not None and is_name_token(prev) and not self.lex.is_vocabulary(prev.text) \
                    and claims(doc).get(i - 1, ("", ""))[0] == "" and i not in out and prev.whitespace_:
                i += 1
                continue
            out.update(range(i, end))
            i = end
        return out

    def _runs(self, doc: Doc) -> list[Run]:
        lex = self.lex
        out: list[Run] = []
        n = len(doc)
        i = 0
        while i < n:
            if not self._is_name_word(doc, i):
                i += 1
                continue
            j = i + 1
            while j < n:
                t = doc[j]
                if self._is_name_word(doc, j) and "\n" not in doc[j - 1].whitespace_:
                    j += 1
                    continue
                if t.text in lex.demonyms and "\n" not in doc[j - 1].whitespace_ and is_name_token(t) \
                        and not claims(doc).get(j) and (j + 1 >= n or not is_cap(doc[j + 1])) \
                        and lex.culture_of_first(doc[i].text):
                    j += 1  # "Hoang Van Thai": a given name that is also a demonym ends the name
                    continue
                if t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_ and j + 1 < n \
                        and doc[j + 1].text[:1].isalpha() and claims(doc).get(j + 1, ("", ""))[0] == "":
                    j += 2
                    continue
                if t.text.lower() in lex.particles and t.text.islower() and j + 1 < n \
                        and self._is_name_word(doc, j + 1):
                    j += 1
                    continue
                if t.text.islower() and j + 2 < n and f"{t.text} {doc[j + 1].text}" in lex.particles \
                        and self._is_name_word(doc, j + 2):
                    j += 2  # "de la Garza", "van der Berg"
                    continue
                if len(t.text) == 1 and t.text.isupper() and j + 1 < n and self._is_name_word(doc, j + 1) \
                        and t.whitespace_:
                    j += 1  # "Giàng A Chu", "Sung A Lenh": a one-letter middle name
                    continue
                if t.text == "." and not doc[j - 1].whitespace_ and j + 1 < n and \
                        re.match(r"^[A-Z][a-z]?$", doc[j - 1].text) and self._is_name_word(doc, j + 1):
                    j += 1  # "Ts" "." "Oyunchimeg"
                    continue
                if t.text.lower() in lex.particles and j + 2 < n and doc[j + 1].text == "-" \
                        and not t.whitespace_ and not doc[j + 1].whitespace_ and self._is_name_word(doc, j + 2):
                    j += 3  # "al-Shamsi", "el-Sisi"
                    continue
                break
            i = self._trim_start(doc, i, j)
            if i >= j:
                i = j
                continue
            words = [t.text for t in doc[i:j]]
            joined: list[str] = []
            for w in words:  # "Tae", "-", "yul" -> "Tae-yul"; "Ts", "." -> "Ts."
                if joined and (w == "-" or joined[-1].endswith("-") or w == "."):
                    joined[-1] += w
                else:
                    joined.append(w)
            words = strip_possessive(joined)
            if self._not_a_person_name(doc, i, j):
                i = j
                continue
            run = Run(i, j, words)
            hon_start = i
            while hon_start > 0 and (doc[hon_start - 1].text in lex.honorifics or
                                     word_text(doc, hon_start - 2, hon_start) in lex.honorifics):
                hon_start -= 2 if word_text(doc, hon_start - 2, hon_start) in lex.honorifics and \
                    doc[hon_start - 1].text not in lex.honorifics else 1
            if hon_start < i:
                run.honorific = [t.text for t in doc[hon_start:i]]
                run.hon_start = hon_start
            out.append(run)
            i = j
        return out

    def _drop_weak_orgs(self, doc: Doc, people: list[_Person]) -> None:
        """A single word the NER called an organization is a person's short form after all ("Diep said")."""
        if not self._weak_orgs:
            return
        spans = {(doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1].text)) for p in people for r in p.runs}
        orgs = get_list(doc, "legation_organizations")
        for org in list(orgs):
            if org.id in self._weak_orgs and any(m in spans for m in org.mentions):
                orgs.remove(org)

    @staticmethod
    def _blocks_titles(doc: Doc, run: Run, parser: TitleParser) -> bool:
        """Is this run a name that bounds a title zone?  A lone capitalised word right before a
        role ("Parliamentary State Secretary", "Business Director") belongs to the title instead."""
        if len(run.words) == 1 and len(run.words[0]) == 1:
            return False
        if len(run.words) == 1 and not run.honorific and run.end < len(doc) and parser.role_at(run.end) is not None:
            return False
        return True

    def _trim_start(self, doc: Doc, i: int, j: int) -> int:
        """Drop honorific words caught in a run ("Seri" of "Datuk Seri")."""
        lex = self.lex
        while i < j:
            two = word_text(doc, i - 1, i + 1) if i > 0 else ""
            ahead = word_text(doc, i, i + 2) if i + 2 <= j else ""
            if ahead and ahead in lex.honorifics:
                i += 2  # "Tan Sri", "Datuk Seri" (whose first word may also be a family name)
                continue
            if doc[i].text in lex.honorifics or (two and two in lex.honorifics):
                i += 1
                continue
            break
        return i

    def _not_a_person_name(self, doc: Doc, i: int, j: int) -> bool:
        """A ship ("the ship BRP Teresa Magbanua") or a place named by the noun after it ("Gyeonggi province")."""
        lex = self.lex
        if i > 0 and (doc[i - 1].text in lex.vessel_prefixes or doc[i - 1].text.lower() in lex.vessel_words):
            return True
        if j < len(doc) and doc[j].text.lower() in lex.place_nouns and not (
                i > 0 and doc[i - 1].text in lex.honorifics and doc[j].text.islower()):
            return True  # "Gyeonggi province", "Sheikh Zayed City", "Cai Lan port"
        if j + 1 < len(doc) and doc[j].like_num and doc[j + 1].text.lower() in lex.place_nouns:
            return True  # "the Hồ Kiều 2 Bridge"
        if self._place_noun_after(doc, j):
            return True  # "the Tan Thanh-Po Chai trading point"
        if j - i == 1 and not (i > 0 and doc[i - 1].text in lex.honorifics) and j < len(doc) and (
                doc[j].text in ("of", "for") or (is_cap(doc[j]) and lex.is_portfolio(doc[j].text))):
            return True  # "Minister of Trade and Integration of Kazakhstan", "Minister of Productive Agriculture"
        if j + 1 < len(doc) and doc[j].text.lower() == "and":
            k = j + 1
            while k < len(doc) and (is_cap(doc[k]) or doc[k].text == "-"):
                k += 1
            if k < len(doc) and k > j + 1 and doc[k].text.lower() in lex.place_nouns and doc[k].text.islower():
                return True  # "the Poipet-Ban Khlong Luek and Cham Yeam-Ban Hat Lek crossings"
        if fold(word_text(doc, i, j)) in self._org_modifiers:
            return True  # "Van Don" of "Van Don International Airport" and "Van Don Economic Zone"
        return False

    def _place_noun_after(self, doc: Doc, j: int) -> bool:
        """A place noun after at most two lower-case words: "trading point", "high schools", "border gate"."""
        for k in range(j, min(len(doc), j + 3)):
            t = doc[k]
            if t.text.lower() in self.lex.place_nouns and t.text.islower() and k > j:
                return True
            if t.text.lower() not in self.lex.place_modifiers:
                return False  # "visited the city" is no place name
        return False

    def _facility_after(self, doc: Doc, i: int) -> bool:
        """A facility at ``i``, possibly after its city's possessive ("Mombasa's Moi International Airport")."""
        if self._facility_at(doc, i):
            return True
        c = claims(doc)
        if c.get(i, ("", ""))[0] == "place":
            k = i
            while k < len(doc) and c.get(k) == c.get(i):
                k += 1
            if k < len(doc) and doc[k].text in ("'s", "’s", "'", "’"):
                return self._facility_at(doc, k + 1)
        return False

    @staticmethod
    def _facility_at(doc: Doc, i: int) -> bool:
        kind, key = claims(doc).get(i, ("", ""))
        if kind != "org":
            return False
        orgs = {o.id: o for o in state(doc).get("organizations", {}).values()}
        return key in orgs and orgs[key].kind == "facility"

    def _in_company_list(self, doc: Doc, i: int, j: int) -> bool:
        """"firms such as Vinamilk, Thien Long and Trung Nguyen Legend": names of companies and brands."""
        k = i - 1
        while k >= 0 and (is_cap(doc[k]) or doc[k].text in (",", "and")) and i - k < 16:
            k -= 1
        if k >= 2 and doc[k].text.lower() in ("as", "including", "like") and (
                doc[k - 1].text.lower() == "such" or doc[k].text.lower() != "as"):
            noun = doc[k - 2] if doc[k - 1].text.lower() == "such" else doc[k - 1]
            return noun.text.lower() in self.lex.company_nouns
        return False

    def _in_place_list(self, doc: Doc, i: int, j: int) -> bool:
        """Coordinated with places: "between Bangkok and Nong Khai", "the ports of Hai Phong and Cai Mep",
        "the Nhon Trach, Amata and Long Duc industrial parks"."""
        lex = self.lex
        c = claims(doc)
        before = i - 1
        if before >= 1 and doc[before].text.lower() in ("and", "or") and c.get(before - 1, ("", ""))[0] == "place":
            return True  # "between Bangkok and Nong Khai"
        if before >= 1 and doc[before].text == "," and c.get(before - 1, ("", ""))[0] == "place" \
                and j + 1 < len(doc) and doc[j].text.lower() in ("and", ",") \
                and c.get(j + 1, ("", ""))[0] == "place":
            return True  # "Hanoi, Nong Khai and Vientiane" (not "the mayors of Lyon and Marseille, Sophie Roux")
        if j + 1 < len(doc) and doc[j].text.lower() in ("and", ",", "or", "with") and (
                (c.get(j + 1, ("", ""))[0] == "place" and doc[j].text.lower() != "with")
                or self._facility_after(doc, j + 1)):
            return True  # "between Noi Bai and Santiago's ... Airport", "between Tan Son Nhat and Algiers' ..."
        k = i - 1
        while k >= 0 and (is_cap(doc[k]) or doc[k].text in (",", "and")) and i - k < 12:
            k -= 1
        if k >= 1 and doc[k].text == "of" and doc[k - 1].text.lower() in lex.place_nouns:
            return True  # "the ports of X and Y", "the provinces of X, Y and Z"
        k = j
        while k < len(doc) and (is_cap(doc[k]) or doc[k].text in (",", "and", "-")) and k - j < 12:
            k += 1
        return k > j and k < len(doc) and any(doc[m].text in (",", "and") for m in range(j, k)) and (
            (doc[k].text.lower() in lex.place_nouns and doc[k].text.islower()) or self._place_noun_after(doc, k))

    def _modifiers_of(self, doc: Doc, orgs: dict) -> set[str]:
        """The names that organizations and facilities are named after ("Van Don" in "Van Don
        International Airport"): written alone in the same article, they name the same place."""
        out = set()
        heads = self.lex.org_heads
        for org in orgs.values():
            words = org.name.split()
            k = len(words)
            while k > 0 and (fold(words[k - 1]) in heads or fold(" ".join(words[k - 2:k])) in heads
                             or fold(words[k - 1]) in ("international", "national", "economic", "special")):
                k -= 1
            if 0 < k < len(words) and all(w[:1].isupper() for w in words[:k]) and org.kind == "facility":
                out.add(fold(" ".join(words[:k])))
        return out

    def _authored(self, doc: Doc, run: Run) -> bool:
        """The run follows "by" a few words after a work noun ("the book ... by X")."""
        if run.start < 2 or doc[run.start - 1].text.lower() != "by":
            return False
        lo = max(0, run.start - 8)
        return any(t.text.lower() in self.lex.work_nouns for t in doc[lo: run.start - 1])

    def _in_quotes(self, doc: Doc, run: Run) -> bool:
        """Inside a quoted title such as a book's ("'Some Issues on Socialism ...'")."""
        depth = 0
        for t in doc[sentence_bounds(doc, run.start)[0]: run.start]:
            if t.text in ("‘", "“", "«"):
                depth += 1
            elif t.text in ("’", "”", "»") and depth:
                depth -= 1
            elif t.text == '"':
                depth = 1 - depth
        return depth > 0

    def _anchor(self, doc: Doc, run: Run, parser: TitleParser, person_ents: list[tuple[int, int]]) -> None:
        lex = self.lex
        if run.honorific and not self._in_quotes(doc, run):
            run.anchor = "honorific"  # ("Miss Linh's Kitchen" is a film)
        zone_end = run.hon_start if run.hon_start is not None else run.start
        run.titles = parser.before(zone_end) + parser.after(run.end)
        if run.titles and run.anchor is None:
            run.anchor = "title"
        if run.anchor is not None:
            return
        if self._in_quotes(doc, run) or len(run.words) < 2:
            return
        if len(run.words) == 1 and len(run.words[0]) == 1:
            return
        if self._authored(doc, run):
            run.anchor = "author"  # "a Bengali novel by Farzana Kabir"
            return
        if self._in_place_list(doc, run.start, run.end) or self._in_company_list(doc, run.start, run.end) \
                or (run.start > 0 and doc[run.start - 1].text.lower() in lex.company_nouns
                    and doc[run.start - 1].text.islower()):
            return  # an untitled name coordinated with places is a place ("between Bangkok and Nong Khai")
        if any(s <= run.start < e or run.start <= s < run.end for s, e in person_ents):
            run.anchor = "ner"
            return
        if person_starts_at(doc, run.start, lex, set()) or lex.culture_of_first(run.words[0]) \
                or culture_of(run.words, lex).name in ("mongolian", "japanese") \
                or lex.is_common_given_name(run.words[0].split("-")[0]) or lex.is_common_given_name(run.words[0]):
            run.anchor = "culture"
            return
        if run.start > 0 and doc[run.start - 1].text.lower() in ("counterpart", "counterparts", "host", "guest"):
            run.anchor = "cue"  # "his Mongolian counterpart B. Enkhjargal"

    # ------------------------------------------------------------------ identity inside one article

    def _link(self, doc: Doc, candidates: list[Run], people: list[_Person]) -> None:
        lex = self.lex
        order = sorted(candidates, key=lambda r: (-len(r.words), r.start))
        for run in order:
            key = [fold(w) for w in run.words]
            exact = [p for p in people if [fold(w) for w in p.words] == key]
            if exact:
                self._attach(run, exact[0])
                continue
            fits = [p for p in people if is_short_form(run.words, p.words, lex, self._culture(p))]
            if not fits and (run.anchor in ("honorific", "title") or len(run.words) >= 2):
                # "Comrade Thongsavanh", "Ahmad Fauzi": given names standing for the person, when only
                # one person in the article bears them (one word needs an honorific or a title)
                key = [fold(w) for w in run.words]
                fits = [p for p in people if [fold(w) for w in p.words[: len(key)]] == key
                        and len(p.words) > len(key)]
                fits = fits if len(fits) == 1 else []
            if fits:
                self._attach(run, self._closest(run, fits))
                continue
            if len(run.words) < 2 and run.anchor not in ("honorific", "title"):
                continue
            p = _Person(words=list(run.words))
            people.append(p)
            self._attach(run, p)

    def _culture(self, p: _Person):
        """The person's naming culture, knowing the state the titles name (or the dateline's, for
        unqualified titles): Lao, Thai and Malay officials are called by their given names."""
        key = (id(p), len(p.runs))
        cached = self._cultures.get(key)
        if cached is not None:
            return cached
        self._cultures[key] = culture = self._culture_of(p)
        return culture

    def _culture_of(self, p: _Person):
        titles = [t for r in p.runs for t in r.titles]
        country = next((t.country for t in titles if t.country), None)
        if country is None and titles and all(t.organization is None for t in titles):
            country = self._home
        return culture_of(p.words, self.lex, country)

    def _attach(self, run: Run, person: _Person) -> None:
        run.person = id(person)
        person.runs.append(run)
        for t in run.titles:
            person.titles.append(t)

    def _closest(self, run: Run, fits: list[_Person]) -> _Person:
        """Of several people a short form fits, the one the culture calls so, then the one named last before it."""
        if len(fits) == 1:
            return fits[0]
        preferred = [p for p in fits if tuple(fold(w) for w in run.words) in {
            tuple(fold(w) for w in f) for f in preferred_short_forms(p.words, culture_of(p.words, self.lex))}]
        pool = preferred or fits

        def last_before(p: _Person) -> int:
            starts = [r.start for r in p.runs if r.start < run.start]
            return max(starts) if starts else -1

        return max(pool, key=last_before)

    def _short_mentions(self, doc: Doc, rest: list[Run], people: list[_Person]) -> None:
        """Bare short forms ("Anh affirmed ...") of people already found."""
        lex = self.lex
        for run in rest:
            if len(run.words) > 3:
                continue
            fits = [p for p in people if is_short_form(run.words, p.words, lex, self._culture(p)) and tuple(
                fold(w) for w in run.words) in {tuple(fold(w) for w in f) for f in preferred_short_forms(
                    p.words, self._culture(p))} | {tuple(fold(w) for w in p.words[-2:])}]
            if not fits:
                continue
            run.anchor = "short"
            self._attach(run, self._closest(run, fits))

    # ------------------------------------------------------------------ countries

    def _countries(self, doc: Doc, people: list[_Person], parser: TitleParser) -> None:
        for p in people:
            p.country = next((t.country for t in p.titles if t.country), None)
        self._from_lists(doc, people)
        self._from_delegations(doc, people)
        home = state(doc).get("home_country") or self._implied_home(doc, people)
        international = _INTERNATIONAL
        for p in people:
            if p.country is not None:
                continue
            usual = culture_of(p.words, self.lex).default_country
            if any(self._org_kind(doc, t) in international for t in p.titles):
                continue  # "Deputy Secretary-General of ASEAN": serves no single state
            binational = state(doc).get("binational_orgs", set())
            if p.titles and all(t.organization in binational for t in p.titles):
                p.country = usual  # a binational association: only the name can tell
                continue
            if p.titles and home:
                # an unqualified title ("Foreign Minister X", "Secretary of the Ministry of Trade") names an
                # official of the country the agency files from, unless the name itself belongs elsewhere
                # (a Vietnamese minister at a meeting in Jakarta)
                p.country = usual if usual and usual != home else home
            else:
                p.country = usual

    def _delegation_country(self, doc: Doc, window, place_country: dict, org_country: dict,
                            demonyms: dict) -> str | None:
        """Whose delegation: "The Lao delegation", "a delegation of the ANC of South Africa", "the PCP
        delegation", "a delegation from HCMC".  "The delegation" alone is the last one described."""
        c = claims(doc)

        def country_at(i: int) -> str | None:
            kind, key = c.get(i, ("", ""))
            if kind == "place":
                return place_country.get(key)
            if kind == "org":
                return org_country.get(key)
            return demonyms.get(i)

        for tok in reversed(list(window)):
            if tok.text.lower() not in ("delegation", "delegations"):
                continue
            code = self._described_delegation(doc, tok.i, country_at)
            if code:
                return code
            for prev in reversed(doc[: tok.i]):  # "the delegation": the last delegation described before
                if prev.text.lower() == "delegation":
                    code = self._described_delegation(doc, prev.i, country_at)
                    if code:
                        return code
            return None
        return None

    @staticmethod
    def _described_delegation(doc: Doc, i: int, country_at) -> str | None:
        k = i - 1
        while k >= 0 and i - k <= 4 and doc[k].text.lower() not in ("a", "an", "the", "its", "his", "her"):
            if country_at(k):
                return country_at(k)  # "The Lao delegation", "the HCMC delegation"
            k -= 1
        k = i + 1
        if k < len(doc) and doc[k].text.lower() in ("of", "from", "representing"):
            for m in range(k + 1, min(len(doc), k + 14)):
                if doc[m].text in (",", ".", ";", "(") and m > k + 2:
                    break
                if doc[m].text.lower() == "of" and country_at(m + 1 if m + 1 < len(doc) else m):
                    return country_at(m + 1)  # "a delegation of the ANC of South Africa"
            for m in range(k + 1, min(len(doc), k + 8)):
                if country_at(m):
                    return country_at(m)
        return None

    def _implied_home(self, doc: Doc, people: list[_Person]) -> str | None:
        """With no dateline: of the article's two main countries, the one whose officials go
        unqualified.  "Minister of Trade X and Maldivian Minister Y" in a Sri Lanka–Maldives story
        makes X Sri Lankan."""
        st = state(doc)
        counts: dict[str, int] = {}
        for m in st.get("place_matches", []):
            if m.entry.kind == "country" and m.entry.country:
                counts[m.entry.country] = counts.get(m.entry.country, 0) + 1
        for _, _, code in st.get("demonyms", []):
            counts[code] = counts.get(code, 0) + 1
        main = sorted(counts, key=lambda c: -counts[c])[:2]
        if len(main) < 2 or counts[main[1]] < 2:
            return None
        for with_envoys in (True, False):
            # ambassadors name their state whatever the paper's habit ("Qatar's Ambassador to India"), so
            # when both sides are qualified, look again without them
            qualified = {t.country for p in people for t in p.titles
                         if t.country and t.organization is None and (with_envoys or t.destination is None)}
            rest = [c for c in main if c not in qualified]
            if len(rest) == 1 and len(qualified & set(main)) == 1:
                return rest[0]
        return None

    @staticmethod
    def _named_body(doc: Doc, t: TitleParse) -> bool:
        """A body with a name of its own ("Ministry of External Affairs"), not a bare word ("Organisation")."""
        for org in state(doc).get("organizations", {}).values():
            if org.id == t.organization:
                return len(org.name.split()) >= 2
        return False

    @staticmethod
    def _org_country_of(doc: Doc, t: TitleParse) -> str | None:
        for org in state(doc).get("organizations", {}).values():
            if org.id == t.organization:
                return org.country
        return None

    @staticmethod
    def _org_kind(doc: Doc, t: TitleParse) -> str | None:
        for org in state(doc).get("organizations", {}).values():
            if org.id == t.organization:
                return org.kind
        return None

    def _from_lists(self, doc: Doc, people: list[_Person]) -> None:
        """"Ms. A, T1, and Ms. B, T2": B takes A's country when B's titles name none."""
        runs = sorted((r for p in people for r in p.runs if r.titles), key=lambda r: r.start)
        owner = {id(r): p for p in people for r in p.runs}
        for a, b in zip(runs, runs[1:], strict=False):
            pa, pb = owner[id(a)], owner[id(b)]
            if pb.country is not None or pa.country is None or pa is pb:
                continue
            if any(t.organization is not None and (self._org_country_of(doc, t) or self._org_kind(doc, t) in
                                                   _INTERNATIONAL or self._named_body(doc, t)) for t in b.titles):
                continue  # "..., and Joint Secretary in the Ministry of External Affairs X": the body decides
            a_end = max((t.end for t in a.titles if t.start >= a.end), default=a.end)
            b_start = b.hon_start if b.hon_start is not None else b.start
            between = word_text(doc, a_end, b_start).strip().lower() if b_start > a_end else ""
            if between in (",", ", and", "and", ";", "; and", ", as well as", "as well as"):
                pb.country = pa.country

    def _from_delegations(self, doc: Doc, people: list[_Person]) -> None:
        """"a delegation from HCMC, led by X" / "the PCP delegation led by X": X serves HCMC's country."""
        st = state(doc)
        c = claims(doc)
        place_country = {m.entry.key: m.entry.country for m in st.get("place_matches", [])}
        org_country = {o.id: o.country for o in st.get("organizations", {}).values()}
        demonym_at = {i: code for s0, e0, code in st.get("demonyms", []) for i in range(s0, e0)}
        for p in people:
            if p.country is not None:
                continue
            for r in p.runs:
                ahead = doc[r.end: min(len(doc), r.end + 12)]
                if re.match(r"^(?:will |is to |is set to |is )?(?:lead|leads|led|leading|head|heads|headed) "
                            r"(?:a|the) delegation", ahead.text):
                    for t in ahead:  # "Minister X will lead a delegation of 50 Pakistani businesses"
                        code = demonym_at.get(t.i) or (place_country.get(c.get(t.i, ("", ""))[1])
                                                       if c.get(t.i, ("", ""))[0] == "place" else None)
                        if code:
                            p.country = code
                            break
                    if p.country:
                        break
                start = r.hon_start if r.hon_start is not None else r.start
                start = min([t.start for t in r.titles if t.end <= start] + [start])
                window = doc[max(0, start - 12): start]
                text = window.text.lower()
                lead = ("led by", "headed by", "delegation included", "delegation includes", "delegation comprised",
                        "delegation consisting of", "delegation, including")
                members = ("members include", "members included", "also includes", "also included",
                           "it includes", "it included", "its members")
                sentence = doc[sentence_bounds(doc, start)[0]: start].text.lower()
                if any(cue in text or cue in sentence for cue in members):
                    # "The Lao delegation is on a visit ... Its members include Mr. X": the sentence before
                    s0 = sentence_bounds(doc, start)[0]
                    prev = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
                    window = doc[prev: start]
                    if "delegation" not in window.text.lower():
                        continue
                elif not any(cue in text for cue in lead):
                    continue
                demonyms = {i: code for s, e, code in st.get("demonyms", []) for i in range(s, e)}
                code = self._delegation_country(doc, window, place_country, org_country, demonyms)
                if code:
                    p.country = code
                    break
                for t in reversed(window):
                    kind, key = c.get(t.i, ("", ""))
                    code = place_country.get(key) if kind == "place" else org_country.get(key) if kind == "org" \
                        else demonyms.get(t.i)
                    if code:
                        p.country = code
                        break
                if p.country:
                    break

    # ------------------------------------------------------------------ output

    def _emit(self, doc: Doc, people: list[_Person]) -> list[Person]:
        out = []
        ordered = sorted(people, key=lambda p: min(r.start for r in p.runs))
        for n, p in enumerate(ordered, start=1):
            full = max((r for r in p.runs), key=lambda r: (len(r.words), -r.start))
            name = " ".join(full.words)
            aliases: list[str] = []
            mentions = []
            for r in sorted(p.runs, key=lambda r: r.start):
                s = r.hon_start if r.hon_start is not None else r.start
                surface = word_text(doc, s, r.end)
                surface = " ".join(strip_possessive(surface.split()))
                if surface != name and surface not in aliases:
                    aliases.append(surface)
                mentions.append((doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1].text)))
            titles: list[Title] = []
            seen: set[str] = set()
            kept = self._without_restatements(doc, p.titles)
            fuller_roles = {w for t in p.titles if fold(t.text) != fold(t.role or "")
                            for w in (fold(t.role or ""), fold(t.role or "").split(" ")[0],
                                      fold(t.role or "").split(" ")[-1])}
            for t in sorted(kept, key=lambda t: t.start):
                key = self._title_key(doc, t.text)
                if key in seen:
                    continue
                if fold(t.text) == fold(t.role or "") and fold(t.role or "") in fuller_roles:
                    continue  # "Ambassador Fuentes" after "Ambassador of Chile to Vietnam Carolina Fuentes Lagos"
                seen.add(key)
                titles.append(Title(text=t.text, role=t.role, organization=t.organization, qualifier=t.qualifier))
            out.append(Person(id=f"P{n}", name=name, aliases=aliases, country=p.country, titles=titles,
                              mentions=sorted(set(mentions))))
        people[:] = ordered
        return out

    def _without_restatements(self, doc: Doc, titles: list[TitleParse]) -> list[TitleParse]:
        """A title whose words all recur in a longer title of the same person restates it ("President"
        and "State President"; "Ambassador of Kazakhstan" and "Ambassador Extraordinary and
        Plenipotentiary of Kazakhstan"): keep the fuller one."""
        words = [set(self._title_key(doc, t.text).split()) for t in titles]
        out = []
        for i, t in enumerate(titles):
            if any(j != i and words[i] < words[j] for j in range(len(titles))):
                continue
            out.append(t)
        return out

    def _title_key(self, doc: Doc, text: str) -> str:
        """Two titles are the same when they match after expanding acronyms and dropping articles."""
        infos = state(doc).get("acronyms", {})
        words = []
        for w in text.replace("’", "'").split():
            bare = w[:-2] if w.endswith("'s") else w
            info = infos.get(bare)
            words.extend(fold(info.long).split() if info else [fold(bare)])
        return " ".join(w for w in words if w not in ("the", "of", "'s", "and"))

    def _emit_credits(self, doc: Doc, runs: list[Run], spans: list[tuple[int, int]]) -> None:
        out = get_list(doc, "legation_credits")
        text = doc.text
        for run in runs:
            if len(run.words) < 2 and not run.honorific:
                continue
            start_char = doc[run.start].idx
            span = next((s, e) for s, e in spans if s <= start_char < e)
            cue = text[span[0]: start_char]
            cue = cue.split("–")[-1].split("—")[-1].split(";")[-1].strip()
            out.append(Credit(name=" ".join(run.words), role=credit_role(cue or "by"),
                              evidence=Evidence(start=span[0], end=span[1], text=text[span[0]:span[1]])))
