"""Delegations: database constraints and the trip report deadline."""

from __future__ import annotations

import datetime
from datetime import date

import pytest

from delegations.models import Delegation
from tests import factories
from tests.core.constraints import assert_accepted, case

pytestmark = pytest.mark.django_db


def delegation(**fields):
    """An unsaved delegation hosted by a saved agency."""
    return lambda: factories.DelegationFactory.build(host_agency=factories.AgencyFactory(), **fields)


def member_with_taken_precedence():
    existing = factories.DelegationMemberFactory(precedence=1)
    return factories.DelegationMemberFactory.build(delegation=existing.delegation, precedence=1)


def second_head():
    existing = factories.DelegationMemberFactory(precedence=1, is_head=True)
    return factories.DelegationMemberFactory.build(delegation=existing.delegation, precedence=2, is_head=True)


def programme_item_ending_before_start():
    item = factories.ProgrammeItemFactory()
    item.ends_at = item.starts_at - datetime.timedelta(minutes=30)
    return item


CONSTRAINT_CASES = [
    case("delegation_date_range", delegation(start_date=date(2026, 3, 14), end_date=date(2026, 3, 10)),
         "The return date cannot be before the departure date."),
    case("delegation_costs_not_negative", delegation(estimated_cost_vnd=-1), "Costs cannot be negative.",
         shadowed=True),
    case("delegation_costs_not_negative:actual", delegation(actual_cost_vnd=-1), "Costs cannot be negative.",
         shadowed=True),
    case("delegation_reported_has_report_date", delegation(status="reported", report_received_on=None),
         "A reported delegation needs the date its trip report was received."),
    case("delegation_member_unique_precedence", member_with_taken_precedence,
         "Two members cannot have the same precedence."),
    case("delegation_one_head", second_head, "A delegation has only one head."),
    case("programme_item_time_range", programme_item_ending_before_start,
         "A programme item cannot end before it starts."),
    case("gift_value_not_negative",
         lambda: factories.GiftFactory.build(delegation=factories.DelegationFactory(), value_vnd=-1),
         "A gift's value cannot be negative.", shadowed=True),
]


@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


def second_member_who_is_not_head():
    existing = factories.DelegationMemberFactory(precedence=1, is_head=True)
    factories.DelegationMemberFactory(delegation=existing.delegation, precedence=2)
    return factories.DelegationMemberFactory.build(delegation=existing.delegation, precedence=3)


def head_of_another_delegation():
    factories.DelegationMemberFactory(precedence=1, is_head=True)
    return factories.DelegationMemberFactory.build(delegation=factories.DelegationFactory(), precedence=1, is_head=True)


ALLOWED_CASES = [
    pytest.param(second_member_who_is_not_head, id="many_members_one_head"),
    pytest.param(head_of_another_delegation, id="each_delegation_has_its_head"),
    pytest.param(delegation(start_date=date(2026, 3, 10), end_date=date(2026, 3, 10)), id="one_day_trip"),
    pytest.param(delegation(status="reported", report_received_on=date(2026, 3, 20)), id="reported_with_date"),
]


@pytest.mark.parametrize("make", ALLOWED_CASES)
def test_constraint_accepts_valid_row(make):
    assert_accepted(make())


# Trip report: due a configurable number of days (default 10) after the return date.


def returned(**fields):
    return factories.DelegationFactory.build(
        start_date=date(2026, 3, 10), end_date=date(2026, 3, 14), status="returned", **fields
    )


def test_trip_report_is_due_10_days_after_return():
    assert returned().report_due_on == date(2026, 3, 24)


def test_trip_report_days_come_from_settings(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "DELEGATION_REPORT_DAYS": 5}
    trip = returned()
    assert trip.report_due_on == date(2026, 3, 19)
    assert trip.is_report_late(today=date(2026, 3, 20))


@pytest.mark.parametrize(("today", "late"), [(date(2026, 3, 24), False), (date(2026, 3, 25), True)])
def test_missing_trip_report_is_late_after_the_due_day(today, late):
    assert returned().is_report_late(today=today) is late


@pytest.mark.parametrize(("received_on", "late"), [(date(2026, 3, 24), False), (date(2026, 3, 25), True)])
def test_received_trip_report_is_late_only_if_received_after_the_due_day(received_on, late):
    trip = returned(report_received_on=received_on)
    assert trip.is_report_late(today=date(2027, 1, 1)) is late


def test_cancelled_delegation_owes_no_report():
    trip = returned()
    trip.status = Delegation.Status.CANCELLED
    assert not trip.is_report_late(today=date(2027, 1, 1))
