"""Official titles: before the name, after it, possessive, chained, qualified.

Diplomatic news introduces officials with titles in a few shapes:

* before the name: "Vice Chairman of Ho Chi Minh City People's Committee Nguyen
  Van Dung", "Chinese Foreign Minister Wang Yi", "late General Secretary X";
* after it, as an apposition: "Mr. Ricardo Parodi, Member of the Central
  Committee of the Communist Party of Peru, expressed ...";
* possessive: "Ms. Teresa Mera Gomez, Peru's Deputy Minister of Commerce";
* chained with "and": "Politburo member and Chairman of the CPV Central
  Committee's Economic Commission Tran Tuan Anh" (two titles);
* with the title before a comma: "the Secretary General of the PCP, X".

``TitleParser`` finds the zone of a title next to a name, cuts it into single
titles and reads each one: its role (the longest entry of the role lexicon,
modifiers included: "Permanent Deputy Prime Minister"), its qualifier ("late",
"former", "acting"), the organization it belongs to (from the organization
component's spans), and the state it serves (a possessive or demonym first,
then the organization's country, then a place in it that is not a
destination: "Ambassador of Vietnam to Peru" serves Vietnam).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from legation.nlp.lexicon import Lexicon, fold
from legation.nlp.tokens import APOSTROPHE_S, claims, is_cap, sentence_bounds, state, word_text

__all__ = ["TitleParse", "TitleParser"]

#: "and other international organisations": the lower-case close of a list of bodies in a title
_OTHER_BODIES = {"organisations", "organizations", "agencies", "institutions", "bodies"}

_ZONE_WORDS = {"of", "for", "on", "and", "the", "to", "at", "in", "&", "de", "del"}
_ARTICLES = {"the", "a", "an", "his", "her", "its", "their"}
_APPOSITION_STOP = {"whom", "whose", "which", "that", "said", "says", "told", "stressed", "noted", "added",
                    "affirmed", "emphasised", "emphasized", "expressed", "when", "while", "as", "where", "because",
                    "recalled", "hoped", "proposed", "suggested", "asked", "praised", "welcomed"}
_SPEECH_VERBS = {"said", "says", "told", "stressed", "noted", "added", "affirmed", "emphasised", "emphasized",
                 "expressed", "recalled", "hoped", "proposed", "suggested", "asked", "praised", "welcomed"}
_PAREN_ACRONYM = re.compile(r"\s*\((?=[^\W\d_])[\w&\-.]{2,12}\)")


@dataclass(slots=True)
class TitleParse:
    """One title read off the text (token span ``start:end``)."""

    start: int
    end: int
    text: str
    role: str | None
    qualifier: str | None
    organization: str | None  # organization id
    country: str | None
    destination: str | None = None  # country code of "to X" (ambassadors, envoys)


class TitleParser:
    def __init__(self, doc: Doc, lex: Lexicon, *, org_country: dict[str, str | None],
                 place_country: dict[str, str | None], demonyms: dict[int, tuple[int, str]],
                 name_tokens: set[int] | frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.lex = lex
        self.claims = claims(doc)
        self.org_country = org_country
        self.place_country = place_country
        self.demonyms = demonyms  # token index -> (end, country)
        self._has_pos = doc.has_annotation("POS")
        self.name_tokens = name_tokens
        self._lower_roles = False  # inside an apposition, "member of ..." and "head of ..." are titles
        self.role_words = frozenset(w for r in lex.roles for w in r.split()) | lex.modifiers

    # ------------------------------------------------------------------ token tests

    def _kind(self, i: int) -> str:
        return self.claims.get(i, ("", ""))[0]

    def _claim_end(self, i: int) -> int:
        kind, key = self.claims.get(i, ("", ""))
        j = i
        while j < len(self.doc) and self.claims.get(j) == (kind, key):
            j += 1
        return j

    def qualifier_at(self, i: int) -> int | None:
        doc = self.doc
        for n in (2, 1):
            if i + n <= len(doc) and fold(word_text(doc, i, i + n)) in self.lex.qualifiers:
                if n == 2 or doc[i].text.lower() != "the":
                    return i + n
        return None

    def role_at(self, i: int) -> int | None:
        """End of the longest role (modifiers included) starting at token ``i``, or None."""
        doc, lex = self.doc, self.lex
        if i >= len(doc) or self._kind(i) in ("org", "place", "person"):
            return None
        tok = doc[i]
        if tok.text == "General" and i + 1 < len(doc) and (i + 1 in self.name_tokens or self._kind(i + 1) == "person") \
                and not (i > 0 and doc[i - 1].text == "-"):
            return i + 1  # "Minister of National Defence General Luong Van Quyet": the rank alone
        if not is_cap(tok) and not self._lower_roles and tok.text.lower() not in lex.lowercase_ok \
                and tok.text.lower() not in lex.modifiers:
            return None
        best = None
        limit = min(len(doc), i + lex.role_max_words * 2 + 2)
        for end in range(i + 1, limit + 1):
            if self._kind(end - 1) in ("org", "place", "person"):
                break
            text = fold(word_text(doc, i, end))
            if text in lex.roles or text.replace("-", " ") in lex.roles:
                best = end
        if best is None and fold(tok.text) in lex.modifiers:
            nxt = self.role_at(i + 1) if i + 1 < len(doc) else None
            if nxt is not None:
                return nxt
        if best is not None:
            # a lower-case role word only counts right after a capitalised body ("Politburo member")
            if not is_cap(tok) and not self._lower_roles \
                    and not (i > 0 and (self._kind(i - 1) == "org" or is_cap(doc[i - 1]))):
                mods = fold(tok.text) in lex.modifiers
                if not mods:
                    return None
        return best

    def starts_title(self, i: int, end: int) -> bool:
        """Does a title begin at ``i`` (before ``end``)?  Qualifier, role, possessive or demonym, or a body + role."""
        doc = self.doc
        while i < end and doc[i].text.lower() in _ARTICLES:
            i += 1
        if i >= end:
            return False
        if self.qualifier_at(i) is not None or self.role_at(i) is not None:
            return True
        if i in self.demonyms and self.role_at(self.demonyms[i][0]) is not None:
            return True
        kind = self._kind(i)
        if kind in ("place", "org"):
            k = self._claim_end(i)
            if k < end and doc[k].text in APOSTROPHE_S:
                k += 1
            return k < end and (self.role_at(k) is not None or (k in self.demonyms and self.role_at(
                self.demonyms[k][0]) is not None))
        return False

    # ------------------------------------------------------------------ zones

    def before(self, name_start: int) -> list[TitleParse]:
        """Titles written right before a name (possibly ending in a comma)."""
        doc = self.doc
        sent_start = sentence_bounds(doc, name_start)[0]
        j = name_start
        comma = False
        while j > sent_start:
            k = j - 1
            t = doc[k]
            low = t.text.lower()
            if self._kind(k) in ("org", "place"):
                j -= 1
                continue
            if self._kind(k) == "person" or k in self.name_tokens:
                break
            other = self._and_other(k, sent_start)
            if other is not None:
                j = other  # "... the WTO and other international organisations in Geneva X"
                continue
            if t.is_lower and k + 1 < name_start and doc[k + 1].text in APOSTROPHE_S and self._org_by_head(k):
                j -= 1  # "the union's chairman X": the union named earlier
                continue
            if t.text in ("(", ")") or t.text in APOSTROPHE_S or (t.text == "-" and not t.whitespace_):
                j -= 1
                continue
            if k - 1 >= sent_start and self.qualifier_at(k - 1) == k + 1:
                j -= 2  # "newly appointed", "the late"
                continue
            if low in _ZONE_WORDS or self.qualifier_at(k) is not None or low in self.lex.lowercase_ok \
                    or (low in self.role_words and k + 1 < name_start):
                j -= 1
                continue
            if t.text in ("-", "–", "—") and t.whitespace_ and k > sent_start and doc[k - 1].whitespace_ \
                    and k + 1 < name_start and self.starts_title(k + 1, name_start) \
                    and (is_cap(doc[k - 1]) or self._kind(k - 1) != ""):
                j -= 1  # "Deputy Minister of Economy - Trade Representative of Ukraine Serhiy Lytvyn"
                continue
            if t.is_lower and self.lex.is_portfolio(t.text) and k + 1 < name_start and (
                    doc[k + 1].is_lower or fold(doc[k + 1].text) in self.role_words):
                j -= 1  # "former deputy development minister X"
                continue
            if t.is_lower and t.text in self.lex.place_nouns and k > sent_start and self._kind(k - 1) == "place":
                j -= 1  # "Governor of Attapeu province X", "Minister of Industries of Gujarat state X"
                continue
            if t.text == "," and k > sent_start and self._kind(k - 1) == "place" and k + 1 < name_start \
                    and (self._kind(k + 1) == "place" or doc[k + 1].text.lower() == "the"):
                j -= 1  # "Vice Minister for Asia, the Middle East and Oceania X"
                continue
            if t.text == "," and k > sent_start and self._kind(k - 1) == "org" and k + 2 < name_start \
                    and (self._kind(k + 1) == "org" or (doc[k + 1].text.lower() == "the"
                                                         and self._kind(k + 2) == "org")):
                j -= 1  # "Head of the Mission to the United Nations, the WTO and ... in Geneva X"
                continue
            if t.text == "," and k > sent_start and k + 1 < name_start and j < name_start - 1 \
                    and self.starts_title(k + 1, name_start) and (self._kind(k - 1) == "org" or fold(
                        doc[k - 1].text) in self.role_words):
                j -= 1  # "Politburo member, Secretary of the Party Central Committee and Head of ... X"
                continue
            if t.text == "/" and k > sent_start and fold(doc[k - 1].text) in self.role_words:
                j -= 1  # "Executive Director/Chief Executive Officer"
                continue
            if t.text == "," and comma and k > sent_start and self._kind(k + 1) == "org" \
                    and self._claim_end(k + 1) == name_start - 1 and fold(doc[k - 1].text) in self.role_words:
                j -= 1  # "Chairman, National Cashew Association of Nigeria, Mr X" (Nigerian style)
                continue
            if t.text == "," and k > sent_start and self.lex.is_portfolio(doc[k - 1].text) \
                    and k + 1 < name_start and self.lex.is_portfolio(doc[k + 1].text):
                j -= 1  # "Minister of Development, Industry, Trade and Services"
                continue
            if t.text == "," and j == name_start and not comma:
                comma = True
                j -= 1
                continue
            if is_cap(t) and fold(t.text) in self.role_words:
                j -= 1
                continue
            if (is_cap(t) or t.text.isupper()) and t.text not in self.lex.not_names \
                    and t.text not in self.lex.honorifics and k != sent_start:
                j -= 1
                continue
            if is_cap(t) and k == sent_start and (self.role_at(k) is not None or self.qualifier_at(k) is not None
                                                  or k in self.demonyms or fold(t.text) in self.lex.modifiers
                                                  or self.lex.is_portfolio(t.text)):
                j -= 1
                continue
            break
        end = name_start
        if comma:
            end -= 1
            # "Ms. A, Deputy Minister of Tourism, Mr. B said": a title before a comma belongs to the
            # name before it unless it opens its clause ("the Secretary General of X, Y, said")
            t_start = j
            while t_start < end and doc[t_start].text.lower() in ("and", "the", "&", ","):
                t_start += 1
            k = t_start - 1
            if k >= sent_start and (doc[k].text in (",", ";") or k in self.name_tokens
                                    or self._kind(k) == "person") and not self._list_element(name_start):
                return []
            found = self._parse_zone(j, end, require_start=False)
            if found and t_start - 3 >= sent_start and doc[t_start - 1].text.lower() == "whose" \
                    and doc[t_start - 2].text == "," and self._kind(t_start - 3) == "place":
                code = self.place_country.get(self.claims[t_start - 3][1])
                for t in found:  # "Colombia, whose Foreign Minister, Andres Rojas, visited"
                    t.country = t.country or code
            if not found:
                low = self._lowercase_comma_title(end, sent_start)
                if low < end:
                    self._lower_roles = True
                    try:
                        found = self._parse_zone(low, end, require_start=True)
                    finally:
                        self._lower_roles = False
            return found
        return self._parse_zone(j, end, require_start=False)

    def _org_by_head(self, i: int):
        """The organization named last before token ``i`` whose head noun token ``i`` repeats ("the union"
        after "the Union of Industrialists and Entrepreneurs of Turkmenistan"), or None."""
        word = fold(self.doc[i].text)
        if word not in self.lex.org_heads or i == 0 or self.doc[i - 1].text.lower() != "the":
            return None
        at = self.doc[i].idx
        last: dict[str, int] = {}
        found = {}
        for o in state(self.doc).get("organizations", {}).values():
            before = [m[0] for m in o.mentions if m[0] < at]
            if before and word in fold(o.name).split():
                last[o.id], found[o.id] = max(before), o
        return found[max(last, key=last.get)] if last else None

    def _and_other(self, k: int, sent_start: int) -> int | None:
        """Start of "and other (international) organisations" ending at token ``k``, a lower-case tail
        of a list of bodies inside a title, or None."""
        doc = self.doc
        if doc[k].text.lower() not in _OTHER_BODIES:
            return None
        for a in range(k - 1, max(sent_start, k - 4), -1):
            if doc[a].text.lower() == "other" and a - 1 >= sent_start and doc[a - 1].text.lower() == "and":
                return a - 1
            if not doc[a].is_lower or not doc[a].is_alpha:
                return None
        return None

    def after(self, name_end: int) -> list[TitleParse]:
        """Titles in an apposition after a name: "X, Deputy Minister of Tourism, said"."""
        doc = self.doc
        n = len(doc)
        k = name_end
        if k + 2 < n and doc[k].text == "(" and doc[k + 2].text == ")" and len(doc[k + 1].text) <= 2:
            k += 3  # caption position "(R)"
        if k >= n or doc[k].text != ",":
            return []
        sent_end = sentence_bounds(doc, k)[1]
        s = k + 1
        while s < sent_end and doc[s].text.lower() in ("who", "is", "was", "also", "now", "currently", "a", "an"):
            s += 1  # "X, who is also a member of ...": the relative clause opens an apposition
        e = s
        by_verb = False
        while e < sent_end and e - s < 40:
            t = doc[e]
            kind = self._kind(e)
            if kind != "org":
                if t.text == "," and e + 1 < sent_end and self._kind(e + 1) == "org" and e > s:
                    k = self._claim_end(e + 1)
                    if k >= sent_end or doc[k].text in (",", ".", ";"):
                        e = k  # "Senior Secretary, Ministry of Commerce"
                        continue
                if t.text in (",", ";", ":", ".", "—", "–", "\"", "“", "”") or "\n" in t.text:
                    break
                if t.text == "(":
                    close = next((k for k in range(e + 1, min(sent_end, e + 9)) if doc[k].text == ")"), None)
                    if close is None or e == s:
                        break
                    e = close + 1  # "Joint Secretary (Bangladesh and Myanmar) in the Ministry of ..."
                    continue
                if t.text.lower() in _APPOSITION_STOP or (t.text.lower() == "who" and e > s):
                    by_verb = t.text.lower() in _SPEECH_VERBS
                    break
                if self._has_pos and t.pos_ in ("VERB", "AUX") and self.role_at(e) is None \
                        and t.text.lower() not in ("responsible", "charged"):
                    by_verb = True
                    break
                if kind == "person" or (e > s and e in self.name_tokens):
                    if e > s and e in self.name_tokens and not self._lone_word(e):
                        prev = doc[e - 1]
                        if not (prev.text.islower() and prev.is_alpha):
                            return []  # "X, KAM Chief Executive Anthony Mwangi and ...": the next name's title
                        if prev.text.lower() in ("in", "at", "from", "near", "of", "for", "to"):
                            break  # "the general manager of the zone in Dukem": a place the gazetteer lacks
                        if prev.text.islower() and prev.is_alpha and prev.text not in self.lex.place_nouns \
                                and fold(prev.text) not in self.role_words:
                            while e < sent_end and e in self.name_tokens:
                                e += 1  # "the party's newspaper El Popular", "consultancy Abeceb": a named thing
                            continue
                        return []  # "X, Governor of Attapeu province Bounhom ...": the next name's title
                    break
            e += 1
        while s < e and doc[s].text.lower() in ("also", "now", "currently", "then", "formerly", "who", "is",
                                                 "was", "a", "an", "the"):
            s += 1
        if by_verb and (e - s < 3 or doc[s].text.lower() == "the"):
            return []  # "Ambassador Kiala, the President recalled ...": a new clause's subject, not an apposition
        self._lower_roles = True
        try:
            if e == s or not self.starts_title(s, e):
                return []
            if e < sent_end and doc[e].text == "," and self._list_element(e + 1, skip_honorifics=True):
                return []  # "A, India's Minister of State, B, Ethiopia's State Minister, C": titles before names
            return self._parse_zone(s, e, require_start=True)
        finally:
            self._lower_roles = False

    # ------------------------------------------------------------------ parsing

    def _parse_zone(self, start: int, end: int, *, require_start: bool) -> list[TitleParse]:
        doc = self.doc
        while start < end and (doc[start].text.lower() in _ZONE_WORDS or doc[start].text in (",", "-")
                               or doc[start].text in APOSTROPHE_S):
            start += 1
        while end > start and (doc[end - 1].text in (",", "-", "(") or doc[end - 1].text.lower() in _ZONE_WORDS):
            end -= 1
        if start >= end:
            return []
        anaphor = any(doc[k].text in APOSTROPHE_S and k > start and doc[k - 1].is_lower and self._org_by_head(k - 1)
                      for k in range(start, end))
        if anaphor and not self._lower_roles:
            self._lower_roles = True  # "the union's chairman X": the role is written in lower case
            try:
                return self._parse_zone(start, end, require_start=require_start)
            finally:
                self._lower_roles = False
        first = next((i for i in range(start, end) if self.role_at(i) is not None), None)
        if first is None:
            return []
        # grow left from the first role over what may open a title
        t0 = first
        while t0 > start:
            k = t0 - 1
            if fold(doc[k].text) in self.lex.modifiers or self.qualifier_at(k) is not None:
                t0 = k
                continue
            if k - 1 >= start and self.qualifier_at(k - 1) == k + 1:
                t0 = k - 1  # "newly appointed"
                continue
            if doc[k].text in APOSTROPHE_S and k > start and self._kind(k - 1) in ("place", "org"):
                t0 = self._claim_start(k - 1)
                continue
            if doc[k].text in APOSTROPHE_S and k > start and doc[k - 1].is_lower and self._org_by_head(k - 1):
                t0 = k - 1
                continue
            if self._kind(k) == "org":
                t0 = self._claim_start(k)
                continue
            if any(s <= k < e for s, (e, _) in self.demonyms.items()):
                t0 = next(s for s, (e, _) in self.demonyms.items() if s <= k < e)
                continue
            if self._kind(k) == "place" and doc[t0].text[:1].isupper():
                t0 = self._claim_start(k)
                continue
            if is_cap(doc[k]) and k not in self.name_tokens and self._kind(k) == "" \
                    and doc[k].text not in self.lex.not_names and doc[k].text not in self.lex.honorifics:
                t0 = k  # "Trade Minister", "Parliamentary State Secretary", "Business Director"
                continue
            if doc[k].text in (",", "and", "&") and k > start and self.lex.is_portfolio(doc[k - 1].text) \
                    and self.lex.is_portfolio(doc[t0].text):
                t0 = k  # "Investment, Trade and Industry Minister"
                continue
            break
        if require_start and t0 != start:
            return []
        parts = self._split(t0, end)
        titles = [p for p in (self._read(s, e) for s, e in parts) if p is not None]
        # "Vice Chairman and General Secretary of X": a bare role shares the next title's body
        for a, b in zip(titles, titles[1:], strict=False):
            if a.organization is None and a.country is None and a.end == self._split_gap(a, b) and \
                    self._bare(a):
                a.organization, a.country = b.organization, b.country
        return titles

    def _claim_start(self, i: int) -> int:
        kind, key = self.claims.get(i, ("", ""))
        j = i
        while j > 0 and self.claims.get(j - 1) == (kind, key):
            j -= 1
        return j

    def _split(self, start: int, end: int) -> list[tuple[int, int]]:
        doc = self.doc
        cuts = [start]
        i = start + 1
        while i < end:
            t = doc[i]
            r = self.role_at(i) if is_cap(t) else None
            if r is not None and fold(word_text(doc, i, r)) in self.lex.ranks and i - 1 > start \
                    and doc[i - 1].text.lower() not in ("of", "and", "the", "-") and self._has_role_between(start, i) \
                    and fold(doc[i - 1].text) not in self.lex.modifiers:
                cuts.append(i)  # "Deputy Minister of National Defence | Senior Lieutenant General X"
                i = r  # the rank is one title: no cut inside "Senior Lieutenant | General"
                continue
            if self._kind(i) != "org" and (t.text.lower() in ("and", "&") or t.text == "," or (
                    t.text in ("-", "–", "—") and t.whitespace_ and doc[i - 1].whitespace_)):
                nxt = i + 1
                if nxt < end and doc[nxt].text.lower() == "and":
                    nxt += 1
                if nxt < end and self.starts_title(nxt, end) and self._has_role_between(nxt, end):
                    cuts.append(i)
            i += 1
        cuts.append(end)
        parts = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            s = a
            while s < b and (doc[s].text.lower() in ("and", "&", ",", "-", "–", "—")
                             or doc[s].text.lower() in _ARTICLES):
                s += 1
            if s < b:
                parts.append((s, b))
        return parts

    def _lowercase_comma_title(self, comma: int, sent_start: int) -> int:
        """"the chairman of the employers' federation MEDEF, Jean-Luc Marchand": a title in lower
        case before a comma, opened by "the" or "a" and a role.  Returns the zone's start (the comma
        itself when there is none)."""
        doc = self.doc
        k = comma - 1
        while k > sent_start and comma - k <= 12:
            t = doc[k]
            if t.text in (",", ";", ":", ".", "(", ")") or t.i in self.name_tokens:
                return comma
            if doc[k - 1].text.lower() in ("the", "a", "an"):
                self._lower_roles = True
                try:
                    if self.role_at(k) is not None:
                        return k
                finally:
                    self._lower_roles = False
            k -= 1
        return comma

    def _lone_word(self, e: int) -> bool:
        """A one-word capitalised run ending the clause ("International Relations Section."): no name."""
        doc = self.doc
        return (e + 1 >= len(doc) or e + 1 not in self.name_tokens) and (e == 0 or doc[e - 1].text not in
                                                                          self.lex.honorifics) \
            and (e + 1 >= len(doc) or doc[e + 1].text in (".", ",", ";", ")"))

    def _list_element(self, i: int, *, skip_honorifics: bool = False) -> bool:
        """Does a name start at ``i`` and end a list element (", ", "and", ";", "." or ")" after it)?
        In "T1, N1, T2, N2, and T3, N3" each title goes to the name after it; in "N1, T1, N2 said"
        the name is the clause's subject and the title stays with the name before."""
        doc = self.doc
        while i < len(doc) and doc[i].text in self.lex.honorifics:
            i += 1
        if i >= len(doc) or i not in self.name_tokens:
            return False
        j = i
        while j < len(doc) and j in self.name_tokens:
            j += 1
        return j >= len(doc) or doc[j].text in (",", ";", ".", ")", "and", "(")

    def _role_ahead(self, k: int, end: int) -> bool:
        """A role follows within a few capitalised words ("Lao Deputy Foreign Minister")."""
        for i in range(k, min(end, k + 5)):
            if self.role_at(i) is not None:
                return True
            if not is_cap(self.doc[i]) or self._kind(i) != "":
                return False
        return False

    def _bare_prefix(self, start: int, end: int) -> bool:
        """Words before a role that belong to it ("Foreign" of "Foreign Affairs Secretary")."""
        return end - start <= 2 and all(self.lex.is_portfolio(self.doc[i].text) for i in range(start, end))

    def _has_role_between(self, start: int, end: int) -> bool:
        return any(self.role_at(i) is not None for i in range(start, end))

    @staticmethod
    def _split_gap(a: TitleParse, b: TitleParse) -> int:
        return a.end

    def _bare(self, t: TitleParse) -> bool:
        return t.role is not None and fold(t.text) == fold(t.role)

    def _read(self, start: int, end: int) -> TitleParse | None:
        doc = self.doc
        i = start
        while i < end and doc[i].text.lower() in _ARTICLES:
            i += 1
        text_start = i
        quals = []
        while i < end and (q := self.qualifier_at(i)) is not None:
            quals.append(word_text(doc, i, q))
            i = q
        country = None
        org_id = None
        drop: tuple[int, int] | None = None
        anaphor = None
        if i + 1 < end and doc[i].is_lower and doc[i + 1].text in APOSTROPHE_S:
            anaphor = self._org_by_head(i)
            if anaphor is not None:  # "the union's chairman": the title of the union named earlier
                org_id = anaphor.id
                i += 2
                text_start = i
        if i < end and self._kind(i) == "place":
            k = self._claim_end(i)
            if k < end and doc[k].text in APOSTROPHE_S:
                country = self.place_country.get(self.claims[i][1])
                if self.claims[i][1].startswith("country:"):
                    drop = (i, k + 1)  # "Peru's Deputy Minister" -> "Deputy Minister", country PE
                i = k + 1
            elif self._role_ahead(k, end):
                country = self.place_country.get(self.claims[i][1])
                if self.claims[i][1].startswith("country:"):
                    drop = (i, k)  # "New Zealand Trade Minister" -> "Trade Minister"; "Hiroshima Mayor" stays
                i = k
        elif i in self.demonyms:
            country = self.demonyms[i][1]
            drop = (i, self.demonyms[i][0])  # "Chinese Ambassador" -> "Ambassador", country CN
            i = self.demonyms[i][0]
        if i < end and self._kind(i) == "org":
            k = self._claim_end(i)
            if k < end and doc[k].text in APOSTROPHE_S:
                k += 1
            m = k
            while m < end and m - k < 3 and self.role_at(m) is None and is_cap(doc[m]) and self._kind(m) == "":
                m += 1  # "ApexBrasil Business Director"
            if self.role_at(m) is not None or (k in self.demonyms):
                org_id = self.claims[i][1]
                i = k
        while i < end and (q := self.qualifier_at(i)) is not None:
            quals.append(word_text(doc, i, q))
            i = q
        role_start = i
        while i < end and self.role_at(i) is None and (is_cap(doc[i]) or self.lex.is_portfolio(doc[i].text)) \
                and self._kind(i) == "" and (doc[i].text not in self.lex.not_names):
            i += 1  # portfolio or other words before the role: "Trade", "Foreign Affairs", "Business"
            while i < end and doc[i].text in (",", "and", "&") and i + 1 < end and is_cap(doc[i + 1]):
                i += 1
            if i < end and self._kind(i) == "place":
                k = self._claim_end(i)
                if k < end and doc[k].text in APOSTROPHE_S:
                    country = country or self.place_country.get(self.claims[i][1])
                    i = k + 1  # "Enterprise Ireland's Director": a body named after a place
        r = self.role_at(i)
        if r is None:
            return None
        role = word_text(doc, role_start if role_start < i and self._bare_prefix(role_start, i) else i, r)
        destination = None
        place_country = None
        k = r
        after_to = False
        depth = 0
        while k < end:
            kind = self._kind(k)
            low = doc[k].text.lower()
            if low == "(" and not (k + 2 < end and doc[k + 2].text == ")"):
                depth += 1
            elif low == ")" and depth:
                depth -= 1
            if depth:
                k += 1
                continue
            if low in ("to", "in") and self._kind(k) != "org":
                after_to = True
            if kind == "org":
                if org_id is None:
                    org_id = self.claims[k][1]
                k = self._claim_end(k)
                after_to = False
                continue
            if kind == "place":
                code = self.place_country.get(self.claims[k][1])
                k2 = self._claim_end(k)
                paired = k2 + 1 < end and doc[k2].text in ("-", "–") and self._kind(k2 + 1) == "place"
                if paired:  # "the France-Vietnam friendship group" belongs to neither state
                    k = self._claim_end(k2 + 1)
                    continue
                if after_to:
                    destination = destination or code
                else:
                    place_country = place_country or code
                k = k2
                continue
            if k in self.demonyms and country is None and not after_to:
                country = self.demonyms[k][1]
            k += 1
        if country is None and org_id is not None:
            country = self.org_country.get(org_id)
        if country is None:
            country = place_country
        if drop is not None and drop[0] == text_start:
            text = word_text(doc, drop[1], end)
        elif drop is not None:
            text = word_text(doc, text_start, drop[0]) + " " + word_text(doc, drop[1], end)
        else:
            text = word_text(doc, text_start, end)
        text = _PAREN_ACRONYM.sub("", text).strip(" ,;")
        if anaphor is not None:
            name = anaphor.name if anaphor.name.lower().startswith("the ") else "the " + anaphor.name
            text = f"{text} of {name}"  # written out, as the title would read on its own
        return TitleParse(start=text_start, end=end, text=text, role=role, qualifier=" ".join(quals) or None,
                          organization=org_id, country=country, destination=destination)
