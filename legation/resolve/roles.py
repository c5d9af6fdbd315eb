"""Titles across documents: normalised roles, role history, single-holder titles.

A title as the text gives it ("Secretary General of the Peruvian Communist
Party (PCP)") becomes a *role key* ("general secretary": word-order and
spelling variants unified) and an *organization key* (the resolved
organization when the extractor linked one, else the words after "of").
A person's role history is one spell per (role, organization, qualifier),
dated from the first to the last date an article showed it, each with its
sources.  The vocabulary (qualifiers such as "former", "late"; roles that
one organization has one holder of at a time) is the curated
``legation/data/titles.json`` shared with the extractor, with a built-in
fallback.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from legation.models import RoleSpell, Title
from legation.resolve.names import DATA, fold, org_key

if TYPE_CHECKING:
    from legation.resolve.inputs import PersonRec

_FALLBACK_QUALIFIERS = ["late", "the late", "former", "ex", "acting", "outgoing", "incoming", "interim", "then",
                        "newly elected", "newly appointed", "designate", "retired", "deceased"]
_FALLBACK_SINGLE = ["president", "vice president", "prime minister", "premier", "chancellor", "general secretary",
                    "chairman", "speaker", "governor", "mayor", "king", "queen", "director general",
                    "chief executive", "ambassador", "foreign minister", "minister"]
#: spelling and word-order variants of one role
_SYNONYMS = {
    "secretary general": "general secretary",
    "secretary-general": "general secretary",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair": "chairman",
    "vice chairwoman": "vice chairman",
    "vice chairperson": "vice chairman",
    "vice chair": "vice chairman",
    "vice-chairman": "vice chairman",
    "director-general": "director general",
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "party chief": "general secretary",
    "vice-president": "vice president",
    "vice-minister": "vice minister",
    "deputy minister": "vice minister",
    "premier": "prime minister",
}
#: qualifiers under which a title is not held now (so it never counts as a second holder)
PAST = {"late", "the late", "former", "ex", "outgoing", "retired", "deceased", "then", "designate", "incoming",
        "newly elected", "elected", "president elect"}


@lru_cache(maxsize=1)
def _vocab() -> tuple[tuple[str, ...], frozenset[str]]:
    qualifiers, single = list(_FALLBACK_QUALIFIERS), list(_FALLBACK_SINGLE)
    path = DATA / "titles.json"
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # a broken data file must not stop resolution; fall back
            data = {}
        qualifiers += [q for q in data.get("qualifiers", []) if isinstance(q, str)]
        single += [s for s in data.get("single_holder", []) if isinstance(s, str)]
    quals = tuple(sorted({fold(q) for q in qualifiers if fold(q)}, key=len, reverse=True))
    return quals, frozenset(role_key(s) for s in single)


def role_key(role: str) -> str:
    """'Secretary-General' -> 'general secretary'; 'Vice-Chairwoman' -> 'vice chairman'."""
    low = " ".join(role.lower().replace("–", "-").split())
    low = _SYNONYMS.get(low, low)
    folded = fold(low)
    return _SYNONYMS.get(folded, folded)


def split_title(title: Title) -> tuple[str | None, str, str | None]:
    return _split_title(title.text, title.role, title.qualifier)


@lru_cache(maxsize=65536)
def _split_title(text: str, given_role: str | None, given_qualifier: str | None) -> tuple[str | None, str, str | None]:
    """(qualifier, role key, organization words) of a title.

    The qualifier is the title's own when the extractor set one, else a
    leading qualifier word of the text ("late General Secretary").  The
    organization words are what follows the role's first " of " ("of the
    Communist Party of Peru"), used when the extractor linked no organization.
    """
    quals, _single = _vocab()
    text = " ".join(text.split())
    qualifier = fold(given_qualifier) if given_qualifier else None
    folded = fold(text)
    if qualifier is None:
        for q in quals:
            if folded == q or folded.startswith(q + " "):
                qualifier = q
                break
    if given_role:
        role = role_key(given_role)
    else:
        head = re.split(r"\s+(?:of|for|to|at|in)\s+", text, maxsplit=1)[0]
        role = role_key(head)
    if qualifier and role.startswith(qualifier + " "):
        role = role[len(qualifier) + 1:]
    match = re.search(r"\s(?:of|to)\s+(?:the\s+)?(.+)$", text, flags=re.I)
    org_words = org_key(re.sub(r"\s*\([^)]*\)", "", match.group(1))) if match else None
    return qualifier, role, org_words or None


def title_keys(rec: PersonRec, org_keys: dict[tuple[str, str], str]) -> Iterable[tuple[str, str]]:
    """(role key, organization key) of each of a person record's titles (for name-form evidence)."""
    for t in rec.titles:
        _q, role, words = split_title(t)
        org = org_keys.get((rec.doc, t.organization)) if t.organization else None
        yield role, org or (f"text:{words}" if words else "")


def is_single_holder(role: str) -> bool:
    return role in _vocab()[1]


def role_history(people: list[PersonRec], person_cluster: list[int], *,
                 org_cluster: dict[tuple[str, str], int], org_names: list[str]
                 ) -> list[tuple[RoleSpell, str, str]]:
    """Each person's titles over time, one spell per (role, organization, qualifier), oldest first.

    Returns (spell, role key, organization key) triples; the keys serve the single-holder check.
    """
    spells: dict[tuple, dict] = {}
    for i, rec in enumerate(people):
        pc = person_cluster[i]
        for t in rec.titles:
            qualifier, role, words = split_title(t)
            oc = org_cluster.get((rec.doc, t.organization)) if t.organization else None
            key = (pc, role or fold(t.text), oc if oc is not None else f"text:{words or ''}", qualifier)
            spell = spells.setdefault(key, {"texts": defaultdict(int), "sources": {}, "role": t.role or role or None,
                                            "org": oc, "org_name": org_names[oc] if oc is not None else None,
                                            "qualifier": qualifier})
            spell["texts"][" ".join(t.text.split())] += 1
            if rec.doc not in spell["sources"] or (rec.date or "") > (spell["sources"][rec.doc] or ""):
                spell["sources"][rec.doc] = rec.date
    # a bare title ("Vice Minister") is the same spell as the one fuller title of that role the person
    # holds ("Vice Minister of Foreign Trade"), when there is exactly one
    by_role: dict[tuple, list[tuple]] = defaultdict(list)
    for key in spells:
        by_role[(key[0], key[1], key[3])].append(key)
    for key in list(spells):
        pc, role, org, qualifier = key
        if org != "text:":
            continue
        fuller = [k for k in by_role[(pc, role, qualifier)] if k != key]
        if len(fuller) == 1:
            bare, target = spells.pop(key), spells[fuller[0]]
            for doc, when in bare["sources"].items():
                if doc not in target["sources"] or (when or "") > (target["sources"][doc] or ""):
                    target["sources"][doc] = when
    out = []
    for (pc, role, org, qualifier), s in spells.items():
        dates = sorted(d for d in s["sources"].values() if d)
        title = sorted(s["texts"].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        sources = sorted(s["sources"].items(), key=lambda kv: (kv[1] or "", kv[0]))
        out.append((RoleSpell(person=pc, role=s["role"], title=title, organization=s["org"],
                              organization_name=s["org_name"], qualifier=qualifier,
                              first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                              sources=sources), role, str(org)))
    out.sort(key=lambda x: (x[0].person, x[0].first_seen or "9999", x[0].title))
    return out
