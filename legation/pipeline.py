"""Orchestration: readers -> NLP -> (optionally) the store.  No logic of its own.

``extract`` takes one text; ``extract_files`` takes paths and returns an
``ExtractionRun``: iterate it for ``Extraction``s, and read ``run.rejected`` for
the inputs that could not be read or analysed (each with a one-line reason).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from legation import ingest, nlp
from legation import resolve as _resolve
from legation.errors import ConfigError, EmptyDocument, LegationError, NotFound
from legation.ingest.jsonl import content_id, iso_date
from legation.models import Decision, Extraction, ExtractionSet, Rejected, Rejection, SourceDocument
from legation.settings import Settings
from legation.store import Outcome, ResolutionSummary, Store, content_hash, open_store

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


# --------------------------------------------------------------------------- knowledge base (#6)
# ingest = read -> skip unchanged (content hash, before the NLP runs) -> extract
# -> store in batches (one transaction each) -> resolve identities (one
# transaction).  A crash between batches leaves whole documents; a crash
# before resolution leaves the store marked stale, and the next run resolves.

@dataclass(slots=True)
class IngestReport:
    """What an ingest run did; skips are counted by reason, rejected inputs listed with their error."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    resolution: ResolutionSummary | None = None

    @property
    def stored(self) -> int:
        return self.added + self.replaced

    def line(self) -> str:
        parts = [f"{self.added} added", f"{self.replaced} replaced", f"{self.unchanged} unchanged"]
        if self.rejected:
            parts.append(f"{len(self.rejected)} rejected")
        text = ", ".join(parts) + f" in {self.seconds:.1f}s"
        if self.resolution is not None:
            r = self.resolution
            text += (f"; {r.people} people, {r.organizations} organizations, {r.places} places, "
                     f"{r.events} events, {r.findings} findings")
        return text


def open_kb(db: str | Path | None = None, *, settings: Settings | None = None) -> Store:
    """Open the knowledge base named by ``db``, else ``settings.db`` (env ``LEGATION_DB``)."""
    settings = settings or Settings.from_env()
    return open_store(db if db is not None else settings.db)


def _source_hash(doc: SourceDocument) -> str:
    return content_hash(doc.text, title=doc.title, url=doc.url, published=doc.published,
                        published_basis=doc.published_basis)


def needs_resolution(store: Store) -> bool:
    """Documents changed since the last resolution, or the resolver (code, vocabulary) changed."""
    return store.stale() or store.state("resolver") != _resolve.fingerprint()


def resolve_store(store: Store) -> ResolutionSummary:
    """Recompute identities, role histories and checks over the whole knowledge base (one transaction)."""
    return store.update_resolution(_resolve.resolve)


def _store_batches(store: Store, extractions: Iterable[Extraction], report: IngestReport, batch_size: int,
                   hashes: dict[str, str], on_stored: Callable[[str, Outcome], None] | None,
                   on_reject: Callable[[Rejection], None] | None = None) -> None:
    batch: list[Extraction] = []

    def flush() -> None:
        sources = {e.id: e.source for e in batch}
        for stored in store.put(batch, hashes={e.id: hashes[e.id] for e in batch if e.id in hashes}):
            if stored.outcome is Outcome.REJECTED:
                rejection = Rejection(sources.get(stored.doc_id, stored.doc_id), stored.error or "not stored",
                                      kind="store")
                report.rejected.append(rejection)
                if on_reject:
                    on_reject(rejection)
            else:
                setattr(report, stored.outcome.value, getattr(report, stored.outcome.value) + 1)
            if on_stored:
                on_stored(stored.doc_id, stored.outcome)
        batch.clear()

    for ex in extractions:
        batch.append(ex)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()


def ingest_extractions(extractions: Iterable[Extraction | Rejection], *, store: Store, batch_size: int = 64,
                       resolve: bool = True, on_reject: Callable[[Rejection], None] | None = None,
                       on_stored: Callable[[str, Outcome], None] | None = None) -> IngestReport:
    """Store already-extracted documents (from ``legation extract`` output or a batch run), then resolve.

    :param batch_size: documents per transaction
    :param resolve: recompute identities at the end when anything changed (or the store was stale)
    """
    started = time.perf_counter()
    report = IngestReport()

    def documents() -> Iterator[Extraction]:
        seen: dict[str, str] = {}
        for item in extractions:
            if not isinstance(item, Rejection) and seen.setdefault(item.id, item.source) != item.source:
                item = Rejection(item.source, f"its document id {item.id!r} is also the id of "
                                 f"{seen[item.id]}, stored already in this run", kind="duplicate")
            if isinstance(item, Rejection):
                report.rejected.append(item)
                if on_reject:
                    on_reject(item)
            else:
                yield item

    _store_batches(store, documents(), report, max(1, batch_size), {}, on_stored, on_reject)
    if resolve and (report.stored or needs_resolution(store)):
        report.resolution = resolve_store(store)
    report.seconds = time.perf_counter() - started
    return report


