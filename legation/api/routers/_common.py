"""What every list endpoint shares: paging, sort keys, date and pair parameters, the listing body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request

from legation.api.schemas import ErrorResponse
from legation.store import MAX_LIMIT, SORTS
from legation.store.records import Page

#: an ISO date at any precision: 2024, 2024-08, 2024-08-22
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: two ISO alpha-2 country codes: VN-PE
PAIR_PATTERN = r"^[A-Za-z]{2}-[A-Za-z]{2}$"
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"

Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="on or after this ISO date "
                                                                       "(2024, 2024-08 or 2024-08-22)")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="on or before this ISO date")]
Country = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-2 code, e.g. PE")]
Text = Annotated[str | None, Query(max_length=200, description="free text (case and accents ignored on names)")]


def sort_pattern(resource: str) -> str:
    return r"^-?(" + "|".join(SORTS[resource]) + r")$"


def sort_help(resource: str) -> str:
    return f"one of {', '.join(SORTS[resource])}; prefix '-' for descending; ties break by id"


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")] = 50,
           offset: Annotated[int, Query(ge=0, description="items to skip")] = 0) -> Paging:
    return Paging(limit=limit, offset=offset)


def _address(request: Request, offset: int) -> str:
    url = request.url.include_query_params(offset=offset)
    return f"{url.path}?{url.query}"


def listing(request: Request, page: Page[Any], sort: str | None = None) -> dict[str, Any]:
    """The body of a list response: the page, its sort, and the addresses of its neighbours."""
    nxt = page.next_offset
    prev = max(page.offset - page.limit, 0) if page.offset > 0 else None
    return {"ok": True, "total": page.total, "limit": page.limit, "offset": page.offset, "sort": sort,
            "next": _address(request, nxt) if nxt is not None else None,
            "previous": _address(request, prev) if prev is not None else None, "items": page.items}


def parse_pair(pair: str) -> tuple[str, str]:
    a, b = pair.upper().split("-")
    return a, b


def not_found(noun: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entry of a record that may not exist."""
    return {404: {"description": f"no such {noun}", "model": ErrorResponse}}
