"""Partner 360°: the last contact (one definition), the dormant badge, and everything done with the partner."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aid_projects.models import AidProject
from delegations.models import Delegation
from partners.models import Agreement, ForeignPartner, Greeting, dormancy_cutoff
from plans.models import Activity
from tests import factories

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def last_contact(partner: ForeignPartner):
    return ForeignPartner.objects.with_last_contact().get(pk=partner.pk).last_contact_on


@pytest.mark.django_db
class TestLastContact:
    def test_none_without_any_contact(self):
        assert last_contact(factories.ForeignPartnerFactory()) is None

    def test_latest_of_delegation_agreement_greeting_and_activity(self):
        partner = factories.ForeignPartnerFactory()
        delegation = factories.DelegationFactory(
            status=Delegation.Status.RETURNED, start_date=days_ago(100), end_date=days_ago(95)
        )
        delegation.partners.add(partner)
        assert last_contact(partner) == days_ago(95)

        factories.AgreementFactory(foreign_parties=[partner], signed_on=days_ago(50), effective_from=days_ago(50),
                                   expires_on=None)
        assert last_contact(partner) == days_ago(50)

        occasion = factories.OccasionFactory(partner=partner)
        factories.GreetingFactory(occasion=occasion, status=Greeting.Status.SENT, sent_on=days_ago(30))
        assert last_contact(partner) == days_ago(30)

        activity = factories.ActivityFactory(status=Activity.Status.DONE, progress=100, end_date=days_ago(10))
        activity.partners.add(partner)
        assert last_contact(partner) == days_ago(10)

    def test_greeting_to_one_of_its_contacts_counts(self):
        partner = factories.ForeignPartnerFactory()
        contact = factories.ContactFactory(partner=partner)
        factories.GreetingFactory(recipient_contact=contact, status=Greeting.Status.SENT, sent_on=days_ago(3))
        assert last_contact(partner) == days_ago(3)

    def test_what_did_not_happen_does_not_count(self):
        partner = factories.ForeignPartnerFactory()
        proposed = factories.DelegationFactory(status=Delegation.Status.PROPOSED, start_date=days_ago(20),
                                               end_date=days_ago(18))
        cancelled = factories.DelegationFactory(status=Delegation.Status.CANCELLED, start_date=days_ago(20),
                                                end_date=days_ago(18))
        future = factories.DelegationFactory(status=Delegation.Status.APPROVED, start_date=TODAY + datetime.timedelta(9),
                                             end_date=TODAY + datetime.timedelta(12))
        for delegation in (proposed, cancelled, future):
            delegation.partners.add(partner)
        factories.GreetingFactory(occasion=factories.OccasionFactory(partner=partner), status=Greeting.Status.DRAFT)
        factories.AgreementFactory(foreign_parties=[partner], status=Agreement.Status.DRAFT, signed_on=None,
                                   effective_from=None, expires_on=None)
        not_started = factories.ActivityFactory(status=Activity.Status.NOT_STARTED, start_date=days_ago(5))
        not_started.partners.add(partner)
        assert last_contact(partner) is None

    def test_a_delegation_under_way_counts_up_to_today(self):
        partner = factories.ForeignPartnerFactory()
        delegation = factories.DelegationFactory(
            status=Delegation.Status.UNDER_WAY, start_date=days_ago(2), end_date=TODAY + datetime.timedelta(3)
        )
        delegation.partners.add(partner)
        assert last_contact(partner) == TODAY


@pytest.mark.django_db
def test_dormancy_follows_the_setting(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "DORMANT_AFTER_MONTHS": 6}
    partner = factories.ForeignPartnerFactory(relationship_since=days_ago(3000))
    assert dormancy_cutoff(TODAY) < days_ago(170)
    assert ForeignPartner.objects.dormant().filter(pk=partner.pk).exists()
    factories.GreetingFactory(occasion=factories.OccasionFactory(partner=partner), status=Greeting.Status.SENT,
                              sent_on=days_ago(170))
    assert not ForeignPartner.objects.dormant().filter(pk=partner.pk).exists()


def test_dormant_badge_on_the_page_and_in_the_list(client_as, world):
    quiet = factories.ForeignPartnerFactory(name_vi="Đối tác im lặng", relationship_since=days_ago(800))
    active = factories.ForeignPartnerFactory(name_vi="Đối tác năng động", relationship_since=days_ago(800))
    factories.AgreementFactory(foreign_parties=[active], signed_on=days_ago(40), effective_from=days_ago(40),
                               expires_on=None)
    client = client_as("staff")
    assert b'data-testid="dormant"' in client.get(quiet.get_absolute_url()).content
    page = client.get(active.get_absolute_url())
    assert b'data-testid="dormant"' not in page.content
    assert page.context["object"].last_contact_on == days_ago(40)

    # A partner recorded only last week is not dormant yet.
    assert not client.get(factories.ForeignPartnerFactory().get_absolute_url()).context["is_dormant"]
    listing = client.get(reverse("partners:foreignpartner_list"), {"sort": "last_contact"})
    rows = list(listing.context["object_list"])
    assert rows.index(quiet) < rows.index(active)


def test_partner_page_tells_the_whole_story(client_as, world):
    partner = factories.ForeignPartnerFactory(name_vi="Tỉnh Champasak")
    factories.ContactFactory(partner=partner, name_latin="Deputy", protocol_rank=2)
    factories.ContactFactory(partner=partner, name_latin="Governor", protocol_rank=1)
    factories.ContactFactory(partner=partner, name_latin="Former", protocol_rank=0, is_active=False)
    expiring = factories.AgreementFactory(foreign_parties=[partner], expires_on=TODAY + datetime.timedelta(days=90))
    lasting = factories.AgreementFactory(foreign_parties=[partner], expires_on=TODAY + datetime.timedelta(days=900))
    draft = factories.AgreementFactory(foreign_parties=[partner], status=Agreement.Status.DRAFT, signed_on=None)
    inbound = factories.DelegationFactory(direction=Delegation.Direction.INBOUND, status=Delegation.Status.REPORTED,
                                          start_date=days_ago(60), end_date=days_ago(58),
                                          report_received_on=days_ago(50))
    old_inbound = factories.DelegationFactory(direction=Delegation.Direction.INBOUND,
                                              status=Delegation.Status.RETURNED, start_date=days_ago(400),
                                              end_date=days_ago(398))
    outbound = factories.DelegationFactory(direction=Delegation.Direction.OUTBOUND,
                                           status=Delegation.Status.RETURNED, start_date=days_ago(200),
                                           end_date=days_ago(195))
    planned = factories.DelegationFactory(direction=Delegation.Direction.OUTBOUND,
                                          status=Delegation.Status.PROPOSED, start_date=TODAY + datetime.timedelta(30),
                                          end_date=TODAY + datetime.timedelta(33))
    for delegation in (inbound, old_inbound, outbound, planned):
        delegation.partners.add(partner)
    approved = factories.AidProjectFactory(donor=partner, status=AidProject.Status.IMPLEMENTING,
                                           approved_on=days_ago(300), committed_amount=Decimal("100000"))
    factories.TransactionFactory(project=approved, amount=Decimal("40000"))
    factories.AidProjectFactory(donor=partner, status=AidProject.Status.SUBMITTED, committed_amount=Decimal("999999"))
    occasion = factories.OccasionFactory(partner=partner)
    sent = factories.GreetingFactory(occasion=occasion, status=Greeting.Status.SENT, sent_on=days_ago(20))
    activity = factories.ActivityFactory()
    activity.partners.add(partner)

    response = client_as("staff").get(partner.get_absolute_url())
    assert response.status_code == 200
    context = response.context
    assert [contact.name_latin for contact in context["object"].contacts.all()] == ["Governor", "Deputy", "Former"]
    assert set(context["agreements_active"]) == {expiring, lasting}
    assert context["agreements_other"] == [draft]
    assert [agreement.expiring_soon for agreement in context["agreements_active"] if agreement == expiring] == [True]
    assert context["agreements_expiring"] == 1
    assert context["last_inbound"] == inbound
    assert context["last_outbound"] == outbound
    assert len(context["delegations"]) == 4
    # Only approved projects count: 100,000 USD at 25,000 VND; 40,000 USD disbursed.
    assert context["aid_totals"]["committed_vnd"] == Decimal("2500000000")
    assert context["aid_totals"]["committed_usd"] == Decimal("100000.00")
    assert context["aid_totals"]["disbursed_usd"] == Decimal("40000.00")
    assert context["greetings"] == [sent] and context["greetings_sent"] == 1
    assert context["activities"] == [activity]
    assert context["object"].last_contact_on == days_ago(20)
    content = response.content.decode()
    for testid in ("agreements", "delegations", "aid-projects", "activities", "contacts", "occasions", "expiring"):
        assert f'data-testid="{testid}"' in content


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_partner_page_query_count_is_constant(client_as, world):
    partner = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.NGO)
    numbers = iter(range(1, 1000))

    def add_related():
        factories.ContactFactory(partner=partner)
        factories.NGORegistrationFactory(partner=partner)
        factories.AgreementFactory(foreign_parties=[partner])
        occasion = factories.OccasionFactory(partner=partner)
        factories.GreetingFactory(occasion=occasion, status=Greeting.Status.SENT, sent_on=days_ago(5))
        delegation = factories.DelegationFactory(countries=[factories.CountryFactory()],
                                                 status=Delegation.Status.RETURNED)
        delegation.partners.add(partner)
        project = factories.AidProjectFactory(donor=partner, status=AidProject.Status.APPROVED,
                                              approved_on=days_ago(10))
        factories.TransactionFactory(project=project)
        activity = factories.ActivityFactory(number=next(numbers))
        activity.partners.add(partner)
        factories.ForeignPartnerFactory(parent=partner)

    client = client_as("staff")
    address = partner.get_absolute_url()
    add_related()
    client.get(address)
    one = count_queries(client, address)
    for _ in range(19):
        add_related()
    assert count_queries(client, address) == one


def test_partner_list_query_count_is_constant_with_the_last_contact_column(client_as, world):
    client = client_as("staff")
    address = reverse("partners:foreignpartner_list") + "?sort=-last_contact"

    def add_partner():
        partner = factories.ForeignPartnerFactory(parent=factories.ForeignPartnerFactory())
        factories.AgreementFactory(foreign_parties=[partner], signed_on=days_ago(3))

    add_partner()
    client.get(address)
    one = count_queries(client, address)
    for _ in range(19):
        add_partner()
    assert count_queries(client, address) == one
