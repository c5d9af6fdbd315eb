"""The store on both backends: documents with provenance, idempotent re-ingest, replacement, queries."""

from __future__ import annotations

import json

import pytest
from kbfactory import (
    Article,
    corpus,
    hanoi_reception,
    lima_meeting,
    lima_meeting_other_outlet,
    villanueva_short,
)

from legation.errors import ConfigError, NotFound, StoreError
from legation.models import Title
from legation.pipeline import ingest_extractions, resolve_store
from legation.store import Outcome, Store, open_store


def _dump(kb) -> dict[str, list]:
    """Every row of every table (to compare database states)."""
    tables = [r[0] for r in kb.query(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name" if kb.backend == "sqlite" else
        "SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY table_name").rows]
    out = {}
    for name in tables:
        result = kb.query(f'SELECT * FROM "{name}"', limit=100_000)
        out[name] = sorted(json.dumps(row, sort_keys=True, default=str) for row in result.rows)
    return out


def test_store_satisfies_the_protocol(kb):
    assert isinstance(kb, Store)
    assert kb.stats().schema_revision == "0001"


def test_store_put_then_document_reads_back_exactly(kb):
    ex = lima_meeting()
    assert [s.outcome for s in kb.put([ex])] == [Outcome.ADDED]
    record = kb.document(ex.id)
    assert record.extraction == ex
    assert record.text == ex.text
    assert record.n_people == 2 and record.n_events == 1 and record.n_figures == 1


def test_store_put_reports_added_unchanged_replaced(kb):
    ex = lima_meeting()
    assert [s.outcome for s in kb.put([ex])] == [Outcome.ADDED]
    assert [s.outcome for s in kb.put([ex])] == [Outcome.UNCHANGED]
    changed = lima_meeting(exports_2023=24_000_000.0)
    assert [s.outcome for s in kb.put([changed])] == [Outcome.REPLACED]
    assert kb.document(ex.id).extraction == changed
    figures = kb.figures(doc_id=ex.id).items
    assert [f.value for f in figures] == [24_000_000.0]


def test_store_reingest_of_same_content_changes_nothing(kb):
    report = ingest_extractions(corpus(), store=kb)
    assert report.added == 4 and report.resolution is not None
    before = _dump(kb)
    again = ingest_extractions(corpus(), store=kb)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 4)
    assert again.resolution is None  # nothing changed, nothing to resolve
    assert _dump(kb) == before


def test_store_changed_document_replaces_its_facts_only(kb):
    ingest_extractions(corpus(), store=kb)
    # the second outlet now says the meeting was in Cusco: its old facts go, the others stay
    ingest_extractions([lima_meeting_other_outlet(place="Cusco")], store=kb)
    places = kb.query("SELECT doc_id, name FROM doc_places ORDER BY doc_id, name").rows
    assert ["b-lima", "Cusco"] in places and ["b-lima", "Lima"] not in places
    assert ["a-lima", "Lima"] in places
    assert kb.stats().documents == 4
    assert kb.document("b-lima").extraction.places[0].name == "Cusco"


def test_store_keeps_first_ingest_order_and_time_on_replace(kb):
    kb.put([lima_meeting(), hanoi_reception()])
    first = kb.document("a-lima")
    kb.put([lima_meeting(exports_2023=1.0)])
    again = kb.document("a-lima")
    assert again.ingested_at == first.ingested_at
    seq = kb.query("SELECT id, seq FROM documents ORDER BY seq").rows
    assert [r[0] for r in seq] == ["a-lima", "c-hanoi"]


def test_store_last_version_in_a_batch_wins(kb):
    stored = kb.put([lima_meeting(exports_2023=1.0), lima_meeting(exports_2023=2.0)])
    assert [s.outcome for s in stored] == [Outcome.ADDED]
    assert kb.figures(doc_id="a-lima").items[0].value == 2.0


def test_store_provenance_sentences_point_into_the_text(kb):
    ex = hanoi_reception()
    kb.put([ex])
    rows = kb.query("SELECT name, evidence_start, evidence_end, evidence_text FROM doc_people ORDER BY local_id").rows
    for name, start, end, text in rows:
        assert ex.text[start:end] == text
        assert name.split()[-1] in text
    title = kb.query("SELECT text, evidence_text FROM doc_titles WHERE person_local_id='P2'").rows[0]
    assert title[0] in title[1]
    fig_rows = kb.query("SELECT evidence_start, evidence_end, evidence_text FROM doc_events").rows
    assert all(ex.text[s:e] == t for s, e, t in fig_rows)


