"""Run the packaged Alembic migrations on an open connection, with no alembic.ini.

Why programmatic: a user runs ``legation ingest`` against a new or older
knowledge base and expects it to work; the store brings the schema to the
newest revision when it opens, inside one transaction (both SQLite and
PostgreSQL have transactional DDL), and records it in ``_legation_migrations``.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from legation.errors import MigrationError
from legation.store.tables import VERSION_TABLE, metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    """The schema revision recorded in the database, or None for an empty one."""
    return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> str:
    """Bring the schema of ``conn``'s database to ``target``; returns the revision reached.

    The caller owns the transaction.  A database made by a newer Legation (an
    unknown revision) is refused with a clear message rather than touched.
    """
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
