"""Personal names across naming cultures: honorifics, cultures and short forms.

A news story names an official in full once and then by a short form that
follows the official's naming culture:

* Vietnamese names put the family name first and the person is then called by
  the last given name: "Tran Tuan Anh" -> "Anh", "Mr. Nguyen Van Dung" -> "Mr. Dung";
* Chinese, Korean and Khmer names put the family name first and the person is
  called by it: "Xi Jinping" -> "Xi", "Cho Tae-yul" -> "Cho";
* Spanish and Portuguese names carry two surnames and the person is called by
  both or by the first: "Luis Alberto Villanueva Carbajal" -> "Villanueva Carbajal";
* English, French, German, Japanese (in English order) and most others are
  called by the last name: "Yoko Kamikawa" -> "Kamikawa".

``is_short_form`` says whether a shorter name may stand for a fuller one.  It
accepts the form the culture prefers and, because writers mix conventions, any
proper prefix or suffix that is not only middle names or particles; the caller
resolves ties by the culture's preference and by proximity in the text.
Everything here is pure Python on lists of words, so it is property-tested.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace as _replace

from legation.nlp.lexicon import Culture, Lexicon, fold

__all__ = ["culture_of", "is_short_form", "preferred_short_forms", "split_honorific", "strip_possessive"]


def split_honorific(words: Sequence[str], lex: Lexicon) -> tuple[list[str], list[str]]:
    """(honorific words, name words): ``["H.E.", "Mr.", "Sato"]`` -> ``(["H.E.", "Mr."], ["Sato"])``."""
    words = list(words)
    found: list[str] = []
    changed = True
    while changed and words:
        changed = False
        for h in lex.honorifics:
            parts = h.split()
            if len(words) > len(parts) and words[: len(parts)] == parts:
                found.extend(parts)
                words = words[len(parts):]
                changed = True
                break
    return found, words


def strip_possessive(words: Sequence[str]) -> list[str]:
    words = list(words)
    if words and words[-1] in ("'s", "’s", "'", "’"):
        words.pop()
    if words and (words[-1].endswith("'s") or words[-1].endswith("’s")):
        words[-1] = words[-1][:-2]
    return words


def culture_of(words: Sequence[str], lex: Lexicon, country: str | None = None) -> Culture:
    """The naming culture a full name most likely follows."""
    if not words:
        return lex.cultures["default"]
    if country and country in lex.given_call_countries:
        return _GIVEN_CALL
    first = words[0]
    if len(words) >= 2 and re.match(r"^[A-Z][a-z]?\.$", first):
        return lex.cultures["mongolian"]  # "Ts. Oyunchimeg": a patronymic initial, then the given name
    japanese = lex.cultures["japanese"]
    if len(words) == 2 and (words[0] in japanese.surnames or words[-1] in japanese.surnames):
        # "Nakamura Takeshi" or "Takeshi Nakamura": called "Nakamura" either way.  A Japanese surname
        # alone is common in Brazil and Peru too; with a Japanese given name the person is Japanese.
        if words[0] in japanese.given_names or words[-1] in japanese.given_names:
            return japanese
        return _replace(japanese, default_country=None)
    if len(words) >= 2:
        found = lex.culture_of_first(first)
        if found is not None and not lex.is_given_name(first):
            # a Vietnamese full name has a middle name or three parts; two-part names are ambiguous
            # between Vietnamese and Chinese/Korean, and both are called differently
            if found.name == "vietnamese" and len(words) == 2 and first in lex.cultures["chinese"].surnames:
                return lex.cultures["chinese"] if country != "VN" else found
            if found.name == "korean" and not any("-" in w for w in words[1:]):
                # "Lim Kok Seng" is Malaysian as often as "Lim Jae-won" is Korean; the hyphenated given
                # name of the Korean romanisation is what tells
                return _replace(found, default_country=None)
            return found
    if len(words) >= 3 and (lex.is_given_name(first) or (country and country in lex.spanish_speaking)):
        return lex.cultures["two_surnames"]
    return lex.cultures["default"]


#: Lao, Thai, Malay, Indonesian usage: a person is called by the given name(s), the first words.
_GIVEN_CALL = Culture(name="given_call", order="given_first", call="given", default_country=None)


def _content(words: Sequence[str], lex: Lexicon, culture: Culture) -> bool:
    """A short form must hold a real name word, not only particles or Vietnamese middle names."""
    for w in words:
        if w.lower() in lex.particles or w in ("-",):
            continue
        if culture.name == "vietnamese" and w in ("Van", "Thi") and len(words) == 1:
            continue
        return True
    return False


def preferred_short_forms(full: Sequence[str], culture: Culture) -> list[tuple[str, ...]]:
    """The short forms this culture normally uses for ``full``, best first."""
    full = tuple(full)
    n = len(full)
    if n < 2:
        return []
    if culture.call == "last":
        forms = [full[-1:]]
        if culture.name == "vietnamese" and n >= 3:
            forms.append(full[-2:])
        return forms
    if culture.call == "first":
        return [full[:1]]
    if culture.call == "surnames":
        return [full[-2:], full[-2:-1], full[-1:]] if n >= 3 else [full[-1:]]
    if culture.call == "full":
        return [full[:1], full[-1:]]
    if culture.call == "given":
        return [full[:k] for k in range(n - 1, 0, -1)] + [full[-1:]]
    if culture.call == "surname":
        return [full[:1]] if full[0] in culture.surnames else [full[-1:]]
    return [full[-1:]]


def is_short_form(short: Sequence[str], full: Sequence[str], lex: Lexicon, culture: Culture | None = None) -> bool:
    """May ``short`` stand for ``full`` in the same article?

    ``short`` must be a proper, contiguous prefix or suffix of ``full`` (the
    Spanish first surname alone is the exception: "Gonzalez-Olaechea" for
    "Javier Gonzalez-Olaechea Franco"), compared without accents and case,
    and must contain a real name word.
    """
    s = [fold(w) for w in short if w != "-"]
    f = [fold(w) for w in full if w != "-"]
    if not s or len(s) >= len(f):
        return False
    culture = culture or culture_of(list(full), lex)
    if not _content(list(short), lex, culture) and not (culture.name == "vietnamese" and s == f[-len(s):]):
        return False
    k = len(s)
    if f[-k:] == s and culture.name == "vietnamese":
        return True  # "Van" for "Le Thi Bich Van": the last given name, whatever else it can be
    if f[-k:] == s:
        # a Chinese or Korean given name alone is not how anyone is called in news
        if culture.call == "surname":
            return full[-1] in culture.surnames or k > 1
        return culture.call != "first" or k >= len(f) - 1 and k > 1
    if f[:k] == s:
        # a Western or Spanish given name alone is not a reference to the person
        if culture.call == "surname":
            return k == 1 and full[0] in culture.surnames
        return culture.order == "family_first" or culture.call in ("full", "given")
    if culture.call == "surnames" and len(f) >= 3 and f[-2:-1] == s:
        return True
    return False
