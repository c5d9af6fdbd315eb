"""WARC crawls (CC-NEWS and the like): HTML response records through warcio.

Each HTML response becomes a document whose id is a hash of its target URI, so
the same page crawled twice keeps its id.  A truncated or corrupt archive keeps
the records read before the damage and rejects the rest with one line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from legation.errors import IngestError
from legation.ingest.html import decode_html, html_to_document
from legation.ingest.jsonl import content_id, iso_date
from legation.models import Rejection, SourceDocument
from legation.settings import Settings


def read_warc(data: bytes, source: str, doc_id: str, settings: Settings) -> Iterator[SourceDocument | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{uri or n}"
            body = record.content_stream().read()
            if len(body) > settings.max_bytes:
                yield Rejection(where, f"{len(body)} bytes is over the {settings.max_bytes}-byte limit (--max-bytes)")
                continue
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=")[-1].split(";")[0].strip() or None
            try:
                html = decode_html(body, source=where, declared=charset)
                crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
                yield html_to_document(html, source=where, doc_id=content_id(uri, html), url=uri or None,
                                       fallback_published=crawled)
            except IngestError as exc:
                yield Rejection(where, exc.message)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield Rejection(source, f"truncated or corrupt WARC after {n} record(s): {msg}")
