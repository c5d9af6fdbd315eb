"""The seed articles end to end (slow; skipped without ../shared): every gold encounter
is found once, nothing else is an encounter, and the happenings the events issue names
are there.  The article text is read from ../shared, never copied here."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from legation.pipeline import extract_files

ENCOUNTERS = {"meeting", "talks", "reception", "visit", "call", "signing"}


def _key(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


@pytest.fixture(scope="module")
def seeds(shared_dir: Path, pipeline_settings):
    run = extract_files([shared_dir / "seeds"], settings=pipeline_settings)
    docs = {d.id: d for d in run}
    gold = {json.loads(p.read_text())["id"]: json.loads(p.read_text()) for p in (shared_dir / "gold").glob("*.json")}
    return docs, gold


@pytest.mark.slow
def test_events_seeds_each_gold_encounter_once_and_nothing_else(seeds):
    docs, gold = seeds
    for doc_id, g in gold.items():
        doc = docs[doc_id]
        names = {p.id: _key(p.name) for p in doc.people}
        found = [e for e in doc.events if e.kind in ENCOUNTERS]
        assert len(found) == len(g["meetings"]), doc_id
        for meeting in g["meetings"]:
            want = {_key(x) for x in meeting["participants"]}
            hits = [e for e in found if e.kind == meeting["kind"] and e.date and e.date.start == meeting["date"]
                    and want <= {names.get(p) for p in e.participants}]
            assert len(hits) == 1, (doc_id, meeting)
            e = hits[0]
            assert (e.date.end or None) == meeting["end_date"]
            assert e.place is not None and e.place.country == meeting["country"]
            assert _key(e.place.name) == _key(meeting["place"])
            assert e.plover.type == "CONSULT" and e.cameo and e.source_actor and e.source_country


@pytest.mark.slow
def test_events_seeds_statements_have_speakers_occasions_and_codes(seeds):
    docs, _ = seeds
    for doc in docs.values():
        by_id = {e.id: e for e in doc.events}
        statements = [e for e in doc.events if e.kind in {"proposal", "commitment", "praise", "invitation", "agreement"}]
        assert len(statements) >= 5
        for st in statements:
            assert st.source_actor and st.plover.type in {"AGREE", "SUPPORT"} and st.cameo
            assert st.occasion in by_id and by_id[st.occasion].kind in ENCOUNTERS
            assert st.date is not None and st.date.start == by_id[st.occasion].date.start
        anniversaries = [e for e in doc.events if e.kind == "anniversary"]
        assert len(anniversaries) == 1 and anniversaries[0].date.start == "2024"
        assert {anniversaries[0].source_country, anniversaries[0].target_country} == {"VN", "PE"}


@pytest.mark.slow
def test_events_seeds_the_fair_is_scheduled_not_met(seeds):
    docs, _ = seeds
    scheduled = [e for d in docs.values() for e in d.events if e.kind == "scheduled"]
    assert len(scheduled) == 1
    fair = scheduled[0]
    assert "fair" in fair.subject.lower() and fair.status == "planned"
    assert (fair.date.start, fair.date.end) == ("2025-03-26", "2025-03-29")
