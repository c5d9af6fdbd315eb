"""Inferring a missing publication date from the article's own words.

News text dates itself in a few reliable ways, tried strongest first:

1. **Anniversaries.**  "the year 2024 marking the 30th anniversary of ties"
   (or "the 30th anniversary (1994-2024)", or ties "established in 1994")
   fixes the year of the 30th anniversary; "the 30th anniversary ... next
   year" elsewhere then fixes the publication year (2024 - 1 = 2023).
2. **Apposition.**  "this year (2024)", "next year, 2025": the relative and the
   absolute year name the same year.
3. **Explicit past dates.**  "In November 2023 the two sides signed ..." means
   the article is from November 2023 or later; the latest such date gives the
   year when nothing stronger does.  Future-tense dates ("will be held in
   March 2025") bound it from above and veto inconsistent candidates.

Once the year is known, the month follows when the article reports an event
of a month *without a year* as past or ongoing ("hosted a reception on
November 10"): news gives the year only for dates away from the present, so a
yearless date is from the month of publication.

The result carries the precision its evidence supports (``YYYY`` or
``YYYY-MM``) and the clues, which the date component cites in a
``published_inferred`` warning.  Nothing is ever taken from the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from legation.nlp.sentences import sentence_at
from legation.nlp.temporal import Resolved, TimeMention, clause_tense, lexicon, resolve, tense_of

__all__ = ["Clue", "Inference", "infer_publication"]


@dataclass(frozen=True, slots=True)
class Clue:
    """One piece of evidence: where it is and what it says about the date."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Inference:
    value: str  # "YYYY", "YYYY-MM" or, from a dateline, "YYYY-MM-DD"
    clues: tuple[Clue, ...] = field(default_factory=tuple)

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month"}.get(len(self.value), "year")

    def message(self) -> str:
        reasons = "; ".join(f"{c.reason} ({_quote(c.text)})" for c in self.clues)
        return f"publication date inferred as {self.value}: {reasons}"


_ORDINAL_WORDS = {k: v for k, v in lexicon()["ordinals"].items() if v and v > 0}
_ANNIVERSARY = re.compile(
    r"\b(?:(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\s+(?:[\w-]+\s+){0,3}?anniversary\b"
    r"|(?P<half>half\s+a\s+century|half-century)|(?P<quarter>(?:a\s+)?quarter(?:\s+of\s+a|-)\s*century)"
    r"(?=\s+of\s+(?:\w+\s+){0,2}(?:relations|ties|friendship|partnership|cooperation)))", re.IGNORECASE)
_PRESENT_CELEBRATION = re.compile(
    r"\b(?:celebrat(?:e|es|ing)|commemorat(?:e|es|ing)|marks|marking|anniversary\s+year)\b", re.IGNORECASE)


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= limit else f"'{text[:limit - 3]}...'"


def _abs_years(m: TimeMention) -> tuple[int, int] | None:
    """(first, last) year of a mention stated with absolute years, else None."""
    s = m.spec
    if s.kind == "point" and s.lo and s.lo.year is not None and not s.lo.rel_year:
        return s.lo.year, s.lo.year
    if s.kind == "range" and s.lo and s.hi:
        y1 = s.lo.year if not s.lo.rel_year else None
        y2 = s.hi.year if not s.hi.rel_year else None
        if y1 is not None or y2 is not None:
            return y1 or y2, y2 or y1  # type: ignore[return-value]
    if s.kind == "part" and s.lo and s.lo.year is not None and not s.lo.rel_year:
        return s.lo.year, s.lo.year
    return None


def _rel_year(m: TimeMention) -> int | None:
    """The year offset of "this/next/last year", else None."""
    s = m.spec
    if s.kind == "rel" and s.unit == "year":
        return s.n or 0
    if s.kind in ("point", "part", "range") and s.lo is not None and s.lo.rel_year:
        return s.lo.year
    return None


