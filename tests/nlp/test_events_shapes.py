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


# ---------------------------------------------------------------------------- who takes part


def test_respectively_after_a_long_list_makes_separate_meetings():
    text = ("On March 11, Moreno Diaz met with Vietnamese Deputy Minister of Agriculture Tran Van Hieu and Governor "
            "of Matanzas Jorge Almeida respectively in Havana.")
    events, names = read(text, day("On March 11", "2025-03-11"))
    assert sorted(sorted(who(e, names)) for e in encounters(events)) == [
        ["Jorge Almeida", "Lucia Moreno Diaz"], ["Lucia Moreno Diaz", "Tran Van Hieu"]]


def test_a_signing_at_a_things_ceremony_is_a_signing_on_the_ceremonys_day():
    text = ("At the fair's opening ceremony on Tuesday, Almeida and Bao signed an agreement on a rice mill in "
            "Cienfuegos.")
    events, names = read(text, day("on Tuesday", "2025-03-11"))
    (e,) = encounters(events)
    assert e.kind == "signing" and e.date.start == "2025-03-11" and place(e) == "Cienfuegos"
    assert who(e, names) == {"Jorge Almeida", "Pham Quoc Bao"}


def test_a_visit_owned_by_a_title_is_that_persons():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Hieu recalled the Cuban Vice President's visit to Dong Thap last September.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("last September", "2024-09"))
    (visit,) = [e for e in encounters(events) if e.kind == "visit"]
    assert who(visit, names) == {"Lucia Moreno Diaz"} and visit.date.start == "2024-09"
    assert place(visit) == "Dong Thap"


