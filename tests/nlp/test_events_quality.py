"""Event quality on articles the events rules were not written from: the lead engineer's
invented articles with gold encounters (tests/fixtures/articles, and tests/fixtures/heldout,
blind, blind2 and blind3, written blind to the rules), scored by ../shared/eval/score.py (so the test skips when
../shared is absent).  Floors live in tests/fixtures/events/floors.json and only rise."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from legation.pipeline import extract_files

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CATEGORIES = ("events", "event_kind", "event_place")


def _scorer(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("legation_eval_score_events", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("name", ["articles", "heldout", "blind", "blind2", "blind3"])
def test_events_quality_on_other_writers_articles(shared_dir, pipeline_settings, name):
    articles = FIXTURES / name
    if not articles.is_dir():
        pytest.skip(f"tests/fixtures/{name} is not there")
    scorer = _scorer(shared_dir)
    run = extract_files([articles], settings=pipeline_settings)
    docs = {d.id: d.to_contract() for d in run}
    tally = scorer.Tally()
    for gold_file in sorted(articles.glob("*.json")):
        if gold_file.name.endswith("floors.json"):
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        scorer.score_doc(gold, docs[gold["id"]], tally, False)
    scores = {c: tally.f1(c) for c in CATEGORIES}
    floors = json.loads((FIXTURES / "events" / "floors.json").read_text(encoding="utf-8"))
    eps = floors["epsilon"]
    below = [f"{c}: {scores[c]:.3f} < {f:.3f}" for c, f in floors[name].items() if scores[c] < f - eps]
    assert not below, f"event quality on {name} fell below its floors: " + "; ".join(below)
