"""Aid projects: database constraints, values in VND and USD, and the six-month start deadline."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from aid_projects.models import add_months
from tests import factories
from tests.core.constraints import assert_accepted, case

pytestmark = pytest.mark.django_db


def project(**fields):
    """An unsaved aid project of a saved donor and agencies."""
    return lambda: factories.AidProjectFactory.build(
        donor=factories.ForeignPartnerFactory(),
        governing_agency=factories.AgencyFactory(),
        aid_owner=factories.AgencyFactory(),
        **fields,
    )


def transaction(**fields):
    return lambda: factories.TransactionFactory.build(project=factories.AidProjectFactory(), **fields)


def report(**fields):
    return lambda: factories.AidReportFactory.build(project=factories.AidProjectFactory(), **fields)


def second_report_for_same_period():
    existing = factories.AidReportFactory()
    return factories.AidReportFactory.build(project=existing.project, period=existing.period,
                                            period_start=existing.period_start)


APPROVED = {"approved_on": date(2025, 6, 1)}

CONSTRAINT_CASES = [
    case("programme_years", lambda: factories.MobilisationProgrammeFactory.build(start_year=2027, end_year=2023),
         "A programme cannot end before it starts."),
    case("programme_target_not_negative", lambda: factories.MobilisationProgrammeFactory.build(target_usd=-1),
         "The target cannot be negative.", shadowed=True),
    case("aid_project_money_not_negative", project(committed_amount=Decimal("-1")), "Amounts cannot be negative.",
         shadowed=True),
    case("aid_project_money_not_negative:counterpart", project(counterpart_funds_vnd=Decimal("-1")),
         "Amounts cannot be negative.", shadowed=True),
    case("aid_project_rates_positive", project(exchange_rate_vnd=Decimal("0")),
         "Exchange rates must be greater than zero."),
    case("aid_project_rates_positive:usd", project(usd_rate_vnd=Decimal("0")),
         "Exchange rates must be greater than zero."),
    case("aid_project_month_range", project(start_month=date(2026, 5, 1), end_month=date(2026, 4, 1)),
         "The end month cannot be before the start month."),
    *[
        case(f"aid_project_approved_has_date:{status}",
             project(status=status, approved_on=None, revoked_on=date(2026, 1, 1)),
             "An approved project needs its approval date.")
        for status in ("approved", "implementing", "completed", "closed", "revoked")
    ],
    case("aid_project_revoked_has_date", project(status="revoked", revoked_on=None, **APPROVED),
         "A revoked project needs its revocation date."),
    case("transaction_amount_not_negative", transaction(amount=Decimal("-1")), "The amount cannot be negative.",
         shadowed=True),
    case("transaction_rate_positive", transaction(exchange_rate_vnd=Decimal("0")),
         "The exchange rate must be greater than zero."),
    case("aid_report_period_range", report(period_start=date(2026, 7, 1), period_end=date(2026, 6, 30)),
         "A period cannot end before it starts."),
    case("aid_report_flows_not_negative",
         report(opening_balance_vnd=0, received_vnd=-1, used_vnd=0, closing_balance_vnd=-1),
         "Received and used amounts cannot be negative.", shadowed=True),
    case("aid_report_flows_not_negative:used",
         report(opening_balance_vnd=0, received_vnd=0, used_vnd=-1, closing_balance_vnd=1),
         "Received and used amounts cannot be negative.", shadowed=True),
    case("aid_report_balances_add_up",
         report(opening_balance_vnd=100, received_vnd=500, used_vnd=200, closing_balance_vnd=300),
         "Closing balance must equal opening balance + received − used."),
    case("aid_report_unique_period", second_report_for_same_period,
         "This project already has a report for this period."),
]


@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


ALLOWED_CASES = [
    pytest.param(project(), id="submitted_project_without_approval_date"),
    pytest.param(project(status="approved", **APPROVED), id="approved_with_date"),
    pytest.param(project(status="revoked", revoked_on=date(2026, 1, 1), **APPROVED), id="revoked_with_dates"),
    pytest.param(report(opening_balance_vnd=100, received_vnd=500, used_vnd=200, closing_balance_vnd=400),
                 id="balances_add_up"),
    pytest.param(report(opening_balance_vnd=-50, received_vnd=0, used_vnd=0, closing_balance_vnd=-50),
                 id="overdrawn_balance_may_be_negative"),
]


@pytest.mark.parametrize("make", ALLOWED_CASES)
def test_constraint_accepts_valid_row(make):
    assert_accepted(make())


# Values reported in VND and USD.


@pytest.mark.parametrize(
    ("amount", "currency", "rate", "usd_rate", "vnd", "usd"),
    [
        ("100000", "USD", "25000", "25000", "2500000000", "100000.00"),
        ("1000", "EUR", "27500.5", "25000", "27500500", "1100.02"),
        ("3", "JPY", "166.6667", "25000", "500", "0.02"),
        ("0", "USD", "25000", "25000", "0", "0.00"),
    ],
)
def test_committed_value_in_vnd_and_usd(amount, currency, rate, usd_rate, vnd, usd):
    aid = factories.AidProjectFactory.build(
        committed_amount=Decimal(amount), currency=currency, exchange_rate_vnd=Decimal(rate),
        usd_rate_vnd=Decimal(usd_rate),
    )
    assert (aid.committed_vnd, aid.committed_usd) == (Decimal(vnd), Decimal(usd))


def test_transaction_amount_in_vnd():
    item = factories.TransactionFactory.build(amount=Decimal("20000"), exchange_rate_vnd=Decimal("25000.5"))
    assert item.amount_vnd == Decimal("500010000")


# Start deadline: an approved project not started within six months (configurable) is to be revoked.


@pytest.mark.parametrize(
    ("approved_on", "deadline"),
    [
        (date(2025, 6, 15), date(2025, 12, 15)),
        (date(2025, 7, 31), date(2026, 1, 31)),
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2025, 12, 31), date(2026, 6, 30)),
    ],
)
def test_start_deadline_is_six_months_after_approval_clamped_to_month_end(approved_on, deadline):
    assert factories.AidProjectFactory.build(status="approved", approved_on=approved_on).start_deadline == deadline


def test_start_deadline_months_come_from_settings(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "AID_START_DEADLINE_MONTHS": 3}
    aid = factories.AidProjectFactory.build(status="approved", approved_on=date(2025, 11, 30))
    assert aid.start_deadline == date(2026, 2, 28)


def test_project_without_approval_has_no_start_deadline():
    aid = factories.AidProjectFactory.build(approved_on=None)
    assert aid.start_deadline is None
    assert not aid.is_start_overdue(today=date(2030, 1, 1))


@pytest.mark.parametrize(("today", "overdue"), [(date(2026, 2, 28), False), (date(2026, 3, 1), True)])
def test_approved_project_not_started_is_overdue_after_the_deadline(today, overdue):
    aid = factories.AidProjectFactory.build(status="approved", approved_on=date(2025, 8, 31))
    assert aid.is_start_overdue(today=today) is overdue


@pytest.mark.parametrize("status", ["implementing", "completed", "closed", "revoked"])
def test_project_past_approval_is_never_start_overdue(status):
    aid = factories.AidProjectFactory.build(status=status, approved_on=date(2025, 8, 31), revoked_on=date(2026, 3, 5))
    assert not aid.is_start_overdue(today=date(2030, 1, 1))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(date(2025, 1, 31), 1, date(2025, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
     (date(2025, 10, 15), 3, date(2026, 1, 15)), (date(2025, 5, 31), 18, date(2026, 11, 30)),
     (date(2025, 3, 31), -1, date(2025, 2, 28))],
)
def test_add_months_clamps_to_the_last_day_of_the_month(day, months, expected):
    assert add_months(day, months) == expected

