"""Run the packaged Alembic migrations on an open connection, with no alembic.ini.

Why programmatic: a user runs ``legation ingest`` against a new or older
knowledge base and expects it to work; the store brings the schema to the
newest revision when it opens, inside one transaction (both SQLite and
PostgreSQL have transactional DDL), and records it in ``_legation_migrations``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from legation.errors import MigrationError
from legation.store.tables import VERSION_TABLE, metadata

if TYPE_CHECKING:  # Alembic is imported when a store opens, not with the package (CLI start-up time)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: the newest revision in migrations/versions (a test keeps it in step); a database already at it
#: opens without loading Alembic at all
HEAD = "0001"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def _recorded(conn: Connection) -> str | None:
    """The revision in the version table, read without Alembic; None when there is no table yet."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def current_revision(conn: Connection) -> str | None:
    """The schema revision recorded in the database, or None for an empty one."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> str:
    """Bring the schema of ``conn``'s database to ``target``; returns the revision reached.

    The caller owns the transaction.  A database made by a newer Legation (an
    unknown revision) is refused with a clear message rather than touched.
    """
    if target == "head" and _recorded(conn) == HEAD:
        return HEAD
    from alembic.runtime.environment import EnvironmentContext

    script = script_directory()
    current = current_revision(conn)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise MigrationError(f"the knowledge base has schema revision {current!r}, which this version of "
                             f"Legation does not know (newest known: {head_revision()!r}); upgrade Legation")
    if current == script.get_current_head() and target == "head":
        return current

    def _upgrade(rev, _context):  # noqa: ANN001 - Alembic callback
        return script._upgrade_revs(target, rev)

    cfg = _config()
    try:
        with EnvironmentContext(cfg, script, fn=_upgrade, destination_rev=target) as env:
            env.configure(connection=conn, target_metadata=metadata, version_table=VERSION_TABLE,
                          transactional_ddl=True)
            env.run_migrations()
    except MigrationError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure here is a failed migration; re-wrapped
        raise MigrationError(f"schema migration to {target} failed: {type(exc).__name__}: {exc}") from exc
    reached = current_revision(conn)
    return reached or ""