def infer_publication(text: str, mentions: list[TimeMention],
                      sentence_spans: list[tuple[int, int]]) -> Inference | None:
    """The publication date the text implies, or None when it does not decide a year."""

    def sent(m: TimeMention) -> tuple[int, int]:
        return sentence_at(sentence_spans, m.start) or (m.start, m.end)

    by_sentence: dict[tuple[int, int], list[TimeMention]] = {}
    for m in mentions:
        by_sentence.setdefault(sent(m), []).append(m)

    candidates: list[tuple[int, list[Clue]]] = []
    candidates += _from_anniversaries(text, by_sentence)
    candidates += _from_apposition(text, mentions)
    lower, upper = _bounds(text, mentions, sent)
    if lower and upper and upper[0] < lower[0]:
        upper = None  # the text contradicts itself: a dated past event outweighs a tense guess

    year: int | None = None
    clues: list[Clue] = []
    for y, why in candidates:
        if lower and y < lower[0].year or upper and y > upper[0].year:
            continue  # contradicted by a dated past or future event
        year, clues = y, why
        break
    from_bound = False
    if year is None and lower is not None:
        first, clue = lower
        year, clues = first.year, [clue]
        from_bound = True
    if year is None:
        return None
    month, month_clue = _month(text, mentions, sent, year, None if from_bound else lower)
    day = None
    if isinstance(month, tuple):
        month, day = month
    if month is not None and month_clue is not None:
        if from_bound and lower is not None and month < lower[0].month:
            # "In October 2022 they signed ... On March 5 the ministers met": the March after
            year += 1
            month_clue = Clue(month_clue.start, month_clue.end, month_clue.text,
                              month_clue.reason + f", the first such month after {lower[0]:%B %Y}")
        if day is not None and _real_day(year, month, day):
            return Inference(f"{year:04d}-{month:02d}-{day:02d}", tuple(clues) + (month_clue,))
        return Inference(f"{year:04d}-{month:02d}", tuple(clues) + (month_clue,))
    return Inference(f"{year:04d}", tuple(clues))


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _founding_anchor(text: str, sentence_start: int, pos: int) -> bool:
    """Does a word of founding ('established', 'diplomatic relations', ...) stand just before ``pos``
    in its sentence?  Then the date there is when something began."""
    before = text[max(sentence_start, pos - 60):pos].lower()
    return any(a in before for a in lexicon()["anniversary_anchors"])


