"""Name forms by culture: what counts as a shorter form of a full name."""

from __future__ import annotations

import pytest

from legation.resolve.names import (
    compatible,
    culture,
    fold,
    form_of,
    looks_like_acronym,
    name_tokens,
    org_key,
)


def t(name: str) -> tuple[str, ...]:
    return name_tokens(name)


def test_names_fold_accents_and_vietnamese_d():
    assert fold("Nguyễn Văn Dũng") == "nguyen van dung"
    assert fold("Đặng Thị Ngọc") == "dang thi ngoc"
    assert fold("Gómez-Vidaurrázaga") == "gomez vidaurrazaga"


def test_names_honorifics_are_dropped():
    assert name_tokens("Mr. Nguyen Van Dung") == ("nguyen", "van", "dung")
    assert name_tokens("H.E. Luis Villanueva") == ("luis", "villanueva")
    assert name_tokens("Madam Teresa Mera") == ("teresa", "mera")


@pytest.mark.parametrize("short, full, country, how", [
    ("Villanueva Carbajal", "Luis Alberto Villanueva Carbajal", "PE", "family names"),
    ("Villanueva", "Luis Alberto Villanueva Carbajal", "PE", "family name"),
    ("Luis Villanueva Carbajal", "Luis Alberto Villanueva Carbajal", "PE", "given and family names"),
    ("L. Villanueva Carbajal", "Luis Alberto Villanueva Carbajal", "PE", "given and family names"),
    ("Dung", "Nguyen Van Dung", "VN", "given name"),
    ("Van Dung", "Nguyen Van Dung", "VN", "given name"),
    ("Anh", "Tran Tuan Anh", None, "given name"),  # Vietnamese by the family name, country unknown
    ("Xi", "Xi Jinping", "CN", "family name"),
    ("Parodi", "Ricardo Parodi", "PE", "family name"),
    ("Rosa Quispe", "Rosa Elena Quispe Huamán", "PE", "given and family names"),
    ("Rosa Quispe", "Rosa Quispe Huamán", "PE", "given and family names"),
])
def test_names_short_forms(short, full, country, how):
    assert form_of(t(short), t(full), culture(t(full), country)) == how


@pytest.mark.parametrize("short, full, country", [
    ("Nguyen", "Nguyen Van Dung", "VN"),  # the family name of half the country
    ("Luis Alberto", "Luis Alberto Villanueva Carbajal", "PE"),  # given names only
    ("Rosa Elena", "Rosa Elena Quispe Huamán", "PE"),
    ("Jorge Luis", "Jorge Luis Paredes Salazar", "PE"),
    ("Jinping", "Xi Jinping", "CN"),
    ("Tran Anh", "Nguyen Tuan Anh", "VN"),
    ("Maria Perez Lopez", "Juan Perez Lopez", None),
])
def test_names_not_forms(short, full, country):
    assert form_of(t(short), t(full), culture(t(full), country)) is None


def test_names_compatible_is_symmetric():
    a, b = t("Villanueva Carbajal"), t("Luis Alberto Villanueva Carbajal")
    assert compatible(a, b, "western", "western") and compatible(b, a, "western", "western")
    assert not compatible(t("Juan Perez Lopez"), t("Maria Perez Lopez"), "western", "western")


def test_names_organizations():
    assert org_key("The Communist Party of Vietnam") == "communist party of vietnam"
    assert org_key("Trade & Investment Agency") == org_key("Trade and Investment Agency")
    assert looks_like_acronym("CPV") and looks_like_acronym("U.S.") and looks_like_acronym("MERCOSUR")
    assert not looks_like_acronym("Peru") and not looks_like_acronym("Communist Party")
