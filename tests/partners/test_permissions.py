"""Every partners page × every persona: who gets in, who is sent to log in, and which rows each one sees."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse

from conftest import PERSONAS
from partners.models import (
    Agency,
    Agreement,
    AssociationReport,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from tests import factories

SEES_EVERYTHING = ("admin", "staff", "leader")
PARTNER_USERS = ("focal_a", "focal_b", "rep_x", "rep_y")
MODELS = (
    "country",
    "agency",
    "foreignpartner",
    "contact",
    "agreement",
    "friendshipassociation",
    "associationreport",
    "occasion",
    "greeting",
)


@dataclass
class Records:
    """One record of each kind, plus a report for each association."""

    country: Country
    partner: ForeignPartner
    contact: Contact
    agreement: Agreement
    report_x: AssociationReport
    report_y: AssociationReport
    occasion: Occasion
    greeting: Greeting


@pytest.fixture
def records(world) -> Records:
    partner = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.FOREIGN_LOCALITY, is_twinned=True)
    contact = factories.ContactFactory(partner=partner)
    agreement = factories.AgreementFactory(vn_signatory=world.agency_a, foreign_parties=[partner])
    occasion = factories.OccasionFactory(kind=Occasion.Kind.TWINNING, partner=partner, country=partner.country)
    return Records(
        country=partner.country,
        partner=partner,
        contact=contact,
        agreement=agreement,
        report_x=factories.AssociationReportFactory(association=world.association_x),
        report_y=factories.AssociationReportFactory(association=world.association_y),
        occasion=occasion,
        greeting=factories.GreetingFactory(occasion=occasion, recipient_contact=contact),
    )


def detail_target(model: str, world, records: Records):
    """The record whose detail page the matrix opens."""
    return {
        "country": records.country,
        "agency": world.agency_a,
        "foreignpartner": records.partner,
        "contact": records.contact,
        "agreement": records.agreement,
        "friendshipassociation": world.association_x,
        "associationreport": records.report_x,
        "occasion": records.occasion,
        "greeting": records.greeting,
    }[model]


# The partner personas that may open each detail target; everyone else among them gets 404.
DETAIL_ALLOWED_PARTNERS = {
    "country": set(PARTNER_USERS),
    "agency": {"focal_a"},
    "friendshipassociation": {"rep_x"},
    "associationreport": {"rep_x"},
}


def expected_detail_status(model: str, persona: str) -> int:
    if persona == "anonymous":
        return 302
    if persona in SEES_EVERYTHING:
        return 200
    return 200 if persona in DETAIL_ALLOWED_PARTNERS.get(model, set()) else 404


def expected_list_rows(model: str, persona: str, world, records: Records) -> set:
    """The rows `persona` should find on the unfiltered list page of `model`."""
    model_class = {
        "country": Country,
        "agency": Agency,
        "foreignpartner": ForeignPartner,
        "contact": Contact,
        "agreement": Agreement,
        "friendshipassociation": FriendshipAssociation,
        "associationreport": AssociationReport,
        "occasion": Occasion,
        "greeting": Greeting,
    }[model]
    if persona in SEES_EVERYTHING or model == "country":
        return set(model_class.objects.all())
    association = {"rep_x": world.association_x, "rep_y": world.association_y}.get(persona)
    agency = {"focal_a": world.agency_a, "focal_b": world.agency_b}.get(persona)
    if model == "agency":
        # A focal point sees their agency; a representative sees the agency their association acts as.
        return {agency or association.agency}
    if model == "friendshipassociation":
        return {association} if association else set()
    if model == "associationreport":
        report = {"rep_x": records.report_x, "rep_y": records.report_y}.get(persona)
        return {report} if report else set()
    return set()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("model", MODELS)
def test_list_page_status_and_rows(client_as, world, records, model, persona):
    url = reverse(f"partners:{model}_list")
    response = client_as(persona).get(url)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    assert response.status_code == 200
    assert set(response.context["object_list"]) == expected_list_rows(model, persona, world, records)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("model", MODELS)
def test_detail_page_status(client_as, world, records, model, persona):
    target = detail_target(model, world, records)
    url = reverse(f"partners:{model}_detail", args=[target.pk])
    response = client_as(persona).get(url)
    assert response.status_code == expected_detail_status(model, persona)
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_association_rep_cannot_see_other_association(client_as, world, records):
    client = client_as("rep_x")
    other_association = reverse("partners:friendshipassociation_detail", args=[world.association_y.pk])
    assert client.get(other_association).status_code == 404
    assert client.get(reverse("partners:associationreport_detail", args=[records.report_y.pk])).status_code == 404
    assert client.get(reverse("partners:agency_detail", args=[world.association_y.agency_id])).status_code == 404


def test_association_rep_sees_the_agency_of_their_association(client_as, world):
    response = client_as("rep_x").get(reverse("partners:agency_detail", args=[world.association_x.agency_id]))
    assert response.status_code == 200
    assert response.context["association"] == world.association_x


def test_focal_point_cannot_see_other_agency(client_as, world):
    response = client_as("focal_a").get(reverse("partners:agency_detail", args=[world.agency_b.pk]))
    assert response.status_code == 404


def test_focal_point_agency_page_hides_agreements(client_as, world, records):
    # The agency signed an agreement, but agreements are for department staff only.
    response = client_as("focal_a").get(reverse("partners:agency_detail", args=[world.agency_a.pk]))
    assert response.status_code == 200
    assert list(response.context["agreements"]) == []
    assert records.agreement.title not in response.content.decode()


@pytest.mark.parametrize("persona", PARTNER_USERS)
def test_partner_users_filter_choices_list_only_what_they_may_see(client_as, world, records, persona):
    # The foreign partner exists, but a select box must not reveal its name to a partner user.
    response = client_as(persona).get(reverse("partners:agreement_list"))
    assert response.status_code == 200
    assert records.partner.name_vi not in response.content.decode()
    assert list(response.context["filterset"].form.fields["foreign_party"].queryset) == []
