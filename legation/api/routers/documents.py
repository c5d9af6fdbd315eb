"""``/api/documents``: the articles, with their text and everything extracted from them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from legation.api.deps import get_store
from legation.api.routers._common import (
    Paging,
    Since,
    Text,
    Until,
    listing,
    not_found,
    paging,
    sort_help,
    sort_pattern,
)
from legation.api.schemas import Detail, Listing
from legation.store import Store
from legation.store.records import DocumentRecord, DocumentSummary

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=Listing[DocumentSummary], summary="List documents")
def list_documents(request: Request, store: Annotated[Store, Depends(get_store)],
        page: Annotated[Paging, Depends(paging)], q: Text = None,
                   since: Since = None, until: Until = None,
                   sort: Annotated[str, Query(pattern=sort_pattern("documents"),
                                              description=sort_help("documents"))] = "-published") -> dict:
    """Documents, newest first by default; `q` searches titles and text, `since`/`until` the publication date."""
    result = store.documents(q=q, since=since, until=until, sort=sort, limit=page.limit, offset=page.offset)
    return listing(request, result, sort)


@router.get("/{doc_id:path}", response_model=Detail[DocumentRecord], summary="One document",
            responses=not_found("document"))
def get_document(doc_id: str, store: Annotated[Store, Depends(get_store)]) -> dict:
    """The article's text and its extraction exactly as stored (the output contract), with the resolved id
    of each person, organization, place and event it names."""
    return {"item": store.document(doc_id)}
