"""Figures lined up as time series: what ``legation series`` prints.

An analyst wants to chart HCMC's exports to Peru over the years without
re-reading twenty articles.  ``line_up`` groups figures by what they measure
and between whom — (measure, subject, from, to); the subject only for shares
and other figures ("GDP", "exports" growth), and trade turnover as an
unordered pair since it has no direction — and sorts each series by period.
Every point keeps its value, unit, period, whether the text hedged it, its
qualifier (peak, growth, target, ...), the document it came from and the
sentence that states it, so each point on a chart can be checked.

``line_up`` takes an iterable of ``(document id, Figure)`` pairs, so the same
function serves extraction files, freshly extracted articles
(``figures_from_paths``) and the knowledge base.  Names are compared
loosely (case, accents, a leading "the"); a filter given in capitals also
matches a name with those initials (``--from HCMC``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legation.errors import LegationError
from legation.models import Evidence, Extraction, ExtractionSet, Figure, Rejection
from legation.report.summary import format_period, format_value
from legation.settings import Settings

__all__ = ["Series", "SeriesPoint", "figures_from_extractions", "figures_from_paths", "line_up",
           "render_series", "MEASURES", "FORMATS"]

MEASURES = ("exports", "imports", "trade_turnover", "investment", "share", "other")
FORMATS = ("table", "csv", "json")
CSV_COLUMNS = ("measure", "subject", "from", "to", "period_start", "period_end", "period_text", "value", "unit",
               "approximate", "qualifier", "document", "evidence_start", "evidence_end", "evidence")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One figure as a point of a series, with where it came from."""

    value: float
    unit: str
    period_start: str | None
    period_end: str | None
    period_text: str | None
    approximate: bool
    qualifier: str | None
    document: str
    evidence: Evidence | None

    def to_dict(self) -> dict[str, Any]:
        return {"period": {"start": self.period_start, "end": self.period_end, "text": self.period_text},
                "value": self.value, "unit": self.unit, "approximate": self.approximate,
                "qualifier": self.qualifier, "document": self.document,
                "evidence": self.evidence.model_dump() if self.evidence else None}


@dataclass(slots=True)
class Series:
    """The points of one (measure, subject, from, to), in period order."""

    measure: str
    subject: str | None
    from_: str | None
    to: str | None
    points: list[SeriesPoint] = field(default_factory=list)

    @property
    def units(self) -> list[str]:
        return sorted({p.unit for p in self.points})

    @property
    def label(self) -> str:
        arrow = " – " if self.measure == "trade_turnover" else " → "
        sides = arrow.join(x or "?" for x in (self.from_, self.to)) if (self.from_ or self.to) else ""
        what = self.measure + (f" ({self.subject})" if self.subject else "")
        return f"{what}: {sides}" if sides else what

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "subject": self.subject, "from": self.from_, "to": self.to,
                "units": self.units, "points": [p.to_dict() for p in self.points]}


def _key(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    text = re.sub(r"[’']s\b", "", text.casefold())
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name)
                   if w.lower() not in ("of", "the", "and", "for")).upper()


def _matches(wanted: str | None, name: str | None) -> bool:
    if wanted is None:
        return True
    if name is None:
        return False
    if _key(wanted) == _key(name):
        return True
    return wanted.isupper() and len(wanted) >= 2 and _initials(name) == wanted


def line_up(figures: Iterable[tuple[str, Figure]], *, measure: str | None = None, from_: str | None = None,
            to: str | None = None, subject: str | None = None) -> list[Series]:
    """Group ``(document id, Figure)`` pairs into series, each sorted by period.

    :param measure: keep only this measure (exports, imports, trade_turnover, investment, share, other)
    :param from_: keep only figures from this side (for trade turnover: either side)
    :param to: keep only figures to this side (for trade turnover: either side)
    :param subject: keep only figures with this subject (shares and other figures)
    """
    if measure is not None and measure not in MEASURES:
        raise LegationError(f"unknown measure {measure!r}; valid: {', '.join(MEASURES)}")
    groups: dict[tuple, Series] = {}
    for doc_id, fig in figures:
        if measure is not None and fig.measure != measure:
            continue
        if subject is not None and _key(subject) != _key(fig.subject):
            continue
        a, b = fig.from_, fig.to
        if fig.measure == "trade_turnover":
            sides = (a, b)
            if not (_pair_matches(from_, to, sides)):
                continue
            key = (fig.measure, "", tuple(sorted((_key(a), _key(b)))))
        else:
            if not (_matches(from_, a) and _matches(to, b)):
                continue
            subj = _key(fig.subject) if fig.measure in ("share", "other") else ""
            key = (fig.measure, subj, (_key(a), _key(b)))
        s = groups.get(key)
        if s is None:
            s = groups[key] = Series(fig.measure, fig.subject if fig.measure in ("share", "other") else None, a, b)
        p = fig.period
        s.points.append(SeriesPoint(fig.value, fig.unit, p.start if p else None, p.end if p else None,
                                    p.text if p else None, fig.approximate, fig.qualifier, doc_id, fig.evidence))
    out = list(groups.values())
    for s in out:
        s.points.sort(key=lambda q: (q.period_start is None, q.period_start or "", q.period_end or "",
                                     q.document))
    order = {m: i for i, m in enumerate(MEASURES)}
    out.sort(key=lambda s: (order.get(s.measure, 99), _key(s.subject), _key(s.from_), _key(s.to)))
    return out


