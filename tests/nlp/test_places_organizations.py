"""Places with ISO codes, and organizations kept whole with kind, country, acronym and parent."""

from __future__ import annotations

import pytest


def places(doc) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.kind, p.country) for p in doc._.legation_places}


def orgs(doc) -> dict[str, object]:
    return {o.name: o for o in doc._.legation_organizations}


def test_places_countries_provinces_cities_regions(read):
    doc = read("Delegates from Viet Nam, Quang Ninh province, Binh Duong, Lima and Latin America met in "
               "HCMC with officials of the Republic of Korea.")
    got = places(doc)
    assert got["Viet Nam"] == ("country", "VN")
    assert got["Quang Ninh"] == ("province", "VN")
    assert got["Binh Duong"] == ("province", "VN")
    assert got["Lima"] == ("city", "PE")
    assert got["Latin America"] == ("region", None)
    assert got["Republic of Korea"] == ("country", "KR")
    assert got["Ho Chi Minh City"] == ("city", "VN")     # known by its acronym only


def test_places_a_province_the_gazetteer_lacks(read):
    doc = read("The delegation visited Zorbania province of Peru.")
    assert places(doc)["Zorbania"] == ("province", None)


def test_places_a_province_named_by_its_provincial_body(read):
    # no country is named, but "Provincial" after the name says it is the province
    doc = read("Quang Tri seeks investors. The Quang Tri Provincial People's Committee met them, and "
               "Quang Tri will host a conference.")
    quang_tri = next(p for p in doc._.legation_places if p.name == "Quang Tri")
    assert (quang_tri.kind, quang_tri.country) == ("province", "VN")
    # the headline's subject too (one sense per article); the one inside the body's name is the body's
    assert len(quang_tri.mentions) == 2
    assert not any(p.name == "Quang Tri" for p in doc._.legation_people)


def test_places_the_word_after_a_name_picks_province_or_city(read):
    doc = read("A delegation from Japan's Shizuoka Prefecture visited Hiroshima City. Later it went back to "
               "Shizuoka.")
    got = {p.name: p for p in doc._.legation_places}
    assert got["Shizuoka"].kind == "province"
    assert len(got["Shizuoka"].mentions) == 2  # the bare name keeps the sense read first
    assert got["Hiroshima City"].kind == "city"


def test_places_a_city_written_with_city_keeps_it_but_a_capital_does_not(read):
    doc = read("Vietnam's delegation arrived in Dong Ha City on Monday. Before arriving in Dong Ha, it "
               "worked in Minsk City and Mexico City.")
    got = {p.name: p for p in doc._.legation_places}
    assert got["Dong Ha City"].country == "VN" and len(got["Dong Ha City"].mentions) == 2
    assert "Minsk" in got and "Minsk City" not in got  # a national capital is named alone
    assert "Mexico City" in got


def test_places_x_city_beside_a_province_of_the_same_name(read):
    # an article that writes "Lao Cai City" means the province by a bare "Lao Cai"
    doc = read("Vietnam's Lao Cai and China's Yunnan met in Lao Cai City. Lao Cai exports fruit. "
               "The Can Tho City People's Committee hosted them in Can Tho.")
    got = {p.name: p for p in doc._.legation_places}
    assert got["Lao Cai"].kind == "province"
    assert got["Lao Cai City"].kind == "city"
    assert "Can Tho" in got and "Can Tho City" not in got  # "City" inside a body's name stays out


def test_places_inside_organizations_are_not_place_mentions(read):
    doc = read("The Communist Party of Peru welcomed the guests in Peru.")
    peru = next(p for p in doc._.legation_places if p.name == "Peru")
    assert len(peru.mentions) == 1


def test_places_datelines_decide_the_home_country(read):
    from legation.nlp.tokens import state

    assert state(read("LIMA, Oct. 14 (ANDINA). Peru signed the pact."))["home_country"] == "PE"
    assert state(read("By Ada Obi, Abuja\n\nThe minister spoke."))["home_country"] == "NG"
    assert state(read("Liang, also a member of the Bureau, said so."))["home_country"] is None


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("They met the Vietnam Chamber of Commerce and Industry.", "Vietnam Chamber of Commerce and Industry",
     "chamber", "VN"),
    ("The Ministry of Labour, Invalids and Social Affairs said so.", "Ministry of Labour, Invalids and Social Affairs",
     "ministry", None),
    ("He addressed the Ho Chi Minh National Academy of Politics.", "Ho Chi Minh National Academy of Politics",
     "academy", None),
    ("It joined the Peruvian Communist Party (PCP) delegation.", "Peruvian Communist Party", "party", "PE"),
    ("The Nigerian-German Business Association met.", "Nigerian-German Business Association", "association",
     None),
    ("Xinhua reported the talks.", "Xinhua", "news_agency", None),
])
def test_organizations_kept_whole(read, text, name, kind, country):
    got = orgs(read(text))
    assert name in got, list(got)
    assert got[name].kind == kind
    assert got[name].country == country


def test_organizations_sub_bodies_have_parents(read):
    doc = read("Chairman of the Communist Party of Vietnam (CPV) Central Committee’s Economic Commission "
               "Tran Tuan Anh met the Central Committee of the Communist Party of Peru.")
    got = orgs(doc)
    by_id = {o.id: o for o in doc._.legation_organizations}
    commission = got["Communist Party of Vietnam Central Committee's Economic Commission"]
    committee = by_id[commission.parent]
    assert committee.name == "Communist Party of Vietnam Central Committee"
    assert by_id[committee.parent].name == "Communist Party of Vietnam"
    assert by_id[committee.parent].acronym == "CPV"
    peru = got["Central Committee of the Communist Party of Peru"]
    assert by_id[peru.parent].name == "Communist Party of Peru" and peru.country == "PE"


def test_organizations_acronym_uses_are_mentions(read):
    text = "The Communist Party of Vietnam (CPV) values its ties. The CPV will send a delegation."
    doc = read(text)
    cpv = orgs(doc)["Communist Party of Vietnam"]
    assert [text[s:e] for s, e in cpv.mentions] == ["Communist Party of Vietnam (CPV)", "CPV"]
