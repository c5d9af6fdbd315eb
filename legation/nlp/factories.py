"""spaCy factory registrations, namespaced ``legation_*`` so they never clash."""

from __future__ import annotations

from spacy.language import Language

from legation.nlp.dates import DateComponent
from legation.nlp.entities import EntityComponent
from legation.nlp.events import EventComponent
from legation.nlp.figures import FigureComponent

#: component names in pipeline order (each reads what the ones before it wrote).
COMPONENTS = ("legation_entities", "legation_dates", "legation_figures", "legation_events")


@Language.factory("legation_entities", requires=["doc.ents", "token.dep"],
                  assigns=["doc._.legation_people", "doc._.legation_organizations",
                           "doc._.legation_places", "doc._.legation_acronyms"])
def make_entities(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent(nlp, name)


@Language.factory("legation_dates", requires=["doc.ents"], assigns=["doc._.legation_dates"])
def make_dates(nlp: Language, name: str) -> DateComponent:
    return DateComponent(nlp, name)


@Language.factory("legation_figures", requires=["doc.ents"], assigns=["doc._.legation_figures"])
def make_figures(nlp: Language, name: str) -> FigureComponent:
    return FigureComponent(nlp, name)


@Language.factory("legation_events", requires=["doc._.legation_people"], assigns=["doc._.legation_events"])
def make_events(nlp: Language, name: str) -> EventComponent:
    return EventComponent(nlp, name)
