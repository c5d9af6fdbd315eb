"""Naming cultures and short forms (pure functions, model-free)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legation.nlp.lexicon import load_lexicon
from legation.nlp.names import (
    culture_of,
    is_short_form,
    preferred_short_forms,
    split_honorific,
    strip_possessive,
)

LEX = load_lexicon()


@pytest.mark.parametrize(("full", "culture"), [
    ("Nguyen Van Dung", "vietnamese"),
    ("Tran Tuan Anh", "vietnamese"),
    ("Xi Jinping", "chinese"),
    ("Wang Yi", "chinese"),
    ("Yoon Suk Yeol", "korean"),
    ("Hun Manet", "khmer"),
    ("Luis Alberto Villanueva Carbajal", "two_surnames"),
    ("Teresa Mera Gomez", "two_surnames"),
    ("Yoko Kamikawa", "japanese"),
    ("Nakamura Takeshi", "japanese"),
    ("Annalena Baerbock", "default"),
])
def test_names_culture_of(full, culture):
    assert culture_of(full.split(), LEX).name == culture


@pytest.mark.parametrize(("full", "country"), [
    ("Hiroshi Nakano", "JP"),       # a Japanese given name and surname
    ("Nakamura Takeshi", "JP"),     # either order
    ("Carlos Nakamura", None),      # a Japanese surname alone is common in Brazil and Peru
])
def test_names_japanese_default_country_needs_a_japanese_given_name(full, country):
    found = culture_of(full.split(), LEX)
    assert found.name == "japanese"
    assert found.default_country == country


def test_names_given_call_countries_follow_the_country():
    assert culture_of(["Thongsavanh", "Keomanivong"], LEX, "LA").call == "given"
    assert culture_of(["Thongsavanh", "Keomanivong"], LEX, None).call == "last"


@pytest.mark.parametrize(("short", "full", "ok"), [
    ("Anh", "Tran Tuan Anh", True),              # Vietnamese: the last given name
    ("Dung", "Nguyen Van Dung", True),
    ("Tuan Anh", "Tran Tuan Anh", True),
    ("Van", "Nguyen Van Dung", False),            # a middle name alone is nobody
    ("Xi", "Xi Jinping", True),                   # Chinese: the family name
    ("Jinping", "Xi Jinping", False),
    ("Yoon", "Yoon Suk Yeol", True),
    ("Villanueva Carbajal", "Luis Alberto Villanueva Carbajal", True),  # both surnames
    ("Villanueva", "Luis Alberto Villanueva Carbajal", True),           # the first surname
    ("Luis", "Luis Alberto Villanueva Carbajal", False),                # a Spanish given name alone
    ("Kamikawa", "Yoko Kamikawa", True),
    ("Yoko", "Yoko Kamikawa", False),
    ("Nakamura", "Nakamura Takeshi", True),        # Japanese order in English: still the family name
    ("Takeshi", "Nakamura Takeshi", False),
    ("Prado", "Marcos Antonio de Oliveira Prado", True),
    ("Gonzalez-Olaechea", "Javier Gonzalez-Olaechea Franco", True),
    ("Smith", "Jane Doe", False),
    ("Jane Doe", "Jane Doe", False),              # the same length is not a short form
])
def test_names_is_short_form(short, full, ok):
    assert is_short_form(short.split(), full.split(), LEX) is ok


def test_names_given_call_takes_prefixes():
    lao = culture_of(["Thongsavanh", "Keomanivong"], LEX, "LA")
    assert is_short_form(["Thongsavanh"], ["Thongsavanh", "Keomanivong"], LEX, lao)
    assert preferred_short_forms(["Ahmad", "Fauzi", "Hashim"], lao)[0] == ("Ahmad", "Fauzi")


def test_names_split_honorific_strips_several():
    assert split_honorific(["H.E.", "Mr.", "Sato"], LEX) == (["H.E.", "Mr."], ["Sato"])
    assert split_honorific(["Datuk", "Seri", "Ahmad", "Fauzi"], LEX) == (["Datuk", "Seri"], ["Ahmad", "Fauzi"])
    assert split_honorific(["Sato"], LEX) == ([], ["Sato"])  # a lone word is never all honorific


def test_names_strip_possessive():
    assert strip_possessive(["Villanueva", "Carbajal", "’s"]) == ["Villanueva", "Carbajal"]
    assert strip_possessive(["Widodo's"]) == ["Widodo"]


name_word = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Pd")), min_size=1, max_size=12)


@given(st.lists(name_word, min_size=0, max_size=6), st.lists(name_word, min_size=0, max_size=6))
def test_names_never_crash(short, full):
    culture = culture_of(full, LEX)
    result = is_short_form(short, full, LEX, culture)
    assert isinstance(result, bool)
    if result:
        assert 0 < len([w for w in short if w != "-"]) < len([w for w in full if w != "-"])
    preferred_short_forms(full, culture)
    split_honorific(short, LEX)
