"""Temporal expressions: find them in text, then resolve them against a base date.

Two steps, kept apart so each can be tested on its own and so the publication
date can be inferred *between* them (``dates.py``):

* ``scan(text)`` finds expressions with rules and returns ``TimeMention``s
  holding an unresolved ``TimeSpec`` ("November 10" is month 11, day 10, year
  unknown; "next year" is the base year + 1).
* ``resolve(spec, base, ...)`` turns a spec into a ``Resolved`` value: ISO
  ``start``/``end`` at the precision the text supports and the first and last
  day it covers (what a figure's period needs).

Why our own rules and not only ``dateparser``: news uses shapes it reads wrongly
("the first seven months of 2024" becomes 2024-01-24, "$23" becomes a date,
year-only dates get a false day).  ``dateparser`` is used where it is right:
counted relative offsets such as "three weeks ago" or "in two months".

Representation of what the text leaves open:

* a date whose year cannot be decided keeps an unknown year, written in the
  ISO 8601 truncated form ``--MM-DD`` (day) or ``--MM`` (month) with the
  precision it has; it is never completed with today's year;
* an expression that cannot be resolved at all ("on Tuesday" with no
  publication date) has ``start = None`` and precision ``unknown``.

Word lists (months, weekdays, number words, cue words) live in
``legation/data/time.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "Base", "Point", "Resolved", "TimeMention", "TimeSpec", "clause_tense", "fiscal_year_of", "lexicon", "resolve",
    "scan", "tense_of", "year_of",
]

Tense = Literal["past", "future"] | None


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists of ``legation/data/time.json`` (read once per process)."""
    return json.loads(resources.files("legation").joinpath("data/time.json").read_text("utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- specs


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point with any part unknown: ``year`` is absolute unless ``rel_year``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel_year: bool = False  # year is an offset from the base year ("November last year")


@dataclass(frozen=True, slots=True)
class TimeSpec:
    """An unresolved temporal expression.

    ``kind`` is one of:

    * ``point``: ``lo`` (year, month or day precision, parts may be unknown);
    * ``range``: ``lo``..``hi``, missing parts taken from the other end;
    * ``rel``: ``unit`` (day, week, month, year) at ``n`` from the base ("next year");
    * ``weekday``: ``weekday`` (0 = Monday), ``n`` = -1 last, 0 this, 1 next, None bare;
    * ``span``: the ``n`` ``unit``s before (``direction`` -1) or after (+1) the base;
    * ``part``: months ``months[0]``..``months[1]`` of ``lo.year`` (unknown = base year);
    * ``decade``: the ten years from ``lo.year``;
    * ``anaphor``: ``unit`` of the previous dated mention, shifted by ``n`` ("the same day");
    * ``offset``: ``n`` ``unit``s from the base, via dateparser ("three weeks ago").
    """

    kind: str
    lo: Point | None = None
    hi: Point | None = None
    unit: str | None = None
    n: int | None = None
    weekday: int | None = None
    direction: int = -1
    months: tuple[int, int] | None = None
    text: str = ""
    fiscal: tuple[int, int] | None = None  # a fiscal year: (first, last) month; (0, 0) = not defined here


@dataclass(frozen=True, slots=True)
class TimeMention:
    """Where an expression is: full span (with its preposition) and its core."""

    start: int
    end: int
    text: str
    core_start: int
    core_end: int
    spec: TimeSpec
    mod: str | None = None  # from the preposition: since, until, by, before, after, as_of
    part: str | None = None  # part of the period: early, mid, late, start, end
    part_of_day: str | None = None

    @property
    def core_text(self) -> str:
        return self.text[self.core_start - self.start:self.core_end - self.start]


@dataclass(frozen=True, slots=True)
class Base:
    """The publication date as far as it is known: year, maybe month, maybe day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Base | None:
        if not value:
            return None
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value).strip())
        if not m:
            return None
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        try:
            if day:
                date(year, int(month), int(day))
                return cls(year, int(month), int(day))
            if month and 1 <= int(month) <= 12:
                return cls(year, int(month))
        except ValueError:
            return None
        return cls(year)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day and self.month else None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved expression.  ``first``/``last`` are the days covered (None when unknown)."""

    start: str | None
    end: str | None
    precision: str
    first: date | None = None
    last: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def known(self) -> bool:
        return self.first is not None


UNKNOWN = Resolved(None, None, "unknown")


# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    build: Callable[[re.Match[str]], TimeSpec | None]
    core_group: str | None = None  # the core starts at this group (the match may include cue words)


def _num(word: str | None) -> int | None:
    if word is None:
        return None
    w = word.lower()
    if w.isdigit():
        return int(w)
    return lexicon()["cardinals"].get(w)


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return lexicon()["months"].get(name.rstrip("."))


def _day(value: str | None) -> int | None:
    if not value:
        return None
    d = int(value)
    return d if 1 <= d <= 31 else None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or d is None:
        return True
    try:
        date(y if y is not None else 2000, m, d)  # 2000 is a leap year: --02-29 is allowed
    except ValueError:
        return False
    return True


def _point(y: str | None, m: int | None, d: str | None = None) -> Point | None:
    year = int(y) if y else None
    day = _day(d) if d else None
    if d and day is None:
        return None
    if not _valid(year, m, day):
        return None
    return Point(year, m, day)


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _year2(y1: int, yy: str) -> int:
    """'2022-23' -> 2023: a two-digit end year in the century of the start."""
    y2 = y1 // 100 * 100 + int(yy)
    return y2 if y2 > y1 else y2 + 100


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    lex = lexicon()
    full: dict[int, str] = {}
    for name, number in lex["months"].items():
        if len(name) > len(full.get(number, "")):
            full[number] = name
    months = _alt(full.values())
    abbreviations = _alt(k for k in lex["months"] if k not in full.values())
    weekdays = _alt(k for k in lex["weekdays"] if len(k) > 3)
    cardinals = _alt(k for k, v in lex["cardinals"].items() if v is not None)

    def M(i: int) -> str:
        return rf"(?P<m{i}>(?:{months})\b|(?:{abbreviations})\b\.?)"

    def D(i: int) -> str:
        return rf"(?P<d{i}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]\d)(?!\s*(?:%|percent|per\s*cent))"

    def Y(i: int) -> str:
        return rf"(?P<y{i}>(?:1[89]|20|21)\d\d)(?![\d%])"

    wd_prefix = rf"(?:(?:{weekdays}),?\s+)?"
    to = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and)\s+)"
    to_m = r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through)\s+)"
    rel_year = r"(?P<rel>this|last|next|the\s+current|the|current)\s+year"
    n_word = rf"(?:\d{{1,3}}|{cardinals})"
    count_nouns = rf"(?:{_alt(lex['count_nouns'])})"

    def mdy_range(m: re.Match[str]) -> TimeSpec | None:
        m1, m2 = _month(m["m1"]), _month(_g(m, "m2")) or _month(m["m1"])
        y1, y2 = m["y1"] or m["y2"], m["y2"] or m["y1"]
        lo, hi = _point(y1, m1, m["d1"]), _point(y2, m2, m["d2"])
        return _range(lo, hi)

    def dmy_range(m: re.Match[str]) -> TimeSpec | None:
        m2 = _month(m["m2"])
        m1 = _month(_g(m, "m1")) or m2
        lo, hi = _point(m["y2"], m1, m["d1"]), _point(m["y2"], m2, m["d2"])
        return _range(lo, hi)

    def month_range(m: re.Match[str]) -> TimeSpec | None:
        y1, y2 = m["y1"] or m["y2"], m["y2"] or m["y1"]
        if m["rel"] is not None:
            off = lex["relative"].get(m["rel"].lower().replace("the current", "current"), 0)
            lo = Point(off, _month(m["m1"]), None, True)
            hi = Point(off, _month(m["m2"]), None, True)
            return _range(lo, hi)
        return _range(_point(y1, _month(m["m1"])), _point(y2, _month(m["m2"])))

    def mdy(m: re.Match[str]) -> TimeSpec | None:
        p = _point(m["y1"], _month(m["m1"]), m["d1"])
        return TimeSpec("point", lo=p) if p else None

    def my(m: re.Match[str]) -> TimeSpec | None:
        p = _point(m["y1"], _month(m["m1"]))
        return TimeSpec("point", lo=p) if p else None

    def month_rel(m: re.Match[str]) -> TimeSpec | None:
        off = lex["relative"].get(m["rel"].lower(), 0)
        return TimeSpec("point", lo=Point(off, _month(m["m1"]), None, True))

    def rel_month(m: re.Match[str]) -> TimeSpec | None:
        # "last November": the most recent November before the base
        n = lex["relative"].get(m["rel"].lower(), 0)
        return TimeSpec("point", lo=Point(None, _month(m["m1"])), n=n, direction=n or 0)

    def month_bare(m: re.Match[str]) -> TimeSpec | None:
        return TimeSpec("point", lo=Point(None, _month(m["m1"])))

    def part(m: re.Match[str]) -> TimeSpec | None:
        ordinal = m["ord"].lower()
        k = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(ordinal) or lex["ordinals"].get(ordinal)
        if k is None:
            return None
        if k == -1 and not m.group(0).lower().startswith("the") and _year_of(m) is None:
            return None  # "last month", "last quarter": relative to the base, not a part of a year
        n = _num(m["n"]) if m["n"] else None
        unit = lex["units"][m["unit"].lower()]
        size = {"month": 1, "quarter": 3, "half": 6}[unit]
        count = n or 1
        if n is None and m["unit"].lower().endswith("s") and unit != "half":
            return None  # "the first months": vague
        if k == -1:
            first, last = 13 - size * count, 12
        elif n is not None:
            if k != 1:
                return None  # "the second three months": not a shape we trust
            first, last = 1, size * count
        else:
            first, last = size * (k - 1) + 1, size * k
        if not (1 <= first <= last <= 12):
            return None
        return TimeSpec("part", lo=_year_of(m), months=(first, last))

    def fiscal_year(m: re.Match[str]) -> TimeSpec | None:
        """"the financial year ended March 2023", "the year to June 2023": the twelve months to then."""
        end_month = _month(m["m1"] or m["m2"])
        if end_month is None:
            return None
        if _g(m, "y1"):
            end_year = int(m["y1"])
        elif _g(m, "fy1"):  # "the 2023/24 fiscal year, which ended on July 7"
            end_year = int(m["fy2"]) if m["fy2"] else _year2(int(m["fy1"]), m["fyy"])  # type: ignore[arg-type]
            if end_year != int(m["fy1"]) + 1:
                return None
        else:
            return None
        return _twelve_months_to(end_year, end_month, _day(m["d1"] or m["d2"]))

    def fiscal_paren(m: re.Match[str]) -> TimeSpec | None:
        """"2023-24 (April-March)", "fiscal year 2023-24 (April 2023 to March 2024)", "the first 11 months
        of fiscal year 2023-24 (July-May)": the months in parentheses say where the year runs."""
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if m["y2"] else _year2(y1, m["yy"])
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        if y2 != y1 + 1 or m1 is None or m2 is None:
            return None
        lo_y = int(m["y3"]) if m["y3"] else y1
        hi_y = int(m["y4"]) if m["y4"] else (y1 if m2 >= m1 else y2)
        span = (hi_y * 12 + m2) - (lo_y * 12 + m1) + 1
        if not 1 <= span <= 13:
            return None
        fiscal = (m1, m2) if span == 12 else (m1, (m1 + 10) % 12 + 1)
        n = _num(m["n"]) if m["n"] else None
        if n is not None and span == 12 and 1 <= n < 12:  # "the first nine months of 2023-24 (April-March)"
            hi_y, m2 = _shift_months(lo_y, m1, n - 1)
        return TimeSpec("range", lo=Point(lo_y, m1), hi=Point(hi_y, m2), fiscal=fiscal)

    def quarter(m: re.Match[str]) -> TimeSpec | None:
        q = m["q"] or m["q2"]
        h = m["h"] or m["h2"]
        if q:
            months = (3 * int(q) - 2, 3 * int(q))
        else:
            months = (1, 6) if h == "1" else (7, 12)
        if m["yy"]:
            lo = Point(2000 + int(m["yy"]))
        else:
            lo = _year_of(m)
        return TimeSpec("part", lo=lo, months=months)

    def year_range(m: re.Match[str]) -> TimeSpec | None:
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if m["y2"] else _year2(y1, m["yy"])
        if not (y1 < y2 <= y1 + 100):
            return None
        # "the 2025-26 financial year": its months are those the article defined for its fiscal year
        fiscal = (0, 0) if m["fy"] and y2 == y1 + 1 else None
        return TimeSpec("range", lo=Point(y1), hi=Point(y2), fiscal=fiscal)

    def decade(m: re.Match[str]) -> TimeSpec | None:
        return TimeSpec("decade", lo=Point(int(m["dec"])))

    def year(m: re.Match[str]) -> TimeSpec | None:
        return TimeSpec("point", lo=Point(int(m["y1"])))

    def rel(m: re.Match[str]) -> TimeSpec | None:
        unit = lex["units"][m["unit"].lower()]
        return TimeSpec("rel", unit=unit, n=lex["relative"][m["rel"].lower()])

    def day_word(m: re.Match[str]) -> TimeSpec | None:
        return TimeSpec("rel", unit="day", n=lex["day_words"][m["dw"].lower()])

    def span(m: re.Match[str]) -> TimeSpec | None:
        n = _num(m["n"]) if m["n"] else 1
        if n is None:
            return None
        unit = lex["units"][m["unit"].lower()]
        if unit == "decade":
            unit, n = "year", n * 10
        direction = 1 if m["dir"].lower() in ("next", "coming") else -1
        return TimeSpec("span", unit=unit, n=n, direction=direction)

    def offset(m: re.Match[str]) -> TimeSpec | None:
        n = _num(m["n"])
        if n is None:
            return None
        unit = lex["units"][m["unit"].lower()]
        direction = 1 if m["later"] else -1  # "in a decade" alone is a duration, not a date
        return TimeSpec("offset", unit=unit, n=n, direction=direction, text=m.group(0))

    def weekday(m: re.Match[str]) -> TimeSpec | None:
        rel_word = (m["rel"] or "").lower()
        n = {"last": -1, "next": 1, "coming": 1, "this": 0}.get(rel_word)
        return TimeSpec("weekday", weekday=lex["weekdays"][m["wd"]], n=n)

    def period_anaphor(m: re.Match[str]) -> TimeSpec | None:
        months = _num(m["n"]) if m["n"] else None
        shift = {"last": -1, "previous": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
        return TimeSpec("anaphor", unit="period", n=months, direction=shift)

    def anaphor(m: re.Match[str]) -> TimeSpec | None:
        word = m["which"].lower()
        n = {"same": 0, "that": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}[word]
        return TimeSpec("anaphor", unit=m["unit"].lower(), n=n)

    flags = re.IGNORECASE
    rules = [
        _Rule("iso", re.compile(r"\b(?P<y1>(?:1[89]|20|21)\d\d)-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)\b"),
              lambda m: (TimeSpec("point", lo=p) if (p := _point(m["y1"], int(m["mn"]), m["d1"])) else None)),
        _Rule("mdy_range", re.compile(
            rf"\b{wd_prefix}{M(1)}\s+{D(1)}(?:\s*,\s*{Y(1)})?{to}(?:{M(2)}\s+)?{D(2)}(?:\s*,?\s*{Y(2)})?(?!\w)"),
              mdy_range),
        _Rule("dmy_range", re.compile(
            rf"\b{D(1)}(?:\s+{M(1)})?{to}{D(2)}\s+{M(2)}(?:\s*,?\s*{Y(2)})?(?!\w)"), dmy_range),
        _Rule("month_range", re.compile(
            rf"\b{M(1)}(?:\s*,?\s*{Y(1)})?{to_m}{M(2)}(?:\s+period)?"
            rf"(?:(?:\s*,?\s*(?:of\s+)?{Y(2)})|\s+(?:of\s+)?{rel_year})?(?!\w)"),
              month_range),
        _Rule("mdy", re.compile(rf"\b{wd_prefix}{M(1)}\s+{D(1)}(?:(?:\s*,\s*|\s+){Y(1)})?(?!\w)"), mdy),
        _Rule("dmy", re.compile(rf"\b{wd_prefix}{D(1)}\s+{M(1)}(?:\s*,?\s*{Y(1)})?(?!\w)"), mdy),
        _Rule("my", re.compile(rf"\b{M(1)}(?:\s*,|\s+of)?\s+{Y(1)}(?!\w)"), my),
        _Rule("month_rel", re.compile(rf"\b{M(1)}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"), month_rel),
        _Rule("rel_month", re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+{M(1)}(?!\s*\d)"), rel_month),
        _Rule("month_bare", re.compile(
            rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id|[Bb]efore|"
            rf"[Aa]fter|[Tt]hrough|[Tt]hroughout|[Oo]f|[Ee]nd)[\s-]+{M(1)}(?!\s*\d)"), month_bare, "m1"),
        _Rule("part", re.compile(
            rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+"
            rf"(?:(?P<n>{n_word})\s+)?(?P<unit>months|month|quarters|quarter|half|halves)"
            rf"(?:\s+of\s+(?:(?:the\s+)?(?:(?:fiscal|financial)\s+)?year\s+)?(?:{Y(1)}|{rel_year}))?\b", flags), part),
        _Rule("fiscal_year", re.compile(
            rf"\b(?:the\s+)?(?:(?:financial|fiscal)\s+year|year|12|twelve)\s+(?:months\s+)?(?:that\s+)?"
            rf"(?:ended|ending|ends|to|through)\s+(?:(?:on\s+)?{D(1)}\s+{M(1)}|{M(2)}(?:\s+{D(2)})?)\s*,?\s+{Y(1)}",
            flags), fiscal_year),
        _Rule("fiscal_ended", re.compile(
            rf"\b(?:the\s+)?(?P<fy1>(?:19|20)\d\d)\s*[-–/]\s*(?:(?P<fy2>(?:19|20)\d\d)|(?P<fyy>\d\d))\s+"
            rf"(?:[A-Z][a-z]+\s+)?(?:financial|fiscal)\s+year\s*,?\s+(?:which|that)\s+(?:ended|ends|ran\s+to)\s+"
            rf"(?:on\s+)?(?:{D(1)}\s+{M(1)}|{M(2)}\s+{D(2)})\b"), fiscal_year),
        _Rule("fiscal_paren", re.compile(
            rf"\b(?:(?:the\s+)?first\s+(?P<n>{n_word})\s+months\s+of\s+)?"
            rf"(?:(?:the\s+)?(?:(?:financial|fiscal)\s+year|FY)\s*)?"
            rf"{Y(1)}\s*[-–/]\s*(?:{Y(2)}|(?P<yy>\d\d))(?![\d%])(?:\s+(?:[A-Z][a-z]+\s+)?(?:financial|fiscal)\s+year)?"
            rf"\s*\(\s*{M(1)}(?:\s+(?P<y3>(?:19|20)\d\d))?\s*(?:[-–—]|to|through|until)\s*"
            rf"{M(2)}(?:\s+(?P<y4>(?:19|20)\d\d))?\s*\)"), fiscal_paren),
        _Rule("quarter", re.compile(
            rf"\b(?:Q(?P<q>[1-4])|(?P<h>[12])H|H(?P<h2>[12])|(?P<q2>[1-4])Q)(?:(?:\s*[/'’-]\s*|\s+(?:of\s+)?)"
            rf"(?:{Y(1)}|(?P<yy>\d\d)(?!\d)|{rel_year}))?\b"), quarter),
        _Rule("year_range", re.compile(
            rf"\b(?:(?P<fy>(?:the\s+)?(?:(?:financial|fiscal)\s+year|FY)\s*)|the\s+)?"
            rf"{Y(1)}\s*[-–—/]\s*(?:{Y(2)}|(?P<yy>\d\d)(?![\d%]))(?![\d%])"
            rf"(?:(?P<fy_after>\s+(?:[A-Z][a-z]+\s+)?(?:financial|fiscal)\s+year)(?!\s*,?\s+(?:which|that)))?"),
              _fy_adapter(year_range)),
        _Rule("year_range_words", re.compile(
            rf"\b(?:[Ff]rom|[Bb]etween)\s+{Y(1)}\s+(?:to|and|until|till|through)\s+{Y(2)}", ), _fy_adapter(year_range)),
        _Rule("decade", re.compile(r"\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"), decade),
        _Rule("year", re.compile(  # the lookahead first: most positions fail at once
            rf"(?=(?:1[89]|20|21)\d\d)(?:(?<=[Ii]n\s)|(?<=[Ss]ince\s)|(?<=[Bb]y\s)|(?<=[Oo]f\s)|(?<=[Ff]rom\s)|(?<=[Tt]o\s)|(?<=[Uu]ntil\s)|"
            rf"(?<=[Tt]ill\s)|(?<=[Tt]hrough\s)|(?<=[Dd]uring\s)|(?<=[Bb]efore\s)|(?<=[Aa]fter\s)|(?<=[Ff]or\s)|"
            rf"(?<=[Bb]etween\s)|(?<=[Aa]nd\s)|(?<=[Tt]he\s)|(?<=[Yy]ear\s)|(?<=FY\s)|(?<=FY)|(?<=[Ee]arly\s)|"
            rf"(?<=[Mm]id-)|(?<=[Mm]id\s)|(?<=[Ll]ate\s)|(?<=[Ee]nd\s)|(?<=[Ee]nd-)|(?<=\()|(?<=^)|(?<=\n)|"
            rf"(?<=[.!?]\s)|(?<=,\s)|(?<=[Ii]n\s)|(?<=[Aa]s\sof\s)|(?<=[Yy]ears\s)|(?<=[Ww]ithin\s))"
            rf"{Y(1)}(?!\s*[-–—/]\s*\d)(?!\s+{count_nouns}\b)(?:['’]s)?\b"), year),
        _Rule("year_before_verb", re.compile(
            rf"(?<![\d.,$€£¥])(?<![\d.,]\s)\b{Y(1)}(?=\s*[,;:)]|\.(?:\s|$)|\s+(?:marks?|marked|will|was|is|saw|"
            rf"has|had|ended|began|begins|closed|opened)\b)"), year),
        _Rule("rel", re.compile(
            r"\b(?P<rel>this|next|last|previous|coming|current|the\s+current|the\s+previous|the\s+coming)\s+"
            r"(?P<unit>year|quarter|month|week)\b", flags), rel),
        _Rule("day_word", re.compile(r"\b(?P<dw>today|tonight|yesterday|tomorrow)\b", flags), day_word),
        _Rule("span", re.compile(
            rf"\b(?:(?:within\s+)?the\s+(?P<dir>past|last|previous|next|coming|recent)\s+(?:(?P<n>{n_word})\s+)?|"
            rf"(?P<within>within)\s+(?P<n3>{n_word})\s+|"
            rf"(?P<dir2>past|last|previous|next|coming)\s+(?P<n2>{n_word})\s+)"
            rf"(?P<unit>decades?|years?|months?|weeks?|days?)\b", flags), _span_adapter(span)),
        _Rule("offset", re.compile(
            rf"\b(?:(?P<fut>in)\s+)?(?P<n>{n_word})\s+(?P<unit>days?|weeks?|months?|years?|decades?)"
            rf"(?:\s+(?P<ago>ago)|(?P<later>['’]?\s+time\b|\s+from\s+now))", flags), offset),
        _Rule("weekday", re.compile(
            rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<wd>{weekdays})\b"), weekday),
        _Rule("period_anaphor", re.compile(
            rf"\b(?:the|that|this)\s+(?:same\s+)?(?:(?P<n>\d{{1,2}}|{cardinals})[\s-]months?\s+)?period"
            rf"(?:\s+(?:of\s+)?(?P<rel>last|previous|next)\s+year)?\b", flags), period_anaphor),
        _Rule("anaphor", re.compile(
            # 'said that next year ...': there 'that' joins a clause, and 'next year' is the year after now
            r"\b(?:the|that(?!\s+(?:next|previous)\b))\s+(?P<which>same|following|next|previous|preceding)\s+"
            r"(?P<unit>day|month|year)\b"
            r"|\b(?P<that>that)\s+(?P<unit2>day)\b|\b(?P<the_month>the\s+month)\b(?!\s+of\b)", flags),
              _anaphor_adapter(anaphor)),
    ]
    return tuple(rules)


def _fy_adapter(fn: Callable[[re.Match[str]], TimeSpec | None]) -> Callable[[re.Match[str]], TimeSpec | None]:
    """"fiscal year 2025-26" or "the 2025-26 financial year": either side names a fiscal year."""
    class _M:
        def __init__(self, m: re.Match[str]) -> None:
            self.m = m

        def __getitem__(self, key: str) -> str | None:
            if key == "fy":
                return _g(self.m, "fy") or _g(self.m, "fy_after")
            return self.m[key]

    return lambda m: fn(_M(m))  # type: ignore[arg-type]


def _twelve_months_to(end_year: int, end_month: int, end_day: int | None) -> TimeSpec:
    """The year ending in ``end_month`` of ``end_year``; ending on a day inside the month ("July 7"),
    it began in the same month a year before (month precision covers both ends)."""
    if end_day is not None and end_day < calendar.monthrange(end_year, end_month)[1]:
        y0, m0 = end_year - 1, end_month
    else:
        y0, m0 = _shift_months(end_year, end_month, -11)
    return TimeSpec("range", lo=Point(y0, m0), hi=Point(end_year, end_month), fiscal=(m0, end_month))


def _span_adapter(fn: Callable[[re.Match[str]], TimeSpec | None]) -> Callable[[re.Match[str]], TimeSpec | None]:
    class _M:  # merge the two alternatives' groups under one set of names
        def __init__(self, m: re.Match[str]) -> None:
            self.m = m

        def __getitem__(self, key: str) -> str | None:
            if key == "dir" and self.m["within"] and not (self.m["dir"] or self.m["dir2"]):
                return "next"  # "within five years": from the base on
            if key == "n" and self.m["n3"]:
                return self.m["n3"]
            alt = {"dir": "dir2", "n": "n2"}.get(key)
            return self.m[key] or (self.m[alt] if alt else None)

    return lambda m: fn(_M(m))  # type: ignore[arg-type]


def _anaphor_adapter(fn: Callable[[re.Match[str]], TimeSpec | None]) -> Callable[[re.Match[str]], TimeSpec | None]:
    def build(m: re.Match[str]) -> TimeSpec | None:
        if m["that"]:
            return TimeSpec("anaphor", unit="day", n=0)
        if m["the_month"]:  # "in the month": the month just named
            return TimeSpec("anaphor", unit="month", n=0)
        return fn(m)

    return build


def _year_of(m: re.Match[str]) -> Point | None:
    """The year of a part-of-year expression: absolute, relative, or unknown (None)."""
    y = _g(m, "y1")
    if y:
        return Point(int(y))
    r = _g(m, "rel")
    if r is not None:
        word = re.sub(r"\s+", " ", r.lower())
        off = {"the": 0, "current": 0, "the current": 0}.get(word)
        if off is None:
            off = lexicon()["relative"].get(word, 0)
        return Point(off, None, None, True)
    return None


def _range(lo: Point | None, hi: Point | None) -> TimeSpec | None:
    if lo is None or hi is None:
        return None
    if lo.year is not None and hi.year is not None and not lo.rel_year:
        a = (lo.year, lo.month or 0, lo.day or 0)
        b = (hi.year, hi.month or 0, hi.day or 0)
        if b <= a:
            return None
    elif lo.month and hi.month and lo.month == hi.month and lo.day and hi.day and hi.day <= lo.day:
        return None
    return TimeSpec("range", lo=lo, hi=hi)


_PRE_PART = re.compile(
    r"(?:\b(?P<pp>early|earlier|mid|late|later|the\s+end\s+of|end\s+of|end|the\s+beginning\s+of|beginning\s+of|"
    r"the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of|the\s+turn\s+of)[\s-]+)$", re.IGNORECASE)
_PRE_DAYPART = re.compile(
    r"(?:\bthe\s+(?P<dp>(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|early\s+hours))\s+of\s+)$",
    re.IGNORECASE)
_PRE_PREP = re.compile(
    r"(?:\b(?P<prep>on|in|at|during|over|within|throughout|from|between|since|until|till|through|by|before|"
    r"prior\s+to|after|as\s+of)\s+)$", re.IGNORECASE)
_POST_DAYPART = re.compile(r"^\s+(?P<dp>morning|afternoon|evening|night)\b", re.IGNORECASE)
_POST_ZONE = re.compile(r"^\s*\((?:[\w .+-]+\s)?time\)", re.IGNORECASE)
_PART_MOD = {"early": "early", "earlier": "early", "mid": "mid", "late": "late", "later": "late",
             "the end of": "end", "end of": "end", "end": "end", "the beginning of": "start",
             "beginning of": "start", "the start of": "start", "start of": "start",
             "the middle of": "mid", "middle of": "mid", "the turn of": "start"}


def scan(text: str) -> list[TimeMention]:
    """Every temporal expression in ``text``, in order, non-overlapping (longest wins)."""
    found: list[tuple[int, int, int, int, TimeSpec]] = []
    for priority, rule in enumerate(_rules()):
        for m in rule.regex.finditer(text):
            try:
                spec = rule.build(m)
            except (KeyError, ValueError, IndexError):
                spec = None
            if spec is None:
                continue
            core_start = m.start(rule.core_group) if rule.core_group else m.start()
            found.append((core_start, m.end(), priority, m.start(), spec))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken_starts: list[int] = []  # chosen spans, kept sorted and disjoint
    taken_ends: list[int] = []
    chosen: list[tuple[int, int, TimeSpec]] = []
    for start, end, _prio, _mstart, spec in found:
        i = bisect_right(taken_starts, start)
        if i > 0 and taken_ends[i - 1] > start or i < len(taken_starts) and taken_starts[i] < end:
            continue
        taken_starts.insert(i, start)
        taken_ends.insert(i, end)
        chosen.append((start, end, spec))
    chosen.sort(key=lambda c: c[0])
    return [_extend(text, s, e, spec) for s, e, spec in chosen]


def _extend(text: str, core_start: int, core_end: int, spec: TimeSpec) -> TimeMention:
    start, end = core_start, core_end
    mod = part = part_of_day = None
    before = text[max(0, start - 40):start]
    m = _PRE_PART.search(before)
    if m and spec.kind in ("point", "rel"):
        word = re.sub(r"\s+", " ", m["pp"].lower())
        part = _PART_MOD[word]
        start -= len(m.group(0))
        before = text[max(0, start - 40):start]
    m = _PRE_DAYPART.search(before)
    if m and _day_level(spec):
        part_of_day = re.sub(r"\s+", " ", m["dp"].lower())
        start -= len(m.group(0))
        before = text[max(0, start - 40):start]
    m = _PRE_PREP.search(before)
    if m:
        word = re.sub(r"\s+", " ", m["prep"].lower())
        start -= len(m.group(0))
        mod = lexicon()["prepositions"].get(word)
    after = text[end:end + 40]
    m = _POST_DAYPART.match(after)
    if m and spec.kind == "weekday":
        part_of_day = m["dp"].lower()
        end += m.end()
        after = text[end:end + 40]
    m = _POST_ZONE.match(after)
    if m and _day_level(spec):
        end += m.end()
    return TimeMention(start, end, text[start:end], core_start, core_end, spec, mod, part, part_of_day)


def _day_level(spec: TimeSpec) -> bool:
    if spec.kind in ("weekday", "anaphor"):
        return True
    if spec.kind == "rel":
        return spec.unit == "day"
    return spec.lo is not None and spec.lo.day is not None


# --------------------------------------------------------------------------- tense

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def tense_of(sentence: str) -> Tense:
    """A rough tense for choosing among candidate years: future cue words win."""
    lex = lexicon()
    low = " " + re.sub(r"\s+", " ", sentence.lower()) + " "
    if any(f" {cue} " in low for cue in lex["future_cues"]):
        return "future"
    words = _WORD.findall(sentence)
    past = set(lex["past_cues"])
    if any(w.lower() in past or (len(w) > 4 and w.islower() and w.endswith("ed")) for w in words):
        return "past"
    return None


_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+(?:and|but|while|whereas|although|though)\s+")


def clause_tense(text: str, start: int, end: int, pos: int) -> Tense:
    """The tense of the clause around ``pos`` in the sentence ``text[start:end]``, else the sentence's."""
    lo, hi = start, end
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return tense_of(text[lo:hi]) or tense_of(text[start:end])


# --------------------------------------------------------------------------- resolution


def _month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _iso_point(y: int | None, m: int | None, d: int | None) -> str:
    if y is None:
        return f"--{m:02d}-{d:02d}" if d else f"--{m:02d}"
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _bounds(y: int | None, m: int | None, d: int | None) -> tuple[date | None, date | None]:
    if y is None:
        return None, None
    if m is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        return date(y, m, 1), date(y, m, _month_last(y, m))
    return date(y, m, d), date(y, m, d)


def _precision(p: Point) -> str:
    return "day" if p.day else "month" if p.month else "year"


def _choose_year(month: int, day: int | None, base: Base, tense: Tense, direction: int | None = None) -> int:
    """The year of a yearless month/day: the candidate nearest the base, on the tense's side."""
    if base.month is None:
        return base.year
    if base.day:
        ref = date(base.year, base.month, base.day)

        def key(y: int) -> int:
            return (date(y, month, min(day or 15, _month_last(y, month))) - ref).days
        slack = 1
    else:

        def key(y: int) -> int:
            return (y * 12 + month) - (base.year * 12 + base.month)
        slack = 0
    candidates = [base.year - 1, base.year, base.year + 1]
    side = direction if direction else ({"past": -1, "future": 1}.get(tense or "", 0))
    if side < 0:
        pool = [y for y in candidates if key(y) <= slack] if direction is None else \
            [y for y in candidates if key(y) < 0]
    elif side > 0:
        pool = [y for y in candidates if key(y) >= -slack] if direction is None else \
            [y for y in candidates if key(y) > 0]
    else:
        pool = candidates
    pool = pool or candidates
    return min(pool, key=lambda y: (abs(key(y)), -y if side >= 0 else y))


def _year_value(p: Point | None, base: Base | None) -> tuple[int | None, bool]:
    """(year, decided) for a point whose year may be absolute, relative or missing."""
    if p is None or p.year is None:
        return None, False
    if p.rel_year:
        return (base.year + p.year, True) if base else (None, False)
    return p.year, True


def _shift_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def resolve(spec: TimeSpec, base: Base | None, *, tense: Tense = None,
            anchor: date | None = None, part: str | None = None, period: Resolved | None = None) -> Resolved:
    """Resolve ``spec`` against ``base`` (the publication date as far as known).

    :param tense: "past"/"future" picks the side of the base for yearless dates
    :param anchor: the last single day mentioned before, for "the same day"
    :param part: a part-of-period modifier ("early", "mid", "late", "end", "start")
    :param period: the last run of months mentioned before, for "the eight-month period"
    """
    try:
        if spec.kind == "anaphor" and spec.unit == "period":
            return _resolve_period_anaphor(spec, period)
        r = _resolve(spec, base, tense, anchor)
    except (ValueError, OverflowError):
        return UNKNOWN
    if part in ("early", "mid", "late", "end", "start") and r.known:
        r = _narrow(r, part)
    return r


def _resolve(spec: TimeSpec, base: Base | None, tense: Tense, anchor: date | None) -> Resolved:
    k = spec.kind
    if k == "point":
        return _resolve_point(spec, base, tense)
    if k == "range":
        return _resolve_range(spec, base, tense)
    if k == "decade":
        y = spec.lo.year  # type: ignore[union-attr]
        return Resolved(f"{y:04d}", f"{y + 9:04d}", "decade", date(y, 1, 1), date(y + 9, 12, 31))
    if k == "part":
        return _resolve_part(spec, base, tense)
    if k == "rel":
        return _resolve_rel(spec, base)
    if k == "weekday":
        return _resolve_weekday(spec, base, tense)
    if k == "span":
        return _resolve_span(spec, base)
    if k == "anaphor":
        return _resolve_anaphor(spec, anchor)
    if k == "offset":
        return _resolve_offset(spec, base)
    return UNKNOWN


def _resolve_point(spec: TimeSpec, base: Base | None, tense: Tense) -> Resolved:
    p = spec.lo
    assert p is not None
    y, decided = _year_value(p, base)
    if p.year is not None and not decided:
        return UNKNOWN  # "November last year" without a base
    notes: tuple[str, ...] = ()
    if y is None and p.month is not None and base is not None:
        y = _choose_year(p.month, p.day, base, tense, direction=spec.direction if spec.n is not None else None)
        notes = ("year from the publication date",)
    if y is None and p.month is None:
        return UNKNOWN
    first, last = _bounds(y, p.month, p.day)
    if y is not None and p.month and p.day and not _valid(y, p.month, p.day):
        return UNKNOWN  # Feb 29 in a non-leap year
    return Resolved(_iso_point(y, p.month, p.day), None, _precision(p), first, last, notes)


def _fill(lo: Point, hi: Point) -> tuple[Point, Point]:
    """Share the parts one end of a range states and the other omits."""
    if hi.month is None and lo.month is not None and hi.day is not None:
        hi = replace(hi, month=lo.month)
    if lo.year is None and hi.year is not None:
        lo = replace(lo, year=hi.year, rel_year=hi.rel_year)
    if hi.year is None and lo.year is not None:
        hi = replace(hi, year=lo.year, rel_year=lo.rel_year)
    return lo, hi


def _resolve_range(spec: TimeSpec, base: Base | None, tense: Tense) -> Resolved:
    lo, hi = _fill(spec.lo, spec.hi)  # type: ignore[arg-type]
    y1, d1 = _year_value(lo, base)
    y2, d2 = _year_value(hi, base)
    notes: tuple[str, ...] = ()
    if lo.year is not None and not (d1 and d2):
        return UNKNOWN
    if y1 is None and lo.month is not None and base is not None:
        if lo.day is None and base.month is not None:  # "January-June": the latest such period
            y1 = _period_year(hi.month or lo.month, base, tense)
        else:
            y1 = _choose_year(lo.month, lo.day, base, tense)
        y2 = y1
        notes = ("year from the publication date",)
    if y1 is not None and y2 is not None and lo.month and hi.month and (hi.month, hi.day or 0) < (lo.month, lo.day or 0) \
            and y1 == y2 and lo.year is None:
        y2 = y1 + 1  # "December 28 to January 3"
    if y1 is None and y2 is None and lo.month is not None and hi.month is not None and hi.month < lo.month:
        pass  # unknown year, crossing a year end: keep --MM forms
    first, _ = _bounds(y1, lo.month, lo.day)
    _, last = _bounds(y2, hi.month, hi.day)
    prec = _precision(lo) if _precision(lo) == _precision(hi) else _precision(hi)
    return Resolved(_iso_point(y1, lo.month, lo.day), _iso_point(y2, hi.month, hi.day), prec, first, last, notes)


def _period_year(last_month: int, base: Base, tense: Tense) -> int:
    """The year of a yearless run of months: the latest one over by the base, unless told as future.

    "January-June" read in August is this year's; read in March it is last year's
    (this year's is not over); "the last quarter" read in February is last year's.
    """
    if base.month is None:
        return base.year
    if tense == "future":
        return base.year if last_month >= base.month else base.year + 1
    return base.year if last_month <= base.month else base.year - 1


def _resolve_part(spec: TimeSpec, base: Base | None, tense: Tense = None) -> Resolved:
    m1, m2 = spec.months  # type: ignore[misc]
    y, decided = _year_value(spec.lo, base)
    if spec.lo is not None and not decided:
        return UNKNOWN
    notes: tuple[str, ...] = ()
    if y is None:
        if base is None:
            return Resolved(f"--{m1:02d}", f"--{m2:02d}", "month", None, None)
        y = _period_year(m2, base, tense)
        notes = ("year from the publication date",)
    return Resolved(_iso_point(y, m1, None), _iso_point(y, m2, None), "month",
                    date(y, m1, 1), date(y, m2, _month_last(y, m2)), notes)


def _resolve_rel(spec: TimeSpec, base: Base | None) -> Resolved:
    n = spec.n or 0
    if base is None:
        return UNKNOWN
    if spec.unit == "year":
        y = base.year + n
        return Resolved(f"{y:04d}", None, "year", date(y, 1, 1), date(y, 12, 31))
    if spec.unit == "month":
        if base.month is None:
            return UNKNOWN
        y, m = _shift_months(base.year, base.month, n)
        return Resolved(_iso_point(y, m, None), None, "month", *_bounds(y, m, None))
    if spec.unit == "quarter":
        if base.month is None:
            return UNKNOWN
        y, m = _shift_months(base.year, (base.month - 1) // 3 * 3 + 1, 3 * n)
        y2, m2 = _shift_months(y, m, 2)
        return Resolved(_iso_point(y, m, None), _iso_point(y2, m2, None), "month",
                        date(y, m, 1), date(y2, m2, _month_last(y2, m2)))
    ref = base.as_date()
    if ref is None:
        return UNKNOWN
    if spec.unit == "day":
        d = ref + timedelta(days=n)
        return Resolved(d.isoformat(), None, "day", d, d)
    if spec.unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=n)
        sunday = monday + timedelta(days=6)
        return Resolved(monday.isoformat(), sunday.isoformat(), "day", monday, sunday)
    return UNKNOWN


def _resolve_weekday(spec: TimeSpec, base: Base | None, tense: Tense) -> Resolved:
    ref = base.as_date() if base else None
    if ref is None or spec.weekday is None:
        return UNKNOWN
    delta = spec.weekday - ref.weekday()
    if spec.n == -1:  # last Tuesday: the most recent one before the base
        d = ref + timedelta(days=(delta - 7) if delta >= 0 else delta)
    elif spec.n == 1:  # next Tuesday: the first one after the base
        d = ref + timedelta(days=delta if delta > 0 else delta + 7)
    elif spec.n == 0:  # this Tuesday: in the base's week
        d = ref + timedelta(days=delta)
    elif tense == "future":
        d = ref + timedelta(days=delta if delta >= 0 else delta + 7)
    else:  # news default: the past week, the base day included
        d = ref + timedelta(days=delta if delta <= 0 else delta - 7)
    return Resolved(d.isoformat(), None, "day", d, d)


def _resolve_span(spec: TimeSpec, base: Base | None) -> Resolved:
    if base is None:
        return UNKNOWN
    n = spec.n or 1
    sign = spec.direction
    if spec.unit == "year":
        a, b = (base.year - n, base.year) if sign < 0 else (base.year, base.year + n)
        return Resolved(f"{a:04d}", f"{b:04d}", "year", date(a, 1, 1), date(b, 12, 31))
    if spec.unit == "month":
        if base.month is None:
            return UNKNOWN
        ya, ma = _shift_months(base.year, base.month, -n if sign < 0 else 0)
        yb, mb = _shift_months(base.year, base.month, 0 if sign < 0 else n)
        return Resolved(_iso_point(ya, ma, None), _iso_point(yb, mb, None), "month",
                        date(ya, ma, 1), date(yb, mb, _month_last(yb, mb)))
    ref = base.as_date()
    if ref is None:
        return UNKNOWN
    days = n * (7 if spec.unit == "week" else 1)
    a, b = (ref - timedelta(days=days), ref) if sign < 0 else (ref, ref + timedelta(days=days))
    return Resolved(a.isoformat(), b.isoformat(), "day", a, b)


def _resolve_anaphor(spec: TimeSpec, anchor: date | None) -> Resolved:
    if anchor is None:
        return UNKNOWN
    if spec.unit == "day":
        d = anchor + timedelta(days=spec.n or 0)
        return Resolved(d.isoformat(), None, "day", d, d)
    if spec.unit == "month":
        y, m = _shift_months(anchor.year, anchor.month, spec.n or 0)
        return Resolved(_iso_point(y, m, None), None, "month", *_bounds(y, m, None))
    y = anchor.year + (spec.n or 0)
    return Resolved(f"{y:04d}", None, "year", date(y, 1, 1), date(y, 12, 31))


def year_of(previous: Resolved, n: int) -> Resolved:
    """"the same year", "the previous year" after ``previous``: its year shifted by ``n``; after a fiscal
    year ("2023-24 (April-March) ... the previous year") the fiscal year shifted by ``n``."""
    first, last = previous.first, previous.last
    if first is None or last is None:
        return UNKNOWN
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.year != last.year and 12 <= months <= 13 and first.day == 1:
        y1, y2 = first.year + n, last.year + n
        return Resolved(_iso_point(y1, first.month, None), _iso_point(y2, last.month, None), "month",
                        date(y1, first.month, 1), date(y2, last.month, _month_last(y2, last.month)))
    y = last.year + n
    return Resolved(f"{y:04d}", None, "year", date(y, 1, 1), date(y, 12, 31))


def fiscal_year_of(spec: TimeSpec, months: tuple[int, int]) -> TimeSpec:
    """"the 2025-26 financial year" once the article has said its fiscal year runs ``months``."""
    assert spec.lo is not None and spec.hi is not None
    first, last = months
    y1 = spec.lo.year
    y2 = spec.hi.year if last <= first else y1
    return replace(spec, lo=Point(y1, first), hi=Point(y2, last), fiscal=months)


def _resolve_period_anaphor(spec: TimeSpec, period: Resolved | None) -> Resolved:
    """"the eight-month period", "the same period last year": the run of months named before."""
    if period is None or period.first is None or period.last is None:
        return UNKNOWN
    months = (period.last.year - period.first.year) * 12 + period.last.month - period.first.month + 1
    if spec.n is not None and spec.n != months:
        return UNKNOWN
    shift = spec.direction or 0
    y1, y2 = period.first.year + shift, period.last.year + shift
    m1, m2 = period.first.month, period.last.month
    return Resolved(_iso_point(y1, m1, None), _iso_point(y2, m2, None), "month",
                    date(y1, m1, 1), date(y2, m2, _month_last(y2, m2)))


def _resolve_offset(spec: TimeSpec, base: Base | None) -> Resolved:
    """'three weeks ago', 'in two months': dateparser's relative arithmetic is right here."""
    if base is None:
        return UNKNOWN
    unit, n = spec.unit or "day", spec.n or 0
    if unit == "decade":
        unit, n = "year", n * 10
    needs = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if needs == "day" and base.day is None or needs == "month" and base.month is None:
        return UNKNOWN
    from dateparser.date import DateDataParser  # imported lazily: slow to import

    ref = datetime(base.year, base.month or 7, base.day or 1)
    phrase = f"{n} {unit}s ago" if spec.direction < 0 else f"in {n} {unit}s"
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": ref,
                                                       "RETURN_AS_TIMEZONE_AWARE": False})
    data = parser.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return UNKNOWN
    d = data.date_obj.date()
    if needs == "year":
        return Resolved(f"{d.year:04d}", None, "year", *_bounds(d.year, None, None))
    if needs == "month":
        return Resolved(_iso_point(d.year, d.month, None), None, "month", *_bounds(d.year, d.month, None))
    return Resolved(d.isoformat(), None, "day", d, d)


def _narrow(r: Resolved, part: str) -> Resolved:
    """'early 2024', 'the end of this year': a part of a year (months)."""
    frac = lexicon()["part_of_period"].get(part)
    if frac is None or r.first is None or r.last is None:
        return r
    if r.precision == "year" and r.first.year == r.last.year:
        y = r.first.year
        m1 = 1 + int(frac[0] * 12 + 1e-9)
        m2 = max(m1, min(12, int(round(frac[1] * 12))))
        return Resolved(_iso_point(y, m1, None), _iso_point(y, m2, None) if m2 != m1 else None, "month",
                        date(y, m1, 1), date(y, m2, _month_last(y, m2)), r.notes)
    return r  # a month stays a month ("late November"): the modifier travels on the mention
