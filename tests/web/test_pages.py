"""The server-rendered pages over the real app and knowledge base (no browser): content, links, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from api.corpus import PAYLOADS
from fastapi.testclient import TestClient

TEMPLATES = Path(__file__).resolve().parents[2] / "legation" / "web" / "templates"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_data(self, data):  # noqa: ANN001
        self.text.append(data)


def get_page(client: TestClient, path: str, status: int = 200) -> tuple[str, _Page]:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    page = _Page()
    page.feed(response.text)
    return response.text, page


def _person(client: TestClient, q: str) -> int:
    return client.get("/api/people", params={"q": q}).json()["items"][0]["id"]


def test_pages_every_kind_of_page_renders(client: TestClient, kb):
    event = kb.events(limit=1).items[0].id
    org = kb.organizations(limit=1).items[0].id
    place = kb.places(limit=1).items[0].id
    paths = ["/", "/pairs/VN-PE", f"/people/{_person(client, 'villanueva')}", f"/organizations/{org}",
             f"/places/{place}", f"/events/{event}", "/documents/a-lima", "/search?q=lima", "/checks", "/docs",
             "/people", "/organizations", "/places", "/events", "/documents", "/events?pair=VN-PE&kind=visit"]
    for path in paths:
        html, page = get_page(client, path)
        assert "<title>" in html and 'href="/static/style.css' in html, path
        assert not [t for t, _a in page.tags if t == "script"], path  # pages carry no scripts


def test_pages_every_internal_link_resolves(client: TestClient):
    """Crawl from the overview (two levels): every link to a page of ours answers 200, every #anchor exists."""
    seen: dict[str, _Page] = {}
    frontier = ["/"]
    for _depth in range(2):
        nxt = []
        for path in frontier:
            if path in seen:
                continue
            _html, page = get_page(client, path)
            seen[path] = page
            for href in page.links:
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith(("/api", "/static", "/openapi.json")):
                    continue
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                nxt.append(target)
        frontier = nxt
    for path in frontier:
        if path not in seen:
            seen[path] = get_page(client, path)[1]
    assert len(seen) > 25
    for path, page in seen.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.fragment and not parts.scheme and parts.path:
                address = unquote(parts.path) + (f"?{parts.query}" if parts.query else "")
                target = seen.get(address) or get_page(client, address)[1]
                assert parts.fragment in target.ids, f"{path} links to {href}, which has no #{parts.fragment}"


def test_pages_pair_has_timeline_chart_network_and_sides(client: TestClient, kb):
    html, page = get_page(client, "/pairs/VN-PE")
    events = kb.events(between=("VN", "PE")).items
    timeline = re.search(r'<svg class="chart timeline".*?</svg>', html, re.S).group(0)
    assert timeline.count('<circle class="ev') == len([e for e in events if e.date_start]) == 3
    trade = re.search(r'<svg class="chart trade".*?</svg>', html, re.S).group(0)
    assert trade.count('class="pt ') == 2  # the two outlets' 2023 export figures
    assert "/documents/a-lima?at=" in trade
    assert 'class="chart network"' in html
    assert "Who's who: Vietnam" in html and "Who's who: Peru" in html
    assert get_page(client, "/pairs/ZZ-QQ", 404)
    assert client.get("/pairs/vn-pe", follow_redirects=False).headers["location"] == "/pairs/VN-PE"


def test_pages_event_links_each_source_to_its_sentence(client: TestClient, kb):
    lima = kb.events(q="lima").items[0]
    record = kb.event(lima.id)
    html, page = get_page(client, f"/events/{lima.id}")
    for source in record.sources:
        ev = source.evidence
        href = f"/documents/{source.doc_id}?at={ev.start}-{ev.end}#at-{ev.start}-{ev.end}"
        assert href in page.links
        doc_html, doc = get_page(client, f"/documents/{source.doc_id}")
        assert f"at-{ev.start}-{ev.end}" in doc.ids
        mark = re.search(rf'<mark class="fact[^"]*"><span class="anchor" id="at-{ev.start}-{ev.end}"></span>(.*?)</mark>',
                         doc_html, re.S)
        assert mark and ev.text in re.sub(r"<[^>]+>", "", mark.group(1))
    assert "CONSULT" in html and "Engage in" in html or "Consult" in html or "visit" in html


def test_pages_document_marks_every_fact(client: TestClient, kb):
    record = kb.document("a-lima")
    html, page = get_page(client, "/documents/a-lima")
    for ev in record.extraction.events:
        assert f"at-{ev.evidence.start}-{ev.evidence.end}" in page.ids
    for fig in record.extraction.figures:
        assert f"at-{fig.evidence.start}-{fig.evidence.end}" in page.ids
    assert "fig-0" in page.ids and "ent-P1" in page.ids
    people = {a.get("href") for t, a in page.tags if t == "a" and "m-person" in (a.get("class") or "")}
    assert people == {f"/people/{pid}" for pid in record.people.values()}
    body = html[html.index('<div class="article-text"'):html.index("</article>")]
    assert body.count('class="m m-date"') == 0  # the hand-built article has no dates: nothing invented
    assert body.count('class="m m-person"') >= len(record.extraction.people)


@pytest.mark.parametrize("path", ["/documents/x-hostile", "/people/{eve}", "/pairs/CL-NZ", "/events/{event}",
                                  "/organizations/{org}", "/search?q=mallory", "/checks", "/",
                                  "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/people?q=%3Cb%3E"])
def test_pages_escape_hostile_article_text(client: TestClient, kb, path: str):
    eve = _person(client, "mallory")
    event = kb.events(person=eve).items[0].id
    org = kb.organizations(q="iframe").items[0].id
    html, page = get_page(client, path.format(eve=eve, event=event, org=org))
    for name, payload in PAYLOADS.items():
        if name != "url":
            assert payload not in html, f"{name} payload unescaped on {path}"
    assert "<script" not in html.lower() and "<iframe" not in html.lower() and "<img src=x" not in html.lower()
    assert not [a for _t, a in page.tags if any(k.startswith("on") for k in a)], "an event handler attribute"
    assert not [h for h in page.links if h.strip().lower().startswith(("javascript:", "data:"))]
    if path.startswith("/documents"):
        text = "".join(page.text)
        assert PAYLOADS["body"] in text and PAYLOADS["img"] in text  # shown literally
        assert PAYLOADS["url"] in text  # the unsafe URL is shown as text, not linked


def test_pages_send_a_strict_content_security_policy(client: TestClient):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'none'" in policy and "default-src 'none'" in policy
    assert client.get("/static/style.css").status_code == 200


def test_pages_templates_never_mark_text_safe():
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "Markup" not in source, template.name
        assert "autoescape false" not in source, template.name


def test_pages_lists_filter_sort_and_page(client: TestClient):
    html, page = get_page(client, "/people?sort=-n_documents")
    assert "1–13 of 13" in html
    first = [a for a in page.links if a.startswith("/people/")][0]
    assert first in {f"/people/{_person(client, n)}" for n in ("villanueva", "cabrera", "nguyen van dung")}
    html, page = get_page(client, "/events?pair=VN-PE")
    assert "1–3 of 3" in html and "/pairs/VN-PE" in page.links
    html, _ = get_page(client, "/people?sort=nonsense")  # an unknown sort falls back to the default
    assert "1–13 of 13" in html


def test_pages_api_reference_lists_every_endpoint(client: TestClient):
    html, _page = get_page(client, "/docs")
    spec = client.get("/openapi.json").json()
    for path in spec["paths"]:
        assert f"<code>{path}</code>" in html, path
