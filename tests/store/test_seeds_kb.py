"""The knowledge base on the seed articles and the bundled examples, through the real NLP pipeline (slow)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from legation.pipeline import ingest_files
from legation.store import open_store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds_kb(tmp_path_factory, shared_dir, pipeline_settings):
    db = str(tmp_path_factory.mktemp("kb") / "seeds.db")
    with open_store(db) as kb:
        report = ingest_files([shared_dir / "seeds", ROOT / "examples"], store=kb, settings=pipeline_settings)
        assert report.added >= 2 and not report.rejected, report.line()
    return db


def test_seeds_events_between_vietnam_and_peru(seeds_kb):
    with open_store(seeds_kb) as kb:
        page = kb.events(between=("VN", "PE"), kind=["meeting", "talks", "reception", "visit", "call", "signing"],
                         limit=500)
    dated = [e.date_start for e in page.items if e.date_start]
    assert dated == sorted(dated)
    by_day = {(e.date_start, e.kind) for e in page.items}
    assert ("2024-08-22", "meeting") in by_day  # HCMC delegation in Peru (seed 000)
    assert ("2023-11-10", "reception") in by_day  # the PCP leader received in Hanoi (seed 004)


def test_seeds_two_general_secretaries_are_two_people(seeds_kb):
    with open_store(seeds_kb) as kb:
        toro = kb.find_people("Domingo Cabrera Toro")
        luis = kb.find_people("Villanueva Carbajal")
        assert toro and luis and toro[0].id != luis[0].id
        assert luis[0].name == "Luis Alberto Villanueva Carbajal"
        assert not [c for c in kb.checks(kind="title_holders") if "Cabrera Toro" in c.message
                    and "Villanueva" in c.message]
        roles = kb.person(toro[0].id).roles
        assert any("General Secretary" in r.title and r.first_seen == "2024-08-22" for r in roles)


def test_seeds_acronym_mismatch_is_checked(seeds_kb):
    with open_store(seeds_kb) as kb:
        assert any("CPC" in c.message for c in kb.checks(kind="acronym_mismatch"))


def test_seeds_reingest_changes_nothing(seeds_kb, shared_dir, pipeline_settings):
    with open_store(seeds_kb) as kb:
        before = kb.query("SELECT id, updated_at, content_hash FROM documents ORDER BY id").rows
        report = ingest_files([shared_dir / "seeds", ROOT / "examples"], store=kb, settings=pipeline_settings)
        assert report.added == report.replaced == 0 and report.unchanged == len(before)
        assert kb.query("SELECT id, updated_at, content_hash FROM documents ORDER BY id").rows == before


@pytest.mark.timeout(900)
def test_seeds_sigkill_during_nlp_ingest_then_resume(tmp_path, pipeline_settings):  # noqa: ARG001 - needs the model
    """Kill a real `legation ingest` of article files while it extracts, then finish the job."""
    articles = tmp_path / "articles"
    articles.mkdir()
    texts = sorted((ROOT / "examples").glob("*.txt"))
    if not texts:
        pytest.skip("no examples/*.txt")
    n = 24
    for i in range(n):
        shutil.copy(texts[i % len(texts)], articles / f"a{i:03d}.txt")
        with (articles / f"a{i:03d}.txt").open("a", encoding="utf-8") as fh:
            fh.write(f"\n\n(Copy {i}.)\n")
    db = str(tmp_path / "kb.db")
    cmd = [sys.executable, "-m", "legation", "ingest", str(articles), "--db", db, "--batch-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(db):
            try:
                with open_store(db) as kb:
                    count = kb.stats().documents
            except Exception:  # noqa: BLE001 - the writer may be mid-transaction; poll again
                count = 0
        if count >= 4:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with open_store(db) as kb:
        stored = kb.query("SELECT id, n_people, n_figures FROM documents").rows
        assert 0 < len(stored) < n
        for doc_id, n_people, n_figures in stored:
            assert kb.query("SELECT count(*) FROM doc_people WHERE doc_id = :d", {"d": doc_id}).rows[0][0] == n_people
            assert kb.query("SELECT count(*) FROM figures WHERE doc_id = :d", {"d": doc_id}).rows[0][0] == n_figures
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{n - len(stored)} added, 0 replaced, {len(stored)} unchanged" in done.stderr
    with open_store(db) as kb:
        assert kb.stats().documents == n and not kb.stale()


def test_seeds_two_inputs_with_one_id_keep_the_first_and_stay_idempotent(tmp_path, pipeline_settings):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    text = (ROOT / "examples" / "2019-09-18-vietnam-peru-talks-lima.txt").read_text(encoding="utf-8")
    (tmp_path / "a" / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text(text + "\nA later paragraph.\n", encoding="utf-8")
    with open_store(str(tmp_path / "kb.db")) as kb:
        first = ingest_files([tmp_path / "a", tmp_path / "b"], store=kb, settings=pipeline_settings)
        assert first.added == 1 and len(first.rejected) == 1
        assert "also the id of" in first.rejected[0].error
        again = ingest_files([tmp_path / "a", tmp_path / "b"], store=kb, settings=pipeline_settings)
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 1)
