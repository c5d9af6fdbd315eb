"""Property tests: the date parser never crashes, and normalisation is idempotent."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from legation.nlp.dates import analyse_time
from legation.nlp.temporal import Base, resolve, scan

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
bases = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)).map(
    lambda d: d.isoformat()), st.integers(1950, 2090).map(str),
    st.tuples(st.integers(1950, 2090), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"))


@settings(max_examples=300, deadline=None)
@given(text=st.text(), published=bases)
def test_dates_never_crash_on_arbitrary_text(text, published):
    for d in analyse_time(text, published).date_exprs():
        assert text[d.offsets[0]:d.offsets[1]] == d.text


WORDS = ["in", "on", "the", "first", "last", "next", "this", "year", "month", "week", "quarter", "half", "of",
         "Q1", "H2", "2023", "2024", "-", "–", "to", "and", "between", "from", "November", "Nov.", "10", "29",
         "31", "Tuesday", "ago", "three", "past", "decade", "early", "mid-", "end", "by", "since", ",", "(",
         "local time", ")", "same", "day", "1990s", "2022-23", "seven", "months"]


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(WORDS), max_size=14), published=bases)
def test_dates_never_crash_on_date_like_text(parts, published):
    text = " ".join(parts)
    for d in analyse_time(text, published).date_exprs():
        assert d.precision in ("day", "month", "year", "decade", "unknown")
        if d.start and d.end and not d.start.startswith("--"):
            assert d.start[:4] <= d.end[:4]


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       style=st.sampled_from(["iso", "mdy", "dmy"]))
def test_dates_normalisation_is_idempotent(day, style):
    text = {"iso": day.isoformat(), "mdy": f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
            "dmy": f"{day.day} {MONTHS[day.month - 1]} {day.year}"}[style]
    [m] = scan(text)
    first = resolve(m.spec, None)
    assert first.start == day.isoformat()
    [again] = scan(first.start)
    assert resolve(again.spec, None).start == first.start


@settings(max_examples=200, deadline=None)
@given(year=st.integers(1900, 2099), month=st.integers(1, 12))
def test_dates_month_year_round_trip(year, month):
    [m] = scan(f"in {MONTHS[month - 1]} {year}")
    r = resolve(m.spec, Base(2000))
    assert r.start == f"{year}-{month:02d}"
    assert r.first == date(year, month, 1)
