"""The event vocabulary, loaded once from ``legation/data/events``.

Why data files: the words that announce a meeting, a postponement or a praise,
the topic keywords and the PLOVER/CAMEO coding table are what analysts tune for
a new news source; they change without touching the rules that read them.
Patterns are written for people, not for Python: a space matches any run of
white space and every pattern is matched on whole words, case-insensitively.

The lexicon is immutable after loading, cached per process, and picklable.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["CodingRow", "EventLexicon", "Topic", "TriggerRule", "load_event_lexicon", "words"]

DATA_PACKAGE = "legation"
DATA_DIR = "events"
FILES = ("triggers.json", "statements.json", "topics.json", "sectors.json", "coding.tsv")


def words(pattern: str, *, flags: int = re.I) -> re.Pattern[str]:
    """Compile a data-file pattern: whole words, a space matches any white space."""
    body = pattern.replace(" ", r"\s+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One way of announcing an encounter: 'held talks', 'received', 'phone call'."""

    kind: str
    orientation: str
    nominal: bool
    needs: tuple[str, ...]
    regex: re.Pattern[str]
    anaphoric_only: bool = False


@dataclass(frozen=True, slots=True)
class StatementRule:
    kind: str
    speaker: str
    target: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    context: str | None
    cls: str | None
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CodingRow:
    """A row of coding.tsv: the conditions it needs and the codes it gives."""

    kind: str
    status: str
    mode: str
    venue: str
    topic_class: str
    joint: str
    plover_type: str
    plover_mode: str
    cameo: str
    cameo_label: str

    def matches(self, **values: str) -> bool:
        return all(getattr(self, k) in ("*", v) for k, v in values.items())


@dataclass(frozen=True, slots=True)
class EventLexicon:
    triggers: tuple[TriggerRule, ...]
    false_senses: tuple[re.Pattern[str], ...]
    frames: dict[str, re.Pattern[str]]
    determiners: dict[str, frozenset[str]]
    status: dict[str, re.Pattern[str]]
    consumed_by: re.Pattern[str]
    continuity: re.Pattern[str]
    separate: re.Pattern[str]
    reporting: re.Pattern[str]
    according_to: re.Pattern[str]
    agentive_by: re.Pattern[str]
    sender: re.Pattern[str]
    dead: re.Pattern[str]
    anaphoric_dates: dict[str, re.Pattern[str]]
    multilateral: re.Pattern[str]
    group_subjects: re.Pattern[str]
    role_nouns: dict[str, re.Pattern[str]]
    visiting_adjective: re.Pattern[str]
    members: re.Pattern[str]
    member_of: re.Pattern[str]
    present: re.Pattern[str]
    delegation: re.Pattern[str]
    city_anaphor: re.Pattern[str]
    document_nouns: re.Pattern[str]
    reception_nouns: re.Pattern[str]
    pronouns: dict[str, re.Pattern[str]]
    statements: tuple[StatementRule, ...]
    scheduled: re.Pattern[str]
    hosting: re.Pattern[str]
    event_nouns: re.Pattern[str]
    anniversary: re.Pattern[str]
    ordinal_words: dict[str, int]
    anniversary_stop: re.Pattern[str]
    canonical_subjects: tuple[tuple[str, re.Pattern[str]], ...]
    topics: tuple[Topic, ...]
    sector_kinds: dict[str, str]
    sector_names: tuple[tuple[re.Pattern[str], str], ...]
    sector_roles: tuple[tuple[re.Pattern[str], str], ...]
    plover_sectors: dict[str, str | None]
    coding: tuple[CodingRow, ...]
    sources: dict[str, str] = field(default_factory=dict)
    #: one pattern for 'does this sentence tell of an encounter / a statement at all?'
    any_trigger: re.Pattern[str] | None = None
    any_statement: re.Pattern[str] | None = None

    def code(self, **values: str) -> CodingRow:
        """The first coding row whose conditions hold (the table ends with a catch-all)."""
        for row in self.coding:
            if row.matches(**values):
                return row
        raise LookupError(f"coding.tsv has no row for {values}")  # pragma: no cover - catch-all row


