"""Report pages × personas, the request → status → download flow, scope on request and on download."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PERSONAS
from doingoai.reports.models import ReportJob
from tests import factories
from tests.reports.conftest import pdf_text

SEES_EVERYTHING = ("admin", "staff", "leader")
# Who may ask for each document (others get 403; anonymous users are sent to log in).
ALLOWED = {
    "plan": SEES_EVERYTHING + ("focal_a", "focal_b", "rep_x", "rep_y"),
    "plan_report": SEES_EVERYTHING + ("focal_a", "focal_b", "rep_x", "rep_y"),
    "delegations": SEES_EVERYTHING + ("focal_a", "focal_b"),
    "aid": SEES_EVERYTHING + ("focal_a", "focal_b"),
    "partner_dossier": SEES_EVERYTHING,
    "associations": SEES_EVERYTHING,
    "greeting": SEES_EVERYTHING,
}


@pytest.fixture
def plan_of_a(world):
    """A plan with one activity led by agency A (so focal_a sees the plan, focal_b does not)."""
    activity = factories.ActivityFactory(content="Giao lưu hữu nghị với tỉnh Champasak", lead_agency=world.agency_a)
    return activity.task.plan


def expected_status(persona: str, allowed) -> int:
    if persona == "anonymous":
        return 302
    return 200 if persona in allowed else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_catalogue_and_my_reports(client_as, persona):
    client = client_as(persona)
    for name in ("reports:catalogue", "reports:reportjob_list"):
        assert client.get(reverse(name)).status_code == (302 if persona == "anonymous" else 200)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("kind", sorted(ALLOWED))
def test_request_forms_by_role(client_as, persona, kind):
    response = client_as(persona).get(reverse("reports:reportjob_create", args=[kind]))
    assert response.status_code == expected_status(persona, ALLOWED[kind])


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_catalogue_lists_only_the_documents_of_the_role(client_as, persona):
    if persona == "anonymous":
        return
    content = client_as(persona).get(reverse("reports:catalogue")).content.decode()
    for kind, allowed in ALLOWED.items():
        assert (f'data-testid="document-{kind}"' in content) == (persona in allowed)


def test_an_unknown_document_is_404(client_as):
    assert client_as("staff").get(reverse("reports:reportjob_create", args=["nonsense"])).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_job_is_seen_by_its_requester_and_the_department_only(client_as, world, persona, plan_of_a):
    job = ReportJob.objects.create(kind="plan", title="Kế hoạch", parameters={"plan": plan_of_a.pk},
                                   requested_by=world.users["focal_a"])
    expected = {"anonymous": 302, "focal_a": 200, **{name: 200 for name in SEES_EVERYTHING}}.get(persona, 404)
    assert client_as(persona).get(reverse("reports:reportjob_detail", args=[job.pk])).status_code == expected


def test_the_whole_flow_for_a_focal_point_and_404_for_another(client_as, world, plan_of_a,
                                                              django_capture_on_commit_callbacks):
    client = client_as("focal_a")
    form = client.get(reverse("reports:reportjob_create", args=["plan"]) + f"?plan={plan_of_a.pk}")
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:reportjob_create", args=["plan"]), {"plan": plan_of_a.pk})
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:reportjob_detail", args=[job.pk])
    status = client.get(reverse("reports:reportjob_detail", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert 'data-status="done"' in status.content.decode() and "hx-trigger" not in status.content.decode()
    download = client.get(reverse("reports:reportjob_download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    content = b"".join(download.streaming_content)
    text = pdf_text(content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Giao lưu hữu nghị với tỉnh Champasak" in text
    assert job.title in client.get(reverse("reports:reportjob_list")).content.decode()

    other = client_as("focal_b")
    for name in ("reports:reportjob_detail", "reports:reportjob_download"):
        assert other.get(reverse(name, args=[job.pk])).status_code == 404
    assert other.get(reverse("reports:reportjob_create", args=["plan"]) + f"?plan={plan_of_a.pk}").status_code == 404
    assert other.post(reverse("reports:reportjob_create", args=["plan"]), {"plan": plan_of_a.pk}).status_code == 404
    assert ReportJob.objects.count() == 1


def test_a_running_job_polls_and_a_finished_one_stops(client_as, world, plan_of_a):
    job = ReportJob.objects.create(kind="plan", title="Kế hoạch", parameters={"plan": plan_of_a.pk},
                                   requested_by=world.users["staff"], status=ReportJob.Status.RUNNING, progress=40)
    client = client_as("staff")
    fragment = client.get(reverse("reports:reportjob_detail", args=[job.pk]), HTTP_HX_REQUEST="true")
    content = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in content and 'value="40"' in content and "<html" not in content
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.FAILED, error_code=ReportJob.Error.TIMEOUT)
    content = client.get(reverse("reports:reportjob_detail", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in content and 'data-testid="job-error"' in content


def test_download_checks_scope_again(client_as, world, plan_of_a, django_capture_on_commit_callbacks):
    client = client_as("focal_a")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:reportjob_create", args=["plan"]), {"plan": plan_of_a.pk})
    job = ReportJob.objects.get()
    assert job.status == ReportJob.Status.DONE
    # The activity moves to agency B: focal_a may no longer see the plan, nor download what was made of it.
    plan_of_a.tasks.get().activities.update(lead_agency=world.agency_b)
    assert client.get(reverse("reports:reportjob_download", args=[job.pk])).status_code == 404


def test_a_job_without_a_file_cannot_be_downloaded(client_as, world, plan_of_a):
    job = ReportJob.objects.create(kind="plan", title="Kế hoạch", parameters={"plan": plan_of_a.pk},
                                   requested_by=world.users["staff"])
    assert client_as("staff").get(reverse("reports:reportjob_download", args=[job.pk])).status_code == 404


def test_bad_input_is_a_form_error_not_a_500(client_as, world, plan_of_a):
    response = client_as("staff").post(reverse("reports:reportjob_create", args=["delegations"]),
                                       {"year": "20x6", "period": "quarter"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"year", "period"}
    assert not ReportJob.objects.exists()


def test_the_implementation_report_refuses_a_period_of_another_year(client_as, world, plan_of_a):
    period = factories.ReportingPeriodFactory(year=2025, starts_on="2025-01-01", ends_on="2025-06-30",
                                              due_on="2025-07-15")
    response = client_as("staff").post(reverse("reports:reportjob_create", args=["plan_report"]),
                                       {"plan": plan_of_a.pk, "period": period.pk})
    assert response.status_code == 200 and "period" in response.context["form"].errors


@pytest.mark.parametrize("persona", ["staff", "focal_a"])
def test_my_reports_makes_the_same_number_of_queries_for_1_and_20_jobs(client_as, world, persona, plan_of_a):
    client = client_as(persona)
    url = reverse("reports:reportjob_list")

    def add(count):
        for _ in range(count):
            ReportJob.objects.create(kind="plan", title="Kế hoạch", parameters={"plan": plan_of_a.pk},
                                     requested_by=world.users[persona])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(1)
    client.get(url)
    one = queries()
    add(19)
    assert queries() == one


def test_my_reports_lists_only_my_jobs(client_as, world, plan_of_a):
    ReportJob.objects.create(kind="plan", title="Báo cáo của lãnh đạo", parameters={}, requested_by=world.users["leader"])
    ReportJob.objects.create(kind="plan", title="Báo cáo của tôi", parameters={}, requested_by=world.users["staff"])
    content = client_as("staff").get(reverse("reports:reportjob_list")).content.decode()
    assert "Báo cáo của tôi" in content and "Báo cáo của lãnh đạo" not in content
