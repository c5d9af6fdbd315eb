"""Amounts of money, percentages and fractions in text: find, parse, format.

``find_amounts(text)`` returns every ``Amount`` with its span, value in base
units (US$23 million -> 23000000; 23 percent -> 23.0), unit (an ISO 4217 code,
``percent`` or ``percentage_point``), whether the text hedges it ("around",
"nearly", "over"), the bounds of a stated range ("$3-4 million", "between 5
and 7 percent"; the value is then the midpoint) and a currency equivalent given
in parentheses ("VND 3 trillion (US$120 million)": the first-stated amount is
the figure, the conversion rides along).

``parse_money`` and ``format_money`` are inverse: ``parse_money(format_money(x,
u)) == (x, u)`` exactly, because values go through ``Decimal`` (shifting a
decimal point is exact there, multiplying floats is not).

Currency symbols, currency words, scale words and hedges live in
``legation/data/money.json``; ISO 4217 codes come from pycountry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Amount", "find_amounts", "format_money", "lexicon", "parse_money"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists of ``legation/data/money.json`` plus pycountry's ISO 4217 codes (read once)."""
    import pycountry

    data = json.loads(resources.files("legation").joinpath("data/money.json").read_text("utf-8"))
    black = set(data["code_blacklist"])
    data["codes"] = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in black)
    return data


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount as the text states it (offsets are into the scanned text)."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # ISO 4217 code, "percent" or "percentage_point"
    kind: str  # "money", "percent" or "fraction"
    approximate: bool = False
    hedge: str | None = None  # the hedging word: "around", "over", ...
    low: float | None = None  # a stated range: value is the midpoint
    high: float | None = None
    equivalent: Amount | None = None  # "(US$120 million)" after "VND 3 trillion"
    number_start: int = -1  # where the number itself starts (after hedge and currency)

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


@lru_cache(maxsize=1)
def _regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    from legation.nlp.temporal import lexicon as time_lexicon

    words = [w for w, v in time_lexicon()["cardinals"].items() if v and w not in ("a", "an")] + ["a", "an"]
    prefixes = _alt(list(lex["prefix_symbols"]) + lex["codes"])
    suffixes = _alt(list(lex["suffix_words"]) + lex["codes"])
    scales = _alt(lex["scales"])
    attached = _alt(lex["attached_scales"])
    pct = _alt(lex["percent_words"])
    approx = _alt(lex["approximations"])
    fr_counts = _alt(lex["fraction_counts"])
    fracs = _alt(lex["fractions"])

    def amount(i: int) -> str:
        return (rf"(?:(?P<pre{i}>(?<![\w$])(?:{prefixes}))[ \u00a0]?)?"
                rf"(?P<n{i}>(?<![\d.,])(?:{_NUM})|\b(?:{_alt(words)})(?=[ \u00a0]+(?:{scales})\b))"
                rf"(?:[ \u00a0]*(?P<sc{i}>{scales})\b|(?P<at{i}>{attached})\b)?")

    single = (
        rf"(?:(?P<approx>(?<![\w-])(?:{approx}))[ \u00a0]+)?"
        rf"(?P<neg>-(?=[\d$])|minus[ \u00a0]+)?"
        rf"{amount(1)}"
        rf"(?:[ \u00a0]*(?P<pct>{pct})(?!\w)|[ \u00a0]*(?P<suf>(?<![\w$])(?:{suffixes}))\b)?"
    )
    pattern = (
        rf"(?:(?P<approx>(?<![\w-])(?:{approx}))[ \u00a0]+)?"
        rf"(?P<neg>-(?=[\d$])|minus[ \u00a0]+)?"
        rf"(?:(?P<between>between)[ \u00a0]+)?"
        rf"(?:(?:(?P<fc>\b(?:{fr_counts}))[ \u00a0-]+(?P<frac>(?:{fracs}))|(?P<half>\b[Hh]alf))\b(?=\s+of\b)"
        rf"|{amount(1)}"
        rf"(?:(?P<rsep>[ \u00a0]*[-–—][ \u00a0]*|[ \u00a0]+to[ \u00a0]+|[ \u00a0]+and[ \u00a0]+){amount(2)})?"
        rf"(?:[ \u00a0]*(?P<pct>{pct})(?!\w)|[ \u00a0]*(?P<suf>(?<![\w$])(?:{suffixes}))\b)?)"
    )
    return re.compile(pattern), re.compile(single)


_APPROX_TAIL = re.compile(r"(?:\s+or\s+(?:so|more)\b|-?plus\b|-odd\b|\s+odd\b)")
_PAREN_BARE = re.compile(r"\s*\(\s*")
_OR = re.compile(r",?\s+or\s+")
_PAREN = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|or|equivalent\s+to|~|≈)?\s*")


