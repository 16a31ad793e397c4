"""Browser flow of the staff workspace: create a delegation with its members, edit it, find it, read its history."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from delegations.models import Delegation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"
TITLE = "Đoàn Ủy ban nhân dân tỉnh Salavan thăm và làm việc"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def submit(page) -> None:
    page.click("form.record-form > div > button[type=submit]")


def test_staff_creates_a_delegation_with_two_members_edits_it_and_finds_it(demo, page, login):
    login("staff", PASSWORD)

    page.goto("/delegations/new/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_direction", "inbound")
    page.select_option("#id_countries", label="Lào")
    page.fill("#id_start_date", "2026-12-08")
    page.fill("#id_end_date", "2026-12-10")
    page.select_option("#id_host_agency", label="Sở Ngoại vụ")
    page.fill("#id_purpose", "Trao đổi hợp tác giáo dục và y tế")
    # The head is not typed above: it comes from the member marked head.
    page.fill("#id_members-0-name_latin", "Phonesavanh Sitthideth")
    page.fill("#id_members-0-title", "Phó Tỉnh trưởng tỉnh Salavan")
    page.check("#id_members-0-is_head")
    page.click("[data-testid=add-members]")
    page.fill("#id_members-1-name_latin", "Khamla Inthavong")
    page.fill("#id_members-1-title", "Giám đốc Sở Ngoại vụ tỉnh Salavan")
    submit(page)

    expect(page.locator("h1")).to_contain_text(TITLE)
    members = page.locator("[data-testid=members] tbody tr")
    expect(members).to_have_count(2)
    expect(members.nth(0)).to_contain_text("Phonesavanh Sitthideth")
    expect(members.nth(1)).to_contain_text("Khamla Inthavong")
    delegation = Delegation.objects.get(title=TITLE)
    assert delegation.head_name == "Phonesavanh Sitthideth"

    # Edit: a programme item, a new title for the second member, and a reason for the history.
    page.click("[data-testid=edit]")
    page.fill("#id_outcomes", "Thống nhất kế hoạch trao đổi sinh viên năm 2027")
    page.fill("#id_members-1-title", "Phó Giám đốc Sở Ngoại vụ tỉnh Salavan")
    page.fill("#id_programme-0-starts_at", "2026-12-09T08:30")
    page.fill("#id_programme-0-activity", "Hội đàm với lãnh đạo tỉnh Đồng Tháp")
    page.fill("#id_change_reason", "Bổ sung chương trình làm việc")
    submit(page)
    expect(page.locator("[data-testid=programme]")).to_contain_text("Hội đàm với lãnh đạo tỉnh Đồng Tháp")
    expect(page.locator("[data-testid=members]")).to_contain_text("Phó Giám đốc Sở Ngoại vụ tỉnh Salavan")

    # The list finds it by typing without diacritics; the search stays in the URL.
    page.goto("/delegations/")
    page.fill("#id_q", "uy ban nhan dan tinh salavan")
    # Enter commits the search, so that leaving the box later sends no second request while a page loads.
    page.press("#id_q", "Enter")
    expect(page.locator("#results")).to_contain_text(TITLE)
    expect(page).to_have_url(re.compile(r"q=uy(\+|%20)ban"))
    expect(page.locator("[data-testid=result-count]")).to_contain_text("1")
    page.wait_for_load_state("networkidle")
    page.click(f"#results >> text={TITLE}")
    expect(page.locator("h1")).to_contain_text(TITLE)

    # The history names who changed what, why, including the member's row.
    page.click("[data-testid=history-tab]")
    history = page.locator("[data-testid=history]")
    expect(history).to_contain_text("Bổ sung chương trình làm việc")
    expect(history).to_contain_text("Giám đốc Sở Ngoại vụ tỉnh Salavan")
    expect(history).to_contain_text("Phó Giám đốc Sở Ngoại vụ tỉnh Salavan")
    expect(history).to_contain_text("Hội đàm với lãnh đạo tỉnh Đồng Tháp")
    expect(history).to_contain_text("Trần Thị Thu Hà")


def test_a_refused_save_keeps_what_was_typed(demo, page, login):
    login("staff", PASSWORD)
    page.goto("/delegations/new/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_direction", "inbound")
    page.select_option("#id_countries", label="Lào")
    page.fill("#id_start_date", "2026-12-10")
    page.fill("#id_end_date", "2026-12-08")
    page.select_option("#id_host_agency", label="Sở Ngoại vụ")
    page.fill("#id_members-0-name_latin", "Phonesavanh Sitthideth")
    page.check("#id_members-0-is_head")
    submit(page)

    expect(page.locator("[data-testid=error-end_date]")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_members-0-name_latin")).to_have_value("Phonesavanh Sitthideth")
    assert not Delegation.objects.filter(title=TITLE).exists()
