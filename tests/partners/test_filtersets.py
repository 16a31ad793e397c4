"""The partners FilterSets, used alike by the HTML lists and the API."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory

from partners import filtersets
from partners.models import (
    Agency,
    Agreement,
    AssociationReport,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from tests import factories

pytestmark = pytest.mark.django_db


def filtered(filterset_class, data, request=None) -> list:
    model = filterset_class._meta.model
    filterset = filterset_class(data, queryset=model.objects.all(), request=request)
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_agency_filters_by_kind_and_parent():
    committee = factories.AgencyFactory(kind=Agency.Kind.PEOPLES_COMMITTEE)
    department = factories.AgencyFactory(kind=Agency.Kind.DEPARTMENT, parent=committee)
    assert filtered(filtersets.AgencyFilterSet, {"kind": "peoples_committee"}) == [committee]
    assert filtered(filtersets.AgencyFilterSet, {"parent": committee.pk}) == [department]


def test_partner_filters_by_kind_country_status_and_twinning():
    laos = factories.CountryFactory(code="LA", name_vi="Lào")
    champasak = factories.ForeignPartnerFactory(
        kind=ForeignPartner.Kind.FOREIGN_LOCALITY, country=laos, is_twinned=True
    )
    dormant_ngo = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.NGO, status=ForeignPartner.Status.DORMANT)
    assert filtered(filtersets.ForeignPartnerFilterSet, {"kind": "foreign_locality"}) == [champasak]
    assert filtered(filtersets.ForeignPartnerFilterSet, {"country": laos.pk}) == [champasak]
    assert filtered(filtersets.ForeignPartnerFilterSet, {"status": "dormant"}) == [dormant_ngo]
    assert filtered(filtersets.ForeignPartnerFilterSet, {"is_twinned": "true"}) == [champasak]


def test_contact_filters_by_partner_and_country():
    contact = factories.ContactFactory()
    factories.ContactFactory()
    assert filtered(filtersets.ContactFilterSet, {"partner": contact.partner_id}) == [contact]
    assert filtered(filtersets.ContactFilterSet, {"country": contact.partner.country_id}) == [contact]


def test_agreement_filters_by_status_kind_party_and_expiry():
    partner = factories.ForeignPartnerFactory()
    mou = factories.AgreementFactory(
        kind=Agreement.Kind.MOU, foreign_parties=[partner], expires_on=datetime.date(2025, 12, 31)
    )
    draft = factories.AgreementFactory(
        kind=Agreement.Kind.PROGRAMME, status=Agreement.Status.DRAFT, signed_on=None,
        effective_from=None, expires_on=None,
    )
    assert filtered(filtersets.AgreementFilterSet, {"status": "draft"}) == [draft]
    assert filtered(filtersets.AgreementFilterSet, {"kind": "mou"}) == [mou]
    assert filtered(filtersets.AgreementFilterSet, {"foreign_party": partner.pk}) == [mou]
    assert filtered(filtersets.AgreementFilterSet, {"vn_signatory": draft.vn_signatory_id}) == [draft]
    assert filtered(filtersets.AgreementFilterSet, {"expires_before": "2026-01-01"}) == [mou]
    assert filtered(filtersets.AgreementFilterSet, {"expires_before": "31/12/2025"}) == []


def test_association_filters_by_kind_union_and_country():
    union = factories.FriendshipAssociationFactory(kind=FriendshipAssociation.Kind.UNION)
    member = factories.FriendshipAssociationFactory(union=union)
    assert filtered(filtersets.FriendshipAssociationFilterSet, {"kind": "union"}) == [union]
    assert filtered(filtersets.FriendshipAssociationFilterSet, {"union": union.pk}) == [member]
    assert filtered(filtersets.FriendshipAssociationFilterSet, {"partner_country": member.partner_country_id}) == [
        member
    ]


def test_association_report_filters_by_association_year_period_and_status():
    association = factories.FriendshipAssociationFactory()
    half = factories.AssociationReportFactory(association=association, year=2025)
    year = factories.AssociationReportFactory(
        association=association, year=2025, period=AssociationReport.Period.YEAR,
        status=AssociationReport.Status.SUBMITTED,
    )
    other = factories.AssociationReportFactory(year=2026)
    assert set(filtered(filtersets.AssociationReportFilterSet, {"association": association.pk})) == {half, year}
    assert filtered(filtersets.AssociationReportFilterSet, {"year": 2026}) == [other]
    assert filtered(filtersets.AssociationReportFilterSet, {"period": "year"}) == [year]
    assert filtered(filtersets.AssociationReportFilterSet, {"status": "submitted"}) == [year]


def test_occasion_filters_by_kind_and_country():
    national_day = factories.OccasionFactory(kind=Occasion.Kind.NATIONAL_DAY)
    new_year = factories.OccasionFactory(kind=Occasion.Kind.NEW_YEAR)
    assert filtered(filtersets.OccasionFilterSet, {"kind": "new_year"}) == [new_year]
    assert filtered(filtersets.OccasionFilterSet, {"country": national_day.country_id}) == [national_day]


def test_greeting_filters_by_year_status_and_form():
    letter = factories.GreetingFactory(year=2025, form=Greeting.Form.LETTER)
    flowers = factories.GreetingFactory(
        year=2026, form=Greeting.Form.FLOWERS, status=Greeting.Status.SENT, sent_on=datetime.date(2026, 7, 3)
    )
    assert filtered(filtersets.GreetingFilterSet, {"year": 2025}) == [letter]
    assert filtered(filtersets.GreetingFilterSet, {"form": "flowers"}) == [flowers]
    assert filtered(filtersets.GreetingFilterSet, {"status": "sent"}) == [flowers]
    assert filtered(filtersets.GreetingFilterSet, {"occasion": letter.occasion_id}) == [letter]


def test_search_is_accent_insensitive():
    dong_thap = factories.AgencyFactory(name="Sở Ngoại vụ tỉnh Đồng Tháp")
    factories.AgencyFactory(name="Sở Ngoại vụ tỉnh An Giang")
    assert filtered(filtersets.AgencyFilterSet, {"q": "dong thap"}) == [dong_thap]
    assert filtered(filtersets.AgencyFilterSet, {"q": "ĐỒNG THÁP"}) == [dong_thap]


def test_search_across_a_relation_returns_each_row_once():
    partner = factories.ForeignPartnerFactory(name_vi="Tổng lãnh sự quán Pháp")
    contact = factories.ContactFactory(partner=partner, name_latin="Jean Dupont")
    assert filtered(filtersets.ContactFilterSet, {"q": "phap"}) == [contact]
    assert filtered(filtersets.ContactFilterSet, {"q": "dupont"}) == [contact]


def test_filter_choices_are_scoped_to_the_user(world):
    partner = factories.ForeignPartnerFactory()
    staff_form = filtersets.AgreementFilterSet(request=request_as(world.users["staff"])).form
    rep_form = filtersets.AgreementFilterSet(request=request_as(world.users["rep_x"])).form
    assert partner in staff_form.fields["foreign_party"].queryset
    assert list(rep_form.fields["foreign_party"].queryset) == []
    assert list(rep_form.fields["vn_signatory"].queryset) == [world.association_x.agency]
    report_form = filtersets.AssociationReportFilterSet(request=request_as(world.users["rep_x"])).form
    assert list(report_form.fields["association"].queryset) == [world.association_x]
    assert list(report_form.fields["submitted_by"].queryset) == [world.users["rep_x"]]


def test_filter_choices_without_a_request_are_every_row():
    partner = factories.ForeignPartnerFactory()
    form = filtersets.AgreementFilterSet().form
    assert partner in form.fields["foreign_party"].queryset
