"""The workflow base and the `transition` service: the check, the locked row, the log and the history user."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doingoai.core.models import InvalidTransition, StateTransition
from doingoai.core.services import transition, transitions_of
from partners.models import Agreement
from plans.models import Plan
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return factories.UserFactory(username="workflow_officer")


def test_allowed_transitions_follow_the_order_of_the_status_choices():
    agreement = factories.AgreementFactory.build(status=Agreement.Status.IN_FORCE)
    assert agreement.allowed_transitions() == ["expiring", "renewed", "amended", "terminated"]
    assert factories.AgreementFactory.build(status=Agreement.Status.TERMINATED).allowed_transitions() == []


def test_can_transition_to_reads_the_table():
    plan = factories.PlanFactory.build(status=Plan.Status.SUBMITTED)
    assert plan.can_transition_to("approved")
    assert plan.can_transition_to("draft")
    assert not plan.can_transition_to("closed")


def test_invalid_transition_is_a_validation_error_naming_both_labels():
    plan = factories.PlanFactory.build(status=Plan.Status.DRAFT)
    with translation.override("en"), pytest.raises(InvalidTransition) as caught:
        plan.check_transition("closed")
    assert isinstance(caught.value, ValidationError)
    assert caught.value.messages == ["Cannot change status from “Draft” to “Closed”."]


def test_unknown_target_status_is_refused_by_its_value():
    plan = factories.PlanFactory.build(status=Plan.Status.DRAFT)
    with translation.override("en"), pytest.raises(InvalidTransition) as caught:
        plan.check_transition("archived")
    assert caught.value.messages == ["Cannot change status from “Draft” to “archived”."]


def test_transition_without_user_is_logged_without_user():
    plan = factories.PlanFactory()
    transition(plan, "submitted")
    [log] = transitions_of(plan)
    assert (log.by, log.comment, str(log)) == (None, "", "draft → submitted")


def test_transitions_of_lists_newest_first_and_only_this_record(officer):
    plan, other = factories.PlanFactory(), factories.PlanFactory()
    transition(plan, "submitted", by=officer)
    transition(other, "submitted", by=officer)
    transition(plan, "draft", by=officer, comment="Bổ sung căn cứ pháp lý.")
    assert [(log.from_status, log.to_status) for log in transitions_of(plan)] == [
        ("submitted", "draft"), ("draft", "submitted"),
    ]


def test_the_status_on_the_locked_row_decides_not_a_stale_copy(officer):
    plan = factories.PlanFactory(status=Plan.Status.SUBMITTED)
    stale = Plan.objects.get(pk=plan.pk)
    transition(plan, "approved", by=officer)
    # A second approval from a copy read before the first one: the row is already approved.
    with translation.override("en"), pytest.raises(InvalidTransition) as caught:
        transition(stale, "approved", by=officer)
    assert caught.value.messages == ["Cannot change status from “Approved” to “Approved”."]
    assert StateTransition.objects.count() == 1


def test_a_stale_copy_is_logged_with_the_status_it_really_left(officer):
    plan = factories.PlanFactory(status=Plan.Status.DRAFT)
    stale = Plan.objects.get(pk=plan.pk)
    transition(plan, "submitted", by=officer)
    transition(stale, "approved", by=officer)
    assert [(log.from_status, log.to_status) for log in transitions_of(plan)] == [
        ("submitted", "approved"), ("draft", "submitted"),
    ]


def test_transition_saves_only_status_and_the_changes_it_is_given(officer):
    plan = factories.PlanFactory(title="Kế hoạch năm 2026", signer="")
    plan.title = "Sửa chưa lưu"
    transition(plan, "submitted", by=officer, signer="Nguyễn Văn A")
    plan.refresh_from_db()
    assert (plan.status, plan.signer, plan.title) == ("submitted", "Nguyễn Văn A", "Kế hoạch năm 2026")


def test_transition_updates_modified_at_and_records_history_user(officer):
    plan = factories.PlanFactory()
    before = plan.modified_at
    transition(plan, "submitted", by=officer, comment="Trình phê duyệt.")
    plan.refresh_from_db()
    assert plan.modified_at > before
    latest = plan.history.latest()
    assert (latest.status, latest.history_user) == ("submitted", officer)
