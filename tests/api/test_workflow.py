"""Status changes are explicit actions through the services the pages use: plans by their workflow steps, other
records by `…/transition/`; each logged, each refused (400) when the workflow does not allow it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from doingoai.core.models import StateTransition
from plans.models import Plan
from tests import factories


def plan_with_activity(**kwargs) -> Plan:
    return factories.ActivityFactory(task=factories.TaskFactory(plan=factories.PlanFactory(**kwargs))).task.plan


def act(client, plan, step: str, comment: str = ""):
    return client.post(reverse(f"api:plan-{step}", args=[plan.pk]), {"comment": comment}, format="json")


def test_plan_goes_through_its_workflow(api_as, world):
    plan = plan_with_activity()
    staff, leader = api_as("staff"), api_as("leader")
    response = act(staff, plan, "submit")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert act(leader, plan, "approve", "Đồng ý").json()["status"] == "approved"
    assert act(staff, plan, "start").json()["status"] == "in_progress"
    assert act(staff, plan, "close").json()["status"] == "closed"
    unlocked = act(leader, plan, "unlock", "Bổ sung số liệu")
    assert unlocked.json()["status"] == "in_progress"
    assert unlocked.json()["open_revision"]["reason"] == "Bổ sung số liệu"
    logged = StateTransition.objects.filter(object_id=plan.pk).values_list("to_status", flat=True)
    assert list(logged)[::-1] == ["submitted", "approved", "in_progress", "closed", "in_progress"]


def test_plan_actions_check_the_role(api_as, world):
    plan = plan_with_activity(status=Plan.Status.SUBMITTED)
    assert act(api_as("staff"), plan, "approve").status_code == 403
    assert act(api_as("focal_a"), plan, "approve").status_code == 404  # not in their scope
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_returning_a_plan_needs_a_comment(api_as, world):
    plan = plan_with_activity(status=Plan.Status.SUBMITTED)
    response = act(api_as("leader"), plan, "return", "")
    assert response.status_code == 400
    assert "comment" in response.json()["errors"]
    assert act(api_as("leader"), plan, "return", "Bổ sung kinh phí").json()["status"] == "draft"


def test_a_step_the_workflow_does_not_allow_is_400(api_as, world):
    plan = plan_with_activity()
    response = act(api_as("leader"), plan, "approve")
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_approved_plan_is_edited_only_inside_a_revision(api_as, world):
    plan = plan_with_activity(status=Plan.Status.APPROVED)
    staff = api_as("staff")
    url = reverse("api:plan-detail", args=[plan.pk])
    assert staff.patch(url, {"purpose": "Sửa"}, format="json").status_code == 400
    assert act(staff, plan, "open-revision", "Điều chỉnh theo chỉ đạo").status_code == 200
    assert staff.patch(url, {"purpose": "Sửa"}, format="json").status_code == 200
    assert act(staff, plan, "close-revision").json()["open_revision"] is None


def test_plan_actions_listed_for_the_user(api_as, world):
    plan = plan_with_activity(status=Plan.Status.SUBMITTED)
    url = reverse("api:plan-detail", args=[plan.pk])
    assert api_as("leader").get(url).json()["actions"] == ["approve", "return"]
    assert api_as("staff").get(url).json()["actions"] == []


def test_activity_status_is_set_through_its_own_action(api_as, world):
    activity = factories.ActivityFactory(task=factories.TaskFactory(plan=factories.PlanFactory(status="in_progress")))
    url = reverse("api:activity-set-status", args=[activity.pk])
    response = api_as("staff").post(url, {"status": "done", "progress": 100, "comment": "Xong"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert response.json()["progress"] == 100
    refused = api_as("staff").post(url, {"status": "cancelled", "progress": 100}, format="json")
    assert refused.status_code == 400  # done → cancelled is not in the workflow
    assert api_as("leader").post(url, {"status": "on_track", "progress": 50}, format="json").status_code == 403


def transition(client, basename: str, record, status: str, comment: str = "", **facts):
    url = reverse(f"api:{basename}-transition", args=[record.pk])
    body = {"status": status, "comment": comment, **facts}
    return client.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="en")


def test_agreement_transition_records_its_facts_and_is_logged(api_as, world):
    agreement = factories.AgreementFactory(status="draft", signed_on=None)
    client = api_as("staff")
    missing = transition(client, "agreement", agreement, "consulting", "Gửi Bộ Ngoại giao")
    assert missing.status_code == 400
    assert "ministry_opinion_requested_on" in missing.json()["errors"]
    response = transition(client, "agreement", agreement, "consulting", "Gửi Bộ Ngoại giao",
                          ministry_opinion_requested_on="2026-03-02")
    assert response.status_code == 200
    assert response.json()["status"] == "consulting"
    assert response.json()["ministry_opinion_requested_on"] == "2026-03-02"
    assert response.json()["allowed_transitions"] == ["draft", "approved_to_sign", "terminated"]
    change = StateTransition.objects.get(object_id=agreement.pk, to_status="consulting")
    assert change.comment == "Gửi Bộ Ngoại giao"
    assert change.by == world.users["staff"]


def test_a_fact_the_step_does_not_record_is_refused(api_as, world):
    agreement = factories.AgreementFactory(status="draft", signed_on=None)
    response = transition(api_as("staff"), "agreement", agreement, "consulting",
                          ministry_opinion_requested_on="2026-03-02", signed_on="2026-03-05")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"signed_on"}
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_a_transition_outside_the_workflow_is_400_with_the_reason(api_as, world):
    agreement = factories.AgreementFactory(status="draft", signed_on=None)
    response = transition(api_as("staff"), "agreement", agreement, "renewed")
    assert response.status_code == 400
    assert response.json()["errors"]["status"] == ["Cannot change status from “Draft” to “Renewed”."]


def test_a_transition_that_breaks_a_rule_is_400(api_as, world):
    greeting = factories.GreetingFactory(status="approved")
    response = transition(api_as("staff"), "greeting", greeting, "sent")
    assert response.status_code == 400  # a sent greeting needs its date
    greeting.refresh_from_db()
    assert greeting.status == "approved"


@pytest.mark.parametrize(("persona", "status"), [("leader", 200), ("admin", 200), ("staff", 403), ("focal_a", 404)])
def test_greetings_are_approved_by_leaders(api_as, world, persona, status):
    greeting = factories.GreetingFactory()
    assert transition(api_as(persona), "greeting", greeting, "approved").status_code == status


def test_leaders_send_an_approved_greeting_back_with_a_reason(api_as, world):
    greeting = factories.GreetingFactory(status="approved")
    assert transition(api_as("staff"), "greeting", greeting, "draft", "Sửa lời văn").status_code == 403
    assert transition(api_as("leader"), "greeting", greeting, "draft").status_code == 400  # no reason given
    assert transition(api_as("leader"), "greeting", greeting, "draft", "Sửa lời văn").status_code == 200


def test_leaders_do_not_send_greetings(api_as, world):
    greeting = factories.GreetingFactory(status="approved", sent_on=datetime.date(2026, 9, 1))
    assert transition(api_as("leader"), "greeting", greeting, "sent").status_code == 403
    assert transition(api_as("staff"), "greeting", greeting, "sent").status_code == 200


@pytest.mark.parametrize("persona", ["leader", "rep_x"])
def test_other_workflows_are_for_department_officers(api_as, world, persona):
    report = factories.AssociationReportFactory(association=world.association_x)
    assert transition(api_as(persona), "associationreport", report, "submitted").status_code == 403
    assert transition(api_as("staff"), "associationreport", report, "submitted").status_code == 200


@pytest.mark.parametrize(("basename", "make", "status", "facts"), [
    ("delegation", lambda world: factories.DelegationFactory(host_agency=world.agency_a), "dossier_submitted",
     {"dossier_submitted_on": "2026-02-01"}),
    ("aidproject", lambda world: factories.AidProjectFactory(governing_agency=world.agency_a), "appraising", {}),
])
def test_delegation_and_aid_project_transitions(api_as, world, basename, make, status, facts):
    record = make(world)
    assert transition(api_as("focal_a"), basename, record, status, **facts).status_code == 403
    assert transition(api_as("leader"), basename, record, status, **facts).status_code == 403
    response = transition(api_as("staff"), basename, record, status, **facts)
    assert response.status_code == 200
    assert response.json()["status"] == status
