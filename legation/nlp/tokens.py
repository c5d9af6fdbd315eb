"""Token tests and the per-document claim map shared by the entity components.

Why a claim map: the entity components run in order (acronyms, places,
organizations, people) and each must know which tokens an earlier one took,
so that "Ho Chi Minh City" is never also a person and "Communist Party of
Peru" never also a place mention.  ``claims(doc)[i]`` names the kind and key
of whatever owns token ``i``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from legation.nlp.extensions import get_dict

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["APOSTROPHE_S", "CONNECTORS", "claim", "claimed", "claims", "is_cap", "is_name_token", "sent_of",
           "state", "word_text"]

APOSTROPHE_S = {"'s", "’s", "'", "’"}
#: words allowed inside a capitalised name of an organization or title
CONNECTORS = {"of", "for", "on", "and", "&", "the", "to", "in", "at", "de", "del", "la", "des", "du", "y"}
_INITIAL = re.compile(r"^[A-Z][a-z]?\.$")
_NAME_CHARS = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’\-][^\W\d_]+)*\.?$")


def state(doc: Doc) -> dict:
    return get_dict(doc, "legation_state")


def claims(doc: Doc) -> dict[int, tuple[str, str]]:
    return state(doc).setdefault("claims", {})


def claim(doc: Doc, start: int, end: int, kind: str, key: str) -> None:
    c = claims(doc)
    for i in range(start, end):
        c[i] = (kind, key)


def claimed(doc: Doc, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
    c = claims(doc)
    return any(i in c and (kinds is None or c[i][0] in kinds) for i in range(start, end))


def is_cap(tok: Token) -> bool:
    """Starts with an upper-case letter (Peru, HCMC, People's, Ba)."""
    t = tok.text
    return bool(t) and t[0].isupper() and t[0].isalpha()


def is_name_token(tok: Token) -> bool:
    """Could be one word of a personal name: capitalised letters, inner apostrophes or hyphens."""
    t = tok.text
    if _INITIAL.match(t):
        return True  # "B." of "B. Enkhjargal", "Ts." of "Ts. Oyunchimeg"
    return is_cap(tok) and bool(_NAME_CHARS.match(t)) and not (t.isupper() and len(t) >= 2)


def sent_of(tok: Token) -> Span:
    return tok.sent if tok.doc.has_annotation("SENT_START") else tok.doc[:]


def word_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start:end`` as written (with its own spacing)."""
    if start >= end:
        return ""
    return doc[start:end].text  # not doc.text: spaCy rebuilds the whole text on every access


_TERMINAL = {".", "!", "?", "./.", "…"}


def _breaks_after(tok: Token) -> bool:
    if tok.text == "." and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ \
            and re.match(r"^[A-Z][a-z]?$", tok.doc[tok.i - 1].text) and "\n" not in tok.whitespace_:
        return False  # the period of an initial split off by the tokenizer: "Ts" "." "Oyunchimeg"
    return tok.text in _TERMINAL or "\n" in tok.whitespace_ or tok.text.endswith("\n")


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence around ``i`` by punctuation and line breaks.

    The statistical parser sometimes cuts a sentence before a name that
    follows a parenthesis ("... Party (PCP) | Luis Alberto ..."); the entity
    rules need the real sentence, which ends at terminal punctuation or a
    line break.  (An abbreviation such as "Mr." is not terminal: spaCy keeps
    its period inside the token.)
    """
    start = i
    while start > 0 and not _breaks_after(doc[start - 1]):
        start -= 1
    end = i
    while end < len(doc) and not _breaks_after(doc[end]):
        end += 1
    return start, min(len(doc), end + 1)


class Intervals:
    """Character spans, asked "is (a, b) inside one of you?" in log time (long documents have
    thousands of mentions, and the naive double loop is quadratic)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        best = -1
        self._ends = []
        for _, e in ordered:  # the furthest end among spans starting at or before each start
            best = max(best, e)
            self._ends.append(best)

    def covers(self, a: int, b: int | None = None) -> bool:
        import bisect

        b = a + 1 if b is None else b
        k = bisect.bisect_right(self._starts, a) - 1
        return k >= 0 and self._ends[k] >= b
