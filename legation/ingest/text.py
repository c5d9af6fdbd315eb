"""Plain-text articles, with an optional ``date YYYY-MM-DD`` header line.

The header convention comes from news dumps where the first token of the file
is the publication date; it gives ``published_basis: header`` and is cut from
the body so that evidence offsets point into the article itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from legation.errors import EmptyDocument
from legation.ingest._decode import decode, normalise_newlines
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?")


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


def make_text_document(text: str, *, source: str, doc_id: str) -> SourceDocument:
    published, body = split_header(normalise_newlines(text))
    body = body.strip()
    if not body:
        raise EmptyDocument("no article text (empty file)", source=source)
    return SourceDocument(id=doc_id, source=source, text=body, published=published,
                          published_basis="header" if published else None)


def read_text(data: bytes, source: str, doc_id: str, settings: Settings) -> Iterator[SourceDocument | Rejection]:
    yield make_text_document(decode(data, source=source), source=source, doc_id=doc_id)
