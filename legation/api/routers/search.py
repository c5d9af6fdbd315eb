"""``/api/search``: one box for people, organizations, places, events and documents."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from legation.api.deps import get_store
from legation.api.schemas import Listing
from legation.store import MAX_LIMIT, Store
from legation.store.records import SearchHit

router = APIRouter(prefix="/api", tags=["search"])

Kind = Literal["person", "organization", "place", "event", "document"]


@router.get("/search", response_model=Listing[SearchHit], summary="Search everything")
def search(store: Annotated[Store, Depends(get_store)],
           q: Annotated[str, Query(min_length=1, max_length=200, description="what to look for")],
           kind: Annotated[list[Kind] | None, Query(description="only these kinds; repeat for several")] = None,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="hits per kind")] = 20) -> dict:
    """Names (accents and case ignored) and acronyms of people, organizations and places, event labels, and
    document titles and text (with a snippet); grouped by kind, best first within each."""
    hits = store.search(q, kinds=kind, limit=limit)
    return {"total": len(hits), "limit": limit, "offset": 0, "items": hits}
