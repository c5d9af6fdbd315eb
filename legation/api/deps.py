"""Request dependencies: the knowledge base and the settings.

Routes take the store with ``store: Store = Depends(get_store)``; tests swap it
with ``app.dependency_overrides[get_store] = lambda: my_store``.  The app keeps
one ``KnowledgeBase`` in ``app.state.kb``: a store given to ``create_app``, or
one opened from ``settings.db`` on first use and closed when the app shuts
down.  A server never creates a knowledge base: a missing SQLite file is an
error that says how to make one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from legation.errors import StoreError
from legation.pipeline import open_kb
from legation.settings import Settings
from legation.store import Store


class KnowledgeBase:
    """The app's store, opened once (thread-safe) and closed at shutdown when the app opened it."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self._store = store
        self._owned = store is None
        self._lock = threading.Lock()

    @property
    def url(self) -> str | None:
        return self._store.url if self._store is not None else None

    def get(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    target = self.settings.db
                    if "://" not in target and target != ":memory:" and not Path(target).expanduser().exists():
                        raise StoreError(f"no knowledge base at {target}; create one with `legation ingest PATH "
                                         f"--db {target}`")
                    self._store = open_kb(settings=self.settings)
        return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None and self._owned:
                self._store.close()
                self._store = None


def get_store(request: Request) -> Store:
    """The knowledge base of the app serving this request."""
    kb: KnowledgeBase = request.app.state.kb
    return kb.get()


def get_settings(request: Request) -> Settings:
    return request.app.state.kb.settings
