"""Money, percentages and fractions: parsing, formatting, and their round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legation.nlp.money import find_amounts, format_money, parse_money


def amounts(text: str):
    return [(a.value, a.unit, a.approximate) for a in find_amounts(text)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("VND 3 trillion", 3e12, "VND"),
    ("VND3 trillion", 3e12, "VND"),
    ("3 trillion dong", 3e12, "VND"),
    ("3.5 trillion VND", 3.5e12, "VND"),
    ("USD 1.2 billion", 1.2e9, "USD"),
    ("1.2 billion USD", 1.2e9, "USD"),
    ("US$ 120 million", 120e6, "USD"),
    ("$5bn", 5e9, "USD"),
    ("$50k", 50e3, "USD"),
    ("5.4 mln USD", 5.4e6, "USD"),
    ("EUR5m", 5e6, "EUR"),
    ("€2.3 billion", 2.3e9, "EUR"),
    ("450 million euros", 450e6, "EUR"),
    ("CNY 10 billion", 10e9, "CNY"),
    ("10 billion yuan", 10e9, "CNY"),
    ("RMB 8 bn", 8e9, "CNY"),
    ("¥3 trillion", 3e12, "JPY"),
    ("500 billion yen", 500e9, "JPY"),
    ("S/. 500 million", 500e6, "PEN"),
    ("S/ 20 million", 20e6, "PEN"),
    ("KRW 1.5 trillion", 1.5e12, "KRW"),
    ("two billion dollars", 2e9, "USD"),
    ("1,250,000 USD", 1250000, "USD"),
    ("HK$ 3 billion", 3e9, "HKD"),
    ("12.5 percent", 12.5, "percent"),
    ("12.5%", 12.5, "percent"),
    ("7 per cent", 7.0, "percent"),
    ("0.75 percentage points", 0.75, "percentage_point"),
])
def test_money_parses_currencies_and_scales(text, value, unit):
    [(v, u, _)] = amounts(text)
    assert (v, u) == (pytest.approx(value), unit)


def test_money_dual_currency_keeps_the_stated_amount_and_its_equivalent():
    [a] = find_amounts("a project worth VND 3 trillion (US$120 million) was approved")
    assert (a.value, a.unit) == (3e12, "VND")
    assert (a.equivalent.value, a.equivalent.unit) == (120e6, "USD")


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("$3-4 million", 3e6, 4e6, "USD"),
    ("between 5 and 7 percent", 5.0, 7.0, "percent"),
    ("5-7%", 5.0, 7.0, "percent"),
    ("US$3 million to US$4 million", 3e6, 4e6, "USD"),
    ("EUR 5-6 billion", 5e9, 6e9, "EUR"),
])
def test_money_ranges_keep_bounds_and_midpoint(text, low, high, unit):
    [a] = find_amounts(text)
    assert (a.low, a.high, a.unit) == (low, high, unit)
    assert a.value == pytest.approx((low + high) / 2)
    assert a.approximate


def test_money_from_to_is_two_levels_not_a_range():
    got = [(a.value, a.unit) for a in find_amounts("rose from 5 to 7 percent and from $3 million to $4 million")]
    assert got == [(5.0, "percent"), (7.0, "percent"), (3e6, "USD"), (4e6, "USD")]


def test_money_a_year_before_an_amount_is_not_a_range():
    assert amounts("exports grew from $19 million in 2013 to $23 million") == [
        (19e6, "USD", False), (23e6, "USD", False)]


@pytest.mark.parametrize(("text", "approximate"), [
    ("around US$20 million", True), ("nearly $5 billion", True), ("over 40 percent", True),
    ("more than 300 million euros", True), ("$5 million or so", True), ("some $2 billion", True),
    ("$5 million", False), ("at least 3 percent", True), ("up to $1 billion", True),
])
def test_money_hedges_make_a_figure_approximate(text, approximate):
    [(_, _, a)] = amounts(text)
    assert a is approximate


@pytest.mark.parametrize(("text", "value"), [
    ("one-third of the firms", 100 / 3), ("two-thirds of exports", 200 / 3), ("a quarter of the land", 25.0),
    ("half of the output", 50.0), ("three-quarters of sales", 75.0),
])
def test_money_fractions_are_percentages(text, value):
    [a] = find_amounts(text)
    assert a.kind == "fraction" and a.unit == "percent" and a.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "in 2023", "1994–2024", "the 30th anniversary", "2,000 people", "Room 101", "the first half of",
    "GDP 5", "call 555-1234", "ALL 5 parties",
])
def test_money_no_amounts_where_there_is_no_unit(text):
    assert [a for a in find_amounts(text) if a.kind != "fraction"] == []


@pytest.mark.parametrize(("value", "unit", "text"), [
    (23000000, "USD", "US$23 million"), (3e12, "VND", "VND 3 trillion"), (12.5, "percent", "12.5 percent"),
    (1234.5, "EUR", "€1234.5"), (5e8, "PEN", "S/500 million"),
])
def test_money_format(value, unit, text):
    assert format_money(value, unit) == text


UNITS = ["USD", "EUR", "VND", "CNY", "JPY", "PEN", "KRW", "GBP", "THB", "percent", "percentage_point"]


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=0, max_value=1e15, allow_nan=False, allow_infinity=False),
       unit=st.sampled_from(UNITS))
def test_money_round_trip(value, unit):
    assert parse_money(format_money(value, unit)) == (value, unit)


@settings(max_examples=100, deadline=None)
@given(value=st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False))
def test_money_round_trip_negative_percentages(value):
    assert parse_money(format_money(value, "percent")) == (value, "percent")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_money_never_crashes(text):
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)
        assert a.unit


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["$", "US$", "VND", "5", "3.5", "-", " ", "million", "bn", "percent", "%",
                                 "to", "between", "and", "(", ")", "around", "one-third", "of", "2023", ",",
                                 "S/.", "¥", "€", "k", "m"]), max_size=12))
def test_money_never_crashes_on_money_like_text(parts):
    text = "".join(parts)
    for a in find_amounts(text):
        assert text[a.start:a.end] == a.text


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("2.5 trillion togrog", 2.5e12, "MNT"),
    ("40 billion Turkish liras", 40e9, "TRY"),
    ("12 billion liras", 12e9, "TRY"),
    ("30.2 billion birr", 30.2e9, "ETB"),
    ("VNĐ4.1 trillion", 4.1e12, "VND"),
    ("QR12.5bn", 12.5e9, "QAR"),
    ("RM3.4bil", 3.4e9, "MYR"),
    ("US$610mil", 610e6, "USD"),
    ("PLN 7.5 billion", 7.5e9, "PLN"),
    ("1.8 billion zlotys", 1.8e9, "PLN"),
    ("950 million hryvnias", 950e6, "UAH"),
    ("Tk 2,450 crore", 24.5e9, "BDT"),
    ("14 billion tenge", 14e9, "KZT"),
])
def test_money_more_currencies_and_newspaper_scales(text, value, unit):
    [(v, u, _)] = amounts(text)
    assert (v, u) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "countries", "unit"), [
    ("18 billion pesos", ("MX", "KR"), "MXN"),
    ("18 billion pesos", ("JP", "PH"), "PHP"),
    ("18 billion pesos", ("CL",), "CLP"),
    ("18 billion pesos", (), "MXN"),
    ("Rs. 12 billion", ("LK", "MV"), "LKR"),
    ("Rs 12 billion", ("PK", "CN"), "PKR"),
    ("Rs. 12 billion", (), "INR"),
    ("12 billion rupees", ("NP", "IN"), "NPR"),
    ("3 billion riyals", ("QA", "IN"), "QAR"),
    ("3 billion riyals", ("IN", "SA"), "SAR"),
    ("80 million dinars", ("JO",), "JOD"),
    ("2 billion shillings", ("UG", "VN"), "UGX"),
    ("900 million pounds", ("EG", "VN"), "EGP"),
])
def test_money_a_currency_word_several_countries_use_follows_the_article(text, countries, unit):
    [a] = find_amounts(text, countries)
    assert a.unit == unit


@pytest.mark.parametrize(("text", "first", "second"), [
    ("N1.2tn (about $780m)", (1.2e12, "NGN", False), (780e6, "USD", True)),
    ("48.6 billion birr (about 850 million U.S. dollars)", (48.6e9, "ETB", False), (850e6, "USD", True)),
    ("Tk 17,930 crore, or about $1.63 billion", (179.3e9, "BDT", False), (1.63e9, "USD", True)),
    ("RM2.1bil (US$497mil)", (2.1e9, "MYR", False), (497e6, "USD", False)),
])
def test_money_a_hedged_conversion_rides_along(text, first, second):
    [a] = find_amounts(text)
    e = a.equivalent
    assert (a.value, a.unit, a.approximate) == (pytest.approx(first[0]), first[1], first[2])
    assert (e.value, e.unit, e.approximate) == (pytest.approx(second[0]), second[1], second[2])


@pytest.mark.parametrize("text", ["SR 5", "Br 12", "Dh 3", "the 2 mil. mark"])
def test_money_letter_prefixes_need_a_scale(text):
    assert find_amounts(text) == []
