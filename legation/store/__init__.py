"""The knowledge base: documents and their facts, resolved entities, analyst decisions.

``open_store(db)`` opens (and creates or migrates) a knowledge base and returns
a ``Store`` (see ``legation.store.base`` for the Protocol and
``legation.store.records`` for what queries return).  SQLAlchemy and psycopg
are imported only inside this package.

    >>> from legation.store import open_store
    >>> with open_store("kb.db") as kb:
    ...     page = kb.events(between=("VN", "PE"), since="2023-01-01")
"""

from __future__ import annotations

import os

from legation.store._rows import content_hash
from legation.store.base import MAX_LIMIT, SORTS, Outcome, ResolutionSummary, Store, Stored
from legation.store.sql import SQLStore

__all__ = ["MAX_LIMIT", "SORTS", "Outcome", "ResolutionSummary", "SQLStore", "Store", "Stored", "content_hash",
           "open_store"]


def open_store(db: str | os.PathLike[str] = "legation.db") -> Store:
    """Open the knowledge base at ``db``: a file path (SQLite), ``:memory:``, or a SQLAlchemy URL.

    The schema is created or migrated to the newest revision on open.

    :param db: ``legation.db``, ``sqlite:///kb.db``, ``postgresql+psycopg://user@host/dbname``
    :raises ConfigError: the URL names an unsupported database
    :raises StoreError: the database cannot be opened or migrated
    """
    return SQLStore(os.fspath(db))
