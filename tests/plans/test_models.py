"""Plans: database constraints, activity due dates and timeframes, and append-only progress updates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doingoai.core.services import transition, transitions_of
from plans.models import Activity, ActivityCoordination, PlanRevision, ProgressUpdate
from tests import factories
from tests.core.constraints import assert_accepted, case

pytestmark = pytest.mark.django_db


def directive_with_taken_code_same_issuer_and_year():
    factories.DirectiveFactory(code="12-CT/TW", issuer="Ban Bí thư", issued_on=date(2022, 1, 5))
    return factories.DirectiveFactory.build(code="12-CT/TW", issuer="Ban Bí thư", issued_on=date(2022, 11, 30))


def directive_implementing_itself():
    directive = factories.DirectiveFactory()
    directive.parent = directive
    return directive


def directive_superseded_by_itself():
    directive = factories.DirectiveFactory()
    directive.superseded_by = directive
    return directive


def plan_with_taken_number():
    existing = factories.PlanFactory(number="58/KH-UBND", year=2026)
    return factories.PlanFactory.build(number="58/KH-UBND", year=2026, issuing_agency=existing.issuing_agency)


def plan_for_two_years_before_issue():
    return factories.PlanFactory.build(
        year=2024, issued_on=date(2026, 1, 5), issuing_agency=factories.AgencyFactory()
    )


def plan_for_the_year_before_issue():
    return factories.PlanFactory.build(
        year=2025, issued_on=date(2026, 1, 5), issuing_agency=factories.AgencyFactory()
    )


def plan_for_two_years_after_issue():
    return factories.PlanFactory.build(
        year=2028, issued_on=date(2026, 12, 5), issuing_agency=factories.AgencyFactory()
    )


def task_with_taken_number():
    existing = factories.TaskFactory(number=3)
    return factories.TaskFactory.build(plan=existing.plan, number=3)


def activity(**fields):
    """An unsaved activity of a saved task, led by a saved agency."""
    return lambda: factories.ActivityFactory.build(
        task=factories.TaskFactory(), lead_agency=factories.AgencyFactory(), **fields
    )


def activity_with_taken_number():
    existing = factories.ActivityFactory(number=7)
    return factories.ActivityFactory.build(task=existing.task, lead_agency=existing.lead_agency, number=7)


def duplicate_coordination():
    existing = factories.ActivityFactory(coordinating_agencies=[factories.AgencyFactory()])
    return ActivityCoordination(activity=existing, agency=existing.coordinations.get().agency)


def duplicate_reporting_period():
    factories.ReportingPeriodFactory(year=2026, kind="half_year")
    return factories.ReportingPeriodFactory.build(year=2026, kind="half_year")


def progress_update(**fields):
    """An unsaved progress update on a saved activity and period."""

    def make():
        reported = factories.ActivityFactory()
        return factories.ProgressUpdateFactory.build(
            activity=reported, period=factories.ReportingPeriodFactory(), agency=reported.lead_agency,
            author=factories.UserFactory(), **fields
        )

    return make


OPENED = datetime(2026, 5, 4, 9, 0, tzinfo=timezone.utc)


def revision(**fields):
    """An unsaved revision of a saved approved plan."""
    return lambda: PlanRevision(
        plan=factories.PlanFactory(status="approved"), number=1, reason="Bổ sung hoạt động", opened_at=OPENED,
        **fields,
    )


def revision_with_taken_number():
    existing = revision(closed_at=OPENED + timedelta(days=1))()
    existing.save()
    return PlanRevision(plan=existing.plan, number=1, reason="Lần hai", opened_at=OPENED + timedelta(days=2),
                        closed_at=OPENED + timedelta(days=3))


def second_open_revision():
    existing = revision()()
    existing.save()
    return PlanRevision(plan=existing.plan, number=2, reason="Lần hai", opened_at=OPENED + timedelta(days=1))


CONSTRAINT_CASES = [
    case("directive_unique_code_per_issuer_year", directive_with_taken_code_same_issuer_and_year,
         "A document with this number already exists for this issuer and year."),
    case("directive_not_own_parent", directive_implementing_itself,
         "A document cannot implement or supersede itself."),
    case("directive_not_own_parent:superseded_by", directive_superseded_by_itself,
         "A document cannot implement or supersede itself."),
    case("plan_unique_number_per_issuer_year", plan_with_taken_number,
         "A plan with this number already exists for this issuer and year."),
    case("plan_year_matches_issue_date", plan_for_two_years_before_issue,
         "A plan is issued in its own year or in the year before."),
    case("plan_year_matches_issue_date:previous_year", plan_for_the_year_before_issue,
         "A plan is issued in its own year or in the year before."),
    case("plan_year_matches_issue_date:two_years_ahead", plan_for_two_years_after_issue,
         "A plan is issued in its own year or in the year before."),
    case("task_unique_number_per_plan", task_with_taken_number, "This plan already has a task with this number."),
    case("activity_unique_number_per_task", activity_with_taken_number,
         "This task already has an activity with this number."),
    case("activity_progress_range", activity(progress=101), "Progress must be between 0 and 100%.", shadowed=True),
    case("activity_quarter_range", activity(quarter=5), "The quarter must be 1, 2, 3 or 4.", shadowed=True),
    case("activity_quarter_range:zero", activity(quarter=0), "The quarter must be 1, 2, 3 or 4.", shadowed=True),
    case("activity_month_range", activity(quarter=None, month=13), "The month must be between 1 and 12.",
         shadowed=True),
    case("activity_month_range:zero", activity(quarter=None, month=0), "The month must be between 1 and 12.",
         shadowed=True),
    case("activity_date_range", activity(start_date=date(2026, 5, 10), end_date=date(2026, 5, 9)),
         "The end date cannot be before the start date."),
    case("activity_budget_not_negative", activity(budget_amount=-1), "The budget cannot be negative.", shadowed=True),
    case("activity_done_is_complete", activity(status="done", progress=90),
         "An activity marked done must be at 100%."),
    case("coordination_unique", duplicate_coordination, "This agency already coordinates this activity."),
    case("reporting_period_unique", duplicate_reporting_period, "This reporting period already exists."),
    case("reporting_period_range",
         lambda: factories.ReportingPeriodFactory.build(starts_on=date(2026, 7, 1), ends_on=date(2026, 6, 30)),
         "A period cannot end before it starts."),
    case("progress_update_range", progress_update(progress=101), "Progress must be between 0 and 100%.",
         shadowed=True),
    case("progress_update_done_is_complete", progress_update(activity_status="done", progress=90),
         "An activity reported done must be at 100%."),
    case("plan_revision_unique_number", revision_with_taken_number,
         "This plan already has a revision with this number."),
    case("plan_revision_one_open", second_open_revision, "This plan already has an open revision."),
    case("plan_revision_closed_after_opened",
         revision(closed_at=OPENED - timedelta(minutes=1)),
         "A revision cannot be closed before it was opened."),
]


@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


def directive_with_same_code_in_another_year():
    factories.DirectiveFactory(code="716/KH-UBND", issuer="UBND tỉnh", issued_on=date(2022, 3, 1))
    return factories.DirectiveFactory.build(code="716/KH-UBND", issuer="UBND tỉnh", issued_on=date(2023, 3, 1))


def directive_with_same_code_from_another_issuer():
    factories.DirectiveFactory(code="01/KH", issuer="UBND tỉnh", issued_on=date(2022, 3, 1))
    return factories.DirectiveFactory.build(code="01/KH", issuer="Tỉnh ủy", issued_on=date(2022, 3, 1))


def second_unnumbered_plan():
    existing = factories.PlanFactory(number="", year=2026)
    return factories.PlanFactory.build(number="", year=2026, issuing_agency=existing.issuing_agency)


def plan_with_same_number_next_year():
    existing = factories.PlanFactory(number="58/KH-UBND", year=2026)
    return factories.PlanFactory.build(number="58/KH-UBND", year=2027, issuing_agency=existing.issuing_agency)


def plan_issued(year, issued_on):
    return lambda: factories.PlanFactory.build(year=year, issued_on=issued_on, issuing_agency=factories.AgencyFactory())


ALLOWED_CASES = [
    pytest.param(directive_with_same_code_in_another_year, id="directive_same_code_other_year"),
    pytest.param(directive_with_same_code_from_another_issuer, id="directive_same_code_other_issuer"),
    pytest.param(second_unnumbered_plan, id="two_unnumbered_plans_same_issuer_and_year"),
    pytest.param(plan_with_same_number_next_year, id="plan_same_number_other_year"),
    pytest.param(plan_issued(2026, date(2025, 12, 20)), id="plan_issued_in_december_before_its_year"),
    pytest.param(plan_issued(2026, date(2026, 1, 5)), id="plan_issued_in_its_year"),
    pytest.param(activity(progress=100, status="done"), id="activity_done_at_100"),
    pytest.param(activity(start_date=date(2026, 5, 10), end_date=date(2026, 5, 10)), id="activity_one_day"),
    pytest.param(progress_update(activity_status="done", progress=100), id="progress_update_done_at_100"),
]


@pytest.mark.parametrize("make", ALLOWED_CASES)
def test_constraint_accepts_valid_row(make):
    assert_accepted(make())


# Activity due dates, timeframes and lateness.


def unsaved_activity(year, **fields):
    return factories.ActivityFactory.build(task__plan__year=year, **{"quarter": None, **fields})


@pytest.mark.parametrize(
    ("year", "fields", "due"),
    [
        pytest.param(2026, {"end_date": date(2026, 3, 14), "month": 5, "quarter": 2}, date(2026, 3, 14),
                     id="end-date-wins"),
        pytest.param(2026, {"month": 4}, date(2026, 4, 30), id="month-of-30-days"),
        pytest.param(2026, {"month": 1}, date(2026, 1, 31), id="january"),
        pytest.param(2026, {"month": 2}, date(2026, 2, 28), id="february"),
        pytest.param(2024, {"month": 2}, date(2024, 2, 29), id="february-leap-year"),
        pytest.param(2026, {"month": 12}, date(2026, 12, 31), id="december"),
        pytest.param(2026, {"month": 4, "quarter": 2}, date(2026, 4, 30), id="month-wins-over-quarter"),
        pytest.param(2026, {"quarter": 1}, date(2026, 3, 31), id="quarter-1"),
        pytest.param(2026, {"quarter": 2}, date(2026, 6, 30), id="quarter-2"),
        pytest.param(2026, {"quarter": 3}, date(2026, 9, 30), id="quarter-3"),
        pytest.param(2026, {"quarter": 4}, date(2026, 12, 31), id="quarter-4"),
        pytest.param(2026, {}, date(2026, 12, 31), id="all-year"),
        pytest.param(2026, {"start_date": date(2026, 3, 10)}, date(2026, 12, 31), id="start-date-only"),
    ],
)
def test_activity_due_date(year, fields, due):
    assert unsaved_activity(year, **fields).due_date == due


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"start_date": date(2026, 3, 10), "end_date": date(2026, 3, 14), "month": 3}, "10/03/2026 – 14/03/2026"),
        ({"month": 5, "quarter": 2}, "Month 5"),
        ({"quarter": 2}, "Quarter 2"),
        ({}, "All year"),
    ],
    ids=["dates", "month", "quarter", "all-year"],
)
def test_activity_timeframe(fields, text):
    with translation.override("en"):
        assert str(unsaved_activity(2026, **fields).timeframe) == text


@pytest.mark.parametrize("status", Activity.OPEN_STATUSES)
def test_open_activity_is_overdue_only_after_its_due_date(status):
    item = unsaved_activity(2026, quarter=2, status=status)
    assert not item.is_overdue(today=date(2026, 6, 30))
    assert item.is_overdue(today=date(2026, 7, 1))


@pytest.mark.parametrize("status", ["done", "postponed", "cancelled"])
def test_closed_activity_is_never_overdue(status):
    item = unsaved_activity(2026, quarter=2, status=status, progress=100)
    assert not item.is_overdue(today=date(2027, 1, 1))


@pytest.mark.parametrize("month", range(1, 13))
def test_activity_month_inside_its_quarter_is_clean(month):
    unsaved_activity(2026, month=month, quarter=(month - 1) // 3 + 1).clean()


@pytest.mark.parametrize(("month", "quarter"), [(5, 1), (3, 2), (4, 1), (12, 3)])
def test_activity_month_outside_its_quarter_is_refused(month, quarter):
    item = unsaved_activity(2026, month=month, quarter=quarter)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        item.clean()
    assert caught.value.message_dict == {"month": [f"Month {month} is not in quarter {quarter}."]}


def test_lead_agency_cannot_also_coordinate():
    item = factories.ActivityFactory()
    coordination = ActivityCoordination(activity=item, agency=item.lead_agency)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            coordination.full_clean()
        assert caught.value.messages == ["The lead agency cannot also be a coordinating agency."]


def test_another_agency_may_coordinate():
    item = factories.ActivityFactory()
    assert_accepted(ActivityCoordination(activity=item, agency=factories.AgencyFactory()))
    assert list(item.coordinating_agencies.all()) == [item.coordinations.get().agency]


@pytest.mark.parametrize(("status", "frozen"), [("draft", False), ("submitted", False), ("approved", True),
                                                ("in_progress", True), ("closed", True)])
def test_plan_is_frozen_once_approved(status, frozen):
    assert factories.PlanFactory.build(status=status).is_frozen is frozen


# Progress updates are append-only: a correction is a new update; only the review may change.


@pytest.fixture
def officer(db):
    return factories.UserFactory(username="reviewing_officer")


@pytest.fixture
def update(officer):
    return factories.ProgressUpdateFactory(author=officer, narrative="Đã tổ chức hội nghị triển khai.")


def test_progress_update_cannot_be_edited_in_place(update):
    update.narrative = "Sửa lại nội dung."
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            update.save()
        assert caught.value.messages == ["A submitted progress update cannot be edited; submit a new one instead."]
    update.refresh_from_db()
    assert update.narrative == "Đã tổ chức hội nghị triển khai."


@pytest.mark.parametrize("fields", [["narrative"], ["progress"], ["status", "narrative"]])
def test_progress_update_cannot_save_content_fields(update, fields):
    update.narrative, update.progress = "Sửa lại nội dung.", 80
    with pytest.raises(ValidationError):
        update.save(update_fields=fields)
    update.refresh_from_db()
    assert (update.narrative, update.progress) == ("Đã tổ chức hội nghị triển khai.", 50)


def test_progress_update_is_reviewed_through_transition(update, officer):
    transition(update, "accepted", by=officer, comment="Đạt yêu cầu.", reviewed_by=officer,
               review_comment="Đạt yêu cầu.")
    update.refresh_from_db()
    assert (update.status, update.reviewed_by, update.review_comment) == ("accepted", officer, "Đạt yêu cầu.")
    [log] = transitions_of(update)
    assert (log.from_status, log.to_status, log.by) == ("submitted", "accepted", officer)


def test_progress_update_content_cannot_change_through_transition(update, officer):
    with pytest.raises(ValidationError):
        transition(update, "returned", by=officer, narrative="Sửa lại nội dung.")
    update.refresh_from_db()
    assert (update.status, update.narrative) == ("submitted", "Đã tổ chức hội nghị triển khai.")
    assert transitions_of(update) == []


def test_progress_update_of_a_deleted_author_can_still_be_reviewed(update, officer):
    # `author` is SET_NULL when the account is removed; the review must still go through.
    ProgressUpdate.objects.filter(pk=update.pk).update(author=None)
    update.refresh_from_db()
    transition(update, "returned", by=officer, reviewed_by=officer, review_comment="Bổ sung minh chứng.")
    update.refresh_from_db()
    assert update.status == "returned"


def test_new_progress_update_for_the_same_period_is_accepted(update, officer):
    correction = factories.ProgressUpdateFactory(
        activity=update.activity, period=update.period, author=officer, progress=60, narrative="Bổ sung kết quả."
    )
    assert list(update.activity.progress_updates.order_by("pk")) == [update, correction]
