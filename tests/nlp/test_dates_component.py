"""The legation_dates component on a blank pipeline: model-free."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import raise_error

from legation.nlp import factories  # noqa: F401  (registers the components)
from legation.nlp.dates import DateComponent


@pytest.fixture
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("legation_dates")
    return nlp


def run(nlp, text: str, published: str | None = None, basis: str | None = None):
    doc = nlp.make_doc(text)
    doc._.legation_meta = {"id": "t1", "published": published, "published_basis": basis}
    return nlp(doc)


def test_dates_component_resolves_against_header_date(nlp):
    doc = run(nlp, "The ministers met on Tuesday and will meet again next month.", "2024-08-23", "header")
    assert [(d.text, d.start) for d in doc._.legation_dates] == [("on Tuesday", "2024-08-20"),
                                                                 ("next month", "2024-09")]
    assert doc._.legation_meta["published_basis"] == "header"
    assert not doc._.legation_warnings


def test_dates_component_infers_and_warns(nlp):
    text = ("The delegation was received in Lima on June 2.\n\n"
            "The year 2026 marking the 40th anniversary of ties will be a milestone.\n\n"
            "They will celebrate the 40th anniversary next year.")
    doc = run(nlp, text)
    meta = doc._.legation_meta
    assert (meta["published"], meta["published_basis"]) == ("2025-06", "inferred")
    [w] = [w for w in doc._.legation_warnings if w.kind == "published_inferred"]
    assert "2025-06" in w.message and "40th anniversary" in w.message
    assert text[w.evidence.start:w.evidence.end] == w.evidence.text
    assert doc._.legation_dates[0].start == "2025-06-02"


def test_dates_component_failure_becomes_a_warning_not_a_lost_batch():
    class Broken(DateComponent):
        def match(self, doc):
            raise ValueError("bad input")

    nlp = spacy.blank("en")
    comp = Broken(nlp, "legation_dates")
    docs = list(nlp.pipe(["one", "two"]))
    out = [comp(d) for d in docs]
    assert all(any(w.kind == "component_failed" and "bad input" in w.message for w in d._.legation_warnings)
               for d in out)


def test_dates_component_error_handler_can_be_made_loud():
    class Broken(DateComponent):
        def match(self, doc):
            raise ValueError("bad input")

    nlp = spacy.blank("en")
    comp = Broken(nlp, "legation_dates")
    comp.set_error_handler(raise_error)
    with pytest.raises(ValueError):
        comp(nlp.make_doc("text"))


def test_dates_component_serialises(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    comp = nlp.get_pipe("legation_dates")
    assert comp.from_disk(tmp_path / "p" / "legation_dates") is comp
