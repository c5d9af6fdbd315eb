"""Every title shape the genre uses, read on the blank pipeline (model-free)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import people_of, titles_of


@pytest.mark.parametrize(("text", "name", "titles", "country"), [
    # before the name, with a long organization
    ("Hanoi (VNA) - Vice Chairman of the Da Nang People's Committee Le Quang Nam received the guests.",
     "Le Quang Nam", ["Vice Chairman of the Da Nang People's Committee"], "VN"),
    # chained with "and": two titles
    ("Politburo member and Secretary of the Hanoi Party Committee Dinh Tien Dung met the envoy.",
     "Dinh Tien Dung", ["Politburo member", "Secretary of the Hanoi Party Committee"], "VN"),
    # demonym-led: the nationality goes to the country, not the title (as the gold annotations read)
    ("Chinese Foreign Minister Wang Yi arrived in Jakarta on Monday.",
     "Wang Yi", ["Foreign Minister"], "CN"),
    # possessive: the state goes to the country, not the text
    ("The talks were attended by Chile's Minister of Agriculture Esteban Valenzuela.",
     "Esteban Valenzuela", ["Minister of Agriculture"], "CL"),
    # apposition after the name
    ("Mr. Kenji Morimoto, Ambassador of Japan to Vietnam, said the fund would grow.",
     "Kenji Morimoto", ["Ambassador of Japan to Vietnam"], "JP"),
    # apposition in lower case
    ("Jean Dupont, a member of the France-Vietnam friendship group, joined the session.",
     "Jean Dupont", ["member of the France-Vietnam friendship group"], None),
    # qualifiers are kept
    ("A book by late President Ho Chi Minh was presented to the former Ambassador Tran Van Long.",
     "Ho Chi Minh", ["late President"], "VN"),
    ("Acting Director-General of the Trade Promotion Agency Vu Ba Phu opened the fair.",
     "Vu Ba Phu", ["Acting Director-General of the Trade Promotion Agency"], "VN"),
    # portfolio words before the role
    ("Indonesian Trade Minister Sulastri chaired the meeting.",
     "Sulastri", ["Trade Minister"], "ID"),
    ("Philippine Foreign Affairs Secretary Ramon Villareal flew in.",
     "Ramon Villareal", ["Foreign Affairs Secretary"], "PH"),
    # an organization before the role
    ("The deal was signed by VCCI Vice President Hoang Quang Phong.",
     "Hoang Quang Phong", ["VCCI Vice President"], "VN"),
    # a portfolio list with commas
    ("Brazilian Minister of Development, Industry, Trade and Services Marcos Lima Prado spoke.",
     "Marcos Lima Prado", ["Minister of Development, Industry, Trade and Services"], "BR"),
    # the title before a comma that opens the clause
    ("The visit was led by the Secretary General of the Andean Community, Gonzalo Gutierrez Reinel.",
     "Gonzalo Gutierrez Reinel", ["Secretary General of the Andean Community"], None),
])
def test_titles_shapes(read, text, name, titles, country):
    doc = read(text)
    got = titles_of(doc, name)
    for t in titles:
        assert t in got, (t, got)
    assert people_of(doc)[name].country == country


def test_titles_role_and_organization(read):
    doc = read("General Secretary of the Communist Party of Chile Lautaro Carmona met the delegation.")
    p = people_of(doc)["Lautaro Carmona"]
    t = p.titles[0]
    orgs = {o.id: o for o in doc._.legation_organizations}
    assert t.role == "General Secretary"
    assert orgs[t.organization].name == "Communist Party of Chile"
    assert orgs[t.organization].country == "CL" and p.country == "CL"


def test_titles_qualifier_field(read):
    doc = read("The former Prime Minister Nguyen Xuan Phuc attended.")
    t = people_of(doc)["Nguyen Xuan Phuc"].titles[0]
    assert t.qualifier == "former" and t.role == "Prime Minister"


def test_titles_a_title_before_a_comma_stays_with_the_name_before(read):
    doc = read("He met Ms. Ana Ruiz Soto, Deputy Minister of Tourism, Mr. Pablo Vera Diaz said.")
    assert titles_of(doc, "Ana Ruiz Soto") == ["Deputy Minister of Tourism"]
    assert titles_of(doc, "Pablo Vera Diaz") == []


def test_titles_list_of_delegation_members(read):
    doc = read("The delegation included Ms. Lucia Perez Vidal, Director of the Lima Chamber of Commerce; "
               "Mr. Jorge Diaz Campos, Secretary for Organisation; and Mr. Raul Soto Mena, "
               "Director of the party's newspaper El Diario.")
    assert titles_of(doc, "Jorge Diaz Campos") == ["Secretary for Organisation"]
    assert titles_of(doc, "Raul Soto Mena") == ["Director of the party's newspaper El Diario"]


def test_titles_the_next_names_title_is_not_an_apposition(read):
    doc = read("Ms. Grace Wanjiku, KAM Chief Executive Anthony Otieno and former Ambassador "
               "Peter Kamau also took part.")
    assert titles_of(doc, "Grace Wanjiku") == []
    assert "KAM Chief Executive" in titles_of(doc, "Anthony Otieno")


def test_titles_bare_role_after_a_fuller_one_is_dropped(read):
    doc = read("Ambassador of Chile to Vietnam Carolina Fuentes Lagos arrived. Ambassador Fuentes said "
               "exports were rising.")
    assert titles_of(doc, "Carolina Fuentes Lagos") == ["Ambassador of Chile to Vietnam"]


def test_titles_in_a_photo_caption(read):
    doc = read("Deputy Prime Minister Tran Hong Ha (R) and Thai Deputy Commerce Minister Narongchai "
               "Srisuwan at the meeting. (Photo: VNA)")
    assert titles_of(doc, "Tran Hong Ha") == ["Deputy Prime Minister"]
    assert titles_of(doc, "Narongchai Srisuwan") == ["Deputy Commerce Minister"]
    assert people_of(doc)["Narongchai Srisuwan"].country == "TH"


_VOCAB = ["Minister", "Deputy", "Vice", "Chairman", "of", "the", "Party", "Committee", "and", ",", "Peru",
          "Nguyen", "Van", "Dung", "Mr.", "(", ")", "CPV", "’s", "former", "member", "Trade", "Ambassador",
          "to", "Vietnam", "said", ".", "\n\n", "Ho", "Chi", "Minh", "City", "Secretary", "General"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_VOCAB), max_size=40))
def test_titles_never_crash(read, words):
    doc = read(" ".join(words))
    for p in doc._.legation_people:
        assert p.name
        for t in p.titles:
            assert t.text and t.role
    mine = ("legation_acronyms", "legation_places", "legation_organizations", "legation_people")
    assert not [w for w in doc._.legation_warnings if w.kind == "component_failed" and w.message.startswith(mine)]


def test_titles_lowercase_title_before_a_comma(read):
    doc = read("She held talks with the chairman of the employers' federation MEDEF, Jean-Luc Marchand, "
               "and met TotalEnergies executive Pierre Lefort.")
    assert titles_of(doc, "Jean-Luc Marchand") == ["chairman of the employers' federation MEDEF"]
    assert titles_of(doc, "Pierre Lefort") == ["TotalEnergies executive"]


def test_titles_in_a_list_of_titles_and_names(read):
    doc = read("It was attended by India's Minister of State for Commerce, Arvind Kulkarni, Ethiopia's State "
               "Minister of Trade, Yohannes Desta Haile, and Russia's Deputy Minister of Economic Development, "
               "Dmitry Volkov, among others.")
    assert titles_of(doc, "Yohannes Desta Haile") == ["State Minister of Trade"]
    assert people_of(doc)["Yohannes Desta Haile"].country == "ET"
    assert people_of(doc)["Dmitry Volkov"].country == "RU"


def test_titles_dash_joined_posts_are_two_titles(read):
    doc = read("Ukraine's First Deputy Prime Minister - Minister of Economy Oksana Hrytsenko spoke by phone.")
    assert titles_of(doc, "Oksana Hrytsenko") == ["First Deputy Prime Minister", "Minister of Economy"]


def test_titles_place_nouns_and_region_lists_inside_titles(read):
    doc = read("It was co-chaired by Chairman of the Kon Tum provincial People's Committee Dinh Van Quang, Governor "
               "of Attapeu province Bounhom Phommachanh and Governor of Ratanakiri province Sok Vannara. Venezuelan "
               "Vice Minister for Asia, the Middle East and Oceania Tatiana Lozada Melendez received them.")
    assert titles_of(doc, "Dinh Van Quang") == ["Chairman of the Kon Tum provincial People's Committee"]
    assert titles_of(doc, "Bounhom Phommachanh") == ["Governor of Attapeu province"]
    assert titles_of(doc, "Sok Vannara") == ["Governor of Ratanakiri province"]
    assert titles_of(doc, "Tatiana Lozada Melendez") == ["Vice Minister for Asia, the Middle East and Oceania"]


def test_titles_relative_clause_and_place_after_the_title(read):
    doc = read("Lu Jianping, the Chinese general manager of the Eastern Industrial Zone in Dukem, told Xinhua so. "
               "Ms. Ana Rojas, who is also a member of the National Directorate of the party, agreed.")
    assert titles_of(doc, "Lu Jianping") == ["general manager of the Eastern Industrial Zone"]
    assert people_of(doc)["Lu Jianping"].country == "CN"
    assert titles_of(doc, "Ana Rojas") == ["member of the National Directorate of the party"]
