"""Organizations by name or acronym; the same encounter from several outlets; role history; checks."""

from __future__ import annotations

from kbfactory import Article, corpus, hanoi_reception, lima_meeting, lima_meeting_other_outlet

from legation.models import Title
from legation.resolve import resolve
from legation.resolve.events import date_range
from legation.resolve.roles import role_key, split_title


def test_orgs_acronym_joins_full_name_and_similar_names_stay_apart():
    res = resolve(corpus())
    orgs = {c.name: c for c in res.clusters["organization"]}
    pcp = orgs["Peruvian Communist Party"]
    assert ("d-short", "O1") in pcp.members  # named only "PCP" there
    assert pcp.attrs["acronym"] == "PCP"
    assert "Communist Party of Peru" in orgs  # a different party, not merged by wording
    assert ("d-short", "O1") not in orgs["Communist Party of Peru"].members


def test_orgs_same_acronym_different_names_stay_apart():
    a = Article("o1", published="2024-01-01").say("The PCP met.")
    a.org("Peruvian Communist Party", acronym="PCP", country="PE")
    b = Article("o2", published="2024-01-01").say("The PCP met.")
    b.org("Portuguese Communist Party", acronym="PCP", country="PT")
    c = Article("o3", published="2024-01-01").say("The PCP met.")
    c.org("PCP")
    res = resolve([a.build(), b.build(), c.build()])
    assert len(res.clusters["organization"]) == 3  # "PCP" alone is ambiguous


def test_events_same_encounter_two_outlets_is_one_event():
    res = resolve([lima_meeting(), lima_meeting_other_outlet(), hanoi_reception()])
    events = res.clusters["event"]
    lima = [e for e in events if ("a-lima", "E1") in e.members][0]
    assert sorted(lima.members) == [("a-lima", "E1"), ("b-lima", "E1")]
    assert lima.attrs["date_start"] == "2024-08-22" and lima.attrs["countries"] == ["PE", "VN"]
    assert len(lima.attrs["people"]) == 2
    assert any(lk.rule == "same_encounter" for lk in res.links)


def test_events_far_apart_dates_are_two_events():
    res = resolve([lima_meeting(), lima_meeting_other_outlet(date="2024-09-30")])
    assert len(res.clusters["event"]) == 2


def test_events_conflicting_date_and_place_are_reported():
    res = resolve([lima_meeting(), lima_meeting_other_outlet(date="2024-08-21", place="Cusco")])
    assert len(res.clusters["event"]) == 1
    kinds = sorted(f.kind for f in res.findings)
    assert "event_date_conflict" in kinds and "event_place_conflict" in kinds
    date_finding = next(f for f in res.findings if f.kind == "event_date_conflict")
    assert "2024-08-21" in date_finding.message and "2024-08-22" in date_finding.message


def test_events_of_one_document_never_merge():
    a = Article("e1", published="2024-08-23")
    a.say("Dung met Toro on August 22. Dung met Toro again on August 22 in the evening.")
    d, t = a.person("Nguyen Van Dung", "VN", aliases=("Dung",)), a.person("Domingo Cabrera Toro", "PE")
    a.event("meeting", "2024-08-22", [d, t])
    a.event("meeting", "2024-08-22", [d, t])
    assert len(resolve([a.build()]).clusters["event"]) == 2


def test_events_date_ranges():
    assert date_range("2023-11").__str__() == str(date_range("2023-11-01", "2023-11-30"))
    assert date_range("2024")[1].isoformat() == "2024-12-31"
    assert date_range("2023-11-09", "2023-11-19")[1].day == 19
    assert date_range("not a date") is None


def test_roles_history_dated_by_the_event():
    res = resolve(corpus())
    people = {c.name: i for i, c in enumerate(res.clusters["person"])}
    toro = [r for r in res.roles if r.person == people["Domingo Cabrera Toro"]]
    gs = next(r for r in toro if r.title == "General Secretary of the Communist Party of Peru")
    assert gs.first_seen == gs.last_seen == "2024-08-22"  # the meeting, not the publication date
    assert gs.organization_name == "Communist Party of Peru"
    assert gs.sources == [("a-lima", "2024-08-22")]


def test_roles_keys_and_qualifiers():
    assert role_key("Secretary-General") == role_key("General Secretary") == "general secretary"
    assert role_key("Chairwoman") == "chairman"
    q, role, org = split_title(Title(text="late General Secretary of the Communist Party of Vietnam"))
    assert (q, role, org) == ("late", "general secretary", "communist party of vietnam")
    q, role, org = split_title(Title(text="Deputy Minister of Tourism", role="Deputy Minister"))
    assert q is None and role == "vice minister" and org == "tourism"


def test_checks_two_holders_of_a_single_holder_title_at_once():
    a = Article("h1", published="2024-05-02").say("President of Nowhereland Ana Uno opened the fair.")
    org = a.org("Republic of Nowhereland", country="XX")
    a.person("Ana Uno", "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                            organization=org)])
    b = Article("h2", published="2024-05-02").say("President of Nowhereland Beto Dos closed the fair.")
    org = b.org("Republic of Nowhereland", country="XX")
    b.person("Beto Dos", "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                             organization=org)])
    c = Article("h3", published="2020-01-01").say("Former President Carla Tres spoke.")
    org = c.org("Republic of Nowhereland", country="XX")
    c.person("Carla Tres", "XX", titles=[Title(text="former President of the Republic of Nowhereland",
                                               role="President", organization=org, qualifier="former")])
    res = resolve([a.build(), b.build(), c.build()])
    (finding,) = [f for f in res.findings if f.kind == "title_holders"]
    assert "Ana Uno" in finding.message and "Beto Dos" in finding.message
    # years apart: a successor, not a conflict
    b2 = Article("h2", published="2026-05-03").say("President Beto Dos closed the fair.")
    org = b2.org("Republic of Nowhereland", country="XX")
    b2.person("Beto Dos", "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                              organization=org)])
    res = resolve([a.build(), b2.build()])
    assert not [f for f in res.findings if f.kind == "title_holders"]
    # Ana Uno seen as president in May and in December: Beto Dos in between is a conflict
    a2 = Article("h4", published="2024-12-01").say("President Ana Uno spoke.")
    org = a2.org("Republic of Nowhereland", country="XX")
    a2.person("Ana Uno", "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                             organization=org)])
    b3 = Article("h5", published="2024-08-01").say("President Beto Dos spoke.")
    org = b3.org("Republic of Nowhereland", country="XX")
    b3.person("Beto Dos", "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                              organization=org)])
    res = resolve([a.build(), a2.build(), b3.build()])
    assert len([f for f in res.findings if f.kind == "title_holders"]) == 1


def test_checks_figures_rounding_is_not_a_conflict():
    res = resolve([lima_meeting(exports_2023=23_000_000.0), lima_meeting_other_outlet(exports_2023=23_050_000.0)])
    assert not [f for f in res.findings if f.kind == "figure_conflict"]
    res = resolve([lima_meeting(exports_2023=23_000_000.0), lima_meeting_other_outlet(exports_2023=35_000_000.0)])
    (conflict,) = [f for f in res.findings if f.kind == "figure_conflict"]
    assert conflict.subjects == [("figure", "a-lima#0"), ("figure", "b-lima#0")]
