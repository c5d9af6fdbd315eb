"""The packaged Alembic migrations create exactly the schema the code uses, on both backends."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from legation.errors import MigrationError
from legation.store import open_store
from legation.store.engine import parse_url
from legation.store.migrate import HEAD, head_revision
from legation.store.tables import VERSION_TABLE, metadata


def test_migrations_match_the_tables(db_url):
    open_store(db_url).close()
    engine = create_engine(parse_url(db_url))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
        diff = [d for d in compare_metadata(context, metadata)
                if not (d[0] == "remove_table" and d[1].name == VERSION_TABLE)]
        version = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
    engine.dispose()
    assert diff == []
    assert version == head_revision() == HEAD


def test_migrations_opening_twice_is_harmless(db_url):
    open_store(db_url).close()
    with open_store(db_url) as kb:
        assert kb.stats().schema_revision == head_revision()


def test_migrations_refuse_a_newer_schema(tmp_path):
    path = tmp_path / "kb.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE {VERSION_TABLE} SET version_num = '9999'")
    with pytest.raises(MigrationError, match="9999.*upgrade Legation"):
        open_store(str(path))


def test_migrations_sqlite_file_is_in_wal_mode(tmp_path):
    path = tmp_path / "kb.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_memory_store_works():
    with open_store(":memory:") as kb:
        assert kb.stats().documents == 0
