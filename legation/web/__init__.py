"""Server-rendered pages over a knowledge base (Jinja2, SVG charts, one local stylesheet).

``make_router(get_store)`` gives the pages as a FastAPI router, which
``legation.api.create_app`` mounts beside the JSON API; ``render_error`` is
the HTML face of the API's error shape.  Article text is untrusted: templates
autoescape, and the only HTML built in Python (``highlight``, ``charts``)
escapes every piece of text it takes from an article.
"""

from __future__ import annotations

from legation.web.views import make_router, render_error

__all__ = ["make_router", "render_error"]
