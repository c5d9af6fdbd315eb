"""A terminal digest of extracted documents: who, what happened, which figures.

Lives in ``report/`` (not the CLI) so the API or a notebook can render the same
digest; it only reads contract models.  Why a digest and not a dump: the first
thing a new user wants to see is whether Legation understood the article
(people with their titles, encounters in date order, trade figures with their
direction and period), in a form that can be checked against the text by eye.
"""

from __future__ import annotations

import calendar
from datetime import date

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from legation.models import Event, Extraction, ExtractionSet, Figure, Person

__all__ = ["format_period", "format_value", "render_summary"]

_CURRENCY_SIGNS = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def format_value(value: float, unit: str, *, approximate: bool = False) -> str:
    """``23000000, "USD"`` -> ``US$23 million``; ``23.0, "percent"`` -> ``23%``."""
    prefix = "~" if approximate else ""
    if unit == "percent":
        return f"{prefix}{value:g}%"
    number = f"{value:,.0f}" if abs(value) < 1e3 else None
    for scale, word in _SCALES:
        if abs(value) >= scale:
            number = f"{value / scale:,.3g} {word}" if abs(value / scale) < 1000 else f"{value / scale:,.0f} {word}"
            break
    sign = _CURRENCY_SIGNS.get(unit)
    return f"{prefix}{sign}{number}" if sign else f"{prefix}{unit} {number}"


def _parse(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day) if day and len(day) == 10 else None
    except ValueError:
        return None


def format_period(start: str | None, end: str | None) -> str:
    """Whole years and months read as such: ``2019``, ``Nov 2021``, ``Jan–Oct 2021``."""
    if not start and not end:
        return ""
    a, b = _parse(start), _parse(end)
    if a is None or b is None:
        return start if not end or end == start else f"{start or '?'} – {end}"
    last_of_b = calendar.monthrange(b.year, b.month)[1]
    if a.day == 1 and b.day == last_of_b:
        if a.year == b.year and a.month == 1 and b.month == 12:
            return str(a.year)
        if a.month == 1 and b.month == 12:
            return f"{a.year}–{b.year}"
        if (a.year, a.month) == (b.year, b.month):
            return f"{calendar.month_abbr[a.month]} {a.year}"
        if a.year == b.year:
            return f"{calendar.month_abbr[a.month]}–{calendar.month_abbr[b.month]} {a.year}"
    return start if a == b else f"{start} – {end}"


def _titles(person: Person) -> list[str]:
    """Distinct titles, leaving out one that a longer title already contains."""
    texts = list(dict.fromkeys(t.text for t in person.titles if t.text))
    return [t for t in texts if not any(t != o and t.lower() in o.lower() for o in texts)]


def _event_date(event: Event) -> str:
    if not event.date:
        return "?"
    d = event.date
    return d.start + (f" – {d.end}" if d.end and d.end != d.start else "") if d.start else "?"


def _people(doc: Extraction) -> Table | None:
    if not doc.people:
        return None
    t = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    t.add_column(style="bold", no_wrap=True)
    t.add_column(style="cyan", no_wrap=True)
    t.add_column()
    for p in doc.people:
        t.add_row(p.name, p.country or "–", "; ".join(_titles(p)) or Text("(no title)", style="dim"))
    return t


def _events(doc: Extraction) -> Table | None:
    if not doc.events:
        return None
    people = {p.id: p.name for p in doc.people}
    orgs = {o.id: o.name for o in doc.organizations}
    t = Table(box=None, show_header=False, padding=(0, 1))
    t.add_column(style="green", no_wrap=True)
    t.add_column(style="bold", no_wrap=True)
    t.add_column(no_wrap=True)
    t.add_column()
    for e in sorted(doc.events, key=lambda e: (e.date.start if e.date and e.date.start else "9999")):
        place = ", ".join(x for x in ((e.place.name, e.place.country) if e.place else ()) if x)
        who = [people.get(x, x) for x in e.participants] + [orgs.get(x, x) for x in e.delegations]
        t.add_row(_event_date(e), e.kind, place or "–", ", ".join(who) or "–")
    return t


def _figure_row(f: Figure) -> tuple[str, str, str, str]:
    measure = f.measure.replace("_", " ") + (f" ({f.subject})" if f.subject else "")
    if f.from_ and f.to:
        flow = f"{f.from_} → {f.to}" if f.measure != "trade_turnover" else f"{f.from_} ↔ {f.to}"
    else:
        flow = f.from_ or f.to or "–"
    period = format_period(f.period.start, f.period.end) if f.period else ""
    return measure, flow, format_value(f.value, f.unit, approximate=f.approximate), period or "–"


def _figures(doc: Extraction) -> Table | None:
    if not doc.figures:
        return None
    t = Table(box=None, show_header=False, padding=(0, 1))
    t.add_column(style="magenta", no_wrap=True)
    t.add_column()
    t.add_column(justify="right", style="bold", no_wrap=True)
    t.add_column(no_wrap=True)
    for f in doc.figures:
        t.add_row(*_figure_row(f))
    return t


def _document(console: Console, doc: Extraction) -> None:
    console.rule(Text(doc.title or doc.id, style="bold"), align="left")
    basis = f" ({doc.published_basis})" if doc.published and doc.published_basis else ""
    console.print(Text.assemble(("published ", "dim"), (doc.published or "unknown", "green"), (basis, "dim"),
                                ("  ·  ", "dim"), (doc.source, "dim")), no_wrap=True, overflow="ellipsis")
    for heading, table in (("People", _people(doc)), ("Events", _events(doc)), ("Figures", _figures(doc))):
        if table is not None:
            console.print(Group(Text(heading, style="underline"), Padding(table, (0, 0, 0, 2))))
    if not (doc.people or doc.events or doc.figures):
        console.print(Text("nothing extracted", style="dim"))
    console.print()


def render_summary(data: ExtractionSet, console: Console | None = None) -> None:
    """Print the digest of every document, then totals and any rejected inputs."""
    console = console or Console()
    for doc in data.documents:
        _document(console, doc)
    n_people = sum(len(d.people) for d in data.documents)
    n_events = sum(len(d.events) for d in data.documents)
    n_fig = sum(len(d.figures) for d in data.documents)
    console.print(Text(f"{len(data.documents)} documents: {n_people} people, {n_events} events, {n_fig} figures; "
                       f"{len(data.rejected)} rejected", style="bold"))
    for r in data.rejected:
        console.print(Text(f"  rejected {r.source}: {r.error}", style="red"))
