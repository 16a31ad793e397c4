"""Accent-insensitive search: the Python `unaccent`, the `__unaccent__icontains` lookup and `search_q`.

The database tests run on whichever database the suite uses (SQLite by default, PostgreSQL with DATABASE_URL), so
both implementations of `doingoai_unaccent` are held to the same results.
"""

from __future__ import annotations

import unicodedata

import pytest
from django.db import connection

from doingoai.core.search import search_q, unaccent
from partners.models import Agency, FriendshipAssociation
from tests import factories


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng Tháp", "Dong Thap"),
        (nfd("Đồng Tháp"), "Dong Thap"),
        ("đ Đ", "d D"),
        ("ĐỒNG THÁP", "DONG THAP"),
        ("Hội hữu nghị Việt Nam Lào", "Hoi huu nghi Viet Nam Lao"),
        (nfd("Hội hữu nghị Việt Nam Lào"), "Hoi huu nghi Viet Nam Lao"),
        ("Sở Ngoại vụ", "So Ngoai vu"),
        ("ăâêôơư ẮẦẺỖỢỨ", "aaeoou AAEOOU"),
        ("Prey Veng", "Prey Veng"),
        ("", ""),
    ],
    ids=["nfc", "nfd", "d-stroke", "upper", "association", "association-nfd", "department", "vowels", "ascii",
         "empty"],
)
def test_unaccent_removes_vietnamese_diacritics(text, expected):
    assert unaccent(text) == expected


def test_unaccent_of_none_is_none():
    assert unaccent(None) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    ["Đồng Tháp", nfd("Đồng Tháp"), "ĐỒNG THÁP", "Hội hữu nghị Việt Nam – Lào", "Việt Nam — Cuba",
     "Œuvre d'Orient", "Straße"],
    ids=["nfc", "nfd", "upper", "en-dash", "em-dash", "french-ligature", "german-sharp-s"],
)
def test_python_unaccent_matches_the_database_function(text):
    # The search term is unaccented in Python and the column in the database: both must agree, or names such
    # as "Hội hữu nghị Việt Nam – Lào" are not found on PostgreSQL.
    with connection.cursor() as cursor:
        cursor.execute("SELECT doingoai_unaccent(%s)", [text])
        [in_database] = cursor.fetchone()
    assert unaccent(text) == in_database


LAO = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Tháp"
CAMPUCHIA = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Tháp"


@pytest.fixture
def names(db):
    factories.AgencyFactory(name="Sở Ngoại vụ tỉnh Đồng Tháp", code="sngv")
    factories.AgencyFactory(name="Sở Tài chính tỉnh An Giang", code="stc")
    factories.FriendshipAssociationFactory(name=LAO)
    factories.FriendshipAssociationFactory(name=CAMPUCHIA)


def agency_names(**lookup) -> list[str]:
    return sorted(Agency.objects.filter(kind=Agency.Kind.DEPARTMENT, **lookup).values_list("name", flat=True))


@pytest.mark.parametrize(
    "term",
    ["dong thap", "Dong Thap", "ĐỒNG THÁP", "đồng tháp", nfd("Đồng Tháp"), "DONG"],
    ids=["plain", "plain-title", "accented-upper", "accented-lower", "accented-nfd", "one-word"],
)
def test_unaccent_icontains_ignores_accents_and_case(names, term):
    assert agency_names(name__unaccent__icontains=term) == ["Sở Ngoại vụ tỉnh Đồng Tháp"]


def test_unaccent_icontains_finds_a_name_typed_exactly_as_stored(names):
    assert agency_names(name__unaccent__icontains="Sở Ngoại vụ tỉnh Đồng Tháp") == ["Sở Ngoại vụ tỉnh Đồng Tháp"]


def test_unaccent_icontains_matches_nothing_for_an_absent_word(names):
    assert agency_names(name__unaccent__icontains="ha noi") == []


def test_unaccent_icontains_treats_like_wildcards_literally(names):
    assert agency_names(name__unaccent__icontains="%") == []
    assert agency_names(name__unaccent__icontains="s_ ") == []


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("dong thap", [CAMPUCHIA, LAO]),
        ("ĐỒNG THÁP", [CAMPUCHIA, LAO]),
        ("hoi huu nghi viet nam lao", [LAO]),
        ("Hội hữu nghị Việt Nam – Lào", [LAO]),
        ("lao hoi", [LAO]),
        ("campuchia  dong", [CAMPUCHIA]),
        ("hoi huu nghi viet nam nhat ban", []),
    ],
    ids=["plain", "accented-upper", "every-word", "name-as-typed", "any-order", "double-space", "absent-word"],
)
def test_search_q_needs_every_word_in_some_field(names, term, expected):
    found = FriendshipAssociation.objects.filter(search_q(["name", "agency__name"], term))
    assert sorted(found.values_list("name", flat=True)) == expected


def test_search_q_matches_words_across_fields(names):
    association = FriendshipAssociation.objects.get(name=LAO)
    Agency.objects.filter(pk=association.agency_id).update(name="Chi nhánh Champasak")
    found = FriendshipAssociation.objects.filter(search_q(["name", "agency__name"], "lao champasak"))
    assert list(found) == [association]


def test_search_q_with_empty_term_matches_everything(names):
    assert Agency.objects.filter(search_q(["name"], "   ")).count() == Agency.objects.count()


def test_search_finds_text_stored_decomposed(db):
    # Text pasted from some editors arrives in NFD (base letter + combining marks).
    factories.AgencyFactory(name=nfd("Ủy ban nhân dân tỉnh Đồng Tháp"), code="ubnd")
    assert Agency.objects.filter(search_q(["name"], "uy ban dong thap")).count() == 1
