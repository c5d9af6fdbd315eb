"""Pagination and stable sort: following `next` visits every item once, in the order of one big page,
for every list and every sort key, ascending and descending; ties break by id."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from legation.store import SORTS

LISTS = {"documents": "/api/documents", "people": "/api/people", "organizations": "/api/organizations",
         "places": "/api/places", "events": "/api/events"}
CASES = [(resource, sort) for resource in LISTS for key in SORTS[resource] for sort in (key, f"-{key}")]


def _walk(client: TestClient, path: str, **params) -> list[dict]:
    """Every item, following `next` links from the first page."""
    items: list[dict] = []
    url, seen_pages = path, 0
    query = dict(params)
    while url:
        body = client.get(url, params=query).json()
        assert body["ok"] is True, body
        items.extend(body["items"])
        url, query = body["next"], None
        seen_pages += 1
        assert seen_pages < 100
    return items


@pytest.mark.parametrize(("resource", "sort"), CASES, ids=[f"{r}:{s}" for r, s in CASES])
def test_paging_follows_next_through_every_item_once(client: TestClient, resource: str, sort: str):
    path = LISTS[resource]
    whole = client.get(path, params={"sort": sort, "limit": 1000}).json()
    assert whole["next"] is None and whole["previous"] is None
    walked = _walk(client, path, sort=sort, limit=2)
    ident = [i["id"] for i in walked]
    assert ident == [i["id"] for i in whole["items"]], "pages differ from one big page"
    assert len(set(ident)) == len(ident) == whole["total"]


@pytest.mark.parametrize(("resource", "sort"), CASES, ids=[f"{r}:{s}" for r, s in CASES])
def test_paging_sorts_by_the_key_then_id(client: TestClient, resource: str, sort: str):
    key = sort.lstrip("-")
    desc = sort.startswith("-")
    column = {"published": "published", "date": "date_start", "name": "name"}.get(key, key)
    items = client.get(LISTS[resource], params={"sort": sort, "limit": 1000}).json()["items"]
    present = [i for i in items if i.get(column) is not None]
    absent = [i for i in items if i.get(column) is None]
    assert items == present + absent, "missing values sort last"
    if column == "name":  # names sort by their folded form; check ties and direction loosely
        return
    for a, b in zip(present, present[1:], strict=False):
        ka, kb_ = a[column], b[column]
        assert (ka >= kb_) if desc else (ka <= kb_), (a, b)
        if ka == kb_:  # ties break by id, in the same direction
            assert (a["id"] > b["id"]) if desc else (a["id"] < b["id"]), (a, b)


def test_paging_ties_are_stable_across_requests(client: TestClient):
    """Seven people share n_documents=1 (and three events one date): every request pages them alike."""
    first = [i["id"] for i in _walk(client, "/api/people", sort="-n_documents", limit=3)]
    again = [i["id"] for i in _walk(client, "/api/people", sort="-n_documents", limit=4)]
    assert first == again
    events = [e["id"] for e in _walk(client, "/api/events", sort="date", limit=1)]
    same_day = [e["id"] for e in client.get("/api/events", params={"since": "2022-06-01",
                                                                   "until": "2022-06-01"}).json()["items"]]
    assert len(same_day) == 3 and same_day == sorted(same_day)
    assert events[:3] == same_day


def test_paging_links_keep_the_filters_and_step_back(client: TestClient):
    page2 = client.get("/api/events", params={"pair": "VN-PE", "limit": 1, "offset": 1}).json()
    assert page2["total"] == 3 and page2["offset"] == 1
    assert "pair=VN-PE" in page2["next"] and "offset=2" in page2["next"] and "limit=1" in page2["next"]
    back = client.get(page2["previous"]).json()
    assert back["offset"] == 0 and back["previous"] is None
    last = client.get(page2["next"]).json()
    assert last["next"] is None and len(last["items"]) == 1
    beyond = client.get("/api/events", params={"offset": 500}).json()
    assert beyond["items"] == [] and beyond["total"] == 7 and beyond["next"] is None
