"""``/api/figures`` and ``/api/series``: trade and investment statistics, as stated and as time series."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from legation.api.deps import get_store
from legation.api.routers._common import Paging, Since, Until, listing, paging
from legation.api.schemas import Listing, SeriesOut, SeriesPointOut
from legation.report.series import Series, line_up
from legation.store import Store
from legation.store.records import FigureRecord

router = APIRouter(prefix="/api", tags=["figures"])

Measure = Literal["exports", "imports", "trade_turnover", "investment", "share", "other"]
Name = Annotated[str | None, Query(max_length=200)]


def series_out(series: list[Series]) -> list[SeriesOut]:
    """``legation.report.series`` series as response models (each point with its document and sentence)."""
    out = []
    for s in series:
        points = [SeriesPointOut(period_start=p.period_start, period_end=p.period_end, period_text=p.period_text,
                                 value=p.value, unit=p.unit, approximate=p.approximate, qualifier=p.qualifier,
                                 document=p.document, evidence_start=p.evidence.start if p.evidence else None,
                                 evidence_end=p.evidence.end if p.evidence else None,
                                 evidence=p.evidence.text if p.evidence else None) for p in s.points]
        out.append(SeriesOut(measure=s.measure, subject=s.subject, from_=s.from_, to=s.to, label=s.label,
                             units=s.units, points=points))
    return out


@router.get("/figures", response_model=Listing[FigureRecord], summary="List figures")
def list_figures(request: Request, store: Annotated[Store, Depends(get_store)],
                 page: Annotated[Paging, Depends(paging)], measure: Measure | None = None,
                 from_: Annotated[str | None, Query(alias="from", max_length=200,
                                                    description="the side it flows from (exact name, any case)")
                                  ] = None,
                 to: Annotated[str | None, Query(max_length=200, description="the side it flows to")] = None,
                 subject: Name = None, unit: Annotated[str | None, Query(max_length=20)] = None,
                 since: Since = None, until: Until = None,
                 document: Annotated[str | None, Query(max_length=500, description="a document id")] = None) -> dict:
    """Every statistic as one document stated it, in period order (then document, then order in it)."""
    result = store.figures(measure=measure, from_=from_, to=to, subject=subject, unit=unit, since=since,
                           until=until, doc_id=document, limit=page.limit, offset=page.offset)
    return listing(request, result, "period")


@router.get("/series", response_model=Listing[SeriesOut], summary="Figures lined up as time series")
def list_series(request: Request, store: Annotated[Store, Depends(get_store)], measure: Measure | None = None,
                from_: Annotated[str | None, Query(alias="from", max_length=200,
                                                   description="the side it flows from; names compare loosely "
                                                               "(case, accents, 'the') and capitals match "
                                                               "initials (HCMC)")] = None,
                to: Annotated[str | None, Query(max_length=200, description="the side it flows to")] = None,
                subject: Name = None) -> dict:
    """One series per (measure, subject, from, to), each point with its value, period, document and sentence.
    Trade turnover has no direction: `from` and `to` match either side."""
    series = series_out(line_up(store.figure_pairs(measure=measure), from_=from_, to=to, subject=subject))
    return {"total": len(series), "limit": max(len(series), 1), "offset": 0, "items": series}
