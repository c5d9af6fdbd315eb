"""Plain-text articles, with an optional ``date YYYY-MM-DD`` header line.

The header convention comes from news dumps where the first token of the file
is the publication date; it gives ``published_basis: header`` and is cut from
the body so that evidence offsets point into the article itself (the
``Extraction.text`` a user sees is exactly the text the offsets index).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from legation.errors import EmptyDocument
from legation.ingest._decode import decode, normalise_newlines
from legation.ingest._ids import content_id
from legation.ingest._limits import read_limited
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

#: "date 2024-08-23", "Date: 2024-08-23", at the very start (after blanks); the
#: body may follow on the same line (seed 000) or the next.
_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4})-(\d{2})-(\d{2})(?![\w-])[ \t]*\n?", re.I)


def split_header(text: str) -> tuple[str | None, str]:
    """(ISO date or None, body).  An impossible date is left in the body, not guessed."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, text
    return day.isoformat(), text[m.end():]


def make_text_document(text: str, *, source: str, doc_id: str | None) -> SourceDocument:
    """A document from article text; ``doc_id`` None means a hash of the body."""
    published, body = split_header(normalise_newlines(text))
    body = body.strip()
    if not body:
        raise EmptyDocument("no article text (empty file)" if published is None
                            else "no article text after the date header", source=source)
    return SourceDocument(id=doc_id or content_id(body), source=source, text=body, published=published,
                          published_basis="header" if published else None)


def read_text(stream: BinaryIO, source: str, doc_id: str | None,
              settings: Settings) -> Iterator[SourceDocument | Rejection]:
    data = read_limited(stream, settings.max_bytes, source=source)
    yield make_text_document(decode(data, source=source), source=source, doc_id=doc_id)
