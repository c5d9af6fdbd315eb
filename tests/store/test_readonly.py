"""``legation sql`` runs on a read-only connection: reads work, every kind of write is refused."""

from __future__ import annotations

import pytest
from kbfactory import corpus

from legation.errors import StoreError
from legation.pipeline import ingest_extractions
from legation.store import open_store


@pytest.fixture
def full(kb):
    ingest_extractions(corpus(), store=kb)
    return kb


def test_query_reads_with_bound_parameters(full):
    result = full.query("SELECT name FROM people WHERE country = :c ORDER BY name", {"c": "PE"})
    assert result.columns == ["name"]
    assert ["Domingo Cabrera Toro"] in result.rows
    # a parameter is data, never SQL
    assert full.query("SELECT count(*) FROM people WHERE name = :n", {"n": "x' OR '1'='1"}).rows == [[0]]


def test_query_limit_marks_truncation(full):
    result = full.query("SELECT id FROM documents ORDER BY id", limit=2)
    assert len(result.rows) == 2 and result.truncated


@pytest.mark.parametrize("sql", [
    "DELETE FROM people",
    "UPDATE people SET name = 'x'",
    "INSERT INTO kb_state (key, value) VALUES ('a', 'b')",
    "DROP TABLE people",
    "CREATE TABLE t (x int)",
    "  delete from people",
])
def test_query_refuses_writes(full, sql):
    with pytest.raises(StoreError, match="read-only"):
        full.query(sql)
    assert full.query("SELECT count(*) FROM people").rows[0][0] > 0


def test_query_refuses_writes_hidden_in_a_cte(full):
    if full.backend == "postgresql":
        sql = "WITH d AS (DELETE FROM people RETURNING id) SELECT count(*) FROM d"
    else:
        sql = "WITH d AS (SELECT 1) DELETE FROM people"
    with pytest.raises(StoreError, match="read-only"):
        full.query(sql)
    assert full.query("SELECT count(*) FROM people").rows[0][0] > 0


def test_query_refuses_two_statements(full):
    with pytest.raises(StoreError):
        full.query("SELECT 1; DELETE FROM people")
    assert full.query("SELECT count(*) FROM people").rows[0][0] > 0


def test_query_sqlite_refuses_attach_and_pragma_writes(tmp_path):
    with open_store(str(tmp_path / "kb.db")) as kb:
        ingest_extractions(corpus(), store=kb)
        with pytest.raises(StoreError):
            kb.query(f"ATTACH DATABASE '{tmp_path / 'other.db'}' AS other")
        with pytest.raises(StoreError, match="read-only"):
            kb.query("PRAGMA query_only=OFF")
        assert not (tmp_path / "other.db").exists()
        assert kb.query("PRAGMA table_info(people)").rows


def test_query_memory_store_is_read_only_too():
    with open_store(":memory:") as kb:
        ingest_extractions(corpus(), store=kb)
        with pytest.raises(StoreError):
            kb.query("WITH d AS (SELECT 1) DELETE FROM people")
        assert kb.query("SELECT count(*) FROM people").rows[0][0] > 0
        # and the store can still write afterwards
        kb.delete_document("a-lima")


def test_query_bad_sql_is_a_clear_error(full):
    with pytest.raises(StoreError, match="SQL error"):
        full.query("SELECT nope FROM nowhere")
