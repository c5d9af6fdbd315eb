"""An ``Extraction`` as table rows, with provenance: offsets and the evidence sentence.

Pure Python, no SQL: ``rows_for(extraction, ...)`` returns ``{table name: [row
dicts]}`` for the document tables, and ``content_hash`` decides whether a
document changed.  Every person, organization and place row carries the
sentence of its first mention; every title the sentence where its text occurs
nearest to one of the person's mentions; so any stored fact can be shown with
the sentence it came from.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from legation.models import Evidence, Extraction

#: fields of the contract stored in their own column rather than in documents.extraction
_SPLIT_FIELDS = {"text"}

_HONORIFICS = {"mr", "mrs", "ms", "miss", "madam", "madame", "dr", "prof", "professor", "sir", "dame",
               "comrade", "h.e.", "he", "excellency", "senor", "senora", "sr", "sra", "don", "dona",
               "ong", "ba"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")
_MAX_EVIDENCE = 1000


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefolded, accents removed (đ -> d), punctuation to spaces, single spaces."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = re.sub(r"[^\w]+", " ", stripped.casefold())
    return " ".join(cleaned.split())


def name_key(name: str) -> str:
    """A person or organization name for lookups: folded, honorifics and a leading 'the' dropped."""
    words = fold(name).split()
    while words and (words[0] in _HONORIFICS or words[0] == "the"):
        words = words[1:]
    return " ".join(words) or fold(name)


def content_hash(text: str, *, title: str | None = None, url: str | None = None,
                 published: str | None = None, published_basis: str | None = None) -> str:
    """The fingerprint of a document's content: same hash, nothing to do on re-ingest.

    The publication date counts only when the source stated it (header or
    metadata), not when the extractor inferred it, so the same input always
    has the same hash whether it is hashed before or after extraction.
    """
    stated = published if published_basis in ("header", "metadata") else None
    basis = json.dumps([text, title or None, url or None, stated], ensure_ascii=False)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def extraction_hash(ex: Extraction) -> str:
    return content_hash(ex.text, title=ex.title, url=ex.url, published=ex.published,
                        published_basis=ex.published_basis)


def extraction_json(ex: Extraction) -> str:
    """The stored contract object: everything but the text, which has its own column."""
    return ex.model_dump_json(by_alias=True, exclude=_SPLIT_FIELDS)


class Sentences:
    """Sentence boundaries of a text, for evidence: the sentence around a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def around(self, start: int, end: int) -> Evidence | None:
        if not self.text or start < 0 or end > len(self.text) or start >= end:
            return None
        i = bisect.bisect_right(self.starts, start) - 1
        s = self.starts[i]
        j = bisect.bisect_left(self.starts, end)
        e = self.starts[j] if j < len(self.starts) else len(self.text)
        snippet = self.text[s:e].rstrip()
        if len(snippet) > _MAX_EVIDENCE:  # a run-on "sentence" (a table, a list): keep the span's surroundings
            s = max(s, start - _MAX_EVIDENCE // 2)
            e = min(s + _MAX_EVIDENCE, len(self.text))
            snippet = self.text[s:e]
        return Evidence(start=s, end=s + len(snippet), text=snippet)


def problems(ex: Extraction) -> str | None:
    """Why an extraction cannot be stored faithfully, or None.

    Numbers must be finite (a NaN or infinite figure has no meaning and no
    portable representation).
    """
    for i, f in enumerate(ex.figures):
        if not math.isfinite(f.value):
            return f"figure {i + 1} has a non-finite value ({f.value}); fix the extractor output"
    for e in ex.events:
        if e.confidence is not None and not math.isfinite(e.confidence):
            return f"event {e.id} has a non-finite confidence ({e.confidence})"
    return None


def without_nul(value: object) -> object:
    """PostgreSQL text cannot hold U+0000: it becomes U+FFFD (the replacement character)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    return value


def _ev(e: Evidence | None) -> dict:
    if e is None:
        return {"evidence_start": None, "evidence_end": None, "evidence_text": None}
    return {"evidence_start": e.start, "evidence_end": e.end, "evidence_text": e.text}


def _first(mentions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return min(mentions) if mentions else None


def _title_span(text: str, title: str, mentions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the title text occurs nearest to one of the person's mentions."""
    if not title or not text:
        return None
    best: tuple[int, tuple[int, int]] | None = None
    lower_text, lower_title = text.lower(), title.lower()
    pos = lower_text.find(lower_title)
    while pos != -1:
        span = (pos, pos + len(title))
        distance = min((abs(pos - m[0]) for m in mentions), default=0)
        if best is None or distance < best[0]:
            best = (distance, span)
        pos = lower_text.find(lower_title, pos + 1)
    return best[1] if best else None


def rows_for(ex: Extraction, *, as_json: str, now: str) -> dict[str, list[dict]]:
    """Rows of the document tables for one extraction (``documents`` excluded)."""
    text = ex.text
    sentences = Sentences(text)
    doc = ex.id
    out: dict[str, list[dict]] = {name: [] for name in (
        "doc_people", "doc_titles", "doc_organizations", "doc_places", "doc_events",
        "doc_event_participants", "figures", "acronyms", "warnings")}
    org_names = {o.id: o.name for o in ex.organizations}
    person_ids = {p.id for p in ex.people}
    person_by_name = {name_key(p.name): p.id for p in ex.people}
    for p in ex.people:
        first = _first(p.mentions)
        out["doc_people"].append({
            "doc_id": doc, "local_id": p.id, "name": p.name, "name_key": name_key(p.name), "country": p.country,
            "aliases": json.dumps(p.aliases, ensure_ascii=False),
            "mentions": json.dumps([list(m) for m in p.mentions]),
            **_ev(sentences.around(*first) if first else None), "person_id": None})
        for i, t in enumerate(p.titles):
            span = _title_span(text, t.text, p.mentions) or first
            out["doc_titles"].append({
                "doc_id": doc, "person_local_id": p.id, "seq": i, "text": t.text, "role": t.role,
                "organization_local_id": t.organization,
                "organization_name": org_names.get(t.organization or "", None),
                "qualifier": t.qualifier, "as_of": ex.published,
                **_ev(sentences.around(*span) if span else None)})
    for o in ex.organizations:
        first = _first(o.mentions)
        out["doc_organizations"].append({
            "doc_id": doc, "local_id": o.id, "name": o.name, "name_key": name_key(o.name), "acronym": o.acronym,
            "country": o.country, "kind": o.kind, "mentions": json.dumps([list(m) for m in o.mentions]),
            **_ev(sentences.around(*first) if first else None), "organization_id": None})
    for pl in ex.places:
        first = _first(pl.mentions)
        out["doc_places"].append({
            "doc_id": doc, "local_id": pl.id, "name": pl.name, "name_key": name_key(pl.name), "kind": pl.kind,
            "country": pl.country, "mentions": json.dumps([list(m) for m in pl.mentions]),
            **_ev(sentences.around(*first) if first else None), "place_id": None})
    for ev in ex.events:
        date, place = ev.date, ev.place
        out["doc_events"].append({
            "doc_id": doc, "local_id": ev.id, "kind": ev.kind,
            "plover_type": ev.plover.type if ev.plover else None,
            "plover_mode": ev.plover.mode if ev.plover else None, "cameo": ev.cameo,
            "date_start": date.start if date else None, "date_end": date.end if date else None,
            "date_precision": date.precision if date else None, "date_text": date.text if date else None,
            "place_name": place.name if place else None, "place_country": place.country if place else None,
            "source_actor": ev.source_actor, "target_actor": ev.target_actor,
            "source_country": ev.source_country, "target_country": ev.target_country, "status": ev.status,
            "topics": json.dumps(ev.topics, ensure_ascii=False), "confidence": ev.confidence,
            **_ev(ev.evidence), "event_id": None})
        for i, who in enumerate(ev.participants):
            local = who if who in person_ids else person_by_name.get(name_key(who))
            out["doc_event_participants"].append({
                "doc_id": doc, "event_local_id": ev.id, "seq": i, "participant": who, "person_local_id": local})
    for i, f in enumerate(ex.figures):
        period = f.period
        out["figures"].append({
            "doc_id": doc, "seq": i, "measure": f.measure, "subject": f.subject, "from_name": f.from_,
            "to_name": f.to, "value": f.value, "unit": f.unit,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "period_text": period.text if period else None, "approximate": f.approximate,
            "qualifier": f.qualifier, **_ev(f.evidence)})
    for i, a in enumerate(ex.acronyms):
        out["acronyms"].append({"doc_id": doc, "seq": i, "short": a.short, "long": a.long,
                                "defined_in_text": a.defined_in_text})
    for i, w in enumerate(ex.warnings):
        out["warnings"].append({"doc_id": doc, "seq": i, "kind": w.kind, "message": w.message, **_ev(w.evidence)})
    return out


def document_row(ex: Extraction, *, digest: str, as_json: str, seq: int, now: str,
                 ingested_at: str | None = None) -> dict:
    return {
        "id": ex.id, "seq": seq, "source": ex.source, "title": ex.title, "url": ex.url,
        "published": ex.published, "published_basis": ex.published_basis, "content_hash": digest,
        "text": ex.text, "extraction": as_json, "n_people": len(ex.people), "n_events": len(ex.events),
        "n_figures": len(ex.figures), "ingested_at": ingested_at or now, "updated_at": now}
