"""``/api/organizations``: organizations resolved across documents (by name or acronym)."""

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
from legation.store.records import OrganizationRecord, OrganizationSummary

router = APIRouter(prefix="/api/organizations", tags=["organizations"])


@router.get("", response_model=Listing[OrganizationSummary], summary="List organizations")
def list_organizations(request: Request, store: Annotated[Store, Depends(get_store)],
        page: Annotated[Paging, Depends(paging)], q: Text = None,
                       country: Country = None,
                       sort: Annotated[str, Query(pattern=sort_pattern("organizations"),
                                                  description=sort_help("organizations"))] = "name") -> dict:
    """Organizations; `q` matches names, other names and acronyms."""
    result = store.organizations(q=q, country=country, sort=sort, limit=page.limit, offset=page.offset)
    return listing(request, result, sort)


@router.get("/{organization_id}", response_model=Detail[OrganizationRecord], summary="One organization",
            responses=not_found("organization"))
def get_organization(organization_id: Annotated[int, Path(ge=1)],
                     store: Annotated[Store, Depends(get_store)]) -> dict:
    """The people who held titles in it (with dates), the documents that name it, and why its records are one."""
    return {"item": store.organization(organization_id)}