def _read_sources(directory: Path | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in FILES:
        if directory is not None:
            out[name] = (directory / name).read_text(encoding="utf-8")
        else:
            out[name] = resources.files(DATA_PACKAGE).joinpath("data").joinpath(DATA_DIR).joinpath(name).read_text(
                encoding="utf-8")
    return out


def _coding(text: str) -> tuple[CodingRow, ...]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    return tuple(CodingRow(**{k: (v or "").strip() for k, v in row.items()}) for row in reader)


def build_lexicon(sources: dict[str, str]) -> EventLexicon:
    """Compile the five data files (given as texts) into an ``EventLexicon``."""
    trig = json.loads(sources["triggers.json"])
    stat = json.loads(sources["statements.json"])
    topics = json.loads(sources["topics.json"])["topics"]
    sectors = json.loads(sources["sectors.json"])
    rules = tuple(TriggerRule(kind=e["kind"], orientation=e["orientation"], nominal=bool(e["nominal"]),
                              needs=tuple(e.get("needs", ())), regex=words(e["pattern"]),
                              anaphoric_only=bool(e.get("anaphoric_only")))
                  for e in trig["encounters"])
    ann = stat["anniversary"]
    return EventLexicon(
        triggers=rules,
        false_senses=tuple(words(p) for p in trig["false_senses"]),
        frames={k: words(v) for k, v in trig["frames"].items()},
        determiners={k: frozenset(v.split("|")) for k, v in trig["determiners"].items()},
        status={k: words(v) for k, v in trig["status"].items()},
        consumed_by=words(trig["consumed_by"]),
        continuity=words(trig["continuity"]),
        separate=words(trig["separate"]),
        reporting=words(trig["reporting"]),
        according_to=words(trig["according_to"]),
        agentive_by=words(trig["agentive_by"]),
        sender=words(trig["sender"]),
        dead=words(trig["dead"]),
        anaphoric_dates={k: words(v) for k, v in trig["anaphoric_dates"].items()},
        multilateral=words(trig["multilateral"]),
        group_subjects=words(trig["group_subjects"]),
        role_nouns={k: words(v) for k, v in trig["role_nouns"].items()},
        visiting_adjective=words(trig["visiting_adjective"]),
        members=words(trig["members"], flags=re.I | re.M),
        member_of=words(trig["member_of"]),
        present=words(trig["present"], flags=re.I | re.M),
        delegation=words(trig["delegation"]),
        city_anaphor=words(trig["city_anaphor"]),
        document_nouns=words(trig["document_nouns"]),
        reception_nouns=words(trig["reception_nouns"]),
        pronouns={k: words(v) for k, v in trig["person_pronouns"].items()},
        statements=tuple(StatementRule(kind=e["kind"], speaker=e["speaker"], target=e["target"],
                                       regex=words(e["pattern"])) for e in stat["kinds"]),
        scheduled=words(stat["scheduled"]["pattern"]),
        hosting=words(stat["scheduled"]["hosting"]),
        event_nouns=words(stat["scheduled"]["event_nouns"]),
        anniversary=words(ann["pattern"]),
        ordinal_words={k.lower(): int(v) for k, v in ann["ordinal_words"].items()},
        anniversary_stop=words(ann["subject_stop"]),
        canonical_subjects=tuple((name, words(p)) for name, p in ann["canonical_subjects"].items()),
        topics=tuple(Topic(name=name, context=t.get("context"), cls=t.get("class"),
                           regex=words("|".join(t["keywords"])))
                     for name, t in topics.items()),
        sector_kinds={k.lower(): v for k, v in sectors["kinds"].items()},
        sector_names=tuple((words(p), s) for p, s in sectors["name_words"]),
        sector_roles=tuple((words(p), s) for p, s in sectors["role_words"]),
        plover_sectors=dict(sectors["plover"]),
        coding=_coding(sources["coding.tsv"]),
        sources=dict(sources),
        any_trigger=words("|".join(f"(?:{e['pattern']})" for e in trig["encounters"])),
        any_statement=words("|".join([f"(?:{e['pattern']})" for e in stat["kinds"]]
                                     + [stat["scheduled"]["pattern"], stat["scheduled"]["hosting"],
                                        "anniversar(?:y|ies)"])),
    )


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    """The packaged lexicon, read once per process."""
    return build_lexicon(_read_sources(None))


def read_lexicon_dir(directory: Path) -> EventLexicon:
    """A lexicon from a folder holding the five files (``EventComponent.from_disk``)."""
    return build_lexicon(_read_sources(directory))
