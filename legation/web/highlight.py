"""An article's text with every extracted fact marked in place, safe to put in a page.

Two layers of marks over the text:

* **facts** — the sentence an event, a figure or a warning was read from
  (its evidence span): a ``<mark>`` around the sentence, with small tags after
  it naming each fact (``meeting``, ``US$268 million · 2019``) and linking to
  it.  Facts whose sentences overlap share one mark, so marks never cross.
  Each fact leaves an empty anchor ``<span id="at-START-END">`` at its start;
  other pages link to ``/documents/ID#at-START-END`` and the stylesheet
  lights up the mark holding the targeted anchor.
* **mentions** — each name of a person, organization or place, and each date:
  a link to the entity's page (a span when it is not resolved), with what it
  was read as in its ``title``.  A mention inside another keeps the outer one;
  a mention that crosses a fact's edge is cut there.

Article text is untrusted: every piece of it, and every attribute value, goes
through ``markupsafe.escape`` (``_tag`` escapes every string it formats); the
text is never marked safe as it is.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Tag:
    """A small label after a fact's sentence, linking to the fact."""

    label: str
    href: str
    kind: str  # event, figure, warning (a CSS class)
    title: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    start: int
    end: int
    kind: str
    tag: Tag | None = None

    @property
    def anchor(self) -> str:
        return anchor_id(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # person, organization, place, date, credit (a CSS class)
    href: str | None = None
    title: str = ""
    anchor: str | None = None  # an id for the first mention of a record (P1, O2, ...)
    #: ids of mentions hidden inside this one ("Ho Chi Minh City" in "Ho Chi Minh City People's Committee")
    hidden: tuple[str, ...] = ()


@dataclass(slots=True)
class _Group:
    start: int
    end: int
    facts: list[Fact] = field(default_factory=list)


def _tag(template: str, *args: object) -> Markup:
    """``template.format(*args)`` with every string argument escaped (a fast ``Markup.format``)."""
    return Markup(template.format(*(escape(a) if isinstance(a, str) else a for a in args)))


def anchor_id(start: int, end: int) -> str:
    """The id of the anchor of a fact read from ``text[start:end]``."""
    return f"at-{start}-{end}"


def _valid(start: int, end: int, size: int) -> bool:
    return 0 <= start < end <= size


def _groups(facts: Iterable[Fact], size: int) -> list[_Group]:
    """Facts merged into runs of overlapping spans (touching spans stay apart)."""
    out: list[_Group] = []
    for fact in sorted((f for f in facts if _valid(f.start, f.end, size)), key=lambda f: (f.start, -f.end)):
        if out and fact.start < out[-1].end:
            out[-1].end = max(out[-1].end, fact.end)
            out[-1].facts.append(fact)
        else:
            out.append(_Group(fact.start, fact.end, [fact]))
    return out


def _mentions(mentions: Iterable[Mention], size: int, cuts: Sequence[int]) -> list[Mention]:
    """Non-overlapping mentions (outer and earlier first), cut at the facts' edges."""
    kept: list[Mention] = []
    last_end = -1
    for m in sorted((m for m in mentions if _valid(m.start, m.end, size)), key=lambda m: (m.start, -m.end)):
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
        elif m.anchor:  # hidden inside the previous one: keep its id there, so links to it still land
            outer = kept[-1]
            kept[-1] = Mention(outer.start, outer.end, outer.kind, outer.href, outer.title, outer.anchor,
                               (*outer.hidden, m.anchor))
    out: list[Mention] = []
    for m in kept:
        start = m.start
        i = bisect.bisect_right(cuts, start)
        anchor, hidden = m.anchor, m.hidden
        while i < len(cuts) and cuts[i] < m.end:
            out.append(Mention(start, cuts[i], m.kind, m.href, m.title, anchor, hidden))
            anchor, hidden = None, ()
            start = cuts[i]
            i += 1
        out.append(Mention(start, m.end, m.kind, m.href, m.title, anchor, hidden))
    return out


def _mention(text: str, m: Mention) -> Markup:
    body = escape(text[m.start:m.end])
    ident = _tag(' id="{}"', m.anchor) if m.anchor else Markup("")
    title = _tag(' title="{}"', m.title) if m.title else Markup("")
    before = Markup("").join(_tag('<span class="anchor" id="{}"></span>', a) for a in m.hidden)
    if m.href:
        return before + _tag('<a class="m m-{}" href="{}"{}{}>{}</a>', m.kind, m.href, ident, title, body)
    return before + _tag('<span class="m m-{}"{}{}>{}</span>', m.kind, ident, title, body)


def _tags(group: _Group) -> Markup:
    seen: set[tuple[str, str]] = set()
    parts = []
    for fact in group.facts:
        tag = fact.tag
        if tag is None or (tag.label, tag.href) in seen:
            continue
        seen.add((tag.label, tag.href))
        title = _tag(' title="{}"', tag.title) if tag.title else Markup("")
        parts.append(_tag('<a class="tag tag-{}" href="{}"{}>{}</a>', tag.kind, tag.href, title, tag.label))
    return _tag('<span class="tags">{}</span>', Markup("").join(parts)) if parts else Markup("")


def highlight(text: str, facts: Iterable[Fact] = (), mentions: Iterable[Mention] = ()) -> Markup:
    """``text`` as HTML with ``facts`` and ``mentions`` marked (see the module docstring).

    Spans outside the text or empty are ignored; the text between marks is
    escaped as it is (keep it in an element with ``white-space: pre-wrap`` to
    show its paragraphs).
    """
    size = len(text)
    groups = _groups(facts, size)
    cuts = sorted({g.start for g in groups} | {g.end for g in groups})
    marks = _mentions(mentions, size, cuts)
    starts = [m.start for m in marks]
    out: list[Markup | str] = []

    def plain(a: int, b: int) -> None:
        i = bisect.bisect_left(starts, a)
        pos = a
        while i < len(marks) and marks[i].start < b:
            m = marks[i]
            out.append(escape(text[pos:m.start]))
            out.append(_mention(text, m))
            pos = m.end
            i += 1
        out.append(escape(text[pos:b]))

    pos = 0
    for g in groups:
        plain(pos, g.start)
        kinds = " ".join(sorted({f"fact-{f.kind}" for f in g.facts}))
        anchors = Markup("").join(_tag('<span class="anchor" id="{}"></span>', a)
                                  for a in dict.fromkeys(f.anchor for f in g.facts))
        out.append(_tag('<mark class="fact {}">{}', kinds, anchors))
        plain(g.start, g.end)
        out.append(Markup("</mark>"))
        out.append(_tags(g))
        pos = g.end
    plain(pos, size)
    return Markup("").join(escape(piece) for piece in out)
