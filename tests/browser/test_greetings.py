"""The greeting flow in the browser: staff prepare it, the leader approves it, staff record it as sent, and the
letter is asked for as a PDF from the greeting's page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partners.models import Greeting
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def move(page, status: str, **fields) -> None:
    action = page.locator(f"[data-testid=move-{status}]")
    action.locator("summary").click()
    for name, value in fields.items():
        action.locator(f"[name={name}]").fill(value)
    action.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_a_greeting_goes_from_draft_to_approved_to_sent(page, login, transactional_db):
    factories.UserFactory(username="staff_b", role="staff")
    factories.UserFactory(username="leader_b", role="leader")
    greeting = factories.GreetingFactory(recipient="Ngài Chủ tịch tỉnh Champasak")

    login("leader_b", factories.PASSWORD)
    page.goto(greeting.get_absolute_url())
    move(page, "approved", comment="Đồng ý gửi.")
    greeting.refresh_from_db()
    assert greeting.status == Greeting.Status.APPROVED
    expect(page.locator("[data-testid=timeline]")).to_contain_text("Đồng ý gửi.")

    page.context.clear_cookies()
    login("staff_b", factories.PASSWORD)
    page.goto(greeting.get_absolute_url())
    expect(page.locator("[data-testid=move-approved]")).to_have_count(0)  # approving is the leader's
    move(page, "sent", sent_on="2026-11-20", document_number="125/SNgV-LS")
    greeting.refresh_from_db()
    assert greeting.status == Greeting.Status.SENT
    assert (str(greeting.sent_on), greeting.document_number) == ("2026-11-20", "125/SNgV-LS")

    page.click("[data-testid=pdf-greeting]")
    expect(page.locator(f"select[name=greeting] option[value='{greeting.pk}']")).to_have_attribute("selected", "")
