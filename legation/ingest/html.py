"""HTML pages: main text and metadata through trafilatura.

Why trafilatura: news pages carry menus, related-article lists and cookie
banners; its extractor keeps the article body and reads title, date and
canonical URL from the page's own metadata, which is what
``published_basis: metadata`` means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from legation.errors import EmptyDocument, IngestError
from legation.ingest._decode import decode
from legation.models import Rejection, SourceDocument
from legation.settings import Settings

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_to_document(html: str, *, source: str, doc_id: str, url: str | None = None,
                     fallback_published: str | None = None) -> SourceDocument:
    """Extract the article from a page; ``EmptyDocument`` when there is no main text."""
    import trafilatura  # heavy; imported when an HTML input first arrives

    if not html.strip():
        raise EmptyDocument("empty HTML page", source=source)
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # lxml raises a zoo of parser errors on broken pages
        raise IngestError(f"HTML could not be parsed ({type(exc).__name__})", source=source) from exc
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise EmptyDocument("HTML with no main text", source=source)
    # trafilatura separates paragraphs with one newline; a blank line keeps them
    # apart for sentence splitting, as in plain-text articles.
    text = re.sub(r"\n+", "\n\n", text)
    published = getattr(result, "date", None) or fallback_published
    return SourceDocument(
        id=doc_id, source=source, text=text,
        title=getattr(result, "title", None),
        url=getattr(result, "url", None) or url,
        published=published[:10] if published else None,
        published_basis="metadata" if published else None,
    )


def decode_html(data: bytes, *, source: str, declared: str | None = None) -> str:
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    return decode(data, source=source, declared=declared)


def read_html(data: bytes, source: str, doc_id: str, settings: Settings) -> Iterator[SourceDocument | Rejection]:
    yield html_to_document(decode_html(data, source=source), source=source, doc_id=doc_id)
