"""JSON lines: one article a line, ``{id?, text | html, url?, published?, title?}``.

A bad line is rejected with its line number (``file.jsonl:7``) and the rest of
the file goes on; a truncated or corrupt gzip keeps the lines read before the
damage.  The file is streamed, so a multi-gigabyte export never sits in memory;
one line is read only up to a bound derived from --max-bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from legation.errors import IngestError, TooLarge
from legation.ingest._decode import decode
from legation.ingest._ids import content_id, iso_date
from legation.ingest._limits import limit_message
from legation.ingest._stream import open_maybe_gzip
from legation.ingest.html import html_to_document
from legation.ingest.text import make_text_document
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

__all__ = ["content_id", "iso_date", "read_jsonl", "record_to_document"]  # ids re-exported for callers

#: JSON escapes (\uXXXX) can make a line up to 6x its text, plus the other fields
_LINE_FACTOR, _LINE_SLACK = 6, 1 << 16


def record_to_document(obj: dict, *, source: str, settings: Settings) -> SourceDocument:
    """One JSON object to a document; ``IngestError`` naming ``source`` when it is not an article."""
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise IngestError("no 'text' or 'html' field (one of them must be a string)", source=source)
    body = text if isinstance(text, str) and text.strip() else html
    if not isinstance(body, str) or not body.strip():
        raise IngestError("empty 'text' and no 'html'" if isinstance(text, str) else "empty 'html'",
                          source=source)
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > settings.max_bytes:
        raise TooLarge(limit_message(settings.max_bytes, size), source=source)
    url = obj.get("url") if isinstance(obj.get("url"), str) and obj["url"].strip() else None
    raw_id = obj.get("id")
    given = isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip()
    doc_id = str(raw_id).strip() if given else content_id(url, body)
    if body is text:
        doc = make_text_document(text, source=source, doc_id=doc_id)
    else:
        doc = html_to_document(body, source=source, doc_id=doc_id, url=url)
    published = iso_date(obj.get("published"))
    if published:
        doc.published, doc.published_basis = published, "metadata"
    if isinstance(obj.get("title"), str) and obj["title"].strip():
        doc.title = obj["title"].strip()
    doc.url = url or doc.url
    return doc


def _parse_line(line: bytes, *, where: str, settings: Settings) -> SourceDocument:
    try:
        obj = json.loads(decode(line, source=where))
    except json.JSONDecodeError as exc:
        raise IngestError(f"bad JSON line: {exc.msg} (column {exc.colno})", source=where) from exc
    except RecursionError as exc:
        raise IngestError("bad JSON line: nested too deeply", source=where) from exc
    if not isinstance(obj, dict):
        raise IngestError(f"a JSON line must be an object, not {type(obj).__name__}", source=where)
    return record_to_document(obj, source=where, settings=settings)


def read_jsonl(stream: BinaryIO, source: str, doc_id: str | None,
               settings: Settings) -> Iterator[SourceDocument | Rejection]:
    limit = settings.max_bytes * _LINE_FACTOR + _LINE_SLACK
    lineno = 0
    try:
        lines, gz = open_maybe_gzip(stream, source=source)
        while line := lines.readline(limit + 1):
            if gz is not None and gz.error is not None and not line.endswith(b"\n"):
                break  # the line the damage cut in two
            lineno += 1
            where = f"{source}:{lineno}"
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := lines.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of an oversized line
                yield Rejection(where, "line is " + limit_message(settings.max_bytes))
                continue
            if not line.strip():
                continue
            try:
                yield _parse_line(line, where=where, settings=settings)
            except IngestError as exc:
                yield Rejection(where, exc.message)
        if gz is not None and gz.error is not None:  # the gzip stream is cut short or corrupt
            yield Rejection(f"{source}:{lineno + 1}",
                            f"{gz.error.message}; {lineno} line(s) were read before it")
    except OSError as exc:
        yield Rejection(source, f"cannot read after line {lineno}: {exc.strerror or exc}")
