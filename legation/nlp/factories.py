"""spaCy factory registrations, namespaced ``legation_*`` so they never clash."""

from __future__ import annotations

from spacy.language import Language

from legation.nlp.acronyms import AcronymComponent
from legation.nlp.dates import DateComponent
from legation.nlp.events import EventComponent
from legation.nlp.figures import FigureComponent
from legation.nlp.organizations import OrganizationComponent
from legation.nlp.people import PeopleComponent
from legation.nlp.places import PlaceComponent

#: component names in pipeline order (each reads what the ones before it wrote).
#: the entity components (acronyms, places, organizations, people) come first: dates,
#: figures and events read the entities they found.
COMPONENTS = ("legation_acronyms", "legation_places", "legation_organizations", "legation_people",
              "legation_dates", "legation_figures", "legation_events")


@Language.factory("legation_acronyms", assigns=["doc._.legation_acronyms"])
def make_acronyms(nlp: Language, name: str) -> AcronymComponent:
    return AcronymComponent(nlp, name)


@Language.factory("legation_places", requires=["doc.ents"], assigns=["doc._.legation_places"])
def make_places(nlp: Language, name: str) -> PlaceComponent:
    return PlaceComponent(nlp, name)


@Language.factory("legation_organizations", requires=["doc.ents"], assigns=["doc._.legation_organizations"])
def make_organizations(nlp: Language, name: str) -> OrganizationComponent:
    return OrganizationComponent(nlp, name)


@Language.factory("legation_people", requires=["doc.ents"],
                  assigns=["doc._.legation_people", "doc._.legation_credits"])
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)


@Language.factory("legation_dates", requires=["doc.ents"], assigns=["doc._.legation_dates"])
def make_dates(nlp: Language, name: str) -> DateComponent:
    return DateComponent(nlp, name)


@Language.factory("legation_figures", requires=["doc.ents"], assigns=["doc._.legation_figures"])
def make_figures(nlp: Language, name: str) -> FigureComponent:
    return FigureComponent(nlp, name)


@Language.factory("legation_events", requires=["doc._.legation_people"], assigns=["doc._.legation_events"])
def make_events(nlp: Language, name: str) -> EventComponent:
    return EventComponent(nlp, name)
