"""Acronyms: defined in the text, used from common knowledge, and misused.

Definitions are found with the Schwartz-Hearst algorithm (Schwartz & Hearst,
"A simple algorithm for identifying abbreviation definitions in biomedical
text", 2003): the letters of the short form are matched right to left inside
the words before the parenthesis.  News adds two shapes the original misses,
so the method is extended:

* the reverse order, ``RCEP (Regional Comprehensive Economic Partnership)``;
* acronyms of another language's word order or wording, whose long form is
  given in English: ``Southern Common Market (MERCOSUR)``.  These pass when
  every content word's initial appears among the acronym's letters.

Undefined acronyms (HCMC, GDP, ASEAN, VNA...) come from the curated table
``data/acronyms.csv``.  An undefined acronym that is an anagram or a one-letter
variant of one the article defined, and whose common meaning has nothing to do
with the article, is most likely a slip ("CPC" for a "PCP" delegation): it is
reported as an ``acronym_mismatch`` warning and read as the defined one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legation.nlp._guarded import RuleComponent
from legation.nlp.lexicon import Lexicon, fold
from legation.nlp.tokens import sentence_bounds

__all__ = ["Definition", "definition_for", "is_acronym_shape", "long_form_reverse", "schwartz_hearst",
           "initials_match", "is_slip_of"]

#: ordinals in names ("Pope Leo XIV", "Phase III"); acronyms of C, L, D and M letters (CCL, CDC) are common,
#: so only numerals written with I, V and X are taken for numbers
_ROMAN = re.compile(r"^(?=[XVI])X{0,3}(I[XV]|V?I{0,3})$")
_FUNCTION = {"of", "and", "for", "the", "on", "in", "to", "a", "an", "&", "de", "del", "la", "le", "des", "du",
             "y", "et", "at", "by", "with"}


def is_acronym_shape(text: str) -> bool:
    """Two or more capitals (any script's), starts with one, no spaces: CPV, MoU, PromPeru, R&D,
    COVID-19, DEİK."""
    if not 2 <= len(text) <= 12 or not text[0].isupper() or _ROMAN.match(text):
        return False
    if not all(c.isalnum() or c in "&.-" for c in text):
        return False
    return sum(1 for c in text if c.isupper()) >= 2


def schwartz_hearst(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose letters spell ``short`` in order, or None.

    Each character of the short form must be found right to left; the first
    one must start a word.  Returns the long form trimmed to that word.
    """
    s, li = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while li >= 0 and (long[li].lower() != c or (s == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    start = max(long.rfind(" ", 0, li + 2), long.rfind("–", 0, li + 2), long.rfind("—", 0, li + 2)) + 1
    found = long[start:].strip()
    return found or None


def _content_words(words: list[str]) -> list[str]:
    out = []
    for w in words:
        for part in w.split("-"):
            if part and part.lower() not in _FUNCTION:
                out.append(part)
    return out


def initials_match(short: str, words: list[str]) -> bool:
    """Every content word's initial is among the acronym's letters (any order, as a multiset)."""
    content = _content_words(words)
    if len(content) < 2:
        return False
    letters = [c.lower() for c in short if c.isalpha()]
    for w in content:
        c = w[0].lower()
        if c in letters:
            letters.remove(c)
        else:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Definition:
    short: str
    long: str
    method: str  # schwartz-hearst | any-order | reverse | table


def _strip_the(words: list[str]) -> list[str]:
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return words


def definition_for(short: str, before: list[str], lex: Lexicon) -> Definition | None:
    """The long form of ``short`` among the words just before its parenthesis.

    ``before`` is the list of words preceding ``(short)`` in the same sentence,
    nearest last.  Tries Schwartz-Hearst on a window of ``min(|A|+5, 2|A|)``
    words, then the any-order initials test on the trailing capitalised
    phrase, then the curated table.
    """
    n = sum(1 for c in short if c.isalnum())
    # the window counts content words: "Joint Working Group on Trade and Commerce (JWG)" is one name
    want = min(n + 5, 2 * n)
    k, seen = len(before), 0
    while k > 0 and seen < want:
        k -= 1
        if before[k].lower() not in _FUNCTION:
            seen += 1
    window = before[k:] if n else []
    exact = _exact_initials(short, window)
    if exact:
        return Definition(short, " ".join(_whole_name(exact, before, lex, short)), "schwartz-hearst")
    if window:
        found = schwartz_hearst(short, " ".join(window))
        if found:
            words = _strip_the(found.split())
            # a long form is capitalised or, for common terms, all lower case; its first word must count
            if words and len(words) >= 2 and words[0].lower() not in _FUNCTION:
                words = _tighter(short, words)
                words = _whole_name(words, before, lex, short)
                return Definition(short, " ".join(words), "schwartz-hearst")
    phrase = _capitalised_tail(before, lex)
    if phrase and initials_match(short, phrase):
        return Definition(short, " ".join(phrase), "any-order")
    if phrase and _org_alias(short, phrase, lex):
        return Definition(short, " ".join(phrase), "alias")
    heads = [fold(w) for w in phrase]
    if phrase and short.isupper() and len(_content_words(phrase)) >= 2 and any(
            " ".join(heads[i:j]) in lex.org_heads for i in range(len(heads)) for j in range(i + 1, len(heads) + 1)):
        # "Statistics Poland (GUS)", "Foreign Economic Relations Board (DEİK)": a capitalised name and
        # the short form its own language gives it
        return Definition(short, " ".join(phrase), "parenthetical")
    entry = lex.acronyms.get(short)
    if entry:
        target = fold(entry.long).split()
        tail = [fold(w) for w in before[-len(target):]]
        if tail == target:
            return Definition(short, " ".join(before[-len(target):]), "table")
    return None


def _exact_initials(short: str, window: list[str]) -> list[str] | None:
    """The longest tail whose content words' initials spell the letters in order: "Chamber of Commerce
    and Industry of Uzbekistan (CCIU)", where Schwartz-Hearst would take the "c" inside "Commerce"."""
    letters = [c.lower() for c in short if c.isalpha()]
    if len(letters) < 2:
        return None
    for k in range(len(window)):
        tail = window[k:]
        if tail[0].lower() in _FUNCTION or not tail[0][:1].isalpha():
            continue
        initials = [w[0].lower() for w in _content_words(tail)]
        if initials == letters:
            return tail
    return None


def _tighter(short: str, words: list[str]) -> list[str]:
    """"Political Bureau of the Communist Party of Cuba (PCC)": Schwartz-Hearst took a P from "Political";
    when the long form has more content words than the short form has letters plus one, a shorter tail
    whose initials spell the letters in any order is the better reading ("Communist Party of Cuba")."""
    letters = sum(1 for c in short if c.isalpha())
    if len(_content_words(words)) <= letters + 1:
        return words
    for k in range(1, len(words) - 1):
        tail = _strip_the(words[k:])
        if tail and tail[0].lower() not in _FUNCTION and initials_match(short, tail) \
                and len(_content_words(tail)) == letters:
            return tail
    return words


def _whole_name(words: list[str], before: list[str], lex: Lexicon, short: str = "") -> list[str]:
    """Grow a Schwartz-Hearst long form to the whole proper name it ends when the word before
    carries the short form's first letter: "Investment Authority" -> "Indonesia Investment
    Authority" (INA).  Other capitalised words stay out ("Kenya-India Joint Trade Committee (JTC)"
    is the JTC; "ASEAN Digital Economy Framework Agreement (DEFA)" gives "Digital Economy Framework
    Agreement"), as do titles and sentence openers; at most three words are taken."""
    if not words[0][:1].isupper():
        return words
    k = len(before) - len(words)
    if k < 0 or [w for w in before[k:]] != words:
        return words
    grown = list(words)
    taken = 0
    while k > 0 and taken < 3:
        w = before[k - 1]
        if not w[:1].isupper() or w.lower() in _FUNCTION or not w.replace("-", "").replace("'", "").isalnum():
            break
        if lex.is_vocabulary(w) and fold(w) not in lex.org_heads and not (short and w[0].lower() == short[0].lower()):
            break
        if k - 1 == 0 or before[k - 2].endswith((".", ":", "\u2013", "-", "\u2014")):
            break  # a sentence opener is not part of the name
        # "Indonesia Investment Authority (INA)", but not "Kenya-India Joint Trade Committee (JTC)"
        if not (short and w[0].lower() == short[0].lower()):
            break
        grown.insert(0, w)
        k -= 1
        taken += 1
    return grown


def _org_alias(short: str, phrase: list[str], lex: Lexicon) -> bool:
    """"German Agency for International Cooperation (GIZ)": an organization's own short name
    whose letters follow another language.  The phrase must end in an organization head and the
    short name must start with one of the phrase's initials."""
    words = [fold(w) for w in phrase]
    if len(_content_words(phrase)) < 2:
        return False
    ends_in_head = any(" ".join(words[i:]) in lex.org_heads for i in range(len(words)))
    initials = {w[0].lower() for w in _content_words(phrase)}
    return ends_in_head and short[0].lower() in initials


def long_form_reverse(short: str, inside: list[str], lex: Lexicon) -> Definition | None:
    """``RCEP (Regional Comprehensive Economic Partnership)``: the long form in the parenthesis."""
    words = _strip_the(inside)
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    joined = " ".join(words)
    found = schwartz_hearst(short, joined)
    if found and found == joined:
        return Definition(short, joined, "reverse")
    if initials_match(short, words) and len(_content_words(words)) >= max(2, len(short) // 3):
        return Definition(short, joined, "reverse")
    return None


def _capitalised_tail(before: list[str], lex: Lexicon | None = None) -> list[str]:
    """The run of capitalised words (with inner function words) that ends the list; it stops at
    sentence words such as "According" and "During"."""
    out: list[str] = []
    for w in reversed(before):
        if lex is not None and w in lex.not_names:
            break
        if w[:1].isupper() or (out and w.lower() in _FUNCTION and w.lower() not in ("the", "a", "an")):
            out.append(w)
        elif w == "-" and out:
            out.append(w)
        else:
            break
    out.reverse()
    while out and (out[0].lower() in _FUNCTION or out[0] == "-"):
        out.pop(0)
    # re-join hyphenated parts: ["Asia", "-", "Pacific"] -> ["Asia-Pacific"]
    joined: list[str] = []
    for w in out:
        if w == "-" and joined:
            joined[-1] += "-"
        elif joined and joined[-1].endswith("-"):
            joined[-1] += w
        else:
            joined.append(w)
    return joined


def is_slip_of(used: str, defined: str) -> int:
    """How much ``used`` looks like a mistyped ``defined``: 2 = the same letters in another
    order or mix (CPC for PCP), 1 = one letter off (CPC for CPV), 0 = unrelated."""
    u, d = used.upper(), defined.upper()
    if u == d or len(u) != len(d) or len(u) < 2:
        return 0
    if set(u) == set(d):
        return 2
    return 1 if sum(1 for a, b in zip(u, d, strict=True) if a != b) == 1 else 0


# --------------------------------------------------------------------------- the component

#: "U.S. dollars", "US dollar": a currency, not a use of the acronym
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.IGNORECASE)
_USE_BOUNDARY = r"(?<![\w$&.])(?<![^\W\d]\.){}(?![\w$&]|-[a-z0-9])"


@dataclass(slots=True)
class AcronymInfo:
    """What the document says about one acronym (kept in ``doc._.legation_state['acronyms']``)."""

    short: str
    long: str
    defined_in_text: bool
    entity: str | None = None  # place | org | term (from the table), None when unknown
    kind: str | None = None
    country: str | None = None
    long_span: tuple[int, int] | None = None  # char span of the long form where it is defined
    uses: list[tuple[int, int]] | None = None  # char spans of every use of the short form


class AcronymComponent(RuleComponent):
    """Finds acronym definitions, uses and slips; fills ``doc._.legation_acronyms``."""

    def __init__(self, nlp=None, name: str = "legation_acronyms", *, lex: Lexicon | None = None) -> None:
        super().__init__(nlp, name, lex=lex)

    def match(self, doc):  # Doc -> Doc
        from legation.models import Acronym, Evidence, Warning
        from legation.nlp.extensions import get_list
        from legation.nlp.tokens import state

        infos: dict[str, AcronymInfo] = {}
        for info in self._definitions(doc):
            infos.setdefault(info.short, info)
        text = doc.text
        # every use of a defined or common acronym, by exact case
        candidates = set(infos) | set(self.lex.acronyms)
        found_uses = _find_uses(text, candidates, infos)
        for short in sorted(candidates, key=len, reverse=True):
            spans = found_uses.get(short, [])
            spans = [s for s in spans if not _in_caps_line(text, *s) and not _CURRENCY_AFTER.match(text, s[1])]
            if not spans:
                continue
            if short in infos:
                infos[short].uses = spans
                continue
            entry = self.lex.acronyms[short]
            infos[short] = AcronymInfo(short, entry.long, False, entry.entity, entry.kind, entry.country, None, spans)
        for info in infos.values():
            entry = self.lex.acronyms.get(info.short)
            if info.defined_in_text and entry and fold(entry.long) == fold(info.long):
                info.entity, info.kind, info.country = entry.entity, entry.kind, entry.country
        # slips: an undefined acronym that mirrors a defined one and whose usual meaning is foreign to the text
        slips: dict[str, str] = {}
        defined = [i for i in infos.values() if i.defined_in_text]
        undefined_tokens = {t.text for t in doc if is_acronym_shape(t.text)
                            and not (t.text in infos and infos[t.text].defined_in_text)}
        mentioned = _countries_named(text, self.lex)
        warnings = get_list(doc, "legation_warnings")
        for used in sorted(undefined_tokens):
            best = max(((is_slip_of(used, d.short), d) for d in defined), key=lambda x: x[0], default=(0, None))
            if not best[0] or best[1] is None:
                continue
            entry = self.lex.acronyms.get(used)
            if entry and entry.country and entry.country in mentioned:
                continue  # its usual meaning fits the article: not a slip
            target = best[1]
            slips[used] = target.short
            spans = [(m.start(), m.end()) for m in re.finditer(_USE_BOUNDARY.format(re.escape(used)), text)]
            usual = f" (usually {entry.long})" if entry else ""
            for start, end in spans[:1]:
                warnings.append(Warning(
                    kind="acronym_mismatch",
                    message=f"{used}{usual} is used {len(spans)} time(s) where the article defined "
                            f"{target.short} ({target.long}); read as {target.short}",
                    evidence=Evidence(start=start, end=end, text=text[start:end])))
            infos.pop(used, None)
            if target.uses is not None:
                target.uses = sorted(target.uses + spans)
        st = state(doc)
        st["acronyms"] = infos
        st["acronym_slips"] = slips
        out = get_list(doc, "legation_acronyms")
        for info in sorted(infos.values(), key=lambda i: (i.uses or [(0, 0)])[0]):
            out.append(Acronym(short=info.short, long=info.long, defined_in_text=info.defined_in_text))
        return doc

    def _definitions(self, doc):
        text = doc.text
        for tok in doc:
            if tok.text != "(" or tok.i + 2 >= len(doc):
                continue
            sent_start = doc[sentence_bounds(doc, tok.i)[0]].idx
            close_i = next((t.i for t in doc[tok.i + 1: min(len(doc), tok.i + 6)] if t.text == ")"), None)
            short_text = text[tok.idx + 1: doc[close_i].idx] if close_i is not None else ""
            if short_text.count(" ") == 1 and all(is_acronym_shape(part) for part in short_text.split()):
                short_text = short_text  # "(CLV DTA)": two acronyms that name one thing
            elif " " in short_text:
                short_text = ""
            if short_text and " " not in short_text and _titlecase_acronym(short_text, text, sent_start, tok.idx,
                                                                          self.lex):
                # "Malaysia External Trade Development Corporation (Matrade)": house styles that write
                # acronyms in title case
                window = text[max(sent_start, tok.idx - 300): tok.idx]
                found = definition_for(short_text.upper(), window[window.rfind("\n") + 1:].split(), self.lex)
                span = _locate_before(text, found.long, tok.idx)
                yield AcronymInfo(short_text, _clean_long(found.long), True, long_span=span)
                continue
            if short_text and (is_acronym_shape(short_text) or (" " in short_text and all(
                    is_acronym_shape(part) for part in short_text.split()))):
                window = text[max(sent_start, tok.idx - 300): tok.idx]
                window = window[window.rfind("\n") + 1:]
                before = window.split()
                found = definition_for(short_text, before, self.lex)
                if found and not any(c in found.long for c in "()[]") and short_text not in found.long.split():
                    span = _locate_before(text, found.long, tok.idx)
                    yield AcronymInfo(short_text, _clean_long(found.long), True, long_span=span)
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and is_acronym_shape(prev.text):
                end = next((t.i for t in doc[tok.i + 1: min(len(doc), tok.i + 16)] if t.text == ")"), None)
                if end is None:
                    continue
                inside = text[tok.idx + 1: doc[end].idx].split()
                found = long_form_reverse(prev.text, inside, self.lex)
                if found:
                    start = text.find(found.long.split()[0], tok.idx)
                    yield AcronymInfo(prev.text, _clean_long(found.long), True, long_span=(start, doc[end].idx))


def _find_uses(text: str, candidates: set[str], infos: dict) -> dict[str, list[tuple[int, int]]]:
    """Every use of every candidate acronym in one pass over the text (one regex alternation).
    Upper-case entries of four letters or more also match in title case ("Asean")."""
    forms: dict[str, str] = {}
    for short in candidates:
        if short in text:
            forms[short] = short
        titled = short.title() if short.isupper() and len(short) >= 4 and short.isalpha() else None
        if titled and titled in text and short not in infos and titled not in infos:
            forms[titled] = short
    if not forms:
        return {}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    out: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(_USE_BOUNDARY.format(f"(?:{alternation})"), text):
        if m.group() != forms[m.group()] and _in_capitalised_run(text, m.start(), m.end()):
            continue  # "Raul Soto Mena" is a name, not the agency MENA written "Mena"
        out.setdefault(forms[m.group()], []).append((m.start(), m.end()))
    return out


def _in_capitalised_run(text: str, start: int, end: int) -> bool:
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, start - 40): start])
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end: end + 40])
    return bool(before) or bool(after)


