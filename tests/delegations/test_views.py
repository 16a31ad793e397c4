"""Pages of the delegations app: who reaches what, the trip-report filter, search, HTMX and query counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delegations.models import Delegation, Gift
from tests import factories

STAFF_PERSONAS = ("admin", "staff", "leader")
PARTNER_PERSONAS = ("focal_a", "focal_b", "rep_x", "rep_y")
LIST_URL = "delegations:delegation_list"


@dataclass
class DelegationData:
    hosted_by_a: Delegation
    hosted_by_b: Delegation
    unrelated: Delegation


@pytest.fixture
def data(world) -> DelegationData:
    return DelegationData(
        hosted_by_a=factories.DelegationFactory(title="Đoàn ra Champasak", host_agency=world.agency_a),
        hosted_by_b=factories.DelegationFactory(title="Đoàn vào Prey Veng", host_agency=world.agency_b),
        unrelated=factories.DelegationFactory(title="Đoàn khảo sát Nhật Bản"),
    )


def detail_url(delegation: Delegation) -> str:
    return reverse("delegations:delegation_detail", args=[delegation.pk])


# Permission matrix -------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client_as, data):
    for url in (reverse(LIST_URL), detail_url(data.unrelated)):
        response = client_as("anonymous").get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", STAFF_PERSONAS)
def test_staff_leaders_and_admins_see_every_delegation(client_as, data, persona):
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


def test_focal_point_sees_only_the_delegations_their_agency_hosts(client_as, data):
    client = client_as("focal_a")
    response = client.get(reverse(LIST_URL))
    assert list(response.context["object_list"]) == [data.hosted_by_a]
    assert "Đoàn vào Prey Veng" not in response.content.decode()
    assert client.get(detail_url(data.hosted_by_a)).status_code == 200
    assert client.get(detail_url(data.hosted_by_b)).status_code == 404


@pytest.mark.parametrize("persona", ["rep_x", "rep_y"])
def test_association_reps_see_no_delegations(client_as, data, persona):
    client = client_as(persona)
    assert client.get(reverse(LIST_URL)).context["result_count"] == 0
    assert client.get(detail_url(data.hosted_by_a)).status_code == 404


# The detail page tells the story -----------------------------------------------------------------------------------


def test_detail_shows_members_in_precedence_order_with_their_needs(client_as, data):
    delegation = data.hosted_by_a
    factories.DelegationMemberFactory(delegation=delegation, precedence=2, name_latin="Somphone Keo")
    factories.DelegationMemberFactory(
        delegation=delegation, precedence=1, name_native="ສົມພອນ", name_latin="Bounmy Phet", languages="Lao, French",
        dietary_needs="Vegetarian", is_head=True,
    )
    page = client_as("staff").get(detail_url(delegation)).content.decode()
    assert page.index("Bounmy Phet") < page.index("Somphone Keo")
    assert "ສົມພອນ" in page and "Lao, French" in page and "Vegetarian" in page


def test_detail_shows_programme_gifts_and_funding(client_as, data):
    delegation = data.hosted_by_a
    Delegation.objects.filter(pk=delegation.pk).update(
        estimated_cost_vnd=Decimal("150000000"), actual_cost_vnd=Decimal("162500000")
    )
    factories.ProgrammeItemFactory(delegation=delegation, activity="Hội đàm với lãnh đạo tỉnh Champasak")
    factories.GiftFactory(delegation=delegation, direction=Gift.Direction.GIVEN, description="Tranh sơn mài")
    factories.GiftFactory(delegation=delegation, direction=Gift.Direction.RECEIVED, description="Khăn lụa Lào")
    response = client_as("staff").get(detail_url(delegation))
    page = response.content.decode()
    assert "Hội đàm với lãnh đạo tỉnh Champasak" in page
    assert [gift.description for gift in response.context["gifts_given"]] == ["Tranh sơn mài"]
    assert [gift.description for gift in response.context["gifts_received"]] == ["Khăn lụa Lào"]
    assert "150.000.000 đ" in page and "162.500.000 đ" in page and "12.500.000 đ" in page


def test_detail_flags_a_late_trip_report(client_as, data):
    late = factories.DelegationFactory(
        host_agency=data.hosted_by_a.host_agency,
        start_date=timezone.localdate() - datetime.timedelta(days=40),
        end_date=timezone.localdate() - datetime.timedelta(days=30),
        status=Delegation.Status.RETURNED,
    )
    response = client_as("staff").get(detail_url(late))
    trip_report = response.content.decode().split('data-testid="trip-report"')[1]
    assert 'text-bg-danger' in trip_report.split("</h2>")[0]


# Filters, search, HTMX ---------------------------------------------------------------------------------------------


@pytest.fixture
def report_cases(world) -> dict[str, Delegation]:
    today = timezone.localdate()
    days = datetime.timedelta

    def trip(title, ended_days_ago, received_days_after_end=None, status=Delegation.Status.RETURNED):
        end = today - days(ended_days_ago)
        received = end + days(received_days_after_end) if received_days_after_end is not None else None
        if received and status == Delegation.Status.RETURNED:
            status = Delegation.Status.REPORTED
        return factories.DelegationFactory(
            title=title, start_date=end - days(3), end_date=end, report_received_on=received, status=status
        )

    return {
        "overdue_no_report": trip("Chưa báo cáo, quá hạn", ended_days_ago=30),
        "reported_late": trip("Báo cáo trễ", ended_days_ago=60, received_days_after_end=25),
        "reported_on_time": trip("Báo cáo đúng hạn", ended_days_ago=60, received_days_after_end=10),
        "due_today": trip("Hạn hôm nay", ended_days_ago=10),
        "just_back": trip("Vừa về", ended_days_ago=2),
        "cancelled": trip("Đã hủy", ended_days_ago=90, status=Delegation.Status.CANCELLED),
        "future": trip("Sắp đi", ended_days_ago=-20, status=Delegation.Status.APPROVED),
    }


def test_report_late_filter_finds_overdue_and_late_reports(client_as, report_cases):
    client = client_as("staff")
    late = set(client.get(reverse(LIST_URL), {"report_late": "true"}).context["object_list"])
    assert late == {report_cases["overdue_no_report"], report_cases["reported_late"]}
    not_late = set(client.get(reverse(LIST_URL), {"report_late": "false"}).context["object_list"])
    assert not_late == set(report_cases.values()) - late


def test_report_late_expression_agrees_with_the_model(report_cases):
    for delegation in Delegation.objects.with_report_late():
        assert delegation.report_is_late == delegation.is_report_late(), delegation.title


def test_report_late_follows_the_configured_number_of_days(client_as, report_cases, settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "DELEGATION_REPORT_DAYS": 30}
    late = set(client_as("staff").get(reverse(LIST_URL), {"report_late": "true"}).context["object_list"])
    assert late == set()


def test_list_filters_by_direction_year_and_country(client_as, data):
    laos = factories.CountryFactory(code="LA", name_vi="Lào")
    data.hosted_by_a.countries.add(laos)
    inbound = factories.DelegationFactory(
        direction=Delegation.Direction.INBOUND, start_date=datetime.date(2025, 5, 1), end_date=datetime.date(2025, 5, 3)
    )
    client = client_as("staff")
    assert list(client.get(reverse(LIST_URL), {"direction": "inbound"}).context["object_list"]) == [inbound]
    assert list(client.get(reverse(LIST_URL), {"year": 2025}).context["object_list"]) == [inbound]
    assert list(client.get(reverse(LIST_URL), {"country": laos.pk}).context["object_list"]) == [data.hosted_by_a]


def test_search_ignores_accents(client_as, data):
    response = client_as("staff").get(reverse(LIST_URL), {"q": "doan ra champasak"})
    assert list(response.context["object_list"]) == [data.hosted_by_a]


def test_htmx_requests_get_only_the_table(client_as, data):
    response = client_as("staff").get(reverse(LIST_URL), headers={"HX-Request": "true"})
    names = [template.name for template in response.templates]
    assert names[0] == "delegations/_delegation_table.html"
    assert "base.html" not in names


# Query counts ------------------------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def make_delegations(count: int, world) -> None:
    for _ in range(count):
        factories.DelegationFactory(
            host_agency=world.agency_a, countries=[factories.CountryFactory(), factories.CountryFactory()]
        )


@pytest.mark.parametrize("persona", ["staff", "focal_a"])
def test_list_makes_the_same_number_of_queries_for_1_and_50_rows(client_as, world, persona):
    client = client_as(persona)
    make_delegations(1, world)
    client.get(reverse(LIST_URL))
    one = count_queries(client, reverse(LIST_URL))
    make_delegations(49, world)
    assert count_queries(client, reverse(LIST_URL)) == one


def test_detail_makes_the_same_number_of_queries_for_1_and_50_members(client_as, world):
    client = client_as("staff")
    small, big = factories.DelegationFactory(), factories.DelegationFactory()
    for delegation, count in ((small, 1), (big, 50)):
        for precedence in range(1, count + 1):
            factories.DelegationMemberFactory(
                delegation=delegation, precedence=precedence, nationality=factories.CountryFactory()
            )
            factories.ProgrammeItemFactory(delegation=delegation)
            factories.GiftFactory(delegation=delegation)
    client.get(detail_url(small))
    assert count_queries(client, detail_url(big)) == count_queries(client, detail_url(small))
