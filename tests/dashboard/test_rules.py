"""The rules the dashboard and the lists filter on, written for the database, agree with the models' own methods."""

from __future__ import annotations

import datetime
import itertools

import pytest

from aid_projects.models import AidProject, add_months, last_overdue_approval
from doingoai.dashboard.figures import deadlines
from partners.models import Agreement, AssociationReport, FriendshipAssociation, Occasion
from plans.models import Activity
from tests import factories

pytestmark = pytest.mark.django_db


def test_late_activities_in_the_database_are_the_late_or_overdue_ones():
    plans = {year: factories.PlanFactory(year=year) for year in (2025, 2026)}
    tasks = {year: factories.TaskFactory(plan=plan) for year, plan in plans.items()}
    timings = [
        {"quarter": None},
        {"quarter": 1},
        {"quarter": 3},
        {"month": 5, "quarter": 2},
        {"month": 6, "quarter": 2},
        {"end_date": datetime.date(2026, 5, 31), "quarter": None},
        {"end_date": datetime.date(2026, 6, 1), "quarter": None},
        {"end_date": datetime.date(2026, 9, 30), "quarter": 1},
    ]
    number = itertools.count(1)
    activities = [
        factories.ActivityFactory(
            task=tasks[year], number=next(number), status=status, progress=100 if status == "done" else 0, **timing
        )
        for year in tasks
        for timing in timings
        for status in (Activity.Status.ON_TRACK, Activity.Status.LATE, Activity.Status.DONE,
                       Activity.Status.POSTPONED)
    ]
    for today in (datetime.date(2026, 1, 1), datetime.date(2026, 5, 31), datetime.date(2026, 6, 1),
                  datetime.date(2026, 7, 1), datetime.date(2026, 12, 31), datetime.date(2027, 1, 1)):
        expected = {
            activity.pk for activity in activities
            if activity.status == Activity.Status.LATE or activity.is_overdue(today)
        }
        assert set(Activity.objects.late(today).values_list("pk", flat=True)) == expected, today
    assert expected, "the grid must contain late activities"


def test_overdue_aid_starts_in_the_database_match_is_start_overdue():
    approvals = [datetime.date(2025, 8, 29) + datetime.timedelta(days=offset) for offset in range(0, 200, 3)]
    projects = [
        factories.AidProjectFactory(status=AidProject.Status.APPROVED, approved_on=approved)
        for approved in approvals
    ]
    factories.AidProjectFactory(status=AidProject.Status.IMPLEMENTING, approved_on=datetime.date(2024, 1, 1),
                                started_on=datetime.date(2024, 2, 1))
    for today in (datetime.date(2026, 2, 28), datetime.date(2026, 3, 1), datetime.date(2026, 8, 31),
                  datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)):
        expected = {project.pk for project in projects if project.is_start_overdue(today)}
        assert set(AidProject.objects.start_overdue(today).values_list("pk", flat=True)) == expected, today


@pytest.mark.parametrize("today", [datetime.date(2026, 8, 28), datetime.date(2026, 8, 31), datetime.date(2027, 2, 28),
                                   datetime.date(2028, 2, 29), datetime.date(2026, 1, 1)])
def test_the_last_overdue_approval_is_the_exact_inverse_of_the_deadline(today, settings):
    months = settings.DOINGOAI["AID_START_DEADLINE_MONTHS"]
    last = last_overdue_approval(today)
    assert add_months(last, months) < today
    assert add_months(last + datetime.timedelta(days=1), months) >= today


