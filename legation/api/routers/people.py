"""``/api/people``: people resolved across documents, with role histories."""

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
from legation.store.records import PersonRecord, PersonSummary

router = APIRouter(prefix="/api/people", tags=["people"])


@router.get("", response_model=Listing[PersonSummary], summary="List people")
def list_people(request: Request, store: Annotated[Store, Depends(get_store)],
        page: Annotated[Paging, Depends(paging)], q: Text = None,
                country: Country = None,
                sort: Annotated[str, Query(pattern=sort_pattern("people"), description=sort_help("people"))] = "name") -> dict:
    """People with their latest title; `q` matches names and other forms of them (accents ignored)."""
    result = store.people(q=q, country=country, sort=sort, limit=page.limit, offset=page.offset)
    return listing(request, result, sort)


@router.get("/{person_id}", response_model=Detail[PersonRecord], summary="One person",
            responses=not_found("person"))
def get_person(person_id: Annotated[int, Path(ge=1)], store: Annotated[Store, Depends(get_store)]) -> dict:
    """Role history dated by the articles (oldest first), every mention, events in date order, and why the
    mentions were judged to be one person."""
    return {"item": store.person(person_id)}
