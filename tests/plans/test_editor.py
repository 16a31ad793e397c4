"""The plan editor and the record pages of the plans app: who may do what, HTMX fragments and full pages, validation
that keeps what was typed, no lost updates, and constant query counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doingoai.core.services import transitions_of
from plans import services
from plans.models import Activity, Directive, Plan, PlanRevision, Task
from tests import factories

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "admin", "staff", "leader", "focal_a", "focal_b", "rep_x", "rep_y")
EDITORS = ("admin", "staff")
HTMX = {"HX-Request": "true"}


@dataclass
class Data:
    plan: Plan
    task: Task
    empty_task: Task
    first: Activity
    second: Activity
    directive: Directive


@pytest.fixture
def data(world) -> Data:
    directive = factories.DirectiveFactory(code="716/KH-UBND", title="Kế hoạch thực hiện Chỉ thị 12")
    plan = factories.PlanFactory(year=2026, title="Kế hoạch công tác đối ngoại nhân dân năm 2026")
    plan.legal_bases.add(directive)
    task = factories.TaskFactory(plan=plan, number=1, title="Hòa bình, hữu nghị")
    empty_task = factories.TaskFactory(plan=plan, number=2, title="Thông tin đối ngoại")
    first = factories.ActivityFactory(task=task, number=1, content="Gặp mặt kiều bào dịp Tết",
                                      lead_agency=world.agency_a)
    second = factories.ActivityFactory(task=task, number=2, content="Đoàn công tác sang Champasak",
                                       lead_agency=world.agency_b, coordinating_agencies=[world.agency_a])
    return Data(plan, task, empty_task, first, second, directive)


def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


def activity_post(data: Data, world, **changes) -> dict:
    values = {
        "task": data.task.pk, "content": "Giao lưu hữu nghị Việt Nam – Lào", "lead_agency": world.agency_a.pk,
        "coordinating_agencies": [world.agency_b.pk], "quarter": "3", "month": "8", "start_date": "",
        "end_date": "", "budget_amount": "150.000.000", "budget_source": "state_budget",
        "expected_result": "200 đại biểu", "notes": "", "countries": [], "partners": [], "agreements": [],
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def form_values(response) -> dict:
    """The hidden `version` of the form in a response (what a browser would send back)."""
    match = re.search(r'name="version" value="([^"]*)"', response.content.decode())
    return {"version": match.group(1)} if match else {}


# Permission matrix -------------------------------------------------------------------------------------------------


def urls(data: Data) -> dict[str, tuple[str, str]]:
    """URL name → (method, url) of every page and action added for editing plans."""
    return {
        "plan_create": ("get", reverse("plans:plan_create")),
        "plan_update": ("get", reverse("plans:plan_update", args=[data.plan.pk])),
        "plan_delete": ("get", reverse("plans:plan_delete", args=[data.plan.pk])),
        "plan_editor": ("get", reverse("plans:plan_editor", args=[data.plan.pk])),
        "plan_copy": ("get", reverse("plans:plan_copy", args=[data.plan.pk])),
        "task_create": ("get", reverse("plans:task_create", args=[data.plan.pk])),
        "task_update": ("get", reverse("plans:task_update", args=[data.task.pk])),
        "task_delete": ("get", reverse("plans:task_delete", args=[data.empty_task.pk])),
        "task_move": ("post", reverse("plans:task_move", args=[data.task.pk])),
        "activity_create": ("get", reverse("plans:activity_create", args=[data.task.pk])),
        "activity_update": ("get", reverse("plans:activity_update", args=[data.first.pk])),
        "activity_delete": ("get", reverse("plans:activity_delete", args=[data.first.pk])),
        "activity_move": ("post", reverse("plans:activity_move", args=[data.first.pk])),
        "activity_reorder": ("post", reverse("plans:activity_reorder", args=[data.task.pk])),
        "directive_create": ("get", reverse("plans:directive_create")),
        "directive_update": ("get", reverse("plans:directive_update", args=[data.directive.pk])),
        "directive_delete": ("get", reverse("plans:directive_delete", args=[data.directive.pk])),
    }


# What each persona gets on a record in their scope (focal_a's agency leads an activity of the plan).
EXPECTED = {
    "admin": 200, "staff": 200, "leader": 403, "focal_a": 403, "focal_b": 403, "rep_x": 403, "rep_y": 403,
}
EDIT_URL_NAMES = [
    "plan_create", "plan_update", "plan_delete", "plan_editor", "plan_copy", "task_create", "task_update",
    "task_delete", "task_move", "activity_create", "activity_update", "activity_delete", "activity_move",
    "activity_reorder", "directive_create", "directive_update", "directive_delete",
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", EDIT_URL_NAMES)
def test_editing_pages_by_persona(client_as, data, persona, name):
    method, url = urls(data)[name]
    response = getattr(client_as(persona), method)(url)
    if persona == "anonymous":
        assert response.status_code == 302 and reverse("accounts:login") in response.url
    elif method == "post" and persona in EDITORS:
        assert response.status_code == 302  # done, back to the editor
    else:
        assert response.status_code == EXPECTED[persona], (persona, name)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["plan_history", "plan_changes", "plan_workflow", "task_history",
                                  "activity_history", "directive_history", "plan_detail", "activity_detail"])
def test_reading_pages_by_persona(client_as, data, persona, name):
    record = {"task_history": data.task, "activity_history": data.first, "directive_history": data.directive,
              "activity_detail": data.first}.get(name, data.plan)
    response = client_as(persona).get(reverse(f"plans:{name}", args=[record.pk]))
    expected = {
        # focal_a's agency leads the first activity: the plan, task and activity are in its scope.
        "plan_history": {"focal_a": 200, "focal_b": 200},
        "plan_changes": {"focal_a": 403, "focal_b": 403},
        "plan_workflow": {"focal_a": 403, "focal_b": 403},
        "task_history": {"focal_a": 200, "focal_b": 200},
        "activity_history": {"focal_a": 200, "focal_b": 404},
        "directive_history": {"focal_a": 404, "focal_b": 404},
        "plan_detail": {"focal_a": 200, "focal_b": 200},
        "activity_detail": {"focal_a": 200, "focal_b": 404},
    }[name]
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in ("admin", "staff", "leader"):
        assert response.status_code == 200
    elif persona in ("rep_x", "rep_y"):
        # Neither association has an activity in this plan.
        assert response.status_code == (403 if name in ("plan_changes", "plan_workflow") else 404)
    else:
        assert response.status_code == expected[persona], (persona, name)


@pytest.mark.parametrize("persona", PERSONAS)
def test_workflow_and_status_actions_by_persona(client_as, data, world, persona):
    client = client_as(persona)
    submitted = client.post(reverse("plans:plan_workflow", args=[data.plan.pk]), {"action": "submit"})
    if persona not in EDITORS:
        services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    status = client.post(reverse("plans:activity_status", args=[data.first.pk]),
                         {"status": "on_track", "progress": 10})
    if persona == "anonymous":
        assert submitted.status_code == status.status_code == 302 and "login" in submitted.url
    elif persona in EDITORS:
        assert (submitted.status_code, status.status_code) == (302, 302)
    else:
        assert (submitted.status_code, status.status_code) == (403, 403)
    assert Activity.objects.get(pk=data.first.pk).progress == (10 if persona in EDITORS else 0)


@pytest.mark.parametrize("persona", ["focal_b", "rep_x"])
def test_partner_users_get_404_before_403_on_plans_outside_their_scope(client_as, persona):
    other = factories.PlanFactory()
    for name in ("plan_detail", "plan_history"):
        assert client_as(persona).get(reverse(f"plans:{name}", args=[other.pk])).status_code == 404


def test_editing_pages_are_404_for_records_that_do_not_exist(client_as):
    client = client_as("staff")
    for name in ("plan_editor", "task_update", "activity_update", "plan_copy", "plan_workflow"):
        assert client.get(reverse(f"plans:{name}", args=[999999])).status_code == 404


# The editor page ---------------------------------------------------------------------------------------------------


def test_editor_shows_the_appendix_grouped_by_task_with_controls(client_as, data, world):
    response = client_as("staff").get(reverse("plans:plan_editor", args=[data.plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="task-%d"' % data.task.pk in page and 'id="activity-%d"' % data.second.pk in page
    assert world.agency_a.name in page  # coordinating agency of the second activity
    assert reverse("plans:activity_update", args=[data.first.pk]) in page
    assert reverse("plans:activity_create", args=[data.task.pk]) in page
    assert 'data-editable="true"' in page
    assert [a.name for a in response.context["actions"]] == ["submit"]


def test_editor_of_an_approved_plan_has_no_edit_controls(client_as, data, world):
    services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    page = client_as("staff").get(reverse("plans:plan_editor", args=[data.plan.pk])).content.decode()
    assert 'data-editable="false"' in page
    assert reverse("plans:activity_update", args=[data.first.pk]) not in page
    assert 'value="open_revision"' in page


def test_htmx_fragments_for_cancel_buttons(client_as, data):
    client = client_as("staff")
    url = reverse("plans:plan_editor", args=[data.plan.pk])
    response = client.get(url, {"activity": data.first.pk}, headers=HTMX)
    assert response.content.decode().lstrip().startswith('<tr id="activity-%d"' % data.first.pk)
    response = client.get(url, {"task_row": data.task.pk}, headers=HTMX)
    assert response.content.decode().lstrip().startswith('<tr id="task-row-%d"' % data.task.pk)
    response = client.get(url, {"task": data.task.pk}, headers=HTMX)
    assert response.content.decode().lstrip().startswith('<tbody id="task-%d"' % data.task.pk)
    assert client.get(url, {"activity": 999999}, headers=HTMX).status_code == 404


# Activities inline -------------------------------------------------------------------------------------------------


def test_add_an_activity_inline(client_as, data, world):
    client = client_as("staff")
    url = reverse("plans:activity_create", args=[data.empty_task.pk])
    form = client.get(url, headers=HTMX)
    assert form.content.decode().lstrip().startswith(f'<tr id="activity-form-new-{data.empty_task.pk}"')
    assert "<html" not in form.content.decode()
    response = client.post(url, activity_post(data, world, task=data.empty_task.pk), headers=HTMX)
    assert response.status_code == 200
    activity = Activity.objects.get(task=data.empty_task)
    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="activity-{activity.pk}"')
    assert 'hx-swap-oob="true"' in body and f'id="task-row-{data.empty_task.pk}"' in body
    assert (activity.number, activity.quarter, activity.month, activity.budget_amount) == (1, 3, 8, 150_000_000)
    assert list(activity.coordinating_agencies.all()) == [world.agency_b]


def test_add_an_activity_without_javascript(client_as, data, world):
    client = client_as("staff")
    url = reverse("plans:activity_create", args=[data.task.pk])
    page = client.get(url)
    assert "<html" in page.content.decode()
    response = client.post(url, activity_post(data, world))
    activity = Activity.objects.get(task=data.task, number=3)
    assert response.status_code == 302
    assert response.url == reverse("plans:plan_editor", args=[data.plan.pk]) + f"#activity-{activity.pk}"


def test_invalid_activity_keeps_what_was_typed_and_says_why_next_to_the_field(client_as, data, world):
    client = english(client_as("staff"))
    url = reverse("plans:activity_create", args=[data.task.pk])
    values = activity_post(data, world, month="11", quarter="1", lead_agency="", content="Hội nghị tổng kết")
    response = client.post(url, values, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<tr id="activity-form-new-{data.task.pk}"')
    assert "Hội nghị tổng kết" in body and "200 đại biểu" in body and "150.000.000" in body
    assert 'data-testid="field-error-lead_agency"' in body
    assert "Month 11 is not in quarter 1." in body
    assert not Activity.objects.filter(content="Hội nghị tổng kết").exists()


def test_lead_agency_cannot_also_coordinate_in_the_form(client_as, data, world):
    response = english(client_as("staff")).post(
        reverse("plans:activity_update", args=[data.first.pk]),
        {**activity_post(data, world, coordinating_agencies=[world.agency_a.pk]),
         **form_values(client_as("staff").get(reverse("plans:activity_update", args=[data.first.pk])))},
        headers=HTMX,
    )
    assert "The lead agency cannot also be a coordinating agency." in response.content.decode()


def test_edit_an_activity_inline_and_move_it_to_another_task(client_as, data, world):
    client = client_as("staff")
    url = reverse("plans:activity_update", args=[data.first.pk])
    form = client.get(url, headers=HTMX)
    assert f'id="activity-form-{data.first.pk}-content"' in form.content.decode()  # ids unique per open form
    response = client.post(url, {**activity_post(data, world, content="Gặp mặt kiều bào (sửa)"),
                                 **form_values(form)}, headers=HTMX)
    assert response.content.decode().lstrip().startswith(f'<tr id="activity-{data.first.pk}"')
    assert Activity.objects.get(pk=data.first.pk).content == "Gặp mặt kiều bào (sửa)"

    form = client.get(url, headers=HTMX)
    response = client.post(url, {**activity_post(data, world, task=data.empty_task.pk), **form_values(form)},
                           headers=HTMX)
    assert response["HX-Retarget"] == "#appendix"
    moved = Activity.objects.get(pk=data.first.pk)
    assert (moved.task, moved.number) == (data.empty_task, 1)
    assert Activity.objects.get(pk=data.second.pk).number == 1


def test_move_delete_and_reorder_answer_the_task_rows(client_as, data):
    client = client_as("staff")
    response = client.post(reverse("plans:activity_move", args=[data.second.pk]), {"direction": "up"}, headers=HTMX)
    assert response.content.decode().lstrip().startswith(f'<tbody id="task-{data.task.pk}"')
    assert Activity.objects.get(pk=data.second.pk).number == 1
    response = client.post(reverse("plans:activity_reorder", args=[data.task.pk]),
                           {"order": f"{data.first.pk},{data.second.pk}"}, headers=HTMX)
    assert response.status_code == 200 and Activity.objects.get(pk=data.first.pk).number == 1
    response = client.post(reverse("plans:activity_delete", args=[data.first.pk]), headers=HTMX)
    assert response.status_code == 200
    assert list(Activity.objects.filter(task=data.task).values_list("number", "content")) == [
        (1, "Đoàn công tác sang Champasak")
    ]


def test_a_bad_order_is_refused_with_a_message(client_as, data):
    response = english(client_as("staff")).post(
        reverse("plans:activity_reorder", args=[data.task.pk]), {"order": "1;DROP"}, headers=HTMX
    )
    assert 'data-testid="editor-alert"' in response.content.decode()


def test_move_without_javascript_redirects_to_the_editor(client_as, data):
    response = client_as("staff").post(reverse("plans:activity_move", args=[data.first.pk]), {"direction": "down"})
    assert response.status_code == 302 and "#task-" in response.url
    assert Activity.objects.get(pk=data.first.pk).number == 2


def test_delete_confirmation_page_without_javascript(client_as, data):
    client = client_as("staff")
    url = reverse("plans:activity_delete", args=[data.first.pk])
    assert data.first.content in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Activity.objects.filter(pk=data.first.pk).exists()


# Tasks inline ------------------------------------------------------------------------------------------------------


def test_add_edit_move_and_delete_a_task_inline(client_as, data):
    client = client_as("staff")
    url = reverse("plans:task_create", args=[data.plan.pk])
    assert client.get(url, headers=HTMX).content.decode().lstrip().startswith('<tbody id="task-form-new"')
    response = client.post(url, {"title": "Công tác người Việt Nam ở nước ngoài", "description": ""}, headers=HTMX)
    task = Task.objects.get(plan=data.plan, number=3)
    assert response.content.decode().lstrip().startswith(f'<tbody id="task-{task.pk}"')

    edit = reverse("plans:task_update", args=[task.pk])
    form = client.get(edit, headers=HTMX)
    response = client.post(edit, {"title": "Công tác kiều bào", "description": "", **form_values(form)}, headers=HTMX)
    assert response.content.decode().lstrip().startswith(f'<tr id="task-row-{task.pk}"')
    response = client.post(reverse("plans:task_move", args=[task.pk]), {"direction": "up"}, headers=HTMX)
    assert response.content.decode().lstrip().startswith('<section id="appendix"')
    assert Task.objects.get(pk=task.pk).number == 2
    response = client.post(reverse("plans:task_delete", args=[task.pk]), headers=HTMX)
    assert list(data.plan.tasks.order_by("number").values_list("title", flat=True)) == [
        "Hòa bình, hữu nghị", "Thông tin đối ngoại",
    ]


def test_deleting_a_task_with_activities_is_refused_in_the_editor(client_as, data):
    response = english(client_as("staff")).post(reverse("plans:task_delete", args=[data.task.pk]), headers=HTMX)
    assert "still has activities" in response.content.decode()
    assert Task.objects.filter(pk=data.task.pk).exists()


def test_an_empty_task_title_is_refused_next_to_the_field(client_as, data):
    response = client_as("staff").post(reverse("plans:task_create", args=[data.plan.pk]),
                                       {"title": "", "description": "Mô tả giữ lại"}, headers=HTMX)
    body = response.content.decode()
    assert 'data-testid="field-error-title"' in body and "Mô tả giữ lại" in body


# Editing rules through the pages -----------------------------------------------------------------------------------


def test_an_approved_plan_refuses_edits_with_a_clear_message_and_keeps_the_form(client_as, data, world):
    client = english(client_as("staff"))
    url = reverse("plans:activity_update", args=[data.first.pk])
    form = client.get(url, headers=HTMX)
    services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    response = client.post(url, {**activity_post(data, world, content="Sửa sau khi duyệt"), **form_values(form)},
                           headers=HTMX)
    body = response.content.decode()
    assert "it changes only through a recorded revision" in body
    assert "Sửa sau khi duyệt" in body
    assert Activity.objects.get(pk=data.first.pk).content == "Gặp mặt kiều bào dịp Tết"
    response = client.post(reverse("plans:activity_move", args=[data.first.pk]), {"direction": "down"})
    assert response.status_code == 302
    assert Activity.objects.get(pk=data.first.pk).number == 1


def test_a_revision_opened_from_the_page_lets_staff_edit(client_as, data, world):
    services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    client = client_as("staff")
    response = client.post(reverse("plans:plan_workflow", args=[data.plan.pk]),
                           {"action": "open_revision", "comment": "Bổ sung hoạt động theo Công văn 763"})
    assert response.status_code == 302
    assert PlanRevision.objects.get(plan=data.plan).reason == "Bổ sung hoạt động theo Công văn 763"
    form = client.get(reverse("plans:activity_update", args=[data.first.pk]), headers=HTMX)
    client.post(reverse("plans:activity_update", args=[data.first.pk]),
                {**activity_post(data, world, content="Bổ sung trong đợt điều chỉnh"), **form_values(form)},
                headers=HTMX)
    assert Activity.objects.get(pk=data.first.pk).content == "Bổ sung trong đợt điều chỉnh"


# No lost updates ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("htmx", [False, True])
def test_two_people_edit_one_activity_the_second_gets_the_conflict_and_nothing_is_lost(client_as, data, world, htmx):
    headers = HTMX if htmx else {}
    url = reverse("plans:activity_update", args=[data.first.pk])
    first, second = client_as("staff"), english(client_as("admin"))
    first_form, second_form = first.get(url, headers=headers), second.get(url, headers=headers)

    saved = first.post(url, {**activity_post(data, world, content="Nội dung của người thứ nhất"),
                             **form_values(first_form)}, headers=headers)
    assert saved.status_code in (200, 302)
    refused = second.post(url, {**activity_post(data, world, content="Nội dung của người thứ hai",
                                                notes="Ghi chú dài của người thứ hai"),
                                **form_values(second_form)}, headers=headers)

    body = refused.content.decode()
    assert refused.status_code == 200
    assert "changed this record" in body and "after you opened it" in body
    assert 'data-testid="conflict"' in body and reverse("plans:activity_history", args=[data.first.pk]) in body
    assert "Nội dung của người thứ hai" in body and "Ghi chú dài của người thứ hai" in body  # the form keeps it
    assert Activity.objects.get(pk=data.first.pk).content == "Nội dung của người thứ nhất"  # the first is kept
    # Having seen the other change, the second person saves again on purpose and it goes through.
    again = second.post(url, {**activity_post(data, world, content="Nội dung của người thứ hai"),
                              **form_values(refused)}, headers=headers)
    assert again.status_code in (200, 302)
    assert Activity.objects.get(pk=data.first.pk).content == "Nội dung của người thứ hai"
    contents = list(data.first.history.order_by("history_date").values_list("content", flat=True))
    assert "Nội dung của người thứ nhất" in contents  # and the first change is in the history


@pytest.mark.parametrize("name", ["plan_update", "task_update", "directive_update"])
def test_every_plans_edit_form_refuses_a_stale_save(client_as, data, name):
    record = {"plan_update": data.plan, "task_update": data.task, "directive_update": data.directive}[name]
    url = reverse(f"plans:{name}", args=[record.pk])
    client = english(client_as("staff"))
    form = client.get(url)
    initial = {key: value for key, value in form.context["form"].initial.items() if value is not None}
    values = {}
    for key, value in initial.items():
        if isinstance(value, list):
            values[key] = [getattr(item, "pk", item) for item in value]
        elif hasattr(value, "pk"):
            values[key] = value.pk
        elif hasattr(value, "isoformat"):
            values[key] = value.isoformat()
        else:
            values[key] = value
    values.pop("file", None)
    type(record).objects.filter(pk=record.pk).update(modified_at=record.modified_at.replace(year=2030))
    response = client.post(url, values)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()


# Workflow through the pages ----------------------------------------------------------------------------------------


def test_staff_submits_and_the_leader_approves_from_the_plan_page(client_as, data, world):
    staff, leader = client_as("staff"), client_as("leader")
    detail = reverse("plans:plan_detail", args=[data.plan.pk])
    assert 'value="submit"' in staff.get(detail).content.decode()
    assert 'value="approve"' not in leader.get(detail).content.decode()
    staff.post(reverse("plans:plan_workflow", args=[data.plan.pk]),
               {"action": "submit", "comment": "Kính trình lãnh đạo", "next": detail})
    page = leader.get(detail).content.decode()
    assert 'value="approve"' in page and 'value="return"' in page
    response = leader.post(reverse("plans:plan_workflow", args=[data.plan.pk]),
                           {"action": "approve", "comment": "Đồng ý ban hành", "next": detail})
    assert response.status_code == 302 and response.url == detail
    assert Plan.objects.get(pk=data.plan.pk).status == "approved"
    page = staff.get(detail).content.decode()
    assert "Đồng ý ban hành" in page and "Kính trình lãnh đạo" in page


def test_the_leader_cannot_submit_and_staff_cannot_approve(client_as, data, world):
    url = reverse("plans:plan_workflow", args=[data.plan.pk])
    assert client_as("leader").post(url, {"action": "submit"}).status_code == 403
    services.submit_plan(data.plan, by=world.users["staff"])
    assert client_as("staff").post(url, {"action": "approve"}).status_code == 403
    assert Plan.objects.get(pk=data.plan.pk).status == "submitted"


def test_returning_without_a_comment_shows_the_page_again_with_the_error(client_as, data, world):
    services.submit_plan(data.plan, by=world.users["staff"])
    response = english(client_as("leader")).post(reverse("plans:plan_workflow", args=[data.plan.pk]),
                                                 {"action": "return", "comment": ""})
    assert response.status_code == 200
    assert "Say why the plan is returned." in response.content.decode()
    assert Plan.objects.get(pk=data.plan.pk).status == "submitted"


def test_a_step_refused_by_the_workflow_keeps_the_comment(client_as, data, world):
    response = client_as("leader").post(reverse("plans:plan_workflow", args=[data.plan.pk]),
                                        {"action": "unknown", "comment": "Ý kiến dài của lãnh đạo"})
    assert response.status_code == 200 and "Ý kiến dài của lãnh đạo" in response.content.decode()


def test_an_outside_next_is_ignored(client_as, data):
    response = client_as("staff").post(reverse("plans:plan_workflow", args=[data.plan.pk]),
                                       {"action": "submit", "next": "https://evil.example/"})
    assert response.url == reverse("plans:plan_detail", args=[data.plan.pk])


# Copy ----------------------------------------------------------------------------------------------------------------


def test_copy_to_next_year_from_the_page(client_as, data):
    client = client_as("staff")
    url = reverse("plans:plan_copy", args=[data.plan.pk])
    assert client.get(url).context["copied_count"] == 2
    response = client.post(url)
    copy = Plan.objects.get(year=2027)
    assert response.status_code == 302 and response.url == reverse("plans:plan_editor", args=[copy.pk])
    response = english(client).post(url)
    assert response.status_code == 200
    assert "already has a plan for 2027" in response.content.decode()
    assert Plan.objects.filter(year=2027).count() == 1


# Plans and directives ----------------------------------------------------------------------------------------------


def test_create_a_plan_as_a_draft_and_land_in_the_editor(client_as, data, world):
    response = client_as("staff").post(reverse("plans:plan_create"), {
        "year": 2027, "kind": "KH", "number": "", "issuing_agency": data.plan.issuing_agency.pk, "issued_on": "",
        "signer": "", "title": "Kế hoạch năm 2027", "legal_bases": [data.directive.pk], "purpose": "",
        "implementation": "",
    })
    plan = Plan.objects.get(title="Kế hoạch năm 2027")
    assert response.url == reverse("plans:plan_editor", args=[plan.pk])
    assert plan.status == "draft" and list(plan.legal_bases.all()) == [data.directive]


def test_an_approved_plan_header_is_not_edited_without_a_revision(client_as, data, world):
    services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    client = english(client_as("staff"))
    url = reverse("plans:plan_update", args=[data.plan.pk])
    form = client.get(url)
    values = {"year": 2026, "kind": "KH", "number": data.plan.number, "issuing_agency": data.plan.issuing_agency.pk,
              "title": "Tiêu đề mới", "legal_bases": [data.directive.pk], **form_values(form)}
    response = client.post(url, values)
    assert response.status_code == 200 and "recorded revision" in response.content.decode()
    assert "Tiêu đề mới" in response.content.decode()
    assert Plan.objects.get(pk=data.plan.pk).title != "Tiêu đề mới"


def test_only_a_draft_plan_is_deleted(client_as, data, world):
    client = client_as("staff")
    services.submit_plan(data.plan, by=world.users["staff"])
    client.post(reverse("plans:plan_delete", args=[data.plan.pk]))
    assert Plan.objects.filter(pk=data.plan.pk).exists()
    draft = factories.PlanFactory()
    assert client.post(reverse("plans:plan_delete", args=[draft.pk])).url == reverse("plans:plan_list")
    assert not Plan.objects.filter(pk=draft.pk).exists()


def test_create_edit_and_delete_a_directive(client_as, data):
    client = client_as("staff")
    response = client.post(reverse("plans:directive_create"), {
        "code": "45-CT/TW", "kind": "CT", "issuer": "Ban Bí thư", "issued_on": "2015-05-19",
        "title": "Về tiếp tục đẩy mạnh thực hiện Nghị quyết 36", "summary": "", "parent": "", "superseded_by": "",
    })
    directive = Directive.objects.get(code="45-CT/TW")
    assert response.url == reverse("plans:directive_detail", args=[directive.pk])
    url = reverse("plans:directive_update", args=[directive.pk])
    form = client.get(url)
    assert directive not in form.context["form"].fields["parent"].queryset
    client.post(url, {"code": "45-CT/TW", "kind": "CT", "issuer": "Ban Bí thư", "issued_on": "2015-05-19",
                      "title": "Tiêu đề đã sửa", "parent": data.directive.pk, **form_values(form)})
    assert Directive.objects.get(pk=directive.pk).parent == data.directive
    client.post(reverse("plans:directive_delete", args=[data.directive.pk]))  # implemented by the new one, cited
    assert Directive.objects.filter(pk=data.directive.pk).exists()
    client.post(reverse("plans:directive_delete", args=[directive.pk]))
    assert not Directive.objects.filter(pk=directive.pk).exists()


def test_directive_code_taken_for_the_same_issuer_and_year_is_refused_next_to_the_form(client_as, data):
    response = english(client_as("staff")).post(reverse("plans:directive_create"), {
        "code": data.directive.code, "kind": "CT", "issuer": data.directive.issuer,
        "issued_on": data.directive.issued_on.isoformat(), "title": "Trùng số",
    })
    assert response.status_code == 200
    assert "already exists for this issuer and year" in response.content.decode()


# Activity status follow-up -----------------------------------------------------------------------------------------


def test_staff_records_an_activity_status_on_the_detail_page(client_as, data, world):
    client = client_as("staff")
    detail = reverse("plans:activity_detail", args=[data.first.pk])
    assert 'data-testid="status-form"' not in client.get(detail).content.decode()  # a draft: nothing to follow
    services.submit_plan(data.plan, by=world.users["staff"])
    services.approve_plan(data.plan, by=world.users["leader"])
    assert 'data-testid="status-form"' in client.get(detail).content.decode()
    response = client.post(reverse("plans:activity_status", args=[data.first.pk]),
                           {"status": "on_track", "progress": 40, "comment": "Đã gửi giấy mời"})
    assert response.status_code == 302
    assert transitions_of(Activity.objects.get(pk=data.first.pk))[0].comment == "Đã gửi giấy mời"
    response = english(client).post(reverse("plans:activity_status", args=[data.first.pk]),
                                    {"status": "done", "progress": 80, "comment": "Xong"})
    assert response.status_code == 200 and "must be at 100%" in response.content.decode()
    assert client_as("leader").post(reverse("plans:activity_status", args=[data.first.pk]),
                                    {"status": "done", "progress": 100}).status_code == 403


# History -----------------------------------------------------------------------------------------------------------


def test_activity_history_shows_coordinating_agencies_added_and_removed(client_as, data, world):
    staff = world.users["staff"]
    services.save_activity(data.second, by=staff, coordinating_agencies=[factories.AgencyFactory(name="Sở Nội vụ")],
                           reason="Đổi cơ quan phối hợp")
    response = client_as("staff").get(reverse("plans:activity_history", args=[data.second.pk]))
    page = response.content.decode()
    assert "Sở Nội vụ" in page and world.agency_a.name in page and "Đổi cơ quan phối hợp" in page


def test_plan_history_shows_the_approval_steps_and_revisions(client_as, data, world):
    services.submit_plan(data.plan, by=world.users["staff"], comment="Trình duyệt")
    services.approve_plan(data.plan, by=world.users["leader"])
    services.open_revision(data.plan, by=world.users["staff"], reason="Điều chỉnh quý III")
    page = client_as("leader").get(reverse("plans:plan_history", args=[data.plan.pk])).content.decode()
    assert "Trình duyệt" in page and "Điều chỉnh quý III" in page


# Query counts: from 1 to 50 rows -----------------------------------------------------------------------------------


def count_queries(client, url: str, **kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, **kwargs).status_code == 200
    return len(context)


def fill(plan: Plan, activities: int, *, staff=None) -> None:
    """`activities` activities with two coordinating agencies each, spread over up to 5 tasks of `plan`."""
    tasks = [factories.TaskFactory(plan=plan, number=n) for n in range(1, min(activities, 5) + 1)]
    sources = factories.ActivityFactory.create_batch(1)
    for index in range(activities):
        activity = factories.ActivityFactory(
            task=tasks[index % len(tasks)], number=index + 1, source_activity=sources[0],
            coordinating_agencies=[factories.AgencyFactory(), factories.AgencyFactory()],
        )
        if staff is not None:
            services.save_activity(activity, by=staff, coordinating_agencies=[factories.AgencyFactory()],
                                   reason="Điều chỉnh")


@pytest.mark.parametrize("name", ["plan_editor", "plan_detail", "plan_workflow", "plan_history", "plan_copy"])
def test_plan_pages_make_the_same_number_of_queries_for_1_and_50_activities(client_as, world, name):
    client = client_as("staff")
    small, big = factories.PlanFactory(), factories.PlanFactory()
    fill(small, 1)
    fill(big, 50)
    client.get(reverse(f"plans:{name}", args=[small.pk]))  # warm-up
    assert count_queries(client, reverse(f"plans:{name}", args=[small.pk])) == count_queries(
        client, reverse(f"plans:{name}", args=[big.pk])
    )


def test_changes_page_makes_the_same_number_of_queries_for_1_and_50_changed_activities(client_as, world):
    client = client_as("staff")
    staff = world.users["staff"]
    small, big = factories.PlanFactory(), factories.PlanFactory()
    fill(small, 1, staff=staff)
    fill(big, 50, staff=staff)
    since = {"since": "2000-01-01"}
    client.get(reverse("plans:plan_changes", args=[small.pk]), since)
    one = count_queries(client, reverse("plans:plan_changes", args=[small.pk]), data=since)
    fifty = count_queries(client, reverse("plans:plan_changes", args=[big.pk]), data=since)
    assert len(client.get(reverse("plans:plan_changes", args=[big.pk]), since).context["changes"].activities) == 50
    assert fifty == one


def test_editor_fragments_make_a_fixed_number_of_queries(client_as, world):
    client = client_as("staff")
    small, big = factories.PlanFactory(), factories.PlanFactory()
    fill(small, 1)
    fill(big, 50)
    counts = []
    for plan in (small, big):
        task = plan.tasks.order_by("number").first()
        client.get(reverse("plans:plan_editor", args=[plan.pk]), {"task": task.pk}, headers=HTMX)
        counts.append(count_queries(client, reverse("plans:plan_editor", args=[plan.pk]),
                                    data={"task": task.pk}, headers=HTMX))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("name", ["activity_detail", "activity_history", "activity_update"])
def test_activity_pages_make_a_fixed_number_of_queries(client_as, world, name):
    client = client_as("staff")
    lonely = factories.ActivityFactory(coordinating_agencies=[factories.AgencyFactory()])
    busy = factories.ActivityFactory(coordinating_agencies=factories.AgencyFactory.create_batch(5))
    for _ in range(10):
        services.save_activity(busy, by=world.users["staff"],
                               coordinating_agencies=factories.AgencyFactory.create_batch(2))
    client.get(reverse(f"plans:{name}", args=[lonely.pk]))
    assert count_queries(client, reverse(f"plans:{name}", args=[lonely.pk])) == count_queries(
        client, reverse(f"plans:{name}", args=[busy.pk])
    )


@pytest.mark.parametrize("model", ["plan", "activity", "directive"])
def test_list_pages_make_the_same_number_of_queries_for_1_and_50_rows(client_as, world, model):
    client = client_as("staff")
    url = reverse(f"plans:{model}_list")

    def make(count):
        for _ in range(count):
            if model == "directive":
                factories.DirectiveFactory(parent=factories.DirectiveFactory())
            else:
                factories.ActivityFactory(coordinating_agencies=[factories.AgencyFactory()])

    make(1)
    client.get(url)
    one = count_queries(client, url)
    make(49)
    response = client.get(url)
    assert response.context["result_count"] >= 50 and len(response.context["object_list"]) == 50
    assert count_queries(client, url) == one


def test_directive_pages_make_a_fixed_number_of_queries(client_as, world):
    client = client_as("staff")
    quiet, busy = factories.DirectiveFactory(), factories.DirectiveFactory()
    for directive, count in ((quiet, 1), (busy, 50)):
        for _ in range(count):
            factories.DirectiveFactory(parent=directive)
            factories.PlanFactory().legal_bases.add(directive)
            directive.title = f"{directive.title}."
            directive.save()
    for name in ("directive_detail", "directive_history"):
        client.get(reverse(f"plans:{name}", args=[quiet.pk]))
        assert count_queries(client, reverse(f"plans:{name}", args=[quiet.pk])) == count_queries(
            client, reverse(f"plans:{name}", args=[busy.pk])
        ), name


def test_progress_update_list_makes_the_same_number_of_queries_for_1_and_50_rows(client_as, world):
    client = client_as("staff")
    url = reverse("plans:progressupdate_list")
    factories.ProgressUpdateFactory(author=world.users["staff"])
    client.get(url)
    one = count_queries(client, url)
    for _ in range(49):
        factories.ProgressUpdateFactory(author=world.users["staff"])
    assert count_queries(client, url) == one


def test_two_people_change_different_fields_of_one_activity_and_both_changes_are_kept(client_as, data, world):
    """The refused form takes the first person's change to a field the second left alone: saving again keeps both."""
    url = reverse("plans:activity_update", args=[data.first.pk])
    original = Activity.objects.get(pk=data.first.pk)
    first, second = client_as("staff"), english(client_as("admin"))
    first_form, second_form = first.get(url), second.get(url)

    saved = first.post(url, {**activity_post(data, world, content=original.content, notes="Ghi chú của người thứ nhất"),
                             **form_values(first_form)})
    assert saved.status_code in (200, 302)
    assert Activity.objects.get(pk=data.first.pk).notes == "Ghi chú của người thứ nhất"

    refused = second.post(url, {**activity_post(data, world, content="Nội dung của người thứ hai", notes=original.notes),
                                **form_values(second_form)})
    body = refused.content.decode()
    assert "after you opened it" in body
    assert "Ghi chú của người thứ nhất" in body  # the untouched field now shows the other person's value
    assert "Nội dung của người thứ hai" in body  # and what this person typed is kept
    assert "changes to fields you had not touched are now in the form" in body

    again = second.post(url, {**activity_post(data, world, content="Nội dung của người thứ hai",
                                              notes="Ghi chú của người thứ nhất"), **form_values(refused)})
    assert again.status_code in (200, 302)
    activity = Activity.objects.get(pk=data.first.pk)
    assert (activity.content, activity.notes) == ("Nội dung của người thứ hai", "Ghi chú của người thứ nhất")


