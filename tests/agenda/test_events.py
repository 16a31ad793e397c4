"""Each user's calendar holds exactly the dated items of the records they may open."""

from __future__ import annotations

import datetime

import pytest

from doingoai.agenda.events import Kind, activity_due_between, events_for
from plans.models import Activity
from tests import factories

D = datetime.date
START, END = D(2026, 12, 1), D(2026, 12, 31)
pytestmark = pytest.mark.django_db


def keys(user, **filters) -> set[tuple[str, str]]:
    return {(event.kind, event.title) for event in events_for(user, START, END, **filters)}


def test_department_users_see_every_kind(world, december):
    for persona in ("staff", "leader", "admin"):
        kinds = {event.kind for event in events_for(world.users[persona], START, END)}
        assert kinds == set(Kind.values), persona


def test_agency_focal_point_sees_its_activities_and_delegations_only(world, december):
    seen = {event.key.rsplit("-", 1)[0] if event.kind != "occasion" else event.key
            for event in events_for(world.users["focal_a"], START, END)}
    kinds = {event.kind for event in events_for(world.users["focal_a"], START, END)}
    assert kinds == {Kind.DELEGATION_OUTBOUND, Kind.DELEGATION_REPORT, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD}
    assert f"activity-{december.activity_b.pk}" not in seen
    b_kinds = {event.kind for event in events_for(world.users["focal_b"], START, END)}
    assert b_kinds == {Kind.DELEGATION_INBOUND, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD}


def test_association_representative_sees_its_association_report_and_activities(world, december):
    events = events_for(world.users["rep_x"], START, END)
    assert {event.kind for event in events} == {Kind.ASSOCIATION_REPORT, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD}
    (report,) = [event for event in events if event.kind == Kind.ASSOCIATION_REPORT]
    assert "Hội hữu nghị X (thử)" in report.title and report.start == D(2026, 12, 28)
    (activity,) = [event for event in events if event.kind == Kind.ACTIVITY_DEADLINE]
    assert "Gặp mặt hội viên" in activity.title and activity.start == D(2026, 12, 31)


def test_a_submitted_association_report_is_no_longer_due(world, december):
    factories.AssociationReportFactory(association=world.association_x, year=2026, period="year", status="submitted")
    assert Kind.ASSOCIATION_REPORT not in {event.kind for event in events_for(world.users["rep_x"], START, END)}


def test_dates_of_each_kind(world, december):
    events = {event.kind: event for event in events_for(world.users["staff"], START, END)
              if event.kind != Kind.ACTIVITY_DEADLINE and event.kind != Kind.ASSOCIATION_REPORT}
    assert (events[Kind.OCCASION].start, events[Kind.OCCASION].badge) == (D(2026, 12, 2), "")
    assert "51" in events[Kind.OCCASION].title
    assert (events[Kind.DELEGATION_OUTBOUND].start, events[Kind.DELEGATION_OUTBOUND].end) == (D(2026, 12, 3),
                                                                                               D(2026, 12, 5))
    assert events[Kind.DELEGATION_REPORT].start == D(2026, 12, 15)
    assert events[Kind.AGREEMENT_EXPIRY].start == D(2026, 12, 20)
    assert events[Kind.AGREEMENT_REPORT].start == D(2026, 12, 16)
    assert events[Kind.REPORTING_PERIOD].start == D(2026, 12, 28)


def test_filters_by_kind_and_partner(world, december):
    staff = world.users["staff"]
    assert {kind for kind, _title in keys(staff, kinds=[Kind.OCCASION])} == {Kind.OCCASION}
    touching = keys(staff, partner=december.partner)
    assert {kind for kind, _title in touching} == {Kind.OCCASION, Kind.DELEGATION_OUTBOUND, Kind.DELEGATION_REPORT,
                                                   Kind.ACTIVITY_DEADLINE}
    assert not any("Liên hoan" in title for _kind, title in touching)


def test_anonymous_and_inactive_users_see_nothing(world, december):
    from django.contrib.auth.models import AnonymousUser

    assert events_for(AnonymousUser(), START, END) == []
    staff = world.users["staff"]
    staff.is_active = False
    assert events_for(staff, START, END) == []


@pytest.mark.parametrize(
    ("fields", "due"),
    [
        ({"end_date": D(2026, 5, 3), "quarter": 2}, D(2026, 5, 3)),
        ({"month": 2, "quarter": 1}, D(2026, 2, 28)),
        ({"quarter": 3}, D(2026, 9, 30)),
        ({"quarter": None}, D(2026, 12, 31)),
    ],
)
def test_activity_due_condition_matches_the_models_due_date(world, fields, due):
    activity = factories.ActivityFactory(task=factories.TaskFactory(plan=factories.PlanFactory(year=2026)), **fields)
    assert activity.due_date == due
    rows = Activity.objects.filter(pk=activity.pk)
    assert rows.filter(activity_due_between(due, due)).exists()
    day = datetime.timedelta(days=1)
    assert not rows.filter(activity_due_between(due + day, due + 40 * day)).exists()
    assert not rows.filter(activity_due_between(due - 40 * day, due - day)).exists()
