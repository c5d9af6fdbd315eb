"""The curated word lists, loaded once from ``legation/data``.

Why data files and not code: analysts extend these lists (a new ministry, a
title we missed, another naming culture) without touching the rules, and the
same rules then serve every language community in the news.  Each file says
in its ``_about`` field what it holds and how the rules read it.

The lexicon is read-only after loading; it is cached per process like the
spaCy pipeline itself, and it pickles, so Dask workers can receive it.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "fold", "load_lexicon", "read_csv", "read_json"]


@lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Lowercase ASCII folding for matching: 'Quảng Ninh' and 'Quang Ninh' meet.

    Curly apostrophes become straight ones, so "People’s" and "People's" meet too.
    """
    text = text.replace("’", "'").replace("‘", "'").replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


def _data(name: str):
    return resources.files("legation") / "data" / name


def read_json(name: str) -> dict:
    with _data(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def read_csv(name: str) -> list[dict[str, str]]:
    with _data(name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@dataclass(frozen=True)
class Culture:
    name: str
    order: str  # family_first | given_first
    call: str  # last | first | surnames | full
    default_country: str | None
    surnames: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    middle: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AcronymEntry:
    short: str
    long: str
    entity: str  # place | org | term
    kind: str | None
    country: str | None


@dataclass(frozen=True)
class Lexicon:
    """Every curated list the entity rules read (all matching keys are ``fold``-ed)."""

    roles: frozenset[str]
    role_max_words: int
    modifiers: frozenset[str]
    qualifiers: frozenset[str]
    lowercase_ok: frozenset[str]
    weak_roles: frozenset[str]
    single_holder: frozenset[str]
    portfolio: frozenset[str]
    org_heads: dict[str, str]
    org_head_max_words: int
    weak_heads: frozenset[str]
    sectors: dict[str, str | None]
    honorifics: tuple[str, ...]
    particles: frozenset[str]
    cultures: dict[str, Culture]
    spanish_speaking: frozenset[str]
    not_names: frozenset[str]
    name_stop_nouns: frozenset[str]
    acronyms: dict[str, AcronymEntry]
    demonyms: dict[str, str]
    country_names: dict[str, str]
    regions: frozenset[str]
    given_call_countries: frozenset[str] = frozenset()
    vessel_prefixes: frozenset[str] = frozenset()
    vessel_words: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()
    place_modifiers: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    known_orgs: dict[str, str] = field(default_factory=dict)
    org_inner_lowercase: frozenset[str] = frozenset()
    leading_heads: frozenset[str] = frozenset()
    agency_country: dict[str, str] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    credits: dict = field(default_factory=dict)

    def is_portfolio(self, word: str) -> bool:
        """A ministry's field ("Trade", "Investments", "Foreign Affairs"), singular or plural."""
        w = fold(word)
        return w in self.portfolio or (w.endswith("s") and w[:-1] in self.portfolio)

    def is_vocabulary(self, word: str) -> bool:
        """A word of titles, organizations, places' kinds or the calendar: never part of a personal name."""
        w = fold(word)
        plural_role = w.endswith("s") and (w[:-1] in self.role_words or w[:-2] in self.role_words)
        return (word in self.not_names or word in self.name_stop_nouns or word in self.honorifics
                or w in self.role_words or plural_role or w in self.qualifiers or self.is_portfolio(word)
                or w in self.org_heads or word in self.demonyms or w in self.place_nouns)

    @property
    def role_words(self) -> frozenset[str]:
        return _role_words(self.roles, self.modifiers)

    def culture_of_first(self, token: str) -> Culture | None:
        for name in ("vietnamese", "chinese", "korean", "khmer", "japanese"):
            c = self.cultures[name]
            if token in c.surnames:
                return c
        return None

    def is_given_name(self, token: str) -> bool:
        """A Spanish or Portuguese given name (it marks the two-surname culture)."""
        return token in self.cultures["two_surnames"].given_names

    def is_common_given_name(self, token: str) -> bool:
        """A given name common in any culture: a run of name words that starts with one is a name."""
        return token in self.given_names or self.is_given_name(token)


@lru_cache(maxsize=4)
def _role_words(roles: frozenset[str], modifiers: frozenset[str]) -> frozenset[str]:
    skip = {"of", "and", "the", "for", "in", "to", "state", "general"}
    return frozenset(w for r in roles for w in r.replace("-", " ").split() if w not in skip) | modifiers


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    titles = read_json("titles.json")
    orgs = read_json("organizations.json")
    names = read_json("names.json")
    cultures = {}
    for cname, spec in names["cultures"].items():
        cultures[cname] = Culture(
            name=cname, order=spec["order"], call=spec["call"], default_country=spec.get("default_country"),
            surnames=frozenset(spec.get("surnames", ())), given_names=frozenset(spec.get("given_names", ())),
            middle=frozenset(spec.get("middle", ())))
    acronyms = {}
    for row in read_csv("acronyms.csv"):
        acronyms.setdefault(row["short"], AcronymEntry(
            short=row["short"], long=row["long"], entity=row["entity"], kind=row["kind"] or None,
            country=row["country"] or None))
    roles = frozenset(fold(r) for r in titles["roles"])
    heads = {fold(k): v for k, v in orgs["heads"].items()}
    return Lexicon(
        roles=roles,
        role_max_words=max(len(r.split()) for r in roles),
        modifiers=frozenset(fold(m) for m in titles["modifiers"]),
        qualifiers=frozenset(fold(q) for q in titles["qualifiers"]),
        lowercase_ok=frozenset(titles["lowercase_ok"]),
        weak_roles=frozenset(titles["weak_roles"]),
        single_holder=frozenset(fold(r) for r in titles["single_holder"]),
        portfolio=frozenset(w for w in titles["portfolio_words"] if w not in ("the", "and", "of", "for", "on")),
        org_heads=heads,
        org_head_max_words=max(len(h.split()) for h in heads),
        weak_heads=frozenset(orgs["weak_heads"]),
        sectors=orgs["sectors"],
        honorifics=tuple(sorted(names["honorifics"], key=len, reverse=True)),
        particles=frozenset(names["particles"]),
        cultures=cultures,
        spanish_speaking=frozenset(names["spanish_speaking"]),
        not_names=frozenset(names["not_names"]),
        name_stop_nouns=frozenset(names["name_stop_nouns"]),
        acronyms=acronyms,
        demonyms={row["demonym"]: row["country"] for row in read_csv("demonyms.csv")},
        country_names={fold(row["name"]): row["country"] for row in read_csv("country_names.csv")},
        regions=frozenset(fold(row["name"]) for row in read_csv("regions.csv")),
        given_call_countries=frozenset(names.get("given_call_countries", ())),
        vessel_prefixes=frozenset(names.get("vessel_prefixes", ())),
        vessel_words=frozenset(names.get("vessel_words", ())),
        place_nouns=frozenset(names.get("place_nouns", ())),
        work_nouns=frozenset(names.get("work_nouns", ())),
        company_nouns=frozenset(names.get("company_nouns", ())),
        place_modifiers=frozenset(names.get("place_modifiers", ())),
        ranks=frozenset(fold(r) for r in titles.get("ranks", ())),
        known_orgs=dict(orgs.get("known", {})),
        org_inner_lowercase=frozenset(orgs.get("inner_lowercase", ())),
        leading_heads=frozenset(fold(h) for h in orgs.get("leading_heads", ())),
        agency_country=dict(orgs.get("agency_country", {})),
        given_names=frozenset(names.get("given_names", ())),
        credits=read_json("credits.json"),
    )
