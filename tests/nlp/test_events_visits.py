"""Model-free tests of visit, reception and subject rules found wanting on the blind sets
(tests/fixtures/blind2, blind3): tours of several countries, visits told in a relative clause
after an apposition, spans told by a duration or an end day, guests named by role, members
listed with "It also comprises", signings inside the encounter just told, objects after a
day and a venue without commas.  Invented texts; entities and dates are given by hand
(event_docs.py), so each test holds the event rule alone."""

from __future__ import annotations

from legation.models import Event

from .event_docs import run_events

ENCOUNTERS = {"meeting", "talks", "reception", "visit", "call", "signing"}

PEOPLE = [
    {"name": "Hoang Van Minh", "mentions": ["Minh"], "country": "VN",
     "titles": [{"text": "Deputy Minister of National Defence", "organization": "Ministry of National Defence"}]},
    {"name": "Peter Olsen", "mentions": ["Olsen"], "country": "DK",
     "titles": [{"text": "Chief of the Danish Defence Staff", "organization": "Danish Defence Staff"}]},
    {"name": "Kari Nordby", "mentions": ["Nordby"], "country": "NO",
     "titles": [{"text": "Minister of Trade and Industry"}]},
    {"name": "Vu Thi Lan", "mentions": ["Lan"], "country": "VN",
     "titles": [{"text": "Vice Chairwoman of the National Assembly", "organization": "National Assembly"}]},
    {"name": "Arturo Pena Solis", "mentions": ["Pena Solis"], "country": "CL",
     "titles": [{"text": "Deputy Minister of Trade"}]},
    {"name": "Do Quang Huy", "mentions": ["Huy"], "country": "VN",
     "titles": [{"text": "Deputy Prime Minister"}]},
    {"name": "Nguyen Thu Ha", "mentions": ["Ha"], "country": "VN",
     "titles": [{"text": "Deputy Minister of Foreign Affairs"}]},
    {"name": "Tran Bao Long", "mentions": ["Long"], "country": "VN",
     "titles": [{"text": "Deputy Minister of Industry and Trade"}]},
    {"name": "Ines Carvajal", "mentions": ["Carvajal"], "country": "CL",
     "titles": [{"text": "Vice Minister of Foreign Affairs"}]},
]
ORGS = [
    {"name": "Ministry of National Defence", "kind": "ministry", "country": "VN"},
    {"name": "Danish Defence Staff", "acronym": "DDS", "kind": "military", "country": "DK"},
    {"name": "National Assembly", "acronym": "NA", "kind": "legislature", "country": "VN"},
]
PLACES = [
    {"name": "Hanoi", "kind": "city", "country": "VN"},
    {"name": "Vietnam", "kind": "country", "country": "VN"},
    {"name": "Chile", "kind": "country", "country": "CL"},
    {"name": "Peru", "kind": "country", "country": "PE"},
    {"name": "Bolivia", "kind": "country", "country": "BO"},
    {"name": "Santiago", "kind": "city", "country": "CL"},
    {"name": "Denmark", "kind": "country", "country": "DK"},
]


def day(text: str, start: str, end: str | None = None) -> dict:
    return {"text": text, "start": start, "end": end, "precision": "day"}


def read(text: str, *dates: dict, published: str = "2025-05-09") -> tuple[list[Event], dict[str, str]]:
    annotation = {"people": PEOPLE, "organizations": ORGS, "places": PLACES, "dates": list(dates)}
    doc = run_events(text, annotation, published=published)
    names = {p.id: p.name for p in doc._.legation_people}
    return [e for e in doc._.legation_events if e.kind in ENCOUNTERS], names


def told(events: list[Event], names: dict[str, str]) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(e.kind, e.date.start if e.date else None, e.date.end if e.date else None,
             sorted(names[p] for p in e.participants)) for e in events]


def test_a_visit_in_a_relative_clause_after_an_apposition_with_an_acronym():
    text = ("Talks in Hanoi\n\nOn May 6 in Hanoi, Deputy Minister of National Defence Hoang Van Minh held talks "
            "with Peter Olsen, Chief of the Danish Defence Staff (DDS), who is paying an official visit to "
            "Vietnam from May 5 to 8.\n")
    events, names = read(text, day("On May 6", "2025-05-06"), day("from May 5 to 8", "2025-05-05", "2025-05-08"))
    assert ("visit", "2025-05-05", "2025-05-08", ["Peter Olsen"]) in told(events, names)
    assert ("talks", "2025-05-06", None, ["Hoang Van Minh", "Peter Olsen"]) in told(events, names)


def test_leading_a_mission_of_companies_to_a_country_is_a_visit():
    text = ("Trade mission\n\nVice Chairwoman of the National Assembly Vu Thi Lan received Minister of Trade and "
            "Industry Kari Nordby in Hanoi on May 7. Nordby is leading a trade mission of 25 Norwegian firms to "
            "Vietnam from May 6-9.\n")
    events, names = read(text, day("on May 7", "2025-05-07"), day("from May 6-9", "2025-05-06", "2025-05-09"))
    assert ("visit", "2025-05-06", "2025-05-09", ["Kari Nordby"]) in told(events, names)


def test_visiting_before_a_title_with_and_names_a_guest_not_a_visit():
    text = ("Talks\n\nDeputy Prime Minister Do Quang Huy held talks with visiting Norwegian Minister of Trade and "
            "Industry Kari Nordby in Hanoi on May 8.\n")
    events, names = read(text, day("on May 8", "2025-05-08"))
    assert [e.kind for e in events] == ["talks"]


