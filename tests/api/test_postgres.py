"""The same API over PostgreSQL: a real server started by the tests, the same invented articles, the same
answers as over SQLite."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from store.conftest import pg_server, pg_url  # noqa: F401 - fixtures

from api.corpus import api_corpus
from legation.api import create_app
from legation.pipeline import ingest_extractions
from legation.settings import Settings
from legation.store import open_store

pytestmark = pytest.mark.postgres

PATHS = ["/api/documents", "/api/documents/a-lima", "/api/people?sort=-n_documents", "/api/people?q=nguyen",
         "/api/organizations", "/api/places?country=NZ", "/api/events", "/api/events?pair=VN-PE&since=2023-11",
         "/api/events?q=lima", "/api/figures?measure=exports", "/api/series", "/api/checks", "/api/warnings",
         "/api/search?q=lima", "/api/pairs", "/api/pairs/VN-PE", "/api/events?limit=2&offset=2&sort=-date"]


def _comparable(value):  # noqa: ANN001, ANN202 - JSON
    """The JSON without what differs by nature between two knowledge bases: ingest times."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in ("ingested_at", "updated_at")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def test_postgres_api_answers_as_sqlite_does(pg_url: str, client: TestClient):  # noqa: F811
    with open_store(pg_url) as store:
        ingest_extractions(api_corpus(), store=store)
    with TestClient(create_app(Settings(db=pg_url))) as pg:
        for path in PATHS:
            a, b = client.get(path), pg.get(path)
            assert a.status_code == b.status_code == 200, (path, b.text[:300])
            assert _comparable(a.json()) == _comparable(b.json()), path
        assert pg.get("/api/people/999999").json()["status"] == 404
        for page in ("/", "/pairs/VN-PE", "/documents/x-hostile", "/search?q=lima"):
            assert pg.get(page).status_code == 200, page
        stats = pg.get("/api").json()["stats"]
        assert stats["backend"] == "postgresql" and stats["documents"] == 6
