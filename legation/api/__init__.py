"""The JSON API and web pages over a knowledge base (FastAPI).

``create_app(settings)`` builds the app (no import-time side effects); routers
per resource live in ``legation.api.routers``, request dependencies
(``get_store``, overridable in tests) in ``deps``, response models in
``schemas``, the one error shape in ``errors``.  The pages are
``legation.web``.  ``legation serve`` runs it with uvicorn (``server.serve``).
"""

from __future__ import annotations

from legation.api.app import create_app

__all__ = ["create_app"]
