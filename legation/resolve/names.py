"""Personal and organization names: folding, name cultures, and when one name is a form of another.

Why cultures matter: a short form of a name is formed differently by culture.
"Villanueva Carbajal" is the two surnames of "Luis Alberto Villanueva
Carbajal" (Spanish); "Dung" is the given name by which Vietnamese call
"Nguyen Van Dung", so "Nguyen" alone is *not* a form of him (it is half the
country's family name); "Xi" is the family name by which Chinese call "Xi
Jinping".  The vocabulary (honorifics, family-name lists per culture) is the
curated ``legation/data/names.json`` shared with the entity extractor; this
module falls back to a small built-in list when the file is absent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

_FALLBACK_HONORIFICS = ["his excellency", "her excellency", "h e", "mr", "mrs", "ms", "miss", "madam", "madame",
                        "dr", "sir", "dame", "prof", "comrade", "senor", "senora", "sr", "sra", "don", "dona"]
_FALLBACK_VIETNAMESE = ["nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
                        "ho", "ngo", "duong", "ly", "dinh", "dao", "doan", "trinh", "truong", "lam", "luong", "mai"]
#: countries whose people are called by the family name written first
_FAMILY_FIRST_CALL_FIRST = {"CN", "TW", "KR", "KP", "HK", "MO"}
_FALLBACK_GIVEN = ["luis", "alberto", "jose", "juan", "carlos", "maria", "ana", "jorge", "miguel", "pedro", "rosa",
                   "elena", "john", "james", "mary", "david", "michael", "william", "robert", "elizabeth"]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefolded, accents removed (đ -> d), punctuation as spaces, single spaces (cached: names recur)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = re.sub(r"[^\w]+", " ", stripped.casefold())
    return " ".join(cleaned.split())


@dataclass(frozen=True, slots=True)
class Vocabulary:
    honorifics: tuple[tuple[str, ...], ...]  # folded token sequences, longest first
    vietnamese: frozenset[str]
    chinese: frozenset[str]
    korean: frozenset[str]
    particles: frozenset[str]
    given: frozenset[str]  # common given names (Spanish, Portuguese, English)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    honorifics = list(_FALLBACK_HONORIFICS)
    vietnamese, chinese, korean, particles = list(_FALLBACK_VIETNAMESE), [], [], ["de", "del", "la", "da", "van"]
    given = list(_FALLBACK_GIVEN)
    path = DATA / "names.json"
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # a broken data file must not stop resolution; fall back
            data = {}
        honorifics += [h for h in data.get("honorifics", []) if isinstance(h, str)]
        cultures = data.get("cultures", {})
        vietnamese += cultures.get("vietnamese", {}).get("surnames", [])
        chinese += cultures.get("chinese", {}).get("surnames", [])
        korean += cultures.get("korean", {}).get("surnames", [])
        particles += [p for p in data.get("particles", []) if isinstance(p, str)]
        for spec in cultures.values():
            given += [g for g in spec.get("given_names", []) if isinstance(g, str)]
    hon = {tuple(fold(h).split()) for h in honorifics if fold(h)}
    hon.discard(("ambassador",))  # a title, and also a word inside names of things; never strip it from a name
    return Vocabulary(honorifics=tuple(sorted(hon, key=len, reverse=True)),
                      vietnamese=frozenset(fold(s) for s in vietnamese),
                      chinese=frozenset(fold(s) for s in chinese), korean=frozenset(fold(s) for s in korean),
                      particles=frozenset(fold(p) for p in particles), given=frozenset(fold(g) for g in given))


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as folded tokens, honorifics removed ("Mr. Nguyễn Văn Dũng" -> nguyen van dung)."""
    tokens = fold(name).split()
    vocab = vocabulary()
    changed = True
    while changed and tokens:
        changed = False
        for h in vocab.honorifics:
            if len(tokens) > len(h) and tuple(tokens[:len(h)]) == h:
                tokens = tokens[len(h):]
                changed = True
                break
    return tuple(tokens)