def ingest_files(paths: Iterable[str | Path], *, store: Store, settings: Settings | None = None, force: bool = False,
           resolve: bool = True, on_reject: Callable[[Rejection], None] | None = None,
           on_read: Callable[[SourceDocument], None] | None = None,
           on_stored: Callable[[str, Outcome], None] | None = None, stdin_kind: str = ".txt") -> IngestReport:
    """Extract articles from files, folders or stdin into the knowledge base, then resolve identities.

    Documents whose content is already stored are skipped before the NLP runs
    (``force`` re-extracts them, e.g. after a model upgrade; unchanged output
    still changes nothing).  Each batch of ``settings.batch_size`` documents is
    one transaction; rejected inputs are reported and the run goes on.
    """
    settings = settings or Settings.from_env()
    started = time.perf_counter()
    report = IngestReport()
    hashes: dict[str, str] = {}

    def changed(items: Iterable[SourceDocument | Rejection]) -> Iterator[SourceDocument | Rejection]:
        chunk: list[SourceDocument] = []

        def drain() -> Iterator[SourceDocument]:
            known = {} if force else store.content_hashes(d.id for d in chunk)
            for d in chunk:
                digest = _source_hash(d)
                if known.get(d.id) == digest:
                    report.unchanged += 1
                    if on_stored:
                        on_stored(d.id, Outcome.UNCHANGED)
                    continue
                hashes[d.id] = digest
                yield d
            chunk.clear()

        seen: dict[str, str] = {}
        for item in items:
            if isinstance(item, Rejection):
                yield item
                continue
            first = seen.setdefault(item.id, item.source)
            if first != item.source:
                # two inputs, one id (a/report.txt and b/report.txt): storing both would make each
                # run replace the other, forever; the first one read keeps the id
                yield Rejection(item.source, f"its document id {item.id!r} is also the id of {first}, "
                                "stored already in this run; rename one file or give JSONL records ids",
                                kind="duplicate")
                continue
            if any(d.id == item.id for d in chunk):
                continue  # the same input named twice
            chunk.append(item)
            if len(chunk) >= 64:
                yield from drain()
        yield from drain()

    stream = changed(ingest.iter_documents(paths, settings=settings, stdin_kind=stdin_kind))
    head: list[SourceDocument | Rejection] = []
    for item in stream:  # look for a document to extract before loading the NLP pipeline
        head.append(item)
        if isinstance(item, SourceDocument):
            break
    if any(isinstance(item, SourceDocument) for item in head):
        run = ExtractionRun(itertools.chain(head, stream), settings, on_reject=on_reject, on_read=on_read)
        try:
            _store_batches(store, run, report, settings.batch_size, hashes, on_stored, on_reject)
        finally:
            report.rejected = list(run.rejected) + report.rejected
    else:  # nothing new: no model to load
        for item in head:
            report.rejected.append(item)  # type: ignore[arg-type]
            if on_reject:
                on_reject(item)  # type: ignore[arg-type]
    if resolve and (report.stored or needs_resolution(store)):
        report.resolution = resolve_store(store)
    report.seconds = time.perf_counter() - started
    return report


def read_extractions(paths: Iterable[str | Path]) -> Iterator[Extraction | Rejection]:
    """Documents from extraction files written by ``legation extract`` (json or jsonl), streamed.

    A file or line that is not a legation extraction becomes a ``Rejection``
    naming it; the other documents go on.
    """
    for path in paths:
        p = Path(path)
        try:
            with p.open(encoding="utf-8") as fh:
                head = fh.read(200)
                fh.seek(0)
                if head.lstrip().startswith("{") and '"documents"' in head:
                    try:
                        data = ExtractionSet.model_validate_json(fh.read())
                    except ValueError as exc:
                        yield Rejection(str(p), f"not a legation extraction file ({str(exc).splitlines()[0]})",
                                        kind="extraction")
                        continue
                    yield from data.documents
                    continue
                for n, line in enumerate(fh, start=1):
                    if line.strip():
                        try:
                            yield Extraction.model_validate_json(line)
                        except ValueError as exc:
                            yield Rejection(f"{p}:{n}", "not a legation extraction "
                                            f"({str(exc).splitlines()[0]})", kind="extraction")
        except (OSError, UnicodeDecodeError) as exc:
            yield Rejection(str(p), f"cannot read: {getattr(exc, 'strerror', None) or exc}", kind="extraction")


_ANCHOR_BY_NAME = {"person", "organization", "place"}