def _titlecase_acronym(short: str, text: str, sent_start: int, paren: int, lex: Lexicon) -> bool:
    """A title-case word in parentheses whose upper-case letters are spelt by the words before it."""
    if not (short.isalpha() and short.istitle() and 3 <= len(short) <= 9):
        return False
    window = text[max(sent_start, paren - 300): paren]
    found = definition_for(short.upper(), window[window.rfind("\n") + 1:].split(), lex)
    return found is not None and found.method in ("schwartz-hearst", "any-order") \
        and len(_content_words(found.long.split())) >= len(short) - 1


def _clean_long(long: str) -> str:
    return re.sub(r"\s+", " ", long.replace("’", "'")).strip(" ,;:")


def _locate_before(text: str, long: str, end: int) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in long.split())
    found = None
    for m in re.finditer(pattern, text[max(0, end - 400): end]):
        found = m
    if found is None:
        return None
    base = max(0, end - 400)
    return base + found.start(), base + found.end()


def _in_caps_line(text: str, start: int, end: int) -> bool:
    """An upper-case headline is not a use of 'WHO' or 'IT'."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z]{3,}", line)]
    return len(words) >= 4 and sum(1 for w in words if w.isupper()) / len(words) > 0.7


def _countries_named(text: str, lex: Lexicon) -> set[str]:
    """ISO codes of the countries the text names or whose demonym it uses (a cheap scan)."""
    found: set[str] = set()
    folded = fold(text)
    for name, code in lex.country_names.items():
        if re.search(rf"\b{re.escape(name)}\b", folded):
            found.add(code)
    for demonym, code in lex.demonyms.items():
        if re.search(rf"\b{re.escape(demonym)}", text):
            found.add(code)
    return found
