"""Every failure has one shape: {"ok": false, "error": str, "errors": [...], "status": N} (STYLE rule 11)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from legation.api import create_app
from legation.api.deps import get_store
from legation.api.schemas import ErrorResponse
from legation.errors import ConfigError, NotFound
from legation.settings import Settings


def assert_error_shape(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}, body
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"].strip()
    assert body["errors"] and all(set(e) == {"message", "location", "code"} for e in body["errors"])
    ErrorResponse.model_validate(body)
    assert "Traceback" not in response.text
    return body


@pytest.mark.parametrize("path", ["/api/people/999999", "/api/organizations/999999", "/api/places/999999",
                                  "/api/events/999999", "/api/documents/no-such-document",
                                  "/api/pairs/VN-PE/extra", "/api/nothing-here", "/api/people/1/2"])
def test_error_shape_not_found(client: TestClient, path: str):
    body = assert_error_shape(client.get(path), 404)
    assert body["errors"][0]["code"] in ("L041", "L051")


def test_error_shape_not_found_names_the_record_without_the_server_path(client: TestClient, kb_path):
    body = assert_error_shape(client.get("/api/people/999999"), 404)
    assert body["error"] == "no person 999999"
    assert str(kb_path) not in client.get("/api/documents/nope").text


@pytest.mark.parametrize(("path", "location"), [
    ("/api/people?limit=0", "query.limit"),
    ("/api/people?limit=1001", "query.limit"),
    ("/api/people?offset=-1", "query.offset"),
    ("/api/people?sort=salary", "query.sort"),
    ("/api/events?sort=-", "query.sort"),
    ("/api/events?pair=VNM-PER", "query.pair"),
    ("/api/events?since=yesterday", "query.since"),
    ("/api/events?until=2024-8-1", "query.until"),
    ("/api/events?person=abc", "query.person"),
    ("/api/events?organization=0", "query.organization"),
    ("/api/people?country=Peru", "query.country"),
    ("/api/figures?measure=gdp", "query.measure"),
    ("/api/search", "query.q"),
    ("/api/search?q=", "query.q"),
    ("/api/search?q=x&kind=planet", "query.kind.0"),
    ("/api/people/abc", "path.person_id"),
    ("/api/events/0", "path.event_id"),
    ("/api/pairs/Vietnam-Peru", "path.pair"),
])
def test_error_shape_invalid_parameters_are_422_naming_each(client: TestClient, path: str, location: str):
    body = assert_error_shape(client.get(path), 422)
    assert location in [e["location"] for e in body["errors"]], body
    assert body["error"].startswith("invalid request: ")


def test_error_shape_lists_every_invalid_parameter(client: TestClient):
    body = assert_error_shape(client.get("/api/events?limit=0&offset=-2&since=soon"), 422)
    assert {e["location"] for e in body["errors"]} == {"query.limit", "query.offset", "query.since"}


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_error_shape_writes_are_refused(client: TestClient, method: str):
    response = getattr(client, method)("/api/people")
    body = assert_error_shape(response, 405)
    assert "read-only" in body["error"]
    assert "GET" in response.headers.get("allow", "")


class _Exploding:
    """A store whose every query fails the way a given exception does."""

    url = "sqlite:///exploding.db"

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __getattr__(self, name: str):
        def fail(*_a, **_k):
            raise self.exc
        return fail


@pytest.mark.parametrize(("exc", "status"), [(NotFound("gone"), 404), (ConfigError("bad setting"), 400),
                                             (RuntimeError("boom"), 500)])
def test_error_shape_for_library_errors_and_bugs(exc: Exception, status: int, caplog):
    app = create_app(Settings(db="unused.db"))
    app.dependency_overrides[get_store] = lambda: _Exploding(exc)
    with TestClient(app, raise_server_exceptions=False) as client:
        body = assert_error_shape(client.get("/api/people"), status)
    if status == 500:
        assert "boom" not in body["error"] and "RuntimeError" in body["error"]  # no internals beyond the type
        assert any("unexpected error" in r.message for r in caplog.records)  # the server log has the details
    else:
        assert str(exc) in body["error"]


def test_error_shape_missing_knowledge_base_is_explained(tmp_path):
    missing = tmp_path / "none.db"
    with TestClient(create_app(Settings(db=str(missing)))) as client:
        body = assert_error_shape(client.get("/api/people"), 500)
    assert "legation ingest" in body["error"]
    assert not missing.exists()  # a server never creates an empty knowledge base


def test_error_shape_pages_get_an_html_error_with_the_same_status(client: TestClient):
    for path, status in [("/people/999999", 404), ("/people/abc", 404), ("/no/such/page", 404),
                         ("/documents/nope", 404), ("/pairs/XX-QQ", 404), ("/events?offset=-1", 422)]:
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>" in response.text and "Traceback" not in response.text


def test_error_shape_is_documented_in_openapi(client: TestClient):
    spec = client.get("/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    person = spec["paths"]["/api/people/{person_id}"]["get"]["responses"]
    assert person["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
