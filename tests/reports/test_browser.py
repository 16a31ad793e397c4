"""The report flow in Chromium: ask for a letter, watch the status page update by itself, find the download."""

from __future__ import annotations

import pytest

from doingoai.reports.models import ReportJob
from tests import factories
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_status_page_updates_without_reload_and_offers_the_download(page, login, world):  # noqa: F811
    occasion = factories.OccasionFactory(title="Quốc khánh Cộng hòa Pháp")
    greeting = factories.GreetingFactory(occasion=occasion, recipient="Tổng Lãnh sự quán Pháp")
    login(world.users["staff"].username, PASSWORD)

    page.goto("/reports/new/greeting/")
    page.select_option("#id_greeting", str(greeting.pk))
    page.click("[data-testid=report-form] button[type=submit]")
    page.wait_for_selector("[data-testid=job-status][data-status=done]")
    assert page.get_attribute("[data-testid=download]", "href").endswith("/download/")

    # A job still running: the page polls and shows the result when the worker finishes, without a reload.
    job = ReportJob.objects.create(kind="greeting", title="Thư chúc mừng", parameters={"greeting": greeting.pk},
                                   requested_by=world.users["staff"], status=ReportJob.Status.RUNNING, progress=40)
    page.goto(f"/reports/{job.pk}/")
    page.evaluate("window.notReloaded = true")
    assert page.get_attribute("[data-testid=job-progress]", "value") == "40"
    done = ReportJob.objects.exclude(pk=job.pk).get()
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.DONE, progress=100, file=done.file.name,
                                               pages=1)
    page.wait_for_selector("[data-testid=job-status][data-status=done]", timeout=10_000)
    assert page.evaluate("window.notReloaded") is True
    assert page.is_visible("[data-testid=download]")
