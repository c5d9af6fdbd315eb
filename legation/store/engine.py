"""Database URLs, engines and the one place foreign database errors become ``StoreError``.

``--db`` takes a file path (a SQLite knowledge base) or a SQLAlchemy URL
(``sqlite:///kb.db``, ``postgresql+psycopg://user@host/db``).  SQLite files run
in WAL mode, so readers (``legation events``, the web API) never block the
writer and a killed writer leaves the last committed transaction intact.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import StaticPool

from legation.errors import ConfigError, Conflict, StoreError

SUPPORTED = ("sqlite", "postgresql")


def parse_url(db: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for ``--db``: a path becomes ``sqlite:///path``; ``postgresql://`` uses psycopg 3."""
    raw = os.fspath(db).strip()
    if not raw:
        raise ConfigError("setting 'db' is empty; give a file path or a SQLAlchemy URL "
                          "(sqlite:///legation.db, postgresql+psycopg://user@host/db)")
    if raw == ":memory:":
        return make_url("sqlite://")
    if "://" not in raw:
        return make_url("sqlite:///" + str(Path(raw).expanduser()))
    try:
        url = make_url(raw)
    except sa_exc.ArgumentError as exc:
        raise ConfigError(f"--db {raw!r} is not a database URL ({exc})") from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED:
        raise ConfigError(f"--db {url.render_as_string(hide_password=True)!r}: unsupported database "
                          f"{backend!r}; supported: {', '.join(SUPPORTED)}")
    if backend == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def display(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL, *, read_only: bool = False) -> Engine:
    """An engine with the pragmas and settings the store relies on.

    SQLite: WAL journal, foreign keys on, a busy timeout so a reader waits for
    a writer's commit instead of failing, ``synchronous=NORMAL`` (durable in
    WAL mode up to the last checkpoint; a crash loses at most the last
    transactions, never consistency).  Read-only engines open the file with
    ``mode=ro`` and ``query_only``.  PostgreSQL read-only engines start every
    transaction ``READ ONLY``.
    """
    backend = url.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, read_only=read_only)
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("PostgreSQL needs psycopg: pip install 'legation[postgres]'") from exc
        engine = create_engine(url, pool_pre_ping=True,
                               connect_args={"application_name": "legation"},
                               execution_options={"postgresql_readonly": True} if read_only else {})
        return engine
    raise ConfigError(f"unsupported database {backend!r}; supported: {', '.join(SUPPORTED)}")


def _sqlite_engine(url: URL, *, read_only: bool) -> Engine:
    memory = is_memory(url)
    if memory:
        # one connection shared by every user of this engine: an in-memory database lives in it
        engine = create_engine("sqlite://", poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        path = Path(url.database).expanduser()
        if read_only:
            if not path.exists():
                raise StoreError(f"no knowledge base at {path}; create one with `legation ingest PATH --db {path}`")
            target = f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"
        else:
            if path.parent and not path.parent.exists():
                raise StoreError(f"cannot create the knowledge base {path}: folder {path.parent} does not exist")
            target = f"sqlite:///{path}"
        # a small pool: connecting runs the pragmas, and an idle WAL connection holds no lock
        engine = create_engine(target, pool_size=2, max_overflow=8, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API connection
        # let SQLAlchemy, not the sqlite3 module, decide where transactions begin
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory and not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
            dbapi_conn.set_authorizer(_read_only_authorizer)
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # noqa: ANN001
        # BEGIN IMMEDIATE for writers: take the write lock up front, so two
        # writers queue on busy_timeout instead of deadlocking on lock upgrade
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


_SQLITE_PRAGMA, _SQLITE_ATTACH, _SQLITE_DETACH = 19, 24, 25
_SQLITE_OK, _SQLITE_DENY = 0, 1
#: pragmas whose argument names what to read, not a value to set
_READ_PRAGMAS = {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                 "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}


def _read_only_authorizer(action: int, arg1: str | None, arg2: str | None, _db: str | None,
                          _trigger: str | None) -> int:
    """Deny what query_only does not: attaching other files, and setting pragmas."""
    if action in (_SQLITE_ATTACH, _SQLITE_DETACH):
        return _SQLITE_DENY
    if action == _SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READ_PRAGMAS:
        return _SQLITE_DENY
    return _SQLITE_OK


@contextlib.contextmanager
def database_errors(where: str, *, doc_id: str | None = None) -> Iterator[None]:
    """Turn SQLAlchemy / driver errors into ``StoreError`` (``Conflict`` for integrity errors).

    The one boundary for foreign database exceptions (STYLE rule 9): messages
    name the database and say what to do.
    """
    try:
        yield
    except StoreError:
        raise
    except sa_exc.IntegrityError as exc:
        raise Conflict(f"{where}: the database refused a write that conflicts with stored data "
                       f"({_first_line(exc)})", doc_id=doc_id) from exc
    except sa_exc.OperationalError as exc:
        message = _first_line(exc)
        hint = ""
        low = message.lower()
        if "locked" in low or "busy" in low:
            hint = "; another process is writing to it, retry when it is done"
        elif "readonly" in low or "read-only" in low or "read only" in low:
            hint = "; this connection is read-only"
        elif "connect" in low or "connection" in low:
            hint = "; check the --db URL and that the server is running"
        raise StoreError(f"{where}: {message}{hint}", doc_id=doc_id) from exc
    except sa_exc.SQLAlchemyError as exc:
        raise StoreError(f"{where}: {_first_line(exc)}", doc_id=doc_id) from exc


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
