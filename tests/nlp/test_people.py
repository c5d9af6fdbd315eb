"""People across naming cultures: one entry per individual, short forms linked, non-people kept out."""

from __future__ import annotations

import pytest

from .conftest import people_of


@pytest.mark.parametrize(("text", "full", "short"), [
    # Vietnamese: family name first, called by the last given name
    ("Deputy Minister Pham Thu Hang met the envoy. Hang said trade would double.", "Pham Thu Hang", "Hang"),
    ("Mr. Nguyen Van Dung chaired the session. Mr. Dung thanked the guests.", "Nguyen Van Dung", "Mr. Dung"),
    # Chinese and Korean: called by the family name
    ("Chinese Vice Premier Liu Guozhong held talks. Liu said the plan was sound.", "Liu Guozhong", "Liu"),
    ("Foreign Minister Cho Tae-yul spoke by phone. Cho stressed supply chains.", "Cho Tae-yul", "Cho"),
    # Spanish: both surnames, or the first
    ("Minister Javier Gonzalez-Olaechea Franco arrived. Gonzalez-Olaechea said the pact was near.",
     "Javier Gonzalez-Olaechea Franco", "Gonzalez-Olaechea"),
    ("Secretary General Luis Alberto Torres Vega spoke. Torres Vega praised the ties.",
     "Luis Alberto Torres Vega", "Torres Vega"),
    # Japanese in English order and Western names: the last name
    ("Foreign Minister Yoko Kamikawa left Manila. Kamikawa will visit Hanoi next.", "Yoko Kamikawa", "Kamikawa"),
    # Lao: the given name, with an honorific, when only one person bears it
    ("Lao Vice President Bounheuang Sengsouvanh received the guest. Comrade Bounheuang praised the ties.",
     "Bounheuang Sengsouvanh", "Comrade Bounheuang"),
    # Malay: given names standing for the person
    ("KUALA LUMPUR, Aug 28 (Bernama) -- Deputy Minister Datuk Seri Ahmad Fauzi Hashim met investors. "
     "Ahmad Fauzi said the talks went well.", "Ahmad Fauzi Hashim", "Ahmad Fauzi"),
])
def test_people_short_forms_join_the_full_name(read, text, full, short):
    doc = read(text)
    people = people_of(doc)
    assert list(people) == [full], list(people)
    assert short in people[full].aliases
    assert len(people[full].mentions) == 2


def test_people_honorifics_are_stripped(read):
    doc = read("H.E. Mr. Kenji Sato met Dr. Maria Santos and Madam Phan Thi Lan. Sir Emeka Obi joined.")
    assert set(people_of(doc)) == {"Kenji Sato", "Maria Santos", "Phan Thi Lan", "Emeka Obi"}


def test_people_two_people_sharing_a_family_name_stay_apart(read):
    doc = read("Prime Minister Nguyen Xuan Phuc and Minister Nguyen Chi Dung attended. Dung spoke first.")
    people = people_of(doc)
    assert set(people) == {"Nguyen Xuan Phuc", "Nguyen Chi Dung"}
    assert "Dung" in people["Nguyen Chi Dung"].aliases


def test_people_credits_are_not_people(read):
    doc = read("Minister Tran Van Son met the delegation.\n\nBy Thanh Hang – Translated by Thuy Doan")
    assert set(people_of(doc)) == {"Tran Van Son"}
    credits = {(c.name, c.role) for c in doc._.legation_credits}
    assert credits == {("Thanh Hang", "author"), ("Thuy Doan", "translator")}


def test_people_photo_credits_are_not_people(read):
    doc = read("Vice Premier Ding Xuexiang (R) meets the guests in Beijing. (Xinhua/Li Ming)\n\n"
               "Reporting by Anna Petrova; Editing by John Smith")
    assert set(people_of(doc)) == {"Ding Xuexiang"}


def test_people_places_and_organizations_are_not_people(read):
    doc = read("Delegates from Ho Chi Minh City, Quang Ninh province and the Ho Chi Minh National Academy "
               "of Politics met MERCOSUR officials in Lima. They laid flowers for President Ho Chi Minh.")
    assert set(people_of(doc)) == {"Ho Chi Minh"}
    assert {p.name for p in doc._.legation_places} >= {"Ho Chi Minh City", "Quang Ninh", "Lima"}


def test_people_ships_and_book_titles_are_not_people(read):
    doc = read("The coast guard ship BRP Teresa Magbanua was hit. He praised the book 'Some Issues on "
               "Socialism and Marx' by late General Secretary Nguyen Phu Trong.")
    assert set(people_of(doc)) == {"Nguyen Phu Trong"}


