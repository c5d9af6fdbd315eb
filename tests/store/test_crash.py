"""Crash safety: SIGKILL a real ``legation ingest`` process mid-way, then check the knowledge base.

After the kill the database must hold whole documents only (every stored
document has all its facts), and the next run must go on from where the
killed one stopped and end with every document exactly once; a further run
must change nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kbfactory import Article

from legation.models import Title
from legation.store import open_store

N_DOCS = 1500


def _corpus(path: Path, n: int) -> dict[str, dict]:
    docs = {}
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = Article(f"crash-{i:05d}", published=f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}")
            a.say(f"Minister Person{i} Family{i % 97} met Ambassador Guest{i} Other{i % 89} in Lima.",
                  f"Exports of Vietnam to Peru were US${i} million in 2023.",
                  "They discussed trade, investment and tourism. " * 5)
            p1 = a.person(f"Person{i} Family{i % 97}", "PE", titles=[Title(text="Minister", role="minister")])
            p2 = a.person(f"Guest{i} Other{i % 89}", "VN", titles=[Title(text="Ambassador", role="ambassador")])
            a.place("Lima", country="PE")
            a.event("meeting", a.published, [p1, p2], place="Lima", country="PE", evidence="met Ambassador")
            a.figure("exports", "Vietnam", "Peru", i * 1e6, period=("2023-01-01", "2023-12-31", "2023"),
                     evidence="Exports of Vietnam")
            ex = a.build()
            docs[ex.id] = ex.to_contract()
            fh.write(json.dumps(ex.to_contract(), ensure_ascii=False) + "\n")
    return docs


def _ingest(db: str, source: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, LEGATION_DB=db)
    return subprocess.Popen([sys.executable, "-m", "legation", "ingest", str(source), "--extracted",
                             "--batch-size", "7", *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _count(db: str) -> int:
    try:
        with open_store(db) as kb:
            return kb.stats().documents
    except Exception:  # noqa: BLE001 - the writer may hold the database for a moment; poll again
        return -1


def _check_whole_documents(db: str, docs: dict[str, dict]) -> int:
    with open_store(db) as kb:
        stored = kb.query("SELECT id, n_people, n_events, n_figures FROM documents", limit=100_000).rows
        counts = {}
        for table, col in (("doc_people", "n_people"), ("doc_events", "n_events"), ("figures", "n_figures")):
            counts[col] = dict(kb.query(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id", limit=100_000).rows)
        titles = dict(kb.query("SELECT doc_id, count(*) FROM doc_titles GROUP BY doc_id", limit=100_000).rows)
        for doc_id, n_people, n_events, n_figures in stored:
            assert counts["n_people"].get(doc_id, 0) == n_people == 2, doc_id
            assert counts["n_events"].get(doc_id, 0) == n_events == 1, doc_id
            assert counts["n_figures"].get(doc_id, 0) == n_figures == 1, doc_id
            assert titles.get(doc_id, 0) == 2, doc_id
        for doc_id, *_ in stored[:: max(1, len(stored) // 25)]:
            assert kb.document(doc_id).extraction.to_contract() == docs[doc_id]
        return len(stored)


def _state(db: str) -> list:
    with open_store(db) as kb:
        return [kb.query(f"SELECT * FROM {t}", limit=1_000_000).rows for t in
                ("documents", "doc_people", "doc_events", "figures", "people", "events", "person_roles", "links",
                 "findings")]


@pytest.mark.timeout(600)
def test_ingest_survives_sigkill_and_resumes(db_url, tmp_path):
    source = tmp_path / "docs.jsonl"
    docs = _corpus(source, N_DOCS)
    proc = _ingest(db_url, source)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and _count(db_url) < 50:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed; raise N_DOCS"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored = _check_whole_documents(db_url, docs)
    assert 0 < stored < N_DOCS
    with open_store(db_url) as kb:
        assert kb.stale(), "killed before resolution: the store says so"

    # the next run goes on from where it stopped
    again = _ingest(db_url, source)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{N_DOCS - stored} added, 0 replaced, {stored} unchanged" in err
    assert _check_whole_documents(db_url, docs) == N_DOCS
    with open_store(db_url) as kb:
        assert not kb.stale()
        assert kb.stats().people > 0 and kb.stats().events == N_DOCS

    # and a further run changes nothing
    before = _state(db_url)
    third = _ingest(db_url, source)
    _out, err = third.communicate(timeout=600)
    assert third.returncode == 0, err
    assert f"0 added, 0 replaced, {N_DOCS} unchanged" in err
    assert _state(db_url) == before


def test_ingest_resolves_on_the_next_run_after_a_store_only_run(db_url, tmp_path):
    source = tmp_path / "docs.jsonl"
    _corpus(source, 20)
    first = _ingest(db_url, source, "--no-resolve")
    first.communicate(timeout=300)
    with open_store(db_url) as kb:
        assert kb.stale() and kb.stats().people == 0
    second = _ingest(db_url, source)
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert "20 unchanged" in err
    with open_store(db_url) as kb:
        assert not kb.stale() and kb.stats().people == 40


@pytest.mark.timeout(600)
def test_two_ingests_at_once_queue_and_store_each_document_once(db_url, tmp_path):
    source_a, source_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    docs = _corpus(tmp_path / "all.jsonl", 300)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    source_a.write_text("".join(lines[:200]), encoding="utf-8")
    source_b.write_text("".join(lines[100:]), encoding="utf-8")  # 100 documents in both
    first, second = _ingest(db_url, source_a), _ingest(db_url, source_b)
    out_a, err_a = first.communicate(timeout=600)
    out_b, err_b = second.communicate(timeout=600)
    assert first.returncode == 0, err_a
    assert second.returncode == 0, err_b
    assert _check_whole_documents(db_url, docs) == 300
    with open_store(db_url) as kb:
        assert not kb.stale() and kb.stats().events == 300
