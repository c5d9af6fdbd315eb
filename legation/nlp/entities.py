"""People, organizations and places from the statistical NER (baseline).

This is the stock-spaCy reading the foundation needs; the entity issue replaces
it with title-, culture- and acronym-aware rules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Organization, Person, Place
from legation.nlp.extensions import get_list


class EntityComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        people: dict[str, Person] = {}
        orgs: dict[str, Organization] = {}
        places: dict[str, Place] = {}
        for ent in doc.ents:
            text = ent.text.strip()
            span = (ent.start_char, ent.end_char)
            if ent.label_ == "PERSON":
                p = people.setdefault(text, Person(id=f"P{len(people) + 1}", name=text))
                p.mentions.append(span)
            elif ent.label_ == "ORG":
                o = orgs.setdefault(text, Organization(id=f"O{len(orgs) + 1}", name=text))
                o.mentions.append(span)
            elif ent.label_ in ("GPE", "LOC"):
                pl = places.setdefault(text, Place(id=f"L{len(places) + 1}", name=text))
                pl.mentions.append(span)
        get_list(doc, "legation_people").extend(people.values())
        get_list(doc, "legation_organizations").extend(orgs.values())
        get_list(doc, "legation_places").extend(places.values())
        return doc