def _from_anniversaries(text: str, by_sentence: dict[tuple[int, int], list[TimeMention]]
                        ) -> list[tuple[int, list[Clue]]]:
    years: dict[int, list[tuple[int, Clue]]] = {}  # ordinal -> the year it falls in
    offsets: dict[int, list[tuple[int, Clue]]] = {}  # ordinal -> "this/next/last year"
    present: dict[int, list[tuple[int, Clue]]] = {}  # ordinal -> celebrated now, no year word
    founding: dict[int, Clue] = {}  # year something began -> evidence

    for (s, e), ms in by_sentence.items():
        sentence = text[s:e]
        points = [(m, _abs_years(m)[0]) for m in ms if m.spec.kind == "point" and _abs_years(m)
                  and m.spec.lo is not None and m.spec.lo.month is None]
        for m in ms:  # "relations, established on November 4, 1974": a founding date of any precision
            ys = _abs_years(m)
            if m.spec.kind == "point" and ys and _founding_anchor(text, s, m.start):
                founding.setdefault(ys[0], Clue(s, e, sentence, f"it began in {ys[0]}"))
        ords = [(n, s + a.start()) for a in _ANNIVERSARY.finditer(sentence) if (n := _ordinal(a))]
        for n, where in ords:
            found: list[int] = []
            for m in ms:
                ys = _abs_years(m)
                if m.spec.kind == "range" and ys and ys[1] - ys[0] == n:
                    found.append(ys[1])
                    founding.setdefault(ys[0], Clue(s, e, sentence, f"it began in {ys[0]}"))
            values = sorted(y for _, y in points)
            for y1 in values:
                if y1 + n in values:
                    found.append(y1 + n)
                    founding.setdefault(y1, Clue(s, e, sentence, f"it began in {y1}"))
            if not found and len(points) == 1:
                m, y = points[0]
                if _founding_anchor(text, s, m.start):
                    found.append(y + n)
                else:
                    found.append(y)
                    founding.setdefault(y - n, Clue(s, e, sentence, f"the {_ordinal_text(n)} anniversary falls "
                                                                     f"in {y}, so it began in {y - n}"))
            for a in found:
                years.setdefault(n, []).append(
                    (a, Clue(s, e, sentence, f"the {_ordinal_text(n)} anniversary falls in {a}")))
            rels = [m for m in ms if _rel_year(m) is not None]
            if rels:  # the relative year nearest the anniversary is the one that dates it
                m = min(rels, key=lambda r: min(abs(r.start - where), abs(r.end - where)))
                offsets.setdefault(n, []).append(
                    (_rel_year(m), Clue(s, e, sentence, f"the {_ordinal_text(n)} anniversary is "
                                                         f"'{' '.join(m.core_text.split())}'")))
            elif _PRESENT_CELEBRATION.search(sentence) and tense_of(sentence) != "future":
                # "the year when the two nations celebrate half a century of relations": now
                present.setdefault(n, []).append(
                    (0, Clue(s, e, sentence, f"the {_ordinal_text(n)} anniversary is told as the present")))
    out: list[tuple[int, list[Clue]]] = []
    for n, rels in [*offsets.items(), *present.items()]:
        known = years.get(n) or [(f + n, Clue(c.start, c.end, c.text, c.reason + f", so the "
                                              f"{_ordinal_text(n)} anniversary is {f + n}"))
                                 for f, c in founding.items()]
        for a, a_clue in known:
            for off, r_clue in rels:
                y = a - off
                out.append((y, [a_clue, Clue(r_clue.start, r_clue.end, r_clue.text,
                                             r_clue.reason + f", so the article is from {y}")]))
    return out


def _from_apposition(text: str, mentions: list[TimeMention]) -> list[tuple[int, list[Clue]]]:
    out: list[tuple[int, list[Clue]]] = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end:b.start]
        if len(gap) > 3 or not re.fullmatch(r"[\s,(]*", gap):
            continue
        for rel_m, abs_m in ((a, b), (b, a)):
            off = _rel_year(rel_m)
            ys = _abs_years(abs_m)
            if off is not None and ys is not None and ys[0] == ys[1] and abs_m.spec.lo \
                    and abs_m.spec.lo.month is None:
                y = ys[0] - off
                span = text[min(a.start, b.start):max(a.end, b.end)]
                out.append((y, [Clue(min(a.start, b.start), max(a.end, b.end), span,
                                     f"'{' '.join(rel_m.core_text.split())}' is {ys[0]}, so the article "
                                     f"is from {y}")]))
    return out


def _bounds(text: str, mentions: list[TimeMention], sent) -> tuple[tuple[date, Clue] | None,
                                                                   tuple[date, Clue] | None]:
    """The latest explicit date told as past (lower bound), the earliest told as future (upper)."""
    lower: tuple[date, Clue] | None = None
    upper: tuple[date, Clue] | None = None
    for m in mentions:
        if _abs_years(m) is None:
            continue
        r: Resolved = resolve(m.spec, None)
        if not r.known:
            continue
        s, e = sent(m)
        tense = _own_tense(text, s, e, m.start)
        if _PLANNED.search(text[max(s, m.start - 60):m.start]):
            continue  # "drafting a plan of action for 2026-2030": what a plan covers, not when it was told
        if tense == "past" and m.mod not in ("by", "until", "before"):
            point = r.first  # the event began by then
            if point and (lower is None or point > lower[0]):
                lower = (point, Clue(s, e, text[s:e],
                                     f"'{' '.join(m.text.split())}' is told as past"))
        elif tense == "future" and not _founding_anchor(text, s, m.start):
            # ('will celebrate the 30th anniversary of the establishment of relations, in March 1996':
            # a founding date is past whatever the clause's tense)
            point = r.last
            if point and (upper is None or point < upper[0]):
                upper = (point, Clue(s, e, text[s:e],
                                     f"'{' '.join(m.text.split())}' is told as future"))
    return lower, upper