def _pair_matches(from_: str | None, to: str | None, sides: tuple[str | None, str | None]) -> bool:
    a, b = sides
    if from_ is None and to is None:
        return True
    if from_ is not None and to is not None:
        return (_matches(from_, a) and _matches(to, b)) or (_matches(from_, b) and _matches(to, a))
    wanted = from_ if from_ is not None else to
    return _matches(wanted, a) or _matches(wanted, b)


# --------------------------------------------------------------------------- inputs


def figures_from_extractions(extractions: Iterable[Extraction]) -> Iterator[tuple[str, Figure]]:
    """The ``(document id, Figure)`` pairs of extracted documents."""
    for doc in extractions:
        for fig in doc.figures:
            yield doc.id, fig


def _extraction_file(path: Path) -> ExtractionSet | None:
    """An extraction written by ``legation extract`` (json or jsonl), or None for anything else."""
    if path.suffix.lower() not in (".json", ".jsonl") or not path.is_file():
        return None
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LegationError(f"cannot read: {exc}", source=str(path)) from exc
    head = raw.lstrip()[:2000]
    try:
        if head.startswith("{") and '"schema"' in head and "legation.extraction" in head:
            return ExtractionSet.model_validate(json.loads(raw))
        first = next((line for line in raw.splitlines() if line.strip()), "")
        obj = json.loads(first) if first else None
        if isinstance(obj, dict) and "figures" in obj and "id" in obj and "text" not in obj or \
                isinstance(obj, dict) and "figures" in obj and "people" in obj:
            docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
            return ExtractionSet.model_validate({"documents": docs})
    except ValueError as exc:
        raise LegationError(f"not a legation extraction file ({str(exc).splitlines()[0]})",
                            source=str(path)) from exc
    return None


def figures_from_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                       on_reject: Callable[[Rejection], None] | None = None) -> Iterator[tuple[str, Figure]]:
    """Figures from extraction files (``legation extract`` output) and from articles.

    Extraction files (json/jsonl) are read as they are; every other path
    (files, folders, ``-``) is read and extracted with the pipeline.

    :param on_reject: called with each input that could not be read or analysed
    """
    from legation.pipeline import extract_files

    articles: list[str | Path] = []
    for p in paths:
        done = _extraction_file(Path(p)) if str(p) != "-" else None
        if done is not None:
            yield from figures_from_extractions(done.documents)
        else:
            articles.append(p)
    if articles:
        yield from figures_from_extractions(extract_files(articles, settings=settings, on_reject=on_reject))


# --------------------------------------------------------------------------- output


def render_series(series: list[Series], fmt: str = "table") -> str:
    """The series as an aligned text table, CSV (one row per point) or JSON."""
    if fmt == "json":
        return json.dumps({"series": [s.to_dict() for s in series]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for s in series:
            for p in s.points:
                ev = p.evidence
                w.writerow([s.measure, s.subject or "", s.from_ or "", s.to or "", p.period_start or "",
                            p.period_end or "", p.period_text or "", _number(p.value), p.unit,
                            "true" if p.approximate else "false", p.qualifier or "", p.document,
                            ev.start if ev else "", ev.end if ev else "", " ".join(ev.text.split()) if ev else ""])
        return buf.getvalue()
    if fmt != "table":
        raise LegationError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if not series:
        return "(no figures)\n"
    blocks = []
    for s in series:
        rows = [(format_period(p.period_start, p.period_end) or "(no period)",
                 format_value(p.value, p.unit, approximate=p.approximate), p.qualifier or "", p.document,
                 _cut(" ".join(p.evidence.text.split()) if p.evidence else "", 70)) for p in s.points]
        blocks.append(s.label + "\n" + _table(rows, ("period", "value", "note", "document", "evidence")))
    return "\n\n".join(blocks) + "\n"


def _number(value: float) -> str:
    """23000000.0 -> "23000000"; 0.6 -> "0.6" (exact: float(_number(x)) == x)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _table(rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)
