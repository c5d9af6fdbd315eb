"""Quality gate: the seeds, scored by ../shared/eval/score.py, stay at or above
the F1 floors in tests/quality_floor.json (with a 0.001 epsilon).  Floors only
rise: `make floors` raises them to today's scores and never lowers one."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOOR_FILE = ROOT / "tests" / "quality_floor.json"


def load_floors() -> dict:
    return json.loads(FLOOR_FILE.read_text(encoding="utf-8"))


def floors_script():
    spec = importlib.util.spec_from_file_location("floors", ROOT / "scripts" / "floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(shared_dir: Path, seeds_output: Path) -> dict:
    """``score.py --json`` on ``legation extract ../shared/seeds`` (the session's seeds_output)."""
    python = shutil.which("python3") or sys.executable
    scored = subprocess.run([python, str(shared_dir / "eval" / "score.py"), "--gold", str(shared_dir / "gold"),
                             "--pred", str(seeds_output), "--json"], capture_output=True, text=True, check=True)
    return json.loads(scored.stdout)


@pytest.mark.slow
def test_no_f1_below_its_floor(seed_scores: dict, shared_dir: Path):
    data = load_floors()
    eps = data.get("epsilon", 0.001)
    assert seed_scores["missing_documents"] == []
    below = []
    for metric, floor in data["floors"].items():
        f1 = seed_scores["mean_f1"] if metric == "mean_f1" else seed_scores[metric]["f1"]
        if f1 < floor - eps:
            below.append(f"{metric}: F1 {f1:.3f} < floor {floor:.3f}")
    note = ""
    if data.get("gold_digest") != floors_script().gold_digest(shared_dir / "gold"):
        note = " (note: ../shared/gold changed since the floors were recorded)"
    assert not below, "quality fell below its floor" + note + ":\n  " + "\n  ".join(below)


def test_floor_file_is_well_formed():
    data = load_floors()
    assert set(data) >= {"floors", "epsilon", "gold_digest"}
    assert data["epsilon"] == 0.001
    assert all(0.0 <= v <= 1.0 for v in data["floors"].values())
    assert "mean_f1" in data["floors"] and "people" in data["floors"]


def test_floors_only_rise():
    merge = floors_script().merge
    old = {"people": 0.8, "events": 0.5, "mean_f1": 0.7}
    result = {"people": {"f1": 0.9}, "events": {"f1": 0.4}, "event_kind": {"f1": 1.0},
              "flows": {"f1": 0.6667}, "mean_f1": 0.65}
    new = merge(old, result, {"people": 10, "events": 6, "event_kind": 0, "flows": 8})
    assert new == {"people": 0.9, "events": 0.5, "flows": 0.666, "mean_f1": 0.7}  # event_kind: 0/0, no floor
