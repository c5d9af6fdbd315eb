"""Property tests: no input makes a reader raise; the date header parser never crashes."""

from __future__ import annotations

import gzip
import json
import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.ingest import READERS, read_bytes
from legation.ingest.text import split_header
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

SUFFIXES = sorted(READERS)
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMIT = Settings(max_bytes=4000)


def check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, SourceDocument | Rejection)
        if isinstance(item, Rejection):
            assert item.source and item.error and "\n" not in item.error
        else:
            assert item.text.strip() and item.id


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_documents_or_rejections(data: bytes, suffix: str):
    check_items(list(read_bytes(data, name="input" + suffix, settings=LIMIT)))


def _valid(suffix: str, sample: str) -> bytes:
    """A valid small input of each kind, to be damaged by the next test."""
    html = f"<html><head><title>t</title></head><body><article><p>{sample}</p></article></body></html>"
    if suffix in (".txt", ".text"):
        return ("date 2024-01-02\n" + sample).encode()
    if suffix in (".html", ".htm"):
        return html.encode()
    if suffix in (".jsonl", ".ndjson", ".jsonl.gz"):
        raw = (json.dumps({"id": "a", "text": sample}) + "\n" + json.dumps({"html": html}) + "\n").encode()
        return gzip.compress(raw) if suffix.endswith(".gz") else raw
    from conftest import build_warc

    return build_warc([("https://example.org/a", html.encode())], gzip=suffix.endswith(".gz"))


SAMPLE = ("The Minister of Trade met the Ambassador of Chile in Jakarta on Monday and both sides agreed "
          "to expand trade in copper and palm oil.")


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), cut=st.floats(0, 1), flips=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4))
def test_damaged_valid_inputs_give_documents_or_rejections(suffix: str, cut: float, flips):
    data = bytearray(_valid(suffix, SAMPLE))
    for where, byte in flips:
        data[min(int(where * len(data)), len(data) - 1)] = byte
    data = data[: int(cut * len(data))] if cut < 0.999 else data
    check_items(list(read_bytes(bytes(data), name="input" + suffix, settings=LIMIT)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_date_header_parser_never_crashes(text: str):
    published, body = split_header(text)
    if published is None:
        assert body == text
    else:
        assert date.fromisoformat(published)
        assert text.endswith(body) and len(body) < len(text)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1000, 1, 1)), lead=st.sampled_from(["", " ", "\n", "  \n"]),
       sep=st.sampled_from([" ", ": ", "\t", " :  "]), word=st.sampled_from(["date", "Date", "DATE"]),
       after=st.sampled_from(["\n", " ", "\n\n", ""]), body=st.text(min_size=1, max_size=40))
def test_date_header_round_trip(day: date, lead: str, sep: str, word: str, after: str, body: str):
    if after == "" and re.match(r"[\w-]", body):
        return  # "date 2024-01-0212" is not a header
    text = f"{lead}{word}{sep}{day.isoformat()}{after}{body}"
    published, rest = split_header(text)
    assert published == day.isoformat()
    assert rest == re.sub(r"\A[ \t]*\n?", "", after + body)