def find_amounts(text: str, countries: Sequence[str] = ()) -> list[Amount]:
    """Every amount of money, percentage or fraction in ``text``, in order.

    ``countries`` are the ISO alpha-2 codes of the countries the article is about, most salient
    first: they decide a currency word several countries use ("pesos" in an article about Mexico
    are MXN, "Rs." in one about Sri Lanka LKR).
    """
    full, single = _regex()
    countries = tuple(countries)
    out: list[Amount] = []
    pos = 0
    while pos <= len(text):
        m = full.search(text, pos)
        if m is None:
            break
        built = _build(m, text, countries)
        if not built and m.groupdict().get("n2") is not None:
            one = single.match(text, m.start())  # a rejected range: "2013 to $23 million"
            built = _build(one, text, countries) if one else []
        if built:
            out.extend(built)
            pos = max(a.end for a in built)
        else:
            pos = m.start() + 1
    # attach parenthetical equivalents: "VND 3 trillion (US$120 million)"
    merged: list[Amount] = []
    skip: set[int] = set()
    for i, a in enumerate(out):
        if i in skip:
            continue
        if a.kind == "money" and i + 1 < len(out):
            b = out[i + 1]
            if b.kind == "money" and b.unit != a.unit and _converted(text, a, b):
                merged.append(replace(a, equivalent=b))
                skip.add(i + 1)
                continue
        merged.append(a)
    return merged


def _converted(text: str, a: Amount, b: Amount) -> bool:
    """Is ``b`` the conversion of ``a``: "VND 3 trillion (US$120 million)", "Tk 17,930 crore, or about
    $1.63 billion"?  (A hedge before ``b`` is part of ``b``.)"""
    for opening in (_PAREN, _PAREN_BARE):
        gap = opening.match(text, a.end)
        if gap and gap.end() == b.start:
            return re.match(r"\s*\)", text[b.end:b.end + 8]) is not None
    gap = _OR.match(text, a.end)
    return bool(gap and gap.end() == b.start)


def _number(s: str) -> Decimal | None:
    s = s.replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        from legation.nlp.temporal import lexicon as time_lexicon

        n = time_lexicon()["cardinals"].get(s.lower())
        return Decimal(n) if n else None


def _scale(m: _Groups, i: int) -> Decimal:
    lex = lexicon()
    if m[f"sc{i}"]:
        return Decimal(lex["scales"][m[f"sc{i}"]])
    if m[f"at{i}"]:
        return Decimal(lex["attached_scales"][m[f"at{i}"]])
    return Decimal(1)


def _currency(token: str | None, countries: tuple[str, ...] = ()) -> str | None:
    if not token:
        return None
    lex = lexicon()
    shared = _ambiguous(token)
    if shared is not None:
        # "pesos", "Rs.", "riyals": the currency of the most salient country using it, else the usual one
        for code in countries:
            for currency, users in shared.items():
                if code in users:
                    return currency
    if token in lex["prefix_symbols"]:
        return lex["prefix_symbols"][token]
    if token in lex["suffix_words"]:
        return lex["suffix_words"][token]
    return token if token in lex["codes"] else None


def _ambiguous(token: str) -> dict[str, list[str]] | None:
    """Currency -> the countries using it, for a token several currencies share."""
    lex = lexicon()
    table = lex["ambiguous"]
    key = lex["ambiguous_forms"].get(token, token)
    found = table.get(key) or table.get(key.lower())
    return found if isinstance(found, dict) else None


class _Groups:
    """Named groups of either pattern; a group the pattern lacks reads as None."""

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m
        self.g = m.groupdict()

    def __getitem__(self, key: str) -> str | None:
        return self.g.get(key)

    def start(self, key: str | int = 0) -> int:
        return self.m.start(key)

    def end(self, key: str | int = 0) -> int:
        return self.m.end(key)

    def group(self, key: str | int = 0) -> str:
        return self.m.group(key)


