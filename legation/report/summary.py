"""A terminal digest of extracted documents: who, what happened, which figures.

Lives in ``report/`` (not the CLI) so the API or a notebook can render the same
digest; it only reads contract models.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from legation.models import Extraction, ExtractionSet


def _fmt_value(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(value) >= scale:
            return f"{unit} {value / scale:g} {word}"
    return f"{unit} {value:g}"


def _document(console: Console, doc: Extraction) -> None:
    head = doc.title or doc.id
    console.rule(f"[bold]{head}[/bold]  ({doc.published or 'undated'})")
    orgs = {o.id: o for o in doc.organizations}
    people = {p.id: p for p in doc.people}
    if doc.people:
        t = Table(title="People", show_lines=False, expand=False)
        for col in ("name", "country", "titles"):
            t.add_column(col)
        for p in doc.people:
            titles = "; ".join(x.text for x in p.titles)
            t.add_row(p.name, p.country or "", titles)
        console.print(t)
    if doc.events:
        t = Table(title="Events")
        for col in ("date", "kind", "place", "participants", "code"):
            t.add_column(col)
        for e in doc.events:
            date = ""
            if e.date:
                date = (e.date.start or "?") + (f"..{e.date.end}" if e.date.end else "")
            place = ""
            if e.place:
                place = ", ".join(x for x in (e.place.name, e.place.country) if x)
            who = ", ".join(people[x].name if x in people else x for x in e.participants)
            if e.delegations:
                who += (" + " if who else "") + ", ".join(orgs[x].name if x in orgs else x for x in e.delegations)
            code = f"{e.plover.type}/{e.plover.mode or '-'} {e.cameo or ''}" if e.plover else (e.cameo or "")
            t.add_row(date, e.kind, place, who, code)
        console.print(t)
    if doc.figures:
        t = Table(title="Figures")
        for col in ("measure", "from", "to", "value", "period"):
            t.add_column(col)
        for f in doc.figures:
            period = ""
            if f.period:
                period = f.period.start or ""
                if f.period.end and f.period.end != f.period.start:
                    period += f"..{f.period.end}"
            measure = f.measure + (f" ({f.subject})" if f.subject else "")
            t.add_row(measure, f.from_ or "", f.to or "",
                      ("~" if f.approximate else "") + _fmt_value(f.value, f.unit), period)
        console.print(t)


def render_summary(data: ExtractionSet, console: Console | None = None) -> None:
    console = console or Console()
    for doc in data.documents:
        _document(console, doc)
    n_people = sum(len(d.people) for d in data.documents)
    n_events = sum(len(d.events) for d in data.documents)
    n_fig = sum(len(d.figures) for d in data.documents)
    console.print(f"{len(data.documents)} documents, {n_people} people, {n_events} events, "
                  f"{n_fig} figures; {len(data.rejected)} rejected")