def test_agreement_rules_in_the_database_match_the_models():
    today = datetime.date(2026, 6, 15)
    agreements = []
    for status, signed, sent, expires in itertools.product(
        [Agreement.Status.IN_FORCE, Agreement.Status.EXPIRING, Agreement.Status.RENEWED],
        [None, datetime.date(2026, 5, 1), datetime.date(2026, 6, 1), datetime.date(2026, 5, 31)],
        [None, datetime.date(2026, 5, 10), datetime.date(2026, 6, 20)],
        [None, datetime.date(2026, 6, 1), datetime.date(2026, 9, 1), datetime.date(2027, 6, 1)],
    ):
        if signed is None and sent is not None:
            continue
        agreements.append(factories.AgreementFactory(
            status=status if signed else Agreement.Status.DRAFT, signed_on=signed, effective_from=None,
            post_signing_report_sent_on=sent, expires_on=expires,
        ))
    late = {agreement.pk for agreement in agreements if agreement.is_post_signing_report_late(today)}
    assert set(Agreement.objects.post_signing_report_late(today).values_list("pk", flat=True)) == late
    expiring = {agreement.pk for agreement in agreements if agreement.is_expiring_soon(today)}
    assert set(Agreement.objects.expiring_soon(today).values_list("pk", flat=True)) == expiring
    active = {agreement.pk for agreement in agreements if agreement.is_active}
    assert set(Agreement.objects.active().values_list("pk", flat=True)) == active
    assert late and expiring and active


@pytest.mark.parametrize("today", [
    datetime.date(2026, 12, 20), datetime.date(2027, 2, 10), datetime.date(2028, 2, 10), datetime.date(2026, 6, 30),
    datetime.date(2027, 1, 20),
])
def test_upcoming_occasions_are_those_whose_next_occurrence_falls_in_the_window(today):
    days = [datetime.date(2000, 1, 1) + datetime.timedelta(days=offset) for offset in range(0, 366, 4)]
    occasions = [factories.OccasionFactory(month=day.month, day=day.day, base_year=1950) for day in days]
    occasions.append(factories.OccasionFactory(month=2, day=29, base_year=1960))
    per_year = factories.OccasionFactory(date_rule=Occasion.DateRule.PER_YEAR, month=None, day=None)
    for year in (2026, 2027, 2028):
        factories.OccasionDateFactory(occasion=per_year, year=year, date=datetime.date(year, 1, 5),
                                      end_date=datetime.date(year, 1, 7))
    occasions.append(per_year)
    lunar = factories.OccasionFactory(date_rule=Occasion.DateRule.LUNAR, month=1, day=1)
    occasions.append(lunar)
    window_end = today + datetime.timedelta(days=30)
    expected = set()
    for occasion in Occasion.objects.prefetch_related("dates").filter(pk__in=[each.pk for each in occasions]):
        day = occasion.next_occurrence(today)
        if day is not None and day <= window_end:
            expected.add(occasion.pk)
    assert set(Occasion.objects.upcoming(30, today).values_list("pk", flat=True)) == expected
    # Tết 2027 (lunar 1/1) falls on 6 February 2027, within 30 days of 20 January only.
    assert (lunar.pk in expected) == (today == datetime.date(2027, 1, 20))


def test_associations_missing_a_report_are_those_without_one_handed_in(world):
    x, y = world.association_x, world.association_y
    z = factories.FriendshipAssociationFactory()
    union = factories.FriendshipAssociationFactory(kind=FriendshipAssociation.Kind.UNION)
    R = AssociationReport
    factories.AssociationReportFactory(association=x, year=2026, period=R.Period.HALF_YEAR, status=R.Status.ACCEPTED)
    factories.AssociationReportFactory(association=y, year=2026, period=R.Period.HALF_YEAR, status=R.Status.DRAFT)
    factories.AssociationReportFactory(association=z, year=2025, period=R.Period.HALF_YEAR, status=R.Status.SUBMITTED)
    missing = set(FriendshipAssociation.objects.missing_report(2026, R.Period.HALF_YEAR))
    assert missing == {y, z}
    assert union not in missing


def test_deadlines_of_the_next_days_use_the_models_due_dates():
    today = datetime.date(2026, 6, 15)
    end = today + datetime.timedelta(days=30)
    soon = factories.AidProjectFactory(status=AidProject.Status.APPROVED, approved_on=datetime.date(2025, 12, 20))
    factories.AidProjectFactory(status=AidProject.Status.APPROVED, approved_on=datetime.date(2025, 11, 1))
    rows = deadlines(today, end)
    assert [(row["kind"], row["date"]) for row in rows] == [("aid_start", soon.start_deadline)]
