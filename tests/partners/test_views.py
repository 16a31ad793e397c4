"""Partners pages: constant query counts, accent-insensitive search, HTMX partials and what detail pages show."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import AssociationOfficer, FriendshipAssociation, Occasion
from tests import factories


def make_agency():
    factories.AgencyFactory(parent=factories.AgencyFactory())


def make_partner():
    factories.ForeignPartnerFactory(parent=factories.ForeignPartnerFactory())


def make_agreement():
    factories.AgreementFactory(foreign_parties=[factories.ForeignPartnerFactory(), factories.ForeignPartnerFactory()])


def make_association():
    union = factories.FriendshipAssociationFactory(kind=FriendshipAssociation.Kind.UNION)
    association = factories.FriendshipAssociationFactory(union=union)
    factories.AssociationChapterFactory(association=association)
    factories.AssociationChapterFactory(association=association)


def make_occasion():
    factories.OccasionFactory(
        partner=factories.ForeignPartnerFactory(),
        association=factories.FriendshipAssociationFactory(),
        agreement=factories.AgreementFactory(),
    )


def make_greeting():
    factories.GreetingFactory(recipient_contact=factories.ContactFactory(), assigned_to=factories.UserFactory())


# How to add one row (with its own related records, so that a query per row would show) to each list.
ROW_MAKERS = {
    "country": lambda: factories.CountryFactory(),
    "agency": make_agency,
    "foreignpartner": make_partner,
    "contact": lambda: factories.ContactFactory(),
    "agreement": make_agreement,
    "friendshipassociation": make_association,
    "associationreport": lambda: factories.AssociationReportFactory(),
    "occasion": make_occasion,
    "greeting": make_greeting,
}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("model", ROW_MAKERS)
def test_list_page_query_count_does_not_grow_with_rows(client_as, model):
    client = client_as("staff")
    url = reverse(f"partners:{model}_list")
    make_row = ROW_MAKERS[model]
    make_row()
    client.get(url)  # warm per-process caches (content types, translations) before counting
    with_one = count_queries(client, url)
    for _ in range(49):
        make_row()
    with_fifty = count_queries(client, url)  # a full page
    assert with_one == with_fifty


@pytest.mark.parametrize("model", ["agency", "friendshipassociation", "associationreport"])
def test_list_page_query_count_for_association_rep_does_not_grow(client_as, world, model):
    client = client_as("rep_x")
    url = reverse(f"partners:{model}_list")
    factories.AssociationReportFactory(association=world.association_x, year=2000)
    factories.AssociationChapterFactory(association=world.association_x)
    client.get(url)
    with_one = count_queries(client, url)
    for year in range(2001, 2050):
        factories.AssociationReportFactory(association=world.association_x, year=year)
        factories.AssociationChapterFactory(association=world.association_x)
    assert count_queries(client, url) == with_one


def test_partner_detail_query_count_does_not_grow_with_related_rows(client_as):
    partner = factories.ForeignPartnerFactory()

    def add_related():
        factories.ContactFactory(partner=partner)
        factories.NGORegistrationFactory(partner=partner)
        factories.AgreementFactory(foreign_parties=[partner])
        factories.OccasionFactory(partner=partner)
        factories.ForeignPartnerFactory(parent=partner)

    client = client_as("staff")
    url = reverse("partners:foreignpartner_detail", args=[partner.pk])
    add_related()
    client.get(url)
    with_one = count_queries(client, url)
    for _ in range(5):
        add_related()
    assert count_queries(client, url) == with_one


def test_association_detail_query_count_does_not_grow_with_related_rows(client_as, world):
    association = world.association_x
    term_numbers = iter(range(1, 100))
    years = iter(range(2000, 2100))

    def add_related():
        term = factories.AssociationTermFactory(association=association, number=next(term_numbers))
        factories.AssociationOfficerFactory(association=association, term=term)
        factories.AssociationChapterFactory(association=association)
        factories.AssociationReportFactory(association=association, year=next(years))
        factories.FriendshipAssociationFactory(union=association)

    association.kind = FriendshipAssociation.Kind.UNION
    association.save()
    client = client_as("rep_x")
    url = reverse("partners:friendshipassociation_detail", args=[association.pk])
    add_related()
    client.get(url)
    with_one = count_queries(client, url)
    for _ in range(5):
        add_related()
    assert count_queries(client, url) == with_one


def test_occasion_and_agreement_detail_query_counts_do_not_grow(client_as):
    occasion = factories.OccasionFactory(date_rule=Occasion.DateRule.PER_YEAR, month=None, day=None)
    agreement = factories.AgreementFactory()
    years = iter(range(2000, 2100))

    def add_related():
        year = next(years)
        factories.OccasionDateFactory(occasion=occasion, year=year, date=datetime.date(year, 4, 14))
        factories.GreetingFactory(
            occasion=occasion, year=year, recipient_contact=factories.ContactFactory(),
            assigned_to=factories.UserFactory(),
        )
        agreement.foreign_parties.add(factories.ForeignPartnerFactory())
        factories.OccasionFactory(agreement=agreement)

    client = client_as("staff")
    urls = [
        reverse("partners:occasion_detail", args=[occasion.pk]),
        reverse("partners:agreement_detail", args=[agreement.pk]),
    ]
    add_related()
    for url in urls:
        client.get(url)
    counts = [count_queries(client, url) for url in urls]
    for _ in range(5):
        add_related()
    assert [count_queries(client, url) for url in urls] == counts


@pytest.mark.parametrize("model", ROW_MAKERS)
def test_htmx_request_gets_only_the_table_partial(client_as, model):
    ROW_MAKERS[model]()
    response = client_as("staff").get(reverse(f"partners:{model}_list"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    template_names = [template.name for template in response.templates]
    assert template_names[0] == f"partners/_{model}_table.html"
    assert f"partners/{model}_list.html" not in template_names
    assert "<html" not in response.content.decode()


@pytest.mark.parametrize("model", ROW_MAKERS)
def test_full_request_gets_the_whole_page(client_as, model):
    ROW_MAKERS[model]()
    response = client_as("staff").get(reverse(f"partners:{model}_list"))
    template_names = [template.name for template in response.templates]
    assert template_names[0] == f"partners/{model}_list.html"
    assert f"partners/_{model}_table.html" in template_names


def test_search_is_accent_insensitive_for_agencies(client_as):
    factories.AgencyFactory(name="Ủy ban nhân dân tỉnh Đồng Tháp")
    factories.AgencyFactory(name="Sở Ngoại vụ tỉnh An Giang")
    response = client_as("staff").get(reverse("partners:agency_list"), {"q": "dong thap"})
    assert [agency.name for agency in response.context["object_list"]] == ["Ủy ban nhân dân tỉnh Đồng Tháp"]


def test_search_is_accent_insensitive_for_associations(client_as, world):
    factories.FriendshipAssociationFactory(
        name="Liên hiệp các tổ chức hữu nghị tỉnh Đồng Tháp", kind=FriendshipAssociation.Kind.UNION
    )
    lao = factories.FriendshipAssociationFactory(name="Hội hữu nghị Việt Nam – Lào tỉnh Đồng Tháp")
    response = client_as("staff").get(reverse("partners:friendshipassociation_list"), {"q": "hoi huu nghi"})
    found = set(response.context["object_list"])
    assert lao in found
    assert {association.name for association in found} == {
        name for name in FriendshipAssociation.objects.values_list("name", flat=True) if name.startswith("Hội hữu nghị")
    }
    response = client_as("staff").get(reverse("partners:friendshipassociation_list"), {"q": "HOI HUU NGHI lao"})
    assert list(response.context["object_list"]) == [lao]


def test_search_finds_partners_by_native_name(client_as):
    champasak = factories.ForeignPartnerFactory(name_vi="Tỉnh Chăm-pa-xắc", name_native="Champasak")
    factories.ForeignPartnerFactory(name_vi="Tỉnh Prây Veng", name_native="Prey Veng")
    client = client_as("staff")
    assert list(client.get(reverse("partners:foreignpartner_list"), {"q": "champasak"}).context["object_list"]) == [
        champasak
    ]
    assert list(client.get(reverse("partners:foreignpartner_list"), {"q": "cham pa xac"}).context["object_list"]) == [
        champasak
    ]


def test_list_sorts_by_declared_column_and_ignores_unknown(client_as):
    factories.ContactFactory(name_latin="Bounmy", protocol_rank=2)
    factories.ContactFactory(name_latin="Anousone", protocol_rank=1)
    client = client_as("staff")
    by_name = client.get(reverse("partners:contact_list"), {"sort": "-name"}).context["object_list"]
    assert [contact.name_latin for contact in by_name] == ["Bounmy", "Anousone"]
    unknown = client.get(reverse("partners:contact_list"), {"sort": "email"})
    assert unknown.status_code == 200
    assert [contact.name_latin for contact in unknown.context["object_list"]] == ["Anousone", "Bounmy"]


def test_partner_detail_lists_contacts_in_protocol_order(client_as):
    partner = factories.ForeignPartnerFactory(name_vi="Tỉnh Chăm-pa-xắc")
    factories.ContactFactory(partner=partner, name_latin="Deputy Governor", protocol_rank=2)
    factories.ContactFactory(partner=partner, name_latin="Governor", protocol_rank=1)
    factories.NGORegistrationFactory(partner=partner, number="123/GĐK")
    content = client_as("staff").get(reverse("partners:foreignpartner_detail", args=[partner.pk])).content.decode()
    assert content.index("Governor") < content.index("Deputy Governor")
    assert "123/GĐK" in content


def test_agreement_detail_flags_a_late_post_signing_report(client_as):
    late = factories.AgreementFactory(signed_on=datetime.date(2022, 8, 27), post_signing_report_sent_on=None)
    on_time = factories.AgreementFactory(
        signed_on=datetime.date(2022, 8, 27), post_signing_report_sent_on=datetime.date(2022, 9, 5)
    )
    client = client_as("staff")
    late_page = client.get(reverse("partners:agreement_detail", args=[late.pk])).content.decode()
    on_time_page = client.get(reverse("partners:agreement_detail", args=[on_time.pk])).content.decode()
    assert 'data-testid="report-late"' in late_page
    assert 'data-testid="report-late"' not in on_time_page
    # The due date is 15 days after signing (configurable), shown as dd/mm/yyyy.
    assert "11/09/2022" in late_page


def test_association_detail_lists_officers_by_rank(client_as, world):
    association = world.association_x
    factories.AssociationOfficerFactory(
        association=association, name="Trần Thị B", role=AssociationOfficer.Role.EXECUTIVE_COMMITTEE
    )
    factories.AssociationOfficerFactory(
        association=association, name="Lê Văn C", role=AssociationOfficer.Role.VICE_PRESIDENT
    )
    factories.AssociationOfficerFactory(
        association=association, name="Nguyễn Văn A", role=AssociationOfficer.Role.PRESIDENT
    )
    factories.AssociationChapterFactory(association=association, member_count=30)
    factories.AssociationChapterFactory(association=association, member_count=45)
    response = client_as("rep_x").get(reverse("partners:friendshipassociation_detail", args=[association.pk]))
    content = response.content.decode()
    assert content.index("Nguyễn Văn A") < content.index("Lê Văn C") < content.index("Trần Thị B")
    assert response.context["chapter_members"] == 75


def test_occasion_detail_shows_round_anniversary(client_as):
    year = datetime.date.today().year
    occasion = factories.OccasionFactory(base_year=year - 80)
    response = client_as("staff").get(reverse("partners:occasion_detail", args=[occasion.pk]))
    assert response.context["anniversary"] == 80
    assert response.context["is_round_anniversary"] is True


def test_report_detail_shows_work_areas_and_money(client_as, world):
    report = factories.AssociationReportFactory(
        association=world.association_x,
        ngo_work="Vận động 3 khoản viện trợ.",
        aid_mobilised_vnd=1_500_000_000,
        review_comment="Đề nghị bổ sung số liệu hội viên.",
    )
    content = client_as("rep_x").get(reverse("partners:associationreport_detail", args=[report.pk])).content.decode()
    assert "Vận động 3 khoản viện trợ." in content
    assert "1.500.000.000 đ" in content
    assert "Đề nghị bổ sung số liệu hội viên." in content


def test_agency_contact_and_workflow_detail_query_counts_do_not_grow(client_as):
    """Agency (child bodies, agreements it signed), contact (greetings to it), and the status timeline of a greeting
    and an association report: the same number of queries with 1 and with 50 related rows."""
    from django.contrib.contenttypes.models import ContentType

    from doingoai.core.models import StateTransition

    agency = factories.AgencyFactory()
    contact = factories.ContactFactory()
    greeting = factories.GreetingFactory(recipient_contact=contact)
    report = factories.AssociationReportFactory()
    staff_user = factories.UserFactory()
    years = iter(range(1950, 2100))

    def add_related():
        factories.AgencyFactory(parent=agency)
        factories.AgreementFactory(vn_signatory=agency, foreign_parties=[factories.ForeignPartnerFactory()])
        factories.GreetingFactory(recipient_contact=contact, year=next(years))
        for record in (greeting, report):
            StateTransition.objects.create(
                content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
                from_status="draft", to_status="draft", by=staff_user, comment="Ghi chú",
            )

    client = client_as("staff")
    urls = [
        reverse("partners:agency_detail", args=[agency.pk]),
        reverse("partners:contact_detail", args=[contact.pk]),
        reverse("partners:greeting_detail", args=[greeting.pk]),
        reverse("partners:associationreport_detail", args=[report.pk]),
    ]
    add_related()
    for url in urls:
        client.get(url)
    counts = [count_queries(client, url) for url in urls]
    for _ in range(49):
        add_related()
    assert [count_queries(client, url) for url in urls] == counts
