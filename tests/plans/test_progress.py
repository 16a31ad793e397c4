"""Agencies and associations report progress on their activities; department officers accept or return the reports."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.notifications.models import Notification
from plans.models import Activity, Plan, ProgressUpdate
from tests import factories


@pytest.fixture
def running(world):
    """An activity of a plan in progress, led by agency A with association X coordinating; an open period."""
    plan = factories.PlanFactory(status=Plan.Status.IN_PROGRESS)
    task = factories.TaskFactory(plan=plan, number=1)
    activity = factories.ActivityFactory(
        task=task, lead_agency=world.agency_a, coordinating_agencies=[world.association_x.agency]
    )
    period = factories.ReportingPeriodFactory(year=plan.year)
    return activity, period


def report(client, activity, period, **changes):
    data = {"period": period.pk, "activity_status": "on_track", "progress": "40",
            "narrative": "Đã tổ chức 2 buổi giao lưu với tỉnh Champasak."}
    data.update(changes)
    return client.post(reverse("plans:activity_report", args=[activity.pk]), data)


@pytest.mark.parametrize(("persona", "agency"), [("focal_a", "agency_a"), ("rep_x", "association_x")])
def test_the_lead_and_a_coordinator_report_for_their_own_agency(client_as, world, running, persona, agency):
    activity, period = running
    client = client_as(persona)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert 'data-testid="report-progress"' in page
    response = report(client, activity, period)
    update = ProgressUpdate.objects.get()
    assert response.status_code == 302 and response["Location"] == update.get_absolute_url()
    expected_agency = getattr(world, agency)
    expected_agency = getattr(expected_agency, "agency", expected_agency)
    assert (update.agency, update.author, update.status) == (
        expected_agency, world.users[persona], ProgressUpdate.ReviewStatus.SUBMITTED
    )
    assert (update.activity_status, update.progress) == ("on_track", 40)
    activity.refresh_from_db()
    assert activity.progress == 0  # nothing changes before the department accepts it


@pytest.mark.parametrize(("persona", "status"), [
    ("focal_b", 404), ("rep_y", 404), ("anonymous", 302), ("leader", 200),
])
def test_others_cannot_report(client_as, running, persona, status):
    """Out of scope: 404; a leader sees the activity but does not take part, so the form is refused (403)."""
    activity, period = running
    response = report(client_as(persona), activity, period)
    assert response.status_code == (403 if persona == "leader" else status)
    assert not ProgressUpdate.objects.exists()


def test_a_locked_period_refuses_reports_with_a_reason(client_as, running):
    activity, period = running
    period.is_locked = True
    period.save()
    client = client_as("focal_a")
    with translation.override("en"):
        page = client.get(reverse("plans:activity_report", args=[activity.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert 'data-testid="no-open-period"' in page.content.decode()
    response = report(client, activity, period)
    assert response.status_code == 200
    assert "period" in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_done_means_100_percent_and_bad_input_keeps_what_was_typed(client_as, running):
    activity, period = running
    response = report(client_as("focal_a"), activity, period, activity_status="done", progress="80",
                      narrative="Nội dung đã gõ")
    assert response.status_code == 200
    assert "progress" in response.context["form"].errors
    assert "Nội dung đã gõ" in response.content.decode()
    assert report(client_as("focal_a"), activity, period, progress="abc").status_code == 200
    assert not ProgressUpdate.objects.exists()


def test_no_reports_on_a_draft_plan(client_as, world):
    activity = factories.ActivityFactory(lead_agency=world.agency_a)
    period = factories.ReportingPeriodFactory(year=activity.task.plan.year)
    assert 'data-testid="report-progress"' not in client_as("focal_a").get(activity.get_absolute_url()).content.decode()
    assert report(client_as("focal_a"), activity, period).status_code == 403


def test_staff_accepts_and_the_activity_takes_the_reported_state_and_the_author_is_told(client_as, world, running):
    activity, period = running
    report(client_as("focal_a"), activity, period)
    update = ProgressUpdate.objects.get()
    staff = client_as("staff")
    assert 'data-testid="review-form"' in staff.get(update.get_absolute_url()).content.decode()
    response = staff.post(reverse("plans:progressupdate_review", args=[update.pk]), {"decision": "accept"})
    assert response.status_code == 302
    update.refresh_from_db()
    activity.refresh_from_db()
    assert update.status == ProgressUpdate.ReviewStatus.ACCEPTED and update.reviewed_by == world.users["staff"]
    assert (activity.status, activity.progress) == (Activity.Status.ON_TRACK, 40)
    notice = Notification.objects.get(recipient=world.users["focal_a"])
    assert notice.link == update.get_absolute_url()
    assert 'data-testid="review-form"' not in staff.get(update.get_absolute_url()).content.decode()


def test_returning_needs_a_comment_and_the_author_reads_it(client_as, world, running):
    activity, period = running
    report(client_as("focal_a"), activity, period)
    update = ProgressUpdate.objects.get()
    url = reverse("plans:progressupdate_review", args=[update.pk])
    client_as("staff").post(url, {"decision": "return", "comment": "  "})
    update.refresh_from_db()
    assert update.status == ProgressUpdate.ReviewStatus.SUBMITTED
    client_as("staff").post(url, {"decision": "return", "comment": "Bổ sung số đại biểu tham dự."})
    update.refresh_from_db()
    assert (update.status, update.review_comment) == (ProgressUpdate.ReviewStatus.RETURNED, "Bổ sung số đại biểu tham dự.")
    assert "Bổ sung số đại biểu tham dự." in Notification.objects.get(recipient=world.users["focal_a"]).text
    activity.refresh_from_db()
    assert activity.progress == 0


@pytest.mark.parametrize(("persona", "status"), [
    ("leader", 403), ("focal_a", 403), ("focal_b", 404), ("rep_y", 404), ("anonymous", 302),
])
def test_only_department_officers_review(client_as, running, persona, status):
    activity, period = running
    report(client_as("focal_a"), activity, period)
    update = ProgressUpdate.objects.get()
    response = client_as(persona).post(reverse("plans:progressupdate_review", args=[update.pk]), {"decision": "accept"})
    assert response.status_code == status
    update.refresh_from_db()
    assert update.status == ProgressUpdate.ReviewStatus.SUBMITTED
