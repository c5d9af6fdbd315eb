"""``/api/events``: happenings resolved across documents (one per encounter, however many sources)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from legation.api.deps import get_store
from legation.api.routers._common import (
    PAIR_PATTERN,
    Country,
    Paging,
    Since,
    Text,
    Until,
    listing,
    not_found,
    paging,
    parse_pair,
    sort_help,
    sort_pattern,
)
from legation.api.schemas import Detail, Listing
from legation.report.relations import ENCOUNTERS
from legation.store import Store
from legation.store.records import EventRecord, EventSummary

router = APIRouter(prefix="/api/events", tags=["events"])


def kinds_of(kind: list[str] | None, encounters: bool) -> list[str] | None:
    """``kind=meeting&kind=visit`` or ``kind=meeting,visit``, plus the encounter kinds when asked."""
    out = [k.strip().lower() for value in kind or [] for k in value.split(",") if k.strip()]
    if encounters:
        out += [k for k in ENCOUNTERS if k not in out]
    return out or None


@router.get("", response_model=Listing[EventSummary], summary="List events")
def list_events(request: Request, store: Annotated[Store, Depends(get_store)],
                page: Annotated[Paging, Depends(paging)],
                pair: Annotated[str | None, Query(pattern=PAIR_PATTERN,
                                                  description="two countries, e.g. VN-PE: events involving both "
                                                              "(participants, sides or place)")] = None,
                country: Country = None,
                kind: Annotated[list[str] | None, Query(description="meeting, talks, reception, visit, call, "
                                                                    "signing, proposal, ...; repeat or separate "
                                                                    "with commas")] = None,
                encounters: Annotated[bool, Query(description="only encounters: meeting, talks, reception, "
                                                              "visit, call, signing")] = False,
                since: Since = None, until: Until = None,
                person: Annotated[int | None, Query(ge=1, description="a person id: events they took part in")] = None,
                organization: Annotated[int | None, Query(ge=1, description="an organization id: events it acted "
                                                                            "in, or its title holders took part "
                                                                            "in")] = None,
                place: Annotated[int | None, Query(ge=1, description="a place id: events held there")] = None,
                q: Text = None,
                sort: Annotated[str, Query(pattern=sort_pattern("events"), description=sort_help("events"))] = "date",
                ) -> dict:
    """Events in date order by default.  An event of unknown day counts as 'since' a date when it may have
    happened on or after it (2024-08 is since 2024-08-15)."""
    result = store.events(between=parse_pair(pair) if pair else None, country=country, since=since, until=until,
                          kind=kinds_of(kind, encounters), person=person, organization=organization, place=place,
                          q=q, sort=sort, limit=page.limit, offset=page.offset)
    return listing(request, result, sort)


@router.get("/{event_id}", response_model=Detail[EventRecord], summary="One event",
            responses=not_found("event"))
def get_event(event_id: Annotated[int, Path(ge=1)], store: Annotated[Store, Depends(get_store)]) -> dict:
    """The event with every document's report of it: kind, date and place as each source gave them, its
    PLOVER type and mode and CAMEO code, participants as written, and the sentence."""
    return {"item": store.event(event_id)}
