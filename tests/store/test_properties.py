"""Hypothesis round trips: what goes into the store comes back equal (text, floats, dates), on both backends."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.models import DateExpr, Event, Evidence, Extraction, Figure, Period, Person, Title

_ids = itertools.count()


def _texts(backend: str, **kw) -> st.SearchStrategy[str]:
    # PostgreSQL text cannot hold U+0000 (the store turns it into U+FFFD; see test below)
    banned = "\x00" if backend == "postgresql" else ""
    return st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=banned), **kw)


def _date(precision: str) -> st.SearchStrategy[str]:
    return st.dates().map(lambda d: d.isoformat()[:{"day": 10, "month": 7, "year": 4}[precision]])


@st.composite
def extractions(draw, backend: str) -> Extraction:
    text = draw(_texts(backend, max_size=400))
    names = draw(st.lists(_texts(backend, min_size=1, max_size=40), max_size=4))
    people = [Person(id=f"P{i + 1}", name=n, country=draw(st.none() | st.sampled_from(["VN", "PE", "CN"])),
                     titles=[Title(text=draw(_texts(backend, min_size=1, max_size=60)))] if draw(st.booleans()) else [],
                     mentions=[(0, min(len(text), 3))] if text else [])
              for i, n in enumerate(names)]
    figures = []
    for _ in range(draw(st.integers(0, 4))):
        precision = draw(st.sampled_from(["day", "month", "year"]))
        start = draw(_date(precision))
        figures.append(Figure.model_validate({
            "measure": draw(st.sampled_from(["exports", "imports", "trade_turnover", "investment", "share", "other"])),
            "from": draw(st.none() | _texts(backend, max_size=30)), "to": draw(st.none() | _texts(backend, max_size=30)),
            "value": draw(st.floats(allow_nan=False, allow_infinity=False)),
            "unit": draw(st.sampled_from(["USD", "VND", "percent", "PEN"])),
            "period": Period(start=start, end=draw(st.none() | _date(precision)), text=draw(_texts(backend, max_size=20))),
            "approximate": draw(st.booleans()),
            "evidence": Evidence(start=0, end=len(text), text=text)}))
    events = []
    for i in range(draw(st.integers(0, 3))):
        precision = draw(st.sampled_from(["day", "month", "year"]))
        events.append(Event(id=f"E{i + 1}", kind=draw(st.sampled_from(["meeting", "visit", "talks", "proposal"])),
                            date=DateExpr(start=draw(_date(precision)), precision=precision,
                                          text=draw(_texts(backend, max_size=20))),
                            participants=[p.id for p in people[:2]],
                            confidence=draw(st.none() | st.floats(0, 1))))
    published = draw(st.none() | st.dates().map(lambda d: d.isoformat()))
    return Extraction(id=f"doc-{next(_ids)}", source=draw(_texts(backend, min_size=1, max_size=50)),
                      title=draw(st.none() | _texts(backend, max_size=80)), published=published,
                      published_basis="metadata" if published else None, text=text, people=people,
                      events=events, figures=figures)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_store_round_trip_text_floats_dates(kb, data):
    ex = data.draw(extractions(kb.backend))
    kb.put([ex])
    back = kb.document(ex.id)
    assert back.extraction == ex
    assert back.text == ex.text and back.title == ex.title and back.published == ex.published
    # the figures table (not only the stored JSON) holds exact doubles and dates
    stored = kb.figures(doc_id=ex.id, limit=100).items
    assert sorted((f.value, f.period_start or "", f.period_end or "") for f in stored) == \
        sorted((f.value, f.period.start or "", f.period.end or "") for f in ex.figures)
    assert [f for _d, f in kb.figure_pairs(doc_id=ex.id)] == sorted(
        ex.figures, key=lambda f: (f.period.start if f.period else "~"))
    names = kb.query("SELECT name FROM doc_people WHERE doc_id = :d ORDER BY local_id", {"d": ex.id}).rows
    assert [n for (n,) in names] == [p.name for p in sorted(ex.people, key=lambda p: p.id)]
    dates = kb.query("SELECT date_start FROM doc_events WHERE doc_id = :d ORDER BY local_id", {"d": ex.id}).rows
    assert [d for (d,) in dates] == [e.date.start for e in sorted(ex.events, key=lambda e: e.id)]


def test_store_nul_characters(kb):
    ex = Extraction(id="nul", source="nul.txt", text="a\x00b", people=[Person(id="P1", name="X\x00Y")])
    kb.put([ex])
    back = kb.document("nul")
    if kb.backend == "sqlite":
        assert back.text == "a\x00b"
    else:
        assert back.text == "a\ufffdb"
    assert kb.query("SELECT count(*) FROM doc_people").rows == [[1]]


def test_store_rejects_non_finite_figures_without_losing_the_batch(kb):
    from kbfactory import lima_meeting

    bad = Extraction(id="bad", source="bad.txt", text="x", figures=[Figure.model_validate(
        {"measure": "exports", "value": float("nan"), "unit": "USD"})])
    stored = kb.put([lima_meeting(), bad])
    assert [(s.doc_id, s.outcome.value) for s in stored] == [("a-lima", "added"), ("bad", "rejected")]
    assert "non-finite" in stored[1].error
    assert kb.stats().documents == 1
