"""Each dashboard figure equals the value counted by hand on the province of conftest.py."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.dashboard import figures as dashboard
from plans.models import Activity
from tests import factories


def counts(rows: list[dict], key: str, *fields: str) -> dict:
    return {row[key]: tuple(row[field]["count"] for field in fields) for row in rows}


@pytest.fixture
def data(province):
    return dashboard.compute(province.year, province.today)


def test_plan_completion_by_task_and_agency(province, data):
    plans = data["plans"]
    r = province.records
    assert (plans["total"]["count"], plans["done"]["count"], plans["late"]["count"]) == (6, 2, 2)
    assert plans["done_share"] == 33
    assert counts(plans["by_task"], "id", "total", "done", "late") == {
        r["task1"].pk: (3, 1, 2), r["task2"].pk: (3, 1, 0),
    }
    assert counts(plans["by_agency"], "id", "total", "done", "late") == {
        r["agency_a"].pk: (3, 1, 1), r["agency_b"].pk: (3, 1, 1),
    }
    assert [plan["pk"] for plan in plans["plans"]] == [r["plan"].pk]


def test_delegations_by_direction_month_country_and_level(province, data):
    delegations = data["delegations"]
    r = province.records
    assert (delegations["total"]["count"], delegations["inbound"]["count"], delegations["outbound"]["count"]) == (
        4, 2, 2)
    assert delegations["report_late"]["count"] == 1
    by_month = counts(delegations["by_month"], "month", "inbound", "outbound")
    assert by_month == {month: {3: (2, 0), 6: (0, 1), 7: (0, 1)}.get(month, (0, 0)) for month in range(1, 13)}
    assert counts(delegations["by_country"], "id", "total", "inbound", "outbound") == {
        r["country1"].pk: (3, 1, 2), r["country2"].pk: (2, 2, 0),
    }
    assert counts(delegations["by_level"], "level", "total", "inbound", "outbound") == {
        "high": (1, 0, 1), "provincial": (2, 1, 1), "ngo": (1, 1, 0),
    }


def test_aid_committed_and_disbursed_by_year_sector_donor_and_location(province, data):
    aid = data["aid"]
    r = province.records
    year = province.year
    # P1 approved this year (P2 was revoked); P1 and P3 disbursed 40 + 10 and 20 thousand dollars.
    assert (aid["committed"]["count"], aid["committed"]["usd"]) == (1, Decimal(100_000))
    assert (aid["disbursed"]["count"], aid["disbursed"]["usd"]) == (2, Decimal(70_000))
    assert aid["disbursed"]["vnd"] == Decimal(70_000 * 25_000)
    by_year = {row["year"]: (row["committed"]["count"], row["committed"]["usd"], row["disbursed"]["count"],
                             row["disbursed"]["usd"]) for row in aid["by_year"]}
    assert list(by_year) == list(range(year - 4, year + 1))
    assert by_year[year] == (1, 100_000, 2, 70_000)
    assert by_year[year - 1] == (2, 230_000, 1, 100_000)
    assert by_year[year - 2] == (0, 0, 0, 0)

    def money(rows):
        return {row["id"]: (row["committed"]["count"], row["committed"]["usd"], row["disbursed"]["count"],
                            row["disbursed"]["usd"]) for row in rows}

    assert money(aid["by_sector"]) == {
        r["sector1"].pk: (1, 100_000, 2, 70_000), r["sector2"].pk: (1, 100_000, 1, 50_000),
    }
    assert money(aid["by_donor"]) == {r["donor1"].pk: (1, 100_000, 1, 50_000), r["donor2"].pk: (0, 0, 1, 20_000)}
    assert money(aid["by_location"]) == {
        r["commune1"].pk: (1, 100_000, 1, 50_000), r["commune2"].pk: (0, 0, 1, 20_000),
    }
    assert aid["start_overdue"]["count"] == 1
    assert [row["code"] for row in aid["start_overdue"]["rows"]] == ["P4"]


def test_partners_and_agreements(data):
    partners = data["partners"]
    assert (partners["partners"]["count"], partners["twinned"]["count"], partners["dormant"]["count"]) == (4, 1, 1)
    assert partners["agreements_active"]["count"] == 4
    assert partners["agreements_expiring"]["count"] == 2
    assert [row["title"] for row in partners["agreements_expiring"]["rows"]] == ["Past expiry", "Expiring soon"]
    assert partners["agreements_signed"]["count"] == 3
    assert partners["agreements_report_late"]["count"] == 1
    assert [row["title"] for row in partners["agreements_report_late"]["rows"]] == ["Late report"]
    assert {row["code"]: row["count"] for row in partners["by_country"]} == {"LA": 2, "KH": 2}


def test_associations_members_chapters_and_reports(province, world, data):
    associations = data["associations"]
    assert associations["associations"]["count"] == 2
    assert (associations["members"], associations["chapters"]) == (240, 2)
    rows = {row["pk"]: row for row in associations["rows"]}
    assert (rows[world.association_x.pk]["chapter_count"], rows[world.association_x.pk]["chapter_members"]) == (2, 50)
    assert rows[world.association_y.pk]["chapter_count"] == 0
    assert rows[world.association_x.pk]["reports"]["half_year"]["status"] == "submitted"
    assert "year" not in rows[world.association_y.pk]["reports"]
    periods = {period["period"]: period for period in associations["periods"]}
    assert periods["half_year"]["missing"]["count"] == 1
    assert periods["year"]["missing"]["count"] == 2
    assert {row["status"]: row["count"] for row in periods["half_year"]["by_status"]} == {
        "draft": 0, "submitted": 1, "returned": 1, "accepted": 0,
    }
    assert {row["status"]: row["count"] for row in periods["year"]["by_status"]}["draft"] == 1
    # Last year's periods are over: their reports are owed. This year's annual report is not owed yet.
    assert periods["half_year"]["ended"] and periods["year"]["ended"]
    this_year = dashboard.association_figures(province.today.year, province.today)
    assert [period["ended"] for period in this_year["periods"]] == [province.today.month > 6, False]


def test_the_next_thirty_days(province, data):
    upcoming = data["upcoming"]
    today = province.today
    occasions = upcoming["occasions"]
    assert occasions["count"] == 2
    assert [(row["title"], row["date"], row["is_round"]) for row in occasions["rows"]] == [
        ("Quốc khánh (50 năm)", today + datetime.timedelta(days=5), True),
        ("Tết Bunpimay", today + datetime.timedelta(days=10), False),
    ]
    assert occasions["rows"][0]["anniversary"] == 50
    assert occasions["rows"][0]["greetings"] == ["draft"]
    assert upcoming["greetings_to_approve"]["count"] == 2
    assert (upcoming["arriving"]["count"], upcoming["leaving"]["count"]) == (1, 2)
    assert [row["title"] for row in upcoming["delegations"]] == ["Đoàn vừa về", "Đoàn tỉnh Prey Veng",
                                                                 "Đoàn đi Champasak"]
    assert [(row["kind"], row["date"] - today) for row in upcoming["deadlines"]] == [
        ("trip_report", datetime.timedelta(days=10)),
        ("progress_reports", datetime.timedelta(days=12)),
        ("agreement_report", datetime.timedelta(days=15)),
    ]


def test_years_offered_run_from_the_first_plan_to_this_year(province, data):
    assert data["years"] == list(range(province.today.year, province.year - 2, -1))


def test_an_empty_year_has_zeros_not_errors(province):
    data = dashboard.compute(2001, province.today)
    assert data["plans"]["total"]["count"] == 0
    assert data["plans"]["done_share"] is None
    assert data["aid"]["committed"]["usd"] == 0
    assert all(month["total"]["count"] == 0 for month in data["delegations"]["by_month"])


def test_figures_are_cached_and_recomputed_after_a_change(province):
    first = dashboard.figures_for(province.year, province.today)
    with CaptureQueriesContext(connection) as queries:
        again = dashboard.figures_for(province.year, province.today)
    assert len(queries) == 0
    assert again == first
    factories.ActivityFactory(task=province.records["task2"], number=9, lead_agency=province.records["agency_a"],
                              status=Activity.Status.LATE)
    changed = dashboard.figures_for(province.year, province.today)
    assert changed["plans"]["late"]["count"] == first["plans"]["late"]["count"] + 1


def test_each_year_is_cached_apart(province):
    this = dashboard.figures_for(province.year, province.today)
    other = dashboard.figures_for(province.year - 1, province.today)
    assert this["plans"]["total"]["count"] == 6
    assert other["plans"]["total"]["count"] == 1


def test_a_status_change_through_the_workflow_invalidates_the_figures(province):
    from doingoai.core.services import transition

    before = dashboard.figures_for(province.year, province.today)
    late = Activity.objects.get(task=province.records["task1"], number=2)
    transition(late, Activity.Status.DONE, progress=100)
    after = dashboard.figures_for(province.year, province.today)
    assert after["plans"]["done"]["count"] == before["plans"]["done"]["count"] + 1
    assert after["plans"]["late"]["count"] == before["plans"]["late"]["count"] - 1


def test_linking_records_many_to_many_invalidates_the_figures(province):
    before = dashboard.figures_for(province.year, province.today)
    delegation = factories.DelegationFactory(start_date=datetime.date(province.year, 9, 1),
                                             end_date=datetime.date(province.year, 9, 2))
    after_create = dashboard.figures_for(province.year, province.today)
    assert after_create["delegations"]["total"]["count"] == before["delegations"]["total"]["count"] + 1
    delegation.countries.add(province.records["country2"])
    after_link = dashboard.figures_for(province.year, province.today)
    by_country = {row["id"]: row["total"]["count"] for row in after_link["delegations"]["by_country"]}
    assert by_country[province.records["country2"].pk] == 3
