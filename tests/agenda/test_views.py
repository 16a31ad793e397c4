"""The calendar pages for every persona: month grid and list in the user's scope, filters, bad input, query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PERSONAS
from doingoai.agenda.events import Kind
from tests import factories

pytestmark = pytest.mark.django_db
SIGNED_IN = [persona for persona in PERSONAS if persona != "anonymous"]
MONTH = {"month": "2026-12"}

# Kinds each persona sees in December (see conftest.december).
EXPECTED_KINDS = {
    "admin": set(Kind.values),
    "staff": set(Kind.values),
    "leader": set(Kind.values),
    "focal_a": {Kind.DELEGATION_OUTBOUND, Kind.DELEGATION_REPORT, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD},
    "focal_b": {Kind.DELEGATION_INBOUND, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD},
    "rep_x": {Kind.ASSOCIATION_REPORT, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD},
    "rep_y": {Kind.ASSOCIATION_REPORT, Kind.REPORTING_PERIOD},
}


@pytest.mark.parametrize("name", ["month", "list", "feed_settings"])
def test_anonymous_is_sent_to_the_login_page(client_as, name):
    response = client_as("anonymous").get(reverse(f"agenda:{name}"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_month_shows_each_persona_its_scope(client_as, december, persona):
    response = client_as(persona).get(reverse("agenda:month"), MONTH)
    assert response.status_code == 200
    assert {event.kind for event in response.context["events"]} == EXPECTED_KINDS[persona]
    html = response.content.decode()
    assert 'data-month="2026-12"' in html
    if persona in ("focal_b", "rep_x", "rep_y"):
        assert "Đoàn đi Champasak" not in html
    if persona == "focal_a":
        assert "Đoàn đi Champasak" in html and "Liên hoan văn hóa hữu nghị" not in html


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_list_shows_each_persona_its_scope(client_as, december, persona):
    response = client_as(persona).get(reverse("agenda:list"), {"start": "2026-12-01", "end": "2026-12-31"})
    assert response.status_code == 200
    kinds = {event.kind for _day, events in response.context["days"] for event in events}
    assert kinds == EXPECTED_KINDS[persona]


def test_a_multi_day_delegation_fills_each_of_its_days(client_as, december):
    html = client_as("focal_a").get(reverse("agenda:month"), MONTH).content.decode()
    key = f'data-key="delegation-{december.outbound.pk}"'
    assert html.count(key) == 3


def test_filter_by_kind_and_partner(client_as, december):
    client = client_as("staff")
    only = client.get(reverse("agenda:month"), {**MONTH, "kind": ["occasion", "delegation_outbound"]})
    assert {event.kind for event in only.context["events"]} == {Kind.OCCASION, Kind.DELEGATION_OUTBOUND}
    partner = client.get(reverse("agenda:list"), {"start": "2026-12-01", "end": "2026-12-31",
                                                  "partner": december.partner.pk})
    titles = [event.title for _day, events in partner.context["days"] for event in events]
    assert any("Champasak" in title for title in titles)
    assert not any("Liên hoan" in title for title in titles)


@pytest.mark.parametrize(
    "params",
    [{"month": "2026-13"}, {"month": "tháng mười"}, {"partner": "999999"}, {"partner": "abc"}, {"kind": "nonsense"}],
)
def test_bad_filters_get_a_message_not_an_error(client_as, december, params):
    response = client_as("staff").get(reverse("agenda:month"), params)
    assert response.status_code == 200
    assert 'data-testid="filter-error"' in response.content.decode() or response.context["form"].errors


def test_bad_range_gets_a_message(client_as, december):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    reversed_range = client.get(reverse("agenda:list"), {"start": "2026-12-31", "end": "2026-12-01"})
    assert reversed_range.status_code == 200
    assert "The end cannot be before the start." in reversed_range.content.decode()
    too_long = client.get(reverse("agenda:list"), {"start": "2026-01-01", "end": "2028-01-01"})
    assert too_long.status_code == 200 and too_long.context["form"].errors


def test_a_partner_user_cannot_filter_by_a_partner_they_cannot_see(client_as, december):
    response = client_as("focal_a").get(reverse("agenda:month"), {**MONTH, "partner": december.partner.pk})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "Tỉnh Champasak" not in response.content.decode().split('data-testid="month-grid"')[0]


def test_month_navigation_keeps_filters(client_as, december):
    response = client_as("staff").get(reverse("agenda:month"), {**MONTH, "kind": "occasion"})
    assert response.context["next_query"] == "month=2027-01&kind=occasion"
    assert response.context["previous_query"] == "month=2026-11&kind=occasion"


def test_month_defaults_to_the_current_month(client_as):
    from django.utils import timezone

    response = client_as("staff").get(reverse("agenda:month"))
    assert response.context["first"] == timezone.localdate().replace(day=1)


def test_month_query_count_does_not_grow_with_events(client_as, world, december):
    client = client_as("staff")
    url = reverse("agenda:month")
    client.get(url, MONTH)

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, MONTH).status_code == 200
        return len(context.captured_queries)

    one = count()
    plan = factories.PlanFactory(year=2026)
    for n in range(19):
        factories.OccasionFactory(title=f"Dịp {n}", month=12, day=1 + n, base_year=1990, country=None)
        factories.ActivityFactory(task=factories.TaskFactory(plan=plan), lead_agency=world.agency_a, month=12,
                                  quarter=4)
        factories.DelegationFactory(host_agency=world.agency_b, start_date=datetime.date(2026, 12, 1 + n),
                                    end_date=datetime.date(2026, 12, 2 + n))
        factories.AgreementFactory(expires_on=datetime.date(2026, 12, 1 + n))
    assert count() == one


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_kind_filters_offer_only_what_the_persona_can_see(client_as, december, persona):
    form = client_as(persona).get(reverse("agenda:month"), MONTH).context["form"]
    offered = {value for value, _label in form.fields["kind"].choices}
    assert EXPECTED_KINDS[persona] <= offered
    if persona in ("focal_a", "focal_b", "rep_x", "rep_y"):
        assert Kind.OCCASION not in offered and Kind.AGREEMENT_EXPIRY not in offered
