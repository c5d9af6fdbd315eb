"""Figures, dates and publication dates through the full pipeline.

Scored with ../shared/eval/score.py on the seeds and on the invented, gold-annotated sets of
tests/fixtures (articles, heldout, blind, blind2), with the model and with the rules alone.  Only
the categories this component owns are asserted here (flows, other figures, publication dates);
the overall gate is tests/test_quality.py.  The sets' floors are in tests/fixtures/figure_floors.json
and only rise.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from legation.cli import cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
FLOORS = {"seeds": {"flows": 1.0, "other_figures": 0.9, "published": 1.0},
          "fixtures": {"flows": 0.95, "other_figures": 0.95, "published": 1.0}}


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("legation_eval_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(shared: Path, articles: Path, gold: Path, tmp: Path) -> dict:
    out = tmp / "out.json"
    result = CliRunner().invoke(cli, ["extract", str(articles), "-o", str(out), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    score = _scorer(shared)
    pred = json.loads(out.read_text())
    docs = {d["id"]: d for d in pred["documents"]}
    tally = score.Tally()
    for gf in sorted(gold.glob("*.json")):
        g = json.loads(gf.read_text())
        if "id" in g:
            score.score_doc(g, docs.get(g["id"], {}), tally, False)
    return {c: tally.f1(c) for c in ("flows", "other_figures", "published")}


@pytest.mark.slow
def test_figures_quality_on_the_seeds(shared_dir, pipeline_settings, tmp_path):
    got = _score(shared_dir, shared_dir / "seeds", shared_dir / "gold", tmp_path)
    for cat, floor in FLOORS["seeds"].items():
        assert got[cat] >= floor - 1e-9, (cat, got)


@pytest.mark.slow
def test_figures_quality_on_the_invented_articles(shared_dir, pipeline_settings, tmp_path):
    if not FIXTURES.is_dir():
        pytest.skip("tests/fixtures/articles is missing")
    articles = tmp_path / "articles"
    gold = tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, articles / f.name)
        g = f.with_suffix(".json")
        if g.exists():
            shutil.copy(g, gold / g.name)
    got = _score(shared_dir, articles, gold, tmp_path)
    for cat, floor in FLOORS["fixtures"].items():
        assert got[cat] >= floor - 1e-9, (cat, got)


@pytest.mark.slow
def test_figures_seed_series_end_to_end(shared_dir, pipeline_settings):
    from legation.pipeline import extract_files
    from legation.report.series import figures_from_extractions, line_up

    docs = list(extract_files([shared_dir / "seeds"], settings=pipeline_settings))
    [imports] = line_up(figures_from_extractions(docs), measure="imports")
    assert (imports.from_, imports.to) == ("Peru", "Ho Chi Minh City")
    assert [p.period_start[:4] for p in imports.points] == ["2013", "2019", "2023"]
    inferred = next(d for d in docs if d.published_basis == "inferred")
    assert inferred.published == "2023-11"
    assert any(w.kind == "published_inferred" and "anniversary" in w.message for w in inferred.warnings)
    assert any(d.start == "2023-11-10" for d in inferred.dates)


# --------------------------------------------------------------------------- the invented sets' floors

SETS = ("articles", "heldout", "blind", "blind2")
FIGURE_FLOORS = ROOT / "tests" / "fixtures" / "figure_floors.json"


def _set_scores(shared: Path, model: str, name: str) -> dict[str, float]:
    """Flows, other figures and publication dates of one invented set, scored by ../shared/eval/score.py."""
    from legation.pipeline import extract_files
    from legation.settings import Settings

    articles = ROOT / "tests" / "fixtures" / name
    if not articles.is_dir():
        pytest.skip(f"tests/fixtures/{name} is not there")
    scorer = _scorer(shared)
    run = extract_files([articles], settings=Settings(model=model))
    assert not run.rejected, run.rejected
    docs = {d.id: d.to_contract() for d in run}
    tally = scorer.Tally()
    for gold_file in sorted(articles.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "id" in gold:  # the sets' floors.json is no gold
            scorer.score_doc(gold, docs[gold["id"]], tally, False)
    return {c: tally.f1(c) for c in ("flows", "other_figures", "published")}


def _check_floors(scores: dict[str, float], name: str, kind: str) -> None:
    data = json.loads(FIGURE_FLOORS.read_text(encoding="utf-8"))
    eps = data["epsilon"]
    below = [f"{c}: {scores[c]:.3f} < {f:.3f}" for c, f in data[name][kind].items() if scores[c] < f - eps]
    assert not below, f"figure quality on {name} ({kind}) fell below its floors: " + "; ".join(below)


@pytest.mark.parametrize("name", SETS)
def test_figures_quality_rules_alone(shared_dir, name):
    from legation.nlp import BLANK

    _check_floors(_set_scores(shared_dir, BLANK, name), name, "blank")


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_figures_quality_with_the_model(shared_dir, pipeline_settings, name):
    _check_floors(_set_scores(shared_dir, pipeline_settings.model, name), name, "model")
