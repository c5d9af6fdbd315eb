"""WARC crawls (CC-NEWS and the like): HTML response records through warcio.

Each 2xx HTML response becomes a document whose id is a hash of its target
URI, so the same page crawled twice keeps its id.  Requests, metadata,
revisits, redirects and error pages are not articles and are passed over.

Damage: a .warc.gz is decompressed by ``GzipMembers``, which reports a member
cut short; an uncompressed record whose block is shorter than its
Content-Length, or a record whose headers break off, is reported too.  In
every case the records read before the damage are kept and the rest of the
file is rejected in one line naming the file and the record count.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from legation.errors import IngestError
from legation.ingest._ids import content_id, iso_date
from legation.ingest._limits import limit_message
from legation.ingest._stream import Counting, open_maybe_gzip
from legation.ingest.html import decode_html, html_to_document
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

#: warcio raises these (besides ArchiveLoadFailed) on malformed headers and lengths
_FOREIGN = (EOFError, OSError, ValueError, IndexError, KeyError, TypeError, AttributeError)


class _NotWarc(Exception):
    """The input does not start like a WARC (or ARC) file; ``damage`` says so."""


def _iterator_class():
    from warcio.archiveiterator import ArchiveIterator

    class _QuietIterator(ArchiveIterator):
        """warcio writes a warning to sys.stderr when a record is not followed by
        blank lines (a wrong Content-Length); we turn it into a rejection instead."""

        damage: str | None = None

        def _consume_blanklines(self):  # same contract as warcio 1.8's, minus the print
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline()
                if len(line) == 0:
                    return None, empty_size
                if len(line.rstrip()) == 0 or first_line:
                    empty_size += len(line)
                    if len(line.rstrip()) != 0 and self.damage is None:
                        self.damage = "a record is longer than its Content-Length says"
                    first_line = False
                    continue
                return line, empty_size

    return _QuietIterator


def _drain(record) -> bool:
    """Read what is left of the record's block; False when the input ended inside it."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) <= 0


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _status(record) -> int:
    try:
        return int((record.http_headers.get_statuscode() or "0")[:3])
    except (ValueError, AttributeError):
        return 0


def read_warc(stream: BinaryIO, source: str, doc_id: str | None,
              settings: Settings) -> Iterator[SourceDocument | Rejection]:
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    records = complete = 0
    damage: str | None = None
    gz = None
    try:
        plain, gz = open_maybe_gzip(stream, source=source)
        head = plain.peek(64)[:64].lstrip()
        if head and not head.startswith((b"WARC/", b"filedesc://")):
            raise _NotWarc("not a WARC file (it does not start with 'WARC/')")
        counted = Counting(plain)
        iterator = _iterator_class()(counted, ensure_http_headers=False)
        for record in iterator:
            records += 1
            if record.rec_headers.get_header("Content-Length") is None:
                damage = f"record {records} has no Content-Length (headers cut short?)"
                break
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            is_page = (record.rec_type == "response" and "html" in ctype.lower()
                       and 200 <= _status(record) < 300)
            if not is_page:
                if not _drain(record):
                    damage = f"record {records} is cut short"
                    break
                complete += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{uri or records}"
            body = record.content_stream().read(settings.max_bytes + 1)
            if not _drain(record):
                damage = f"record {records} ({uri or 'no URI'}) is cut short"
                break
            complete += 1
            if len(body) > settings.max_bytes:
                yield Rejection(where, limit_message(settings.max_bytes))
                continue
            try:
                html = decode_html(body, source=where, declared=_charset(ctype))
                crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
                yield html_to_document(html, source=where, doc_id=content_id(uri, html), url=uri or None,
                                       fallback_published=crawled)
            except IngestError as exc:
                yield Rejection(where, exc.message)
        if damage is None:
            iterator.read_to_end()  # no-op once done; sets the offset past the last record
            if counted.count > iterator.offset:
                damage = f"the file ends inside record {records + 1} (its headers are cut short)"
        damage = damage or iterator.damage
    except _NotWarc as exc:
        yield Rejection(source, str(exc))
        return
    except ArchiveLoadFailed as exc:
        text = str(exc).strip().splitlines()
        damage = text[0][:200] if text else "not a WARC or ARC file"
    except (StatusAndHeadersParserException, *_FOREIGN) as exc:
        text = str(exc).strip().splitlines()
        detail = f"{type(exc).__name__}: {text[0][:120]}" if text else type(exc).__name__
        damage = f"record {complete + 1} has malformed headers or is cut short ({detail})"
    if gz is not None and gz.error is not None:  # the more precise account of the damage
        damage = gz.error.message
    if damage:
        yield Rejection(source, f"truncated or corrupt WARC: {damage}; {complete} complete record(s) were read before it")


__all__ = ["read_warc"]
