"""FilterSets of the plans app on their own, as the API viewsets use them."""

from __future__ import annotations

from django.test import RequestFactory

from plans.filtersets import ActivityFilterSet
from plans.models import Activity
from tests import factories


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_related_choices_are_every_row_without_a_request(world):
    # A FilterSet built in a task or the shell must apply the filter it is given, not drop it: the caller scopes
    # the queryset itself.
    activity = factories.ActivityFactory()
    filterset = ActivityFilterSet({"plan": activity.task.plan_id}, queryset=Activity.objects.all())
    assert filterset.is_valid()
    assert list(filterset.qs) == [activity]


def test_an_out_of_scope_choice_is_refused(world):
    other = factories.ActivityFactory()
    user = world.users["focal_a"]
    filterset = ActivityFilterSet(
        {"plan": other.task.plan_id}, queryset=Activity.objects.for_user(user), request=request_as(user)
    )
    assert not filterset.is_valid()
    assert "plan" in filterset.errors


def test_agency_filter_matches_lead_and_coordinating_agency_once_each(world):
    led = factories.ActivityFactory(lead_agency=world.agency_a, coordinating_agencies=[world.agency_b])
    coordinated = factories.ActivityFactory(coordinating_agencies=[world.agency_a, world.agency_b])
    factories.ActivityFactory(coordinating_agencies=[world.agency_b])
    filterset = ActivityFilterSet(
        {"agency": world.agency_a.pk}, queryset=Activity.objects.all(), request=request_as(world.users["staff"])
    )
    assert sorted(activity.pk for activity in filterset.qs) == sorted([led.pk, coordinated.pk])


def test_quarter_filter(world):
    second = factories.ActivityFactory(quarter=2)
    factories.ActivityFactory(quarter=3)
    filterset = ActivityFilterSet(
        {"quarter": "2"}, queryset=Activity.objects.all(), request=request_as(world.users["staff"])
    )
    assert list(filterset.qs) == [second]
