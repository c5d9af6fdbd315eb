"""Invented articles for the API and page tests, as hand-built ``Extraction``s (no spaCy model needed).

``api_corpus()`` = the knowledge-base factory's four Vietnam-Peru articles, a
crowd of Chilean and Argentine officials meeting on the same days (ties for
the sort and paging tests), and an article whose text, names, title, URL and
figures carry HTML and script payloads (the escaping tests).  Names and
numbers are invented.
"""

from __future__ import annotations

from kbfactory import Article, corpus

from legation.models import Extraction, Title

#: what the hostile article tries to run; tests assert that none of it does and that it shows as text
PAYLOADS = {
    "body": '<script>alert("xss-body")</script>',
    "img": '<img src=x onerror=alert("xss-img")>',
    "name": 'Eve <b onmouseover=alert("xss-name")>Mallory</b>',
    "title": '<script>alert("xss-title")</script> Trade envoys meet',
    "job": 'Minister <svg onload=alert("xss-job")>',
    "org": 'Ministry of <iframe src=javascript:alert("xss-org")>',
    "url": 'javascript:alert("xss-url")',
    "warning": '<script>alert("xss-warning")</script> is not an acronym',
}


def hostile_article(doc_id: str = "x-hostile") -> Extraction:
    """A Chile-New Zealand meeting whose every text field carries HTML or a script (invented)."""
    a = Article(doc_id, published="2024-03-05", title=PAYLOADS["title"])
    a.say(f'Wellington - {PAYLOADS["body"]} New Zealand Trade Minister {PAYLOADS["name"]} met officials of the '
          f'{PAYLOADS["org"]} and Chilean Foreign Minister Juan Soto in Wellington on March 4. {PAYLOADS["img"]}',
          "Exports from Chile to New Zealand reached US$80 million in 2023, the ministers said <script>alert(3)</script>.",
          "Soto said Chile exported US$95 million to New Zealand in 2022.")
    org = a.org(PAYLOADS["org"], country="NZ", kind="ministry")
    eve = a.person(PAYLOADS["name"], "NZ", titles=[Title(text=PAYLOADS["job"], role="Minister", organization=org)])
    soto = a.person("Juan Soto", "CL", titles=[Title(text="Chilean Foreign Minister", role="Foreign Minister")])
    a.place("Wellington", kind="city", country="NZ")
    a.place("Chile", kind="country", country="CL")
    a.place("New Zealand", kind="country", country="NZ")
    a.event("meeting", "2024-03-04", [eve, soto], place="Wellington", country="NZ",
            evidence=f'New Zealand Trade Minister {PAYLOADS["name"]} met')
    a.figure("exports", "Chile", "New Zealand", 80_000_000.0, period=("2023-01-01", "2023-12-31", "2023"),
             evidence="Exports from Chile to New Zealand reached US$80 million in 2023, the ministers said "
                      "<script>alert(3)</script>.")
    a.figure("exports", "Chile", "New Zealand", 95_000_000.0, period=("2022-01-01", "2022-12-31", "2022"),
             evidence="Soto said Chile exported US$95 million to New Zealand in 2022.")
    a.warning("acronym_mismatch", PAYLOADS["warning"], evidence=PAYLOADS["body"])
    ex = a.build()
    return ex.model_copy(update={"url": PAYLOADS["url"]})


def crowd_article(doc_id: str = "y-crowd", n: int = 7) -> Extraction:
    """Seven Chilean and Argentine officials at three meetings on one day: ties for sorting (invented)."""
    a = Article(doc_id, published="2022-06-02", title="Andean officials meet in Santiago")
    names = [f"Official{chr(ord('A') + i)} Fuentes" for i in range(n)]
    a.say(*(f"{name} attended the meetings in Santiago on June 1." for name in names))
    ids = [a.person(name, "CL" if i % 2 else "AR", titles=[Title(text="Vice Minister", role="Vice Minister")])
           for i, name in enumerate(names)]
    a.place("Santiago", kind="city", country="CL")
    for k in range(3):
        a.event("meeting", "2022-06-01", ids[k:k + 3], place="Santiago", country="CL",
                evidence=f"{names[k]} attended")
    return a.build()


def api_corpus() -> list[Extraction]:
    return [*corpus(), crowd_article(), hostile_article()]
