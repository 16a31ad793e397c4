"""Partners: database constraints, the agreement report deadline, anniversaries and national days."""

from __future__ import annotations

from datetime import date

import pytest

from partners.models import Agency, Agreement, FriendshipAssociation, Greeting, Occasion
from tests import factories
from tests.core.constraints import assert_accepted, case

pytestmark = pytest.mark.django_db


def country_with_day_but_no_month():
    return factories.CountryFactory.build(code="LA", national_day_day=2, national_day_month=None)


def country_with_month_but_no_day():
    return factories.CountryFactory.build(code="LA", national_day_day=None, national_day_month=12)


def unit_valid_to_before_valid_from():
    return factories.AdministrativeUnitFactory.build(valid_from=date(2025, 7, 1), valid_to=date(2025, 6, 30))


def partner_with_taken_name_in_same_country():
    existing = factories.ForeignPartnerFactory(name_vi="Tỉnh Champasak")
    return factories.ForeignPartnerFactory.build(name_vi="Tỉnh Champasak", country=existing.country)


def ngo_registration_expiring_before_issue():
    return factories.NGORegistrationFactory.build(
        partner=factories.ForeignPartnerFactory(), issued_on=date(2024, 1, 1), expires_on=date(2023, 12, 31)
    )


def agreement_expiring_before_effective():
    return factories.AgreementFactory.build(
        vn_signatory=factories.AgencyFactory(), effective_from=date(2022, 8, 27), expires_on=date(2022, 8, 26)
    )


def signed_agreement_without_date(status):
    def make():
        return factories.AgreementFactory.build(vn_signatory=factories.AgencyFactory(), status=status, signed_on=None)

    return make


def union_member_of_a_union():
    union = factories.FriendshipAssociationFactory(kind=FriendshipAssociation.Kind.UNION)
    return factories.FriendshipAssociationFactory.build(
        kind=FriendshipAssociation.Kind.UNION,
        union=union,
        agency=factories.AgencyFactory(kind=Agency.Kind.FRIENDSHIP_UNION),
        partner_country=None,
    )


def term_with_taken_number():
    existing = factories.AssociationTermFactory(number=4)
    return factories.AssociationTermFactory.build(association=existing.association, number=4)


def term_ending_before_start():
    return factories.AssociationTermFactory.build(
        association=factories.FriendshipAssociationFactory(), start_year=2027, end_year=2022
    )


def officer_leaving_before_starting():
    return factories.AssociationOfficerFactory.build(
        association=factories.FriendshipAssociationFactory(), from_date=date(2024, 1, 1), to_date=date(2023, 12, 31)
    )


def chapter_with_taken_name():
    existing = factories.AssociationChapterFactory(name="Chi hội Cao Lãnh")
    return factories.AssociationChapterFactory.build(association=existing.association, name="Chi hội Cao Lãnh")


def second_report_for_same_period():
    existing = factories.AssociationReportFactory(year=2026, period="half_year")
    return factories.AssociationReportFactory.build(association=existing.association, year=2026, period="half_year")


def fixed_occasion_without_month():
    return factories.OccasionFactory.build(
        country=factories.CountryFactory(), date_rule=Occasion.DateRule.FIXED, month=None, day=14
    )


def lunar_occasion_without_day():
    return factories.OccasionFactory.build(
        country=factories.CountryFactory(), date_rule=Occasion.DateRule.LUNAR, month=1, day=None
    )


def second_date_for_same_year():
    existing = factories.OccasionDateFactory(year=2026)
    return factories.OccasionDateFactory.build(occasion=existing.occasion, year=2026, date=date(2026, 4, 15))


def occasion_date_ending_before_start():
    return factories.OccasionDateFactory.build(
        occasion=factories.OccasionDateFactory().occasion, year=2027, date=date(2027, 4, 14),
        end_date=date(2027, 4, 13),
    )


def sent_greeting_without_date():
    return factories.GreetingFactory.build(
        occasion=factories.OccasionFactory(), status=Greeting.Status.SENT, sent_on=None
    )


CONSTRAINT_CASES = [
    case("country_national_day_complete", country_with_day_but_no_month,
         "Give both the day and the month of the national day, or neither."),
    case("country_national_day_complete:month_only", country_with_month_but_no_day,
         "Give both the day and the month of the national day, or neither."),
    case("admin_unit_valid_range", unit_valid_to_before_valid_from, "The end of validity cannot be before its start."),
    case("partner_unique_name_per_country", partner_with_taken_name_in_same_country,
         "A partner with this name already exists in this country."),
    case("ngo_registration_dates", ngo_registration_expiring_before_issue,
         "The expiry date cannot be before the issue date."),
    case("agreement_validity_range", agreement_expiring_before_effective,
         "The expiry date cannot be before the effective date."),
    *[
        case(f"agreement_signed_has_date:{status}", signed_agreement_without_date(status),
             "A signed agreement needs its signing date.")
        for status in ("in_force", "expiring", "amended", "renewed")
    ],
    case("union_is_not_member_of_union", union_member_of_a_union,
         "A friendship union cannot be a member of another union."),
    case("association_term_unique_number", term_with_taken_number,
         "This association already has a term with this number."),
    case("association_term_years", term_ending_before_start, "A term cannot end before it starts."),
    case("association_officer_dates", officer_leaving_before_starting, "An office cannot end before it starts."),
    case("association_chapter_unique_name", chapter_with_taken_name,
         "This association already has a chapter with this name."),
    case("association_report_unique_period", second_report_for_same_period,
         "This association already has a report for this period."),
    case("occasion_has_day_and_month", fixed_occasion_without_month,
         "A fixed or lunar occasion needs a day and a month."),
    case("occasion_has_day_and_month:lunar", lunar_occasion_without_day,
         "A fixed or lunar occasion needs a day and a month."),
    case("occasion_date_unique_year", second_date_for_same_year, "This occasion already has a date for this year."),
    case("occasion_date_range", occasion_date_ending_before_start, "The end date cannot be before the start date."),
    case("greeting_sent_has_date", sent_greeting_without_date, "A sent greeting needs the date it was sent."),
]


