"""Every workflow, every (from, to) pair: allowed moves go through `transition` and are logged; others are refused."""

from __future__ import annotations

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from aid_projects.models import AidProject
from delegations.models import Delegation
from doingoai.core.models import InvalidTransition, StateTransition, WorkflowModel
from doingoai.core.services import transition, transitions_of
from partners.models import Agreement, AssociationReport, Greeting
from plans.models import Activity, Plan, ProgressUpdate
from tests import factories

SIGNED = {"signed_on": date(2022, 8, 27)}
APPROVED = {"approved_on": date(2025, 6, 1)}

# model: (factory, fields every record needs, {status: fields a record needs to be in that status})
WORKFLOWS: dict[type[WorkflowModel], tuple] = {
    Agreement: (
        factories.AgreementFactory,
        {"signed_on": None},
        {status: SIGNED for status in ("in_force", "expiring", "amended", "renewed")},
    ),
    AssociationReport: (factories.AssociationReportFactory, {}, {}),
    Greeting: (factories.GreetingFactory, {}, {"sent": {"sent_on": date(2026, 9, 1)}}),
    Plan: (factories.PlanFactory, {}, {}),
    Activity: (factories.ActivityFactory, {}, {"done": {"progress": 100}}),
    ProgressUpdate: (factories.ProgressUpdateFactory, {}, {}),
    Delegation: (factories.DelegationFactory, {}, {"reported": {"report_received_on": date(2026, 3, 20)}}),
    AidProject: (
        factories.AidProjectFactory,
        {},
        {
            **{status: APPROVED for status in ("approved", "implementing", "completed", "closed")},
            "revoked": {**APPROVED, "revoked_on": date(2026, 1, 10)},
        },
    ),
}


def statuses(model: type[WorkflowModel]) -> list[str]:
    return [value for value, _label in model._meta.get_field("status").flatchoices]


def label(model: type[WorkflowModel], status: str) -> str:
    return str(dict(model._meta.get_field("status").flatchoices)[status])


def make(model: type[WorkflowModel], status: str, officer) -> WorkflowModel:
    factory, base, needs = WORKFLOWS[model]
    fields = {**base, **needs.get(status, {})}
    if model is ProgressUpdate:
        fields["author"] = officer
    return factory(status=status, **fields)


def needed_for(model: type[WorkflowModel], status: str) -> dict:
    """The data a record must be given to enter `status` (its constraints require it)."""
    return dict(WORKFLOWS[model][2].get(status, {}))


def pairs(allowed: bool) -> list:
    return [
        pytest.param(model, from_status, to_status, id=f"{model.__name__}:{from_status}->{to_status}")
        for model in WORKFLOWS
        for from_status in statuses(model)
        for to_status in statuses(model)
        if (to_status in model.TRANSITIONS[from_status]) is allowed
    ]


def row(record: models.Model) -> dict:
    return type(record)._base_manager.filter(pk=record.pk).values().get()


@pytest.fixture
def officer(db):
    return factories.UserFactory(username="workflow_officer")


@pytest.mark.parametrize("model", list(WORKFLOWS), ids=lambda model: model.__name__)
def test_transition_table_names_every_status_and_only_real_ones(model):
    assert set(model.TRANSITIONS) == set(statuses(model))
    assert set().union(*model.TRANSITIONS.values()) <= set(statuses(model))
    assert all(status not in targets for status, targets in model.TRANSITIONS.items()), "no move to itself"


def test_every_workflow_model_is_tested():
    workflow_models = {model for model in apps.get_models() if issubclass(model, WorkflowModel)}
    assert workflow_models == set(WORKFLOWS)


@pytest.mark.parametrize(("model", "from_status", "to_status"), pairs(allowed=True))
def test_allowed_transition_is_saved_and_logged(model, from_status, to_status, officer):
    record = make(model, from_status, officer)
    returned = transition(record, to_status, by=officer, comment="Theo chỉ đạo.", **needed_for(model, to_status))
    assert returned is record
    record.refresh_from_db()
    assert record.status == to_status
    [log] = transitions_of(record)
    assert (log.record, log.from_status, log.to_status, log.by, log.comment) == (
        record, from_status, to_status, officer, "Theo chỉ đạo.",
    )


@pytest.mark.parametrize(("model", "from_status", "to_status"), pairs(allowed=False))
def test_disallowed_transition_is_refused_and_changes_nothing(model, from_status, to_status, officer):
    record = make(model, from_status, officer)
    before = row(record)
    with translation.override("en"), pytest.raises(InvalidTransition) as caught:
        transition(record, to_status, by=officer, comment="Thử.", **needed_for(model, to_status))
    assert caught.value.code == "invalid_transition"
    with translation.override("en"):
        assert caught.value.messages == [
            f"Cannot change status from “{label(model, from_status)}” to “{label(model, to_status)}”."
        ]
    assert record.status == from_status
    assert row(record) == before
    assert not StateTransition.objects.exists()


# Moves the workflow allows but the record's constraints refuse without the extra data.
MISSING_DATA = [
    pytest.param(Agreement, "approved_to_sign", "in_force", "A signed agreement needs its signing date.",
                 id="agreement-signed-without-date"),
    pytest.param(Greeting, "approved", "sent", "A sent greeting needs the date it was sent.",
                 id="greeting-sent-without-date"),
    pytest.param(Activity, "on_track", "done", "An activity marked done must be at 100%.",
                 id="activity-done-below-100"),
    pytest.param(Delegation, "returned", "reported",
                 "A reported delegation needs the date its trip report was received.",
                 id="delegation-reported-without-report-date"),
    pytest.param(AidProject, "appraising", "approved", "An approved project needs its approval date.",
                 id="aid-approved-without-date"),
    pytest.param(AidProject, "approved", "revoked", "A revoked project needs its revocation date.",
                 id="aid-revoked-without-date"),
]


@pytest.mark.parametrize(("model", "from_status", "to_status", "message"), MISSING_DATA)
def test_transition_without_required_data_is_refused_and_changes_nothing(
    model, from_status, to_status, message, officer
):
    record = make(model, from_status, officer)
    before = row(record)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        transition(record, to_status, by=officer)
    assert message in caught.value.messages
    assert row(record) == before
    assert not StateTransition.objects.exists()
