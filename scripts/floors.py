#!/usr/bin/env python3
"""Raise the quality floors in tests/quality_floor.json to today's scores; never lower one.

Usage (from the repository, `make floors`):

    python scripts/floors.py [--shared ../shared] [--dry-run]

It extracts ../shared/seeds with this checkout's `legation`, scores the result
with ../shared/eval/score.py, and writes each F1 (rounded down to 3 decimals)
as the new floor when it is higher than the recorded one.  A metric the gold
data gives nothing to score (gold count 0, e.g. event kinds when no event was
matched) gets no floor.  Lowering a floor is never done here: if a change makes
a score drop, fix the change, or lower the floor by hand in a reviewed commit
that says why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "tests" / "quality_floor.json"
_COUNTS = re.compile(r"^(\w+)\s+P=\S+ R=\S+ F1=\S+\s+\(tp=(\d+) pred=(\d+) gold=(\d+)\)$", re.M)


def gold_digest(gold: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(gold.glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def score(shared: Path, pred: Path) -> tuple[dict, dict[str, int]]:
    """(the scorer's --json result, gold count per metric from its text output)."""
    python = shutil.which("python3") or sys.executable
    cmd = [python, str(shared / "eval" / "score.py"), "--gold", str(shared / "gold"), "--pred", str(pred)]
    result = json.loads(subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True).stdout)
    text = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    gold_counts = {m[0]: int(m[3]) for m in _COUNTS.findall(text)}
    return result, gold_counts


def extract(shared: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "legation", "extract", str(shared / "seeds"), "-o", str(out), "--quiet"],
                   check=True)


def merge(floors: dict[str, float], result: dict, gold_counts: dict[str, int]) -> dict[str, float]:
    """New floors: the higher of the old floor and today's F1, per metric (never lower)."""
    merged = dict(floors)
    today = {k: v["f1"] for k, v in result.items() if isinstance(v, dict) and "f1" in v}
    today["mean_f1"] = result["mean_f1"]
    for metric, f1 in today.items():
        if metric != "mean_f1" and gold_counts.get(metric, 1) == 0:
            continue  # nothing to score: a floor would only record the scorer's 1.0 for 0/0
        f1 = math.floor(f1 * 1000 + 1e-9) / 1000
        if f1 > merged.get(metric, -1.0):
            merged[metric] = f1
    return {k: merged[k] for k in sorted(merged)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--dry-run", action="store_true", help="print the new floors, write nothing")
    args = ap.parse_args(argv)
    if not (args.shared / "seeds").is_dir():
        print(f"floors: {args.shared}/seeds not found; nothing to do", file=sys.stderr)
        return 1
    data = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    old = data.get("floors", {})
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "seeds.json"
        extract(args.shared, pred)
        result, gold_counts = score(args.shared, pred)
    new = merge(old, result, gold_counts)
    for metric in new:
        mark = "raised" if new[metric] != old.get(metric) else "kept"
        print(f"{metric:15s} {old.get(metric, '-')!s:>6} -> {new[metric]:.3f}  ({mark}; today {result[metric]['f1'] if metric != 'mean_f1' else result['mean_f1']})")
    data.update({"about": data.get("about") or (
        "F1 floors on ../shared/gold for tests/test_quality.py; raise with `make floors`, never lower."),
        "gold_digest": gold_digest(args.shared / "gold"), "epsilon": data.get("epsilon", 0.001), "floors": new})
    if args.dry_run:
        print(json.dumps(data, indent=2))
    else:
        FLOORS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
