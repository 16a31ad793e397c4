"""A focal point reports progress on an activity of their agency; a department officer accepts it from the queue."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from plans.models import Activity, ProgressUpdate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"


def test_focal_point_reports_and_staff_accepts_from_the_review_queue(page, login, transactional_db):
    call_command("load_demo", verbosity=0)
    activity = Activity.objects.get(pk=Activity.objects.filter(
        lead_agency__users__username="focal_finance", task__plan__year=2026, status="at_risk"
    ).values("pk")[:1])

    login("focal_finance", PASSWORD)
    page.goto(activity.get_absolute_url())
    page.click("[data-testid=report-progress]")
    form = page.locator("[data-testid=progress-form]")
    form.locator("[name=period]").select_option(index=1)
    form.locator("[name=activity_status]").select_option("on_track")
    form.locator("[name=progress]").fill("65")
    form.locator("[name=narrative]").fill("Đã rà soát 3 khoản viện trợ; 2 khoản đã triển khai trong tháng 11.")
    page.click("[data-testid=send-report]")
    expect(page.locator("main")).to_contain_text("Đã rà soát 3 khoản viện trợ")
    update = ProgressUpdate.objects.get(activity=activity, progress=65)
    assert update.status == ProgressUpdate.ReviewStatus.SUBMITTED

    page.context.clear_cookies()
    login("staff", PASSWORD)
    page.goto("/")
    page.click("text=Kế hoạch")
    page.click("[data-testid=nav-review-queue]")
    row = page.locator("#results tbody tr", has_text=activity.content[:30])
    expect(row).to_have_count(1)  # the demo's other reports were reviewed already
    row.locator(f"a[href='/plans/progress-updates/{update.pk}/']").click()
    page.click("[data-testid=accept]")
    expect(page.locator("[data-testid=review-form]")).to_have_count(0)

    activity.refresh_from_db()
    assert (activity.status, activity.progress) == ("on_track", 65)
    page.goto(activity.get_absolute_url())
    expect(page.locator("main")).to_contain_text("65%")