def test_a_leader_unlocks_a_closed_year_from_the_page_with_a_reason_and_staff_can_edit_again(client_as, data, world):
    from plans.models import Plan

    Plan.objects.filter(pk=data.plan.pk).update(status=Plan.Status.CLOSED)
    url = reverse("plans:plan_workflow", args=[data.plan.pk])
    staff, leader = client_as("staff"), english(client_as("leader"))
    assert staff.post(url, {"action": "unlock", "comment": "Sửa số liệu"}).status_code in (200, 403)
    assert Plan.objects.get(pk=data.plan.pk).status == Plan.Status.CLOSED  # only a leader unlocks

    refused = leader.post(url, {"action": "unlock", "comment": ""})
    assert refused.status_code == 200 and "Say why the closed year is unlocked." in refused.content.decode()
    assert Plan.objects.get(pk=data.plan.pk).status == Plan.Status.CLOSED

    leader.post(url, {"action": "unlock", "comment": "Bổ sung kết quả hoạt động quý IV theo báo cáo muộn."})
    plan = Plan.objects.get(pk=data.plan.pk)
    assert plan.status == Plan.Status.IN_PROGRESS
    history = leader.get(reverse("plans:plan_workflow", args=[plan.pk])).content.decode()
    assert "Bổ sung kết quả hoạt động quý IV theo báo cáo muộn." in history  # the reason is on record
