"""Readers on good input: each format yields the article text and its metadata."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from legation.ingest import iter_documents, reader_for
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

ARTICLE = ("The foreign minister of Ruritania met her counterpart in Lima on Tuesday.\n\n"
           "Both sides agreed to expand trade in coffee and copper.")


def read(paths, settings=None):
    return list(iter_documents([str(p) for p in paths], settings=settings or Settings()))


def test_text_reader_reads_utf8_and_header(tmp_path: Path):
    p = tmp_path / "visit.txt"
    p.write_text("date 2024-05-07\n" + ARTICLE, encoding="utf-8")
    [doc] = read([p])
    assert isinstance(doc, SourceDocument)
    assert doc.id == "visit"
    assert doc.published == "2024-05-07"
    assert doc.published_basis == "header"
    assert doc.text.startswith("The foreign minister")
    assert "date 2024" not in doc.text


def test_text_reader_without_header_has_no_date(tmp_path: Path):
    p = tmp_path / "plain.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [doc] = read([p])
    assert doc.published is None and doc.published_basis is None
    assert doc.text == ARTICLE


def test_html_reader_extracts_main_text_and_metadata(tmp_path: Path):
    paras = "".join(f"<p>{line} This sentence is padding for the extractor number {i}.</p>"
                    for i, line in enumerate(ARTICLE.split("\n\n") * 3))
    html = ("<html><head><title>Ministers meet in Lima</title>"
            '<meta property="article:published_time" content="2024-05-08T09:00:00Z">'
            '<link rel="canonical" href="https://news.example.org/ministers-meet">'
            "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Ministers meet in Lima</h1>{paras}</article>"
            "<footer>Copyright Example News</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    [doc] = read([p])
    assert isinstance(doc, SourceDocument), doc
    assert doc.id == "page"
    assert "foreign minister of Ruritania" in doc.text
    assert "Copyright" not in doc.text
    assert doc.published == "2024-05-08" and doc.published_basis == "metadata"
    assert doc.url == "https://news.example.org/ministers-meet"
    assert doc.title == "Ministers meet in Lima"


def test_jsonl_reader_reads_each_line(tmp_path: Path):
    p = tmp_path / "batch.jsonl"
    lines = [{"id": "a1", "text": ARTICLE, "published": "2023-02-01", "title": "One"},
             {"url": "https://example.org/2", "text": ARTICLE + " Again."}]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs = read([p])
    assert [type(d) for d in docs] == [SourceDocument, SourceDocument]
    assert docs[0].id == "a1" and docs[0].published == "2023-02-01" and docs[0].title == "One"
    assert docs[0].published_basis == "metadata"
    assert len(docs[1].id) == 16 and docs[1].url == "https://example.org/2"


def test_jsonl_gz_reader(tmp_path: Path):
    p = tmp_path / "batch.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"id": "z", "text": ARTICLE}) + "\n").encode()))
    [doc] = read([p])
    assert doc.id == "z" and doc.text == ARTICLE


def test_folder_is_read_recursively_in_order_and_skips_unknown_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    docs = read([tmp_path])
    assert [d.id for d in docs] == ["two", "one"] or [d.id for d in docs] == ["one", "two"]
    assert all(isinstance(d, SourceDocument) for d in docs)


def test_reader_for_longest_suffix_wins():
    assert reader_for("x.jsonl.gz")[0] == ".jsonl.gz"
    assert reader_for("X.WARC.GZ")[0] == ".warc.gz"
    assert reader_for("page.HTM")[0] == ".htm"


def test_explicit_file_of_unknown_type_is_rejected(tmp_path: Path):
    p = tmp_path / "notes.md"
    p.write_text("hello", encoding="utf-8")
    [item] = read([p])
    assert isinstance(item, Rejection)
    assert item.source == str(p) and "no reader" in item.error
