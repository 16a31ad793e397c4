"""Browser flows of the calendar, the iCal address and the notifications: as the demo users see them."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from doingoai.reminders.models import ReminderRule
from doingoai.reminders.services import run_daily

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"
DEFAULT_RULES = importlib.import_module("doingoai.reminders.migrations.0002_default_rules_and_schedule").DEFAULT_RULES


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def next_lao_national_day() -> datetime.date:
    today = timezone.localdate()
    day = datetime.date(today.year, 12, 2)
    return day if day >= today else day.replace(year=today.year + 1)


def test_staff_browses_the_calendar_filters_it_and_replaces_the_ical_address(demo, page, login):
    login("staff", PASSWORD)
    page.click("[data-testid=nav-calendar]")
    expect(page.locator("[data-testid=month-grid]")).to_be_visible()

    lao_day = next_lao_national_day()
    page.goto(f"/calendar/?month={lao_day:%Y-%m}")
    cell = page.locator(f"td[data-date='{lao_day:%Y-%m-%d}']")
    expect(cell).to_contain_text("Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào")
    page.click("[data-testid=next-month]")
    expect(page.locator("[data-testid=month-title]")).to_have_attribute(
        "data-month", f"{lao_day.year + 1}-01")
    page.click("[data-testid=previous-month]")

    # Only occasions: the delegations and deadlines of the month disappear.
    page.check("input[name=kind][value=occasion]")
    page.click("#calendar-filters button[type=submit]")
    kinds = set(page.locator("[data-testid=event]").evaluate_all("nodes => nodes.map(n => n.dataset.kind)"))
    assert kinds == {"occasion"}

    page.goto("/calendar/feed/")
    old_url = page.locator("[data-testid=feed-url]").input_value()
    assert page.request.get(old_url).status == 200
    page.click("[data-testid=regenerate-feed]")
    new_url = page.locator("[data-testid=feed-url]").input_value()
    assert new_url != old_url
    assert page.request.get(old_url).status == 404
    feed = page.request.get(new_url)
    assert feed.status == 200 and "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in feed.text()


def test_focal_point_calendar_has_no_occasions(demo, page, login):
    login("focal_finance", PASSWORD)
    page.goto("/calendar/list/")
    expect(page.locator("h1")).to_be_visible()
    kinds = set(page.locator("[data-testid=event]").evaluate_all("nodes => nodes.map(n => n.dataset.kind)"))
    assert "occasion" not in kinds and "agreement_expiry" not in kinds


def test_reminders_show_in_the_header_and_are_marked_read(demo, page, login):
    # The rules of migration 0002 (an earlier transactional test may have flushed them), in force for long.
    for kind, offsets in DEFAULT_RULES:
        ReminderRule.objects.update_or_create(kind=kind, occasion_kind="",
                                              defaults={"offsets": offsets, "armed_on": datetime.date(2020, 1, 1)})
    lao_day = next_lao_national_day()
    run_daily(lao_day - datetime.timedelta(days=10))
    login("staff", PASSWORD)
    badge = page.locator("[data-testid=unread-count]")
    expect(badge).to_be_visible()
    page.click("[data-testid=notifications-link]")
    expect(page.locator("[data-testid=notification-list]")).to_contain_text(
        "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào")
    page.click("[data-testid=mark-all-read]")
    expect(page.locator("[data-testid=unread-count]")).to_have_count(0)
    expect(page.locator("[data-testid=notification][data-read='0']")).to_have_count(0)
