"""Document ids follow the contract and are stable across runs and processes.

Contract (docs/contract.md): the file's stem for a file; the ``id`` field of a
JSONL line, else a hash of its URL or text; for a WARC record, a hash of its
target URI.  Standard input: a hash of its URL or text.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

from legation.ingest import iter_documents, read_bytes, read_stdin
from legation.ingest._ids import content_id
from legation.models import SourceDocument
from legation.settings import Settings

TEXT = "The trade minister met the visiting delegation in Lima on Monday to discuss copper exports."


def ids(paths) -> list[str]:
    items = list(iter_documents([str(p) for p in paths], settings=Settings()))
    assert all(isinstance(i, SourceDocument) for i in items), items
    return [i.id for i in items]


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_content_id_is_pinned():
    # a change here renames every document in every knowledge base: bump the schema instead
    assert content_id("https://example.org/a") == "b5b10dd0429e69ac"
    assert content_id(None, "", "Peru and Vietnam") == "3bb9f5eb47493149"
    assert content_id("https://example.org/a", "any text") == content_id("https://example.org/a")


def test_file_id_is_its_stem(tmp_path: Path):
    (tmp_path / "000_5dac5559b71d86cf.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.b.HTM").write_text(f"<html><body><article><p>{TEXT}</p></article></body></html>",
                                      encoding="utf-8")
    assert ids([tmp_path / "000_5dac5559b71d86cf.txt", tmp_path / "a.b.HTM"]) == ["000_5dac5559b71d86cf", "a.b"]


def test_jsonl_ids(tmp_path: Path):
    lines = [{"id": " given ", "text": TEXT}, {"id": 17, "text": TEXT}, {"url": "https://example.org/x", "text": TEXT},
             {"text": TEXT + " Second."}, {"id": "", "text": TEXT + " Third."}, {"html": f"<p>{TEXT}</p>" * 3},
             {"id": True, "text": TEXT + " Fourth."}]
    data = "".join(json.dumps(x) + "\n" for x in lines).encode()
    docs = list(read_bytes(data, name="feed.jsonl", settings=Settings()))
    assert [d.id for d in docs] == ["given", "17", sha16("https://example.org/x"), sha16(TEXT + " Second."),
                                    sha16(TEXT + " Third."), sha16(f"<p>{TEXT}</p>" * 3), sha16(TEXT + " Fourth.")]


def test_warc_id_is_a_hash_of_the_target_uri(make_warc, sample_pages):
    first = list(read_bytes(make_warc(sample_pages, gzip=True), name="a.warc.gz", settings=Settings()))
    assert [d.id for d in first] == [sha16(uri) for uri, _ in sample_pages]
    # the same URI crawled again, with a changed page, keeps its id
    changed = [(uri, body.replace(b"Monday", b"Tuesday")) for uri, body in sample_pages]
    again = list(read_bytes(make_warc(changed, gzip=False), name="b.warc", settings=Settings()))
    assert [d.id for d in again] == [d.id for d in first]


def test_stdin_id_is_a_hash_of_the_text():
    [doc] = read_stdin(settings=Settings(), stream=io.BytesIO(("date 2020-01-01\n" + TEXT).encode()))
    assert doc.id == sha16(TEXT) and doc.source == "<stdin>"


def test_ids_are_stable_across_processes(tmp_path: Path, make_warc, sample_pages):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": TEXT}) + "\n" + json.dumps({"url": "u:1", "text": TEXT})
                                         + "\n", encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(make_warc(sample_pages, gzip=True))
    code = ("import sys; from legation.ingest import iter_documents; from legation.settings import Settings; "
            "import json; print(json.dumps([d.id for d in iter_documents([sys.argv[1]], settings=Settings())]))")
    runs = {subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
            for seed in ("1", "2", "random")}
    assert len(runs) == 1
    assert json.loads(runs.pop()) == ids([tmp_path])
