"""Workflow of agreements and greetings: the services' role checks and the buttons on the detail pages."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import PERSONAS
from doingoai.core.models import StateTransition
from partners import services
from partners.models import Agreement, Greeting
from tests import factories


def draft_agreement() -> Agreement:
    return factories.AgreementFactory(status=Agreement.Status.DRAFT, signed_on=None, effective_from=None,
                                      expires_on=None)


class TestAgreementService:
    def test_staff_moves_an_agreement_and_the_step_is_logged(self, world):
        agreement = draft_agreement()
        services.change_agreement_status(agreement, Agreement.Status.CONSULTING, by=world.users["staff"],
                                         ministry_opinion_requested_on=datetime.date(2026, 3, 1))
        agreement.refresh_from_db()
        assert agreement.status == Agreement.Status.CONSULTING
        assert agreement.ministry_opinion_requested_on == datetime.date(2026, 3, 1)
        log = StateTransition.objects.get(object_id=agreement.pk, to_status=Agreement.Status.CONSULTING)
        assert log.by == world.users["staff"]

    @pytest.mark.parametrize("persona", ["leader", "focal_a", "rep_x"])
    def test_others_may_not_move_agreements(self, world, persona):
        with pytest.raises(PermissionDenied):
            services.change_agreement_status(draft_agreement(), Agreement.Status.CONSULTING,
                                             by=world.users[persona],
                                             ministry_opinion_requested_on=datetime.date(2026, 3, 1))

    def test_a_step_needs_its_facts(self, world):
        agreement = factories.AgreementFactory(status=Agreement.Status.APPROVED_TO_SIGN, signed_on=None,
                                               effective_from=None, expires_on=None)
        with pytest.raises(ValidationError) as error:
            services.change_agreement_status(agreement, Agreement.Status.IN_FORCE, by=world.users["staff"])
        assert "signed_on" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            services.change_agreement_status(agreement, Agreement.Status.TERMINATED, by=world.users["staff"])
        assert "comment" in error.value.message_dict
        agreement.refresh_from_db()
        assert agreement.status == Agreement.Status.APPROVED_TO_SIGN


class TestGreetingService:
    def test_leader_approves_and_staff_sends(self, world):
        greeting = factories.GreetingFactory()
        with pytest.raises(PermissionDenied):
            services.approve_greeting(greeting, by=world.users["staff"])
        services.approve_greeting(greeting, by=world.users["leader"])
        with pytest.raises(PermissionDenied):
            services.send_greeting(greeting, by=world.users["leader"], sent_on=datetime.date(2026, 7, 13))
        services.send_greeting(greeting, by=world.users["staff"], sent_on=datetime.date(2026, 7, 13),
                               document_number="763/SNgV-HTQT")
        greeting.refresh_from_db()
        assert (greeting.status, greeting.sent_on, greeting.document_number) == (
            Greeting.Status.SENT, datetime.date(2026, 7, 13), "763/SNgV-HTQT"
        )

    def test_returning_an_approved_greeting_needs_a_reason(self, world):
        greeting = factories.GreetingFactory(status=Greeting.Status.APPROVED)
        with pytest.raises(ValidationError):
            services.return_greeting(greeting, by=world.users["leader"], comment=" ")
        services.return_greeting(greeting, by=world.users["leader"], comment="Sửa lời chào")
        assert Greeting.objects.get(pk=greeting.pk).status == Greeting.Status.DRAFT


def move_url(record, name: str, status: str) -> str:
    return reverse(f"partners:{name}_transition", args=[record.pk, status])


@pytest.mark.parametrize("persona", PERSONAS)
def test_agreement_button_per_persona(client_as, world, persona):
    agreement = draft_agreement()
    response = client_as(persona).post(
        move_url(agreement, "agreement", Agreement.Status.CONSULTING),
        {"ministry_opinion_requested_on": "2026-03-01", "comment": "Gửi Bộ Ngoại giao"},
    )
    agreement.refresh_from_db()
    expected = {"anonymous": 302, "admin": 302, "staff": 302, "leader": 403}.get(persona, 404)
    assert response.status_code == expected
    assert (agreement.status == Agreement.Status.CONSULTING) == (persona in ("admin", "staff"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_greeting_approval_button_per_persona(client_as, world, persona):
    greeting = factories.GreetingFactory()
    response = client_as(persona).post(move_url(greeting, "greeting", Greeting.Status.APPROVED), {"comment": ""})
    greeting.refresh_from_db()
    expected = {"anonymous": 302, "admin": 302, "leader": 302, "staff": 403}.get(persona, 404)
    assert response.status_code == expected
    assert (greeting.status == Greeting.Status.APPROVED) == (persona in ("admin", "leader"))


def test_detail_pages_show_the_buttons_each_role_may_use(client_as, world):
    agreement = draft_agreement()
    greeting = factories.GreetingFactory()
    staff, leader = client_as("staff"), client_as("leader")
    assert b'data-testid="move-consulting"' in staff.get(agreement.get_absolute_url()).content
    assert b'data-testid="move-consulting"' not in leader.get(agreement.get_absolute_url()).content
    assert b'data-testid="move-approved"' in leader.get(greeting.get_absolute_url()).content
    assert b'data-testid="move-approved"' not in staff.get(greeting.get_absolute_url()).content
    greeting.status = Greeting.Status.APPROVED
    greeting.save()
    assert b'data-testid="move-sent"' in staff.get(greeting.get_absolute_url()).content


def test_missing_facts_and_impossible_moves_are_explained_not_500(client_as, world):
    client = client_as("staff")
    greeting = factories.GreetingFactory(status=Greeting.Status.APPROVED)
    response = client.post(move_url(greeting, "greeting", Greeting.Status.SENT), {"sent_on": "", "comment": ""})
    assert response.status_code == 200
    assert "sent_on" in response.context["form"].errors
    greeting.refresh_from_db()
    assert greeting.status == Greeting.Status.APPROVED

    agreement = draft_agreement()
    response = client.post(move_url(agreement, "agreement", Agreement.Status.IN_FORCE),
                           {"signed_on": "2026-03-01", "comment": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert b'data-testid="not-allowed"' in response.content
    assert client.get(move_url(agreement, "agreement", "no-such-status")).status_code == 404


def test_timeline_shows_who_moved_the_record(client_as, world):
    agreement = draft_agreement()
    client = client_as("staff")
    client.post(move_url(agreement, "agreement", Agreement.Status.CONSULTING),
                {"ministry_opinion_requested_on": "2026-03-01", "comment": "Xin ý kiến Bộ"})
    response = client.get(agreement.get_absolute_url())
    assert [change.comment for change in response.context["transitions"]] == ["Xin ý kiến Bộ"]
    history = client.get(reverse("partners:agreement_history", args=[agreement.pk]))
    assert [change.to_status for change in history.context["transitions"]] == [Agreement.Status.CONSULTING]
