"""HTML pages: main text and metadata through trafilatura.

Why trafilatura: news pages carry menus, related-article lists and cookie
banners; its extractor keeps the article body and reads title, date and
canonical URL from the page's own metadata, which is what
``published_basis: metadata`` means.

Quality gate: trafilatura falls back to any text it finds, so a page that is
all navigation comes back as "Home".  A page is an article only when its main
text holds at least one prose line (a sentence, not a menu item); otherwise it
is rejected as "HTML with no main text".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from legation.errors import EmptyDocument, IngestError
from legation.ingest._decode import decode
from legation.ingest._ids import content_id, iso_date
from legation.ingest._limits import read_limited
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: a prose line has this many words and ends a sentence, or twice as many words
PROSE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)»]\s*$")


def _is_prose(line: str) -> bool:
    words = len(line.split())
    return words >= 2 * PROSE_WORDS or (words >= PROSE_WORDS and bool(_SENTENCE_END.search(line)))


def html_to_document(html: str, *, source: str, doc_id: str | None, url: str | None = None,
                     fallback_published: str | None = None) -> SourceDocument:
    """Extract the article from a page; ``EmptyDocument`` when there is no main text.

    ``doc_id`` None means a hash of the canonical URL, else of the text.
    """
    import trafilatura  # heavy; imported when an HTML input first arrives

    if not html.strip():
        raise EmptyDocument("empty HTML page", source=source)
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - lxml raises a zoo of parser errors on broken pages
        raise IngestError(f"HTML could not be parsed ({type(exc).__name__})", source=source) from exc
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not any(_is_prose(line) for line in text.splitlines()):
        raise EmptyDocument("HTML with no main text (only menus, links or fragments)", source=source)
    # trafilatura separates paragraphs with one newline; a blank line keeps them
    # apart for sentence splitting, as in plain-text articles.
    text = re.sub(r"\n+", "\n\n", text)
    published = iso_date(getattr(result, "date", None)) or iso_date(fallback_published)
    page_url = getattr(result, "url", None) or url
    return SourceDocument(
        id=doc_id or content_id(page_url, text), source=source, text=text,
        title=getattr(result, "title", None) or None,
        url=page_url,
        published=published,
        published_basis="metadata" if published else None,
    )


def decode_html(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode a page: UTF-8, else the charset HTTP or its <meta> declares, else detected."""
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    return decode(data, source=source, declared=declared)


def read_html(stream: BinaryIO, source: str, doc_id: str | None,
              settings: Settings) -> Iterator[SourceDocument | Rejection]:
    data = read_limited(stream, settings.max_bytes, source=source)
    yield html_to_document(decode_html(data, source=source), source=source, doc_id=doc_id)
