"""Which reminders are due on a day: the latest offset whose day has come, never about the past, never twice."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.notifications.models import Notification
from doingoai.reminders.models import ReminderRule, SentReminder
from doingoai.reminders.scan import Window, candidates
from doingoai.reminders.services import claim, run_daily
from partners.models import Occasion
from plans.models import Activity
from tests import factories

from .conftest import LONG_AGO, TODAY

D = datetime.date
pytestmark = pytest.mark.django_db


def rule(offsets: str, armed_on=LONG_AGO, kind="occasion") -> ReminderRule:
    return ReminderRule(kind=kind, offsets=offsets, armed_on=armed_on)


@pytest.mark.parametrize(
    ("occurrence", "expected"),
    [
        (TODAY + datetime.timedelta(days=30), 30),
        (TODAY + datetime.timedelta(days=10), 10),
        (TODAY + datetime.timedelta(days=8), 10),  # the 10-day reminder was due 2 days ago: caught up
        (TODAY + datetime.timedelta(days=6), None),  # due 4 days ago: beyond the catch-up of 3 days
        (TODAY + datetime.timedelta(days=3), 3),
        (TODAY, 3),  # the 3-day reminder was due 3 days ago: still caught up on the day itself
        (TODAY + datetime.timedelta(days=45), None),  # nothing due yet
        (TODAY - datetime.timedelta(days=1), None),  # a date already past: no "before" reminder
    ],
)
def test_the_latest_due_offset_is_chosen(occurrence, expected):
    assert Window(rule("30,10,3"), TODAY).due_offset(occurrence) == expected


def test_nothing_due_before_the_rule_came_into_force_is_sent():
    window = Window(rule("30,10,3", armed_on=TODAY), TODAY)
    assert window.due_offset(TODAY + datetime.timedelta(days=8)) is None  # its 10-day reminder predates the rule
    assert window.due_offset(TODAY + datetime.timedelta(days=10)) == 10


def test_after_offsets_remind_of_past_dates():
    window = Window(rule("-1,-7,-30", kind="delegation_report"), TODAY)
    assert window.due_offset(TODAY - datetime.timedelta(days=1)) == -1
    assert window.due_offset(TODAY - datetime.timedelta(days=7)) == -7
    assert window.due_offset(TODAY - datetime.timedelta(days=20)) is None
    assert window.due_offset(TODAY) is None


@pytest.mark.parametrize("offsets", ["", "30,,x", "10,10", "1000", "abc"])
def test_bad_offsets_are_refused_with_a_message(offsets):
    with pytest.raises(ValidationError) as refused:
        rule(offsets).full_clean()
    assert "offsets" in refused.value.message_dict


def test_a_rule_for_one_kind_of_occasion_replaces_the_general_rule(rules, world):
    ReminderRule.objects.create(kind="occasion", occasion_kind=Occasion.Kind.NEW_YEAR, offsets="15", armed_on=LONG_AGO)
    factories.OccasionFactory(kind=Occasion.Kind.NEW_YEAR, date_rule=Occasion.DateRule.PER_YEAR, month=None, day=None,
                              title="Tết Bunpimay", country=None, base_year=None)
    bunpimay = Occasion.objects.get(title="Tết Bunpimay")
    factories.OccasionDateFactory(occasion=bunpimay, year=2027, date=D(2027, 4, 14), end_date=D(2027, 4, 16))
    factories.OccasionFactory(title="Quốc khánh thử", month=4, day=9, base_year=1990, country=None)
    today = D(2027, 3, 30)
    found = {(c.obj.title, c.offset) for c in candidates(today) if c.rule.kind == "occasion"}
    assert found == {("Tết Bunpimay", 15), ("Quốc khánh thử", 10)}


def test_an_occasion_added_after_its_reminder_days_is_reminded_at_the_next_offset_only(rules, world):
    occasion = factories.OccasionFactory(title="Quốc khánh thử", month=12, day=12, base_year=1990, country=None)
    assert [c for c in candidates(TODAY) if c.obj == occasion] == []  # its 30-day reminder was due 10 days ago
    (candidate,) = [c for c in candidates(D(2026, 12, 2)) if c.obj == occasion]
    assert candidate.offset == 10


def test_loading_old_data_sends_nothing_about_the_past(rules, world):
    plan = factories.PlanFactory(year=2025)
    for quarter in (1, 2, 3, 4):
        factories.ActivityFactory(task=factories.TaskFactory(plan=plan), lead_agency=world.agency_a, quarter=quarter)
    factories.DelegationFactory(host_agency=world.agency_a, status="returned", start_date=D(2025, 3, 1),
                                end_date=D(2025, 3, 5))
    factories.OccasionFactory(title="Đã qua", month=11, day=1, base_year=1990, country=None)
    assert candidates(TODAY) == []


def test_an_activity_past_its_quarter_is_reminded_the_day_after(rules, world):
    activity = factories.ActivityFactory(task=factories.TaskFactory(plan=factories.PlanFactory(year=2026)),
                                         lead_agency=world.agency_a, quarter=3)
    assert activity.due_date == D(2026, 9, 30)
    (candidate,) = candidates(D(2026, 10, 1))
    assert (candidate.obj, candidate.offset, candidate.recipients) == (activity, -1, [world.users["focal_a"]])
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DONE, progress=100)
    assert candidates(D(2026, 10, 1)) == []


def test_an_activity_of_an_agency_without_users_goes_to_the_department(rules, world):
    lonely = factories.AgencyFactory(name="Sở không có tài khoản")
    factories.ActivityFactory(task=factories.TaskFactory(plan=factories.PlanFactory(year=2026)), lead_agency=lonely,
                              month=9, quarter=3)
    (candidate,) = candidates(D(2026, 10, 1))
    assert candidate.recipients == [world.users["staff"]]


def test_changing_an_occasions_date_rearms_its_reminders_and_never_resends_the_old_ones(rules, world,
                                                                                       django_capture_on_commit_callbacks):
    occasion = factories.OccasionFactory(title="Ngày truyền thống thử", kind=Occasion.Kind.TRADITIONAL, month=12,
                                         day=2, base_year=1990, country=None)
    staff = world.users["staff"]

    def texts():
        rows = Notification.objects.filter(recipient=staff, category=Notification.Category.OCCASION)
        return list(rows.order_by("pk").values_list("text", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        run_daily(TODAY)  # 10 days before 02/12
    assert len(texts()) == 1 and "02/12/2026" in texts()[0]
    Occasion.objects.filter(pk=occasion.pk).update(day=5)
    # From 13 days before 05/12 (its 30-day reminder predates the catch-up) to past the old date.
    for offset in range(11):
        with django_capture_on_commit_callbacks(execute=True):
            run_daily(TODAY + datetime.timedelta(days=offset))
    new = texts()[1:]
    assert len(new) == 2 and all("05/12/2026" in text for text in new)
    assert not any("02/12/2026" in text for text in new)
    assert SentReminder.objects.filter(rule__kind="occasion", object_id=occasion.pk, occurrence=D(2026, 12, 2)).count() == 1


def test_claiming_twice_claims_once(rules, world):
    factories.OccasionFactory(title="Quốc khánh thử", month=12, day=2, base_year=1990, country=None)
    found = candidates(TODAY)
    assert len(claim(found)) == 1
    assert claim(found) == []
    assert claim(candidates(TODAY)) == []
    assert Notification.objects.count() == 1


def test_the_scan_uses_the_same_number_of_queries_for_few_and_many_items(rules, world):
    plan = factories.PlanFactory(year=2026)

    def make(n: int) -> None:
        for i in range(n):
            factories.OccasionFactory(title=f"Dịp {i}", month=12, day=2, base_year=1990, country=None)
            factories.ActivityFactory(task=factories.TaskFactory(plan=plan), lead_agency=world.agency_a,
                                      end_date=TODAY - datetime.timedelta(days=1), start_date=D(2026, 1, 1))
            factories.DelegationFactory(host_agency=world.agency_a, status="returned",
                                        start_date=TODAY - datetime.timedelta(days=14),
                                        end_date=TODAY - datetime.timedelta(days=11))
            factories.AgreementFactory(expires_on=TODAY + datetime.timedelta(days=90))

    def count() -> int:
        candidates(TODAY)  # warm the content-type cache
        with CaptureQueriesContext(connection) as context:
            found = candidates(TODAY)
        assert found
        return len(context.captured_queries)

    make(1)
    one = count()
    make(19)
    assert count() == one
