"""The plan editor in a browser: a department officer prepares the 2027 plan from 2026 and submits it; the leader
approves it; the list, the plan page and its history tell the story."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from doingoai.accounts.models import User
from plans.models import Activity, Plan

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"
PARTNER = "Đại sứ quán nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam"
CONTENT = "Tổ chức Ngày hội giao lưu hữu nghị Việt Nam – Lào – Campuchia năm 2027"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def choose(page, form, field: str, typed: str, option: str) -> None:
    """Pick `option` in a searchable list by typing `typed` (no diacritics) and clicking the match."""
    control = form.locator(f"[name={field}] + .ts-wrapper .ts-control input")
    control.click()
    control.fill(typed)
    match = form.locator(f"[name={field}] + .ts-wrapper .ts-dropdown .option", has_text=option)
    expect(match).to_have_count(1)
    match.click()
    # The choice is made once it shows as an item in the control; closing the list before that can lose it.
    expect(form.locator(f"[name={field}] + .ts-wrapper .ts-control .item", has_text=option)).to_have_count(1)
    page.keyboard.press("Escape")


def label(status: str) -> str:
    with translation.override("vi"):
        return str(Plan.Status(status).label)


def test_staff_prepares_next_years_plan_and_the_leader_approves_it(demo, page, login):
    staff, leader = User.objects.get(username="staff"), User.objects.get(username="leader")

    # A department officer finds a partner by typing without diacritics.
    login("staff", PASSWORD)
    page.goto("/partners/foreign-partners/")
    page.fill("#id_q", "dai su quan lao")
    expect(page.locator("#results")).to_contain_text(PARTNER)
    expect(page.locator("#results")).not_to_contain_text("Campuchia tại Việt Nam")

    # Opens the 2026 plan and copies it to 2027.
    page.goto("/plans/?year=2026")
    page.locator("#results a", has_text="năm 2026").first.click()
    page.click("[data-testid=copy-plan]")
    page.click("[data-testid=confirm-copy]")
    page.wait_for_url(re.compile(r"/plans/\d+/editor/$"))
    plan = Plan.objects.get(year=2027)
    assert plan.status == Plan.Status.DRAFT and plan.copied_from.year == 2026
    carried = Activity.objects.filter(task__plan=plan).count()
    expect(page.locator("[data-testid=activity-row]")).to_have_count(carried)
    expect(page.locator("[data-testid=editing-state]")).to_have_attribute("data-editable", "true")

    # Adds an activity under task 2 with a lead agency, two coordinating agencies and the partner found above.
    page.click("[data-testid=add-activity-2]")
    form = page.locator("[data-testid=activity-form]")
    form.locator("[name=content]").fill(CONTENT)
    choose(page, form, "lead_agency", "so ngoai vu", "Sở Ngoại vụ")
    choose(page, form, "coordinating_agencies", "so tai chinh", "Sở Tài chính")
    choose(page, form, "coordinating_agencies", "van hoa the thao", "Sở Văn hóa, Thể thao và Du lịch")
    choose(page, form, "partners", "dai su quan lao", PARTNER)
    form.locator("[name=month]").select_option("9")
    expect(form.locator("[name=quarter]")).to_have_value("3")  # the month decides the quarter
    form.locator("[name=budget_amount]").fill("120.000.000")
    form.locator("[name=budget_source]").select_option("state_budget")
    form.locator("[data-testid=save-activity]").click()

    row = page.locator("[data-testid=activity-row]", has_text=CONTENT)
    expect(row).to_contain_text("Sở Ngoại vụ")
    expect(row).to_contain_text("Sở Tài chính")
    expect(row).to_contain_text("Sở Văn hóa, Thể thao và Du lịch")
    expect(row).to_contain_text("120.000.000 đ")
    expect(page.locator("[data-testid=total-activities]")).to_have_text(str(carried + 1))
    added = Activity.objects.get(content=CONTENT)
    assert added.task.number == 2 and added.lead_agency.name == "Sở Ngoại vụ"
    assert sorted(added.coordinating_agencies.values_list("name", flat=True)) == [
        "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch",
    ]
    assert list(added.partners.values_list("name_vi", flat=True)) == [PARTNER]
    assert (added.month, added.quarter, added.budget_amount) == (9, 3, 120_000_000)

    # Submits it.
    page.fill("[data-testid=workflow-comment]", "Kính trình lãnh đạo Sở xem xét, phê duyệt.")
    page.click("[data-testid=action-submit]")
    expect(page.locator("[data-testid=plan-status]")).to_have_text(label("submitted"))
    expect(page.locator("[data-testid=editing-state]")).to_have_attribute("data-editable", "false")
    expect(page.locator("[data-testid=edit-activity]")).to_have_count(0)

    # The leader approves it.
    page.context.clear_cookies()
    login("leader", PASSWORD)
    page.goto("/plans/")
    page.locator("#results a", has_text="năm 2027").click()
    expect(page.locator("[data-testid=action-submit]")).to_have_count(0)
    page.fill("[data-testid=workflow-comment]", "Đồng ý. Sở Ngoại vụ tham mưu UBND tỉnh ban hành.")
    page.click("[data-testid=action-approve]")
    expect(page.locator("[data-testid=plan-status]")).to_have_text(label("approved"))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED

    # The list shows the approved 2027 plan.
    page.goto("/plans/?year=2027")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text(plan.title)
    expect(page.locator("#results")).to_contain_text(label("approved"))

    # The plan page shows the new activity with its agencies, and who submitted and approved it, with comments.
    page.goto(f"/plans/{plan.pk}/")
    expect(page.locator("main")).to_contain_text(CONTENT)
    transitions = page.locator("[data-testid=transitions]")
    expect(transitions).to_contain_text("Kính trình lãnh đạo Sở xem xét, phê duyệt.")
    expect(transitions).to_contain_text("Đồng ý. Sở Ngoại vụ tham mưu UBND tỉnh ban hành.")
    expect(transitions).to_contain_text(staff.get_full_name())
    expect(transitions).to_contain_text(leader.get_full_name())

    # The history: the plan's status changes, and the activity's creation with its agencies, by the officer.
    page.goto(f"/plans/{plan.pk}/history/")
    expect(page.locator("main")).to_contain_text(leader.get_full_name())
    expect(page.locator("[data-testid=history]")).to_contain_text(label("approved"))
    page.goto(f"/plans/activities/{added.pk}/history/")
    history = page.locator("[data-testid=history]")
    expect(history).to_contain_text(staff.get_full_name())
    expect(history).to_contain_text("Sở Tài chính")
    expect(history).to_contain_text("Sở Văn hóa, Thể thao và Du lịch")

    # And what changed in the plan since the copy, built from that history.
    page.goto(f"/plans/{plan.pk}/changes/?since=2000-01-01")
    expect(page.locator("[data-testid=change-added]", has_text=CONTENT)).to_have_count(1)
