"""Places: countries, provinces, cities and regions, with ISO country codes.

The statistical NER calls "Ho Chi Minh City" and "Quang Ninh" people; a
gazetteer from maintained packages (see ``gazetteer.py``) knows better.  A
name in the gazetteer is not always a place, though ("Lima" is also a
surname, a small city called "Mobile" exists), so each kind needs evidence:

* countries and regions count wherever they are written with a capital;
* a province counts when the text says "province"/"region"/"state" after it,
  when the NER saw a place there, or when it has two or more words and its
  country is named in the article;
* a city counts when the NER saw a place, when it is written "... City",
  when it is big (a million people), when it sits in a dateline, or when its
  country is named in the article and it has 100,000 people.

Names that start a personal name ("Nguyen Hoa Binh" is a man, "Hoa Binh" a
province) and names right after an honorific or a title are left to people.
Demonyms ("Peruvian") are not places; they are recorded so that titles and
organizations can take their country.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Place
from legation.nlp._guarded import RuleComponent
from legation.nlp.credits import credit_spans
from legation.nlp.extensions import get_list
from legation.nlp.gazetteer import BIG_CITY, KNOWN_CITY, Gazetteer, PlaceEntry, load_gazetteer
from legation.nlp.lexicon import Lexicon, fold
from legation.nlp.tokens import (
    Intervals,
    claim,
    claimed,
    is_cap,
    is_name_token,
    sentence_bounds,
    state,
    word_text,
)

__all__ = ["PlaceComponent", "PlaceMatch"]

_AREA_WORDS = {"province", "region", "state", "prefecture", "county", "department", "oblast", "governorate",
               "district", "territory", "municipality", "city", "provincial", "prefectural"}
#: words after a name that make it the province rather than the city of that name
_PROVINCE_WORDS = {"province", "prefecture", "provincial", "prefectural", "region", "state", "oblast", "county",
                   "governorate", "department"}
_INNER = {"-", "and", "of", "de", "da", "do", "del", "la", "el", "the", "'s", "’s", "&"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MONTH_WORDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
                "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
                "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


class PlaceMatch:
    """A place mention found in a document (token span and the place it names)."""

    __slots__ = ("start", "end", "entry", "surface")

    def __init__(self, start: int, end: int, entry: PlaceEntry, surface: str) -> None:
        self.start, self.end, self.entry, self.surface = start, end, entry, surface


class PlaceComponent(RuleComponent):
    def __init__(self, nlp: Language | None = None, name: str = "legation_places", *,
                 lex: Lexicon | None = None, gazetteer: Gazetteer | None = None) -> None:
        super().__init__(nlp, name, lex=lex)
        self.gaz = gazetteer or load_gazetteer()

    # ------------------------------------------------------------------ spaCy API


    def match(self, doc: Doc) -> Doc:
        st = state(doc)
        st["credit_spans"] = credit_spans(doc.text, self.lex)
        demonyms = self._demonyms(doc)
        st["demonyms"] = demonyms
        countries = {code for _, _, code in demonyms}
        first = self._scan(doc, countries, countries_only=True)
        countries |= {m.entry.country for m in first if m.entry.country}
        matches = self._scan(doc, countries, countries_only=False)
        matches = self._same_names(doc, matches, countries)
        st["doc_countries"] = countries | {m.entry.country for m in matches if m.entry.kind == "country"}
        st["place_matches"] = matches
        st["dateline"] = self._find_dateline(doc, matches)
        # whose officials go unqualified: the agency's country first ("Riyadh (ANTARA)" writes for
        # Indonesians), then the dateline city's, then a byline's city
        agency = self._agency_country(doc)
        if agency and agency not in st["doc_countries"] and st["dateline"]:
            agency = None  # a third country's agency ("Caracas (Prensa Latina)"): the dateline's officials
        st["home_country"] = agency or (
            st["dateline"].entry.country if st["dateline"] else self._byline_country(doc, countries))
        for m in matches:
            claim(doc, m.start, m.end, "place", m.entry.key)
        self._emit(doc, matches)
        return doc

    # ------------------------------------------------------------------ matching

    def _demonyms(self, doc: Doc) -> list[tuple[int, int, str]]:
        out = []
        i = 0
        while i < len(doc):
            hit = None
            for n in (3, 2, 1):
                if i + n > len(doc):
                    continue
                text = word_text(doc, i, i + n)
                code = self.lex.demonyms.get(text) or (self.lex.demonyms.get(text[:-1]) if text.endswith("s") else None)
                if code and is_cap(doc[i]):
                    hit = (i, i + n, code)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def _scan(self, doc: Doc, countries: set[str], *, countries_only: bool) -> list[PlaceMatch]:
        out: list[PlaceMatch] = []
        ents = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ents[i] = (ent.label_, ent.start, ent.end)
        credits = Intervals(state(doc).get("credit_spans", []))
        i, n_doc = 0, len(doc)
        max_tokens = min(self.gaz.max_words * 2 + 1, 12)
        caps = [is_cap(t) for t in doc]
        chosen: dict[str, PlaceEntry] = {}
        city_written = {self.gaz.key(doc[k - 1].text) for k in range(1, n_doc) if self._city_word(doc, k)}
        city_written |= {self.gaz.key(word_text(doc, k - 2, k)) for k in range(2, n_doc) if self._city_word(doc, k)}
        city_written |= {self.gaz.key(word_text(doc, k - 3, k)) for k in range(3, n_doc) if self._city_word(doc, k)}
        # how far a place name starting at each token may run: capitalised words joined by "-", "of", "and"...
        reach = [0] * (n_doc + 1)
        for k in range(n_doc - 1, -1, -1):
            t = doc[k]
            ok = caps[k] or t.text in _INNER
            reach[k] = (reach[k + 1] + 1 if "\n" not in t.whitespace_ else 1) if ok else 0
        while i < n_doc:
            tok = doc[i]
            if not caps[i] or claimed(doc, i, i + 1) or credits.covers(tok.idx):
                i += 1
                continue
            found = None
            for end in range(min(n_doc, i + max_tokens, i + reach[i]), i, -1):
                if not caps[end - 1]:
                    continue
                surface = word_text(doc, i, end)
                entries = self.gaz.lookup(surface)
                alternate = False
                if not entries:
                    entries = self.gaz.lookup_alternate(surface)
                    alternate = True
                if not entries:
                    continue
                if countries_only:
                    entries = [e for e in entries if e.kind in ("country", "region")]
                    if not entries:
                        continue
                entries = self._by_area_word(doc, end, entries, surface, city_written)
                entry = chosen.get(self.gaz.key(surface))
                if entry not in entries:  # one sense per article: "Shizuoka Prefecture", then "Shizuoka"
                    entry = Gazetteer.best(entries, countries)
                if entry and self._accept(doc, i, end, entry, surface, countries, ents, alternate):
                    found = self._with_city_word(doc, PlaceMatch(i, end, entry, surface))
                    break
            if found is None and not countries_only:
                found = self._area_pattern(doc, i)
            if found:
                out.append(found)
                chosen.setdefault(self.gaz.key(word_text(doc, found.start, found.end)), found.entry)
                i = found.end
            else:
                i += 1
        return out

    def _by_area_word(self, doc: Doc, end: int, entries: list[PlaceEntry], surface: str,
                      city_written: set[str]) -> list[PlaceEntry]:
        """The word after a name says which of its places is meant: "Shizuoka Prefecture" is the
        prefecture, "Shizuoka City" the city.  An article that writes "Lào Cai City" means the
        province by a bare "Lào Cai"."""
        after = doc[end].text.lower() if end < len(doc) else ""
        if after in _PROVINCE_WORDS:
            kind = "province"
        elif after == "city":
            kind = "city"
        elif self.gaz.key(surface) in city_written and not self.gaz.lookup(surface + " City") \
                and not any(e.kind in ("country", "region") for e in entries):
            kind = "province"  # but "Mexico City" is no reason to read "Mexico" as the State of Mexico
        else:
            return entries
        return [e for e in entries if e.kind == kind] or entries

    @staticmethod
    def _city_word(doc: Doc, end: int) -> bool:
        """A capital "City" closes the name here ("Dong Ha City on Wednesday"), not one inside a longer
        name ("the Can Tho City People's Committee")."""
        if end >= len(doc) or doc[end].text != "City" or not doc[end - 1].whitespace_:
            return False
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        return nxt is None or not (is_cap(nxt) and doc[end].whitespace_ and "\n" not in doc[end].whitespace_)

    def _with_city_word(self, doc: Doc, m: PlaceMatch) -> PlaceMatch:
        """A city written with a capital "City" ("Dong Ha City", like "Ho Chi Minh City") is named so,
        except a national capital ("Minsk City" is Minsk).  A province's "Province" stays out of its
        name, as news writes "Quang Ninh" alone too."""
        e = m.entry
        if e.kind != "city" or e.capital or fold(e.name).endswith(" city") or not self._city_word(doc, m.end):
            return m
        return PlaceMatch(m.start, m.end + 1, e, word_text(doc, m.start, m.end + 1))

    def _area_pattern(self, doc: Doc, i: int) -> PlaceMatch | None:
        """"Gyeonggi province", "Suwon city": a place the gazetteer lacks, named by the word after it."""
        end = i
        while end < len(doc) and end - i < 5 and not claimed(doc, end, end + 1) and (
                (is_cap(doc[end]) and not self.lex.is_vocabulary(doc[end].text))
                or (end > i and doc[end].text in self.lex.particles | {"nad", "pod", "am", "an", "upon", "sur"})):
            end += 1
        if end == i or end >= len(doc) or doc[end].text not in ("province", "Province", "prefecture",
                                                                   "Prefecture", "region", "Region", "oblast",
                                                                   "Oblast", "state", "State", "county", "County"):
            return None
        if end - i == 1 and i > 0 and is_name_token(doc[i - 1]) and not claimed(doc, i - 1, i):
            return None
        surface = word_text(doc, i, end)
        entry = PlaceEntry(f"area:{fold(surface)}", surface, "province", None)
        return PlaceMatch(i, end, entry, surface)

    def _same_names(self, doc: Doc, matches: list[PlaceMatch], countries: set[str]) -> list[PlaceMatch]:
        """One sense per article: a name taken as a place once ("Gyeonggi province") is that place
        wherever else it is written ("the Gyeonggi Business & Science Accelerator")."""
        known = {fold(m.surface): m.entry for m in matches}
        for m in matches:  # "Dong Ha City", then "arriving in Dong Ha"
            if m.entry.kind == "city" and m.surface.endswith(" City"):
                known.setdefault(fold(m.surface[: -len(" City")]), m.entry)
        taken = {i for m in matches for i in range(m.start, m.end)}
        extra = []
        for i, tok in enumerate(doc):
            if i in taken or not is_cap(tok):
                continue
            for n in range(min(4, len(doc) - i), 0, -1):
                surface = word_text(doc, i, i + n)
                entry = known.get(fold(surface))
                if entry is None or any(j in taken for j in range(i, i + n)):
                    continue
                if self._anchors_person(doc, i) or self._inside_name(doc, i, i + n, {}):
                    continue
                extra.append(PlaceMatch(i, i + n, entry, surface))
                taken.update(range(i, i + n))
                break
        return sorted(matches + extra, key=lambda m: m.start)

    def _accept(self, doc: Doc, start: int, end: int, entry: PlaceEntry, surface: str, countries: set[str],
                ents: dict, alternate: bool) -> bool:
        lex = self.lex
        if end < len(doc) and doc[end].text.lower() in ("dollar", "dollars", "cents"):
            return False  # "U.S. dollars" is a currency
        if len(surface) <= 4 and surface.isupper() and not self._dateline(doc, start, end):
            acr = lex.acronyms.get(surface)  # "US", "UK", "HCMC" are places; "LIMA, Oct. 14" is a dateline
            if not acr or acr.entity != "place":
                return False
        if fold(surface) in {fold(w) for w in ("May", "March", "Of", "Union", "Victoria", "Mobile")}:
            return False
        if start > 0 and self._anchors_person(doc, start):
            return False
        label = ents.get(start, (None, -1, -1))
        after = doc[end].text.lower() if end < len(doc) else ""
        if entry.kind in ("city", "province") and after not in _AREA_WORDS and self._inside_name(doc, start, end,
                                                                                                  ents):
            return False
        ner_place = (label[0] in ("GPE", "LOC") and label[1] <= start and label[2] >= end) or (
            label[0] == "FAC" and label[1] == start and label[2] == end)  # "Airport" inside a FAC is no place
        if alternate:
            # "Hai Phong" for Haiphong, "Sai Gon": two-word spellings of a big city of a country the article names
            return ner_place or after == "city" or (
                len(surface.split()) >= 2 and entry.country in countries and entry.population >= KNOWN_CITY)
        if entry.kind in ("country", "region"):
            return True
        words = len(surface.replace("-", " ").split())
        if entry.kind == "province":
            return after in _AREA_WORDS or ner_place or (words >= 2 and entry.country in countries)
        # city
        if ner_place or after == "city" or entry.population >= BIG_CITY:
            return True
        if self._dateline(doc, start, end):
            return True
        return entry.country in countries and entry.population >= KNOWN_CITY

    def _anchors_person(self, doc: Doc, start: int) -> bool:
        """The name before is a family name ("Nguyen" Hoa Binh), or an honorific or title precedes."""
        prev = doc[start - 1]
        if is_cap(prev) and not claimed(doc, start - 1, start) and self.lex.culture_of_first(prev.text):
            return True
        text = prev.text
        if text in self.lex.honorifics or fold(text).rstrip(".") in {"president", "mr", "ms", "mrs", "dr", "comrade"}:
            return True
        return False

    def _name_like(self, doc: Doc, i: int) -> bool:
        """An unclaimed capitalised word that is no title, organization or calendar word."""
        if i < 0 or i >= len(doc):
            return False
        tok = doc[i]
        if len(tok.text) == 1 and tok.text.isupper() and i > 0 and tok.whitespace_ and self._name_like(doc, i - 1):
            return True  # the "A" of "Giàng A Chu"
        return is_name_token(tok) and not claimed(doc, i, i + 1) and not self.lex.is_vocabulary(tok.text) \
            and "\n" not in tok.whitespace_

    def _inside_name(self, doc: Doc, start: int, end: int, ents: dict) -> bool:
        """"Carolina Fuentes Lagos", "Ta Quang Vinh", "Santiago Ibarguren", "Garcia-Santiago": a city name
        inside a personal name."""
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and self._name_like(doc, start - 2):
            return True
        if self._name_like(doc, start - 1) and doc[start - 1].whitespace_:
            prev = doc[start - 1]
            opens_sentence = sentence_bounds(doc, start - 1)[0] == start - 1
            label = ents.get(start - 1, (None, -1, -1))
            if not opens_sentence or (label[0] == "PERSON" and label[2] >= end) \
                    or self.lex.is_given_name(prev.text) or self.lex.culture_of_first(prev.text):
                return True
        if self._name_like(doc, end) and doc[end - 1].whitespace_:
            label = ents.get(start, (None, -1, -1))
            if label[0] == "PERSON" and label[2] > end:
                return True
            if end - start == 1 and self.lex.is_given_name(doc[start].text):
                return True
        return False

    def _find_dateline(self, doc: Doc, matches: list[PlaceMatch]) -> PlaceMatch | None:
        """The place an agency files from ("HANOI (VNA) -", "Lima, Oct. 14 (ANDINA)."), if the article has one.

        News convention leaves the home country's officials unqualified ("Foreign Minister X") and
        qualifies foreign ones ("Chilean Ambassador X"), so the dateline also tells whose officials
        the unqualified titles name.  Only the first three paragraphs are read.
        """
        text = doc.text
        for m in matches:
            if text.count("\n\n", 0, doc[m.start].idx) > 3:
                return None
            if m.entry.kind not in ("city", "province"):
                continue  # a headline opening "Türkiye, Azerbaijan sign ..." is no dateline
            if self._dateline(doc, m.start, m.end) or self._dateline_caps(doc, m.start, m.end):
                return m
        return None

    def _agency_country(self, doc: Doc) -> str | None:
        """"28.03.2024 09:15 (PAP)", "(Kyodo)": the agency credited in the first lines, and its country."""
        head = doc.text[:400]
        for m in re.finditer(r"\(([A-Z][\w .]{1,30}?)\)", head):
            code = self.lex.agency_country.get(m.group(1).strip())
            if code:
                return code
        return None

    def _byline_country(self, doc: Doc, countries: set[str]) -> str | None:
        """"By Adaeze Nwankwo, Abuja": a byline that names the city the reporter files from."""
        text = doc.text
        for start, end in state(doc).get("credit_spans", []):
            if text.count("\n\n", 0, start) > 3:
                break
            tail = text[start:end].rsplit(",", 1)
            if len(tail) < 2:
                continue
            entry = Gazetteer.best([e for e in self.gaz.lookup(tail[1].strip()) if e.kind in ("city", "country")],
                                   countries)
            if entry is not None and (entry.kind == "country" or entry.population >= KNOWN_CITY):
                return entry.country
        return None

    @staticmethod
    def _dateline_caps(doc: Doc, start: int, end: int) -> bool:
        """``BEIJING, March 27 (Xinhua) --``: an upper-case city opening a paragraph."""
        first = doc[start]
        at_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].text.endswith("\n")
        return at_start and first.text.isupper() and len(first.text) > 2

    @staticmethod
    def _dateline(doc: Doc, start: int, end: int) -> bool:
        """``HANOI (VNA) -`` / ``Lima, Peru —``: a place that opens a paragraph before a credit or a dash."""
        if start > 0 and "\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
            return False
        nxt = doc[end].text if end < len(doc) else ""
        if nxt in ("(", "-", "–", "—", ":"):
            return True
        # "Lima, Oct. 14 (ANDINA)", "LIMA, Peru —", but not "Liang, also a member ..."
        after = doc[end + 1] if end + 1 < len(doc) else None
        return nxt == "," and after is not None and (after.text.rstrip(".").lower() in _MONTH_WORDS
                                                     or after.text.isupper() or after.ent_type_ == "GPE")

    # ------------------------------------------------------------------ output

    def _emit(self, doc: Doc, matches: list[PlaceMatch]) -> None:
        acr = state(doc).get("acronyms", {})
        places: dict[str, Place] = {}
        full_names: dict[str, str] = {}
        for m in matches:
            e = m.entry
            surface = m.surface
            is_short = surface in acr or (surface.isupper() and len(surface) <= 5)
            if surface.isupper() and not is_short:
                surface = e.name  # a dateline's "SEOUL" is Seoul
            place = places.get(e.key)
            if place is None:
                place = Place(id=f"L{len(places) + 1}", name=surface, kind=e.kind, country=e.country)
                places[e.key] = place
            if not is_short and len(surface) > len(full_names.get(e.key, "")):
                full_names[e.key] = surface  # the fullest form: "South Korea" over "Korea"
            place.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)))
        for key, place in places.items():
            if key in full_names:
                place.name = _tidy(full_names[key])
            else:
                info = acr.get(place.name)
                place.name = info.long if info else place.name
        state(doc)["places"] = places
        get_list(doc, "legation_places").extend(places.values())


def _tidy(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
