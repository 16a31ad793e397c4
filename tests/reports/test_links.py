"""Detail pages link to their PDF document, pre-filled with the record, for the users who may ask for it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories


@pytest.mark.parametrize(("kind", "make", "url_name", "parameter"), [
    ("greeting", factories.GreetingFactory, "partners:greeting_detail", "greeting"),
    ("partner_dossier", factories.ForeignPartnerFactory, "partners:foreignpartner_detail", "partner"),
    ("plan", factories.PlanFactory, "plans:plan_detail", "plan"),
])
def test_staff_find_the_pdf_button_and_it_opens_the_filled_form(client_as, kind, make, url_name, parameter):
    record = make()
    client = client_as("staff")
    page = client.get(reverse(url_name, args=[record.pk])).content.decode()
    link = reverse("reports:reportjob_create", args=[kind]) + f"?{parameter}={record.pk}"
    assert f'href="{link}"' in page
    form = client.get(link)
    assert form.status_code == 200
    assert f'value="{record.pk}" selected' in form.content.decode()


def test_the_delegation_briefing_button_names_the_visit_and_its_partner(client_as):
    partner = factories.ForeignPartnerFactory()
    delegation = factories.DelegationFactory()
    delegation.partners.add(partner)
    page = client_as("staff").get(reverse("delegations:delegation_detail", args=[delegation.pk])).content.decode()
    expected = reverse("reports:reportjob_create", args=["partner_dossier"])
    assert f'href="{expected}?partner={partner.pk}&amp;delegation={delegation.pk}"' in page


def test_no_pdf_button_for_a_document_the_role_may_not_ask_for(client_as, world):
    """A partner dossier is for the department; an agency focal point sees the plan's button only."""
    activity = factories.ActivityFactory(lead_agency=world.agency_a)
    page = client_as("focal_a").get(reverse("plans:plan_detail", args=[activity.task.plan_id])).content.decode()
    assert 'data-testid="pdf-plan"' in page
    assert 'data-testid="pdf-partner_dossier"' not in page
