"""Organizations: parties, ministries, committees and their sub-bodies, kept whole.

The statistical NER cuts "the Communist Party of" from "Peru" and glues
"Domingo Cabrera Toro" onto "the Communist Party of Peru".  Organization names
in diplomatic news have a grammar of their own, so we parse it:

* a **head** noun makes a capitalised phrase an organization (Party,
  Committee, Ministry, Chamber of Commerce, People's Committee; see
  ``data/organizations.json``, which also gives each head a kind);
* the phrase grows to the left over capitalised words, places, acronyms in
  parentheses and possessives ("the CPV Central Committee's Commission"), and
  to the right over "of/for/on (the) ..." with portfolio words joined by "and"
  ("Ministry of Labour, Invalids and Social Affairs");
* it stops where a personal name starts (a family name, a known given name, a
  PERSON entity), at a title ("Chairman"), and after a place that is followed
  by other capitalised words ("Communist Party of Peru | Domingo Cabrera Toro").

Each organization gets the acronym the text defines for it (or the curated
one), a kind from its last head, a country from the places and demonyms in its
name (or its parent's), and a parent when it is a sub-body ("X's Y", "Y of X").
Acronym uses ("CPV") and slips ("CPC" for "PCP") are mentions of the
organization they stand for.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from legation.models import Organization
from legation.nlp._guarded import RuleComponent
from legation.nlp.extensions import get_list
from legation.nlp.lexicon import Lexicon, fold
from legation.nlp.tokens import (
    APOSTROPHE_S,
    Intervals,
    claim,
    claims,
    is_cap,
    sentence_bounds,
    state,
    word_text,
)

__all__ = ["OrganizationComponent", "OrgMatch", "person_starts_at"]

_RIGHT_LINKS = {"of", "for", "on"}
_AND = {"and", "&", ","}


class OrgMatch:
    """An organization span in the document and what we learnt about it."""

    __slots__ = ("start", "end", "heads", "acronym", "key", "name", "parent", "kind", "country")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.heads: list[tuple[int, int, str]] = []
        self.acronym: str | None = None
        self.key = ""
        self.name = ""
        self.parent: OrgMatch | None = None
        self.kind: str | None = None
        self.country: str | None = None


def person_starts_at(doc: Doc, i: int, lex: Lexicon, person_ents: set[int]) -> bool:
    """Token ``i`` opens a personal name: a PERSON entity, a family name or a given name before another name."""
    tok = doc[i]
    if not is_cap(tok):
        return False
    if i in person_ents:
        return True
    if tok.text in lex.honorifics:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or not is_cap(nxt) or fold(nxt.text) in lex.org_heads:
        return False
    if lex.culture_of_first(tok.text) or lex.is_given_name(tok.text):
        return fold(nxt.text) not in lex.portfolio
    return False


class OrganizationComponent(RuleComponent):
    def __init__(self, nlp: Language | None = None, name: str = "legation_organizations", *,
                 lex: Lexicon | None = None) -> None:
        super().__init__(nlp, name, lex=lex)


    def match(self, doc: Doc) -> Doc:
        st = state(doc)
        self._person_ents = {e.start for e in doc.ents if e.label_ == "PERSON"}
        spans = (self._head_spans(doc) + self._acronym_spans(doc) + self._known_spans(doc) + self._glossed_spans(doc)
                 + self._table_spans(doc) + self._ner_spans(doc))
        matches = self._merge(doc, spans)
        orgs = self._build(doc, matches)
        st["org_matches"] = matches
        st["organizations"] = orgs
        get_list(doc, "legation_organizations").extend(orgs.values())
        return doc

    # ------------------------------------------------------------------ finding spans

    def _head_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """(end, kind) of the longest organization head starting at token ``i``."""
        lex = self.lex
        if not (is_cap(doc[i]) or doc[i].text.isupper()):
            return None
        for n in range(min(lex.org_head_max_words + 2, len(doc) - i), 0, -1):
            words = doc[i: i + n]
            if not is_cap(words[-1]):
                continue
            key = fold(word_text(doc, i, i + n))
            kind = lex.org_heads.get(key)
            if kind is not None:
                return i + n, kind
        return None

    def _is_role(self, doc: Doc, i: int) -> bool:
        t = fold(doc[i].text)
        return t in self.lex.roles or t in self.lex.modifiers or t in self.lex.qualifiers

    def _head_spans(self, doc: Doc) -> list[OrgMatch]:
        out = []
        c = claims(doc)
        for i in range(len(doc)):
            head = self._head_at(doc, i)
            if head is None:
                continue
            end, kind = head
            if c.get(end - 1, ("", ""))[0] == "place":
                continue  # "Russian Federation", "United Arab Emirates" are places
            if end == i + 1 and self.lex.culture_of_first(doc[i].text) and end < len(doc) \
                    and is_cap(doc[end]) and not self.lex.is_vocabulary(doc[end].text):
                continue  # "Park Seung-ho": a family name, not an industrial park
            if any(fold(word_text(doc, i, i + n)) in self.lex.roles for n in (2, 3) if i + n <= len(doc)):
                continue  # "Cabinet Secretary", "State Council member"? the head opens a title here
            start = self._grow_left(doc, i)
            if start == i and fold(word_text(doc, i, end)) in self.lex.weak_heads:
                continue  # "Group", "Office" alone are not names
            if fold(word_text(doc, i, end)) in self.lex.leading_heads:
                while end < len(doc) and (is_cap(doc[end]) or (doc[end].text in self.lex.particles and end + 1 <
                                                                len(doc) and is_cap(doc[end + 1]))):
                    end += 1  # "Universiti Tunku Abdul Rahman", "Universidad de Chile"
            end = self._grow_right(doc, end)
            m = OrgMatch(start, end)
            out.append(m)
        return out

    def _grow_left(self, doc: Doc, i: int) -> int:
        lex, c = self.lex, claims(doc)
        sent_start = sentence_bounds(doc, i)[0]
        j = i
        while j > sent_start:
            t = doc[j - 1]
            if t.text == ")" and j - 3 >= sent_start and doc[j - 3].text == "(" and doc[j - 2].text.isupper():
                j -= 3
                continue
            if t.text in APOSTROPHE_S and j - 2 >= sent_start and is_cap(doc[j - 2]) \
                    and c.get(j - 2, ("", ""))[0] != "place":
                j -= 1  # "the CPV Central Committee's Commission", not "Santiago's Arturo Merino Benitez Airport"
                continue
            if t.text == "-" and not t.whitespace_ and j - 2 >= sent_start and not doc[j - 2].whitespace_:
                j -= 1
                continue
            if t.is_lower and j - 2 >= sent_start and doc[j - 2].text == "-" and not doc[j - 2].whitespace_ \
                    and j - 3 >= sent_start and not doc[j - 3].whitespace_ and is_cap(doc[j - 3]):
                j -= 1  # "Kim Dae-jung Convention Center": a hyphenated given name
                continue
            if t.text.lower() in ("and", "&") and j - 2 >= sent_start and is_cap(doc[j - 2]) \
                    and c.get(j - 2, ("", ""))[0] != "place" and c.get(j, ("", ""))[0] != "place" \
                    and self._head_at(doc, j - 2) is None and not self._name_before(doc, j - 1, sent_start):
                j -= 1
                continue
            if t.text in lex.org_inner_lowercase and j - 2 >= sent_start and j - 1 > sent_start:
                j -= 1  # "the Quang Ninh provincial Party Committee", "the provincial People's Committee"
                continue
            if not (is_cap(t) or t.text.isupper()) or t.text in lex.not_names or t.text in lex.honorifics:
                break
            if self._is_role(doc, j - 1) and self._head_at(doc, j - 1) is None:
                break
            if c.get(j - 1, ("", ""))[0] == "person":
                break
            j -= 1
        while j < i and (doc[j].text.lower() in ("and", "&", "-") or doc[j].text in APOSTROPHE_S):
            j += 1
        return j

    def _name_before(self, doc: Doc, k: int, sent_start: int) -> bool:
        """Does a personal name end at ``k``?  ("Ambassador to Malaysia Le Thi Quynh Nga and Federation of ...",
        "Irish Ambassador to Vietnam Aisling Kearney and Enterprise Ireland"): a name start, or two words that
        are no vocabulary right after a place or a title word."""
        c = claims(doc)
        j = k
        plain = 0
        while j > sent_start and is_cap(doc[j - 1]) and k - j < 5:
            j -= 1
            if person_starts_at(doc, j, self.lex, self._person_ents):
                return True
            if c.get(j) or self.lex.is_vocabulary(doc[j].text) or self._head_at(doc, j) is not None:
                return plain >= 2 and (c.get(j, ("", ""))[0] == "place" or self._is_role(doc, j))
            plain += 1
        return False

    def _grow_right(self, doc: Doc, e: int) -> int:
        lex = self.lex
        sent_end = sentence_bounds(doc, e - 1)[1]
        while e < sent_end:
            t = doc[e]
            if t.text == "(" and e + 2 < sent_end and doc[e + 2].text == ")" and doc[e + 1].text.isupper():
                e += 3
                continue
            head = self._head_at(doc, e)
            if head is not None and not person_starts_at(doc, e, lex, self._person_ents):
                e = head[0]
                continue
            if t.text in APOSTROPHE_S and e + 1 < sent_end and is_cap(doc[e + 1]):
                # "Central Committee's Economic Commission": only when a head follows in the run
                k = e + 1
                while k < sent_end and is_cap(doc[k]) and self._head_at(doc, k) is None \
                        and not person_starts_at(doc, k, lex, self._person_ents):
                    k += 1
                if k < sent_end and self._head_at(doc, k) is not None:
                    e = self._head_at(doc, k)[0]
                    continue
                break
            if t.text.lower() in _AND and e + 1 < sent_end and is_cap(doc[e + 1]) \
                    and lex.is_portfolio(doc[e + 1].text) and lex.is_portfolio(doc[e - 1].text) \
                    and not self._coordinated_org(doc, e + 1, sent_end):
                e += 1  # "Union of Industrialists and Entrepreneurs": plural portfolio words too
                while e < sent_end and is_cap(doc[e]) and lex.is_portfolio(doc[e].text):
                    e += 1
                continue
            if t.text.lower() in _RIGHT_LINKS:
                k = e + 1
                if k < sent_end and doc[k].text.lower() == "the":
                    k += 1
                run_end = self._run(doc, k, sent_end)
                if run_end > k:
                    e = run_end
                    continue
            break
        return e

    def _run(self, doc: Doc, k: int, sent_end: int) -> int:
        """End of the capitalised run after "of/for/on (the)" that still belongs to the name."""
        lex, c = self.lex, claims(doc)
        e = k
        while e < sent_end:
            t = doc[e]
            if e > k and person_starts_at(doc, e, lex, self._person_ents):
                break
            if is_cap(t) or (t.text.isupper() and t.text.isalpha()):
                if self._is_role(doc, e) and self._head_at(doc, e) is None:
                    break
                if e > k and lex.is_portfolio(doc[e - 1].text) and not lex.is_vocabulary(t.text) \
                        and c.get(e, ("", ""))[0] == "" and e + 1 < sent_end and is_cap(doc[e + 1]) \
                        and not lex.is_vocabulary(doc[e + 1].text) and self._head_at(doc, e + 1) is None:
                    break
                if t.text in lex.not_names and self._head_at(doc, e) is None and fold(t.text) not in lex.portfolio:
                    break
                prev_place = e > k and c.get(e - 1, ("", ""))[0] == "place" and c.get(e, ("", ""))[0] != "place"
                if prev_place and self._head_at(doc, e) is None and fold(t.text) not in lex.portfolio \
                        and t.text != "(":
                    break
                e += 1
                continue
            if t.text == "-" and not t.whitespace_ and e > k and not doc[e - 1].whitespace_:
                e += 1
                continue
            if t.text == "(" and e + 2 < sent_end and doc[e + 2].text == ")" and doc[e + 1].text.isupper():
                e += 3
                if e < sent_end and self._head_at(doc, e) is None:
                    break  # "(PCU)" closes the name: "Communist Party of Uruguay (PCU) | Federico Barrios Lemes"
                continue
            if t.text in APOSTROPHE_S and e > k and e + 1 < sent_end and is_cap(doc[e + 1]) \
                    and self._head_at(doc, e + 1) is not None:
                e += 1
                continue
            if t.text.lower() in _AND and e > k and e + 1 < sent_end:
                nxt = doc[e + 1]
                if is_cap(nxt) and lex.is_portfolio(nxt.text) and not self._coordinated_org(doc, e + 1, sent_end):
                    e += 1
                    continue
            break
        return e

    def _coordinated_org(self, doc: Doc, k: int, sent_end: int) -> bool:
        """Does a new organization (its own head) start at ``k``?  Then "and" joins two names."""
        e = k
        while e < sent_end and (is_cap(doc[e]) or doc[e].text.lower() in ("of", "for", "the")):
            if self._head_at(doc, e) is not None:
                return True
            e += 1
        return False

    def _acronym_spans(self, doc: Doc) -> list[OrgMatch]:
        """Long forms of organization acronyms defined in the text ("Asia-Pacific Economic Cooperation")."""
        out = []
        infos = state(doc).get("acronyms", {})
        for info in infos.values():
            if not info.defined_in_text or not info.long_span or info.entity in ("place", "term"):
                continue
            if not info.long[:1].isupper():
                continue
            span = doc.char_span(*info.long_span, alignment_mode="expand")
            if span is None:
                continue
            if all(claims(doc).get(i, ("", ""))[0] == "place" for i in range(span.start, span.end)):
                continue
            m = OrgMatch(span.start, span.end)
            # take the parenthesised acronym right after the long form
            if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].text == info.short:
                m.end = span.end + 3
            out.append(m)
        return out

    def _glossed_spans(self, doc: Doc) -> list[OrgMatch]:
        """"Bangladesh's Jatiya Sangsad (Parliament)", "the Rada (parliament)": a name in its own language
        glossed in parentheses by an organization head."""
        out = []
        c = claims(doc)
        for tok in doc:
            if tok.text != "(" or tok.i < 1:
                continue
            close = next((t.i for t in doc[tok.i + 1: min(len(doc), tok.i + 5)] if t.text == ")"), None)
            if close is None or self.lex.org_heads.get(fold(word_text(doc, tok.i + 1, close))) is None:
                continue
            start = tok.i
            while start > 0 and is_cap(doc[start - 1]) and not c.get(start - 1) and tok.i - start < 4:
                start -= 1
            if start < tok.i:
                out.append(OrgMatch(start, close + 1))
        return out

    def _table_spans(self, doc: Doc) -> list[OrgMatch]:
        """Organizations of the acronym table written out in full ("the United Nations", "the World Bank")."""
        out = []
        text = doc.text
        for entry in self.lex.acronyms.values():
            name = entry.long
            if entry.entity != "org" or len(name.split()) < 2 or not name[:1].isupper() or name not in text:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
                if span is not None:
                    out.append(OrgMatch(span.start, span.end))
        return out

    def _known_spans(self, doc: Doc) -> list[OrgMatch]:
        """Organizations known by name alone: news agencies, companies, "the Kremlin"."""
        out = []
        text = doc.text
        for name in self.lex.known_orgs:
            if name not in text:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
                if span is not None:
                    out.append(OrgMatch(span.start, span.end))
        return out

    def _ner_spans(self, doc: Doc) -> list[OrgMatch]:
        """Single proper names the NER calls organizations ("Xinhua", "Vingroup") and we have no head for."""
        out = []
        c = claims(doc)
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            toks = [t for t in ent if t.text.lower() != "the"]
            if len(toks) != 1:
                continue
            t = toks[0]
            if not is_cap(t) or t.text in self.lex.not_names or t.i in c or t.text.isupper() \
                    or fold(t.text) in self.lex.org_heads:
                continue
            # a word that continues a capitalised run is part of a name the NER cut ("Valentina Ferreyra | Olivera")
            if (t.i > 0 and is_cap(doc[t.i - 1]) and doc[t.i - 1].i not in c) or (
                    t.i + 1 < len(doc) and is_cap(doc[t.i + 1]) and doc[t.i + 1].i not in c):
                continue
            m = OrgMatch(t.i, t.i + 1)
            m.kind = "ner"  # marks a weak match; the people component may take the word back
            out.append(m)
        return out

    def _merge(self, doc: Doc, spans: list[OrgMatch]) -> list[OrgMatch]:
        spans.sort(key=lambda m: (m.start, -m.end))
        merged: list[OrgMatch] = []
        for m in spans:
            while m.start < m.end and doc[m.start].text.lower() in ("the", "a", "an"):
                m.start += 1
            if m.start >= m.end:
                continue
            if merged and m.start < merged[-1].end:
                merged[-1].end = max(merged[-1].end, m.end)
                continue
            merged.append(m)
        return merged

    # ------------------------------------------------------------------ attributes

    def _build(self, doc: Doc, matches: list[OrgMatch]) -> dict[str, Organization]:
        st = state(doc)
        infos = st.get("acronyms", {})
        c = claims(doc)
        place_country = {m.entry.key: m.entry.country for m in st.get("place_matches", [])}
        demonyms = {i: code for s, e, code in st.get("demonyms", []) for i in range(s, e)}
        orgs: dict[str, Organization] = {}
        by_key: dict[str, OrgMatch] = {}
        expanded_parts: list[OrgMatch] = []
        for m in matches:
            expanded_parts.extend(self._parts(doc, m))
        weak = {id(m) for m in expanded_parts if m.kind == "ner"}
        for m in expanded_parts:
            m.name = self._name(doc, m.start, m.end, infos)
            m.key = fold(m.name)
            m.kind = self._kind(doc, m)
            m.acronym = self._acronym(doc, m, infos)
            m.country = self._country(doc, m, c, place_country, demonyms, infos)
        table = {fold(e.long): e for e in self.lex.acronyms.values() if e.entity == "org"}
        binational: set[str] = set()
        for m in expanded_parts:
            entry = table.get(m.key)
            if entry is not None and entry.country:
                m.country = entry.country  # "Workers' Party of Korea" is North Korea's
            if entry is not None and entry.kind:
                m.kind = entry.kind  # "Association of Southeast Asian Nations" is a bloc
            if m.country is None and self._binational(doc, m) and len(self._countries_in(
                    doc, m, c, place_country, demonyms)) >= 2:
                binational.add(m.key)
        for m in reversed(expanded_parts):  # parents first
            if m.parent is not None and m.parent.country and (m.country is None or self._country(
                    doc, OrgMatch(*self._outside(m, m.parent)), c, place_country, demonyms, infos) is None):
                m.country = m.parent.country  # "Central Committee of the Workers' Party of Korea": the party's
            org = orgs.get(m.key)
            if org is None:
                org = Organization(id=f"O{len(orgs) + 1}", name=m.name, acronym=m.acronym, kind=m.kind,
                                   country=m.country)
                orgs[m.key] = org
                by_key[m.key] = m
            else:
                org.acronym = org.acronym or m.acronym
                org.country = org.country or m.country
            org.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)))
        for m in expanded_parts:
            if m.parent is not None and m.parent.key in orgs and m.key in orgs and m.parent.key != m.key:
                orgs[m.key].parent = orgs[m.parent.key].id
        # acronym uses are mentions of what they stand for; an org known only by its acronym is created
        for info in infos.values():
            if info.entity in ("place", "term") or not info.uses:
                continue
            if info.entity is None and not info.defined_in_text:
                continue
            if not info.long[:1].isupper():
                continue
            key = fold(info.long)
            org = orgs.get(key)
            if org is None:
                org = next((o for o in orgs.values() if o.acronym == info.short), None)
            if org is None:
                org = Organization(id=f"O{len(orgs) + 1}", name=info.long, acronym=info.short,
                                   kind=info.kind or self._kind_of_text(info.long),
                                   country=info.country or self._country_of_text(info.long))
                orgs[key] = org
            org.acronym = org.acronym or info.short
            covered = Intervals(org.mentions)
            for span in info.uses:
                if not covered.covers(span[0], span[1]):
                    org.mentions.append(span)
        st["binational_orgs"] = {orgs[k].id for k in binational if k in orgs}
        strong = {orgs[m.key].id for m in expanded_parts if id(m) not in weak}
        st["weak_orgs"] = {orgs[m.key].id for m in expanded_parts if id(m) in weak} - strong - {
            o.id for o in orgs.values() if o.acronym}
        for m in reversed(expanded_parts):  # the widest span owns its tokens
            claim(doc, m.start, m.end, "org", orgs[m.key].id)
        self._same_names(doc, orgs)
        for org in orgs.values():  # acronym uses ("CCPIT Vice Chairman") belong to their organization
            for start, end in org.mentions:
                span = doc.char_span(start, end, alignment_mode="strict")
                if span is not None and not any(i in c for i in range(span.start, span.end)):
                    claim(doc, span.start, span.end, "org", org.id)
        for org in orgs.values():
            org.mentions = sorted(set(org.mentions))
        # places inside organization names are not mentions of the place
        self._drop_inner_places(doc, orgs)
        return orgs

    def _same_names(self, doc: Doc, orgs: dict[str, Organization]) -> None:
        """One sense per article: a name read as an organization once ("Bangladesh's Jatiya Sangsad
        (Parliament)") is that organization where it stands bare ("Deputy Speaker of the Jatiya Sangsad")."""
        text = doc.text
        c = claims(doc)
        for org in orgs.values():
            name = org.name
            if len(name.split()) < 2 or not name[:1].isupper():
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
                if span is None or any(i in c for i in range(span.start, span.end)):
                    continue
                claim(doc, span.start, span.end, "org", org.id)
                org.mentions = sorted(set(org.mentions) | {(m.start(), m.end())})

    def _parts(self, doc: Doc, m: OrgMatch) -> list[OrgMatch]:
        """The span and, recursively, the bodies it belongs to (its parent first, then the parent's)."""
        split = self._split(doc, m)
        if split is None:
            return [m]
        parent = OrgMatch(*split)
        m.parent = parent
        return [m] + self._parts(doc, parent)

    def _split(self, doc: Doc, m: OrgMatch) -> tuple[int, int] | None:
        """Where the parent body sits inside ``m``: "A's B" -> A; "B of the A" -> A; "A (ACR) B" -> A."""
        c = claims(doc)
        infos = state(doc).get("acronyms", {})
        for i in range(m.end - 1, m.start, -1):
            # "A's B" makes A the parent; a plural's apostrophe ("Workers' Party") is part of the name
            if doc[i].text in ("'s", "’s") and self._has_head(doc, OrgMatch(m.start, i)) \
                    and self._has_head(doc, OrgMatch(i + 1, m.end)):
                return m.start, i
        for i in range(m.start + 1, m.end):
            if doc[i].text.lower() == "of":
                k = i + 1
                if k < m.end and doc[k].text.lower() == "the":
                    k += 1
                if k < m.end and c.get(k, ("", ""))[0] != "place" and self._has_head(doc, OrgMatch(m.start, i)) \
                        and self._has_head(doc, OrgMatch(k, m.end)):
                    return k, m.end
        for p in range(m.start + 1, m.end):
            if self._head_at(doc, p) is None:
                continue
            before = doc[p - 1]
            if before.text == ")" and self._has_head(doc, OrgMatch(m.start, p)):
                return m.start, p
            if p - 1 == m.start and before.text in infos and infos[before.text].entity not in ("place", "term"):
                return m.start, p
            if c.get(p - 1, ("", ""))[0] == "place" and self._has_head(doc, OrgMatch(m.start, p - 1)):
                q = p - 1
                while q > m.start and c.get(q - 1) == c.get(p - 1):
                    q -= 1
                if q > m.start and doc[q - 1].text.lower() in ("of", "the") and self._has_head(
                        doc, OrgMatch(m.start, q)):
                    return m.start, p
        return None

    @staticmethod
    def _outside(m: OrgMatch, parent: OrgMatch) -> tuple[int, int]:
        """The part of ``m`` that is not its parent ("Central Committee of the" of "...of the WPK")."""
        if parent.start > m.start:
            return m.start, parent.start
        return parent.end, m.end

    def _has_head(self, doc: Doc, m: OrgMatch) -> bool:
        """A head that lies wholly inside ``m``."""
        for i in range(m.start, m.end):
            head = self._head_at(doc, i)
            if head is not None and head[0] <= m.end:
                return True
        return False

    @staticmethod
    def _name(doc: Doc, start: int, end: int, infos: dict) -> str:
        text = word_text(doc, start, end)
        text = re.sub(r"\s*\((?=[^\W\d_])[\w&\-.]{2,12}\)", "", text)
        text = re.sub(r"\s*\((?:[Pp]arliament|[Nn]ational [Aa]ssembly|[Ss]enate|[Cc]ongress|[Aa]ssembly)\)", "", text)
        text = text.replace("’", "'")
        words = text.split()
        if len(words) == 1 and words[0] in infos and infos[words[0]].entity not in ("place", "term"):
            return infos[words[0]].long
        expanded = []
        for w in words:
            bare = w[:-2] if w.endswith("'s") else w
            info = infos.get(bare)
            if info is not None and info.entity != "term" and len(words) > 1:
                expanded.append(info.long + ("'s" if w.endswith("'s") else ""))
            else:
                expanded.append(w)
        name = " ".join(expanded)
        return name[4:] if name.lower().startswith("the ") else name

    def _kind(self, doc: Doc, m: OrgMatch) -> str | None:
        known = self.lex.known_orgs.get(word_text(doc, m.start, m.end))
        if known:
            return known
        kind = None
        own_end = m.end
        i = m.start
        while i < own_end:
            head = self._head_at(doc, i)
            if head is not None:
                kind = head[1]
                i = head[0]
                continue
            if doc[i].text.lower() in ("of", "for") and m.parent is not None and m.parent.start > i:
                break
            i += 1
        return kind

    def _kind_of_text(self, text: str) -> str | None:
        words = fold(text).replace("'", "'").split()
        kind = None
        for n in range(len(words)):
            for k in range(min(self.lex.org_head_max_words, len(words) - n), 0, -1):
                found = self.lex.org_heads.get(" ".join(words[n: n + k]))
                if found:
                    kind = found
                    break
        return kind

    def _country_of_text(self, text: str) -> str | None:
        """The first country named or implied in an organization's name ("Communist Party of Uruguay")."""
        from legation.nlp.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        words = re.findall(r"[A-Z][\w'’-]*", text)
        for n in range(len(words)):
            for k in (3, 2, 1):
                phrase = " ".join(words[n: n + k])
                if len(words[n: n + k]) < k:
                    continue
                code = self.lex.demonyms.get(phrase)
                if code:
                    return code
                entries = [e for e in gaz.lookup(phrase) if e.kind == "country"]
                if entries:
                    return entries[0].country
        return None

    def _acronym(self, doc: Doc, m: OrgMatch, infos: dict) -> str | None:
        e = m.end
        if e + 2 < len(doc) + 1 and e - 3 >= m.start and doc[e - 3].text == "(" and doc[e - 1].text == ")":
            return doc[e - 2].text
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and doc[e + 1].text.isupper():
            return doc[e + 1].text
        for info in infos.values():
            if info.entity != "term" and fold(info.long) == m.key:
                return info.short
        if m.end - m.start == 1 and doc[m.start].text in infos:
            return doc[m.start].text
        return None

    def _country(self, doc: Doc, m: OrgMatch, c: dict, place_country: dict, demonyms: dict,
                 infos: dict) -> str | None:
        found = self._countries_in(doc, m, c, place_country, demonyms)
        if len(found) >= 2 and self._binational(doc, m):
            return None  # "Nigerian-German Business Association", "Vietnam-Peru Friendship Association"
        return self._first_country(doc, m, c, place_country, demonyms, infos)

    def _countries_in(self, doc: Doc, m: OrgMatch, c: dict, place_country: dict, demonyms: dict) -> list[str]:
        out: list[str] = []
        for i in range(m.start, m.end):
            kind, key = c.get(i, ("", ""))
            code = place_country.get(key) if kind == "place" else demonyms.get(i)
            if code and code not in out:
                out.append(code)
        return out

    @staticmethod
    def _binational(doc: Doc, m: OrgMatch) -> bool:
        text = word_text(doc, m.start, m.end)
        return bool(re.search(r"\b[A-Z][\w']+\s*[-–]\s*[A-Z][\w']+", text)) or " and " in text

    def _first_country(self, doc: Doc, m: OrgMatch, c: dict, place_country: dict, demonyms: dict,
                       infos: dict) -> str | None:
        for i in range(m.start, m.end):
            # "Ambassador of X to Y", "Embassy of Vietnam in Peru": the first place is the owner
            if doc[i].text.lower() in ("to", "in") and i > m.start:
                break
            kind, key = c.get(i, ("", ""))
            if kind == "place" and place_country.get(key):
                return place_country[key]
            if i in demonyms:
                return demonyms[i]
            info = infos.get(doc[i].text)
            if info is not None and info.entity != "term":
                if info.country:
                    return info.country
                code = self._country_of_text(info.long)
                if code:
                    return code
        return None

    @staticmethod
    def _drop_inner_places(doc: Doc, orgs: dict[str, Organization]) -> None:
        spans = Intervals(s for o in orgs.values() for s in o.mentions)
        for place in state(doc).get("places", {}).values():
            place.mentions = [p for p in place.mentions if not spans.covers(p[0], p[1])]
        places = get_list(doc, "legation_places")
        places[:] = [p for p in places if p.mentions]
