"""Acronyms: Schwartz-Hearst and its extensions, common acronyms, and slips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legation.nlp.acronyms import (
    definition_for,
    initials_match,
    is_acronym_shape,
    is_slip_of,
    long_form_reverse,
    schwartz_hearst,
)
from legation.nlp.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize(("short", "before", "long", "method"), [
    ("CPV", "Chairman of the Communist Party of Vietnam", "Communist Party of Vietnam", "schwartz-hearst"),
    ("PCP", "Secretary General of the Peruvian Communist Party", "Peruvian Communist Party", "schwartz-hearst"),
    ("CPTPP", "members of the Comprehensive and Progressive Agreement for Trans-Pacific Partnership",
     "Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "schwartz-hearst"),
    ("FDI", "it attracts foreign direct investment", "foreign direct investment", "schwartz-hearst"),
    # the whole proper name, not only the letters' shortest tail
    ("INA", "invest through the Indonesia Investment Authority", "Indonesia Investment Authority",
     "schwartz-hearst"),
    ("DEFA", "talks on the ASEAN Digital Economy Framework Agreement",
     "Digital Economy Framework Agreement", "schwartz-hearst"),
    ("NEC", "member of the ANC National Executive Committee", "National Executive Committee", "schwartz-hearst"),
    ("PCC", "member of the Political Bureau of the Communist Party of Cuba", "Communist Party of Cuba",
     "schwartz-hearst"),
    ("JWG", "meeting of the Qatar-India Joint Working Group on Trade and Commerce",
     "Joint Working Group on Trade and Commerce", "schwartz-hearst"),
    ("JTC", "at the Kenya-India Joint Trade Committee", "Joint Trade Committee", "schwartz-hearst"),
    # another language's word order
    ("MERCOSUR", "between Vietnam and the Southern Common Market", "Southern Common Market", "any-order"),
    ("CCL", "a forum organized by the Lima Chamber of Commerce", "Lima Chamber of Commerce", "any-order"),
    # an organization's own short name
    ("ApexBrasil", "and the Brazilian Trade and Investment Promotion Agency",
     "Brazilian Trade and Investment Promotion Agency", "alias"),
])
def test_acronyms_definition_for(short, before, long, method):
    found = definition_for(short, before.split(), LEX)
    assert found is not None and found.long == long and found.method == method


@pytest.mark.parametrize(("short", "before"), [
    ("VNA", "Hanoi"),                  # a dateline, not a definition
    ("R", "Tran Tuan Anh"),            # a caption position
    ("WTO", "the trade ministers of both sides"),
])
def test_acronyms_no_definition(short, before):
    assert definition_for(short, before.split(), LEX) is None


def test_acronyms_reverse_order():
    found = long_form_reverse("RCEP", "Regional Comprehensive Economic Partnership".split(), LEX)
    assert found is not None and found.long == "Regional Comprehensive Economic Partnership"
    assert long_form_reverse("RCEP", "signed in 2020".split(), LEX) is None


def test_acronyms_schwartz_hearst_is_the_shortest_tail():
    assert schwartz_hearst("WTO", "joined the World Trade Organization") == "World Trade Organization"
    assert schwartz_hearst("XYZ", "nothing to see") is None


def test_acronyms_initials_any_order():
    assert initials_match("MERCOSUR", ["Southern", "Common", "Market"])
    assert not initials_match("ABC", ["Southern", "Common", "Market"])


@pytest.mark.parametrize(("text", "ok"), [
    ("CPV", True), ("MoU", True), ("PromPeru", True), ("IP-CEPA", True), ("COVID-19", True), ("CCL", True),
    ("R", False), ("II", False), ("XIV", False), ("Peru", False), ("2024", False), ("the", False),
])
def test_acronyms_shape(text, ok):
    assert is_acronym_shape(text) is ok


def test_acronyms_slips():
    assert is_slip_of("CPC", "PCP") == 2       # the same letters
    assert is_slip_of("CPC", "CPV") == 1       # one letter off
    assert is_slip_of("WTO", "PCP") == 0
    assert is_slip_of("PCP", "PCP") == 0


def test_acronyms_component_defined_used_and_slipped(read):
    doc = read("Hanoi (VNA) - The minister received the leader of the Peruvian Communist Party (PCP). "
               "Both countries are members of APEC and the Comprehensive and Progressive Agreement for "
               "Trans-Pacific Partnership (CPTPP).\n\nAt the talks between the CPV and CPC delegations, "
               "the PCP leader praised HCMC's growth, which exports US$20 million to Peru.")
    got = {a.short: (a.long, a.defined_in_text) for a in doc._.legation_acronyms}
    assert got["PCP"] == ("Peruvian Communist Party", True)
    assert got["CPTPP"][1] is True
    assert got["VNA"] == ("Vietnam News Agency", False)
    assert got["APEC"] == ("Asia-Pacific Economic Cooperation", False)
    assert got["HCMC"] == ("Ho Chi Minh City", False)
    assert "CPC" not in got                     # a slip for PCP, not the Communist Party of China
    assert "US" not in got                      # US$ is a currency
    warnings = [w for w in doc._.legation_warnings if w.kind == "acronym_mismatch"]
    assert len(warnings) == 1 and "CPC" in warnings[0].message and "PCP" in warnings[0].message
    assert warnings[0].evidence.text == "CPC"


def test_acronyms_a_real_cpc_is_no_slip(read):
    doc = read("The Peruvian Communist Party (PCP) sent a delegation to China, where it met the CPC.")
    got = {a.short: a.long for a in doc._.legation_acronyms}
    assert got.get("CPC") == "Communist Party of China"
    assert not [w for w in doc._.legation_warnings if w.kind == "acronym_mismatch"]


def test_acronyms_headline_caps_and_currency_are_not_uses(read):
    doc = read("WHO WILL PAY FOR THE NEW PORT\n\nTrade reached 5 billion U.S. dollars.")
    assert {a.short for a in doc._.legation_acronyms} == set()


@given(st.text(max_size=40), st.lists(st.text(max_size=15), max_size=12))
def test_acronyms_never_crash(short, before):
    found = definition_for(short, before, LEX) if short else None
    if found is not None:
        assert found.long
    schwartz_hearst(short, " ".join(before))
    long_form_reverse(short or "X", before, LEX)


def test_acronyms_exact_initials_spaces_compounds_and_dashes(read):
    doc = read("He met the Chairman of the Chamber of Commerce and Industry of Uzbekistan (CCIU). They reviewed the "
               "Cambodia-Laos-Vietnam Development Triangle Area (CLV DTA), the China-ASEAN free trade area and "
               "the Vietnam–Eurasian Economic Union (EAEU) Free Trade Agreement.")
    got = {a.short: a.long for a in doc._.legation_acronyms}
    assert got["CCIU"] == "Chamber of Commerce and Industry of Uzbekistan"
    assert got["CLV DTA"] == "Cambodia-Laos-Vietnam Development Triangle Area"
    assert got["EAEU"] == "Eurasian Economic Union"
    assert "ASEAN" in got
