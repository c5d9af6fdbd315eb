"""Temporal expressions: found in text, resolved against a fixed base (never the clock)."""

from __future__ import annotations

import pytest

from legation.nlp.dates import analyse_time
from legation.nlp.temporal import Base, resolve, scan

BASE = "2024-08-23"  # a Friday


def one(text: str, published: str | None = BASE):
    """The single date expression of ``text``, as a DateExpr."""
    dates = analyse_time(text, published).date_exprs()
    assert len(dates) == 1, [d.text for d in dates]
    return dates[0]


CASES = [
    # (text, expected expression text, start, end, precision)
    ("The talks were held on Tuesday.", "on Tuesday", "2024-08-20", None, "day"),
    ("He will travel to Seoul on Tuesday.", "on Tuesday", "2024-08-27", None, "day"),
    ("They spoke last Tuesday.", "last Tuesday", "2024-08-20", None, "day"),
    ("They meet again next Monday.", "next Monday", "2024-08-26", None, "day"),
    ("The deal was signed yesterday.", "yesterday", "2024-08-22", None, "day"),
    ("The minister arrives tomorrow.", "tomorrow", "2024-08-24", None, "day"),
    ("Trade fell last year.", "last year", "2023", None, "year"),
    ("The fair opens next year.", "next year", "2025", None, "year"),
    ("Talks were held last week.", "last week", "2024-08-12", "2024-08-18", "day"),
    ("Prices rose last month.", "last month", "2024-07", None, "month"),
    ("Output fell last quarter.", "last quarter", "2024-04", "2024-06", "month"),
    ("Exports grew in Q1 2024.", "in Q1 2024", "2024-01", "2024-03", "month"),
    ("Exports grew in H1 2024.", "in H1 2024", "2024-01", "2024-06", "month"),
    ("Sales rose in the first half of 2023.", "in the first half of 2023", "2023-01", "2023-06", "month"),
    ("Trade rose in the third quarter of last year.", "in the third quarter of last year", "2023-07", "2023-09",
     "month"),
    ("Imports fell in the last three months of 2023.", "in the last three months of 2023", "2023-10", "2023-12",
     "month"),
    ("Exports rose in the first six months of the year.", "in the first six months of the year", "2024-01",
     "2024-06", "month"),
    ("Trade in January-June rose.", "in January-June", "2024-01", "2024-06", "month"),
    ("Trade from January to June this year rose.", "from January to June this year", "2024-01", "2024-06",
     "month"),
    ("Revenue in 2022-23 rose.", "in 2022-23", "2022", "2023", "year"),
    ("The goal is to double trade by 2030.", "by 2030", "2030", None, "year"),
    ("They met on 22 August 2024 in Hanoi.", "on 22 August 2024", "2024-08-22", None, "day"),
    ("They met on Aug. 5, 2023.", "on Aug. 5, 2023", "2023-08-05", None, "day"),
    ("They met on Tuesday, August 20, 2024.", "on Tuesday, August 20, 2024", "2024-08-20", None, "day"),
    ("The summit ran from November 30 to December 2, 2024.", "from November 30 to December 2, 2024",
     "2024-11-30", "2024-12-02", "day"),
    ("The fair runs 26-29 March 2025.", "26-29 March 2025", "2025-03-26", "2025-03-29", "day"),
    ("The ministry was reformed in the 1990s.", "in the 1990s", "1990", "1999", "decade"),
    ("Trade doubled over the past five years.", "over the past five years", "2019", "2024", "year"),
    ("Exports may recover in early 2025.", "in early 2025", "2025-01", "2025-04", "month"),
    ("The line opens in mid-2025.", "in mid-2025", "2025-05", "2025-08", "month"),
    ("It will be ready by the end of this year.", "by the end of this year", "2024-12", None, "month"),
    ("Investment totalled $1 billion by the end of 2023.", "by the end of 2023", "2023-12", None, "month"),
    ("Trade rose in late 2023.", "in late 2023", "2023-09", "2023-12", "month"),
    ("Bilateral trade stood at $3 billion in the financial year ended March 2023.",
     "in the financial year ended March 2023", "2022-04", "2023-03", "month"),
    ("The firm opened three weeks ago.", "three weeks ago", "2024-08-02", None, "day"),
    ("The plant opened two years ago.", "two years ago", "2022", None, "year"),
    ("Trade has grown since 2019.", "since 2019", "2019", None, "year"),
    ("Trade grew between 2015 and 2020.", "between 2015 and 2020", "2015", "2020", "year"),
    ("The deal was signed in November last year.", "in November last year", "2023-11", None, "month"),
    ("The deal was signed last November.", "last November", "2023-11", None, "month"),
    ("The fair will open in March.", "in March", "2025-03", None, "month"),
    ("Prices rose this month.", "this month", "2024-08", None, "month"),
    ("The office opens on Sept. 1.", "on Sept. 1", "2024-09-01", None, "day"),
    ("The office opened on Sept. 1.", "on Sept. 1", "2023-09-01", None, "day"),
    ("The accord took effect on 2024-03-15.", "on 2024-03-15", "2024-03-15", None, "day"),
    ("Exports rose in fiscal year 2023.", "2023", "2023", None, "year"),
]