def test_store_document_unknown_is_not_found(kb):
    with pytest.raises(NotFound) as info:
        kb.document("nope")
    assert info.value.http_status == 404
    with pytest.raises(NotFound):
        kb.person(12345)
    with pytest.raises(NotFound):
        kb.event(12345)


def test_store_delete_document_removes_its_facts(kb):
    ingest_extractions(corpus(), store=kb)
    kb.delete_document("b-lima")
    assert kb.stale()
    resolve_store(kb)
    assert kb.query("SELECT count(*) FROM figures WHERE doc_id='b-lima'").rows == [[0]]
    with pytest.raises(NotFound):
        kb.delete_document("b-lima")


def test_store_facts_are_the_extractions_without_text(kb):
    kb.put(corpus())
    facts = list(kb.facts())
    assert [f.id for f in facts] == [e.id for e in corpus()]
    assert all(f.text == "" for f in facts)
    assert facts[0].people == corpus()[0].people


# --------------------------------------------------------------------------- resolved queries


@pytest.fixture
def full(kb):
    ingest_extractions(corpus(), store=kb)
    return kb


def test_store_people_resolved_across_documents(full):
    page = full.people(limit=50)
    names = [p.name for p in page.items]
    assert names.count("Nguyen Van Dung") == 1
    assert names.count("Domingo Cabrera Toro") == 1
    assert "Cabrera Toro" not in names and "Villanueva Carbajal" not in names
    assert "Luis Alberto Villanueva Carbajal" in names
    dung = next(p for p in page.items if p.name == "Nguyen Van Dung")
    assert dung.n_documents == 2 and dung.country == "VN"


def test_store_person_record_has_roles_mentions_links(full):
    (luis,) = full.find_people("Villanueva Carbajal")
    record = full.person(luis.id)
    assert record.name == "Luis Alberto Villanueva Carbajal"
    assert {m.doc_id for m in record.mentions} == {"c-hanoi", "d-short"}
    titles = {r.title: r for r in record.roles}
    sg = titles["Secretary General of the Peruvian Communist Party (PCP)"]
    assert sg.first_seen == "2023-11-10" and sg.organization is not None
    assert sg.organization.name == "Peruvian Communist Party"
    assert [s.doc_id for s in sg.sources] == ["c-hanoi"]
    assert any(link.rule == "name_form" and "Villanueva Carbajal" in link.evidence for link in record.links)
    assert [e.kind for e in record.events] == ["visit", "reception"]


def test_store_two_general_secretaries_stay_two_people(full):
    toro = full.find_people("Domingo Cabrera Toro")[0]
    luis = full.find_people("Luis Alberto Villanueva Carbajal")[0]
    assert toro.id != luis.id
    assert not full.checks(kind="title_holders")


def test_store_events_between_countries_in_date_order(full):
    page = full.events(between=("VN", "PE"))
    assert [e.date_start for e in page.items] == sorted(e.date_start for e in page.items)
    meeting = [e for e in page.items if e.date_start == "2024-08-22"]
    assert len(meeting) == 1, "the two outlets' reports are one event"
    assert meeting[0].n_sources == 2
    assert {p.name for p in meeting[0].participants} == {"Nguyen Van Dung", "Domingo Cabrera Toro"}
    assert full.events(between=("VN", "PE"), since="2024-01-01").total == 1
    assert full.events(between=("VN", "PE"), kind="visit").total == 1
    assert full.events(between=("VN", "CN")).total == 0


def test_store_event_record_lists_every_source(full):
    page = full.events(since="2024-08-01")
    event = full.event(page.items[0].id)
    assert {s.doc_id for s in event.sources} == {"a-lima", "b-lima"}
    assert {s.kind for s in event.sources} == {"meeting", "reception"}
    assert all(s.evidence is not None for s in event.sources)
    assert any(link.rule == "same_encounter" for link in event.links)


def test_store_events_since_includes_month_precision(full):
    # a visit known to 2023-11-09..19 may have happened on or after 2023-11-15
    assert full.events(since="2023-11-15", until="2023-11-30", kind="visit").total == 1
    assert full.events(since="2023-12-01", kind="visit").total == 0


