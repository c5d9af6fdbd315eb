"""``/api/pairs``: country pairs, and the picture of one pair's relations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from legation.api.deps import get_store
from legation.api.routers._common import PAIR_PATTERN, Country, Since, Until, parse_pair
from legation.api.routers.figures import series_out
from legation.api.schemas import PairOut, PairsOut
from legation.report.relations import relations
from legation.store import MAX_LIMIT, Store

router = APIRouter(prefix="/api/pairs", tags=["pairs"])


@router.get("", response_model=PairsOut, summary="Country pairs")
def list_pairs(store: Annotated[Store, Depends(get_store)], country: Country = None,
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100) -> dict:
    """Pairs of countries that meet in events, the most events first, with the number of encounters and the
    first and last dates."""
    return {"items": store.country_pairs(country=country, limit=limit)}


@router.get("/{pair}", response_model=PairOut, summary="Relations between two countries")
def get_pair(pair: Annotated[str, Path(pattern=PAIR_PATTERN, description="e.g. VN-PE")],
             store: Annotated[Store, Depends(get_store)], since: Since = None, until: Until = None,
             encounters: Annotated[bool, Query(description="only encounters, not statements")] = False) -> dict:
    """Events between the two countries in date order, the people of each side (with their latest title and
    how many of these events they took part in), and the trade and investment series between places of the
    two countries (what `legation relations A B` prints)."""
    a, b = parse_pair(pair)
    picture = relations(store, a, b, since=since, until=until, all_kinds=not encounters)
    people = {code: [{"person": p, "events": n} for p, n in picture.people.get(code, [])] for code in (a, b)}
    return {"a": a, "b": b, "events": picture.events, "people": people, "series": series_out(picture.series)}