@pytest.mark.parametrize(("text", "expr", "start", "end", "precision"), CASES, ids=[c[1] for c in CASES])
def test_dates_resolve_against_the_publication_date(text, expr, start, end, precision):
    d = one(text)
    assert (d.text, d.start, d.end, d.precision) == (expr, start, end, precision)
    assert text[d.offsets[0]:d.offsets[1]] == d.text
    assert d.base == BASE


@pytest.mark.parametrize(("text", "base", "start", "end"), [
    ("Exports in January-June rose.", "2024-03-10", "2023-01", "2023-06"),  # not yet over: last year's
    ("The pact was signed in December.", "2024-01-15", "2023-12", None),    # told as past
    ("The week ran December 28 to January 3.", "2024-01-10", "2023-12-28", "2024-01-03"),
    ("Output fell in the last quarter.", "2024-02-10", "2023-10", "2023-12"),
    ("Trade grew over the past decade.", "2023", "2013", "2023"),          # a year-only base
    ("They met on November 10.", "2023-11", "2023-11-10", None),          # a month-only base
])
def test_dates_choose_the_year_from_the_base_and_tense(text, base, start, end):
    d = one(text, base)
    assert (d.start, d.end) == (start, end)


def test_dates_keep_an_unknown_year_without_a_base():
    d = one("The delegation met on November 10.", None)
    assert (d.start, d.end, d.precision, d.base, d.partial) == (None, None, "unknown", None, "--11-10")
    d = one("The talks were held in March.", None)
    assert (d.start, d.precision, d.partial) == (None, "unknown", "--03")
    d = one("They met from November 9-19.", None)
    assert (d.start, d.end, d.partial) == (None, None, "--11-09/--11-19")


def test_dates_unknown_years_validate_the_contract_schema():
    from legation.models import Extraction
    from legation.schema import validate_document

    text = "The delegation met on November 10 and again from December 1 to 3."
    ext = Extraction(id="x", source="x.txt", text=text, dates=analyse_time(text, None).date_exprs())
    assert validate_document(ext.to_contract()) == []


def test_dates_that_cannot_be_placed_are_unknown_never_today():
    for text in ("The talks were held on Tuesday.", "Trade rose this year.", "They met yesterday."):
        d = one(text, None)
        assert (d.start, d.end, d.precision) == (None, None, "unknown")


def test_dates_the_same_day_refers_to_the_last_single_day():
    dates = analyse_time("On May 5, 2024 they met. The following day they signed. In the evening of the same "
                         "day they left.", None).date_exprs()
    assert [(d.text, d.start) for d in dates] == [
        ("On May 5, 2024", "2024-05-05"), ("The following day", "2024-05-06"),
        ("In the evening of the same day", "2024-05-06")]


def test_dates_keep_time_of_day_and_zone_in_the_expression():
    d = one("On the morning of March 3 (Hanoi time), the ministers met.")
    assert d.text == "On the morning of March 3 (Hanoi time)"
    assert d.start == "2025-03-03" or d.start == "2024-03-03"


@pytest.mark.parametrize("text", [
    "Exports reached $23 million.", "It grew 23 percent.", "Over 2,000 people came.",
    "It serves 2000 households.", "They marked the 30th anniversary.", "Trade may increase.",
    "February 29, 2023 is not a day.", "Call 1994-2024 a number.",
])
def test_dates_no_false_dates(text):
    dates = analyse_time(text, BASE).date_exprs()
    assert all(d.precision != "day" for d in dates), [d.text for d in dates]
    assert not any("$" in d.text or "percent" in d.text or "people" in d.text for d in dates)


def test_dates_scan_reports_preposition_and_part_of_period():
    ms = scan("It must be done by the end of 2025 and has run since early 2020.")
    assert [(m.mod, m.part) for m in ms] == [("by", "end"), ("since", "early")]