def test_store_pagination_is_stable_and_complete(full):
    everyone = full.people(limit=1000).items
    paged, offset = [], 0
    while True:
        page = full.people(limit=2, offset=offset, sort="-n_documents")
        paged += page.items
        if page.next_offset is None:
            break
        offset = page.next_offset
    assert sorted(p.id for p in paged) == sorted(p.id for p in everyone)
    assert len({p.id for p in paged}) == len(paged)


def test_store_sort_key_is_validated(full):
    with pytest.raises(ConfigError, match="valid: name"):
        full.people(sort="nickname")
    with pytest.raises(ConfigError):
        full.events(limit=0)


def test_store_figures_and_pairs(full):
    page = full.figures(measure="exports", from_="ho chi minh city", to="PERU")
    assert page.total == 2
    assert {f.doc_id for f in page.items} == {"a-lima", "b-lima"}
    pairs = full.figure_pairs(measure="exports", from_="Ho Chi Minh City", to="Peru")
    assert [doc for doc, _f in pairs] == [f.doc_id for f in page.items]
    assert pairs[0][1] == next(e for e in corpus() if e.id == pairs[0][0]).figures[0]


def test_store_checks_report_acronym_warning(full):
    found = full.checks(kind="acronym_mismatch")
    assert len(found) == 1 and "CPC" in found[0].message
    assert found[0].evidence[0].evidence.text == "CPC"


def test_store_checks_report_conflicting_figures_and_dates(kb):
    ingest_extractions([lima_meeting(exports_2023=23e6), lima_meeting_other_outlet(date="2024-08-21",
                                                                                   exports_2023=25e6)], store=kb)
    kinds = {c.kind for c in kb.checks()}
    assert "figure_conflict" in kinds and "event_date_conflict" in kinds
    conflict = kb.checks(kind="figure_conflict")[0]
    assert "23,000,000" in conflict.message and "25,000,000" in conflict.message
    assert {e.doc_id for e in conflict.evidence} == {"a-lima", "b-lima"}


def test_store_search_folds_accents(kb):
    a = Article("vn-accents", published="2024-01-02")
    a.say("Nguyễn Văn Dũng met Peruvian officials.")
    a.person("Nguyễn Văn Dũng", "VN")
    ingest_extractions([a.build(), lima_meeting()], store=kb)
    hits = kb.search("nguyen van dung", kinds=["person"])
    assert len(hits) == 1 and hits[0].kind == "person"
    assert kb.search("Dũng", kinds=["person"])
    assert any(h.kind == "document" for h in kb.search("Peruvian"))


def test_store_entity_ids_survive_reresolution(full):
    before = {p.name: p.id for p in full.people(limit=100).items}
    full.put([Article("z-extra", published="2025-01-01").say("Someone New met nobody.").build()])
    resolve_store(full)
    after = {p.name: p.id for p in full.people(limit=100).items}
    assert all(after[name] == pid for name, pid in before.items())


def test_store_open_refuses_unknown_backend():
    with pytest.raises(ConfigError, match="unsupported database"):
        open_store("mysql://user@host/db")


def test_store_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "kb.db"))


def test_store_title_without_organization_keeps_text(kb):
    a = Article("t1", published="2024-05-01")
    a.say("Deputy Minister of Commerce Teresa Mera Gomez attended.")
    a.person("Teresa Mera Gomez", "PE", titles=[Title(text="Deputy Minister of Commerce", role="Deputy Minister")])
    ingest_extractions([a.build()], store=kb)
    (p,) = kb.people().items
    assert p.title == "Deputy Minister of Commerce"
    assert kb.person(p.id).roles[0].first_seen == "2024-05-01"


def test_villanueva_short_record_joins_by_family_names(full):
    assert villanueva_short().people[0].name == "Villanueva Carbajal"
    (luis,) = full.find_people("Luis Alberto Villanueva Carbajal")
    assert luis.n_documents == 2


def test_store_same_text_new_facts_replaces(kb):
    ex = lima_meeting()
    kb.put([ex])
    better = ex.model_copy(update={"people": ex.people[:1]})  # same text, a re-extraction found less
    assert [s.outcome for s in kb.put([better])] == [Outcome.REPLACED]
    assert kb.document(ex.id).n_people == 1


