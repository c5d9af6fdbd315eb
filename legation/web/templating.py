"""The Jinja environment of the pages: autoescaping always on, and the filters the templates use.

Autoescape is on for every template, so any value a template prints is
escaped unless it is ``Markup`` built by our own code (``highlight``,
``charts``), which escapes each piece it takes from an article.  No template
uses ``|safe`` (a test checks it).  Addresses are built by the ``*_url``
helpers, which percent-encode ids; an article's own URL is linked only when
it is http(s).
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from legation import __version__
from legation.report.relations import ENCOUNTERS
from legation.report.summary import format_period, format_value

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@functools.lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """ISO alpha-2 -> the country's common name (pycountry); the code itself when unknown."""
    if not code:
        return ""
    try:
        import pycountry

        found = pycountry.countries.get(alpha_2=code.upper())
    except (ImportError, KeyError, LookupError):
        found = None
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def day(value: str | None) -> str:
    """2019-09-17 -> 17 Sep 2019; 2019-09 -> Sep 2019; 2019 -> 2019; unknown parts stay as given."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 3 and parts[0].isdigit():
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2 and parts[0].isdigit():
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value


def dates(start: str | None, end: str | None = None) -> str:
    """A date or a range, as readers write them."""
    if not start:
        return "undated"
    if end and end != start:
        return f"{day(start)} – {day(end)}"
    return day(start)


def encounter(kind: str | None) -> bool:
    return (kind or "") in ENCOUNTERS


def _q(value: Any) -> str:
    return quote(str(value), safe="")


def document_url(doc_id: str, anchor: str | None = None, *, at: Any = None) -> str:
    """A document's page; ``at`` (an ``Evidence`` or a (start, end) pair) marks that span and scrolls to it,
    whether or not it is one of the document's facts."""
    url = f"/documents/{_q(doc_id)}"
    if at is not None:
        start, end = (at.start, at.end) if hasattr(at, "start") else at
        return f"{url}?at={int(start)}-{int(end)}#at-{int(start)}-{int(end)}"
    return url + (f"#{anchor}" if anchor else "")


def entity_url(kind: str, entity_id: int | str) -> str:
    prefix = {"person": "people", "organization": "organizations", "place": "places", "event": "events",
              "document": "documents"}[kind]
    return f"/{prefix}/{_q(entity_id)}"


def pair_url(a: str, b: str) -> str:
    return f"/pairs/{_q(a.upper())}-{_q(b.upper())}"


def safe_link(url: str | None) -> str | None:
    """An article's URL when it is http(s) (never ``javascript:`` or ``data:``), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query(base: str, **params: Any) -> str:
    """``base?k=v&...`` with the non-empty parameters (lists repeat their key)."""
    pairs = []
    for key, value in params.items():
        if value is None or value == "" or value is False:
            continue
        for v in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((key, "1" if v is True else str(v)))
    return base + ("?" + urlencode(pairs) if pairs else "")


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def kind_label(kind: str | None) -> str:
    return (kind or "").replace("_", " ")


@functools.lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    """CAMEO code -> its name, from the event coding table the extractor uses (legation/data/events)."""
    out: dict[str, str] = {}
    try:
        raw = resources.files("legation").joinpath("data/events/coding.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return out
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
        code, label = (row.get("cameo") or "").strip(), (row.get("cameo_label") or "").strip()
        if code and label and code not in out:
            out[code] = label
    return out


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The pages' Jinja environment (built once; it holds only package data)."""
    env = Environment(loader=PackageLoader("legation.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(country=country_name, day=day, money=format_value, period=format_period,
                       plural=plural, kind=kind_label)
    env.globals.update(dates=dates, document_url=document_url, entity_url=entity_url, pair_url=pair_url,
                       safe_link=safe_link, query=query, encounter=encounter, country_name=country_name,
                       version=__version__, cameo_labels=cameo_labels, format_value=format_value)
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