def test_dates_resolve_is_pure_and_repeatable():
    spec = scan("in the first seven months of 2024")[0].spec
    a = resolve(spec, Base.parse(BASE))
    b = resolve(spec, Base.parse(BASE))
    assert a == b
    assert (a.first.isoformat(), a.last.isoformat()) == ("2024-01-01", "2024-07-31")


def test_dates_base_parses_partial_and_rejects_impossible():
    assert Base.parse("2023-11") == Base(2023, 11)
    assert Base.parse("2023") == Base(2023)
    assert Base.parse("2024-02-30") is None
    assert Base.parse("not a date") is None
    assert Base.parse("2024-08-23T10:00:00+07:00") == Base(2024, 8, 23)


FISCAL = [
    # a fiscal year the text defines in parentheses, by its end, or by "the year to"
    ("Exports rose to $9 billion in 2022-23 (April-March).", "in 2022-23 (April-March)", "2022-04", "2023-03"),
    ("Exports rose in fiscal year 2021-22 (July-June).", "in fiscal year 2021-22 (July-June)", "2021-07", "2022-06"),
    ("Sales rose in the first eight months of fiscal year 2022-23 (July-February).",
     "in the first eight months of fiscal year 2022-23 (July-February)", "2022-07", "2023-02"),
    ("Sales rose in the first six months of 2022-23 (April-March).",
     "in the first six months of 2022-23 (April-March)", "2022-04", "2022-09"),
    ("Trade hit $5 billion in the financial year 2022-23 (April 2022 to March 2023).",
     "in the financial year 2022-23 (April 2022 to March 2023)", "2022-04", "2023-03"),
    ("Inflows reached 20 billion birr in the 2022/23 fiscal year, which ended on July 7.",
     "in the 2022/23 fiscal year, which ended on July 7", "2022-07", "2023-07"),
    ("Two-way trade reached NZ$2 billion in the year to June 2022.", "in the year to June 2022", "2021-07",
     "2022-06"),
    ("Profits doubled in the 12 months ended September 30, 2023.", "in the 12 months ended September 30, 2023",
     "2022-10", "2023-09"),
]


@pytest.mark.parametrize(("text", "expr", "start", "end"), FISCAL, ids=[c[1] for c in FISCAL])
def test_dates_fiscal_years_as_the_text_defines_them(text, expr, start, end):
    d = one(text)
    assert (d.text, d.start, d.end, d.precision) == (expr, start, end, "month")


def test_dates_a_later_fiscal_year_takes_the_months_the_article_defined():
    text = ("Trade reached $9 billion in India's financial year 2022-23 (April 2022 to March 2023). Growth is "
            "projected at 6 percent in the 2025-26 financial year and 7 percent in FY2026-27.")
    dates = analyse_time(text, BASE).date_exprs()
    assert [(d.start, d.end) for d in dates] == [("2022-04", "2023-03"), ("2025-04", "2026-03"),
                                                 ("2026-04", "2027-03")]


def test_dates_an_undefined_fiscal_year_stays_as_written():
    d = one("Growth is projected at 6 percent in the 2025-26 financial year.")
    assert (d.start, d.end, d.precision) == ("2025", "2026", "year")


@pytest.mark.parametrize(("text", "want"), [
    ("Trade reached $5 billion in 2021. Exports grew in the same year.", ("2021", None)),
    ("Exports stood at $11 billion in 2022-23 (April-March), down from $12 billion the previous year.",
     ("2021-04", "2022-03")),
    ("They met on March 3, 2021. The following year they met again.", ("2022", None)),
    ("Output rose in the first half of 2020. In the previous year it fell.", ("2019", None)),
])
def test_dates_the_same_or_previous_year_follows_the_year_just_told(text, want):
    dates = analyse_time(text, BASE).date_exprs()
    assert (dates[-1].start, dates[-1].end) == want


def test_dates_the_previous_year_alone_is_the_year_before_publication():
    assert one("Exports fell the previous year.").start == "2023"


@pytest.mark.parametrize(("text", "expr", "start", "end"), [
    ("Exports rose in the January–October period this year.", "January–October period this year",
     "2024-01", "2024-10"),
    ("Exports rose in the January-May period of 2023.", "January-May period of 2023", "2023-01", "2023-05"),
])
def test_dates_a_run_of_months_called_a_period(text, expr, start, end):
    d = one(text)
    assert (d.text, d.start, d.end) == (expr, start, end)
