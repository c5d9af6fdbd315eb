"""The JSON API over a real SQLite knowledge base: every resource, its filters, and what it returns."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.corpus import PAYLOADS


def _ok(client: TestClient, path: str, **params) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    return body


def _person_id(client: TestClient, name: str) -> int:
    items = _ok(client, "/api/people", q=name)["items"]
    assert len(items) == 1, items
    return items[0]["id"]


def test_api_index_counts_and_lists_endpoints(client: TestClient, kb):
    body = _ok(client, "/api")
    assert body["stats"]["documents"] == kb.stats().documents == 6
    paths = {e["path"] for e in body["endpoints"]}
    assert {"/api/documents", "/api/people/{person_id}", "/api/events", "/api/series", "/api/search",
            "/api/checks", "/api/pairs/{pair}"} <= paths
    assert _ok(client, "/api/")["stats"] == body["stats"]


def test_api_openapi_describes_every_resource(client: TestClient):
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "Legation"
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/people", "/api/people/{person_id}",
                 "/api/organizations", "/api/organizations/{organization_id}", "/api/places",
                 "/api/places/{place_id}", "/api/events", "/api/events/{event_id}", "/api/figures", "/api/series",
                 "/api/checks", "/api/warnings", "/api/search", "/api/pairs", "/api/pairs/{pair}"):
        assert set(spec["paths"][path]) == {"get"}, path  # read-only: GET only
    events = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"pair", "kind", "since", "until", "person", "organization", "q", "sort", "limit", "offset"} <= events
    assert not any(p.startswith(("/people", "/events", "/documents")) for p in spec["paths"])  # pages are not API


def test_api_documents_list_and_detail(client: TestClient):
    body = _ok(client, "/api/documents")
    assert body["total"] == 6 and body["sort"] == "-published"
    published = [d["published"] for d in body["items"]]
    assert published == sorted(published, reverse=True)
    lima = _ok(client, "/api/documents/a-lima")["item"]
    assert lima["title"] == "City delegation visits Lima"
    assert lima["text"].startswith("On August 22, Vice Chairman")
    assert {p["name"] for p in lima["extraction"]["people"]} == {"Nguyen Van Dung", "Domingo Cabrera Toro"}
    assert set(lima["people"]) == {"P1", "P2"}  # local id -> resolved person id
    figure = lima["extraction"]["figures"][0]
    assert figure["from"] == "Ho Chi Minh City"  # the contract's own field name
    assert [d["id"] for d in _ok(client, "/api/documents", q="Politburo")["items"]] == ["c-hanoi"]
    assert {d["id"] for d in _ok(client, "/api/documents", since="2024-03", until="2024-03-31")["items"]} == \
        {"x-hostile"}


def test_api_people_filters_and_detail(client: TestClient, kb):
    body = _ok(client, "/api/people", country="pe")
    assert {p["name"] for p in body["items"]} == {"Domingo Cabrera Toro", "Luis Alberto Villanueva Carbajal"}
    luis = _person_id(client, "villanueva")
    record = _ok(client, f"/api/people/{luis}")["item"]
    assert record == kb.person(luis).model_dump(mode="json", by_alias=True)
    assert any(r["title"].startswith("Secretary General of the Peruvian Communist Party") for r in record["roles"])
    assert {m["doc_id"] for m in record["mentions"]} == {"c-hanoi", "d-short"}
    assert record["links"] and record["links"][0]["rule"]
    assert _ok(client, "/api/people", q="Nguyễn")["items"][0]["name"] == "Nguyen Van Dung"  # accents ignored


def test_api_organizations_and_places(client: TestClient):
    orgs = _ok(client, "/api/organizations", q="PCP")["items"]
    assert [o["name"] for o in orgs] == ["Peruvian Communist Party"]
    record = _ok(client, f"/api/organizations/{orgs[0]['id']}")["item"]
    assert any("Villanueva Carbajal" in holder["person"]["name"] for holder in record["people"])
    places = _ok(client, "/api/places", country="NZ")["items"]
    assert {p["name"] for p in places} == {"Wellington", "New Zealand"}
    wellington = next(p for p in places if p["name"] == "Wellington")
    place = _ok(client, f"/api/places/{wellington['id']}")["item"]
    assert [e["date_start"] for e in place["events"]] == ["2024-03-04"]


def test_api_events_filters(client: TestClient):
    all_events = _ok(client, "/api/events")
    assert all_events["total"] == 7 and all_events["sort"] == "date"
    pair = _ok(client, "/api/events", pair="VN-PE")
    assert pair["total"] == 3 and all({"PE", "VN"} <= set(e["countries"]) for e in pair["items"])
    assert _ok(client, "/api/events", pair="pe-vn")["total"] == 3  # either order, any case
    assert [e["kind"] for e in _ok(client, "/api/events", pair="VN-PE", kind="visit")["items"]] == ["visit"]
    both = _ok(client, "/api/events", pair="VN-PE", kind=["visit", "reception"])
    assert both["total"] == 2 and both == _ok(client, "/api/events", pair="VN-PE", kind="visit,reception")
    assert _ok(client, "/api/events", encounters="true")["total"] == 7
    dated = _ok(client, "/api/events", since="2023-11-10", until="2024-03")["items"]
    assert [e["date_start"] for e in dated] == ["2023-11-09", "2023-11-10", "2024-03-04"]  # the visit ran to 11-19
    luis = _person_id(client, "villanueva")
    assert {e["kind"] for e in _ok(client, "/api/events", person=luis)["items"]} == {"visit", "reception"}
    pcp = _ok(client, "/api/organizations", q="Peruvian Communist Party")["items"][0]["id"]
    assert _ok(client, "/api/events", organization=pcp)["total"] == 2
    assert [e["place"] for e in _ok(client, "/api/events", q="wellington")["items"]] == ["Wellington"]
    assert _ok(client, "/api/events", q="hosted a reception")["items"][0]["date_start"] == "2023-11-10"
    assert _ok(client, "/api/events", person=999_999)["total"] == 0


def test_api_event_detail_has_every_source_with_codes(client: TestClient):
    lima = _ok(client, "/api/events", q="lima")["items"][0]
    record = _ok(client, f"/api/events/{lima['id']}")["item"]
    assert record["n_sources"] == 2
    assert {s["doc_id"] for s in record["sources"]} == {"a-lima", "b-lima"}
    assert {s["kind"] for s in record["sources"]} == {"meeting", "reception"}
    assert all(s["plover_type"] == "CONSULT" for s in record["sources"])
    source = next(s for s in record["sources"] if s["doc_id"] == "a-lima")
    text = _ok(client, "/api/documents/a-lima")["item"]["text"]
    ev = source["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"]  # evidence points into the document's text


def test_api_figures_and_series(client: TestClient):
    figures = _ok(client, "/api/figures", measure="exports")
    assert figures["total"] == 4
    periods = [f["period_start"] for f in figures["items"]]
    assert periods == sorted(periods)
    assert {f["from"] for f in figures["items"]} == {"Ho Chi Minh City", "Chile"}
    assert _ok(client, "/api/figures", document="x-hostile")["total"] == 2
    series = _ok(client, "/api/series", **{"from": "HCMC", "to": "peru"})["items"]  # initials and any case
    assert len(series) == 1 and series[0]["label"] == "exports: Ho Chi Minh City → Peru"
    points = series[0]["points"]
    assert [p["document"] for p in points] == ["a-lima", "b-lima"] and {p["value"] for p in points} == {23e6}
    assert points[0]["evidence"].startswith("Exports from Ho Chi Minh City")
    chile = _ok(client, "/api/series", **{"from": "Chile"})["items"][0]
    assert [p["period_start"] for p in chile["points"]] == ["2022-01-01", "2023-01-01"]


def test_api_checks_warnings_search_pairs(client: TestClient):
    checks = _ok(client, "/api/checks")
    assert checks["total"] == 2 and {c["kind"] for c in checks["items"]} == {"acronym_mismatch"}
    assert _ok(client, "/api/checks", kind="figure_conflict")["total"] == 0
    warnings = _ok(client, "/api/warnings")
    assert [w["doc_id"] for w in warnings["items"]] == ["x-hostile", "c-hanoi"]
    assert _ok(client, "/api/warnings", document="c-hanoi")["items"][0]["evidence"]["text"] == "CPC"
    hits = _ok(client, "/api/search", q="cabrera")["items"]
    assert ("person", "Domingo Cabrera Toro") in {(h["kind"], h["label"]) for h in hits}
    only = _ok(client, "/api/search", q="lima", kind="document")["items"]
    assert only and {h["kind"] for h in only} == {"document"}
    pairs = _ok(client, "/api/pairs")["items"]
    assert [(p["a"], p["b"]) for p in pairs][:2] == [("AR", "CL"), ("PE", "VN")]
    picture = _ok(client, "/api/pairs/VN-PE")
    assert (picture["a"], picture["b"]) == ("VN", "PE")
    assert [e["date_start"] for e in picture["events"]] == ["2023-11-09", "2023-11-10", "2024-08-22"]
    assert {p["person"]["name"] for p in picture["people"]["VN"]} == {"Nguyen Van Dung", "Tran Tuan Anh"}
    assert picture["series"][0]["label"] == "exports: Ho Chi Minh City → Peru"


def test_api_returns_hostile_text_as_data(client: TestClient):
    """JSON carries article text as it is (escaping is the pages' job); and it is served as JSON, never HTML."""
    response = client.get("/api/documents/x-hostile")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    item = response.json()["item"]
    assert item["title"] == PAYLOADS["title"] and PAYLOADS["body"] in item["text"]
    assert item["url"] == PAYLOADS["url"]


def test_api_store_dependency_can_be_overridden(kb_path):
    """Tests (and embedders) swap the store through the one dependency, for the API and the pages alike."""
    from fastapi.testclient import TestClient

    from legation.api import create_app
    from legation.api.deps import get_store
    from legation.settings import Settings
    from legation.store import open_store

    app = create_app(Settings(db="/nonexistent/never-opened.db"))
    with open_store(":memory:") as empty:
        app.dependency_overrides[get_store] = lambda: empty
        with TestClient(app) as client:
            assert client.get("/api/people").json()["total"] == 0
            assert client.get("/").status_code == 200
