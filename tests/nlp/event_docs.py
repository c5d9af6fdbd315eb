"""Hand-built Docs for the event tests: a blank English pipeline plus the lists the
entity and date components would write, from a small annotation.

Why: the events component must be right whatever state the entity and date
components are in, so its tests give it their ideal output.  An annotation names
each entity once with the forms the text uses; every occurrence of each form
becomes a mention (longest form first, no overlaps), as the entity component's
contract says ("every mention span incl. short forms").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import spacy

from legation.ingest.text import split_header
from legation.models import DateExpr, Organization, Person, Place, Title
from legation.nlp import extensions  # noqa: F401  (registers the Doc attributes)
from legation.nlp.events import EventComponent

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"


@lru_cache(maxsize=1)
def blank():
    return spacy.blank("en")


def _spans(text: str, forms: list[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for form in sorted(set(forms), key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            span = (m.start(), m.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            out.append(span)
    return sorted(out)


def build_doc(text: str, annotation: dict, *, published: str | None = None):
    """A Doc with ``doc._.legation_*`` set from ``annotation`` (see the module docstring)."""
    nlp = blank()
    doc = nlp.make_doc(text)
    doc._.legation_meta = {"id": "test", "source": "test", "published": published, "published_basis": None,
                           "title": None}
    taken: list[tuple[int, int]] = []
    # longest names first across all kinds, so 'Communist Party of Peru' wins over 'Peru'
    entries = []
    for kind in ("people", "organizations", "places"):
        for i, item in enumerate(annotation.get(kind, [])):
            forms = [item["name"]] + list(item.get("mentions", []))
            if item.get("acronym"):
                forms.append(item["acronym"])
            entries.append((max(len(f) for f in forms), kind, i, forms))
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for _, kind, i, forms in sorted(entries, key=lambda x: -x[0]):
        spans[(kind, i)] = _spans(text, forms, taken)
    org_ids = {o["name"]: f"O{i + 1}" for i, o in enumerate(annotation.get("organizations", []))}
    people = []
    for i, p in enumerate(annotation.get("people", [])):
        titles = [Title(text=t["text"], role=t.get("role"), organization=org_ids.get(t.get("organization") or ""),
                        qualifier=t.get("qualifier")) for t in p.get("titles", [])]
        people.append(Person(id=f"P{i + 1}", name=p["name"], aliases=list(p.get("mentions", [])),
                             country=p.get("country"), titles=titles, mentions=spans[("people", i)]))
    orgs = [Organization(id=f"O{i + 1}", name=o["name"], acronym=o.get("acronym"), country=o.get("country"),
                         kind=o.get("kind"), mentions=spans[("organizations", i)])
            for i, o in enumerate(annotation.get("organizations", []))]
    places = [Place(id=f"L{i + 1}", name=p["name"], kind=p.get("kind"), country=p.get("country"),
                    mentions=spans[("places", i)])
              for i, p in enumerate(annotation.get("places", []))]
    dates = []
    for d in annotation.get("dates", []):
        hits = [m for m in re.finditer(re.escape(d["text"]), text)]
        if d.get("occurrence") is not None:
            hits = hits[d["occurrence"]:d["occurrence"] + 1]
        for m in hits:
            dates.append(DateExpr(start=d.get("start"), end=d.get("end"), precision=d.get("precision", "day"),
                                  text=d["text"], base=published, offsets=(m.start(), m.end())))
    doc._.legation_people = people
    doc._.legation_organizations = orgs
    doc._.legation_places = places
    doc._.legation_dates = sorted(dates, key=lambda x: x.offsets)
    return doc


def run_events(text: str, annotation: dict, *, published: str | None = None):
    doc = build_doc(text, annotation, published=published)
    component = EventComponent(blank(), "legation_events")
    component(doc)
    return doc


def load_fixture(name: str) -> tuple[str, dict, str | None]:
    """(body text, fixture JSON, publication date) of tests/fixtures/events/<name>."""
    raw = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    published, body = split_header(raw)
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return body.strip(), spec, published or spec.get("published")


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json") if (FIXTURES / f"{p.stem}.txt").exists())
