"""Temporal expressions (baseline: the statistical NER's DATE spans, unresolved).

The time-and-figures issue replaces this with resolution against the
publication date and inference of a missing publication date.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import DateExpr
from legation.nlp.extensions import get_dict, get_list


class DateComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        base = get_dict(doc, "legation_meta").get("published")
        out = get_list(doc, "legation_dates")
        for ent in doc.ents:
            if ent.label_ == "DATE":
                out.append(DateExpr(text=ent.text, base=base, offsets=(ent.start_char, ent.end_char)))
        return doc
