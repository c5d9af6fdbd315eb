"""Document ids and dates that readers share."""

from __future__ import annotations

import hashlib
from datetime import date, datetime


def content_id(*parts: str | None) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the first non-empty part.

    Readers pass (URL, text): a page keeps its id when crawled twice, and an
    article without a URL is named by its text.
    """
    basis = next((p for p in parts if p), "")
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def iso_date(value: object) -> str | None:
    """``published`` as an ISO date, or None when it is not a date we can trust."""
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
