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
