"""Alembic migrations of the knowledge base, packaged with the code.

They run programmatically when a store is opened (``legation.store.migrate``);
no ``alembic.ini`` is needed at run time.  Developers add a revision with::

    .venv/bin/alembic -c legation/store/migrations/alembic.ini revision -m "what changes"

and write its ``upgrade()`` by hand, keeping ``legation/store/tables.py`` in
step (``tests/store/test_migrations.py`` compares the two on both backends).
"""
