"""Page tests share the API tests' knowledge base (invented articles, hand-built) and app."""

from __future__ import annotations

from api.conftest import client, kb, kb_path  # noqa: F401 - fixtures
