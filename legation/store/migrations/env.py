"""Alembic environment, used by the ``alembic`` command line (developers).

At run time Legation does not go through this file: ``legation.store.migrate``
drives the same scripts on an open connection.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from legation.store.tables import VERSION_TABLE, metadata

config = context.config

if context.is_offline_mode():  # pragma: no cover - developer tool
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      version_table=VERSION_TABLE, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:  # pragma: no cover - developer tool
    connectable = config.attributes.get("connection") or engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() if hasattr(connectable, "connect") else connectable as connection:
        context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
