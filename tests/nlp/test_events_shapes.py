"""Model-free tests of the event rules on shapes of news telling that the first rules missed:
one invented text per shape, with the entity and date components' output given by hand
(see event_docs.py).  Each test names the general rule it holds."""

from __future__ import annotations

from legation.models import Event

from .event_docs import run_events

ENCOUNTERS = {"meeting", "talks", "reception", "visit", "call", "signing"}

PEOPLE = [
    {"name": "Tran Van Hieu", "mentions": ["Hieu"], "country": "VN",
     "titles": [{"text": "Deputy Minister of Agriculture", "organization": "Ministry of Agriculture"}]},
    {"name": "Lucia Moreno Diaz", "mentions": ["Moreno Diaz", "Moreno"], "country": "CU",
     "titles": [{"text": "Vice President of the Council of State", "organization": "Council of State"}]},
    {"name": "Rafael Ortiz", "mentions": ["Ortiz"], "country": "CU", "titles": [{"text": "Minister of Agriculture"}]},
    {"name": "Le Thi Mai", "mentions": ["Mai"], "country": "VN", "titles": [{"text": "Ambassador to Cuba"}]},
    {"name": "Pham Quoc Bao", "mentions": ["Bao"], "country": "VN",
     "titles": [{"text": "Director of the Department of Crop Production"}]},
    {"name": "Jorge Almeida", "mentions": ["Almeida"], "country": "CU", "titles": [{"text": "Governor of Matanzas"}]},
]
ORGS = [
    {"name": "Ministry of Agriculture", "kind": "ministry", "country": "VN"},
    {"name": "Council of State", "kind": "government", "country": "CU"},
]
PLACES = [
    {"name": "Havana", "kind": "city", "country": "CU"},
    {"name": "Cuba", "kind": "country", "country": "CU"},
    {"name": "Vietnam", "kind": "country", "country": "VN"},
    {"name": "Matanzas", "kind": "province", "country": "CU"},
    {"name": "Cienfuegos", "kind": "city", "country": "CU"},
    {"name": "Hanoi", "kind": "city", "country": "VN"},
    {"name": "Thai Nguyen", "kind": "province", "country": "VN"},
    {"name": "Dong Thap", "kind": "province", "country": "VN"},
    {"name": "Cao Lanh", "kind": "city", "country": "VN"},
]


def day(text: str, start: str, end: str | None = None, occurrence: int | None = None) -> dict:
    out = {"text": text, "start": start, "end": end, "precision": "day" if len(start) == 10 else "month"}
    if occurrence is not None:
        out["occurrence"] = occurrence
    return out


def read(text: str, *dates: dict, published: str = "2025-03-12", people=None, places=None, orgs=None):
    annotation = {"people": people or PEOPLE, "organizations": orgs or ORGS, "places": places or PLACES,
                  "dates": list(dates)}
    doc = run_events(text, annotation, published=published)
    names = {p.id: p.name for p in doc._.legation_people}
    names.update({o.id: o.name for o in doc._.legation_organizations})
    names.update({p.id: p.name for p in doc._.legation_places})
    return doc._.legation_events, names


def encounters(events: list[Event]) -> list[Event]:
    return [e for e in events if e.kind in ENCOUNTERS]


def who(e: Event, names: dict[str, str]) -> set[str]:
    return {names[p] for p in e.participants}


def place(e: Event) -> str | None:
    return e.place.name if e.place else None


# ---------------------------------------------------------------------------- finding the telling


def test_a_verb_finds_its_object_past_the_day_and_venue_set_off_by_commas():
    text = ("Lucia Moreno Diaz, Vice President of the Council of State, received on Tuesday, March 11, at the "
            "Palace of the Revolution in Havana, a delegation of the Ministry of Agriculture headed by Deputy "
            "Minister of Agriculture Tran Van Hieu.")
    events, names = read(text, day("on Tuesday, March 11", "2025-03-11"))
    (e,) = encounters(events)
    assert e.kind == "reception" and e.date.start == "2025-03-11"
    assert who(e, names) == {"Lucia Moreno Diaz", "Tran Van Hieu"}
    assert place(e) == "Havana"


# ---------------------------------------------------------------------------- tellings within tellings


def test_a_clause_within_a_visit_tells_its_own_encounter_on_the_visits_date():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Hieu recalled his working visit to Cuba in September 2023, during which he held talks with Rafael "
            "Ortiz, Minister of Agriculture, in Cienfuegos.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("in September 2023", "2023-09"))
    talks = [e for e in encounters(events) if e.kind == "talks"]
    assert len(talks) == 1
    assert who(talks[0], names) == {"Tran Van Hieu", "Rafael Ortiz"}
    assert talks[0].date.start == "2023-09" and place(talks[0]) == "Cienfuegos"
    visit = [e for e in encounters(events) if e.kind == "visit"]
    assert [who(v, names) for v in visit] == [{"Tran Van Hieu"}] and visit[0].date.start == "2023-09"


def test_talks_told_within_a_visit_to_a_city_take_place_there():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Moreno Diaz recalled her visit to Dong Thap in August last year, when she held talks with Pham Quoc "
            "Bao on rice seed production.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("in August last year", "2024-08"))
    (talks,) = [e for e in encounters(events) if e.kind == "talks"]
    assert who(talks, names) == {"Lucia Moreno Diaz", "Pham Quoc Bao"}
    assert talks.date.start == "2024-08" and place(talks) == "Dong Thap"


