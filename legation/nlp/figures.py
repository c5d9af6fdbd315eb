"""Money and percentage figures (baseline from the statistical NER).

The time-and-figures issue replaces this with a rule-based parser that knows
currencies, scale words, approximations, periods and flow direction.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Evidence, Figure
from legation.nlp.extensions import get_list

_SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_amount(text: str) -> float | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    value = float(m.group().replace(",", ""))
    for word, factor in _SCALE.items():
        if re.search(rf"\b{word}\b", text, re.I):
            value *= factor
            break
    return value


class FigureComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        out = get_list(doc, "legation_figures")
        for ent in doc.ents:
            if ent.label_ not in ("MONEY", "PERCENT"):
                continue
            value = parse_amount(ent.text)
            if value is None:
                continue
            unit = "percent" if ent.label_ == "PERCENT" else "USD" if "$" in ent.text else "unknown"
            sent = ent.sent
            out.append(Figure(measure="other", value=value, unit=unit,
                              evidence=Evidence(start=sent.start_char, end=sent.end_char, text=sent.text)))
        return doc