def _anchors(store: Store, kind: str, entity_id: int) -> list[tuple[str, str]]:
    records = store.anchors(kind, entity_id)  # type: ignore[arg-type]
    if kind in _ANCHOR_BY_NAME:
        return sorted({(ref[0], label) for ref, label in records})
    return sorted({ref for ref, _label in records})


def _drop_contradicted(store: Store, kind: str, action: str, side_a: set, side_b: set) -> None:
    """An analyst's newer decision wins: drop older opposite decisions between the same records."""
    for d in store.decisions():
        if d.kind != kind or d.action == action:
            continue
        members = set(map(tuple, d.group_a)) | set(map(tuple, d.group_b))
        if action == "merge":
            if set(map(tuple, d.group_a)) & (side_a | side_b) and set(map(tuple, d.group_b)) & (side_a | side_b):
                store.remove_decision(d.id)
        elif members & side_a and members & side_b:
            store.remove_decision(d.id)


def merge_entities(store: Store, kind: str, ids: Sequence[int], *, note: str | None = None) -> int:
    """Join entities an analyst says are one; the decision is stored and survives re-ingest.

    :returns: the id of the merged entity
    """
    if kind not in ("person", "organization", "place", "event"):
        raise ConfigError(f"cannot merge {kind!r}; valid kinds: person, organization, place, event")
    if len(set(ids)) < 2:
        raise ConfigError("merge needs at least two different ids")
    groups = [_anchors(store, kind, i) for i in ids]
    side_a = set(groups[0])
    side_b = {a for g in groups[1:] for a in g}
    _drop_contradicted(store, kind, "merge", side_a, side_b)
    store.add_decision(Decision(action="merge", kind=kind, group_a=sorted(side_a), group_b=sorted(side_b),
                                note=note))  # type: ignore[arg-type]
    resolve_store(store)
    return _entity_of(store, kind, groups[0])


def split_entity(store: Store, kind: str, entity_id: int, *, records: Sequence[str], note: str | None = None
                 ) -> tuple[int, int]:
    """Separate some records of an entity from the rest; the decision is stored and survives re-ingest.

    :param records: which records go apart: names as written ("Villanueva Carbajal"), document ids, or
        ``DOC_ID:LOCAL_ID``
    :returns: the ids of the two entities after the split
    """
    if kind not in ("person", "organization", "place", "event"):
        raise ConfigError(f"cannot split {kind!r}; valid kinds: person, organization, place, event")
    refs = store.anchors(kind, entity_id)  # type: ignore[arg-type]
    wanted = {r.casefold() for r in records}
    chosen = [(ref, label) for ref, label in refs
              if label.casefold() in wanted or ref[0].casefold() in wanted or f"{ref[0]}:{ref[1]}".casefold() in wanted]
    rest = [(ref, label) for ref, label in refs if (ref, label) not in chosen]
    listing = "; ".join(f"{ref[0]}:{ref[1]} '{label}'" for ref, label in refs)
    if not chosen:
        raise NotFound(f"none of {', '.join(records)} is a record of {kind} {entity_id}; its records: {listing}")
    if not rest:
        raise ConfigError(f"that would move every record of {kind} {entity_id}; its records: {listing}")

    def anchor(ref: tuple[str, str], label: str) -> tuple[str, str]:
        return (ref[0], label) if kind in _ANCHOR_BY_NAME else ref

    side_a = {anchor(r, lab) for r, lab in chosen}
    side_b = {anchor(r, lab) for r, lab in rest} - side_a
    if not side_b:
        raise ConfigError(f"the records to move and the rest have the same names; name records as DOC_ID:LOCAL_ID "
                          f"({listing})")
    _drop_contradicted(store, kind, "split", side_a, side_b)
    store.add_decision(Decision(action="split", kind=kind, group_a=sorted(side_a), group_b=sorted(side_b),
                                note=note))  # type: ignore[arg-type]
    resolve_store(store)
    return _entity_of(store, kind, sorted(side_b)), _entity_of(store, kind, sorted(side_a))


def _entity_of(store: Store, kind: str, anchors: Sequence[tuple[str, str]]) -> int:
    """The current entity id of the first record named by ``anchors``."""
    doc_id, name = anchors[0]
    record = store.document(doc_id)
    field_name = {"person": "people", "organization": "organizations", "place": "places", "event": "events"}[kind]
    mapping = getattr(record, field_name)
    items = getattr(record.extraction, field_name)
    for item in items:
        label = item.id if kind == "event" else item.name
        if (kind == "event" and item.id == name) or (kind != "event" and label.casefold() == name.casefold()):
            if item.id in mapping:
                return mapping[item.id]
    raise NotFound(f"no {kind} record {doc_id}:{name} after resolution")


__all__ += ["IngestReport", "ingest_extractions", "ingest_files", "merge_entities", "needs_resolution", "open_kb",
            "read_extractions", "resolve_store", "split_entity"]
