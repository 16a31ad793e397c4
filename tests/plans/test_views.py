"""Pages of the plans app: who reaches what, what partner users see, filters, search, HTMX and query counts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import Activity
from tests import factories

STAFF_PERSONAS = ("admin", "staff", "leader")
PARTNER_PERSONAS = ("focal_a", "focal_b", "rep_x", "rep_y")
LIST_URLS = ("plans:directive_list", "plans:plan_list", "plans:activity_list", "plans:progressupdate_list")


@dataclass
class PlanData:
    directive: object
    plan: object
    led_by_a: object
    coordinated_by_a: object
    led_by_x: object
    other_plan: object
    unrelated: object
    update_on_a: object
    update_on_unrelated: object


@pytest.fixture
def data(world) -> PlanData:
    directive = factories.DirectiveFactory(code="12-CT/TW", title="Về công tác đối ngoại nhân dân")
    plan = factories.PlanFactory(year=2026, title="Kế hoạch đối ngoại nhân dân năm 2026")
    plan.legal_bases.add(directive)
    task = factories.TaskFactory(plan=plan, number=1, title="Hòa bình, đoàn kết")
    third_agency = factories.AgencyFactory(name="Liên hiệp các tổ chức (thử)")
    led_by_a = factories.ActivityFactory(
        task=task, number=1, lead_agency=world.agency_a, content="Hội nghị triển khai kế hoạch năm"
    )
    coordinated_by_a = factories.ActivityFactory(
        task=task, number=2, lead_agency=third_agency, coordinating_agencies=[world.agency_a],
        content="Gặp mặt kiều bào dịp Tết",
    )
    led_by_x = factories.ActivityFactory(
        task=task, number=3, lead_agency=world.association_x.agency,
        content="Đại hội chi hội Việt Nam – Lào nhiệm kỳ mới",
    )
    other_plan = factories.PlanFactory(year=2025, title="Kế hoạch năm 2025 không liên quan")
    unrelated = factories.ActivityFactory(
        task=factories.TaskFactory(plan=other_plan), lead_agency=third_agency, content="Đoàn khảo sát Đà Nẵng"
    )
    return PlanData(
        directive=directive,
        plan=plan,
        led_by_a=led_by_a,
        coordinated_by_a=coordinated_by_a,
        led_by_x=led_by_x,
        other_plan=other_plan,
        unrelated=unrelated,
        update_on_a=factories.ProgressUpdateFactory(activity=led_by_a, narrative="Đã họp triển khai"),
        update_on_unrelated=factories.ProgressUpdateFactory(activity=unrelated, narrative="Đã khảo sát"),
    )


def out_of_scope_detail_urls(data: PlanData) -> dict[str, str]:
    """One detail URL per model whose record no partner persona may see."""
    return {
        "directive": reverse("plans:directive_detail", args=[data.directive.pk]),
        "plan": reverse("plans:plan_detail", args=[data.other_plan.pk]),
        "activity": reverse("plans:activity_detail", args=[data.unrelated.pk]),
        "progressupdate": reverse("plans:progressupdate_detail", args=[data.update_on_unrelated.pk]),
    }


# Permission matrix -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", LIST_URLS)
def test_anonymous_is_sent_to_login_from_lists(client_as, data, url_name):
    response = client_as("anonymous").get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("model", ["directive", "plan", "activity", "progressupdate"])
def test_anonymous_is_sent_to_login_from_details(client_as, data, model):
    response = client_as("anonymous").get(out_of_scope_detail_urls(data)[model])
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", STAFF_PERSONAS + PARTNER_PERSONAS)
@pytest.mark.parametrize("url_name", LIST_URLS)
def test_every_signed_in_user_gets_the_lists(client_as, data, persona, url_name):
    assert client_as(persona).get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("persona", STAFF_PERSONAS)
@pytest.mark.parametrize("model", ["directive", "plan", "activity", "progressupdate"])
def test_staff_leaders_and_admins_open_every_detail(client_as, data, persona, model):
    assert client_as(persona).get(out_of_scope_detail_urls(data)[model]).status_code == 200


@pytest.mark.parametrize("persona", PARTNER_PERSONAS)
@pytest.mark.parametrize("model", ["directive", "plan", "activity", "progressupdate"])
def test_partner_users_get_404_on_records_outside_their_scope(client_as, data, persona, model):
    assert client_as(persona).get(out_of_scope_detail_urls(data)[model]).status_code == 404


# What partner users see --------------------------------------------------------------------------------------------


def test_focal_point_sees_activity_their_agency_coordinates(client_as, data):
    client = client_as("focal_a")
    response = client.get(reverse("plans:activity_detail", args=[data.coordinated_by_a.pk]))
    assert response.status_code == 200
    assert "Gặp mặt kiều bào dịp Tết" in response.content.decode()


def test_focal_point_gets_404_on_activity_their_agency_has_nothing_to_do_with(client_as, data):
    response = client_as("focal_a").get(reverse("plans:activity_detail", args=[data.led_by_x.pk]))
    assert response.status_code == 404


def test_focal_point_activity_list_shows_led_and_coordinated_activities_only(client_as, data):
    page = client_as("focal_a").get(reverse("plans:activity_list")).content.decode()
    assert "Hội nghị triển khai kế hoạch năm" in page
    assert "Gặp mặt kiều bào dịp Tết" in page
    assert "Đại hội chi hội Việt Nam – Lào nhiệm kỳ mới" not in page
    assert "Đoàn khảo sát Đà Nẵng" not in page


def test_association_rep_sees_activities_of_their_associations_agency(client_as, data):
    client = client_as("rep_x")
    page = client.get(reverse("plans:activity_list")).content.decode()
    assert "Đại hội chi hội Việt Nam – Lào nhiệm kỳ mới" in page
    assert "Hội nghị triển khai kế hoạch năm" not in page
    assert client.get(reverse("plans:activity_detail", args=[data.led_by_x.pk])).status_code == 200
    assert client_as("rep_y").get(reverse("plans:activity_detail", args=[data.led_by_x.pk])).status_code == 404


def test_partner_users_see_the_plans_holding_their_activities(client_as, data):
    page = client_as("focal_a").get(reverse("plans:plan_list")).content.decode()
    assert "Kế hoạch đối ngoại nhân dân năm 2026" in page
    assert "Kế hoạch năm 2025 không liên quan" not in page
    assert client_as("focal_a").get(reverse("plans:plan_detail", args=[data.plan.pk])).status_code == 200
    assert client_as("focal_b").get(reverse("plans:plan_detail", args=[data.plan.pk])).status_code == 404


def test_plan_detail_shows_a_partner_only_their_own_activities(client_as, data):
    page = client_as("focal_a").get(reverse("plans:plan_detail", args=[data.plan.pk])).content.decode()
    assert "Hội nghị triển khai kế hoạch năm" in page
    assert "Gặp mặt kiều bào dịp Tết" in page
    assert "Đại hội chi hội Việt Nam – Lào nhiệm kỳ mới" not in page


def test_partner_users_see_progress_updates_on_their_activities_only(client_as, data):
    client = client_as("focal_a")
    page = client.get(reverse("plans:progressupdate_list")).content.decode()
    assert "Hội nghị triển khai kế hoạch năm" in page
    assert "Đoàn khảo sát Đà Nẵng" not in page
    assert client.get(reverse("plans:progressupdate_detail", args=[data.update_on_a.pk])).status_code == 200


def test_directives_are_invisible_to_partner_users(client_as, data):
    response = client_as("focal_a").get(reverse("plans:directive_list"))
    assert response.context["result_count"] == 0
    assert "12-CT/TW" not in response.content.decode()  # neither in the table nor in a filter's choices


def test_filter_choices_offer_partner_users_only_records_in_their_scope(client_as, data):
    form = client_as("focal_a").get(reverse("plans:activity_list")).context["filterset"].form
    assert list(form.fields["plan"].queryset) == [data.plan]
    assert list(form.fields["lead_agency"].queryset) == [data.led_by_a.lead_agency]


# Detail pages tell the story ---------------------------------------------------------------------------------------


def test_plan_detail_shows_the_appendix_and_completion_per_task(client_as, data):
    done = Activity.objects.filter(pk=data.led_by_a.pk)
    done.update(status=Activity.Status.DONE, progress=100, budget_amount=15_000_000)
    response = client_as("staff").get(reverse("plans:plan_detail", args=[data.plan.pk]))
    page = response.content.decode()
    assert "12-CT/TW" in page
    assert "Hội nghị triển khai kế hoạch năm" in page
    assert str(data.led_by_a.timeframe) in page
    assert "15.000.000 đ" in page
    (task,) = response.context["tasks"]
    assert task.completion["total"] == 3
    assert task.completion["done"] == 1
    assert round(task.completion["average_progress"]) == round(100 / 3)
    assert response.context["totals"]["done"] == 1


def test_activity_detail_lists_coordinating_agencies_and_progress_updates(client_as, data, world):
    page = client_as("staff").get(reverse("plans:activity_detail", args=[data.coordinated_by_a.pk])).content.decode()
    assert world.agency_a.name in page
    page = client_as("staff").get(reverse("plans:activity_detail", args=[data.led_by_a.pk])).content.decode()
    assert "Đã họp triển khai" in page


def test_activity_detail_links_delegations_and_aid_projects(client_as, data, world):
    delegation = factories.DelegationFactory(title="Đoàn thăm Champasak", plan_activity=data.led_by_a)
    project = factories.AidProjectFactory(name_vi="Dự án nước sạch", governing_agency=world.agency_a)
    project.plan_activities.add(data.led_by_a)
    page = client_as("staff").get(reverse("plans:activity_detail", args=[data.led_by_a.pk])).content.decode()
    assert reverse("delegations:delegation_detail", args=[delegation.pk]) in page
    assert reverse("aid_projects:aidproject_detail", args=[project.pk]) in page
    # The focal point does not host that delegation, so it is not listed for them; the project it governs is.
    page = client_as("focal_a").get(reverse("plans:activity_detail", args=[data.led_by_a.pk])).content.decode()
    assert "Đoàn thăm Champasak" not in page
    assert "Dự án nước sạch" in page


def test_directive_detail_shows_its_cascade_and_citing_plans(client_as, data):
    central = factories.DirectiveFactory(code="04-CT/TW", issued_on=data.directive.issued_on.replace(year=2011))
    data.directive.parent = central
    data.directive.save()
    provincial = factories.DirectiveFactory(code="120-KH/TU", kind="KH", issuer="Tỉnh ủy", parent=data.directive)
    newer = factories.DirectiveFactory(code="99-CT/TW")
    central.superseded_by = newer
    central.save()
    page = client_as("staff").get(reverse("plans:directive_detail", args=[data.directive.pk])).content.decode()
    assert "04-CT/TW" in page
    assert "120-KH/TU" in page
    assert "Kế hoạch đối ngoại nhân dân năm 2026" in page
    page = client_as("staff").get(reverse("plans:directive_detail", args=[central.pk])).content.decode()
    assert "99-CT/TW" in page  # superseded by
    assert "12-CT/TW" in page  # implemented by
    page = client_as("staff").get(reverse("plans:directive_detail", args=[provincial.pk])).content.decode()
    assert "04-CT/TW" in page and "12-CT/TW" in page  # the whole chain above it


# Filters, search, HTMX ---------------------------------------------------------------------------------------------


def test_activity_list_filters_late_activities_of_a_year(client_as, data):
    late_2026 = factories.ActivityFactory(
        task=data.led_by_a.task, number=9, status=Activity.Status.LATE, content="Hoạt động trễ năm nay"
    )
    factories.ActivityFactory(
        task=data.unrelated.task, number=9, status=Activity.Status.LATE, content="Hoạt động trễ năm trước"
    )
    response = client_as("staff").get(reverse("plans:activity_list"), {"year": 2026, "status": "late"})
    assert list(response.context["object_list"]) == [late_2026]


def test_activity_list_filters_by_agency_leading_or_coordinating(client_as, data, world):
    response = client_as("staff").get(reverse("plans:activity_list"), {"agency": world.agency_a.pk})
    assert set(response.context["object_list"]) == {data.led_by_a, data.coordinated_by_a}
    response = client_as("staff").get(reverse("plans:activity_list"), {"coordinating_agency": world.agency_a.pk})
    assert list(response.context["object_list"]) == [data.coordinated_by_a]
    response = client_as("staff").get(reverse("plans:activity_list"), {"lead_agency": world.agency_a.pk})
    assert list(response.context["object_list"]) == [data.led_by_a]


def test_activity_search_ignores_accents(client_as, data):
    client = client_as("staff")
    found = list(client.get(reverse("plans:activity_list"), {"q": "hoi nghi"}).context["object_list"])
    assert data.led_by_a in found  # "Hội nghị triển khai…"
    assert data.coordinated_by_a not in found and data.unrelated not in found
    assert list(client.get(reverse("plans:activity_list"), {"q": "HỘI NGHỊ"}).context["object_list"]) == found


def test_plan_search_ignores_accents(client_as, data):
    response = client_as("staff").get(reverse("plans:plan_list"), {"q": "doi ngoai nhan dan 2026"})
    assert list(response.context["object_list"]) == [data.plan]


@pytest.mark.parametrize("url_name", LIST_URLS)
def test_htmx_requests_get_only_the_table(client_as, data, url_name):
    response = client_as("staff").get(reverse(url_name), headers={"HX-Request": "true"})
    assert response.status_code == 200
    names = [template.name for template in response.templates]
    model = url_name.split(":")[1].removesuffix("_list")
    assert names[0] == f"plans/_{model}_table.html"
    assert "base.html" not in names
    assert "<html" not in response.content.decode()


def test_list_sorts_by_a_declared_column_and_ignores_others(client_as, data):
    client = client_as("staff")
    response = client.get(reverse("plans:activity_list"), {"sort": "-progress"})
    assert response.context["sort"] == "-progress"
    response = client.get(reverse("plans:activity_list"), {"sort": "content"})
    assert response.context["sort"] == ""


# Query counts ------------------------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def make_rows(model: str, count: int, world) -> None:
    """`count` rows of `model` with their relations, in focal point A's scope where scope applies."""
    for _ in range(count):
        if model == "directive":
            factories.DirectiveFactory(parent=factories.DirectiveFactory(), superseded_by=factories.DirectiveFactory())
            continue
        # Each activity brings its own task and plan, so plan rows grow with it.
        activity = factories.ActivityFactory(
            lead_agency=world.agency_a, coordinating_agencies=[factories.AgencyFactory(), factories.AgencyFactory()]
        )
        if model == "progressupdate":
            factories.ProgressUpdateFactory(activity=activity, author=world.users["staff"])