_PLANNED = re.compile(r"(?:\bfor(?:\s+the)?|\b(?:plan|plans|programme|program|strategy|roadmap|vision|agenda|"
                      r"target|targets)(?:\s+[\w-]+){0,4}\s+(?:to|until|till|through|by))\s*$", re.IGNORECASE)


def _own_tense(text: str, s: int, e: int, pos: int):
    """The tense of the clause saying the date (a fronted "In 2022," takes its main clause's);
    a sentence with any future cue is never a dated past ("She said 2023 will be ...")."""
    whole = tense_of(text[s:e])
    own = whole
    clauses = [(c0, c1) for c0, c1 in _clauses(text, s, e)]
    for i, (c0, c1) in enumerate(clauses):
        if c0 <= pos < c1:
            own = None
            for a, b in clauses[i:i + 2]:
                t = tense_of(text[a:b])
                if t is not None:
                    own = t
                    break
            break
    if whole == "future":
        # "was launched in 2016 and will mark its 10th anniversary next year": 2016 is neither a dated
        # past (the sentence looks ahead) nor a future bound (its own clause is past)
        return "future" if own in ("future", None) else None
    return own


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, lo = [], s
    for m in re.finditer(r"[;,]\s+|\s+(?:and|but|while|whereas)\s+", text[s:e]):
        out.append((lo, s + m.start()))
        lo = s + m.end()
    out.append((lo, e))
    return out


def _month(text: str, mentions: list[TimeMention], sent, year: int,
           lower: tuple[date, Clue] | None) -> tuple[int | tuple[int, int] | None, Clue | None]:
    """The month of the latest yearless day or month told as past or ongoing ((month, day) when it is a
    dateline's): 'talks on September 30' then 'received them on October 1' were written in October
    at the earliest.  Months that wrap a year ('December 28' ... 'January 3') keep the first told."""
    found: list[tuple[int, Clue]] = []
    for m in mentions:
        s = m.spec
        lo = s.lo
        if s.kind not in ("point", "range") or lo is None or lo.year is not None or lo.month is None:
            continue
        if s.n is not None:  # "last November": relative, says nothing about the month of writing
            continue
        a, b = sent(m)
        if clause_tense(text, a, b, m.start) == "future":
            continue
        if lower is not None and lower[0].year == year and lo.month < lower[0].month:
            continue  # an earlier month than a dated past event of the same year
        if lo.day is not None and s.kind == "point" and _dateline(text, m):
            return (lo.month, lo.day), Clue(a, b, text[a:b], f"the dateline '{' '.join(m.text.split())}' is the "
                                                              f"day of writing")
        found.append((lo.month, Clue(a, b, text[a:b],
                                     f"'{' '.join(m.text.split())}' has no year and is reported as past or "
                                     f"ongoing, so the article is from that month or later")))
    if not found:
        return None, None
    months = [mo for mo, _ in found]
    if max(months) - min(months) > 6:
        return found[0]
    return max(found, key=lambda f: f[0])


_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:\s*,\s*[A-Z][\w.'’-]*(?:[ -][A-Z]"
                       r"[\w.'’-]*){0,2})?\s*,\s*$")


def _dateline(text: str, m: TimeMention) -> bool:
    """"Havana, Apr 8 (Prensa Latina)", "HANOI, Nov. 1 -": a paragraph opening with a place and the day,
    then the agency or a dash; the dispatch's day is the day of writing."""
    if not _DATELINE.search(text[max(0, m.start - 60):m.start]):
        return False
    return re.match(r"\s*(?:\([^)\n]{1,40}\)|[-–—:/|])", text[m.end:m.end + 45]) is not None


def _ordinal(m: re.Match[str]) -> int | None:
    if m["half"]:
        return 50
    if m["quarter"]:
        return 25
    if m["n"]:
        return int(m["n"])
    return _ORDINAL_WORDS.get(m["w"].lower())


def _ordinal_text(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
