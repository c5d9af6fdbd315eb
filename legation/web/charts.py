"""Charts drawn on the server as SVG: trade series, a timeline, a who-met-whom network, role spells.

No JavaScript and nothing fetched from elsewhere: each function returns an
``<svg>`` as ``Markup``.  Every label that comes from an article (names,
titles, places) goes through ``_tag``, which escapes every string it formats.  Points are
links (``<a href>`` inside the SVG) to the page or sentence they come from,
with a ``<title>`` tooltip; colours come from classes in ``style.css``
(``s0`` ... ``s7`` for series, ``side-a`` / ``side-b`` for the two countries).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from legation.report.series import Series, SeriesPoint
from legation.report.summary import format_period, format_value

#: qualifiers that mark a figure as not an observed value (drawn hollow, off the line)
NOT_OBSERVED = frozenset({"target", "forecast", "projection", "plan", "goal", "estimate_future"})
#: series colours available in style.css
PALETTE = 8
#: points drawn side by side where sources give one value for one period (the rest are in the table)
SAME_SPOT = 3


def _tag(template: str, *args: object) -> Markup:
    """``template.format(*args)`` with every string argument escaped (numbers are formatted as they are).

    ``Markup.format`` does the same but is ten times slower, and a chart has hundreds of elements.
    """
    return Markup(template.format(*(escape(a) if isinstance(a, str) else a for a in args)))


# --------------------------------------------------------------------------- time


def _parse(value: str | None, *, end: bool = False) -> date | None:
    """An ISO date of any precision as its first day (or last, with ``end``)."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else None
        day = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else None
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            if end:
                nxt = date(year + (month == 12), month % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            return date(year, month, 1)
        return date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)
def year_fraction(start: str | None, end: str | None = None) -> float | None:
    """The middle of a period as a decimal year (2019-01-01..2019-12-31 -> 2019.5)."""
    a = _parse(start)
    b = _parse(end, end=True) if end else _parse(start, end=True)
    if a is None:
        return None
    if b is None or b < a:
        b = a

    def frac(d: date) -> float:
        first = date(d.year, 1, 1).toordinal()
        length = date(d.year + 1, 1, 1).toordinal() - first
        return d.year + (d.toordinal() - first + 0.5) / length

    return (frac(a) + frac(b)) / 2


def _year_ticks(lo: float, hi: float, max_ticks: int = 12) -> list[int]:
    first, last = math.floor(lo), math.ceil(hi)
    step = max(1, math.ceil((last - first + 1) / max_ticks))
    return [y for y in range(first, last + 1) if (y - first) % step == 0 and lo <= y <= hi]


def _nice_ticks(hi: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5, 5 x 10^k) up to at least ``hi``."""
    if hi <= 0:
        return [0.0, 1.0]
    raw = hi / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    n = math.ceil(hi / step - 1e-9)
    return [i * step for i in range(n + 1)]


def axis_value(value: float, unit: str) -> str:
    """A compact axis label: US$800M, US$1.2B, 30%."""
    text = format_value(value, unit)
    for word, short in ((" thousand", "k"), (" million", "M"), (" billion", "B"), (" trillion", "T")):
        text = text.replace(word, short)
    return text


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


# --------------------------------------------------------------------------- trade series


@dataclass(frozen=True, slots=True)
class Chart:
    """One SVG chart of the series that share a unit, with the legend's entries (label, colour class)."""

    unit: str
    svg: Markup
    legend: list[tuple[str, str]]
    points: int


