"""Creating, editing and deleting partners records in the browser: who may, what is checked, what is kept."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PERSONAS
from partners.models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationReport,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from tests import factories
from tests.partners.forms_data import add_rows, page_data

EDITORS = ("admin", "staff")


@dataclass
class Spec:
    """How to exercise one model's pages."""

    name: str
    model: type
    make: Callable  # (world) -> an existing record, in scope of the partner personas listed in `visible_to`
    create: Callable  # (world) -> the fields typed on the "new" page
    change: tuple[str, str]  # a field and the value typed on the edit page
    visible_to: set = field(default_factory=set)


SPECS = [
    Spec("country", Country, lambda world: factories.CountryFactory(),
         lambda world: {"code": "ZZ", "name_vi": "Nước Thử", "name_en": "Testland"},
         ("name_en", "Republic of Testland"), visible_to={"focal_a", "focal_b", "rep_x", "rep_y"}),
    Spec("administrativeunit", AdministrativeUnit, lambda world: factories.AdministrativeUnitFactory(),
         lambda world: {"name": "Xã Mỹ An", "level": "commune"},
         ("name", "Xã Mỹ An Hưng"), visible_to={"focal_a", "focal_b", "rep_x", "rep_y"}),
    Spec("agency", Agency, lambda world: world.agency_a,
         lambda world: {"name": "Sở Khoa học và Công nghệ", "code": "so-khcn", "kind": "department"},
         ("short_name", "Sở KH&CN"), visible_to={"focal_a"}),
    Spec("foreignpartner", ForeignPartner, lambda world: factories.ForeignPartnerFactory(),
         lambda world: {"kind": "ngo", "name_vi": "Tổ chức Thử nghiệm", "status": "active"},
         ("name_native", "Test Organisation")),
    Spec("contact", Contact, lambda world: factories.ContactFactory(),
         lambda world: {"partner": str(factories.ForeignPartnerFactory().pk), "name_latin": "Jane Roe",
                        "protocol_rank": "1"},
         ("title", "Consul General")),
    Spec("agreement", Agreement, lambda world: factories.AgreementFactory(),
         lambda world: {"kind": "mou", "title": "Bản ghi nhớ thử", "vn_signatory": str(world.agency_a.pk),
                        "foreign_parties": [str(factories.ForeignPartnerFactory().pk)]},
         ("vn_signer", "Nguyễn Văn B")),
    Spec("friendshipassociation", FriendshipAssociation, lambda world: world.association_x,
         lambda world: {"name": "Hội hữu nghị Việt Nam – Thử nghiệm", "kind": "association", "member_count": "10"},
         ("member_count", "150"), visible_to={"rep_x"}),
    Spec("associationreport", AssociationReport,
         lambda world: factories.AssociationReportFactory(association=world.association_x),
         lambda world: {"association": str(world.association_y.pk), "year": "2025", "period": "year"},
         ("difficulties", "Thiếu kinh phí hoạt động"), visible_to={"rep_x"}),
    Spec("occasion", Occasion, lambda world: factories.OccasionFactory(),
         lambda world: {"kind": "national_day", "title": "Quốc khánh Thử", "date_rule": "fixed", "day": "2",
                        "month": "9"},
         ("title", "Quốc khánh nước Thử")),
    Spec("greeting", Greeting, lambda world: factories.GreetingFactory(),
         lambda world: {"occasion": str(factories.OccasionFactory().pk), "year": "2026", "form": "letter",
                        "recipient": "Đại sứ quán nước Thử"},
         ("signer", "Chủ tịch UBND tỉnh")),
]
SPEC_IDS = [spec.name for spec in SPECS]


