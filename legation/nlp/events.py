"""Diplomatic events (baseline: none).  The events issue fills this component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from legation.nlp.extensions import get_list


class EventComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "legation_events")
        return doc
