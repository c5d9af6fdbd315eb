"""Model-free unit tests of the events component: each rule on a small invented text,
with the entity and date components' output given by hand (see event_docs.py)."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.models import Event
from legation.nlp.event_lexicon import FILES, load_event_lexicon
from legation.nlp.events import EventComponent, extract_events
from legation.nlp.factories import COMPONENTS

from .event_docs import blank, build_doc, run_events

ENCOUNTERS = {"meeting", "talks", "reception", "visit", "call", "signing"}

PEOPLE = [
    {"name": "Nguyen Thanh Long", "mentions": ["Long"], "country": "VN",
     "titles": [{"text": "Vice Chairman of the Da Nang People's Committee", "organization": "Da Nang People's Committee"}]},
    {"name": "Elena Vargas Soto", "mentions": ["Vargas Soto"], "country": "CO",
     "titles": [{"text": "Secretary General of the Colombian Labour Party", "organization": "Colombian Labour Party"}]},
    {"name": "Pedro Ruiz", "mentions": ["Ruiz"], "country": "CO",
     "titles": [{"text": "Member of the Colombian Labour Party", "organization": "Colombian Labour Party"}]},
    {"name": "Ana Beltran", "mentions": ["Beltran"], "country": "CO", "titles": [{"text": "Colombia's Deputy Minister of Trade"}]},
    {"name": "Hoang Van Minh", "mentions": ["Minh"], "country": "VN",
     "titles": [{"text": "late President", "qualifier": "late"}]},
]
ORGS = [
    {"name": "Da Nang People's Committee", "kind": "government", "country": "VN"},
    {"name": "Colombian Labour Party", "acronym": "CLP", "kind": "party", "country": "CO"},
]
PLACES = [
    {"name": "Da Nang", "kind": "city", "country": "VN"},
    {"name": "Colombia", "kind": "country", "country": "CO"},
    {"name": "Bogota", "kind": "city", "country": "CO"},
    {"name": "Vietnam", "kind": "country", "country": "VN"},
]


def annotation(*dates: dict) -> dict:
    return {"people": PEOPLE, "organizations": ORGS, "places": PLACES, "dates": list(dates)}


def events_of(text: str, *dates: dict, published: str = "2024-05-10") -> tuple[list[Event], dict[str, str]]:
    doc = run_events(text, annotation(*dates), published=published)
    names = {p.id: p.name for p in doc._.legation_people}
    names.update({o.id: o.name for o in doc._.legation_organizations})
    names.update({p.id: p.name for p in doc._.legation_places})
    return doc._.legation_events, names


def encounters(events: list[Event]) -> list[Event]:
    return [e for e in events if e.kind in ENCOUNTERS]


def who(e: Event, names: dict[str, str]) -> set[str]:
    return {names[p] for p in e.participants}


MAY9 = {"text": "May 9", "start": "2024-05-09", "precision": "day"}


# ---------------------------------------------------------------------------- registration, data


def test_events_component_is_registered_last():
    assert COMPONENTS[-1] == "legation_events"


def test_events_lexicon_round_trips_through_to_disk(tmp_path):
    component = EventComponent(blank(), "legation_events")
    component.to_disk(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)
    other = EventComponent(blank(), "legation_events").from_disk(tmp_path)
    assert other.lexicon.sources == component.lexicon.sources
    assert len(other.lexicon.coding) == len(component.lexicon.coding)


@pytest.mark.parametrize("kind,status,mode,plover,plover_mode,cameo", [
    ("call", "occurred", "phone", "CONSULT", "phone", "041"),
    ("visit", "occurred", "visit", "CONSULT", "visit", "042"),
    ("meeting", "occurred", "-", "CONSULT", "=", "040"),
    ("meeting", "occurred", "third-party", "CONSULT", "third-party", "044"),
    ("talks", "occurred", "visit", "CONSULT", "=", "046"),
    ("signing", "occurred", "-", "SUPPORT", "-", "057"),
    ("praise", "occurred", "-", "SUPPORT", "-", "051"),
    ("invitation", "occurred", "-", "AGREE", "-", "036"),
    ("planned", "planned", "-", "AGREE", "-", "036"),
    ("cancelled", "cancelled", "-", "SANCTION", "cancel", "160"),
    ("refused", "refused", "-", "REJECT", "meet", "125"),
])
def test_events_coding_table_rows(kind, status, mode, plover, plover_mode, cameo):
    row = load_event_lexicon().code(kind=kind, status=status, mode=mode, venue="-", topic_class="-", joint="no")
    assert (row.plover_type, row.plover_mode, row.cameo) == (plover, plover_mode, cameo)


def test_events_coding_table_covers_every_kind_without_the_catch_all():
    lex = load_event_lexicon()
    catch_all = lex.coding[-1]
    for kind in ["meeting", "talks", "reception", "visit", "call", "signing", "planned", "postponed", "cancelled",
                 "refused", "denied", "hypothetical", "invitation", "proposal", "commitment", "praise", "agreement",
                 "gift_exchange", "scheduled", "anniversary"]:
        row = lex.code(kind=kind, status="occurred", mode="-", venue="-", topic_class="-", joint="no")
        assert row is not catch_all, kind


def test_events_coded_plover_types_are_plover_categories():
    plover = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert {row.plover_type for row in load_event_lexicon().coding} <= plover


# ---------------------------------------------------------------------------- one event per encounter


def test_events_coreferent_mentions_fold_into_one_encounter():
    text = ("Long at the working session with Vargas Soto\n\n"
            "On May 9, a delegation from Da Nang, led by Nguyen Thanh Long, met with Elena Vargas Soto, Secretary "
            "General of the Colombian Labour Party, in Bogota.\n\n"
            "During the meeting, Pedro Ruiz, Member of the Colombian Labour Party, presented the party's programme.\n\n"
            "Welcoming the Da Nang delegation, Vargas Soto praised the city's growth.")
    events, names = events_of(text, MAY9)
    found = encounters(events)
    assert len(found) == 1
    e = found[0]
    assert e.kind == "meeting" and e.date.start == "2024-05-09"
    assert who(e, names) == {"Nguyen Thanh Long", "Elena Vargas Soto", "Pedro Ruiz"}
    assert len(e.mentions) == 4 and e.evidence.text.startswith("On May 9")
    assert names[e.source_actor] == "Nguyen Thanh Long" and names[e.target_actor] == "Elena Vargas Soto"
    assert e.place.name == "Bogota" and e.place.country == "CO" and not e.place.inferred


def test_events_the_same_afternoons_meeting_with_others_is_another_encounter():
    text = ("On May 9, Nguyen Thanh Long met with Elena Vargas Soto in Bogota.\n\n"
            "On the afternoon of the same day, during a meeting with Ana Beltran, Colombia's Deputy Minister of "
            "Trade, Long discussed coffee exports.")
    events, names = events_of(text, MAY9)
    found = encounters(events)
    assert [who(e, names) for e in found] == [{"Nguyen Thanh Long", "Elena Vargas Soto"},
                                              {"Nguyen Thanh Long", "Ana Beltran"}]
    assert [e.date.start for e in found] == ["2024-05-09", "2024-05-09"]
    assert found[1].topics[:1] == ["trade"]


def test_events_a_past_encounter_in_passing_has_its_own_month():
    text = ("On May 9, Nguyen Thanh Long met with Elena Vargas Soto in Bogota.\n\n"
            "According to Long, in March 2023, Da Nang had the opportunity to host a delegation of the Colombian "
            "Labour Party, led by Pedro Ruiz, during their visit to the city.")
    events, names = events_of(text, MAY9, {"text": "March 2023", "start": "2023-03", "precision": "month"})
    past = [e for e in encounters(events) if e.date and e.date.start == "2023-03"]
    assert len(past) == 1
    assert past[0].kind == "visit" and who(past[0], names) == {"Pedro Ruiz"}
    assert past[0].place.name == "Da Nang" and past[0].place.country == "VN"
    assert names[past[0].target_actor] == "Da Nang" and past[0].delegations


def test_events_participants_leave_out_the_dead_and_authors():
    text = ("On May 9, Nguyen Thanh Long met with Elena Vargas Soto in Bogota, where they discussed the memoirs by "
            "late President Hoang Van Minh.")
    events, names = events_of(text, MAY9)
    (e,) = encounters(events)
    assert who(e, names) == {"Nguyen Thanh Long", "Elena Vargas Soto"}


def test_events_the_head_of_a_delegation_named_only_by_its_party_takes_part():
    text = ("Elena Vargas Soto, Secretary General of the Colombian Labour Party, is on a visit to Vietnam from "
            "May 6 to 12.\n\nOn May 9, Nguyen Thanh Long held talks with the CLP delegation.")
    events, names = events_of(text, MAY9, {"text": "May 6 to 12", "start": "2024-05-06", "end": "2024-05-12"})
    talks = [e for e in events if e.kind == "talks"]
    assert len(talks) == 1 and who(talks[0], names) == {"Nguyen Thanh Long", "Elena Vargas Soto"}
    assert talks[0].place.country == "VN" and talks[0].place.inferred
    assert names[talks[0].source_actor] == "Elena Vargas Soto"
    visit = [e for e in events if e.kind == "visit"]
    assert visit and visit[0].date.end == "2024-05-12"


# ---------------------------------------------------------------------------- what did not happen


@pytest.mark.parametrize("sentence,kind", [
    ("The meeting between Nguyen Thanh Long and Elena Vargas Soto, scheduled for May 9, was postponed.", "postponed"),
    ("Nguyen Thanh Long has cancelled his visit to Colombia.", "cancelled"),
    ("Elena Vargas Soto refused to meet Nguyen Thanh Long.", "refused"),
    ("Officials denied that Nguyen Thanh Long had met Elena Vargas Soto.", "denied"),
    ("Nguyen Thanh Long will visit Bogota on May 9.", "planned"),
    ("Nguyen Thanh Long is expected to meet Elena Vargas Soto next month.", "planned"),
    ("Nguyen Thanh Long could meet Elena Vargas Soto if the talks go well.", "hypothetical"),
])
def test_events_what_did_not_happen_is_no_encounter(sentence: str, kind: str):
    events, _ = events_of(sentence, MAY9, published="2024-05-01")
    assert not encounters(events), [e.kind for e in events]
    assert [e.kind for e in events if e.status != "occurred"] == [kind]
    (e,) = [e for e in events if e.kind == kind]
    assert e.status == kind and e.plover.type in ("AGREE", "SANCTION", "REJECT", "CONSULT")


def test_events_an_invitation_to_visit_is_no_visit():
    events, names = events_of("On May 9, Nguyen Thanh Long invited Elena Vargas Soto to visit Da Nang.", MAY9)
    assert not encounters(events)
    (inv,) = [e for e in events if e.kind == "invitation"]
    assert names[inv.source_actor] == "Nguyen Thanh Long" and names[inv.target_actor] == "Elena Vargas Soto"
    assert inv.plover.type == "AGREE" and inv.cameo == "036"


# ---------------------------------------------------------------------------- roles, places, dates


def test_events_a_passive_reception_puts_the_guest_first():
    events, names = events_of("On May 9, Elena Vargas Soto was received by Nguyen Thanh Long in Da Nang.", MAY9)
    (e,) = encounters(events)
    assert e.kind == "reception"
    assert names[e.source_actor] == "Elena Vargas Soto" and names[e.target_actor] == "Nguyen Thanh Long"
    assert (e.source_country, e.target_country) == ("CO", "VN")
    assert (e.source_sector, e.target_sector) == ("party", "government")
    assert e.plover.type == "CONSULT" and e.plover.mode == "visit" and e.cameo == "042"


def test_events_the_dateline_places_the_lead_only():
    text = ("Bogota (ColPress) - Nguyen Thanh Long met Elena Vargas Soto on May 9.\n\n"
            "Long also held talks with Ana Beltran.")
    events, names = events_of(text, MAY9)
    meeting, talks = encounters(events)
    assert meeting.place.name == "Bogota" and not meeting.place.inferred
    assert talks.place.name is None and talks.place.country == "CO" and talks.place.inferred


def test_events_reporters_are_not_participants():
    text = "According to Ana Beltran, Nguyen Thanh Long met Elena Vargas Soto in Da Nang in March 2023."
    events, names = events_of(text, {"text": "March 2023", "start": "2023-03", "precision": "month"})
    (e,) = encounters(events)
    assert who(e, names) == {"Nguyen Thanh Long", "Elena Vargas Soto"}
    assert e.date.start == "2023-03" and e.date.precision == "month"


def test_events_evidence_points_into_the_text():
    text = "Bogota (ColPress) - Nguyen Thanh Long met Elena Vargas Soto on May 9. Long praised the city."
    events, _ = events_of(text, MAY9)
    for e in events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        for s, t in e.mentions:
            assert 0 <= s < t <= len(text)
    assert [e.id for e in events] == [f"E{i}" for i in range(1, len(events) + 1)]


# ---------------------------------------------------------------------------- statements and happenings


def test_events_statements_hang_on_their_occasion():
    text = ("On May 9, Nguyen Thanh Long met with Elena Vargas Soto in Bogota.\n\n"
            "Long proposed that both sides expand trade in coffee and seafood.\n\n"
            "Vargas Soto praised Vietnam's achievements and committed to strengthening party relations.\n\n"
            "The two sides agreed to exchange delegations. Long presents a gift to Vargas Soto.\n\n"
            "Vargas Soto presents a gift to Long.")
    events, names = events_of(text, MAY9)
    (meeting,) = encounters(events)
    by_kind = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    (proposal,) = by_kind["proposal"]
    assert names[proposal.source_actor] == "Nguyen Thanh Long" and names[proposal.target_actor] == "Elena Vargas Soto"
    assert proposal.occasion == meeting.id and proposal.date.start == "2024-05-09"
    assert proposal.topics[:1] == ["trade"] and proposal.cameo == "0311"
    (praise,) = by_kind["praise"]
    assert names[praise.source_actor] == "Elena Vargas Soto" and praise.plover.type == "SUPPORT"
    (commitment,) = by_kind["commitment"]
    assert "party_relations" in commitment.topics
    (agreement,) = by_kind["agreement"]
    assert {names[agreement.source_actor], names[agreement.target_actor]} == {"Nguyen Thanh Long", "Elena Vargas Soto"}
    (gift,) = by_kind["gift_exchange"]  # two captions, one exchange
    assert len(gift.mentions) == 2 and gift.occasion == meeting.id


def test_events_anniversary_once_with_its_year():
    text = ("The two countries celebrate the 45th anniversary of diplomatic relations (1979–2024).\n\n"
            "Both sides will hold events for the 45th anniversary of diplomatic ties this year.")
    events, _ = events_of(text, {"text": "1979–2024", "start": "1979", "end": "2024", "precision": "year"},
                          {"text": "this year", "start": "2024", "precision": "year"})
    (a,) = [e for e in events if e.kind == "anniversary"]
    assert a.date.start == "2024" and a.subject == "45 anniversary of diplomatic relations"
    assert len(a.mentions) == 2 and a.plover.type == "SUPPORT"


def test_events_a_scheduled_fair_keeps_its_dates():
    text = "Long hoped Colombia would join the Da Nang Coffee Fair, scheduled for June 3 to 6, 2025."
    events, _ = events_of(text, {"text": "June 3 to 6, 2025", "start": "2025-06-03", "end": "2025-06-06"})
    (fair,) = [e for e in events if e.kind == "scheduled"]
    assert fair.subject == "Da Nang Coffee Fair" and (fair.date.start, fair.date.end) == ("2025-06-03", "2025-06-06")
    assert fair.status == "planned" and "future" in fair.plover.context and "trade" in fair.topics


# ---------------------------------------------------------------------------- robustness


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(["met", "the", "meeting", "visit", "to", "Long", "with", "Vargas Soto", ",",
                                       ".", "received", "during", "talks", "postponed", "who", "praised", "May 9",
                                       "\n", "signed", "an", "agreement", "invited", "by", "late", "He", "they"]),
                      max_size=60),
       junk=st.text(alphabet=string.printable, max_size=40))
def test_events_never_crash_on_odd_text(words: list[str], junk: str):
    text = " ".join(words) + " " + junk
    doc = build_doc(text, annotation(MAY9), published="2024-05-10")
    events = extract_events(doc.text, published="2024-05-10", people=doc._.legation_people,
                            organizations=doc._.legation_organizations, places=doc._.legation_places,
                            dates=doc._.legation_dates)
    for e in events:
        assert e.plover is not None and e.cameo
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text


# ---------------------------------------------------------------------------- more shapes


def test_events_visiting_before_a_person_is_not_a_visit():
    events, names = events_of("On May 9, Nguyen Thanh Long met with visiting Colombian official Elena Vargas Soto "
                              "in Da Nang.", MAY9)
    (e,) = encounters(events)
    assert e.kind == "meeting" and e.date.start == "2024-05-09"
    assert names[e.source_actor] == "Elena Vargas Soto" and names[e.target_actor] == "Nguyen Thanh Long"


def test_events_hosting_a_summit_is_the_summit():
    events, names = events_of("On May 9, Nguyen Thanh Long hosted leaders of the region at a summit in Da Nang, "
                              "where Elena Vargas Soto and Ana Beltran spoke.", MAY9)
    (e,) = encounters(events)
    assert e.kind == "meeting" and e.plover.mode == "multilateral"
    assert names[e.target_actor] == "Nguyen Thanh Long" and who(e, names) >= {"Nguyen Thanh Long", "Elena Vargas Soto"}


def test_events_a_named_gathering_is_told_anew_and_a_purpose_is_not_told():
    text = ("On May 9, Nguyen Thanh Long received Elena Vargas Soto, who is in Da Nang for the second "
            "Vietnam-Colombia Party Dialogue Meeting.\n\n"
            "The same day, Long and Vargas Soto co-chaired the second Party Dialogue Meeting.")
    events, names = events_of(text, MAY9)
    kinds = [(e.kind, e.date.start if e.date else None) for e in encounters(events)]
    assert kinds == [("reception", "2024-05-09"), ("meeting", "2024-05-09")]


def test_events_an_opening_date_dates_every_telling_of_the_sentence():
    events, names = events_of("In March 2023, Pedro Ruiz visited Da Nang, where he held talks with Nguyen Thanh Long.",
                              {"text": "March 2023", "start": "2023-03", "precision": "month"})
    found = encounters(events)
    assert [(e.kind, e.date.start) for e in found] == [("visit", "2023-03"), ("talks", "2023-03")]
    assert found[0].place.name == "Da Nang"


# ---------------------------------------------------------------------------- lessons from other writers' articles


def test_events_a_headline_waits_for_the_body():
    text = ("Long holds talks with Colombian party leader, eyes summit\n\n"
            "Bogota (ColPress) - Nguyen Thanh Long held talks with Elena Vargas Soto on May 9.")
    events, names = events_of(text, MAY9)
    found = encounters(events)
    assert [(e.kind, e.date.start) for e in found] == [("talks", "2024-05-09")]
    assert len(found[0].mentions) == 2


def test_events_the_delegation_brings_its_members():
    text = ("A delegation of Da Nang, led by Nguyen Thanh Long, paid a working visit to Colombia from May 6 to 12.\n\n"
            "The delegation included Pedro Ruiz and Ana Beltran.\n\n"
            "On May 9, the delegation also met with Elena Vargas Soto in Bogota.")
    events, names = events_of(text, MAY9, {"text": "May 6 to 12", "start": "2024-05-06", "end": "2024-05-12"})
    visit = next(e for e in events if e.kind == "visit")
    assert who(visit, names) == {"Nguyen Thanh Long", "Pedro Ruiz", "Ana Beltran"}
    meeting = next(e for e in events if e.kind == "meeting")
    assert who(meeting, names) >= {"Elena Vargas Soto", "Nguyen Thanh Long", "Pedro Ruiz"}
    assert meeting.date.start == "2024-05-09" and meeting.place.name == "Bogota"


def test_events_a_role_noun_stands_for_the_person_with_that_title():
    text = ("Elena Vargas Soto met Nguyen Thanh Long in Da Nang on May 9.\n\n"
            "The vice chairman, who is on a working visit to Colombia from May 20 to 22, will meet Ana Beltran.")
    events, names = events_of(text, MAY9, {"text": "May 20 to 22", "start": "2024-05-20", "end": "2024-05-22"},
                              published="2024-05-10")
    visit = [e for e in events if e.kind in ("visit", "planned") and e.date and e.date.end == "2024-05-22"]
    assert visit and names[visit[0].source_actor] == "Nguyen Thanh Long"


def test_events_a_person_read_as_an_organization_is_still_that_person():
    people = [{"name": "Wirasena", "country": "ID", "titles": [{"text": "Indonesia's Deputy Minister of Trade"}]},
              {"name": "Ana Beltran", "mentions": ["Beltran"], "country": "CO"}]
    text = "Wirasena met Ana Beltran in Bogota on May 9.\n\nEarlier in the day, Wirasena and Beltran held talks."
    doc = build_doc(text, {"people": people, "places": PLACES, "dates": [MAY9]}, published="2024-05-10")
    # the entity component sometimes reads a sentence-initial mononym as an organization with no kind
    wira = doc._.legation_people[0]
    second = wira.mentions.pop()
    from legation.models import Organization
    doc._.legation_organizations = [Organization(id="O1", name="Wirasena", mentions=[second])]
    events = extract_events(doc.text, published="2024-05-10", people=doc._.legation_people,
                            organizations=doc._.legation_organizations, places=doc._.legation_places,
                            dates=doc._.legation_dates)
    talks = next(e for e in events if e.kind == "talks")
    assert set(talks.participants) == {"P1", "P2"} and talks.date.start == "2024-05-09"


def test_events_deadlines_and_purposes_neither_date_nor_place_a_meeting():
    text = ("On May 9, Nguyen Thanh Long met Elena Vargas Soto to discuss a coffee fair to be held in Bogota, "
            "which both sides hope to open by 2025.")
    events, names = events_of(text, MAY9, {"text": "2025", "start": "2025", "precision": "year"})
    (e,) = encounters(events)
    assert e.date.start == "2024-05-09" and e.status == "occurred"
    assert e.place is None or e.place.name != "Bogota"


def test_events_a_latent_meeting_becomes_real_when_referred_to():
    text = ("Nguyen Thanh Long and Elena Vargas Soto agreed in Bogota on May 9 to open a trade office.\n\n"
            "The talks were also attended by Pedro Ruiz.")
    events, names = events_of(text, MAY9)
    (e,) = encounters(events)
    assert e.kind == "talks" and e.date.start == "2024-05-09" and e.place.name == "Bogota"
    assert who(e, names) == {"Nguyen Thanh Long", "Elena Vargas Soto", "Pedro Ruiz"}


def test_events_people_present_join_the_encounter_just_told():
    text = ("Officials of the two countries met in Bogota on May 9.\n\n"
            "The Vietnamese side was led by Nguyen Thanh Long and the Colombian side by Elena Vargas Soto. "
            "Ana Beltran was also present.")
    events, names = events_of(text, MAY9)
    (e,) = encounters(events)
    assert who(e, names) == {"Nguyen Thanh Long", "Elena Vargas Soto", "Ana Beltran"}


def test_events_a_visit_of_some_days_through_a_day():
    text = "Elena Vargas Soto, who is on a three-day visit to Vietnam through Friday, met Nguyen Thanh Long on May 9."
    events, names = events_of(text, MAY9, {"text": "through Friday", "start": "2024-05-10", "precision": "day"})
    visit = next(e for e in events if e.kind == "visit")
    assert (visit.date.start, visit.date.end) == ("2024-05-08", "2024-05-10")
    meeting = next(e for e in events if e.kind == "meeting")
    assert meeting.date.start == "2024-05-09"


def test_events_a_date_after_a_verb_phrase_is_its_own():
    text = ("Elena Vargas Soto met Nguyen Thanh Long on May 9 and is scheduled to visit Da Nang on May 10.")
    events, names = events_of(text, MAY9, {"text": "May 10", "start": "2024-05-10", "precision": "day"},
                              published="2024-05-09")
    (meeting,) = encounters(events)
    assert meeting.date.start == "2024-05-09"
    planned = next(e for e in events if e.kind == "planned")
    assert planned.date.start == "2024-05-10" and planned.subject == "visit"
