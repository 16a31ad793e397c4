"""Creating and editing delegations with their members, programme and gifts; workflow buttons; no lost updates."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS
from delegations import services
from delegations.models import Delegation, DelegationMember
from tests import factories
from tests.partners.forms_data import add_rows, page_data


def create_url() -> str:
    return reverse("delegations:delegation_create")


def edit_url(delegation) -> str:
    return reverse("delegations:delegation_update", args=[delegation.pk])


def new_delegation_data(client, world, **changes) -> dict:
    data = page_data(client.get(create_url()))
    country = factories.CountryFactory(code="LA", name_vi="Lào", name_en="Laos")
    data.update(
        title="Đoàn công tác tỉnh Champasak", direction="inbound", channel="people", level="provincial",
        countries=[str(country.pk)], start_date="2026-08-10", end_date="2026-08-13", host_agency=str(world.agency_a.pk),
        funding_source="state_budget", head_name="",
    )
    data.update(changes)
    return data


MEMBERS = [
    {"precedence": "", "is_head": "on", "name_latin": "Khamphan Vongsa", "name_native": "ຄຳພັນ ວົງສາ",
     "title": "Phó Tỉnh trưởng"},
    {"precedence": "", "name_latin": "Bounmy Keo", "title": "Giám đốc Sở Ngoại vụ"},
]


# Who may do what ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_per_persona(client_as, world, persona):
    delegation = factories.DelegationFactory(host_agency=world.agency_a)
    client = client_as(persona)
    for address in (create_url(), edit_url(delegation), reverse("delegations:delegation_delete", args=[delegation.pk])):
        response = client.get(address)
        if persona == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
        else:
            assert response.status_code == (200 if persona in ("admin", "staff") else 403)
    history = client.get(reverse("delegations:delegation_history", args=[delegation.pk]))
    expected = {"anonymous": 302, "admin": 200, "staff": 200, "leader": 200, "focal_a": 200}.get(persona, 404)
    assert history.status_code == expected
    move = client.post(reverse("delegations:delegation_transition",
                               args=[delegation.pk, Delegation.Status.CANCELLED]), {"comment": "Hoãn"})
    expected = {"anonymous": 302, "admin": 302, "staff": 302, "leader": 403, "focal_a": 403}.get(persona, 404)
    assert move.status_code == expected
    delegation.refresh_from_db()
    assert (delegation.status == Delegation.Status.CANCELLED) == (persona in ("admin", "staff"))


# Creating and editing with child rows -------------------------------------------------------------------------------


def test_staff_creates_a_delegation_with_members_programme_and_gifts(client_as, world):
    client = client_as("staff")
    data = new_delegation_data(client, world)
    add_rows(data, "members", MEMBERS)
    add_rows(data, "programme", [{"starts_at": "2026-08-11T08:30", "ends_at": "2026-08-11T10:00",
                                  "place": "UBND tỉnh", "activity": "Hội đàm với lãnh đạo tỉnh"}])
    add_rows(data, "gifts", [{"direction": "given", "description": "Tranh sơn mài Đồng Tháp", "quantity": "1"}])
    response = client.post(create_url(), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    delegation = Delegation.objects.get(title="Đoàn công tác tỉnh Champasak")
    # The head comes from the member marked head; members get precedences in the order typed.
    assert (delegation.head_name, delegation.head_title) == ("Khamphan Vongsa", "Phó Tỉnh trưởng")
    assert [(m.precedence, m.name_latin, m.is_head) for m in delegation.members.all()] == [
        (1, "Khamphan Vongsa", True), (2, "Bounmy Keo", False)
    ]
    assert delegation.programme.get().place == "UBND tỉnh"
    assert delegation.gifts.get().description == "Tranh sơn mài Đồng Tháp"
    detail = client.get(delegation.get_absolute_url())
    assert list(detail.context["object"].members.all())[0].name_native == "ຄຳພັນ ວົງສາ"


def test_a_head_is_needed_somewhere(client_as, world):
    client = client_as("staff")
    response = client.post(create_url(), new_delegation_data(client, world))
    assert response.status_code == 200
    assert "head_name" in response.context["form"].errors


def test_validation_errors_keep_everything_typed(client_as, world):
    client = client_as("staff")
    data = new_delegation_data(client, world, end_date="2026-08-01", purpose="Trao đổi kinh nghiệm")
    add_rows(data, "members", [*MEMBERS, {"precedence": "", "is_head": "on", "name_latin": "Second Head"}])
    add_rows(data, "programme", [{"starts_at": "2026-08-11T10:00", "ends_at": "2026-08-11T09:00",
                                  "activity": "Thăm trường"}])
    response = client.post(create_url(), data)
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    members, programme, _gifts = response.context["formsets"]
    assert "is_head" in members.forms[2].errors
    assert "ends_at" in programme.forms[0].errors
    content = response.content.decode()
    for typed in ("Trao đổi kinh nghiệm", "Khamphan Vongsa", "Bounmy Keo", "Second Head", "Thăm trường",
                  'data-testid="error-end_date"'):
        assert typed in content
    assert not Delegation.objects.filter(title="Đoàn công tác tỉnh Champasak").exists()


def test_members_swap_precedence_and_head_in_one_save(client_as, world):
    delegation = factories.DelegationFactory(countries=[factories.CountryFactory()])
    first = factories.DelegationMemberFactory(delegation=delegation, precedence=1, is_head=True, name_latin="A")
    second = factories.DelegationMemberFactory(delegation=delegation, precedence=2, name_latin="B")
    client = client_as("staff")
    data = page_data(client.get(edit_url(delegation)))
    rows = {data[f"members-{index}-name_latin"]: index for index in range(2)}
    data[f"members-{rows['A']}-precedence"], data[f"members-{rows['B']}-precedence"] = "2", "1"
    data.pop(f"members-{rows['A']}-is_head")
    data[f"members-{rows['B']}-is_head"] = "on"
    response = client.post(edit_url(delegation), data)
    assert response.status_code == 302, response.context and [f.errors for f in response.context["formsets"][0]]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.precedence, first.is_head, second.precedence, second.is_head) == (2, False, 1, True)
    history = client.get(reverse("delegations:delegation_history", args=[delegation.pk])).context["history"]
    assert any("(A)" in change.label for entry in history for change in entry.changes)


def test_two_members_with_the_same_precedence_are_refused_on_the_row(client_as, world):
    delegation = factories.DelegationFactory(countries=[factories.CountryFactory()])
    client = client_as("staff")
    data = page_data(client.get(edit_url(delegation)))
    add_rows(data, "members", [{"precedence": "1", "name_latin": "X"}, {"precedence": "1", "name_latin": "Y"}])
    response = client.post(edit_url(delegation), data)
    assert response.status_code == 200
    assert "precedence" in response.context["formsets"][0].forms[1].errors
    assert not DelegationMember.objects.filter(delegation=delegation).exists()


# No lost updates ----------------------------------------------------------------------------------------------------


def test_second_delegation_edit_gets_the_conflict_and_loses_nothing(world):
    delegation = factories.DelegationFactory(purpose="Ban đầu", countries=[factories.CountryFactory()])
    member = factories.DelegationMemberFactory(delegation=delegation, precedence=1, name_latin="Member")
    first, second = Client(), Client()
    first.force_login(world.users["staff"])
    second.force_login(world.users["admin"])
    first_data = page_data(first.get(edit_url(delegation)))
    second_data = page_data(second.get(edit_url(delegation)))

    second_data["purpose"] = "Sửa bởi quản trị"
    second_data["members-0-title"] = "Trưởng đoàn"
    assert second.post(edit_url(delegation), second_data).status_code == 302

    first_data["outcomes"] = "Ký biên bản ghi nhớ"
    first_data["members-0-title"] = "Thành viên"
    response = first.post(edit_url(delegation), first_data)
    assert response.status_code == 200
    assert response.context["conflict"]
    content = response.content.decode()
    assert "Ký biên bản ghi nhớ" in content and 'value="Thành viên"' in content
    delegation.refresh_from_db()
    member.refresh_from_db()
    assert (delegation.purpose, delegation.outcomes, member.title) == ("Sửa bởi quản trị", "", "Trưởng đoàn")

    # Saving again keeps both: the admin's purpose (untouched here) and what was typed here.
    response = first.post(edit_url(delegation), page_data(response))
    assert response.status_code == 302
    delegation.refresh_from_db()
    member.refresh_from_db()
    assert (delegation.purpose, delegation.outcomes, member.title) == (
        "Sửa bởi quản trị", "Ký biên bản ghi nhớ", "Thành viên"
    )


# Workflow -----------------------------------------------------------------------------------------------------------


def test_staff_takes_a_delegation_through_its_workflow(world):
    staff = world.users["staff"]
    delegation = factories.DelegationFactory(start_date=datetime.date(2026, 3, 10), end_date=datetime.date(2026, 3, 14))
    services.change_delegation_status(delegation, Delegation.Status.DOSSIER_SUBMITTED, by=staff,
                                      dossier_submitted_on=datetime.date(2026, 2, 1))
    with pytest.raises(ValidationError) as error:
        services.change_delegation_status(delegation, Delegation.Status.APPROVED, by=staff)
    assert {"approval_number", "approval_date"} <= set(error.value.message_dict)
    services.change_delegation_status(delegation, Delegation.Status.APPROVED, by=staff,
                                      approval_number="15/QĐ-UBND", approval_date=datetime.date(2026, 2, 20))
    services.change_delegation_status(delegation, Delegation.Status.UNDER_WAY, by=staff)
    services.change_delegation_status(delegation, Delegation.Status.RETURNED, by=staff)
    services.change_delegation_status(delegation, Delegation.Status.REPORTED, by=staff,
                                      report_received_on=datetime.date(2026, 3, 20))
    delegation.refresh_from_db()
    assert delegation.status == Delegation.Status.REPORTED and not delegation.is_report_late()
    with pytest.raises(PermissionDenied):
        services.change_delegation_status(factories.DelegationFactory(), Delegation.Status.CANCELLED,
                                          by=world.users["leader"], comment="Không")


def test_late_report_is_flagged_on_the_page(client_as, world):
    ended = timezone.localdate() - datetime.timedelta(days=40)
    delegation = factories.DelegationFactory(status=Delegation.Status.RETURNED, start_date=ended,
                                             end_date=ended)
    response = client_as("staff").get(delegation.get_absolute_url())
    assert response.context["report_late"]
    assert b'data-testid="report-late-badge"' in response.content
    assert b'data-testid="move-reported"' in response.content


# Query counts -------------------------------------------------------------------------------------------------------


def count(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_detail_and_history_query_counts_do_not_grow(client_as, world):
    delegation = factories.DelegationFactory()
    client = client_as("staff")
    precedences = iter(range(1, 100))

    def add_rows_to_delegation():
        factories.DelegationMemberFactory(delegation=delegation, precedence=next(precedences),
                                          nationality=factories.CountryFactory())
        factories.ProgrammeItemFactory(delegation=delegation)
        factories.GiftFactory(delegation=delegation)

    addresses = [delegation.get_absolute_url(), reverse("delegations:delegation_history", args=[delegation.pk]),
                 edit_url(delegation)]
    add_rows_to_delegation()
    for address in addresses:
        client.get(address)
    one = [count(client, address) for address in addresses]
    for _ in range(19):
        add_rows_to_delegation()
    assert [count(client, address) for address in addresses] == one
