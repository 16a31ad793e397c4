"""One FilterSet, two users: every filter of every HTML list, given the same query string, selects the same records
in the list page and in the API, for department staff and for partner users.

The demo province is loaded once for the module (in a transaction rolled back at the end); each test runs in a
savepoint within it. The filter values come from the FilterSets themselves, so a filter added later is covered.
"""

from __future__ import annotations

import datetime
from io import StringIO
from types import SimpleNamespace
from urllib.parse import urlencode

import django_filters
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from aid_projects.filtersets import AidProjectFilterSet
from delegations.filtersets import DelegationFilterSet
from doingoai.accounts.models import User
from partners import filtersets as partner_filtersets
from plans import filtersets as plan_filtersets

pytestmark = pytest.mark.django_db

# (HTML list URL name, API basename, the FilterSet both use)
LISTS = [
    ("plans:directive_list", "directive", plan_filtersets.DirectiveFilterSet),
    ("plans:plan_list", "plan", plan_filtersets.PlanFilterSet),
    ("plans:activity_list", "activity", plan_filtersets.ActivityFilterSet),
    ("plans:progressupdate_list", "progressupdate", plan_filtersets.ProgressUpdateFilterSet),
    ("partners:country_list", "country", partner_filtersets.CountryFilterSet),
    ("partners:agency_list", "agency", partner_filtersets.AgencyFilterSet),
    ("partners:foreignpartner_list", "foreignpartner", partner_filtersets.ForeignPartnerFilterSet),
    ("partners:contact_list", "contact", partner_filtersets.ContactFilterSet),
    ("partners:agreement_list", "agreement", partner_filtersets.AgreementFilterSet),
    ("partners:friendshipassociation_list", "friendshipassociation", partner_filtersets.FriendshipAssociationFilterSet),
    ("partners:associationreport_list", "associationreport", partner_filtersets.AssociationReportFilterSet),
    ("partners:occasion_list", "occasion", partner_filtersets.OccasionFilterSet),
    ("partners:greeting_list", "greeting", partner_filtersets.GreetingFilterSet),
    ("delegations:delegation_list", "delegation", DelegationFilterSet),
    ("aid_projects:aidproject_list", "aidproject", AidProjectFilterSet),
]
SEARCHES = ["dong thap", "Hữu nghị", "lao"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def filter_values(filterset_class, user) -> list[tuple[str, str]]:
    """(parameter, value) pairs that exercise every filter of `filterset_class` with values from the data."""
    today = datetime.date.today()
    request = SimpleNamespace(user=user)
    pairs: list[tuple[str, str]] = []
    for name, filter_ in filterset_class.base_filters.items():
        if isinstance(filter_, django_filters.ModelChoiceFilter):
            queryset = filter_.queryset(request) if callable(filter_.queryset) else filter_.queryset
            values = [str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True)[:2]]
        elif isinstance(filter_, django_filters.ChoiceFilter):
            choices = filter_.extra["choices"]
            choices = list(choices() if callable(choices) else choices)
            values = [str(value) for value, _label in choices[:2] + choices[-1:] if value != ""]
        elif isinstance(filter_, django_filters.BooleanFilter):
            values = ["true", "false"]
        elif isinstance(filter_, django_filters.DateFilter):
            values = [today.isoformat(), f"{today.year}-01-01"]
        elif isinstance(filter_, django_filters.NumberFilter):
            low, high = filter_.extra.get("min_value"), filter_.extra.get("max_value")
            candidates = [7, 12] if "month" in name else [today.year, today.year - 1, 30, 7]
            values = [str(n) for n in candidates if (low is None or n >= low) and (high is None or n <= high)][:2]
        elif name == "q":
            values = SEARCHES
        else:
            raise AssertionError(f"No test values for the filter {filterset_class.__name__}.{name}")
        pairs += [(name, value) for value in dict.fromkeys(values)]
    return pairs


def html_ids(client: Client, url_name: str, params: dict) -> set[int]:
    """The ids of the records on every page of the HTML list (read from the view's `object_list`)."""
    ids: set[int] = set()
    page = 1
    while True:
        response = client.get(reverse(url_name), {**params, "page": page})
        assert response.status_code == 200
        ids |= {record.pk for record in response.context["object_list"]}
        paginator = response.context.get("paginator")
        if not paginator or page >= paginator.num_pages:
            return ids
        page += 1


def api_ids(client: APIClient, basename: str, params: dict) -> set[int]:
    ids: set[int] = set()
    url = f"{reverse(f'api:{basename}-list')}?{urlencode({**params, 'page_size': 200})}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        ids |= {row["id"] for row in body["results"]}
        url = body["next"]
    assert len(ids) == body["count"]
    return ids


def clients(username: str) -> tuple[Client, APIClient]:
    user = User.objects.get(username=username)
    html, api = Client(), APIClient()
    html.force_login(user)
    api.force_authenticate(user)
    return html, api


@pytest.mark.parametrize(("url_name", "basename", "filterset_class"), LISTS, ids=[row[1] for row in LISTS])
def test_every_filter_selects_the_same_records(demo, url_name, basename, filterset_class):
    html, api = clients("staff")
    staff = User.objects.get(username="staff")
    checked = 0
    for name, value in [(None, None), *filter_values(filterset_class, staff)]:
        params = {name: value} if name else {}
        expected = html_ids(html, url_name, params)
        assert api_ids(api, basename, params) == expected, params
        checked += bool(expected)
    # Most query strings select something: the comparison is not between empty lists.
    assert checked >= 2


@pytest.mark.parametrize("username", ["focal_finance", "assoc_laos"])
@pytest.mark.parametrize(("url_name", "basename", "filterset_class"), LISTS, ids=[row[1] for row in LISTS])
def test_partner_users_get_the_same_records(demo, url_name, basename, filterset_class, username):
    html, api = clients(username)
    for search in ["", *SEARCHES]:
        params = {"q": search} if search else {}
        assert api_ids(api, basename, params) == html_ids(html, url_name, params), params
