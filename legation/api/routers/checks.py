"""``/api/checks`` and ``/api/warnings``: what does not add up across sources, and what the extractor flagged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from legation.api.deps import get_store
from legation.api.routers._common import Paging, listing, paging
from legation.api.schemas import Listing
from legation.store import Store
from legation.store.records import CheckRecord, Page, WarningRecord

router = APIRouter(prefix="/api", tags=["checks"])


@router.get("/checks", response_model=Listing[CheckRecord], summary="Cross-source inconsistencies")
def list_checks(request: Request, store: Annotated[Store, Depends(get_store)],
                page: Annotated[Paging, Depends(paging)],
                kind: Annotated[str | None, Query(max_length=50, description="figure_conflict, event_date_conflict, "
                                                                         "event_place_conflict, title_holders, "
                                                                         "acronym_mismatch")] = None) -> dict:
    """Conflicting figures for the same (measure, from, to, period), conflicting dates or places of one
    encounter, two holders of a single-holder title at once, acronym mismatches; by kind, then key."""
    found = store.checks(kind=kind)
    window = found[page.offset:page.offset + page.limit]
    return listing(request, Page(items=window, total=len(found), limit=page.limit, offset=page.offset), "kind")


@router.get("/warnings", response_model=Listing[WarningRecord], summary="What the extractor flagged")
def list_warnings(request: Request, store: Annotated[Store, Depends(get_store)],
                  page: Annotated[Paging, Depends(paging)],
                  kind: Annotated[str | None, Query(max_length=50)] = None,
                  document: Annotated[str | None, Query(max_length=500, description="a document id")] = None) -> dict:
    """Warnings from extraction (an inferred publication date, an acronym used for another body, a component
    that failed on a document), newest document first."""
    result = store.warnings(kind=kind, doc_id=document, limit=page.limit, offset=page.offset)
    return listing(request, result, "-published")
