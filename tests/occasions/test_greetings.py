"""Greeting drafts for coming occasions: form, signer, recipient, a text naming the partner and the anniversary."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings

from doingoai.accounts.models import User
from partners.greetings import draft_greetings
from partners.models import ForeignPartner, Greeting, Occasion
from tests import factories

D = datetime.date
TODAY = D(2026, 11, 20)


@pytest.fixture
def laos(db):
    country = factories.CountryFactory(code="LA", name_vi="Lào")
    champasak = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.FOREIGN_LOCALITY, country=country,
                                                name_vi="Tỉnh Champasak")
    factories.ContactFactory(partner=champasak, name_latin="Souphanh Keomany", protocol_rank=1)
    factories.ContactFactory(partner=champasak, name_latin="Deputy", protocol_rank=5)
    consulate = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.CONSULATE, country=country,
                                                name_vi="Tổng Lãnh sự quán Lào tại TP. Hồ Chí Minh")
    return {"country": country, "champasak": champasak, "consulate": consulate}


@pytest.fixture
def officer(db):
    return factories.UserFactory(username="officer_greetings", role=User.Role.STAFF)


def test_round_anniversary_gets_a_letter_and_a_visit_naming_the_partner_and_the_number(laos, officer):
    occasion = factories.OccasionFactory(kind=Occasion.Kind.TWINNING, title="Kỷ niệm quan hệ kết nghĩa với Champasak",
                                         month=12, day=2, base_year=2016, country=laos["country"],
                                         partner=laos["champasak"])
    created = draft_greetings(TODAY)
    assert sorted(greeting.form for greeting in created) == ["letter", "visit"]
    letter = next(greeting for greeting in created if greeting.form == "letter")
    assert (letter.occasion, letter.year, letter.status) == (occasion, 2026, Greeting.Status.DRAFT)
    assert letter.recipient == "Tỉnh Champasak"
    assert letter.recipient_contact.name_latin == "Souphanh Keomany"
    assert "10 năm" in letter.body and "Tỉnh Champasak" in letter.body
    assert letter.signer == "Chủ tịch UBND tỉnh"
    assert letter.assigned_to == officer


def test_fifth_year_gets_flowers_and_an_ordinary_year_only_a_letter(laos, officer):
    fifth = factories.OccasionFactory(month=12, day=2, base_year=1971, country=laos["country"])  # 55 years
    other = factories.OccasionFactory(month=12, day=5, base_year=1975, country=laos["country"])  # 51 years
    draft_greetings(TODAY)
    assert set(Greeting.objects.filter(occasion=fifth).values_list("form", flat=True)) == {"letter", "flowers"}
    assert set(Greeting.objects.filter(occasion=other).values_list("form", flat=True)) == {"letter"}
    letter = Greeting.objects.get(occasion=other)
    assert letter.signer == "Giám đốc Sở Ngoại vụ"
    assert "51 năm" in letter.body


def test_a_country_occasion_goes_to_the_countrys_consulate(laos, officer):
    factories.OccasionFactory(title="Quốc khánh nước CHDCND Lào", month=12, day=2, base_year=1975,
                              country=laos["country"])
    (letter,) = draft_greetings(TODAY)
    assert letter.recipient == "Tổng Lãnh sự quán Lào tại TP. Hồ Chí Minh"
    assert "Quốc khánh nước CHDCND Lào" in letter.body


def test_drafting_is_idempotent_and_leaves_existing_greetings_alone(laos, officer):
    occasion = factories.OccasionFactory(month=12, day=5, base_year=1975, country=laos["country"])
    factories.GreetingFactory(occasion=occasion, year=2026, form="letter", status=Greeting.Status.APPROVED,
                              body="Văn bản đã duyệt")
    assert draft_greetings(TODAY) == []
    assert draft_greetings(TODAY) == []
    assert Greeting.objects.get(occasion=occasion).body == "Văn bản đã duyệt"


def test_occasions_beyond_the_horizon_or_inactive_get_no_draft(laos, officer):
    factories.OccasionFactory(month=1, day=30, base_year=1975, country=laos["country"])  # 71 days ahead
    factories.OccasionFactory(month=12, day=1, base_year=1975, country=laos["country"], is_active=False)
    assert draft_greetings(TODAY) == []


def test_draft_is_assigned_to_the_officer_of_the_last_greeting_else_the_configured_one(laos, officer):
    other = factories.UserFactory(username="officer_last_year", role=User.Role.STAFF)
    configured = factories.UserFactory(username="officer_configured", role=User.Role.STAFF)
    known = factories.OccasionFactory(month=12, day=2, base_year=1975, country=laos["country"])
    factories.GreetingFactory(occasion=known, year=2025, assigned_to=other, status=Greeting.Status.DRAFT)
    fresh = factories.OccasionFactory(month=12, day=3, base_year=1975, country=laos["country"])
    with override_settings(DOINGOAI={**__import__("django.conf").conf.settings.DOINGOAI,
                                     "GREETING_OFFICER": "officer_configured"}):
        draft_greetings(TODAY)
    assert Greeting.objects.get(occasion=known, year=2026).assigned_to == other
    assert Greeting.objects.get(occasion=fresh, year=2026).assigned_to == configured


def test_new_year_without_a_base_year_gets_a_plain_text(officer):
    factories.OccasionFactory(kind=Occasion.Kind.NEW_YEAR, date_rule=Occasion.DateRule.LUNAR, month=1, day=1,
                              title="Tết Nguyên đán", base_year=None, country=None)
    (letter,) = draft_greetings(D(2027, 1, 20))  # Tết 2027 is 6 February
    assert letter.year == 2027
    assert "Tết Nguyên đán năm 2027" in letter.body
    assert letter.recipient