def test_a_visit_of_n_days_that_began_on_a_day_ends_n_minus_one_days_later():
    text = ("Visit\n\nNordby, who is on a four-day visit to Vietnam that began on Tuesday, said trade could "
            "double.\n")
    events, names = read(text, day("on Tuesday", "2025-05-06"))
    assert told(events, names) == [("visit", "2025-05-06", "2025-05-09", ["Kari Nordby"])]


def test_a_tour_of_several_countries_is_one_visit_per_stop_with_its_members():
    text = ("Tour\n\nDeputy Prime Minister Do Quang Huy has concluded a working trip to three Latin American "
            "countries, visiting Chile from April 20-22, Peru from April 22 to 24, and Bolivia from April "
            "24-26.\n\nAccompanying the Deputy Prime Minister were Deputy Minister of Foreign Affairs Nguyen Thu "
            "Ha and Deputy Minister of Industry and Trade Tran Bao Long.\n")
    events, names = read(
        text, day("from April 20-22", "2025-04-20", "2025-04-22"), day("from April 22 to 24", "2025-04-22", "2025-04-24"),
        day("from April 24-26", "2025-04-24", "2025-04-26"), published="2025-04-28")
    visits = [x for x in told(events, names) if x[0] == "visit"]
    trio = ["Do Quang Huy", "Nguyen Thu Ha", "Tran Bao Long"]
    assert visits == [("visit", "2025-04-20", "2025-04-22", trio), ("visit", "2025-04-22", "2025-04-24", trio),
                      ("visit", "2025-04-24", "2025-04-26", trio)]


def test_the_guest_of_a_reception_is_the_one_on_a_visit():
    for subject in ("The guest", "He"):
        text = ("Reception\n\nVice Chairwoman of the National Assembly (NA) Vu Thi Lan received Minister of Trade "
                f"and Industry Kari Nordby in Hanoi on May 7. {subject} is on an official visit to Vietnam from "
                "May 6 to 9.\n")
        events, names = read(text, day("on May 7", "2025-05-07"), day("from May 6 to 9", "2025-05-06", "2025-05-09"))
        assert ("visit", "2025-05-06", "2025-05-09", ["Kari Nordby"]) in told(events, names), subject


def test_it_also_comprises_lists_the_visiting_members():
    text = ("Delegation\n\nVice Chairwoman of the National Assembly Vu Thi Lan received a Chilean delegation led by "
            "Vice Minister of Foreign Affairs Ines Carvajal in Hanoi on May 7. The Chilean delegation is on a "
            "working visit to Vietnam from May 6 to 10. It also comprises Deputy Minister of Trade Arturo Pena "
            "Solis.\n")
    events, names = read(text, day("on May 7", "2025-05-07"), day("from May 6 to 10", "2025-05-06", "2025-05-10"))
    assert ("visit", "2025-05-06", "2025-05-10", ["Arturo Pena Solis", "Ines Carvajal"]) in told(events, names)


def test_a_signing_during_the_talks_just_told_is_part_of_them():
    text = ("Talks\n\nOn Tuesday, Deputy Prime Minister Do Quang Huy held talks in Hanoi with Vice Minister of "
            "Foreign Affairs Ines Carvajal, during which they signed an agreement on visa exemption.\n")
    events, names = read(text, day("On Tuesday", "2025-05-06"))
    assert [e.kind for e in events] == ["talks"]


def test_received_a_guest_with_a_long_title_in_brackets():
    text = ("Reception\n\nVice Chairwoman of the National Assembly Vu Thi Lan received Deputy Speaker of Chile's "
            "Camara de Diputados (Chamber of Deputies) Arturo Pena Solis in Hanoi on May 7.\n")
    events, names = read(text, day("on May 7", "2025-05-07"))
    assert told(events, names) == [("reception", "2025-05-07", None, ["Arturo Pena Solis", "Vu Thi Lan"])]


def test_received_with_a_day_and_a_venue_before_the_object_and_no_commas():
    text = ("Reception\n\nVice Minister of Foreign Affairs Ines Carvajal received on Wednesday at the Foreign "
            "Ministry in Santiago the Vietnamese Deputy Minister of Industry and Trade, Tran Bao Long.\n")
    events, names = read(text, day("on Wednesday", "2025-05-07"))
    assert told(events, names) == [("reception", "2025-05-07", None, ["Ines Carvajal", "Tran Bao Long"])]


def test_a_demonym_and_a_lower_case_title_as_the_subject():
    text = ("Meetings\n\nVice Minister of Foreign Affairs Ines Carvajal received Deputy Minister of Industry and "
            "Trade Tran Bao Long in Santiago on Wednesday.\n\nOn Thursday, the Vietnamese deputy minister met "
            "with Deputy Minister of Trade Arturo Pena Solis.\n")
    events, names = read(text, day("on Wednesday", "2025-05-07"), day("On Thursday", "2025-05-08"))
    assert ("meeting", "2025-05-08", None, ["Arturo Pena Solis", "Tran Bao Long"]) in told(events, names)


def test_arrived_on_a_day_for_a_visit_that_ends_on_a_later_day():
    text = ("Arrival\n\nTran Bao Long arrived on Monday in Santiago at the head of a business delegation, for a "
            "visit that ends on Thursday.\n")
    # the date component may read a present-tense weekday after a past one as the week before
    events, names = read(text, day("on Monday", "2025-05-05"), day("on Thursday", "2025-05-01"))
    assert told(events, names) == [("visit", "2025-05-05", "2025-05-08", ["Tran Bao Long"])]