def culture(tokens: tuple[str, ...], country: str | None) -> str:
    """How short forms of this name are made: ``vietnamese``, ``east_asian`` or ``western``."""
    vocab = vocabulary()
    if country == "VN":
        return "vietnamese"
    if country in _FAMILY_FIRST_CALL_FIRST:
        return "east_asian"
    if country is None and tokens and len(tokens) >= 3 and tokens[0] in vocab.vietnamese:
        return "vietnamese"
    if country is None and tokens and len(tokens) == 2 and tokens[0] in vocab.chinese | vocab.korean:
        return "east_asian"
    return "western"


def _contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> list[int]:
    """Start positions where ``short`` occurs as a run inside ``long``."""
    n = len(short)
    return [i for i in range(len(long) - n + 1) if long[i:i + n] == short]


def _same_token(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is ``long`` with some tokens left out, keeping the first given name (initials allowed).

    "Luis Villanueva Carbajal" and "Rosa Quispe" (given name and first
    surname, as Spanish-language news often writes) are such forms of "Luis
    Alberto Villanueva Carbajal" and "Rosa Elena Quispe Huamán".  The short
    form must reach past the given names: "Luis Alberto" is not one.
    """
    if len(short) < 2 or len(short) >= len(long) or not _same_token(short[0], long[0]):
        return False
    j = 1
    last = 0
    for tok in short[1:]:
        while j < len(long) and not _same_token(tok, long[j]):
            j += 1
        if j >= len(long):
            return False
        last = j
        j += 1
    # the last matched token must be a family name: not one of the leading tokens that short copies whole
    return last >= len(short) and short != long[:len(short)]


def form_of(short: tuple[str, ...], long: tuple[str, ...], long_culture: str) -> str | None:
    """Why ``short`` is a form of the fuller name ``long``, or None when it is not.

    Returns a phrase for the explanation: "same name", "family names",
    "given name", "family name", "middle names left out".
    """
    if not short or not long:
        return None
    if short == long:
        return "same name"
    if len(short) >= len(long):
        return None
    starts = _contiguous(short, long)
    if long_culture == "vietnamese":
        # called by the last given name(s): "Dung", "Van Dung"; never by the family name alone
        if starts and starts[-1] + len(short) == len(long):
            return "given name"
        return None
    if long_culture == "east_asian":
        if starts and starts[0] == 0:
            return "family name"
        return None
    # given names first: any run that is not only given names ("Luis Alberto" is not a form)
    if starts and any(s > 0 for s in starts):
        return "family names" if len(short) > 1 else "family name"
    if starts and len(short) >= 2 and short[-1] not in vocabulary().given:
        return "given and family names"  # "Rosa Quispe" of "Rosa Quispe Huamán": the second surname left out
    if _subsequence(short, long):
        return "given and family names"
    return None


def compatible(a: tuple[str, ...], b: tuple[str, ...], culture_a: str, culture_b: str) -> bool:
    """Could two names name the same person (one is a form of the other)?"""
    if a == b:
        return True
    if len(a) < len(b):
        return form_of(a, b, culture_b) is not None
    if len(b) < len(a):
        return form_of(b, a, culture_a) is not None
    return False


# --------------------------------------------------------------------------- organizations

_ORG_STOP = {"the"}


def org_key(name: str) -> str:
    """An organization name for comparison: folded, '&' as 'and', a leading 'the' dropped."""
    words = fold(name.replace("&", " and ")).split()
    while words and words[0] in _ORG_STOP:
        words = words[1:]
    return " ".join(words)


def looks_like_acronym(name: str) -> bool:
    """'CPV', 'MERCOSUR', 'U.S.' - a name written as an acronym."""
    compact = name.replace(".", "").replace("-", "").replace("&", "").strip()
    return (2 <= len(compact) <= 12 and compact.isalnum() and compact.upper() == compact
            and any(c.isalpha() for c in compact))


def place_key(name: str) -> str:
    """A place name for comparison: folded with spaces removed ("Ha Noi" = "Hanoi")."""
    return org_key(name).replace(" ", "")
