"""Orchestration: readers -> NLP -> (optionally) the store.  No logic of its own.

``extract`` takes one text; ``extract_files`` takes paths and returns an
``ExtractionRun``: iterate it for ``Extraction``s, and read ``run.rejected`` for
the inputs that could not be read or analysed (each with a one-line reason).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from legation import ingest, nlp
from legation.errors import EmptyDocument, LegationError
from legation.ingest.jsonl import content_id, iso_date
from legation.models import Extraction, ExtractionSet, Rejected, Rejection, SourceDocument
from legation.settings import Settings

__all__ = ["ExtractionRun", "extract", "extract_documents", "extract_files"]


def extract(text: str, *, published: str | None = None, doc_id: str | None = None,
            settings: Settings | None = None, source: str = "<text>") -> Extraction:
    """Extract one article given as a string.

    :param text: the article text
    :param published: ISO publication date, the base for relative dates
    :param doc_id: the document id (default: a hash of the text)
    """
    settings = settings or Settings.from_env()
    if not text.strip():
        raise EmptyDocument("no article text", source=source)
    day = iso_date(published) if published else None
    if published and not day:
        raise LegationError(f"published={published!r} is not an ISO date (YYYY-MM-DD)", source=source)
    doc = SourceDocument(id=doc_id or content_id(text), source=source, text=text, published=day,
                         published_basis="metadata" if day else None)
    for result in nlp.analyse([doc], settings):
        if isinstance(result, Rejection):
            raise LegationError(result.error, source=source)
        return result
    raise LegationError("the pipeline returned nothing", source=source)  # pragma: no cover


class ExtractionRun:
    """An iterator of ``Extraction``s that also collects what was rejected.

    ``on_reject`` is called with each ``Rejection`` as it happens (the CLI prints
    its one-line error there); ``on_read`` with each document read (progress).
    """

    def __init__(self, items: Iterable[SourceDocument | Rejection], settings: Settings, *,
                 on_reject: Callable[[Rejection], None] | None = None,
                 on_read: Callable[[SourceDocument], None] | None = None) -> None:
        self.rejected: list[Rejection] = []
        self.settings = settings
        self._on_reject = on_reject
        self._on_read = on_read
        self._iter = self._run(items)

    def __iter__(self) -> Iterator[Extraction]:
        return self

    def __next__(self) -> Extraction:
        return next(self._iter)

    def _reject(self, item: Rejection) -> None:
        self.rejected.append(item)
        if self._on_reject:
            self._on_reject(item)

    def _documents(self, items: Iterable[SourceDocument | Rejection]) -> Iterator[SourceDocument]:
        for item in items:
            if isinstance(item, Rejection):
                self._reject(item)
            else:
                if self._on_read:
                    self._on_read(item)
                yield item

    def _run(self, items: Iterable[SourceDocument | Rejection]) -> Iterator[Extraction]:
        for result in nlp.analyse(self._documents(items), self.settings):
            if isinstance(result, Rejection):
                self._reject(result)
            else:
                yield result

    def collect(self) -> ExtractionSet:
        """Run to the end and return the whole contract object."""
        documents = list(self)
        return ExtractionSet(documents=documents,
                             rejected=[Rejected(source=r.source, error=r.error) for r in self.rejected])


def extract_files(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  on_reject: Callable[[Rejection], None] | None = None,
                  on_read: Callable[[SourceDocument], None] | None = None,
                  stdin_kind: str = ".txt") -> ExtractionRun:
    """Extract every article in files, folders (recursively) and ``-`` (stdin).

    :param paths: files, folders or ``-``
    :param on_reject: called with each input that could not be read or analysed
    """
    settings = settings or Settings.from_env()
    items = ingest.iter_documents(paths, settings=settings, stdin_kind=stdin_kind)
    return ExtractionRun(items, settings, on_reject=on_reject, on_read=on_read)


def extract_documents(docs: Iterable[SourceDocument], *, settings: Settings | None = None) -> ExtractionRun:
    """Extract already-read documents (used by the batch runner and tests)."""
    return ExtractionRun(docs, settings or Settings.from_env())
