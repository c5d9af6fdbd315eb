"""Read queries added for the web layer (#7): events by organization and free text, country pairs,
document warnings; on both backends."""

from __future__ import annotations

from kbfactory import Article, corpus

from legation.models import Title
from legation.pipeline import ingest_extractions


def _embassy_statement() -> Article:
    """An organization as an event's actor (invented)."""
    a = Article("e-embassy", published="2024-01-15", title="Embassy statement")
    a.say("The Embassy of Peru in Hanoi welcomed Nguyen Thi Lan on January 14 to discuss 50% coffee tariffs.")
    embassy = a.org("Embassy of Peru", country="PE", kind="embassy")
    lan = a.person("Nguyen Thi Lan", "VN")
    a.place("Hanoi", kind="city", country="VN")
    a.event("reception", "2024-01-14", [embassy, lan], place="Hanoi", country="VN",
            evidence="The Embassy of Peru in Hanoi welcomed")
    return a


def _load(kb) -> None:
    ingest_extractions([*corpus(), _embassy_statement().build()], store=kb)


def _org(kb, name: str) -> int:
    return next(o.id for o in kb.organizations(limit=100).items if o.name == name)


def _labels(page) -> set[str]:
    return {e.label for e in page.items}


def test_store_events_by_organization_through_title_holders_and_actors(kb):
    _load(kb)
    pcp = kb.events(organization=_org(kb, "Peruvian Communist Party"))
    kinds = sorted(e.kind for e in pcp.items)
    assert kinds == ["reception", "visit"], kinds  # Villanueva Carbajal held a title in the PCP
    assert all(any("Villanueva Carbajal" in p.name for p in e.participants) for e in pcp.items)
    embassy = kb.events(organization=_org(kb, "Embassy of Peru"))
    assert [e.date_start for e in embassy.items] == ["2024-01-14"]  # the organization is the event's actor
    assert kb.events(organization=999_999).total == 0


def test_store_events_free_text_matches_label_place_names_and_sentences(kb):
    _load(kb)
    assert {e.place for e in kb.events(q="lima").items} == {"Lima"}
    by_name = kb.events(q="villanueva")  # a participant's name, case ignored
    assert by_name.total == 2
    by_accentless = kb.events(q="Nguyễn Van Dung")  # accents ignored on names
    assert by_accentless.total >= 1
    told = kb.events(q="hosted a reception")  # the sentence of a source
    assert [e.date_start for e in told.items] == ["2023-11-10"]
    assert kb.events(q="reception", kind="visit").total == 0  # filters combine
    assert kb.events(q="50%").total == 0  # LIKE wildcards are literal: no event sentence holds "50%"
    assert kb.events(q="%").total == 0
    assert kb.events(q="  ").total == kb.events().total  # blank text filters nothing


def test_store_country_pairs_count_events_and_encounters(kb):
    _load(kb)
    pairs = kb.country_pairs()
    assert pairs, "no pairs"
    top = pairs[0]
    assert (top.a, top.b) == ("PE", "VN")
    assert top.events == kb.events(between=("PE", "VN")).total
    assert top.encounters == kb.events(between=("PE", "VN"),
                                       kind=["meeting", "talks", "reception", "visit", "call", "signing"]).total
    assert top.first <= top.last
    assert all(p.a < p.b for p in pairs)
    assert kb.country_pairs(country="vn") and all("VN" in (p.a, p.b) for p in kb.country_pairs(country="vn"))
    assert kb.country_pairs(country="ZZ") == []


def test_store_warnings_page_with_document_and_evidence(kb):
    _load(kb)
    extra = Article("f-warn", published="2020-01-01", title="Older warning")
    extra.say("Officials from the ABC met on Monday.")
    extra.warning("published_inferred", "publication date inferred from the text")
    extra.warning("acronym_mismatch", "ABC is not defined", evidence="ABC")
    ingest_extractions([extra.build()], store=kb)
    page = kb.warnings()
    assert page.total == 3
    assert [w.doc_id for w in page.items] == ["c-hanoi", "f-warn", "f-warn"]  # newest document first
    assert [w.seq for w in page.items[1:]] == [0, 1]
    first = page.items[0]
    assert first.kind == "acronym_mismatch" and first.title == "Party official receives Peruvian guest"
    assert first.evidence is not None and first.evidence.text == "CPC"
    assert kb.warnings(kind="published_inferred").total == 1
    assert kb.warnings(doc_id="f-warn", limit=1, offset=1).items[0].seq == 1
    assert kb.warnings(doc_id="nope").total == 0


def test_store_events_by_organization_ignores_people_without_its_titles(kb):
    a = Article("g-other", published="2024-02-02", title="Unrelated")
    a.say("Minister Ana Ruiz met Minister Le Van Hai in Lima on February 1.")
    ruiz = a.person("Ana Ruiz", "PE", titles=[Title(text="Minister", role="Minister")])
    hai = a.person("Le Van Hai", "VN")
    a.event("meeting", "2024-02-01", [ruiz, hai], place="Lima", country="PE", evidence="Minister Ana Ruiz met")
    ingest_extractions([*corpus(), a.build()], store=kb)
    pcp = kb.events(organization=_org(kb, "Peruvian Communist Party"))
    assert "2024-02-01" not in {e.date_start for e in pcp.items}


def test_store_documents_by_ids_page_in_sort_order(kb):
    _load(kb)
    page = kb.documents(ids=["c-hanoi", "a-lima", "nope"], sort="-published")
    assert [d.id for d in page.items] == ["a-lima", "c-hanoi"] and page.total == 2
    assert kb.documents(ids=[]).total == 0


def test_store_until_a_month_or_year_includes_all_of_it(kb):
    _load(kb)
    assert "2024-01-14" in {e.date_start for e in kb.events(until="2024-01").items}
    assert "2024-01-14" not in {e.date_start for e in kb.events(until="2023-12").items}
    assert "e-embassy" in {d.id for d in kb.documents(until="2024-01").items}  # published 2024-01-15
    assert "e-embassy" in {d.id for d in kb.documents(until="2024").items}
    assert kb.figures(until="2023").total == kb.figures().total  # the 2023 figures start 2023-01-01
    assert kb.figures(until="2022-12-31").total == 0
