"""The API under test: the real app (``create_app``) over a real SQLite knowledge base, built once per
session from invented articles through the same store path as ``legation ingest --extracted``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.corpus import api_corpus
from legation.api import create_app
from legation.pipeline import ingest_extractions
from legation.settings import Settings
from legation.store import open_store


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "kb.db"
    with open_store(path) as store:
        report = ingest_extractions(api_corpus(), store=store)
        assert report.added == len(api_corpus()) and not report.rejected
    return path


@pytest.fixture(scope="session")
def client(kb_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(kb_path)))) as c:
        yield c


@pytest.fixture(scope="session")
def kb(kb_path: Path):
    """The same knowledge base, opened directly (to compare the API with the store)."""
    store = open_store(kb_path)
    yield store
    store.close()
