"""Readers: files, folders and streams in, ``SourceDocument``s (or ``Rejection``s) out.

No NLP and no database here.  A reader yields a ``Rejection`` for an input it
cannot read and carries on, so one bad line or record never loses the rest of
a batch.  Why suffix dispatch: news arrives as loose .txt/.html files, JSON
lines exported by scrapers, and WARC crawls; the suffix is the only signal that
is cheap, predictable and overridable (``--stdin-format`` for standard input).

Readers take a binary stream, not bytes: a single-article reader reads at most
``max_bytes + 1`` bytes, and container readers (JSONL, WARC) stream record by
record, so a multi-gigabyte crawl never sits in memory.

Ids (the contract's rule): a file's stem; a JSONL line's ``id``, else a hash of
its URL or text; a WARC record's hash of its target URI; standard input's hash
of its URL or text.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from legation.errors import IngestError, UnsupportedFormat
from legation.ingest._limits import limit_message
from legation.ingest.html import read_html
from legation.ingest.jsonl import read_jsonl
from legation.ingest.text import read_text
from legation.ingest.warc import read_warc
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

Item = SourceDocument | Rejection
#: (stream, source name, document id or None for a content hash, settings) -> items
Reader = Callable[[BinaryIO, str, "str | None", Settings], Iterator[Item]]

#: suffix -> reader; longest suffix wins (".jsonl.gz" before ".gz").
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}
#: containers hold many articles, so --max-bytes applies to each record, not the file.
CONTAINERS = frozenset({".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz"})
#: how standard input is named in ``source`` and error lines
STDIN = "<stdin>"

__all__ = ["READERS", "STDIN", "Item", "iter_documents", "read_bytes", "read_path", "read_stream",
           "reader_for", "stem_of"]


def reader_for(name: str) -> tuple[str, Reader]:
    """The suffix and reader for a file name; ``UnsupportedFormat`` lists the valid ones."""
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return suffix, READERS[suffix]
    raise UnsupportedFormat(
        "no reader for this file type; supported: " + ", ".join(sorted(READERS)), source=name)


def stem_of(path: Path, suffix: str) -> str:
    """The document id of a single-article file: its name without the reader's suffix."""
    name = path.name
    return name[: -len(suffix)] if name.lower().endswith(suffix) else path.stem


def _walk(path: Path) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
            try:
                reader_for(child.name)
            except UnsupportedFormat:
                continue  # folders hold README files, images...; only named files must be readable
            yield child


def _guard(items: Iterator[Item], source: str) -> Iterator[Item]:
    """Turn an ``IngestError`` escaping a reader into a rejection of that input."""
    try:
        yield from items
    except IngestError as exc:
        yield Rejection(exc.source or source, exc.message)


def read_stream(stream: BinaryIO, *, name: str, settings: Settings, source: str | None = None,
                doc_id: str | None = None) -> Iterator[Item]:
    """Read a binary stream with the reader its ``name``'s suffix picks.

    :param name: a file name (only its suffix matters)
    :param source: what ``source`` and error lines call the input (default: ``name``)
    :param doc_id: the id of a single-article input (default: a hash of its URL or text)
    """
    source = source or name
    try:
        _suffix, reader = reader_for(name)
    except IngestError as exc:
        yield Rejection(source, exc.message)
        return
    yield from _guard(reader(stream, source, doc_id, settings), source)


def read_bytes(data: bytes, *, name: str, settings: Settings, source: str | None = None,
               doc_id: str | None = None) -> Iterator[Item]:
    """``read_stream`` over bytes in memory (tests, API uploads)."""
    return read_stream(io.BytesIO(data), name=name, settings=settings, source=source, doc_id=doc_id)


def read_path(path: Path, *, settings: Settings) -> Iterator[Item]:
    """Read one file; every failure becomes a ``Rejection`` naming the file."""
    source = str(path)
    try:
        suffix, reader = reader_for(path.name)
        size = path.stat().st_size
        if suffix not in CONTAINERS and size > settings.max_bytes:
            yield Rejection(source, limit_message(settings.max_bytes, size))
            return
        stream = path.open("rb")
    except IngestError as exc:
        yield Rejection(source, exc.message)
        return
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        try:
            yield from _guard(reader(stream, source, stem_of(path, suffix), settings), source)
        except OSError as exc:  # the disk failed or the file vanished mid-read
            yield Rejection(source, f"cannot read: {exc.strerror or exc}")


def read_stdin(*, settings: Settings, stream: BinaryIO | None = None, kind: str = ".txt") -> Iterator[Item]:
    """Read standard input (``kind`` picks the reader: .txt, .html, .jsonl, .warc)."""
    try:
        yield from read_stream(stream or sys.stdin.buffer, name="stdin" + kind, source=STDIN,
                               settings=settings)
    except OSError as exc:
        yield Rejection(STDIN, f"cannot read: {exc.strerror or exc}")


def iter_documents(paths: Iterable[str | Path], *, settings: Settings, stdin_kind: str = ".txt",
                   stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents from files, folders (recursively, sorted) and ``-`` (standard input)."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_stdin(settings=settings, kind=stdin_kind, stream=stdin)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                yield from read_path(child, settings=settings)
        elif path.exists():
            yield from read_path(path, settings=settings)
        elif path.is_symlink():
            yield Rejection(str(path), "broken symbolic link")
        else:
            yield Rejection(str(path), "no such file or folder")
