"""Figures: measure, sides, period and qualifiers, on hand-built entities (model-free).

The sentences are our own, in the shapes trade news uses.  Entities are built
by hand the way the entity component reports them (canonical name, kind,
ISO country, every mention span), so these tests do not need the model.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from legation.models import Acronym, Organization, Place
from legation.nlp import factories  # noqa: F401  (registers the components)
from legation.nlp.dates import analyse_time
from legation.nlp.figures import build_actors, extract_figures

GAZETTEER = {
    "Vietnam": ("country", "VN", ["Vietnam"]),
    "Peru": ("country", "PE", ["Peru"]),
    "Japan": ("country", "JP", ["Japan"]),
    "Thailand": ("country", "TH", ["Thailand"]),
    "Chile": ("country", "CL", ["Chile"]),
    "China": ("country", "CN", ["China"]),
    "Germany": ("country", "DE", ["Germany"]),
    "South Korea": ("country", "KR", ["South Korea"]),
    "Singapore": ("country", "SG", ["Singapore"]),
    "Laos": ("country", "LA", ["Laos"]),
    "Cambodia": ("country", "KH", ["Cambodia"]),
    "Indonesia": ("country", "ID", ["Indonesia"]),
    "United States": ("country", "US", ["United States", "US"]),
    "Hanoi": ("city", "VN", ["Hanoi"]),
    "Da Nang": ("city", "VN", ["Da Nang"]),
    "Binh Duong": ("province", "VN", ["Binh Duong"]),
    "Ho Chi Minh City": ("city", "VN", ["Ho Chi Minh City"]),
    "Lima": ("city", "PE", ["Lima"]),
    "Mexico": ("country", "MX", ["Mexico"]),
    "Saudi Arabia": ("country", "SA", ["Saudi Arabia"]),
    "Republic of Kazakhstan": ("country", "KZ", ["Republic of Kazakhstan", "Kazakhstan"]),
    "Arab Republic of Egypt": ("country", "EG", ["Arab Republic of Egypt", "Egypt"]),
    "Nigeria": ("country", "NG", ["Nigeria"]),
    "Brazil": ("country", "BR", ["Brazil"]),
    "Ethiopia": ("country", "ET", ["Ethiopia"]),
    "Philippines": ("country", "PH", ["Philippines"]),
    "Osaka": ("city", "JP", ["Osaka"]),
    "Can Tho": ("city", "VN", ["Can Tho"]),
    "Yunnan": ("province", "CN", ["Yunnan"]),
    "Gyeonggi": ("province", "KR", ["Gyeonggi"]),
    "Quang Ninh": ("province", "VN", ["Quang Ninh"]),
    "Hungary": ("country", "HU", ["Hungary"]),
}


def places_in(text: str) -> list[Place]:
    out = []
    for name, (kind, country, forms) in GAZETTEER.items():
        spans = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(rf"\b{re.escape(f)}\b", text)})
        # a longer name ("Ho Chi Minh City") owns its span
        if spans:
            out.append(Place(id=f"L{len(out) + 1}", name=name, kind=kind, country=country, mentions=spans))
    return out


def figures(text: str, published: str | None = "2024-08-23", *, acronyms=(), organizations=()):
    actors = build_actors(text, places_in(text), organizations, acronyms)
    return extract_figures(text, actors, analyse_time(text, published))


def row(f):
    p = f.period
    return (f.measure, f.from_, f.to, f.value, f.unit, (p.start, p.end) if p else None)


def test_figures_growth_rate_is_not_a_level():
    [growth, level] = figures("Vietnam's exports to Peru rose 12.5 percent year-on-year to US$500 million in 2023.")
    assert row(level) == ("exports", "Vietnam", "Peru", 500e6, "USD", ("2023-01-01", "2023-12-31"))
    assert (growth.measure, growth.qualifier, growth.subject, growth.value) == ("other", "growth", "exports", 12.5)
    assert (growth.from_, growth.to) == ("Vietnam", "Peru")


def test_figures_imports_into_x_from_y_flow_from_y_to_x():
    [f] = figures("Imports into Thailand from Japan totaled ¥3 trillion in the first half of 2023.")
    assert row(f) == ("imports", "Japan", "Thailand", 3e12, "JPY", ("2023-01-01", "2023-06-30"))


def test_figures_trade_between_two_sides_and_a_forecast_by_year():
    fs = figures("Two-way trade between Chile and China reached 50 billion yuan in 2022 and is expected to "
                 "hit RMB 60 billion by 2025.")
    assert [row(f) for f in fs] == [
        ("trade_turnover", "Chile", "China", 50e9, "CNY", ("2022-01-01", "2022-12-31")),
        ("other", "Chile", "China", 60e9, "CNY", ("2025-01-01", "2025-12-31"))]
    # a forecast is no statistic of its period: measure other, about the flow it forecasts
    assert (fs[1].qualifier, fs[1].subject) == ("forecast", "trade turnover")


def test_figures_investment_in_two_currencies_is_a_figure_in_each():
    fs = figures("South Korea's investment in Vietnam was VND 3 trillion (US$120 million) in Q1 2024.")
    assert [row(f) for f in fs] == [
        ("investment", "South Korea", "Vietnam", 3e12, "VND", ("2024-01-01", "2024-03-31")),
        ("investment", "South Korea", "Vietnam", 120e6, "USD", ("2024-01-01", "2024-03-31"))]


def test_figures_range_in_the_current_year():
    [f] = figures("Bilateral trade between Germany and Vietnam is estimated at EUR 5-6 billion this year.")
    assert row(f) == ("trade_turnover", "Germany", "Vietnam", 5.5e9, "EUR", ("2024-01-01", "2024-12-31"))
    assert f.approximate


def test_figures_decline_is_negative_growth():
    [f] = figures("Vietnam's exports to China fell 3.5% in January-June.")
    assert (f.measure, f.qualifier, f.value, f.subject) == ("other", "growth", -3.5, "exports")
    assert (f.period.start, f.period.end) == ("2024-01-01", "2024-06-30")


def test_figures_change_in_money_is_growth():
    [f] = figures("Japan's investment in Indonesia increased by $2 billion last year.")
    assert (f.measure, f.qualifier, f.value, f.unit) == ("other", "growth", 2e9, "USD")
    assert (f.from_, f.to) == ("Japan", "Indonesia")


def test_figures_receiving_verb_makes_the_subject_the_destination():
    [f] = figures("Binh Duong attracted over $1.2 bn in FDI from Singapore in 2022.")
    assert row(f) == ("investment", "Singapore", "Binh Duong", 1.2e9, "USD", ("2022-01-01", "2022-12-31"))
    assert f.approximate


def test_figures_peruvian_soles():
    [f] = figures("Peru's exports to Vietnam reached S/ 500 million in 2021.")
    assert row(f) == ("exports", "Peru", "Vietnam", 500e6, "PEN", ("2021-01-01", "2021-12-31"))


def test_figures_share_with_an_explicit_whole():
    [f] = figures("Hanoi accounts for 15 percent of Vietnam's exports.")
    assert (f.measure, f.subject, f.from_, f.to, f.value, f.unit) == (
        "share", "exports", "Hanoi", "Vietnam", 15.0, "percent")


def test_figures_share_of_a_city_goes_to_its_country_and_it_carries_the_part():
    text = ("Da Nang holds 2 percent of the country's population. It contributes about 4 percent of the GDP "
            "and 9 percent of total tourism revenue.")
    fs = figures(text)
    assert [(f.measure, f.subject, f.from_, f.to, f.value, f.approximate) for f in fs] == [
        ("share", "population", "Da Nang", "Vietnam", 2.0, False),
        ("share", "GDP", "Da Nang", "Vietnam", 4.0, True),
        ("share", "tourism revenue", "Da Nang", "Vietnam", 9.0, False)]
    assert all(f.period is None for f in fs)


def test_figures_fraction_is_other_not_a_flow():
    [f] = figures("Binh Duong is home to nearly two-thirds of the nation's furniture makers.")
    assert (f.measure, f.qualifier, f.subject, f.from_, f.to) == (
        "other", "fraction", "furniture makers", "Binh Duong", "Vietnam")
    assert f.value == pytest.approx(200 / 3) and f.approximate


def test_figures_hyphenated_pair_trade():
    [f] = figures("Vietnam-Laos trade reached $1.5 billion in 2023.")
    assert row(f) == ("trade_turnover", "Vietnam", "Laos", 1.5e9, "USD", ("2023-01-01", "2023-12-31"))


def test_figures_acronym_owner_resolves_through_the_acronym_list():
    text = "HCMC's exports to Peru reached $40 million in 2022."
    fs = figures(text, acronyms=[Acronym(short="HCMC", long="Ho Chi Minh City")])
    assert [(f.from_, f.to) for f in fs] == [("Ho Chi Minh City", "Peru")]


def test_figures_acronym_owner_resolves_through_initials_of_a_named_place():
    text = "Ho Chi Minh City is a hub. HCMC's exports to Peru reached $40 million in 2022."
    [f] = figures(text)
    assert (f.from_, f.to) == ("Ho Chi Minh City", "Peru")


def test_figures_the_city_is_the_most_salient_city():
    text = ("Da Nang hosted the fair. Officials from Da Nang and Hanoi spoke. "
            "The city's exports to Japan totaled $300 million in 2023.")
    [f] = figures(text)
    assert (f.from_, f.to) == ("Da Nang", "Japan")


def test_figures_sides_carry_within_a_paragraph():
    text = ("Cambodia's rice exports to China totaled 1.2 mln USD in March 2024, while imports from China "
            "hit $900,000.")
    fs = figures(text)
    assert [row(f) for f in fs] == [
        ("exports", "Cambodia", "China", 1.2e6, "USD", ("2024-03-01", "2024-03-31")),
        ("imports", "China", "Cambodia", 900000, "USD", ("2024-03-01", "2024-03-31"))]


def test_figures_paragraph_year_when_clearly_stated():
    fs = figures("In 2022, Laos welcomed many buyers. Exports to Laos reached $40 million.\n\nOther news.")
    assert fs[0].period.start == "2022-01-01"
    fs = figures("In 2022 and 2023 many buyers came. Exports to Laos reached $40 million.")
    assert fs[0].period is None


def test_figures_from_to_between_years():
    [a, b] = figures("Exports to Japan rose from $3 million to $5 million between 2013 and 2023.")
    assert (a.value, a.period.start, b.value, b.period.start) == (3e6, "2013-01-01", 5e6, "2023-01-01")


def test_figures_target_by_year():
    [f] = figures("Vietnam aims to raise trade with the United States to $200 billion by 2030.")
    assert (f.measure, f.subject, f.qualifier, f.value) == ("other", "trade turnover", "target", 200e9)
    assert (f.period.start, f.period.end) == ("2030-01-01", "2030-12-31")
    assert (f.from_, f.to) == ("Vietnam", "United States")


def test_figures_growth_period_is_the_reported_year_not_the_comparison():
    fs = figures("Japan's exports to Thailand reached US$ 120 million in 2022, up 8 percent from 2021.")
    level, growth = fs
    assert level.period.start == "2022-01-01"
    assert (growth.qualifier, growth.period.start if growth.period else None) == ("growth", "2022-01-01")


def test_figures_money_without_a_trade_cue_is_other():
    [f] = figures("The bridge, costing $45 million, opened in 2021.")
    assert (f.measure, f.from_, f.to, f.value) == ("other", None, None, 45e6)


def test_figures_peak_qualifier():
    fs = figures("Exports to Peru grew from $19 million in 2013 to $23 million in 2023, peaking at "
                 "$35 million in 2019.", acronyms=[])
    assert [(f.value, f.qualifier, f.period.start[:4]) for f in fs] == [
        (19e6, None, "2013"), (23e6, None, "2023"), (35e6, "peak", "2019")]


def test_figures_evidence_is_the_sentence():
    text = "Trade rose. Vietnam's exports to Peru hit $5 million in 2020. Other things happened."
    [f] = figures(text)
    assert f.evidence.text == "Vietnam's exports to Peru hit $5 million in 2020."
    assert text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_figures_organization_side():
    text = "Samsung's investment in Vietnam reached $22.4 billion by 2023."
    org = Organization(id="O1", name="Samsung Electronics", kind="company", country="KR", mentions=[(0, 7)])
    [f] = figures(text, organizations=[org])
    assert (f.measure, f.from_, f.to) == ("investment", "Samsung Electronics", "Vietnam")


def test_figures_component_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("legation_dates")
    nlp.add_pipe("legation_figures")
    text = "Vietnam's exports to Peru reached $5 million last year."
    doc = nlp.make_doc(text)
    doc._.legation_meta = {"id": "x", "published": "2024-08-23", "published_basis": "header"}
    doc._.legation_places = places_in(text)
    doc = nlp(doc)
    [f] = doc._.legation_figures
    assert row(f) == ("exports", "Vietnam", "Peru", 5e6, "USD", ("2023-01-01", "2023-12-31"))


def test_figures_component_without_entities_still_names_sides_from_text():
    nlp = spacy.blank("en")
    nlp.add_pipe("legation_figures")
    doc = nlp.make_doc("Chile's exports to Japan reached $5 million in 2020.")
    doc._.legation_meta = {"id": "x", "published": None}
    [f] = nlp(doc)._.legation_figures
    assert (f.measure, f.from_, f.to, f.period.start) == ("exports", "Chile", "Japan", "2020-01-01")


def test_figures_two_way_trade_without_sides_is_between_the_articles_two_countries():
    text = ("Chile and Japan held talks in Santiago.\n\n"
            "Japan's exports to Chile reached $2 billion in 2022.\n\n"
            "Two-way trade between the two countries reached $5 billion last year.")
    fs = figures(text)
    trade = [f for f in fs if f.measure == "trade_turnover"]
    assert [(f.from_, f.to, f.period.start) for f in trade] == [("Chile", "Japan", "2023-01-01")]


def test_figures_joint_subject_names_both_sides():
    [f] = figures("Vietnam and Laos aim to lift two-way trade to $5 billion by 2030.")
    assert (f.measure, f.from_, f.to, f.qualifier) == ("other", "Vietnam", "Laos", "target")


def test_figures_trade_inside_a_ministry_name_is_not_a_flow():
    fs = figures("Minister of Industry and Trade Le Van An received the Japanese envoy in Hanoi. "
                 "The ministry spent $5 million on the fair.")
    assert [f.measure for f in fs] == ["other"]


def test_figures_a_duration_is_not_a_future_period():
    text = "Trade between Vietnam and Chile doubled in a decade to $2 billion."
    [f] = figures(text)
    assert f.period is None or f.period.start != "2034-01-01"


def test_figures_breakdown_by_partner_continues_the_last_flow():
    text = ("Foreign direct investment into Vietnam in the first eight months of this year totaled $20.5 billion."
            "\n\nSingapore led with $6.8 billion, followed by Japan with $2.4 billion.")
    fs = figures(text, "2024-09-05")
    assert [(f.measure, f.from_, f.to, f.value, f.period.end) for f in fs] == [
        ("investment", None, "Vietnam", 20.5e9, "2024-08-31"),
        ("investment", "Singapore", "Vietnam", 6.8e9, "2024-08-31"),
        ("investment", "Japan", "Vietnam", 2.4e9, "2024-08-31")]


def test_figures_the_eight_month_period_refers_back():
    text = ("Exports in the first eight months rose. Vietnam's exports to Japan hit $15 billion in the "
            "eight-month period.")
    [f] = figures(text, "2024-09-05")
    assert (f.period.start, f.period.end) == ("2024-01-01", "2024-08-31")


def test_figures_average_annual_growth():
    [f] = figures("Over the past five years, Japan's investment in Vietnam grew by an average of 6 percent a year.")
    assert (f.measure, f.qualifier, f.value, f.from_, f.to) == ("other", "growth", 6.0, "Japan", "Vietnam")


def test_figures_share_does_not_take_another_clauses_date():
    [share, inv] = figures("Samsung, which accounts for nearly a fifth of Vietnam's exports, invested $3 billion "
                           "in the country last year.",
                           organizations=[Organization(id="O1", name="Samsung", kind="company", mentions=[(0, 7)])])
    assert share.period is None and share.qualifier == "fraction"
    assert (inv.measure, inv.from_, inv.to, inv.period.start) == ("investment", "Samsung", "Vietnam", "2023-01-01")


def test_figures_dateline_city_is_not_a_side():
    text = ("PHNOM PENH - Thai and Cambodian officials agreed on Tuesday to raise bilateral trade to "
            "US$15 billion by 2025, up from about US$10.7 billion last year.")
    places = [Place(id="L1", name="Phnom Penh", kind="city", country="KH", mentions=[(0, 10)])]
    actors = build_actors(text, places)
    fs = extract_figures(text, actors, analyse_time(text, "2024-08-23"))
    assert [(f.from_, f.to, f.value, f.qualifier) for f in fs] == [
        ("Thailand", "Cambodia", 15e9, "target"), ("Thailand", "Cambodia", 10.7e9, None)]


def test_figures_exporter_carried_across_paragraphs_and_the_month():
    text = ("Vietnam's exports rose 10.1% in October from a year earlier to $35.6 billion.\n\n"
            "Exports to the United States jumped 24.8% to $10.2 billion in the month, while shipments to "
            "China slipped 2.1%.")
    fs = figures(text, "2024-11-01")
    assert [(f.measure, f.from_, f.to, f.value, f.period.start) for f in fs] == [
        ("other", "Vietnam", None, 10.1, "2024-10-01"), ("exports", "Vietnam", None, 35.6e9, "2024-10-01"),
        ("other", "Vietnam", "United States", 24.8, "2024-10-01"),
        ("exports", "Vietnam", "United States", 10.2e9, "2024-10-01"),
        ("other", "Vietnam", "China", -2.1, "2024-10-01")]


def test_figures_previous_figures_period_in_the_paragraph():
    text = ("Trade between Peru and Japan totaled US$412 million in 2023. Peruvian exports to Japan amounted to "
            "US$98 million. In the January-August period of this year, shipments grew 21.5%.")
    fs = figures(text)
    exports = [f for f in fs if f.measure == "exports"]
    assert [(f.from_, f.to, f.period.start) for f in exports] == [("Peru", "Japan", "2023-01-01")]


def test_figures_demonym_investors_and_the_country():
    text = "Kenya and India met. Indian companies had invested more than Sh1.2 trillion in the country."
    places = [Place(id="L1", name="Kenya", kind="country", country="KE", mentions=[(0, 5)]),
              Place(id="L2", name="India", kind="country", country="IN", mentions=[(10, 15)])]
    [f] = extract_figures(text, build_actors(text, places), analyse_time(text, "2023-06-13"))
    assert (f.measure, f.from_, f.to, f.value, f.unit, f.approximate) == (
        "investment", "India", "Kenya", 1.2e12, "KES", True)


def test_figures_headline_repeat_without_period_is_dropped():
    text = ("Bilateral trade hits €3.2bn\n\nTrade between Nigeria and Germany rose to €3.2 billion in 2023 "
            "from €2.7 billion in 2022.")
    places = [Place(id="L1", name="Nigeria", kind="country", country="NG", mentions=[(43, 50)]),
              Place(id="L2", name="Germany", kind="country", country="DE", mentions=[(55, 62)])]
    fs = extract_figures(text, build_actors(text, places), analyse_time(text, "2024-04-18"))
    assert [(f.value, f.period.start[:4]) for f in fs] == [(3.2e9, "2023"), (2.7e9, "2022")]


WORDS = ["Vietnam's", "exports", "to", "Peru", "imports", "from", "trade", "between", "and", "two-way",
         "US$5", "million", "$3-4", "billion", "VND", "3", "trillion", "(US$120", "million)", "percent", "%",
         "of", "the", "country's", "GDP", "up", "down", "by", "in", "2023", "the first half of", "last year",
         "one-third", "accounted for", "peaking at", ",", ".", "\n\n", "Hanoi", "the city", "FDI", "into"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from([None, "2024-08-23", "2023", "2023-11"]))
def test_figures_never_crash_on_trade_like_text(words, published):
    text = " ".join(words)
    for f in figures(text, published):
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text
        assert f.measure in ("exports", "imports", "trade_turnover", "investment", "share", "other")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_figures_never_crash_on_arbitrary_text(text):
    figures(text, None)


# --------------------------------------------------------------------------- sides the text describes


def sides(text, published="2024-08-23", **kw):
    return [(f.measure, f.from_, f.to, f.value) for f in figures(text, published, **kw)]


def test_figures_a_described_country_is_the_other_side():
    text = ("Vietnam's exports to Mexico reached $4 billion in 2023, while its imports from the Latin American "
            "country stood at $700 million.")
    assert sides(text) == [("exports", "Vietnam", "Mexico", 4e9), ("imports", "Mexico", "Vietnam", 700e6)]


def test_figures_the_kingdom_is_the_monarchy_of_the_article():
    text = ("Indonesia's delegation met Saudi Arabia's ministers. Indonesia sees wider trade. Data show the "
            "kingdom imported goods worth SAR 5 billion from Indonesia in 2023.")
    assert sides(text) == [("imports", "Indonesia", "Saudi Arabia", 5e9)]


def test_figures_a_described_nation_as_the_owner():
    text = "Japan and Chile met in Tokyo. The South American nation's exports to Japan hit $2 billion in 2023."
    assert sides(text) == [("exports", "Chile", "Japan", 2e9)]


def test_figures_the_city_is_not_one_of_the_investors_own():
    text = ("Osaka's governor visited Can Tho. Osaka and Can Tho signed a pact; Osaka firms will train staff. "
            "Japanese companies have 12 investment projects in the city worth a combined $90 million.")
    assert sides(text)[-1] == ("investment", "Japan", "Can Tho", 90e6)


def test_figures_the_provinces_exports_go_abroad():
    text = ("Gyeonggi's vice governor met Quang Ninh's leaders. Gyeonggi has many firms. Gyeonggi is big. "
            "The province's exports to the Korean market reached $1 billion in 2023.")
    assert sides(text) == [("exports", "Quang Ninh", "South Korea", 1e9)]


def test_figures_formal_country_names_become_the_usual_ones():
    text = ("The Republic of Kazakhstan's envoy met Vietnam's president. Two-way trade between Vietnam and "
            "Kazakhstan reached $1 billion in 2024. Vietnam's exports to the Arab Republic of Egypt were $400 "
            "million.")
    assert sides(text) == [("trade_turnover", "Vietnam", "Kazakhstan", 1e9), ("exports", "Vietnam", "Egypt", 400e6)]


def test_figures_the_two_countries_are_the_paragraphs_pair():
    text = ("Trade between Vietnam and Mexico reached $5 billion in 2024.\n\n"
            "The president told the envoy that Vietnam regards Egypt as a gateway to Africa. Trade between the "
            "two countries reached $600 million in 2024.")
    assert sides(text)[-1] == ("trade_turnover", "Vietnam", "Egypt", 600e6)


def test_figures_months_are_never_sides():
    text = ("The Philippines imported 3 million tonnes of rice from January to November this year.\n\n"
            "Total trade between the two countries reached $7 billion in 2023. Vietnam supplied most of it.")
    [f] = figures(text, "2024-12-10")
    assert {f.from_, f.to} == {"Philippines", "Vietnam"}


def test_figures_trade_with_one_named_side_takes_the_paragraphs_reporter():
    text = "Brazil's exports to Mexico rose to $6 billion in 2024, while trade with Ethiopia was $190 million."
    assert sides(text)[-1] == ("trade_turnover", "Brazil", "Ethiopia", 190e6)


def test_figures_trading_partner_with_two_way_trade():
    text = "Vietnam remains Yunnan's largest trading partner, with two-way trade of 20 billion yuan in 2024."
    [f] = figures(text)
    assert (f.measure, {f.from_, f.to}) == ("trade_turnover", {"Vietnam", "Yunnan"})


def test_figures_border_trade_with_one_side_takes_the_article_pair():
    text = ("Thailand and Cambodia agreed to reopen two checkpoints. Officials said border trade with Cambodia "
            "reached 90 billion baht in the first half of 2024.")
    assert sides(text) == [("trade_turnover", "Thailand", "Cambodia", 90e9)]


def test_figures_trade_with_its_bloc_partners():
    orgs = [Organization(id="O1", name="BRICS", kind="bloc", mentions=[(31, 36)])]
    text = "Brazil's trade with its fellow BRICS partners reached $200 billion in 2024."
    assert text[31:36] == "BRICS"
    assert sides(text, organizations=orgs) == [("trade_turnover", "Brazil", "BRICS", 200e9)]


# --------------------------------------------------------------------------- periods told elsewhere


def periods(text, published="2024-08-23", **kw):
    return [(f.measure, f.value, (f.period.start, f.period.end) if f.period else None)
            for f in figures(text, published, **kw)]


def test_figures_a_growth_rate_takes_the_period_of_the_level_it_leads_to():
    text = "Trade between Chile and Peru stood at $3 billion in 2023 and rose 6% year-on-year to $1.7 billion " \
           "in the first half of this year."
    assert periods(text)[1:] == [("other", 6.0, ("2024-01-01", "2024-06-30")),
                                 ("trade_turnover", 1.7e9, ("2024-01-01", "2024-06-30"))]


def test_figures_a_growth_rate_after_its_level():
    text = "Two-way trade between Laos and Cambodia reached $900 million in the first nine months of this year, " \
           "up 12% year on year."
    assert periods(text) == [("trade_turnover", 900e6, ("2024-01-01", "2024-09-30")),
                             ("other", 12.0, ("2024-01-01", "2024-09-30"))]


@pytest.mark.parametrize("stock", [
    "Vietnam currently has 120 investment projects in Laos with total registered capital of $2 billion.",
    "Vietnamese companies have invested more than $300 million in Laos.",
    "Vietnamese firms had invested over $300 million in Laos, the minister added.",
    "Laos now hosts Vietnamese investment worth $2 billion.",
])
def test_figures_a_stock_told_in_the_present_takes_no_period_from_elsewhere(stock):
    text = "Trade between Vietnam and Laos reached $1.6 billion in 2023. " + stock
    assert periods(text)[-1][2] is None


def test_figures_a_past_total_takes_the_period_of_the_previous_sentence():
    text = "Trade between Vietnam and Laos reached $1.6 billion in 2023. Vietnam's exports to Laos amounted to " \
           "$900 million."
    assert periods(text)[-1] == ("exports", 900e6, ("2023-01-01", "2023-12-31"))


def test_figures_a_past_share_of_the_total_takes_the_paragraphs_period():
    text = "The Philippines imported 3 million tonnes of rice from January to October this year. Vietnam " \
           "accounted for about 70 percent of the total, customs data show."
    [f] = figures(text)
    assert (f.measure, f.value, f.period.start, f.period.end) == ("share", 70.0, "2024-01-01", "2024-10-31")


def test_figures_a_share_in_a_participial_clause_of_a_past_sentence():
    text = "Japan was Chile's second-largest trading partner last year, accounting for 9.5% of its total trade."
    [f] = figures(text)
    assert (f.measure, f.value, f.period.start) == ("share", 9.5, "2023-01-01")


@pytest.mark.parametrize("text", [
    "Chile's exports to Japan totalled $2 billion last year, while Japan accounts for about 4 percent of Chile's "
    "imports.",
    "Japanese companies account for about 60 percent of the firms operating in Chile's free zones.",
])
def test_figures_a_share_told_in_the_present_has_no_period(text):
    share = [f for f in figures(text) if f.measure == "share"]
    assert [f.period for f in share] == [None]


def test_figures_a_compared_level_does_not_make_the_sentences_period_ambiguous():
    text = ("Japan's exports to Chile stood at $5.1 billion in 2023, down from $5.6 billion the previous year, "
            "while imports from Chile were $1.2 billion.")
    assert periods(text) == [("exports", 5.1e9, ("2023-01-01", "2023-12-31")),
                             ("exports", 5.6e9, ("2022-01-01", "2022-12-31")),
                             ("imports", 1.2e9, ("2023-01-01", "2023-12-31"))]


def test_figures_fiscal_years_as_defined_and_the_previous_one():
    text = ("India's exports to Chile stood at $1.1 billion in 2022-23 (April-March), down from $1.3 billion the "
            "previous year.")
    places = [Place(id="L1", name="India", kind="country", country="IN", mentions=[(0, 5)]),
              Place(id="L2", name="Chile", kind="country", country="CL", mentions=[(19, 24)])]
    fs = extract_figures(text, build_actors(text, places), analyse_time(text, "2023-06-01"))
    assert [(f.value, f.period.start, f.period.end) for f in fs] == [
        (1.1e9, "2022-04-01", "2023-03-31"), (1.3e9, "2021-04-01", "2022-03-31")]


def test_figures_a_target_is_no_statistic_of_its_year():
    [f] = figures("The two countries aim to raise bilateral trade between Chile and Japan to $10 billion by 2030.")
    assert (f.measure, f.subject, f.qualifier, f.period.start) == ("other", "trade turnover", "target", "2030-01-01")


@pytest.mark.parametrize("text", [
    "Chile and Japan signed a free trade agreement in 2007; Japan's exports to Chile reached $2 billion in 2023.",
    "Japan's trade ministry said Japan's exports to Chile reached $2 billion in 2023.",
])
def test_figures_a_cue_that_modifies_a_noun_is_no_flow(text):
    assert sides(text) == [("exports", "Japan", "Chile", 2e9)]


def test_figures_a_countrys_total_trade_has_no_partner():
    text = "Chile and Japan held talks. Chile's total trade reached $180 billion in 2023."
    assert sides(text) == [("trade_turnover", "Chile", None, 180e9)]


def test_figures_the_two_sides_are_the_articles_main_pair_not_the_last_flow():
    text = ("Vietnam and Laos held talks in Hanoi. Vietnam and Laos agreed to open a new border gate.\n\n"
            "Japan's exports to Thailand rose to $30 billion in 2023, the ministers noted.\n\n"
            "Trade between the two countries reached $1.6 billion in 2023.")
    assert sides(text)[-1] == ("trade_turnover", "Vietnam", "Laos", 1.6e9)


def test_figures_the_largest_investor_with_its_capital():
    text = "Singapore is Vietnam's largest foreign investor, with total registered capital of $70 billion."
    assert sides(text) == [("investment", "Singapore", "Vietnam", 70e9)]


def test_figures_since_a_year_runs_to_the_articles_date():
    [f] = figures("Since 2010, Japanese companies have invested $10 billion in Laos.")
    assert (f.measure, f.from_, f.to, f.period.start, f.period.end) == (
        "investment", "Japan", "Laos", "2010-01-01", "2024-08-23")


def test_figures_a_headline_restating_a_body_figure_is_dropped():
    text = ("Japan remains top investor in Laos with $6.5bn\n\n"
            "Japan ranks first among 40 countries investing in Laos, with 300 projects worth $6.5 billion.")
    [f] = figures(text)
    assert (f.measure, f.from_, f.to, f.period) == ("investment", "Japan", "Laos", None)
    assert f.evidence.text.startswith("Japan ranks first")


def test_figures_a_run_of_months_is_no_side():
    text = "Laos and Japan met. FDI from Japan into Laos reached about $30 million in the January-February period."
    [f] = figures(text, "2025-03-12")
    assert (f.from_, f.to, f.period.start, f.period.end) == ("Japan", "Laos", "2025-01-01", "2025-02-28")


def test_figures_attracting_investment_names_no_investor():
    text = "Japan's investment in Laos reached $2 billion in 2024. Laos aims to attract US$1 billion in FDI this year."
    assert sides(text)[-1] == ("other", None, "Laos", 1e9)


def test_figures_an_earlier_target_is_a_target():
    fs = figures("Chile and Japan set a target of $15 billion in bilateral trade by 2030, up from $10 billion "
                 "targeted earlier.")
    assert [(f.measure, f.value, f.qualifier) for f in fs] == [("other", 15e9, "target"), ("other", 10e9, "target")]


def test_figures_a_one_sentence_paragraph_keeps_the_previous_paragraphs_period():
    text = ("Trade between Chile and Peru amounted to $3.2 billion in the first four months of this year.\n\n"
            "Of the total, Chile's exports to Peru were $710 million, while its imports from Peru stood at "
            "$2.49 billion.")
    assert [p for _, _, p in periods(text)] == [("2024-01-01", "2024-04-30")] * 3


@pytest.mark.parametrize("later", [
    "Chilean investors were ready to invest a further $500 million in Peru.",
    "A $200 million credit line for Peru would be disbursed in two phases, the minister said.",
    "Chilean firms have invested $1 billion in Peru.",
])
def test_figures_an_intention_or_a_stock_in_the_next_paragraph_takes_no_period(later):
    text = "Trade between Chile and Peru amounted to $3.2 billion in 2023.\n\n" + later
    assert periods(text)[-1][2] is None


def test_figures_a_described_country_is_not_the_provinces_own():
    text = ("Binh Duong and Vietnam officials met envoys from Chile. Vietnam is big. Vietnam grows. "
            "Binh Duong's exports to the South American country totalled $7 million last year.")
    assert sides(text) == [("exports", "Binh Duong", "Chile", 7e6)]


def test_figures_a_place_far_after_the_amount_is_not_the_investments_target():
    text = ("Japanese investors have 52 projects in Laos with a total registered capital of $74.6 million, the "
            "minister noted, calling on Japan's funds to look at the financial centre being set up in Hanoi.")
    assert sides(text) == [("investment", "Japan", "Laos", 74.6e6)]


def test_figures_a_ranking_with_projects_worth_continues_the_last_flow():
    text = ("As of the end of April this year, Binh Duong had attracted foreign direct investment worth $40 "
            "billion. South Korea (RoK) leads the list with 470 projects worth $9.8 billion, followed by Japan "
            "with $3 billion.")
    assert [(f.measure, f.from_, f.to, f.value) for f in figures(text, "2024-05-09")] == [
        ("investment", None, "Binh Duong", 40e9), ("investment", "South Korea", "Binh Duong", 9.8e9),
        ("investment", "Japan", "Binh Duong", 3e9)]


def test_figures_a_share_of_the_total_just_told_takes_its_period():
    text = ("Two-way trade between Laos and Peru reached $1.1 billion in 2021 and nearly $1.2 billion in the first "
            "ten months of this year, with Laos's exports accounting for more than 80 percent, she said.")
    [*_, share] = figures(text)
    assert (share.measure, share.subject, share.value, share.period.start, share.period.end) == (
        "share", "total", 80.0, "2024-01-01", "2024-10-31")


def test_figures_a_list_of_flows_in_a_present_sentence_keeps_the_sentences_period():
    text = ("Peru is Chile's largest partner, with two-way trade reaching $6.8 billion in 2023, including Chile's "
            "exports of $2.7 billion.")
    assert [p for _, _, p in periods(text)] == [("2023-01-01", "2023-12-31")] * 2


def test_figures_exports_and_imports_of_one_owner():
    text = ("Peru is Chile's largest partner, with two-way trade reaching $6.8 billion in 2023, including Chile's "
            "exports of $2.7 billion and imports of $4.1 billion.")
    assert sides(text)[1:] == [("exports", "Chile", "Peru", 2.7e9), ("imports", "Peru", "Chile", 4.1e9)]


def test_figures_it_refers_to_the_flow_just_told():
    text = ("Two-way trade between Laos and Peru reached $90 million in 2023. In the first five months of this "
            "year, it hit $40 million, up 11 percent year-on-year.")
    fs = figures(text)
    assert [(f.measure, f.from_, f.to, f.value) for f in fs][1] == ("trade_turnover", "Laos", "Peru", 40e6)
    assert (fs[1].period.start, fs[1].period.end) == ("2024-01-01", "2024-05-31")


def test_figures_the_citys_largest_trading_partner():
    text = ("Ho Chi Minh City leaders met Peru's envoy. Ho Chi Minh City grows fast. Peru remains the city's "
            "largest trading partner in South America, with two-way trade of $1 billion in 2023.")
    [f] = figures(text)
    assert (f.measure, {f.from_, f.to}) == ("trade_turnover", {"Peru", "Ho Chi Minh City"})


def test_figures_the_province_is_the_one_the_text_just_spoke_of():
    text = ("Quang Ninh leaders received a Gyeonggi delegation. Gyeonggi officials toured Quang Ninh. Gyeonggi "
            "has many firms and Gyeonggi is big.\n\n"
            "The host briefed the guests on Quang Ninh, a leading industrial hub.\n\n"
            "As of the end of June, the province had attracted $9 billion in foreign direct investment. In the "
            "first half of this year, its export turnover reached $3 billion.")
    assert sides(text) == [("investment", None, "Quang Ninh", 9e9), ("exports", "Quang Ninh", None, 3e9)]


def test_figures_the_city_shipped_goods_to_the_european_country():
    text = ("Hanoi and Vietnam officials met Hungary's envoy. Vietnam grows. Vietnam trades.\n\n"
            "Hanoi's trade with Hungary was $142 million last year, and in the first five months of this year the "
            "city shipped goods worth $38 million to the Central European country.")
    assert sides(text)[-1] == ("exports", "Hanoi", "Hungary", 38e6)


def test_figures_a_place_named_as_its_own_country_is_the_country():
    text = "Vietnam met Mexico. Vietnam's imports from the Latin American country reached $900 million in 2024."
    places = [Place(id="L1", name="Vietnam", kind="country", country="VN", mentions=[(0, 7), (20, 27)]),
              Place(id="L2", name="Mexico", kind="province", country="MX", mentions=[(12, 18)])]
    [f] = extract_figures(text, build_actors(text, places), analyse_time(text, "2025-01-10"))
    assert (f.measure, f.from_, f.to) == ("imports", "Mexico", "Vietnam")


@pytest.mark.parametrize("text", [
    "Exports from Laos to Peru reached $90 million in 2023. The bridge is vital, and it will cost $40 million.",
    "Exports from Laos to Peru reached $90 million in 2023.\n\nA new port opened on the river.\n\nIt was $40 million.",
])
def test_figures_it_is_the_flow_only_for_a_level_verb_nearby(text):
    assert figures(text)[-1].measure == "other"


def test_figures_only_a_flow_keeps_the_previous_paragraphs_period():
    text = ("Chile's exports to Peru rose to $5 billion last year.\n\n"
            "A 20% stake in the venture was sold for $12 million.")
    assert [p for _, _, p in periods(text)][1:] == [None, None]


def test_figures_a_participle_after_a_share_is_no_past_verb():
    text = ("Chile's exports to Peru rose to $5 billion last year. About 30 percent of Chilean wine sold in Peru "
            "comes through Lima, the trade office said.")
    assert periods(text)[-1] == ("share", 30.0, None)
