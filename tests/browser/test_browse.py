"""Browser flows of the foundation: sign in, browse the demo, search without diacritics, stay in one's scope."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from partners.models import FriendshipAssociation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def test_staff_signs_in_finds_a_partner_without_diacritics_and_opens_it(demo, page, login):
    login("staff", PASSWORD)
    expect(page.locator("h1")).to_be_visible()

    page.goto("/partners/foreign-partners/")
    page.fill("#id_q", "hoi nguoi viet nam tinh champasak")
    # HTMX refreshes the table without a reload and keeps the search in the URL.
    expect(page.locator("#results")).not_to_contain_text("Tỉnh Prey Veng")
    expect(page.locator("#results")).to_contain_text("Hội người Việt Nam tỉnh Champasak")
    expect(page).to_have_url(re.compile(r"q=hoi(\+|%20)nguoi(\+|%20)viet"))
    page.click("#results >> text=Hội người Việt Nam tỉnh Champasak")
    expect(page.locator("h1")).to_contain_text("Hội người Việt Nam tỉnh Champasak")

    page.goto("/plans/")
    expect(page.locator("#results")).to_contain_text("2026")
    page.locator("#results a", has_text="2026").first.click()
    expect(page.locator("main")).to_contain_text("Champasak")


def test_association_representative_sees_only_its_own_association(demo, page, login):
    cambodia = FriendshipAssociation.objects.get(users__username="assoc_cambodia")
    laos = FriendshipAssociation.objects.get(users__username="assoc_laos")
    login("assoc_laos", PASSWORD)

    page.goto("/partners/associations/")
    expect(page.locator("#results")).to_contain_text(laos.name)
    expect(page.locator("#results")).not_to_contain_text(cambodia.name)
    expect(page.locator("[data-testid=result-count]")).to_contain_text("1")

    response = page.goto(f"/partners/associations/{cambodia.pk}/")
    assert response.status == 404
    response = page.goto("/partners/foreign-partners/")
    expect(page.locator("#results")).not_to_contain_text("Champasak")


def test_focal_point_sees_the_activities_of_its_agency_only(demo, page, login):
    login("focal_finance", PASSWORD)
    page.goto("/plans/activities/")
    rows = page.locator("#results tbody tr")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert count >= 3
    for index in range(count):
        text = rows.nth(index).inner_text()
        assert "Sở Tài chính" in text, text
