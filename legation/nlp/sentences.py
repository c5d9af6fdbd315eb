"""Sentence and paragraph boundaries as character spans, without a model.

The date and figure components need the same sentence boundaries whether the
statistical parser ran or not (unit tests use ``spacy.blank("en")``), and the
parser of the small English model splits news text at odd places ("(local
time)", "Mr.").  A conservative rule splitter is enough for evidence
sentences: it breaks at ``.``, ``!`` or ``?`` followed by space and an
upper-case letter, a digit or a quote, except after common abbreviations and
initials, and always at blank lines (paragraphs).
"""

from __future__ import annotations

import re

__all__ = ["paragraphs", "sentence_at", "sentences"]

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "sen",
    "rep", "gov", "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "est", "h.e",
    "s", "a.m", "p.m", "fig", "art", "vol", "rs", "nt",
}
_BREAK = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: text between blank lines, trimmed of surrounding space."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        out.extend(_trim(text, start, m.start()))
        start = m.end()
    out.extend(_trim(text, start, len(text)))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in text order; every non-space character is in exactly one."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        for line_start, line_end in _lines(text, p_start, p_end):
            start = line_start
            for m in _BREAK.finditer(text, line_start, line_end):
                if _is_abbreviation(text, line_start, m.start()):
                    continue
                out.extend(_trim(text, start, m.end()))
                start = m.end()
            out.extend(_trim(text, start, line_end))
    return out


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span containing ``offset`` (binary search over sorted spans)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A single newline inside a paragraph also ends a sentence (headlines, captions)."""
    out = []
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return out


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    if text[max(floor, dot - 2):dot] == "S/":  # Peruvian soles: "S/. 130 billion"
        return True
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(floor, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and m.group(1).isupper()  # an initial: "Nguyen V. Dung"


def _trim(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []
