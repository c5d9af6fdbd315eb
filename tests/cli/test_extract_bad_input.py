"""`legation extract` on bad input, end to end: for each case, one stderr line
``legation: error: <input>: <reason>``, an entry in ``rejected``, the good
article of the same batch in ``documents``, and the exit status
(0 all in, 3 some rejected, 2 usage error)."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from legation.cli import cli

pytestmark = pytest.mark.slow  # runs the spaCy pipeline on the good article

GOOD = ("date 2024-03-05\nForeign Minister Ana Torres of Peru met Vietnamese Ambassador Le Thi Hoa in Lima "
        "on Monday. The two sides agreed to expand trade in coffee and copper.")


def run(args: list[str], stdin: bytes | None = None, env: dict | None = None):
    result = CliRunner().invoke(cli, ["extract", *args], input=stdin, env=env, catch_exceptions=False)
    return result


def extract(tmp_path: Path, *inputs: Path | str, args: list[str] = (), stdin: bytes | None = None):
    """Run extract with a good article beside ``inputs``; returns (exit code, output, stderr lines)."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.json"
    result = run([str(good), *map(str, inputs), "-o", str(out), *args], stdin=stdin)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() and out.stat().st_size else None
    return result.exit_code, data, result.stderr.splitlines()


def assert_rejected(tmp_path: Path, source: str, reason: str, *inputs, args=(), stdin=None, kept=()):
    """The common assertions: exit 3, one error line, one ``rejected`` entry, the rest in."""
    code, data, err = extract(tmp_path, *inputs, args=args, stdin=stdin)
    assert code == 3, err
    lines = [line for line in err if line.startswith(f"legation: error: {source}: ")]
    assert len(lines) == 1, err
    assert reason in lines[0]
    assert {"source": source, "error": lines[0].split(f"{source}: ", 1)[1]} in data["rejected"]
    ids = [d["id"] for d in data["documents"]]
    assert "good" in ids
    for doc_id in kept:
        assert doc_id in ids
    assert err[-1].startswith("legation: ") and "rejected" in err[-1]  # the closing count
    return data


def test_all_inputs_in_exit_0_and_no_stderr(tmp_path: Path):
    code, data, err = extract(tmp_path)
    assert code == 0 and err == []
    assert data["schema"] == "legation.extraction/1" and data["rejected"] == []
    [doc] = data["documents"]
    assert doc["id"] == "good" and doc["published"] == "2024-03-05" and doc["published_basis"] == "header"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/mem")
def test_unreadable_file(tmp_path: Path):
    bad = tmp_path / "unreadable.txt"
    bad.symlink_to("/proc/self/mem")
    assert_rejected(tmp_path, str(bad), "cannot read", bad)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_permission(tmp_path: Path):
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    assert_rejected(tmp_path, str(bad), "Permission denied", bad)


def test_binary_junk(tmp_path: Path):
    bad = tmp_path / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    assert_rejected(tmp_path, str(bad), "binary data, not text", bad)


def test_undecodable_text(tmp_path: Path):
    bad = tmp_path / "mystery.txt"
    bad.write_bytes(bytes([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D] * 50 + [0xFF, 0xFE, 0xC0, 0xC1] * 40))
    assert_rejected(tmp_path, str(bad), "not UTF-8", bad)


@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1252", "The Minister’s “historic” visit to Lima: naïve hopes, said Mr. Müller, as exports rose."),
    ("latin-1", "Le président du Pérou a reçu le ministre à Lima. Les deux côtés ont signé un accord."),
    ("shift_jis", "日本の外務大臣は東京でケニアの大統領と会談した。両国は貿易の拡大で合意した。"),
])
def test_non_utf8_file_goes_in_decoded(tmp_path: Path, encoding: str, text: str):
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(("date 2021-07-01\n" + text).encode(encoding))
    code, data, err = extract(tmp_path, p)
    assert code == 0 and err == []
    doc = next(d for d in data["documents"] if d["id"] == encoding)
    assert doc["text"] == text and doc["published"] == "2021-07-01"


@pytest.mark.parametrize("content", [b"", b" \n\n ", b"date 2024-01-01\n"], ids=["empty", "blank", "header-only"])
def test_empty_file(tmp_path: Path, content: bytes):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(content)
    assert_rejected(tmp_path, str(bad), "no article text", bad)


def test_html_with_no_main_text(tmp_path: Path):
    bad = tmp_path / "index.html"
    bad.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a> "
                   "<a href='/world'>World</a></nav></body></html>", encoding="utf-8")
    assert_rejected(tmp_path, str(bad), "HTML with no main text", bad)


def test_broken_html(tmp_path: Path, make_page):
    hopeless = tmp_path / "hopeless.html"
    hopeless.write_bytes(b"<html><body><div></table></p><<<>>>")
    damaged = tmp_path / "damaged.html"
    page = make_page("Talks in Jakarta", [
        "The foreign ministers of Indonesia and Chile held talks in Jakarta on Friday and agreed to "
        "widen trade in copper and palm oil.", "They also discussed <b>fisheries <i>cooperation</b> and "
        "a new air link.</table></div>>"])
    damaged.write_text(page.replace("</article></main>", ""), encoding="utf-8")  # unclosed elements
    data = assert_rejected(tmp_path, str(hopeless), "HTML with no main text", hopeless, damaged,
                           kept=["damaged"])
    doc = next(d for d in data["documents"] if d["id"] == "damaged")
    assert "widen trade in copper" in doc["text"] and "Home" not in doc["text"]


def test_bad_jsonl_line_names_its_line_and_the_other_lines_go_in(tmp_path: Path):
    bad = tmp_path / "feed.jsonl"
    bad.write_text(json.dumps({"id": "first", "text": GOOD}) + "\n{not json\n"
                   + json.dumps({"id": "third", "text": GOOD}) + "\n", encoding="utf-8")
    assert_rejected(tmp_path, f"{bad}:2", "bad JSON line", bad, kept=["first", "third"])


def test_jsonl_line_without_text_or_html(tmp_path: Path):
    bad = tmp_path / "feed.jsonl"
    bad.write_text(json.dumps({"id": "first", "text": GOOD}) + "\n"
                   + json.dumps({"id": "second", "url": "https://example.org/x"}) + "\n", encoding="utf-8")
    assert_rejected(tmp_path, f"{bad}:2", "no 'text' or 'html' field", bad, kept=["first"])


def test_truncated_jsonl_gz(tmp_path: Path):
    import random

    rng = random.Random(7)  # varied text, so that the gzip stream is long enough to cut
    words = "minister trade coffee copper talks visit Lima Hanoi export agreement delegation".split()
    lines = "".join(json.dumps({"id": f"r{i}", "text": " ".join(rng.choice(words) for _ in range(60)) + "."})
                    + "\n" for i in range(30))
    data = gzip.compress(lines.encode())
    bad = tmp_path / "feed.jsonl.gz"
    bad.write_bytes(data[: len(data) * 2 // 3])
    code, out, err = extract(tmp_path, bad)
    kept = [d["id"] for d in out["documents"] if d["id"].startswith("r")]
    assert 0 < len(kept) < 30 and kept == [f"r{i}" for i in range(len(kept))]
    assert code == 3 and "good" in [d["id"] for d in out["documents"]]
    source = f"{bad}:{len(kept) + 1}"
    [line] = [x for x in err if x.startswith("legation: error: ")]
    assert line.startswith(f"legation: error: {source}: gzip data ends inside member 1 (truncated file)")
    assert out["rejected"] == [{"source": source, "error": line.split(f"{source}: ", 1)[1]}]


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path, make_warc, sample_pages, compressed):
    data = make_warc(sample_pages, gzip=compressed)
    bad = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    bad.write_bytes(data[: int(len(data) * 0.8)])
    out = assert_rejected(tmp_path, str(bad), "truncated or corrupt WARC", bad)
    urls = [d["url"] for d in out["documents"] if d["id"] != "good"]
    assert urls == [u for u, _ in sample_pages[: len(urls)]] and 1 <= len(urls) < 3
    assert all(d["source"] == f"{bad}#{d['url']}" for d in out["documents"] if d["id"] != "good")


def test_file_over_max_bytes(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 20, encoding="utf-8")
    assert_rejected(tmp_path, str(big), "-byte limit (--max-bytes)", big, args=["--max-bytes", "1000"])


def test_jsonl_record_over_max_bytes(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "huge", "text": GOOD * 20}) + "\n"
                    + json.dumps({"id": "fine", "text": GOOD}) + "\n", encoding="utf-8")
    assert_rejected(tmp_path, f"{feed}:1", "over the 1000-byte limit", feed, args=["--max-bytes", "1000"],
                    kept=["fine"])


def test_missing_path(tmp_path: Path):
    missing = tmp_path / "nowhere" / "article.txt"
    assert_rejected(tmp_path, str(missing), "no such file or folder", missing)


def test_stdin_is_read_as_one_article(tmp_path: Path):
    code, data, err = extract(tmp_path, "-", stdin=GOOD.replace("2024-03-05", "2024-03-06").encode())
    assert code == 0 and err == []
    stdin_doc = next(d for d in data["documents"] if d["id"] != "good")
    assert stdin_doc["source"] == "<stdin>" and stdin_doc["published"] == "2024-03-06"
    assert len(stdin_doc["id"]) == 16  # a hash of the text: stable, and unique per article


def test_empty_stdin_is_rejected(tmp_path: Path):
    assert_rejected(tmp_path, "<stdin>", "no article text", "-", stdin=b"")


def test_stdin_as_jsonl(tmp_path: Path):
    feed = json.dumps({"id": "piped", "text": GOOD}) + "\n{broken\n"
    assert_rejected(tmp_path, "<stdin>:2", "bad JSON line", "-", args=["--stdin-format", "jsonl"],
                    stdin=feed.encode(), kept=["piped"])


def test_quiet_prints_nothing_but_still_exits_3(tmp_path: Path):
    code, data, err = extract(tmp_path, tmp_path / "missing.txt", args=["--quiet"])
    assert code == 3 and err == [] and len(data["rejected"]) == 1


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.txt"], ["--max-bytes", "0", "x.txt"],
                                  ["--stdin-format", "pdf", "-"], ["--no-such-option", "x.txt"]])
def test_usage_errors_exit_2(args: list[str]):
    result = run(args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr or "Error:" in result.stderr


def test_bad_environment_setting_is_a_usage_error(tmp_path: Path):
    result = run([str(tmp_path)], env={"LEGATION_MAX_BYTES": "lots"})
    assert result.exit_code == 2 and "LEGATION_MAX_BYTES" in result.stderr


def test_unwritable_output_is_one_line_error(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run([str(good), "-o", str(tmp_path / "no" / "such" / "dir" / "out.json")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "out.json" in result.stderr


def test_two_documents_with_one_id_get_a_warning_but_both_go_in(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(GOOD, encoding="utf-8")
    code, data, err = extract(tmp_path, tmp_path / "a", tmp_path / "b")
    assert code == 0
    assert [d["id"] for d in data["documents"]] == ["good", "report", "report"]
    assert err == [f"legation: warning: {tmp_path / 'b' / 'report.txt'}: its id 'report' is also the id of "
                   f"{tmp_path / 'a' / 'report.txt'}"]