def test_visited_and_worked_with_are_a_visit_and_a_meeting_on_one_date():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Moreno Diaz recalled that in May last year a Cuban delegation led by Jorge Almeida visited Dong Thap "
            "and worked with Pham Quoc Bao on a rice programme.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("in May last year", "2024-05"))
    past = [e for e in encounters(events) if e.date and e.date.start == "2024-05"]
    assert sorted(e.kind for e in past) == ["meeting", "visit"]
    (meeting,) = [e for e in past if e.kind == "meeting"]
    assert who(meeting, names) == {"Jorge Almeida", "Pham Quoc Bao"} and place(meeting) == "Dong Thap"


def test_worked_with_someone_somewhere_on_a_day_is_a_meeting():
    text = ("On March 11, Moreno Diaz received in Havana a delegation led by Tran Van Hieu.\n\n"
            "Before arriving in Havana, the delegation worked in Matanzas on March 9 with Governor of Matanzas "
            "Jorge Almeida.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("on March 9", "2025-03-09"))
    (meeting,) = [e for e in encounters(events) if e.date and e.date.start == "2025-03-09"]
    assert meeting.kind == "meeting" and who(meeting, names) == {"Tran Van Hieu", "Jorge Almeida"}
    assert place(meeting) == "Matanzas"
    assert len(encounters(events)) == 2  # arriving in Havana sets the scene; it is no visit of its own


# ---------------------------------------------------------------------------- what did not happen


def test_a_delay_in_another_clause_does_not_postpone_the_ceremony():
    text = ("On March 11, Moreno Diaz and Hieu signed a memorandum of understanding in Havana.\n\n"
            "Le Thi Mai, who was also at the ceremony, urged Cuba to fix the port facilities that delay rice "
            "shipments.")
    events, names = read(text, day("On March 11", "2025-03-11"))
    assert not [e for e in events if e.status == "postponed"]
    (signing,) = encounters(events)
    assert who(signing, names) == {"Lucia Moreno Diaz", "Tran Van Hieu", "Le Thi Mai"}


def test_the_minutes_of_the_talks_are_a_document_and_meeting_every_quarter_is_no_encounter():
    text = ("Moreno Diaz and Hieu held talks in Havana on March 11.\n\n"
            "After the talks, Ortiz and Bao signed the minutes of the meeting, under which the two ministries "
            "will set up a joint team and meet every quarter.")
    events, names = read(text, day("on March 11", "2025-03-11"))
    found = encounters(events)
    assert sorted(e.kind for e in found) == ["signing", "talks"]
    (talks,) = [e for e in found if e.kind == "talks"]
    assert who(talks, names) == {"Lucia Moreno Diaz", "Tran Van Hieu"}
    (signing,) = [e for e in found if e.kind == "signing"]
    assert who(signing, names) == {"Rafael Ortiz", "Pham Quoc Bao"}
    assert signing.date.start == "2025-03-11" and place(signing) == "Havana"  # signed where the talks were


def test_a_past_encounter_recalled_in_between_does_not_become_the_talks():
    text = ("Moreno Diaz and Hieu held talks in Havana on March 11.\n\n"
            "Hieu recalled his visit to Matanzas in August last year, when he held talks with Jorge Almeida.\n\n"
            "After the talks, Ortiz and Bao signed a memorandum of understanding.")
    events, names = read(text, day("on March 11", "2025-03-11"), day("in August last year", "2024-08"))
    (signing,) = [e for e in encounters(events) if e.kind == "signing"]
    assert signing.date.start == "2025-03-11" and place(signing) == "Havana"


# ---------------------------------------------------------------------------- sidelines


def test_sideline_encounters_take_the_gatherings_place_and_day_even_when_told_later():
    text = ("Foreign Minister Moreno Diaz, centre, with the visiting ministers before their meeting in Havana on "
            "March 10.\n\n"
            "Moreno Diaz chaired the ministerial meeting in Havana, attended by Hieu, Almeida and Bao.\n\n"
            "On the sidelines of the meeting, Moreno Diaz held separate bilateral talks with Hieu and Bao.\n\n"
            "Almeida also met Le Thi Mai to discuss rice exports.")
    events, names = read(text, day("on March 10", "2025-03-10"), published="2025-03-11")
    found = encounters(events)
    assert len(found) == 4
    assert {e.date.start for e in found} == {"2025-03-10"}
    assert {place(e) for e in found} == {"Havana"}
    assert {frozenset(who(e, names)) for e in found if e.kind != "meeting" or len(e.participants) == 2} >= {
        frozenset({"Lucia Moreno Diaz", "Tran Van Hieu"}), frozenset({"Lucia Moreno Diaz", "Pham Quoc Bao"}),
        frozenset({"Jorge Almeida", "Le Thi Mai"})}


def test_a_signing_at_an_office_in_a_city_is_placed_in_the_city():
    text = "On March 11, Almeida and Bao signed the document at the provincial government office in Cienfuegos."
    events, _ = read(text, day("On March 11", "2025-03-11"))
    (signing,) = encounters(events)
    assert place(signing) == "Cienfuegos"
