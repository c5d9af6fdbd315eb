"""Readers on bad input, model-free: each bad input becomes one ``Rejection``
naming it, and what could be read is kept.  (tests/cli/test_extract_bad_input.py
checks the same cases end to end: stderr line, ``rejected`` entry, exit status.)"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from legation.ingest import iter_documents, read_bytes
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

GOOD = "The trade minister met her counterpart in Lima on Tuesday to discuss coffee exports."


def read(paths, settings=None):
    return list(iter_documents([str(p) for p in paths], settings=settings or Settings()))


def split(items):
    docs = [i for i in items if isinstance(i, SourceDocument)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) + len(rejections) == len(items)
    return docs, rejections


# --------------------------------------------------------------------------- files


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_is_rejected(tmp_path: Path):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0)
    [r] = read([p])
    assert isinstance(r, Rejection) and r.source == str(p) and "cannot read" in r.error


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/mem")
def test_file_that_fails_while_reading_is_rejected(tmp_path: Path):
    p = tmp_path / "unreadable.txt"
    p.symlink_to("/proc/self/mem")  # open() works, read() fails with EIO, even for root
    [r] = read([p])
    assert isinstance(r, Rejection) and r.source == str(p)
    assert r.error.startswith("cannot read: ")


def test_missing_path_and_broken_link_are_rejected(tmp_path: Path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    items = read([tmp_path / "missing.txt", link])
    assert [(r.source, r.error) for r in items] == [
        (str(tmp_path / "missing.txt"), "no such file or folder"), (str(link), "broken symbolic link")]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t ", b"\xef\xbb\xbf\n", b"date 2024-03-01\n\n  \n"])
def test_empty_text_is_rejected(data: bytes):
    [r] = read_bytes(data, name="empty.txt", settings=Settings())
    assert isinstance(r, Rejection) and r.source == "empty.txt" and "no article text" in r.error


def test_binary_junk_is_rejected():
    junk = bytes(range(256)) * 20
    [r] = read_bytes(junk, name="junk.txt", settings=Settings())
    assert isinstance(r, Rejection) and r.error == "binary data, not text"


def test_png_named_html_is_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    [r] = read_bytes(png, name="photo.html", settings=Settings())
    assert isinstance(r, Rejection) and r.error == "binary data, not text"


def test_undecodable_text_is_rejected():
    data = bytes([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D] * 50 + [0xFF, 0xFE, 0xC0, 0xC1] * 40)
    [r] = read_bytes(data, name="mystery.txt", settings=Settings())
    assert isinstance(r, Rejection) and r.source == "mystery.txt"
    assert "not UTF-8" in r.error


# --------------------------------------------------------------------------- encodings

ENCODED = [
    ("cp1252", "The Minister’s visit was “historic”, said Mr. Müller; exports rose to €3 million. "
               "The naïve café owner agreed."),
    ("latin-1", "Le président du Pérou a reçu le ministre à Lima. Les deux côtés ont signé un accord "
                "économique très attendu."),
    ("shift_jis", "日本の外務大臣は東京でケニアの大統領と会談した。両国は貿易と投資の拡大で合意した。"),
    ("cp1251", "Министр иностранных дел провёл переговоры с послом в Москве. Стороны договорились "
               "расширить торговлю."),
    ("utf-16", "Bộ trưởng Ngoại giao Việt Nam tiếp Đại sứ Peru tại Hà Nội."),
]


@pytest.mark.parametrize(("encoding", "text"), ENCODED, ids=[e for e, _ in ENCODED])
def test_non_utf8_text_decodes_correctly(encoding: str, text: str):
    [doc] = read_bytes(("date 2022-05-04\n" + text).encode(encoding), name="a.txt", settings=Settings())
    assert isinstance(doc, SourceDocument), doc
    assert doc.text == text
    assert doc.published == "2022-05-04"


def test_html_declaring_its_charset_decodes_correctly(make_page):
    text = ("Le président du Pérou a reçu le ministre à Lima pour des entretiens économiques. "
            "Les deux côtés ont signé un accord très attendu sur le café.")
    page = make_page("Visite à Lima", [text], charset="windows-1252").encode("cp1252")
    [doc] = read_bytes(page, name="page.html", settings=Settings())
    assert isinstance(doc, SourceDocument), doc
    assert text in doc.text


# --------------------------------------------------------------------------- HTML


def test_html_without_main_text_is_rejected():
    page = ("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a> "
            "<a href='/world'>World</a> <a href='/sport'>Sport</a></nav><footer>Contact</footer></body></html>")
    [r] = read_bytes(page.encode(), name="index.html", settings=Settings())
    assert isinstance(r, Rejection) and r.source == "index.html"
    assert r.error.startswith("HTML with no main text")


@pytest.mark.parametrize("page", [b"", b"   ", b"<html></html>", b"<<<>>><!--", b"</p></div></table>"])
def test_empty_or_hopeless_html_is_rejected(page: bytes):
    [r] = read_bytes(page, name="broken.html", settings=Settings())
    assert isinstance(r, Rejection) and r.source == "broken.html"


def test_broken_html_with_readable_text_is_kept():
    page = ("<html><head><title>Talks in Jakarta</title><body><div><p>The foreign ministers of Indonesia and Chile "
            "held talks in Jakarta on Friday and agreed to widen trade in copper.<p>They also discussed "
            "<b>fisheries <i>cooperation</b> and a new air link between the two capitals.</table></div>>"
            "<p>Trade between the two countries rose by a fifth last year, officials said.")
    [doc] = read_bytes(page.encode(), name="broken.html", settings=Settings())
    assert isinstance(doc, SourceDocument), doc
    assert "agreed to widen trade in copper" in doc.text


# --------------------------------------------------------------------------- JSONL


def jsonl(*objs) -> bytes:
    return b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objs)


def test_bad_jsonl_line_is_rejected_with_its_number_and_the_rest_goes_in():
    data = jsonl({"id": "a", "text": GOOD}, b'{"id": "b", "text": "unterminated', b"[1, 2]",
                 {"id": "d", "title": "no body"}, {"id": "e", "text": "   "}, b"\xff\xfe\x00bad",
                 {"id": "f", "text": GOOD + " Again."})
    docs, rejections = split(list(read_bytes(data, name="feed.jsonl", settings=Settings())))
    assert [d.id for d in docs] == ["a", "f"]
    assert [r.source for r in rejections] == ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5",
                                              "feed.jsonl:6"]
    assert rejections[0].error.startswith("bad JSON line")
    assert rejections[1].error == "a JSON line must be an object, not list"
    assert "no 'text' or 'html' field" in rejections[2].error
    assert "empty 'text'" in rejections[3].error


def test_blank_jsonl_lines_are_skipped_but_counted():
    data = jsonl({"id": "a", "text": GOOD}) + b"\n\n" + jsonl(b"{oops")
    docs, [r] = split(list(read_bytes(data, name="f.jsonl", settings=Settings())))
    assert r.source == "f.jsonl:4"


def gz_records(n: int) -> bytes:
    return gzip.compress(jsonl(*({"id": f"r{i}", "text": f"{GOOD} Record {i}. " * 30} for i in range(n))))


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_truncated_jsonl_gz_keeps_the_lines_before_the_damage(keep: float):
    data = gz_records(200)
    docs, [r] = split(list(read_bytes(data[: int(len(data) * keep)], name="feed.jsonl.gz", settings=Settings())))
    assert 0 < len(docs) < 200
    assert [d.id for d in docs] == [f"r{i}" for i in range(len(docs))]
    assert r.source == f"feed.jsonl.gz:{len(docs) + 1}"
    assert "truncated" in r.error and f"{len(docs)} line(s) were read" in r.error


def test_corrupt_jsonl_gz_keeps_the_lines_before_the_damage():
    data = bytearray(gz_records(200))
    data[len(data) // 2: len(data) // 2 + 40] = b"\xaa" * 40
    docs, [r] = split(list(read_bytes(bytes(data), name="feed.jsonl.gz", settings=Settings())))
    assert 0 < len(docs) < 200
    assert "corrupt gzip" in r.error or "truncated" in r.error


def test_concatenated_gzip_members_are_all_read():
    data = gz_records(3) + gzip.compress(jsonl({"id": "tail", "text": GOOD}))
    docs, rejections = split(list(read_bytes(data, name="feed.jsonl.gz", settings=Settings())))
    assert rejections == [] and [d.id for d in docs] == ["r0", "r1", "r2", "tail"]


# --------------------------------------------------------------------------- WARC


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_whole_warc_is_read(make_warc, sample_pages, compressed):
    data = make_warc(sample_pages, gzip=compressed)
    docs, rejections = split(list(read_bytes(data, name="crawl.warc", settings=Settings())))
    assert rejections == []
    assert [d.url for d in docs] == [u for u, _ in sample_pages]
    assert docs[0].published == "2023-01-15" and docs[0].published_basis == "metadata"
    assert docs[0].source == "crawl.warc#https://news.example.org/story-0"


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [0.55, 0.8, 0.97])
def test_truncated_warc_keeps_the_records_before_the_damage(make_warc, sample_pages, compressed, cut):
    data = make_warc(sample_pages, gzip=compressed)
    cut_at = int(len(data) * cut)
    docs, rejections = split(list(read_bytes(data[:cut_at], name="crawl.warc.gz", settings=Settings())))
    full = [d.id for d in read_bytes(data, name="crawl.warc", settings=Settings())]
    assert [d.id for d in docs] == full[: len(docs)]
    assert 1 <= len(docs) <= 3
    [r] = rejections
    assert r.source == "crawl.warc.gz"
    assert r.error.startswith("truncated or corrupt WARC: ")
    assert "complete record(s) were read before it" in r.error


def test_warc_cut_inside_the_headers_is_reported(make_warc, sample_pages):
    data = make_warc(sample_pages, gzip=False)
    start_of_last = data.rindex(b"WARC/1.")
    docs, [r] = split(list(read_bytes(data[: start_of_last + 40], name="c.warc", settings=Settings())))
    assert len(docs) == 2
    assert r.source == "c.warc" and "cut short" in r.error


def test_not_a_warc_is_rejected():
    [r] = read_bytes(b"this is plainly not a web archive\n" * 5, name="x.warc", settings=Settings())
    assert isinstance(r, Rejection) and r.source == "x.warc" and "WARC" in r.error


def test_warc_skips_non_pages(make_warc, sample_pages):
    data = make_warc(sample_pages[:1], gzip=True) + make_warc(sample_pages[1:2], gzip=True, status="404 Not Found") \
        + make_warc([("https://news.example.org/logo", b"GIF89a")], gzip=True, content_type="image/gif")
    docs, rejections = split(list(read_bytes(data, name="c.warc.gz", settings=Settings())))
    assert rejections == [] and [d.url for d in docs] == [sample_pages[0][0]]


def test_warc_page_without_main_text_is_rejected_and_the_rest_goes_on(make_warc, sample_pages):
    pages = [sample_pages[0], ("https://news.example.org/empty", b"<html><body><nav>Home</nav></body></html>"),
             sample_pages[1]]
    docs, [r] = split(list(read_bytes(make_warc(pages, gzip=True), name="c.warc.gz", settings=Settings())))
    assert len(docs) == 2
    assert r.source == "c.warc.gz#https://news.example.org/empty"


# --------------------------------------------------------------------------- --max-bytes


def test_file_over_max_bytes_is_rejected_without_reading(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    items = read([big, small], Settings(max_bytes=200))
    assert isinstance(items[0], Rejection) and items[0].source == str(big)
    assert items[0].error == f"{big.stat().st_size} bytes is over the 200-byte limit (--max-bytes)"
    assert isinstance(items[1], SourceDocument)


def test_jsonl_record_over_max_bytes_is_rejected_and_the_rest_goes_in():
    data = jsonl({"id": "big", "text": GOOD * 10}, {"id": "small", "text": GOOD},
                 {"id": "huge", "html": "<p>" + "x" * 5000 + "</p>"}, {"id": "last", "text": GOOD})
    docs, rejections = split(list(read_bytes(data, name="f.jsonl", settings=Settings(max_bytes=200))))
    assert [d.id for d in docs] == ["small", "last"]
    assert [r.source for r in rejections] == ["f.jsonl:1", "f.jsonl:3"]
    assert all("over the 200-byte limit" in r.error for r in rejections)


def test_warc_record_over_max_bytes_is_rejected(make_warc, sample_pages):
    pages = [sample_pages[0], ("https://news.example.org/long", sample_pages[1][1] * 20)]
    limit = len(sample_pages[0][1]) + 10
    docs, [r] = split(list(read_bytes(make_warc(pages, gzip=True), name="c.warc.gz",
                                      settings=Settings(max_bytes=limit))))
    assert len(docs) == 1 and r.source == "c.warc.gz#https://news.example.org/long"
    assert "-byte limit" in r.error


def test_stdin_over_max_bytes_is_rejected():
    import io

    from legation.ingest import read_stdin

    [r] = read_stdin(settings=Settings(max_bytes=50), stream=io.BytesIO(GOOD.encode() * 3))
    assert isinstance(r, Rejection) and r.source == "<stdin>" and "over the 50-byte limit" in r.error
