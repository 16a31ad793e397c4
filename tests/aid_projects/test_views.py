"""Pages of the aid_projects app: who reaches what, money on the detail page, filters, search, HTMX, query counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aid_projects.models import AidProject, Transaction
from tests import factories

STAFF_PERSONAS = ("admin", "staff", "leader")
PARTNER_PERSONAS = ("focal_a", "focal_b", "rep_x", "rep_y")
LIST_URL = "aid_projects:aidproject_list"


@dataclass
class AidData:
    governed_by_a: AidProject
    owned_by_b: AidProject
    unrelated: AidProject


@pytest.fixture
def data(world) -> AidData:
    return AidData(
        governed_by_a=factories.AidProjectFactory(name_vi="Dự án nước sạch nông thôn", governing_agency=world.agency_a),
        owned_by_b=factories.AidProjectFactory(name_vi="Học bổng cho học sinh nghèo", aid_owner=world.agency_b),
        unrelated=factories.AidProjectFactory(name_vi="Cứu trợ khẩn cấp sau lũ"),
    )


def detail_url(project: AidProject) -> str:
    return reverse("aid_projects:aidproject_detail", args=[project.pk])


# Permission matrix -------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client_as, data):
    for url in (reverse(LIST_URL), detail_url(data.unrelated)):
        response = client_as("anonymous").get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", STAFF_PERSONAS)
def test_staff_leaders_and_admins_see_every_project(client_as, data, persona):
    client = client_as(persona)
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert response.context["result_count"] == 3
    assert client.get(detail_url(data.unrelated)).status_code == 200


@pytest.mark.parametrize("persona", PARTNER_PERSONAS)
def test_partner_users_get_the_list_and_404_outside_their_scope(client_as, data, persona):
    client = client_as(persona)
    assert client.get(reverse(LIST_URL)).status_code == 200
    assert client.get(detail_url(data.unrelated)).status_code == 404


def test_focal_points_see_projects_their_agency_governs_or_owns(client_as, data):
    client = client_as("focal_a")
    assert list(client.get(reverse(LIST_URL)).context["object_list"]) == [data.governed_by_a]
    assert client.get(detail_url(data.governed_by_a)).status_code == 200
    assert client.get(detail_url(data.owned_by_b)).status_code == 404
    client = client_as("focal_b")
    assert list(client.get(reverse(LIST_URL)).context["object_list"]) == [data.owned_by_b]
    assert client.get(detail_url(data.owned_by_b)).status_code == 200


@pytest.mark.parametrize("persona", ["rep_x", "rep_y"])
def test_association_reps_see_no_aid_projects(client_as, data, persona):
    client = client_as(persona)
    assert client.get(reverse(LIST_URL)).context["result_count"] == 0
    assert client.get(detail_url(data.governed_by_a)).status_code == 404


# The detail page tells the story -----------------------------------------------------------------------------------


def test_detail_shows_value_in_vnd_and_usd_and_disbursed_totals(client_as, data):
    project = data.governed_by_a  # 100,000 USD at 25,000 VND
    factories.TransactionFactory(project=project, kind=Transaction.Kind.DISBURSEMENT, amount=Decimal("20000"))
    factories.TransactionFactory(
        project=project, kind=Transaction.Kind.DISBURSEMENT, amount=Decimal("10000"), currency="EUR",
        exchange_rate_vnd=Decimal("27500"),
    )
    factories.TransactionFactory(project=project, kind=Transaction.Kind.EXPENDITURE, amount=Decimal("4000"))
    factories.AidReportFactory(project=project, goods_received="50 bộ lọc nước")
    response = client_as("staff").get(detail_url(project))
    page = response.content.decode()
    assert "2.500.000.000 đ" in page  # committed in VND
    assert "US$100.000" in page  # committed in USD
    assert response.context["disbursed_vnd"] == Decimal("775000000")  # 500,000,000 + 275,000,000
    assert response.context["disbursed_usd"] == Decimal("31000.00")
    assert response.context["totals"]["expenditure"] == Decimal("100000000")
    assert "775.000.000 đ" in page
    assert "300.000.000 đ" in page and "50 bộ lọc nước" in page  # the report's closing balance and goods


def test_detail_warns_when_an_approved_project_has_not_started_in_time(client_as, data):
    AidProject.objects.filter(pk=data.governed_by_a.pk).update(
        status=AidProject.Status.APPROVED, approved_on=datetime.date.today() - datetime.timedelta(days=200),
        approval_number="123/QĐ-UBND",
    )
    page = client_as("focal_a").get(detail_url(data.governed_by_a)).content.decode()
    assert 'data-testid="start-overdue"' in page
    assert "123/QĐ-UBND" in page
    AidProject.objects.filter(pk=data.governed_by_a.pk).update(approved_on=datetime.date.today())
    page = client_as("focal_a").get(detail_url(data.governed_by_a)).content.decode()
    assert 'data-testid="start-overdue"' not in page


# Filters, search, HTMX ---------------------------------------------------------------------------------------------


def test_list_filters_by_status_form_sector_agency_and_approval_year(client_as, data, world):
    health = factories.SectorFactory(code="health", name="Y tế")
    data.owned_by_b.sectors.add(health)
    AidProject.objects.filter(pk=data.unrelated.pk).update(
        status=AidProject.Status.APPROVED, approved_on=datetime.date(2025, 3, 1), form=AidProject.Form.EMERGENCY
    )
    client = client_as("staff")

    def found(**params):
        return set(client.get(reverse(LIST_URL), params).context["object_list"])

    assert found(status="approved") == {data.unrelated}
    assert found(form="emergency") == {data.unrelated}
    assert found(year=2025) == {data.unrelated}
    assert found(sector=health.pk) == {data.owned_by_b}
    assert found(governing_agency=world.agency_a.pk) == {data.governed_by_a}
    assert found(aid_owner=world.agency_b.pk) == {data.owned_by_b}
    assert found(donor=data.unrelated.donor_id) == {data.unrelated}


def test_search_ignores_accents(client_as, data):
    response = client_as("staff").get(reverse(LIST_URL), {"q": "nuoc sach"})
    assert list(response.context["object_list"]) == [data.governed_by_a]


def test_htmx_requests_get_only_the_table(client_as, data):
    response = client_as("staff").get(reverse(LIST_URL), headers={"HX-Request": "true"})
    names = [template.name for template in response.templates]
    assert names[0] == "aid_projects/_aidproject_table.html"
    assert "base.html" not in names


# Query counts ------------------------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def make_projects(count: int, world) -> None:
    for _ in range(count):
        project = factories.AidProjectFactory(governing_agency=world.agency_a)
        project.sectors.add(factories.SectorFactory(), factories.SectorFactory())


@pytest.mark.parametrize("persona", ["staff", "focal_a"])
def test_list_makes_the_same_number_of_queries_for_1_and_50_rows(client_as, world, persona):
    client = client_as(persona)
    make_projects(1, world)
    client.get(reverse(LIST_URL))
    one = count_queries(client, reverse(LIST_URL))
    make_projects(49, world)
    assert count_queries(client, reverse(LIST_URL)) == one


def test_detail_makes_the_same_number_of_queries_for_1_and_50_transactions(client_as, world):
    client = client_as("staff")
    small, big = factories.AidProjectFactory(), factories.AidProjectFactory()
    for project, count in ((small, 1), (big, 50)):
        for index in range(count):
            factories.TransactionFactory(project=project)
            factories.AidReportFactory(project=project, period_start=datetime.date(1980 + index, 1, 1),
                                       period_end=datetime.date(1980 + index, 6, 30))
            project.sectors.add(factories.SectorFactory())
            project.locations.add(factories.AdministrativeUnitFactory())
    client.get(detail_url(small))
    assert count_queries(client, detail_url(big)) == count_queries(client, detail_url(small))
