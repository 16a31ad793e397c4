"""Plan services: the editing rules (draft, submitted, revision, closed), numbering, copying and the workflow."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from doingoai.core.services import transitions_of
from plans import services
from plans.models import Activity, ActivityCoordination, Plan, PlanRevision, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(world):
    return world.users["staff"]


@pytest.fixture
def leader(world):
    return world.users["leader"]


@pytest.fixture
def plan(world):
    """A draft 2026 plan: task 1 with activities 1–3, task 2 empty."""
    plan = factories.PlanFactory(year=2026, title="Kế hoạch công tác đối ngoại nhân dân năm 2026")
    first = factories.TaskFactory(plan=plan, number=1, title="Hòa bình, hữu nghị")
    factories.TaskFactory(plan=plan, number=2, title="Thông tin đối ngoại")
    for number, content in enumerate(["Gặp mặt kiều bào", "Đoàn ra Lào", "Hội thảo viện trợ"], start=1):
        factories.ActivityFactory(task=first, number=number, content=content, lead_agency=world.agency_a)
    return plan


def numbers(task) -> list[tuple[int, str]]:
    return list(Activity.objects.filter(task=task).order_by("number").values_list("number", "content"))


def approve(plan, staff, leader):
    services.submit_plan(plan, by=staff)
    services.approve_plan(plan, by=leader)
    plan.refresh_from_db()


# Editing rules -------------------------------------------------------------------------------------------------------


def test_a_draft_is_edited_freely_by_staff(plan, staff):
    task = services.save_task(Task(plan=plan, title="Công tác người Việt Nam ở nước ngoài"), by=staff)
    assert task.number == 3
    activity = services.save_activity(
        Activity(task=task, content="Gặp mặt kiều bào dịp Tết", lead_agency=factories.AgencyFactory()), by=staff
    )
    assert activity.number == 1
    assert activity.history.first().history_user == staff


@pytest.mark.parametrize("persona", ["leader", "focal_a", "rep_x"])
def test_only_department_officers_edit_plans(plan, world, persona):
    with pytest.raises(PermissionDenied):
        services.save_task(Task(plan=plan, title="X"), by=world.users[persona])


def test_a_submitted_plan_cannot_be_changed(plan, staff):
    services.submit_plan(plan, by=staff)
    with translation.override("en"), pytest.raises(services.PlanLocked) as refused:
        services.save_task(Task(plan=plan, title="Thêm nhiệm vụ"), by=staff)
    assert "submitted for approval" in refused.value.messages[0]
    assert plan.tasks.count() == 2


def test_an_approved_plan_changes_only_inside_a_revision(plan, staff, leader):
    approve(plan, staff, leader)
    activity = Activity.objects.get(task__plan=plan, number=1, task__number=1)
    activity.content = "Gặp mặt kiều bào (sửa)"
    with translation.override("en"), pytest.raises(services.PlanLocked) as refused:
        services.save_activity(activity, by=staff)
    assert "open a revision" in refused.value.messages[0].lower()
    assert Activity.objects.get(pk=activity.pk).content == "Gặp mặt kiều bào"

    revision = services.open_revision(plan, by=staff, reason="Bổ sung theo chỉ đạo của UBND tỉnh")
    with translation.override("en"):  # the reason is written in the language of the request
        services.save_activity(activity, by=staff)
    latest = activity.history.first()
    assert latest.history_change_reason.startswith("Revision 1")
    services.close_revision(plan, by=staff, comment="Đã bổ sung")
    revision.refresh_from_db()
    assert revision.closed_by == staff and revision.summary == "Đã bổ sung"
    with pytest.raises(services.PlanLocked):
        services.save_activity(activity, by=staff)


def test_every_edit_path_checks_the_rule(plan, staff, leader):
    approve(plan, staff, leader)
    task = plan.tasks.get(number=1)
    activity = task.activities.get(number=1)
    attempts = [
        lambda: services.save_plan(plan, by=staff),
        lambda: services.save_task(task, by=staff),
        lambda: services.delete_task(plan.tasks.get(number=2), by=staff),
        lambda: services.move_task(task, 1, by=staff),
        lambda: services.reorder_tasks(plan, [t.pk for t in plan.tasks.order_by("-number")], by=staff),
        lambda: services.save_activity(activity, by=staff),
        lambda: services.delete_activity(activity, by=staff),
        lambda: services.move_activity(activity, 1, by=staff),
        lambda: services.reorder_activities(task, [a.pk for a in task.activities.order_by("-number")], by=staff),
    ]
    for attempt in attempts:
        with pytest.raises(services.PlanLocked):
            attempt()
    assert numbers(task) == [(1, "Gặp mặt kiều bào"), (2, "Đoàn ra Lào"), (3, "Hội thảo viện trợ")]


def test_a_closed_year_is_read_only_until_a_leader_unlocks_it_with_a_reason(plan, staff, leader, world):
    approve(plan, staff, leader)
    services.close_plan(plan, by=staff)
    task = plan.tasks.get(number=1)
    with translation.override("en"), pytest.raises(services.PlanLocked) as refused:
        services.save_task(task, by=staff)
    assert "closed" in refused.value.messages[0]
    with pytest.raises(PermissionDenied):
        services.unlock_plan(plan, by=staff, reason="Sửa số liệu")
    with pytest.raises(ValidationError):
        services.unlock_plan(plan, by=leader, reason="  ")

    services.unlock_plan(plan, by=leader, reason="Sửa số liệu kinh phí theo quyết toán")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_PROGRESS
    unlock = plan.revisions.get()
    assert (unlock.kind, unlock.opened_by, unlock.reason) == (
        PlanRevision.Kind.UNLOCK, leader, "Sửa số liệu kinh phí theo quyết toán"
    )
    assert transitions_of(plan)[0].comment == "Sửa số liệu kinh phí theo quyết toán"
    task.title = "Hòa bình, hữu nghị, hợp tác"
    services.save_task(task, by=staff)
    with pytest.raises(ValidationError):
        services.close_plan(plan, by=staff)  # the revision is still open
    services.close_revision(plan, by=staff)
    services.close_plan(plan, by=staff)
    assert Plan.objects.get(pk=plan.pk).status == Plan.Status.CLOSED


def test_a_revision_needs_a_reason_and_only_one_is_open(plan, staff, leader):
    with pytest.raises(ValidationError):
        services.open_revision(plan, by=staff, reason="Draft")  # a draft is not revised
    approve(plan, staff, leader)
    with pytest.raises(ValidationError) as refused:
        services.open_revision(plan, by=staff, reason="")
    assert "comment" in refused.value.error_dict
    services.open_revision(plan, by=staff, reason="Bổ sung")
    with pytest.raises(ValidationError):
        services.open_revision(plan, by=staff, reason="Lần nữa")
    with pytest.raises(PermissionDenied):
        services.open_revision(plan, by=factories.UserFactory(role="leader"), reason="X")


def test_status_follow_up_needs_no_revision_but_not_in_a_closed_year(plan, staff, leader):
    activity = Activity.objects.get(task__plan=plan, task__number=1, number=2)
    with pytest.raises(services.PlanLocked):
        services.set_activity_status(activity, Activity.Status.ON_TRACK, 30, by=staff)
    approve(plan, staff, leader)
    services.set_activity_status(activity, Activity.Status.ON_TRACK, 30, by=staff, comment="Đã chuẩn bị")
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (Activity.Status.ON_TRACK, 30)
    assert transitions_of(activity)[0].comment == "Đã chuẩn bị"
    services.set_activity_status(activity, Activity.Status.ON_TRACK, 60, by=staff)
    assert Activity.objects.get(pk=activity.pk).progress == 60
    with pytest.raises(ValidationError):
        services.set_activity_status(activity, Activity.Status.DONE, 80, by=staff)  # done means 100%
    services.close_plan(plan, by=staff)
    with pytest.raises(services.PlanLocked):
        services.set_activity_status(activity, Activity.Status.DONE, 100, by=staff)


# Numbering -----------------------------------------------------------------------------------------------------------


def test_moving_an_activity_renumbers_its_task_in_one_go(plan, staff):
    task = plan.tasks.get(number=1)
    third = task.activities.get(number=3)
    services.move_activity(third, -1, by=staff)
    assert numbers(task) == [(1, "Gặp mặt kiều bào"), (2, "Hội thảo viện trợ"), (3, "Đoàn ra Lào")]
    services.move_activity(Activity.objects.get(pk=third.pk), -5, by=staff)  # past the top: stays first
    assert numbers(task)[0] == (1, "Hội thảo viện trợ")
    assert Activity.objects.get(pk=third.pk).history.first().history_user == staff


def test_reordering_activities_takes_the_whole_new_order(plan, staff):
    task = plan.tasks.get(number=1)
    ids = list(task.activities.order_by("number").values_list("pk", flat=True))
    services.reorder_activities(task, [ids[2], ids[0], ids[1]], by=staff)
    assert numbers(task) == [(1, "Hội thảo viện trợ"), (2, "Gặp mặt kiều bào"), (3, "Đoàn ra Lào")]
    with pytest.raises(ValidationError):
        services.reorder_activities(task, ids[:2], by=staff)  # someone added or removed one meanwhile


def test_deleting_an_activity_closes_the_gap(plan, staff):
    task = plan.tasks.get(number=1)
    services.delete_activity(task.activities.get(number=1), by=staff)
    assert numbers(task) == [(1, "Đoàn ra Lào"), (2, "Hội thảo viện trợ")]


def test_an_activity_with_reported_progress_is_not_deleted(plan, staff):
    activity = Activity.objects.get(task__plan=plan, task__number=1, number=1)
    factories.ProgressUpdateFactory(activity=activity)
    with pytest.raises(ValidationError):
        services.delete_activity(activity, by=staff)
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_task_with_activities_is_not_deleted_and_an_empty_one_is(plan, staff):
    with pytest.raises(ValidationError):
        services.delete_task(plan.tasks.get(number=1), by=staff)
    services.save_task(Task(plan=plan, title="Nhiệm vụ 3"), by=staff)
    services.delete_task(plan.tasks.get(number=2), by=staff)
    assert list(plan.tasks.order_by("number").values_list("number", "title")) == [
        (1, "Hòa bình, hữu nghị"), (2, "Nhiệm vụ 3"),
    ]


def test_moving_tasks_renumbers_them(plan, staff):
    services.move_task(plan.tasks.get(number=2), -1, by=staff)
    assert list(plan.tasks.order_by("number").values_list("title", flat=True)) == [
        "Thông tin đối ngoại", "Hòa bình, hữu nghị",
    ]


def test_moving_an_activity_to_another_task_puts_it_last_and_closes_the_gap(plan, staff):
    first, second = plan.tasks.get(number=1), plan.tasks.get(number=2)
    activity = first.activities.get(number=1)
    activity.task = second
    services.save_activity(activity, by=staff)
    assert numbers(second) == [(1, "Gặp mặt kiều bào")]
    assert numbers(first) == [(1, "Đoàn ra Lào"), (2, "Hội thảo viện trợ")]


def test_an_activity_cannot_move_to_another_plan(plan, staff):
    activity = Activity.objects.get(task__plan=plan, task__number=1, number=1)
    activity.task = factories.TaskFactory()
    with pytest.raises(ValidationError) as refused:
        services.save_activity(activity, by=staff)
    assert "task" in refused.value.error_dict


# Coordinating agencies -----------------------------------------------------------------------------------------------


def test_coordinating_agencies_are_kept_in_the_history(plan, staff, world):
    activity = Activity.objects.get(task__plan=plan, task__number=1, number=1)
    finance, culture = factories.AgencyFactory(name="Sở Tài chính"), factories.AgencyFactory(name="Sở Văn hóa")
    services.save_activity(activity, by=staff, coordinating_agencies=[finance, culture])
    services.save_activity(activity, by=staff, coordinating_agencies=[culture])
    assert list(activity.coordinating_agencies.all()) == [culture]
    events = list(
        ActivityCoordination.history.filter(activity_id=activity.pk).order_by("history_date", "history_id")
        .values_list("history_type", "agency_id", "history_user")
    )
    assert ("+", finance.pk, staff.pk) in events and ("-", finance.pk, staff.pk) in events
    assert ("+", culture.pk, staff.pk) in events


def test_the_lead_agency_does_not_also_coordinate(plan, staff, world):
    activity = Activity.objects.get(task__plan=plan, task__number=1, number=1)
    with pytest.raises(ValidationError) as refused:
        services.save_activity(activity, by=staff, coordinating_agencies=[world.agency_a])
    assert "coordinating_agencies" in refused.value.error_dict


# Copy to the next year -----------------------------------------------------------------------------------------------


def test_copy_to_next_year_carries_over_the_unfinished_activities(plan, staff, world):
    task = plan.tasks.get(number=1)
    done, late, cancelled = (task.activities.get(number=n) for n in (1, 2, 3))
    Activity.objects.filter(pk=done.pk).update(status="done", progress=100)
    Activity.objects.filter(pk=late.pk).update(
        status="late", progress=40, start_date=date(2026, 2, 28), end_date=date(2026, 10, 31), quarter=None,
        budget_amount=150_000_000, budget_source="state_budget",
    )
    Activity.objects.filter(pk=cancelled.pk).update(status="cancelled")
    postponed = factories.ActivityFactory(task=task, number=4, status="postponed", content="Hội chợ hữu nghị",
                                          coordinating_agencies=[world.agency_b], start_date=date(2024, 2, 29),
                                          quarter=None)
    postponed.countries.add(factories.CountryFactory(code="LA"))
    plan.legal_bases.add(factories.DirectiveFactory(code="12-CT/TW"))

    copy = services.copy_plan_to_next_year(plan, by=staff)

    assert (copy.year, copy.status, copy.copied_from, copy.number) == (2027, "draft", plan, "")
    assert copy.title == "Kế hoạch công tác đối ngoại nhân dân năm 2027"
    assert list(copy.legal_bases.values_list("code", flat=True)) == ["12-CT/TW"]
    assert list(copy.tasks.order_by("number").values_list("number", "title")) == [
        (1, "Hòa bình, hữu nghị"), (2, "Thông tin đối ngoại"),
    ]
    copied = list(Activity.objects.filter(task__plan=copy).order_by("number"))
    assert [(a.number, a.content, a.source_activity) for a in copied] == [
        (1, "Đoàn ra Lào", late), (2, "Hội chợ hữu nghị", postponed),
    ]
    carried = copied[0]
    assert (carried.status, carried.progress) == ("not_started", 0)
    assert (carried.start_date, carried.end_date) == (date(2027, 2, 28), date(2027, 10, 31))
    assert (carried.budget_amount, carried.budget_source) == (150_000_000, "state_budget")
    assert copied[1].start_date == date(2025, 2, 28)  # 29 February has no next year
    assert list(copied[1].coordinating_agencies.all()) == [world.agency_b]
    assert list(copied[1].countries.values_list("code", flat=True)) == ["LA"]
    assert carried.history.first().history_user == staff


def test_copy_refuses_when_next_year_already_has_a_plan_from_the_same_issuer(plan, staff):
    factories.PlanFactory(year=2027, issuing_agency=plan.issuing_agency, title="Kế hoạch năm 2027 đã có")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.copy_plan_to_next_year(plan, by=staff)
    assert "already has a plan for 2027" in refused.value.messages[0]
    assert "Kế hoạch năm 2027 đã có" in refused.value.messages[0]
    assert Plan.objects.filter(year=2027).count() == 1


def test_another_issuers_next_year_plan_does_not_block_the_copy(plan, staff):
    factories.PlanFactory(year=2027)
    assert services.copy_plan_to_next_year(plan, by=staff).year == 2027


@pytest.mark.parametrize("persona", ["leader", "focal_a"])
def test_only_department_officers_copy_plans(plan, world, persona):
    with pytest.raises(PermissionDenied):
        services.copy_plan_to_next_year(plan, by=world.users[persona])


# Workflow ------------------------------------------------------------------------------------------------------------


def test_an_empty_plan_is_not_submitted(staff):
    with pytest.raises(ValidationError):
        services.submit_plan(factories.PlanFactory(), by=staff)


def test_the_workflow_records_who_when_and_why(plan, staff, leader):
    services.submit_plan(plan, by=staff, comment="Kính trình")
    services.return_plan(plan, by=leader, comment="Bổ sung kinh phí")
    services.submit_plan(plan, by=staff)
    services.approve_plan(plan, by=leader, comment="Đồng ý")
    steps = [(t.from_status, t.to_status, t.by, t.comment) for t in reversed(transitions_of(plan))]
    assert steps == [
        ("draft", "submitted", staff, "Kính trình"), ("submitted", "draft", leader, "Bổ sung kinh phí"),
        ("draft", "submitted", staff, ""), ("submitted", "approved", leader, "Đồng ý"),
    ]


def test_available_actions_follow_role_and_state(plan, world):
    staff, leader, focal = world.users["staff"], world.users["leader"], world.users["focal_a"]
    names = lambda user, revision=None: [a.name for a in services.available_actions(plan, user, revision)]  # noqa: E731
    assert names(staff) == ["submit"] and names(leader) == [] and names(focal) == []
    plan.status = "submitted"
    assert names(staff) == [] and names(leader) == ["approve", "return"]
    plan.status = "approved"
    assert names(staff) == ["open_revision", "start", "close"]
    assert names(staff, PlanRevision(number=1)) == ["close_revision", "start"]
    plan.status = "closed"
    assert names(staff) == [] and names(leader) == ["unlock"]
    assert names(world.users["admin"]) == ["unlock"]


def test_take_action_refuses_an_unknown_step(plan, staff):
    with pytest.raises(ValidationError):
        services.take_action(plan, "publish", by=staff)


def test_returning_needs_a_comment(plan, staff, leader):
    services.submit_plan(plan, by=staff)
    with pytest.raises(ValidationError) as refused:
        services.take_action(plan, "return", by=leader, comment=" ")
    assert "comment" in refused.value.error_dict
