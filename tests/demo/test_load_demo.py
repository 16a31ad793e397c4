"""What `load_demo` loads: enough, valid, and consistent data for every screen of the portal.

The demo is loaded once for the module inside a transaction that is rolled back at the end; each test runs in a
savepoint within it, as Django's TestCase.setUpTestData does.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q
from django.test import Client

from aid_projects.models import AidProject, AidReport
from delegations.models import Delegation
from doingoai.accounts.models import User
from doingoai.demo.loader import PASSWORD
from partners.models import Agreement, Country, ForeignPartner, FriendshipAssociation, Occasion, OccasionDate
from plans.models import Activity, Plan

pytestmark = pytest.mark.django_db

DOMAIN_APPS = ("accounts", "core", "partners", "plans", "delegations", "aid_projects")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_demo_meets_the_minimum_volumes(demo):
    assert Country.objects.count() >= 15
    for year in (2025, 2026):
        plan = Plan.objects.get(year=year)
        assert plan.tasks.count() == 7
    assert Plan.objects.get(year=2025).status in {Plan.Status.CLOSED, Plan.Status.IN_PROGRESS}
    assert Plan.objects.get(year=2026).status in {Plan.Status.APPROVED, Plan.Status.IN_PROGRESS}
    assert Activity.objects.count() >= 30
    assert FriendshipAssociation.objects.filter(kind=FriendshipAssociation.Kind.ASSOCIATION).count() >= 5
    assert FriendshipAssociation.objects.filter(kind=FriendshipAssociation.Kind.UNION).count() == 1
    assert Agreement.objects.count() >= 3
    assert Delegation.objects.count() >= 10
    assert {Delegation.Direction.INBOUND, Delegation.Direction.OUTBOUND} <= set(
        Delegation.objects.values_list("direction", flat=True))
    assert AidProject.objects.count() >= 8
    assert not AidProject.objects.filter(transactions__isnull=True).exists()


def test_every_partner_country_has_occasions(demo):
    partner_countries = Country.objects.filter(partners__isnull=False).distinct()
    assert partner_countries.count() >= 15
    for country in partner_countries:
        assert Occasion.objects.filter(country=country, kind=Occasion.Kind.NATIONAL_DAY).exists() \
            or country.code == "GB", country
        assert Occasion.objects.filter(country=country, kind=Occasion.Kind.RELATIONS).exists(), country
    for occasion in Occasion.objects.filter(date_rule=Occasion.DateRule.PER_YEAR):
        assert set(OccasionDate.objects.filter(occasion=occasion).values_list("year", flat=True)) >= {2025, 2026, 2027}
    assert Occasion.objects.filter(date_rule=Occasion.DateRule.LUNAR, month=1, day=1).exists()


def test_activities_have_one_lead_and_at_most_three_other_coordinators(demo):
    for activity in Activity.objects.prefetch_related("coordinating_agencies"):
        coordinating = set(activity.coordinating_agencies.all())
        assert activity.lead_agency not in coordinating
        assert len(coordinating) <= 3
    finance = Activity.objects.filter(lead_agency__code="so-tai-chinh").count()
    assert finance >= 1
    assert Activity.objects.filter(coordinations__agency__code="so-tai-chinh").count() >= 3
    assert Activity.objects.filter(lead_agency__code="so-vhttdl").count() >= 3
    late_2026 = Activity.objects.filter(task__plan__year=2026, status__in=["late", "at_risk"])
    assert late_2026.filter(status="late").exists() and late_2026.filter(status="at_risk").exists()


def test_dashboard_has_warnings_to_show(demo):
    today = datetime.date.today()
    assert any(project.is_start_overdue(today) for project in AidProject.objects.filter(status="approved"))
    assert any(delegation.is_report_late(today) for delegation in Delegation.objects.filter(status="returned"))
    assert any(agreement.is_post_signing_report_late(today) for agreement in Agreement.objects.all())


def test_aid_report_balances_chain_and_add_up(demo):
    reports = AidReport.objects.order_by("project", "period_start")
    assert reports.count() >= 5
    previous: dict[int, object] = {}
    for report in reports:
        assert report.closing_balance_vnd == report.opening_balance_vnd + report.received_vnd - report.used_vnd
        if report.project_id in previous:
            assert report.opening_balance_vnd == previous[report.project_id]
        previous[report.project_id] = report.closing_balance_vnd


@pytest.mark.parametrize(
    ("username", "role", "agency_code", "association_country"),
    [
        ("admin", User.Role.ADMIN, None, None),
        ("staff", User.Role.STAFF, None, None),
        ("leader", User.Role.LEADER, None, None),
        ("focal_finance", User.Role.AGENCY_FOCAL, "so-tai-chinh", None),
        ("focal_culture", User.Role.AGENCY_FOCAL, "so-vhttdl", None),
        ("assoc_laos", User.Role.ASSOCIATION_REP, None, "LA"),
        ("assoc_cambodia", User.Role.ASSOCIATION_REP, None, "KH"),
    ],
)
def test_demo_user_logs_in_with_the_demo_password(demo, username, role, agency_code, association_country):
    user = User.objects.get(username=username)
    assert Client().login(username=username, password=PASSWORD)
    assert user.role == role
    assert user.get_full_name().strip()
    if agency_code:
        assert user.agency.code == agency_code
    if association_country:
        assert user.association.partner_country.code == association_country
        assert user.association.kind == FriendshipAssociation.Kind.ASSOCIATION
    if username == "admin":
        assert user.is_staff and user.is_superuser


def test_every_association_is_also_an_agency(demo):
    for association in FriendshipAssociation.objects.select_related("agency"):
        expected = "friendship_union" if association.kind == "union" else "association"
        assert association.agency.kind == expected


def test_twinned_provinces_and_ngos_are_registered(demo):
    twinned = set(ForeignPartner.objects.filter(is_twinned=True).values_list("name_vi", flat=True))
    assert {"Tỉnh Prey Veng", "Tỉnh Banteay Meanchey", "Tỉnh Champasak"} <= twinned
    ngos = ForeignPartner.objects.filter(kind__in=["ngo", "foundation"]).annotate(
        registrations_count=Count("registrations"))
    assert ngos.filter(registrations_count__gt=0).count() >= 6


def test_every_record_passes_full_clean(demo):
    errors = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in DOMAIN_APPS or model.__name__.startswith("Historical"):
            continue
        for obj in model._base_manager.all():
            try:
                obj.full_clean()
            except Exception as error:  # noqa: BLE001 (collect every failure for one readable report)
                errors.append(f"{model._meta.label} {obj.pk}: {error}")
    assert not errors, "\n".join(errors)


def test_done_activities_are_complete(demo):
    assert not Activity.objects.filter(Q(status="done") & ~Q(progress=100)).exists()
