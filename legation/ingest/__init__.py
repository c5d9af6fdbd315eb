"""Readers: files, folders and streams in, ``SourceDocument``s (or ``Rejection``s) out.

No NLP and no database here.  A reader yields a ``Rejection`` for an input it
cannot read and carries on, so one bad line or record never loses the rest of
a batch.  Why suffix dispatch: news arrives as loose .txt/.html files, JSON
lines exported by scrapers, and WARC crawls; the suffix is the only signal that
is cheap, predictable and overridable (``--format`` of stdin input).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from legation.errors import IngestError, UnsupportedFormat
from legation.ingest.html import read_html
from legation.ingest.jsonl import read_jsonl
from legation.ingest.text import read_text
from legation.ingest.warc import read_warc
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

Item = SourceDocument | Rejection
Reader = Callable[[bytes, str, str, Settings], Iterator[Item]]

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
CONTAINERS = {".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz"}

__all__ = ["READERS", "iter_documents", "read_path", "reader_for", "stem_of"]


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
        if child.is_file() and not child.name.startswith("."):
            try:
                reader_for(child.name)
            except UnsupportedFormat:
                continue  # folders hold README files, images...; only named files must be readable
            yield child


def read_path(path: Path, *, settings: Settings) -> Iterator[Item]:
    """Read one file; every failure becomes a ``Rejection`` naming the file."""
    source = str(path)
    try:
        suffix, reader = reader_for(path.name)
        size = path.stat().st_size
        if suffix not in CONTAINERS and size > settings.max_bytes:
            yield Rejection(source, f"{size} bytes is over the {settings.max_bytes}-byte limit (--max-bytes)")
            return
        data = path.read_bytes()
    except IngestError as exc:
        yield Rejection(source, exc.message)
        return
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from _guard(reader(data, source, stem_of(path, suffix), settings), source)


def _guard(items: Iterator[Item], source: str) -> Iterator[Item]:
    """Turn an ``IngestError`` escaping a reader into a rejection of that input."""
    try:
        yield from items
    except IngestError as exc:
        yield Rejection(exc.source or source, exc.message)


def read_stdin(*, settings: Settings, stream=None, name: str = "-", kind: str = ".txt") -> Iterator[Item]:
    """Read standard input as one article (``kind`` picks the reader: .txt, .html, .jsonl, .warc)."""
    raw = (stream or sys.stdin.buffer).read()
    suffix, reader = reader_for("stdin" + kind)
    if suffix not in CONTAINERS and len(raw) > settings.max_bytes:
        yield Rejection(name, f"{len(raw)} bytes is over the {settings.max_bytes}-byte limit (--max-bytes)")
        return
    yield from _guard(reader(raw, name, "stdin", settings), name)


def iter_documents(paths: Iterable[str | Path], *, settings: Settings,
                   stdin_kind: str = ".txt") -> Iterator[Item]:
    """Documents from files, folders (recursively, sorted) and ``-`` (standard input)."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_stdin(settings=settings, kind=stdin_kind)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                yield from read_path(child, settings=settings)
        elif path.exists():
            yield from read_path(path, settings=settings)
        else:
            yield Rejection(str(path), "no such file or folder")
