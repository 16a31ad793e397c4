"""What changed in a plan since a date, read from the history."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from plans import services
from plans.changes import plan_changes_since
from plans.models import Activity, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(world):
    """A 2026 plan with two activities, approved on 1 March 2026 (history dated before the moment we look from)."""
    staff, leader = world.users["staff"], world.users["leader"]
    plan = factories.PlanFactory(year=2026)
    task = services.save_task(Task(plan=plan, title="Hòa bình, hữu nghị"), by=staff)
    kept = services.save_activity(
        Activity(task=task, content="Gặp mặt kiều bào", lead_agency=world.agency_a, quarter=1), by=staff,
        coordinating_agencies=[world.agency_b],
    )
    doomed = services.save_activity(
        Activity(task=task, content="Hội thảo sẽ bị bỏ", lead_agency=world.agency_a), by=staff
    )
    services.submit_plan(plan, by=staff)
    services.approve_plan(plan, by=leader)
    return plan, task, kept, doomed


def since_now() -> datetime.datetime:
    return timezone.now()


def test_added_changed_and_removed_since_the_moment_with_who_and_why(approved, world):
    plan, task, kept, doomed = approved
    staff = world.users["staff"]
    moment = since_now()
    services.open_revision(plan, by=staff, reason="Điều chỉnh giữa năm")
    kept.quarter, kept.budget_amount = 2, 20_000_000
    health = factories.AgencyFactory(name="Sở Y tế")
    services.save_activity(kept, by=staff, coordinating_agencies=[world.agency_b, health])
    services.delete_activity(doomed, by=staff)
    added = services.save_activity(
        Activity(task=task, content="Đoàn vào từ Prey Veng", lead_agency=world.agency_b), by=staff
    )
    throwaway = services.save_activity(Activity(task=task, content="Nháp", lead_agency=world.agency_b), by=staff)
    services.delete_activity(throwaway, by=staff)  # added and removed since: not news

    changes = plan_changes_since(plan, moment)

    by_label = {change.label: change for change in changes.activities}
    assert set(by_label) == {"Gặp mặt kiều bào", "Hội thảo sẽ bị bỏ", "Đoàn vào từ Prey Veng"}
    assert by_label["Đoàn vào từ Prey Veng"].kind == "added" and by_label["Đoàn vào từ Prey Veng"].exists
    assert by_label["Hội thảo sẽ bị bỏ"].kind == "removed" and not by_label["Hội thảo sẽ bị bỏ"].exists
    changed = by_label["Gặp mặt kiều bào"]
    assert changed.kind == "changed" and changed.users == [staff]
    with translation.override("en"):
        fields = {str(field.label): (field.old, field.new) for field in changed.fields}
    assert fields["quarter"] == (1, 2)
    assert fields["budget (VND)"][0] == "—"
    old, new = fields["coordinating agencies"]
    assert old == world.agency_b.name and new == f"{world.agency_b.name}; Sở Y tế"
    assert (changes.count_added, changes.count_changed, changes.count_removed) == (1, 1, 1)
    assert [revision.reason for revision in changes.revisions] == ["Điều chỉnh giữa năm"]
    assert added.pk in {change.record_id for change in changes.activities}


def test_a_change_reverted_since_is_not_reported(approved, world):
    plan, _task, kept, _doomed = approved
    staff = world.users["staff"]
    moment = since_now()
    services.open_revision(plan, by=staff, reason="Thử")
    kept.content = "Tạm đổi"
    services.save_activity(kept, by=staff)
    kept.content = "Gặp mặt kiều bào"
    services.save_activity(kept, by=staff)
    assert plan_changes_since(plan, moment).activities == []


def test_status_steps_and_plan_fields_since_the_moment(approved, world):
    plan, *_rest = approved
    moment = since_now()
    services.start_plan(plan, by=world.users["staff"], comment="Bắt đầu triển khai")
    services.open_revision(plan, by=world.users["staff"], reason="Đổi tên")
    plan.title = "Kế hoạch đã đổi tên"
    services.save_plan(plan, by=world.users["staff"])
    changes = plan_changes_since(plan, moment)
    assert [(t.from_status, t.to_status, t.comment) for t in changes.transitions] == [
        ("approved", "in_progress", "Bắt đầu triển khai")
    ]
    with translation.override("en"):
        assert [(str(f.label), f.new) for f in changes.plan_fields] == [("title", "Kế hoạch đã đổi tên")]


def test_nothing_changed_since_a_later_moment(approved):
    plan, *_rest = approved
    changes = plan_changes_since(plan, since_now())
    assert changes.is_empty


def test_the_page_defaults_to_the_approval_date_and_reads_a_date(client_as, approved, world):
    plan, task, kept, _doomed = approved
    client = client_as("staff")
    url = reverse("plans:plan_changes", args=[plan.pk])
    response = client.get(url)
    assert response.context["since"] == timezone.localdate()
    services.open_revision(plan, by=world.users["staff"], reason="Bổ sung")
    services.save_activity(Activity(task=task, content="Hoạt động bổ sung", lead_agency=world.agency_a),
                           by=world.users["staff"])
    page = client.get(url, {"since": timezone.localdate().isoformat()}).content.decode()
    assert "Hoạt động bổ sung" in page and 'data-testid="change-added"' in page
    response = client.get(url, {"since": "31/02/2026"})
    assert response.status_code == 200 and response.context["form"].errors