def url(spec: Spec, action: str, record=None) -> str:
    return reverse(f"partners:{spec.name}_{action}", args=[record.pk] if record is not None else [])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_who_may_create_edit_delete_and_read_history(client_as, world, spec, persona):
    record = spec.make(world)
    client = client_as(persona)
    pages = {
        "create": url(spec, "create"),
        "update": url(spec, "update", record),
        "delete": url(spec, "delete", record),
    }
    for action, address in pages.items():
        response = client.get(address)
        if persona == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
        elif persona in EDITORS:
            assert response.status_code == 200, action
        else:
            # Leaders read and approve; partner users act on their own records only: neither edits these.
            assert response.status_code == 403, action
    if persona not in EDITORS:
        assert client.post(pages["update"], {}).status_code in (302, 403)
        assert client.post(pages["delete"]).status_code in (302, 403)
        assert spec.model.objects.filter(pk=record.pk).exists()

    history = client.get(url(spec, "history", record))
    if persona == "anonymous":
        assert history.status_code == 302
    elif persona in ("admin", "staff", "leader") or persona in spec.visible_to:
        assert history.status_code == 200
    else:
        assert history.status_code == 404


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_staff_creates_edits_and_deletes(client_as, world, spec):
    client = client_as("staff")
    data = page_data(client.get(url(spec, "create")))
    data.update(spec.create(world))
    response = client.post(url(spec, "create"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    record = spec.model.objects.latest("pk")
    assert response["Location"] == record.get_absolute_url()
    assert record.history.latest().history_user == world.users["staff"]

    name, value = spec.change
    data = page_data(client.get(url(spec, "update", record)))
    data.update({name: value, "change_reason": "Theo công văn 12/SNgV"})
    response = client.post(url(spec, "update", record), data)
    assert response.status_code == 302, response.context["form"].errors
    record.refresh_from_db()
    assert str(getattr(record, name)) == value
    history = client.get(url(spec, "history", record))
    assert history.status_code == 200
    assert history.context["history"][0].reason == "Theo công văn 12/SNgV"

    response = client.post(url(spec, "delete", record))
    assert response.status_code == 302
    assert response["Location"] == url(spec, "list")
    assert not spec.model.objects.filter(pk=record.pk).exists()


def test_new_association_gets_its_agency_created(client_as, world):
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:friendshipassociation_create")))
    data.update(name="Hội hữu nghị Việt Nam – Cu-ba tỉnh Đồng Tháp", kind="association", union="", agency="")
    response = client.post(reverse("partners:friendshipassociation_create"), data)
    assert response.status_code == 302
    association = FriendshipAssociation.objects.get(name="Hội hữu nghị Việt Nam – Cu-ba tỉnh Đồng Tháp")
    assert association.agency.name == association.name
    assert association.agency.kind == Agency.Kind.ASSOCIATION


# Validation: the message sits next to the field and everything typed is kept --------------------------------------


def test_country_national_day_without_month_is_refused_next_to_the_field(client_as, world):
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:country_create")))
    data.update(code="ZY", name_vi="Nước Ví Dụ", name_en="Exampleland", national_day_day="14", national_day_month="")
    response = client.post(reverse("partners:country_create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"national_day_month"}
    content = response.content.decode()
    assert 'data-testid="error-national_day_month"' in content
    assert 'value="Nước Ví Dụ"' in content and 'value="Exampleland"' in content
    assert not Country.objects.filter(code="ZY").exists()


def test_agency_cannot_become_its_own_ancestor(client_as, world):
    child = factories.AgencyFactory(parent=world.agency_a)
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:agency_update", args=[world.agency_a.pk])))
    data["parent"] = str(child.pk)
    response = client.post(reverse("partners:agency_update", args=[world.agency_a.pk]), data)
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors


def test_agreement_dates_are_checked_field_by_field(client_as, world):
    agreement = factories.AgreementFactory()
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:agreement_update", args=[agreement.pk])))
    data.update(effective_from="2026-01-01", expires_on="2025-01-01", ministry_opinion_requested_on="2022-08-01",
                ministry_opinion_received_on="2022-07-01", title="Tiêu đề mới")
    response = client.post(reverse("partners:agreement_update", args=[agreement.pk]), data)
    assert response.status_code == 200
    assert {"expires_on", "ministry_opinion_received_on"} <= set(response.context["form"].errors)
    assert "Tiêu đề mới" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.title != "Tiêu đề mới"


def test_occasion_needs_day_and_month_unless_set_each_year(client_as, world):
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:occasion_create")))
    data.update(kind="new_year", title="Tết Bunpimay", date_rule="fixed", day="", month="")
    response = client.post(reverse("partners:occasion_create"), data)
    assert {"day", "month"} <= set(response.context["form"].errors)

    data["date_rule"] = "per_year"
    add_rows(data, "dates", [
        {"year": "2026", "date": "2026-04-14", "end_date": "2026-04-16"},
        {"year": "2027", "date": "2026-04-14", "end_date": ""},
    ])
    response = client.post(reverse("partners:occasion_create"), data)
    assert response.status_code == 200
    row_errors = [form.errors for form in response.context["formsets"][0].forms]
    assert "date" in row_errors[1]
    assert not Occasion.objects.filter(title="Tết Bunpimay").exists()

    data["dates-1-date"] = "2027-04-14"
    response = client.post(reverse("partners:occasion_create"), data)
    assert response.status_code == 302
    occasion = Occasion.objects.get(title="Tết Bunpimay")
    assert [(row.year, row.date) for row in occasion.dates.order_by("year")] == [
        (2026, datetime.date(2026, 4, 14)), (2027, datetime.date(2027, 4, 14))
    ]


# Child rows on the parent's page ---------------------------------------------------------------------------------


def test_partner_is_created_with_its_registration_and_contacts_in_one_save(client_as, world):
    client = client_as("staff")
    data = page_data(client.get(reverse("partners:foreignpartner_create")))
    data.update(kind="ngo", name_vi="Tổ chức Nước sạch Mê Kông", status="active")
    add_rows(data, "registrations", [{"kind": "operation_permit", "number": "123/GĐK", "issued_on": "2025-01-10",
                                      "expires_on": "2030-01-10"}])
    add_rows(data, "contacts", [
        {"protocol_rank": "2", "name_latin": "John Smith", "title": "Programme officer", "is_active": "on"},
        {"protocol_rank": "1", "name_latin": "Mary Major", "title": "Country director", "is_active": "on"},
    ])
    response = client.post(reverse("partners:foreignpartner_create"), data)
    # An operation permit lasts 3 years at most: the row is refused, everything typed is kept.
    assert response.status_code == 200
    registrations = response.context["formsets"][0]
    assert "expires_on" in registrations.forms[0].errors
    content = response.content.decode()
    assert "John Smith" in content and "Mary Major" in content and "Tổ chức Nước sạch Mê Kông" in content
    assert not ForeignPartner.objects.filter(name_vi="Tổ chức Nước sạch Mê Kông").exists()

    data["registrations-0-expires_on"] = "2028-01-10"
    response = client.post(reverse("partners:foreignpartner_create"), data)
    assert response.status_code == 302
    partner = ForeignPartner.objects.get(name_vi="Tổ chức Nước sạch Mê Kông")
    assert partner.registrations.get().number == "123/GĐK"
    assert list(partner.contacts.values_list("name_latin", flat=True)) == ["Mary Major", "John Smith"]

    # Editing a contact and deleting another on the partner's page shows in the partner's history.
    data = page_data(client.get(reverse("partners:foreignpartner_update", args=[partner.pk])))
    rows = {data[f"contacts-{index}-name_latin"]: index for index in range(2)}
    data[f"contacts-{rows['John Smith']}-title"] = "Deputy director"
    data[f"contacts-{rows['Mary Major']}-DELETE"] = "on"
    assert client.post(reverse("partners:foreignpartner_update", args=[partner.pk]), data).status_code == 302
    assert list(partner.contacts.values_list("title", flat=True)) == ["Deputy director"]
    history = client.get(reverse("partners:foreignpartner_history", args=[partner.pk])).context["history"]
    changes = [(change.old, change.new) for entry in history for change in entry.changes]
    assert ("Programme officer", "Deputy director") in changes
    assert ("Mary Major", "—") in changes


def test_association_terms_officers_and_chapters_are_edited_on_its_page(client_as, world):
    association = world.association_x
    term = factories.AssociationTermFactory(association=association, number=4)
    other_term = factories.AssociationTermFactory(association=world.association_y, number=1)
    client = client_as("staff")
    address = reverse("partners:friendshipassociation_update", args=[association.pk])
    data = page_data(client.get(address))
    add_rows(data, "chapters", [{"name": "Chi hội Cao Lãnh", "member_count": "45"}])
    add_rows(data, "officers", [{"role": "president", "name": "Nguyễn Văn C", "term": str(other_term.pk)}])
    response = client.post(address, data)
    # An officer's term must be one of the association's own.
    assert response.status_code == 200
    assert "term" in response.context["formsets"][1].forms[0].errors

    data["officers-0-term"] = str(term.pk)
    assert client.post(address, data).status_code == 302
    assert association.chapters.get().member_count == 45
    assert association.officers.get().term == term


# No lost updates ----------------------------------------------------------------------------------------------------


def two_editors(world) -> tuple[Client, Client]:
    first, second = Client(), Client()
    first.force_login(world.users["staff"])
    second.force_login(world.users["admin"])
    return first, second


def test_second_partner_edit_gets_the_conflict_and_loses_nothing(world):
    partner = factories.ForeignPartnerFactory(name_native="Original")
    address = reverse("partners:foreignpartner_update", args=[partner.pk])
    first, second = two_editors(world)
    first_data = page_data(first.get(address))
    second_data = page_data(second.get(address))

    second_data["name_native"] = "Changed by the admin"
    assert second.post(address, second_data).status_code == 302

    first_data["fields"] = "Y tế, giáo dục"
    response = first.post(address, first_data)
    assert response.status_code == 200
    assert response.context["conflict"]
    assert 'data-testid="conflict"' in response.content.decode()
    assert "Y tế, giáo dục" in response.content.decode()
    partner.refresh_from_db()
    assert (partner.name_native, partner.fields) == ("Changed by the admin", "")

    # Saving again, having seen the other change, goes through.
    response = first.post(address, page_data(response))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.name_native, partner.fields) == ("Changed by the admin", "Y tế, giáo dục")


def test_contact_row_changed_elsewhere_is_refused_on_the_partner_page(world):
    partner = factories.ForeignPartnerFactory()
    contact = factories.ContactFactory(partner=partner, title="Director")
    address = reverse("partners:foreignpartner_update", args=[partner.pk])
    first, second = two_editors(world)
    first_data = page_data(first.get(address))

    contact_address = reverse("partners:contact_update", args=[contact.pk])
    contact_data = page_data(second.get(contact_address))
    contact_data["title"] = "Ambassador"
    assert second.post(contact_address, contact_data).status_code == 302

    first_data["contacts-0-title"] = "Chargé d'affaires"
    response = first.post(address, first_data)
    assert response.status_code == 200
    assert response.context["formsets"][1].forms[0].non_field_errors()
    assert "Chargé d&#x27;affaires" in response.content.decode()
    contact.refresh_from_db()
    assert contact.title == "Ambassador"


# Deleting what other records depend on --------------------------------------------------------------------------


def test_protected_records_are_kept_with_a_message(client_as, world):
    client = client_as("staff")
    country = factories.CountryFactory()
    factories.ForeignPartnerFactory(country=country)
    response = client.post(reverse("partners:country_delete", args=[country.pk]), follow=True)
    assert response.status_code == 200
    assert Country.objects.filter(pk=country.pk).exists()
    assert [message.level_tag for message in response.context["messages"]] == ["error"]

    factories.DelegationFactory(host_agency=world.agency_b)
    response = client.post(reverse("partners:agency_delete", args=[world.agency_b.pk]))
    assert response.status_code == 302
    assert Agency.objects.filter(pk=world.agency_b.pk).exists()


def test_partner_named_in_an_agreement_is_not_silently_removed_from_it(client_as, world):
    partner = factories.ForeignPartnerFactory()
    factories.AgreementFactory(foreign_parties=[partner])
    response = client_as("staff").post(reverse("partners:foreignpartner_delete", args=[partner.pk]))
    assert response["Location"] == partner.get_absolute_url()
    assert ForeignPartner.objects.filter(pk=partner.pk).exists()


# Lists and pages added for reference data ----------------------------------------------------------------------


def test_reference_lists_keep_their_query_count(client_as, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("staff")
    province = factories.AdministrativeUnitFactory(level=AdministrativeUnit.Level.PROVINCE, name="Tỉnh Thử")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("partners:administrativeunit_list")).status_code == 200
        return len(queries)

    factories.AdministrativeUnitFactory(parent=province)
    client.get(reverse("partners:administrativeunit_list"))
    one = count()
    for _ in range(19):
        factories.AdministrativeUnitFactory(parent=province)
    assert count() == one


def test_new_buttons_show_for_editors_only(client_as, world):
    assert b'data-testid="create"' in client_as("staff").get(reverse("partners:agreement_list")).content
    assert b'data-testid="create"' not in client_as("leader").get(reverse("partners:agreement_list")).content
    partner = factories.ForeignPartnerFactory()
    assert b'data-testid="edit"' in client_as("staff").get(partner.get_absolute_url()).content
    assert b'data-testid="edit"' not in client_as("leader").get(partner.get_absolute_url()).content


def test_administrative_unit_page_keeps_its_query_count(client_as, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    province = factories.AdministrativeUnitFactory(level=AdministrativeUnit.Level.PROVINCE, name="Tỉnh Thử")
    client = client_as("staff")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(province.get_absolute_url()).status_code == 200
        return len(queries)

    factories.AdministrativeUnitFactory(parent=province)
    client.get(province.get_absolute_url())
    one = count()
    for _ in range(19):
        factories.AdministrativeUnitFactory(parent=province)
    assert count() == one
