"""``Doc._.legation_*`` attributes, registered once.

Components talk to each other only through these: the entity component fills
people, organizations, places and acronyms; the date component fills dates and
the resolved publication date; figures and events read what came before.
Values are ``legation.models`` objects so ``convert.py`` has nothing to translate
but the container.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRS = (
    "legation_meta",  # dict: id, source, published, published_basis (set before the pipeline)
    "legation_people",
    "legation_organizations",
    "legation_places",
    "legation_acronyms",
    "legation_dates",
    "legation_figures",
    "legation_events",
    "legation_warnings",
    "legation_credits",
    "legation_state",  # dict: component-private intermediate results
)


def register() -> None:
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """The list stored under ``name``, created empty on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def get_dict(doc: Doc, name: str) -> dict:
    value = getattr(doc._, name)
    if value is None:
        value = {}
        setattr(doc._, name, value)
    return value


register()
