"""Bylines and credits: the people who made the article are not people of the article.

"By Thanh Hang – Translated by Thuy Doan", "(Photo: VNA)", "Reporting by ...;
Editing by ..." name writers, translators, photographers and agencies.  They
are found by the patterns in ``data/credits.json`` (whole short paragraphs,
and credits inside captions) and returned as character ranges; the people
component leaves names inside them out of ``people`` and lists them as
credits instead, so nothing is silently dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legation.nlp.lexicon import Lexicon

__all__ = ["credit_spans", "credit_role"]

_DATELINE_AGENCY = re.compile(r"^\s*[^\n(]{2,60}?\s?\(([^)\n]{2,40})\)\s*(?:-|–|—|--|:|\.)")
_ROLE_WORDS = (
    ("translat", "translator"), ("edit", "editor"), ("photo", "photographer"), ("report", "reporter"),
    ("writ", "writer"), ("compil", "compiler"), ("video", "videographer"), ("graphic", "graphics"),
    ("source", "source"),
)


@lru_cache(maxsize=4)
def _patterns(paragraph: tuple[str, ...], inline: tuple[str, ...]):
    flags = re.IGNORECASE | re.MULTILINE
    return [re.compile(p, flags) for p in paragraph], [re.compile(p, re.IGNORECASE) for p in inline]


def credit_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Character ranges of credit lines and inline credits, sorted."""
    cfg = lex.credits
    para_res, inline_res = _patterns(tuple(cfg["paragraph"]), tuple(cfg["inline"]))
    max_words = int(cfg.get("max_words", 24))
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        stripped = para.strip()
        if not stripped:
            continue
        lead = start + para.index(stripped)
        if len(stripped.split()) <= max_words and any(r.match(stripped) for r in para_res):
            spans.append((lead, lead + len(stripped)))
            continue
        for r in inline_res:
            for m in r.finditer(para):
                spans.append((start + m.start(), start + m.end()))
        dateline = _DATELINE_AGENCY.match(para)
        if dateline:  # "Brasília (Agência Brasil) -": the agency, not the city
            spans.append((start + dateline.start(1), start + dateline.end(1)))
    signoff = cfg.get("signoff")
    if signoff:
        # a byline alone on its line right under the headline
        paragraphs = [m for m in re.finditer(r"[^\n]+", text)][:4]
        for m in paragraphs[1:3]:
            line = m.group().strip()
            if re.match(signoff, line) and len(line.split()) <= 4 and not lex.is_vocabulary(line.split()[0]) \
                    and not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start() + m.group().index(line), m.start() + m.group().index(line) + len(line)))
        last = text.rstrip()
        start = max(last.rfind("\n"), -1) + 1
        line = last[start:].strip()
        if line and re.match(signoff, line) and start > 0 and not any(s <= start < e for s, e in spans):
            lead = start + last[start:].index(line)
            spans.append((lead, lead + len(line)))
    return sorted(spans)


def credit_role(text: str) -> str:
    """The role a credit gives its names, from its cue word ("Translated by" -> translator)."""
    low = text.lower()
    for cue, role in _ROLE_WORDS:
        if low.startswith(cue) or f" {cue}" in low[:20]:
            return role
    return "author"
