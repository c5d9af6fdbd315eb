"""Foreign database errors become ``StoreError``s with messages a user can act on (one boundary)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc as sa_exc

from legation.errors import Conflict, LegationError, StoreError
from legation.store.engine import database_errors


def _raise(error: Exception) -> None:
    with database_errors("writing to kb.db", doc_id="d1"):
        raise error


@pytest.mark.parametrize("error, kind, words", [
    (sa_exc.IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed: documents.seq")),
     Conflict, "conflicts with stored data"),
    (sa_exc.OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked")),
     StoreError, "another process is writing"),
    (sa_exc.OperationalError("INSERT", {}, sqlite3.OperationalError("attempt to write a readonly database")),
     StoreError, "read-only"),
    (sa_exc.OperationalError("connect", {}, Exception("connection to server failed")),
     StoreError, "check the --db URL"),
    (sa_exc.ProgrammingError("SELECT", {}, Exception("syntax error")), StoreError, "syntax error"),
    (sa_exc.ArgumentError("bad argument"), StoreError, "bad argument"),
])
def test_errors_are_mapped(error, kind, words):
    with pytest.raises(kind) as info:
        _raise(error)
    assert words in str(info.value)
    assert str(info.value).startswith("d1: writing to kb.db")
    assert isinstance(info.value, LegationError) and info.value.__cause__ is error
    assert "\n" not in str(info.value)


def test_errors_store_errors_pass_through():
    original = StoreError("already ours")
    with pytest.raises(StoreError) as info:
        _raise(original)
    assert info.value is original


def test_errors_conflict_is_http_409():
    assert Conflict("x").http_status == 409