@pytest.mark.parametrize("persona", ["staff", "focal_a"])
@pytest.mark.parametrize("model", ["directive", "plan", "activity", "progressupdate"])
def test_list_pages_make_the_same_number_of_queries_for_1_and_20_rows(client_as, world, persona, model):
    client = client_as(persona)
    url = reverse(f"plans:{model}_list")
    make_rows(model, 1, world)
    client.get(url)  # warm-up: one-off lookups (content types, sessions) are not what is measured
    one = count_queries(client, url)
    make_rows(model, 19, world)
    twenty = count_queries(client, url)
    assert twenty == one


def test_plan_detail_makes_the_same_number_of_queries_for_1_and_20_activities(client_as, world):
    client = client_as("staff")
    small = factories.PlanFactory()
    task = factories.TaskFactory(plan=small, number=1)
    factories.ActivityFactory(task=task, coordinating_agencies=[factories.AgencyFactory()])
    big = factories.PlanFactory()
    for number in range(1, 5):
        task = factories.TaskFactory(plan=big, number=number)
        for _ in range(5):
            factories.ActivityFactory(task=task, coordinating_agencies=[factories.AgencyFactory()])
    client.get(reverse("plans:plan_detail", args=[small.pk]))
    one = count_queries(client, reverse("plans:plan_detail", args=[small.pk]))
    twenty = count_queries(client, reverse("plans:plan_detail", args=[big.pk]))
    assert big.tasks.count() == 4 and Activity.objects.filter(task__plan=big).count() == 20
    assert twenty == one


def test_plan_detail_shows_completion_by_lead_agency(client_as, world):
    plan = factories.PlanFactory()
    task = factories.TaskFactory(plan=plan, number=1)
    for status, progress in (("done", 100), ("on_track", 50), ("not_started", 0)):
        factories.ActivityFactory(task=task, lead_agency=world.agency_a, status=status, progress=progress)
    factories.ActivityFactory(task=task, lead_agency=world.agency_b, status="done", progress=100)
    rows = {row["lead_agency__name"]: row for row in client_as("staff").get(plan.get_absolute_url()).context["by_lead_agency"]}
    assert (rows[world.agency_a.name]["total"], rows[world.agency_a.name]["done"]) == (3, 1)
    assert rows[world.agency_a.name]["average_progress"] == 50
    assert (rows[world.agency_b.name]["total"], rows[world.agency_b.name]["done"]) == (1, 1)
    page = client_as("staff").get(plan.get_absolute_url()).content.decode()
    assert world.agency_a.name in page and world.agency_b.name in page
