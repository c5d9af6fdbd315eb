"""The bundled examples: invented, marked so, in several formats, none copied
from ../shared, and every one goes in cleanly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from legation.cli import cli
from legation.schema import extraction_schema, validate_extraction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTE = "Invented example for Legation"


def articles() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})


def test_examples_cover_the_formats():
    assert {p.suffix for p in articles()} == {".txt", ".html", ".jsonl"}
    [feed] = [p for p in articles() if p.suffix == ".jsonl"]
    assert len(feed.read_text(encoding="utf-8").splitlines()) == 2


def test_every_example_is_marked_invented():
    assert "fictional" in (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in articles():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            for line in text.splitlines():
                assert json.loads(line)["note"].startswith(NOTE)
        elif path.suffix == ".html":
            assert f'<meta name="legation:note" content="{NOTE}' in text and f"<!-- {NOTE}" in text
        else:
            assert text.rstrip().endswith(f"({NOTE}; people, events and figures are fictional.)")
            assert text.startswith("date ")


def _shingles(text: str, n: int = 10) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_example_copies_text_from_the_shared_articles(shared_dir: Path):
    shared = set()
    for path in (shared_dir / "seeds").iterdir():
        shared |= _shingles(path.read_text(encoding="utf-8", errors="replace"))
    for path in articles():
        common = _shingles(path.read_text(encoding="utf-8")) & shared
        assert not common, (path.name, sorted(common)[:3])


@pytest.mark.slow
def test_examples_extract_cleanly_and_validate():
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLES)], catch_exceptions=False)
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert validate_extraction(data, extraction_schema()) == []
    for doc in data["documents"]:
        assert doc["published"] and doc["published_basis"] in ("header", "metadata")
        assert NOTE not in (doc["title"] or "") and "legation:note" not in doc["text"]
        assert "Related stories" not in doc["text"] and "cookies" not in doc["text"]  # page furniture
    assert len(data["documents"]) == 6
    vn_pe = [d for d in data["documents"] if "Vietnam" in d["text"] and "Peru" in d["text"]]
    assert len({d["published"][:4] for d in vn_pe}) >= 3  # several years of one relationship
