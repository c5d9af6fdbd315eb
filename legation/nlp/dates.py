"""The ``legation_dates`` component: temporal expressions resolved against the article.

For each document it

1. finds the temporal expressions (``temporal.scan``; model-free rules);
2. takes the publication date from ``doc._.legation_meta`` (header or metadata
   win) or, when there is none, infers it from the text
   (``publication.infer_publication``), then records it in the metadata with
   ``published_basis: inferred`` and a ``published_inferred`` warning citing
   the evidence;
3. resolves every expression against that date, in text order, so that "the
   same day" refers to the last single day mentioned before it.

It writes ``doc._.legation_dates`` (``DateExpr`` with start, end, precision,
text, base and character offsets) and leaves the richer analysis (unresolved
spec, preposition, first and last day) in ``doc._.legation_state["time"]``
for the figures component.

Unknown years are kept unknown: "November 10" in an article whose year
cannot be decided has ``start=None``, ``precision="unknown"`` and
``partial="--11-10"`` (ISO 8601 truncated form; the contract's ``start`` is a
calendar date or null); an expression that cannot be placed at all has
``start=None``, ``precision="unknown"`` and no ``partial``.
Nothing is ever resolved against the clock.

DOCS: docs/dates.md
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import DateExpr, Evidence, Warning
from legation.nlp._guarded import GuardedComponent
from legation.nlp.extensions import get_dict, get_list
from legation.nlp.publication import Inference, infer_publication
from legation.nlp.sentences import sentence_at, sentences
from legation.nlp.temporal import (
    Base,
    Resolved,
    TimeMention,
    clause_tense,
    fiscal_year_of,
    resolve,
    scan,
    year_of,
)

__all__ = ["DateComponent", "TimeAnalysis", "analyse_time"]

STATE_KEY = "time"


@dataclass(slots=True)
class TimeAnalysis:
    """Everything the date component learned about one text (shared with figures)."""

    base: Base | None
    inference: Inference | None
    mentions: list[tuple[TimeMention, Resolved]]
    sentences: list[tuple[int, int]]

    def date_exprs(self) -> list[DateExpr]:
        base = self.base.iso() if self.base else None
        out = []
        for m, r in self.mentions:
            if r.start is not None and r.start.startswith("--"):
                # year unknown: the contract's start/end stay ISO calendar dates (null here);
                # what the text does say is kept in ISO 8601 truncated form
                partial = r.start + (f"/{r.end}" if r.end else "")
                out.append(DateExpr(start=None, end=None, precision="unknown", text=m.text, base=base,
                                    offsets=(m.start, m.end), partial=partial))
            else:
                out.append(DateExpr(start=r.start, end=r.end, precision=r.precision, text=m.text,  # type: ignore[arg-type]
                                    base=base, offsets=(m.start, m.end)))
        return out


_ANAPHORIC = re.compile(r"the\s+(?:previous|preceding|following)\s", re.IGNORECASE)


def analyse_time(text: str, published: str | None) -> TimeAnalysis:
    """Find, date-anchor and resolve the temporal expressions of ``text`` (no spaCy needed)."""
    spans = sentences(text)
    mentions = scan(text)
    base = Base.parse(published)
    inference = None
    if base is None:
        inference = infer_publication(text, mentions, spans)
        base = Base.parse(inference.value) if inference else None
    resolved: list[tuple[TimeMention, Resolved]] = []
    anchor: date | None = None
    period: Resolved | None = None
    month: Resolved | None = None
    last: Resolved | None = None  # the last placed expression, for "the same year"
    defined = [m.spec.fiscal for m in mentions if m.spec.fiscal and m.spec.fiscal != (0, 0)]
    fiscal = defined[0] if defined else None  # where the article says its fiscal year runs
    for m in mentions:
        sent = sentence_at(spans, m.start)
        tense = clause_tense(text, sent[0], sent[1], m.start) if sent else None
        spec = m.spec
        if spec.fiscal and spec.fiscal != (0, 0):
            fiscal = spec.fiscal
        elif spec.fiscal == (0, 0) and fiscal is not None:
            spec = fiscal_year_of(spec, fiscal)  # "the 2025-26 financial year" as the article defined it
            m = replace(m, spec=spec)
        if spec.kind == "anaphor" and spec.unit == "month" and month is not None:
            r = month  # "in October ... in the month": the month last named
        elif spec.kind == "anaphor" and spec.unit == "year" and last is not None:
            r = year_of(last, spec.n or 0)  # "in 2023 ... in the same year", "2023-24 ... the previous year"
        elif spec.kind == "rel" and spec.unit == "year" and last is not None and _ANAPHORIC.match(m.core_text):
            r = year_of(last, spec.n or 0)  # "the previous year": the one before the year just told
        else:
            r = resolve(spec, base, tense=tense, anchor=anchor, part=m.part, period=period)
        if r.known:
            last = r
        if r.precision == "day" and r.end is None and r.first is not None:
            anchor = r.first
        if r.precision == "month" and r.end is None and r.first is not None:
            month = r
        if r.precision == "month" and r.end is not None and r.first is not None and m.spec.kind != "anaphor":
            period = r
        resolved.append((m, r))
    return TimeAnalysis(base, inference, resolved, spans)


class DateComponent(GuardedComponent):
    """spaCy component ``legation_dates``."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)

    def match(self, doc: Doc) -> TimeAnalysis:
        meta = get_dict(doc, "legation_meta")
        return analyse_time(doc.text, meta.get("published"))

    def set_annotations(self, doc: Doc, analysis: TimeAnalysis) -> Doc:
        meta = get_dict(doc, "legation_meta")
        inf = analysis.inference
        if inf is not None:
            meta["published"] = inf.value
            meta["published_basis"] = "inferred"
            first = inf.clues[0] if inf.clues else None
            evidence = Evidence(start=first.start, end=first.end, text=first.text) if first else None
            get_list(doc, "legation_warnings").append(
                Warning(kind="published_inferred", message=inf.message(), evidence=evidence))
        get_list(doc, "legation_dates").extend(analysis.date_exprs())
        get_dict(doc, "legation_state")[STATE_KEY] = analysis
        return doc

    # spaCy serialisation: the word lists ship with the package; we record which ones.
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"lexicon": "legation/data/time.json", "version": 1}))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> DateComponent:
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            json.loads(cfg.read_text())
        return self
