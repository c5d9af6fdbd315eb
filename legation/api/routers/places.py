"""``/api/places``: countries, provinces, cities and regions named in the documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from legation.api.deps import get_store
from legation.api.routers._common import (
    Country,
    Paging,
    Text,
    listing,
    not_found,
    paging,
    sort_help,
    sort_pattern,
)
from legation.api.schemas import Detail, Listing
from legation.store import Store
from legation.store.records import PlaceRecord, PlaceSummary

router = APIRouter(prefix="/api/places", tags=["places"])


@router.get("", response_model=Listing[PlaceSummary], summary="List places")
def list_places(request: Request, store: Annotated[Store, Depends(get_store)],
        page: Annotated[Paging, Depends(paging)], q: Text = None,
                country: Country = None,
                sort: Annotated[str, Query(pattern=sort_pattern("places"), description=sort_help("places"))] = "name") -> dict:
    """Places; `q` matches names and other forms of them."""
    result = store.places(q=q, country=country, sort=sort, limit=page.limit, offset=page.offset)
    return listing(request, result, sort)


@router.get("/{place_id}", response_model=Detail[PlaceRecord], summary="One place",
            responses=not_found("place"))
def get_place(place_id: Annotated[int, Path(ge=1)], store: Annotated[Store, Depends(get_store)]) -> dict:
    """The events that happened there and the documents that name it."""
    return {"item": store.place(place_id)}
