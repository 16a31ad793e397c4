"""In Chromium: the main pages run under the Content-Security-Policy without a violation; sign-in flows work."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from doingoai.accounts.models import User
from plans.models import Activity
from tests import factories
from tests.accounts.test_two_factor import code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def problems(page):  # noqa: F811
    """CSP violations and script errors reported by the browser while the test runs."""
    found = []

    def on_console(message):
        url = message.location.get("url", "")
        # Browsers ask for /favicon.ico on their own; the site declares none.
        if message.type == "error" and not url.endswith("/favicon.ico"):
            found.append(f"{message.text} ({url})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    return found


def visit(page, path: str) -> None:  # noqa: F811
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")


def test_main_pages_run_without_csp_violations(demo, page, login, problems):  # noqa: F811
    visit(page, "/accounts/login/")
    login("admin", PASSWORD)
    visit(page, "/")
    # A list filtered through HTMX (its request and swap must pass the policy).
    visit(page, "/plans/activities/")
    page.fill("#id_q", "champasak")
    expect(page).to_have_url(re.compile(r"q=champasak"))
    expect(page.locator("#results")).to_contain_text("Champasak")
    activity = Activity.objects.filter(content__icontains="Champasak").first() or Activity.objects.first()
    visit(page, f"/plans/activities/{activity.pk}/")
    visit(page, "/partners/associations/")
    # The user menu opens (Bootstrap's script runs).
    page.click("header .dropdown-toggle >> nth=-1")
    expect(page.locator("header .dropdown-menu-end")).to_be_visible()
    visit(page, "/accounts/security/")
    visit(page, "/accounts/two-factor/setup/")
    expect(page.locator("[data-testid=qr-code] svg")).to_be_visible()
    visit(page, "/admin/")
    visit(page, "/admin/plans/activity/")
    visit(page, f"/admin/plans/activity/{activity.pk}/change/")
    assert problems == []


def test_staff_turns_on_two_factor_and_logs_in_with_a_code(transactional_db, page, login, problems):  # noqa: F811
    factories.UserFactory(username="staff", role=User.Role.STAFF)
    login("staff", factories.PASSWORD)
    page.goto("/accounts/security/")
    page.click("[data-testid=two-factor-setup]")
    expect(page.locator("[data-testid=qr-code] svg")).to_be_visible()
    device = TOTPDevice.objects.get(user__username="staff")
    page.fill("#id_code", code(device))
    page.click("main form button[type=submit]")
    expect(page.locator("[data-testid=backup-codes] li")).to_have_count(10)
    page.screenshot(path="/tmp/sec_backup_codes.png")

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/verify/"))
    page.goto("/plans/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/verify/\?next=/plans/"))
    page.fill("#id_code", code(device, 1))
    page.click("main form button[type=submit] >> nth=0")
    expect(page).to_have_url(re.compile(r"/plans/$"))
    assert problems == []


def test_repeated_wrong_passwords_show_the_lockout_page(transactional_db, page, settings):  # noqa: F811
    factories.UserFactory(username="leader", role=User.Role.LEADER)
    page.goto("/accounts/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.fill("#id_username", "leader")
        page.fill("#id_password", "sai-mat-khau")
        page.click("button[type=submit]")
    expect(page.locator("[data-testid=locked-out]")).to_be_visible()
    expect(page.locator("[data-testid=locked-out]")).to_contain_text("15")
    page.screenshot(path="/tmp/sec_locked_out.png")