def test_people_city_names_inside_personal_names(read):
    doc = read("Ambassador of Chile to Vietnam Carolina Fuentes Lagos met Secretary Santiago Ibarguren "
               "Lacroze and Ambassador Ta Quang Vinh.")
    assert set(people_of(doc)) == {"Carolina Fuentes Lagos", "Santiago Ibarguren Lacroze", "Ta Quang Vinh"}


def test_people_country_from_a_list_and_a_delegation(read):
    doc = read("He met Ms. Ana Ruiz Soto, Peru's Deputy Minister of Commerce, and Ms. Elena Paz Rojas, "
               "Deputy Minister of Tourism. A German business delegation led by Mr Tobias Weber arrived.")
    people = people_of(doc)
    assert people["Ana Ruiz Soto"].country == "PE"
    assert people["Elena Paz Rojas"].country == "PE"
    assert people["Tobias Weber"].country == "DE"


def test_people_country_from_the_dateline(read):
    doc = read("SEOUL, March 4 (Yonhap) -- Foreign Minister Kang Min-jae held phone talks with "
               "Kazakh Deputy Prime Minister Nurlan Sarsenbayev on Monday.")
    people = people_of(doc)
    assert people["Kang Min-jae"].country == "KR"   # unqualified titles name the home country's officials
    assert people["Nurlan Sarsenbayev"].country == "KZ"


def test_people_international_officials_serve_no_state(read):
    doc = read("JAKARTA (VNA) - Deputy Secretary-General of ASEAN Somsak Phromma opened the meeting.")
    assert people_of(doc)["Somsak Phromma"].country is None


def test_people_mentions_point_at_the_text(read):
    text = "Mr. Ricardo Parodi spoke. Parodi praised the book."
    doc = read(text)
    p = people_of(doc)["Ricardo Parodi"]
    assert [text[s:e] for s, e in p.mentions] == ["Ricardo Parodi", "Parodi"]


def test_people_given_names_and_initials_anchor_names(read):
    doc = read("On June 12 she met the mayors of Lyon and Marseille, Sophie Roux and Karim Benali. Her "
               "Mongolian counterpart B. Enkhjargal was accompanied by Ts. Oyunchimeg.")
    people = people_of(doc)
    assert {"Sophie Roux", "Karim Benali", "B. Enkhjargal", "Ts. Oyunchimeg"} <= set(people)
    assert people["Ts. Oyunchimeg"].country == "MN"


def test_people_japanese_names_in_either_order(read):
    doc = read("Tokyo (Kyodo) - Thai Deputy Prime Minister Anan Srisuk paid a courtesy call on Prime Minister "
               "Nakamura Takeshi on July 21. Nakamura welcomed the delegation.")
    people = people_of(doc)
    assert "Nakamura" in people["Nakamura Takeshi"].aliases
    assert people["Nakamura Takeshi"].country == "JP"


def test_people_agencies_in_datelines_are_not_people(read):
    doc = read("Brasília (Agência Brasil) - Argentine Foreign Minister Lucas Pereyra cancelled his visit. "
               "He had met opposition leader Marcelo Teixeira. Teixeira, for his part, said so.")
    assert set(people_of(doc)) == {"Lucas Pereyra", "Marcelo Teixeira"}


def test_people_vietnamese_given_names_that_are_also_middle_names(read):
    doc = read("Vice Chairwoman of the National Assembly Le Thi Bich Van received him. Ms. Van said so.")
    assert "Ms. Van" in people_of(doc)["Le Thi Bich Van"].aliases


def test_people_schools_crossings_airports_and_portfolios_are_not_people(read):
    doc = read("Many are graduates of Hanoi's Chu Van An and Nguyen Hue high schools. Trucks use the Tan Thanh-Po "
               "Chai trading point. Airlines study a route between Noi Bai and Santiago's Arturo Merino Benitez "
               "International Airport. He met the Minister of Productive Agriculture and Lands, Hernan Useche "
               "Briceno, and KOTRA director in Ho Chi Minh City Park Seung-ho.")
    assert set(people_of(doc)) == {"Hernan Useche Briceno", "Park Seung-ho"}


def test_people_a_glossed_parliament_is_one_organization(read):
    doc = read("Deputy Speaker of the Jatiya Sangsad of Bangladesh Shamsul Alam Chowdhury arrived. He leads "
               "Bangladesh's Jatiya Sangsad (Parliament) delegation.")
    assert set(people_of(doc)) == {"Shamsul Alam Chowdhury"}
    assert any(o.name == "Jatiya Sangsad" for o in doc._.legation_organizations)