@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


def partner_with_same_name_in_another_country():
    existing = factories.ForeignPartnerFactory(name_vi="Đại sứ quán")
    return factories.ForeignPartnerFactory.build(name_vi=existing.name_vi, country=factories.CountryFactory())


def unsigned_agreement(status):
    def make():
        return factories.AgreementFactory.build(vn_signatory=factories.AgencyFactory(), status=status, signed_on=None)

    return make


ALLOWED_CASES = [
    pytest.param(
        lambda: factories.CountryFactory.build(code="LA", national_day_day=None, national_day_month=None),
        id="country_without_national_day",
    ),
    pytest.param(
        lambda: factories.AdministrativeUnitFactory.build(valid_from=date(2025, 7, 1), valid_to=date(2025, 7, 1)),
        id="unit_valid_one_day",
    ),
    pytest.param(partner_with_same_name_in_another_country, id="partner_same_name_other_country"),
    *[
        pytest.param(unsigned_agreement(status), id=f"agreement_{status}_without_signing_date")
        for status in ("draft", "consulting", "approved_to_sign", "terminated")
    ],
    pytest.param(
        lambda: factories.OccasionFactory.build(
            country=factories.CountryFactory(), date_rule=Occasion.DateRule.PER_YEAR, month=None, day=None
        ),
        id="per_year_occasion_without_day",
    ),
    pytest.param(
        lambda: factories.OccasionDateFactory.build(
            occasion=factories.OccasionDateFactory(year=2026).occasion, year=2027, date=date(2027, 4, 14)
        ),
        id="occasion_date_next_year",
    ),
    pytest.param(
        lambda: factories.GreetingFactory.build(
            occasion=factories.OccasionFactory(), status=Greeting.Status.APPROVED, sent_on=None
        ),
        id="approved_greeting_without_sent_date",
    ),
]


@pytest.mark.parametrize("make", ALLOWED_CASES)
def test_constraint_accepts_valid_row(make):
    assert_accepted(make())


# Agreements: report to the Prime Minister within 15 days of signing (Law 70/2020/QH14), configurable.


def test_post_signing_report_is_due_15_days_after_signing(db):
    agreement = factories.AgreementFactory(signed_on=date(2022, 8, 27))
    assert agreement.post_signing_report_due_on == date(2022, 9, 11)


def test_post_signing_report_days_come_from_settings(db, settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "AGREEMENT_REPORT_DAYS": 30}
    agreement = factories.AgreementFactory(signed_on=date(2022, 8, 27))
    assert agreement.post_signing_report_due_on == date(2022, 9, 26)
    assert not agreement.is_post_signing_report_late(today=date(2022, 9, 26))
    assert agreement.is_post_signing_report_late(today=date(2022, 9, 27))


def test_unsigned_agreement_has_no_report_due_and_is_never_late(db):
    agreement = factories.AgreementFactory(status=Agreement.Status.CONSULTING, signed_on=None)
    assert agreement.post_signing_report_due_on is None
    assert not agreement.is_post_signing_report_late(today=date(2030, 1, 1))


@pytest.mark.parametrize(
    ("today", "late"),
    [(date(2022, 9, 10), False), (date(2022, 9, 11), False), (date(2022, 9, 12), True)],
)
def test_unsent_post_signing_report_is_late_after_the_due_day(db, today, late):
    agreement = factories.AgreementFactory(signed_on=date(2022, 8, 27), post_signing_report_sent_on=None)
    assert agreement.is_post_signing_report_late(today=today) is late


@pytest.mark.parametrize(("sent_on", "late"), [(date(2022, 9, 11), False), (date(2022, 9, 12), True)])
def test_sent_post_signing_report_is_late_only_if_sent_after_the_due_day(db, sent_on, late):
    agreement = factories.AgreementFactory(signed_on=date(2022, 8, 27), post_signing_report_sent_on=sent_on)
    # The sending date decides, not today.
    assert agreement.is_post_signing_report_late(today=date(2030, 1, 1)) is late


# Occasions and countries.


@pytest.mark.parametrize(
    ("base_year", "year", "expected"),
    [(1949, 2019, 70), (1789, 2019, 230), (1962, 2027, 65), (1962, 1963, 1), (1962, 1962, None), (1962, 1950, None),
     (None, 2026, None)],
)
def test_occasion_anniversary_is_year_minus_base_year(base_year, year, expected):
    occasion = factories.OccasionFactory.build(base_year=base_year)
    assert occasion.anniversary(year) == expected


@pytest.mark.parametrize(
    ("day", "month", "origin_year", "text"),
    [(1, 10, 1949, "01/10/1949"), (14, 7, 1789, "14/07/1789"), (5, 12, None, "05/12"), (None, None, None, "")],
)
def test_country_national_day_text(day, month, origin_year, text):
    country = factories.CountryFactory.build(
        national_day_day=day, national_day_month=month, national_day_origin_year=origin_year
    )
    assert country.national_day == text
