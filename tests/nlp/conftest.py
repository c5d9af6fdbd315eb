"""Fixtures for the NLP tests: the rules on spaCy's blank English tokenizer (model-free, fast)."""

from __future__ import annotations

import pytest

from legation.nlp import BLANK, load_pipeline
from legation.settings import Settings


@pytest.fixture(scope="session")
def blank_nlp():
    """Our components on ``spacy.blank("en")`` with a sentencizer: no statistical model."""
    return load_pipeline(Settings(model=BLANK))


@pytest.fixture(scope="session")
def read(blank_nlp):
    """``read(text)`` -> the processed ``Doc`` (metadata set as the pipeline would)."""

    def _read(text: str, published: str | None = None):
        doc = blank_nlp.make_doc(text)
        doc._.legation_meta = {"id": "t", "source": "t", "published": published,
                               "published_basis": "metadata" if published else None, "title": None}
        for _, proc in blank_nlp.pipeline:
            doc = proc(doc)
        return doc

    return _read


def people_of(doc) -> dict[str, object]:
    return {p.name: p for p in doc._.legation_people}


def titles_of(doc, name: str) -> list[str]:
    return [t.text for t in people_of(doc)[name].titles]
