"""One exception tree for everything Legation raises on purpose.

::

    LegationError
    ├── ConfigError                 a setting or option has a value we cannot use
    ├── IngestError                 an input could not be turned into a document
    │   ├── UnsupportedFormat       no reader for this kind of file
    │   ├── DecodeError             bytes that are not text in any encoding we can detect
    │   └── EmptyDocument           readable, but no article text in it
    ├── PipelineError               the NLP pipeline failed
    │   ├── ModelNotFound           no spaCy pipeline under the asked-for name
    │   └── ComponentError          one component raised on one document
    ├── ResolutionError             cross-document identity could not be decided
    └── StoreError                  the knowledge base refused an operation
        ├── NotFound
        ├── Conflict
        └── MigrationError

Why one tree: the CLI turns any ``LegationError`` into a one-line message and an
exit status, the API turns it into one JSON error shape with ``http_status``, and
the batch runner records it against the document that caused it.  Foreign
exceptions (sqlite3, lxml, warcio, gzip) are wrapped at the boundary with
``raise ... from exc`` so users never see a bare library traceback.
"""

from __future__ import annotations


class LegationError(Exception):
    """Base of every error Legation raises on purpose."""

    http_status = 500
    code = "L000"

    def __init__(self, message: str, *, source: str | None = None, doc_id: str | None = None,
                 component: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.doc_id = doc_id
        self.component = component

    def __str__(self) -> str:
        where = self.source or self.doc_id
        return f"{where}: {self.message}" if where else self.message


class ConfigError(LegationError):
    """A setting has a value we cannot use; the message names it and lists valid ones."""

    http_status = 400
    code = "L001"


class IngestError(LegationError):
    """An input could not be turned into a document."""

    http_status = 422
    code = "L010"


class UnsupportedFormat(IngestError):
    code = "L011"


class DecodeError(IngestError):
    code = "L012"


class EmptyDocument(IngestError):
    code = "L013"


class TooLarge(IngestError):
    code = "L014"


class PipelineError(LegationError):
    code = "L020"


class ModelNotFound(PipelineError):
    code = "L021"


class ComponentError(PipelineError):
    code = "L022"


class ResolutionError(LegationError):
    code = "L030"


class StoreError(LegationError):
    code = "L040"


class NotFound(StoreError):
    http_status = 404
    code = "L041"


class Conflict(StoreError):
    http_status = 409
    code = "L042"


class MigrationError(StoreError):
    code = "L043"