def series_charts(series: Sequence[Series], *, href: Callable[[SeriesPoint], str], width: int = 1100,
                  height: int = 320) -> list[Chart]:
    """One line chart per unit (US dollars, percent, ...), every series of that unit in it.

    Observed values are joined by a line in period order (the first source of
    a period on the line, the others as points beside it, at most three at
    one spot); targets and forecasts are hollow points off the line.  Each point links to
    ``href(point)``: the sentence that states it.
    """
    by_unit: dict[str, list[tuple[int, Series, list[SeriesPoint]]]] = {}
    for i, s in enumerate(series):
        for unit in s.units:
            pts = [p for p in s.points if p.unit == unit and year_fraction(p.period_start, p.period_end) is not None]
            if pts:
                by_unit.setdefault(unit, []).append((i % PALETTE, s, pts))
    charts = []
    for unit, rows in by_unit.items():
        n = sum(len(pts) for _c, _s, pts in rows)
        charts.append(_chart(unit, rows, href=href, width=width, height=height if n > 4 else height * 2 // 3))
    charts.sort(key=lambda c: -c.points)
    return charts


def _chart(unit: str, rows: list[tuple[int, Series, list[SeriesPoint]]], *, href: Callable[[SeriesPoint], str],
           width: int, height: int) -> Chart:
    left, right, top, bottom = 84, 16, 14, 30
    xs = [year_fraction(p.period_start, p.period_end) or 0.0 for _c, _s, pts in rows for p in pts]
    lo, hi = math.floor(min(xs)), math.floor(max(xs)) + 1
    ys = [p.value for _c, _s, pts in rows for p in pts]
    ymin = min(0.0, min(ys))
    ticks = _nice_ticks(max(ys) if max(ys) > 0 else 1.0)
    if ymin < 0:
        neg = _nice_ticks(-ymin)
        ticks = [-t for t in reversed(neg[1:])] + ticks
    y0, y1 = ticks[0], ticks[-1]
    pw, ph = width - left - right, height - top - bottom

    def sx(x: float) -> float:
        return left + (x - lo) / (hi - lo) * pw

    def sy(y: float) -> float:
        return top + ph - (y - y0) / ((y1 - y0) or 1) * ph

    parts: list[Markup] = []
    for t in ticks:
        parts.append(_tag('<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>'
                            '<text class="axis" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>', left, width - right, sy(t), sy(t), left - 6, sy(t) + 4, axis_value(t, unit)))
    for year in range(lo, hi + 1):
        if year < hi:
            parts.append(_tag('<text class="axis" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>', sx(year + 0.5), height - 10, year if (hi - lo) <= 14 or year % 2 == 0 else ""))
        parts.append(_tag('<line class="tick" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>', sx(year), sx(year), top + ph, top + ph + 5))
    parts.append(_tag('<line class="axis-line" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>', left, width - right, top + ph, top + ph))
    legend = []
    n_points = 0
    placed: dict[tuple[int, int], int] = {}  # points at one spot (two sources of one figure) sit side by side
    for colour, s, pts in rows:
        legend.append((s.label, f"s{colour}"))
        line: dict[float, SeriesPoint] = {}
        for p in pts:
            x = year_fraction(p.period_start, p.period_end) or 0.0
            if (p.qualifier or "") not in NOT_OBSERVED:
                line.setdefault(round(x, 3), p)
        if len(line) > 1:
            coords = " ".join(f"{sx(x):.1f},{sy(p.value):.1f}" for x, p in sorted(line.items()))
            parts.append(_tag('<polyline class="line s{}" points="{}"/>', colour, coords))
        for p in pts:
            x = year_fraction(p.period_start, p.period_end) or 0.0
            hollow = (p.qualifier or "") in NOT_OBSERVED
            tip = " · ".join(filter(None, [s.label, format_period(p.period_start, p.period_end) or p.period_text,
                                           format_value(p.value, p.unit, approximate=p.approximate),
                                           p.qualifier, f"source: {p.document}"]))
            spot = (round(sx(x)), round(sy(p.value)))
            shift = placed.get(spot, 0)
            placed[spot] = shift + 1
            if shift >= SAME_SPOT:  # more sources of one figure: the page's table lists them all
                continue
            parts.append(_tag('<a href="{}" class="point-link"><circle class="pt s{}{}" cx="{:.1f}" cy="{:.1f}" '
                                'r="{}" data-value="{}"><title>{}</title></circle></a>', href(p), colour, " hollow" if hollow else "", sx(x) + 9 * shift, sy(p.value),
                                 4.5 if not hollow else 4, p.value, tip))
            n_points += 1
    hidden = sum(max(0, n - SAME_SPOT) for n in placed.values())
    if hidden:
        parts.append(_tag('<text class="axis" x="{}" y="{}" text-anchor="end">{} more sources of the same values '
                          'are in the table</text>', width - right, top + 10, hidden))
    svg = _tag('<svg class="chart trade" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}">{}</svg>',
               width, height, f"trade series in {unit}", Markup("").join(parts))
    return Chart(unit=unit, svg=svg, legend=legend, points=n_points)


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: int
    start: str | None
    end: str | None
    kind: str
    label: str
    encounter: bool
    href: str


def timeline(items: Sequence[TimelineItem], *, width: int = 1100,
             more: Callable[[str, str], str] | None = None) -> Markup | None:
    """Events along time: encounters on the upper lane, statements and other happenings below.

    Events that fall in the same 10-pixel column of a lane are stacked, up to
    five; a busier column shows four and one "+N" point that links to
    ``more(first date, last date)`` (the list of those events).  Undated events
    are left out (the page lists them).  None when nothing is dated.
    """
    dated = [(year_fraction(i.start, i.end), i) for i in items]
    dated = [(x, i) for x, i in dated if x is not None]
    if not dated:
        return None
    lo = min(x for x, _ in dated)
    hi = max(x for x, _ in dated)
    lo, hi = math.floor(lo - 0.05), math.floor(hi + 0.05) + 1
    left, right, column = 96, 20, 10
    lanes = {True: 44, False: 112}
    height = 168
    pw = width - left - right

    def sx(x: float) -> float:
        return left + (x - lo) / (hi - lo) * pw

    parts: list[Markup] = []
    for encounter, y in lanes.items():
        parts.append(_tag('<line class="lane" x1="{}" x2="{}" y1="{}" y2="{}"/>'
                          '<text class="lane-label" x="{}" y="{}" text-anchor="end">{}</text>',
                          left, width - right, y, y, left - 10, y + 4, "Encounters" if encounter else "Statements"))
    for year in _year_ticks(lo, hi, 16):
        parts.append(_tag('<line class="year" x1="{:.1f}" x2="{:.1f}" y1="20" y2="{}"/>'
                          '<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>',
                          sx(year), sx(year), height - 24, sx(year), height - 8, year))
    columns: dict[tuple[bool, int], list[tuple[float, TimelineItem]]] = {}
    for x, item in sorted(dated, key=lambda xi: (xi[0], xi[1].id)):
        px = sx(x)
        columns.setdefault((item.encounter, int((px - left) // column)), []).append((px, item))
    offsets = (0, -10, 10, -20, 20)
    for (encounter, _col), members in columns.items():
        shown = members if len(members) <= len(offsets) else members[:len(offsets) - 1]
        for level, (px, item) in enumerate(shown):
            shape = "ev-encounter" if item.encounter else "ev-statement"
            parts.append(_tag('<a href="{}" class="event-link"><circle class="ev {} k-{}" cx="{:.1f}" cy="{:.1f}" '
                              'r="{}" data-event="{}"><title>{}</title></circle></a>',
                              item.href, shape, item.kind, px, lanes[encounter] + offsets[level],
                              6 if encounter else 4.5, item.id, item.label))
        rest = members[len(shown):]
        if rest:
            first = min((i.start for _x, i in rest if i.start), default="")
            last = max((i.end or i.start for _x, i in rest if i.start), default="")
            href = more(first, last) if more else rest[0][1].href
            parts.append(_tag('<a href="{}" class="event-link"><circle class="ev ev-more" cx="{:.1f}" cy="{:.1f}" '
                              'r="7" data-count="{}"><title>{} more events, {} – {}</title></circle>'
                              '<text class="more-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">+</text></a>',
                              href, rest[0][0], lanes[encounter] + offsets[-1], len(rest), len(rest), first, last,
                              rest[0][0], lanes[encounter] + offsets[-1] + 4))
    return _tag('<svg class="chart timeline" viewBox="0 0 {} {}" width="100%" role="img" '
                'aria-label="timeline of events">{}</svg>', width, height, Markup("").join(parts))


# --------------------------------------------------------------------------- network


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    name: str
    country: str | None
    weight: int
    href: str
    title: str = ""


def network(nodes: Sequence[Node], edges: Sequence[tuple[int, int, int]], *, sides: tuple[str, str],
            width: int = 1100, most: int = 12) -> Markup | None:
    """Who met whom: one column per side (the other countries between), a line per pair of people who took
    part in the same encounters, thicker the more often.  Each column keeps its ``most`` most frequent
    people (the page lists everyone).  None without edges."""
    if not nodes or not edges:
        return None
    a, b = sides
    columns: dict[str, list[Node]] = {"a": [], "mid": [], "b": []}
    for n in sorted(nodes, key=lambda n: (-n.weight, n.name)):
        column = columns["a" if n.country == a else "b" if n.country == b else "mid"]
        if len(column) < most:
            column.append(n)
    kept = {n.id for col in columns.values() for n in col}
    edges = [(p, q, w) for p, q, w in edges if p in kept and q in kept]
    nodes = [n for n in nodes if n.id in kept]
    if not edges:
        return None
    columns = {"a": [], "mid": [], "b": []}
    for n in sorted(nodes, key=lambda n: (-n.weight, n.name)):
        columns["a" if n.country == a else "b" if n.country == b else "mid"].append(n)
    xs = {"a": width * 0.28, "mid": width * 0.5, "b": width * 0.72}
    rows = max(len(c) for c in columns.values())
    height = max(120, rows * 46 + 30)
    pos: dict[int, tuple[float, float, str]] = {}
    for col, members in columns.items():
        gap = (height - 30) / max(len(members), 1)
        for k, n in enumerate(members):
            pos[n.id] = (xs[col], 15 + gap * (k + 0.5), col)
    top = max((w for _x, _y, w in edges), default=1)
    parts: list[Markup] = []
    for p, q, w in edges:
        if p not in pos or q not in pos:
            continue
        (x1, y1, c1), (x2, y2, c2) = pos[p], pos[q]
        stroke = 1.2 + 3.2 * (w / top)
        if c1 == c2:  # same column: bow outwards
            bow = -70 if c1 == "a" else 70
            d = f"M{x1:.1f},{y1:.1f} Q{x1 + bow:.1f},{(y1 + y2) / 2:.1f} {x2:.1f},{y2:.1f}"
        else:
            d = f"M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"
        parts.append(_tag('<path class="edge" d="{}" stroke-width="{:.1f}"><title>{} encounter{}</title></path>', d, stroke, w, "s" if w != 1 else ""))
    biggest = max(n.weight for n in nodes) or 1
    for n in nodes:
        x, y, col = pos[n.id]
        r = 6 + 6 * math.sqrt(n.weight / biggest)
        side = "side-a" if col == "a" else "side-b" if col == "b" else "side-other"
        anchor, dx = ("end", -r - 6) if col == "a" else ("start", r + 6) if col == "b" else ("middle", 0)
        dy = 4 if col != "mid" else -r - 5
        parts.append(_tag('<a href="{}" class="node-link"><circle class="node {}" cx="{:.1f}" cy="{:.1f}" r="{:.1f}">'
                            '<title>{}</title></circle><text class="node-label" x="{:.1f}" y="{:.1f}" '
                            'text-anchor="{}">{}</text></a>', n.href, side, x, y, r, n.title or n.name, x + dx, y + dy, anchor, _short(n.name, 36)))
    return _tag('<svg class="chart network" viewBox="0 0 {} {}" width="100%" role="img" '
                  'aria-label="who met whom">{}</svg>', width, height, Markup("").join(parts))


# --------------------------------------------------------------------------- role spells


@dataclass(frozen=True, slots=True)
class Spell:
    title: str
    first: str | None
    last: str | None
    qualifier: str | None = None


def spells(items: Sequence[Spell], *, width: int = 1100) -> Markup | None:
    """A person's titles over time: a bar from the first to the last date an article shows each (a dot when
    they are the same day).  None when no title is dated."""
    rows = [(year_fraction(s.first), year_fraction(s.last or s.first), s) for s in items]
    rows = [(a, b, s) for a, b, s in rows if a is not None and b is not None]
    if not rows:
        return None
    lo = math.floor(min(a for a, _b, _s in rows))
    hi = math.floor(max(b for _a, b, _s in rows)) + 1
    left, right, row_h = 300, 16, 26
    height = len(rows) * row_h + 34
    pw = width - left - right

    def sx(x: float) -> float:
        return left + (x - lo) / (hi - lo) * pw

    parts: list[Markup] = []
    for year in _year_ticks(lo, hi, 10):
        parts.append(_tag('<line class="year" x1="{:.1f}" x2="{:.1f}" y1="4" y2="{}"/>'
                            '<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>', sx(year), sx(year), height - 22, sx(year), height - 6, year))
    for k, (a, b, s) in enumerate(rows):
        y = 10 + k * row_h
        label = _short(s.title + (f" ({s.qualifier})" if s.qualifier else ""), 46)
        tip = f"{s.title}: {s.first or '?'} – {s.last or s.first or '?'}"
        parts.append(_tag('<text class="spell-label" x="{}" y="{:.1f}" text-anchor="end">{}<title>{}</title></text>', left - 10, y + 12, label, tip))
        x1, x2 = sx(a), max(sx(b), sx(a) + 8)
        parts.append(_tag('<rect class="spell" x="{:.1f}" y="{}" width="{:.1f}" height="14" rx="7">'
                            '<title>{}</title></rect>', x1 - 4, y + 2, x2 - x1 + 8, tip))
    return _tag('<svg class="chart spells" viewBox="0 0 {} {}" width="100%" role="img" '
                  'aria-label="titles over time">{}</svg>', width, height, Markup("").join(parts))