def test_talks_with_whom_a_delegation_met_and_people_after_the_relative_clause():
    text = ("On March 11, Moreno Diaz received a delegation of the Ministry of Agriculture led by Tran Van Hieu in "
            "Havana.\n\n"
            "The meeting was also attended by Rafael Ortiz, with whom the Vietnamese delegation had held talks on "
            "March 10 at the ministry's headquarters, and by Jorge Almeida.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("on March 10", "2025-03-10"))
    (reception,) = [e for e in encounters(events) if e.kind == "reception"]
    assert who(reception, names) == {"Lucia Moreno Diaz", "Tran Van Hieu", "Rafael Ortiz", "Jorge Almeida"}
    (talks,) = [e for e in encounters(events) if e.kind == "talks"]
    assert who(talks, names) == {"Tran Van Hieu", "Rafael Ortiz"} and talks.date.start == "2025-03-10"


def test_attending_the_reception_was_someone_who_spoke_of_next_year():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Attending the reception was Le Thi Mai, who said the embassy would hold a rice fair in Cienfuegos "
            "next year.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("next year", "2026", occurrence=0))
    assert not [e for e in events if e.status == "planned" and e.subject == "reception"]
    (reception,) = encounters(events)
    assert who(reception, names) == {"Lucia Moreno Diaz", "Tran Van Hieu", "Le Thi Mai"}
    assert place(reception) == "Havana"


def test_documents_exchanged_in_the_presence_of_officials_and_those_also_present_make_one_signing():
    text = ("HAVANA: Cuban and Vietnamese companies signed 12 memoranda of understanding at a rice forum here "
            "yesterday.\n\n"
            "The deals, in sectors ranging from seed production to milling, were exchanged in the presence of "
            "Moreno Diaz and Hieu.\n\n"
            "Also present were Le Thi Mai and Jorge Almeida.")
    places = [dict(PLACES[0], mentions=["HAVANA"])] + PLACES[1:]
    events, names = read(text, day("yesterday", "2025-03-11"), published="2025-03-12", places=places)
    (signing,) = encounters(events)
    assert signing.kind == "signing" and signing.date.start == "2025-03-11" and place(signing) == "Havana"
    assert who(signing, names) == {"Lucia Moreno Diaz", "Tran Van Hieu", "Le Thi Mai", "Jorge Almeida"}


def test_signed_in_the_presence_of_both_ministers_after_talks_in_a_city():
    text = ("Cuba and Vietnam yesterday signed a memorandum on rice seed, following talks between Moreno Diaz and "
            "Hieu in Havana.\n\n"
            "Le Thi Mai also attended the talks.\n\n"
            "The memorandum was signed by Rafael Ortiz and Pham Quoc Bao, in the presence of both ministers.")
    people = [dict(p) for p in PEOPLE]
    people[0]["titles"] = [{"text": "Minister of Agriculture"}]
    people[1]["titles"] = [{"text": "Minister of Foreign Trade"}]
    events, names = read(text, day("yesterday", "2025-03-11"), people=people)
    (signing,) = [e for e in encounters(events) if e.kind == "signing"]
    assert who(signing, names) == {"Rafael Ortiz", "Pham Quoc Bao", "Lucia Moreno Diaz", "Tran Van Hieu"}
    assert place(signing) == "Havana" and signing.date.start == "2025-03-11"


def test_at_the_forum_takes_the_forums_day_and_city():
    text = ("Moreno Diaz met Hieu on the sidelines of the Cuba-Vietnam Rice Forum in Havana on Tuesday.\n\n"
            "On Monday evening, Le Thi Mai hosted a dinner reception in Havana for Hieu and Almeida.\n\n"
            "At the forum, Ortiz and Bao witnessed the signing of 11 business agreements.")
    events, names = read(text, day("on Tuesday", "2025-03-11"), day("On Monday evening", "2025-03-10"))
    (signing,) = [e for e in encounters(events) if e.kind == "signing"]
    assert who(signing, names) == {"Rafael Ortiz", "Pham Quoc Bao"}
    assert signing.date.start == "2025-03-11" and place(signing) == "Havana"


def test_also_signed_after_talks_is_signed_where_the_talks_were():
    text = ("Moreno Diaz and Hieu reached the agreement during talks in Havana on Tuesday.\n\n"
            "Moreno Diaz and Hieu also signed a memorandum of understanding on rice seed.")
    events, names = read(text, day("on Tuesday", "2025-03-11"))
    (signing,) = [e for e in encounters(events) if e.kind == "signing"]
    assert signing.date.start == "2025-03-11" and place(signing) == "Havana"


# ---------------------------------------------------------------------------- delegations


def test_listed_members_of_a_delegation_take_part_in_all_its_encounters():
    text = ("On March 11, Moreno Diaz received in Havana a delegation of the Ministry of Agriculture led by Tran "
            "Van Hieu.\n\n"
            "The delegation, which is on a working visit to Cuba from March 9 to 14, also includes Pham Quoc Bao "
            "and Le Thi Mai.\n\n"
            "Earlier the same day, the Vietnamese delegation held talks with Rafael Ortiz.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("from March 9 to 14", "2025-03-09", "2025-03-14"))
    found = {e.kind: who(e, names) for e in encounters(events)}
    party = {"Tran Van Hieu", "Pham Quoc Bao", "Le Thi Mai"}
    assert found["reception"] == party | {"Lucia Moreno Diaz"}
    assert found["talks"] == party | {"Rafael Ortiz"}
    assert found["visit"] == party


def test_its_members_include_and_who_is_part_of_the_delegation():
    text = ("On March 11, Moreno Diaz received in Havana a delegation led by Tran Van Hieu.\n\n"
            "The Vietnamese delegation is on a working visit to Cuba from March 9 to 14. Its members include "
            "Pham Quoc Bao.\n\n"
            "Vietnam hopes to sell more rice, said Le Thi Mai, who is part of the delegation.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("from March 9 to 14", "2025-03-09", "2025-03-14"))
    (visit,) = [e for e in encounters(events) if e.kind == "visit"]
    assert who(visit, names) == {"Tran Van Hieu", "Pham Quoc Bao", "Le Thi Mai"}
    (reception,) = [e for e in encounters(events) if e.kind == "reception"]
    assert who(reception, names) >= {"Tran Van Hieu", "Pham Quoc Bao", "Le Thi Mai", "Lucia Moreno Diaz"}


def test_touring_a_company_plant_is_no_visit():
    orgs = ORGS + [{"name": "Havana Rice Mills", "kind": "company", "country": "CU"}]
    text = ("On March 11, Hieu met Moreno Diaz and toured Havana Rice Mills.")
    events, names = read(text, day("On March 11", "2025-03-11"), orgs=orgs)
    assert [e.kind for e in encounters(events)] == ["meeting"]


# ---------------------------------------------------------------------------- places


def test_a_place_in_the_clause_after_a_relative_clause_is_not_the_visits():
    text = ("Hieu, whose delegation is in Cuba from March 9 to 14, said Vietnam would stage a rice fair in "
            "Cienfuegos in November.")
    events, _ = read(text, day("from March 9 to 14", "2025-03-09", "2025-03-14"))
    (visit,) = encounters(events)
    assert visit.kind == "visit" and place(visit) is None and visit.place.country == "CU"


def test_where_after_a_city_places_the_encounter_told_in_it():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Before flying to Havana, Hieu stopped in Matanzas, where on March 8 he held talks with Jorge "
            "Almeida.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("on March 8", "2025-03-08"))
    (talks,) = [e for e in encounters(events) if e.kind == "talks"]
    assert place(talks) == "Matanzas" and who(talks, names) == {"Tran Van Hieu", "Jorge Almeida"}


def test_a_trip_to_the_southern_province_is_to_the_hosts_province_not_the_visitors():
    places = PLACES + [{"name": "Guangxi", "kind": "province", "country": "CN"}]
    people = PEOPLE + [{"name": "Wei Lan", "mentions": ["Wei"], "country": "CN",
                        "titles": [{"text": "Vice Governor of Guangxi"}]}]
    text = ("Dong Thap wants more investment from China's Guangxi.\n\n"
            "Bao received in Cao Lanh on March 11 a delegation from Guangxi led by Vice Governor of Guangxi Wei "
            "Lan. The delegation is on a working trip to the southern province from March 10 to 13.")
    events, names = read(text, day("on March 11", "2025-03-11"), day("from March 10 to 13", "2025-03-10", "2025-03-13"),
                         people=people, places=places)
    (visit,) = [e for e in encounters(events) if e.kind == "visit"]
    assert place(visit) == "Dong Thap" and who(visit, names) == {"Wei Lan"}


def test_a_working_session_is_not_placed_where_a_later_verb_phrase_went():
    text = ("On March 11, the delegation led by Hieu had a working session with Jorge Almeida, Governor of "
            "Matanzas, on rice seed, and visited several family-owned rice mills and seed farms in Cienfuegos.")
    events, names = read(text, day("On March 11", "2025-03-11"))
    (meeting,) = [e for e in encounters(events) if e.kind == "meeting"]
    assert place(meeting) != "Cienfuegos"


# ---------------------------------------------------------------------------- background and plans


def test_visited_the_border_town_of_a_place_goes_there():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Hieu last visited the border town of Cao Lanh in January, when he inspected a rice mill.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("in January", "2025-01"))
    (visit,) = [e for e in encounters(events) if e.kind == "visit"]
    assert place(visit) == "Cao Lanh" and visit.date.start == "2025-01" and who(visit, names) == {"Tran Van Hieu"}


def test_an_undated_visit_that_frames_dated_encounters_is_no_event_of_its_own():
    text = ("A delegation of the Ministry of Agriculture led by Tran Van Hieu is currently on a visit to Cuba.\n\n"
            "Moreno Diaz and Ortiz met with the delegation on Tuesday.\n\n"
            "Meeting Hieu on the same day, Almeida said the visit was of great significance.")
    events, names = read(text, day("on Tuesday", "2025-03-11"))
    assert not [e for e in encounters(events) if e.kind == "visit"]
    assert {e.date.start for e in encounters(events)} == {"2025-03-11"}
    undated = "Tran Van Hieu visited Havana and met Moreno Diaz."
    events, _ = read(undated)
    assert sorted(e.kind for e in encounters(events)) == ["meeting", "visit"]  # an article that dates nothing


def test_visits_by_unnamed_leaders_and_visits_by_several_named_people():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "The officials praised the ties since the two historic visits made by the top leaders of the two "
            "parties.\n\n"
            "Hieu welcomed the official visits to Cuba by Pham Quoc Bao in November 2022 and by Le Thi Mai in June "
            "2023.")
    events, names = read(text, day("On March 11", "2025-03-11"), day("in November 2022", "2022-11"),
                         day("in June 2023", "2023-06"))
    visits = sorted((e.date.start, sorted(who(e, names))) for e in encounters(events) if e.kind == "visit")
    assert visits == [("2022-11", ["Pham Quoc Bao"]), ("2023-06", ["Le Thi Mai"])]


def test_intentions_to_sign_and_to_welcome_are_no_encounters():
    text = ("On March 11, Moreno Diaz held talks with Hieu in Havana.\n\n"
            "The two sides noted that it is necessary to press on with the rice plan, and discuss to soon sign a "
            "new memorandum.\n\n"
            "Moreno Diaz said she looked forward to welcoming Hieu at the rice summit in Hanoi.")
    events, _ = read(text, day("On March 11", "2025-03-11"))
    assert [e.kind for e in encounters(events)] == ["talks"]


def test_held_meetings_with_a_list_is_one_meeting_each():
    text = ("On March 11, Hieu held meetings with Governor of Matanzas Jorge Almeida; Minister of Agriculture "
            "Rafael Ortiz; and Ambassador to Cuba Le Thi Mai.")
    events, names = read(text, day("On March 11", "2025-03-11"))
    assert sorted(sorted(who(e, names)) for e in encounters(events)) == [
        ["Jorge Almeida", "Tran Van Hieu"], ["Le Thi Mai", "Tran Van Hieu"], ["Rafael Ortiz", "Tran Van Hieu"]]


def test_called_on_and_held_talks_to_improve_ties_is_a_courtesy_call():
    text = ("Hieu has called on Vice President of the Council of State Lucia Moreno Diaz and held wide-ranging talks "
            "to improve bilateral ties.\n\n"
            "During his meeting with Moreno Diaz, Hieu -- whose two-day official visit to Cuba concluded "
            "yesterday -- thanked her for the rice project.")
    events, names = read(text, day("yesterday", "2025-03-11"))
    kinds = {e.kind: e for e in encounters(events)}
    assert who(kinds["reception"], names) == {"Tran Van Hieu", "Lucia Moreno Diaz"}
    assert (kinds["visit"].date.start, kinds["visit"].date.end) == ("2025-03-10", "2025-03-11")


def test_held_discussions_in_the_capital_and_a_minister_named_by_title():
    people = PEOPLE + [{"name": "Rui Costa", "mentions": ["Costa"], "country": "MZ",
                        "titles": [{"text": "Defence Minister"}]}]
    places = PLACES + [{"name": "Maputo", "kind": "city", "country": "MZ"}]
    text = ("Defence Minister Rui Costa today held discussions with Minister of Agriculture Rafael Ortiz in capital "
            "Maputo.\n\n"
            "Yesterday, the Defence Minister called on Lucia Moreno Diaz, the Vice President.\n\n"
            "During the talks, Moreno Diaz thanked him for the aid.")
    events, names = read(text, day("today", "2025-03-12"), day("Yesterday", "2025-03-11"), people=people,
                         places=places)
    kinds = {e.kind: e for e in encounters(events)}
    assert who(kinds["talks"], names) == {"Rui Costa", "Rafael Ortiz"} and place(kinds["talks"]) == "Maputo"
    assert who(kinds["reception"], names) == {"Rui Costa", "Lucia Moreno Diaz"}
    assert kinds["reception"].date.start == "2025-03-11"


def test_met_with_a_visiting_official_whose_title_names_a_country_is_one_meeting():
    people = PEOPLE + [{"name": "John Carter", "mentions": ["Carter"], "country": "US",
                        "titles": [{"text": "US Secretary of Agriculture"}]}]
    places = PLACES + [{"name": "US", "kind": "country", "country": "US"}]
    text = ("HAVANA - Moreno Diaz on Saturday met with visiting US Secretary of Agriculture John Carter on rice "
            "trade.\n\n"
            "Carter arrived in Havana earlier on Saturday for a two-day visit with a schedule of meetings.")
    events, names = read(text, day("on Saturday", "2025-03-08", occurrence=0), day("on Saturday", "2025-03-08",
                         occurrence=1), people=people, places=places, published="2025-03-08")
    kinds = sorted((e.kind, sorted(who(e, names))) for e in encounters(events))
    assert kinds == [("meeting", ["John Carter", "Lucia Moreno Diaz"]), ("visit", ["John Carter"])]
    (visit,) = [e for e in encounters(events) if e.kind == "visit"]
    assert (visit.date.start, visit.date.end) == ("2025-03-08", "2025-03-09")


def test_paid_a_visit_on_days_and_also_met_someone_then():
    text = ("On March 11, Moreno Diaz received Hieu in Havana.\n\n"
            "Pham Quoc Bao paid a visit to Cuba on January 19-20, and also met with Moreno Diaz.")
    events, names = read(text, day("On March 11", "2025-03-11"),
                         day("on January 19-20", "2025-01-19", "2025-01-20"))
    (meeting,) = [e for e in encounters(events) if e.kind == "meeting"]
    assert who(meeting, names) == {"Pham Quoc Bao", "Lucia Moreno Diaz"} and meeting.date.start == "2025-01-19"


def test_their_talks_with_someone_are_the_talks_of_those_who_had_them():
    text = ("On March 11, Moreno Diaz met with Hieu in Havana.\n\n"
            "Moreno Diaz said that Ortiz and Almeida described their talks with Hieu as candid.")
    events, names = read(text, day("On March 11", "2025-03-11"))
    found = sorted((e.kind, sorted(who(e, names))) for e in encounters(events))
    assert found == [("meeting", ["Lucia Moreno Diaz", "Tran Van Hieu"]),
                     ("talks", ["Jorge Almeida", "Rafael Ortiz", "Tran Van Hieu"])]


def test_invited_by_someone_is_no_invitation_and_before_a_tour_is_another_day():
    text = ("Moreno Diaz and Hieu held talks in Havana on Wednesday morning. Hieu, invited by Moreno Diaz, is "
            "paying a two-day visit to Havana beginning Tuesday.\n\n"
            "Before his Cuba tour, Hieu visited Dong Thap and Matanzas.")
    events, names = read(text, day("on Wednesday morning", "2025-03-12"), day("Tuesday", "2025-03-11"))
    visits = [e for e in encounters(events) if e.kind == "visit"]
    assert [(v.date.start, v.date.end) for v in visits] == [("2025-03-11", "2025-03-12")]
    assert "Tran Van Hieu" in who(visits[0], names)
