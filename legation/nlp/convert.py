"""The boundary: a processed spaCy ``Doc`` becomes a ``models.Extraction``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from legation.models import Extraction, SourceDocument


def to_extraction(doc: Doc, source: SourceDocument) -> Extraction:
    meta = doc._.legation_meta or {}
    return Extraction(
        id=source.id,
        source=source.source,
        title=source.title,
        url=source.url,
        published=meta.get("published", source.published),
        published_basis=meta.get("published_basis", source.published_basis),
        text=doc.text,
        people=doc._.legation_people or [],
        organizations=doc._.legation_organizations or [],
        places=doc._.legation_places or [],
        dates=doc._.legation_dates or [],
        events=doc._.legation_events or [],
        figures=doc._.legation_figures or [],
        acronyms=doc._.legation_acronyms or [],
        warnings=doc._.legation_warnings or [],
        credits=doc._.legation_credits or [],
    )