def test_store_resolver_change_triggers_resolution(kb):
    from legation.pipeline import needs_resolution

    ingest_extractions(corpus(), store=kb)
    assert not needs_resolution(kb)
    kb.put([])  # nothing
    from legation.resolve import fingerprint

    assert kb.state("resolver") == fingerprint()
    kb.query("SELECT 1")
    with kb.engine.begin() as conn:  # an older resolver made the stored identities
        conn.exec_driver_sql("UPDATE kb_state SET value = 'old' WHERE key = 'resolver'")
    assert needs_resolution(kb)
    report = ingest_extractions(corpus(), store=kb)
    assert report.unchanged == 4 and report.resolution is not None
    assert kb.state("resolver") == fingerprint()


def test_store_title_holder_findings_show_the_title_sentences(kb):
    from kbfactory import Article

    docs = []
    for doc_id, name in (("h1", "Ana Uno"), ("h2", "Beto Dos")):
        a = Article(doc_id, published="2024-05-02").say(f"President of the Republic of Nowhereland {name} spoke.")
        org = a.org("Republic of Nowhereland", country="XX")
        a.person(name, "XX", titles=[Title(text="President of the Republic of Nowhereland", role="President",
                                           organization=org)])
        docs.append(a.build())
    ingest_extractions(docs, store=kb)
    (finding,) = kb.checks(kind="title_holders")
    assert {s.name for s in finding.subjects} == {"Ana Uno", "Beto Dos"}
    assert all(e.evidence is not None and "President of the Republic" in e.evidence.text for e in finding.evidence)


def test_store_duplicate_ids_from_two_sources_keep_the_first(kb):
    a = lima_meeting()
    b = lima_meeting(exports_2023=1.0).model_copy(update={"source": "elsewhere/a-lima.txt"})
    report = ingest_extractions([a, b], store=kb)
    assert report.added == 1 and [r.source for r in report.rejected] == ["elsewhere/a-lima.txt"]
    again = ingest_extractions([a, b], store=kb)
    assert again.unchanged == 1 and again.replaced == 0


def test_store_organization_and_place_records(full):
    page = full.organizations(q="communist")
    names = {o.name for o in page.items}
    assert {"Communist Party of Peru", "Peruvian Communist Party", "Communist Party of Vietnam"} <= names
    pcp = next(o for o in page.items if o.name == "Peruvian Communist Party")
    assert pcp.acronym == "PCP" and pcp.n_documents == 2
    assert full.organizations(q="PCP").items[0].id == pcp.id  # by acronym
    record = full.organization(pcp.id)
    assert record.people and {h.person.name for h in record.people} == {"Luis Alberto Villanueva Carbajal"}
    assert {s.doc_id for s in record.sources} == {"c-hanoi", "d-short"}
    assert any(link.rule == "acronym" for link in record.links)
    json_ready = record.model_dump(mode="json")
    assert json_ready["people"][0]["person"]["kind"] == "person"
    lima = full.places(q="lima").items[0]
    assert lima.country == "PE" and lima.n_documents == 2
    place = full.place(lima.id)
    assert {e.date_start for e in place.events} == {"2024-08-22"}
    with pytest.raises(NotFound):
        full.organization(99999)


def test_store_documents_listing_and_search(full):
    page = full.documents(sort="-published", limit=2)
    assert page.total == 4 and [d.id for d in page.items] == ["b-lima", "a-lima"]
    assert page.next_offset == 2
    assert [d.id for d in full.documents(since="2024-01-01").items] == ["a-lima", "b-lima"]
    assert [d.id for d in full.documents(q="ended his visit").items] == ["d-short"]
    hits = full.search("Villanueva")
    assert {h.kind for h in hits} >= {"person", "document"}
    assert full.search("   ") == []
    with pytest.raises(ConfigError):
        full.search("x", kinds=["planet"])


def test_store_stats_and_decisions(full):
    stats = full.stats()
    assert (stats.documents, stats.figures, stats.decisions, stats.stale) == (4, 2, 0, False)
    assert stats.people == 4 and stats.backend == full.backend  # Dung, Cabrera Toro, Tran Tuan Anh, Villanueva
    assert full.decisions() == []
