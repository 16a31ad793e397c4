"""Who sees which landing page and the dashboard, the year selector, constant query counts, and the exports."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from doingoai.dashboard import figures as dashboard
from plans.models import Activity
from tests import factories

SEES_EVERYTHING = ("admin", "staff", "leader")
PARTNER_USERS = ("focal_a", "focal_b", "rep_x", "rep_y")
DASHBOARD_URLS = ("dashboard:leadership", "dashboard:export_xlsx")


def templates(response) -> set[str]:
    return {template.name for template in response.templates}


# Access ------------------------------------------------------------------------------------------------------------

def test_the_leader_lands_on_the_dashboard(world, client_as):
    response = client_as("leader").get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert "dashboard/leadership.html" in templates(response)
    assert b'data-testid="leadership-tab"' not in response.content


@pytest.mark.parametrize("persona", ["staff", "admin"])
def test_officers_land_on_their_overview_with_the_dashboard_as_a_tab(world, client_as, persona):
    client = client_as(persona)
    home = client.get(reverse("dashboard:home"))
    assert "dashboard/home.html" in templates(home)
    assert b'data-testid="leadership-tab"' in home.content
    tab = client.get(reverse("dashboard:leadership"))
    assert tab.status_code == 200
    assert "dashboard/leadership.html" in templates(tab)
    assert b'data-testid="leadership-tab"' in tab.content


@pytest.mark.parametrize("persona", PARTNER_USERS)
def test_partner_users_land_on_their_own_work_without_the_dashboard(world, client_as, persona):
    response = client_as(persona).get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert "dashboard/home.html" in templates(response)
    assert "dashboard/leadership.html" not in templates(response)
    assert b'data-testid="leadership-tab"' not in response.content
    assert response.context["my_activities"] is not None


def test_anonymous_users_are_sent_to_log_in(world, client_as):
    client = client_as("anonymous")
    for name in ("dashboard:home", *DASHBOARD_URLS, "dashboard:export_pdf"):
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("accounts:login")), name


@pytest.mark.parametrize("persona", PARTNER_USERS)
@pytest.mark.parametrize("name", [*DASHBOARD_URLS, "dashboard:export_pdf"])
def test_partner_users_may_not_open_the_dashboard_or_its_exports(world, client_as, persona, name):
    assert client_as(persona).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("persona", SEES_EVERYTHING)
@pytest.mark.parametrize("name", DASHBOARD_URLS)
def test_leaders_officers_and_admins_open_the_dashboard_and_its_workbook(world, client_as, persona, name):
    assert client_as(persona).get(reverse(name)).status_code == 200


def test_a_focal_point_sees_only_its_agencys_activities_on_its_landing_page(province, client_as, world):
    mine = factories.ActivityFactory(
        task=factories.TaskFactory(plan=factories.PlanFactory(year=timezone.localdate().year)),
        lead_agency=world.agency_a,
    )
    theirs = factories.ActivityFactory(task=mine.task, lead_agency=world.agency_b)
    response = client_as("focal_a").get(reverse("dashboard:home"))
    shown = set(response.context["my_activities"])
    assert mine in shown and theirs not in shown


# The year ----------------------------------------------------------------------------------------------------------

def test_the_year_selector_chooses_the_year(province, client_as):
    client = client_as("leader")
    current = client.get(reverse("dashboard:leadership"))
    assert current.context["year"] == province.today.year
    chosen = client.get(reverse("dashboard:leadership"), {"year": province.year})
    assert chosen.context["year"] == province.year
    assert chosen.context["figures"]["plans"]["total"]["count"] == 6
    assert f'<option value="{province.year}" selected>'.encode() in chosen.content


@pytest.mark.parametrize("bad", ["abc", "1800", "3000", "2026.5", "-1"])
def test_a_bad_year_shows_the_current_year_and_says_why(world, client_as, bad):
    response = client_as("leader").get(reverse("dashboard:leadership"), {"year": bad})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    assert b'data-testid="year-error"' in response.content


def test_the_page_carries_the_chart_data_as_json_not_as_script(province, client_as):
    response = client_as("leader").get(reverse("dashboard:leadership"), {"year": province.year})
    content = response.content.decode()
    assert '<script id="dashboard-charts" type="application/json">' in content
    charts = response.context["charts"]
    assert set(charts) == {"tasks", "months", "aid_years", "aid_sectors"}
    tasks = charts["tasks"]["datasets"]
    assert [dataset["data"] for dataset in tasks] == [[3, 3], [1, 1], [2, 0]]
    assert all(url.startswith("/plans/activities/?") for dataset in tasks for url in dataset["urls"])
    # No inline JavaScript: every other script tag loads a file.
    for script in content.split("<script")[1:]:
        head = script.split(">", 1)[0]
        assert "src=" in head or 'type="application/json"' in head, head


def test_round_anniversaries_are_highlighted(province, client_as):
    response = client_as("leader").get(reverse("dashboard:leadership"))
    assert response.content.count(b'data-testid="round-anniversary"') == 1


# Speed -------------------------------------------------------------------------------------------------------------

def add_activities(task, agencies, count: int, start: int = 1) -> None:
    statuses = [Activity.Status.DONE, Activity.Status.LATE, Activity.Status.ON_TRACK, Activity.Status.NOT_STARTED]
    Activity.objects.bulk_create(
        [
            Activity(
                task=task, number=number, content=f"Hoạt động {number}", lead_agency=agencies[number % len(agencies)],
                status=statuses[number % 4], progress=100 if statuses[number % 4] == Activity.Status.DONE else 0,
                quarter=number % 4 + 1,
            )
            for number in range(start, start + count)
        ],
        batch_size=2000,
    )


@pytest.mark.slow
def test_the_number_of_queries_does_not_grow_from_10_to_10000_activities(province, client_as):
    year = province.year
    plan = factories.PlanFactory(year=year, number="bulk")
    tasks = [factories.TaskFactory(plan=plan, number=number) for number in (11, 12, 13)]
    agencies = [province.records["agency_a"], province.records["agency_b"], factories.AgencyFactory()]
    client = client_as("leader")
    url = reverse("dashboard:leadership")

    def measure() -> tuple[int, int, dict]:
        dashboard.cache.invalidate()
        with CaptureQueriesContext(connection) as computing:
            data = dashboard.compute(year, province.today)
        dashboard.cache.invalidate()
        with CaptureQueriesContext(connection) as page:
            response = client.get(url, {"year": year})
        assert response.status_code == 200
        return len(computing), len(page), data

    for task in tasks:
        add_activities(task, agencies, 3 if task.number < 13 else 4)
    small = measure()
    assert small[2]["plans"]["total"]["count"] == 6 + 10
    for task in tasks:
        add_activities(task, agencies, 3330, start=100)
    large = measure()
    assert large[2]["plans"]["total"]["count"] == 6 + 10 + 9990
    assert large[:2] == small[:2]


def test_a_cached_dashboard_costs_no_figure_queries(province, client_as):
    client = client_as("leader")
    url = reverse("dashboard:leadership")
    client.get(url, {"year": province.year})
    with CaptureQueriesContext(connection) as cached:
        client.get(url, {"year": province.year})
    # What is left is the request's own: session, user.
    assert len(cached) <= 4, [query["sql"] for query in cached]


# Exports -----------------------------------------------------------------------------------------------------------

def test_the_workbook_holds_the_tables_with_links_to_the_lists(province, client_as):
    response = client_as("leader").get(reverse("dashboard:export_xlsx"), {"year": province.year})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 12
    summary = book[book.sheetnames[0]]
    rows = list(summary.iter_rows(min_row=3, values_only=True))
    assert [row[1] for row in rows[:6]] == [6, 2, 2, 2, 2, 1]
    late = summary.cell(row=5, column=2)
    assert late.hyperlink.target == f"http://testserver/plans/activities/?year={province.year}&late=true"
    tasks = book[book.sheetnames[1]]
    assert [row[:4] for row in tasks.iter_rows(min_row=3, values_only=True)] == [
        ("1. Hòa bình, hữu nghị", 3, 1, 2), ("2. Vận động viện trợ", 3, 1, 0),
    ]
    aid_years = book[book.sheetnames[6]]
    last = list(aid_years.iter_rows(min_row=3, values_only=True))[-1]
    assert last[:3] == (province.year, 1, 100_000)
    associations = book[book.sheetnames[10]]
    names = [row[0] for row in associations.iter_rows(min_row=3, values_only=True)]
    assert names == ["Hội hữu nghị X (thử)", "Hội hữu nghị Y (thử)"]
    coming = book[book.sheetnames[11]]
    dates = [row[0] for row in coming.iter_rows(min_row=3, values_only=True)]
    assert all(isinstance(each, datetime.datetime) for each in dates) and len(dates) == 2 + 3 + 3


def test_the_pdf_is_an_official_document_with_the_figures_in_vietnamese(province, client_as):
    from pypdf import PdfReader

    response = client_as("leader").get(reverse("dashboard:export_pdf"), {"year": province.year})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert ".pdf" in response["Content-Disposition"]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert f"Tình hình công tác đối ngoại nhân dân năm {province.year}" in text
    assert f"Kế hoạch năm {province.year} có 6 hoạt động; đã hoàn thành 2 (33%)" in text
    assert "có 2 đoàn ra và 2 đoàn vào" in text
    assert "US$100.000" in text and "US$70.000" in text
    assert "Hội hữu nghị X (thử)" in text and "Hòa bình, hữu nghị" in text
    assert "Quốc khánh (50 năm) (50 năm, năm tròn)" in text