def _build(match: re.Match[str], text: str, countries: tuple[str, ...] = ()) -> list[Amount]:
    lex = lexicon()
    m = _Groups(match)
    hedge = m["approx"]
    approximate = hedge is not None
    start = m.start()
    if m["frac"] or m["half"]:
        count = lex["fraction_counts"][m["fc"].lower()] if m["fc"] else 1
        denominator = lex["fractions"][m["frac"].lower()] if m["frac"] else 2
        if count >= denominator:
            return []
        value = 100 * count / denominator
        return [Amount(start, m.end(), m.group(0), value, "percent", "fraction", approximate, hedge,
                       number_start=m.start("fc") if m["fc"] else m.start("half"))]
    n1 = _number(m["n1"])
    if n1 is None:
        return []
    pre1, pre2 = _currency(m["pre1"], countries), _currency(m["pre2"], countries)
    suffix = _currency(m["suf"], countries)
    pct = lex["percent_words"].get(m["pct"]) if m["pct"] else None
    unit = pct or pre1 or pre2 or suffix
    if unit is None:
        return []
    if pre1 and suffix and pre1 != suffix and not pct:
        # "$5 billion dollars" agrees; "RM 5 USD" does not: trust the code after the number
        unit = suffix
    kind = "percent" if pct else "money"
    if not pct and not suffix and m["pre1"] in lex["weak_prefixes"] and not (m["sc1"] or m["at1"] or m["sc2"]) \
            and "," not in (m["n1"] or ""):
        return []  # "N95", "Sh1": a letter before a number, not naira or shillings
    if kind == "money" and m["pre1"] is None and m["suf"] is None and m["pre2"] is None:
        return []
    sign = Decimal(-1) if m["neg"] else Decimal(1)
    v1 = sign * n1 * _scale(m, 1)
    if _APPROX_TAIL.match(text, m.end()):
        approximate = True
    number_start = m.start("n1")
    if m["n2"] is None:
        if m["n1"].isdigit() and len(m["n1"]) == 4 and not m["pre1"] and kind == "money" and not m["sc1"]:
            return []  # "in 2023 dollars"-like: a year, not an amount
        return [Amount(start, m.end(), m.group(0), float(v1), unit, kind, approximate, hedge,
                       number_start=number_start)]
    n2 = _number(m["n2"])
    if n2 is None:
        return []
    sep = m["rsep"].strip().lower()
    between = m["between"] is not None
    if pre2 and not m["pre1"]:
        return []  # "2013 to $23 million": a year and an amount, never a range
    scale2 = _scale(m, 2)
    scale1 = _scale(m, 1) if (m["sc1"] or m["at1"]) else scale2  # "$3-4 million": the scale is shared
    v1 = sign * n1 * scale1
    v2 = n2 * scale2
    before = text[max(0, start - 6):start].lower()
    is_range = (sep == "and" and between) or (sep in ("-", "–", "—") and not between) or \
        (sep == "to" and not before.rstrip().endswith("from"))
    if sep == "and" and not between:
        is_range = False
    if is_range and v2 > v1:
        mid = (v1 + v2) / 2
        return [Amount(start, m.end(), m.group(0), float(mid), unit, kind, True, hedge or "range",
                       float(v1), float(v2), number_start=number_start)]
    if sep in ("-", "–", "—") or sep == "and" and not between:
        # "3-4" falling, or "5 and 7 percent" listed: give up the range, keep what is clear
        if sep == "and" and kind == "percent" and m["pct"]:
            first_end = m.end("at1") if m["at1"] else m.end("sc1") if m["sc1"] else m.end("n1")
            return [Amount(start, first_end, text[start:first_end], float(v1), unit, kind, approximate, hedge,
                           number_start=number_start),
                    Amount(m.start("n2"), m.end(), text[m.start("n2"):m.end()], float(v2), unit, kind,
                           number_start=m.start("n2"))]
        return []
    # "from 5 to 7 percent", "from $3 million to $4 million": two levels
    first_end = m.end("at1") if m["at1"] else m.end("sc1") if m["sc1"] else m.end("n1")
    s2 = m.start("pre2") if m["pre2"] else m.start("n2")
    return [Amount(start, first_end, text[start:first_end], float(v1), unit, kind, approximate, hedge,
                   number_start=number_start),
            Amount(s2, m.end(), text[s2:m.end()], float(v2), unit, kind, number_start=m.start("n2"))]


# --------------------------------------------------------------------------- round trip

_SYMBOL_OUT = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "PEN": "S/"}
_SCALES_OUT = (("trillion", Decimal(10) ** 12), ("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6))


def format_money(value: float, unit: str) -> str:
    """A human-readable amount that ``parse_money`` reads back exactly.

    ``format_money(23000000, "USD") == "US$23 million"``;
    ``format_money(12.5, "percent") == "12.5 percent"``.
    """
    d = Decimal(repr(float(value)))
    if unit in ("percent", "percentage_point"):
        word = "percent" if unit == "percent" else "percentage points"
        return f"{_plain(d)} {word}"
    sign = "-" if d < 0 else ""
    d = abs(d)
    scale_word = ""
    for word, size in _SCALES_OUT:
        if d >= size:
            d = d / size
            scale_word = f" {word}"
            break
    symbol = _SYMBOL_OUT.get(unit)
    if symbol:
        return f"{sign}{symbol}{_plain(d)}{scale_word}"
    return f"{sign}{unit} {_plain(d)}{scale_word}"


def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def parse_money(text: str) -> tuple[float, str] | None:
    """(value in base units, unit) of the first amount in ``text``, or None."""
    amounts = find_amounts(text)
    if not amounts:
        return None
    a = amounts[0]
    return a.value, a.unit
