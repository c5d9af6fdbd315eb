"""``/api/``: the front door: counts, and where every resource lives."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from legation import __version__
from legation.api.deps import get_store
from legation.api.schemas import Index
from legation.store import Store

router = APIRouter(tags=["meta"])


@router.get("/api", response_model=Index, summary="What the knowledge base holds")
@router.get("/api/", response_model=Index, include_in_schema=False)
def index(request: Request, store: Annotated[Store, Depends(get_store)]) -> dict:
    """Counts of documents, people, organizations, places, events, figures and findings, whether resolution is
    up to date, and the API's endpoints (described in full at /openapi.json)."""
    spec = request.app.openapi()
    endpoints = [{"path": path, "summary": op.get("summary", "")} for path, methods in spec["paths"].items()
                 for op in methods.values() if path.startswith("/api/")]
    return {"version": __version__, "stats": store.stats(), "endpoints": endpoints}
