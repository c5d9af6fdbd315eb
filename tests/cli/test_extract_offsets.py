"""The `date YYYY-MM-DD` header and offsets: the header gives the publication
date and is not part of ``Extraction.text``; every offset in the output
(mentions, evidence, dates) indexes into that text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from legation.cli import cli

pytestmark = pytest.mark.slow

BODY = ("Peruvian Foreign Minister Ana Maria Torres met Vietnamese Deputy Prime Minister Tran Quoc Bao in "
        "Lima on August 22. Torres said Peru's exports to Vietnam reached US$310 million in 2023.\n\n"
        "The two ministers also signed a memorandum on agricultural trade, and Bao invited Torres to Hanoi.")


def check_offsets(doc: dict) -> int:
    """Assert every span of ``doc`` indexes into ``doc['text']``; returns how many were checked."""
    text, n = doc["text"], 0

    def span(start: int, end: int, expected: str | None = None) -> None:
        nonlocal n
        n += 1
        assert 0 <= start < end <= len(text), (doc["id"], start, end)
        if expected is not None:
            assert text[start:end] == expected, (doc["id"], start, end, text[start:end], expected)

    for group in ("people", "organizations", "places"):
        for item in doc[group]:
            for start, end in item["mentions"]:
                span(start, end)
                assert text[start:end].strip() == text[start:end], (group, text[start:end])
    for person in doc["people"]:
        mentioned = {text[s:e] for s, e in person["mentions"]}
        assert person["name"] in mentioned or any(person["name"].endswith(m) or m in person["name"]
                                                  for m in mentioned), person
    for group in ("events", "figures", "warnings"):
        for item in doc[group]:
            if item.get("evidence"):
                ev = item["evidence"]
                span(ev["start"], ev["end"], ev["text"])
    for date in doc.get("dates", []):
        if date.get("offsets"):
            span(*date["offsets"], date["text"])
    return n


def extract(*paths: Path) -> dict:
    result = CliRunner().invoke(cli, ["extract", *map(str, paths)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("header", ["date 2024-08-23 ", "date 2024-08-23\n", " date 2024-08-23\n\n",
                                    "Date: 2024-08-23\n"], ids=["same-line", "own-line", "blank-after", "colon"])
def test_date_header_is_the_publication_date_and_not_text(tmp_path: Path, header: str):
    p = tmp_path / "visit.txt"
    p.write_text(header + BODY, encoding="utf-8")
    [doc] = extract(p)["documents"]
    assert doc["published"] == "2024-08-23" and doc["published_basis"] == "header"
    assert doc["text"] == BODY
    assert check_offsets(doc) > 0
    assert any(person["name"].endswith("Torres") for person in doc["people"])


def test_impossible_header_date_is_left_in_the_text(tmp_path: Path):
    p = tmp_path / "odd.txt"
    p.write_text("date 2024-02-30\n" + BODY, encoding="utf-8")
    [doc] = extract(p)["documents"]
    assert doc["published_basis"] != "header"
    assert doc["text"].startswith("date 2024-02-30")
    check_offsets(doc)


def test_offsets_index_into_the_text_of_every_format(tmp_path: Path, make_page):
    (tmp_path / "a.txt").write_text("date 2023-05-02\n" + BODY, encoding="utf-8")
    (tmp_path / "b.html").write_text(make_page("Talks in Lima", BODY.split("\n\n"), published="2023-05-03"),
                                     encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "  \r\n" + BODY.replace("\n", "\r\n"),
                                                  "published": "2023-05-04"}) + "\n", encoding="utf-8")
    docs = extract(tmp_path)["documents"]
    assert [d["published"] for d in docs] == ["2023-05-02", "2023-05-03", "2023-05-04"]
    for doc in docs:
        assert check_offsets(doc) > 0


def test_offsets_in_the_seeds(shared_dir: Path, seeds_output: Path):
    docs = json.loads(seeds_output.read_text(encoding="utf-8"))["documents"]
    assert len(docs) == len(list((shared_dir / "seeds").glob("*.txt")))
    for doc in docs:
        assert not doc["text"].lstrip().startswith("date ")
        assert check_offsets(doc) > 10
