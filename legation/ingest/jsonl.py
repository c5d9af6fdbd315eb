"""JSON lines: one article a line, ``{id?, text | html, url?, published?, title?}``.

A bad line is rejected with its line number and the rest of the file goes on;
a truncated gzip keeps the lines read before the damage.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Iterator
from datetime import date, datetime

from legation.errors import IngestError
from legation.ingest._decode import decode
from legation.ingest.html import html_to_document
from legation.ingest.text import make_text_document
from legation.models import Rejection, SourceDocument
from legation.settings import Settings


def content_id(*parts: str | None) -> str:
    """A stable id from the first non-empty part (URL, else text)."""
    basis = next((p for p in parts if p), "")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def iso_date(value: object) -> str | None:
    """``published`` as ISO date, or None when it is not a date we can trust."""
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    for candidate in (raw, raw.replace("Z", "+00:00")):
        try:
            return datetime.fromisoformat(candidate).date().isoformat()
        except ValueError:
            pass
    try:
        return date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        return None


def record_to_document(obj: dict, *, source: str, settings: Settings) -> SourceDocument:
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise IngestError("no 'text' or 'html' field", source=source)
    body = text if isinstance(text, str) and text.strip() else html
    if len(body.encode("utf-8")) > settings.max_bytes:
        raise IngestError(f"article is over the {settings.max_bytes}-byte limit (--max-bytes)", source=source)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else content_id(url, body)
    published = iso_date(obj.get("published"))
    if body is text:
        doc = make_text_document(text, source=source, doc_id=doc_id)
    else:
        doc = html_to_document(html, source=source, doc_id=doc_id, url=url)
    if published:
        doc.published, doc.published_basis = published, "metadata"
    if isinstance(obj.get("title"), str):
        doc.title = obj["title"]
    doc.url = url or doc.url
    return doc


def _lines(data: bytes, source: str) -> Iterator[tuple[int, bytes | Exception]]:
    stream: io.BufferedIOBase = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    n = 0
    try:
        for n, line in enumerate(stream, start=1):
            yield n, line
    except (EOFError, OSError, zlib.error) as exc:
        yield n + 1, IngestError(f"truncated or corrupt gzip after line {n} ({exc})", source=source)


def read_jsonl(data: bytes, source: str, doc_id: str, settings: Settings) -> Iterator[SourceDocument | Rejection]:
    for lineno, line in _lines(data, source):
        where = f"{source}:{lineno}"
        if isinstance(line, Exception):
            yield Rejection(source, str(line.args[0]))
            return
        if not line.strip():
            continue
        try:
            obj = json.loads(decode(line, source=where))
        except IngestError as exc:
            yield Rejection(where, exc.message)
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"bad JSON line: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, f"a JSON line must be an object, not {type(obj).__name__}")
            continue
        try:
            yield record_to_document(obj, source=where, settings=settings)
        except IngestError as exc:
            yield Rejection(where, exc.message)
