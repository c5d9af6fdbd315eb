"""Legation: diplomatic and trade news into an auditable knowledge base.

    >>> import legation
    >>> result = legation.extract("On May 3 the minister met ...", published="2024-05-04")
    >>> result.people, result.events, result.figures
    >>> store = legation.open_store("kb.db")
    >>> legation.ingest_files(["articles/"], store=store)
"""

from __future__ import annotations

import logging

from legation.errors import (
    ConfigError,
    IngestError,
    LegationError,
    NotFound,
    PipelineError,
    StoreError,
)
from legation.models import (
    Event,
    Extraction,
    ExtractionSet,
    Figure,
    Organization,
    Person,
    Place,
)
from legation.pipeline import ExtractionRun, extract, extract_files, ingest_files
from legation.settings import Settings
from legation.store import open_store

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Event",
    "Extraction",
    "ExtractionRun",
    "ExtractionSet",
    "Figure",
    "IngestError",
    "LegationError",
    "NotFound",
    "Organization",
    "Person",
    "PipelineError",
    "Place",
    "Settings",
    "StoreError",
    "__version__",
    "extract",
    "extract_files",
    "ingest_files",
    "open_store",
]

logging.getLogger("legation").addHandler(logging.NullHandler())
