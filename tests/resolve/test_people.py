"""People across documents: joined by name forms with evidence, never by a shared title alone."""

from __future__ import annotations

from kbfactory import Article, corpus

from legation.models import Decision, Title
from legation.resolve import resolve


def _people(res):
    return {c.name: c for c in res.clusters["person"]}


def _art(doc_id, published="2024-01-10"):
    return Article(doc_id, published=published)


def test_people_full_and_short_forms_across_documents():
    res = resolve(corpus())
    people = _people(res)
    luis = people["Luis Alberto Villanueva Carbajal"]
    assert sorted(luis.members) == [("c-hanoi", "P2"), ("d-short", "P1")]
    link = next(lk for lk in res.links if lk.kind == "person" and lk.b == ("d-short", "P1") or lk.a == ("d-short", "P1"))
    assert link.rule == "name_form" and "family names" in link.evidence
    toro = people["Domingo Cabrera Toro"]
    assert ("b-lima", "P2") in toro.members  # "Cabrera Toro" in the other outlet


def test_people_two_general_secretaries_of_two_parties_stay_apart():
    a = _art("gs1")
    a.say("General Secretary of the Communist Party of Peru Domingo Cabrera Toro spoke.")
    a.person("Domingo Cabrera Toro", "PE", titles=[Title(text="General Secretary of the Communist Party of Peru",
                                                         role="General Secretary")])
    b = _art("gs2")
    b.say("Secretary General of the Peruvian Communist Party Luis Alberto Villanueva Carbajal spoke.")
    b.person("Luis Alberto Villanueva Carbajal", "PE", titles=[Title(
        text="Secretary General of the Peruvian Communist Party", role="Secretary General")])
    res = resolve([a.build(), b.build()])
    assert len(res.clusters["person"]) == 2
    assert not [f for f in res.findings if f.kind == "title_holders"]


def test_people_same_name_different_countries_stay_apart():
    a, b = _art("x1"), _art("x2")
    a.say("Jose Garcia Lopez of Peru spoke.")
    a.person("Jose Garcia Lopez", "PE")
    b.say("Jose Garcia Lopez of Mexico spoke.")
    b.person("Jose Garcia Lopez", "MX")
    c = _art("x3")
    c.say("Jose Garcia Lopez spoke again.")
    c.person("Jose Garcia Lopez")
    res = resolve([a.build(), b.build(), c.build()])
    assert len(res.clusters["person"]) == 3  # the one without a country could be either


def test_people_same_full_name_joins():
    a, b = _art("y1"), _art("y2", "2024-03-01")
    a.say("Teresa Mera Gomez met the delegation.")
    a.person("Teresa Mera Gomez", "PE")
    b.say("Teresa Mera Gómez signed the deal.")
    b.person("Teresa Mera Gómez")
    res = resolve([a.build(), b.build()])
    (teresa,) = res.clusters["person"]
    assert teresa.country == "PE" and len(teresa.members) == 2
    assert res.links[0].rule == "same_name"


def test_people_shared_surnames_do_not_chain_two_people():
    a, b, c = _art("z1"), _art("z2"), _art("z3")
    a.say("Juan Perez Lopez arrived.")
    a.person("Juan Perez Lopez", "PE")
    b.say("Maria Perez Lopez arrived.")
    b.person("Maria Perez Lopez", "PE")
    c.say("Perez Lopez said so.")
    c.person("Perez Lopez", "PE")
    res = resolve([a.build(), b.build(), c.build()])
    assert len(res.clusters["person"]) == 3  # "Perez Lopez" is ambiguous: left alone


def test_people_short_form_prefers_the_same_document():
    a = _art("w1")
    a.say("Juan Perez Lopez met Maria Perez Lopez. Perez Lopez spoke first.")
    a.person("Juan Perez Lopez", "PE")
    a.person("Perez Lopez", "PE")
    b = _art("w2")
    b.say("Maria Perez Lopez arrived.")
    b.person("Maria Perez Lopez", "PE")
    res = resolve([a.build(), b.build()])
    juan = _people(res)["Juan Perez Lopez"]
    assert ("w1", "P2") in juan.members


def test_people_vietnamese_given_name_short_form_needs_evidence_across_documents():
    a = _art("v1")
    a.say("Politburo member Tran Tuan Anh met guests.")
    a.person("Tran Tuan Anh", "VN", titles=[Title(text="Politburo member", role="member")])
    b = _art("v2")
    b.say("Anh said ties are strong.")
    b.person("Anh", "VN")  # no title: could be anyone called Anh
    c = _art("v3")
    c.say("Politburo member Anh spoke.")
    c.person("Anh", "VN", titles=[Title(text="Politburo member", role="member")])
    res = resolve([a.build(), b.build(), c.build()])
    anh = _people(res)["Tran Tuan Anh"]
    assert ("v3", "P1") in anh.members and ("v2", "P1") not in anh.members
    assert any(lk.rule == "short_name" and "title 'member'" in lk.evidence for lk in res.links)


def test_people_family_name_alone_never_joins_vietnamese_names():
    a, b = _art("n1"), _art("n2")
    a.say("Nguyen Van Dung met guests.")
    a.person("Nguyen Van Dung", "VN")
    b.say("Nguyen spoke.")
    b.person("Nguyen", "VN")
    assert len(resolve([a.build(), b.build()]).clusters["person"]) == 2


def test_people_analyst_split_and_merge_are_applied():
    docs = corpus()
    split = Decision(action="split", kind="person", group_a=[("d-short", "Villanueva Carbajal")],
                     group_b=[("c-hanoi", "Luis Alberto Villanueva Carbajal")], id=1)
    res = resolve(docs, [split])
    assert "Villanueva Carbajal" in _people(res)
    merge = Decision(action="merge", kind="person", group_a=[("a-lima", "Nguyen Van Dung")],
                     group_b=[("c-hanoi", "Tran Tuan Anh")], id=2, note="test")
    res = resolve(docs, [merge])
    merged = [c for c in res.clusters["person"] if ("c-hanoi", "P1") in c.members][0]
    assert ("a-lima", "P1") in merged.members
    assert any(lk.rule == "analyst_merge" and "decision 2" in lk.evidence for lk in res.links)


def test_people_resolution_is_order_independent():
    docs = corpus()
    a = resolve(docs)
    b = resolve(list(reversed(docs)))
    assert sorted(sorted(c.members) for c in a.clusters["person"]) == \
        sorted(sorted(c.members) for c in b.clusters["person"])
