"""Publication dates inferred from the text when the document carries none.

The articles here are our own invented sentences in the genre's shapes.
"""

from __future__ import annotations

from legation.nlp.dates import analyse_time


def infer(text: str):
    a = analyse_time(text, None)
    return a.inference.value if a.inference else None, a


def test_publication_anniversary_and_next_year_decide_the_year_and_yearless_date_the_month():
    text = ("Minister Ana Ruiz received the Chilean delegation in Hanoi on March 5.\n\n"
            "She said 2023, which marks the 50th anniversary of Vietnam-Chile ties, will be a milestone.\n\n"
            "Both sides agreed to hold events for the 50th anniversary of diplomatic ties next year.")
    value, a = infer(text)
    assert value == "2022-03"
    assert a.base.year == 2022 and a.base.month == 3
    dates = {d.text: d.start for d in a.date_exprs()}
    assert dates["on March 5"] == "2022-03-05"
    assert dates["next year"] == "2023"
    assert "50th anniversary" in a.inference.message()


def test_publication_anniversary_from_a_founding_year_and_this_year():
    text = ("Diplomatic relations were established in 1994. "
            "This year the two countries celebrate the 30th anniversary of diplomatic relations.")
    value, _ = infer(text)
    assert value == "2024"


def test_publication_anniversary_from_a_year_range():
    value, _ = infer("Leaders hailed the 25th anniversary of the partnership (1999–2024) this year.")
    assert value == "2024"


def test_publication_apposition_of_relative_and_absolute_year():
    value, _ = infer("Exports rose sharply this year (2021), the ministry said.")
    assert value == "2021"


def test_publication_latest_explicit_past_date_gives_the_year():
    value, a = infer("In October 2022, the two sides signed a trade pact. Talks began in 2019.")
    assert value == "2022"
    assert a.inference.precision == "year"


def test_publication_contradicted_anniversary_falls_back_to_the_dated_past_event():
    text = ("The 20th anniversary of ties falls in 2019. Both sides will celebrate the 20th anniversary "
            "next year. In May 2021 the ministers met.")
    value, _ = infer(text)
    assert value == "2021"


def test_publication_future_only_does_not_decide():
    value, a = infer("The fair will be held in March 2025 in Lima.")
    assert value is None
    assert a.base is None


def test_publication_nothing_decides_keeps_unknown_years():
    value, a = infer("The delegation met the minister on November 10 and discussed trade.")
    assert value is None
    [d] = a.date_exprs()
    assert (d.start, d.partial, d.base) == (None, "--11-10", None)


def test_publication_given_date_wins_over_the_text():
    a = analyse_time("This year (2021) exports rose. They met on November 10.", "2024-08-23")
    assert a.inference is None
    assert a.date_exprs()[-1].start == "2024-11-10" or a.date_exprs()[-1].start == "2023-11-10"


def test_publication_future_yearless_date_does_not_set_the_month():
    text = ("In October 2022 the ministers met. The minister will visit Lima on December 3.")
    value, _ = infer(text)
    assert value == "2022"


def test_publication_yearless_month_after_a_dated_past_event_rolls_the_year():
    text = "In October 2022 the two sides signed a pact. The ministers met in Lima on March 5 to review it."
    value, a = infer(text)
    assert value == "2023-03"
    assert a.date_exprs()[-1].start == "2023-03-05"


def test_publication_yearless_month_in_the_dated_year():
    value, _ = infer("In March 2022 the two sides signed a pact. The ministers met in Lima on October 5.")
    assert value == "2022-10"


def test_publication_a_dateline_gives_the_day():
    text = ("Party delegations meet in Havana\n\n"
            "Havana, Oct 14 (Prensa Latina) The delegation was received on Monday.\n\n"
            "The two countries set up diplomatic ties in 1972 and marked the 50th anniversary of those ties "
            "last year.")
    value, a = infer(text)
    assert value == "2023-10-14"
    assert a.inference.precision == "day"
    assert {d.text: d.start for d in a.date_exprs()}["on Monday"] == "2023-10-09"


def test_publication_a_date_inside_the_text_is_no_dateline():
    text = ("The ministers met in Santiago on Oct 14 and signed two accords. "
            "Ties were established in 1972 and marked their 50th anniversary last year.")
    value, _ = infer(text)
    assert value == "2023-10"


def test_publication_the_years_a_plan_covers_are_no_dated_past():
    text = ("The framework was launched in 2015 and will mark its 10th anniversary next year. "
            "The ministers had tasked officials with drafting a plan of action for 2025-2029. "
            "The meeting was held in Vientiane on Aug 14.")
    value, _ = infer(text)
    assert value == "2024-08"


def test_publication_a_past_clause_in_a_forward_looking_sentence_is_no_future_bound():
    text = ("The forum was founded in 2004 and will celebrate its 20th anniversary next year. "
            "Its members met in March.")
    value, _ = infer(text)
    assert value == "2023-03"


def test_publication_said_that_next_year_is_the_year_after_writing_not_an_anaphor():
    # 'that' joins the reported clause; the founding month-year fixes the anniversary
    text = ("Hanoi, May 14 (Agency) The Vice President received the Chilean Foreign Minister today.\n\n"
            "She recalled that next year both nations will celebrate the 30th anniversary of the establishment "
            "of diplomatic relations, in March 1996.")
    value, a = infer(text)
    assert value == "2025-05-14"
    assert {d.text: d.start for d in a.date_exprs()}["next year"] == "2026"


def test_publication_month_is_the_latest_yearless_past_month():
    text = ("Diplomatic relations were established in 1975, and the 50th anniversary falls next year.\n\n"
            "The two parties held talks on September 30. On October 1, the delegation was received by the "
            "Party leader.")
    value, a = infer(text)
    assert value == "2024-10"
    assert {d.text: d.start for d in a.date_exprs()}["On October 1"] == "2024-10-01"


def test_publication_months_that_wrap_a_year_keep_the_first():
    text = ("Diplomatic relations were established in 1975, and the 50th anniversary falls next year.\n\n"
            "The delegation arrived on December 29. On January 2, it was received by the Party leader.")
    value, _ = infer(text)
    assert value == "2024-12"
