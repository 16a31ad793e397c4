"""Creating and editing aid projects with their transactions and reports, sectors and programmes; workflow."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aid_projects import services
from aid_projects.models import AidProject, MobilisationProgramme, Sector
from conftest import PERSONAS
from tests import factories
from tests.partners.forms_data import add_rows, page_data


def edit_url(project) -> str:
    return reverse("aid_projects:aidproject_update", args=[project.pk])


def project_in_scope_of_a(world) -> AidProject:
    project = factories.AidProjectFactory(governing_agency=world.agency_a)
    project.sectors.add(factories.SectorFactory())
    return project


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_per_persona(client_as, world, persona):
    project = project_in_scope_of_a(world)
    sector = factories.SectorFactory()
    client = client_as(persona)
    addresses = [
        reverse("aid_projects:aidproject_create"), edit_url(project),
        reverse("aid_projects:aidproject_delete", args=[project.pk]),
        reverse("aid_projects:sector_create"), reverse("aid_projects:sector_update", args=[sector.pk]),
        reverse("aid_projects:mobilisationprogramme_create"),
    ]
    for address in addresses:
        response = client.get(address)
        if persona == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
        else:
            assert response.status_code == (200 if persona in ("admin", "staff") else 403), address
    history = client.get(reverse("aid_projects:aidproject_history", args=[project.pk]))
    assert history.status_code == {"anonymous": 302, "admin": 200, "staff": 200, "leader": 200,
                                   "focal_a": 200}.get(persona, 404)
    # Sectors are reference data every signed-in user reads.
    assert client.get(reverse("aid_projects:sector_history", args=[sector.pk])).status_code == (
        302 if persona == "anonymous" else 200
    )
    move = client.post(reverse("aid_projects:aidproject_transition", args=[project.pk, AidProject.Status.APPRAISING]),
                       {"comment": ""})
    assert move.status_code == {"anonymous": 302, "admin": 302, "staff": 302, "leader": 403,
                                "focal_a": 403}.get(persona, 404)


def new_project_data(client, world, **changes) -> dict:
    data = page_data(client.get(reverse("aid_projects:aidproject_create")))
    data.update(
        code="PCPNN-2026-09", name_vi="Dự án nước sạch cho trường học", form="technical_assistance",
        delivery="cash", legal_basis="Nghị định 313/2025/NĐ-CP", donor=str(factories.ForeignPartnerFactory().pk),
        governing_agency=str(world.agency_a.pk), aid_owner=str(world.agency_b.pk), management_form="affiliated_unit",
        sectors=[str(factories.SectorFactory().pk)], committed_amount="150000", currency="USD",
        exchange_rate_vnd="25000", usd_rate_vnd="25000", counterpart_funds_vnd="0", start_month="2026-09",
        end_month="2027-08",
    )
    data.update(changes)
    return data


def test_staff_creates_a_project_with_transactions_and_reports(client_as, world):
    client = client_as("staff")
    data = new_project_data(client, world)
    add_rows(data, "transactions", [
        {"date": "2026-09-15", "kind": "commitment", "amount": "150000", "currency": "USD",
         "exchange_rate_vnd": "25000", "form": "cash"},
        {"date": "2026-10-01", "kind": "disbursement", "amount": "50000", "currency": "USD",
         "exchange_rate_vnd": "25500", "form": "cash"},
    ])
    add_rows(data, "reports", [{"period": "half_year", "period_start": "2026-07-01", "period_end": "2026-12-31",
                                "opening_balance_vnd": "0", "received_vnd": "1275000000", "used_vnd": "275000000",
                                "closing_balance_vnd": "1000000000"}])
    response = client.post(reverse("aid_projects:aidproject_create"), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    project = AidProject.objects.get(code="PCPNN-2026-09")
    assert project.start_month == datetime.date(2026, 9, 1)
    assert project.transactions.count() == 2 and project.reports.count() == 1
    detail = client.get(project.get_absolute_url())
    assert detail.context["disbursed_vnd"] == Decimal("1275000000")
    assert detail.context["disbursed_usd"] == Decimal("51000.00")
    assert detail.context["totals_usd"]["commitment"] == Decimal("150000.00")


def test_rules_are_checked_next_to_the_fields_and_rows(client_as, world):
    client = client_as("staff")
    data = new_project_data(client, world, committed_amount="250000", end_month="2026-01")
    add_rows(data, "reports", [{"period": "year", "period_start": "2026-01-01", "period_end": "2026-12-31",
                                "opening_balance_vnd": "10", "received_vnd": "5", "used_vnd": "3",
                                "closing_balance_vnd": "99"}])
    response = client.post(reverse("aid_projects:aidproject_create"), data)
    assert response.status_code == 200
    # US$250,000 needs a project management unit; the end month is before the start month.
    assert {"management_form", "end_month"} <= set(response.context["form"].errors)
    assert "closing_balance_vnd" in response.context["formsets"][1].forms[0].errors
    content = response.content.decode()
    assert "Dự án nước sạch cho trường học" in content and 'value="99"' in content
    assert not AidProject.objects.filter(code="PCPNN-2026-09").exists()


def test_second_project_edit_gets_the_conflict_and_loses_nothing(world):
    project = project_in_scope_of_a(world)
    first, second = Client(), Client()
    first.force_login(world.users["staff"])
    second.force_login(world.users["admin"])
    first_data = page_data(first.get(edit_url(project)))
    second_data = page_data(second.get(edit_url(project)))
    second_data["beneficiaries"] = "Học sinh tiểu học"
    assert second.post(edit_url(project), second_data).status_code == 302

    first_data["counterpart_source"] = "Ngân sách tỉnh"
    response = first.post(edit_url(project), first_data)
    assert response.status_code == 200 and response.context["conflict"]
    assert "Ngân sách tỉnh" in response.content.decode()
    project.refresh_from_db()
    assert (project.beneficiaries, project.counterpart_source) == ("Học sinh tiểu học", "")
    assert first.post(edit_url(project), page_data(response)).status_code == 302
    project.refresh_from_db()
    assert (project.beneficiaries, project.counterpart_source) == ("Học sinh tiểu học", "Ngân sách tỉnh")


def test_approval_timeline_and_start_warning(client_as, world):
    staff = world.users["staff"]
    project = project_in_scope_of_a(world)
    services.change_aid_project_status(project, AidProject.Status.APPRAISING, by=staff)
    with pytest.raises(ValidationError):
        services.change_aid_project_status(project, AidProject.Status.APPROVED, by=staff)
    with pytest.raises(PermissionDenied):
        services.change_aid_project_status(project, AidProject.Status.APPROVED, by=world.users["leader"],
                                           approval_number="1/QĐ", approved_on=datetime.date(2025, 1, 1))
    client = client_as("staff")
    response = client.post(
        reverse("aid_projects:aidproject_transition", args=[project.pk, AidProject.Status.APPROVED]),
        {"approval_number": "102/QĐ-UBND", "approved_on": "2025-01-10", "approval_signer": "Phó Chủ tịch",
         "comment": "Đủ hồ sơ"},
    )
    assert response.status_code == 302
    page = client.get(project.get_absolute_url())
    assert [(change.from_status, change.to_status) for change in page.context["transitions"]] == [
        (AidProject.Status.APPRAISING, AidProject.Status.APPROVED),
        (AidProject.Status.SUBMITTED, AidProject.Status.APPRAISING),
    ]
    # Approved more than 6 months ago and not started: the page warns, and offers to record the start or revoke.
    assert page.context["start_overdue"] and b'data-testid="start-overdue"' in page.content
    assert b'data-testid="move-implementing"' in page.content and b'data-testid="move-revoked"' in page.content
    response = client.post(
        reverse("aid_projects:aidproject_transition", args=[project.pk, AidProject.Status.REVOKED]),
        {"revoked_on": str(timezone.localdate()), "revocation_reason": "", "comment": ""},
    )
    assert response.status_code == 200 and "revocation_reason" in response.context["form"].errors


def test_sector_in_use_cannot_be_deleted(client_as, world):
    project = project_in_scope_of_a(world)
    sector = project.sectors.get()
    response = client_as("staff").post(reverse("aid_projects:sector_delete", args=[sector.pk]))
    assert response["Location"] == sector.get_absolute_url()
    assert Sector.objects.filter(pk=sector.pk).exists()


def test_programme_page_sums_its_projects(client_as, world):
    programme = factories.MobilisationProgrammeFactory(target_usd=Decimal("1000000"))
    project = factories.AidProjectFactory(programme=programme, status=AidProject.Status.IMPLEMENTING,
                                          approved_on=datetime.date(2025, 1, 1))
    factories.TransactionFactory(project=project)
    page = client_as("leader").get(programme.get_absolute_url())
    assert page.context["committed_usd"] == Decimal("100000.00")
    assert page.context["target_share"] == Decimal("10")
    data = page_data(client_as("staff").get(reverse("aid_projects:mobilisationprogramme_update",
                                                    args=[programme.pk])))
    data.update(start_year="2028", end_year="2026")
    response = client_as("staff").post(reverse("aid_projects:mobilisationprogramme_update", args=[programme.pk]),
                                       data)
    assert "end_year" in response.context["form"].errors
    assert MobilisationProgramme.objects.get(pk=programme.pk).start_year == 2023


def count(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["sector", "mobilisationprogramme"])
def test_reference_lists_keep_their_query_count(client_as, world, name):
    client = client_as("staff")
    make = {
        "sector": lambda: factories.AidProjectFactory().sectors.add(factories.SectorFactory()),
        "mobilisationprogramme": lambda: factories.AidProjectFactory(
            programme=factories.MobilisationProgrammeFactory()),
    }[name]
    address = reverse(f"aid_projects:{name}_list")
    make()
    client.get(address)
    one = count(client, address)
    for _ in range(19):
        make()
    assert count(client, address) == one


def test_project_history_and_edit_pages_keep_their_query_count(client_as, world):
    project = project_in_scope_of_a(world)
    client = client_as("staff")
    months = iter(range(1, 13))

    def add():
        factories.TransactionFactory(project=project)
        month = next(months)
        factories.AidReportFactory(project=project, period="month", period_start=datetime.date(2026, month, 1),
                                   period_end=datetime.date(2026, month, 28))

    addresses = [reverse("aid_projects:aidproject_history", args=[project.pk]), edit_url(project)]
    add()
    for address in addresses:
        client.get(address)
    one = [count(client, address) for address in addresses]
    for _ in range(11):
        add()
    assert [count(client, address) for address in addresses] == one


def test_sector_and_programme_pages_keep_their_query_count(client_as, world):
    sector = factories.SectorFactory()
    programme = factories.MobilisationProgrammeFactory()
    client = client_as("leader")

    def add():
        project = factories.AidProjectFactory(programme=programme, status=AidProject.Status.APPROVED,
                                              approved_on=datetime.date(2026, 1, 5))
        project.sectors.add(sector)
        factories.TransactionFactory(project=project)

    addresses = [sector.get_absolute_url(), programme.get_absolute_url()]
    add()
    for address in addresses:
        client.get(address)
    one = [count(client, address) for address in addresses]
    for _ in range(19):
        add()
    assert [count(client, address) for address in addresses] == one
